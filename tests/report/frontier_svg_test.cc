// The deal-space chart: well-formed SVG, one marker per frontier point and per drawn outcome,
// deterministic bytes per seed, two parties only.
#include "parley/report/frontier_svg.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "parley/analysis/bargaining.h"
#include "parley/analysis/frontier.h"
#include "parley/core/error.h"
#include "parley/io/case_reader.h"

namespace parley::report {
namespace {

Case Read(const std::string& yaml) {
  io::LoadResult result = io::ReadCaseText(yaml, "test.yaml");
  EXPECT_TRUE(result.Ok());
  for (const auto& d : result.diagnostics) ADD_FAILURE() << d.message;
  return *result.value;
}

// Two money-form parties over price (prices + 1 values) x delivery (3) x months (months values):
// the space has (prices + 1) x 3 x months outcomes.
Case TwoParties(int prices, int months, const std::string& title = "Supply & <pilot> deal") {
  return Read(
      "format: parley/1\n"
      "title: \"" +
      title +
      "\"\n"
      "context: procurement\n"
      "currency: EUR\n"
      "parties:\n"
      "  - {id: buyer, name: Buyer Co, side: us, batna: {value: -900}}\n"
      "  - {id: seller, name: Seller \"Ltd\", side: them, batna: {value: 100}}\n"
      "issues:\n"
      "  - {id: price, kind: number, range: [800, " +
      std::to_string(800 + prices) +
      "], step: 1}\n"
      "  - {id: delivery, kind: options, options: [standard, express, overnight]}\n"
      "  - {id: months, kind: number, range: [1, " +
      std::to_string(months) +
      "], step: 1}\n"
      "values:\n"
      "  buyer:\n"
      "    price: {linear: -1}\n"
      "    delivery: {standard: 0, express: 80, overnight: 120}\n"
      "    months: {linear: 5}\n"
      "  seller:\n"
      "    price: {linear: 1}\n"
      "    delivery: {express: -30, overnight: -100}\n"
      "    months: {linear: -3}\n");
}

std::vector<analysis::Solution> AllSolutions(const analysis::Frontier& f) {
  return {analysis::Solve(f, analysis::SolutionRule::kNash),
          analysis::Solve(f, analysis::SolutionRule::kKalaiSmorodinsky),
          analysis::Solve(f, analysis::SolutionRule::kEgalitarian),
          analysis::Solve(f, analysis::SolutionRule::kUtilitarian)};
}

// Number of element children of the <g id="..."> group.
std::size_t GroupSize(const pugi::xml_document& doc, const char* id, const char* element) {
  const pugi::xpath_node group = doc.select_node((std::string("/svg/g[@id='") + id + "']").c_str());
  if (!group) {
    ADD_FAILURE() << "no group " << id;
    return 0;
  }
  std::size_t n = 0;
  for (pugi::xml_node child : group.node().children(element)) {
    (void)child;
    ++n;
  }
  return n;
}

TEST(FrontierSvgTest, SmallSpaceDrawsEveryOutcomeAndEveryFrontierPoint) {
  const Case c = TwoParties(20, 4);  // 21 x 3 x 4 = 252 outcomes
  const analysis::Frontier f = analysis::ComputeFrontier(c);
  const std::string svg = RenderFrontierSvg(c, f, AllSolutions(f), {});
  ASSERT_EQ(svg.rfind("<svg", 0), 0u);
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_string(svg.c_str());
  ASSERT_TRUE(parsed) << parsed.description() << " at " << parsed.offset;
  EXPECT_STREQ(doc.document_element().attribute("version").value(), "1.1");
  EXPECT_STREQ(doc.document_element().attribute("xmlns").value(), "http://www.w3.org/2000/svg");
  EXPECT_EQ(GroupSize(doc, "cloud", "circle"), 252u);
  EXPECT_EQ(GroupSize(doc, "frontier-points", "circle"), f.points.size());
  EXPECT_GT(f.points.size(), 1u);
  // Title (escaped and read back), party names, legend and the seed in the caption.
  EXPECT_STREQ(doc.select_node("/svg/title").node().child_value(), "Supply & <pilot> deal");
  EXPECT_NE(svg.find("Utility for Buyer Co"), std::string::npos);
  EXPECT_NE(svg.find("Utility for Seller &quot;Ltd&quot;"), std::string::npos);
  for (const char* label : {"Nash", "Kalai-Smorodinsky", "Egalitarian", "Utilitarian"}) {
    EXPECT_NE(svg.find(label), std::string::npos) << label;
  }
  EXPECT_NE(svg.find("all 252 outcomes (sample seed 1"), std::string::npos);
  // Nothing external: no scripts, images, links or web fonts.
  for (const char* banned : {"<script", "<image", "href", "@import", "url("}) {
    EXPECT_EQ(svg.find(banned), std::string::npos) << banned;
  }
}

TEST(FrontierSvgTest, LargeSpaceIsSampledDeterministicallyBySeed) {
  const Case c = TwoParties(300, 100);  // 301 x 3 x 100 = 90,300 outcomes
  const analysis::Frontier f = analysis::ComputeFrontier(c);
  const auto solutions = AllSolutions(f);
  FrontierSvgOptions o;
  const std::string a = RenderFrontierSvg(c, f, solutions, o);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(a.c_str()));
  EXPECT_EQ(GroupSize(doc, "cloud", "circle"), 20'000u);
  EXPECT_EQ(GroupSize(doc, "frontier-points", "circle"), f.points.size());
  EXPECT_NE(a.find("sample of 20,000 of the 90,300 outcomes (seed 1)"), std::string::npos);

  EXPECT_EQ(RenderFrontierSvg(c, f, solutions, o), a);  // same seed, same bytes
  o.seed = 2;
  const std::string b = RenderFrontierSvg(c, f, solutions, o);
  EXPECT_NE(b, a);
  EXPECT_NE(b.find("(seed 2)"), std::string::npos);

  o.max_cloud = 500;
  pugi::xml_document small;
  ASSERT_TRUE(small.load_string(RenderFrontierSvg(c, f, solutions, o).c_str()));
  EXPECT_EQ(GroupSize(small, "cloud", "circle"), 500u);
}

TEST(FrontierSvgTest, SeedDoesNotMatterWhenEveryOutcomeIsDrawn) {
  const Case c = TwoParties(10, 2);
  const analysis::Frontier f = analysis::ComputeFrontier(c);
  FrontierSvgOptions one, two;
  two.seed = 2;
  std::string a = RenderFrontierSvg(c, f, {}, one), b = RenderFrontierSvg(c, f, {}, two);
  // Only the caption's seed differs.
  a.replace(a.find("sample seed 1"), 13, "sample seed X");
  b.replace(b.find("sample seed 2"), 13, "sample seed X");
  EXPECT_EQ(a, b);
}

TEST(FrontierSvgTest, ThreePartiesAreAUsageError) {
  const Case c = Read(
      "format: parley/1\n"
      "title: Three\n"
      "context: procurement\n"
      "currency: EUR\n"
      "parties:\n"
      "  - {id: a, side: us}\n"
      "  - {id: b, side: them}\n"
      "  - {id: c, side: them}\n"
      "issues:\n"
      "  - {id: x, kind: options, options: [p, q]}\n"
      "values:\n"
      "  a: {x: {p: 1}}\n"
      "  b: {x: {q: 1}}\n"
      "  c: {x: {p: 2}}\n");
  const analysis::Frontier f = analysis::ComputeFrontier(c);
  ASSERT_EQ(f.parties.size(), 3u);
  try {
    RenderFrontierSvg(c, f, {}, {});
    FAIL() << "expected Error(kUsage)";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUsage);
    EXPECT_EQ(std::string(e.what()).rfind("the chart shows two parties; ", 0), 0u) << e.what();
  }
}

TEST(FrontierSvgTest, SolutionOutsideTheFrontierIsAUsageError) {
  const Case c = TwoParties(10, 2);
  const analysis::Frontier f = analysis::ComputeFrontier(c);
  analysis::Solution bad{analysis::SolutionRule::kNash, {f.points.size()}, 0};
  try {
    RenderFrontierSvg(c, f, {bad}, {});
    FAIL() << "expected Error(kUsage)";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUsage);
  }
}

