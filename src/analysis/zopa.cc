#include "parley/analysis/zopa.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "internal/frontier_common.h"
#include "internal/linear_slots.h"
#include "internal/zopa_count.h"
#include "parley/analysis/frontier.h"
#include "parley/core/error.h"
#include "parley/core/text.h"

namespace parley::analysis {
namespace {

using internal::Acceptance;
using Points = internal::PointSet<std::uint64_t>;

// Issues with more grid values than this get no exact spans from the additive method.
constexpr std::uint64_t kSpanValueLimit = 1'000'000;

// The Pareto set of the scaled contribution sums over every slot but `skip`. Cost: O(sum over
// slots of |partial| x |slot Pareto set| x log).
Points OthersFrontier(const std::vector<Points>& groups, std::size_t skip) {
  const std::size_t n = groups.front().dims;
  Points cur;
  cur.dims = n;
  const std::vector<double> zero(n, 0.0);
  cur.Push(zero.data(), 1, 0, 0);
  for (std::size_t s = 0; s < groups.size(); ++s) {
    if (s != skip) cur = internal::CombinePruned(cur, groups[s], FrontierOptions{}, "");
  }
  return cur;
}

// The values of issue i that some outcome every party accepts can have: value k is possible
// iff some point p of `others` (the Pareto set of the other issues' sums) has p + w(i, k) >=
// theta for every party. O(|others| log |others| + values x log) for two parties,
// O(values x |others| x parties) for more.
std::vector<std::uint64_t> PossibleValues(const Acceptance& a, std::size_t i,
                                          const Points& others) {
  const std::size_t n = a.parties();
  // Two parties: sort by x descending (then y ascending along the staircase).
  std::vector<std::size_t> order(others.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(),
            [&](std::size_t x, std::size_t y) { return others.At(x)[0] > others.At(y)[0]; });
  std::vector<double> xs(order.size()), best_y(order.size());
  for (std::size_t k = 0; k < order.size(); ++k) {
    xs[k] = others.At(order[k])[0];
    best_y[k] = std::max(k == 0 ? -INFINITY : best_y[k - 1], others.At(order[k])[1]);
  }
  std::vector<std::uint64_t> possible;
  std::vector<double> need(n);
  for (std::uint64_t k = 0; k < a.space().ValueCount(i); ++k) {
    for (std::size_t p = 0; p < n; ++p) need[p] = a.Theta(p) - a.W(p, i, k);
    bool ok = false;
    if (n == 2) {
      // Points with x >= need[0] form a prefix of the x-descending order.
      const auto end =
          std::partition_point(xs.begin(), xs.end(), [&](double x) { return x >= need[0]; });
      const std::size_t len = static_cast<std::size_t>(end - xs.begin());
      ok = len > 0 && best_y[len - 1] >= need[1];
    } else {
      for (std::size_t q = 0; q < others.size() && !ok; ++q) {
        bool all = true;
        for (std::size_t p = 0; p < n && all; ++p) all = others.At(q)[p] >= need[p];
        ok = all;
      }
    }
    if (ok) possible.push_back(k);
  }
  return possible;
}

// Exact spans for additive parties (PossibleValues of each issue). Issues on one line
// (internal/linear_slots.h) are folded as one slot; for an issue of such a slot, the other
// issues are every other slot and the line of the slot's other issues. Returns false when an
// issue is too large.
bool AdditiveSpans(const Acceptance& a, std::vector<std::vector<std::uint64_t>>& possible) {
  const std::size_t n = a.parties();
  const OutcomeSpace& space = a.space();
  for (std::size_t i = 0; i < space.IssueCount(); ++i) {
    if (space.ValueCount(i) > kSpanValueLimit) return false;
  }
  const FrontierOptions options;
  const internal::ContributionFn w = [&a](std::size_t p, std::size_t i, std::uint64_t k) {
    return a.W(p, i, k);
  };
  auto line_group = [&](const std::vector<std::size_t>& issues) {
    return internal::PruneDominated(internal::LinePoints(space, issues, n, w));
  };
  const std::vector<std::vector<std::size_t>> slots = internal::LinearSlots(space, n, w);
  std::vector<Points> groups;
  for (const std::vector<std::size_t>& slot : slots) groups.push_back(line_group(slot));
  possible.assign(space.IssueCount(), {});
  for (std::size_t s = 0; s < slots.size(); ++s) {
    const Points others = OthersFrontier(groups, s);
    for (const std::size_t i : slots[s]) {
      if (slots[s].size() == 1) {
        possible[i] = PossibleValues(a, i, others);
        continue;
      }
      std::vector<std::size_t> line;
      for (const std::size_t j : slots[s]) {
        if (j != i) line.push_back(j);
      }
      possible[i] =
          PossibleValues(a, i, internal::CombinePruned(others, line_group(line), options, ""));
    }
  }
  return true;
}

// Why no outcome is acceptable, from the frontier: for each party, its best possible deal and
// its best deal the others would all accept, against its disagreement utility.
std::string Explain(const Frontier& f, const Acceptance& a, int decimals) {
  const std::size_t n = f.parties.size();
  auto money = [&](std::size_t p, double u) {
    const PartyValuation& v = a.setup().valuations[p];
    if (v.form() != ValueForm::kMoney) return std::string();
    const double value = v.MinValue() + u * (v.MaxValue() - v.MinValue());
    return " (worth " + text::Money(value, decimals) + " against a reservation value of " +
           text::Money(v.ReservationValue(), decimals) + ")";
  };
  std::string out;
  for (std::size_t p = 0; p < n; ++p) {
    const double d = f.disagreement[p];
    double best = -INFINITY, given = -INFINITY;
    for (const FrontierPoint& pt : f.points) {
      best = std::max(best, pt.utility[p]);
      bool others_ok = true;
      for (std::size_t q = 0; q < n; ++q) {
        if (q != p && pt.utility[q] < f.disagreement[q] - kUtilityEpsilon) others_ok = false;
      }
      if (others_ok) given = std::max(given, pt.utility[p]);
    }
    std::string sentence;
    if (best < d - kUtilityEpsilon) {
      sentence = "the best possible deal for " + f.parties[p] + " (utility " +
                 text::Fixed(best, 3) + ")" + money(p, best) +
                 " is below its disagreement utility " + text::Fixed(d, 3) +
                 ": no deal beats its BATNA.";
    } else if (std::isfinite(given) && given < d - kUtilityEpsilon) {
      sentence = "the best deal for " + f.parties[p] + " that the other" + (n > 2 ? "s" : "") +
                 " would accept (utility " + text::Fixed(given, 3) + ")" + money(p, given) +
                 " is below its disagreement utility " + text::Fixed(d, 3) + ".";
    }
    if (sentence.empty()) continue;
    if (!out.empty()) out += " ";
    sentence[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sentence[0])));
    out += sentence;
  }
  if (out.empty()) {
    out =
        "No deal meets every party's disagreement utility at once, although each pair of "
        "reservations can be met.";
  }
  return out;
}

