#include "parley/service/case_files.h"

#include <cctype>
#include <filesystem>
#include <random>

#include "parley/core/error.h"
#include "parley/io/case_writer.h"
#include "parley/io/file.h"
#include "parley/io/genius.h"
#include "parley/io/zip.h"
#include "parley/report/check_report.h"
#include "parley/report/json_text.h"
#include "parley/report/problems_json.h"
#include "parley/service/status.h"

namespace parley::service {

namespace {

namespace fs = std::filesystem;

Imported Failed(ErrorCode code, const std::string& message) {
  Imported in;
  in.problems.error = code;
  in.problems.json = report::JsonText(report::ProblemsJson(ErrorCodeName(code), {message}));
  return in;
}

// A LoadResult for the store: the case as JSON, or the check JSON of its diagnostics.
Imported FromLoad(const std::string& file, const io::LoadResult& result) {
  Imported in;
  if (result.Ok()) {
    in.case_json = io::WriteCaseJson(*result.value);
    return in;
  }
  std::vector<report::CheckedFile> checked;
  checked.push_back({file, result});
  in.problems.error =
      io::HasLimit(result.diagnostics) ? ErrorCode::kLimit : ErrorCode::kInvalidInput;
  in.problems.json = report::JsonText(report::CheckJson(checked));
  return in;
}

// A scratch folder of its own, removed with what it holds when this goes.
class ScratchFolder {
 public:
  ScratchFolder() {
    std::random_device rd;
    path_ = fs::temp_directory_path() /
            ("parley-import-" + std::to_string(rd()) + "-" + std::to_string(rd()));
    fs::create_directories(path_);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  ~ScratchFolder() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& Path() const { return path_; }

 private:
  fs::path path_;
};

}  // namespace

Imported ImportCaseText(std::string_view text, io::CaseSyntax syntax, const std::string& file) {
  const std::string name = file + (syntax == io::CaseSyntax::kYaml ? ".yaml" : ".json");
  Imported in;
  in.problems = CheckCaseText(text, name, syntax);
  if (in.problems.error) return in;
  in.case_json = io::WriteCaseJson(*io::ReadCaseText(text, name, syntax).value);
  return in;
}

Imported ImportGeniusZip(std::string_view zip, std::size_t max_bytes) {
  std::vector<io::ZipEntry> files;
  try {
    files = io::UnzipFiles(zip, max_bytes);
  } catch (const Error& e) {
    return Failed(e.code(), e.what());
  }
  const ScratchFolder folder;
  for (const auto& [name, bytes] : files) {
    io::WriteFileAtomically((folder.Path() / name).string(), bytes);
  }
  return FromLoad("scenario.zip", io::ImportScenarioFolder(folder.Path().string()));
}

Imported ImportCasePath(const std::string& path) { return FromLoad(path, io::LoadCase(path)); }

ExportedFile ExportCase(std::string_view case_text, std::string_view format) {
  const io::LoadResult r = io::ReadCaseText(case_text, "case");
  if (!r.Ok()) {
    throw Error(ErrorCode::kInvalidInput, "the stored case is not a valid case: check it first");
  }
  const std::string stem = FileStem(r.value->title);
  if (format == "yaml")
    return {io::WriteCaseYaml(*r.value), "application/yaml", stem + ".yaml", {}};
  if (format == "json")
    return {io::WriteCaseJson(*r.value), "application/json", stem + ".json", {}};
  if (format != "genius") {
    throw Error(ErrorCode::kUsage,
                "format: must be yaml, json or genius, not '" + std::string(format) + "'");
  }
  const io::GeniusFiles genius = io::ExportGeniusXml(*r.value);
  std::vector<io::ZipEntry> files = {{genius.domain_name, genius.domain_xml}};
  files.insert(files.end(), genius.profiles.begin(), genius.profiles.end());
  return {io::ZipFiles(files), "application/zip", stem + "-genius.zip", genius.warnings};
}

std::string FileStem(std::string_view title) {
  std::string stem;
  for (char c : title) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 128 && std::isalnum(u)) {
      stem += static_cast<char>(std::tolower(u));
    } else if (!stem.empty() && stem.back() != '-') {
      stem += '-';
    }
    if (stem.size() >= 64) break;
  }
  while (!stem.empty() && stem.back() == '-') stem.pop_back();
  return stem.empty() ? "case" : stem;
}

}  // namespace parley::service
