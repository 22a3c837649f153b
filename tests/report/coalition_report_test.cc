#include "parley/report/coalition_report.h"

#include <gtest/gtest.h>

namespace parley::report {
namespace {

coalition::PowerIndices Council() {
  return coalition::ComputeIndices(coalition::WeightedGame{
      .players = {"FR", "DE", "IT", "BE", "NL", "LU"}, .weights = {4, 4, 4, 2, 2, 1}, .quota = 12});
}

TEST(CoalitionReportTest, JsonListsEveryIndexInPlayerOrder) {
  const nlohmann::ordered_json j = CoalitionJson(Council());
  EXPECT_EQ(j.at("game"), "weighted");
  EXPECT_TRUE(j.at("simple").get<bool>());
  std::vector<std::string> keys;
  for (const auto& [key, value] : j.at("indices").items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"shapley_shubik", "banzhaf", "banzhaf_absolute",
                                            "deegan_packel", "public_good", "johnston",
                                            "coleman_prevent", "coleman_initiate"}));
  const auto& first = j.at("indices").at("shapley_shubik").at(0);
  EXPECT_EQ(first.at("player"), "FR");
  EXPECT_EQ(first.at("fraction"), "7/30");
  EXPECT_DOUBLE_EQ(first.at("value").get<double>(), 7.0 / 30.0);
  EXPECT_EQ(j.at("indices").at("johnston").at(5).at("fraction"), "0");
}

TEST(CoalitionReportTest, TextShowsTheTableAndTheExactFractions) {
  const std::string text = RenderCoalitionText(Council());
  EXPECT_NE(text.find("Weighted voting game, 6 players.\n"), std::string::npos) << text;
  EXPECT_NE(text.find("FR         0.2333     0.2381     0.3125"), std::string::npos) << text;
  EXPECT_NE(text.find("  Shapley-Shubik: FR 7/30, DE 7/30, IT 7/30, BE 3/20, NL 3/20, LU 0\n"),
            std::string::npos)
      << text;
}

TEST(CoalitionReportTest, LongFractionsAreLeftToJson) {
  coalition::WeightedGame game;  // weights 1..25, quota 163: fractions up to 29 characters
  for (std::uint64_t w = 1; w <= 25; ++w) {
    game.players.push_back("P" + std::to_string(w));
    game.weights.push_back(w);
  }
  game.quota = 163;
  const std::string text = RenderCoalitionText(coalition::ComputeIndices(game));
  EXPECT_NE(text.find("`--format json` gives them"), std::string::npos) << text;
  EXPECT_EQ(text.find("Exact values"), std::string::npos) << text;
}

}  // namespace
}  // namespace parley::report
