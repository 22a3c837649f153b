#pragma once

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
