#include "parley/sim/random_agent.h"

#include <algorithm>
#include <random>

#include "internal/bidder.h"

namespace parley::sim {

RandomAgent::RandomAgent(double accept) : accept_(accept) {}

RandomAgent::~RandomAgent() = default;

void RandomAgent::Start(const Negotiation& negotiation, std::size_t self, std::uint64_t seed) {
  self_ = self;
  bidder_ = std::make_unique<internal::Bidder>(negotiation, self, seed);
}

Response RandomAgent::Respond(const Turn& turn) {
  if (!bidder_->CanBeatNoDeal()) return {ActionKind::kWalk, {}};
  std::uniform_real_distribution<double> unit(0, 1);
  if (turn.table != nullptr && turn.table_by != self_) {
    const double draw = unit(bidder_->Rng());
    if (bidder_->Utility(*turn.table) >= bidder_->Reservation() && draw < accept_) {
      return {ActionKind::kAccept, {}};
    }
  }
  const double lo = std::max(bidder_->Reservation(), bidder_->Worst());
  const double target = lo + (bidder_->Best() - lo) * unit(bidder_->Rng());
  return {ActionKind::kOffer, {}, &bidder_->Closest(target)};  // held by the bidder
}

}  // namespace parley::sim
