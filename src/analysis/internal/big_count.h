#pragma once

// Exact outcome counts for the frontier algorithms: a 128-bit fast path and an arbitrary-size
// fallback, both convertible to parley::BigUint. Only the operations the frontier needs.

#include <cstdint>
#include <vector>

#include "parley/core/big_uint.h"

namespace parley::analysis::internal {

/// Unsigned 128-bit count, enough for any outcome space below 2^127 (10^38).
__extension__ using Count128 = unsigned __int128;

/// An unsigned integer of any size (little-endian base 2^32 limbs), with addition and
/// multiplication by a 64-bit factor. O(limbs) per operation.
class BigCount {
 public:
  BigCount() = default;
  explicit BigCount(std::uint64_t v) {
    while (v != 0) {
      limbs_.push_back(static_cast<std::uint32_t>(v));
      v >>= 32;
    }
  }
  BigCount& operator+=(const BigCount& o) {
    if (limbs_.size() < o.limbs_.size()) limbs_.resize(o.limbs_.size(), 0);
    std::uint64_t carry = 0;
    for (std::size_t i = 0; i < limbs_.size(); ++i) {
      std::uint64_t s = carry + limbs_[i] + (i < o.limbs_.size() ? o.limbs_[i] : 0);
      limbs_[i] = static_cast<std::uint32_t>(s);
      carry = s >> 32;
    }
    if (carry != 0) limbs_.push_back(static_cast<std::uint32_t>(carry));
    return *this;
  }
  /// The product with `f`.
  BigCount operator*(std::uint64_t f) const {
    BigCount r;
    const std::uint64_t parts[2] = {f & 0xffffffffu, f >> 32};
    r.limbs_.assign(limbs_.size() + 3, 0);
    for (int p = 0; p < 2; ++p) {
      std::uint64_t carry = 0;
      for (std::size_t i = 0; i < limbs_.size(); ++i) {
        std::uint64_t cur =
            r.limbs_[i + p] + static_cast<std::uint64_t>(limbs_[i]) * parts[p] + carry;
        r.limbs_[i + p] = static_cast<std::uint32_t>(cur);
        carry = cur >> 32;
      }
      for (std::size_t k = limbs_.size() + p; carry != 0; ++k) {
        std::uint64_t cur = r.limbs_[k] + carry;
        r.limbs_[k] = static_cast<std::uint32_t>(cur);
        carry = cur >> 32;
      }
    }
    while (!r.limbs_.empty() && r.limbs_.back() == 0) r.limbs_.pop_back();
    return r;
  }
  BigUint ToBigUint() const {
    BigUint r;
    for (auto it = limbs_.rbegin(); it != limbs_.rend(); ++it) {
      r *= std::uint64_t{1} << 32;
      r += *it;
    }
    return r;
  }

 private:
  std::vector<std::uint32_t> limbs_;
};

inline BigUint ToBigUint(const BigCount& c) { return c.ToBigUint(); }
inline BigUint ToBigUint(Count128 c) {
  BigUint r(static_cast<std::uint64_t>(c >> 64));
  r *= std::uint64_t{1} << 32;
  r *= std::uint64_t{1} << 32;
  r += static_cast<std::uint64_t>(c);
  return r;
}

}  // namespace parley::analysis::internal
