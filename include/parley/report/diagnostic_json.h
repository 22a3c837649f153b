#pragma once

/// Diagnostics (problems found in an input) as JSON, the shape every face uses:
/// {file, line, column, severity, message, hint}.
///
///   for (const auto& d : result.diagnostics) list.push_back(parley::report::DiagnosticJson(d));

#include <nlohmann/json.hpp>

#include "parley/io/diagnostic.h"

namespace parley::report {

/// A diagnostic as {file, line, column, severity ("error", "limit" or "warning"), message, hint}.
nlohmann::ordered_json DiagnosticJson(const io::Diagnostic& d);

}  // namespace parley::report