// Counts the acceptable outcomes into z (acceptable_count, count_method, and for Monte Carlo
// count_exact, seed, samples and spans_exact): meet-in-the-middle for two additive parties whose
// halves fit options.max_half (any size), else by enumeration when the space has at most
// options.max_exact outcomes, else meet-in-the-middle, else Monte Carlo.
// Fills `possible` with each issue's values seen in an acceptable outcome and returns true when
// the method gives them (enumeration, Monte Carlo).
bool CountAcceptable(Acceptance& a, const ZopaOptions& options, Zopa& z,
                     std::vector<std::vector<std::uint64_t>>& possible) {
  const OutcomeSpace& space = a.space();
  const std::optional<std::uint64_t> size = space.Size64();
  // Two additive parties: count without enumerating, at any size the halves allow.
  if (a.parties() == 2 && a.AllAdditive() && a.BuildTables(options.max_half)) {
    if (std::optional<std::uint64_t> mitm = internal::CountMeetInTheMiddle(a, options.max_half)) {
      z.acceptable_count = BigUint(*mitm);
      z.count_method = ZopaCountMethod::kMeetInTheMiddle;
      return false;
    }
  }
  a.BuildTables(size && *size <= options.max_exact ? *size : options.max_half);
  if (size && *size <= options.max_exact) {
    std::vector<std::vector<char>> seen;
    internal::CountByEnumeration(a, z.acceptable_count, seen);
    z.count_method = ZopaCountMethod::kEnumeration;
    possible.assign(seen.size(), {});
    for (std::size_t i = 0; i < seen.size(); ++i) {
      for (std::uint64_t k = 0; k < seen[i].size(); ++k) {
        if (seen[i][k]) possible[i].push_back(k);
      }
    }
    return true;
  }
  if (std::optional<std::uint64_t> mitm = internal::CountMeetInTheMiddle(a, options.max_half)) {
    z.acceptable_count = BigUint(*mitm);
    z.count_method = ZopaCountMethod::kMeetInTheMiddle;
    return false;
  }
  std::vector<std::vector<std::uint64_t>> seen;
  const std::uint64_t hits = internal::CountMonteCarlo(a, options.seed, options.samples, seen);
  z.count_exact = false;
  z.count_method = ZopaCountMethod::kMonteCarlo;
  z.seed = options.seed;
  z.samples = options.samples;
  BigUint estimate = space.Size();
  estimate *= hits;
  if (options.samples > 0) estimate.DivMod(options.samples);
  z.acceptable_count = options.samples > 0 ? estimate : BigUint();
  possible = std::move(seen);
  z.spans_exact = false;
  return true;
}

