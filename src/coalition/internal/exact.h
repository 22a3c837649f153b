#pragma once

// Exact arithmetic of the coalition module (Boost.Multiprecision, header-only): big integers,
// rationals, and their conversion to the public Fraction. Private to src/coalition.

#include <boost/multiprecision/cpp_int.hpp>
#include <string>

#include "parley/coalition/fraction.h"

namespace parley::coalition::internal {

using BigInt = boost::multiprecision::cpp_int;
using Rational = boost::multiprecision::cpp_rational;

/// `r` in lowest terms as a Fraction with its nearest double. O(digits).
Fraction ToFraction(const Rational& r);

/// The exact value of a number text as CoalitionWorth::value takes it ("3", "-2.75", "1/3").
/// Throws Error(kInvalidInput) naming `text` when it is not one. O(text size^2).
Rational ParseExact(const std::string& text);

/// n! for 0..n. O(n^2) digit work.
std::vector<BigInt> Factorials(std::size_t n);

}  // namespace parley::coalition::internal
