#include "internal/deal_model.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <random>
#include <utility>

namespace parley::power::internal {

DealModel::DealModel(const Case& c, const analysis::Frontier& frontier)
    : points_(frontier.points.size()) {
  const std::size_t n = frontier.parties.size();
  for (const std::string& party : frontier.parties) valuations_.emplace_back(c, party);
  utility_.resize(points_ * n);
  value_.resize(points_ * n);
  for (std::size_t p = 0; p < points_; ++p) {
    for (std::size_t i = 0; i < n; ++i) {
      utility_[p * n + i] = frontier.points[p].utility[i];
      value_[p * n + i] = valuations_[i].Value(frontier.points[p].outcome);
    }
  }
  BuildTree();
}

bool DealModel::Uncertain(std::size_t party) const {
  const auto [lo, hi] = valuations_[party].ReservationRange();
  return hi > lo;
}

double DealModel::Reservation(std::size_t party, double fraction) const {
  const auto [lo, hi] = valuations_[party].ReservationRange();
  return hi > lo ? lo + fraction * (hi - lo) : valuations_[party].ReservationValue();
}

double DealModel::Disagreement(std::size_t party, double reservation) const {
  const PartyValuation& v = valuations_[party];
  if (v.form() != ValueForm::kMoney) return reservation;
  const double span = v.MaxValue() - v.MinValue();
  const double scale = std::max({1.0, std::fabs(v.MaxValue()), std::fabs(v.MinValue())});
  if (span > 1e-12 * scale) return (reservation - v.MinValue()) / span;
  return reservation <= v.MaxValue() + 1e-12 * scale ? 0.0 : 2.0;
}

std::vector<double> DealModel::UnitWeights(const std::vector<double>& w) const {
  const std::size_t n = valuations_.size();
  double total = 0;
  for (double x : w) total += x;
  std::vector<double> unit(n, 1.0);
  if (total > 0) {
    for (std::size_t i = 0; i < n; ++i) unit[i] = w[i] * (static_cast<double>(n) / total);
  }
  return unit;
}

int DealModel::Score(std::size_t point, const double* d, const double* unit, double* key) const {
  constexpr double kEps = analysis::kUtilityEpsilon;
  const std::size_t n = valuations_.size();
  const double* u = &utility_[point * n];
  bool positive = true;
  double sum = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double gain = u[i] - d[i];
    if (gain < -kEps) return -1;
    if (gain <= kEps) {
      positive = false;
    } else if (unit[i] > 0) {
      sum += unit[i] * std::log(gain);
    }
  }
  *key = positive ? sum : 0;
  return positive ? 1 : 0;
}

std::optional<std::size_t> DealModel::SolveByScan(const std::vector<double>& d,
                                                  const std::vector<double>& w,
                                                  std::size_t* ties) const {
  constexpr double kEps = analysis::kUtilityEpsilon;
  const std::vector<double> unit = UnitWeights(w);
  // One pass keeps the best (tier, key) so far; a second pass finds the first point attaining
  // it and counts the ties: O(points x parties).
  int best_tier = -1;
  double best_key = -std::numeric_limits<double>::infinity();
  std::optional<std::size_t> best;
  std::vector<double>& keys = keys_;
  std::vector<int>& tiers = tiers_;
  keys.assign(points_, 0.0);
  tiers.assign(points_, -1);
  for (std::size_t p = 0; p < points_; ++p) {
    double key = 0;
    const int tier = Score(p, d.data(), unit.data(), &key);
    if (tier < 0) continue;
    tiers[p] = tier;
    keys[p] = key;
    if (tier > best_tier || (tier == best_tier && key > best_key)) {
      best_tier = tier;
      best_key = key;
    }
  }
  if (best_tier < 0) return std::nullopt;
  std::size_t count = 0;
  for (std::size_t p = 0; p < points_; ++p) {
    if (tiers[p] == best_tier && keys[p] >= best_key - kEps) {
      if (!best) best = p;
      ++count;
    }
  }
  if (ties != nullptr) *ties = count;
  return best;
}

