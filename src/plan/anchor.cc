#include "parley/plan/anchor.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "internal/grid.h"
#include "parley/core/error.h"
#include "parley/core/evidence_audience.h"
#include "parley/core/package.h"
#include "parley/core/party_valuation.h"
#include "parley/core/text.h"

namespace parley::plan {
namespace {

bool Citable(EvidenceKind kind) {
  switch (kind) {
    case EvidenceKind::kBenchmark:
    case EvidenceKind::kCost:
    case EvidenceKind::kPrecedent:
    case EvidenceKind::kLegal:
      return true;
    default:
      return false;
  }
}

// The evidence `us` may cite for its anchor (MayCite: shown to them, supporting only us): the
// benchmarks, costs, precedents and legal standards, then our floors' shareable support. Our
// BATNA is never cited.
std::vector<std::string> CitableEvidence(const Case& c, const std::string& us) {
  std::vector<std::string> out;
  auto add = [&](const std::string& id) {
    const Evidence* e = c.FindEvidence(id);
    if (e == nullptr || !MayCite(c, *e, us)) return;
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  };
  for (const Evidence& e : c.evidence) {
    if (Citable(e.kind)) add(e.id);
  }
  for (const Floor& f : c.floors) {
    if (f.party != us) continue;
    for (const std::string& id : f.evidence) add(id);
  }
  return out;
}

}  // namespace

Anchor PlanAnchor(const Case& c, const analysis::Frontier& frontier, const std::string& us,
                  const std::string& them, const std::optional<Outcome>& predicted) {
  internal::FrontierPartyIndex(frontier, us);  // both parties must state values
  internal::FrontierPartyIndex(frontier, them);
  const PartyValuation mine(c, us), theirs(c, them);
  const internal::ThirdParties others(c, us, them);
  const auto [their_low, their_high] = theirs.ReservationRange();
  constexpr double kEps = 1e-9;

  // The best frontier point for us whose value to them reaches `threshold` and, when `all`,
  // that every third party accepts.
  auto best_for_us = [&](double threshold, bool all = true) -> std::optional<std::size_t> {
    std::optional<std::size_t> best;
    double best_value = -std::numeric_limits<double>::infinity();
    for (std::size_t p = 0; p < frontier.points.size(); ++p) {
      const Outcome& o = frontier.points[p].outcome;
      if (theirs.Value(o) < threshold - kEps || (all && !others.Accept(o))) continue;
      const double v = mine.Value(o);
      if (v > best_value) {
        best_value = v;
        best = p;
      }
    }
    return best;
  };
  std::optional<std::size_t> ambitious = best_for_us(their_low);
  if (!ambitious) ambitious = best_for_us(-std::numeric_limits<double>::infinity());
  if (!ambitious) ambitious = best_for_us(-std::numeric_limits<double>::infinity(), false);
  const std::optional<std::size_t> safe = best_for_us(their_high);

  Anchor a;
  a.outcome = frontier.points[*ambitious].outcome;
  a.our_value = mine.Value(a.outcome);
  a.their_value = theirs.Value(a.outcome);
  a.credible_high = a.our_value;
  a.credible_low = safe ? mine.Value(frontier.points[*safe].outcome) : mine.ReservationValue();
  if (safe) a.credible_low_outcome = frontier.points[*safe].outcome;
  a.walk_away = mine.ReservationValue();
  a.predicted_value = predicted ? mine.Value(*predicted) : a.walk_away;
  a.room_to_prediction = a.our_value - a.predicted_value;
  a.room_to_walk_away = a.predicted_value - a.walk_away;

  a.evidence = CitableEvidence(c, us);

  const bool money = mine.form() == ValueForm::kMoney;
  const std::string terms = text::OutcomeText(c, a.outcome);
  const Party* other_party = c.FindParty(them);
  const std::string who = other_party != nullptr ? other_party->DisplayName() : them;
  const bool their_money = theirs.form() == ValueForm::kMoney;
  a.rationale = "Open with " + terms + ": " + text::WorthTo(a.our_value, "us", money) + " and " +
                text::WorthTo(a.their_value, who, their_money) + ", which still beats " +
                text::Possessive(who) + " alternative at the weak end of its range. " +
                (a.evidence.empty()
                     ? "No benchmark, cost or precedent backs it yet: find one before the meeting."
                     : "Cite the evidence: " +
                           [&] {
                             std::string list;
                             for (const std::string& id : a.evidence) {
                               list += (list.empty() ? "" : ", ") + id;
                             }
                             return list;
                           }() +
                           ".");
  return a;
}

}  // namespace parley::plan
