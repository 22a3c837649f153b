#pragma once

// A fixed-width unsigned integer of L 64-bit limbs with wrap-around arithmetic (modulo 2^(64L)),
// the cell type of the counting tables of weighted_counts.cc: plain arrays, no normalisation, so
// an addition is L add-with-carry steps. Private to src/coalition.

#include <array>
#include <cstddef>
#include <cstdint>

#include "internal/exact.h"

namespace parley::coalition::internal {

template <std::size_t L>
class Limbs {
 public:
  Limbs() = default;
  Limbs(std::uint64_t x) : w_{} { w_[0] = x; }  // NOLINT: implicit, as for built-in integers

  Limbs& operator+=(const Limbs& o) {
    std::uint64_t carry = 0;
    for (std::size_t i = 0; i < L; ++i) {
      const std::uint64_t a = w_[i];
      const std::uint64_t s = a + o.w_[i];
      const std::uint64_t t = s + carry;
      carry = static_cast<std::uint64_t>(s < a) | static_cast<std::uint64_t>(t < s);
      w_[i] = t;
    }
    return *this;
  }

  Limbs& operator-=(const Limbs& o) {
    std::uint64_t borrow = 0;
    for (std::size_t i = 0; i < L; ++i) {
      const std::uint64_t a = w_[i];
      const std::uint64_t d = a - o.w_[i];
      const std::uint64_t t = d - borrow;
      borrow = static_cast<std::uint64_t>(d > a) | static_cast<std::uint64_t>(t > d);
      w_[i] = t;
    }
    return *this;
  }

  friend Limbs operator-(Limbs a, const Limbs& b) { return a -= b; }

  /// Halves (the exact division of an even count by 2).
  Limbs& operator>>=(int) {
    for (std::size_t i = 0; i < L; ++i) {
      w_[i] = (w_[i] >> 1) | (i + 1 < L ? w_[i + 1] << 63 : 0);
    }
    return *this;
  }

  /// The product modulo 2^(64L).
  friend Limbs operator*(const Limbs& a, const Limbs& b) {
    __extension__ typedef unsigned __int128 Wide;
    Limbs out;
    for (std::size_t i = 0; i < L; ++i) {
      if (a.w_[i] == 0) continue;
      std::uint64_t carry = 0;
      for (std::size_t j = 0; i + j < L; ++j) {
        const Wide p = static_cast<Wide>(a.w_[i]) * b.w_[j] + out.w_[i + j] + carry;
        out.w_[i + j] = static_cast<std::uint64_t>(p);
        carry = static_cast<std::uint64_t>(p >> 64);
      }
    }
    return out;
  }

  friend bool operator==(const Limbs& a, const Limbs& b) { return a.w_ == b.w_; }

  explicit Limbs(const BigInt& x) : w_{} {
    BigInt rest = x;
    for (std::size_t i = 0; i < L && rest != 0; ++i) {
      w_[i] = static_cast<std::uint64_t>(rest & BigInt(~std::uint64_t{0}));
      rest >>= 64;
    }
  }

  explicit operator BigInt() const {
    BigInt x = 0;
    for (std::size_t i = L; i-- > 0;) {
      x <<= 64;
      x += w_[i];
    }
    return x;
  }

 private:
  std::array<std::uint64_t, L> w_{};
};

}  // namespace parley::coalition::internal
