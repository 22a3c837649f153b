#include "parley/sim/additive_model.h"

#include <algorithm>
#include <cmath>
#include <variant>

#include "parley/core/party_valuation.h"

namespace parley::sim {

namespace {

// Where a number evaluator may change slope (as PartyValuation's evaluators define them).
std::vector<double> Kinks(const Evaluator& e) {
  if (const auto* p = std::get_if<PointsValue>(&e)) {
    std::vector<double> xs;
    for (const auto& point : p->points) xs.push_back(point.first);
    return xs;
  }
  if (const auto* l = std::get_if<ClampedLinearValue>(&e)) {
    if (l->slope == 0) return {};
    return {l->from - l->offset / l->slope, l->from + (1 - l->offset) / l->slope};
  }
  if (const auto* t = std::get_if<TriangularValue>(&e)) return {t->lower, t->top, t->upper};
  return {};
}

// The evaluator of a number issue as points at its kinks inside the grid and at both ends,
// each value multiplied by `scale`: exact, since the evaluator is linear between kinks.
std::vector<std::pair<double, double>> NumberPoints(const Issue& issue, const Evaluator& e,
                                                    double scale) {
  const double lo = issue.NumberAt(0);
  const double hi = issue.NumberAt(issue.ValueCount() - 1);
  std::vector<double> xs = {lo, hi};
  for (double x : Kinks(e)) {
    if (std::isfinite(x) && x > lo && x < hi) xs.push_back(x);
  }
  std::sort(xs.begin(), xs.end());
  xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
  std::vector<std::pair<double, double>> points;
  for (double x : xs) points.emplace_back(x, scale * EvaluateNumber(e, x));
  return points;
}

double Interpolate(const std::vector<std::pair<double, double>>& points, double x) {
  if (points.empty()) return 0;
  if (x <= points.front().first) return points.front().second;
  if (x >= points.back().first) return points.back().second;
  const auto upper = std::upper_bound(points.begin(), points.end(), x,
                                      [](double value, const auto& p) { return value < p.first; });
  const auto& [x1, v1] = *upper;
  const auto& [x0, v0] = *(upper - 1);
  return v0 + (v1 - v0) * (x - x0) / (x1 - x0);
}

}  // namespace

std::optional<AdditiveModel> AdditiveModel::Of(const Case& c, const std::string& party) {
  const PartyValuation valuation(c, party);
  if (!valuation.IsAdditive()) return std::nullopt;
  AdditiveModel model;
  model.issues.resize(c.issues.size());
  double scale = 1;
  if (valuation.form() == ValueForm::kMoney) {
    const double span = valuation.MaxValue() - valuation.MinValue();
    const double size =
        std::max({1.0, std::fabs(valuation.MaxValue()), std::fabs(valuation.MinValue())});
    if (span <= 1e-12 * size) {  // every deal worth the same: utility 1 (PartyValuation)
      model.offset = 1;
      return model;
    }
    scale = 1 / span;
    model.offset = -valuation.MinValue() / span;
  } else {
    model.clamp_at_one = true;
  }
  const Preferences& prefs = *c.FindValues(party);
  for (const IssueTerm& term : prefs.terms) {
    const int i = c.IssueIndex(term.issue);
    const Issue& issue = c.issues[i];
    IssueFunction& f = model.issues[i];
    if (issue.kind == IssueKind::kOptions) {
      for (std::uint64_t k = 0; k < issue.options.size(); ++k) {
        f.table.push_back(scale * valuation.IssueContribution(i, k));
      }
      continue;
    }
    const double weight = valuation.form() == ValueForm::kUtility ? term.weight : 1.0;
    f.points = NumberPoints(issue, term.evaluator, scale * weight);
  }
  return model;
}

double AdditiveModel::Contribution(const std::vector<Issue>& issue_list, std::size_t i,
                                   std::uint64_t k) const {
  const IssueFunction& f = issues[i];
  if (issue_list[i].kind == IssueKind::kOptions) return f.table.empty() ? 0.0 : f.table[k];
  return Interpolate(f.points, issue_list[i].NumberAt(k));
}

double AdditiveModel::RawSum(const std::vector<Issue>& issue_list, const Outcome& o) const {
  double sum = offset;
  for (std::size_t i = 0; i < issues.size(); ++i) sum += Contribution(issue_list, i, o[i]);
  return sum;
}

double AdditiveModel::Utility(const std::vector<Issue>& issue_list, const Outcome& o) const {
  const double sum = RawSum(issue_list, o);
  return clamp_at_one ? std::min(1.0, sum) : sum;
}

std::vector<std::uint64_t> AdditiveModel::Anchors(const Issue& issue, std::size_t i,
                                                  std::uint64_t dense) const {
  const std::uint64_t n = issue.ValueCount();
  std::vector<std::uint64_t> out;
  if (issue.kind == IssueKind::kOptions || n <= dense) {
    for (std::uint64_t k = 0; k < n; ++k) out.push_back(k);
    return out;
  }
  std::vector<double> xs;
  for (const auto& point : issues[i].points) xs.push_back(point.first);
  return GridIndicesAround(issue, xs);
}

AdditiveModel AdditiveModel::Negated() const {
  AdditiveModel out = *this;
  out.offset = -offset;
  out.clamp_at_one = false;
  for (IssueFunction& f : out.issues) {
    for (double& v : f.table) v = -v;
    for (auto& point : f.points) point.second = -point.second;
  }
  return out;
}

std::vector<std::uint64_t> GridIndicesAround(const Issue& issue, const std::vector<double>& xs) {
  const std::uint64_t n = issue.ValueCount();
  std::vector<std::uint64_t> out = {0, n - 1};
  for (double x : xs) {
    const double pos = (x - issue.lo) / issue.step;
    if (!(pos > 0) || !(pos < static_cast<double>(n - 1))) continue;
    const auto below = static_cast<std::uint64_t>(std::floor(pos));
    out.push_back(below);
    if (below + 1 < n) out.push_back(below + 1);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace parley::sim
