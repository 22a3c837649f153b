#include "parley/sim/metrics.h"

#include <cmath>
#include <limits>

#include "parley/analysis/bargaining.h"
#include "parley/analysis/deal_space.h"
#include "parley/core/error.h"

namespace parley::sim {

namespace {

double Distance(const std::vector<double>& a, const std::vector<double>& b) {
  double sum = 0;
  for (std::size_t i = 0; i < a.size(); ++i) sum += (a[i] - b[i]) * (a[i] - b[i]);
  return std::sqrt(sum);
}

// The frontier's utilities in the negotiation's party order; nullopt beyond the limits.
std::optional<analysis::Frontier> FrontierOf(const Negotiation& n) {
  try {
    return analysis::ComputeDealFrontier(n.GetCase());
  } catch (const Error& e) {
    if (e.code() == ErrorCode::kLimit) return std::nullopt;
    throw;
  }
}

// The frontier's points on each negotiating party's own scale: the deal-space frontier's
// utilities are on the floored space's scale (docs/deal-space.md), an affine change per party
// that keeps Pareto optimality and the Nash point, so each point's outcome is valued again.
std::vector<double> OwnScale(const Negotiation& n, const Outcome& o) {
  std::vector<double> u;
  for (std::size_t p = 0; p < n.PartyCount(); ++p) u.push_back(n.Valuation(p).Utility(o));
  return u;
}

void Distances(const Negotiation& n, SimulationMetrics& m) {
  const std::optional<analysis::Frontier> f = FrontierOf(n);
  if (!f || f->points.empty() || f->parties.size() != n.PartyCount()) return;
  m.frontier_available = true;
  double best = std::numeric_limits<double>::infinity();
  for (const analysis::FrontierPoint& p : f->points) {
    best = std::min(best, Distance(m.point, OwnScale(n, p.outcome)));
  }
  m.pareto_distance = best;
  const analysis::Solution nash = analysis::Solve(*f, analysis::SolutionRule::kNash);
  if (nash.points.empty()) return;
  m.nash_utility = OwnScale(n, f->points[nash.points.front()].outcome);
  m.nash_distance = Distance(m.point, m.nash_utility);
}

}  // namespace

SimulationMetrics ComputeMetrics(const Negotiation& n, const NegotiationResult& r) {
  SimulationMetrics m;
  m.agreement = r.agreement;
  m.utility = r.utility;
  for (std::size_t p = 0; p < n.PartyCount(); ++p) {
    m.point.push_back(r.agreement ? n.Valuation(p).Utility(*r.outcome) : n.ReservationUtility(p));
  }
  Distances(n, m);
  if (!r.agreement) return m;
  double total = 0;
  for (std::size_t p = 0; p < n.PartyCount(); ++p) {
    const double gain = m.point[p] - n.ReservationUtility(p);
    if (gain < 0) return m;
    total += gain;
  }
  if (total <= 0) return m;
  for (std::size_t p = 0; p < n.PartyCount(); ++p) {
    m.surplus_share.push_back((m.point[p] - n.ReservationUtility(p)) / total);
  }
  return m;
}

}  // namespace parley::sim
