#pragma once

/// The interface every negotiation strategy implements: started once with the negotiation, its
/// own party and seed, then asked for one move per turn. A strategy sees the whole trace, the
/// offer on the table and the time; it keeps whatever it learns (an opponent model) itself. It is
/// built by name from the registry (strategy_registry.h), which may also hand it the case's
/// preparation brief.
///
///   class Stubborn : public parley::sim::Strategy {
///     void Start(const Negotiation& n, std::size_t self, std::uint64_t) override { ... }
///     Response Respond(const Turn& turn) override { return {ActionKind::kOffer, best_}; }
///   };

#include <cstddef>
#include <cstdint>
#include <vector>

#include "parley/core/outcome_space.h"
#include "parley/sim/negotiation.h"
#include "parley/sim/trace.h"

namespace parley::sim {

/// What a strategy sees when it is its turn.
struct Turn {
  std::uint64_t round = 0;
  double time = 0;  ///< round / rounds
  /// The offer on the table, or nullptr when nothing is (the first move, or after a counter that
  /// every party has not yet answered: the table always holds the latest offer).
  const Outcome* table = nullptr;
  std::size_t table_by = 0;                        ///< who made it, when `table` is set
  const std::vector<TraceEntry>* trace = nullptr;  ///< every move so far, oldest first
};

/// A strategy's move: an offer (with the outcome), an acceptance of the table, or a walk.
struct Response {
  ActionKind action = ActionKind::kOffer;
  Outcome offer;  ///< for kOffer, unless offer_ref is set
  /// For kOffer, in place of `offer`: an outcome the strategy keeps unchanged until its next
  /// Respond. The protocol copies it into the trace's storage, which a caller playing many
  /// negotiations reuses (TraceStorage, protocol.h), so a strategy holding its bid in its own
  /// buffer saves an allocation a move.
  const Outcome* offer_ref = nullptr;

  /// The outcome offered: *offer_ref when set, else offer.
  const Outcome& Offered() const { return offer_ref != nullptr ? *offer_ref : offer; }
};

/// A negotiation strategy. Implementations must be deterministic given the seed of Start.
class Strategy {
 public:
  virtual ~Strategy() = default;
  /// Called once before the first turn: the negotiation (which outlives the strategy's use),
  /// the strategy's own party index and the seed of all its random draws.
  virtual void Start(const Negotiation& negotiation, std::size_t self, std::uint64_t seed) = 0;
  /// The move for this turn.
  virtual Response Respond(const Turn& turn) = 0;
};

}  // namespace parley::sim
