#include "parley/sim/parley_agent.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "internal/bidder.h"
#include "parley/analysis/floors.h"
#include "parley/core/error.h"
#include "parley/plan/brief.h"

namespace parley::sim {

PlannedOffers PlanOffers(const Case& c, const plan::Brief& brief) {
  PlannedOffers out;
  if (!brief.anchor) return out;
  const Case& floored = brief.power.floored.c;
  auto original = [&](const Outcome& o) { return analysis::ToOriginalOutcome(c, floored, o); };
  // The plan's start: the anchor, or the package on the table when the concession log has
  // moved the talks (Brief::under_way).
  out.packages.push_back(
      original(brief.concession_plan ? brief.concession_plan->start : brief.anchor->outcome));
  out.times.push_back(0);
  if (brief.power.prediction && brief.power.prediction->deal) {
    out.predicted = original(brief.power.prediction->deal->outcome);
  }
  if (brief.concession_plan) {
    const std::size_t n = brief.concession_plan->steps.size();
    for (std::size_t k = 0; k < n; ++k) {
      out.packages.push_back(original(brief.concession_plan->steps[k].package));
      out.times.push_back(static_cast<double>(k + 1) / static_cast<double>(n + 1));
    }
  }
  if (brief.meso) {
    for (const plan::MesoPackage& m : brief.meso->packages) out.meso.push_back(original(m.outcome));
    double nearest =
        brief.concession_plan ? brief.concession_plan->start_value : brief.anchor->our_value;
    const auto& steps = brief.concession_plan ? brief.concession_plan->steps
                                              : std::vector<plan::PlannedConcession>{};
    for (std::size_t k = 0; k < steps.size(); ++k) {
      const double gap = std::abs(steps[k].our_value_after - brief.meso->target);
      if (gap < std::abs(nearest - brief.meso->target)) {
        nearest = steps[k].our_value_after;
        out.meso_at = k + 1;
      }
    }
  }
  return out;
}

ParleyAgent::ParleyAgent(const Case& c, const plan::Brief& brief)
    : brief_(&brief), plan_(PlanOffers(c, brief)) {}

ParleyAgent::ParleyAgent(const plan::Brief& brief, PlannedOffers plan)
    : brief_(&brief), plan_(std::move(plan)) {}

ParleyAgent::~ParleyAgent() = default;

void ParleyAgent::Start(const Negotiation& negotiation, std::size_t self, std::uint64_t seed) {
  if (negotiation.PartyId(self) != brief_->us) {
    throw Error(ErrorCode::kUsage, "the parley strategy plays the brief's chair (" + brief_->us +
                                       "), not " + negotiation.PartyId(self));
  }
  negotiation_ = &negotiation;
  self_ = self;
  bidder_ = std::make_unique<internal::Bidder>(negotiation, self, seed);
  meso_turns_ = 0;
  // The packages are fixed and so are our floors: each is valued and checked once, not every
  // turn. O(packages x (issues + floors)).
  const Case& c = negotiation.GetCase();
  utility_.clear();
  fits_.clear();
  for (const auto* list : {&plan_.packages, &plan_.meso}) {
    for (const Outcome& o : *list) {
      utility_.push_back(bidder_->Utility(o));
      fits_.push_back(static_cast<char>(utility_.back() >= bidder_->Reservation() &&
                                        analysis::KeepsFloors(c, &brief_->us, o)));
    }
  }
}

const Outcome& ParleyAgent::OfferAt(double t) {
  const std::size_t meso_from = plan_.packages.size();  // the MESO packages' place in fits_
  std::size_t due = 0;
  while (due + 1 < plan_.times.size() && plan_.times[due + 1] <= t) ++due;
  for (std::size_t i = due + 1; i-- > 0;) {
    if (fits_[i] == 0) continue;
    if (i != plan_.meso_at || plan_.meso.empty()) return plan_.packages[i];
    // The MESO step: its package and the MESO packages, in turn.
    const std::size_t pick = meso_turns_++ % (plan_.meso.size() + 1);
    if (pick == 0 || fits_[meso_from + pick - 1] == 0) return plan_.packages[i];
    return plan_.meso[pick - 1];
  }
  return bidder_->BestOutcome();
}

Response ParleyAgent::Respond(const Turn& turn) {
  if (!bidder_->CanBeatNoDeal()) return {ActionKind::kWalk, {}};
  const Outcome& next = OfferAt(turn.time);
  if (turn.table != nullptr && turn.table_by != self_) {
    const double u = bidder_->Utility(*turn.table);
    // What the table must be worth: our next offer, or in the last round no more than no deal
    // (a counter then may never be answered, and no deal pays only the walk-away).
    double enough = bidder_->Utility(next);
    if (turn.round + 1 >= negotiation_->options().rounds) enough = bidder_->Reservation();
    // Every party's floors, not only ours: a deal a counterpart's floor rules out cannot be
    // signed (their strategy may offer it, not knowing the floor), and the brief plans inside
    // them all. O(parties x floors).
    const Case& c = negotiation_->GetCase();
    const bool signable = analysis::KeepsFloors(c, nullptr, *turn.table);
    if (u >= enough && u >= bidder_->Reservation() && signable) {
      return {ActionKind::kAccept, {}};
    }
  }
  Response move;
  move.offer_ref = &next;  // the plan's or the bidder's, unchanged until the next turn
  return move;
}

}  // namespace parley::sim
