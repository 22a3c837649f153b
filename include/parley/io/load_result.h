#pragma once

/// What reading or importing a case gives (LoadResult: the case when it is valid, and every
/// diagnostic found), and the documented input limits (docs/case-format.md, "Limits"): 16 MiB per
/// file, 64 levels of nesting, 250,000 nodes. Every reader of case_reader.h and genius.h returns
/// one; `parley check` reports one per file (report/check_report.h).
///
///   const parley::io::LoadResult r = parley::io::LoadCase("deal.yaml");
///   if (!r.Ok()) std::cerr << (parley::io::HasLimit(r.diagnostics) ? "too large\n" : "invalid\n");
///   else if (!r.diagnostics.empty()) std::cerr << "valid, with warnings\n";

#include <optional>
#include <vector>

#include "parley/core/case.h"
#include "parley/io/diagnostic.h"

namespace parley::io {

/// The result of reading or importing a case: the case when it is valid, and every
/// diagnostic found (all of them at once; warnings may accompany a valid case).
struct LoadResult {
  std::optional<Case> value;
  std::vector<Diagnostic> diagnostics;

  bool Ok() const { return value.has_value() && !HasErrors(diagnostics); }
};

/// Documented limits on input files (docs/case-format.md, "Limits").
inline constexpr std::size_t kMaxFileBytes = 16u << 20;  ///< 16 MiB per file
inline constexpr int kMaxNesting = 64;                   ///< nesting depth of maps and lists
inline constexpr std::size_t kMaxNodes = 250'000;  ///< nodes or elements, counting alias expansions

}  // namespace parley::io
