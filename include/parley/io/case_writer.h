#pragma once

/// Writing a case as the text of a case file: YAML or JSON in format parley/1 that reads back
/// (ReadCaseText, case_reader.h) to an equal Case. `parley convert --to yaml|json` and
/// `parley new` write cases this way; file.h puts the text on disk atomically.
///
///   const std::string yaml = parley::io::WriteCaseYaml(c);
///   const std::string json = parley::io::WriteCaseJson(c);  // 2-space indent
///   // parley::io::ReadCaseText(yaml, "copy.yaml").value == c

#include <string>

#include "parley/core/case.h"

namespace parley::io {

/// The case as YAML text in format parley/1; reading it back gives an equal Case.
std::string WriteCaseYaml(const Case& c);
/// The case as JSON text in format parley/1 (2-space indent); reading it back gives an equal Case.
std::string WriteCaseJson(const Case& c);

}  // namespace parley::io
