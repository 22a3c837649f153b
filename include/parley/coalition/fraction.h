#pragma once

/// An exact non-negative or negative rational number as the coalition indices give it: numerator
/// and denominator as decimal digit strings in lowest terms (denominator positive), with the
/// nearest double for display and sorting.
///
///   const parley::coalition::Fraction f = indices.Find("shapley_shubik")->values[0];
///   std::cout << f.Text() << " = " << f.value << '\n';  // "421/2145 = 0.196270..."

#include <string>

namespace parley::coalition {

/// An exact rational in lowest terms. Integers have denominator "1".
struct Fraction {
  std::string numerator = "0";    ///< decimal digits, with a leading '-' when negative
  std::string denominator = "1";  ///< decimal digits, positive
  double value = 0.0;             ///< the nearest double (relative error below 2^-52)

  /// "421/2145"; an integer as its digits alone ("0", "1", "-3").
  std::string Text() const;

  friend bool operator==(const Fraction& a, const Fraction& b) {
    return a.numerator == b.numerator && a.denominator == b.denominator;
  }
};

}  // namespace parley::coalition
