#pragma once

#include <optional>
#include <string>
#include <vector>

#include "internal/doc_node.h"
#include "parley/core/case.h"
#include "parley/core/case_check.h"
#include "parley/io/diagnostic.h"

namespace parley::io::internal {

/// Converts a parsed case document to a Case, checking its structure as CASE_FORMAT.md and
/// docs/case-format.md define it: known keys only (with "did you mean" hints), types, required
/// fields, enumerations. Appends every problem to `diagnostics`; returns a Case whenever the
/// structure could be read (semantic rules are checked separately by CheckCase).
std::optional<Case> CaseFromDoc(const DocNode& root, const std::string& file,
                                std::vector<Diagnostic>& diagnostics);

/// The position of the node at `path` in `root`, or of its deepest ancestor that exists.
Mark MarkAt(const DocNode& root, const CasePath& path);

}  // namespace parley::io::internal
