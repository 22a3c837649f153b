#pragma once

// What every bidding strategy shares: its own utility, its best outcome and reservation
// utility, and the bid for a target (bid_search.h), through the additive model or, for GENIUS
// rectangles, a bounded sampled search (kBidSamples outcomes per search).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <vector>

#include "parley/sim/additive_model.h"
#include "parley/sim/bid_search.h"
#include "parley/sim/frequency_model.h"
#include "parley/sim/negotiation.h"
#include "parley/sim/split_mix.h"
#include "parley/sim/strategy.h"

namespace parley::sim::internal {

/// Outcomes drawn per bid search when our values are rectangles.
inline constexpr std::size_t kBidSamples = 2048;

/// One strategy's view of its own utility and its bids.
class Bidder {
 public:
  /// `n` must outlive the bidder. O(bid search) for the best outcome.
  Bidder(const Negotiation& n, std::size_t self, std::uint64_t seed);

  double Utility(const Outcome& o) const;
  /// Utility(o), remembered for the last bid asked about: a strategy holding its bid over many
  /// turns values it once. O(issues) to compare, O(valuation) when the bid changed.
  double BidUtility(const Outcome& o);
  double Best() const { return n_->BestUtility(self_); }
  double Worst() const { return n_->WorstUtility(self_); }
  double Reservation() const { return n_->ReservationUtility(self_); }
  /// True when some outcome is worth at least the reservation utility.
  bool CanBeatNoDeal() const { return Best() >= Reservation(); }
  /// The outcome of highest utility (found on first use for additive values).
  const Outcome& BestOutcome();
  /// The bidder's generator (SplitMix64, split_mix.h), from the strategy's seed.
  SplitMix& Rng() { return rng_; }

  /// The outcome closest to `target` from above (the lowest utility >= target); the best
  /// outcome when target exceeds it. The reference is to the bidder's own buffer, valid until
  /// the next call (a strategy may offer it by reference, Response::offer_ref).
  const Outcome& Closest(double target);
  /// Among outcomes in [target, target + window], the one `estimate` likes best; Closest when
  /// none is found. The reference is to the bidder's own buffer, valid until the next call of
  /// ForEstimate or Closest (offered by reference as Closest's).
  const Outcome& ForEstimate(double target, double window, const AdditiveModel& estimate);
  /// The outcome of highest utility strictly below `u` and at least `floor`, or nullopt.
  std::optional<Outcome> NextBelow(double u, double floor);

 private:
  std::optional<Outcome> Search(double lo, double hi, const AdditiveModel& theirs);
  // The searcher of our additive model (built on first use, with the negotiation's fold).
  BidSearcher& Searcher(const AdditiveModel& ours);
  // BestInBand against `theirs` through the negotiation's BandTable (nullptr when the exact
  // fold does not apply): `own` for theirs = our model, else theirs = negated_.
  const BandTable* Table(bool own) const;

  const Negotiation* n_;
  std::size_t self_;
  SplitMix rng_;
  // Prefers what we like least ("closest from above"), for the search without a BandTable:
  // built on first use (a rehearsal's tables make it unneeded).
  std::optional<AdditiveModel> negated_;
  AdditiveModel zero_;  // indifferent
  Outcome best_;
  bool best_found_ = false;
  std::optional<BidSearcher> searcher_;  // our side of the menus, for the other questions
  Outcome for_estimate_;                 // ForEstimate's answer (its storage reused)
  std::optional<std::pair<double, Outcome>> last_closest_;
  Outcome last_bid_;  // BidUtility's memo (its storage reused)
  double last_bid_utility_ = 0;
  bool last_bid_known_ = false;
};

/// What a strategy has seen of the others: our utility of each offer they made, when, how many
/// distinct ones, and optionally a frequency model of them.
struct Observations {
  std::vector<double> received;
  std::vector<double> received_at;
  bool track_distinct = false;  ///< count the distinct offers (MiCRO does)
  std::optional<FrequencyModel> model;
  AdditiveModel estimate;  ///< the model's last estimate (storage reused turn to turn)
  std::size_t seen = 0;    // trace entries read

  /// Room for the offers of a short negotiation (up to 256), so reading them does not grow the
  /// lists turn by turn. O(1) allocations.
  explicit Observations(const Negotiation& n);
  /// Reads the trace entries since the last call: every offer by another party.
  void Read(const Turn& turn, std::size_t self, const Bidder& bidder, const Negotiation& n);
  /// Our utility of the offer on the table when another party made it, right after Read: the
  /// table is the latest offer, so the last one received (no second valuation). O(1).
  double TableUtility() const { return received.back(); }
  /// How many distinct offers were read (when track_distinct). O(1).
  std::size_t Distinct() const { return distinct_index_.size() + distinct_.size(); }

 private:
  // The distinct offers: where the space's size fits 64 bits, their mixed-radix indices in
  // order (one binary search and no allocation per offer); else the outcomes themselves.
  void Remember(const Outcome& o, const Negotiation& n);
  bool index_fits_ = false;
  std::vector<std::uint64_t> distinct_index_;
  std::set<Outcome> distinct_;
};

}  // namespace parley::sim::internal
