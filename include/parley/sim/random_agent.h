#pragma once

/// The random baseline: each turn it draws a target utility uniformly between its reservation
/// utility (or its worst outcome, if higher) and its best, and offers the outcome closest to it
/// from above; it accepts an offer worth at least its reservation utility with probability
/// `accept`. All draws are seeded. It walks away only when no outcome beats no deal.
///
///   auto baseline = std::make_unique<parley::sim::RandomAgent>(0.1);

#include <memory>

#include "parley/sim/strategy.h"

namespace parley::sim {

namespace internal {
class Bidder;
}  // namespace internal

/// The random baseline above.
class RandomAgent : public Strategy {
 public:
  /// accept in [0, 1].
  explicit RandomAgent(double accept);
  ~RandomAgent() override;
  void Start(const Negotiation& negotiation, std::size_t self, std::uint64_t seed) override;
  Response Respond(const Turn& turn) override;

 private:
  double accept_;
  std::size_t self_ = 0;
  std::unique_ptr<internal::Bidder> bidder_;
};

}  // namespace parley::sim
