#include "parley/report/outcome_format.h"

#include <fmt/format.h>

#include <cmath>
#include <string>
#include <variant>

#include "parley/core/issue.h"
#include "parley/core/package.h"

namespace parley::report {

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

}  // namespace parley::report
