#pragma once

/// The perception check (docs/power-model.md, "Perception"): each party's stated perceived_power
/// set against its assessed six-source mean, with a verdict (accurate, underestimates or
/// overestimates, by options.perception_threshold), and the chair's felt share of power next to
/// its assessed balance. Part of `parley power` (PowerReport::perception). O(parties).
///
///   const parley::power::Perception p = parley::power::ComparePerception(
///       c, parley::power::AssessSources(c, options), "acme", options);
///   for (const parley::power::PartyPerception& q : p.parties)
///     std::cout << q.party << ": " << parley::power::PerceptionVerdictName(q.verdict) << '\n';

#include <optional>
#include <string>
#include <vector>

#include "parley/core/case.h"
#include "parley/power/options.h"
#include "parley/power/sources.h"

namespace parley::power {

/// How a party's felt power compares with its assessed power.
enum class PerceptionVerdict {
  kNotStated,       ///< no perceived_power in the case
  kAccurate,        ///< felt = assessed, or |felt - assessed| < perception_threshold
  kUnderestimates,  ///< felt below assessed by at least the threshold
  kOverestimates,   ///< felt above assessed by at least the threshold
};

/// "not-stated", "accurate", "underestimates", "overestimates".
const char* PerceptionVerdictName(PerceptionVerdict v);

/// One party's perceived_power next to its assessment. For the perspective party it is how
/// strong that side feels; for another party, how strong that side appears to the perspective.
struct PartyPerception {
  std::string party;
  std::optional<double> felt;  ///< perceived_power, 0..5
  double assessed = 0;         ///< PartySources::mean, 0..5
  double gap = 0;              ///< felt - assessed (0 when not stated)
  PerceptionVerdict verdict = PerceptionVerdict::kNotStated;
};

/// The perception check from one chair.
struct Perception {
  std::string perspective;
  std::vector<PartyPerception> parties;  ///< every party, in case order
  /// The perspective's share of power as felt: felt / (felt + the others' felt power, or their
  /// assessed mean where not stated). Unset when the perspective states no perceived_power.
  std::optional<double> felt_share;
  double assessed_share = 0;  ///< the perspective's balance
};

/// Compares perceived and assessed power for every party. O(parties).
Perception ComparePerception(const Case& c, const SourceAssessment& sources,
                             const std::string& perspective, const PowerOptions& options);

}  // namespace parley::power
