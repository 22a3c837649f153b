#include "parley/coalition/weighted_game.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <numeric>

#include "coalition/brute_force.h"
#include "coalition/index_texts.h"
#include "parley/coalition/limits.h"
#include "parley/coalition/power_indices.h"
#include "parley/core/error.h"

namespace parley::coalition {
namespace {

const std::vector<std::string> kKeys = {"shapley_shubik",  "banzhaf",         "banzhaf_absolute",
                                        "deegan_packel",   "public_good",     "johnston",
                                        "coleman_prevent", "coleman_initiate"};

WeightedGame Game(std::vector<std::uint64_t> weights, std::uint64_t quota) {
  WeightedGame g;
  for (std::size_t i = 0; i < weights.size(); ++i) g.players.push_back("P" + std::to_string(i + 1));
  g.weights = std::move(weights);
  g.quota = quota;
  return g;
}

using testing::Texts;

// EEC Council of Ministers 1958: France, Germany, Italy 4; Belgium, Netherlands 2; Luxembourg 1;
// quota 12 (Brams 1975; Felsenthal & Machover 1998, Table 2.1): Shapley-Shubik 14/60, 9/60, 0;
// Banzhaf swings 10, 6, 0 (absolute 10/32, 6/32).
TEST(WeightedGameTest, EecCouncil1958MatchesPublishedValues) {
  const PowerIndices r = ComputeIndices(Game({4, 4, 4, 2, 2, 1}, 12));
  EXPECT_EQ(Texts(r, "shapley_shubik"),
            (std::vector<std::string>{"7/30", "7/30", "7/30", "3/20", "3/20", "0"}));
  EXPECT_EQ(Texts(r, "banzhaf_absolute"),
            (std::vector<std::string>{"5/16", "5/16", "5/16", "3/16", "3/16", "0"}));
  EXPECT_EQ(Texts(r, "banzhaf"),
            (std::vector<std::string>{"5/21", "5/21", "5/21", "1/7", "1/7", "0"}));
  // Minimal winning coalitions: {F,D,I} and the three {two large, B, N}.
  EXPECT_EQ(Texts(r, "public_good"),
            (std::vector<std::string>{"1/5", "1/5", "1/5", "1/5", "1/5", "0"}));
  EXPECT_EQ(Texts(r, "deegan_packel"),
            (std::vector<std::string>{"5/24", "5/24", "5/24", "3/16", "3/16", "0"}));
  EXPECT_NEAR(r.Find("shapley_shubik")->values[0].value, 14.0 / 60.0, 1e-15);
}

// UN Security Council: five permanent members (weight 7) and ten others (weight 1), quota 39:
// a permanent member's Shapley-Shubik index is 421/2145 and a non-permanent member's 4/2145
// (Shapley & Shubik 1954 give 0.1963 and 0.0019); Banzhaf swings 848 and 84 of 2^14.
TEST(WeightedGameTest, UnSecurityCouncilMatchesPublishedValues) {
  std::vector<std::uint64_t> weights(5, 7);
  weights.resize(15, 1);
  const PowerIndices r = ComputeIndices(Game(weights, 39));
  EXPECT_EQ(r.Find("shapley_shubik")->values[0].Text(), "421/2145");
  EXPECT_EQ(r.Find("shapley_shubik")->values[14].Text(), "4/2145");
  EXPECT_EQ(r.Find("banzhaf_absolute")->values[0].Text(), "53/1024");   // 848 / 16384
  EXPECT_EQ(r.Find("banzhaf_absolute")->values[14].Text(), "21/4096");  // 84 / 16384
  EXPECT_EQ(r.Find("banzhaf")->values[0].Text(), "106/635");            // 848 / 5080
}

TEST(WeightedGameTest, MatchesBruteForceOnEveryIndex) {
  const std::vector<std::pair<std::vector<std::uint64_t>, std::uint64_t>> games = {
      {{1}, 1}, {{3, 2, 2, 0}, 4}, {{5, 5, 5, 5}, 20}, {{9, 1, 1, 1}, 10}, {{2, 2, 1, 1, 1}, 4}};
  for (const auto& [weights, quota] : games) {
    const PowerIndices r = ComputeIndices(Game(weights, quota));
    const auto expected = testing::BruteForceIndices(weights, quota);
    for (const std::string& key : kKeys) {
      std::vector<std::string> want;
      for (const auto& x : expected.at(key)) want.push_back(testing::Text(x));
      EXPECT_EQ(Texts(r, key), want) << key << " quota " << quota;
    }
  }
}

RC_GTEST_PROP(WeightedGameProperty, EveryIndexEqualsBruteForce, ()) {
  const auto n = *rc::gen::inRange<std::size_t>(1, 11);
  const auto weights =
      *rc::gen::container<std::vector<std::uint64_t>>(n, rc::gen::inRange<std::uint64_t>(0, 13));
  const std::uint64_t sum = std::accumulate(weights.begin(), weights.end(), std::uint64_t{0});
  RC_PRE(sum >= 1);
  const auto quota = *rc::gen::inRange<std::uint64_t>(1, sum + 1);
  const PowerIndices r = ComputeIndices(Game(weights, quota));
  const auto expected = testing::BruteForceIndices(weights, quota);
  for (const std::string& key : kKeys) {
    std::vector<std::string> want;
    for (const auto& x : expected.at(key)) want.push_back(testing::Text(x));
    RC_ASSERT(Texts(r, key) == want);
  }
}

RC_GTEST_PROP(WeightedGameProperty, NormalisedSumToOneDummiesZeroEqualsEqual, ()) {
  const auto n = *rc::gen::inRange<std::size_t>(2, 40);
  auto weights =
      *rc::gen::container<std::vector<std::uint64_t>>(n, rc::gen::inRange<std::uint64_t>(1, 30));
  weights.push_back(0);           // a dummy
  weights.push_back(weights[0]);  // a twin of the first player
  const std::uint64_t sum = std::accumulate(weights.begin(), weights.end(), std::uint64_t{0});
  const auto quota = *rc::gen::inRange<std::uint64_t>(1, sum + 1);
  const PowerIndices r = ComputeIndices(Game(weights, quota));
  for (const std::string& key : kKeys) {
    const std::vector<Fraction>& v = r.Find(key)->values;
    RC_ASSERT(v[n].Text() == "0");
    RC_ASSERT(v[0] == v[n + 1]);
    if (key == "shapley_shubik" || key == "banzhaf" || key == "deegan_packel" ||
        key == "public_good" || key == "johnston") {
      double total = 0;
      for (const Fraction& f : v) total += f.value;
      RC_ASSERT(std::abs(total - 1.0) < 1e-9);
    }
  }
}

// Players of weight 0 are dummies and change no index of the others (every count they enter is
// doubled on both sides of each ratio). Padding a small game with them crosses every integer
// width of the counting tables (64, 128, 256, 512 and 1024 bits) against the same answer.
RC_GTEST_PROP(WeightedGameProperty, DummiesChangeNothingAtEveryIntegerWidth, ()) {
  const auto n = *rc::gen::inRange<std::size_t>(1, 9);
  const auto weights =
      *rc::gen::container<std::vector<std::uint64_t>>(n, rc::gen::inRange<std::uint64_t>(1, 9));
  const std::uint64_t sum = std::accumulate(weights.begin(), weights.end(), std::uint64_t{0});
  const auto quota = *rc::gen::inRange<std::uint64_t>(1, sum + 1);
  const auto padded_size = *rc::gen::element<std::size_t>(60, 130, 260, 600);
  std::vector<std::uint64_t> padded = weights;
  padded.resize(padded_size, 0);
  const PowerIndices small = ComputeIndices(Game(weights, quota));
  const PowerIndices large = ComputeIndices(Game(padded, quota));
  for (const std::string& key : kKeys) {
    std::vector<std::string> want = Texts(small, key);
    std::vector<std::string> got = Texts(large, key);
    RC_ASSERT(
        std::all_of(got.begin() + n, got.end(), [](const std::string& t) { return t == "0"; }));
    got.resize(n);
    if (key == "banzhaf_absolute") continue;  // swings / 2^(n-1): the same, checked below
    RC_ASSERT(got == want);
  }
  RC_ASSERT(Texts(large, "banzhaf_absolute") == [&] {
    std::vector<std::string> t = Texts(small, "banzhaf_absolute");
    t.resize(padded_size, "0");
    return t;
  }());
}

TEST(WeightedGameTest, LargeGamesUseWideIntegersExactly) {
  // 130 equal players, simple majority: each has 1/130 by symmetry in every normalised index.
  const PowerIndices r = ComputeIndices(Game(std::vector<std::uint64_t>(130, 1), 66));
  for (const char* key :
       {"shapley_shubik", "banzhaf", "deegan_packel", "public_good", "johnston"}) {
    EXPECT_EQ(r.Find(key)->values[7].Text(), "1/130") << key;
  }
  // Absolute Banzhaf: C(129, 65) / 2^129, a pivot in a coalition of 65 others.
  EXPECT_NEAR(r.Find("banzhaf_absolute")->values[0].value, 0.0698446606917842, 1e-15);
}

TEST(WeightedGameTest, BadGamesAreRefusedWithTheirReason) {
  const auto code = [](const WeightedGame& g) {
    try {
      CheckWeightedGame(g);
    } catch (const Error& e) {
      return std::make_pair(e.code(), std::string(e.what()));
    }
    return std::make_pair(ErrorCode::kInternal, std::string());
  };
  EXPECT_EQ(code(Game({2, 1}, 4)).second,
            "the quota must be from 1 to the sum of the weights (3), not 4");
  EXPECT_EQ(code(Game({2, 1}, 0)).first, ErrorCode::kInvalidInput);
  WeightedGame twice = Game({1, 1}, 1);
  twice.players[1] = "P1";
  EXPECT_EQ(code(twice).second, "player 'P1' is named twice");
  EXPECT_EQ(code(Game(std::vector<std::uint64_t>(kMaxWeightedPlayers + 1, 1), 3)).first,
            ErrorCode::kLimit);
  EXPECT_EQ(code(Game({kMaxWeightSum, 1}, 2)).first, ErrorCode::kLimit);
  EXPECT_EQ(code(Game(std::vector<std::uint64_t>(1000, 900), 450000)).first, ErrorCode::kLimit);
}

}  // namespace
}  // namespace parley::coalition
