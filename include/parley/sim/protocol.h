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
#include <utility>
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

/// The storage of finished negotiations' traces, for the next ones to reuse: a caller playing
/// many negotiations one after another (a rehearsal, a benchmark) hands each result back once it
/// has read it, and the next run takes its trace and its outcomes' memory from here instead of
/// allocating them (an offer a strategy holds by reference, Response::offer_ref, is copied into
/// a recycled outcome). Changes no result, only where its memory comes from. One storage serves
/// one run at a time.
///
///   parley::sim::TraceStorage storage;
///   for (std::uint64_t seed : seeds) {
///     parley::sim::NegotiationResult r = parley::sim::RunNegotiation(n, players, &storage);
///     use(r);
///     storage.Recycle(std::move(r));
///   }
class TraceStorage {
 public:
  /// The most outcomes kept for reuse.
  static constexpr std::size_t kMaxKept = 1U << 16;

  /// Keeps the result's trace (emptied, its capacity kept) and the memory of its outcomes (up to
  /// kMaxKept in all). O(trace).
  void Recycle(NegotiationResult&& result);
  /// An empty trace, with the capacity of the last one recycled. O(1).
  std::vector<TraceEntry> TakeTrace();
  /// A copy of `o`, in a recycled outcome's memory when one is kept. O(issues).
  Outcome Copy(const Outcome& o);

 private:
  std::vector<TraceEntry> trace_;
  std::vector<Outcome> outcomes_;
};

/// One negotiation played move by move under the protocol: RunNegotiation with the caller
/// supplying each move, so that one party can be played from outside (an interactive rehearsal).
/// The negotiation must outlive the run.
///
///   parley::sim::NegotiationRun run(n);
///   while (!run.Done()) run.Play(players[run.ToMove()]->Respond(run.CurrentTurn()));
class NegotiationRun {
 public:
  /// `storage`, when given, supplies the trace's memory (it must outlive the run).
  explicit NegotiationRun(const Negotiation& negotiation, TraceStorage* storage = nullptr);
  /// True once the negotiation has ended (deal, walk, violation, deadline or Stop).
  bool Done() const { return done_; }
  /// The party whose turn it is (meaningless when Done).
  std::size_t ToMove() const { return party_; }
  /// What that party sees; its pointers stay valid until the next Play or Stop.
  Turn CurrentTurn() const;
  /// Plays the move of ToMove() and advances to the next turn; at the last turn of the last
  /// round the deadline ends the negotiation. Does nothing when Done. O(parties x issues).
  void Play(Response move);
  /// Ends the negotiation now without a deal, as the deadline would (no-op when Done).
  void Stop();
  /// The result so far (final once Done).
  const NegotiationResult& Result() const { return result_; }
  /// Moves the result out (the run is left without one); for the end of a run.
  NegotiationResult TakeResult() { return std::move(result_); }

 private:
  void EndAtDeadline();
  Outcome Copy(const Outcome& o) { return storage_ != nullptr ? storage_->Copy(o) : o; }

  const Negotiation* n_;
  TraceStorage* storage_;
  NegotiationResult result_;
  // The offer on the table: the index of its trace entry (the outcome is kept once, there).
  const Outcome* Table() const;
  std::optional<std::size_t> table_at_;
  std::size_t table_by_ = 0;
  std::size_t acceptances_ = 0;
  std::uint64_t round_ = 0;
  std::size_t party_ = 0;
  bool done_ = false;
};

/// Plays `strategies` (one per party of `negotiation`, in its order) under the protocol until a
/// deal, a walk, a violation or the deadline. Calls Start on each first, with
/// negotiation.PartySeed(p). Throws Error(kUsage) when the number of strategies differs from
/// the number of parties; whatever a strategy throws propagates. `storage`, when given, supplies
/// the trace's memory (TraceStorage). O(rounds x parties x (strategy cost + parties x issues)).
NegotiationResult RunNegotiation(const Negotiation& negotiation,
                                 const std::vector<std::unique_ptr<Strategy>>& strategies,
                                 TraceStorage* storage = nullptr);

}  // namespace parley::sim
