// The six-source radar chart: well-formed SVG, one polygon and six vertex markers per drawn
// party, scores on the right rings, marker style by confidence, escaping, deterministic bytes.
#include "parley/report/power_svg.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdlib>
#include <pugixml.hpp>
#include <string>
#include <utility>
#include <vector>

#include "parley/core/error.h"

namespace parley::report {
namespace {

using power::Confidence;
using Scores = std::array<double, kPowerSourceCount>;
using Confidences = std::array<Confidence, kPowerSourceCount>;

constexpr Confidence kE = Confidence::kEvidenced;
constexpr Confidence kA = Confidence::kAsserted;
constexpr Confidence kU = Confidence::kUnscored;

// A case with only what the chart reads: the title and the parties' names.
Case MakeCase(const std::string& title,
              const std::vector<std::pair<std::string, std::string>>& parties) {
  Case c;
  c.title = title;
  for (const auto& [id, name] : parties) {
    Party p;
    p.id = id;
    p.name = name;
    p.side = c.parties.empty() ? Side::kUs : Side::kThem;
    c.parties.push_back(p);
  }
  return c;
}

// One party's sources filled by hand (no power functions): evidenced scores get one piece of
// evidence each.
power::PartySources Sources(const std::string& party, const Scores& scores,
                            const Confidences& confidences) {
  power::PartySources p;
  p.party = party;
  for (int k = 0; k < kPowerSourceCount; ++k) {
    power::SourceScore& s = p.sources[k];
    s.source = static_cast<PowerSource>(k);
    s.score = scores[k];
    s.confidence = confidences[k];
    if (s.confidence == kE) s.evidence = {"ev-" + std::to_string(k)};
    s.confidence_level = s.confidence == kU ? 0 : s.confidence == kA ? 0.5 : 0.75;
    p.total += s.score;
    p.confidence += s.confidence_level / kPowerSourceCount;
    if (s.confidence != kU) ++p.scored;
  }
  p.mean = p.total / kPowerSourceCount;
  return p;
}

// The assessment of the given parties, with the balance computed from their totals.
power::SourceAssessment Assess(const std::vector<power::PartySources>& parties) {
  power::SourceAssessment a;
  double sum = 0;
  for (const auto& p : parties) {
    a.parties.push_back(p.party);
    a.power.push_back(p);
    sum += p.total;
  }
  for (const auto& p : parties) a.balance.push_back(p.total / sum);
  return a;
}

const Confidences kAllEvidenced = {kE, kE, kE, kE, kE, kE};

// Buyer (total 15), seller (total 20), broker (total 5): shares 37.5%, 50.0%, 12.5%.
power::SourceAssessment ThreeParties() {
  return Assess({Sources("buyer", {5, 4, 3, 0, 1, 2}, {kE, kA, kU, kE, kA, kU}),
                 Sources("seller", {2, 3, 4, 5, 3, 3}, kAllEvidenced),
                 Sources("broker", {1, 1, 1, 1, 0.5, 0.5}, {kA, kA, kA, kA, kU, kU})});
}

Case ThreePartyCase(const std::string& title = "Supply & <pilot> deal") {
  return MakeCase(title, {{"buyer", "Buyer Co"}, {"seller", "Seller \"Ltd\""}, {"broker", ""}});
}

pugi::xml_node Group(const pugi::xml_document& doc, const std::string& id) {
  const pugi::xpath_node group = doc.select_node(("/svg/g[@id='" + id + "']").c_str());
  if (!group) ADD_FAILURE() << "no group " << id;
  return group.node();
}

std::size_t Count(pugi::xml_node node, const char* element) {
  std::size_t n = 0;
  for (pugi::xml_node child : node.children(element)) {
    (void)child;
    ++n;
  }
  return n;
}

std::vector<pugi::xml_node> Vertices(const pugi::xml_document& doc, const std::string& party) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node circle : Group(doc, "party-" + party).children("circle")) {
    out.push_back(circle);
  }
  return out;
}

double Attr(pugi::xml_node node, const char* name) {
  return std::strtod(node.attribute(name).value(), nullptr);
}

// The first "x,y" pair of a polygon's points.
std::string FirstPoint(pugi::xml_node polygon) {
  const std::string points = polygon.attribute("points").value();
  return points.substr(0, points.find(' '));
}

