#pragma once

/// The brief's verdict (docs/plan.md, "The verdict"): the method's "do not use hard power when"
/// tests (METHOD.md section 6) applied to the case: a repeated relationship where the gain from
/// pressing is small next to the trust at stake, power that is only perceived, and a culture
/// that reads pressure as humiliation. The brief opens with it (Brief::verdict).
///
///   const parley::plan::Verdict v = parley::plan::JudgeApproach(PlanInputsOf(c, brief));
///   std::cout << parley::plan::ApproachName(v.approach) << '\n';
///   if (v.break_even) std::cout << "break-even shadow of the future " << *v.break_even << '\n';

#include <optional>
#include <string>
#include <vector>

#include "parley/plan/plan_inputs.h"
#include "parley/plan/plan_options.h"

namespace parley::plan {

/// How hard to press: every test passes, one calls for care, or pressing does not pay; or no
/// package is worth our walk-away, so there is nothing to open with.
enum class Approach { kPress, kPressWithCare, kValueFirst, kWalkAway };

/// "press", "press-with-care", "value-first" or "walk-away": the stable name JSON and text
/// print.
const char* ApproachName(Approach a);

/// The verdict on the method's "do not use hard power when" tests.
struct Verdict {
  Approach approach = Approach::kPress;
  /// G: our gain now from pressing to the anchor rather than an even split (value units);
  /// absent without an anchor or an even split.
  std::optional<double> gain;
  /// L: the trust lost per future deal if pressing sours the relationship, taken as our surplus
  /// over the walk-away in one more deal like this one at the even split (value units).
  std::optional<double> loss_per_deal;
  /// The break-even shadow of the future δ* = G / (G + L): pressing pays only while the weight
  /// of each further deal (its likelihood times the discount) stays below it (the grim-trigger
  /// condition of repeated games; Axelrod 1984). Absent unless the relationship is repeated, the
  /// case states a horizon with more deals (`horizon.deals` > 0) and G + L > 0.
  std::optional<double> break_even;
  /// With walk-away: our value of the best package for us in the floored case, and our
  /// walk-away (value units); absent otherwise.
  std::optional<double> best_value;
  std::optional<double> walk_away;
  /// With walk-away: the reason is that the floors leave no possible deal (best_value and
  /// walk_away are then absent).
  bool floors_block = false;
  /// One sentence per test, with the case's figures, in the order of the method; with
  /// walk-away, the one sentence that says why there is nothing to open with.
  std::vector<std::string> reasons;
};

/// True when the floors leave no possible deal (in.floors_block), or when the brief knows our
/// best package and our walk-away (in.best_value, in.walk_away) and the best is worth less than
/// the walk-away (beyond rounding): no package is worth walking away from our alternative for.
/// O(1).
bool NothingWorthOpening(const PlanInputs& in);

/// The weight of the future deals at stake, in deals like this one: Σ_{t=1..N} pᵗ for the case's
/// horizon of N more deals each with likelihood p, or options.future_deals (every deal certain,
/// an assumption the brief states) when the case states no horizon. O(N).
double FutureDealWeight(const Case& c, const PlanOptions& options);

/// The verdict on `in` (read after the pitfalls are found), by the first row of its rule table
/// that applies: walk-away when NothingWorthOpening (before any test is run: its one reason
/// gives both figures); else the three tests are applied, and value-first when the
/// repeated-relationship test fails (the plan raises hard-power-in-repeated-relationship) or two
/// tests fail; press-with-care when one test fails or the relationship or the culture is not
/// stated; press otherwise. O(pitfalls).
Verdict JudgeApproach(const PlanInputs& in);

}  // namespace parley::plan
