// The `parley` strategy: it conforms to the protocol against every registered strategy on the
// examples whose brief can be built, opens with the anchor, offers only the plan's packages (and
// the MESO packages at the landing point) in the plan's order, and never offers or accepts an
// outcome outside our floors or below our walk-away.
#include "parley/sim/parley_agent.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "parley/analysis/floors.h"
#include "parley/core/error.h"
#include "parley/core/outcome_terms.h"
#include "parley/io/case_reader.h"
#include "parley/plan/brief.h"
#include "parley/sim/protocol.h"
#include "parley/sim/strategy_registry.h"
#include "testing/examples.h"

namespace parley::sim {
namespace {

constexpr double kWalkAwayTolerance = 1e-9;

const char* const kExamples[] = {"sales-renewal",          "hiring-offer",
                                 "procurement-components", "partnership-cobranding",
                                 "internal-promotion",     "buying-committee"};

// The brief of an example, or nullopt when it cannot be built or has no plan to play.
std::optional<plan::Brief> TryBrief(const Case& c) {
  try {
    plan::Brief brief = plan::BuildBrief(c);
    if (!brief.anchor) return std::nullopt;
    return brief;
  } catch (const Error&) {
    return std::nullopt;
  }
}

std::vector<std::string> Counterparts() {
  std::vector<std::string> out;
  for (const StrategyInfo& info : BuiltinStrategies().Entries()) {
    if (info.kind == EntryKind::kStrategy && !info.needs_brief) out.push_back(info.name);
  }
  return out;
}

NegotiationResult Play(const Case& c, const plan::Brief& brief, const Negotiation& n,
                       const std::string& them) {
  std::vector<std::unique_ptr<Strategy>> players;
  const BuildContext context{&c, &brief};
  players.push_back(BuiltinStrategies().Build("parley", context));
  for (std::size_t p = 1; p < n.PartyCount(); ++p) {
    players.push_back(BuiltinStrategies().Build(them, context));
  }
  return RunNegotiation(n, players);
}

// Where `o` is in the plan: the index of its package (the last when repeated); a MESO package
// counts as the step it goes with.
std::optional<std::size_t> PlanIndex(const PlannedOffers& plan, const Outcome& o) {
  if (std::find(plan.meso.begin(), plan.meso.end(), o) != plan.meso.end()) {
    return plan.meso_at;
  }
  for (std::size_t i = plan.packages.size(); i-- > 0;) {
    if (plan.packages[i] == o) return i;
  }
  return std::nullopt;
}

// Checks every move of `parley` (party 0) in `r`; returns a failure message or "".
std::string CheckParley(const Case& c, const Negotiation& n, const PlannedOffers& plan,
                        const NegotiationResult& r) {
  if (r.ending == Ending::kViolation) return "violation: " + r.violation;
  const double rv = n.ReservationUtility(Negotiation::kUs);
  std::size_t last = 0;
  bool first = true;
  for (const TraceEntry& e : r.trace) {
    if (e.party != Negotiation::kUs) continue;
    if (e.action == ActionKind::kWalk) return "walked away";
    if (!e.outcome) return "a move without an outcome";
    if (e.utility[0] < rv - kWalkAwayTolerance) return "a move below the walk-away";
    if (!analysis::FloorsBroken(c, n.PartyId(0), *e.outcome).empty()) {
      return "a move outside our floors";
    }
    if (e.action != ActionKind::kOffer) continue;
    if (first && *e.outcome != plan.packages.front()) return "did not open with the anchor";
    first = false;
    const std::optional<std::size_t> at = PlanIndex(plan, *e.outcome);
    if (!at) return "an offer that is not a package of the plan";
    if (*at < last) return "went back to an earlier package";
    last = *at;
  }
  return "";
}

TEST(ParleyAgentTest, PlaysThePlanAgainstEveryStrategyOnTheExamples) {
  int played = 0;
  for (const char* name : kExamples) {
    const Case c = testing::LoadExample(name);
    const std::optional<plan::Brief> brief = TryBrief(c);
    if (!brief) continue;
    const PlannedOffers plan = PlanOffers(c, *brief);
    ASSERT_FALSE(plan.packages.empty()) << name;
    for (const std::uint64_t rounds : {1u, 7u, 60u}) {
      NegotiationOptions options;
      options.rounds = rounds;
      options.seed = 11 + rounds;
      const Negotiation n(c, options);
      for (const std::string& them : Counterparts()) {
        const NegotiationResult r = Play(c, *brief, n, them);
        EXPECT_EQ(CheckParley(c, n, plan, r), "") << name << " vs " << them << ", " << rounds;
        EXPECT_EQ(Play(c, *brief, n, them).trace, r.trace) << name << " vs " << them;
        ++played;
      }
    }
  }
  EXPECT_GT(played, 0);
}

TEST(ParleyAgentTest, OpensWithThePackageOnTheTableWhenTheLogHasMovedTheTalks) {
  const Case c = testing::LoadExample("sales-renewal");
  const plan::Brief brief = plan::BuildBrief(c);
  ASSERT_TRUE(brief.under_way && brief.position && brief.concession_plan);
  const PlannedOffers plan = PlanOffers(c, brief);
  ASSERT_EQ(plan.packages.size(), brief.concession_plan->steps.size() + 1);
  EXPECT_EQ(plan.packages.front(),
            analysis::ToOriginalOutcome(c, brief.power.floored.c, *brief.position));
}

TEST(ParleyAgentTest, OpensWithTheAnchorAndConcedesOnlyAtThePlannedTimes) {
  Case c = testing::LoadExample("sales-renewal");
  c.concessions.clear();  // before any concession: the plan starts at the anchor
  const plan::Brief brief = plan::BuildBrief(c);
  const PlannedOffers plan = PlanOffers(c, brief);
  ASSERT_TRUE(brief.concession_plan.has_value());
  const std::size_t n = brief.concession_plan->steps.size();
  ASSERT_EQ(plan.packages.size(), n + 1);
  ASSERT_EQ(plan.times.size(), n + 1);
  // The MESO packages are worth 145,000 to CloudCo, what step 1 leaves (docs/plan.md's playbook:
  // they are the first concession).
  ASSERT_TRUE(brief.meso.has_value());
  EXPECT_EQ(brief.meso->target, 145000.0);
  EXPECT_EQ(brief.concession_plan->steps[0].our_value_after, 145000.0);
  EXPECT_EQ(plan.meso_at, 1u);
  EXPECT_EQ(plan.meso.size(), brief.meso->packages.size());
  for (std::size_t k = 0; k <= n; ++k) {
    EXPECT_DOUBLE_EQ(plan.times[k], static_cast<double>(k) / static_cast<double>(n + 1));
  }
  NegotiationOptions options;
  options.rounds = 100;
  const Negotiation negotiation(c, options);
  // Against a hardliner the plan runs to its end: each package appears first at its time.
  const NegotiationResult r = Play(c, brief, negotiation, "hardliner");
  std::vector<std::optional<std::uint64_t>> first_round(n + 1);
  for (const TraceEntry& e : r.trace) {
    if (e.party != 0 || e.action != ActionKind::kOffer) continue;
    for (std::size_t k = 0; k <= n; ++k) {
      if (plan.packages[k] == *e.outcome && !first_round[k]) first_round[k] = e.round;
    }
  }
  for (std::size_t k = 0; k <= n; ++k) {
    if (negotiation.Valuation(0).Utility(plan.packages[k]) < negotiation.ReservationUtility(0)) {
      continue;
    }
    ASSERT_TRUE(first_round[k].has_value()) << "step " << k;
    const auto due = static_cast<std::uint64_t>(
        std::ceil(static_cast<double>(k) * 100.0 / static_cast<double>(n + 1) - 1e-9));
    EXPECT_EQ(*first_round[k], due) << "step " << k;
  }
}

// Offers one package every turn and never accepts.
class Fixed : public Strategy {
 public:
  explicit Fixed(Outcome offer) : offer_(std::move(offer)) {}
  void Start(const Negotiation&, std::size_t, std::uint64_t) override {}
  Response Respond(const Turn&) override { return {ActionKind::kOffer, offer_}; }

