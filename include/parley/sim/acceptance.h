#pragma once

/// Acceptance conditions as parts of a strategy (Baarslag, Hindriks and Jonker 2014, "Effective
/// acceptance conditions in multi-issue negotiation"). With u the utility to us of the offer on
/// the table, u' that of the bid we would make now and t the time:
///
/// - AC_next(a, b): accept when a x u + b >= u' (defaults a = 1, b = 0).
/// - AC_const(c):   accept when u >= c.
/// - AC_time(T):    accept when t >= T.
/// - AC_combi(T):   AC_next, or t >= T and u >= the best utility among the offers received in
///   the window [t - (1 - t), t] (MAX^W with W = the time that remains).
///
/// Every condition here also requires u >= our reservation utility: no registered strategy
/// accepts an offer worth less than walking away.
///
///   const parley::sim::Acceptance ac{parley::sim::AcceptanceKind::kCombi, 0.98};
///   if (ac.Accepts(inputs)) accept();

#include <vector>

namespace parley::sim {

/// The four conditions.
enum class AcceptanceKind { kNext, kConst, kTime, kCombi };

/// What a condition reads.
struct AcceptanceInputs {
  double offer = 0;                               ///< u: our utility of the offer on the table
  double next_bid = 0;                            ///< u': our utility of the bid we would make now
  double time = 0;                                ///< t
  double reservation = 0;                         ///< our reservation utility
  const std::vector<double>* received = nullptr;  ///< our utility of each offer received
  const std::vector<double>* received_at = nullptr;  ///< the time each was received
};

/// One condition with its parameters.
struct Acceptance {
  AcceptanceKind kind = AcceptanceKind::kNext;
  double a = 1;  ///< AC_next's a; AC_const's c; AC_time's and AC_combi's T
  double b = 0;  ///< AC_next's b
  /// True when the condition holds (and the offer is worth at least the reservation utility).
  /// O(1), O(offers in the window) for AC_combi.
  bool Accepts(const AcceptanceInputs& in) const;
};

}  // namespace parley::sim
