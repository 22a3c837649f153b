#pragma once

/// An outcome of a case written for people and for JSON: PackageText gives
/// "price=95000, support=premium", OutcomeJson {"price": 95000, "support": "premium"} (numbers as
/// numbers, options as text), both with grid values snapped (OutcomeToPackage). The reports of
/// `evaluate`, `review`, `frontier`, `power`, `plan` and `show` write outcomes with these two.
///
///   const parley::Outcome o = parley::OutcomeSpace(c.issues).First();
///   std::cout << parley::report::PackageText(c, o) << '\n';
///   const nlohmann::ordered_json j = parley::report::OutcomeJson(c, o);

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
