#pragma once

// Helpers for the GENIUS/GeniusWeb import and export tests: the shared corpus, temporary
// files, and outcome sampling.

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "parley/core/case.h"
#include "parley/core/outcome_space.h"
#include "parley/io/load_result.h"

namespace parley::io::genius_test {

/// shared/data/genius (from PARLEY_SHARED_DIR).
std::filesystem::path GeniusDir();
/// True when the corpus is present (tests that need it GTEST_SKIP otherwise).
bool HaveCorpus();

/// One scenario of index.json.
struct CorpusEntry {
  std::string section;  ///< "genius_xml", "geniusweb_json" or "anl2023"
  std::string name;
  std::filesystem::path folder;
  std::filesystem::path domain;
  std::vector<std::filesystem::path> profiles;
  nlohmann::json json;  ///< the index entry
  bool IsXml() const { return section == "genius_xml"; }
};

/// Every scenario of the three sections of index.json.
std::vector<CorpusEntry> CorpusEntries();
/// The entry called `name` (fails the test if absent).
CorpusEntry FindEntry(const std::string& name);
/// Imports an entry with ImportGeniusXml or ImportGeniusWeb.
LoadResult ImportEntry(const CorpusEntry& entry);

/// All diagnostics, one per line, for failure messages.
std::string Describe(const LoadResult& result);
/// True if some diagnostic is an error or limit about `file_name` (matched as a suffix of the
/// diagnostic's file) with a line > 0.
bool HasPositionedError(const LoadResult& result, const std::string& file_name);

/// Every outcome when there are at most `max` of them, else `max` outcomes drawn with a fixed
/// seed (first and last outcomes included).
std::vector<Outcome> SampleOutcomes(const OutcomeSpace& space, std::size_t max);

/// `text` damaged by a seeded random edit: truncated, a byte flipped, a run deleted or
/// duplicated, or a character inserted. Deterministic in `seed`.
std::string Corrupt(const std::string& text, unsigned seed);

/// A fresh empty folder under the test temporary folder.
std::filesystem::path FreshDir(const std::string& name);
/// Writes `text` to `path` (binary), creating the folder if needed.
void WriteText(const std::filesystem::path& path, const std::string& text);
/// Reads a whole file.
std::string ReadText(const std::filesystem::path& path);

}  // namespace parley::io::genius_test
