// The review of a real outcome: its figures per party against the predicted deal, what it left on
// the table, the floors it kept or crossed and the concession log. The questions of the method
// are written in review_questions.cc.
#include "parley/plan/review.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "internal/review_questions.h"
#include "parley/analysis/floors.h"
#include "parley/analysis/frontier.h"
#include "parley/core/error.h"
#include "parley/core/package.h"
#include "parley/core/party_valuation.h"
#include "parley/core/text.h"

namespace parley::plan {
namespace {

// The outcome of `to` holding the same values as `o` does in `from`. The two cases have the same
// issues in the same order; `to` keeps every value `o` uses (ApplyFloors keeps the grid and the
// option names). O(issues x options).
Outcome MapOutcome(const Case& from, const Case& to, const Outcome& o) {
  Outcome out(o.size());
  for (std::size_t i = 0; i < o.size(); ++i) {
    const Issue& a = from.issues[i];
    const Issue& b = to.issues[i];
    if (a.kind == IssueKind::kOptions) {
      const int k = b.OptionIndex(a.options[o[i]]);
      if (k < 0) throw Error(ErrorCode::kInternal, "option lost mapping issue '" + a.id + "'");
      out[i] = static_cast<std::uint64_t>(k);
    } else {
      const auto [k, on_grid] = b.NearestIndex(a.NumberAt(o[i]));
      if (!on_grid) throw Error(ErrorCode::kInternal, "value lost mapping issue '" + a.id + "'");
      out[i] = k;
    }
  }
  return out;
}

// One party's figures as every command reads them: values of the case, utilities on the party's
// scale over the deal space within the floors (`deals`, as evaluate, power and plan read them),
// and the walk-away within the floors. Keeps pointers into both cases.
class PartyScale {
 public:
  PartyScale(const Case& c, const Case& deals, const std::string& party)
      : value_(c, party), scale_(deals, party) {}
  ValueForm form() const { return value_.form(); }
  double Value(const Outcome& o) const { return value_.Value(o); }
  /// The money form's utility is the value on the scale of the deals within the floors (an
  /// outcome outside them may fall outside [0, 1]); the other forms' utilities are absolute.
  double Utility(const Outcome& o) const {
    return form() == ValueForm::kMoney ? scale_.ValueToUtility(value_.Value(o)) : value_.Utility(o);
  }
  double ReservationValue() const { return scale_.ReservationValue(); }
  std::pair<double, double> ReservationRange() const { return scale_.ReservationRange(); }
  double DisagreementUtility() const { return scale_.DisagreementUtility(); }

