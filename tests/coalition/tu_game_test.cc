#include "parley/coalition/tu_game.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "coalition/brute_force.h"
#include "coalition/index_texts.h"
#include "parley/coalition/limits.h"
#include "parley/coalition/power_indices.h"
#include "parley/core/error.h"

namespace parley::coalition {
namespace {

using testing::Texts;

// v(AB) = v(AC) = 60, v(ABC) = 72, the rest 0. By the formula: A = 1/6*60 + 1/6*60 + 1/3*72 = 44,
// B = 1/6*60 + 1/3*(72 - 60) = 14, C likewise.
TEST(TuGameTest, ShapleyValueOfAThreePlayerGame) {
  const TuGame g{.players = {"A", "B", "C"},
                 .worths = {{{0, 1}, "60"}, {{0, 2}, "60"}, {{0, 1, 2}, "72"}}};
  const PowerIndices r = ComputeIndices(g);
  EXPECT_FALSE(r.simple);
  ASSERT_EQ(r.indices.size(), 1u);
  EXPECT_EQ(Texts(r, "shapley_value"), (std::vector<std::string>{"44", "14", "14"}));
}

// The glove game: A holds a left glove, B and C a right one; a pair is worth 1. A gets 2/3.
TEST(TuGameTest, GloveGameIsSimpleAndItsShapleyValueIsShapleyShubik) {
  const TuGame g{.players = {"A", "B", "C"},
                 .worths = {{{0, 1}, "1"}, {{0, 2}, "1"}, {{0, 1, 2}, "1"}}};
  const PowerIndices r = ComputeIndices(g);
  EXPECT_TRUE(r.simple);
  EXPECT_EQ(Texts(r, "shapley_value"), (std::vector<std::string>{"2/3", "1/6", "1/6"}));
  EXPECT_EQ(Texts(r, "shapley_shubik"), Texts(r, "shapley_value"));
  EXPECT_EQ(Texts(r, "banzhaf"), (std::vector<std::string>{"3/5", "1/5", "1/5"}));
}

TEST(TuGameTest, DecimalAndFractionWorthsAreExact) {
  const TuGame g{.players = {"A", "B"}, .worths = {{{0}, "0.1"}, {{0, 1}, "1/3"}}};
  const PowerIndices r = ComputeIndices(g);
  // A: 1/2 * 0.1 + 1/2 * 1/3 - ... : phi_A = (v(A) + v(AB) - v(B)) / 2 = (1/10 + 1/3) / 2.
  EXPECT_EQ(Texts(r, "shapley_value"), (std::vector<std::string>{"13/60", "7/60"}));
}

TEST(TuGameTest, NonMonotoneZeroOneGameIsNotSimple) {
  const TuGame g{.players = {"A", "B"}, .worths = {{{0}, "1"}}};  // v(AB) = 0 < v(A)
  EXPECT_FALSE(ComputeIndices(g).simple);
}

RC_GTEST_PROP(TuGameProperty, SimpleGameIndicesEqualBruteForce, ()) {
  // A random monotone game: the up-closure of a few random coalitions.
  const auto n = *rc::gen::inRange<std::size_t>(1, 9);
  const std::uint32_t all = (1u << n) - 1;
  const auto generators = *rc::gen::nonEmpty(
      rc::gen::container<std::vector<std::uint32_t>>(rc::gen::inRange<std::uint32_t>(1, all + 1)));
  const auto wins = [&](std::uint32_t s) {
    for (std::uint32_t g : generators) {
      if ((g & s) == g) return true;
    }
    return false;
  };
  TuGame game;
  for (std::size_t i = 0; i < n; ++i) game.players.push_back("P" + std::to_string(i));
  for (std::uint32_t s = 1; s <= all; ++s) {
    if (!wins(s)) continue;
    CoalitionWorth w{.members = {}, .value = "1"};
    for (std::size_t i = 0; i < n; ++i) {
      if (s >> i & 1u) w.members.push_back(i);
    }
    game.worths.push_back(w);
  }
  const PowerIndices r = ComputeIndices(game);
  RC_ASSERT(r.simple);
  const auto expected = testing::BruteForceIndices(n, wins);
  for (const auto& [key, values] : expected) {
    std::vector<std::string> want;
    for (const auto& x : values) want.push_back(testing::Text(x));
    RC_ASSERT(Texts(r, key) == want);
  }
  RC_ASSERT(Texts(r, "shapley_value") == Texts(r, "shapley_shubik"));
}

TEST(TuGameTest, BadGamesAreRefusedWithTheirReason) {
  const auto message = [](const TuGame& g) {
    try {
      CheckTuGame(g);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_EQ(message({.players = {"A", "B"}, .worths = {{{0}, "x"}}}),
            "coalition 1: 'x' is not an exact number (write 3, -2.75 or 1/3)");
  EXPECT_EQ(message({.players = {"A", "B"}, .worths = {{{0, 1}, "1"}, {{1, 0}, "2"}}}),
            "coalition 2 is listed twice");
  EXPECT_EQ(message({.players = {"A", "A"}, .worths = {}}), "player 'A' is named twice");
  TuGame big;
  for (std::size_t i = 0; i <= kMaxTuPlayers; ++i) big.players.push_back("P" + std::to_string(i));
  EXPECT_EQ(message(big), "a game given by its coalitions' worths has at most 20 players, not 21");
  EXPECT_TRUE(IsExactNumber("-2.75"));
  EXPECT_FALSE(IsExactNumber("1/0"));
  EXPECT_FALSE(IsExactNumber("1e3"));
  EXPECT_FALSE(IsExactNumber(""));
}

}  // namespace
}  // namespace parley::coalition
