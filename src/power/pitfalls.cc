#include "parley/power/pitfalls.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "internal/text.h"
#include "parley/core/party_valuation.h"
#include "parley/core/text.h"

namespace parley::power {
namespace {

using internal::Fixed;
using internal::Percent;

std::size_t IndexOf(const Case& c, const std::string& party) {
  for (std::size_t i = 0; i < c.parties.size(); ++i) {
    if (c.parties[i].id == party) return i;
  }
  return 0;
}

CasePath ClaimPath(const Case& c, const Claim& claim) {
  const std::size_t i = IndexOf(c, claim.party);
  switch (claim.kind) {
    case ClaimKind::kPowerScore:
      return {"parties", i, "power", claim.subject.substr(claim.subject.find('.') + 1)};
    case ClaimKind::kBatna:
      return {"parties", i, "batna"};
    case ClaimKind::kDeadline:
      return {"parties", i, "deadline"};
    case ClaimKind::kFloor:
      return {"floors", claim.party, claim.subject.substr(claim.subject.find('.') + 1)};
    case ClaimKind::kDateSet:
      return {
          "parties", i, "sets",
          static_cast<std::size_t>(std::stoul(claim.subject.substr(claim.subject.find('.') + 1)))};
  }
  return {"parties", i};
}

std::string ClaimText(const Case& c, const Claim& claim) {
  const Party* p = c.FindParty(claim.party);
  const std::string who = p != nullptr ? p->DisplayName() : claim.party;
  switch (claim.kind) {
    case ClaimKind::kPowerScore: {
      const std::string source = claim.subject.substr(claim.subject.find('.') + 1);
      double score = 0;
      for (int s = 0; s < kPowerSourceCount; ++s) {
        if (PowerSourceNames()[s] == source && p != nullptr && p->power[s]) {
          score = p->power[s]->score;
        }
      }
      return text::Possessive(who) + " " + source + " power score (" + FormatNumber(score) + ")";
    }
    case ClaimKind::kBatna:
      return text::Possessive(who) + " BATNA";
    case ClaimKind::kDeadline:
      return text::Possessive(who) + " deadline";
    case ClaimKind::kFloor:
      return text::Possessive(who) + " floor on " +
             claim.subject.substr(claim.subject.find('.') + 1);
    case ClaimKind::kDateSet: {
      const std::size_t k = std::stoul(claim.subject.substr(claim.subject.find('.') + 1));
      const ImposedDate& d = p->sets[k];
      return "the date " + who + " sets for " + PartyName(c, d.for_party) + " (" + d.date + ")";
    }
  }
  return who;
}

// Each issue's share of a party's value range: (max - min contribution) / sum over issues.
// Number grids of more than 10^5 points are read at 1,001 evenly spaced points.
std::vector<double> IssueRangeShares(const Case& c, const PartyValuation& v) {
  std::vector<double> ranges;
  double total = 0;
  for (std::size_t k = 0; k < c.issues.size(); ++k) {
    const std::uint64_t count = c.issues[k].ValueCount();
    double lo = 0, hi = 0;
    bool first = true;
    auto visit = [&](std::uint64_t index) {
      const double x = v.IssueContribution(k, index);
      lo = first ? x : std::min(lo, x);
      hi = first ? x : std::max(hi, x);
      first = false;
    };
    if (count <= 100'000) {
      for (std::uint64_t index = 0; index < count; ++index) visit(index);
    } else {
      for (std::uint64_t step = 0; step <= 1000; ++step) visit((count - 1) / 1000 * step);
      visit(count - 1);
    }
    ranges.push_back(hi - lo);
    total += hi - lo;
  }
  for (double& r : ranges) r = total > 0 ? r / total : 0;
  return ranges;
}

// ---- the rules, one function each -----------------------------------------------------------

std::vector<Pitfall> UnsupportedClaims(const PitfallInputs& in, const PowerOptions&) {
  const Case& c = *in.c;
  std::vector<Pitfall> out;
  for (const Claim& claim : in.sources->unsupported) {
    out.push_back({PitfallId::kUnsupportedClaim,
                   claim.party,
                   ClaimText(c, claim) + " has no evidence: a bluff risk. Attach evidence, or "
                                         "treat it as a guess and do not lean on it at the table.",
                   {ClaimPath(c, claim)}});
  }
  return out;
}

std::vector<Pitfall> UnderestimatingPower(const PitfallInputs& in, const PowerOptions&) {
  const Case& c = *in.c;
  const std::size_t me = IndexOf(c, in.perspective);
  const Party& us = c.parties[me];
  const PartyPerception& mine = in.perception->parties[me];
  if (mine.verdict != PerceptionVerdict::kUnderestimates) return {};
  std::string shares;
  if (in.perception->felt_share) {
    shares = "; felt share of power " + Percent(*in.perception->felt_share) + ", assessed " +
             Percent(in.perception->assessed_share);
  }
  return {{PitfallId::kUnderestimatingPower,
           us.id,
           us.DisplayName() + " feels " + Fixed(*mine.felt, 1) + " of 5 but the assessment says " +
               Fixed(mine.assessed, 1) + " (" + Fixed(-mine.gap, 1) + " points weaker than it is" +
               shares +
               "). A side that feels weaker asks for less and concedes more: open from "
               "the assessed position.",
           {{"parties", me, "perceived_power"}}}};
}

// Party j appears stronger than the assessment says.
std::optional<Pitfall> AppearsStronger(const PitfallInputs& in, std::size_t j) {
  const Party& them = in.c->parties[j];
  const PartyPerception& theirs = in.perception->parties[j];
  if (theirs.verdict != PerceptionVerdict::kOverestimates) return std::nullopt;
  return Pitfall{PitfallId::kOverestimatingOtherSide,
                 them.id,
                 them.DisplayName() + " appears " + Fixed(*theirs.felt, 1) +
                     " of 5 but the assessment says " + Fixed(theirs.assessed, 1) + " (" +
                     Fixed(theirs.gap, 1) + " points stronger than the evidence shows).",
                 {{"parties", j, "perceived_power"}}};
}

// We credit party j with at least two points of power above neutral that no evidence backs.
std::optional<Pitfall> CreditedWithoutEvidence(const PitfallInputs& in, const PowerOptions& options,
                                               std::size_t j) {
  const Party& them = in.c->parties[j];
  double unbacked = 0;
  std::vector<CasePath> fields;
  for (const SourceScore& s : in.sources->power[j].sources) {
    if (s.confidence != Confidence::kAsserted) continue;
    const double excess = s.score - options.unscored_score;
    if (excess <= 0) continue;
    unbacked += excess;
    fields.push_back({"parties", j, "power", PowerSourceName(s.source)});
  }
  if (unbacked < 2) return std::nullopt;
  return Pitfall{PitfallId::kOverestimatingOtherSide, them.id,
                 "We credit " + them.DisplayName() + " with " + Fixed(unbacked, 1) +
                     " points of power above the neutral " + FormatNumber(options.unscored_score) +
                     " that no evidence backs. Test those scores before conceding to them.",
                 fields};
}

std::vector<Pitfall> OverestimatingOtherSide(const PitfallInputs& in, const PowerOptions& options) {
  const std::size_t me = IndexOf(*in.c, in.perspective);
  std::vector<Pitfall> out;
  for (std::size_t j = 0; j < in.c->parties.size(); ++j) {
    if (j == me) continue;
    if (std::optional<Pitfall> p = AppearsStronger(in, j)) out.push_back(std::move(*p));
    if (std::optional<Pitfall> p = CreditedWithoutEvidence(in, options, j)) {
      out.push_back(std::move(*p));
    }
  }
  return out;
}

std::vector<Pitfall> OverReliance(const PitfallInputs& in, const PowerOptions&) {
  const Case& c = *in.c;
  std::vector<Pitfall> out;
  for (std::size_t j = 0; j < c.parties.size(); ++j) {
    double total = 0, top = 0;
    int top_source = -1;
    for (int s = 0; s < kPowerSourceCount; ++s) {
      if (!c.parties[j].power[s]) continue;
      const double score = c.parties[j].power[s]->score;
      total += score;
      if (score > top) {
        top = score;
        top_source = s;
      }
    }
    if (total > 0 && top > 0.5 * total) {
      out.push_back({PitfallId::kOverReliance,
                     c.parties[j].id,
                     text::Possessive(c.parties[j].DisplayName()) + " power rests on one source: " +
                         PowerSourceNames()[top_source] + " carries " + Percent(top / total) +
                         " of its scored power (" + FormatNumber(top) + " of " +
                         FormatNumber(total) + " points). If that source fails, little is left.",
                     {{"parties", j, "power", PowerSourceNames()[top_source]}}});
    }
  }
  return out;
}

std::vector<Pitfall> IgnoringPersonalPower(const PitfallInputs& in, const PowerOptions&) {
  const std::size_t me = IndexOf(*in.c, in.perspective);
  const Party& us = in.c->parties[me];
  const auto& personal = us.Power(PowerSource::kPersonal);
  if (personal && !(personal->score < 2)) return {};
  return {{PitfallId::kIgnoringPersonalPower,
           us.id,
           personal
               ? us.DisplayName() + " scores its personal power " + FormatNumber(personal->score) +
                     " of 5: composure, credibility and listening are power too. Plan who "
                     "negotiates and how they hold the line."
               : us.DisplayName() + " has not assessed its personal power (composure, "
                                    "credibility, tenacity, listening). Score it: it is the "
                                    "source negotiators most often overlook.",
           {{"parties", me, "power", "personal"}}}};
}

// The unprepared rule's parts about our own side: no BATNA, no floors, no evidence at all.
void UnpreparedOurSide(const Case& c, std::size_t me, std::vector<Pitfall>& out) {
  const Party& us = c.parties[me];
  if (!us.batna) {
    out.push_back({PitfallId::kUnprepared,
                   us.id,
                   us.DisplayName() + " has no BATNA: without a walk-away value no deal can be "
                                      "judged. Write down the best alternative and what it is "
                                      "worth.",
                   {{"parties", me, "batna"}}});
  }
  const bool has_floor = std::any_of(c.floors.begin(), c.floors.end(),
                                     [&](const Floor& f) { return f.party == us.id; });
  if (!has_floor) {
    out.push_back({PitfallId::kUnprepared,
                   us.id,
                   us.DisplayName() + " has set no floors: decide before the meeting which "
                                      "terms it will not cross.",
                   {{"floors"}}});
  }
  if (c.evidence.empty()) {
    out.push_back({PitfallId::kUnprepared,
                   us.id,
                   "The case holds no evidence: every power score, BATNA and floor is an "
                   "assertion. Build the evidence pack (benchmarks, costs, capacity, precedents).",
                   {{"evidence"}}});
  }
}

std::vector<Pitfall> Unprepared(const PitfallInputs& in, const PowerOptions&) {
  const Case& c = *in.c;
  const std::size_t me = IndexOf(c, in.perspective);
  const Party& us = c.parties[me];
  std::vector<Pitfall> out;
  UnpreparedOurSide(c, me, out);
  for (std::size_t j = 0; j < c.parties.size(); ++j) {
    const Party& them = c.parties[j];
    if (j == me) continue;
    const bool scored = std::any_of(them.power.begin(), them.power.end(),
                                    [](const auto& s) { return s.has_value(); });
    if (!them.batna && !scored && c.FindValues(them.id) == nullptr) {
      out.push_back({PitfallId::kUnprepared,
                     us.id,
                     "Nothing is known about " + them.DisplayName() +
                         ": no BATNA, no power scores, no values. Research its alternatives and "
                         "interests before the meeting.",
                     {{"parties", j}}});
    }
  }
  return out;
}

// One issue carries almost all of the value range, on average over the parties.
std::vector<Pitfall> PriceOnly(const PitfallInputs& in, const PowerOptions& options) {
  const Case& c = *in.c;
  if (in.leverage == nullptr || c.issues.empty()) return {};
  std::vector<double> joint(c.issues.size(), 0.0);
  std::size_t parties = 0;
  for (const PartyLeverage& p : in.leverage->parties) {
    const PartyValuation v(c, p.party);
    if (!v.IsAdditive()) continue;
    const std::vector<double> shares = IssueRangeShares(c, v);
    for (std::size_t k = 0; k < shares.size(); ++k) joint[k] += shares[k];
    ++parties;
  }
  if (parties == 0) return {};
  const auto top = std::max_element(joint.begin(), joint.end()) - joint.begin();
  const double share = joint[top] / static_cast<double>(parties);
  if (share < options.price_only_share) return {};
  return {{PitfallId::kPriceOnly,
           "",
           c.issues[top].DisplayName() + " carries " + Percent(share) +
               " of what the negotiation can move: a one-issue haggle, where one "
               "side's gain is the other's loss. Add issues that are cheap for one "
               "side and dear to the other (term, payment, scope, service).",
           {{"issues", static_cast<std::size_t>(top)}}}};
}

std::vector<Pitfall> NoZopa(const PitfallInputs& in, const PowerOptions&) {
  if (!in.floors_blocked.empty()) {
    return {{PitfallId::kNoZopa,
             "",
             "The floors leave no possible deal: " + in.floors_blocked +
                 ". Some party must move a floor, or the negotiation has no ZOPA.",
             {{"floors"}}}};
  }
  if (in.prediction == nullptr || in.prediction->deal) return {};
  std::string odds;
  if (in.prediction->samples > 0) {
    odds = " Over the uncertain BATNAs, a deal exists in " +
           Percent(in.prediction->zopa_probability) + " of draws.";
  }
  return {{PitfallId::kNoZopa,
           "",
           "No deal is acceptable to every party at the point estimate: there is no "
           "ZOPA, so Parley predicts no agreement." +
               odds + " Improve an alternative, or add issues that create value.",
           {{"parties"}}}};
}

// A deadline or a date set for another side that is before the analysis date: stale data, or
// the wrong analysis date. A passed deadline still counts as due now; a passed date set for
// another side no longer counts.
std::vector<Pitfall> DatePassed(const PitfallInputs& in, const PowerOptions& options) {
  const Case& c = *in.c;
  const std::optional<long> today = DayNumber(options.today);
  if (!today) return {};
  std::vector<Pitfall> out;
  auto days_before = [&](const std::string& date) -> std::optional<long> {
    const std::optional<long> due = DayNumber(date);
    if (!due || *due >= *today) return std::nullopt;
    return *today - *due;
  };
  auto ago = [](long days) { return std::to_string(days) + (days == 1 ? " day" : " days"); };
  for (std::size_t i = 0; i < c.parties.size(); ++i) {
    const Party& p = c.parties[i];
    if (p.deadline) {
      if (const auto days = days_before(p.deadline->date)) {
        out.push_back({PitfallId::kDatePassed,
                       p.id,
                       text::Possessive(p.DisplayName()) + " deadline " + p.deadline->date +
                           " passed " + ago(*days) + " before the analysis date " + options.today +
                           ": it is counted as due now. Update it, or set the analysis date "
                           "(--today).",
                       {{"parties", i, "deadline", "date"}}});
      }
    }
    for (std::size_t k = 0; k < p.sets.size(); ++k) {
      if (const auto days = days_before(p.sets[k].date)) {
        out.push_back({PitfallId::kDatePassed,
                       p.id,
                       "The date " + p.DisplayName() + " set for " +
                           PartyName(c, p.sets[k].for_party) + ", " + p.sets[k].date + ", passed " +
                           ago(*days) + " before the analysis date " + options.today +
                           ": it puts no pressure on them any more. Set a new date, or drop it.",
                       {{"parties", i, "sets", k, "date"}}});
      }
    }
  }
  return out;
}

// The names of the pitfalls, indexed by PitfallId.
constexpr std::array<const char*, kPitfallIdCount> kPitfallNames{
    "unsupported-claim",
    "underestimating-power",
    "overestimating-other-side",
    "over-reliance",
    "ignoring-personal-power",
    "unprepared",
    "price-only",
    "no-zopa",
    "anchor-without-evidence",
    "one-way-concession",
    "hard-power-in-repeated-relationship",
    "face-threat",
    "deadline-reliance",
    "date-passed",
};

}  // namespace

const std::vector<PitfallId>& AllPitfallIds() {
  static const std::vector<PitfallId> kIds = [] {
    std::vector<PitfallId> all;
    for (int k = 0; k < kPitfallIdCount; ++k) all.push_back(static_cast<PitfallId>(k));
    return all;
  }();
  return kIds;
}

const char* PitfallName(PitfallId id) {
  const auto k = static_cast<std::size_t>(id);
  return k < kPitfallNames.size() ? kPitfallNames[k] : "unknown";
}

std::optional<PitfallId> PitfallIdFromName(std::string_view name) {
  for (const PitfallId id : AllPitfallIds()) {
    if (name == PitfallName(id)) return id;
  }
  return std::nullopt;
}

const std::vector<PowerPitfallRule>& PowerPitfallRules() {
  using enum PitfallId;
  using enum PitfallKind;
  static const std::vector<PowerPitfallRule> kRules{
      {kUnsupportedClaim, kConduct, "A claim without evidence", UnsupportedClaims},
      {kUnderestimatingPower, kPreparation, "We feel weaker than we are", UnderestimatingPower},
      {kOverestimatingOtherSide, kPreparation, "The other side seems stronger than it is",
       OverestimatingOtherSide},
      {kOverReliance, kPreparation, "Power resting on one source", OverReliance},
      {kIgnoringPersonalPower, kPreparation, "Personal power left out", IgnoringPersonalPower},
      {kUnprepared, kPreparation, "No BATNA, floors, evidence or research", Unprepared},
      {kPriceOnly, kPreparation, "A one-issue haggle", PriceOnly},
      {kNoZopa, kPreparation, "No zone of possible agreement", NoZopa},
      {kDatePassed, kPreparation, "A date already passed", DatePassed},
  };
  return kRules;
}

std::vector<Pitfall> FindPowerPitfalls(const PitfallInputs& in, const PowerOptions& options) {
  std::vector<Pitfall> out;
  for (const PowerPitfallRule& rule : PowerPitfallRules()) {
    for (Pitfall& p : rule.find(in, options)) out.push_back(std::move(p));
  }
  return out;
}

}  // namespace parley::power
