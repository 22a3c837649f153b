#include "internal/exact.h"

#include <algorithm>
#include <cmath>

#include "parley/coalition/tu_game.h"
#include "parley/core/error.h"

namespace parley::coalition::internal {
namespace {

// A positive big integer as mantissa * 2^exponent with a mantissa of at most 63 bits.
double Scaled(const BigInt& x, long& exponent) {
  const long top = static_cast<long>(boost::multiprecision::msb(x));
  exponent = std::max(0L, top - 62);
  const BigInt mantissa = x >> exponent;
  return mantissa.convert_to<double>();
}

}  // namespace

Fraction ToFraction(const Rational& r) {
  const BigInt num = boost::multiprecision::numerator(r);
  const BigInt den = boost::multiprecision::denominator(r);
  Fraction f;
  f.numerator = num.str();
  f.denominator = den.str();
  if (num == 0) return f;
  long num_exponent = 0;
  long den_exponent = 0;
  const double a = Scaled(num < 0 ? BigInt(-num) : num, num_exponent);
  const double b = Scaled(den, den_exponent);
  const double magnitude = std::ldexp(a / b, static_cast<int>(num_exponent - den_exponent));
  f.value = num < 0 ? -magnitude : magnitude;
  return f;
}

Rational ParseExact(const std::string& text) {
  if (!IsExactNumber(text)) {
    throw Error(ErrorCode::kInvalidInput,
                "'" + text + "' is not an exact number (write 3, -2.75 or 1/3)");
  }
  const bool negative = text[0] == '-';
  const std::string body = negative ? text.substr(1) : text;
  Rational value;
  if (const std::size_t slash = body.find('/'); slash != std::string::npos) {
    value = Rational(BigInt(body.substr(0, slash)), BigInt(body.substr(slash + 1)));
  } else if (const std::size_t dot = body.find('.'); dot != std::string::npos) {
    const std::string digits = body.substr(0, dot) + body.substr(dot + 1);
    value = Rational(BigInt(digits), boost::multiprecision::pow(
                                         BigInt(10), static_cast<unsigned>(body.size() - dot - 1)));
  } else {
    value = Rational(BigInt(body));
  }
  return negative ? Rational(-value) : value;
}

std::vector<BigInt> Factorials(std::size_t n) {
  std::vector<BigInt> f(n + 1, BigInt(1));
  for (std::size_t k = 1; k <= n; ++k) f[k] = f[k - 1] * k;
  return f;
}

}  // namespace parley::coalition::internal