TEST(PowerSvgTest, WellFormedWithOnePolygonPerParty) {
  const std::string svg = RenderPowerRadarSvg(ThreePartyCase(), ThreeParties(), "buyer");
  ASSERT_EQ(svg.rfind("<svg", 0), 0u);
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_string(svg.c_str());
  ASSERT_TRUE(parsed) << parsed.description() << " at " << parsed.offset;
  EXPECT_STREQ(doc.document_element().attribute("version").value(), "1.1");
  EXPECT_STREQ(doc.document_element().attribute("xmlns").value(), "http://www.w3.org/2000/svg");
  EXPECT_EQ(doc.select_nodes("/svg/g[@class='party' or @class='party perspective']").size(), 3u);
  for (const char* party : {"buyer", "seller", "broker"}) {
    const pugi::xml_node group = Group(doc, std::string("party-") + party);
    EXPECT_EQ(Count(group, "polygon"), 1u) << party;
    EXPECT_EQ(Count(group, "circle"), 6u) << party;
    for (pugi::xml_node circle : group.children("circle")) {
      EXPECT_EQ(std::string(circle.attribute("class").value()).rfind("vertex ", 0), 0u);
      EXPECT_FALSE(circle.child("title").empty());
    }
  }
  // Six axes, five rings, the six source names, names and shares in the legend.
  EXPECT_EQ(Count(Group(doc, "axes"), "line"), 6u);
  EXPECT_EQ(Count(Group(doc, "rings"), "polygon"), 5u);
  for (const char* label :
       {"Situational", "Knowledge", "Information", "Organizational", "Personal", "Planning"}) {
    EXPECT_NE(svg.find(std::string(">") + label + "<"), std::string::npos) << label;
  }
  EXPECT_NE(svg.find(">Buyer Co (perspective)<"), std::string::npos);
  EXPECT_NE(svg.find(">37.5% of the power (total 15.0 of 30)<"), std::string::npos);
  EXPECT_NE(svg.find(">Seller &quot;Ltd&quot;<"), std::string::npos);
  EXPECT_NE(svg.find(">50.0% of the power (total 20.0 of 30)<"), std::string::npos);
  EXPECT_NE(svg.find(">broker<"), std::string::npos);  // no name: the id
  EXPECT_NE(svg.find(">12.5% of the power (total 5.0 of 30)<"), std::string::npos);
  EXPECT_NE(svg.find(">4 of 6 sources scored, 2 with evidence<"), std::string::npos);
  // Nothing external: no scripts, images, links or web fonts.
  for (const char* banned : {"<script", "<image", "href", "@import", "url("}) {
    EXPECT_EQ(svg.find(banned), std::string::npos) << banned;
  }
}

TEST(PowerSvgTest, ScoresLandOnTheirRings) {
  const std::string svg = RenderPowerRadarSvg(ThreePartyCase(), ThreeParties(), "buyer");
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(svg.c_str()));
  // The outer ring (score 5) is the last ring; its first point is the top of the first axis.
  const pugi::xml_node outer = Group(doc, "rings").last_child();
  const std::string top = FirstPoint(outer);
  const pugi::xml_node axis = Group(doc, "axes").first_child();
  const double cx = Attr(axis, "x1"), cy = Attr(axis, "y1");
  EXPECT_EQ(top, std::string(axis.attribute("x2").value()) + "," + axis.attribute("y2").value());

  // Buyer scores 5 on situational (the first axis): its vertex is the outer ring's top.
  const std::vector<pugi::xml_node> buyer = Vertices(doc, "buyer");
  ASSERT_EQ(buyer.size(), 6u);
  EXPECT_EQ(std::string(buyer[0].attribute("cx").value()) + "," + buyer[0].attribute("cy").value(),
            top);
  EXPECT_EQ(FirstPoint(Group(doc, "party-buyer").child("polygon")), top);
  const double radius = cy - Attr(buyer[0], "cy");
  EXPECT_GT(radius, 100);
  EXPECT_DOUBLE_EQ(Attr(buyer[0], "cx"), cx);
  // 0 on organizational lies at the centre.
  EXPECT_DOUBLE_EQ(Attr(buyer[3], "cx"), cx);
  EXPECT_DOUBLE_EQ(Attr(buyer[3], "cy"), cy);
  // Seller's 5 on organizational (the fourth axis, straight down) is the outer ring's bottom.
  const std::vector<pugi::xml_node> seller = Vertices(doc, "seller");
  EXPECT_DOUBLE_EQ(Attr(seller[3], "cx"), cx);
  EXPECT_NEAR(Attr(seller[3], "cy"), cy + radius, 0.01);
  // Buyer's 4 on knowledge (the second axis, 60 degrees clockwise from the top) is 4/5 out.
  EXPECT_NEAR(Attr(buyer[1], "cx"), cx + 0.8 * radius * 0.8660254, 0.01);
  EXPECT_NEAR(Attr(buyer[1], "cy"), cy - 0.8 * radius * 0.5, 0.01);
  // Scores outside 0..5 are drawn at the edge.
  const power::SourceAssessment wild =
      Assess({Sources("buyer", {9, -2, 1, 1, 1, 1}, kAllEvidenced),
              Sources("seller", {1, 1, 1, 1, 1, 1}, kAllEvidenced)});
  pugi::xml_document clamped;
  ASSERT_TRUE(clamped.load_string(RenderPowerRadarSvg(ThreePartyCase(), wild, "seller").c_str()));
  const std::vector<pugi::xml_node> v = Vertices(clamped, "buyer");
  EXPECT_EQ(std::string(v[0].attribute("cx").value()) + "," + v[0].attribute("cy").value(), top);
  EXPECT_DOUBLE_EQ(Attr(v[1], "cx"), cx);
  EXPECT_DOUBLE_EQ(Attr(v[1], "cy"), cy);
}

