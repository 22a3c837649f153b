#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "parley/core/case.h"
#include "parley/core/outcome_space.h"

namespace parley::report {

/// An outcome as {issue: value}, numbers as numbers, options as text.
nlohmann::ordered_json OutcomeJson(const Case& c, const Outcome& outcome);

/// An outcome as "issue=value, issue=value, ...".
std::string PackageText(const Case& c, const Outcome& outcome);

}  // namespace parley::report