std::pair<std::size_t, std::size_t> DealModel::NodePoints(std::size_t node) const {
  // Node k at depth L (2^L <= k < 2^(L+1)) holds leaves_ / 2^L leaf slots from k x that - leaves_.
  std::size_t span = leaves_;
  for (std::size_t k = node; k > 1; k /= 2) span /= 2;
  const std::size_t first = node * span - leaves_;
  return {std::min(points_, first * kBlock), std::min(points_, (first + span) * kBlock)};
}

void DealModel::BuildTree() {
  const std::size_t n = valuations_.size();
  const std::size_t blocks = (points_ + kBlock - 1) / kBlock;
  leaves_ = 1;
  while (leaves_ < blocks) leaves_ *= 2;
  tree_max_.assign(2 * leaves_ * n, -std::numeric_limits<double>::infinity());
  for (std::size_t p = 0; p < points_; ++p) {
    double* m = &tree_max_[(leaves_ + p / kBlock) * n];
    for (std::size_t i = 0; i < n; ++i) m[i] = std::max(m[i], utility_[p * n + i]);
  }
  for (std::size_t k = leaves_; k-- > 1;) {
    for (std::size_t i = 0; i < n; ++i) {
      tree_max_[k * n + i] = std::max(tree_max_[2 * k * n + i], tree_max_[(2 * k + 1) * n + i]);
    }
  }
  BuildLines();
}

void DealModel::BuildLines() {
  tree_line_.clear();
  if (valuations_.size() != 2) return;
  const std::size_t nodes = 2 * leaves_;
  std::vector<double> low(2 * nodes, std::numeric_limits<double>::infinity());
  for (std::size_t p = 0; p < points_; ++p) {
    double* m = &low[(leaves_ + p / kBlock) * 2];
    for (std::size_t i = 0; i < 2; ++i) m[i] = std::min(m[i], utility_[p * 2 + i]);
  }
  for (std::size_t k = leaves_; k-- > 1;) {
    for (std::size_t i = 0; i < 2; ++i)
      low[k * 2 + i] = std::min(low[4 * k + i], low[4 * k + 2 + i]);
  }
  tree_line_.assign(3 * nodes, 0.0);
  for (std::size_t k = 1; k < nodes; ++k) {
    const auto [begin, end] = NodePoints(k);
    if (begin == end) continue;
    // The normal of the chord from (max u1, min u2) to (min u1, max u2), scaled to sum 1.
    double a1 = tree_max_[2 * k + 1] - low[2 * k + 1];
    double a2 = tree_max_[2 * k] - low[2 * k];
    const double sum = a1 + a2;
    a1 = sum > 0 ? a1 / sum : 0.5;
    a2 = sum > 0 ? a2 / sum : 0.5;
    double c = -std::numeric_limits<double>::infinity(), scale = 0;
    for (std::size_t p = begin; p < end; ++p) {
      const double t1 = a1 * utility_[2 * p], t2 = a2 * utility_[2 * p + 1];
      c = std::max(c, t1 + t2);
      scale = std::max(scale, std::fabs(t1) + std::fabs(t2));
    }
    // a1 u1 + a2 u2 is off by at most about 2^-51 (|a1 u1| + |a2 u2|): c is raised by far more.
    tree_line_[3 * k] = a1;
    tree_line_[3 * k + 1] = a2;
    tree_line_[3 * k + 2] = c + 1e-14 * scale;
  }
}

