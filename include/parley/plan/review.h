#pragma once

/// After the negotiation, what `parley review` prints (report/review_report.h): a real outcome of
/// the original case (not the floored one), valued on the same scales as `evaluate`, set against
/// the predicted deal of AnalysePower and the frontier: each party's value, gain and surplus
/// share against the prediction, what was left on the table, the floors kept, the concession log
/// and the method's seven review questions (METHOD.md section 7). docs/plan.md, "Review",
/// defines each figure.
///
///   const parley::Outcome deal = parley::ParseOutcome(c, terms);  // every issue=value term
///   const parley::power::PowerReport report = parley::power::AnalysePower(c, options);
///   const parley::plan::Review r = parley::plan::ReviewOutcome(c, deal, report);
///   if (!r.left_on_table.efficient) std::cout << r.left_on_table.dominated_by << " dominate it\n";

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "parley/core/case.h"
#include "parley/core/outcome_space.h"
#include "parley/core/outcome_terms.h"
#include "parley/plan/concessions.h"
#include "parley/power/analysis.h"

namespace parley::plan {

/// How the outcome and the predicted deal look to one party that states values. Values are in
/// the party's own units (money for the money form, utility otherwise); utilities are on the
/// party's scale over the deals within every floor (the floored case), as `evaluate`, `power` and
/// `plan` read them, so the same outcome has the same utility in each (a money party's outcome
/// outside the floors may fall outside [0, 1]).
struct PartyReview {
  std::string party;
  bool money = false;  ///< money form: value, gain and the predicted figures are money
  double value = 0;
  double utility = 0;
  /// The walk-away (analysis/walk_away.h): BATNA less its costs (midpoint of a range), else the
  /// worst deal within the floors (money) or 0 (utility), value units.
  double reservation_value = 0;
  /// The lowest and highest reservation value when the BATNA is a range; both equal otherwise.
  std::pair<double, double> reservation_range{0, 0};
  double disagreement = 0;  ///< the reservation value on the utility scale
  double gain = 0;          ///< value - reservation_value
  /// Share of the joint surplus: max(0, gain) over the sum of every party's max(0, gain), in
  /// money when every valued party is money form (Review::share_in_money), else the same with
  /// utility gains (utility - disagreement); 1/n each when no party gains. Shares sum to 1.
  double share = 0;
  /// The outcome is no worse than walking away: utility >= disagreement - kUtilityEpsilon.
  bool beats_batna = false;
  /// The same figures in the predicted deal; unset when there is none (no ZOPA within the
  /// floors, the floors leave no deal, or the chair states no values).
  std::optional<double> predicted_value, predicted_utility, predicted_gain, predicted_share;
  /// Surplus captured versus predicted: gain - predicted_gain (= value - predicted_value), value
  /// units; and share - predicted_share. Unset without a prediction.
  std::optional<double> captured_vs_predicted, share_vs_predicted;
};

/// Whether the outcome kept within one limit of a floor.
struct FloorCheck {
  std::string party;
  std::string issue;
  std::string limit;  ///< "min 105,000", "max 135,000" or "excludes named-engineer"
  std::string value;  ///< the outcome's value of the issue, as written in a package
  bool respected = true;
  std::vector<std::string> evidence;  ///< the floor's evidence ids
};

/// The best deal the parties could still have had instead of the outcome.
struct LeftOnTable {
  /// No deal of the reference space (below) Pareto-dominates the outcome: nothing is left.
  bool efficient = true;
  std::size_t dominated_by = 0;  ///< frontier points that dominate the outcome
  /// The dominating frontier point with the largest joint gain (see ReviewOutcome), as an
  /// outcome of the original case; unset when efficient.
  std::optional<Outcome> package;
  /// Per party (Review::parties order) at `package`: utility gain, and value gain in value
  /// units (money for money-form parties). All zero when efficient; never negative.
  std::vector<double> utility_gain, value_gain;
  double joint_utility = 0;           ///< sum of the utility gains
  std::optional<double> joint_money;  ///< sum of the money gains, when every party is money form
  /// The floor limits the outcome crossed, "party's floor on issue (min X | max X | excludes
  /// option)": the reference space ignores them, since the deal shows they did not bind. For an
  /// options floor only the option the outcome took is dropped. Empty when every floor held.
  std::vector<std::string> relaxed_floors;
};

/// One review question of the method (METHOD.md section 7) with what the case can say.
struct ReviewQuestion {
  std::string id;  ///< "power-trust", "standards", "deadlines", "surplus", "concessions",
                   ///< "floors", "role-reversal"
  std::string question;
  std::vector<std::string> answer;  ///< the case's answer, one sentence each; may be empty
  /// What only the negotiators can answer: "unknown — answer after the meeting: ...", or empty
  /// when the case answers the question in full.
  std::string after_meeting;
};

/// The review of a real outcome against the prediction and the frontier.
struct Review {
  std::string perspective;           ///< the chair (report.perspective)
  Outcome outcome;                   ///< the real outcome, an outcome of the original case
  std::vector<PartyReview> parties;  ///< every party that states values, case order
  bool share_in_money = false;       ///< shares are of money gains (every valued party money form)
  std::optional<Outcome> predicted;  ///< the predicted deal, mapped to the original case
  LeftOnTable left_on_table;
  std::vector<FloorCheck> floors;         ///< every limit of every floor, case order
  bool floors_respected = true;           ///< the outcome respects every floor of the chair
  ConcessionLog concessions;              ///< AnalyseConcessions(c)
  std::vector<ReviewQuestion> questions;  ///< the seven questions, in the order of the ids above
};

/// Reviews `outcome` (an outcome of the original case `c`, e.g. from ParseOutcome) against
/// `report` = power::AnalysePower(c, options).
///
/// Values are those of `c` (PartyValuation on the original case); utilities, walk-aways and
/// disagreement utilities are on each party's scale over report.floored.c (the deals within the
/// floors; the case itself when the floors leave no deal), as analysis::ScoreOffer and the power
/// report read them. The predicted deal of the report is mapped back to `c` by its values.
///
/// Left on the table: the reference space is `c` narrowed by every floor limit the outcome
/// respected (the floors it crossed evidently did not bind). When every floor held, that is
/// report.floored.c and its frontier report.frontier is reused; otherwise the frontier of the
/// reference space is computed. Among the frontier points that dominate the outcome
/// (analysis::Dominates, utilities of `c`), the package is the one with the largest joint gain:
/// in money when every valued party is money form, else in utility (sum of utility gains); ties
/// within 1e-9 go to the largest smallest gain in the same units, then to frontier order. Any
/// reference deal that dominates the outcome is dominated by (or is) a frontier point that
/// dominates it too and gains each party at least as much, so the best frontier point is the
/// best deal of the whole reference space.
///
/// Throws Error(kUsage) when `outcome` is not an outcome of `c`, Error(kInvalidInput) when
/// fewer than two parties state values (there is no frontier to compare with), and what
/// analysis::ComputeFrontier throws (kLimit). O(F x parties x issues) for a frontier of F
/// points, plus computing the frontier when a floor was crossed, plus AnalyseConcessions.
Review ReviewOutcome(const Case& c, const Outcome& outcome, const power::PowerReport& report);

}  // namespace parley::plan
