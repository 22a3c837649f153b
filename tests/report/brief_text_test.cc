// The brief as terminal text, Markdown and HTML: the same sections in every format, escaping,
// the charts in HTML only, the format chosen by the file extension, and the BATNA/ZOPA bar.
#include <gtest/gtest.h>

#include <pugixml.hpp>
#include <string>
#include <vector>

#include "brief_fixture.h"
#include "parley/core/error.h"
#include "parley/plan/brief.h"
#include "parley/report/brief_render.h"
#include "parley/report/zopa_svg.h"
#include "testing/examples.h"

namespace parley::report {
namespace {

using ::parley::testing::LoadExample;

plan::Brief SalesBrief(const Case& c) {
  plan::PlanOptions options;
  options.power.samples = 500;
  return plan::BuildBrief(c, options);
}

const std::vector<std::string>& SectionTitles() {
  static const std::vector<std::string> titles{"At a glance",
                                               "Power",
                                               "Deal space",
                                               "Tradeables",
                                               "The opening (anchor)",
                                               "MESO packages",
                                               "Concession plan",
                                               "Concession log",
                                               "Playbook (sales)",
                                               "Checklist of the method",
                                               "Pitfalls",
                                               "Notes and assumptions"};
  return titles;
}

// Every title appears, in order.
void ExpectInOrder(const std::string& text, const std::vector<std::string>& titles) {
  std::size_t at = 0;
  for (const std::string& t : titles) {
    const std::size_t found = text.find(t, at);
    ASSERT_NE(found, std::string::npos) << t;
    at = found + t.size();
  }
}

TEST(BriefTextTest, TheThreeFormatsCarryTheSameSections) {
  const Case c = LoadExample("sales-renewal");
  const plan::Brief b = SalesBrief(c);
  const std::string text = RenderBriefText(c, b, "sales.yaml");
  const std::string md = RenderBriefMarkdown(c, b, "sales.yaml");
  const std::string html = RenderBriefHtml(c, b, "sales.yaml");
  for (const std::string* doc : {&text, &md, &html}) ExpectInOrder(*doc, SectionTitles());
  EXPECT_EQ(text.rfind("Preparation brief: Enterprise SaaS renewal with Acme\n=====", 0), 0u);
  EXPECT_EQ(md.rfind("# Preparation brief: Enterprise SaaS renewal with Acme\n", 0), 0u);
  EXPECT_NE(md.find("\n## Power\n"), std::string::npos);
  EXPECT_NE(md.find("\n### Midgame\n"), std::string::npos);
  EXPECT_NE(md.find("| Figure | Value |\n| --- | ---: |\n"), std::string::npos);
  // Figures are the brief's: the anchor and the package on the table the plan starts from.
  for (const std::string* doc : {&text, &md, &html}) {
    EXPECT_NE(doc->find("159,000"), std::string::npos);
    EXPECT_NE(doc->find("The talks have moved on from this opening"), std::string::npos);
  }
  // Charts only in HTML: the radar, the influence graph, the BATNA/ZOPA bar and the frontier.
  std::size_t svgs = 0;
  for (std::size_t at = html.find("<svg"); at != std::string::npos;
       at = html.find("<svg", at + 1)) {
    ++svgs;
  }
  EXPECT_EQ(svgs, 4u);
  EXPECT_EQ(text.find("<svg"), std::string::npos);
  EXPECT_EQ(md.find("<svg"), std::string::npos);
  // Standalone: no scripts and nothing fetched.
  for (const char* banned : {"<script", "<link", "src=", "@import", "url("}) {
    EXPECT_EQ(html.find(banned), std::string::npos) << banned;
  }
  EXPECT_NE(html.find("@media print"), std::string::npos);
}

TEST(BriefTextTest, TerminalLinesAreWrapped) {
  const Case c = LoadExample("sales-renewal");
  const std::string text = RenderBriefText(c, SalesBrief(c), "sales.yaml");
  std::size_t start = 0, longest = 0;
  std::string widest;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    std::size_t width = 0;
    for (unsigned char ch : line) width += (ch & 0xC0) != 0x80;
    // Table rows wrap their last column; one unbreakable word may overflow, nothing else.
    if (width > longest && line.find("  --") == std::string::npos) {
      longest = width;
      widest = line;
    }
    start = end + 1;
  }
  EXPECT_LE(longest, 112u) << widest;
}

TEST(BriefTextTest, TextFromTheCaseIsEscaped) {
  Case c = LoadExample("sales-renewal");
  c.title = "Renewal <b>|&\"quoted\"";
  c.evidence[0].claim = "Prices | ranges <script>alert(1)</script>";
  const plan::Brief b = SalesBrief(c);
  const std::string html = RenderBriefHtml(c, b, "x.yaml");
  EXPECT_EQ(html.find("<b>|"), std::string::npos);
  EXPECT_NE(html.find("Renewal &lt;b&gt;|&amp;&quot;quoted&quot;"), std::string::npos);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  const std::string md = RenderBriefMarkdown(c, b, "x.yaml");
  // Inside a table cell a pipe is escaped so the row keeps its columns.
  for (std::size_t at = md.find("\n|"); at != std::string::npos; at = md.find("\n|", at + 1)) {
    const std::string row = md.substr(at + 1, md.find('\n', at + 1) - at - 1);
    EXPECT_EQ(row.find("Prices | ranges"), std::string::npos) << row;
  }
}

TEST(BriefTextTest, TheFormatFollowsTheExtension) {
  EXPECT_EQ(BriefFormatForPath("brief.txt"), BriefFormat::kText);
  EXPECT_EQ(BriefFormatForPath("out/brief.MD"), BriefFormat::kMarkdown);
  EXPECT_EQ(BriefFormatForPath("brief.markdown"), BriefFormat::kMarkdown);
  EXPECT_EQ(BriefFormatForPath("brief.htm"), BriefFormat::kHtml);
  EXPECT_EQ(BriefFormatForPath("brief.html"), BriefFormat::kHtml);
  EXPECT_EQ(BriefFormatForPath("brief.json"), BriefFormat::kJson);
  EXPECT_EQ(BriefFormatForPath("Brief.XLSX"), BriefFormat::kXlsx);
  try {
    BriefFormatForPath("my.folder/brief");
    FAIL() << "expected Error(kUsage)";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUsage);
    EXPECT_STREQ(e.what(),
                 "my.folder/brief: cannot tell the brief's format from a name without an "
                 "extension; use .txt, .md, .html, .json or .xlsx");
  }
  EXPECT_THROW(BriefFormatForPath("brief.pdf"), Error);
}

