// The additive method of the Pareto frontier: issues combined one at a time, dominated partial
// points discarded after each step, back-pointers kept to rebuild one outcome per point. Never
// enumerates the outcome space; cost grows with the partial frontiers.
//
// Every party's per-issue contribution is put on its utility scale first (money: divided by
// MaxValue - MinValue; utility form: as is), so partial sums compare under kUtilityEpsilon.
// The money form's offset (-MinValue / span) is a shift common to all points and changes no
// comparison. The utility form's clamp min(1, .) is monotone, so pruning before it never drops a
// frontier vector; when it can bite (a party's best raw sum exceeds 1) it can merge points, and
// then the frontier is enumerated if the space allows, else clamped and re-pruned at the end
// (then ties count only the outcomes of the partial points that reached the last step).
//
// Issues that move every party along one line with equal steps are one slot of the fold
// (internal/linear_slots.h): their V1 + ... + Vr - r + 1 sums instead of V1 x ... x Vr
// combinations. The slot's representative takes its earliest issues as low as the sum allows.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "internal/big_count.h"
#include "internal/frontier_common.h"
#include "internal/linear_slots.h"
#include "parley/core/error.h"
#include "parley/core/outcome_space.h"

namespace parley::analysis::internal {
namespace {

// Number grids up to this size are evaluated point by point; larger ones analytically.
constexpr std::uint64_t kGridEnumerationLimit = 1'000'000;

// One issue's own Pareto set: contribution vectors with the number of values reaching each and
// the smallest such value index (in `value`).
using IssueGroups = PointSet<std::uint64_t>;

// Direction of a party's contribution along a number issue: +1 nondecreasing, -1
// nonincreasing, 0 constant; nullopt when not monotone (or not known to be).
std::optional<int> Direction(const Case& c, const std::string& party, const Issue& issue) {
  const Preferences* prefs = c.FindValues(party);
  for (const IssueTerm& t : prefs->terms) {
    if (t.issue != issue.id) continue;
    auto sign = [&](double s) { return s * t.weight > 0 ? 1 : (s * t.weight < 0 ? -1 : 0); };
    if (const auto* l = std::get_if<LinearValue>(&t.evaluator)) return sign(l->slope);
    if (const auto* l = std::get_if<ClampedLinearValue>(&t.evaluator)) return sign(l->slope);
    if (std::holds_alternative<ConstantValue>(t.evaluator)) return 0;
    if (const auto* pv = std::get_if<PointsValue>(&t.evaluator)) {
      bool rises = false, falls = false;  // flat beyond the ends, linear between points
      for (std::size_t k = 1; k < pv->points.size(); ++k) {
        rises |= pv->points[k].second > pv->points[k - 1].second;
        falls |= pv->points[k].second < pv->points[k - 1].second;
      }
      if (rises && falls) return std::nullopt;
      return sign(rises ? 1.0 : (falls ? -1.0 : 0.0));
    }
    return std::nullopt;
  }
  return 0;  // the party does not value this issue
}

class AdditiveBuilder {
 public:
  AdditiveBuilder(const Case& c, const FrontierSetup& setup, const FrontierOptions& options)
      : c_(c), setup_(setup), options_(options), space_(c.issues), n_(setup.parties.size()) {
    for (const PartyValuation& v : setup.valuations) {
      double factor = 1;
      if (v.form() == ValueForm::kMoney) {
        const double span = v.MaxValue() - v.MinValue();
        const double scale = std::max({1.0, std::fabs(v.MaxValue()), std::fabs(v.MinValue())});
        factor = span <= 1e-12 * scale ? 0.0 : 1.0 / span;  // utility is 1 everywhere then
      }
      factor_.push_back(factor);
    }
  }

  const OutcomeSpace& space() const { return space_; }

