#include "internal/deal_model.h"

#include <algorithm>
#include <cmath>
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

std::optional<std::size_t> DealModel::Solve(const std::vector<double>& d,
                                            const std::vector<double>& w, std::size_t* ties) const {
  constexpr double kEps = analysis::kUtilityEpsilon;
  const std::size_t n = valuations_.size();
  double total = 0;
  for (double x : w) total += x;
  std::vector<double> unit(n, 1.0);
  if (total > 0) {
    for (std::size_t i = 0; i < n; ++i) unit[i] = w[i] * (static_cast<double>(n) / total);
  }
  // One pass keeps the best (tier, key) so far and the first point attaining it; a second
  // pass counts the ties, so the scan stays O(points x parties) without storing ranks.
  int best_tier = -1;
  double best_key = -std::numeric_limits<double>::infinity();
  std::optional<std::size_t> best;
  std::vector<double>& keys = keys_;
  std::vector<int>& tiers = tiers_;
  keys.assign(points_, 0.0);
  tiers.assign(points_, -1);
  for (std::size_t p = 0; p < points_; ++p) {
    const double* u = &utility_[p * n];
    bool acceptable = true, positive = true;
    double key = 0;
    for (std::size_t i = 0; i < n && acceptable; ++i) {
      const double gain = u[i] - d[i];
      if (gain < -kEps) acceptable = false;
      if (gain <= kEps) {
        positive = false;
      } else if (unit[i] > 0) {
        key += unit[i] * std::log(gain);
      }
    }
    if (!acceptable) continue;
    const int tier = positive ? 1 : 0;
    if (!positive) key = 0;
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

std::vector<double> DrawFractions(std::uint64_t seed, std::size_t samples, std::size_t parties) {
  std::mt19937_64 rng(seed);
  std::vector<double> fractions(samples * parties);
  for (double& f : fractions) f = static_cast<double>(rng() >> 11) * 0x1.0p-53;
  return fractions;
}

SampleRun RunDraws(const DealModel& model, const std::vector<double>& weights,
                   const std::vector<double>& fractions, std::size_t samples, std::size_t party) {
  const std::size_t n = model.Parties();
  SampleRun run;
  run.samples = samples;
  run.point.reserve(samples);
  std::vector<double> d(n), reservation(n);
  double total = 0;
  for (std::size_t s = 0; s < samples; ++s) {
    for (std::size_t i = 0; i < n; ++i) {
      reservation[i] = model.Reservation(i, fractions[s * n + i]);
      d[i] = model.Disagreement(i, reservation[i]);
    }
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
