#include "parley/plan/plan_pitfalls.h"

#include <algorithm>
#include <string>
#include <vector>

#include "internal/grid.h"
#include "parley/core/party_valuation.h"
#include "parley/core/text.h"
#include "parley/plan/verdict.h"

namespace parley::plan {
namespace {

using power::Pitfall;
using power::PitfallId;

std::size_t PartyPosition(const Case& c, const std::string& id) {
  for (std::size_t i = 0; i < c.parties.size(); ++i) {
    if (c.parties[i].id == id) return i;
  }
  return 0;
}

// An amount of our value, as money when our side states money.
std::string OurAmount(const PlanInputs& in, double x) {
  return text::Amount(x, StatesMoney(*in.c, in.us));
}

// ---- the rules, one function each -----------------------------------------------------------

std::vector<Pitfall> AnchorWithoutEvidence(const PlanInputs& in) {
  if (in.anchor == nullptr || !in.anchor->evidence.empty()) return {};
  return {{PitfallId::kAnchorWithoutEvidence,
           in.us,
           "The opening has no benchmark, cost, precedent or legal standard behind it that we "
           "may cite (never our BATNA's or our floors' evidence, nor a claim whose figures "
           "argue their side): an anchor without evidence invites a counter-anchor. Add "
           "evidence of kind benchmark, cost, precedent or legal and cite it when you open.",
           {{"evidence"}}}};
}

std::vector<Pitfall> OneWayConcessions(const PlanInputs& in) {
  const Case& c = *in.c;
  std::vector<Pitfall> out;
  for (const ConcessionReview& e : in.concessions) {
    if (!e.one_way) continue;
    out.push_back(
        {PitfallId::kOneWayConcession,
         e.giver,
         PartyName(c, e.giver) + "'s concession '" + e.item + "' gave " +
             text::Amount(e.given, StatesMoney(c, e.giver)) + " (worth " +
             text::Amount(e.receiver_gain, StatesMoney(c, e.receiver)) + " to " +
             PartyName(c, e.receiver) +
             ") and asked nothing in return. Pair every concession with a get or a condition.",
         {{"concessions", e.index, "get"}}});
  }
  return out;
}

// The message of hard-power-in-repeated-relationship: what the anchor gains over the equal-power
// deal, next to the surplus of the future deals at stake.
std::string HardPowerMessage(const PlanInputs& in, double gain, double per_deal, double stake) {
  const std::optional<Horizon>& h = in.c->horizon;
  const std::size_t n = h ? h->deals : in.options->future_deals;
  auto amount = [&in](double x) { return OurAmount(in, x); };
  auto figure = [&in](double x) { return text::CostOrValue(x, StatesMoney(*in.c, in.us)); };
  const std::string deals = n == 1 ? "one more deal" : std::to_string(n) + " more deals";
  const std::string measure =
      h ? "less than the " + amount(stake) + " of surplus that " + deals +
              (h->likelihood < 1 ? ", each " + text::Percent(h->likelihood) + " likely," : "") +
              " like this one would bring us (" + amount(per_deal) + " each)"
        : "less than " + text::Percent(in.options->repeated_gain_share) + " of the " +
              amount(stake) + " of surplus that " + deals + " like this one would bring us" +
              (n == 1 ? "" : " (" + amount(per_deal) + " each)") +
              " (assumed: the case states no horizon)";
  return "The relationship with " + PartyName(*in.c, in.them) +
         " is repeated. Pressing for the anchor (" + figure(in.anchor->our_value) +
         ") rather than the equal-power deal (" + figure(*in.even_split_value) + ") gains " +
         amount(gain) + ", " + measure +
         ", the trust at stake. Claim with standards and evidence, not threats; state "
         "deadlines and alternatives as facts, never as ultimatums.";
}

std::vector<Pitfall> HardPowerInRepeatedRelationship(const PlanInputs& in) {
  if (in.c->relationship != Relationship::kRepeated || in.anchor == nullptr ||
      !in.even_split_value) {
    return {};
  }
  const double gain = in.anchor->our_value - *in.even_split_value;
  const double per_deal = *in.even_split_value - in.anchor->walk_away;
  const double stake = FutureDealWeight(*in.c, *in.options) * per_deal;
  // A stated horizon is weighed exactly (the finite-horizon break-even G < L Σ pᵗ); an assumed
  // one with the margin repeated_gain_share.
  const double share = in.c->horizon ? 1.0 : in.options->repeated_gain_share;
  if (!(gain > 0 && per_deal > 0 && gain < share * stake)) return {};
  return {{PitfallId::kHardPowerInRepeatedRelationship,
           in.us,
           HardPowerMessage(in, gain, per_deal, stake),
           {{"relationship"}}}};
}

std::vector<Pitfall> FaceThreat(const PlanInputs& in) {
  const Case& c = *in.c;
  if (c.culture != Culture::kIndirect) return {};
  const std::string them_name = PartyName(c, in.them);
  const std::string decider = in.people != nullptr ? PreviewNames(*in.people) : "";
  return {{PitfallId::kFaceThreat,
           in.them,
           them_name +
               " works in an indirect, high power-distance culture, where pressure in "
               "front of others reads as humiliation. Preview the anchor and the "
               "packages privately" +
               (decider.empty() ? "" : " with " + decider) + " before any group meeting, let " +
               them_name +
               " present movement as its own win, and never reject an offer or cite "
               "our alternative in front of its team.",
           {{"culture"}}}};
}

// "X's deadline of DATE" when the concession plan paces towards a deadline no evidence backs.
std::string UnbackedCloseDeadline(const PlanInputs& in) {
  const ConcessionPlan* plan = in.concession_plan;
  if (plan == nullptr || plan->close_party.empty() || plan->close_backed) return "";
  return plan->close_what + " of " + plan->close_date;
}

std::vector<Pitfall> DeadlineReliance(const PlanInputs& in) {
  if (in.leverage == nullptr || !in.weight_without_deadlines) return {};
  const power::PartyLeverage* mine = in.leverage->Find(in.us);
  const double drop = mine != nullptr ? mine->weight - *in.weight_without_deadlines : 0;
  const std::string unbacked = UnbackedCloseDeadline(in);
  const bool heavy = drop >= in.options->deadline_weight_share;
  if (!heavy && unbacked.empty()) return {};
  std::string message;
  if (heavy) {
    message = "Deadlines carry " + text::Fixed(100 * drop, 1) +
              " points of our bargaining weight (" + text::Percent(mine->weight) + " with them, " +
              text::Percent(*in.weight_without_deadlines) +
              " without). Verify the dates and make sure the plan still works if one moves.";
  }
  if (!unbacked.empty()) {
    message += std::string(message.empty() ? "" : " ") + "The pacing rests on " + unbacked +
               ", which no evidence backs: confirm it before relying on it.";
  }
  const std::string& whose = unbacked.empty() ? in.us : in.concession_plan->close_party;
  return {{PitfallId::kDeadlineReliance,
           whose,
           message,
           {{"parties", PartyPosition(*in.c, whose), "deadline"}}}};
}

}  // namespace

const std::vector<PlanPitfallRule>& PlanPitfallRules() {
  using enum PitfallId;
  using enum power::PitfallKind;
  static const std::vector<PlanPitfallRule> kRules{
      {kAnchorWithoutEvidence, kPreparation, "An anchor without evidence", AnchorWithoutEvidence},
      {kOneWayConcession, kPreparation, "A concession that asked nothing in return",
       OneWayConcessions},
      {kHardPowerInRepeatedRelationship, kConduct,
       "Hard power where the relationship is worth more", HardPowerInRepeatedRelationship},
      {kFaceThreat, kConduct, "Pressure that threatens face", FaceThreat},
      {kDeadlineReliance, kConduct, "Deadlines carrying the plan", DeadlineReliance},
  };
  return kRules;
}

std::vector<power::Pitfall> FindPlanPitfalls(const PlanInputs& in) {
  std::vector<power::Pitfall> out;
  for (const PlanPitfallRule& rule : PlanPitfallRules()) {
    for (power::Pitfall& p : rule.find(in)) out.push_back(std::move(p));
  }
  return out;
}

power::PitfallKind PitfallKindOf(power::PitfallId id) {
  for (const power::PowerPitfallRule& rule : power::PowerPitfallRules()) {
    if (rule.id == id) return rule.kind;
  }
  for (const PlanPitfallRule& rule : PlanPitfallRules()) {
    if (rule.id == id) return rule.kind;
  }
  return power::PitfallKind::kPreparation;
}

}  // namespace parley::plan
