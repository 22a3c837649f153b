#pragma once

/// How a party states what outcomes are worth to it, as written in a case file or imported from
/// GENIUS: Preferences in one of three forms (money, additive utility, GENIUS non-linear boxes),
/// each issue with its Evaluator (linear, points, table, clamped linear, triangular, constant).
/// This is data only; PartyValuation (party_valuation.h) evaluates it.
///
///   parley::Preferences acme;  // money form, the default
///   acme.party = "acme";
///   acme.terms.push_back({.issue = "price", .evaluator = parley::LinearValue{.slope = -1}});
///   acme.terms.push_back(
///       {.issue = "support", .evaluator = parley::TableValue{.entries = {{"premium", 8000.0}}}});

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace parley {

/// How a party states what outcomes are worth to it (CASE_FORMAT.md, "Imported formats").
enum class ValueForm {
  kMoney,       ///< additive money values per issue; utility = value normalised to [0,1]
  kUtility,     ///< additive weight x score per issue, GENIUS semantics: u = min(1, sum w*s)
  kRectangles,  ///< GENIUS non-linear: sum of the utilities of the boxes that hold the outcome
};

/// Money form, number issue: value = slope * x.
struct LinearValue {
  double slope = 0;
  friend bool operator==(const LinearValue&, const LinearValue&) = default;
};

/// Number issue (both forms): piecewise-linear through `points` (x strictly increasing),
/// flat beyond the first and last point.
struct PointsValue {
  std::vector<std::pair<double, double>> points;
  friend bool operator==(const PointsValue&, const PointsValue&) = default;
};

/// Options issue (both forms): a value per option; an option left out is worth 0.
/// Utility form: scores in [0,1], used as written.
struct TableValue {
  std::vector<std::pair<std::string, double>> entries;
  friend bool operator==(const TableValue&, const TableValue&) = default;
};

/// Utility form, number issue: score = clamp(slope * (x - from) + offset, 0, 1).
/// A GENIUS integer evaluator has from = lowerbound; a GENIUS real `linear` evaluator has
/// from = 0, slope = parameter1, offset = parameter0.
struct ClampedLinearValue {
  double from = 0;
  double slope = 0;
  double offset = 0;
  friend bool operator==(const ClampedLinearValue&, const ClampedLinearValue&) = default;
};

/// Utility form, number issue (GENIUS `triangular`): 0 below `lower`, rising linearly to 1 at
/// `top`, falling linearly to 0 at `upper`, 0 from `upper` on.
struct TriangularValue {
  double lower = 0;
  double upper = 0;
  double top = 0;
  friend bool operator==(const TriangularValue&, const TriangularValue&) = default;
};

/// Utility form, number issue (GENIUS `constant`): the same score everywhere.
struct ConstantValue {
  double score = 0;
  friend bool operator==(const ConstantValue&, const ConstantValue&) = default;
};

/// How one issue's value is computed for one party.
using Evaluator = std::variant<LinearValue, PointsValue, TableValue, ClampedLinearValue,
                               TriangularValue, ConstantValue>;

/// One issue's part of a party's additive value.
struct IssueTerm {
  std::string issue;  ///< issue id
  double weight = 1;  ///< utility form only (as written, not re-normalised); 1 in money form
  Evaluator evaluator;
  friend bool operator==(const IssueTerm&, const IssueTerm&) = default;
};

/// A closed interval on one number issue, as in a GENIUS hyper-rectangle.
struct IssueBound {
  std::string issue;
  double min = 0;
  double max = 0;
  friend bool operator==(const IssueBound&, const IssueBound&) = default;
};

/// A box of the GENIUS non-linear utility: it holds an outcome when every `include` bound holds
/// it and no `exclude` bound does.
struct UtilityBox {
  double utility = 0;
  std::vector<IssueBound> include;
  std::vector<IssueBound> exclude;
  friend bool operator==(const UtilityBox&, const UtilityBox&) = default;
};

/// GENIUS `type="nonlinear"` profile: u = weight * (sum of utilities of the boxes holding the
/// outcome) / max_utility.
struct RectangleUtility {
  double max_utility = 1;
  double weight = 1;
  std::vector<UtilityBox> boxes;
  friend bool operator==(const RectangleUtility&, const RectangleUtility&) = default;
};

/// Everything a party values.
struct Preferences {
  std::string party;  ///< party id
  ValueForm form = ValueForm::kMoney;
  std::vector<IssueTerm> terms;                ///< kMoney, kUtility; issues left out count 0
  std::optional<RectangleUtility> rectangles;  ///< kRectangles
  friend bool operator==(const Preferences&, const Preferences&) = default;
};

}  // namespace parley
