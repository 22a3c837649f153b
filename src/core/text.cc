#include "parley/core/text.h"

#include <cmath>
#include <cstdio>

namespace parley::text {

std::string Fixed(double x, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, x);
  std::string out = text;
  if (out.find_first_not_of("-0.") == std::string::npos && out[0] == '-') out.erase(0, 1);
  return out;
}

std::string Amount(double x, bool money) {
  if (!money) return Fixed(x, 4);
  if (!std::isfinite(x) || std::fabs(x) >= 1e15) return Fixed(x, 0);
  const long long whole = std::llround(std::fabs(x));
  const std::string digits = std::to_string(whole);
  std::string out = x < 0 && whole != 0 ? "-" : "";
  for (std::size_t k = 0; k < digits.size(); ++k) {
    if (k > 0 && (digits.size() - k) % 3 == 0) out += ',';
    out += digits[k];
  }
  return out;
}

std::string Percent(double share) { return Fixed(100 * share, 0) + "%"; }

}  // namespace parley::text
