// Tests of the levers on the sales renewal example: ranking, every bargaining lever against
// PredictDeal on the case edited by hand, and the value of information about the buyer's BATNA
// against a brute force over the frontier and the same draws; which levers are left out; ties.
#include "parley/power/levers.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "parley/analysis/bargaining.h"
#include "parley/analysis/frontier.h"
#include "parley/core/error.h"
#include "parley/core/party_valuation.h"
#include "parley/power/leverage.h"
#include "parley/power/prediction.h"
#include "parley/power/sources.h"
#include "testing/case_builders.h"
#include "testing/examples.h"

namespace parley::power {
namespace {

using ::parley::testing::MakeParty;
using ::parley::testing::MoneyBatna;
using ::parley::testing::NumberIssue;
using ::parley::testing::Score;
using ::parley::testing::Term;

using ::parley::testing::LoadExample;

// The perspective's expected value by PredictDeal, on the case's own frontier and leverage.
double ExpectedValue(const Case& c, const std::string& perspective, const PowerOptions& options) {
  const analysis::Frontier f = analysis::ComputeFrontier(c);
  const Leverage lev = ComputeLeverage(c, f, AssessSources(c, options), options);
  return PredictDeal(c, f, lev, perspective, options).expected_value;
}

Party& PartyOf(Case& c, const std::string& id) {
  for (Party& p : c.parties) {
    if (p.id == id) return p;
  }
  throw std::runtime_error("no party " + id);
}

int SourceIndex(const std::string& name) {
  for (int s = 0; s < kPowerSourceCount; ++s) {
    if (PowerSourceNames()[s] == name) return s;
  }
  return -1;
}

// The case edited as `lever` says, by hand.
Case Edit(const Case& c, const Lever& lever, const PowerOptions& options) {
  Case e = c;
  Party& p = PartyOf(e, lever.party);
  if (lever.lever == "improve-batna" || lever.lever == "weaken-batna") {
    const double delta = lever.lever == "improve-batna" ? lever.step : -lever.step;
    if (p.batna->value) *p.batna->value += delta;
    if (p.batna->range) {
      p.batna->range->first += delta;
      p.batna->range->second += delta;
    }
  } else if (lever.lever == "later-deadline") {
    p.deadline->date = IsoDate(*DayNumber(p.deadline->date) + std::lround(lever.step * 7));
  } else if (lever.lever == "lower-delay-cost") {
    *p.deadline->cost_per_week *= 1 - lever.step;
  } else if (lever.lever == "raise-source") {
    auto& score = p.power[SourceIndex(lever.source)];
    const double current = score ? score->score : options.unscored_score;
    if (!score) score = PowerScore{};
    score->score = current + lever.step;
  } else {
    ADD_FAILURE() << "not a bargaining lever: " << lever.lever;
  }
  return e;
}

const Lever* FindLever(const std::vector<Lever>& levers, const std::string& id,
                       const std::string& source = "") {
  for (const Lever& l : levers) {
    if (l.lever == id && l.source == source) return &l;
  }
  return nullptr;
}

void ExpectRanked(const std::vector<Lever>& levers) {
  for (std::size_t k = 1; k < levers.size(); ++k) {
    const Lever& a = levers[k - 1];
    const Lever& b = levers[k];
    EXPECT_GE(a.gain, b.gain) << k;
    if (a.gain == b.gain) {
      EXPECT_LE(std::tie(a.lever, a.party, a.source), std::tie(b.lever, b.party, b.source)) << k;
    }
  }
}

TEST(LeversTest, SalesRenewalLeversAreRankedAndComplete) {
  Case c = LoadExample("sales-renewal");
  // The example has no date of its own; give CloudCo one, so every kind of lever applies.
  c.parties[0].deadline = testing::MakeDeadline("2026-12-15", 2000, {"capacity-plan"});
  const analysis::Frontier f = analysis::ComputeFrontier(c);
  const std::vector<Lever> levers = ValueLevers(c, f, "cloudco", PowerOptions{});
  ExpectRanked(levers);
  // cloudco: a BATNA value, a dated deadline with a cost of delay, six sources below 5; acme's
  // BATNA is a range.
  std::vector<std::string> ids;
  for (const Lever& l : levers) ids.push_back(l.lever + "/" + l.party + "/" + l.source);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{
                     "improve-batna/cloudco/", "later-deadline/cloudco/", "learn-batna/acme/",
                     "lower-delay-cost/cloudco/", "raise-source/cloudco/information",
                     "raise-source/cloudco/knowledge", "raise-source/cloudco/organizational",
                     "raise-source/cloudco/personal", "raise-source/cloudco/planning",
                     "raise-source/cloudco/situational", "weaken-batna/acme/"}));
  const double baseline = ExpectedValue(c, "cloudco", PowerOptions{});
  for (const Lever& l : levers) {
    EXPECT_TRUE(l.money) << l.lever;
    EXPECT_NEAR(l.gain, l.after - l.before, 1e-9) << l.lever;
    EXPECT_EQ(l.model, "bargaining") << l.lever;  // one model for every lever
    if (l.lever != "learn-batna") {
      EXPECT_NEAR(l.before, baseline, 1e-6) << l.lever;
    }
  }