// Each issue's span from its possible values (moved out of `possible`).
std::vector<IssueSpan> Spans(const Case& c, std::vector<std::vector<std::uint64_t>>& possible) {
  std::vector<IssueSpan> spans;
  for (std::size_t i = 0; i < c.issues.size(); ++i) {
    IssueSpan s;
    s.issue = c.issues[i].id;
    s.values = std::move(possible[i]);
    if (c.issues[i].kind == IssueKind::kNumber && !s.values.empty()) {
      s.number_range = {c.issues[i].NumberAt(s.values.front()),
                        c.issues[i].NumberAt(s.values.back())};
    }
    spans.push_back(std::move(s));
  }
  return spans;
}

}  // namespace

const char* ZopaCountMethodName(ZopaCountMethod m) {
  switch (m) {
    case ZopaCountMethod::kEnumeration:
      return "enumeration";
    case ZopaCountMethod::kMeetInTheMiddle:
      return "meet-in-the-middle";
    case ZopaCountMethod::kMonteCarlo:
      return "monte-carlo";
  }
  return "?";
}

Zopa ComputeZopa(const Case& c, const ZopaOptions& options) {
  return ComputeZopa(c, ComputeFrontier(c), options);
}

Zopa ComputeZopa(const Case& c, const Frontier& f, const ZopaOptions& options) {
  Acceptance a(c);
  const OutcomeSpace& space = a.space();
  Zopa z;
  z.parties = a.setup().parties;
  z.disagreement = a.setup().disagreement;
  z.outcome_count = space.Size();
  z.exists = std::any_of(f.points.begin(), f.points.end(),
                         [](const FrontierPoint& p) { return p.acceptable; });
  if (!z.exists) z.explanation = Explain(f, a, text::MoneyDecimals(c));

  std::vector<std::vector<std::uint64_t>> possible;
  bool have_spans = CountAcceptable(a, options, z, possible);
  if (!have_spans || !a.AllAdditive() || !z.spans_exact) {
    if (a.AllAdditive()) {
      if (z.exists && AdditiveSpans(a, possible)) {
        have_spans = true;
        z.spans_exact = true;
      } else if (!z.exists) {
        possible.assign(space.IssueCount(), {});
        have_spans = true;
        z.spans_exact = true;
      }
    }
  }
  if (!have_spans) z.spans_exact = false;
  if (!z.exists) {  // exact: nothing is acceptable (guards against sampling noise too)
    z.acceptable_count = BigUint();
    z.count_exact = true;
    possible.assign(space.IssueCount(), {});
    have_spans = true;
    z.spans_exact = true;
  }
  const double total = z.outcome_count.ToDouble();
  z.share = total > 0 ? z.acceptable_count.ToDouble() / total : 0;
  if (have_spans) z.spans = Spans(c, possible);
  return z;
}

}  // namespace parley::analysis
