#include "parley/analysis/frontier.h"

#include <algorithm>
#include <string>
#include <vector>

#include "internal/frontier_common.h"
#include "parley/core/error.h"

namespace parley::analysis {

namespace internal {

FrontierSetup MakeFrontierSetup(const Case& c) {
  FrontierSetup s;
  for (const Party& p : c.parties) {
    if (c.FindValues(p.id) == nullptr) continue;
    s.valuations.emplace_back(c, p.id);
    s.parties.push_back(p.id);
    s.disagreement.push_back(s.valuations.back().DisagreementUtility());
  }
  if (s.parties.size() < 2) {
    throw Error(ErrorCode::kInvalidInput,
                "the Pareto frontier needs at least two parties stating values; the case has " +
                    std::to_string(s.parties.size()));
  }
  return s;
}

void FinishFrontier(Frontier& f, const FrontierOptions& options) {
  CheckPointLimit(f.points.size(), f.parties.size(), options);
  for (FrontierPoint& p : f.points) {
    p.acceptable = true;
    for (std::size_t i = 0; i < p.utility.size(); ++i) {
      if (p.utility[i] < f.disagreement[i] - kUtilityEpsilon) p.acceptable = false;
    }
  }
  std::sort(f.points.begin(), f.points.end(), [](const FrontierPoint& a, const FrontierPoint& b) {
    if (a.utility != b.utility) return a.utility > b.utility;
    return a.outcome < b.outcome;
  });
}

}  // namespace internal

Frontier ComputeFrontier(const Case& c, const FrontierOptions& options) {
  internal::FrontierSetup setup = internal::MakeFrontierSetup(c);
  const bool additive = std::all_of(setup.valuations.begin(), setup.valuations.end(),
                                    [](const PartyValuation& v) { return v.IsAdditive(); });
  if (additive) return internal::AdditiveWithSetup(c, setup, options);
  return internal::EnumerateWithSetup(c, setup, options);
}

Frontier EnumerateFrontier(const Case& c, const FrontierOptions& options) {
  internal::FrontierSetup setup = internal::MakeFrontierSetup(c);
  return internal::EnumerateWithSetup(c, setup, options);
}

bool Dominates(const std::vector<double>& u, const std::vector<double>& v) {
  if (u.size() != v.size()) {
    throw Error(ErrorCode::kUsage, "Dominates: utility vectors of different lengths");
  }
  return internal::DominatesRaw(u.data(), v.data(), u.size());
}

}  // namespace parley::analysis
