#include "internal/bidder.h"

#include <algorithm>

#include "parley/sim/bid_search.h"

namespace parley::sim::internal {

Bidder::Bidder(const Negotiation& n, std::size_t self, std::uint64_t seed)
    : n_(&n), self_(self), rng_(seed) {
  zero_.issues.resize(n.Issues().size());
  if (n.Model(self) == nullptr) {  // else the best outcome is found on first use (BestOutcome)
    best_found_ = true;
    best_ = SampledBestInBand(n.Issues(), n.Valuation(self), zero_, -1e300, 1e300, 0, Rng(),
                              n.Space().First())
                .value();
    for (int i = 0; i < 8; ++i) {  // the sampled best: the best of a few bounded searches
      const auto better = SampledBestInBand(n.Issues(), n.Valuation(self), zero_,
                                            Utility(best_) + 1e-12, 1e300, kBidSamples, Rng());
      if (better) best_ = *better;
    }
  }
}

double Bidder::Utility(const Outcome& o) const { return n_->Valuation(self_).Utility(o); }

double Bidder::BidUtility(const Outcome& o) {
  if (!last_bid_known_ || o != last_bid_) {
    last_bid_.assign(o.begin(), o.end());
    last_bid_utility_ = Utility(o);
    last_bid_known_ = true;
  }
  return last_bid_utility_;
}

const Outcome& Bidder::BestOutcome() {
  if (best_found_) return best_;
  const AdditiveModel& m = *n_->Model(self_);
  const BandTable* table = Table(true);
  best_ = table != nullptr ? *table->Best(-1e300, 1e300)
                           : *BestInBand(n_->Issues(), m, m, -1e300, 1e300);
  best_found_ = true;
  return best_;
}

const BandTable* Bidder::Table(bool own) const {
  return own ? n_->OwnTable(self_) : n_->ClosestTable(self_);
}

BidSearcher& Bidder::Searcher(const AdditiveModel& ours) {
  if (!searcher_) searcher_.emplace(n_->Issues(), ours, BidSearchOptions{}, n_->Fold(self_));
  return *searcher_;
}

std::optional<Outcome> Bidder::Search(double lo, double hi, const AdditiveModel& theirs) {
  if (const AdditiveModel* m = n_->Model(self_)) return Searcher(*m).Best(theirs, lo, hi);
  return SampledBestInBand(n_->Issues(), n_->Valuation(self_), theirs, lo, hi, kBidSamples, Rng());
}

const Outcome& Bidder::Closest(double target) {
  if (last_closest_ && last_closest_->first == target) return last_closest_->second;
  std::optional<Outcome> bid;
  if (n_->Model(self_) != nullptr) {
    if (const BandTable* table = Table(false)) {  // into the cache's storage: no allocation
      if (!last_closest_) last_closest_.emplace(target, Outcome{});
      if (table->BestInto(target, 1e300, last_closest_->second)) {
        last_closest_->first = target;
        return last_closest_->second;
      }
    } else {
      if (!negated_) negated_ = n_->Model(self_)->Negated();
      bid = Search(target, 1e300, *negated_);
    }
  } else {
    bid = Search(target, target + 0.02, zero_);
    if (!bid) bid = Search(target, 1e300, zero_);
  }
  if (!bid) bid = BestOutcome();
  last_closest_.emplace(target, std::move(*bid));
  return last_closest_->second;
}

const Outcome& Bidder::ForEstimate(double target, double window, const AdditiveModel& estimate) {
  const double hi = std::min(target + window, Best());
  if (const AdditiveModel* m = n_->Model(self_)) {  // into the buffer: no allocation
    return Searcher(*m).BestInto(estimate, target, hi, for_estimate_) ? for_estimate_
                                                                      : Closest(target);
  }
  auto bid = Search(target, hi, estimate);
  if (!bid) return Closest(target);
  for_estimate_ = std::move(*bid);
  return for_estimate_;
}

std::optional<Outcome> Bidder::NextBelow(double u, double floor) {
  if (u - 1e-9 < floor) return std::nullopt;
  if (const AdditiveModel* m = n_->Model(self_)) {
    const BandTable* table = Table(true);
    return table != nullptr ? table->Best(floor, u - 1e-9) : Search(floor, u - 1e-9, *m);
  }
  return Search(floor, u - 1e-9, zero_);
}

Observations::Observations(const Negotiation& n) {
  const std::uint64_t offers = n.options().rounds * (n.PartyCount() - 1);
  const auto room = static_cast<std::size_t>(std::min<std::uint64_t>(offers, 256));
  received.reserve(room);
  received_at.reserve(room);
  index_fits_ = n.Space().Size64().has_value();
}

void Observations::Remember(const Outcome& o, const Negotiation& n) {
  if (!index_fits_) {
    distinct_.insert(o);
    return;
  }
  // The offer's index in the space (no overflow: the size fits 64 bits). O(issues + log d).
  std::uint64_t index = 0;
  for (std::size_t i = 0; i < o.size(); ++i) index = index * n.Space().ValueCount(i) + o[i];
  const auto at = std::lower_bound(distinct_index_.begin(), distinct_index_.end(), index);
  if (at == distinct_index_.end() || *at != index) distinct_index_.insert(at, index);
}

void Observations::Read(const Turn& turn, std::size_t self, const Bidder& bidder,
                        const Negotiation& n) {
  const std::vector<TraceEntry>& trace = *turn.trace;
  for (; seen < trace.size(); ++seen) {
    const TraceEntry& e = trace[seen];
    if (e.party == self || e.action != ActionKind::kOffer || !e.outcome) continue;
    received.push_back(bidder.Utility(*e.outcome));
    received_at.push_back(n.Time(e.round));
    if (track_distinct) Remember(*e.outcome, n);
    if (model) model->Observe(*e.outcome);
  }
}

}  // namespace parley::sim::internal
