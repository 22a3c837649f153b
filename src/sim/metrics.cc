#include "parley/sim/metrics.h"

#include <cmath>
#include <limits>
#include <optional>
#include <vector>

#include "parley/analysis/bargaining.h"
#include "parley/analysis/deal_space.h"
#include "parley/core/error.h"
#include "parley/sim/reported_utility.h"

namespace parley::sim {

namespace {

double Distance(const std::vector<double>& a, const std::vector<double>& b) {
  double sum = 0;
  for (std::size_t i = 0; i < a.size(); ++i) sum += (a[i] - b[i]) * (a[i] - b[i]);
  return std::sqrt(sum);
}

// The frontier; nullopt beyond the limits.
std::optional<analysis::Frontier> FrontierOf(const Negotiation& n) {
  try {
    return analysis::ComputeDealFrontier(n.GetCase());
  } catch (const Error& e) {
    if (e.code() == ErrorCode::kLimit) return std::nullopt;
    throw;
  }
}

void Distances(const Negotiation& n, const ReportedUtility& reported, SimulationMetrics& m) {
  const std::optional<analysis::Frontier> f = FrontierOf(n);
  if (!f || f->points.empty() || f->parties.size() != n.PartyCount()) return;
  m.frontier_available = true;
  double best = std::numeric_limits<double>::infinity();
  // Each point valued again, so that its utilities come in the negotiation's party order.
  for (const analysis::FrontierPoint& p : f->points) {
    best = std::min(best, Distance(m.point, reported.Of(p.outcome)));
  }
  m.pareto_distance = best;
  const analysis::Solution nash = analysis::Solve(*f, analysis::SolutionRule::kNash);
  if (nash.points.empty()) return;
  m.nash_utility = reported.Of(f->points[nash.points.front()].outcome);
  m.nash_distance = Distance(m.point, m.nash_utility);
}

}  // namespace

SimulationMetrics ComputeMetrics(const Negotiation& n, const NegotiationResult& r) {
  const ReportedUtility reported(n);
  SimulationMetrics m;
  m.agreement = r.agreement;
  m.disagreement = reported.Disagreement();
  m.moves.reserve(r.trace.size());
  for (const TraceEntry& e : r.trace) {
    m.moves.push_back(e.outcome ? reported.Of(*e.outcome) : std::vector<double>{});
  }
  m.point = r.agreement ? reported.Of(*r.outcome) : m.disagreement;
  m.utility = m.point;
  if (r.agreement && !r.trace.empty()) {  // discounted to the round of the last acceptance
    for (double& u : m.utility) u = n.Discounted(u, r.trace.back().round);
  }
  Distances(n, reported, m);
  if (!r.agreement) return m;
  // Gains in money when every party states money, as the predicted deal's share is measured
  // (power::Prediction), else in utility.
  bool money = r.value.size() == n.PartyCount();
  for (std::size_t p = 0; p < n.PartyCount(); ++p) {
    money = money && n.Valuation(p).form() == ValueForm::kMoney;
  }
  std::vector<double> gains;
  double total = 0;
  for (std::size_t p = 0; p < n.PartyCount(); ++p) {
    gains.push_back(money ? r.value[p] - n.Valuation(p).ReservationValue()
                          : m.point[p] - m.disagreement[p]);
    if (gains.back() < 0) return m;
    total += gains.back();
  }
  if (total <= 0) return m;
  for (const double gain : gains) m.surplus_share.push_back(gain / total);
  return m;
}

}  // namespace parley::sim
