#include "parley/sim/rehearsal_session.h"

#include <algorithm>

#include "parley/analysis/deal_space.h"
#include "parley/analysis/offer.h"
#include "parley/core/error.h"
#include "parley/core/package.h"
#include "parley/core/text.h"
#include "parley/sim/strategy_registry.h"

namespace parley::sim {

RehearsalSession::RehearsalSession(const Case& c, const plan::Brief& brief,
                                   const SessionOptions& options)
    : c_(&c), brief_(&brief) {
  const StrategyRegistry& registry = BuiltinStrategies();
  if (registry.NeedsBrief(options.them)) {
    throw Error(ErrorCode::kUsage, "--them " + options.them +
                                       ": the counterpart cannot play our brief; choose another "
                                       "strategy");
  }
  NegotiationOptions n;
  n.rounds = options.rounds;
  n.seed = options.seed;
  negotiation_ = std::make_unique<Negotiation>(c, n);
  reported_ = std::make_unique<ReportedUtility>(*negotiation_);
  players_.resize(negotiation_->PartyCount());
  for (std::size_t p = 1; p < players_.size(); ++p) {
    players_[p] = registry.Build(options.them, {&c, &brief});
    players_[p]->Start(*negotiation_, p, negotiation_->PartySeed(p));
  }
  run_ = std::make_unique<NegotiationRun>(*negotiation_);
  try {
    frontier_ = analysis::ComputeDealFrontier(c);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::kLimit) throw;
  }
  const NextMove opening = AdviseNext(Position(), brief);
  walk_away_ = opening.walk_away;
  target_ = opening.target;
  money_ = opening.money;
  decimals_ = money_ ? text::MoneyDecimals(c) : 0;
}

RehearsalSession::~RehearsalSession() = default;

Case RehearsalSession::Position() const {
  Case c = *c_;
  c.rounds.clear();
  for (const TraceEntry& e : Result().trace) {
    if (e.action != ActionKind::kOffer || !e.outcome) continue;
    Round r;
    r.by = negotiation_->PartyId(e.party);
    r.offer = OutcomeToPackage(*c_, *e.outcome);
    c.rounds.push_back(std::move(r));
  }
  return c;
}

NextMove RehearsalSession::Plan() const { return AdviseNext(Position(), *brief_); }

// What the coach needs to know of our move, from the position before it.
CoachMove RehearsalSession::Describe(const Response& ours) const {
  CoachMove m;
  m.action = ours.action;
  m.walk_away = walk_away_;
  m.money = money_;
  m.decimals = decimals_;
  for (const TraceEntry& e : Result().trace) {
    if (e.action != ActionKind::kOffer || !e.outcome) continue;
    (e.party == Negotiation::kUs ? m.our_offers : m.their_offers)
        .push_back(negotiation_->Valuation(0).Value(*e.outcome));
  }
  const Turn turn = CurrentTurn();
  const Outcome* outcome = ours.action == ActionKind::kOffer    ? &ours.offer
                           : ours.action == ActionKind::kAccept ? turn.table
                                                                : nullptr;
  if (outcome == nullptr || !negotiation_->Contains(*outcome)) return m;
  m.value = negotiation_->Valuation(0).Value(*outcome);
  if (negotiation_->PartyCount() > 1) m.their_value = negotiation_->Valuation(1).Value(*outcome);
  m.plan_next = Plan().next_value;
  if (!frontier_) return m;
  const analysis::OfferScore score = analysis::ScoreOffer(*c_, *frontier_, *outcome);
  for (std::size_t p = 0; p < score.parties.size(); ++p) {
    if (score.parties[p].party != negotiation_->PartyId(0)) continue;
    for (const std::string& f : score.parties[p].floors_broken) {
      m.floor_broken += (m.floor_broken.empty() ? "" : "; ") + f;
    }
  }
  if (ours.action == ActionKind::kAccept && !score.best.empty() && score.best_min_gain > 1e-9) {
    const analysis::OfferImprovement& b = score.best.front();
    const auto& parties = frontier_->parties;
    const auto index = [&](std::size_t p) {
      return static_cast<std::size_t>(
          std::find(parties.begin(), parties.end(), negotiation_->PartyId(p)) - parties.begin());
    };
    const std::size_t us = index(0), them = index(1);
    if (us < parties.size() && them < parties.size()) m.better = {{b.value[us], b.value[them]}};
  }
  return m;
}

void RehearsalSession::LetThemMove() {
  while (!run_->Done() && run_->ToMove() != Negotiation::kUs) {
    run_->Play(players_[run_->ToMove()]->Respond(run_->CurrentTurn()));
  }
}

std::vector<CoachComment> RehearsalSession::Play(Response ours) {
  if (Done()) return {};
  std::vector<CoachComment> comments = CoachComments(Describe(ours));
  comments_.push_back(comments);
  run_->Play(std::move(ours));
  LetThemMove();
  return comments;
}

void RehearsalSession::Stop() {
  if (Done()) return;
  stopped_ = true;
  run_->Stop();
}

CoachSummary RehearsalSession::Summary() const {
  const NegotiationResult& r = Result();
  std::optional<double> deal;
  if (r.agreement && r.outcome) deal = negotiation_->Valuation(0).Value(*r.outcome);
  return SummarizeCoaching(comments_, deal, target_, walk_away_, money_, decimals_);
}

}  // namespace parley::sim
