// Tests of BigUint against unsigned __int128 arithmetic, and on values far beyond 128 bits.
#include "parley/core/big_uint.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>

#include "parley/core/error.h"
#include "testing/big_numbers.h"

namespace parley {
namespace {

__extension__ using U128 = unsigned __int128;

constexpr std::uint64_t kMax64 = std::numeric_limits<std::uint64_t>::max();

using testing::DigitsThenZeros;

std::string ToDecimal(U128 v) {
  if (v == 0) return "0";
  std::string digits;
  while (v != 0) {
    digits.push_back(static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  }
  std::reverse(digits.begin(), digits.end());
  return digits;
}

// Builds a BigUint from a 128-bit value with the public operations only.
BigUint FromU128(U128 v) {
  BigUint b(static_cast<std::uint64_t>(v >> 64));
  b *= std::uint64_t{1} << 32;
  b *= std::uint64_t{1} << 32;
  b += static_cast<std::uint64_t>(v);
  return b;
}

U128 Make128(std::uint64_t hi, std::uint64_t lo) { return (U128{hi} << 64) | lo; }

// A uint64 drawn so that small values, 32-bit boundaries and the 64-bit maximum all come up.
rc::Gen<std::uint64_t> AnyU64() {
  return rc::gen::oneOf(
      rc::gen::arbitrary<std::uint64_t>(), rc::gen::inRange<std::uint64_t>(0, 1000),
      rc::gen::inRange<std::uint64_t>(0xfffffff0u, 0x100000010u),
      rc::gen::element<std::uint64_t>(0, 1, 0xffffffffu, 0x100000000u, kMax64 - 1, kMax64));
}

TEST(BigUintTest, ZeroAndSmallValues) {
  const BigUint zero;
  EXPECT_TRUE(zero.IsZero());
  EXPECT_EQ(zero.ToString(), "0");
  EXPECT_EQ(zero.ToUint64(), std::uint64_t{0});
  EXPECT_EQ(zero.ToDouble(), 0.0);
  EXPECT_EQ(BigUint(0), zero);
  EXPECT_TRUE(BigUint(0).IsZero());
  EXPECT_FALSE(BigUint(1).IsZero());
  EXPECT_EQ(BigUint(42).ToString(), "42");
  EXPECT_EQ(BigUint(1000000000).ToString(), "1000000000");  // one full 9-digit chunk plus one
  EXPECT_EQ(BigUint(999999999).ToString(), "999999999");
  EXPECT_EQ(BigUint(1000000001).ToString(), "1000000001");
}

TEST(BigUintTest, MultiplyByZeroGivesZero) {
  BigUint b(12345);
  b *= 0;
  EXPECT_TRUE(b.IsZero());
  EXPECT_EQ(b, BigUint());
  BigUint z;
  z *= 77;
  EXPECT_TRUE(z.IsZero());
}

TEST(BigUintTest, ToUint64Boundaries) {
  EXPECT_EQ(BigUint(kMax64).ToUint64(), kMax64);
  EXPECT_EQ(BigUint(kMax64).ToString(), "18446744073709551615");
  BigUint b(kMax64);
  b += 1;
  EXPECT_EQ(b.ToString(), "18446744073709551616");
  EXPECT_EQ(b.ToUint64(), std::nullopt);
  EXPECT_EQ(BigUint(0xffffffffu).ToUint64(), std::uint64_t{0xffffffffu});
  BigUint c(0xffffffffu);
  c += 1;
  EXPECT_EQ(c.ToUint64(), std::uint64_t{0x100000000u});
  // 2^64 - 1 reached from above the 32-bit boundary by a multiplication.
  BigUint d(0xffffffffu);
  d *= 0x100000001u;  // (2^32 - 1)(2^32 + 1) = 2^64 - 1
  EXPECT_EQ(d.ToUint64(), kMax64);
  EXPECT_EQ(d, BigUint(kMax64));
}

TEST(BigUintTest, PowersOfTenByRepeatedMultiply) {
  BigUint b(1);
  for (int i = 0; i < 30; ++i) b *= 10;
  EXPECT_EQ(b.ToString(), DigitsThenZeros('1', 30));
  EXPECT_EQ(b.ToUint64(), std::nullopt);
  EXPECT_DOUBLE_EQ(b.ToDouble(), 1e30);
  // Dividing back down by 10 thirty times leaves 1 with no remainders on the way.
  BigUint c = b;
  for (int i = 0; i < 30; ++i) EXPECT_EQ(c.DivMod(10), 0u) << i;
  EXPECT_EQ(c, BigUint(1));
  // 10^30 + 7 keeps its low digits.
  BigUint d = b;
  d += 7;
  EXPECT_EQ(d.ToString(), DigitsThenZeros('1', 29, "7"));
  EXPECT_EQ(d.DivMod(1000), 7u);
  EXPECT_EQ(d.ToString(), DigitsThenZeros('1', 27));
  // 10^300 by multiplying with a 64-bit factor (10^18) and comparing with FromString.
  BigUint e(1);
  for (int i = 0; i < 100; ++i) e *= 1000u;
  BigUint f(1);
  for (int i = 0; i < 16; ++i) f *= 1000000000000000000u;
  f *= 1000000000000u;  // 10^(16*18 + 12) = 10^300
  EXPECT_EQ(e, f);
  EXPECT_EQ(e.ToString(), DigitsThenZeros('1', 300));
  EXPECT_EQ(BigUint::FromString(DigitsThenZeros('1', 300)), e);
  EXPECT_DOUBLE_EQ(e.ToDouble(), 1e300);
}

TEST(BigUintTest, PowersOfTwo) {
  BigUint b(1);
  for (int i = 0; i < 128; ++i) b *= 2;
  EXPECT_EQ(b.ToString(), "340282366920938463463374607431768211456");
  BigUint c(1);
  c *= std::uint64_t{1} << 63;
  c *= std::uint64_t{1} << 63;
  c *= 4;
  EXPECT_EQ(c, b);
  // Beyond double range, ToDouble is +inf.
  BigUint huge(1);
  for (int i = 0; i < 1100; ++i) huge *= 2;
  EXPECT_EQ(huge.ToDouble(), std::numeric_limits<double>::infinity());
  EXPECT_EQ(huge.DivMod(std::uint64_t{1} << 40), 0u);
  BigUint expected(1);
  for (int i = 0; i < 1060; ++i) expected *= 2;
  EXPECT_EQ(huge, expected);
}

TEST(BigUintTest, DivModByZeroThrowsInternal) {
  BigUint b(10);
  try {
    b.DivMod(0);
    FAIL() << "no exception";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInternal);
  }
}

TEST(BigUintTest, DivModOfZero) {
  BigUint z;
  EXPECT_EQ(z.DivMod(7), 0u);
  EXPECT_TRUE(z.IsZero());
  EXPECT_EQ(z.DivMod(kMax64), 0u);
  EXPECT_TRUE(z.IsZero());
}

TEST(BigUintTest, DivModByLargeDivisor) {
  // (2^64 - 1) * 10^20 + 12345 divided by 2^64 - 1.
  BigUint b(kMax64);
  for (int i = 0; i < 20; ++i) b *= 10;
  b += 12345;
  EXPECT_EQ(b.DivMod(kMax64), 12345u);
  EXPECT_EQ(b.ToString(), DigitsThenZeros('1', 20));
}

TEST(BigUintTest, FromStringAcceptsDigitsOnly) {
  EXPECT_EQ(BigUint::FromString("0"), BigUint());
  EXPECT_EQ(BigUint::FromString("007"), BigUint(7));
  EXPECT_EQ(BigUint::FromString("000")->ToString(), "0");
  EXPECT_EQ(BigUint::FromString("18446744073709551615"), BigUint(kMax64));
  for (const char* bad : {"", "-1", "+1", " 1", "1 ", "12a", "1.0", "1e5", "0x10", "١"}) {
    EXPECT_EQ(BigUint::FromString(bad), std::nullopt) << '"' << bad << '"';
  }
}

TEST(BigUintTest, ComparisonsAcrossSizes) {
  BigUint big(1);
  for (int i = 0; i < 25; ++i) big *= 10;
  EXPECT_TRUE(BigUint(kMax64) < big);
  EXPECT_FALSE(big < BigUint(kMax64));
  EXPECT_FALSE(big < big);
  EXPECT_TRUE(BigUint() < BigUint(1));
  EXPECT_FALSE(BigUint(1) < BigUint());
  EXPECT_FALSE(BigUint() < BigUint());
  BigUint bigger = big;
  bigger += 1;
  EXPECT_TRUE(big < bigger);
  EXPECT_FALSE(bigger < big);
  EXPECT_NE(big, bigger);
  // Same limb count, difference in the lowest limb only.
  EXPECT_TRUE(BigUint(0x100000000u) < BigUint(0x100000001u));
  // Same limb count, difference in the highest limb.
  EXPECT_TRUE(BigUint(0x1ffffffffu) < BigUint(0x200000000u));
}

RC_GTEST_PROP(BigUintTest, MultiplyAddMatchesInt128, ()) {
  const std::uint64_t a = *AnyU64();
  const std::uint64_t b = *AnyU64();
  const std::uint64_t c = *AnyU64();
  BigUint x(a);
  x *= b;
  RC_ASSERT(x.ToString() == ToDecimal(U128{a} * b));
  RC_ASSERT(x == FromU128(U128{a} * b));
  x += c;
  const U128 expected = U128{a} * b + c;  // at most 2^128 - 2^64: no overflow
  RC_ASSERT(x.ToString() == ToDecimal(expected));
  RC_ASSERT(x == FromU128(expected));
  RC_ASSERT(x.ToUint64() == (expected >> 64 == 0 ? std::optional<std::uint64_t>(
                                                       static_cast<std::uint64_t>(expected))
                                                 : std::nullopt));
}

RC_GTEST_PROP(BigUintTest, DivModMatchesInt128, ()) {
  const U128 v = Make128(*AnyU64(), *AnyU64());
  std::uint64_t d = *AnyU64();
  if (d == 0) d = 1;
  BigUint x = FromU128(v);
  const std::uint64_t rem = x.DivMod(d);
  RC_ASSERT(rem == static_cast<std::uint64_t>(v % d));
  RC_ASSERT(x == FromU128(v / d));
  RC_ASSERT(x.ToString() == ToDecimal(v / d));
}

RC_GTEST_PROP(BigUintTest, ToStringAndFromStringMatchInt128, ()) {
  const U128 v = Make128(*AnyU64(), *AnyU64());
  const BigUint x = FromU128(v);
  const std::string text = x.ToString();
  RC_ASSERT(text == ToDecimal(v));
  const auto back = BigUint::FromString(text);
  RC_ASSERT(back.has_value());
  RC_ASSERT(*back == x);
  RC_ASSERT(x.ToDouble() == static_cast<double>(v) ||
            std::fabs(x.ToDouble() - static_cast<double>(v)) <= 1e-15 * static_cast<double>(v));
}

RC_GTEST_PROP(BigUintTest, ComparisonMatchesInt128, ()) {
  const U128 a = Make128(*rc::gen::oneOf(rc::gen::just<std::uint64_t>(0), AnyU64()), *AnyU64());
  const bool same = *rc::gen::arbitrary<bool>();
  const U128 b =
      same ? a : Make128(*rc::gen::oneOf(rc::gen::just<std::uint64_t>(0), AnyU64()), *AnyU64());
  const BigUint x = FromU128(a), y = FromU128(b);
  RC_ASSERT((x < y) == (a < b));
  RC_ASSERT((y < x) == (b < a));
  RC_ASSERT((x == y) == (a == b));
}

RC_GTEST_PROP(BigUintTest, ProductOfManyFactorsDividesBack, ()) {
  // A product of up to 12 random factors (up to 768 bits) divided by the same factors in
  // reverse order returns to 1 with zero remainders.
  const auto factors = *rc::gen::container<std::vector<std::uint64_t>>(
      *rc::gen::inRange<std::size_t>(1, 12), rc::gen::inRange<std::uint64_t>(1, kMax64));
  BigUint x(1);
  for (std::uint64_t f : factors) x *= f;
  const std::string text = x.ToString();
  RC_ASSERT(BigUint::FromString(text) == x);
  for (std::size_t i = factors.size(); i-- > 0;) RC_ASSERT(x.DivMod(factors[i]) == 0u);
  RC_ASSERT(x == BigUint(1));
}

}  // namespace
}  // namespace parley
