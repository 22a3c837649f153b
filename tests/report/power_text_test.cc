// What `parley power` prints on the terminal, on the sales renewal example: every section in
// order, the header with the seed and draws, the source bars, the predicted deal as the library
// computed it, every pitfall by its id, every assumption, and the "wrote" line.
#include "parley/report/power_text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "brief_fixture.h"
#include "parley/core/case.h"
#include "parley/power/analysis.h"
#include "parley/power/pitfalls.h"
#include "parley/report/outcome_format.h"
#include "testing/case_builders.h"
#include "testing/examples.h"

namespace parley::report {
namespace {

TEST(PowerTextTest, EverySectionInOrder) {
  const std::string text = RenderPowerText(Renewal(), RenewalPower());
  const std::string head =
      "Power: Enterprise SaaS renewal with Acme\n"
      "From the chair of CloudCo (cloudco); seed 1, 200 draws\n"
      "\n"
      "Balance of power:";
  EXPECT_EQ(text.substr(0, head.size()), head);
  std::size_t at = 0;
  for (const char* heading :
       {"\nBalance of power:", "\nThe same power through the method's other lenses",
        "\nPerception:\n", "\nLeverage (per week; weights sum to 1):\n", "\nPredicted deal (",
        "\nLevers, ranked (change in CloudCo's expected value):\n", "\nPitfalls:\n",
        "\nAssumptions:\n"}) {
    const std::size_t found = text.find(heading, at);
    ASSERT_NE(found, std::string::npos) << heading << "\n" << text;
    at = found + 1;
  }
  EXPECT_EQ(text.find("wrote"), std::string::npos);
}

TEST(PowerTextTest, SourceLinesWorkedOutByHand) {
  const std::string text = RenderPowerText(Renewal(), RenewalPower());
  // CloudCo scores situational 4 with two pieces of evidence, Acme 3 with one: shares 4/7 and
  // 3/7; a score is a bar of 20 cells, 4 per point. Acme does not score knowledge.
  const std::string full = "\u2588", empty = "\u00b7";
  auto bar = [&](int cells) {
    std::string b;
    for (int i = 0; i < 20; ++i) b += i < cells ? full : empty;
    return b;
  };
  EXPECT_NE(text.find("\n  situational     CloudCo    " + bar(16) +
                      "   4    57%  evidenced (2)\n"
                      "                  Acme Corp  " +
                      bar(12) + "   3    43%  evidenced (1)\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("not scored (assumed)\n"), std::string::npos);
  EXPECT_NE(text.find("  organizational  CloudCo    " + bar(8) + "   2"), std::string::npos);
  EXPECT_NE(text.find("asserted, no evidence\n"), std::string::npos);
}

TEST(PowerTextTest, PredictionPitfallsAndAssumptionsFromTheReport) {
  const power::PowerReport& r = RenewalPower();
  const std::string text = RenderPowerText(Renewal(), r);
  ASSERT_TRUE(r.prediction && r.prediction->deal);
  EXPECT_NE(
      text.find("disagreement point):\n  " + PackageText(r.floored.c, r.prediction->deal->outcome)),
      std::string::npos);
  EXPECT_NE(text.find("  over 200 draws of the uncertain BATNAs (seed 1): a ZOPA exists in "),
            std::string::npos);
  ASSERT_FALSE(r.pitfalls.empty());
  for (const power::Pitfall& p : r.pitfalls) {
    EXPECT_NE(text.find("\n  [" + std::string(power::PitfallName(p.id)) + "] " + p.message + "\n"),
              std::string::npos)
        << power::PitfallName(p.id);
  }
  // The example has unsupported claims (e.g. CloudCo's organizational score) and a feeling of
  // weakness the evidence does not back.
  EXPECT_NE(text.find("\n  [unsupported-claim] "), std::string::npos);
  EXPECT_NE(text.find("\n  [underestimating-power] "), std::string::npos);
  ASSERT_FALSE(r.assumptions.empty());
  const std::size_t assumptions = text.find("\nAssumptions:\n");
  for (const std::string& a : r.assumptions) {
    EXPECT_NE(text.find("\n  - " + a + "\n", assumptions), std::string::npos) << a;
  }
}

// The levers' heading names the chair with the shared possessive: "Harbor Hotels'".
TEST(PowerTextTest, TheLeversHeadingUsesThePossessive) {
  Case c = Renewal();
  c.parties[0].name = "Harbor Hotels";
  power::PowerOptions options;
  options.samples = 50;
  const std::string text = RenderPowerText(c, power::AnalysePower(c, options));
  EXPECT_NE(text.find("Levers, ranked (change in Harbor Hotels' expected value):"),
            std::string::npos)
      << text;
}

TEST(PowerTextTest, WroteLineEndsTheText) {
  const std::string text = RenderPowerText(Renewal(), RenewalPower(), "radar.svg");
  const std::string end = "\n\nwrote radar.svg\n";
  ASSERT_GE(text.size(), end.size());
  EXPECT_EQ(text.substr(text.size() - end.size()), end);
}

TEST(PowerTextTest, RoleReversalAndNoValuesLeaveOutTheModelSections) {
  power::PowerOptions options;
  options.samples = 200;
  options.as = "acme";
  const std::string reversed = RenderPowerText(Renewal(), power::AnalysePower(Renewal(), options));
  EXPECT_NE(reversed.find("\nFrom the chair of Acme Corp (acme); seed 1, 200 draws\n"),
            std::string::npos);
  EXPECT_NE(reversed.find("\nLevers, ranked (change in Acme Corp's expected value):\n"),
            std::string::npos);

  // Two parties and one issue but no values: no leverage, prediction or levers to show.
  Case c;
  c.title = "No values";
  c.parties = {testing::MakeParty("us", Side::kUs), testing::MakeParty("them", Side::kThem)};
  c.issues = {testing::OptionsIssue("term", {"1y", "2y"})};
  const std::string text = RenderPowerText(c, power::AnalysePower(c, power::PowerOptions{}));
  EXPECT_NE(text.find("\nBalance of power:"), std::string::npos);
  EXPECT_EQ(text.find("\nLeverage ("), std::string::npos);
  EXPECT_EQ(text.find("\nPredicted deal ("), std::string::npos);
  EXPECT_EQ(text.find("\nLevers, ranked"), std::string::npos);
  EXPECT_NE(text.find("\nAssumptions:\n"), std::string::npos);
}

}  // namespace
}  // namespace parley::report
