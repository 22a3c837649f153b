#include "io/genius_test_util.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <random>
#include <sstream>

#include "parley/io/genius.h"

namespace parley::io::genius_test {

namespace fs = std::filesystem;

fs::path GeniusDir() { return fs::path(PARLEY_SHARED_DIR) / "data" / "genius"; }

bool HaveCorpus() { return fs::exists(GeniusDir() / "index.json"); }

std::vector<CorpusEntry> CorpusEntries() {
  const nlohmann::json index = nlohmann::json::parse(ReadText(GeniusDir() / "index.json"));
  const fs::path shared = fs::path(PARLEY_SHARED_DIR);
  std::vector<CorpusEntry> out;
  for (const char* section : {"genius_xml", "geniusweb_json", "anl2023"}) {
    for (const nlohmann::json& e : index.at(section)) {
      CorpusEntry entry;
      entry.section = section;
      entry.name = e.at("name").get<std::string>();
      entry.folder = shared / e.at("path").get<std::string>();
      entry.domain = entry.folder / e.at("domain_file").get<std::string>();
      for (const auto& p : e.at("profile_files"))
        entry.profiles.push_back(entry.folder / p.get<std::string>());
      entry.json = e;
      out.push_back(std::move(entry));
    }
  }
  return out;
}

CorpusEntry FindEntry(const std::string& name) {
  for (CorpusEntry& e : CorpusEntries()) {
    if (e.name == name) return e;
  }
  ADD_FAILURE() << "no corpus entry " << name;
  return {};
}

LoadResult ImportEntry(const CorpusEntry& entry) {
  std::vector<std::string> profiles;
  for (const fs::path& p : entry.profiles) profiles.push_back(p.string());
  return entry.IsXml() ? ImportGeniusXml(entry.domain.string(), profiles)
                       : ImportGeniusWeb(entry.domain.string(), profiles);
}

std::string Describe(const LoadResult& result) {
  std::string out;
  for (const Diagnostic& d : result.diagnostics) out += FormatDiagnostic(d) + "\n";
  return out;
}

bool HasPositionedError(const LoadResult& result, const std::string& file_name) {
  for (const Diagnostic& d : result.diagnostics) {
    const bool names =
        d.file.size() >= file_name.size() &&
        d.file.compare(d.file.size() - file_name.size(), file_name.size(), file_name) == 0;
    if (d.severity != Severity::kWarning && names && d.line > 0) return true;
  }
  return false;
}

std::vector<Outcome> SampleOutcomes(const OutcomeSpace& space, std::size_t max) {
  std::vector<Outcome> out;
  const auto size = space.Size64();
  if (size && *size <= max) {
    Outcome o = space.First();
    do {
      out.push_back(o);
    } while (space.Next(o));
    return out;
  }
  std::mt19937_64 rng(20240601);
  out.push_back(space.First());
  Outcome last(space.IssueCount());
  for (std::size_t i = 0; i < last.size(); ++i) last[i] = space.ValueCount(i) - 1;
  out.push_back(last);
  while (out.size() < max) {
    Outcome o(space.IssueCount());
    for (std::size_t i = 0; i < o.size(); ++i) o[i] = rng() % space.ValueCount(i);
    out.push_back(std::move(o));
  }
  return out;
}

std::string Corrupt(const std::string& text, unsigned seed) {
  static constexpr char kNoise[] = {'<', '>', '&', '"', '\'', '{', '}', '[',
                                    ']', ':', ',', '0', '-',  'e', '\0'};
  std::mt19937 rng(seed);
  std::string out = text;
  if (out.empty()) return "<";
  const std::size_t at = rng() % out.size();
  const std::size_t length = 1 + rng() % 40;
  switch (rng() % 5) {
    case 0:
      out.resize(at);
      break;
    case 1:
      out[at] = static_cast<char>(out[at] ^ (1 << (rng() % 8)));
      break;
    case 2:
      out.erase(at, length);
      break;
    case 3:
      out.insert(at, out.substr(at, length));
      break;
    default:
      out.insert(at, 1, kNoise[rng() % sizeof(kNoise)]);
      break;
  }
  return out;
}

fs::path FreshDir(const std::string& name) {
  // Unique per process: ctest runs test cases of one program in parallel processes.
  const fs::path dir =
      fs::path(::testing::TempDir()) / ("parley_genius_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void WriteText(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace parley::io::genius_test
