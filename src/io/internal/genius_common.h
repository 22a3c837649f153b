#pragma once

// Helpers shared by the GENIUS XML and GeniusWeb JSON importers and the GENIUS exporter.

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "parley/core/case.h"
#include "parley/core/case_check.h"
#include "parley/io/diagnostic.h"
#include "parley/io/load_result.h"

namespace parley::io::internal {

/// `name` as an id: ASCII letters lowercased, digits, '_' and '-' kept, every other byte
/// becomes '-', runs of '-' collapse to one, '-' trimmed at both ends. May return "".
std::string Slug(std::string_view name);

/// Hands out ids unique across a case: the slug of a name, or `fallback` when the slug is
/// empty, with "-2", "-3", ... appended on a collision with an id handed out before.
class IdAllocator {
 public:
  std::string Take(std::string_view name, std::string_view fallback);

 private:
  std::set<std::string> used_;
};

/// File name without folders ("a/b/c.xml" -> "c.xml") and without its extension ("c").
std::string FileName(const std::string& path);
std::string FileStem(const std::string& path);

/// Reads an input file. On failure (missing, a folder, unreadable, larger than kMaxFileBytes)
/// appends a diagnostic naming `path` (Severity::kLimit for the size) and returns nullopt.
std::optional<std::string> ReadInputFile(const std::string& path,
                                         std::vector<Diagnostic>& diagnostics);

/// A number written in decimal (optional sign, digits, fraction, exponent; surrounding
/// blanks allowed, as Java's Double.valueOf allows them). "nan"/"inf" parse (so the caller can
/// say they are not allowed); anything else gives nullopt. Correctly rounded, like Java.
std::optional<double> ParseDecimal(std::string_view text);
/// An integer written in decimal (optional sign, blanks around), within int64; else nullopt.
std::optional<std::int64_t> ParseInteger(std::string_view text);

/// The importers' version of Deadline.discount from a GENIUS discount factor: set only when
/// 0 < d < 1 (GENIUS treats d <= 0 and d > 1 as 1, and 1 means no discounting).
std::optional<double> DiscountFromFactor(double d);

/// An imported party's deadline: GENIUS and GeniusWeb profiles carry no dates, only a discount
/// factor, so the party has no deadline date (`date: none`) and its time pressure is the discount
/// alone (none without one), not an unknown date the power model would draw.
Deadline DatelessDeadline(std::optional<Deadline> d);

/// Runs CheckCase on an imported case and appends each problem as a diagnostic placed by
/// `locate` (which fills file, line and column). A problem here means a bad input file that the
/// importer did not catch earlier, or an importer bug; the message says it was found after import.
void AppendCaseProblems(const Case& c, const std::function<Diagnostic(const CasePath&)>& locate,
                        std::vector<Diagnostic>& diagnostics);

/// Adds one party per profile to `c` (named after the profile file, the first `us`, the others
/// `them`) and a description saying which files the case was imported from.
void AddProfileParties(const std::string& format, const std::string& domain_path,
                       const std::vector<std::string>& profile_paths, IdAllocator& ids, Case& c);

/// Runs an importer that reports bad input as diagnostics, turning any exception it still
/// throws (a bug, or memory exhaustion) into an error diagnostic on `path` instead of a crash.
LoadResult GuardedImport(const std::string& path, const std::function<void(LoadResult&)>& import);

}  // namespace parley::io::internal
