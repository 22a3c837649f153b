#include "bench_domains.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <stdexcept>
#include <utility>

#include "parley/io/case_reader.h"
#include "parley/io/genius.h"

namespace parley::bench {
namespace {

constexpr int kLadderIssues[] = {5, 6, 7, 10, 30};
constexpr Correlation kCorrelations[] = {Correlation::kCorrelated, Correlation::kIndependent,
                                         Correlation::kAntiCorrelated};

}  // namespace

const char* CorrelationName(Correlation correlation) {
  switch (correlation) {
    case Correlation::kCorrelated:
      return "corr";
    case Correlation::kIndependent:
      return "indep";
    case Correlation::kAntiCorrelated:
      return "anti";
  }
  return "?";
}

Case RandomDomain(int issues, int values, Correlation correlation, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> base(0, 100), noise(-10, 10);
  Case c;
  c.title = "bench";
  c.parties.resize(2);
  c.parties[0].id = "a";
  c.parties[0].side = Side::kUs;
  c.parties[1].id = "b";
  c.parties[1].side = Side::kThem;
  Preferences pa, pb;
  pa.party = "a";
  pb.party = "b";
  for (int i = 0; i < issues; ++i) {
    Issue issue;
    issue.id = "i" + std::to_string(i);
    issue.kind = IssueKind::kOptions;
    TableValue ta, tb;
    for (int k = 0; k < values; ++k) {
      const std::string option = "v" + std::to_string(k);
      issue.options.push_back(option);
      const double va = base(rng);
      double vb = 0;
      switch (correlation) {
        case Correlation::kCorrelated:
          vb = va + noise(rng);
          break;
        case Correlation::kIndependent:
          vb = base(rng);
          break;
        case Correlation::kAntiCorrelated:
          vb = 100 - va + noise(rng);
          break;
      }
      ta.entries.push_back({option, va});
      tb.entries.push_back({option, vb});
    }
    pa.terms.push_back({issue.id, 1, ta});
    pb.terms.push_back({issue.id, 1, tb});
    c.issues.push_back(std::move(issue));
  }
  c.values = {pa, pb};
  return c;
}

Case SplitDomain(int parties, int issues, int values, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> draw(0.05, 1);
  Case c;
  c.title = "bench";
  std::vector<Preferences> prefs(static_cast<std::size_t>(parties));
  for (int p = 0; p < parties; ++p) {
    Party party;
    party.id = "p" + std::to_string(p);
    party.side = p == 0 ? Side::kUs : Side::kThem;
    c.parties.push_back(party);
    prefs[static_cast<std::size_t>(p)].party = party.id;
  }
  for (int i = 0; i < issues; ++i) {
    Issue issue;
    issue.id = "i" + std::to_string(i);
    issue.kind = IssueKind::kOptions;
    std::vector<TableValue> tables(static_cast<std::size_t>(parties));
    for (int k = 0; k < values; ++k) {
      const std::string option = "v" + std::to_string(k);
      issue.options.push_back(option);
      std::vector<double> share(static_cast<std::size_t>(parties));
      double total = 0;
      for (double& x : share) total += (x = draw(rng));
      for (std::size_t p = 0; p < share.size(); ++p) {
        tables[p].entries.push_back({option, std::round(1000 * share[p] / total) / 10});
      }
    }
    for (std::size_t p = 0; p < tables.size(); ++p) {
      prefs[p].terms.push_back({issue.id, 1, tables[p]});
    }
    c.issues.push_back(std::move(issue));
  }
  c.values = std::move(prefs);
  return c;
}

std::string SharedDir() {
  if (const char* env = std::getenv("PARLEY_SHARED_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  return PARLEY_BENCH_SHARED_DIR;
}

std::vector<CorpusEntry> CorpusEntries() {
  const std::filesystem::path shared = SharedDir();
  std::ifstream in(shared / "data" / "genius" / "index.json");
  if (!in) return {};
  const nlohmann::json index = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  std::vector<CorpusEntry> entries;
  if (!index.is_object()) return entries;
  for (const auto& [group, list] : index.items()) {
    if (!list.is_array()) continue;
    for (const nlohmann::json& item : list) {
      if (!item.is_object()) continue;
      const std::string format = item.value("format", "");
      if (format != "genius-xml" && format != "geniusweb-json") continue;
      if (!item.contains("domain_file") || !item["domain_file"].is_string()) continue;
      CorpusEntry entry;
      entry.name = item.value("name", "");
      entry.format = format;
      const std::filesystem::path folder = shared / item.value("path", "");
      entry.domain_path = (folder / item["domain_file"].get<std::string>()).string();
      for (const nlohmann::json& profile : item.value("profile_files", nlohmann::json::array())) {
        if (profile.is_string()) {
          entry.profile_paths.push_back((folder / profile.get<std::string>()).string());
        }
      }
      entries.push_back(std::move(entry));
    }
  }
  return entries;
}

Case LoadCorpusCase(const CorpusEntry& entry) {
  io::LoadResult result = entry.format == "genius-xml"
                              ? io::ImportGeniusXml(entry.domain_path, entry.profile_paths)
                              : io::ImportGeniusWeb(entry.domain_path, entry.profile_paths);
  if (!result.Ok()) {
    std::string message = "cannot import " + entry.name;
    for (const io::Diagnostic& d : result.diagnostics) {
      if (d.severity != io::Severity::kWarning) {
        message += ": " + d.message;
        break;
      }
    }
    throw std::runtime_error(message);
  }
  return std::move(*result.value);
}

Case LoadNamedDomain(const std::string& name) {
  if (name.rfind("random:", 0) == 0) {
    int issues = 0, values = 0;
    char corr[16] = {};
    if (std::sscanf(name.c_str(), "random:%dx%d:%15s", &issues, &values, corr) == 3) {
      for (Correlation c : kCorrelations) {
        if (std::string(corr) == CorrelationName(c)) return RandomDomain(issues, values, c);
      }
    }
  } else if (name.rfind("corpus:", 0) == 0) {
    const std::string wanted = name.substr(7);
    for (const CorpusEntry& entry : CorpusEntries()) {
      if (entry.name == wanted) return LoadCorpusCase(entry);
    }
  }
  throw std::runtime_error("unknown domain " + name);
}

std::vector<std::string> AllDomainNames() {
  std::vector<std::string> names;
  for (int issues : kLadderIssues) {
    for (Correlation c : kCorrelations) {
      names.push_back("random:" + std::to_string(issues) + "x10:" + CorrelationName(c));
    }
  }
  for (const CorpusEntry& entry : CorpusEntries()) names.push_back("corpus:" + entry.name);
  return names;
}

Case LoadExample(const std::string& name) {
  const io::LoadResult r =
      io::LoadCase(std::string(PARLEY_BENCH_SOURCE_DIR) + "/examples/" + name + ".yaml");
  if (!r.Ok()) throw std::runtime_error("cannot load example " + name);
  return *r.value;
}

Case LoadFineExample(const std::string& name) {
  Case c = LoadExample(name);
  for (Issue& issue : c.issues) {
    if (issue.kind == IssueKind::kNumber && issue.step > 1) issue.step = 1;
  }
  return c;
}

}  // namespace parley::bench
