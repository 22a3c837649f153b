// The rehearsal: the same result whatever order the samples run in, figures in range and
// ordered, every negotiation counted once, and errors before any negotiation.
#include "parley/sim/rehearsal.h"

#include <gtest/gtest.h>

#include "parley/core/error.h"
#include "parley/io/case_reader.h"
#include "parley/plan/brief.h"
#include "testing/examples.h"

namespace parley::sim {
namespace {

void Backwards(std::size_t count, const std::function<void(std::size_t)>& body) {
  for (std::size_t i = count; i-- > 0;) body(i);
}

TEST(RehearsalTest, SameResultWhateverTheOrderOfTheSamples) {
  const Case c = testing::LoadExample("sales-renewal");
  const plan::Brief brief = plan::BuildBrief(c);
  RehearsalOptions options;
  options.samples = 24;
  options.rounds = 40;
  options.seed = 5;
  const Rehearsal a = Rehearse(c, brief, options);
  const Rehearsal b = Rehearse(c, brief, options, Backwards);
  EXPECT_EQ(a.agreement_rate, b.agreement_rate);
  EXPECT_EQ(a.value.p5, b.value.p5);
  EXPECT_EQ(a.value.p50, b.value.p50);
  EXPECT_EQ(a.value.mean, b.value.mean);
  EXPECT_EQ(a.breaks, b.breaks);
  EXPECT_EQ(a.advice, b.advice);
  ASSERT_EQ(a.by_counterpart.size(), b.by_counterpart.size());
  for (std::size_t i = 0; i < a.by_counterpart.size(); ++i) {
    EXPECT_EQ(a.by_counterpart[i].mean_value, b.by_counterpart[i].mean_value);
  }
}

TEST(RehearsalTest, FiguresInRangeAndEveryNegotiationCountedOnce) {
  for (const char* name : {"sales-renewal", "hiring-offer", "procurement-components"}) {
    const Case c = testing::LoadExample(name);
    const plan::Brief brief = plan::BuildBrief(c);
    if (!brief.anchor) continue;
    for (const std::uint64_t seed : {1u, 2u, 3u}) {
      RehearsalOptions options;
      options.samples = 13;
      options.rounds = 30;
      options.seed = seed;
      const Rehearsal r = Rehearse(c, brief, options);
      EXPECT_GE(r.agreement_rate, 0.0) << name;
      EXPECT_LE(r.agreement_rate, 1.0) << name;
      EXPECT_LE(r.value.p5, r.value.p25);
      EXPECT_LE(r.value.p25, r.value.p50);
      EXPECT_LE(r.value.p50, r.value.p75);
      EXPECT_LE(r.value.p75, r.value.p95);
      std::size_t total = 0;
      for (const CounterpartResult& cp : r.by_counterpart) {
        total += cp.negotiations;
        EXPECT_GE(cp.agreement_rate, 0.0);
        EXPECT_LE(cp.agreement_rate, 1.0);
      }
      EXPECT_EQ(total, 13u);
      EXPECT_EQ(r.by_counterpart.size(), DefaultCounterparts().size());
      std::size_t broken = 0;
      for (std::size_t b : r.breaks) broken += b;
      EXPECT_LE(broken, 13u);
      EXPECT_EQ(r.breaks.size(), r.steps + 1);
      EXPECT_FALSE(r.advice.empty());
    }
  }
}

TEST(RehearsalTest, AHardlinerNeverConcedingLeavesNoDealAndBeatsThePlan) {
  const Case c = testing::LoadExample("sales-renewal");
  const plan::Brief brief = plan::BuildBrief(c);
  RehearsalOptions options;
  options.samples = 4;
  options.rounds = 20;
  options.them = {"hardliner"};
  const Rehearsal r = Rehearse(c, brief, options);
  ASSERT_EQ(r.by_counterpart.size(), 1u);
  EXPECT_EQ(r.by_counterpart[0].strategy, "hardliner");
  EXPECT_EQ(r.by_counterpart[0].negotiations, 4u);
  EXPECT_EQ(r.agreement_rate, 0.0);
  EXPECT_EQ(r.beat_the_plan, std::vector<std::string>{"hardliner"});
  // Every negotiation broke; our value is the walk-away of each sample's drawn BATNA.
  std::size_t broken = 0;
  for (std::size_t b : r.breaks) broken += b;
  EXPECT_EQ(broken, 4u);
  ASSERT_TRUE(r.break_step.has_value());
  EXPECT_EQ(*r.break_step, r.steps);
  // After the last step there is no next move to prepare: the advice speaks of the reserve.
  ASSERT_FALSE(r.advice.empty());
  // The renewal's concession log has moved the talks past every step: the plan starts where it
  // lands, below the predicted deal, and the advice says so first.
  EXPECT_EQ(r.steps, 0u);
  EXPECT_TRUE(r.under_way);
  ASSERT_TRUE(r.start_value.has_value());
  EXPECT_DOUBLE_EQ(*r.start_value, 133000);
  EXPECT_EQ(r.advice.front(),
            "The concession log has already moved the talks below the predicted deal (the "
            "package on the table is worth 133,000 to us, the prediction 139,000): every deal "
            "from there lands below it. Hold the table and trade only for value.");
  EXPECT_EQ(r.advice.back().rfind("The plan most often breaks where it starts, with no step to "
                                  "make: ",
                                  0),
            0u)
      << r.advice.back();
  EXPECT_NE(r.advice.back().find("into the reserve above our walk-away"), std::string::npos);
}

// Their walk-away beats every deal (ours does not, so the brief still opens): no predicted deal,
// so one finding instead of advice about steps measured against nothing.
TEST(RehearsalTest, WithoutAPredictedDealTheAdviceSaysSo) {
  const io::LoadResult loaded = io::ReadCaseText(
      "format: parley/1\n"
      "title: No zone\n"
      "parties:\n"
      "  - {id: a, name: A, side: us, batna: {value: 50}}\n"
      "  - {id: b, name: B, side: them, batna: {value: 10}}\n"
      "issues:\n"
      "  - {id: price, kind: number, range: [0, 100], step: 10}\n"
      "values:\n"
      "  a:\n"
      "    price: {linear: 1}\n"
      "  b:\n"
      "    price: {linear: -1}\n",
      "no-zone.yaml");
  ASSERT_TRUE(loaded.Ok());
  const plan::Brief brief = plan::BuildBrief(*loaded.value);
  ASSERT_TRUE(brief.anchor) << "the brief opens: only their walk-away beats every deal";
  RehearsalOptions options;
  options.samples = 4;
  options.rounds = 10;
  options.them = {"conceder"};
  const Rehearsal r = Rehearse(*loaded.value, brief, options);
  EXPECT_FALSE(r.predicted_value.has_value());
  EXPECT_EQ(r.agreement_rate, 0.0);
  ASSERT_EQ(r.advice.size(), 1u);
  EXPECT_EQ(r.advice[0],
            "The brief predicts no deal (no zone of possible agreement at the point estimate) and "
            "0% of the negotiations end in one: check both walk-aways and look for terms that "
            "create value before the talks, rather than tune the plan's steps.");
}

TEST(RehearsalTest, RefusesBadOptionsBeforePlaying) {
  const Case c = testing::LoadExample("sales-renewal");
  const plan::Brief brief = plan::BuildBrief(c);
  RehearsalOptions options;
  options.samples = 0;
  EXPECT_THROW(Rehearse(c, brief, options), Error);
  options.samples = 5;
  options.them = {"boulwre"};
  EXPECT_THROW(Rehearse(c, brief, options), Error);
}

}  // namespace
}  // namespace parley::sim
