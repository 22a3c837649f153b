#pragma once

/// The six-source assessment (docs/power-model.md, "The six sources"): every party's 0..5 score
/// on each source with its confidence from the evidence, each party's share per source, the
/// overall balance (sums to 1) and the claims no evidence backs. The first step of AnalysePower;
/// the balance feeds the bargaining weights, and `parley power` prints it with the radar chart.
/// O(parties x evidence).
///
///   const parley::power::SourceAssessment s = parley::power::AssessSources(c, options);
///   for (std::size_t i = 0; i < s.parties.size(); ++i)
///     std::cout << s.parties[i] << ' ' << s.power[i].mean << ' ' << s.balance[i] << '\n';

#include <array>
#include <string>
#include <vector>

#include "parley/core/case.h"
#include "parley/core/evidence_coverage.h"
#include "parley/power/options.h"

namespace parley::power {

/// How far a score can be trusted.
enum class Confidence {
  kUnscored,   ///< not scored in the case; options.unscored_score is assumed
  kAsserted,   ///< scored, with no evidence: a bluff risk
  kEvidenced,  ///< scored, backed by at least one piece of evidence
};

/// "unscored", "asserted", "evidenced".
const char* ConfidenceName(Confidence c);

/// Confidence as a number in [0, 1): 0 unscored, 1 - 0.5^(n+1) with n pieces of evidence
/// (0.5 asserted, 0.75 with one, 0.875 with two ...). More evidence never lowers it.
double ConfidenceLevel(Confidence c, std::size_t evidence_count);

/// One source as assessed for one party.
struct SourceScore {
  PowerSource source = PowerSource::kSituational;
  double score = 0;  ///< the stated score, or options.unscored_score when unscored
  Confidence confidence = Confidence::kUnscored;
  double confidence_level = 0;  ///< ConfidenceLevel(confidence, evidence.size())
  std::vector<std::string> evidence;
  std::string note;
};

/// One party's six sources.
struct PartySources {
  std::string party;
  std::array<SourceScore, kPowerSourceCount> sources;  ///< indexed by PowerSource
  double total = 0;       ///< sum of the six scores (0..30), unscored ones at their assumed value
  double mean = 0;        ///< total / 6, on the 0..5 scale
  double confidence = 0;  ///< mean of the six confidence levels
  int scored = 0;         ///< how many sources the case scores for this party
};

/// The six-source assessment of every party, and how the power is shared between them.
struct SourceAssessment {
  std::vector<std::string> parties;  ///< every party, in case order
  std::vector<PartySources> power;   ///< in `parties` order
  /// Per source, each party's share: score_p / sum of the scores (1/n each when all are 0).
  std::array<std::vector<double>, kPowerSourceCount> source_share;
  /// Overall: total_p / sum of the totals (1/n each when all are 0). Sums to 1.
  std::vector<double> balance;
  /// Every claim of the case with no evidence (ListClaims, unsupported only): a bluff risk.
  std::vector<Claim> unsupported;
};

/// Scores every party of `c` (valid) on the six sources. O(parties x evidence).
SourceAssessment AssessSources(const Case& c, const PowerOptions& options);

}  // namespace parley::power
