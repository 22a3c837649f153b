// ImportScenarioFolder: finds the domain and profiles of a GENIUS XML or GeniusWeb JSON scenario
// in a folder by their content, then imports them.

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string_view>

#include "internal/doc_node.h"
#include "internal/genius_common.h"
#include "internal/genius_json.h"
#include "internal/genius_xml.h"
#include "parley/io/genius.h"
#include "parley/io/load_result.h"

namespace parley::io {

namespace {

namespace fs = std::filesystem;

enum class Role { kNone, kXmlDomain, kXmlProfile, kWebDomain, kWebProfile };

// The role of a file from its content. JSON that does not parse is reported through `broken`
// (it may be a profile with a typo) and gets no role.
Role Sniff(const std::string& path, const std::string& text, std::vector<Diagnostic>& broken) {
  std::size_t start = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  start = text.find_first_not_of(" \t\r\n", start);
  if (start == std::string::npos) return Role::kNone;
  if (text[start] == '<') {
    const std::string root = internal::XmlRootName(text);
    if (root == "negotiation_template") return Role::kXmlDomain;
    if (root == "utility_space") return Role::kXmlProfile;
    return Role::kNone;
  }
  if (text[start] != '{') return Role::kNone;
  if (internal::BracketDepth(text, kMaxNesting).second != std::string::npos) {
    internal::ParseJsonText(path, text, broken);  // reports the limit with its position
    return Role::kNone;
  }
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    internal::ParseJsonText(path, text, broken);  // positioned syntax error
    return Role::kNone;
  }
  if (!j.is_object()) return Role::kNone;
  if (j.contains("issuesValues")) return Role::kWebDomain;
  for (const char* type : {"LinearAdditiveUtilitySpace", "DefaultPartialOrdering",
                           "SumOfGroupsUtilitySpace", "LinearAdditive"}) {
    if (j.contains(type)) return Role::kWebProfile;
  }
  return Role::kNone;
}

std::string Names(const std::vector<std::string>& paths) {
  std::string out;
  for (const std::string& p : paths) out += (out.empty() ? "" : ", ") + internal::FileName(p);
  return out;
}

// GENIUS XML profiles in the order the domain's <agent utility_space="..."> elements name them
// (GENIUS templates list the agents, ours first; only the final path component of the attribute
// is compared with the file names), then the profiles no agent names, in file-name order. A
// domain that does not parse gives file-name order: the importer reports its problems.
std::vector<std::string> AgentOrder(const std::string& domain_path, std::string domain_text,
                                    const std::vector<std::string>& profiles) {
  std::vector<Diagnostic> ignored;
  const std::unique_ptr<internal::XmlFile> domain =
      internal::ParseXmlText(domain_path, std::move(domain_text), ignored);
  if (domain == nullptr) return profiles;
  const pugi::xml_node root = domain->doc.document_element();
  if (std::string_view(root.name()) != "negotiation_template") return profiles;
  std::vector<std::string> ordered;
  std::vector<bool> taken(profiles.size(), false);
  for (const pugi::xml_node agent : internal::Children(root, "agent")) {
    const std::string named = agent.attribute("utility_space").as_string();
    const std::size_t slash = named.find_last_of("/\\");
    const std::string file = slash == std::string::npos ? named : named.substr(slash + 1);
    for (std::size_t k = 0; k < profiles.size(); ++k) {
      if (!taken[k] && !file.empty() && internal::FileName(profiles[k]) == file) {
        taken[k] = true;
        ordered.push_back(profiles[k]);
        break;
      }
    }
  }
  for (std::size_t k = 0; k < profiles.size(); ++k) {
    if (!taken[k]) ordered.push_back(profiles[k]);
  }
  return ordered;
}

void Import(const std::string& folder, LoadResult& result) {
  std::vector<Diagnostic>& diagnostics = result.diagnostics;
  std::error_code ec;
  std::vector<std::string> files;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (it->is_regular_file(type_ec)) files.push_back(it->path().string());
  }
  if (ec) {
    diagnostics.push_back(
        {Severity::kError, folder, 0, 0, "cannot list the folder: " + ec.message(), ""});
    return;
  }
  std::sort(files.begin(), files.end(), [](const std::string& a, const std::string& b) {
    return internal::FileName(a) < internal::FileName(b);
  });
  std::vector<std::string> roles[5];
  std::map<std::string, std::string> xml_domain_texts;  // path -> text, for AgentOrder
  std::vector<Diagnostic> broken;
  for (const std::string& path : files) {
    // Only .xml and .json files can hold a scenario; others (PDFs, notes, editor backups such
    // as "x.xml~") and hidden files are skipped. Which role a file plays comes from its content.
    std::string ext = fs::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    if ((ext != ".xml" && ext != ".json") || internal::FileName(path).front() == '.') continue;
    const std::optional<std::string> text = internal::ReadInputFile(path, diagnostics);
    if (!text) continue;
    const Role role = Sniff(path, *text, broken);
    roles[static_cast<int>(role)].push_back(path);
    if (role == Role::kXmlDomain) xml_domain_texts[path] = std::move(*text);
  }
  const auto& xml_domains = roles[static_cast<int>(Role::kXmlDomain)];
  const auto& xml_profiles = roles[static_cast<int>(Role::kXmlProfile)];
  const auto& web_domains = roles[static_cast<int>(Role::kWebDomain)];
  const auto& web_profiles = roles[static_cast<int>(Role::kWebProfile)];
  if (!xml_domains.empty() && !web_domains.empty()) {
    diagnostics.push_back({Severity::kError, folder, 0, 0,
                           "the folder holds both a GENIUS XML domain (" + Names(xml_domains) +
                               ") and a GeniusWeb JSON domain (" + Names(web_domains) +
                               "); keep one scenario per folder",
                           ""});
    return;
  }
  const bool xml = !xml_domains.empty();
  const auto& domains = xml ? xml_domains : web_domains;
  const auto& found_profiles = xml ? xml_profiles : web_profiles;
  if (!xml) diagnostics.insert(diagnostics.end(), broken.begin(), broken.end());
  if (domains.empty()) {
    diagnostics.push_back({Severity::kError, folder, 0, 0,
                           "no scenario found: no GENIUS XML domain (root <negotiation_template>) "
                           "and no GeniusWeb JSON domain (with \"issuesValues\") in the folder",
                           ""});
    return;
  }
  if (domains.size() > 1) {
    diagnostics.push_back({Severity::kError, folder, 0, 0,
                           "the folder holds " + std::to_string(domains.size()) +
                               " domain files (" + Names(domains) + "); a scenario has exactly one",
                           ""});
    return;
  }
  const std::vector<std::string> profiles =
      xml ? AgentOrder(domains[0], std::move(xml_domain_texts[domains[0]]), found_profiles)
          : found_profiles;
  // The importer reports too few profiles, after reading the domain for its own problems.
  {
    LoadResult imported =
        xml ? ImportGeniusXml(domains[0], profiles) : ImportGeniusWeb(domains[0], profiles);
    diagnostics.insert(diagnostics.end(), imported.diagnostics.begin(), imported.diagnostics.end());
    if (!HasErrors(diagnostics)) result.value = std::move(imported.value);
  }
}

}  // namespace

LoadResult ImportScenarioFolder(const std::string& folder) {
  LoadResult result;
  try {
    Import(folder, result);
  } catch (const std::exception& e) {
    result.value.reset();
    result.diagnostics.push_back({Severity::kError, folder, 0, 0,
                                  std::string("internal error while importing: ") + e.what(), ""});
  }
  return result;
}

}  // namespace parley::io