TEST(PowerSvgTest, MarkerStyleShowsConfidence) {
  const std::string svg = RenderPowerRadarSvg(ThreePartyCase(), ThreeParties(), "buyer");
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(svg.c_str()));
  const std::vector<pugi::xml_node> buyer = Vertices(doc, "buyer");
  ASSERT_EQ(buyer.size(), 6u);
  const std::string color = Group(doc, "party-buyer").child("polygon").attribute("stroke").value();
  // Buyer: evidenced, asserted, unscored, evidenced, asserted, unscored.
  const std::array<const char*, 6> expected = {"vertex evidenced", "vertex asserted",
                                               "vertex unscored",  "vertex evidenced",
                                               "vertex asserted",  "vertex unscored"};
  for (int k = 0; k < 6; ++k) {
    const pugi::xml_node v = buyer[k];
    EXPECT_STREQ(v.attribute("class").value(), expected[k]) << k;
    const std::string klass = v.attribute("class").value();
    if (klass == "vertex evidenced") {  // filled in the party's colour
      EXPECT_EQ(std::string(v.attribute("fill").value()), color);
      EXPECT_TRUE(v.attribute("stroke-dasharray").empty());
    } else if (klass == "vertex asserted") {  // hollow, ringed in the party's colour
      EXPECT_STREQ(v.attribute("fill").value(), "#ffffff");
      EXPECT_EQ(std::string(v.attribute("stroke").value()), color);
      EXPECT_TRUE(v.attribute("stroke-dasharray").empty());
    } else {  // small, grey, dashed
      EXPECT_STREQ(v.attribute("fill").value(), "#ffffff");
      EXPECT_NE(std::string(v.attribute("stroke").value()), color);
      EXPECT_FALSE(v.attribute("stroke-dasharray").empty());
      EXPECT_LT(Attr(v, "r"), Attr(buyer[0], "r"));
    }
  }
  EXPECT_STREQ(buyer[0].child_value("title"),
               "Buyer Co: situational 5.0 of 5, evidenced (1 piece of evidence)");
  EXPECT_STREQ(buyer[1].child_value("title"),
               "Buyer Co: knowledge 4.0 of 5, asserted, no evidence");
  EXPECT_STREQ(buyer[2].child_value("title"),
               "Buyer Co: information 3.0 of 5, not scored, assumed");
  // The caption explains the markers.
  const std::string caption = Group(doc, "caption").first_child().child_value();
  EXPECT_NE(caption.find("Filled marker: scored with evidence"), std::string::npos) << caption;
}

TEST(PowerSvgTest, PerspectiveIsFirstInTheLegendAndDrawnOnTop) {
  const Case c = ThreePartyCase();
  const std::string svg = RenderPowerRadarSvg(c, ThreeParties(), "seller");
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(svg.c_str()));
  const pugi::xpath_node_set parties =
      doc.select_nodes("/svg/g[@class='party' or @class='party perspective']");
  ASSERT_EQ(parties.size(), 3u);
  // Document order: the others, then the perspective on top, in its own colour.
  const pugi::xml_node last = parties[2].node();
  EXPECT_STREQ(last.attribute("id").value(), "party-seller");
  EXPECT_STREQ(last.attribute("class").value(), "party perspective");
  std::vector<std::string> colors;
  for (const auto& p : parties)
    colors.push_back(p.node().child("polygon").attribute("stroke").value());
  EXPECT_NE(colors[2], colors[0]);
  EXPECT_NE(colors[2], colors[1]);
  EXPECT_NE(colors[0], colors[1]);
  // The perspective's colour does not depend on which party it is.
  pugi::xml_document other;
  ASSERT_TRUE(other.load_string(RenderPowerRadarSvg(c, ThreeParties(), "buyer").c_str()));
  EXPECT_STREQ(Group(other, "party-buyer").child("polygon").attribute("stroke").value(),
               colors[2].c_str());
  // Legend: the perspective first.
  const pugi::xml_node legend = Group(doc, "legend");
  std::vector<std::string> bold;
  for (pugi::xml_node text : legend.children("text")) {
    if (std::string(text.attribute("font-weight").value()) == "bold") {
      bold.push_back(text.child_value());
    }
  }
  ASSERT_GE(bold.size(), 4u);
  EXPECT_EQ(bold[1], "Seller \"Ltd\" (perspective)");
  EXPECT_EQ(bold[2], "Buyer Co");
  EXPECT_EQ(bold[3], "broker");
}

