#include "parley/sim/protocol.h"

#include <algorithm>

#include "parley/core/error.h"

namespace parley::sim {

const char* ActionName(ActionKind action) {
  switch (action) {
    case ActionKind::kOffer:
      return "offer";
    case ActionKind::kAccept:
      return "accept";
    case ActionKind::kWalk:
      break;
  }
  return "walk";
}

const char* EndingName(Ending ending) {
  switch (ending) {
    case Ending::kAgreement:
      return "agreement";
    case Ending::kWalkAway:
      return "walk_away";
    case Ending::kDeadline:
      return "deadline";
    case Ending::kViolation:
      break;
  }
  return "violation";
}

namespace {

// Every party's utility and value of `o`. O(parties x issues).
void Values(const Negotiation& n, const Outcome& o, std::vector<double>& utility,
            std::vector<double>& value) {
  utility.reserve(n.PartyCount());
  value.reserve(n.PartyCount());
  for (std::size_t p = 0; p < n.PartyCount(); ++p) {
    utility.push_back(n.Valuation(p).Utility(o));
    value.push_back(n.Valuation(p).Value(o));
  }
}

// Appends a trace entry, in place, with every party's utility and value of `outcome` (unless
// the options leave them out).
void Push(const Negotiation& n, std::vector<TraceEntry>& trace, std::uint64_t round,
          std::size_t party, ActionKind action, std::optional<Outcome> outcome) {
  TraceEntry& e = trace.emplace_back();
  e.round = round;
  e.party = party;
  e.action = action;
  e.outcome = std::move(outcome);
  if (e.outcome && n.options().trace_values) Values(n, *e.outcome, e.utility, e.value);
}

void EndWithoutDeal(const Negotiation& n, NegotiationResult& r, Ending ending, std::size_t by) {
  r.ending = ending;
  r.ended_by = by;
  for (std::size_t p = 0; p < n.PartyCount(); ++p) r.utility.push_back(n.ReservationUtility(p));
}

}  // namespace

void TraceStorage::Recycle(NegotiationResult&& result) {
  for (TraceEntry& e : result.trace) {
    if (e.outcome && outcomes_.size() < kMaxKept) outcomes_.push_back(std::move(*e.outcome));
  }
  if (result.outcome && outcomes_.size() < kMaxKept) {
    outcomes_.push_back(std::move(*result.outcome));
  }
  result.trace.clear();
  trace_ = std::move(result.trace);
}

std::vector<TraceEntry> TraceStorage::TakeTrace() { return std::move(trace_); }

Outcome TraceStorage::Copy(const Outcome& o) {
  if (outcomes_.empty()) return o;
  Outcome out = std::move(outcomes_.back());
  outcomes_.pop_back();
  out.assign(o.begin(), o.end());
  return out;
}

NegotiationRun::NegotiationRun(const Negotiation& negotiation, TraceStorage* storage)
    : n_(&negotiation), storage_(storage) {
  if (storage != nullptr) result_.trace = storage->TakeTrace();
  // Room for a short negotiation's moves up front (the trace grows by doubling beyond).
  const std::uint64_t moves = negotiation.options().rounds * negotiation.PartyCount() + 1;
  result_.trace.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(moves, 256)));
  if (negotiation.options().rounds == 0) {
    EndAtDeadline();
    return;
  }
  result_.rounds_used = 1;
}

const Outcome* NegotiationRun::Table() const {
  return table_at_ ? &*result_.trace[*table_at_].outcome : nullptr;
}

Turn NegotiationRun::CurrentTurn() const {
  return Turn{round_, n_->Time(round_), Table(), table_by_, &result_.trace};
}

void NegotiationRun::EndAtDeadline() {
  EndWithoutDeal(*n_, result_, Ending::kDeadline, n_->PartyCount() - 1);
  result_.ended_by.reset();
  done_ = true;
}

void NegotiationRun::Stop() {
  if (!done_) EndAtDeadline();
}

void NegotiationRun::Play(Response move) {
  if (done_) return;
  const Negotiation& n = *n_;
  NegotiationResult& r = result_;
  const std::size_t p = party_;
  done_ = true;  // every ending below returns; a counter or a pending acceptance clears it
  switch (move.action) {
    case ActionKind::kWalk:
      Push(n, r.trace, round_, p, ActionKind::kWalk, std::nullopt);
      EndWithoutDeal(n, r, Ending::kWalkAway, p);
      return;
    case ActionKind::kAccept:
      if (!table_at_ || table_by_ == p) {
        Push(n, r.trace, round_, p, ActionKind::kAccept,
             table_at_ ? std::optional<Outcome>(*Table()) : std::nullopt);
        r.violation = table_at_ ? "accepted its own offer" : "accepted with nothing on the table";
        EndWithoutDeal(n, r, Ending::kViolation, p);
        return;
      }
      Push(n, r.trace, round_, p, ActionKind::kAccept, Copy(*Table()));
      if (++acceptances_ + 1 >= n.PartyCount()) {
        r.ending = Ending::kAgreement;
        r.agreement = true;
        r.ended_by = p;
        r.outcome = Copy(*Table());
        std::vector<double> utility = r.trace.back().utility;
        r.value = r.trace.back().value;
        if (!n.options().trace_values) Values(n, *r.outcome, utility, r.value);
        for (std::size_t q = 0; q < n.PartyCount(); ++q) {
          r.utility.push_back(n.Discounted(utility[q], round_));
        }
        return;
      }
      break;
    case ActionKind::kOffer:
      if (!n.Contains(move.Offered())) {
        Push(n, r.trace, round_, p, ActionKind::kOffer, std::nullopt);
        r.violation = "offered an outcome outside the outcome space";
        EndWithoutDeal(n, r, Ending::kViolation, p);
        return;
      }
      Push(n, r.trace, round_, p, ActionKind::kOffer,
           move.offer_ref != nullptr ? Copy(*move.offer_ref) : std::move(move.offer));
      table_at_ = r.trace.size() - 1;
      table_by_ = p;
      acceptances_ = 0;
      break;
  }
  done_ = false;
  if (++party_ < n.PartyCount()) return;
  party_ = 0;
  if (++round_ >= n.options().rounds) {
    EndAtDeadline();
    return;
  }
  r.rounds_used = round_ + 1;
}

NegotiationResult RunNegotiation(const Negotiation& negotiation,
                                 const std::vector<std::unique_ptr<Strategy>>& strategies,
                                 TraceStorage* storage) {
  if (strategies.size() != negotiation.PartyCount()) {
    throw Error(ErrorCode::kUsage, "one strategy per party is needed");
  }
  for (std::size_t p = 0; p < strategies.size(); ++p) {
    strategies[p]->Start(negotiation, p, negotiation.PartySeed(p));
  }
  NegotiationRun run(negotiation, storage);
  while (!run.Done()) run.Play(strategies[run.ToMove()]->Respond(run.CurrentTurn()));
  return run.TakeResult();
}

}  // namespace parley::sim
