#include "parley/core/party_valuation.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "parley/core/error.h"
#include "parley/core/package.h"

namespace parley {

namespace {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

double Clamp01(double x) { return std::clamp(x, 0.0, 1.0); }

double Interpolate(const std::vector<std::pair<double, double>>& points, double x) {
  if (points.empty()) return 0;
  if (x <= points.front().first) return points.front().second;
  if (x >= points.back().first) return points.back().second;
  // First point with first > x; O(log points).
  auto upper = std::upper_bound(points.begin(), points.end(), x,
                                [](double value, const auto& p) { return value < p.first; });
  const auto& [x1, v1] = *upper;
  const auto& [x0, v0] = *(upper - 1);
  if (x1 == x0) return v1;
  return v0 + (v1 - v0) * (x - x0) / (x1 - x0);
}

// Where a number evaluator changes slope; its extremes over a grid lie at the grid's ends or at
// grid points next to these.
std::vector<double> Kinks(const Evaluator& e) {
  return std::visit(Overloaded{
                        [](const LinearValue&) { return std::vector<double>{}; },
                        [](const PointsValue& p) {
                          std::vector<double> xs;
                          for (const auto& point : p.points) xs.push_back(point.first);
                          return xs;
                        },
                        [](const TableValue&) { return std::vector<double>{}; },
                        [](const ClampedLinearValue& l) {
                          if (l.slope == 0) return std::vector<double>{};
                          return std::vector<double>{l.from - l.offset / l.slope,
                                                     l.from + (1 - l.offset) / l.slope};
                        },
                        [](const TriangularValue& t) {
                          return std::vector<double>{t.lower, t.top, t.upper};
                        },
                        [](const ConstantValue&) { return std::vector<double>{}; },
                    },
                    e);
}

}  // namespace

double EvaluateNumber(const Evaluator& e, double x) {
  return std::visit(
      Overloaded{
          [x](const LinearValue& l) { return l.slope * x; },
          [x](const PointsValue& p) { return Interpolate(p.points, x); },
          [](const TableValue&) { return 0.0; },
          [x](const ClampedLinearValue& l) { return Clamp01(l.slope * (x - l.from) + l.offset); },
          [x](const TriangularValue& t) {
            // GENIUS EvaluatorReal TRIANGULAR, branch for branch.
            if (x < t.lower) return 0.0;
            if (x < t.top) return (x - t.lower) / (t.top - t.lower);
            if (x < t.upper) return 1.0 - (x - t.top) / (t.upper - t.top);
            return 0.0;
          },
          [](const ConstantValue& c) { return c.score; },
      },
      e);
}

PartyValuation::PartyValuation(const Case& c, const std::string& party) : party_(party) {
  const Preferences* prefs = c.FindValues(party);
  if (prefs == nullptr) {
    throw Error(ErrorCode::kInvalidInput, "party '" + party + "' states no values");
  }
  form_ = prefs->form;
  for (const Issue& issue : c.issues) issues_.push_back(&issue);
  terms_.resize(c.issues.size());
  for (std::size_t i = 0; i < c.issues.size(); ++i) terms_[i].issue = &c.issues[i];

  for (const IssueTerm& term : prefs->terms) {
    const int i = c.IssueIndex(term.issue);
    if (i < 0)
      throw Error(ErrorCode::kInvalidInput, "values name unknown issue '" + term.issue + "'");
    Term& t = terms_[i];
    t.evaluator = &term.evaluator;
    t.weight = form_ == ValueForm::kUtility ? term.weight : 1.0;
    if (c.issues[i].kind == IssueKind::kOptions) {
      t.option_values.assign(c.issues[i].options.size(), 0.0);
      if (const auto* table = std::get_if<TableValue>(&term.evaluator)) {
        // A hash map of the options, so a table is read in O(options + entries).
        std::unordered_map<std::string_view, std::size_t> index;
        index.reserve(c.issues[i].options.size());
        for (std::size_t k = 0; k < c.issues[i].options.size(); ++k) {
          index.emplace(c.issues[i].options[k], k);
        }
        for (const auto& [option, v] : table->entries) {
          const auto k = index.find(option);
          // A later entry wins, as in GENIUS.
          if (k != index.end()) t.option_values[k->second] = t.weight * v;
        }
      }
    }
  }
  if (form_ == ValueForm::kRectangles && prefs->rectangles) {
    const RectangleUtility& r = *prefs->rectangles;
    box_scale_ = r.max_utility != 0 ? r.weight / r.max_utility : 0;
    auto resolve = [&](const std::vector<IssueBound>& bounds) {
      std::vector<Bound> out;
      for (const IssueBound& b : bounds) {
        const int i = c.IssueIndex(b.issue);
        if (i < 0)
          throw Error(ErrorCode::kInvalidInput, "a box names unknown issue '" + b.issue + "'");
        out.push_back({static_cast<std::size_t>(i), b.min, b.max});
      }
      return out;
    };
    for (const UtilityBox& box : r.boxes) {
      boxes_.push_back({box.utility, resolve(box.include), resolve(box.exclude)});
    }
  }
  ComputeBounds();
  ComputeReservation(c);
}

double PartyValuation::Score(const Term& term, std::uint64_t k) const {
  if (term.evaluator == nullptr) return 0;
  if (term.issue->kind == IssueKind::kOptions) return term.option_values[k];
  return term.weight * EvaluateNumber(*term.evaluator, term.issue->NumberAt(k));
}

double PartyValuation::IssueContribution(std::size_t issue, std::uint64_t k) const {
  return Score(terms_[issue], k);
}

double PartyValuation::TermSum(const Outcome& o) const {
  double sum = 0;
  for (std::size_t i = 0; i < terms_.size(); ++i) {
    const Term& term = terms_[i];
    // An options issue's score read here (Score's first case, the common one in a negotiation's
    // hot loop), a number issue's through its evaluator.
    sum += term.evaluator != nullptr && term.issue->kind == IssueKind::kOptions
               ? term.option_values[o[i]]
               : Score(term, o[i]);
  }
  return sum;
}

double PartyValuation::Value(const Outcome& o) const {
  if (form_ == ValueForm::kMoney) return TermSum(o);
  return Utility(o);
}

double PartyValuation::Utility(const Outcome& o) const {
  switch (form_) {
    case ValueForm::kMoney:
      return ValueToUtility(Value(o));
    case ValueForm::kUtility:
      return std::min(1.0, TermSum(o));  // GENIUS clamps above only
    case ValueForm::kRectangles:
      break;
  }
  return PartialUtility(std::vector<std::optional<std::uint64_t>>(o.begin(), o.end()));
}

double PartyValuation::PartialUtility(const std::vector<std::optional<std::uint64_t>>& o) const {
  if (form_ == ValueForm::kRectangles) {
    auto holds = [&](const Bound& b) {
      if (!o[b.issue]) return false;
      const double x = issues_[b.issue]->NumberAt(*o[b.issue]);
      return x >= b.min && x <= b.max;
    };
    double sum = 0;
    for (const Box& box : boxes_) {
      if (std::all_of(box.include.begin(), box.include.end(), holds) &&
          std::none_of(box.exclude.begin(), box.exclude.end(), holds)) {
        sum += box.utility;
      }
    }
    return box_scale_ * sum;
  }
  double sum = 0;
  for (std::size_t i = 0; i < terms_.size(); ++i) {
    if (o[i]) sum += Score(terms_[i], *o[i]);
  }
  if (form_ == ValueForm::kMoney) return ValueToUtility(sum);
  return std::min(1.0, sum);  // GENIUS clamps above only
}

double PartyValuation::ValueToUtility(double value) const {
  if (form_ != ValueForm::kMoney) return value;
  const double span = max_value_ - min_value_;
  const double scale = std::max({1.0, std::fabs(max_value_), std::fabs(min_value_)});
  if (span <= 1e-12 * scale) return 1.0;
  return (value - min_value_) / span;
}

void PartyValuation::ComputeBounds() {
  if (form_ == ValueForm::kRectangles) {
    min_value_ = 0;
    max_value_ = 1;
    return;
  }
  double lo_sum = 0, hi_sum = 0;
  for (const Term& term : terms_) {
    if (term.evaluator == nullptr) continue;
    const Issue& issue = *term.issue;
    double lo = 0, hi = 0;
    if (issue.kind == IssueKind::kOptions) {
      lo = *std::min_element(term.option_values.begin(), term.option_values.end());
      hi = *std::max_element(term.option_values.begin(), term.option_values.end());
    } else {
      const std::uint64_t n = issue.ValueCount();
      std::vector<std::uint64_t> ks = {0, n - 1};
      for (double x : Kinks(*term.evaluator)) {
        if (!std::isfinite(x)) continue;
        const double pos = std::floor((x - issue.lo) / issue.step);
        if (pos < 0 || pos > static_cast<double>(n - 1)) continue;
        const auto k = static_cast<std::uint64_t>(pos);
        ks.push_back(k);
        // The point before too: a triangle with top == upper drops to 0 at its kink, so its
        // maximum is the last grid point below the kink.
        if (k > 0) ks.push_back(k - 1);
        if (k + 1 < n) ks.push_back(k + 1);
      }
      lo = hi = Score(term, ks[0]);
      for (std::uint64_t k : ks) {
        const double v = Score(term, k);
        lo = std::min(lo, v);
        hi = std::max(hi, v);
      }
    }
    lo_sum += lo;
    hi_sum += hi;
  }
  min_value_ = lo_sum;
  max_value_ = form_ == ValueForm::kUtility ? std::min(1.0, hi_sum) : hi_sum;
  if (form_ == ValueForm::kUtility) min_value_ = std::min(min_value_, max_value_);
}

void PartyValuation::ComputeReservation(const Case& c) {
  const Party* p = c.FindParty(party_);
  const Batna* batna = p != nullptr && p->batna ? &*p->batna : nullptr;
  has_batna_ = batna != nullptr;
  if (form_ == ValueForm::kMoney) {
    double lo = min_value_, hi = min_value_;
    if (batna != nullptr) {
      const double costs = batna->costs.Total();
      if (batna->value) {
        lo = hi = *batna->value - costs;
      } else if (batna->range) {
        lo = batna->range->first - costs;
        hi = batna->range->second - costs;
      }
    }
    reservation_range_ = {lo, hi};
    reservation_value_ = lo + (hi - lo) / 2;
    const double span = max_value_ - min_value_;
    const double scale = std::max({1.0, std::fabs(max_value_), std::fabs(min_value_)});
    if (span > 1e-12 * scale) {
      disagreement_utility_ = (reservation_value_ - min_value_) / span;
    } else {
      disagreement_utility_ = reservation_value_ <= max_value_ + 1e-12 * scale ? 0.0 : 2.0;
    }
    return;
  }
  double r = 0;
  if (batna != nullptr) {
    if (batna->utility) {
      r = *batna->utility;
    } else if (batna->outcome) {
      r = PartialUtility(ResolvePackage(c, *batna->outcome).indices);
    }
  }
  reservation_value_ = r;
  reservation_range_ = {r, r};
  disagreement_utility_ = r;
}

}  // namespace parley
