#include "internal/deal_model.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <random>

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
}

struct DealModel::Search {
  const double* d;
  const double* unit;
  double best = -std::numeric_limits<double>::infinity();  // FindBest: the best tier-1 score
  bool tier_one = true;  // FindFirst: a tier-1 point scoring >= threshold, else any acceptable
  double threshold = 0;
  std::size_t found = 0;

  // The node's tier bound (as Score's tier, for the best point under it) and, for tier 1, its
  // score bound `ub`, with the maximum utilities `m`: gain_i <= max u_i - d_i point by point, and
  // log, the products and the sum are monotone in rounding, so no score exceeds ub (beyond the
  // margin below).
  int Bound(const double* m, std::size_t n, double* ub) const {
    constexpr double kEps = analysis::kUtilityEpsilon;
    int tier = 1;
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const double gain = m[i] - d[i];
      if (gain < -kEps) return -1;
      if (gain <= kEps) {
        tier = 0;
      } else if (unit[i] > 0) {
        sum += unit[i] * std::log(gain);
      }
    }
    // A margin far above a few units in the last place, against a log off by one unit.
    *ub = sum + 1e-12 * (1 + std::fabs(sum));
    return tier;
  }
};

void DealModel::FindBest(Search& s, std::size_t node) const {
  const std::size_t n = valuations_.size();
  if (node >= leaves_) {
    const std::size_t begin = (node - leaves_) * kBlock;
    const std::size_t end = std::min(points_, begin + kBlock);
    for (std::size_t p = begin; p < end; ++p) {
      double key = 0;
      if (Score(p, s.d, s.unit, &key) == 1 && key > s.best) s.best = key;
    }
    return;
  }
  // The child with the higher bound first, so the other is more often cut.
  double ub[2];
  bool open[2];
  for (int c = 0; c < 2; ++c) {
    open[c] = s.Bound(&tree_max_[(2 * node + c) * n], n, &ub[c]) == 1;
  }
  const int first = open[1] && (!open[0] || ub[1] > ub[0]) ? 1 : 0;
  for (int c : {first, 1 - first}) {
    if (open[c] && ub[c] > s.best) FindBest(s, 2 * node + c);
  }
}

bool DealModel::FindFirst(Search& s, std::size_t node) const {
  const std::size_t n = valuations_.size();
  double ub = 0;
  const int tier = s.Bound(&tree_max_[node * n], n, &ub);
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

std::optional<std::size_t> DealModel::Solve(const std::vector<double>& d,
                                            const std::vector<double>& w, std::size_t* ties) const {
  if (ties != nullptr) return SolveByScan(d, w, ties);
  if (points_ == 0) return std::nullopt;
  const std::vector<double> unit = UnitWeights(w);
  Search s{d.data(), unit.data()};
  double ub = 0;
  if (s.Bound(&tree_max_[valuations_.size()], valuations_.size(), &ub) == 1) FindBest(s, 1);
  // Tier 1 exists: the first point within eps of the best score. Else every acceptable point
  // ties at tier 0: the first of them.
  s.tier_one = s.best > -std::numeric_limits<double>::infinity();
  s.threshold = s.best - analysis::kUtilityEpsilon;
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
