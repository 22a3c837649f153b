// parley coalition end to end: the options form, both file forms, bad files and limits.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/cli_harness.h"
#include "testing/files.h"

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

// ---------------------------------------------------------------------------------------------
// parley coalition CASE: the coalition view of a deal among three or more parties.

// examples/three-company-partnership.yaml, as its comments derive it: only Kestrel and Mistral
// can agree alone (certification: 180,000 >= 150,000 and 200,000 >= 100,000, worth 380,000 -
// 250,000 = 130,000); the three together reach 3,010,000 (split 34-33-33 at 2,400,000, lead
// kestrel 200,000, connector joint 180,000, certification 380,000, reseller margin-20 300,000,
// less the BATNAs 450,000). Shapley: Kestrel 3,010,000/3 + 130,000/6 = 1,025,000, Larkspur
// (3,010,000 - 130,000)/3 = 960,000.
TEST(CoalitionCliTest, ThreeCompanyPartnershipStartsWithThePairThatCanAgree) {
  const Result r = Parley("coalition examples/three-company-partnership.yaml --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j.at("view"), "money");
  EXPECT_EQ(j.at("deal").at("source"), "predicted");
  ASSERT_EQ(j.at("subsets").size(), 4u);
  const auto& km = j.at("subsets")[1];
  EXPECT_EQ(km.at("members"), (std::vector<std::string>{"kestrel", "mistral"}));
  EXPECT_TRUE(km.at("zopa").get<bool>());
  EXPECT_EQ(km.at("worth"), "130000");
  EXPECT_FALSE(j.at("subsets")[0].at("zopa").get<bool>());
  EXPECT_EQ(j.at("subsets")[3].at("worth"), "3010000");
  std::vector<std::string> shapley;
  for (const auto& row : j.at("shapley")) shapley.push_back(row.at("fraction"));
  EXPECT_EQ(shapley, (std::vector<std::string>{"1025000", "960000", "1025000"}));
  EXPECT_TRUE(j.at("in_core").get<bool>());
  EXPECT_EQ(j.at("essential"), (std::vector<std::string>{"kestrel", "mistral"}));
  EXPECT_EQ(j.at("engagement").at("kind"), "one_by_one");
  EXPECT_EQ(j.at("engagement").at("rule"), 5);
  const Result text = Parley("coalition examples/three-company-partnership.yaml");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("Engage one by one (rule 5): Kestrel Robotics and Mistral Integration "
                          "can agree on their own"),
            std::string::npos)
      << text.out;
}

// An offer that gives Larkspur and Mistral only the split: the three together could do 680,000
// better (3,010,000 against gains of 1,190,000 + 640,000 + 500,000): not in the core.
TEST(CoalitionCliTest, AnOfferLeavingMoneyOnTheTableIsNotInTheCore) {
  const Result r = Parley(
      "coalition examples/three-company-partnership.yaml --format json --offer "
      "revenue-split=40-35-25,lead=kestrel,connector=larkspur,certification=none,reseller=none");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j.at("deal").at("source"), "offer");
  EXPECT_FALSE(j.at("in_core").get<bool>());
  EXPECT_TRUE(j.at("subsets")[3].at("blocks").get<bool>());
  EXPECT_DOUBLE_EQ(j.at("subsets")[3].at("shortfall").get<double>(), 680000);
  EXPECT_FALSE(j.at("subsets")[1].at("blocks").get<bool>());
  // Only the three together block it: the deal wastes joint value, and no smaller group would
  // walk away, which the text says rather than "some group does better on its own".
  EXPECT_EQ(j.at("blocked_by"), nlohmann::json::array({"kestrel", "larkspur", "mistral"}));
  const Result text = Parley(
      "coalition examples/three-company-partnership.yaml --offer "
      "revenue-split=40-35-25,lead=kestrel,connector=larkspur,certification=none,reseller=none");
  EXPECT_NE(text.out.find("Core (Gillies 1959): the proposed deal is not in the core, though no "
                          "smaller group does better on its own: the parties together could all "
                          "do better (it leaves 680,000 of joint value unused)."),
            std::string::npos)
      << text.out;
}

// Every party's floors apply, as in the frontier: with Kestrel's floor excluding the
// certification, the three together reach 2,630,000, not 3,010,000 (the certification was worth
// 180,000 to Kestrel and 200,000 to Mistral), and no outcome in the view breaks the floor.
TEST(CoalitionCliTest, TheViewKeepsEveryPartysFloors) {
  const fs::path dir = TempDir("coalition_floors");
  const fs::path file = dir / "partnership.yaml";
  WriteText(file, Slurp(fs::path(PARLEY_SOURCE_DIR) / "examples/three-company-partnership.yaml") +
                      "floors:\n  kestrel:\n    certification: {exclude: [certified]}\n");
  const Result r = Parley("coalition '" + file.string() + "' --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j.at("subsets")[3].at("worth"), "2630000");
  EXPECT_EQ(r.out.find("\"certified\""), std::string::npos) << r.out;
  const Result text = Parley("coalition '" + file.string() + "'");
  EXPECT_EQ(text.out.find("certification certified"), std::string::npos) << text.out;
}

// examples/supplier-consortium.yaml: the pooled price involves all four, so every party is
// essential; the surplus 1,060,000 is split equally (265,000 each).
TEST(CoalitionCliTest, SupplierAndConsortiumNegotiateTogether) {
  const Result r = Parley("coalition examples/supplier-consortium.yaml");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Engage together (rule 4)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  Voltaic Cells               265,000         deal gives 210,000\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("In every workable deal (veto): Voltaic Cells, CityLine, Northbus, "
                       "Coastal Transit."),
            std::string::npos)
      << r.out;
}

TEST(CoalitionCliTest, CasesOfTwoPartiesAndMisusedOptions) {
  const Result two = Parley("coalition examples/buying-committee.yaml");
  EXPECT_EQ(two.exit_code, 3);
  EXPECT_EQ(two.err,
            "parley: error: the coalition view needs three or more parties stating values; "
            "examples/buying-committee.yaml has 2 (a committee deciding inside one party is its "
            "stakeholder map: parley stakeholders examples/buying-committee.yaml)\n");
  const Result offer = Parley("coalition --quota 3 --weights 2,1,1 --offer price=1");
  EXPECT_EQ(offer.exit_code, 2);
  EXPECT_EQ(offer.err, "parley: error: --offer needs a CASE\n");
  const Result bad =
      Parley("coalition examples/supplier-consortium.yaml --offer price=95000,warranty=6y");
  EXPECT_EQ(bad.exit_code, 3) << bad.err;
}

}  // namespace
}  // namespace parley::testing
