#pragma once

// The keys of a JSON object in order, for the tests of the JSON reports.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace parley::testing {

/// The keys of the object `j`, in its order.
inline std::vector<std::string> Keys(const nlohmann::ordered_json& j) {
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  return keys;
}

}  // namespace parley::testing
