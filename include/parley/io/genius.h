#pragma once

/// GENIUS and GeniusWeb, the formats of the negotiation research tools (GENIUS_FORMATS.md):
/// importing a GENIUS XML or GeniusWeb JSON scenario (a domain and its profiles) as a valid Case,
/// with diagnostics, evaluated exactly as GENIUS does; and exporting a case as GENIUS XML files
/// that import back with the same utilities. LoadCase (case_reader.h) imports scenario folders
/// this way, and `parley convert --to genius` exports.
///
///   const parley::io::LoadResult r = parley::io::ImportScenarioFolder("scenarios/Laptop");
///   if (r.Ok()) {
///     const parley::io::GeniusFiles files = parley::io::ExportGeniusXml(*r.value);
///     // files.domain_xml goes to files.domain_name; profiles are (file name, XML text)
///   }

#include <string>
#include <utility>
#include <vector>

#include "parley/core/case.h"
#include "parley/io/load_result.h"

namespace parley::io {

/// Imports a GENIUS XML scenario (GENIUS_FORMATS.md section 2): a domain file and the two
/// profiles, the first becoming the `us` party. Issues become number issues (integer: step 1;
/// real: 21 grid points as GENIUS analyses them, or the grid of the `step` attribute of its
/// <range>, which Parley's export writes and GENIUS ignores) or options issues; profiles become
/// utility-form preferences evaluated exactly as GENIUS does (weights as written, discrete
/// evaluations divided by the max, the upper clamp), or rectangle preferences for
/// non-linear profiles; reservation value -> BATNA utility; discount factor -> deadline.discount.
/// Never throws for bad input: problems are diagnostics naming file, line and column.
///
/// Naming: party ids are slugs of the profile file stems (names the stems themselves), issue ids
/// slugs of the issue names ([a-z0-9_-]+, "-2", "-3" on collisions across the case), options
/// keep their strings exactly; the title is the domain file stem. More than two profiles give
/// more `them` parties. Warnings (not errors): an UNCERTAIN profile's elicitation data is
/// ignored, a profile item that is not a domain value is ignored (it still counts for the max).
LoadResult ImportGeniusXml(const std::string& domain_path,
                           const std::vector<std::string>& profile_paths);

/// Imports a GeniusWeb JSON scenario (GENIUS_FORMATS.md section 3): domain and two
/// LinearAdditiveUtilitySpace profiles (either spelling of the per-issue utility key);
/// a reservation bid becomes the BATNA outcome. Ids are made as for ImportGeniusXml; the title
/// is the domain's "name". Weights must sum to 1 within 1e-9; a profile's embedded "domain" must
/// match the domain file. Never throws for bad input (syntax errors carry line and column,
/// other problems the position of the JSON key or value at fault).
LoadResult ImportGeniusWeb(const std::string& domain_path,
                           const std::vector<std::string>& profile_paths);

/// Finds and imports the scenario in `folder`: GENIUS XML (the file whose root is
/// <negotiation_template> is the domain; <utility_space> roots are profiles) or GeniusWeb JSON
/// (the file with top-level "issuesValues" is the domain; files with
/// "LinearAdditiveUtilitySpace" are profiles, in file-name order). Only .xml and .json files are
/// looked at (hidden files skipped); their roles come from the content, and files with no role
/// (specials.json, pareto.xml) are ignored. Exactly one domain and at least two profiles are
/// required.
///
/// Order of GENIUS XML profiles: first those named by the domain's
/// `<agent utility_space="profile.xml"/>` children of <negotiation_template>, in the order of
/// those elements (a path in the attribute is compared by its last component; an agent naming
/// no profile of the folder, e.g. `utility_space=""`, is skipped), then the remaining profiles
/// in file-name order; with no such agents, file-name order. So a folder written by
/// ExportGeniusXml imports with the same `us` party, and the corpus Laptop scenario, whose
/// domain lists the seller's agent first, imports with the seller as `us`. The first profile
/// becomes `us`, all the others `them` (so a multilateral GENIUS scenario imports whole).
/// Never throws for bad input.
LoadResult ImportScenarioFolder(const std::string& folder);

/// A GENIUS XML scenario as text: the domain file and one profile per party that states values.
struct GeniusFiles {
  std::string domain_name;  ///< file name suggested for the domain, e.g. "domain.xml"
  std::string domain_xml;
  std::vector<std::pair<std::string, std::string>> profiles;  ///< file name, XML text
  /// What GENIUS cannot carry, one line per kind of data, each listing what the case holds of
  /// it ("floors dropped (...): CloudCo Annual price min 105,000; ..."); empty when nothing is
  /// lost. The face shows them as warnings.
  std::vector<std::string> warnings;
};

/// Exports a case to GENIUS XML. Money-form parties are normalised to utilities (weights from
/// each issue's value span, evaluations in [0,1], reservation from the BATNA). Number issues
/// stay numbers: integer issues when the grid is the integers of the range and every evaluator
/// is a GENIUS integer one, else real issues (`<range lowerbound upperbound>`, with a `step`
/// attribute unless the grid is GENIUS's own 21 points) when every evaluator is a GENIUS real
/// one (linear, constant, triangular); only a number issue some party values by points becomes
/// discrete items (up to 10,000 grid points). Throws Error(kUsage) when the case cannot be
/// expressed in GENIUS; what it can express only in part is listed in `warnings`.
///
/// Importing the files back (profiles in the order returned) gives every party the same utility
/// of every outcome to about 1e-15. Details: the domain file is named after the title (bytes
/// other than letters, digits, '_', '.', '-' become '-'; cut to its first 64 bytes, so a title of
/// any length makes a valid file name; "domain.xml" if nothing is left), so importing it gives
/// that title back (a longer title comes back cut; the domain's objective keeps it whole); profiles
/// are named "<party id>.xml", the `us` party first in `profiles`, and the domain lists one `<agent
/// name="<party id>" utility_space="<party id>.xml"/>` per profile in the same order (GENIUS
/// ignores these elements; ImportScenarioFolder orders the profiles by them, so `us` stays `us`);
/// issues are indexed 1..n in case order; a number issue keeps its grid (lower end, upper end,
/// step); a utility-form table whose
/// best score m is not 1 is written as score / m with the weight times m (GENIUS divides by the
/// best evaluation); a reservation bid becomes its utility; money costs of delay have no GENIUS
/// equivalent and are dropped. Throws Error(kInvalidInput) if `c` breaks a rule of CheckCase,
/// Error(kUsage) with fewer than two parties stating values, a discrete grid of more than 10,000
/// points, or a box of a non-linear utility on an issue that GENIUS cannot hold as integer or real.
GeniusFiles ExportGeniusXml(const Case& c);

/// The GENIUS XML files in `folder`: the paths of its regular, non-hidden .xml files whose root
/// element is <negotiation_template> (a domain) or <utility_space> (a profile), sorted. Other
/// files, unreadable ones and files over kMaxFileBytes are left out. `parley convert --to
/// genius` uses it to find the files of an earlier export that would mix with a new one.
/// Never throws; an unreadable folder gives an empty list.
std::vector<std::string> FindGeniusXmlFiles(const std::string& folder);

}  // namespace parley::io
