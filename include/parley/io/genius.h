#pragma once

#include <string>
#include <utility>
#include <vector>

#include "parley/core/case.h"
#include "parley/io/load_result.h"

namespace parley::io {

/// Imports a GENIUS XML scenario (GENIUS_FORMATS.md section 2): a domain file and the two
/// profiles, the first becoming the `us` party. Issues become number issues (integer: step 1;
/// real: 21 grid points as GENIUS analyses them) or options issues; profiles become utility-form
/// preferences evaluated exactly as GENIUS does (weights as written, discrete evaluations
/// divided by the max, the upper clamp), or rectangle preferences for non-linear
/// profiles; reservation value -> BATNA utility; discount factor -> deadline.discount.
/// Never throws for bad input: problems are diagnostics naming file, line and column.
LoadResult ImportGeniusXml(const std::string& domain_path,
                           const std::vector<std::string>& profile_paths);

/// Imports a GeniusWeb JSON scenario (GENIUS_FORMATS.md section 3): domain and two
/// LinearAdditiveUtilitySpace profiles (either spelling of the per-issue utility key);
/// a reservation bid becomes the BATNA outcome. Never throws for bad input.
LoadResult ImportGeniusWeb(const std::string& domain_path,
                           const std::vector<std::string>& profile_paths);

/// Finds and imports the scenario in `folder`: GENIUS XML (the file whose root is
/// <negotiation_template> is the domain; <utility_space> roots are profiles, in name order)
/// or GeniusWeb JSON (the file with top-level "issuesValues" is the domain; files with
/// "LinearAdditiveUtilitySpace" are profiles, in name order). Never throws for bad input.
LoadResult ImportScenarioFolder(const std::string& folder);

/// A GENIUS XML scenario as text: the domain file and one profile per party that states values.
struct GeniusFiles {
  std::string domain_name;  ///< file name suggested for the domain, e.g. "domain.xml"
  std::string domain_xml;
  std::vector<std::pair<std::string, std::string>> profiles;  ///< file name, XML text
};

/// Exports a case to GENIUS XML. Money-form parties are normalised to utilities (weights from
/// each issue's value span, evaluations in [0,1], reservation from the BATNA). Number issues
/// become integer issues when the grid is the integers of the range, else discrete items (up to
/// 10,000 grid points). Throws Error(kUsage) when the case cannot be expressed in GENIUS.
GeniusFiles ExportGeniusXml(const Case& c);

}  // namespace parley::io
