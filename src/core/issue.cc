#include "parley/core/issue.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace parley {

namespace {
constexpr double kGridTolerance = 1e-9;
}  // namespace

std::uint64_t Issue::ValueCount() const {
  if (kind == IssueKind::kOptions) return options.size();
  if (!std::isfinite(lo) || !std::isfinite(hi) || !std::isfinite(step) || step <= 0 || hi < lo) {
    return 0;
  }
  const double intervals = std::floor((hi - lo) / step + kGridTolerance);
  if (!std::isfinite(intervals) || intervals >= static_cast<double>(kMaxGridPoints)) return 0;
  return static_cast<std::uint64_t>(intervals) + 1;
}

double Issue::NumberAt(std::uint64_t k) const {
  const double x = lo + static_cast<double>(k) * step;
  return x > hi ? hi : x;
}

namespace {

// Digits after the point in the shortest text of `x` (FormatNumber), or 99 in scientific form.
int Decimals(double x) {
  const std::string text = FormatNumber(x);
  if (text.find_first_of("eE") != std::string::npos) return 99;
  const std::size_t point = text.find('.');
  return point == std::string::npos ? 0 : static_cast<int>(text.size() - point - 1);
}

}  // namespace

double Issue::GridValue(std::uint64_t k) const {
  const double x = NumberAt(k);
  const int decimals = std::max(Decimals(lo), Decimals(step));
  if (decimals == 0) return std::round(x);
  if (decimals > 12 || !std::isfinite(x)) return x;
  const double scale = std::pow(10.0, decimals);
  const double snapped = std::round(x * scale) / scale;
  return std::isfinite(snapped) ? snapped : x;
}

std::pair<std::uint64_t, bool> Issue::NearestIndex(double x) const {
  const std::uint64_t count = ValueCount();
  if (count == 0 || !std::isfinite(x)) return {0, false};
  const double pos = (x - lo) / step;
  const double rounded = std::round(pos);
  if (rounded < 0) return {0, false};
  if (rounded > static_cast<double>(count - 1)) return {count - 1, false};
  const auto k = static_cast<std::uint64_t>(rounded);
  const double scale = std::max({1.0, std::fabs(x), std::fabs(NumberAt(k))});
  const bool on_grid = std::fabs(NumberAt(k) - x) <= kGridTolerance * scale ||
                       std::fabs(pos - rounded) <= kGridTolerance;
  return {k, on_grid};
}

int Issue::OptionIndex(const std::string& option) const {
  for (std::size_t i = 0; i < options.size(); ++i) {
    if (options[i] == option) return static_cast<int>(i);
  }
  return -1;
}

std::string FormatNumber(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  if (x == 0) return "0";  // also folds -0
  // Shortest round-trip digits; plain notation for magnitudes people write plainly (as Python's
  // repr does), so 100000 is "100000", not the equally short "1e+05".
  char buf[64];
  const double magnitude = std::fabs(x);
  auto result = magnitude >= 1e-4 && magnitude < 1e16
                    ? std::to_chars(buf, buf + sizeof(buf), x, std::chars_format::fixed)
                    : std::to_chars(buf, buf + sizeof(buf), x);
  return std::string(buf, result.ptr);
}

std::string FormatIssueValue(const IssueValue& value) {
  if (const double* x = std::get_if<double>(&value)) return FormatNumber(*x);
  return std::get<std::string>(value);
}

}  // namespace parley
