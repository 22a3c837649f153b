#include "parley/plan/checklist.h"

#include <algorithm>
#include <string>
#include <vector>

#include "internal/grid.h"
#include "parley/core/evidence_coverage.h"
#include "parley/core/text.h"
#include "parley/plan/brief.h"

namespace parley::plan {
namespace {

bool HasPitfall(const Brief& b, power::PitfallId id, const std::string& party = "") {
  return std::any_of(b.pitfalls.begin(), b.pitfalls.end(), [&](const power::Pitfall& p) {
    return p.id == id && (party.empty() || p.party == party);
  });
}

std::string PitfallMessage(const Brief& b, power::PitfallId id) {
  for (const power::Pitfall& p : b.pitfalls) {
    if (p.id == id) return p.message;
  }
  return "";
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

std::vector<CheckItem> EvaluateChecklist(const Case& c, const Brief& b) {
  using enum CheckStatus;
  std::vector<CheckItem> out;
  auto add = [&out](const char* id, const char* kind, const char* item, CheckStatus status,
                    std::string reason) {
    out.push_back({id, kind, item, status, std::move(reason)});
  };
  const Party* us = c.FindParty(b.us);
  const Party* them = c.FindParty(b.them);
  const std::string them_name = them != nullptr ? them->DisplayName() : "the other side";

  // ---- do ----
  if (us == nullptr || !us->batna) {
    add("batna-known", "do", "Know our BATNA and back it with evidence", kFail,
        "No BATNA is stated for our side: without it there is no walk-away.");
  } else if (us->batna->evidence.empty()) {
    add("batna-known", "do", "Know our BATNA and back it with evidence", kFail,
        "Our BATNA is stated without evidence (parties.batna.evidence): a bluff risk.");
  } else {
    add("batna-known", "do", "Know our BATNA and back it with evidence", kPass,
        "Our BATNA cites " + internal::JoinAnd(us->batna->evidence) + ".");
  }

  if (them == nullptr || !them->batna) {
    add("their-batna-estimated", "do", "Estimate their BATNA, with its uncertainty", kFail,
        "No BATNA is estimated for " + them_name + ".");
  } else {
    add("their-batna-estimated", "do", "Estimate their BATNA, with its uncertainty", kPass,
        them->batna->range ? them_name + "'s BATNA is estimated as a range."
                           : them_name +
                                 "'s BATNA is estimated as a single value; a range "
                                 "would show the uncertainty.");
  }

  std::size_t floors = 0, backed = 0;
  for (const Floor& f : c.floors) {
    if (f.party != b.us) continue;
    ++floors;
    backed += !f.evidence.empty();
  }
  add("floors-set", "do", "Set floors on the issues that matter, with evidence",
      floors == 0        ? kFail
      : backed == floors ? kPass
                         : kFail,
      floors == 0 ? "No floors are set for our side."
                  : std::to_string(backed) + " of our " + std::to_string(floors) +
                        " floors cite evidence.");

  if (!b.anchor) {
    add("anchor-defensible", "do", "Open with a defensible anchor backed by standards", kUnknown,
        "No anchor was planned (see the notes).");
  } else if (b.anchor->evidence.empty()) {
    add("anchor-defensible", "do", "Open with a defensible anchor backed by standards", kFail,
        "No benchmark, cost, precedent or legal standard backs the anchor.");
  } else {
    add("anchor-defensible", "do", "Open with a defensible anchor backed by standards", kPass,
        "The anchor cites " + internal::JoinAnd(b.anchor->evidence) + ".");
  }

  const power::PartySources* mine = nullptr;
  const power::PartySources* theirs = nullptr;
  for (const power::PartySources& p : b.power.sources.power) {
    if (p.party == b.us) mine = &p;
    if (p.party == b.them) theirs = &p;
  }
  const int our_scored = mine != nullptr ? mine->scored : 0;
  const int their_scored = theirs != nullptr ? theirs->scored : 0;
  add("power-assessed", "do", "Score the six sources of power for both sides",
      our_scored == kPowerSourceCount && their_scored == kPowerSourceCount ? kPass
      : our_scored == 0 || their_scored == 0                               ? kFail
                                                                           : kUnknown,
      "We score " + std::to_string(our_scored) + " of 6 sources for our side and " +
          std::to_string(their_scored) + " for " + them_name + "; unscored ones count as 2.5.");

  const power::PartyPerception* felt = nullptr;
  for (const power::PartyPerception& p : b.power.perception.parties) {
    if (p.party == b.us) felt = &p;
  }
  if (felt == nullptr || !felt->felt) {
    add("perception-checked", "do", "Check how strong we feel against the assessment", kUnknown,
        "Our perceived_power is not stated.");
  } else {
    const bool close = std::abs(felt->gap) < b.power.options.perception_threshold;
    add("perception-checked", "do", "Check how strong we feel against the assessment",
        close ? kPass : kFail,
        "We feel " + text::Fixed(*felt->felt, 1) + " against an assessed " +
            text::Fixed(felt->assessed, 1) + " (gap " + text::Fixed(felt->gap, 1) + ")" +
            (close ? "." : ": act on the assessment, not the feeling."));
  }

  std::size_t mapped = 0, deciders = 0;
  for (const Stakeholder& s : c.stakeholders) {
    if (s.party != b.them) continue;
    ++mapped;
    deciders += s.veto || s.formal.value_or(0) >= 4;
  }
  add("stakeholders-mapped", "do", "Map who decides and who influences on their side",
      mapped == 0    ? kFail
      : deciders > 0 ? kPass
                     : kUnknown,
      mapped == 0
          ? "No stakeholder of " + them_name + " is mapped."
          : std::to_string(mapped) + (mapped == 1 ? " stakeholder of " : " stakeholders of ") +
                them_name + " mapped, " + std::to_string(deciders) +
                " with a veto or formal authority of 4+.");

  if (!b.tradeables) {
    add("value-before-price", "do", "Create value before claiming it: trade across issues",
        kUnknown, "Tradeables need values from both sides.");
  } else {
    std::vector<std::string> tradeable;
    for (const IssueTrade& t : b.tradeables->issues) {
      if (t.nature == IssueNature::kIntegrative || t.nature == IssueNature::kCompatible) {
        tradeable.push_back(t.issue);
      }
    }
    add("value-before-price", "do", "Create value before claiming it: trade across issues",
        tradeable.empty() ? kFail : kPass,
        tradeable.empty()
            ? "Every issue is distributive or one-sided: add an issue that one side values more."
            : "Integrative or compatible issues to trade: " + internal::JoinAnd(tradeable) + ".");
  }

  if (!b.meso) {
    add("meso-ready", "do", "Prepare two or three packages of equal value (MESO)", kUnknown,
        "No MESO set was built (see the notes).");
  } else {
    add("meso-ready", "do", "Prepare two or three packages of equal value (MESO)",
        b.meso->packages.size() >= 2 ? kPass : kFail,
        std::to_string(b.meso->packages.size()) +
            (b.meso->packages.size() == 1 ? " package" : " packages") +
            (b.meso->shortfall.empty() ? "." : ": " + b.meso->shortfall + "."));
  }

  if (!b.concession_plan) {
    add("concessions-planned", "do", "Plan concessions that shrink and each buy something",
        kUnknown, "No concession plan was built (see the notes).");
  } else {
    add("concessions-planned", "do", "Plan concessions that shrink and each buy something", kPass,
        std::to_string(b.concession_plan->steps.size()) + " planned step" +
            (b.concession_plan->steps.size() == 1 ? "; " : "s; ") + b.concession_plan->pacing);
  }

  std::size_t dated = 0, evidenced = 0;
  for (const Party& p : c.parties) {
    if (!p.deadline || p.deadline->date.empty()) continue;
    ++dated;
    evidenced += !p.deadline->evidence.empty();
  }
  add("deadlines-real", "do", "Tie deadlines to real budget or capacity dates",
      dated == 0           ? kUnknown
      : evidenced == dated ? kPass
                           : kFail,
      dated == 0 ? "No dated deadline is stated."
                 : std::to_string(evidenced) + " of " + std::to_string(dated) +
                       " dated deadlines cite evidence.");

  if (!b.power.prediction) {
    add("zopa-checked", "do", "Check that a deal space exists", kUnknown,
        "No prediction: fewer than two parties state values.");
  } else {
    const double p = b.power.prediction->zopa_probability;
    add("zopa-checked", "do", "Check that a deal space exists",
        b.power.prediction->deal && p >= 0.5 ? kPass : kFail,
        "A zone of possible agreement exists in " + text::Percent(p) + " of the sampled BATNAs" +
            (b.power.prediction->deal ? "." : ", and none at the point estimate."));
  }

  // ---- avoid ----
  std::vector<std::string> bluffs;
  for (const Claim& claim : b.power.sources.unsupported) {
    if (claim.party == b.us) bluffs.push_back(claim.subject);
  }
  add("no-bluffing", "avoid", "Bluffing about the BATNA, capacity, deadlines or power",
      bluffs.empty() ? kPass : kFail,
      bluffs.empty() ? "Every claim of ours cites evidence."
                     : "Claims of ours without evidence: " + internal::JoinAnd(bluffs) + ".");

  std::size_t ours = 0, one_way = 0;
  for (const ConcessionReview& e : b.concessions.entries) {
    if (e.giver != b.us) continue;
    ++ours;
    one_way += e.one_way;
  }
  add("no-one-way-concessions", "avoid", "Conceding without reciprocity",
      ours == 0      ? kUnknown
      : one_way == 0 ? kPass
                     : kFail,
      ours == 0 ? "The concession log holds no concession of ours yet."
                : std::to_string(one_way) + " of our " + std::to_string(ours) +
                      " logged concessions asked nothing in return.");

  if (!c.relationship) {
    add("no-hard-power-when-repeated", "avoid",
        "Hard power in a repeated, reputation-sensitive relationship", kUnknown,
        "The case does not say whether the relationship is repeated.");
  } else if (HasPitfall(b, power::PitfallId::kHardPowerInRepeatedRelationship)) {
    add("no-hard-power-when-repeated", "avoid",
        "Hard power in a repeated, reputation-sensitive relationship", kFail,
        PitfallMessage(b, power::PitfallId::kHardPowerInRepeatedRelationship));
  } else {
    add("no-hard-power-when-repeated", "avoid",
        "Hard power in a repeated, reputation-sensitive relationship", kPass,
        *c.relationship == Relationship::kOneOff
            ? "The relationship is one-off."
            : "What pressing hard would gain is large next to one more deal's surplus, or "
              "nothing is gained over an even split.");
  }

  add("no-face-threat", "avoid", "A hard-line tone that threatens face",
      !c.culture                       ? kUnknown
      : *c.culture == Culture::kDirect ? kPass
                                       : kUnknown,
      !c.culture ? "The case does not say whether the culture is direct or indirect."
      : *c.culture == Culture::kDirect
          ? "The culture is direct: plain statements of limits are expected."
          : "The culture is indirect: it depends on conduct; follow the private-preview order "
            "of the playbook.");

  add("no-deadline-reliance", "avoid", "Letting deadlines carry the plan",
      HasPitfall(b, power::PitfallId::kDeadlineReliance) ? kFail
      : b.weight_without_deadlines                       ? kPass
                                                         : kUnknown,
      HasPitfall(b, power::PitfallId::kDeadlineReliance)
          ? PitfallMessage(b, power::PitfallId::kDeadlineReliance)
      : b.weight_without_deadlines
          ? "Ignoring every deadline would move our bargaining weight by less than " +
                text::Fixed(100 * b.options.deadline_weight_share, 0) + " points."
          : "No leverage could be computed.");

  if (b.concession_plan && !b.concession_plan->steps.empty() &&
      !b.concession_plan->close_date.empty()) {
    const std::string& last = b.concession_plan->steps.back().date;
    const bool early = last < b.concession_plan->close_date;
    add("no-last-minute-squeeze", "avoid", "Timing errors: the last-minute squeeze",
        early ? kPass : kFail,
        "The last planned concession is on " + last + ", the close on " +
            b.concession_plan->close_date + ".");
  } else {
    add("no-last-minute-squeeze", "avoid", "Timing errors: the last-minute squeeze", kUnknown,
        "The plan has no dated close.");
  }

  add("no-over-reliance", "avoid", "Relying on one source of power",
      HasPitfall(b, power::PitfallId::kOverReliance, b.us) ? kFail : kPass,
      HasPitfall(b, power::PitfallId::kOverReliance, b.us)
          ? PitfallMessage(b, power::PitfallId::kOverReliance)
          : "No single source carries most of our power.");
  return out;
}

}  // namespace parley::plan