TEST(PowerSvgTest, AtMostFourPartiesAreDrawnAndTheRestNamed) {
  const Case c = MakeCase(
      "Five", {{"a", "Alpha"}, {"b", "Beta"}, {"c", "Gamma"}, {"d", "Delta"}, {"e", "Epsilon"}});
  const power::SourceAssessment five = Assess({Sources("a", {1, 1, 1, 1, 1, 1}, kAllEvidenced),
                                               Sources("b", {2, 2, 2, 2, 2, 2}, kAllEvidenced),
                                               Sources("c", {3, 3, 3, 3, 3, 3}, kAllEvidenced),
                                               Sources("d", {4, 4, 4, 4, 4, 4}, kAllEvidenced),
                                               Sources("e", {5, 5, 5, 5, 5, 5}, kAllEvidenced)});
  const std::string svg = RenderPowerRadarSvg(c, five, "e");
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(svg.c_str()));
  EXPECT_EQ(doc.select_nodes("/svg/g[@class='party' or @class='party perspective']").size(), 4u);
  for (const char* id : {"party-e", "party-a", "party-b", "party-c"}) {
    EXPECT_TRUE(doc.select_node((std::string("/svg/g[@id='") + id + "']").c_str())) << id;
  }
  EXPECT_FALSE(doc.select_node("/svg/g[@id='party-d']"));
  EXPECT_STREQ(Group(doc, "caption").last_child().child_value(),
               "Not drawn (at most 4 parties): Delta 26.7%");
}

TEST(PowerSvgTest, TitleAndNamesAreEscaped) {
  const std::string svg =
      RenderPowerRadarSvg(ThreePartyCase("Supply & <pilot> deal"), ThreeParties(), "buyer");
  EXPECT_NE(svg.find("<title>Supply &amp; &lt;pilot&gt; deal</title>"), std::string::npos);
  EXPECT_EQ(svg.find("<pilot>"), std::string::npos);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(svg.c_str()));
  EXPECT_STREQ(doc.select_node("/svg/title").node().child_value(), "Supply & <pilot> deal");
  EXPECT_STREQ(doc.select_node("/svg/text").node().child_value(), "Supply & <pilot> deal");
  // An untitled case gets a generic title.
  const std::string untitled = RenderPowerRadarSvg(ThreePartyCase(""), ThreeParties(), "buyer");
  EXPECT_NE(untitled.find("<title>Sources of power</title>"), std::string::npos);
}

TEST(PowerSvgTest, UnknownPerspectiveIsAUsageError) {
  for (const std::string perspective : {"nobody", "", "Buyer Co"}) {
    try {
      RenderPowerRadarSvg(ThreePartyCase(), ThreeParties(), perspective);
      FAIL() << "expected Error(kUsage) for '" << perspective << "'";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kUsage);
      EXPECT_EQ(std::string(e.what()),
                "'" + perspective +
                    "' is not a party of the power assessment (parties: buyer, seller, broker)");
    }
  }
}

TEST(PowerSvgTest, InconsistentAssessmentIsAUsageError) {
  power::SourceAssessment a = ThreeParties();
  a.balance.pop_back();
  EXPECT_THROW(RenderPowerRadarSvg(ThreePartyCase(), a, "buyer"), Error);
  power::SourceAssessment b = ThreeParties();
  std::swap(b.power[0], b.power[1]);
  EXPECT_THROW(RenderPowerRadarSvg(ThreePartyCase(), b, "buyer"), Error);
}

TEST(PowerSvgTest, SameInputGivesTheSameBytes) {
  const std::string a = RenderPowerRadarSvg(ThreePartyCase(), ThreeParties(), "buyer");
  EXPECT_EQ(RenderPowerRadarSvg(ThreePartyCase(), ThreeParties(), "buyer"), a);
  EXPECT_NE(RenderPowerRadarSvg(ThreePartyCase(), ThreeParties(), "seller"), a);
  // Numbers have fixed precision: two decimals for coordinates.
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(a.c_str()));
  for (pugi::xml_node circle : Group(doc, "party-seller").children("circle")) {
    const std::string cx = circle.attribute("cx").value();
    ASSERT_NE(cx.find('.'), std::string::npos);
    EXPECT_EQ(cx.size() - cx.find('.'), 3u) << cx;
  }
}

}  // namespace
}  // namespace parley::report
