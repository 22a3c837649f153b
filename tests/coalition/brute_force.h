#pragma once

// Every simple-game index straight from its definition, over all 2^n coalitions of a small
// game, with exact rationals: the reference the fast methods are checked against.

#include <boost/multiprecision/cpp_int.hpp>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace parley::coalition::testing {

using Rational = boost::multiprecision::cpp_rational;

/// Index key (as in power_indices.h) -> value per player, for the simple game whose winning
/// coalitions (bit i: player i) `wins` tells. n <= 16.
std::map<std::string, std::vector<Rational>> BruteForceIndices(
    std::size_t n, const std::function<bool(std::uint32_t)>& wins);

/// The same for the weighted game [quota; weights].
std::map<std::string, std::vector<Rational>> BruteForceIndices(
    const std::vector<std::uint64_t>& weights, std::uint64_t quota);

/// "n/d", or "n" when d is 1: Fraction::Text() of the same number.
std::string Text(const Rational& r);

}  // namespace parley::coalition::testing
