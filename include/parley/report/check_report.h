#pragma once

/// What `parley check` prints for a list of case files: one line per file in text, one entry
/// per file in JSON ({command: "check", files: [{file, valid, title, parties, issues,
/// outcome_count, diagnostics}]}).
///
///   std::vector<parley::report::CheckedFile> files = {{"a.yaml", parley::io::LoadCase("a.yaml")}};
///   std::cout << parley::report::RenderCheckText(files);

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "parley/io/load_result.h"

namespace parley::report {

/// One file checked: the name as given and what reading it gave.
struct CheckedFile {
  std::string file;
  io::LoadResult result;
};

/// `file: ok: "TITLE" (N parties, M issues, K outcomes)` for a valid file, `file: invalid: N
/// problems (listed on stderr)` otherwise; one line per file. O(files + issues).
std::string RenderCheckText(const std::vector<CheckedFile>& files);

/// The JSON of `parley check --format json`. O(files + issues + diagnostics).
nlohmann::ordered_json CheckJson(const std::vector<CheckedFile>& files);

}  // namespace parley::report
