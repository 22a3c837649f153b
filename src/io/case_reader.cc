#include "parley/io/case_reader.h"

#include <algorithm>
#include <filesystem>
#include <tuple>

#include "internal/case_schema.h"
#include "internal/doc_node.h"
#include "parley/core/error.h"
#include "parley/io/case_writer.h"
#include "parley/io/file.h"
#include "parley/io/genius.h"

namespace parley::io {

LoadResult ReadCaseText(std::string_view text, const std::string& file_name, CaseSyntax syntax) {
  LoadResult result;
  if (internal::FileTooLarge(text, file_name, result.diagnostics)) return result;
  if (syntax == CaseSyntax::kAuto)
    syntax = internal::LooksLikeJson(text) ? CaseSyntax::kJson : CaseSyntax::kYaml;
  internal::ParsedDoc doc = syntax == CaseSyntax::kJson ? internal::ParseJson(text, file_name)
                                                        : internal::ParseYaml(text, file_name);
  result.diagnostics = std::move(doc.diagnostics);
  if (!doc.root) return result;
  if (doc.root->kind == internal::NodeKind::kNull) {
    // Blank: nothing but white space, comments, document markers and directives.
    bool blank = true;
    std::size_t start = 0;
    while (blank && start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      const std::string_view line = text.substr(start, end - start);
      const std::size_t first = line.find_first_not_of(" \t\r");
      blank = first == std::string_view::npos || line[first] == '#' || line[0] == '%' ||
              line.substr(0, 3) == "---" || line.substr(0, 3) == "...";
      start = end + 1;
    }
    result.diagnostics.push_back(
        {Severity::kError, file_name, 1, 1,
         blank ? "the file is empty; a case starts with `format: parley/1`"
               : "the file holds no case: a case file is a map of keys starting with "
                 "`format: parley/1`",
         ""});
    return result;
  }
  std::optional<Case> c = internal::CaseFromDoc(*doc.root, file_name, result.diagnostics);
  if (!c) return result;
  // A semantic problem at a spot where the structure was already found wrong is a consequence
  // of that error (a missing title is also an empty one): report the cause only.
  const std::vector<Diagnostic> structural = result.diagnostics;
  auto already_reported = [&](const internal::Mark& mark) {
    for (const Diagnostic& d : structural) {
      if (d.line == mark.line && d.column == mark.column) return true;
    }
    return false;
  };
  for (const CaseProblem& problem : CheckCase(*c)) {
    const internal::Mark mark = internal::MarkAt(*doc.root, problem.path);
    if (already_reported(mark)) continue;
    const Severity severity = problem.warning ? Severity::kWarning
                              : problem.limit ? Severity::kLimit
                                              : Severity::kError;
    result.diagnostics.push_back(
        {severity, file_name, mark.line, mark.column, problem.message, problem.hint});
  }
  // Structural and semantic checks can report the same spot twice (e.g. a missing value read
  // as 0 and then found out of range): keep the first report of each position and message.
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                   });
  result.diagnostics.erase(std::unique(result.diagnostics.begin(), result.diagnostics.end()),
                           result.diagnostics.end());
  if (!HasErrors(result.diagnostics)) result.value = std::move(*c);
  return result;
}

LoadResult LoadCase(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(path, ec)) return ImportScenarioFolder(path);
  LoadResult result;
  try {
    const std::string text = ReadFile(path, kMaxFileBytes);
    const std::string ext = fs::path(path).extension().string();
    CaseSyntax syntax = CaseSyntax::kAuto;
    if (ext == ".json") syntax = CaseSyntax::kJson;
    if (ext == ".yaml" || ext == ".yml") syntax = CaseSyntax::kYaml;
    return ReadCaseText(text, path, syntax);
  } catch (const Error& e) {
    std::string message = e.what();
    if (message.rfind(path + ": ", 0) == 0) message = message.substr(path.size() + 2);
    result.diagnostics.push_back(
        {e.code() == ErrorCode::kLimit ? Severity::kLimit : Severity::kError, path, 0, 0, message,
         ""});
  }
  return result;
}

}  // namespace parley::io
