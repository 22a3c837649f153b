#pragma once

#include <string>

#include "parley/core/case.h"

namespace parley::io {

/// The case as YAML text in format parley/1; reading it back gives an equal Case.
std::string WriteCaseYaml(const Case& c);
/// The case as JSON text in format parley/1 (2-space indent); reading it back gives an equal Case.
std::string WriteCaseJson(const Case& c);

}  // namespace parley::io