  // All slots' groups, and whether the utility-form clamp can merge points.
  bool BuildGroups() {
    std::vector<double> raw_max(n_, 0.0);
    const ContributionFn contribution = [this](std::size_t p, std::size_t i, std::uint64_t k) {
      return Contribution(p, i, k);
    };
    slots_ = LinearSlots(space_, n_, contribution);
    for (const std::vector<std::size_t>& slot : slots_) {
      groups_.push_back(slot.size() == 1
                            ? Groups(slot[0])
                            : PruneDominated(LinePoints(space_, slot, n_, contribution)));
      for (std::size_t p = 0; p < n_; ++p) {
        double best = -INFINITY;
        for (std::size_t g = 0; g < groups_.back().size(); ++g) {
          best = std::max(best, groups_.back().At(g)[p]);
        }
        raw_max[p] += best;
      }
    }
    for (std::size_t p = 0; p < n_; ++p) {
      if (setup_.valuations[p].form() == ValueForm::kUtility &&
          raw_max[p] > 1.0 + kUtilityEpsilon) {
        return true;
      }
    }
    return false;
  }

  template <class CountT>
  Frontier Combine(bool clamp_bites) {
    PointSet<CountT> cur;
    cur.dims = n_;
    std::vector<double> zero(n_, 0.0);
    cur.Push(zero.data(), CountT(1), 0, 0);
    std::vector<std::vector<std::pair<std::uint64_t, std::uint64_t>>> history;
    for (std::size_t i = 0; i < groups_.size(); ++i) {
      PointSet<CountT> kept = CombinePruned(cur, groups_[i], options_, c_.issues[slots_[i][0]].id);
      std::vector<std::pair<std::uint64_t, std::uint64_t>> level(kept.size());
      for (std::size_t k = 0; k < kept.size(); ++k) level[k] = {kept.parent[k], kept.value[k]};
      history.push_back(std::move(level));
      // Keys were sorted by (parent, value): index k is the rank of the k-th representative.
      for (std::size_t k = 0; k < kept.size(); ++k) {
        kept.parent[k] = k;
        kept.value[k] = 0;
      }
      cur = std::move(kept);
    }

    // Rebuild one outcome per point and evaluate it exactly.
    std::vector<Outcome> outcomes(cur.size(), Outcome(space_.IssueCount()));
    PointSet<CountT> final_points;
    final_points.dims = n_;
    std::vector<double> u(n_);
    for (std::size_t k = 0; k < cur.size(); ++k) {
      std::uint64_t j = k;
      for (std::size_t i = groups_.size(); i-- > 0;) {
        SetSlot(space_, slots_[i], history[i][j].second, outcomes[k]);
        j = history[i][j].first;
      }
      for (std::size_t p = 0; p < n_; ++p) u[p] = setup_.valuations[p].Utility(outcomes[k]);
      final_points.Push(u.data(), cur.count[k], k, 0);
    }
    if (clamp_bites) final_points = PruneDominated(final_points);

    Frontier f;
    f.parties = setup_.parties;
    f.disagreement = setup_.disagreement;
    f.method = FrontierMethod::kAdditive;
    f.outcome_count = space_.Size();
    for (std::size_t k = 0; k < final_points.size(); ++k) {
      FrontierPoint point;
      point.utility.assign(final_points.At(k), final_points.At(k) + n_);
      point.outcome = outcomes[final_points.parent[k]];
      point.ties = ToBigUint(final_points.count[k]);
      f.points.push_back(std::move(point));
    }
    FinishFrontier(f, options_);
    return f;
  }

 private:
  double Contribution(std::size_t p, std::size_t issue, std::uint64_t k) const {
    return factor_[p] * setup_.valuations[p].IssueContribution(issue, k);
  }