namespace {

// The dual bound of max w1 log x1 + w2 log x2 over 0 < x_i <= h_i and a1 x1 + a2 x2 <= c - a.d
// (x = u - d): g(lambda) = sum_i max_{0 < x_i <= h_i} [w_i log x_i - lambda a_i x_i] +
// lambda (c - a.d), an upper bound for every lambda >= 0, at the lambda of the line's weighted
// Nash point (x_i = w_i r / (W a_i)) with the party beyond its box edge clipped to it. False when
// the half-plane does not cut the box (lambda = 0: the box bound is the answer) or a weight is
// negative or the line leaves no positive gains; then the box bound is used.
bool LineBound(const double* line, const double* d, const double* h, const double* w, double* ub) {
  const double* a = line;
  const double c = line[2];
  if (w[0] < 0 || w[1] < 0) return false;
  const double r = c - a[0] * d[0] - a[1] * d[1];
  const double total = w[0] + w[1];
  if (!(r > 0) || !(total > 0) || a[0] * h[0] + a[1] * h[1] <= r) return false;
  double lambda = total / r;
  for (int i = 0; i < 2; ++i) {
    if (w[i] * r <= total * a[i] * h[i]) continue;
    // Party i's share of the line lies beyond its box edge: it takes h_i, the other the rest.
    const double rest = r - a[i] * h[i];
    if (!(rest > 0) || !(w[1 - i] > 0)) return false;
    lambda = w[1 - i] / rest;
    break;
  }
  double g = lambda * r;
  double size = lambda * (std::fabs(c) + a[0] * std::fabs(d[0]) + a[1] * std::fabs(d[1]));
  for (int i = 0; i < 2; ++i) {
    if (w[i] == 0) continue;  // sup of -lambda a_i x_i over x_i > 0 is 0
    const double slope = lambda * a[i];
    const double x = slope > 0 ? std::min(w[i] / slope, h[i]) : h[i];
    const double term = w[i] * std::log(x);
    g += term - slope * x;
    size += std::fabs(term) + w[i] + slope * x;
  }
  // Far above the rounding of g and of a point's score (a few units in the last place of `size`).
  *ub = g + 1e-12 * (1 + std::fabs(g) + size);
  return true;
}

}  // namespace

struct DealModel::Search {
  const double* d;
  const double* unit;
  double best = -std::numeric_limits<double>::infinity();  // FindBest: the best tier-1 score
  std::size_t best_point = 0;                              // and a point scoring it
  bool tier_one = true;  // FindFirst: a tier-1 point scoring >= threshold, else any acceptable
  double threshold = 0;
  std::size_t found = 0;
  // Two parties: the leaf GuessBest descended to and, per level below the root, the tier and
  // bound of the path's sibling there (the other child of the path's node one level up).
  std::size_t guess = 0;
  int sibling_tier[64] = {};
  double sibling_ub[64] = {};
  // The tiers and scores of the guessed leaf's points.
  int leaf_tier[kBlock] = {};
  double leaf_key[kBlock] = {};
};

int DealModel::Bound(const Search& s, std::size_t node, double* ub) const {
  constexpr double kEps = analysis::kUtilityEpsilon;
  const std::size_t n = valuations_.size();
  const double* m = &tree_max_[node * n];
  int tier = 1;
  for (std::size_t i = 0; i < n; ++i) {
    const double gain = m[i] - s.d[i];
    if (gain < -kEps) return -1;
    if (gain <= kEps) tier = 0;
  }
  *ub = 0;
  if (tier < 1) return tier;
  if (!tree_line_.empty()) {
    const double h[2] = {m[0] - s.d[0], m[1] - s.d[1]};
    if (LineBound(&tree_line_[3 * node], s.d, h, s.unit, ub)) return 1;
  }
  // The box: gain_i <= max u_i - d_i point by point, and log, the products and the sum are
  // monotone in rounding, so no score exceeds the sum (beyond the margin below).
  double sum = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (s.unit[i] > 0) sum += s.unit[i] * std::log(m[i] - s.d[i]);
  }
  // A margin far above a few units in the last place, against a log off by one unit.
  *ub = sum + 1e-12 * (1 + std::fabs(sum));
  return 1;
}

