#pragma once

// What the libFuzzer targets of tests/fuzz share: splitting one input into parts, files on a
// scratch folder for the readers that take paths, and the one rule of every target: the library
// may only fail with parley::Error, and an importer's diagnostics never report an internal error.

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "parley/core/error.h"
#include "parley/io/diagnostic.h"
#include "parley/io/genius.h"

namespace parley::fuzz {

/// The line that separates the files of one input (a domain and its profiles): "\n@@@@\n".
inline constexpr std::string_view kFileSeparator = "\n@@@@\n";

/// `text` cut at every `separator`, at most `max_parts` parts (the last keeps the rest).
inline std::vector<std::string> Split(std::string_view text, std::string_view separator,
                                      std::size_t max_parts) {
  std::vector<std::string> parts;
  while (parts.size() + 1 < max_parts) {
    const std::size_t at = text.find(separator);
    if (at == std::string_view::npos) break;
    parts.emplace_back(text.substr(0, at));
    text.remove_prefix(at + separator.size());
  }
  parts.emplace_back(text);
  return parts;
}

/// A scratch folder of this process, in memory when /dev/shm is there, removed at exit.
inline const std::filesystem::path& ScratchFolder() {
  static const std::filesystem::path folder = [] {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path base =
        fs::is_directory("/dev/shm", ec) ? fs::path("/dev/shm") : fs::temp_directory_path();
    fs::path made = base / ("parley-fuzz-" + std::to_string(::getpid()));
    fs::create_directories(made);
    static const fs::path to_remove = made;
    std::atexit([] {
      std::error_code ignored;
      fs::remove_all(to_remove, ignored);
    });
    return made;
  }();
  return folder;
}

/// Writes `text` to `name` in the scratch folder and returns its path.
inline std::string WriteScratch(const std::string& name, const std::string& text) {
  const std::filesystem::path path = ScratchFolder() / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) std::abort();  // the scratch folder is full: not a finding, but stop
  return path.string();
}

/// A finding: prints what broke and the diagnostics, then aborts (libFuzzer keeps the input).
[[noreturn]] inline void Fail(const std::string& what,
                              const std::vector<io::Diagnostic>& diagnostics = {}) {
  std::fprintf(stderr, "FINDING: %s\n", what.c_str());
  for (const io::Diagnostic& d : diagnostics) {
    std::fprintf(stderr, "  %s:%d:%d: %s\n", d.file.c_str(), d.line, d.column, d.message.c_str());
  }
  std::abort();
}

/// A finding when an importer turned an unexpected exception into a diagnostic (the importers'
/// guard writes "internal error while importing: ..." at no position; input text quoted in other
/// messages always has one).
inline void AbortOnInternalError(const std::vector<io::Diagnostic>& diagnostics) {
  for (const io::Diagnostic& d : diagnostics) {
    if (d.line == 0 && d.message.rfind("internal error while importing: ", 0) == 0) {
      Fail("an importer threw", diagnostics);
    }
  }
}

/// The property shared by the GENIUS targets: a case imported from GENIUS or GeniusWeb files
/// exports to GENIUS XML (or is refused with parley::Error) and the export imports back with the
/// same parties and issues.
inline void CheckGeniusRoundTrip(const Case& c) {
  io::GeniusFiles files;
  try {
    files = io::ExportGeniusXml(c);
  } catch (const Error&) {
    return;  // not expressible in GENIUS: a clean refusal
  }
  const std::string domain = WriteScratch("export-" + files.domain_name, files.domain_xml);
  std::vector<std::string> profiles;
  for (const auto& [name, xml] : files.profiles)
    profiles.push_back(WriteScratch("export-" + name, xml));
  const io::LoadResult again = io::ImportGeniusXml(domain, profiles);
  if (!again.Ok()) Fail("the GENIUS export does not import back", again.diagnostics);
  if (again.value->parties.size() != c.parties.size() ||
      again.value->issues.size() != c.issues.size()) {
    Fail("the GENIUS export imports back with other parties or issues");
  }
}

}  // namespace parley::fuzz
