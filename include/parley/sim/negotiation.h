#pragma once

/// A negotiation set up from a case: who takes part (every party that states values, `us`
/// first, then the others in case order), what each outcome is worth to each (PartyValuation,
/// exactly as core defines it, with its additive model for bidding), each party's reservation
/// utility (the disagreement utility), the deadline in rounds, an optional discount per round
/// and the seed every random draw comes from. The protocol (protocol.h) plays strategies on it.
///
///   parley::sim::NegotiationOptions options;
///   options.rounds = 200;
///   const parley::sim::Negotiation n(c, options);  // keeps a pointer to c
///   const double t = n.Time(50);                     // 0.25

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "parley/core/case.h"
#include "parley/core/outcome_space.h"
#include "parley/core/party_valuation.h"
#include "parley/sim/additive_model.h"
#include "parley/sim/bid_search.h"

namespace parley::sim {

/// The most rounds a negotiation may have.
inline constexpr std::uint64_t kMaxRounds = 1'000'000;

/// How a negotiation runs.
struct NegotiationOptions {
  std::uint64_t rounds = 100;  ///< the deadline: rounds 0 .. rounds-1, 1 to kMaxRounds
  /// Utility of a deal struck in round r is u x discount^r; 1 is no discount; in (0, 1].
  double discount = 1;
  std::uint64_t seed = 1;  ///< every random draw of every strategy derives from it
  /// False: the trace's entries leave `utility` and `value` empty (2 x parties valuations and
  /// two vectors fewer per move); the moves, their outcomes and the result are the same. For
  /// callers that need only the result (a rehearsal); strategies never read them.
  bool trace_values = true;
};

/// A negotiation set up from a case. Keeps a pointer to the case, which must outlive it.
class Negotiation {
 public:
  /// Throws Error(kUsage) for rounds outside 1..kMaxRounds (kLimit above it) or a discount
  /// outside (0, 1], Error(kInvalidInput) when fewer than two parties state values.
  /// O(parties x (issues + table sizes + points)).
  /// Builds every party's additive model and its bid tables (bid_search.h: the closest bid
  /// from above and the best below a utility, and our side of the fold for an estimate's
  /// questions, where the exact fold applies), once for all the strategies that play it.
  Negotiation(const Case& c, const NegotiationOptions& options);
  /// The same, sharing `shared`'s additive models and bid tables read-only instead of building
  /// them (O(parties) beyond the valuations): `c` must have the parties, issues and values of
  /// `shared`'s case; BATNAs and deadlines may differ (a rehearsal's samples, many seeds of one
  /// case). Each party's valuation, and so its reservation utility, is read from `c` (and shared
  /// with `shared`, O(1), when `c` is the very case object `shared` was built on). Throws as
  /// above, and Error(kUsage) when the parties or the issue count differ.
  Negotiation(const Case& c, const NegotiationOptions& options, const Negotiation& shared);

  const Case& GetCase() const { return *case_; }
  const NegotiationOptions& options() const { return options_; }
  const std::vector<Issue>& Issues() const { return case_->issues; }
  const OutcomeSpace& Space() const { return space_; }

  /// Parties taking part: `us` first, then every other party that states values, in case order.
  std::size_t PartyCount() const { return parties_->size(); }
  /// Index of the case's `us` party: always 0.
  static constexpr std::size_t kUs = 0;
  const std::string& PartyId(std::size_t p) const { return (*parties_)[p].id; }
  const PartyValuation& Valuation(std::size_t p) const { return (*parties_)[p].valuation; }
  /// The additive model of party p's utility, or nullptr when its values are rectangles.
  const AdditiveModel* Model(std::size_t p) const {
    return (*bids_)[p].model ? &*(*bids_)[p].model : nullptr;
  }
  /// The bid table of party p's utility against itself (the best outcome below a utility), or
  /// nullptr when its values are rectangles or the exact fold does not apply.
  const BandTable* OwnTable(std::size_t p) const {
    return (*bids_)[p].own ? &*(*bids_)[p].own : nullptr;
  }
  /// The bid table of party p's utility against its negation (the outcome closest to a utility
  /// from above), or nullptr as OwnTable.
  const BandTable* ClosestTable(std::size_t p) const {
    return (*bids_)[p].closest ? &*(*bids_)[p].closest : nullptr;
  }
  /// Our side of the exact fold of party p's utility (bid_search.h, OurFold), for its bid
  /// searcher's questions about an estimate, or nullptr where it does not apply.
  const std::shared_ptr<const OurFold>& Fold(std::size_t p) const { return (*bids_)[p].fold; }
  /// Party p's disagreement utility (what no deal pays it, on its utility scale).
  double ReservationUtility(std::size_t p) const {
    return (*parties_)[p].valuation.DisagreementUtility();
  }
  /// The highest utility any outcome gives party p (exact for additive values, 1 otherwise).
  double BestUtility(std::size_t p) const { return (*bids_)[p].best; }
  /// The lowest utility any outcome gives party p (exact for additive values, 0 otherwise).
  double WorstUtility(std::size_t p) const { return (*bids_)[p].worst; }
  /// t = round / rounds, in [0, 1).
  double Time(std::uint64_t round) const {
    return static_cast<double>(round) / static_cast<double>(options_.rounds);
  }
  /// Utility u of a deal struck in `round`, discounted: u x discount^round.
  double Discounted(double u, std::uint64_t round) const;
  /// The seed of party p's strategy, derived from the negotiation's seed (SplitMix64).
  std::uint64_t PartySeed(std::size_t p) const;
  /// True when `o` is an outcome of the space (one index per issue, each in range).
  bool Contains(const Outcome& o) const;

 private:
  struct PartyData {
    std::string id;
    PartyValuation valuation;
  };
  // What depends only on a party's values: shared by the negotiations of one case.
  struct PartyBids {
    std::optional<AdditiveModel> model;
    double best = 1, worst = 0;
    std::optional<BandTable> own, closest;
    std::shared_ptr<const OurFold> fold;
  };
  // The parties taking part, in order (checks the options as the constructor states).
  static std::vector<const Party*> Order(const Case& c, const NegotiationOptions& options);

  const Case* case_;
  NegotiationOptions options_;
  OutcomeSpace space_;
  // Read-only once built; shared with `shared` when built on the very same case object.
  std::shared_ptr<const std::vector<PartyData>> parties_;
  std::shared_ptr<const std::vector<PartyBids>> bids_;
};

}  // namespace parley::sim