  // Steps: 5% of each party's value range (cloudco 76,000..175,000; acme -156,000..-74,000),
  // two weeks, half the cost of delay, one point.
  const Lever* improve = FindLever(levers, "improve-batna");
  ASSERT_NE(improve, nullptr);
  EXPECT_NEAR(improve->step, 4950, 1e-9);
  EXPECT_EQ(improve->description,
            "Improve our BATNA by 4,950 (a second customer's order, lower walk-away costs)");
  const Lever* weaken = FindLever(levers, "weaken-batna");
  ASSERT_NE(weaken, nullptr);
  EXPECT_NEAR(weaken->step, 4100, 1e-9);
  const Lever* later = FindLever(levers, "later-deadline");
  ASSERT_NE(later, nullptr);
  EXPECT_EQ(later->step, 2);
  EXPECT_EQ(later->description, "Move our deadline 2 weeks later, from 2026-12-15 to 2026-12-29");
  const Lever* cheaper = FindLever(levers, "lower-delay-cost");
  ASSERT_NE(cheaper, nullptr);
  EXPECT_EQ(cheaper->step, 0.5);
  EXPECT_EQ(cheaper->description, "Lower our cost of delay by 50%, from 2,000 to 1,000 a week");
  const Lever* organizational = FindLever(levers, "raise-source", "organizational");
  ASSERT_NE(organizational, nullptr);
  EXPECT_EQ(organizational->step, 1);
  EXPECT_EQ(organizational->description,
            "Raise our organizational power from 2 to 3, backed by evidence");
}

// improve-batna's gain is PredictDeal's expected value on the case with cloudco's BATNA raised
// by hand (100,000 -> 104,950) minus the baseline; likewise every bargaining lever.
TEST(LeversTest, BargainingLeversEqualPredictDealOnTheEditedCase) {
  const Case c = LoadExample("sales-renewal");
  const analysis::Frontier f = analysis::ComputeFrontier(c);
  const PowerOptions options;
  const std::vector<Lever> levers = ValueLevers(c, f, "cloudco", options);
  const double baseline = ExpectedValue(c, "cloudco", options);

  Case improved = c;
  PartyOf(improved, "cloudco").batna->value = 104950;
  const Lever* improve = FindLever(levers, "improve-batna");
  ASSERT_NE(improve, nullptr);
  EXPECT_NEAR(improve->before, baseline, 1e-6);
  EXPECT_NEAR(improve->after, ExpectedValue(improved, "cloudco", options), 1e-6);
  EXPECT_NEAR(improve->gain, ExpectedValue(improved, "cloudco", options) - baseline, 1e-6);
  EXPECT_GT(improve->gain, 0);

  for (const Lever& l : levers) {
    if (l.lever == "learn-batna") continue;  // not an edit of the case
    const Case edited = Edit(c, l, options);
    EXPECT_NEAR(l.after, ExpectedValue(edited, "cloudco", options), 1e-6)
        << l.lever << " " << l.source;
  }
}

