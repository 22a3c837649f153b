#include "parley/sim/protocol.h"

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

// A trace entry with every party's utility and value of `outcome`.
TraceEntry Entry(const Negotiation& n, std::uint64_t round, std::size_t party, ActionKind action,
                 const std::optional<Outcome>& outcome) {
  TraceEntry e{round, party, action, outcome, {}, {}};
  if (!outcome) return e;
  for (std::size_t p = 0; p < n.PartyCount(); ++p) {
    e.utility.push_back(n.Valuation(p).Utility(*outcome));
    e.value.push_back(n.Valuation(p).Value(*outcome));
  }
  return e;
}

void EndWithoutDeal(const Negotiation& n, NegotiationResult& r, Ending ending, std::size_t by) {
  r.ending = ending;
  r.ended_by = by;
  for (std::size_t p = 0; p < n.PartyCount(); ++p) r.utility.push_back(n.ReservationUtility(p));
}

// The table and who has accepted it.
struct Table {
  std::optional<Outcome> offer;
  std::size_t by = 0;
  std::size_t acceptances = 0;
};

// Plays one turn; returns true when the negotiation ended.
bool PlayTurn(const Negotiation& n, Strategy& s, std::size_t p, std::uint64_t round, Table& table,
              NegotiationResult& r) {
  Turn turn{round, n.Time(round), table.offer ? &*table.offer : nullptr, table.by, &r.trace};
  Response move = s.Respond(turn);
  switch (move.action) {
    case ActionKind::kWalk:
      r.trace.push_back(Entry(n, round, p, ActionKind::kWalk, std::nullopt));
      EndWithoutDeal(n, r, Ending::kWalkAway, p);
      return true;
    case ActionKind::kAccept:
      if (!table.offer) {
        r.trace.push_back(Entry(n, round, p, ActionKind::kAccept, std::nullopt));
        r.violation = "accepted with nothing on the table";
        EndWithoutDeal(n, r, Ending::kViolation, p);
        return true;
      }
      if (table.by == p) {
        r.trace.push_back(Entry(n, round, p, ActionKind::kAccept, table.offer));
        r.violation = "accepted its own offer";
        EndWithoutDeal(n, r, Ending::kViolation, p);
        return true;
      }
      r.trace.push_back(Entry(n, round, p, ActionKind::kAccept, table.offer));
      if (++table.acceptances + 1 < n.PartyCount()) return false;
      r.ending = Ending::kAgreement;
      r.agreement = true;
      r.ended_by = p;
      r.outcome = table.offer;
      for (std::size_t q = 0; q < n.PartyCount(); ++q) {
        r.utility.push_back(n.Discounted(r.trace.back().utility[q], round));
      }
      r.value = r.trace.back().value;
      return true;
    case ActionKind::kOffer:
      break;
  }
  if (!n.Contains(move.offer)) {
    r.trace.push_back(Entry(n, round, p, ActionKind::kOffer, std::nullopt));
    r.violation = "offered an outcome outside the outcome space";
    EndWithoutDeal(n, r, Ending::kViolation, p);
    return true;
  }
  r.trace.push_back(Entry(n, round, p, ActionKind::kOffer, move.offer));
  table = Table{std::move(move.offer), p, 0};
  return false;
}

}  // namespace

NegotiationResult RunNegotiation(const Negotiation& negotiation,
                                 const std::vector<std::unique_ptr<Strategy>>& strategies) {
  if (strategies.size() != negotiation.PartyCount()) {
    throw Error(ErrorCode::kUsage, "one strategy per party is needed");
  }
  for (std::size_t p = 0; p < strategies.size(); ++p) {
    strategies[p]->Start(negotiation, p, negotiation.PartySeed(p));
  }
  NegotiationResult r;
  Table table;
  for (std::uint64_t round = 0; round < negotiation.options().rounds; ++round) {
    r.rounds_used = round + 1;
    for (std::size_t p = 0; p < strategies.size(); ++p) {
      if (PlayTurn(negotiation, *strategies[p], p, round, table, r)) return r;
    }
  }
  EndWithoutDeal(negotiation, r, Ending::kDeadline, strategies.size() - 1);
  r.ended_by.reset();
  return r;
}

}  // namespace parley::sim