 private:
  Outcome offer_;
};

// The shop lease lands its plan at -43,000 and predicts a deal at -52,500. Offers worth -52,000
// and -53,000 to us are below every step of the plan, so they are refused until the last round,
// where each is taken rather than risk no deal: a counter then may never be answered, and our
// walk-away (-77,000) is worth less than either, even the one below the predicted deal.
TEST(ParleyAgentTest, InTheLastRoundTakesAnyOfferAboveTheWalkAway) {
  const io::LoadResult loaded =
      io::LoadCase(std::string(PARLEY_TEST_DATA_DIR) + "/good/shop-lease.yaml");
  ASSERT_TRUE(loaded.Ok());
  const Case& c = *loaded.value;
  const plan::Brief brief = plan::BuildBrief(c);
  ASSERT_TRUE(brief.power.prediction && brief.power.prediction->deal);
  ASSERT_DOUBLE_EQ(brief.power.prediction->deal->value[0], -52500);
  NegotiationOptions options;
  options.rounds = 30;
  const Negotiation n(c, options);
  auto play = [&](const std::string& rent, const std::string& term) {
    const Outcome offer = ParseOutcome(
        c, {{"rent", rent}, {"term", term}, {"rentfree", "0"}, {"breakclause", "year 3"}});
    std::vector<std::unique_ptr<Strategy>> players;
    players.push_back(std::make_unique<ParleyAgent>(c, brief));
    players.push_back(std::make_unique<Fixed>(offer));
    return std::make_pair(offer, RunNegotiation(n, players));
  };
  const auto [taken, r] = play("55000", "10y");  // -55,000 - 2,000 + 5,000 = -52,000
  EXPECT_TRUE(r.agreement);
  ASSERT_TRUE(r.outcome.has_value());
  EXPECT_EQ(*r.outcome, taken);
  EXPECT_EQ(r.ended_by, std::optional<std::size_t>(0));
  EXPECT_EQ(r.trace.back().round, options.rounds - 1);
  const auto [below_prediction, late] = play("56000", "10y");  // -53,000
  EXPECT_TRUE(late.agreement);
  EXPECT_EQ(late.ended_by, std::optional<std::size_t>(0));
  EXPECT_EQ(late.trace.back().round, options.rounds - 1);
}

// Their strategy may offer what their own floor rules out (it does not know the floor): such a
// deal cannot be signed, so even in the last round it is not taken, however good for us.
TEST(ParleyAgentTest, NeverAcceptsAnOfferThatBreaksTheirFloor) {
  const io::LoadResult loaded =
      io::LoadCase(std::string(PARLEY_TEST_DATA_DIR) + "/good/shop-lease.yaml");
  ASSERT_TRUE(loaded.Ok());
  Case c = *loaded.value;
  const Outcome offer = ParseOutcome(
      c, {{"rent", "55000"}, {"term", "10y"}, {"rentfree", "0"}, {"breakclause", "year 3"}});
  NegotiationOptions options;
  options.rounds = 30;
  auto play = [&](const Case& played) {
    const plan::Brief brief = plan::BuildBrief(played);
    const Negotiation n(played, options);
    std::vector<std::unique_ptr<Strategy>> players;
    players.push_back(std::make_unique<ParleyAgent>(played, brief));
    players.push_back(std::make_unique<Fixed>(offer));
    return RunNegotiation(n, players);
  };
  EXPECT_TRUE(play(c).agreement);  // taken in the last round, as above
  Floor minimum;
  minimum.party = "landlord";
  minimum.issue = "rent";
  minimum.min = 56000;  // the landlord's own limit, which its offer breaks
  c.floors.push_back(minimum);
  ASSERT_FALSE(analysis::FloorsBroken(c, "landlord", offer).empty());
  const NegotiationResult r = play(c);
  EXPECT_FALSE(r.agreement);
  for (const TraceEntry& e : r.trace) EXPECT_NE(e.action, ActionKind::kAccept);
}

TEST(ParleyAgentTest, PlaysOnlyTheBriefsChair) {
  const Case c = testing::LoadExample("sales-renewal");
  const plan::Brief brief = plan::BuildBrief(c);
  const Negotiation n(c, NegotiationOptions{});
  ParleyAgent agent(c, brief);
  EXPECT_THROW(agent.Start(n, 1, 1), Error);
}

}  // namespace
}  // namespace parley::sim
