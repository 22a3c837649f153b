// ImportGeniusXml: a GENIUS XML domain and its profiles as a Case (GENIUS_FORMATS.md section 2).

#include <memory>

#include "internal/genius_common.h"
#include "internal/genius_xml.h"
#include "internal/genius_xml_model.h"
#include "parley/io/genius.h"

namespace parley::io {

namespace {

using internal::GeniusDomain;
using internal::GeniusProfile;
using internal::XmlFile;

struct Loaded {
  std::unique_ptr<XmlFile> domain_file;
  std::vector<std::unique_ptr<XmlFile>> profile_files;
  GeniusDomain domain;
  std::vector<GeniusProfile> profiles;
};

// Places a problem CheckCase found in the imported case at the element it came from.
Diagnostic Locate(const Loaded& in, const Case& c, const CasePath& path) {
  auto key = [&](std::size_t k) -> std::string {
    if (k >= path.size()) return "";
    const auto* s = std::get_if<std::string>(&path[k]);
    return s != nullptr ? *s : "";
  };
  auto index = [&](std::size_t k) -> std::optional<std::size_t> {
    if (k >= path.size()) return std::nullopt;
    const auto* i = std::get_if<std::size_t>(&path[k]);
    return i != nullptr ? std::optional<std::size_t>(*i) : std::nullopt;
  };
  const XmlFile& domain = *in.domain_file;
  if (key(0) == "issues" && index(1) && *index(1) < in.domain.issues.size()) {
    return domain.At(in.domain.issues[*index(1)].node, "");
  }
  std::optional<std::size_t> party;
  if (key(0) == "parties" && index(1)) party = index(1);
  if (key(0) == "values" || key(0) == "rectangles") {
    for (std::size_t i = 0; i < c.parties.size(); ++i) {
      if (c.parties[i].id == key(1)) party = i;
    }
  }
  if (!party || *party >= in.profiles.size()) return domain.At(domain.doc.document_element(), "");
  const XmlFile& file = *in.profile_files[*party];
  const GeniusProfile& profile = in.profiles[*party];
  if (key(2) == "batna" && profile.reservation) return file.At(profile.reservation, "");
  if (key(2) == "deadline" && profile.discount) return file.At(profile.discount, "");
  if (const auto it = profile.issue_nodes.find(key(2)); it != profile.issue_nodes.end()) {
    return file.At(it->second, "");
  }
  return file.At(profile.root, "");
}

void Import(const std::string& domain_path, const std::vector<std::string>& profile_paths,
            LoadResult& result) {
  std::vector<Diagnostic>& diagnostics = result.diagnostics;
  // With too few profiles the files are still read, so their own problems show at once.
  if (profile_paths.size() < 2) {
    diagnostics.push_back({Severity::kError, domain_path, 0, 0,
                           "a GENIUS scenario needs a domain and at least two profiles; " +
                               std::to_string(profile_paths.size()) + " profile(s) given",
                           ""});
  }
  Loaded in;
  in.domain_file = internal::LoadXmlFile(domain_path, diagnostics);
  bool ok = in.domain_file != nullptr;
  if (ok) {
    std::optional<GeniusDomain> domain = internal::ReadGeniusDomain(*in.domain_file, diagnostics);
    ok = domain.has_value();
    if (ok) in.domain = std::move(*domain);
  }
  // Profiles are parsed even when the domain failed, so their syntax errors show at once.
  for (const std::string& path : profile_paths) {
    in.profile_files.push_back(internal::LoadXmlFile(path, diagnostics));
    ok = ok && in.profile_files.back() != nullptr;
  }
  if (!ok) return;

  internal::IdAllocator ids;
  Case c;
  c.title = internal::FileStem(domain_path);
  internal::AddProfileParties("GENIUS XML", domain_path, profile_paths, ids, c);
  std::vector<std::string> issue_ids;
  for (const internal::DomainIssue& issue : in.domain.issues)
    issue_ids.push_back(ids.Take(issue.name, "issue"));
  c.issues = in.domain.ToIssues(issue_ids);

  for (std::size_t i = 0; i < profile_paths.size(); ++i) {
    std::optional<GeniusProfile> profile = internal::ReadGeniusProfile(
        *in.profile_files[i], in.domain, c.issues, c.parties[i].id, diagnostics);
    if (!profile) {
      ok = false;
      continue;
    }
    c.parties[i].batna = profile->batna;
    c.parties[i].deadline = internal::DatelessDeadline(profile->deadline);
    c.values.push_back(profile->preferences);
    in.profiles.push_back(std::move(*profile));
  }
  if (!ok || profile_paths.size() < 2) return;
  internal::AppendCaseProblems(
      c, [&](const CasePath& path) { return Locate(in, c, path); }, diagnostics);
  if (!HasErrors(diagnostics)) result.value = std::move(c);
}

}  // namespace

LoadResult ImportGeniusXml(const std::string& domain_path,
                           const std::vector<std::string>& profile_paths) {
  return internal::GuardedImport(
      domain_path, [&](LoadResult& result) { Import(domain_path, profile_paths, result); });
}

}  // namespace parley::io