// learn-batna in the bargaining model of the other levers, against a brute force over the same
// draws with analysis::Solve's weighted Nash and the same weights: without the information,
// cloudco aims at the deal predicted with acme's BATNA at the middle of its range, which acme
// takes only when it beats acme's drawn BATNA (else cloudco walks away with 87,000); with it, at
// the deal predicted on the drawn BATNA, or the first deal when that is taken and better.
// Every deadline is dated, so the weights are the same in every draw.
TEST(LeversTest, LearnBatnaIsValuedByTheBargainingModel) {
  Case c = LoadExample("sales-renewal");
  c.parties[0].deadline = testing::MakeDeadline("2026-12-15", 2000);
  c.parties[1].deadline = testing::MakeDeadline("2026-12-31", 2500);
  const analysis::Frontier f = analysis::ComputeFrontier(c);
  PowerOptions options;
  options.seed = 11;
  options.samples = 2000;
  options.today = "2026-11-20";
  const std::vector<Lever> levers = ValueLevers(c, f, "cloudco", options);
  const Lever* learn = FindLever(levers, "learn-batna");
  ASSERT_NE(learn, nullptr);
  EXPECT_EQ(learn->party, "acme");
  EXPECT_EQ(learn->model, "bargaining");
  EXPECT_NEAR(learn->step, 20000, 1e-9);
  EXPECT_EQ(learn->description,
            "Learn Acme Corp's BATNA exactly (now known only between a cost of 140,000 and a cost "
            "of 120,000): the predicted deal aimed at their true BATNA instead of our estimate");

  ASSERT_EQ(f.parties, (std::vector<std::string>{"cloudco", "acme"}));
  const std::vector<double> weights =
      ComputeLeverage(c, f, AssessSources(c, options), options).Weights();
  const PartyValuation us(c, "cloudco"), them(c, "acme");
  const auto [lo, hi] = them.ReservationRange();
  const double walk = us.ReservationValue();  // 87,000, known exactly
  auto nash = [&](double d_them) -> std::optional<std::size_t> {
    analysis::Frontier g = f;
    g.disagreement = {us.DisagreementUtility(), d_them};
    const analysis::Solution s = analysis::Solve(g, analysis::SolutionRule::kWeightedNash, weights);
    if (s.points.empty()) return std::nullopt;
    return s.points.front();
  };
  const std::optional<std::size_t> aimed = nash(them.DisagreementUtility());  // the midpoint
  std::mt19937_64 rng(options.seed);
  double without = 0, with = 0;
  for (std::size_t s = 0; s < options.samples; ++s) {
    rng();  // cloudco's draw (its BATNA is exact)
    const double fraction = static_cast<double>(rng() >> 11) / 9007199254740992.0;
    const double d =
        (lo + fraction * (hi - lo) - them.MinValue()) / (them.MaxValue() - them.MinValue());
    const bool taken = aimed && f.points[*aimed].utility[1] >= d - analysis::kUtilityEpsilon;
    const double blind = taken ? us.Value(f.points[*aimed].outcome) : walk;
    const std::optional<std::size_t> informed = nash(d);
    const double knowing = std::max(blind, informed ? us.Value(f.points[*informed].outcome) : walk);
    without += blind / static_cast<double>(options.samples);
    with += knowing / static_cast<double>(options.samples);
  }
  EXPECT_NEAR(learn->before, without, 1e-6);
  EXPECT_NEAR(learn->after, with, 1e-6);
  EXPECT_NEAR(learn->gain, with - without, 1e-6);
  EXPECT_GE(learn->gain, 0);
}

