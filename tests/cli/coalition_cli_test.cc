// parley coalition end to end: the options form, both file forms, bad files and limits.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/cli_harness.h"

namespace parley::testing {
namespace {

std::vector<std::string> Fractions(const nlohmann::json& j, const std::string& key) {
  std::vector<std::string> out;
  for (const auto& row : j.at("indices").at(key)) out.push_back(row.at("fraction"));
  return out;
}

TEST(CoalitionCliTest, OptionsGiveEveryIndexAsJson) {
  const Result r =
      Parley("coalition --quota 12 --weights 4,4,4,2,2,1 --names FR,DE,IT,BE,NL,LU --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j.at("game"), "weighted");
  for (const char* key : {"shapley_shubik", "banzhaf", "banzhaf_absolute", "deegan_packel",
                          "public_good", "johnston", "coleman_prevent", "coleman_initiate"}) {
    ASSERT_TRUE(j.at("indices").contains(key)) << key;
    EXPECT_EQ(j.at("indices").at(key).size(), 6u) << key;
  }
  EXPECT_FALSE(j.at("indices").contains("shapley_value"));
  EXPECT_EQ(Fractions(j, "shapley_shubik"),
            (std::vector<std::string>{"7/30", "7/30", "7/30", "3/20", "3/20", "0"}));
  EXPECT_EQ(j.at("indices").at("banzhaf_absolute")[3].at("player"), "BE");
  EXPECT_DOUBLE_EQ(j.at("indices").at("banzhaf_absolute")[3].at("value").get<double>(), 0.1875);
}

TEST(CoalitionCliTest, WeightedFileInYamlAndText) {
  const Result r = Parley("coalition examples/coalition/security-council.yaml");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Weighted voting game, 15 players."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("China 421/2145"), std::string::npos) << r.out;
  const Result json = Parley("coalition examples/coalition/buying-committee.json --format json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(nlohmann::json::parse(json.out).at("players").size(), 4u);
}

TEST(CoalitionCliTest, ListedGameGivesTheShapleyValue) {
  const Result r = Parley("coalition examples/coalition/partnership.yaml --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j.at("game"), "characteristic_function");
  EXPECT_FALSE(j.at("simple").get<bool>());
  EXPECT_EQ(Fractions(j, "shapley_value"), (std::vector<std::string>{"1150/3", "850/3", "700/3"}));
  EXPECT_FALSE(j.at("indices").contains("banzhaf"));
}

TEST(CoalitionCliTest, BadFilesGiveEveryProblemWithItsPosition) {
  const Result r = Parley("coalition tests/data/coalition/bad-game.yaml");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "tests/data/coalition/bad-game.yaml:3:24: error: 'Btea' is not one of the players "
            "(did you mean 'Beta'?)\n"
            "tests/data/coalition/bad-game.yaml:4:32: error: a coalition's value is an exact "
            "number such as 60, -2.75 or 1/3, not '1e3'\n");
  const Result json = Parley("coalition tests/data/coalition/bad-quota.json");
  EXPECT_EQ(json.exit_code, 3);
  EXPECT_EQ(json.err,
            "tests/data/coalition/bad-quota.json:3:67: error: a weight must be a whole number "
            "from 0 to 10^18, not 'x'\n");
  const Result quota = Parley("coalition tests/data/coalition/over-quota.yaml");
  EXPECT_EQ(quota.exit_code, 3);
  EXPECT_EQ(quota.err,
            "tests/data/coalition/over-quota.yaml:1:8: error: `quota` must be from 1 to the sum "
            "of the weights (8), not 9\n");
}

TEST(CoalitionCliTest, UsageErrorsAndLimits) {
  EXPECT_EQ(Parley("coalition --quota 3").exit_code, 2);
  EXPECT_EQ(Parley("coalition --quota 3 --weights 1,x").exit_code, 2);
  EXPECT_EQ(Parley("coalition --quota 3 --weights 2,2 --names A").exit_code, 2);
  const Result limit = Parley("coalition --quota 1000000 --weights 999999,999999");
  EXPECT_EQ(limit.exit_code, 4);
  EXPECT_EQ(limit.err,
            "parley: error: the weights of a weighted voting game sum to at most "
            "1000000\n");
}

}  // namespace
}  // namespace parley::testing
