#include "parley/plan/playbook.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "internal/grid.h"
#include "internal/playbook_moves.h"
#include "parley/core/evidence_audience.h"
#include "parley/core/package.h"
#include "parley/core/text.h"
#include "parley/plan/plan_pitfalls.h"
#include "parley/plan/verdict.h"
#include "parley/stakeholders/stakeholder_map.h"

namespace parley::plan {
namespace {

using internal::Facts;

// The claims (and sources) of the items among `ids` that `us` may read aloud (MayCite: shown to
// the other side and supporting only us); the rest never enter a script.
std::string EvidenceText(const Case& c, const std::string& us,
                         const std::vector<std::string>& ids) {
  std::vector<std::string> parts;
  for (const std::string& id : ids) {
    if (const Evidence* e = c.FindEvidence(id); e != nullptr && MayCite(c, *e, us)) {
      parts.push_back(e->claim + (e->source.empty() ? "" : " (" + e->source + ")"));
    }
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

std::string Terms(const Case& c, const Outcome& o) { return text::OutcomeText(c, o); }

std::string IssueName(const Case& c, const std::string& id) {
  const Issue* issue = c.FindIssue(id);
  return issue != nullptr ? issue->DisplayName() : id;
}

std::string MoveText(const Case& c, const Move& m) {
  return IssueName(c, m.issue) + " from " + m.from_text + " to " + m.to_text;
}

// A floor's limit as a person reads it (money with separators on a money issue).
std::string FloorValue(const Case& c, const Floor& fl, double limit) {
  const Issue* issue = c.FindIssue(fl.issue);
  return issue != nullptr ? text::IssueValueText(c, *issue, limit) : FormatNumber(limit);
}

// Our first floor with evidence we may cite, else our first floor ("go below 105000 on Annual
// price"), and that evidence; our BATNA is never read aloud.
void GatherFloor(const PlanInputs& in, Facts& f) {
  const Case& c = *in.c;
  const Floor* chosen = nullptr;
  f.floors_all_shown = true;
  for (const Floor& fl : c.floors) {
    if (fl.party == in.us && EvidenceText(c, in.us, fl.evidence).empty()) {
      f.floors_all_shown = false;
    }
  }
  for (const Floor& fl : c.floors) {
    if (fl.party != in.us) continue;
    if (chosen == nullptr) chosen = &fl;
    if (!EvidenceText(c, in.us, fl.evidence).empty()) {
      chosen = &fl;
      break;
    }
  }
  if (chosen != nullptr) {
    const Floor& fl = *chosen;
    const std::string name = IssueName(c, fl.issue);
    if (fl.min) {
      f.floor_text = "go below " + FloorValue(c, fl, *fl.min) + " on " + name;
      f.floor_when = "they ask for " + name + " below " + FloorValue(c, fl, *fl.min);
    } else if (fl.max) {
      f.floor_text = "go above " + FloorValue(c, fl, *fl.max) + " on " + name;
      f.floor_when = "they ask for " + name + " above " + FloorValue(c, fl, *fl.max);
    } else if (!fl.exclude.empty()) {
      f.floor_text = "accept " + text::JoinOr(fl.exclude) + " on " + name;
      f.floor_when = "they ask for " + text::JoinOr(fl.exclude) + " on " + name;
    }
    f.floor_evidence = EvidenceText(c, in.us, fl.evidence);
    for (const std::string& id : fl.evidence) f.floor_backed |= c.FindEvidence(id) != nullptr;
    f.floor_issue = fl.issue;
  }
}

// The anchor and the predicted deal.
void GatherAnchor(const PlanInputs& in, Facts& f) {
  auto amount = [&f](double x) { return text::Amount(x, f.money); };
  auto figure = [&f](double x) { return text::CostOrValue(x, f.money); };  // in a sentence
  if (in.anchor != nullptr) {
    f.walk_away = figure(in.anchor->walk_away);
    f.anchor_terms = Terms(*in.floored, in.anchor->outcome);
    f.anchor_value = amount(in.anchor->our_value);
    f.credible_low = figure(in.anchor->credible_low);
    if (in.anchor->credible_low_outcome) {
      f.credible_low_terms = Terms(*in.floored, *in.anchor->credible_low_outcome);
    }
    f.anchor_evidence = EvidenceText(*in.c, in.us, in.anchor->evidence);
  }
  if (in.under_way && in.position != nullptr) {
    f.under_way = true;
    f.table_terms = Terms(*in.floored, *in.position);
    std::vector<std::string> logged, rest;
    for (std::size_t i = 0; i < in.floored->issues.size(); ++i) {
      const Issue& issue = in.floored->issues[i];
      const std::string term =
          issue.DisplayName() + " " + text::GridValueText(*in.floored, issue, (*in.position)[i]);
      const bool settled = in.position_logged != nullptr && i < in.position_logged->size() &&
                           (*in.position_logged)[i];
      (settled ? logged : rest).push_back(term);
    }
    f.table_logged_terms = text::JoinAnd(logged);
    f.table_rest_terms = text::JoinAnd(rest);
    if (in.concession_plan != nullptr) {
      f.table_below_landing = in.concession_plan->start_value <
                              in.concession_plan->target_value -
                                  1e-9 * std::max(1.0, std::fabs(in.concession_plan->target_value));
    }
  }
  if (NothingWorthOpening(in)) {
    f.no_deal = true;
    // Without them when the floors leave no deal (PlanInputs::floors_block).
    if (in.walk_away) f.walk_away = figure(*in.walk_away);
    if (in.best_value) f.best_value = text::CostOrValue(*in.best_value, f.money);
  }
  if (in.prediction != nullptr && in.prediction->deal) {
    f.predicted_terms = Terms(*in.floored, in.prediction->deal->outcome);
    if (in.anchor != nullptr) f.predicted_value = amount(in.anchor->predicted_value);
  }
}

bool TradeInMoney(const PlanInputs& in) { return in.tradeables != nullptr && in.tradeables->money; }

// The best give-get pair whose get is off the issue our floor is on (when they press on that
// issue, asking them to move on it too does not answer them) and, on a number issue, whose give
// is off it too (the pairs start from the opening, and by the time they press past the floor the
// issue is far from the opening's term: "we can move from 975 to 950" would be stale, and above
// where the talks are), and for the contingent remedy the best pair whose give is something to
// deliver (an options issue: a service, a term), not an amount such as a price, and one the
// package where the concession plan lands holds (a remedy for a term the deal does not have
// would promise what we are not offering).
void GatherGiveGet(const PlanInputs& in, Facts& f) {
  const Case& fc = *in.floored;
  const Issue* floor_issue = f.floor_issue.empty() ? nullptr : fc.FindIssue(f.floor_issue);
  const bool floor_on_number = floor_issue != nullptr && floor_issue->kind == IssueKind::kNumber;
  // A term the tempered opening volunteered (it asks less there than the ambitious anchor) is
  // never asked back in a script, as the concession plan never asks it back.
  std::vector<std::string> volunteered;
  if (in.anchor != nullptr && in.anchor->ambitious_outcome) {
    const PartyValuation mine(fc, in.us);
    for (std::size_t i = 0; i < fc.issues.size(); ++i) {
      if (mine.IssueContribution(i, in.anchor->outcome[i]) <
          mine.IssueContribution(i, (*in.anchor->ambitious_outcome)[i])) {
        volunteered.push_back(fc.issues[i].id);
      }
    }
  }
  const auto asks_back = [&volunteered](const GiveGet& gg) {
    return std::find(volunteered.begin(), volunteered.end(), gg.get.issue) != volunteered.end();
  };
  for (const GiveGet& gg : in.give_get) {
    if (asks_back(gg)) continue;
    f.trade_give = MoveText(fc, gg.give);
    f.trade_get = MoveText(fc, gg.get);
    break;
  }
  for (const GiveGet& gg : in.give_get) {
    if (gg.get.issue == f.floor_issue || asks_back(gg)) continue;
    if (gg.give.issue == f.floor_issue && floor_on_number) continue;
    f.give = MoveText(fc, gg.give);
    f.get = MoveText(fc, gg.get);
    break;
  }
  const ConcessionPlan* plan = in.concession_plan;
  const Outcome* landing = plan == nullptr       ? nullptr
                           : plan->steps.empty() ? &plan->start
                                                 : &plan->steps.back().package;
  for (const GiveGet& p : in.give_get) {
    const Issue* issue = fc.FindIssue(p.give.issue);
    if (issue == nullptr || issue->kind != IssueKind::kOptions) continue;
    if (landing != nullptr) {
      const auto i = static_cast<std::size_t>(issue - fc.issues.data());
      if (i >= landing->size() || (*landing)[i] != p.give.to) continue;
    }
    f.give_value_them = text::Amount(p.give.their_change, TradeInMoney(in));
    f.give_term = IssueName(fc, p.give.issue) + " " + p.give.to_text;
    return;
  }
  // No pair gives a term of the landing package: the term of it that costs us and is worth the
  // most to them (a give whose `to` the package holds, on an options issue).
  if (landing == nullptr || in.tradeables == nullptr) return;
  const Move* best = nullptr;
  for (const Move& m : in.tradeables->gives) {
    const Issue* issue = fc.FindIssue(m.issue);
    if (issue == nullptr || issue->kind != IssueKind::kOptions) continue;
    const auto i = static_cast<std::size_t>(issue - fc.issues.data());
    if (i >= landing->size() || (*landing)[i] != m.to) continue;
    if (best == nullptr || m.their_change > best->their_change) best = &m;
  }
  if (best == nullptr) return;
  f.give_value_them = text::Amount(best->their_change, TradeInMoney(in));
  f.give_term = IssueName(fc, best->issue) + " " + best->to_text;
}

// Where the concession plan lands, its first step, and its close date.
void GatherFirstStep(const PlanInputs& in, Facts& f) {
  if (in.concession_plan == nullptr) return;
  // Where the plan lands: its last step, or the opening when it has none.
  const ConcessionPlan& plan = *in.concession_plan;
  f.landing_terms = Terms(*in.floored, plan.steps.empty() ? plan.start : plan.steps.back().package);
  // Our own deadline paces the plan but is never said aloud: it tells them our time pressure.
  if (!plan.close_ours) f.close_date = plan.close_date;
  f.plan_steps = plan.steps.size();
  if (plan.steps.empty()) return;
  const Case& fc = *in.floored;
  const PlannedConcession& s = in.concession_plan->steps.front();
  std::vector<std::string> gives;
  for (const TermChange& t : s.gives) gives.push_back(IssueName(fc, t.issue) + " to " + t.to);
  f.first_give = text::JoinAnd(gives);
  std::vector<std::string> gets;
  for (const TermChange& t : s.gets) gets.push_back(IssueName(fc, t.issue) + " " + t.to);
  f.first_get = text::JoinAnd(gets);
  f.first_date = s.date;
  f.first_give_value_them = text::Amount(s.their_gain, TradeInMoney(in));
}

// A party's dated deadline and its evidence.
void GatherDeadline(const Case& c, const std::string& us, const Party* p, std::string& date,
                    std::string& evidence) {
  if (p == nullptr || !p->deadline || p->deadline->date.empty()) return;
  date = p->deadline->date;
  evidence = EvidenceText(c, us, p->deadline->evidence);
}

// The date we set for them (`sets`) and what of it may be said: the validity move names a date
// we set for them, never our own deadline, which would show them our time pressure. The reason
// is said only when its evidence may be shown.
void GatherDateForThem(const Case& c, const std::string& us_id, const Party* us,
                       const std::string& them, Facts& f) {
  if (us == nullptr) return;
  for (const ImposedDate& d : us->sets) {
    if (d.for_party != them) continue;
    f.our_date = d.date;
    f.our_date_evidence = EvidenceText(c, us_id, d.evidence);
    if (!f.our_date_evidence.empty() && !d.reason.empty()) f.our_date_evidence = d.reason;
    f.our_date_backed = !d.evidence.empty();
    return;
  }
}

// Their champion (the warmest stakeholder), and the people the stakeholder plan names: whom
// to preview, who closes, our sponsor and whom they escalate to (stakeholder_plan.h), so that
// every script names the same people as the brief's stakeholder section.
void GatherPeople(const PlanInputs& in, Facts& f) {
  const Case& c = *in.c;
  const Stakeholder* champion = nullptr;
  for (const Stakeholder& s : c.stakeholders) {
    if (s.party == in.them && s.stance.value_or(0) > 0 &&
        (champion == nullptr || s.stance.value_or(0) > champion->stance.value_or(0))) {
      champion = &s;
    }
  }
  if (in.people != nullptr) {
    const StakeholderPlan& people = *in.people;
    f.preview = PreviewNames(people);
    f.previews_needed = !people.previews.empty();
    if (people.closer) f.closer = people.closer->name;
    if (people.anchor_first) f.figure_first = people.anchor_first->name;
    // The previews a decider listens to, on every counterpart's side: the case, not the figure.
    std::vector<std::string> case_only;
    for (const PersonCall& p : people.case_only) case_only.push_back(p.name);
    if (!case_only.empty()) {
      f.case_first = text::JoinAnd(case_only) + (case_only.size() == 1 ? " hears" : " hear");
    }
    if (people.sponsor) f.sponsor = people.sponsor->name;
    if (people.counterpart) f.counterpart = people.counterpart->name;
    // Every counterpart's veto holders, written in the case or by the rule's arithmetic: a deal
    // closes only with each of them.
    // Our own veto holders too: our acceptance needs their mandate.
    std::vector<std::string> vetoes, ours;
    if (in.stakeholder_map != nullptr) {
      for (const stakeholders::PartyMap& m : in.stakeholder_map->parties) {
        const bool our_side = m.ours || m.party == in.us;
        for (const stakeholders::MemberPower& p : m.members) {
          const auto s = std::find_if(c.stakeholders.begin(), c.stakeholders.end(),
                                      [&p](const Stakeholder& x) { return x.id == p.id; });
          if (!p.veto || s == c.stakeholders.end()) continue;
          const std::string name = internal::StakeholderName(*s);
          if (our_side) {
            ours.push_back(name);
          } else if (name != f.closer) {
            vetoes.push_back(name);
          }
        }
      }
    }
    f.veto_holders = text::JoinAnd(vetoes);
    f.our_vetoes = text::JoinAnd(ours);
  }
  if (champion != nullptr && internal::StakeholderName(*champion) != f.closer) {
    f.champion = internal::StakeholderName(*champion);
  }
}

// The first benchmark or cost claim we may cite (with an anchor, one it cites: a claim whose
// figures argue their side is left out there, Anchor::evidence_notes), the issues by name, and
// the MESO packages.
void GatherBenchmarkIssuesAndMeso(const PlanInputs& in, Facts& f) {
  const Case& c = *in.c;
  const auto cited = [&](const Evidence& e) {
    return in.anchor == nullptr || std::find(in.anchor->evidence.begin(), in.anchor->evidence.end(),
                                             e.id) != in.anchor->evidence.end();
  };
  for (const Evidence& e : c.evidence) {
    if ((e.kind == EvidenceKind::kBenchmark || e.kind == EvidenceKind::kCost) &&
        MayCite(c, e, in.us) && cited(e)) {
      if (f.benchmark.empty())
        f.benchmark = e.claim + (e.source.empty() ? "" : " (" + e.source + ")");
      if (e.kind == EvidenceKind::kCost && f.cost_claim.empty()) {
        f.cost_claim = e.claim + (e.source.empty() ? "" : " (" + e.source + ")");
      }
    }
  }
  std::vector<std::string> names;
  for (const Issue& i : c.issues) names.push_back(i.DisplayName());
  f.issues = text::JoinAnd(names);
  if (in.meso == nullptr) return;
  f.meso_count = in.meso->packages.size();
  const auto [lo, hi] = OurValueSpan(*in.meso);
  const auto amount = [&f](double x) { return text::Amount(x, f.money); };
  f.meso_value = amount(lo) == amount(hi)
                     ? "each package " + text::IsWorthTo(lo, "us", f.money)
                     : "the packages " + text::AreWorthSpanTo(lo, hi, "us", f.money);
  if (amount(lo) != amount(in.meso->target) || amount(hi) != amount(in.meso->target)) {
    f.meso_target = text::CostOrValue(in.meso->target, f.money);
  }
  for (std::size_t k = 0; k < in.meso->packages.size(); ++k) {
    f.meso_list += (k == 0 ? "" : "; ") + std::string(1, static_cast<char>('A' + k)) + ": " +
                   Terms(*in.floored, in.meso->packages[k].outcome);
  }
}

Facts Gather(const PlanInputs& in) {
  const Case& c = *in.c;
  Facts f;
  const Preferences* values = c.FindValues(in.us);
  f.money = values == nullptr || values->form == ValueForm::kMoney;
  const Party* us = c.FindParty(in.us);
  const Party* them = c.FindParty(in.them);
  f.us = us != nullptr ? us->DisplayName() : in.us;
  f.them = them != nullptr ? them->DisplayName() : (in.them.empty() ? "the other side" : in.them);
  f.indirect = c.culture == Culture::kIndirect;
  f.alternative = us != nullptr && us->batna && !us->batna->evidence.empty();
  GatherFloor(in, f);
  GatherAnchor(in, f);
  GatherGiveGet(in, f);
  GatherFirstStep(in, f);
  GatherDateForThem(c, in.us, us, in.them, f);
  GatherDeadline(c, in.us, them, f.their_date, f.their_date_evidence);
  GatherPeople(in, f);
  GatherBenchmarkIssuesAndMeso(in, f);
  return f;
}

// The conduct warnings: pitfalls of kind conduct, of which unsupported claims only when they
// are ours (another party's bluff is not ours to avoid).
bool IsWarning(const PlanInputs& in, const power::Pitfall& p) {
  if (PitfallKindOf(p.id) != power::PitfallKind::kConduct) return false;
  return p.id != power::PitfallId::kUnsupportedClaim || p.party == in.us;
}

// The reply to evidence they cite, by its kind.
struct ReplyRule {
  EvidenceKind kind;
  const char* reply;
};
constexpr ReplyRule kReplies[] = {
    {EvidenceKind::kBenchmark,
     "Ask what it compares (scope, volume, terms) and put our package against the same basis."},
    {EvidenceKind::kCost,
     "Ask how the figure is built; agree which costs belong in it before arguing the total."},
    {EvidenceKind::kLegal, "Check the clause and what it obliges, then trade within it."},
    {EvidenceKind::kPrecedent,
     "Ask what was different then; a precedent binds only where the facts match."},
    {EvidenceKind::kCapacity,
     "Ask how firm the limit is and what would change it; offer terms that fit it."},
    {EvidenceKind::kPolicy,
     "Ask who can grant an exception and on what basis; trade for what the policy allows."},
    {EvidenceKind::kResearch,
     "Ask for the source and its date; answer with data of ours on the same point."},
    {EvidenceKind::kOther,
     "Ask to see it in writing; until then treat it as a claim, not a fact, and move to "
     "interests."},
};

const char* ReplyFor(EvidenceKind kind) {
  for (const ReplyRule& r : kReplies) {
    if (r.kind == kind) return r.reply;
  }
  return kReplies[std::size(kReplies) - 1].reply;
}

// The evidence another side may cite against us (TheirsToCite), each with its reply.
std::vector<TheirCitation> TheyMayCite(const Case& c, const std::string& us) {
  std::vector<TheirCitation> out;
  for (const Evidence& e : c.evidence) {
    if (!TheirsToCite(c, e, us)) continue;
    std::string party;
    for (const std::string& id : EvidenceSupports(c, e)) {
      if (id != us) {
        party = id;
        break;
      }
    }
    out.push_back({e.id, party, e.claim, e.source, ReplyFor(e.kind)});
  }
  return out;
}

}  // namespace

const std::vector<std::string>& PhaseNames() {
  static const std::vector<std::string> kNames{"setup", "first-move", "midgame", "close",
                                               "implementation"};
  return kNames;
}

Playbook BuildPlaybook(const PlanInputs& in) {
  const Facts f = Gather(in);
  Playbook book;
  const Context context = in.c->context.value_or(Context::kOther);
  book.context = ContextName(context);
  for (const std::string& name : PhaseNames()) book.phases.push_back({name, {}});
  for (internal::PhasedMove& m : internal::SharedMoves(f)) {
    book.phases[m.phase].moves.push_back(std::move(m.move));
  }
  for (internal::PhasedMove& m : internal::ContextMoves(context, f)) {
    book.phases[m.phase].moves.push_back(std::move(m.move));
  }
  for (const power::Pitfall& p : in.pitfalls) {
    if (IsWarning(in, p)) book.warnings.push_back(p);
  }
  book.they_may_cite = TheyMayCite(*in.c, in.us);
  return book;
}

}  // namespace parley::plan
