#pragma once

/// The `parley` strategy: it plays the case's `us` party by the preparation brief
/// (plan::BuildBrief). Its offers, computed once from the brief on the floored case and mapped to
/// the case's issues (analysis::ToOriginalOutcome), are the plan's packages in order:
///
/// - it opens with the concession plan's start: the brief's anchor, or the package on the table
///   when the concession log has moved the talks (Brief::under_way); without a plan, the anchor;
/// - step k of the concession plan (Brief::concession_plan, n steps) is due at t = k / (n + 1),
///   the share of the way to the close the plan dates it at (today + D k / (n + 1)); undated
///   plans are paced the same way, evenly; between steps it holds its last package, so it never
///   concedes without a step of the plan;
/// - at the step whose package is worth to us what the MESO packages (Brief::meso) are (the
///   playbook puts them on the table as the first concession: the step whose value after is
///   nearest the MESO target, the first on ties), it offers in turn that package and the MESO
///   packages, of equal value to us, until the next step is due;
/// - it never offers a package worth less than the walk-away (our reservation utility: a planned
///   package below it, possible when the BATNA differs from the brief's, is skipped for the last
///   one above it, and the best outcome when none is) nor one outside our floors;
/// - it accepts the offer on the table when it keeps every party's floors (a deal a
///   counterpart's floor rules out cannot be signed, though its strategy may offer it), is worth
///   at least the reservation utility and at least what it would offer next (AC_next on the
///   plan's targets);
/// - in the last round it takes less than the plan rather than risk no deal: any offer that keeps
///   every party's floors and is worth at least the reservation utility (a counter then may never
///   be answered, and no deal pays only the walk-away);
/// - it walks away only when no outcome beats no deal.
///
/// It plays the brief's chair only: Start throws Error(kUsage) on another party's seat.
///
///   const plan::Brief brief = plan::BuildBrief(c);
///   auto us = std::make_unique<parley::sim::ParleyAgent>(c, brief);

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "parley/core/case.h"
#include "parley/sim/strategy.h"

namespace parley::plan {
struct Brief;
}  // namespace parley::plan

namespace parley::sim {

namespace internal {
class Bidder;
}  // namespace internal

/// The plan's offers as the `parley` strategy plays them, on the case's issues.
struct PlannedOffers {
  /// The anchor, then each step's package, in order.
  std::vector<Outcome> packages;
  /// When each package becomes the offer: 0 for the anchor, k / (n + 1) for step k.
  std::vector<double> times;
  std::vector<Outcome> meso;         ///< the MESO packages
  std::size_t meso_at = 0;           ///< the index in `packages` the MESO packages go with
  std::optional<Outcome> predicted;  ///< the brief's predicted deal, when it has one
};

/// The plan of `brief` (built on `c`, or on a case with the same issues) as offers on `c`'s issues.
/// Empty when the brief has no anchor. O(steps x issues x options).
PlannedOffers PlanOffers(const Case& c, const plan::Brief& brief);

/// The `parley` strategy above.
class ParleyAgent : public Strategy {
 public:
  /// `brief` must describe `c`'s chair and outlive the agent's use (read only: one brief may be
  /// shared by agents on many threads). O(PlanOffers).
  ParleyAgent(const Case& c, const plan::Brief& brief);
  /// The same with the plan already made: `plan` is PlanOffers(c, brief) for the case played
  /// (a rehearsal makes it once for every sample). O(plan size).
  ParleyAgent(const plan::Brief& brief, PlannedOffers plan);
  ~ParleyAgent() override;
  void Start(const Negotiation& negotiation, std::size_t self, std::uint64_t seed) override;
  Response Respond(const Turn& turn) override;

 private:
  // The offer for time t: the last due planned package worth at least the walk-away, with the
  // MESO packages in turn at their step. The reference is to the plan or the bidder, valid until
  // the next turn. O(steps).
  const Outcome& OfferAt(double t);

  const plan::Brief* brief_;
  PlannedOffers plan_;
  const Negotiation* negotiation_ = nullptr;
  std::size_t self_ = 0;
  std::unique_ptr<internal::Bidder> bidder_;
  std::size_t meso_turns_ = 0;  // offers made at the MESO step
  // Per package of plan_.packages, then of plan_.meso, for this negotiation (Start): our
  // utility, and whether it is worth the walk-away and keeps our floors.
  std::vector<double> utility_;
  std::vector<char> fits_;
};

}  // namespace parley::sim
