#pragma once

/// Exact unsigned integers of any size, for the counts that overflow 64 bits: the size of an
/// outcome space (OutcomeSpace::Size), the tie counts of frontier points and the ZOPA counts.
/// Only the operations Parley needs: multiply and add by a 64-bit word, divide with remainder,
/// compare, and convert to decimal text or a double, each O(number of 32-bit limbs).
///
///   parley::BigUint n(1);
///   for (int i = 0; i < 30; ++i) n *= 10;  // 10^30, beyond 64 bits
///   const std::string digits = n.ToString();  // "1000000000000000000000000000000"
///   const bool fits = n.ToUint64().has_value();  // false

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace parley {

/// An unsigned integer of any size, for exact counts such as the size of an outcome space
/// (which overflows 64 bits with a few dozen issues). Only the operations Parley needs.
class BigUint {
 public:
  /// Zero.
  BigUint() = default;
  /// The value `v`.
  explicit BigUint(std::uint64_t v);

  /// Multiplies in place by `factor`. O(number of limbs).
  BigUint& operator*=(std::uint64_t factor);
  /// Adds `addend` in place. O(number of limbs).
  BigUint& operator+=(std::uint64_t addend);
  /// Divides in place by `divisor` (> 0) and returns the remainder. Throws Error(kInternal)
  /// on division by zero. O(number of limbs).
  std::uint64_t DivMod(std::uint64_t divisor);

  /// True when the value is zero.
  bool IsZero() const { return limbs_.empty(); }
  /// The value, if it fits in 64 bits.
  std::optional<std::uint64_t> ToUint64() const;
  /// The nearest double (may be +inf beyond ~1.8e308).
  double ToDouble() const;
  /// Exact decimal digits, e.g. "10000000000".
  std::string ToString() const;
  /// Parses decimal digits; nullopt on anything else (empty, sign, spaces).
  static std::optional<BigUint> FromString(const std::string& digits);

  friend bool operator==(const BigUint&, const BigUint&) = default;
  /// Total order by value.
  friend bool operator<(const BigUint& a, const BigUint& b);

 private:
  void Trim();
  std::vector<std::uint32_t> limbs_;  // little-endian base 2^32, no leading zero limbs
};

}  // namespace parley
