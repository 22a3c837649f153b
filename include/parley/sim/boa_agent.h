#pragma once

/// The BOA decomposition of a negotiation strategy (Baarslag, Hindriks, Hendrikx, Dirkzwager
/// and Jonker 2014, "Decoupling negotiating agents to explore the space of negotiation
/// strategies"): a bidding strategy (here a concession policy, concession_policy.h, giving the
/// target utility), an acceptance condition (acceptance.h) and an optional opponent model
/// (frequency_model.h or bayesian_model.h). Every time-dependent and tit-for-tat strategy of the
/// registry is one.
///
/// Each turn: read the other parties' new offers (and feed the model); if no outcome is worth
/// the reservation utility, walk away; else target = the policy's target, clamped to
/// [reservation, best]; the bid is the outcome closest to the target from above (no model), or
/// the one the model likes best with utility in [target, target + window] (with a model); then
/// accept the offer on the table when the acceptance condition holds, else offer the bid.
///
///   parley::sim::BoaConfig config;
///   config.policy = [](double rv, double best) {
///     return std::make_unique<parley::sim::TimeDependent>(0.2, 0, rv, best); };
///   auto agent = std::make_unique<parley::sim::BoaAgent>(config);

#include <functional>
#include <memory>
#include <optional>

#include "parley/sim/acceptance.h"
#include "parley/sim/bayesian_model.h"
#include "parley/sim/concession_policy.h"
#include "parley/sim/strategy.h"

namespace parley::sim {

namespace internal {
class Bidder;
struct Observations;
}  // namespace internal

/// The parts of a BOA agent.
struct BoaConfig {
  /// Builds the concession policy from the reservation utility and the best utility.
  std::function<std::unique_ptr<ConcessionPolicy>(double reservation, double best)> policy;
  Acceptance acceptance;
  bool frequency_model = false;  ///< with the frequency opponent model
  double learn = 0.2;            ///< the model's learning coefficient
  bool bayesian_model = false;   ///< with the Bayesian opponent model (not with frequency_model)
  BayesianOptions bayesian;      ///< its parameters
  double window = 0.05;          ///< the band above the target searched for the model's favourite
};

/// A BOA agent.
class BoaAgent : public Strategy {
 public:
  explicit BoaAgent(BoaConfig config);
  ~BoaAgent() override;
  void Start(const Negotiation& negotiation, std::size_t self, std::uint64_t seed) override;
  Response Respond(const Turn& turn) override;

 private:
  BoaConfig config_;
  const Negotiation* negotiation_ = nullptr;
  std::size_t self_ = 0;
  std::unique_ptr<ConcessionPolicy> policy_;
  std::unique_ptr<internal::Bidder> bidder_;
  std::unique_ptr<internal::Observations> seen_;
  std::optional<BayesianModel> bayes_;  // when config_.bayesian_model
  std::size_t bayes_read_ = 0;          // trace entries it has read
  double last_target_ = 1;
};

}  // namespace parley::sim