TEST(FrontierSvgTest, MarkersAreDrawnAtTheirUtilitiesAndListed) {
  const Case c = TwoParties(10, 2);
  const analysis::Frontier f = analysis::ComputeFrontier(c);
  FrontierSvgOptions o;
  const Outcome first(c.issues.size(), 0);
  o.markers.push_back({"Anchor", first, "triangle", "#ef6c00"});
  o.markers.push_back({"MESO <A>", f.points.front().outcome, "square", "#6a1b9a"});
  const std::string svg = RenderFrontierSvg(c, f, {}, o);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(svg.c_str()));
  EXPECT_EQ(GroupSize(doc, "markers", "path") + GroupSize(doc, "markers", "rect"), 2u);
  EXPECT_NE(svg.find("MESO &lt;A&gt;"), std::string::npos);
  // The frontier point's marker sits at its utilities, listed in the legend.
  const auto& p = f.points.front();
  char coords[64];
  std::snprintf(coords, sizeof coords, "(%.3f, %.3f)", p.utility[0], p.utility[1]);
  EXPECT_NE(svg.find(coords), std::string::npos) << coords;
  // A marker's outcome must fit the case.
  o.markers.push_back({"Broken", Outcome{0}, "square", "#000"});
  EXPECT_THROW(RenderFrontierSvg(c, f, {}, o), Error);
}

}  // namespace
}  // namespace parley::report
