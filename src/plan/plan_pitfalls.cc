#include <algorithm>
#include <string>
#include <vector>

#include "internal/grid.h"
#include "parley/core/party_valuation.h"
#include "parley/core/text.h"
#include "parley/plan/brief.h"

namespace parley::plan {
namespace {

std::size_t PartyPosition(const Case& c, const std::string& id) {
  for (std::size_t i = 0; i < c.parties.size(); ++i) {
    if (c.parties[i].id == id) return i;
  }
  return 0;
}

}  // namespace

std::vector<power::Pitfall> FindPlanPitfalls(const Case& c, const Brief& b) {
  std::vector<power::Pitfall> out;
  const bool money = StatesMoney(c, b.us);
  auto amount = [money](double x) { return text::Amount(x, money); };
  const std::string us_name = PartyName(c, b.us), them_name = PartyName(c, b.them);

  if (b.anchor && b.anchor->evidence.empty()) {
    out.push_back({power::PitfallId::kAnchorWithoutEvidence,
                   b.us,
                   "The opening (worth " + amount(b.anchor->our_value) +
                       " to us) has no benchmark, cost, precedent or legal standard behind it, "
                       "and our floors and BATNA cite none: an anchor without evidence invites "
                       "a counter-anchor. Add evidence of kind benchmark, cost, precedent or "
                       "legal and cite it when you open.",
                   {{"evidence"}}});
  }

  for (const ConcessionReview& e : b.concessions.entries) {
    if (!e.one_way) continue;
    const bool giver_money = StatesMoney(c, e.giver);
    out.push_back(
        {power::PitfallId::kOneWayConcession,
         e.giver,
         PartyName(c, e.giver) + "'s concession '" + e.item + "' gave " +
             text::Amount(e.given, giver_money) + " (worth " +
             text::Amount(e.receiver_gain, StatesMoney(c, e.receiver)) + " to " +
             PartyName(c, e.receiver) +
             ") and asked nothing in return. Pair every concession with a get or a condition.",
         {{"concessions", e.index, "get"}}});
  }

  if (c.relationship == Relationship::kRepeated && b.anchor && b.even_split_value) {
    const double gain = b.anchor->our_value - *b.even_split_value;
    const double per_deal = *b.even_split_value - b.anchor->walk_away;
    const double stake = static_cast<double>(b.options.future_deals) * per_deal;
    if (gain > 0 && per_deal > 0 && gain < b.options.repeated_gain_share * stake) {
      const std::size_t n = b.options.future_deals;
      out.push_back(
          {power::PitfallId::kHardPowerInRepeatedRelationship,
           b.us,
           "The relationship with " + them_name + " is repeated. Pressing for the anchor (" +
               amount(b.anchor->our_value) + ") rather than an even split (" +
               amount(*b.even_split_value) + ") gains " + amount(gain) + ", less than " +
               text::Percent(b.options.repeated_gain_share) + " of the " + amount(stake) +
               " of surplus that " +
               (n == 1 ? "one more deal" : std::to_string(n) + " more deals") +
               " like this one would bring us" +
               (n == 1 ? "" : " (" + amount(per_deal) + " each)") +
               ", the trust at stake. Claim with standards and evidence, not threats; state "
               "deadlines and alternatives as facts, never as ultimatums.",
           {{"relationship"}}});
    }
  }

  if (c.culture == Culture::kIndirect) {
    const Stakeholder* who = internal::DecisionMaker(c, b.them);
    const std::string decider = who != nullptr ? internal::StakeholderName(*who) : "";
    out.push_back({power::PitfallId::kFaceThreat,
                   b.them,
                   them_name +
                       " works in an indirect, high power-distance culture, where pressure in "
                       "front of others reads as humiliation. Preview the anchor and the "
                       "packages privately" +
                       (decider.empty() ? "" : " with " + decider) +
                       " before any group meeting, let " + them_name +
                       " present movement as its own win, and never reject an offer or cite "
                       "our alternative in front of its team.",
                   {{"culture"}}});
  }

  if (b.power.leverage && b.weight_without_deadlines) {
    const power::PartyLeverage* mine = b.power.leverage->Find(b.us);
    const double drop = mine != nullptr ? mine->weight - *b.weight_without_deadlines : 0;
    std::string unbacked;
    if (b.concession_plan && !b.concession_plan->close_party.empty()) {
      const Party* p = c.FindParty(b.concession_plan->close_party);
      if (p != nullptr && p->deadline && p->deadline->evidence.empty()) {
        unbacked = p->DisplayName() + "'s deadline of " + p->deadline->date;
      }
    }
    if (drop >= b.options.deadline_weight_share || !unbacked.empty()) {
      std::string message;
      if (drop >= b.options.deadline_weight_share) {
        message = "Deadlines carry " + text::Fixed(100 * drop, 1) +
                  " points of our bargaining weight (" + text::Percent(mine->weight) +
                  " with them, " + text::Percent(*b.weight_without_deadlines) +
                  " without). Verify the dates and make sure the plan still works if one "
                  "moves.";
      }
      if (!unbacked.empty()) {
        message += std::string(message.empty() ? "" : " ") + "The pacing rests on " + unbacked +
                   ", which no evidence backs: confirm it before relying on it.";
      }
      const std::string& whose = unbacked.empty() ? b.us : b.concession_plan->close_party;
      out.push_back({power::PitfallId::kDeadlineReliance,
                     whose,
                     message,
                     {{"parties", PartyPosition(c, whose), "deadline"}}});
    }
  }
  return out;
}

}  // namespace parley::plan