 private:
  PartyValuation value_;  // on the case: outcomes of the case
  PartyValuation scale_;  // on the deals within the floors: the utility scale and walk-away
};

// Shares of the surplus as PartyReview::share defines them.
std::vector<double> Shares(const std::vector<double>& gains) {
  double total = 0;
  for (double g : gains) total += std::max(0.0, g);
  std::vector<double> shares;
  for (double g : gains) {
    shares.push_back(total > 0 ? std::max(0.0, g) / total
                               : 1.0 / static_cast<double>(gains.size()));
  }
  return shares;
}

// Checks the outcome against every floor limit, and narrows `relaxed` (a copy of the case) to the
// limits it respected; each limit dropped is described in `dropped`. Returns true when some limit
// was crossed.
bool CheckFloors(const Case& c, const Outcome& outcome, Case& relaxed,
                 std::vector<FloorCheck>& checks, std::vector<std::string>& dropped) {
  bool crossed = false;
  for (std::size_t f = 0; f < c.floors.size(); ++f) {
    const Floor& floor = c.floors[f];
    const int i = c.IssueIndex(floor.issue);
    if (i < 0) continue;
    const Issue& issue = c.issues[i];
    Floor& kept = relaxed.floors[f];
    auto add = [&](const std::string& limit, const std::string& value, bool respected,
                   const std::string& crossed_limit) {
      checks.push_back({floor.party, floor.issue, limit, value, respected, floor.evidence});
      if (respected) return;
      crossed = true;
      dropped.push_back(text::Possessive(floor.party) + " floor on " + floor.issue + " (" +
                        crossed_limit + ")");
    };
    if (issue.kind == IssueKind::kNumber) {
      // The same tolerance as ApplyFloors: a grid value within 1e-9 of a step of the limit is in.
      const double x = issue.GridValue(outcome[i]);
      const double tolerance = 1e-9 * issue.step;
      if (floor.min) {
        const bool ok = x >= *floor.min - tolerance;
        add("min " + text::IssueValueText(c, issue, *floor.min), text::IssueValueText(c, issue, x),
            ok, "min " + text::IssueValueText(c, issue, *floor.min));
        if (!ok) kept.min.reset();
      }
      if (floor.max) {
        const bool ok = x <= *floor.max + tolerance;
        add("max " + text::IssueValueText(c, issue, *floor.max), text::IssueValueText(c, issue, x),
            ok, "max " + text::IssueValueText(c, issue, *floor.max));
        if (!ok) kept.max.reset();
      }
    } else {
      const std::string& option = issue.options[outcome[i]];
      std::string limit;
      for (const std::string& x : floor.exclude) limit += (limit.empty() ? "excludes " : ", ") + x;
      if (limit.empty()) continue;
      const auto it = std::find(kept.exclude.begin(), kept.exclude.end(), option);
      // Only the option the outcome took is dropped: the floor's other exclusions still held.
      add(limit, option, it == kept.exclude.end(), "excludes " + option);
      if (it != kept.exclude.end()) kept.exclude.erase(it);
    }
  }
  return crossed;
}

// The best frontier point that dominates the outcome (see ReviewOutcome for the rule).
LeftOnTable FindLeftOnTable(const Case& c, const Case& space, const analysis::Frontier& frontier,
                            const std::vector<PartyScale>& vals, const std::vector<double>& utility,
                            const std::vector<double>& value, bool all_money) {
  const std::size_t n = vals.size();
  LeftOnTable left;
  left.utility_gain.assign(n, 0);
  left.value_gain.assign(n, 0);
  double best_joint = -std::numeric_limits<double>::infinity();
  double best_min = -std::numeric_limits<double>::infinity();
  for (const analysis::FrontierPoint& point : frontier.points) {
    const Outcome o = MapOutcome(space, c, point.outcome);
    std::vector<double> u(n), v(n);
    for (std::size_t i = 0; i < n; ++i) {
      u[i] = vals[i].Utility(o);
      v[i] = vals[i].Value(o);
    }
    if (!analysis::Dominates(u, utility)) continue;
    ++left.dominated_by;
    double joint = 0, smallest = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < n; ++i) {
      const double g = all_money ? v[i] - value[i] : u[i] - utility[i];
      joint += g;
      smallest = std::min(smallest, g);
    }
    const double tolerance = 1e-9 * std::max(1.0, std::fabs(best_joint));
    const bool better = !left.package || joint > best_joint + tolerance ||
                        (joint >= best_joint - tolerance && smallest > best_min + tolerance);
    if (!better) continue;
    best_joint = joint;
    best_min = smallest;
    left.package = o;
    for (std::size_t i = 0; i < n; ++i) {
      left.utility_gain[i] = std::max(0.0, u[i] - utility[i]);
      left.value_gain[i] = std::max(0.0, v[i] - value[i]);
    }
  }
  left.efficient = !left.package.has_value();
  for (std::size_t i = 0; i < n; ++i) left.joint_utility += left.utility_gain[i];
  if (all_money) {
    left.joint_money = 0;
    for (std::size_t i = 0; i < n; ++i) *left.joint_money += left.value_gain[i];
  }
  return left;
}

// The outcome indexes the case's issues and a deal space exists; throws Error otherwise.
void CheckReviewInputs(const Case& c, const Outcome& outcome, const power::PowerReport& report) {
  if (outcome.size() != c.issues.size()) {
    throw Error(ErrorCode::kUsage, "the outcome has " + std::to_string(outcome.size()) +
                                       " values for " + std::to_string(c.issues.size()) +
                                       " issues");
  }
  for (std::size_t i = 0; i < outcome.size(); ++i) {
    if (outcome[i] >= c.issues[i].ValueCount()) {
      throw Error(ErrorCode::kUsage, "the outcome's value index " + std::to_string(outcome[i]) +
                                         " is out of range for issue '" + c.issues[i].id + "'");
    }
  }
  if (!report.frontier || c.values.size() < 2) {
    throw Error(ErrorCode::kInvalidInput,
                "a review needs two parties that state values: there is no deal space to compare "
                "the outcome with");
  }
}

// Each party's figures in r.outcome and, when r.predicted is set, in the predicted deal, then
// the shares of the surplus in both. `vals` are the parties `ids` as PartyScale reads them.
void ReviewParties(const std::vector<std::string>& ids, const std::vector<PartyScale>& vals,
                   Review& r) {
  const std::size_t n = vals.size();
  std::vector<double> share_basis(n), predicted_basis(n);
  for (std::size_t i = 0; i < n; ++i) {
    PartyReview& p = r.parties.emplace_back();
    p.party = ids[i];
    p.money = vals[i].form() == ValueForm::kMoney;
    p.value = vals[i].Value(r.outcome);
    p.utility = vals[i].Utility(r.outcome);
    p.reservation_value = vals[i].ReservationValue();
    p.reservation_range = vals[i].ReservationRange();
    p.disagreement = vals[i].DisagreementUtility();
    p.gain = p.value - p.reservation_value;
    p.beats_batna = p.utility >= p.disagreement - analysis::kUtilityEpsilon;
    share_basis[i] = r.share_in_money ? p.gain : p.utility - p.disagreement;
    if (r.predicted) {
      p.predicted_value = vals[i].Value(*r.predicted);
      p.predicted_utility = vals[i].Utility(*r.predicted);
      p.predicted_gain = *p.predicted_value - p.reservation_value;
      p.captured_vs_predicted = p.gain - *p.predicted_gain;
      predicted_basis[i] =
          r.share_in_money ? *p.predicted_gain : *p.predicted_utility - p.disagreement;
    }
  }
  const std::vector<double> shares = Shares(share_basis);
  const std::vector<double> predicted_shares = Shares(predicted_basis);
  for (std::size_t i = 0; i < n; ++i) {
    r.parties[i].share = shares[i];
    if (r.predicted) {
      r.parties[i].predicted_share = predicted_shares[i];
      r.parties[i].share_vs_predicted = shares[i] - predicted_shares[i];
    }
  }
}

}  // namespace

