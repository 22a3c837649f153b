#pragma once

// Helpers shared by the JSON renderers: numbers that may be absent or not finite are null, so
// every document is valid JSON.

#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>

namespace parley::report::internal {

/// `x`, or null when it is not finite.
inline nlohmann::ordered_json Num(double x) {
  return std::isfinite(x) ? nlohmann::ordered_json(x) : nlohmann::ordered_json(nullptr);
}

/// `*x`, or null when absent or not finite.
inline nlohmann::ordered_json Num(const std::optional<double>& x) {
  return x ? Num(*x) : nlohmann::ordered_json(nullptr);
}

}  // namespace parley::report::internal
