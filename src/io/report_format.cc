#include "parley/io/report_format.h"

#include <fmt/format.h>

#include <cmath>
#include <string>
#include <variant>

#include "parley/core/issue.h"
#include "parley/core/package.h"

namespace parley::io {

std::string Amount(double x, bool money) {
  if (!money) return fmt::format("{:.4f}", x);
  if (!std::isfinite(x) || std::fabs(x) >= 1e15) return FormatNumber(x);
  const long long cents = std::llround(std::fabs(x) * 100);
  std::string digits = std::to_string(cents / 100);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(i, ",");
  std::string out = (x < 0 && cents != 0 ? "-" : "") + digits;
  if (cents % 100 != 0) out += fmt::format(".{:02d}", cents % 100);
  return out;
}

nlohmann::ordered_json OutcomeJson(const Case& c, const Outcome& outcome) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const auto& [issue, v] : OutcomeToPackage(c, outcome)) {
    if (std::holds_alternative<double>(v)) {
      j[issue] = std::get<double>(v);
    } else {
      j[issue] = std::get<std::string>(v);
    }
  }
  return j;
}

std::string PackageText(const Case& c, const Outcome& outcome) {
  std::string out;
  for (const auto& [issue, v] : OutcomeToPackage(c, outcome)) {
    out += (out.empty() ? "" : ", ") + issue + "=" + FormatIssueValue(v);
  }
  return out;
}

}  // namespace parley::io