// Levers on BATNAs are named for the chair: a seller's second customer, a buyer's second
// supplier (by how the chair values the price, else by the context), another counterpart when
// the case does not say who buys; the other party by its name.
TEST(LeversTest, BatnaLeversAreNamedForTheChair) {
  const Case c = LoadExample("sales-renewal");
  const analysis::Frontier f = analysis::ComputeFrontier(c);
  PowerOptions options;
  options.samples = 200;
  auto text = [&](const Case& k, const analysis::Frontier& g, const std::string& chair,
                  const std::string& id) {
    const std::vector<Lever> levers = ValueLevers(k, g, chair, options);
    const Lever* l = FindLever(levers, id);
    return l != nullptr ? l->description : std::string("none");
  };
  EXPECT_NE(text(c, f, "cloudco", "improve-batna").find("(a second customer's order,"),
            std::string::npos);
  EXPECT_NE(text(c, f, "cloudco", "weaken-batna").find("Weaken Acme Corp's BATNA by "),
            std::string::npos);
  // Their BATNA is their alternative to us: for a seller, the buyer's other supplier, weakened
  // by showing its gaps, never by improving our own alternative.
  EXPECT_NE(text(c, f, "cloudco", "weaken-batna").find("(the gaps and risks of their alternative"),
            std::string::npos);
  // From Acme's chair: the buyer's levers speak of a second supplier, and of what replacing a
  // customer costs the seller.
  EXPECT_NE(text(c, f, "acme", "weaken-batna").find("Weaken CloudCo's BATNA by "),
            std::string::npos);
  EXPECT_NE(text(c, f, "acme", "improve-batna").find("(a second supplier's offer,"),
            std::string::npos);
  EXPECT_NE(text(c, f, "acme", "weaken-batna").find("(what replacing us as a customer would cost"),
            std::string::npos);
  // Prices that say nothing (a flat issue for the chair) and a partnership: another counterpart.
  Case neutral = c;
  neutral.context = Context::kPartnership;
  for (Preferences& p : neutral.values) p.terms.erase(p.terms.begin());  // no price terms
  const analysis::Frontier g = analysis::ComputeFrontier(neutral);
  EXPECT_NE(text(neutral, g, "cloudco", "improve-batna").find("(another counterpart's offer,"),
            std::string::npos);
  // The context decides when the prices do not: a sale from our chair.
  neutral.context = Context::kSales;
  EXPECT_NE(text(neutral, g, "cloudco", "improve-batna").find("(a second customer's order,"),
            std::string::npos);
}

// A case with nothing uncertain, no deadline and a source at 5: no learn-batna, no time levers,
// no raise-source for that source; the raise-source levers tie and are ordered by source name.
TEST(LeversTest, LeversThatDoNotApplyAreLeftOut) {
  Case c =
      testing::TwoMoneyParties({NumberIssue("price", 0, 100, 1)}, {Term("price", LinearValue{1})},
                               {Term("price", LinearValue{-1})});
  c.parties[0].batna = MoneyBatna(10);
  c.parties[1].batna = MoneyBatna(-90);
  c.parties[0].power[static_cast<int>(PowerSource::kPersonal)] = Score(5);
  PowerOptions options;
  options.batna_step = 8;
  const analysis::Frontier f = analysis::ComputeFrontier(c);
  const std::vector<Lever> levers = ValueLevers(c, f, "a", options);
  ExpectRanked(levers);
  std::vector<std::string> ids;
  for (const Lever& l : levers) ids.push_back(l.lever + "/" + l.party + "/" + l.source);
  std::vector<std::string> sorted = ids;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(sorted,
            (std::vector<std::string>{"improve-batna/a/", "raise-source/a/information",
                                      "raise-source/a/knowledge", "raise-source/a/organizational",
                                      "raise-source/a/planning", "raise-source/a/situational",
                                      "weaken-batna/b/"}));
  for (const Lever& l : levers) {
    if (l.lever == "improve-batna" || l.lever == "weaken-batna") {
      EXPECT_EQ(l.step, 8);
    } else {
      EXPECT_EQ(l.step, 1);  // raise-source: 2.5 (unscored) -> 3.5
    }
  }
  // Raising any source by one point moves the balance the same way: equal gains, by name.
  std::vector<std::string> raised;
  for (const Lever& l : levers) {
    if (l.lever == "raise-source") raised.push_back(l.source);
  }
  EXPECT_EQ(raised, (std::vector<std::string>{"information", "knowledge", "organizational",
                                              "planning", "situational"}));
}

