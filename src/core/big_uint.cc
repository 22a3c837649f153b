#include "parley/core/big_uint.h"

#include <algorithm>
#include <cmath>

#include "parley/core/error.h"

namespace parley {

BigUint::BigUint(std::uint64_t v) {
  while (v != 0) {
    limbs_.push_back(static_cast<std::uint32_t>(v));
    v >>= 32;
  }
}

void BigUint::Trim() {
  while (!limbs_.empty() && limbs_.back() == 0) limbs_.pop_back();
}

BigUint& BigUint::operator*=(std::uint64_t factor) {
  if (factor == 0 || limbs_.empty()) {
    limbs_.clear();
    return *this;
  }
  // Multiply by the two 32-bit halves separately so every partial product fits in 64 bits.
  const std::uint64_t lo = factor & 0xffffffffu;
  const std::uint64_t hi = factor >> 32;
  std::vector<std::uint32_t> out(limbs_.size() + 2, 0);
  for (int half = 0; half < 2; ++half) {
    const std::uint64_t f = half == 0 ? lo : hi;
    if (f == 0) continue;
    std::uint64_t carry = 0;
    std::size_t i = 0;
    for (; i < limbs_.size(); ++i) {
      const std::uint64_t cur = out[i + half] + f * limbs_[i] + carry;
      out[i + half] = static_cast<std::uint32_t>(cur);
      carry = cur >> 32;
    }
    for (std::size_t j = i + half; carry != 0; ++j) {
      const std::uint64_t cur = out[j] + carry;
      out[j] = static_cast<std::uint32_t>(cur);
      carry = cur >> 32;
    }
  }
  limbs_ = std::move(out);
  Trim();
  return *this;
}

BigUint& BigUint::operator+=(std::uint64_t addend) {
  std::uint64_t carry = addend;
  for (std::size_t i = 0; carry != 0; ++i) {
    if (i == limbs_.size()) limbs_.push_back(0);
    const std::uint64_t cur = std::uint64_t{limbs_[i]} + (carry & 0xffffffffu);
    limbs_[i] = static_cast<std::uint32_t>(cur);
    carry = (carry >> 32) + (cur >> 32);
  }
  return *this;
}

std::uint64_t BigUint::DivMod(std::uint64_t divisor) {
  if (divisor == 0) throw Error(ErrorCode::kInternal, "BigUint division by zero");
  if (divisor <= 0xffffffffu) {
    std::uint64_t rem = 0;
    for (std::size_t i = limbs_.size(); i-- > 0;) {
      const std::uint64_t cur = (rem << 32) | limbs_[i];
      limbs_[i] = static_cast<std::uint32_t>(cur / divisor);
      rem = cur % divisor;
    }
    Trim();
    return rem;
  }
  // Divisors above 2^32: bit-by-bit long division with a 128-bit remainder.
  __extension__ using Wide = unsigned __int128;
  Wide rem = 0;
  for (std::size_t i = limbs_.size(); i-- > 0;) {
    std::uint32_t q = 0;
    for (int bit = 31; bit >= 0; --bit) {
      rem = (rem << 1) | ((limbs_[i] >> bit) & 1u);
      if (rem >= divisor) {
        rem -= divisor;
        q |= (1u << bit);
      }
    }
    limbs_[i] = q;
  }
  Trim();
  return static_cast<std::uint64_t>(rem);
}

std::optional<std::uint64_t> BigUint::ToUint64() const {
  if (limbs_.size() > 2) return std::nullopt;
  std::uint64_t v = 0;
  for (std::size_t i = limbs_.size(); i-- > 0;) v = (v << 32) | limbs_[i];
  return v;
}

double BigUint::ToDouble() const {
  double v = 0;
  for (std::size_t i = limbs_.size(); i-- > 0;) v = v * 4294967296.0 + limbs_[i];
  return v;
}

std::string BigUint::ToString() const {
  if (limbs_.empty()) return "0";
  BigUint tmp = *this;
  std::string digits;
  while (!tmp.IsZero()) {
    std::uint64_t chunk = tmp.DivMod(1000000000u);
    for (int i = 0; i < 9; ++i) {
      digits.push_back(static_cast<char>('0' + chunk % 10));
      chunk /= 10;
    }
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  std::reverse(digits.begin(), digits.end());
  return digits;
}

std::optional<BigUint> BigUint::FromString(const std::string& digits) {
  if (digits.empty()) return std::nullopt;
  BigUint v;
  for (char ch : digits) {
    if (ch < '0' || ch > '9') return std::nullopt;
    v *= 10;
    v += static_cast<std::uint64_t>(ch - '0');
  }
  return v;
}

bool operator<(const BigUint& a, const BigUint& b) {
  if (a.limbs_.size() != b.limbs_.size()) return a.limbs_.size() < b.limbs_.size();
  for (std::size_t i = a.limbs_.size(); i-- > 0;) {
    if (a.limbs_[i] != b.limbs_[i]) return a.limbs_[i] < b.limbs_[i];
  }
  return false;
}

}  // namespace parley
