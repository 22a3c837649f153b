// What `parley frontier` prints, on a small case worked out by hand: the table rows with money
// separators and solution marks, `--rows` truncation that always keeps the solutions, the ZOPA,
// the "wrote" line, and the JSON (key order, frontier and solutions equal to the library's).
#include "parley/report/deal_space_report.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cctype>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "parley/analysis/bargaining.h"
#include "parley/analysis/deal_space.h"
#include "parley/analysis/frontier.h"
#include "parley/core/text.h"
#include "parley/report/json_text.h"
#include "parley/report/outcome_format.h"
#include "support_case.h"
#include "testing/case_builders.h"
#include "testing/json_keys.h"
#include "testing/random_cases.h"

namespace parley::report {
namespace {

using Json = nlohmann::ordered_json;

using testing::Keys;

// SupportCase() (support_case.h): seller a and buyer b over price 100,000..130,000 step 10,000
// and support standard | premium; premium costs a 5,000 and is worth 15,000 to b. Walk-aways:
// a 105,000, b -125,000. a's values run 95,000..130,000, b's -130,000..-85,000, so the five
// frontier points are
//   1  130,000 standard  (1, 0)                not acceptable to b
//   2  130,000 premium   (6/7, 1/3)            Nash (tied: both gain products are 8/63), U
//   3  120,000 premium   (4/7, 5/9)            Nash, Kalai-Smorodinsky, egalitarian
//   4  110,000 premium   (2/7, 7/9)            a exactly at its walk-away
//   5  100,000 premium   (0, 1)                not acceptable to a
// and 5 of the 8 outcomes (prices 110,000 to 130,000) are acceptable to both.

// The lines of `text` that are rows of the frontier table (they start with a row number,
// right-aligned on 3 digits, then two spaces).
std::vector<std::string> TableRows(const std::string& text) {
  std::vector<std::string> rows;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::string line = text.substr(start, end - start);
    const std::size_t digits = line.find_first_not_of("0123456789", line.find_first_not_of(' '));
    if (digits != std::string::npos && digits >= 3 &&
        std::isdigit(static_cast<unsigned char>(line[digits - 1])) &&
        line.substr(digits, 2) == "  ")
      rows.push_back(line);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return rows;
}

TEST(DealSpaceReportTest, TextTableWorkedOutByHand) {
  const Case c = SupportCase();
  const std::string text = RenderDealSpaceText(c, analysis::AnalyseDealSpace(c), {});
  EXPECT_EQ(text.substr(0, text.find("\n\n")),
            "Support renewal\n"
            "8 outcomes; the Pareto frontier has 5 points, 3 acceptable to every party (additive "
            "method)\n"
            "Utilities run from 0 (a party's worst deal) to 1 (its best); $ columns are values in "
            "USD.\n"
            "Disagreement utilities: a 0.2857 b 0.1111");
  EXPECT_NE(text.find("\n  #  mark           a          b          a $          b $  ok  ties  "
                      "package\n"),
            std::string::npos);
  EXPECT_EQ(TableRows(text),
            (std::vector<std::string>{
                "  1            1.0000     0.0000      130,000     -130,000  no      1  "
                "price=130000, support=standard",
                "  2  NU        0.8571     0.3333      125,000     -115,000  yes     1  "
                "price=130000, support=premium",
                "  3  NKE       0.5714     0.5556      115,000     -105,000  yes     1  "
                "price=120000, support=premium",
                "  4            0.2857     0.7778      105,000      -95,000  yes     1  "
                "price=110000, support=premium",
                "  5            0.0000     1.0000       95,000      -85,000  no      1  "
                "price=100000, support=premium"}));
  EXPECT_EQ(text.find("more points"), std::string::npos);
  EXPECT_NE(text.find("\nZOPA: 5 of 8 outcomes (62.50%) are acceptable to every party.\n"
                      "  price                    110000 to 130000\n"
                      "  support                  standard | premium\n"),
            std::string::npos);
  EXPECT_NE(text.find("\nN Nash  K Kalai-Smorodinsky  E egalitarian  U utilitarian\n"),
            std::string::npos);
  EXPECT_EQ(text.find("W weighted Nash"), std::string::npos);
  EXPECT_EQ(text.find("wrote"), std::string::npos);
}

TEST(DealSpaceReportTest, RowsTruncateButSolutionsAreAlwaysShown) {
  const Case c = SupportCase();
  DealSpaceView view;
  view.rows = 1;
  const std::string text = RenderDealSpaceText(c, analysis::AnalyseDealSpace(c), view);
  const std::vector<std::string> rows = TableRows(text);
  ASSERT_EQ(rows.size(), 3u) << text;
  EXPECT_EQ(rows[0].substr(0, 10), "  1       ");
  EXPECT_EQ(rows[1].substr(0, 10), "  2  NU   ");
  EXPECT_EQ(rows[2].substr(0, 10), "  3  NKE  ");
  EXPECT_NE(text.find("more points (use --rows or --format json)\n"), std::string::npos);

  view.rows = 0;
  EXPECT_EQ(TableRows(RenderDealSpaceText(c, analysis::AnalyseDealSpace(c), view)).size(), 2u);
}

TEST(DealSpaceReportTest, MorePointsCountsOnlyTheRowsLeftOut) {
  const Case c = SupportCase();
  DealSpaceView view;
  view.rows = 1;
  const std::string text = RenderDealSpaceText(c, analysis::AnalyseDealSpace(c), view);
  // Rows 1, 2 and 3 are shown (2 and 3 hold solutions); 2 of the 5 points are left out.
  EXPECT_NE(text.find("  ... 2 more points (use --rows or --format json)\n"), std::string::npos)
      << text;
}

// A straight frontier ties every point for the utilitarian sum: beyond --rows only each
// solution's first point is shown, and the rest of the tie is counted, not printed.
TEST(DealSpaceReportTest, ASolutionTiedAlongTheWholeFrontierIsCountedNotPrinted) {
  const Case c = testing::TwoMoneyParties({testing::NumberIssue("price", 0, 1000, 1)},
                                          {testing::Term("price", LinearValue{1})},
                                          {testing::Term("price", LinearValue{-1})});
  const analysis::DealSpace d = analysis::AnalyseDealSpace(c);
  ASSERT_EQ(d.frontier.points.size(), 1001u);
  std::set<std::size_t> firsts;
  std::size_t utilitarian = 0;
  for (const analysis::NamedSolution& s : d.solutions) {
    firsts.insert(s.solution.points.front());
    if (s.rule == analysis::SolutionRule::kUtilitarian) utilitarian = s.solution.points.size();
  }
  ASSERT_EQ(utilitarian, 1001u);
  DealSpaceView view;
  view.rows = 2;
  const std::string text = RenderDealSpaceText(c, d, view);
  std::set<std::size_t> shown = firsts;
  shown.insert({0, 1});
  EXPECT_EQ(TableRows(text).size(), shown.size()) << text;
  EXPECT_NE(text.find("  utilitarian: 1,001 points tie; " +
                      text::GroupDigits(std::to_string(1001 - shown.size())) +
                      " of them not shown (use --rows or --format json)\n"),
            std::string::npos)
      << text;
}

TEST(DealSpaceReportTest, WeightsSvgAndNoZopa) {
  const Case c = SupportCase();
  analysis::DealSpaceOptions options;
  options.weights = {{"a", 2.0}, {"b", 1.0}};
  DealSpaceView view;
  view.svg_file = "chart.svg";
  view.seed = 7;
  const analysis::DealSpace d = analysis::AnalyseDealSpace(c, options);
  const std::string text = RenderDealSpaceText(c, d, view);
  EXPECT_NE(text.find("  U utilitarian  W weighted Nash\n"), std::string::npos);
  const std::string wrote = "\nwrote chart.svg (seed 7)\n";
  ASSERT_GE(text.size(), wrote.size());
  EXPECT_EQ(text.substr(text.size() - wrote.size()), wrote);
  const Json j = DealSpaceJson(c, d, "deal.yaml", view);
  EXPECT_EQ(Keys(j).back(), "svg");
  EXPECT_EQ(j["svg"], (Json{{"file", "chart.svg"}, {"seed", 7}}));
  EXPECT_EQ(Keys(j["solutions"]),
            (std::vector<std::string>{"nash", "kalai_smorodinsky", "egalitarian", "utilitarian",
                                      "weighted_nash"}));

  // b walks away from anything above 90,000 (worth more than -90,000 to it only at 100,000 with
  // premium support, which is below a's walk-away): no outcome is acceptable to both.
  const Case none = SupportCase(-90000);
  const analysis::DealSpace empty = analysis::AnalyseDealSpace(none);
  const std::string none_text = RenderDealSpaceText(none, empty, {});
  EXPECT_NE(none_text.find("\nNo ZOPA: no outcome is acceptable to every party. " +
                           empty.zopa.explanation + "\n"),
            std::string::npos);
  for (const char* rule : {"nash", "kalai_smorodinsky", "egalitarian", "utilitarian"}) {
    EXPECT_NE(none_text.find(std::string("\n  ") + rule +
                             ": none (no deal is acceptable to every party)\n"),
              std::string::npos)
        << rule;
  }
  EXPECT_FALSE(DealSpaceJson(none, empty, "deal.yaml", {})["zopa"]["exists"]);
}

TEST(DealSpaceReportTest, JsonKeysAndFiguresMatchTheLibrary) {
  const Case c = SupportCase();
  const analysis::DealSpace d = analysis::AnalyseDealSpace(c);
  const Json j = DealSpaceJson(c, d, "deal.yaml", {});
  EXPECT_EQ(Keys(j),
            (std::vector<std::string>{"command", "file", "parties", "outcome_count", "method",
                                      "epsilon", "disagreement", "frontier", "solutions", "zopa"}));
  EXPECT_EQ(j["command"], "frontier");
  EXPECT_EQ(j["parties"], Json::array({"a", "b"}));
  EXPECT_EQ(j["outcome_count"], "8");
  EXPECT_EQ(j["method"], "additive");
  EXPECT_EQ(j["epsilon"], analysis::kUtilityEpsilon);
  EXPECT_NEAR(j["disagreement"]["a"].get<double>(), 2.0 / 7, 1e-12);
  EXPECT_NEAR(j["disagreement"]["b"].get<double>(), 1.0 / 9, 1e-12);

  const analysis::Frontier frontier = analysis::ComputeFrontier(c);
  ASSERT_EQ(j["frontier"].size(), frontier.points.size());
  ASSERT_EQ(frontier.points.size(), 5u);
  EXPECT_EQ(Keys(j["frontier"][0]),
            (std::vector<std::string>{"utility", "value", "outcome", "ties", "acceptable"}));
  for (std::size_t k = 0; k < frontier.points.size(); ++k) {
    EXPECT_EQ(j["frontier"][k]["utility"]["a"], frontier.points[k].utility[0]);
    EXPECT_EQ(j["frontier"][k]["utility"]["b"], frontier.points[k].utility[1]);
    EXPECT_EQ(j["frontier"][k]["outcome"], OutcomeJson(c, frontier.points[k].outcome));
    EXPECT_EQ(j["frontier"][k]["acceptable"], frontier.points[k].acceptable);
  }
  EXPECT_EQ(j["frontier"][1]["value"], (Json{{"a", 125000.0}, {"b", -115000.0}}));
  EXPECT_EQ(j["frontier"][1]["ties"], 1);

  const std::vector<std::pair<const char*, analysis::SolutionRule>> rules = {
      {"nash", analysis::SolutionRule::kNash},
      {"kalai_smorodinsky", analysis::SolutionRule::kKalaiSmorodinsky},
      {"egalitarian", analysis::SolutionRule::kEgalitarian},
      {"utilitarian", analysis::SolutionRule::kUtilitarian}};
  EXPECT_EQ(Keys(j["solutions"]),
            (std::vector<std::string>{"nash", "kalai_smorodinsky", "egalitarian", "utilitarian"}));
  for (const auto& [name, rule] : rules) {
    const analysis::Solution s = analysis::Solve(frontier, rule);
    ASSERT_EQ(j["solutions"][name].size(), s.points.size()) << name;
    for (std::size_t k = 0; k < s.points.size(); ++k) {
      EXPECT_EQ(j["solutions"][name][k], j["frontier"][s.points[k]]) << name;
    }
  }

  const Json& zopa = j["zopa"];
  EXPECT_EQ(Keys(zopa),
            (std::vector<std::string>{"exists", "acceptable_count", "count_exact", "count_method",
                                      "share", "spans_exact", "spans", "explanation"}));
  EXPECT_EQ(zopa["acceptable_count"], "5");
  EXPECT_EQ(zopa["share"], 0.625);
  EXPECT_EQ(zopa["spans"][0],
            (Json{{"issue", "price"}, {"count", 3}, {"range", Json::array({110000.0, 130000.0})}}));
  EXPECT_EQ(zopa["spans"][1],
            (Json{{"issue", "support"}, {"options", Json::array({"standard", "premium"})}}));
}

// The streamed JSON is JsonText(DealSpaceJson) byte for byte: with solutions, weights and a
// chart; without a ZOPA; with no frontier point at all; and with case text that spells the
// key it splices at (a party and a file named after it).
TEST(DealSpaceReportTest, StreamedJsonIsTheJsonTextByteForByte) {
  auto streamed = [](const Case& c, const analysis::DealSpace& d, const std::string& file,
                     const DealSpaceView& view) {
    std::ostringstream out;
    WriteDealSpaceJson(out, c, d, file, view);
    return out.str();
  };
  const Case c = SupportCase();
  analysis::DealSpaceOptions options;
  options.weights = {{"a", 2.0}, {"b", 1.0}};
  DealSpaceView view;
  view.svg_file = "chart.svg";
  for (const analysis::DealSpace& d :
       {analysis::AnalyseDealSpace(c), analysis::AnalyseDealSpace(c, options)}) {
    EXPECT_EQ(streamed(c, d, "deal.yaml", view), JsonText(DealSpaceJson(c, d, "deal.yaml", view)));
    EXPECT_EQ(streamed(c, d, "deal.yaml", {}), JsonText(DealSpaceJson(c, d, "deal.yaml", {})));
  }
  const Case none = SupportCase(-90000);
  const analysis::DealSpace no_zopa = analysis::AnalyseDealSpace(none);
  EXPECT_EQ(streamed(none, no_zopa, "d.yaml", {}),
            JsonText(DealSpaceJson(none, no_zopa, "d.yaml", {})));
  analysis::DealSpace empty = analysis::AnalyseDealSpace(c);
  empty.frontier.points.clear();
  for (analysis::NamedSolution& s : empty.solutions) s.solution.points.clear();
  EXPECT_EQ(streamed(c, empty, "d.yaml", {}), JsonText(DealSpaceJson(c, empty, "d.yaml", {})));
  EXPECT_NE(streamed(c, empty, "d.yaml", {}).find("\n  \"frontier\": [],\n"), std::string::npos);

  Case named = c;
  named.parties[0].id = "frontier";
  named.values[0].party = "frontier";
  const analysis::DealSpace d = analysis::AnalyseDealSpace(named);
  const std::string file = "a\n  \"frontier\": [],\n.yaml";
  const std::string text = streamed(named, d, file, {});
  EXPECT_EQ(text, JsonText(DealSpaceJson(named, d, file, {})));
  EXPECT_EQ(Json::parse(text)["frontier"].size(), d.frontier.points.size());
}

// On random cases of two and three parties, money and utility forms, numbers and options, the
// streamed points are the tree's points byte for byte.
RC_GTEST_PROP(DealSpaceReportTest, StreamedPointsMatchTheTreeOnRandomCases, ()) {
  testing::RandomDomainSpec spec;
  spec.parties = *rc::gen::inRange(2, 4);
  spec.value_kinds = true;
  spec.number_step = 0.25;
  const Case c = testing::RandomDomain(spec);
  const analysis::DealSpace d = analysis::AnalyseDealSpace(c);
  std::ostringstream out;
  WriteDealSpaceJson(out, c, d, "random.yaml", {});
  RC_ASSERT(out.str() == JsonText(DealSpaceJson(c, d, "random.yaml", {})));
}

}  // namespace
}  // namespace parley::report
