#include "parley/plan/checklist.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "internal/grid.h"
#include "parley/analysis/walk_away.h"
#include "parley/core/text.h"
#include "parley/plan/verdict.h"

namespace parley::plan {
namespace {

using enum CheckStatus;
using power::PitfallId;

const power::Pitfall* FindPitfall(const PlanInputs& in, PitfallId id,
                                  const std::string& party = "") {
  for (const power::Pitfall& p : in.pitfalls) {
    if (p.id == id && (party.empty() || p.party == party)) return &p;
  }
  return nullptr;
}

std::string PitfallMessage(const PlanInputs& in, PitfallId id) {
  const power::Pitfall* p = FindPitfall(in, id);
  return p != nullptr ? p->message : "";
}

std::string TheirName(const PlanInputs& in) {
  const Party* them = in.c->FindParty(in.them);
  return them != nullptr ? them->DisplayName() : "the other side";
}

// ---- do ---------------------------------------------------------------------------------------

CheckVerdict BatnaKnown(const PlanInputs& in) {
  const Party* us = in.c->FindParty(in.us);
  if (us == nullptr || !us->batna) {
    if (us == nullptr || in.c->FindValues(us->id) == nullptr) {
      return {kFail, "No BATNA is stated for our side: without it there is no walk-away."};
    }
    // The walk-away every command states (analysis/walk_away.h), in the same words.
    return {kFail, "No BATNA is stated for our side: our walk-away is " +
                       analysis::WalkAwayText(*in.c, analysis::PartyWalkAway(*in.c, us->id)) +
                       ". State one, with evidence."};
  }
  if (us->batna->evidence.empty()) {
    return {kFail, "Our BATNA is stated without evidence (parties.batna.evidence): a bluff risk."};
  }
  return {kPass, "Our BATNA cites " + text::JoinAnd(us->batna->evidence) + "."};
}

CheckVerdict TheirBatnaEstimated(const PlanInputs& in) {
  const Party* them = in.c->FindParty(in.them);
  const std::string them_name = TheirName(in);
  if (them == nullptr || !them->batna) {
    return {kFail, "No BATNA is estimated for " + them_name + "."};
  }
  return {kPass, them->batna->range
                     ? text::Possessive(them_name) + " BATNA is estimated as a range."
                     : text::Possessive(them_name) +
                           " BATNA is estimated as a single value; a range "
                           "would show the uncertainty."};
}

CheckVerdict FloorsSet(const PlanInputs& in) {
  std::size_t floors = 0, backed = 0;
  for (const Floor& f : in.c->floors) {
    if (f.party != in.us) continue;
    ++floors;
    backed += !f.evidence.empty();
  }
  if (floors == 0) return {kFail, "No floors are set for our side."};
  return {backed == floors ? kPass : kFail,
          std::to_string(backed) + " of our " + std::to_string(floors) + " floors cite evidence."};
}

CheckVerdict AnchorDefensible(const PlanInputs& in) {
  if (NothingWorthOpening(in)) {
    return {kUnknown, in.floors_block.empty()
                          ? "No package is worth our walk-away, so there is no anchor to open "
                            "with (see the verdict)."
                          : "The floors leave no possible deal, so there is no anchor to open "
                            "with (see the verdict)."};
  }
  if (in.anchor == nullptr) return {kUnknown, "No anchor was planned (see the notes)."};
  if (in.anchor->evidence.empty()) {
    return {kFail, "No benchmark, cost, precedent or legal standard backs the anchor."};
  }
  return {kPass, "The anchor cites " + text::JoinAnd(in.anchor->evidence) + "."};
}

int ScoredSources(const PlanInputs& in, const std::string& party) {
  for (const power::PartySources& p : in.sources->power) {
    if (p.party == party) return p.scored;
  }
  return 0;
}

// Our side and every counterpart (a three-party deal scores each partner).
CheckVerdict PowerAssessed(const PlanInputs& in) {
  const int our_scored = in.us.empty() ? 0 : ScoredSources(in, in.us);
  bool all = our_scored == kPowerSourceCount, none = our_scored == 0;
  std::vector<std::string> theirs;
  for (const Party& p : in.c->parties) {
    if (p.id == in.us) continue;
    const int scored = ScoredSources(in, p.id);
    all = all && scored == kPowerSourceCount;
    none = none || scored == 0;
    theirs.push_back(std::to_string(scored) + " for " + p.DisplayName());
  }
  if (theirs.empty()) none = true;
  return {all    ? kPass
          : none ? kFail
                 : kUnknown,
          "We score " + std::to_string(our_scored) + " of 6 sources for our side" +
              (theirs.empty() ? std::string() : " and " + text::JoinAnd(theirs)) +
              "; unscored ones count as 2.5."};
}

CheckVerdict PerceptionChecked(const PlanInputs& in) {
  const power::PartyPerception* felt = nullptr;
  for (const power::PartyPerception& p : in.perception->parties) {
    if (p.party == in.us) felt = &p;
  }
  if (felt == nullptr || !felt->felt) return {kUnknown, "Our perceived_power is not stated."};
  const bool close = std::abs(felt->gap) < in.options->power.perception_threshold;
  return {close ? kPass : kFail, "We feel " + text::Fixed(*felt->felt, 1) +
                                     " against an assessed " + text::Fixed(felt->assessed, 1) +
                                     " (gap " + text::Fixed(felt->gap, 1) + ")" +
                                     (close ? "." : ": act on the assessment, not the feeling.")};
}

// Their side mapped, and its real deciders from the stakeholder map (real say, vetoes); who
// decides is a guess when their side states no decision rule, no formal authority and no veto.
CheckVerdict StakeholdersMapped(const PlanInputs& in) {
  std::size_t mapped = 0;
  bool stated = false;
  for (const Stakeholder& s : in.c->stakeholders) {
    if (s.party != in.them) continue;
    ++mapped;
    stated = stated || s.veto || s.formal.has_value();
  }
  const std::string them_name = TheirName(in);
  if (mapped == 0) return {kFail, "No stakeholder of " + them_name + " is mapped."};
  std::vector<std::string> deciders;
  if (in.stakeholder_map != nullptr) {
    for (const stakeholders::PartyMap& m : in.stakeholder_map->parties) {
      if (m.party != in.them) continue;
      stated = stated || !m.rule.assumed;
      for (const std::string& id : m.real_deciders) {
        for (const Stakeholder& s : in.c->stakeholders) {
          if (s.id == id) deciders.push_back(PersonName(s));
        }
      }
    }
  }
  std::string reason = std::to_string(mapped) +
                       (mapped == 1 ? " stakeholder of " : " stakeholders of ") + them_name +
                       " mapped";
  // The other counterparts' maps, counted too (their deciders are named by the plan's people).
  std::vector<std::string> others;
  for (const Party& p : in.c->parties) {
    if (p.id == in.us || p.id == in.them) continue;
    const auto n = std::count_if(in.c->stakeholders.begin(), in.c->stakeholders.end(),
                                 [&p](const Stakeholder& s) { return s.party == p.id; });
    others.push_back(std::to_string(n) + " of " + p.DisplayName());
  }
  if (!others.empty()) reason += ", " + text::JoinAnd(others);
  if (!deciders.empty()) reason += "; real deciders by real say: " + text::JoinAnd(deciders);
  if (!stated) {
    return {kUnknown, reason +
                          "; no decision rule, formal authority or veto is stated, so who "
                          "decides is a guess."};
  }
  return {kPass, reason + "."};
}

CheckVerdict ValueBeforePrice(const PlanInputs& in) {
  if (in.tradeables == nullptr) return {kUnknown, "Tradeables need values from both sides."};
  std::vector<std::string> tradeable;
  for (const IssueTrade& t : in.tradeables->issues) {
    if (t.nature == IssueNature::kIntegrative || t.nature == IssueNature::kCompatible) {
      tradeable.push_back(t.issue);
    }
  }
  if (tradeable.empty()) {
    return {kFail,
            "Every issue is distributive or one-sided: add an issue that one side values more."};
  }
  return {kPass, "Integrative or compatible issues to trade: " + text::JoinAnd(tradeable) + "."};
}

CheckVerdict MesoReady(const PlanInputs& in) {
  if (in.meso == nullptr) return {kUnknown, "No MESO set was built (see the notes)."};
  const std::size_t n = in.meso->packages.size();
  return {n >= 2 ? kPass : kFail,
          std::to_string(n) + (n == 1 ? " package" : " packages") +
              (in.meso->shortfall.empty() ? "." : ": " + in.meso->shortfall + ".")};
}

CheckVerdict ConcessionsPlanned(const PlanInputs& in) {
  if (in.concession_plan == nullptr) {
    return {kUnknown, "No concession plan was built (see the notes)."};
  }
  const std::size_t n = in.concession_plan->steps.size();
  return {kPass, std::to_string(n) + " planned step" + (n == 1 ? "; " : "s; ") +
                     in.concession_plan->pacing};
}

CheckVerdict DeadlinesReal(const PlanInputs& in) {
  std::size_t dated = 0, evidenced = 0;
  for (const Party& p : in.c->parties) {
    if (!p.deadline || p.deadline->date.empty()) continue;
    ++dated;
    evidenced += !p.deadline->evidence.empty();
  }
  if (dated == 0) return {kUnknown, "No dated deadline is stated."};
  return {evidenced == dated ? kPass : kFail, std::to_string(evidenced) + " of " +
                                                  std::to_string(dated) +
                                                  " dated deadlines cite evidence."};
}

CheckVerdict ZopaChecked(const PlanInputs& in) {
  if (!in.floors_block.empty()) {
    return {kFail, "The floors leave no possible deal: " + in.floors_block + "."};
  }
  if (in.prediction == nullptr) {
    return {kUnknown, "No prediction: fewer than two parties state values."};
  }
  const double p = in.prediction->zopa_probability;
  return {in.prediction->deal && p >= 0.5 ? kPass : kFail,
          "A zone of possible agreement exists in " + text::Percent(p) + " of the sampled BATNAs" +
              (in.prediction->deal ? "." : ", and none at the point estimate.")};
}

// ---- avoid ------------------------------------------------------------------------------------

CheckVerdict NoBluffing(const PlanInputs& in) {
  std::vector<std::string> bluffs;
  for (const Claim& claim : in.sources->unsupported) {
    if (claim.party == in.us) bluffs.push_back(claim.subject);
  }
  if (bluffs.empty()) return {kPass, "Every claim of ours cites evidence."};
  return {kFail, "Claims of ours without evidence: " + text::JoinAnd(bluffs) + "."};
}

CheckVerdict NoOneWayConcessions(const PlanInputs& in) {
  std::size_t ours = 0, one_way = 0;
  for (const ConcessionReview& e : in.concessions) {
    if (e.giver != in.us) continue;
    ++ours;
    one_way += e.one_way;
  }
  if (ours == 0) return {kUnknown, "The concession log holds no concession of ours yet."};
  return {one_way == 0 ? kPass : kFail, std::to_string(one_way) + " of our " +
                                            std::to_string(ours) +
                                            " logged concessions asked nothing in return."};
}

CheckVerdict NoHardPowerWhenRepeated(const PlanInputs& in) {
  const Case& c = *in.c;
  if (!c.relationship) {
    return {kUnknown, "The case does not say whether the relationship is repeated."};
  }
  if (FindPitfall(in, PitfallId::kHardPowerInRepeatedRelationship) != nullptr) {
    return {kFail, PitfallMessage(in, PitfallId::kHardPowerInRepeatedRelationship)};
  }
  return {kPass, *c.relationship == Relationship::kOneOff
                     ? "The relationship is one-off."
                     : "What pressing hard would gain now outweighs the surplus of the future "
                       "deals at stake (the verdict weighs them), or nothing is gained over the "
                       "equal-power deal."};
}

CheckVerdict NoFaceThreat(const PlanInputs& in) {
  const Case& c = *in.c;
  if (!c.culture) {
    return {kUnknown, "The case does not say whether the culture is direct or indirect."};
  }
  if (*c.culture == Culture::kDirect) {
    return {kPass, "The culture is direct: plain statements of limits are expected."};
  }
  return {kUnknown,
          "The culture is indirect: it depends on conduct; follow the private-preview order "
          "of the playbook."};
}

CheckVerdict NoDeadlineReliance(const PlanInputs& in) {
  if (FindPitfall(in, PitfallId::kDeadlineReliance) != nullptr) {
    return {kFail, PitfallMessage(in, PitfallId::kDeadlineReliance)};
  }
  if (!in.weight_without_deadlines) return {kUnknown, "No leverage could be computed."};
  const power::PartyLeverage* mine = in.leverage != nullptr ? in.leverage->Find(in.us) : nullptr;
  const double drop = mine != nullptr ? mine->weight - *in.weight_without_deadlines : 0;
  if (drop <= -in.options->deadline_weight_share) {  // deadlines weaken us: nothing leans on them
    return {kPass, "Deadlines carry none of our bargaining weight: they cost us " +
                       text::Fixed(-100 * drop, 1) + " points (" + text::Percent(mine->weight) +
                       " with them, " + text::Percent(*in.weight_without_deadlines) +
                       " without), so the plan cannot lean on them."};
  }
  return {kPass, "Ignoring every deadline would move our bargaining weight by less than " +
                     text::Fixed(100 * in.options->deadline_weight_share, 0) + " points."};
}

CheckVerdict NoLastMinuteSqueeze(const PlanInputs& in) {
  const ConcessionPlan* plan = in.concession_plan;
  if (plan == nullptr || plan->close_date.empty())
    return {kUnknown, "The plan has no dated close."};
  if (plan->steps.empty()) {
    return {kPass, "No concession is left to plan before the close on " + plan->close_date + "."};
  }
  const std::string& last = plan->steps.back().date;
  return {last < plan->close_date ? kPass : kFail,
          "The last planned concession is on " + last + ", the close on " + plan->close_date + "."};
}

CheckVerdict NoOverReliance(const PlanInputs& in) {
  if (FindPitfall(in, PitfallId::kOverReliance, in.us) != nullptr) {
    return {kFail, PitfallMessage(in, PitfallId::kOverReliance)};
  }
  return {kPass, "No single source carries most of our power."};
}

}  // namespace

const char* CheckStatusName(CheckStatus status) {
  switch (status) {
    case CheckStatus::kPass:
      return "pass";
    case CheckStatus::kFail:
      return "fail";
    case CheckStatus::kUnknown:
      break;
  }
  return "unknown";
}

const char* CheckKindName(CheckKind kind) { return kind == CheckKind::kDo ? "do" : "avoid"; }

const std::vector<CheckRule>& ChecklistRules() {
  using enum CheckKind;
  static const std::vector<CheckRule> kRules{
      {"batna-known", kDo, "Know our BATNA and back it with evidence", BatnaKnown},
      {"their-batna-estimated", kDo, "Estimate their BATNA, with its uncertainty",
       TheirBatnaEstimated},
      {"floors-set", kDo, "Set floors on the issues that matter, with evidence", FloorsSet},
      {"anchor-defensible", kDo, "Open with a defensible anchor backed by standards",
       AnchorDefensible},
      {"power-assessed", kDo, "Score the six sources of power for every side", PowerAssessed},
      {"perception-checked", kDo, "Check how strong we feel against the assessment",
       PerceptionChecked},
      {"stakeholders-mapped", kDo, "Map who decides and who influences on their side",
       StakeholdersMapped},
      {"value-before-price", kDo, "Create value before claiming it: trade across issues",
       ValueBeforePrice},
      {"meso-ready", kDo, "Prepare two or three packages of equal value (MESO)", MesoReady},
      {"concessions-planned", kDo, "Plan concessions that never grow and each buy something",
       ConcessionsPlanned},
      {"deadlines-real", kDo, "Tie deadlines to real budget or capacity dates", DeadlinesReal},
      {"zopa-checked", kDo, "Check that a deal space exists", ZopaChecked},
      {"no-bluffing", kAvoid, "Bluffing about the BATNA, capacity, deadlines or power", NoBluffing},
      {"no-one-way-concessions", kAvoid, "Conceding without reciprocity", NoOneWayConcessions},
      {"no-hard-power-when-repeated", kAvoid,
       "Hard power in a repeated, reputation-sensitive relationship", NoHardPowerWhenRepeated},
      {"no-face-threat", kAvoid, "A hard-line tone that threatens face", NoFaceThreat},
      {"no-deadline-reliance", kAvoid, "Letting deadlines carry the plan", NoDeadlineReliance},
      {"no-last-minute-squeeze", kAvoid, "Timing errors: the last-minute squeeze",
       NoLastMinuteSqueeze},
      {"no-over-reliance", kAvoid, "Relying on one source of power", NoOverReliance},
  };
  return kRules;
}

std::vector<CheckItem> EvaluateChecklist(const PlanInputs& in) {
  std::vector<CheckItem> out;
  for (const CheckRule& rule : ChecklistRules()) {
    CheckVerdict verdict = rule.judge(in);
    out.push_back(
        {rule.id, CheckKindName(rule.kind), rule.item, verdict.status, std::move(verdict.reason)});
  }
  return out;
}

}  // namespace parley::plan
