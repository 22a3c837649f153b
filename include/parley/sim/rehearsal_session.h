#pragma once

/// An interactive rehearsal (`parley rehearse --interactive`): the user plays the case's `us`
/// party move by move against a chosen counterpart strategy (every other party plays it), under
/// the protocol of protocol.h; the coach (coach.h) comments each of our moves against the brief;
/// `Plan` gives the `parley next` advice for the position so far. The caller reads the moves and
/// prints (parley::report); the session never does.
///
///   const parley::plan::Brief brief = parley::plan::BuildBrief(c);
///   parley::sim::RehearsalSession s(c, brief, {"boulware", 20, 1});
///   while (!s.Done()) {
///     const auto comments = s.Play(next_move_of_the_user(s.CurrentTurn()));
///   }
///   const parley::sim::CoachSummary summary = s.Summary();

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "parley/analysis/frontier.h"
#include "parley/core/case.h"
#include "parley/plan/brief.h"
#include "parley/sim/coach.h"
#include "parley/sim/negotiation.h"
#include "parley/sim/next_move.h"
#include "parley/sim/protocol.h"
#include "parley/sim/reported_utility.h"
#include "parley/sim/strategy.h"

namespace parley::sim {

/// How a session is set up.
struct SessionOptions {
  std::string them;           ///< the counterpart strategy (the registry's syntax)
  std::uint64_t rounds = 20;  ///< the deadline in rounds
  std::uint64_t seed = 1;     ///< the counterpart's draws
};

/// One interactive rehearsal. `c` and `brief` (plan::BuildBrief(c), whose chair is the case's
/// `us`) must outlive it.
class RehearsalSession {
 public:
  /// Builds the counterpart (Error(kUsage) for a bad strategy or one that plays the brief) and
  /// the negotiation (its errors); we move first.
  RehearsalSession(const Case& c, const plan::Brief& brief, const SessionOptions& options);
  ~RehearsalSession();
  RehearsalSession(const RehearsalSession&) = delete;
  RehearsalSession& operator=(const RehearsalSession&) = delete;

  const Negotiation& GetNegotiation() const { return *negotiation_; }
  /// True once the talks have ended (deal, walk, deadline, or Stop).
  bool Done() const { return run_->Done(); }
  /// True when the session was stopped (quit) before the talks ended.
  bool Stopped() const { return stopped_; }
  /// Our turn: the round, the time and the offer on the table.
  Turn CurrentTurn() const { return run_->CurrentTurn(); }
  /// The case with the offers made so far as its `rounds` (what `parley next` reads).
  Case Position() const;
  /// The `parley next` advice for the position so far (AdviseNext on Position()).
  NextMove Plan() const;
  /// Plays our move, returns the coach's comments on it, then lets the counterpart move until
  /// it is our turn again or the talks end. Nothing happens when Done (no comments).
  std::vector<CoachComment> Play(Response ours);
  /// Ends the talks now without a deal: the result so far.
  void Stop();
  const NegotiationResult& Result() const { return run_->Result(); }
  /// The comments on each of our moves so far, oldest first.
  const std::vector<std::vector<CoachComment>>& Comments() const { return comments_; }
  /// The coach's summary of the session so far.
  CoachSummary Summary() const;
  /// The value units: money when we state money values, and the money decimals.
  bool Money() const { return money_; }
  int Decimals() const { return decimals_; }
  /// Utilities as `parley evaluate` reports them, for what the session shows.
  const ReportedUtility& Reported() const { return *reported_; }

 private:
  CoachMove Describe(const Response& ours) const;
  void LetThemMove();

  const Case* c_;
  const plan::Brief* brief_;
  std::unique_ptr<Negotiation> negotiation_;
  std::unique_ptr<ReportedUtility> reported_;
  std::unique_ptr<NegotiationRun> run_;
  std::vector<std::unique_ptr<Strategy>> players_;  // [0] unused: we play party 0
  std::optional<analysis::Frontier> frontier_;
  std::vector<std::vector<CoachComment>> comments_;
  double walk_away_ = 0, target_ = 0;
  bool money_ = true;
  int decimals_ = 0;
  bool stopped_ = false;
};

}  // namespace parley::sim
