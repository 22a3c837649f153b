#pragma once

/// SplitMix64 (Steele, Lea and Flood 2014, "Fast splittable pseudorandom number generators",
/// OOPSLA; the form Vigna's xoshiro reference code seeds with): a 64-bit state advanced by the
/// golden-ratio increment 0x9E3779B97F4A7C15 and mixed by two xor-shift-multiply rounds. It
/// passes BigCrush, and a generator costs one word: a negotiation's strategies and a
/// rehearsal's samples each start one, where a Mersenne Twister's 312 words of seeding and first
/// block cost more than a short negotiation's moves.
///
///   parley::sim::SplitMix rng(seed);
///   std::uniform_int_distribution<int> die(1, 6);
///   const int roll = die(rng);

#include <cstdint>
#include <limits>

namespace parley::sim {

/// The state's increment: 2^64 divided by the golden ratio, odd.
inline constexpr std::uint64_t kSplitMixGamma = 0x9E3779B97F4A7C15ULL;

/// The generator's output for state z + kSplitMixGamma: one step from z. A mixing function
/// in its own right (a seed from a counter). O(1).
constexpr std::uint64_t SplitMix64(std::uint64_t z) {
  z += kSplitMixGamma;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

/// SplitMix64 as a UniformRandomBitGenerator: the k-th draw (k = 1, 2, ...) is
/// SplitMix64(seed + (k - 1) x kSplitMixGamma). Period 2^64. O(1) to seed and per draw.
class SplitMix {
 public:
  using result_type = std::uint64_t;  // NOLINT(readability-identifier-naming): the standard's name
  explicit constexpr SplitMix(std::uint64_t seed) : state_(seed) {}
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }
  constexpr result_type operator()() {
    const std::uint64_t out = SplitMix64(state_);
    state_ += kSplitMixGamma;
    return out;
  }

 private:
  std::uint64_t state_;
};

}  // namespace parley::sim