// Eight parties, every BATNA a range and every deadline unknown: 8 BATNA levers, one run for
// the six raise-source levers (their weights are equal), 7 learn-batna levers of two solves
// each: 23 runs, more than 16 times the draws. Every lever is valued on the first
// 2,300 x 16 / 23 = 1,600 draws, before and after alike, exactly as PredictDeal on the case (and
// on the edited case) with 1,600 draws; the examples keep every draw.
TEST(LeversTest, ManyLeversShareTheDrawsAndStayExact) {
  Case c;
  c.title = "eight parties";
  c.currency = "USD";
  c.issues = {NumberIssue("price", 0, 100, 1), testing::OptionsIssue("o", {"x", "y", "z"})};
  for (int i = 0; i < 8; ++i) {
    const std::string id = "p" + std::to_string(i);
    c.parties.push_back(MakeParty(id, i == 0 ? Side::kUs : Side::kThem));
    c.parties.back().batna = testing::MoneyBatnaRange(-5 - i, 5 + i);
    c.values.push_back(testing::MoneyValues(
        id, {Term("price", LinearValue{i == 0 ? -1.0 : 1.0}),
             Term("o", testing::Table({{"x", i == 0 ? 10.0 : 0.0}, {"y", 1.0 * i}, {"z", 3}}))}));
  }
  PowerOptions options;
  options.samples = 2'300;
  const analysis::Frontier f = analysis::ComputeFrontier(c);
  const std::vector<Lever> levers = ValueLevers(c, f, "p0", options);
  ExpectRanked(levers);
  ASSERT_EQ(levers.size(), 8u + 6u + 7u);
  PowerOptions first = options;
  first.samples = 1'600;
  const double baseline = ExpectedValue(c, "p0", first);
  double raised = 0;
  for (const Lever& l : levers) {
    EXPECT_EQ(l.samples, 1'600u) << l.lever << " " << l.party;
    if (l.lever == "learn-batna") continue;
    EXPECT_EQ(l.before, baseline) << l.lever << " " << l.party;
    EXPECT_NEAR(l.after, ExpectedValue(Edit(c, l, options), "p0", first), 1e-9)
        << l.lever << " " << l.party << " " << l.source;
    if (l.lever == "raise-source") {
      if (raised == 0) raised = l.after;
      EXPECT_EQ(l.after, raised) << l.source;
    }
  }
  for (const Lever& l : ValueLevers(LoadExample("sales-renewal"),
                                    analysis::ComputeFrontier(LoadExample("sales-renewal")),
                                    "cloudco", PowerOptions{})) {
    EXPECT_EQ(l.samples, PowerOptions{}.samples) << l.lever;
  }
}

TEST(LeversTest, PerspectiveWithoutValuesThrows) {
  Case c =
      testing::TwoMoneyParties({NumberIssue("price", 0, 10, 1)}, {Term("price", LinearValue{1})},
                               {Term("price", LinearValue{-1})});
  c.parties.push_back(MakeParty("c", Side::kThem));
  const analysis::Frontier f = analysis::ComputeFrontier(c);
  try {
    ValueLevers(c, f, "c", PowerOptions{});
    FAIL() << "expected Error(kUsage)";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUsage);
  }
}

}  // namespace
}  // namespace parley::power