void DealModel::FindBest(Search& s, std::size_t node) const {
  if (node >= leaves_) {
    const std::size_t begin = (node - leaves_) * kBlock;
    const std::size_t end = std::min(points_, begin + kBlock);
    for (std::size_t p = begin; p < end; ++p) {
      double key = 0;
      if (Score(p, s.d, s.unit, &key) == 1 && key > s.best) {
        s.best = key;
        s.best_point = p;
      }
    }
    return;
  }
  // The child with the higher bound first, so the other is more often cut.
  double ub[2];
  bool open[2];
  for (int c = 0; c < 2; ++c) open[c] = Bound(s, 2 * node + c, &ub[c]) == 1;
  const int first = open[1] && (!open[0] || ub[1] > ub[0]) ? 1 : 0;
  for (int c : {first, 1 - first}) {
    if (open[c] && ub[c] > s.best) FindBest(s, 2 * node + c);
  }
}

bool DealModel::FindFirst(Search& s, std::size_t node) const {
  double ub = 0;
  const int tier = Bound(s, node, &ub);
  if (tier < 0 || (s.tier_one && (tier < 1 || ub < s.threshold))) return false;
  if (node < leaves_) return FindFirst(s, 2 * node) || FindFirst(s, 2 * node + 1);
  const std::size_t begin = (node - leaves_) * kBlock;
  const std::size_t end = std::min(points_, begin + kBlock);
  for (std::size_t p = begin; p < end; ++p) {
    double key = 0;
    const int t = Score(p, s.d, s.unit, &key);
    if (s.tier_one ? (t == 1 && key >= s.threshold) : t >= 0) {
      s.found = p;
      return true;
    }
  }
  return false;
}

bool DealModel::Rising(const Search& s, std::size_t split) const {
  const double* left = &utility_[2 * (split - 1)];
  const double* right = &utility_[2 * split];
  const double x1 = left[0] - s.d[0], x2 = left[1] - s.d[1];
  if (x1 <= 0) return false;  // u1 only falls further along the chain
  if (x2 <= 0) return true;   // u2 only rises
  return s.unit[0] * (right[0] - left[0]) / x1 + s.unit[1] * (right[1] - left[1]) / x2 > 0;
}

void DealModel::GuessBest(Search& s) const {
  // Down the tree toward the side the score rises into at the boundary between the children
  // (first order, one point on each side): on a frontier, the leaf of the best point or near it.
  std::size_t node = 1, first = 0, span = leaves_;
  while (node < leaves_) {
    span /= 2;
    const std::size_t split = (first + span) * kBlock;
    const bool right = split < points_ && Rising(s, split);
    node = 2 * node + (right ? 1 : 0);
    if (right) first += span;
  }
  s.guess = node;
  const std::size_t begin = (node - leaves_) * kBlock;
  for (std::size_t p = begin; p < std::min(points_, begin + kBlock); ++p) {
    double& key = s.leaf_key[p - begin];
    s.leaf_tier[p - begin] = Score(p, s.d, s.unit, &key);
    if (s.leaf_tier[p - begin] == 1 && key > s.best) {
      s.best = key;
      s.best_point = p;
    }
  }
  // Every other point is under one sibling of the path: the nearest first.
  std::size_t level = 0;
  for (std::size_t k = node; k > 1; k /= 2) ++level;
  for (std::size_t k = node; k > 1; k /= 2, --level) {
    double& ub = s.sibling_ub[level];
    s.sibling_tier[level] = Bound(s, k ^ 1, &ub);
    if (s.sibling_tier[level] == 1 && ub > s.best) FindBest(s, k ^ 1);
  }
}

