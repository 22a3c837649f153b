#pragma once

/// Reading a case: the text of a case file (YAML or JSON, format parley/1), or a CASE argument
/// (a case file, or a folder holding a GENIUS or GeniusWeb scenario), into a valid Case with
/// every problem as a diagnostic at FILE:LINE:COLUMN, all at once. Every command that takes a
/// CASE loads it with LoadCase (apps/cli/cli_common.cc). Never throws for bad input.
///
///   const parley::io::LoadResult r = parley::io::LoadCase("examples/sales-renewal.yaml");
///   for (const parley::io::Diagnostic& d : r.diagnostics) {
///     std::cerr << parley::io::FormatDiagnostic(d) << '\n';
///   }
///   if (r.Ok()) std::cout << r.value->title << '\n';

#include <string>
#include <string_view>

#include "parley/io/load_result.h"

namespace parley::io {

/// Syntax of a case file.
enum class CaseSyntax { kAuto, kYaml, kJson };

/// Reads a case file's text (format parley/1, CASE_FORMAT.md) and validates it, reporting every
/// problem at once with `file_name`:line:column. kAuto picks JSON when the first non-blank
/// character is '{', YAML otherwise. Never throws for bad input: problems are diagnostics
/// (limits as Severity::kLimit). Linear in the text size.
LoadResult ReadCaseText(std::string_view text, const std::string& file_name,
                        CaseSyntax syntax = CaseSyntax::kAuto);

/// Reads a CASE argument: a case file (.yaml, .yml, .json), or a folder holding a GENIUS XML
/// scenario (a domain file and two profiles) or a GeniusWeb JSON scenario. Files over
/// kMaxFileBytes give a kLimit diagnostic without being read. Never throws for bad input.
LoadResult LoadCase(const std::string& path);

}  // namespace parley::io
