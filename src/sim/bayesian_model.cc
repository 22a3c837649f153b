#include "parley/sim/bayesian_model.h"

#include <algorithm>
#include <cmath>

namespace parley::sim {

namespace {

using Points = std::vector<std::pair<double, double>>;

// Piecewise-linear interpolation through `points` (x increasing), flat beyond the ends.
double InterpolatePoints(const Points& points, double x) {
  if (x <= points.front().first) return points.front().second;
  if (x >= points.back().first) return points.back().second;
  const auto hi = std::upper_bound(points.begin(), points.end(), x,
                                   [](double v, const auto& p) { return v < p.first; });
  const auto lo = hi - 1;
  const double share = (x - lo->first) / (hi->first - lo->first);
  return lo->second + share * (hi->second - lo->second);
}

// A triangle on [lo, hi] peaking at `peak`: 1 there, 0 at the ends (at an end peak: a line).
Points Triangle(double lo, double hi, double peak) {
  Points p;
  p.push_back({lo, peak == lo ? 1.0 : 0.0});
  if (peak > lo && peak < hi) p.push_back({peak, 1.0});
  p.push_back({hi, peak == hi ? 1.0 : 0.0});
  return p;
}

// The rank weight w(r) = 2r / (n(n+1)), r in 1..n.
double RankWeight(std::size_t r, std::size_t n) {
  return 2.0 * static_cast<double>(r) / (static_cast<double>(n) * static_cast<double>(n + 1));
}

// Multiplies `p` by `likelihood` and normalises; leaves `p` unchanged when the product vanishes.
void Update(std::vector<double>& p, const std::vector<double>& likelihood) {
  double total = 0;
  for (std::size_t h = 0; h < p.size(); ++h) total += p[h] * likelihood[h];
  if (!(total > 0) || !std::isfinite(total)) return;
  for (std::size_t h = 0; h < p.size(); ++h) p[h] = p[h] * likelihood[h] / total;
}

}  // namespace

BayesianModel::BayesianModel(const std::vector<Issue>& issues, BayesianOptions options)
    : issues_(&issues), options_(options) {
  const std::size_t n = issues.size();
  rank_p_.assign(n, std::vector<double>(n, 1.0 / static_cast<double>(std::max<std::size_t>(n, 1))));
  for (const Issue& issue : issues) {
    std::vector<Shape> shapes;
    const std::uint64_t count = issue.ValueCount();
    if (issue.kind == IssueKind::kOptions) {
      const double last = static_cast<double>(count) - 1;
      if (count < 2) shapes.push_back({Points{{0.0, 1.0}}});
      // A peak at each option, or at kMaxOptionPeaks evenly spaced ones on a long list.
      const std::uint64_t peaks = count < 2 ? 0 : std::min<std::uint64_t>(count, kMaxOptionPeaks);
      for (std::uint64_t j = 0; j < peaks; ++j) {
        const double k = std::round(static_cast<double>(j) * last / static_cast<double>(peaks - 1));
        shapes.push_back({Triangle(0, last, k)});
      }
    } else {
      const double lo = issue.NumberAt(0), hi = issue.NumberAt(count - 1);
      if (!(hi > lo)) {
        shapes.push_back({Points{{lo, 1.0}}});
      } else {
        shapes.push_back({Triangle(lo, hi, lo)});
        shapes.push_back({Triangle(lo, hi, hi)});
        const double parts = static_cast<double>(options_.peaks + 1);
        for (std::size_t j = 1; j <= options_.peaks; ++j) {
          shapes.push_back({Triangle(lo, hi, lo + static_cast<double>(j) * (hi - lo) / parts)});
        }
      }
    }
    shape_p_.emplace_back(shapes.size(), 1.0 / static_cast<double>(shapes.size()));
    shapes_.push_back(std::move(shapes));
  }
}

double BayesianModel::ShapeAt(std::size_t i, std::size_t s, std::uint64_t k) const {
  const Issue& issue = (*issues_)[i];
  const double x = issue.kind == IssueKind::kOptions ? static_cast<double>(k) : issue.NumberAt(k);
  return InterpolatePoints(shapes_[i][s].points, x);
}

double BayesianModel::Evaluation(std::size_t i, std::uint64_t k) const {
  double e = 0;
  for (std::size_t s = 0; s < shapes_[i].size(); ++s) e += shape_p_[i][s] * ShapeAt(i, s, k);
  return e;
}

std::vector<double> BayesianModel::Weights() const {
  const std::size_t n = rank_p_.size();
  std::vector<double> w(n, 0);
  double total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t r = 0; r < n; ++r) w[i] += rank_p_[i][r] * RankWeight(r + 1, n);
    total += w[i];
  }
  for (double& x : w) x = total > 0 ? x / total : 1.0 / static_cast<double>(n);
  return w;
}

// O(n (n + S)): the expected weights and evaluations once (O(n^2 + n S)), then each hypothesis
// of each issue in O(1) from the sum without that issue.
void BayesianModel::Observe(const Outcome& offer) {
  if (!seen_.insert(offer).second) return;
  const std::size_t n = issues_->size();
  const double expected =
      std::max(options_.floor, 1 - options_.step * static_cast<double>(observed_));
  ++observed_;
  const std::vector<double> w = Weights();
  std::vector<double> e(n);
  double sum = 0;
  for (std::size_t i = 0; i < n; ++i) {
    e[i] = Evaluation(i, offer[i]);
    sum += w[i] * e[i];
  }
  const auto likelihood = [&](double u) {
    const double x = (expected - u) / expected;
    return std::exp(-(x * x) / (2 * options_.sigma * options_.sigma));
  };
  std::vector<std::vector<double>> rank_l(n), shape_l(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double rest = sum - w[i] * e[i], rest_weight = 1 - w[i];
    for (std::size_t r = 1; r <= n; ++r) {
      const double wr = RankWeight(r, n);
      const double norm = rest_weight + wr;
      rank_l[i].push_back(likelihood(norm > 0 ? (rest + wr * e[i]) / norm : 0));
    }
    for (std::size_t s = 0; s < shapes_[i].size(); ++s) {
      shape_l[i].push_back(likelihood(rest + w[i] * ShapeAt(i, s, offer[i])));
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    Update(rank_p_[i], rank_l[i]);
    Update(shape_p_[i], shape_l[i]);
  }
}

AdditiveModel BayesianModel::Estimate() const {
  const std::vector<double> w = Weights();
  AdditiveModel m;
  m.issues.resize(issues_->size());
  for (std::size_t i = 0; i < issues_->size(); ++i) {
    const Issue& issue = (*issues_)[i];
    IssueFunction& f = m.issues[i];
    if (issue.kind == IssueKind::kOptions) {
      for (std::uint64_t k = 0; k < issue.ValueCount(); ++k) {
        f.table.push_back(w[i] * Evaluation(i, k));
      }
      continue;
    }
    // The mixture bends only where a shape does: at lo, the peaks and hi.
    std::vector<double> xs;
    for (const Shape& s : shapes_[i]) {
      for (const auto& p : s.points) xs.push_back(p.first);
    }
    std::sort(xs.begin(), xs.end());
    xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
    for (double x : xs) {
      double e = 0;
      for (std::size_t s = 0; s < shapes_[i].size(); ++s) {
        e += shape_p_[i][s] * InterpolatePoints(shapes_[i][s].points, x);
      }
      f.points.push_back({x, w[i] * e});
    }
  }
  return m;
}

}  // namespace parley::sim
