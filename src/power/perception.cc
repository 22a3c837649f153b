#include "parley/power/perception.h"

#include <cmath>

namespace parley::power {

const char* PerceptionVerdictName(PerceptionVerdict v) {
  switch (v) {
    case PerceptionVerdict::kNotStated:
      return "not-stated";
    case PerceptionVerdict::kAccurate:
      return "accurate";
    case PerceptionVerdict::kUnderestimates:
      return "underestimates";
    case PerceptionVerdict::kOverestimates:
      return "overestimates";
  }
  return "unknown";
}

Perception ComparePerception(const Case& c, const SourceAssessment& sources,
                             const std::string& perspective, const PowerOptions& options) {
  Perception out;
  out.perspective = perspective;
  double felt_me = -1, felt_total = 0;
  for (std::size_t i = 0; i < c.parties.size(); ++i) {
    const Party& p = c.parties[i];
    PartyPerception pp;
    pp.party = p.id;
    pp.felt = p.perceived_power;
    pp.assessed = sources.power[i].mean;
    if (pp.felt) {
      pp.gap = *pp.felt - pp.assessed;
      // A gap of zero is accurate even at threshold 0.
      if (pp.gap == 0 || std::fabs(pp.gap) < options.perception_threshold) {
        pp.verdict = PerceptionVerdict::kAccurate;
      } else {
        pp.verdict =
            pp.gap < 0 ? PerceptionVerdict::kUnderestimates : PerceptionVerdict::kOverestimates;
      }
    }
    felt_total += pp.felt.value_or(pp.assessed);
    if (p.id == perspective) {
      out.assessed_share = sources.balance[i];
      if (pp.felt) felt_me = *pp.felt;
    }
    out.parties.push_back(pp);
  }
  if (felt_me >= 0) {
    out.felt_share = felt_total > 0 ? felt_me / felt_total : 1.0 / c.parties.size();
  }
  return out;
}

}  // namespace parley::power