Review ReviewOutcome(const Case& c, const Outcome& outcome, const power::PowerReport& report) {
  CheckReviewInputs(c, outcome, report);
  Review r;
  r.perspective = report.perspective;
  r.outcome = outcome;

  // Which floors held. The reference space for what was left on the table keeps exactly those.
  Case relaxed = c;
  std::vector<std::string> dropped;
  const bool crossed = CheckFloors(c, outcome, relaxed, r.floors, dropped);
  for (const FloorCheck& f : r.floors) {
    if (f.party == r.perspective && !f.respected) r.floors_respected = false;
  }

  // Values of the original case, utilities and walk-aways on the scale of the deals within the
  // floors (report.floored.c, the case itself when the floors leave no deal), as evaluate, power
  // and plan read them, in the frontier's party order (the valued parties in case order).
  const std::vector<std::string>& ids = report.frontier->parties;
  std::vector<PartyScale> vals;
  vals.reserve(ids.size());
  for (const std::string& id : ids) vals.emplace_back(c, report.floored.c, id);
  r.share_in_money = std::all_of(vals.begin(), vals.end(),
                                 [](const PartyScale& v) { return v.form() == ValueForm::kMoney; });
  if (report.prediction && report.prediction->deal && report.floored.feasible) {
    r.predicted = MapOutcome(report.floored.c, c, report.prediction->deal->outcome);
  }
  ReviewParties(ids, vals, r);
  std::vector<double> utility, value;
  for (const PartyReview& p : r.parties) {
    utility.push_back(p.utility);
    value.push_back(p.value);
  }

  // Left on the table. Why the reference space is the case within the floors that held: a floor
  // the outcome respected is a line its party would not cross, so a "better" deal beyond it was
  // never available, and the floored frontier (report.frontier) is the right yardstick. But the
  // floored frontier need not dominate an outcome outside the floors even when the full space
  // does, and a floor the outcome crossed evidently did not bind; so those limits are dropped
  // and the frontier of that space is computed. Comparing with the unfloored frontier instead
  // would count value that only a broken floor could reach; comparing with the floored one
  // alone would call a dominated floor-breaking outcome efficient.
  if (!crossed && report.floored.feasible) {
    r.left_on_table = FindLeftOnTable(c, report.floored.c, *report.frontier, vals, utility, value,
                                      r.share_in_money);
  } else {
    const analysis::FlooredCase space = analysis::ApplyFloors(relaxed);
    const analysis::Frontier frontier = analysis::ComputeFrontier(space.c);
    r.left_on_table = FindLeftOnTable(c, space.c, frontier, vals, utility, value, r.share_in_money);
    r.left_on_table.relaxed_floors = dropped;
  }

  r.concessions = AnalyseConcessions(c);
  r.questions = internal::ReviewQuestions(c, r, report);
  return r;
}

}  // namespace parley::plan
