// The BATNA/ZOPA bar: well-formed SVG whose zones and markers sit where the axis puts them
// (positions worked out by hand), money labels with separators, and hostile text escaped.
#include "parley/report/zopa_svg.h"

#include <gtest/gtest.h>

#include <pugixml.hpp>
#include <string>
#include <vector>

namespace parley::report {
namespace {

// Walk-away 100,000, sure up to 120,000, maybe up to 150,000, predicted 130,000, anchor
// 160,000. The values span 100,000..160,000, so the axis runs from 95,200 to 164,800 (8% of
// 60,000 each side), drawn from x = 60 to 880: x(v) = 60 + (v - 95,200) / 69,600 * 820, so
// x(100,000) = 116.55, x(120,000) = 352.18, x(130,000) = 470.00, x(150,000) = 705.63,
// x(160,000) = 823.45.
ZopaBar Bar() {
  ZopaBar bar;
  bar.title = "Renewal";
  bar.us = "CloudCo";
  bar.them = "Acme";
  bar.walk_away = 100000;
  bar.safe_high = 120000;
  bar.reach_high = 150000;
  bar.predicted = 130000;
  bar.anchor = 160000;
  return bar;
}

pugi::xml_node Group(const pugi::xml_document& doc, const char* id) {
  return doc.find_node([id](pugi::xml_node n) {
    return std::string(n.name()) == "g" && std::string(n.attribute("id").value()) == id;
  });
}

TEST(ZopaSvgTest, ZonesWorkedOutByHand) {
  const std::string svg = RenderZopaBarSvg(Bar());
  ASSERT_EQ(svg.rfind("<svg", 0), 0u);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(svg.c_str())) << svg;
  struct Zone {
    const char* id;
    const char* x;
    const char* width;
  };
  for (const Zone& z :
       {Zone{"below-walk-away", "60.0", "56.6"}, Zone{"zopa-sure", "116.6", "235.6"},
        Zone{"zopa-maybe", "352.2", "353.4"}, Zone{"refused", "705.6", "174.4"}}) {
    const pugi::xml_node rect = Group(doc, z.id).child("rect");
    ASSERT_TRUE(rect) << z.id;
    EXPECT_STREQ(rect.attribute("x").value(), z.x) << z.id;
    EXPECT_STREQ(rect.attribute("width").value(), z.width) << z.id;
  }
  EXPECT_STREQ(Group(doc, "zopa-sure").child("text").child_value(), "Acme accepts");
}

TEST(ZopaSvgTest, MarkersInOrderWithMoneyLabels) {
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(RenderZopaBarSvg(Bar()).c_str()));
  struct Marker {
    const char* label;
    const char* x;
    const char* value;
  };
  const std::vector<Marker> expected = {{"walk-away", "116.6", "100,000"},
                                        {"predicted deal", "470.0", "130,000"},
                                        {"anchor", "823.4", "160,000"}};
  std::size_t k = 0;
  for (pugi::xml_node g : Group(doc, "markers").children("g")) {
    ASSERT_LT(k, expected.size());
    EXPECT_STREQ(g.attribute("class").value(), "marker");
    EXPECT_STREQ(g.child("line").attribute("x1").value(), expected[k].x);
    EXPECT_STREQ(g.child("line").attribute("x2").value(), expected[k].x);
    const pugi::xml_node label = g.child("text");
    EXPECT_STREQ(label.child_value(), expected[k].label);
    EXPECT_STREQ(label.next_sibling("text").child_value(), expected[k].value);
    ++k;
  }
  EXPECT_EQ(k, expected.size());
}

TEST(ZopaSvgTest, OnlyWhatIsGivenIsDrawn) {
  ZopaBar bar;
  bar.us = "us";
  bar.them = "them";
  bar.money = false;
  bar.walk_away = 0.4;
  bar.safe_high = 0.7;
  const std::string svg = RenderZopaBarSvg(bar);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(svg.c_str()));
  EXPECT_TRUE(Group(doc, "below-walk-away"));
  EXPECT_TRUE(Group(doc, "zopa-sure"));
  EXPECT_FALSE(Group(doc, "zopa-maybe"));
  EXPECT_FALSE(Group(doc, "refused"));
  EXPECT_FALSE(Group(doc, "spread"));
  const pugi::xml_node markers = Group(doc, "markers");
  ASSERT_TRUE(markers);
  EXPECT_EQ(std::distance(markers.children("g").begin(), markers.children("g").end()), 1);
  // Utilities are written with 4 decimals.
  EXPECT_STREQ(markers.child("g").child("text").next_sibling("text").child_value(), "0.4000");
  EXPECT_NE(svg.find("Value to us (utility)"), std::string::npos);

  bar.spread = std::make_pair(0.5, 0.6);
  pugi::xml_document with_spread;
  ASSERT_TRUE(with_spread.load_string(RenderZopaBarSvg(bar).c_str()));
  EXPECT_TRUE(Group(with_spread, "spread").child("line"));
}

TEST(ZopaSvgTest, HostileTitleAndNamesAreEscaped) {
  ZopaBar bar = Bar();
  bar.title = "</title><script>alert(1)</script> ]]> & \"q\" 'a'";
  bar.them = "<b>Acme</b>";
  const std::string svg = RenderZopaBarSvg(bar);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("]]>"), std::string::npos);
  EXPECT_EQ(svg.find("<b>"), std::string::npos);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(svg.c_str())) << svg;
  EXPECT_FALSE(doc.find_node([](pugi::xml_node n) { return std::string(n.name()) == "script"; }));
  EXPECT_EQ(std::string(doc.child("svg").child("title").child_value()), "Deal space: " + bar.title);
  EXPECT_STREQ(Group(doc, "zopa-sure").child("text").child_value(), "<b>Acme</b> accepts");
}

TEST(ZopaSvgTest, Deterministic) { EXPECT_EQ(RenderZopaBarSvg(Bar()), RenderZopaBarSvg(Bar())); }

}  // namespace
}  // namespace parley::report
