// A plan that holds together, on random cases: every package the brief proposes (the opening and
// the safe end of its credible range, the MESO packages, the concession steps, the packages the
// give-get pairs lead to) passes `parley evaluate` (analysis::ScoreOffer on the case as given, its
// deal space inside the floors) for every party it claims to suit, third parties included; the
// steps lie within [predicted deal, opening] and no lower than the safe end; the opening lies in
// the credible range; MESO packages differ pairwise on an integrative issue.

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "parley/analysis/deal_space.h"
#include "parley/analysis/floors.h"
#include "parley/analysis/offer.h"
#include "parley/core/party_valuation.h"
#include "parley/plan/brief.h"
#include "plan/brief_lookup.h"
#include "testing/random_cases.h"

namespace parley::plan {
namespace testing {
inline std::string OutcomeDebug(const Outcome& o) {
  std::string out;
  for (std::uint64_t k : o) out += std::to_string(k) + " ";
  return out;
}
}  // namespace testing
namespace {

using lookup::Build;

// What `parley evaluate` says of a package of the floored case, mapped back to the case.
class Evaluator {
 public:
  Evaluator(const Case& c, const Brief& b)
      : c_(c), b_(b), frontier_(analysis::ComputeDealFrontier(c)) {}

  // Whether every party in `parties` accepts `o` (an outcome of the floored case).
  bool Accept(const Outcome& o, const std::vector<std::string>& parties) const {
    const Outcome original = analysis::ToOriginalOutcome(c_, b_.power.floored.c, o);
    const analysis::OfferScore s = analysis::ScoreOffer(c_, frontier_, original);
    for (const std::string& party : parties) {
      const auto it =
          std::find_if(s.parties.begin(), s.parties.end(),
                       [&](const analysis::PartyOfferScore& p) { return p.party == party; });
      if (it == s.parties.end() || !it->accepts) {
        RC_LOG() << party << " refuses " << testing::OutcomeDebug(o) << " (utility "
                 << (it == s.parties.end() ? -1 : it->utility) << " < "
                 << (it == s.parties.end() ? -1 : it->disagreement) << ")\n";
        return false;
      }
    }
    return true;
  }

