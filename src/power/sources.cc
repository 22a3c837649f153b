#include "parley/power/sources.h"

#include <cmath>

namespace parley::power {
namespace {

// Each party's share of `scores`: score / sum, or 1/n each when the sum is 0.
std::vector<double> Shares(const std::vector<double>& scores) {
  double total = 0;
  for (double s : scores) total += s;
  std::vector<double> shares(scores.size(), scores.empty() ? 0.0 : 1.0 / scores.size());
  if (total > 0) {
    for (std::size_t i = 0; i < scores.size(); ++i) shares[i] = scores[i] / total;
  }
  return shares;
}

}  // namespace

const char* ConfidenceName(Confidence c) {
  switch (c) {
    case Confidence::kUnscored:
      return "unscored";
    case Confidence::kAsserted:
      return "asserted";
    case Confidence::kEvidenced:
      return "evidenced";
  }
  return "unknown";
}

double ConfidenceLevel(Confidence c, std::size_t evidence_count) {
  if (c == Confidence::kUnscored) return 0;
  return 1 - std::pow(0.5, static_cast<double>(evidence_count) + 1);
}

SourceAssessment AssessSources(const Case& c, const PowerOptions& options) {
  SourceAssessment a;
  for (const Party& p : c.parties) {
    a.parties.push_back(p.id);
    PartySources ps;
    ps.party = p.id;
    double confidence = 0;
    for (int s = 0; s < kPowerSourceCount; ++s) {
      SourceScore& score = ps.sources[s];
      score.source = static_cast<PowerSource>(s);
      if (const auto& stated = p.power[s]) {
        score.score = stated->score;
        score.evidence = stated->evidence;
        score.note = stated->note;
        score.confidence =
            stated->evidence.empty() ? Confidence::kAsserted : Confidence::kEvidenced;
        ++ps.scored;
      } else {
        score.score = options.unscored_score;
        score.confidence = Confidence::kUnscored;
      }
      score.confidence_level = ConfidenceLevel(score.confidence, score.evidence.size());
      ps.total += score.score;
      confidence += score.confidence_level;
    }
    ps.mean = ps.total / kPowerSourceCount;
    ps.confidence = confidence / kPowerSourceCount;
    a.power.push_back(std::move(ps));
  }
  for (int s = 0; s < kPowerSourceCount; ++s) {
    std::vector<double> scores;
    for (const PartySources& ps : a.power) scores.push_back(ps.sources[s].score);
    a.source_share[s] = Shares(scores);
  }
  std::vector<double> totals;
  for (const PartySources& ps : a.power) totals.push_back(ps.total);
  a.balance = Shares(totals);
  for (Claim& claim : ListClaims(c)) {
    if (!claim.Supported()) a.unsupported.push_back(std::move(claim));
  }
  return a;
}

}  // namespace parley::power