std::size_t DealModel::FirstBest(Search& s) const {
  // Every point before the best one lies in a left sibling of the path from the root to the best
  // point's leaf (the upper ones first in frontier order) or in that leaf before it. Siblings of
  // GuessBest's path whose bound is below the threshold are passed over without a new bound.
  const std::size_t leaf = leaves_ + s.best_point / kBlock;
  const bool cached = leaf == s.guess;
  std::size_t depth = 0;
  while ((leaf >> depth) > 1) ++depth;
  for (std::size_t level = depth; level-- > 0;) {
    const std::size_t node = leaf >> level;
    if (node % 2 == 0) continue;
    const std::size_t at = depth - level;
    if (cached && (s.sibling_tier[at] < 1 || s.sibling_ub[at] < s.threshold)) continue;
    if (FindFirst(s, node - 1)) return s.found;
  }
  const std::size_t begin = (leaf - leaves_) * kBlock;
  for (std::size_t p = begin; p < s.best_point; ++p) {
    double key = 0;
    const int tier = cached ? s.leaf_tier[p - begin] : Score(p, s.d, s.unit, &key);
    if (cached) key = s.leaf_key[p - begin];
    if (tier == 1 && key >= s.threshold) return p;
  }
  return s.best_point;
}

std::optional<std::size_t> DealModel::Solve(const std::vector<double>& d,
                                            const std::vector<double>& w, std::size_t* ties) const {
  if (ties != nullptr) return SolveByScan(d, w, ties);
  if (points_ == 0) return std::nullopt;
  const std::vector<double> unit = UnitWeights(w);
  Search s{d.data(), unit.data()};
  double ub = 0;
  if (Bound(s, 1, &ub) == 1) {
    if (tree_line_.empty()) {
      FindBest(s, 1);
    } else {
      GuessBest(s);
    }
  }
  // Tier 1 exists: the first point within eps of the best score (the best point or one before
  // it). Else every acceptable point ties at tier 0: the first of them.
  s.threshold = s.best - analysis::kUtilityEpsilon;
  if (s.best > -std::numeric_limits<double>::infinity()) return FirstBest(s);
  s.tier_one = false;
  if (!FindFirst(s, 1)) return std::nullopt;
  return s.found;
}

std::vector<double> DrawFractions(std::uint64_t seed, std::size_t samples, std::size_t parties) {
  std::mt19937_64 rng(seed);
  std::vector<double> fractions(samples * parties);
  for (double& f : fractions) f = static_cast<double>(rng() >> 11) * 0x1.0p-53;
  return fractions;
}

Draws MakeDraws(std::uint64_t seed, std::size_t samples, std::size_t parties, bool deadlines) {
  Draws draws;
  draws.samples = samples;
  draws.batna = DrawFractions(seed, samples, parties);
  // A second stream: the seed mixed with the golden-ratio constant (a fixed, documented offset).
  if (deadlines) draws.deadline = DrawFractions(seed ^ 0x9E3779B97F4A7C15ULL, samples, parties);
  return draws;
}

SampleRun RunDraws(const DealModel& model, const Leverage& leverage, const Draws& draws,
                   std::size_t party) {
  const std::size_t n = model.Parties();
  const std::size_t samples = draws.samples;
  SampleRun run;
  run.samples = samples;
  run.point.reserve(samples);
  std::vector<double> d(n), reservation(n);
  std::vector<double> weights = leverage.Weights();
  double total = 0;
  for (std::size_t s = 0; s < samples; ++s) {
    for (std::size_t i = 0; i < n; ++i) {
      reservation[i] = model.Reservation(i, draws.batna[s * n + i]);
      d[i] = model.Disagreement(i, reservation[i]);
    }
    if (!draws.deadline.empty()) weights = leverage.WeightsAt(&draws.deadline[s * n]);
    const std::optional<std::size_t> point = model.Solve(d, weights);
    run.point.push_back(point);
    if (point) {
      ++run.deals;
      const double v = model.Value(*point, party);
      run.deal_values.push_back(v);
      total += v;
    } else {
      total += reservation[party];
    }
  }
  run.expected_value = samples > 0 ? total / static_cast<double>(samples) : 0;
  return run;
}

}  // namespace parley::power::internal