 private:
  const Case& c_;
  const Brief& b_;
  analysis::Frontier frontier_;
};

// A random case: two money parties, sometimes a third valued party, a random relationship,
// culture and concession log entry, so that every approach and every position is drawn.
Case RandomPlanCase() {
  Case c = ::parley::testing::RandomTwoPartyMoneyCase();
  if (*rc::gen::inRange(0, 2) == 0) {
    ::parley::testing::RandomDomainSpec spec;
    spec.allow_utility = false;
    spec.batna_percent = 100;
    ::parley::testing::AddRandomParty(c, "c", Side::kThem, spec);
  }
  const int relationship = *rc::gen::inRange(0, 3);
  if (relationship > 0) {
    c.relationship = relationship == 1 ? Relationship::kOneOff : Relationship::kRepeated;
  }
  const int culture = *rc::gen::inRange(0, 3);
  if (culture > 0) c.culture = culture == 1 ? Culture::kDirect : Culture::kIndirect;
  if (*rc::gen::inRange(0, 2) == 0) {
    Concession entry;
    entry.item = "a move";
    entry.by = *rc::gen::arbitrary<bool>() ? "a" : "b";
    for (const Issue& issue : c.issues) {
      if (*rc::gen::inRange(0, 3) != 0) continue;
      const IssueValue value =
          issue.kind == IssueKind::kNumber
              ? IssueValue(issue.GridValue(*rc::gen::inRange<std::uint64_t>(0, issue.ValueCount())))
              : IssueValue(issue.options[*rc::gen::inRange<std::size_t>(0, issue.options.size())]);
      (*rc::gen::arbitrary<bool>() ? entry.give : entry.get).emplace_back(issue.id, value);
    }
    c.concessions.push_back(entry);
  }
  ::parley::testing::RequireValid(c);
  return c;
}

RC_GTEST_PROP(PlanConsistencyProperty, EveryProposedPackagePassesEvaluateForEveryPartyItClaims,
              ()) {
  const Case c = RandomPlanCase();
  const Brief b = Build(c);
  RC_PRE(b.anchor.has_value() && b.power.prediction && b.power.prediction->deal.has_value());
  const Evaluator evaluate(c, b);
  // Us and every third party: every proposed package must suit them.
  std::vector<std::string> suits = {b.us};
  for (const Preferences& p : c.values) {
    if (p.party != b.us && p.party != b.them) suits.push_back(p.party);
  }
  std::vector<std::string> all = suits;
  all.push_back(b.them);

  const Anchor& a = *b.anchor;
  RC_ASSERT(evaluate.Accept(a.outcome, suits));
  // The safe end is accepted by them whatever their BATNA, and by every third party (it is a
  // figure of theirs, not a package we offer: it may lie below our walk-away).
  std::vector<std::string> others(suits.begin() + 1, suits.end());
  others.push_back(b.them);
  if (a.credible_low_outcome) RC_ASSERT(evaluate.Accept(*a.credible_low_outcome, others));
  // The opening lies in the credible range, at or below the ambitious anchor.
  RC_ASSERT(a.our_value <= a.ambitious_value + 1e-6);
  if (a.ambitious_outcome) RC_ASSERT(a.our_value >= a.credible_low - 1e-6);
  if (b.verdict.approach == Approach::kPress) RC_ASSERT(!a.ambitious_outcome);

  RC_ASSERT(b.concession_plan.has_value());
  // Value first, the plan concedes on to the predicted deal; else it stops at the safe end of
  // the credible range when that is higher.
  const double low =
      b.verdict.approach == Approach::kValueFirst
          ? a.predicted_value
          : std::max(a.predicted_value, a.credible_low <= a.our_value ? a.credible_low : -1e300);
  // The plan starts at the opening, or at the package on the table when the concession log has
  // moved the talks; it never goes back above its start.
  const ConcessionPlan& plan = *b.concession_plan;
  RC_ASSERT(b.under_way == !c.concessions.empty());
  if (!b.under_way) RC_ASSERT(plan.start == a.outcome);
  if (b.under_way) RC_ASSERT(plan.start == *b.position);
  for (const PlannedConcession& s : plan.steps) {
    RC_ASSERT(evaluate.Accept(s.package, suits));
    RC_ASSERT(s.our_value_after >= low - 1e-6);
    RC_ASSERT(s.our_value_after <= plan.start_value + 1e-6);
  }
  const double their_start = PartyValuation(b.power.floored.c, b.them).Value(plan.start);

  if (b.meso) {
    RC_ASSERT(b.meso->packages.size() != 1u);  // one package is no MESO move
    // The balancing issue is named only when the packages move it.
    if (!b.meso->balancing_issue.empty()) {
      const int bi = b.power.floored.c.IssueIndex(b.meso->balancing_issue);
      RC_ASSERT(bi >= 0);
      const auto i = static_cast<std::size_t>(bi);
      RC_ASSERT(
          std::any_of(b.meso->packages.begin(), b.meso->packages.end(), [&](const MesoPackage& p) {
            return p.outcome[i] != b.meso->packages.front().outcome[i];
          }));
    }
    std::vector<std::size_t> integrative;
    for (std::size_t i = 0; i < b.tradeables->issues.size(); ++i) {
      if (b.tradeables->issues[i].nature == IssueNature::kIntegrative) integrative.push_back(i);
    }
    for (std::size_t k = 0; k < b.meso->packages.size(); ++k) {
      const MesoPackage& p = b.meso->packages[k];
      RC_ASSERT(evaluate.Accept(p.outcome, suits));
      if (p.acceptance >= 1) RC_ASSERT(evaluate.Accept(p.outcome, all));
      // Never below where the plan lands, nor below a start already under it.
      RC_ASSERT(p.our_value >= std::min(plan.target_value, plan.start_value) - 1e-6);
      // The first concession: each package gives them more than the plan's start.
      if (!plan.steps.empty()) RC_ASSERT(p.their_value > their_start);
      for (std::size_t m = 0; m < k; ++m) {
        RC_ASSERT(std::any_of(integrative.begin(), integrative.end(), [&](std::size_t i) {
          return p.outcome[i] != b.meso->packages[m].outcome[i];
        }));
      }
    }
  }

  // Each give-get pair starts from the package on the table: its give and its get move issues
  // away from the values there, and the package it leads to suits us and every third party.
  RC_ASSERT(b.position.has_value());
  const Case& fc = b.power.floored.c;
  for (const GiveGet& g : b.give_get) {
    const auto gi = static_cast<std::size_t>(fc.IssueIndex(g.give.issue));
    const auto ge = static_cast<std::size_t>(fc.IssueIndex(g.get.issue));
    RC_ASSERT(g.give.from == (*b.position)[gi]);
    RC_ASSERT(g.get.from == (*b.position)[ge]);
    RC_ASSERT(g.give.to != g.give.from);
    RC_ASSERT(g.get.to != g.get.from);
    Outcome after = *b.position;
    after[gi] = g.give.to;
    after[ge] = g.get.to;
    RC_ASSERT(evaluate.Accept(after, suits));
  }
}

}  // namespace
}  // namespace parley::plan
