#include "parley/plan/verdict.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "internal/grid.h"
#include "parley/core/case.h"
#include "parley/core/party_valuation.h"
#include "parley/core/text.h"
#include "parley/power/pitfalls.h"

namespace parley::plan {
namespace {

using power::PitfallId;

// How one test came out.
enum class Test { kPass, kFail, kUnknown };

struct Tally {
  bool nothing_worth_opening = false;
  int fail = 0, unknown = 0;
  bool repeated_fails = false;
};

// The verdict's rule table: the first row that applies chooses the approach. Nothing worth our
// walk-away comes before the tests of how hard to press: there is nothing to press for.
struct ApproachRule {
  Approach approach;
  bool (*applies)(const Tally& t);
};
constexpr ApproachRule kApproachRules[] = {
    {Approach::kWalkAway, [](const Tally& t) { return t.nothing_worth_opening; }},
    {Approach::kValueFirst, [](const Tally& t) { return t.repeated_fails || t.fail >= 2; }},
    {Approach::kPressWithCare, [](const Tally& t) { return t.fail == 1 || t.unknown > 0; }},
    {Approach::kPress, [](const Tally&) { return true; }},
};

bool Raised(const PlanInputs& in, PitfallId id, const std::string& party) {
  return std::any_of(in.pitfalls.begin(), in.pitfalls.end(), [&](const power::Pitfall& p) {
    return p.id == id && (party.empty() || p.party == party);
  });
}

std::string Amount(const PlanInputs& in, double x) {
  const Preferences* v = in.c->FindValues(in.us);
  return text::Amount(x, v == nullptr || v->form == ValueForm::kMoney);
}

// The repeated-relationship test: the break-even shadow of the future and whether the plan
// found pressing for the anchor small next to the trust at stake.
Test RepeatedTest(const PlanInputs& in, Verdict& v) {
  if (in.anchor != nullptr && in.even_split_value) {
    v.gain = std::max(0.0, in.anchor->our_value - *in.even_split_value);
    v.loss_per_deal = std::max(0.0, *in.even_split_value - in.anchor->walk_away);
  }
  if (!in.c->relationship) {
    v.reasons.push_back(
        "Relationship not stated: state whether more deals with them will follow (one-off or "
        "repeated) before pressing.");
    return Test::kUnknown;
  }
  if (*in.c->relationship == Relationship::kOneOff) {
    v.reasons.push_back(
        "One-off relationship: no future deal is at stake, so the shadow of the "
        "future does not temper the anchor.");
    return Test::kPass;
  }
  const bool fails = Raised(in, PitfallId::kHardPowerInRepeatedRelationship, "");
  std::string figures;
  const std::optional<Horizon>& h = in.c->horizon;
  if (h && h->deals == 0) {
    v.reasons.push_back(
        "Repeated relationship, but the case expects no further deal: no future trust is at "
        "stake, so the shadow of the future does not temper the anchor.");
    return Test::kPass;
  }
  if (v.gain && v.loss_per_deal && *v.gain + *v.loss_per_deal > 0) {
    const double weight = FutureDealWeight(*in.c, *in.options);
    const std::string stake = Amount(in, weight * *v.loss_per_deal);
    figures = " Pressing for the ambitious anchor rather than the equal-power deal gains " +
              Amount(in, *v.gain) + " now against " + Amount(in, *v.loss_per_deal) +
              " of surplus per future deal if trust is lost.";
    if (h) {
      v.break_even = *v.gain / (*v.gain + *v.loss_per_deal);
      figures +=
          " With no end in sight, pressing would pay only if each further deal were "
          "less likely than " +
          text::Fixed(*v.break_even, 2) +
          " (G / (G + L), the break-even shadow of the "
          "future). Over the " +
          std::to_string(h->deals) + " more deal" + (h->deals == 1 ? "" : "s") +
          " the case expects, each " + text::Fixed(h->likelihood, 2) + " likely, " + stake +
          " is at stake (L times " + text::Fixed(weight, 2) + "): " + (fails ? "more" : "less") +
          " than the gain.";
    } else {
      const std::size_t n = in.options->future_deals;
      figures += " The case states no horizon: assuming " + std::to_string(n) + " more deal" +
                 (n == 1 ? "" : "s") + ", " + stake + " is at stake, and a gain under " +
                 text::Percent(in.options->repeated_gain_share) +
                 " of it counts as small; state `horizon` (how many more deals, how likely) to "
                 "weigh it exactly.";
    }
  }
  v.reasons.push_back(
      std::string("Repeated relationship:") + figures +
      (fails ? " Pressing does not pay: lead with value creation, open within the credible range "
               "and concede at the planned pace."
             : " Pressing can pay, but claim with standards and evidence, never threats."));
  return fails ? Test::kFail : Test::kPass;
}

// The perceived-power test: our claims of power that no evidence backs.
Test PerceivedTest(const PlanInputs& in, Verdict& v) {
  const auto bluffs =
      std::count_if(in.pitfalls.begin(), in.pitfalls.end(), [&](const power::Pitfall& p) {
        return p.id == PitfallId::kUnsupportedClaim && p.party == in.us;
      });
  if (bluffs == 0) {
    v.reasons.push_back("Our power is backed: every claim of ours cites evidence.");
    return Test::kPass;
  }
  v.reasons.push_back(std::to_string(bluffs) + " claim" + (bluffs == 1 ? "" : "s") +
                      " of ours cite" + (bluffs == 1 ? "s" : "") +
                      " no evidence: that power is only perceived; back it before pressing "
                      "with it.");
  return Test::kFail;
}

// The culture test: an indirect, high power-distance culture reads pressure as humiliation.
Test CultureTest(const PlanInputs& in, Verdict& v) {
  if (!in.c->culture) {
    v.reasons.push_back(
        "Culture not stated: find out whether pressure in front of others would cost face.");
    return Test::kUnknown;
  }
  if (*in.c->culture == Culture::kDirect) {
    v.reasons.push_back("Direct culture: firm claims read as clarity, not as a threat.");
    return Test::kPass;
  }
  const std::string preview = in.people != nullptr ? PreviewNames(*in.people) : "";
  v.reasons.push_back(
      "Indirect, high power-distance culture: pressure in front of others reads as "
      "humiliation; preview the opening privately with " +
      (!preview.empty() ? preview : std::string("their decision-maker")) +
      " before any floor or anchor is stated, and word no line as an ultimatum.");
  return Test::kFail;
}

// "costs us 720" or "is worth 5 to us": a value of ours for a sentence.
std::string IsWorthToUs(const PlanInputs& in, double x) {
  const std::string worth =
      text::WorthTo(x, "us", StatesMoney(*in.c, in.us), text::MoneyDecimals(*in.c));
  return worth.rfind("worth", 0) == 0 ? "is " + worth : worth;
}

// The walk-away rule's one reason, with both figures.
void WalkAwayReason(const PlanInputs& in, Verdict& v) {
  if (!in.floors_block.empty()) {
    v.floors_block = true;
    v.reasons.push_back("The floors leave no possible deal: " + in.floors_block +
                        ". Do not open on these terms: check how firm their floor is (and the "
                        "estimate of it), revisit ours, or keep our alternative.");
    return;
  }
  v.best_value = in.best_value;
  v.walk_away = in.walk_away;
  v.reasons.push_back(
      "No package is worth our walk-away: our best possible package " +
      IsWorthToUs(in, *in.best_value) + ", and our walk-away is " +
      text::CostOrValue(*in.walk_away, StatesMoney(*in.c, in.us), text::MoneyDecimals(*in.c)) +
      ". Do not open; keep our alternative unless the deal changes (add issues that create "
      "value, check our BATNA's figure).");
}

void Count(Test t, Tally& tally) {
  tally.fail += t == Test::kFail;
  tally.unknown += t == Test::kUnknown;
}

}  // namespace

double FutureDealWeight(const Case& c, const PlanOptions& options) {
  if (!c.horizon) return static_cast<double>(options.future_deals);
  double weight = 0, power = 1;
  for (std::size_t t = 0; t < c.horizon->deals; ++t) {
    power *= c.horizon->likelihood;
    weight += power;
  }
  return weight;
}

const char* ApproachName(Approach a) {
  switch (a) {
    case Approach::kPress:
      return "press";
    case Approach::kPressWithCare:
      return "press-with-care";
    case Approach::kValueFirst:
      return "value-first";
    case Approach::kWalkAway:
      return "walk-away";
  }
  return "press";
}

bool NothingWorthOpening(const PlanInputs& in) {
  if (!in.floors_block.empty()) return true;
  if (!in.best_value || !in.walk_away) return false;
  const double eps = 1e-9 * std::max({1.0, std::abs(*in.best_value), std::abs(*in.walk_away)});
  return *in.best_value < *in.walk_away - eps;
}

Verdict JudgeApproach(const PlanInputs& in) {
  Verdict v;
  Tally tally;
  tally.nothing_worth_opening = NothingWorthOpening(in);
  if (tally.nothing_worth_opening) {
    WalkAwayReason(in, v);
  } else {
    const Test repeated = RepeatedTest(in, v);
    tally.repeated_fails = repeated == Test::kFail;
    Count(repeated, tally);
    Count(PerceivedTest(in, v), tally);
    Count(CultureTest(in, v), tally);
  }
  for (const ApproachRule& rule : kApproachRules) {
    if (rule.applies(tally)) {
      v.approach = rule.approach;
      break;
    }
  }
  return v;
}

}  // namespace parley::plan
