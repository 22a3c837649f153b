#pragma once

#include <optional>
#include <string>
#include <vector>

#include "parley/core/case.h"
#include "parley/core/case_check.h"
#include "parley/power/leverage.h"
#include "parley/power/options.h"
#include "parley/power/perception.h"
#include "parley/power/prediction.h"
#include "parley/power/sources.h"

namespace parley::power {

/// A pitfall of the method (METHOD.md section 6) found in a case.
struct Pitfall {
  /// Stable id: unsupported-claim, underestimating-power, overestimating-other-side,
  /// over-reliance, ignoring-personal-power, unprepared, price-only, no-zopa.
  std::string id;
  std::string party;             ///< whose pitfall or claim it is; empty when it concerns the case
  std::string message;           ///< what is wrong, with figures, and what to do
  std::vector<CasePath> fields;  ///< the case fields it concerns
};

/// Everything FindPowerPitfalls reads.
struct PitfallInputs {
  const Case* c = nullptr;
  const SourceAssessment* sources = nullptr;
  const Perception* perception = nullptr;
  const Leverage* leverage = nullptr;
  const Prediction* prediction = nullptr;  ///< may be null (fewer than two valued parties)
  std::string perspective;
  /// When the parties' floors leave no possible deal: why (analysis::FlooredCase::notes).
  std::string floors_blocked;
};

/// The power pitfalls of a case from the perspective's chair, in a fixed order: by id in the
/// order listed on Pitfall::id, then by party in case order. O(size of the case).
std::vector<Pitfall> FindPowerPitfalls(const PitfallInputs& in, const PowerOptions& options);

}  // namespace parley::power
