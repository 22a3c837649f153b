#include "parley/plan/meso.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "internal/grid.h"
#include "parley/core/error.h"
#include "parley/core/party_valuation.h"
#include "parley/core/text.h"
#include "parley/plan/tradeables.h"

namespace parley::plan {
namespace {

// The grid index of the balancing issue that brings `partial` (our value without it) closest to
// `target`, searched over `grid` (internal::GridValues of the issue).
std::uint64_t Balance(const PartyValuation& mine, std::size_t issue,
                      const std::vector<std::uint64_t>& grid, double partial, double target) {
  std::uint64_t best = 0;
  double best_gap = std::numeric_limits<double>::infinity();
  for (std::uint64_t k : grid) {
    const double gap = std::fabs(partial + mine.IssueContribution(issue, k) - target);
    if (gap < best_gap) {
      best_gap = gap;
      best = k;
    }
  }
  return best;
}

// What scoring a candidate package reads.
struct MesoSearch {
  const Case& c;
  const analysis::Frontier& frontier;
  const PartyValuation& mine;
  const PartyValuation& theirs;
  const internal::ThirdParties& others;  // every package must be acceptable to each
  std::size_t me, other;                 // the parties' indices in the frontier
  int balancing;                         // the balancing issue, or -1
  std::vector<std::uint64_t> balancing_grid;
  const Meso& meso;  // target and tolerance_value
  const MesoOptions& options;
};

// The chance that they accept `value`: where it falls in their reservation range.
double Acceptance(const PartyValuation& theirs, double value) {
  const double their_lo = theirs.ReservationRange().first;
  const double their_hi = theirs.ReservationRange().second;
  if (their_hi <= their_lo) return value >= their_lo - 1e-9 ? 1.0 : 0.0;
  return std::clamp((value - their_lo) / (their_hi - their_lo), 0.0, 1.0);
}

// The best utility of theirs on the frontier at our utility or more.
double FrontierBest(const MesoSearch& s, double our_utility) {
  double best = -std::numeric_limits<double>::infinity();
  for (const analysis::FrontierPoint& p : s.frontier.points) {
    if (p.utility[s.me] >= our_utility - analysis::kUtilityEpsilon) {
      best = std::max(best, p.utility[s.other]);
    }
  }
  return best;
}

// `o` with the balancing issue set to bring our value closest to the target.
Outcome Balanced(const MesoSearch& s, Outcome o) {
  if (s.balancing < 0) return o;
  double partial = 0;
  for (std::size_t i = 0; i < s.c.issues.size(); ++i) {
    if (static_cast<int>(i) != s.balancing) partial += s.mine.IssueContribution(i, o[i]);
  }
  o[s.balancing] = Balance(s.mine, s.balancing, s.balancing_grid, partial, s.meso.target);
  return o;
}

// The package `o` (balanced) when it is within the tolerance of the target, above our walk-away
// and near the frontier.
std::optional<MesoPackage> Score(const MesoSearch& s, Outcome o) {
  MesoPackage p;
  p.our_value = s.mine.Value(o);
  if (std::fabs(p.our_value - s.meso.target) > s.meso.tolerance_value + 1e-9) return std::nullopt;
  if (p.our_value < s.mine.ReservationValue() - 1e-9) return std::nullopt;
  if (s.options.lowest && p.our_value < *s.options.lowest - 1e-9) return std::nullopt;
  for (std::size_t i = 0; i < s.options.most_ours.size() && i < o.size(); ++i) {
    if (s.mine.IssueContribution(i, o[i]) > s.options.most_ours[i] + 1e-9) return std::nullopt;
  }
  if (!s.others.Accept(o)) return std::nullopt;
  p.our_utility = s.mine.Utility(o);
  p.their_value = s.theirs.Value(o);
  if (s.options.above_theirs && p.their_value <= *s.options.above_theirs + 1e-9) {
    return std::nullopt;
  }
  p.their_utility = s.theirs.Utility(o);
  p.frontier_gap = std::max(0.0, FrontierBest(s, p.our_utility) - p.their_utility);
  if (p.frontier_gap > s.options.near_frontier) return std::nullopt;
  p.acceptance = Acceptance(s.theirs, p.their_value);
  p.outcome = std::move(o);
  return p;
}

// Candidates: base varied on one or two non-balancing issues, then balanced; each distinct
// balanced outcome scored once.
// Whether `o` puts the balancing issue (the price or salary that keeps the packages' balance)
// on the grid value next to the limit of one of our floors: offered early, as MESO packages
// are, such a package names the floor (docs/plan.md, "Hold the floor": named early, a floor
// becomes the figure they aim at). O(floors).
bool AtOurFloor(const MesoSearch& s, const Outcome& o) {
  for (const Floor& f : s.c.floors) {
    const int i = s.c.IssueIndex(f.issue);
    if (f.party != s.mine.party() || i < 0 || i != s.balancing) continue;
    const Issue& issue = s.c.issues[static_cast<std::size_t>(i)];
    if (issue.kind != IssueKind::kNumber) continue;
    const double x = issue.NumberAt(o[static_cast<std::size_t>(i)]);
    const double within = issue.step * (1 - 1e-9);  // the last grid value before the limit
    if ((f.max && x > *f.max - within) || (f.min && x < *f.min + within)) return true;
  }
  return false;
}

// The packages around `base` within the tolerance (Score) that name none of our floors;
// `at_floor` counts those left out because they would (AtOurFloor).
std::vector<MesoPackage> Candidates(const MesoSearch& s, const Outcome& base,
                                    std::size_t& at_floor) {
  const std::size_t n = s.c.issues.size();
  std::vector<std::vector<std::uint64_t>> tried(n);
  for (std::size_t i = 0; i < n; ++i) tried[i] = internal::SampledValues(s.c.issues[i]);
  std::set<Outcome> seen;
  std::vector<MesoPackage> candidates;
  auto consider = [&](const Outcome& unbalanced) {
    Outcome o = Balanced(s, unbalanced);
    if (!seen.insert(o).second) return;
    const bool named = AtOurFloor(s, o);
    if (std::optional<MesoPackage> p = Score(s, std::move(o))) {
      if (named) {
        ++at_floor;
      } else {
        candidates.push_back(std::move(*p));
      }
    }
  };
  consider(base);
  for (std::size_t i = 0; i < n; ++i) {
    if (static_cast<int>(i) == s.balancing) continue;
    for (std::uint64_t k : tried[i]) {
      Outcome o = base;
      o[i] = k;
      consider(o);
      for (std::size_t j = i + 1; j < n; ++j) {
        if (static_cast<int>(j) == s.balancing) continue;
        for (std::uint64_t l : tried[j]) {
          Outcome p = o;
          p[j] = l;
          consider(p);
        }
      }
    }
  }
  return candidates;
}

// How far apart two packages are: their utility for the other side, plus the share of issues
// on which they differ.
double Distance(const MesoPackage& a, const MesoPackage& b) {
  const std::size_t n = a.outcome.size();
  std::size_t differ = 0;
  for (std::size_t i = 0; i < n; ++i) differ += a.outcome[i] != b.outcome[i];
  return std::fabs(a.their_utility - b.their_utility) +
         static_cast<double>(differ) / static_cast<double>(std::max<std::size_t>(1, n));
}

// Whether `a` and `b` differ on one of the `integrative` issues at least.
bool DifferOnIntegrative(const MesoPackage& a, const MesoPackage& b,
                         const std::vector<std::size_t>& integrative) {
  return std::any_of(integrative.begin(), integrative.end(),
                     [&](std::size_t i) { return a.outcome[i] != b.outcome[i]; });
}

// Greedy selection of up to `count` candidates: most acceptable first (ties: better for them,
// then lower index), then the candidate farthest from those chosen among those that differ from
// each of them on an integrative issue, taken from the packages on the frontier while one of
// them qualifies (a package below it leaves value on the table for both sides), else from all.
std::vector<std::size_t> ChooseSpread(const std::vector<MesoPackage>& candidates, std::size_t count,
                                      const std::vector<std::size_t>& integrative) {
  std::vector<std::size_t> chosen;
  std::size_t first = 0;
  for (std::size_t k = 1; k < candidates.size(); ++k) {
    const MesoPackage &a = candidates[k], &b = candidates[first];
    if (a.acceptance > b.acceptance ||
        (a.acceptance == b.acceptance && a.their_utility > b.their_utility)) {
      first = k;
    }
  }
  chosen.push_back(first);
  // The farthest qualifying candidate, among those on the frontier only when `efficient`.
  const auto farthest = [&](bool efficient) {
    std::size_t best = candidates.size();
    double best_distance = -1;
    for (std::size_t k = 0; k < candidates.size(); ++k) {
      if (std::find(chosen.begin(), chosen.end(), k) != chosen.end()) continue;
      if (efficient && candidates[k].frontier_gap > 1e-9) continue;
      double nearest = std::numeric_limits<double>::infinity();
      for (std::size_t s : chosen) {
        if (!DifferOnIntegrative(candidates[k], candidates[s], integrative)) nearest = -1;
        nearest = std::min(nearest, Distance(candidates[k], candidates[s]));
      }
      if (nearest < 0) continue;
      if (nearest > best_distance + 1e-12) {
        best_distance = nearest;
        best = k;
      }
    }
    return best_distance > 0 ? best : candidates.size();
  };
  while (chosen.size() < count && chosen.size() < candidates.size()) {
    std::size_t best = farthest(true);
    if (best == candidates.size()) best = farthest(false);
    if (best == candidates.size()) break;
    chosen.push_back(best);
  }
  return chosen;
}

// Where package `a` carries its give (its distinct issues) and what choosing it reveals about
// `who`.
void Describe(const Case& c, int balancing, const std::string& who, std::size_t a, Meso& meso) {
  MesoPackage& p = meso.packages[a];
  std::vector<std::string> rather, instead;
  std::vector<std::string> differs;  // its terms some other package does not share
  for (std::size_t i = 0; i < c.issues.size(); ++i) {
    std::set<std::string> others;
    bool distinct = meso.packages.size() > 1;
    bool differ = false;
    for (std::size_t b = 0; b < meso.packages.size(); ++b) {
      if (b == a) continue;
      if (meso.packages[b].outcome[i] == p.outcome[i]) distinct = false;
      differ = differ || meso.packages[b].outcome[i] != p.outcome[i];
      others.insert(internal::ValueText(c, c.issues[i], meso.packages[b].outcome[i]));
    }
    if (differ) {
      differs.push_back(c.issues[i].DisplayName() + " " +
                        internal::ValueText(c, c.issues[i], p.outcome[i]));
    }
    if (!distinct || static_cast<int>(i) == balancing) continue;
    p.distinct_issues.push_back(c.issues[i].id);
    rather.push_back(c.issues[i].DisplayName() + " " +
                     internal::ValueText(c, c.issues[i], p.outcome[i]));
    std::string alternatives;
    for (const std::string& o : others) alternatives += (alternatives.empty() ? "" : " or ") + o;
    instead.push_back(alternatives);
  }
  const std::string price =
      balancing >= 0 ? c.issues[balancing].DisplayName() + " " +
                           internal::ValueText(c, c.issues[balancing], p.outcome[balancing])
                     : "";
  if (rather.empty()) {
    // No term is its alone: what it reveals is the mix of the terms where it differs.
    p.reveals = "Choosing this package says " + who + " prefers its mix" +
                (differs.empty() ? std::string() : " (" + text::JoinAnd(differs) + ")") +
                " to the other packages' terms on those issues.";
  } else {
    p.reveals = "Choosing this package says " + who + " would rather have " +
                text::JoinAnd(rather) + (balancing >= 0 ? " with " + price : "") + " than " +
                text::JoinAnd(instead) + ".";
  }
}

}  // namespace

Meso BuildMeso(const Case& c, const analysis::Frontier& frontier, const std::string& us,
               const std::string& them, const Outcome& base, const MesoOptions& options) {
  if (options.count < 2 || options.count > 4) {
    throw Error(ErrorCode::kUsage,
                "a MESO set has 2 to 4 packages, not " + std::to_string(options.count));
  }
  const PartyValuation mine(c, us), theirs(c, them);
  if (!mine.IsAdditive() || !theirs.IsAdditive()) {
    throw Error(ErrorCode::kUsage, "MESO packages need additive values for both parties");
  }
  Meso meso;
  meso.target = options.target.value_or(mine.Value(base));
  meso.tolerance_value = options.tolerance * (mine.MaxValue() - mine.MinValue());
  const int balancing = internal::BalancingIssue(c, mine, theirs);
  if (balancing >= 0) meso.balancing_issue = c.issues[balancing].id;
  // The balancing issue's grid (GridValues: capped at 1,001 values), computed once.
  const internal::ThirdParties others(c, us, them);
  const MesoSearch search{
      c,
      frontier,
      mine,
      theirs,
      others,
      internal::FrontierPartyIndex(frontier, us),
      internal::FrontierPartyIndex(frontier, them),
      balancing,
      balancing >= 0 ? internal::GridValues(c.issues[balancing]) : std::vector<std::uint64_t>{},
      meso,
      options};

  std::size_t at_floor = 0;
  const std::vector<MesoPackage> candidates = Candidates(search, base, at_floor);
  if (candidates.empty()) {
    meso.shortfall =
        at_floor > 0     ? "every package within the tolerance of the target puts the "
                           "balancing issue on the limit of our floor, and offered early it "
                           "would name the floor"
        : others.empty() ? "no package within the tolerance of the target is near the frontier"
                         : "no package within the tolerance of the target is near the frontier "
                           "and acceptable to every other party";
    meso.balancing_issue.clear();  // no package moves it
    return meso;
  }
  std::vector<std::size_t> integrative;
  const Tradeables trade = ComputeTradeables(c, us, them);
  for (std::size_t i = 0; i < trade.issues.size(); ++i) {
    if (trade.issues[i].nature == IssueNature::kIntegrative) integrative.push_back(i);
  }
  for (std::size_t s : ChooseSpread(candidates, options.count, integrative)) {
    meso.packages.push_back(candidates[s]);
  }
  // Where the packages must also beat the opening for them, the shortfall says so.
  const std::string concession =
      options.above_theirs ? ", worth more to them than the opening," : "";
  if (meso.packages.size() < options.count) {
    meso.shortfall = integrative.empty()
                         ? "no issue is integrative, so the packages could differ only on price"
                     : meso.packages.size() == 1
                         ? "no two packages within the tolerance and near the frontier" +
                               concession + " differ on an integrative issue"
                         : "only " + std::to_string(meso.packages.size()) +
                               " packages within the tolerance and near the frontier" + concession +
                               " differ from each other on an integrative issue";
  }
  const Party* them_party = c.FindParty(them);
  const std::string who = them_party != nullptr ? them_party->DisplayName() : them;
  for (std::size_t a = 0; a < meso.packages.size(); ++a) Describe(c, balancing, who, a, meso);
  // Name the balancing issue only when the packages move it: packages that all hold it at one
  // value balance on other issues.
  if (balancing >= 0) {
    const auto i = static_cast<std::size_t>(balancing);
    const bool moved = std::any_of(meso.packages.begin(), meso.packages.end(), [&](const auto& p) {
      return p.outcome[i] != meso.packages.front().outcome[i];
    });
    if (!moved) meso.balancing_issue.clear();
  }
  return meso;
}

std::pair<double, double> OurValueSpan(const Meso& meso) {
  if (meso.packages.empty()) return {meso.target, meso.target};
  std::pair<double, double> span{meso.packages.front().our_value, meso.packages.front().our_value};
  for (const MesoPackage& p : meso.packages) {
    span.first = std::min(span.first, p.our_value);
    span.second = std::max(span.second, p.our_value);
  }
  return span;
}

}  // namespace parley::plan
