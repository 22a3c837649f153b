// The influence graph: well-formed SVG, one node per member with the decider and veto marks,
// one arrow per tie drawn from the speaker to the listener with its weight, escaping, an empty
// map, deterministic bytes.
#include "parley/report/influence_svg.h"

#include <gtest/gtest.h>

#include <cmath>
#include <pugixml.hpp>
#include <string>

#include "testing/examples.h"

namespace parley::report {
namespace {

pugi::xml_document Parse(const std::string& svg) {
  pugi::xml_document doc;
  const pugi::xml_parse_result ok = doc.load_string(svg.c_str());
  EXPECT_TRUE(ok) << ok.description();
  return doc;
}

TEST(InfluenceSvgTest, TheBuyingCommitteeHasItsMembersTiesAndMarks) {
  const Case c = ::parley::testing::LoadExample("buying-committee");
  const stakeholders::StakeholderMap map = stakeholders::MapStakeholders(c);
  const std::string svg = RenderInfluenceSvg(c, map);
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_EQ(svg, RenderInfluenceSvg(c, map));  // deterministic
  const pugi::xml_document doc = Parse(svg);
  EXPECT_EQ(doc.select_nodes("//g[@class='party']").size(), 2u);
  EXPECT_EQ(doc.select_nodes("//g[@class='member' or starts-with(@class,'member ')]").size(), 7u);
  // The real deciders are ringed, the CISO also holds the veto.
  EXPECT_EQ(doc.select_nodes("//g[contains(@class,'decides')]").size(), 3u);
  const pugi::xml_node ciso = doc.select_node("//g[@id='member-h-ciso']").node();
  EXPECT_STREQ(ciso.attribute("class").value(), "member decides veto");
  EXPECT_STREQ(ciso.child("circle").attribute("fill").value(), "#c92a2a");  // stance -1
  EXPECT_STREQ(ciso.child("circle").attribute("stroke-width").value(), "3.5");
  // Five ties: Maya to the CFO (60%), the COO (50%) and the CISO (40%), the planner to Maya
  // (30%), procurement to the CFO (20%); each an arrow whose title says who listens.
  const pugi::xpath_node_set ties = doc.select_nodes("//line[@class='tie']");
  ASSERT_EQ(ties.size(), 5u);
  EXPECT_EQ(doc.select_nodes("//polygon[@class='arrowhead']").size(), 5u);
  EXPECT_EQ(svg.find("url("), std::string::npos);
  EXPECT_STREQ(ties[0].node().attribute("stroke-width").value(), "3.4");  // 1 + 4 x 0.6
  EXPECT_STREQ(ties[0].node().child_value("title"),
               "Dana Ruiz gives 60% of their weight to Maya Lindqvist's view");
  // Maya's node is the largest of her party after the CISO: 8 + 22 sqrt(real say).
  const pugi::xml_node maya = doc.select_node("//g[@id='member-h-vpops']/circle").node();
  EXPECT_NEAR(maya.attribute("r").as_double(), 8 + 22 * std::sqrt(0.3338515064031386), 0.06);
}

TEST(InfluenceSvgTest, TextIsEscapedAndAnEmptyMapSaysSo) {
  Case c = ::parley::testing::LoadExample("buying-committee");
  c.title = "<Harbor & \"Co\">";
  c.stakeholders[0].name = "Dana <b>Ruiz</b> & 'co'";
  const std::string svg = RenderInfluenceSvg(c, stakeholders::MapStakeholders(c));
  EXPECT_EQ(svg.find("<b>"), std::string::npos);
  EXPECT_NE(svg.find("Dana &lt;b&gt;Ruiz&lt;/b&gt; &amp; &apos;co&apos;"), std::string::npos);
  const pugi::xml_document doc = Parse(svg);
  EXPECT_STREQ(doc.child("svg").child_value("title"), "Who listens to whom: <Harbor & \"Co\">");
  c.stakeholders.clear();
  c.decisions.clear();
  const std::string empty = RenderInfluenceSvg(c, stakeholders::MapStakeholders(c));
  EXPECT_NE(empty.find("The case maps no stakeholders."), std::string::npos);
  Parse(empty);
}

}  // namespace
}  // namespace parley::report
