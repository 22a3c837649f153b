#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "parley/core/case.h"
#include "parley/core/outcome_space.h"

namespace parley::io {

/// Money with thousands separators ("-117,500", "1,250.50") when `money`, else a utility with
/// 4 decimals. Every report writes amounts this way.
std::string Amount(double x, bool money);

/// An outcome as {issue: value}, numbers as numbers, options as text.
nlohmann::ordered_json OutcomeJson(const Case& c, const Outcome& outcome);

/// An outcome as "issue=value, issue=value, ...".
std::string PackageText(const Case& c, const Outcome& outcome);

}  // namespace parley::io
