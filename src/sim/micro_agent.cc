#include "parley/sim/micro_agent.h"

#include <random>
#include <utility>

#include "internal/bidder.h"

namespace parley::sim {

MicroAgent::MicroAgent() = default;

MicroAgent::~MicroAgent() = default;

void MicroAgent::Start(const Negotiation& negotiation, std::size_t self, std::uint64_t seed) {
  negotiation_ = &negotiation;
  self_ = self;
  bidder_ = std::make_unique<internal::Bidder>(negotiation, self, seed);
  seen_ = std::make_unique<internal::Observations>(negotiation);
  seen_->track_distinct = true;
  proposed_.clear();
  exhausted_ = false;
}

Response MicroAgent::Respond(const Turn& turn) {
  seen_->Read(turn, self_, *bidder_, *negotiation_);
  if (!bidder_->CanBeatNoDeal()) return {ActionKind::kWalk, {}};
  std::optional<Outcome> next;
  if (proposed_.empty()) {
    next = bidder_->BestOutcome();
  } else if (!exhausted_ && seen_->Distinct() >= proposed_.size()) {
    next = bidder_->NextBelow(lowest_proposed_, bidder_->Reservation());
    exhausted_ = !next.has_value();
  }
  const double next_utility = next ? bidder_->BidUtility(*next) : lowest_proposed_;
  if (turn.table != nullptr && turn.table_by != self_) {
    const double u = seen_->TableUtility();
    if (u >= next_utility && u >= bidder_->Reservation()) return {ActionKind::kAccept, {}};
  }
  // Offered by reference to proposed_, which keeps it until the next turn: no copy a move.
  Response move;
  if (next) {
    proposed_.push_back(std::move(*next));
    lowest_proposed_ = next_utility;
    move.offer_ref = &proposed_.back();
    return move;
  }
  std::uniform_int_distribution<std::size_t> pick(0, proposed_.size() - 1);
  move.offer_ref = &proposed_[pick(bidder_->Rng())];
  return move;
}

}  // namespace parley::sim
