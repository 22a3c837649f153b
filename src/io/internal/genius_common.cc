#include "internal/genius_common.h"

#include <charconv>
#include <cmath>
#include <filesystem>

#include "parley/core/error.h"
#include "parley/io/case_writer.h"
#include "parley/io/file.h"
#include "parley/io/load_result.h"

namespace parley::io::internal {

std::string Slug(std::string_view name) {
  std::string out;
  for (const char raw : name) {
    char ch = raw;
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    const bool keep = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_';
    if (keep) {
      out += ch;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';  // also turns a written '-' into one '-' and collapses runs
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string IdAllocator::Take(std::string_view name, std::string_view fallback) {
  std::string base = Slug(name);
  if (base.empty()) base = std::string(fallback);
  std::string id = base;
  for (int n = 2; used_.count(id) > 0; ++n) id = base + "-" + std::to_string(n);
  used_.insert(id);
  return id;
}

std::string FileName(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

std::string FileStem(const std::string& path) {
  return std::filesystem::path(path).stem().string();
}

std::optional<std::string> ReadInputFile(const std::string& path,
                                         std::vector<Diagnostic>& diagnostics) {
  try {
    return ReadFile(path, kMaxFileBytes);
  } catch (const Error& e) {
    std::string message = e.what();
    if (message.rfind(path + ": ", 0) == 0) message = message.substr(path.size() + 2);
    diagnostics.push_back({e.code() == ErrorCode::kLimit ? Severity::kLimit : Severity::kError,
                           path, 0, 0, message, ""});
  } catch (const std::exception& e) {
    diagnostics.push_back(
        {Severity::kError, path, 0, 0, std::string("cannot read the file: ") + e.what(), ""});
  }
  return std::nullopt;
}

namespace {

std::string_view Trim(std::string_view text) {
  auto blank = [](char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace

std::optional<double> ParseDecimal(std::string_view text) {
  text = Trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty() || text.front() == '+') return std::nullopt;
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (end != text.data() + text.size()) return std::nullopt;
  if (ec == std::errc::result_out_of_range) {
    // Overflow is infinite and underflow is zero, as in Java.
    const bool negative = text.front() == '-';
    std::string_view digits = text;
    const auto e = digits.find_first_of("eE");
    const bool tiny = e != std::string_view::npos && digits.find('-', e) != std::string_view::npos;
    if (tiny) return negative ? -0.0 : 0.0;
    return negative ? -HUGE_VAL : HUGE_VAL;
  }
  if (ec != std::errc()) return std::nullopt;
  return value;
}

std::optional<std::int64_t> ParseInteger(std::string_view text) {
  text = Trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty() || text.front() == '+') return std::nullopt;
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

Deadline DatelessDeadline(std::optional<Deadline> d) {
  Deadline out = d.value_or(Deadline{});
  out.none = true;
  out.date.clear();
  return out;
}

std::optional<double> DiscountFromFactor(double d) {
  if (d > 0 && d < 1) return d;
  return std::nullopt;
}

void AppendCaseProblems(const Case& c, const std::function<Diagnostic(const CasePath&)>& locate,
                        std::vector<Diagnostic>& diagnostics) {
  for (const CaseProblem& problem : CheckCase(c)) {
    Diagnostic d = locate(problem.path);
    d.severity = problem.warning ? Severity::kWarning
                 : problem.limit ? Severity::kLimit
                                 : Severity::kError;
    d.message =
        problem.message + " (found in the imported case at " + FormatCasePath(problem.path) + ")";
    d.hint = problem.hint;
    diagnostics.push_back(std::move(d));
  }
}

void AddProfileParties(const std::string& format, const std::string& domain_path,
                       const std::vector<std::string>& profile_paths, IdAllocator& ids, Case& c) {
  c.description = "Imported from " + format + ": domain " + FileName(domain_path) + ", profiles ";
  for (std::size_t i = 0; i < profile_paths.size(); ++i) {
    Party party;
    party.name = FileStem(profile_paths[i]);
    party.id = ids.Take(party.name, "party");
    party.side = i == 0 ? Side::kUs : Side::kThem;
    c.parties.push_back(std::move(party));
    c.description += (i > 0 ? ", " : "") + FileName(profile_paths[i]) + (i == 0 ? " (us)" : "");
  }
  c.description += ".";
}

LoadResult GuardedImport(const std::string& path, const std::function<void(LoadResult&)>& import) {
  LoadResult result;
  try {
    import(result);
  } catch (const std::exception& e) {
    // Bad input never throws; an exception here is a bug or memory exhaustion.
    result.value.reset();
    result.diagnostics.push_back({Severity::kError, path, 0, 0,
                                  std::string("internal error while importing: ") + e.what(), ""});
  }
  return result;
}

}  // namespace parley::io::internal