  // The issue's own Pareto set of contribution vectors. O(values x parties + values log values)
  // for grids up to kGridEnumerationLimit; O(parties x log values) for larger monotone grids.
  IssueGroups Groups(std::size_t i) {
    const std::uint64_t values = space_.ValueCount(i);
    IssueGroups all;
    all.dims = n_;
    std::vector<double> u(n_);
    if (values > kGridEnumerationLimit) {
      if (std::optional<IssueGroups> g = MonotoneGroups(i)) return *g;
      if (values > options_.max_points) {
        throw Error(ErrorCode::kLimit,
                    "issue '" + c_.issues[i].id + "' has " + std::to_string(values) +
                        " grid values on which the parties' preferences are opposed or not "
                        "monotone; its Pareto set could exceed the limit of " +
                        std::to_string(options_.max_points) + " points");
      }
    }
    all.Reserve(values);
    for (std::uint64_t k = 0; k < values; ++k) {
      for (std::size_t p = 0; p < n_; ++p) u[p] = Contribution(p, i, k);
      all.Push(u.data(), 1, 0, k);
    }
    return PruneDominated(all);
  }

  // When every party's contribution moves the same way along issue i, the best end and the
  // values tying it (a contiguous run, found by binary search). nullopt otherwise.
  std::optional<IssueGroups> MonotoneGroups(std::size_t i) {
    const Issue& issue = c_.issues[i];
    if (issue.kind != IssueKind::kNumber) return std::nullopt;
    bool up = false, down = false;
    for (const std::string& party : setup_.parties) {
      std::optional<int> d = Direction(c_, party, issue);
      if (!d) return std::nullopt;
      up |= *d > 0;
      down |= *d < 0;
    }
    if (up && down) return std::nullopt;
    const std::uint64_t last = space_.ValueCount(i) - 1;
    const std::uint64_t best = down ? 0 : last;
    std::vector<double> bu(n_), u(n_);
    for (std::size_t p = 0; p < n_; ++p) bu[p] = Contribution(p, i, best);
    auto ties_best = [&](std::uint64_t k) {
      for (std::size_t p = 0; p < n_; ++p) u[p] = Contribution(p, i, k);
      return TiesWithin(u.data(), bu.data(), n_);
    };
    IssueGroups g;
    g.dims = n_;
    if (!down) {  // smallest k tying the top end
      std::uint64_t lo = 0, hi = last;
      while (lo < hi) {
        const std::uint64_t mid = lo + (hi - lo) / 2;
        if (ties_best(mid))
          hi = mid;
        else
          lo = mid + 1;
      }
      g.Push(bu.data(), last - lo + 1, 0, lo);
    } else {  // largest k tying the bottom end
      std::uint64_t lo = 0, hi = last;
      while (lo < hi) {
        const std::uint64_t mid = hi - (hi - lo) / 2;
        if (ties_best(mid))
          lo = mid;
        else
          hi = mid - 1;
      }
      g.Push(bu.data(), lo + 1, 0, 0);
    }
    return g;
  }

  const Case& c_;
  const FrontierSetup& setup_;
  const FrontierOptions& options_;
  OutcomeSpace space_;
  std::size_t n_;
  std::vector<double> factor_;
  std::vector<std::vector<std::size_t>> slots_;  // the issues of each step of the fold
  std::vector<IssueGroups> groups_;              // one per slot
};

}  // namespace

Frontier AdditiveWithSetup(const Case& c, const FrontierSetup& setup,
                           const FrontierOptions& options) {
  AdditiveBuilder builder(c, setup, options);
  const bool clamp_bites = builder.BuildGroups();
  if (clamp_bites) {
    const std::optional<std::uint64_t> size = builder.space().Size64();
    if (size && *size <= options.max_enumeration) return EnumerateWithSetup(c, setup, options);
  }
  // Counts never exceed the outcome space; 128 bits hold any space below 2^127.
  BigUint limit(std::uint64_t{1} << 63);
  limit *= std::uint64_t{1} << 32;
  limit *= std::uint64_t{1} << 32;
  if (builder.space().Size() < limit) return builder.Combine<Count128>(clamp_bites);
  return builder.Combine<BigCount>(clamp_bites);
}

}  // namespace parley::analysis::internal
