// The simulation chart (`parley simulate --svg`): one well-formed SVG with two panels, the offer
// dance over the deal space and utility over time, whose series hold one point per offer.
#include <gtest/gtest.h>

#include <cstddef>
#include <memory>
#include <pugixml.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "parley/io/case_reader.h"
#include "parley/report/simulation_report.h"
#include "parley/sim/metrics.h"
#include "parley/sim/negotiation.h"
#include "parley/sim/protocol.h"
#include "parley/sim/strategy_registry.h"

namespace parley::report {
namespace {

// The points of a polyline: "x,y x,y ..." counts one per space-separated pair.
std::size_t PointCount(const std::string& points) {
  std::istringstream in(points);
  std::size_t n = 0;
  for (std::string pair; in >> pair;) ++n;
  return n;
}

struct Played {
  Case c;
  sim::NegotiationResult result;
  std::string svg;
  std::vector<std::size_t> offers;  // per party, the offers in the trace
};

Played Play(const std::string& us, const std::string& them, std::uint64_t rounds) {
  io::LoadResult loaded =
      io::LoadCase(std::string(PARLEY_SOURCE_DIR) + "/examples/sales-renewal.yaml");
  EXPECT_TRUE(loaded.Ok());
  Played p{*loaded.value, {}, {}, {0, 0}};
  sim::NegotiationOptions options;
  options.rounds = rounds;
  options.seed = 3;
  const sim::Negotiation n(p.c, options);
  std::vector<std::unique_ptr<sim::Strategy>> players;
  players.push_back(sim::BuiltinStrategies().Build(us, {&p.c, nullptr}));
  players.push_back(sim::BuiltinStrategies().Build(them, {&p.c, nullptr}));
  p.result = sim::RunNegotiation(n, players);
  for (const sim::TraceEntry& e : p.result.trace) {
    if (e.action == sim::ActionKind::kOffer) ++p.offers[e.party];
  }
  p.svg = RenderSimulationSvg(n, p.result, sim::ComputeMetrics(n, p.result));
  return p;
}

void ExpectTwoPanelsWithEveryOffer(const Played& p) {
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(p.svg.c_str())) << "not well-formed XML";
  const pugi::xml_node root = doc.child("svg");
  ASSERT_TRUE(root);
  const pugi::xml_node dance = root.find_child_by_attribute("g", "id", "offer-dance");
  const pugi::xml_node time = root.find_child_by_attribute("g", "id", "utility-over-time");
  ASSERT_TRUE(dance) << "no offer-dance panel";
  ASSERT_TRUE(time) << "no utility-over-time panel";
  EXPECT_TRUE(dance.child("svg").find_child_by_attribute("g", "id", "paths"));
  EXPECT_NE(std::string(time.attribute("transform").value()).find("translate(0,"),
            std::string::npos);
  for (std::size_t party = 0; party < 2; ++party) {
    const std::string id = "series-" + std::to_string(party);
    const pugi::xml_node series = time.find_child_by_attribute("g", "id", id.c_str());
    ASSERT_TRUE(series) << id;
    EXPECT_EQ(series.attribute("data-offers").as_ullong(), p.offers[party]) << id;
    std::size_t lines = 0;
    for (const pugi::xml_node line : series.children("polyline")) {
      EXPECT_EQ(PointCount(line.attribute("points").value()), p.offers[party]) << id;
      ++lines;
    }
    EXPECT_EQ(lines, 2u) << id << ": to us and to them";
    std::size_t dots = 0;
    for ([[maybe_unused]] const pugi::xml_node dot : series.children("circle")) ++dots;
    EXPECT_EQ(dots, p.offers[party]) << id;
  }
  EXPECT_TRUE(time.find_child_by_attribute("g", "id", "walk-away"));
  EXPECT_TRUE(time.find_child_by_attribute("g", "id", "ending"));
}

TEST(SimulationSvgTest, AgreementDrawsBothPanelsAndMarksTheDeal) {
  const Played p = Play("conceder", "linear", 30);
  ASSERT_TRUE(p.result.agreement);
  ASSERT_GT(p.offers[0] + p.offers[1], 2u);
  ExpectTwoPanelsWithEveryOffer(p);
  EXPECT_NE(p.svg.find(">deal, round " + std::to_string(p.result.rounds_used - 1) + "<"),
            std::string::npos);
}

TEST(SimulationSvgTest, NoDealDrawsBothPanelsAndSaysHowItEnded) {
  const Played p = Play("hardliner", "hardliner", 12);
  ASSERT_FALSE(p.result.agreement);
  EXPECT_GT(p.offers[0], 0u);
  ExpectTwoPanelsWithEveryOffer(p);
  EXPECT_NE(p.svg.find(">no deal by the deadline<"), std::string::npos);
}

TEST(SimulationSvgTest, SameInputsSameBytes) {
  EXPECT_EQ(Play("boulware", "conceder", 20).svg, Play("boulware", "conceder", 20).svg);
}

}  // namespace
}  // namespace parley::report
