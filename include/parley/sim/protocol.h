#pragma once

/// The stacked alternating offers protocol (Aydogan et al. 2017, "Alternating offers protocols
/// for multilateral negotiation"), for two or more parties: in each round every party in turn
/// (`us` first) accepts the offer on the table, counters with an offer of its own, or walks away.
/// A counter replaces the table and clears every acceptance; a deal is struck when every party
/// other than the one who made the offer on the table has accepted it in turn. Walking away ends
/// the negotiation without a deal, as does reaching the deadline; a protocol violation (an offer
/// outside the outcome space, an acceptance with nothing on the table) also ends it, blamed on
/// the party that made it (accepting one's own offer is one too). Without a deal every party gets
/// its reservation utility. These are results, never exceptions.
///
///   std::vector<std::unique_ptr<parley::sim::Strategy>> players = ...;  // one per party
///   const parley::sim::NegotiationResult r = parley::sim::RunNegotiation(n, players);
///   if (r.agreement) use(*r.outcome, r.utility[parley::sim::Negotiation::kUs]);

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "parley/sim/negotiation.h"
#include "parley/sim/strategy.h"
#include "parley/sim/trace.h"

namespace parley::sim {

/// How a negotiation ended.
enum class Ending { kAgreement, kWalkAway, kDeadline, kViolation };

/// "agreement", "walk_away", "deadline", "violation".
const char* EndingName(Ending ending);

/// The result of one negotiation.
struct NegotiationResult {
  Ending ending = Ending::kDeadline;
  bool agreement = false;
  std::optional<Outcome> outcome;  ///< the deal, when agreement
  std::uint64_t rounds_used = 0;   ///< rounds begun (the last round's index + 1)
  /// Each party's utility: of the deal, discounted to the round it was struck; else its
  /// reservation utility.
  std::vector<double> utility;
  /// Each party's undiscounted value of the deal (money, else utility); empty without a deal.
  std::vector<double> value;
  std::optional<std::size_t> ended_by;  ///< who accepted last, walked or broke the protocol
  std::string violation;                ///< what the violation was, when ending is kViolation
  std::vector<TraceEntry> trace;
};

/// Plays `strategies` (one per party of `negotiation`, in its order) under the protocol until a
/// deal, a walk, a violation or the deadline. Calls Start on each first, with
/// negotiation.PartySeed(p). Throws Error(kUsage) when the number of strategies differs from
/// the number of parties; whatever a strategy throws propagates. O(rounds x parties x (strategy
/// cost + parties x issues)).
NegotiationResult RunNegotiation(const Negotiation& negotiation,
                                 const std::vector<std::unique_ptr<Strategy>>& strategies);

}  // namespace parley::sim
