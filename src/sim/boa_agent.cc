#include "parley/sim/boa_agent.h"

#include <algorithm>

#include "internal/bidder.h"

namespace parley::sim {

BoaAgent::BoaAgent(BoaConfig config) : config_(std::move(config)) {}

BoaAgent::~BoaAgent() = default;

void BoaAgent::Start(const Negotiation& negotiation, std::size_t self, std::uint64_t seed) {
  negotiation_ = &negotiation;
  self_ = self;
  bidder_ = std::make_unique<internal::Bidder>(negotiation, self, seed);
  seen_ = std::make_unique<internal::Observations>(negotiation);
  if (config_.frequency_model) seen_->model.emplace(negotiation.Issues(), config_.learn);
  bayes_.reset();
  bayes_read_ = 0;
  if (config_.bayesian_model) bayes_.emplace(negotiation.Issues(), config_.bayesian);
  policy_ = config_.policy(bidder_->Reservation(), bidder_->Best());
  last_target_ = bidder_->Best();
}

Response BoaAgent::Respond(const Turn& turn) {
  seen_->Read(turn, self_, *bidder_, *negotiation_);
  for (; bayes_ && bayes_read_ < turn.trace->size(); ++bayes_read_) {
    const TraceEntry& e = (*turn.trace)[bayes_read_];
    if (e.party != self_ && e.action == ActionKind::kOffer && e.outcome) {
      bayes_->Observe(*e.outcome);
    }
  }
  if (!bidder_->CanBeatNoDeal()) return {ActionKind::kWalk, {}};
  ConcessionState state{turn.time, seen_->received, last_target_};
  const double target = std::clamp(policy_->Target(state), bidder_->Reservation(), bidder_->Best());
  last_target_ = target;
  Response move;
  if (seen_->model && seen_->model->Observed() > 0) {
    seen_->model->EstimateInto(seen_->estimate);
    move.offer_ref = &bidder_->ForEstimate(target, config_.window, seen_->estimate);
  } else if (bayes_ && bayes_->Observed() > 0) {
    move.offer_ref = &bidder_->ForEstimate(target, config_.window, bayes_->Estimate());
  } else {
    move.offer_ref = &bidder_->Closest(target);  // held by the bidder until the next turn
  }
  if (turn.table != nullptr && turn.table_by != self_) {
    AcceptanceInputs in;
    in.offer = seen_->TableUtility();
    in.next_bid = bidder_->BidUtility(move.Offered());
    in.time = turn.time;
    in.reservation = bidder_->Reservation();
    in.received = &seen_->received;
    in.received_at = &seen_->received_at;
    if (config_.acceptance.Accepts(in)) return {ActionKind::kAccept, {}};
  }
  return move;
}

}  // namespace parley::sim
