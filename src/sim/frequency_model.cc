#include "parley/sim/frequency_model.h"

#include <algorithm>

namespace parley::sim {

FrequencyModel::FrequencyModel(const std::vector<Issue>& issues, double learn)
    : issues_(&issues), learn_(learn), sums_(issues.size(), 0), top_(issues.size(), 0) {
  const double n = issues.empty() ? 1.0 : static_cast<double>(issues.size());
  weights_.assign(issues.size(), 1 / n);
  for (const Issue& issue : issues) {
    counts_.emplace_back(issue.kind == IssueKind::kOptions ? issue.options.size() : 0, 0.0);
  }
}

void FrequencyModel::Observe(const Outcome& offer) {
  if (observed_ > 0) {
    double total = 0;
    for (std::size_t i = 0; i < offer.size(); ++i) {
      if (offer[i] == last_[i]) weights_[i] += learn_;
      total += weights_[i];
    }
    for (double& w : weights_) w /= total;
  }
  for (std::size_t i = 0; i < offer.size(); ++i) {
    if ((*issues_)[i].kind == IssueKind::kOptions) {
      top_[i] = std::max(top_[i], counts_[i][offer[i]] += 1);
    } else {
      sums_[i] += (*issues_)[i].NumberAt(offer[i]);
    }
  }
  last_ = offer;
  ++observed_;
}

AdditiveModel FrequencyModel::Estimate() const {
  AdditiveModel m;
  EstimateInto(m);
  return m;
}

void FrequencyModel::EstimateInto(AdditiveModel& m) const {
  m.offset = 0;
  m.clamp_at_one = false;
  m.issues.resize(issues_->size());
  for (std::size_t i = 0; i < issues_->size(); ++i) {
    const Issue& issue = (*issues_)[i];
    IssueFunction& f = m.issues[i];
    if (issue.kind == IssueKind::kOptions) {
      // In place (the table keeps its size turn to turn); the same arithmetic per value.
      const std::vector<double>& counts = counts_[i];
      f.points.clear();
      f.table.resize(counts.size());
      const double w = weights_[i], top = top_[i] + 1;
      double* out = f.table.data();
      for (std::size_t v = 0; v < counts.size(); ++v) out[v] = w * (counts[v] + 1) / top;
      continue;
    }
    f.table.clear();
    f.points.clear();
    const double lo = issue.NumberAt(0), hi = issue.NumberAt(issue.ValueCount() - 1);
    if (observed_ == 0 || hi <= lo) {
      f.points.emplace_back(lo, weights_[i]);
      continue;
    }
    const double mean = std::clamp(sums_[i] / static_cast<double>(observed_), lo, hi);
    const double range = hi - lo;
    f.points.emplace_back(lo, weights_[i] * (1 - (mean - lo) / range));
    if (mean > lo && mean < hi) f.points.emplace_back(mean, weights_[i]);
    f.points.emplace_back(hi, weights_[i] * (1 - (hi - mean) / range));
  }
}

}  // namespace parley::sim
