#pragma once

/// What outcomes are worth to one party, ready to evaluate fast: PartyValuation turns the party's
/// stated values (money, utility or GENIUS boxes) into the value and utility of any outcome, its
/// reservation value and its disagreement utility, exactly as docs/case-format.md defines them.
/// The frontier, ZOPA, offer scoring, power model, plan and charts all evaluate outcomes this way.
///
///   const parley::PartyValuation acme(c, "acme");  // keeps pointers into c
///   const parley::Outcome o = parley::OutcomeSpace(c.issues).First();
///   const double value = acme.Value(o);  // money in money form, else utility
///   const bool beats_batna = acme.Utility(o) >= acme.DisagreementUtility();

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "parley/core/case.h"
#include "parley/core/outcome_space.h"

namespace parley {

/// What outcomes are worth to one party, as CASE_FORMAT.md defines it, ready to evaluate fast.
///
/// Money form: value(o) = sum over issues of the issue's money value; utility(o) =
/// (value - min) / (max - min) where min and max are the party's worst and best possible deal
/// (exact, computed per issue since values are additive). If every deal is worth the same,
/// utility is 1 everywhere.
/// Utility form (GENIUS semantics): utility(o) = min(1, sum of weight x score), weights as
/// written; value(o) = utility(o).
/// Rectangles form: utility(o) = weight x (sum of utilities of boxes holding o) / max_utility.
///
/// Reservation value: money form, BATNA value (or the midpoint of its range) minus its costs;
/// utility forms, BATNA utility, or the utility of the reservation bid (issues it leaves out
/// count 0), or 0 with no BATNA. A money party with no BATNA gets its worst deal's value.
/// Disagreement utility: the reservation value on the utility scale; it may exceed 1 (no deal
/// beats the BATNA) or be negative (every deal does). For a money party whose deals are all
/// worth the same it is 0 if that value meets the reservation value, else 2.
class PartyValuation {
 public:
  /// Builds the valuation of `party` in `c` (which must be valid). Keeps pointers into `c`, so
  /// `c` must outlive the valuation. Throws Error(kInvalidInput) if the party states no values.
  /// O(issues + table sizes + points).
  PartyValuation(const Case& c, const std::string& party);

  const std::string& party() const { return party_; }
  ValueForm form() const { return form_; }
  /// True for the money and utility forms (value is a sum over issues).
  bool IsAdditive() const { return form_ != ValueForm::kRectangles; }

  /// Contribution of issue `issue` at value index `k` to the additive sum: money in money form,
  /// weight x score in utility form. Precondition: IsAdditive(). O(1), O(log points) for
  /// piecewise-linear number issues.
  double IssueContribution(std::size_t issue, std::uint64_t k) const;
  /// Money value (money form) or utility (other forms). O(issues).
  double Value(const Outcome& o) const;
  /// Utility in the party's own scale. O(issues), O(boxes x bounds) for rectangles.
  double Utility(const Outcome& o) const;
  /// Utility of a possibly partial package given by value indices (nullopt = issue absent).
  double PartialUtility(const std::vector<std::optional<std::uint64_t>>& o) const;
  /// Money form: value -> utility on this party's scale (may fall outside [0,1]).
  double ValueToUtility(double value) const;

  /// Worst and best possible value over all outcomes (money form; 0 and 1 bounds otherwise:
  /// for the utility forms these are the utility bounds computed per issue, not enumerated).
  double MinValue() const { return min_value_; }
  double MaxValue() const { return max_value_; }
  /// Reservation value as defined above, in value units (money, or utility).
  double ReservationValue() const { return reservation_value_; }
  /// Lowest and highest reservation value when the BATNA is a range; both equal otherwise.
  std::pair<double, double> ReservationRange() const { return reservation_range_; }
  /// The disagreement point on this party's utility scale.
  double DisagreementUtility() const { return disagreement_utility_; }
  /// True when the party stated a BATNA.
  bool HasBatna() const { return has_batna_; }

 private:
  struct Term {
    const Issue* issue = nullptr;
    const Evaluator* evaluator = nullptr;
    double weight = 1;
    std::vector<double> option_values;  // options issues: contribution per option index
  };
  struct Bound {
    std::size_t issue;
    double min, max;
  };
  struct Box {
    double utility;
    std::vector<Bound> include, exclude;
  };
  double Score(const Term& term, std::uint64_t k) const;
  // The sum of every term's score of `o`, in issue order. O(issues).
  double TermSum(const Outcome& o) const;
  void ComputeBounds();
  void ComputeReservation(const Case& c);

  std::string party_;
  ValueForm form_ = ValueForm::kMoney;
  std::vector<const Issue*> issues_;
  std::vector<Term> terms_;  // one per issue of the case; evaluator null if the party omits it
  std::vector<Box> boxes_;
  double box_scale_ = 1;  // weight / max_utility
  double min_value_ = 0, max_value_ = 0;
  double reservation_value_ = 0;
  std::pair<double, double> reservation_range_{0, 0};
  double disagreement_utility_ = 0;
  bool has_batna_ = false;
};

/// Evaluates one evaluator at x (numbers) for money or utility scores, as its struct's comment
/// defines. Options evaluators (TableValue) are evaluated through the option instead.
double EvaluateNumber(const Evaluator& e, double x);

}  // namespace parley
