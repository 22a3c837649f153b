#pragma once

/// What happened in a negotiation, move by move: each party's action in each round (an offer, an
/// acceptance of the offer on the table, or walking away), with the outcome concerned and what
/// it is worth to every party. Strategies read it (strategy.h); the result carries it
/// (protocol.h); parley::report prints it.
///
///   for (const parley::sim::TraceEntry& e : result.trace)
///     if (e.action == parley::sim::ActionKind::kOffer) use(e.round, e.party, e.utility);

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "parley/core/outcome_space.h"

namespace parley::sim {

/// The three moves of the protocol.
enum class ActionKind { kOffer, kAccept, kWalk };

/// "offer", "accept", "walk".
const char* ActionName(ActionKind action);

/// One move.
struct TraceEntry {
  std::uint64_t round = 0;  ///< 0-based
  std::size_t party = 0;    ///< index in the negotiation (Negotiation::PartyId)
  ActionKind action = ActionKind::kOffer;
  /// The outcome offered or accepted; nullopt for a walk (and for an accept with nothing on the
  /// table, a protocol violation).
  std::optional<Outcome> outcome;
  std::vector<double> utility;  ///< every party's undiscounted utility of `outcome` (or empty)
  std::vector<double> value;    ///< every party's value of `outcome` (money, else utility)

  friend bool operator==(const TraceEntry&, const TraceEntry&) = default;
};

}  // namespace parley::sim
