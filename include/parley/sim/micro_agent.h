#pragma once

/// MiCRO (de Jonge 2022, "An analysis of the linear bilateral ANAC domains using the MiCRO
/// benchmark strategy", IJCAI): it walks down its own outcomes in order of utility and concedes
/// only when the other side has made at least as many distinct offers as it has. Each turn, with
/// m its distinct proposals so far and n the distinct offers received:
///
/// - its next proposal is the outcome of highest utility strictly below its last new proposal
///   (found without enumeration: bid_search.h over our own utility), if n >= m and that outcome
///   is worth at least the reservation utility; else one of its previous proposals, drawn
///   uniformly (seeded);
/// - it accepts the offer on the table when it is worth at least the next proposal it would make
///   (and the reservation utility);
/// - it opens with its best outcome and walks away only when no outcome beats no deal.
///
///   auto micro = std::make_unique<parley::sim::MicroAgent>();

#include <memory>
#include <vector>

#include "parley/sim/strategy.h"

namespace parley::sim {

namespace internal {
class Bidder;
struct Observations;
}  // namespace internal

/// The MiCRO strategy above.
class MicroAgent : public Strategy {
 public:
  MicroAgent();
  ~MicroAgent() override;
  void Start(const Negotiation& negotiation, std::size_t self, std::uint64_t seed) override;
  Response Respond(const Turn& turn) override;

 private:
  const Negotiation* negotiation_ = nullptr;
  std::size_t self_ = 0;
  std::unique_ptr<internal::Bidder> bidder_;
  std::unique_ptr<internal::Observations> seen_;
  std::vector<Outcome> proposed_;  // distinct, in order of decreasing utility
  double lowest_proposed_ = 0;     // our utility of proposed_.back()
  bool exhausted_ = false;         // no outcome left above the reservation utility
};

}  // namespace parley::sim
