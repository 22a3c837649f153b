#pragma once

// The GENIUS XML domain and profile readers (GENIUS_FORMATS.md section 2), turning parsed files
// into Parley issues and preferences.

#include <cstdint>
#include <map>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "internal/genius_xml.h"
#include "parley/core/case.h"

namespace parley::io::internal {

/// The type of a GENIUS issue, resolved as GENIUS does (type absent -> discrete; `type` wins
/// over `vtype`; unknown strings -> discrete), except the legacy `price`, kept apart to report.
enum class GeniusIssueType { kDiscrete, kInteger, kReal, kLegacyPrice };

/// The resolved type of an <issue> element.
GeniusIssueType ResolveIssueType(pugi::xml_node issue);
/// "discrete", "integer", "real" or "price".
const char* GeniusIssueTypeName(GeniusIssueType type);

/// One issue of a GENIUS domain.
struct DomainIssue {
  std::int64_t index = 0;  ///< the `index` attribute, which profiles refer to
  std::string name;
  GeniusIssueType type = GeniusIssueType::kDiscrete;
  std::vector<std::string> values;      ///< discrete: item values in document order
  std::int64_t int_lo = 0, int_hi = 0;  ///< integer bounds
  double real_lo = 0, real_hi = 0;      ///< real bounds
  double real_step = 0;  ///< real: the <range step=".."> Parley writes; 0: GENIUS's 21 points
  pugi::xml_node node;
};

/// A GENIUS domain: its issues in GENIUS order (pre-order under the root objective).
struct GeniusDomain {
  std::vector<DomainIssue> issues;
  /// The Parley issue for each domain issue, same order (ids assigned by the caller).
  std::vector<Issue> ToIssues(const std::vector<std::string>& ids) const;
  /// Position of the issue with this GENIUS index, or -1.
  int Find(std::int64_t index) const;
};

/// <issue> elements under `objective`, recursively in document pre-order (nested <objective>s
/// are walked, never returned). The lint already bounded the depth.
void CollectIssueNodes(pugi::xml_node objective, std::vector<pugi::xml_node>& out);

/// Reads a domain file (<negotiation_template>). Appends every problem found; returns nullopt
/// if any is an error.
std::optional<GeniusDomain> ReadGeniusDomain(const XmlFile& file,
                                             std::vector<Diagnostic>& diagnostics);

/// What one profile file contributes to the case.
struct GeniusProfile {
  Preferences preferences;
  std::optional<Batna> batna;
  std::optional<Deadline> deadline;
  /// Where things were written, to place problems found later: issue id -> <issue> element.
  std::map<std::string, pugi::xml_node> issue_nodes;
  pugi::xml_node root, reservation, discount;
};

/// Reads a profile file (<utility_space>) of `domain` for party `party`; `issues` are the
/// domain's Parley issues (same order). Appends every problem found; returns nullopt if any is
/// an error.
std::optional<GeniusProfile> ReadGeniusProfile(const XmlFile& file, const GeniusDomain& domain,
                                               const std::vector<Issue>& issues,
                                               const std::string& party,
                                               std::vector<Diagnostic>& diagnostics);

/// Reads the `<utility>` block of a `type="nonlinear"` profile into `out`. Returns false after
/// appending errors.
bool ReadRectangles(const XmlFile& file, pugi::xml_node objective, const GeniusDomain& domain,
                    const std::vector<Issue>& issues, RectangleUtility& out,
                    std::vector<Diagnostic>& diagnostics);

}  // namespace parley::io::internal
