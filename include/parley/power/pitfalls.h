#pragma once

// The pitfalls of the method (METHOD.md section 6) that a case shows, found by a table of rules.
//
//   const std::vector<Pitfall> found = FindPowerPitfalls(inputs, options);
//   for (const Pitfall& p : found) std::cout << PitfallName(p.id) << ": " << p.message << "\n";
//
// Each rule is a row of PowerPitfallRules(): its id, its kind, a title and the function that
// finds it. docs/power-model.md says how to add one.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/core/case.h"
#include "parley/core/case_check.h"
#include "parley/power/leverage.h"
#include "parley/power/options.h"
#include "parley/power/perception.h"
#include "parley/power/prediction.h"
#include "parley/power/sources.h"

namespace parley::power {

/// Every pitfall Parley finds: the power pitfalls (FindPowerPitfalls), then the plan's
/// (plan::FindPlanPitfalls), in the order they are listed.
enum class PitfallId {
  kUnsupportedClaim,
  kUnderestimatingPower,
  kOverestimatingOtherSide,
  kOverReliance,
  kIgnoringPersonalPower,
  kUnprepared,
  kPriceOnly,
  kNoZopa,
  kAnchorWithoutEvidence,
  kOneWayConcession,
  kHardPowerInRepeatedRelationship,
  kFaceThreat,
  kDeadlineReliance,
  kDatePassed,
};

/// The number of PitfallId values.
inline constexpr int kPitfallIdCount = 14;

/// Every PitfallId, in the order declared.
const std::vector<PitfallId>& AllPitfallIds();

/// The stable name of a pitfall, written in JSON and text: "unsupported-claim",
/// "underestimating-power", "overestimating-other-side", "over-reliance",
/// "ignoring-personal-power", "unprepared", "price-only", "no-zopa", "anchor-without-evidence",
/// "one-way-concession", "hard-power-in-repeated-relationship", "face-threat",
/// "deadline-reliance", "date-passed".
const char* PitfallName(PitfallId id);

/// The pitfall named `name` (PitfallName's inverse); nullopt for an unknown name. O(ids).
std::optional<PitfallId> PitfallIdFromName(std::string_view name);

/// What a pitfall is about: the preparation (what the case lacks or gets wrong before the
/// meeting) or the conduct at the table (where hard power or pressure backfires; the playbook
/// lists these as warnings).
enum class PitfallKind { kPreparation, kConduct };

/// A pitfall of the method (METHOD.md section 6) found in a case.
struct Pitfall {
  PitfallId id = PitfallId::kUnsupportedClaim;
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

/// One rule of the power pitfalls: a row of PowerPitfallRules().
struct PowerPitfallRule {
  PitfallId id;
  PitfallKind kind;
  const char* title;  ///< what the rule looks for, in a few words
  /// Every occurrence in the inputs, by party in case order (the inputs are never null except
  /// where PitfallInputs says so).
  std::vector<Pitfall> (*find)(const PitfallInputs& in, const PowerOptions& options);
};

/// The rules of the power pitfalls, one row per id from kUnsupportedClaim to kNoZopa, in that
/// order (docs/power-model.md gives each trigger).
const std::vector<PowerPitfallRule>& PowerPitfallRules();

/// The power pitfalls of a case from the perspective's chair, in a fixed order: by rule in the
/// order of PowerPitfallRules(), then by party in case order. O(size of the case).
std::vector<Pitfall> FindPowerPitfalls(const PitfallInputs& in, const PowerOptions& options);

}  // namespace parley::power
