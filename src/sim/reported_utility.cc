#include "parley/sim/reported_utility.h"

namespace parley::sim {

ReportedUtility::ReportedUtility(const Negotiation& n)
    : floored_(std::make_unique<analysis::FlooredCase>(analysis::ApplyFloors(n.GetCase()))) {
  const Case& deals = floored_->feasible ? floored_->c : n.GetCase();
  utilities_.reserve(n.PartyCount());
  for (std::size_t p = 0; p < n.PartyCount(); ++p) {
    utilities_.emplace_back(n.GetCase(), deals, n.PartyId(p));
    disagreement_.push_back(utilities_.back().Disagreement());
  }
}

std::vector<double> ReportedUtility::Of(const Outcome& o) const {
  std::vector<double> u;
  u.reserve(utilities_.size());
  for (const analysis::FlooredUtility& f : utilities_) u.push_back(f(o));
  return u;
}

}  // namespace parley::sim
