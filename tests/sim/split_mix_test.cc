// SplitMix64: the published reference sequence, and the generator's contract.
#include "parley/sim/split_mix.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

namespace parley::sim {
namespace {

// The first outputs of the reference implementation (Vigna, splitmix64.c) from state 1234567.
TEST(SplitMixTest, MatchesTheReferenceSequence) {
  SplitMix rng(1234567);
  const std::vector<std::uint64_t> expected = {6457827717110365317ULL, 3203168211198807973ULL,
                                               9817491932198370423ULL, 4593380528125082431ULL,
                                               16408922859458223821ULL};
  for (std::uint64_t x : expected) EXPECT_EQ(rng(), x);
}

TEST(SplitMixTest, TheKthDrawIsTheMixOfTheSeedPlusKMinusOneGammas) {
  SplitMix rng(42);
  for (std::uint64_t k = 0; k < 100; ++k) EXPECT_EQ(rng(), SplitMix64(42 + k * kSplitMixGamma));
}

// A UniformRandomBitGenerator: the standard distributions take it, and a seed repeats.
TEST(SplitMixTest, DrivesStandardDistributionsDeterministically) {
  static_assert(std::uniform_random_bit_generator<SplitMix>);
  SplitMix a(7), b(7);
  std::uniform_int_distribution<int> die(1, 6);
  std::vector<int> counts(7, 0);
  for (int i = 0; i < 6000; ++i) {
    const int roll = die(a);
    EXPECT_EQ(roll, die(b));
    ++counts[roll];
  }
  for (int face = 1; face <= 6; ++face) {
    EXPECT_GT(counts[face], 850) << face;  // 1,000 expected; 850 is over 5 standard deviations
    EXPECT_LT(counts[face], 1150) << face;
  }
}

}  // namespace
}  // namespace parley::sim