TEST(ZopaBarTest, ZonesAndMarkersSitAtTheirValues) {
  ZopaBar bar;
  bar.title = "Renewal & <co>";
  bar.us = "CloudCo";
  bar.them = "Acme";
  bar.walk_away = 87000;
  bar.safe_high = 146000;
  bar.reach_high = 159000;
  bar.predicted = 124000;
  bar.anchor = 159000;
  bar.spread = std::make_pair(120000.0, 128000.0);
  const std::string svg = RenderZopaBarSvg(bar);
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_string(svg.c_str());
  ASSERT_TRUE(parsed) << parsed.description();
  for (const char* id :
       {"below-walk-away", "zopa-sure", "zopa-maybe", "refused", "markers", "spread"}) {
    EXPECT_TRUE(doc.select_node((std::string("/svg/g[@id='") + id + "']").c_str())) << id;
  }
  // The axis spans 87,000..159,000 plus 8% each side over 60..880 px.
  const double lo = 87000 - 0.08 * 72000, hi = 159000 + 0.08 * 72000;
  auto x = [&](double v) { return 60 + (v - lo) / (hi - lo) * 820; };
  const pugi::xpath_node_set markers = doc.select_nodes("/svg/g[@id='markers']/g/line");
  ASSERT_EQ(markers.size(), 3u);  // walk-away, predicted deal, anchor
  const double expected[] = {x(87000), x(124000), x(159000)};
  for (std::size_t k = 0; k < 3; ++k) {
    EXPECT_NEAR(markers[k].node().attribute("x1").as_double(), expected[k], 0.06) << k;
  }
  const pugi::xml_node sure = doc.select_node("/svg/g[@id='zopa-sure']/rect").node();
  EXPECT_NEAR(sure.attribute("x").as_double(), x(87000), 0.06);
  EXPECT_NEAR(sure.attribute("width").as_double(), x(146000) - x(87000), 0.11);
  EXPECT_NE(svg.find("Renewal &amp; &lt;co&gt;"), std::string::npos);
  EXPECT_NE(svg.find(">124,000<"), std::string::npos);
  EXPECT_EQ(RenderZopaBarSvg(bar), svg);  // deterministic
  // Without the other side's range only the walk-away is drawn.
  ZopaBar bare;
  bare.walk_away = 0.4;
  bare.money = false;
  pugi::xml_document doc2;
  ASSERT_TRUE(doc2.load_string(RenderZopaBarSvg(bare).c_str()));
  EXPECT_EQ(doc2.select_nodes("/svg/g[@id='markers']/g").size(), 1u);
  EXPECT_FALSE(doc2.select_node("/svg/g[@id='zopa-maybe']"));
}

}  // namespace
}  // namespace parley::report
