#include "parley/analysis/zopa.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "internal/frontier_common.h"
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

// The Pareto set of the scaled contribution sums over every issue but `skip`. Cost:
// O(sum over issues of |partial| x |issue Pareto set| x log).
Points OthersFrontier(const Acceptance& a, const std::vector<Points>& groups, std::size_t skip) {
  const std::size_t n = a.parties();
  const FrontierOptions options;
  Points cur;
  cur.dims = n;
  const std::vector<double> zero(n, 0.0);
  cur.Push(zero.data(), 1, 0, 0);
  std::vector<double> sum(n);
  for (std::size_t i = 0; i < groups.size(); ++i) {
    if (i == skip) continue;
    Points cand;
    cand.dims = n;
    cand.Reserve(cur.size() * groups[i].size());
    for (std::size_t p = 0; p < cur.size(); ++p) {
      for (std::size_t k = 0; k < groups[i].size(); ++k) {
        for (std::size_t d = 0; d < n; ++d) sum[d] = cur.At(p)[d] + groups[i].At(k)[d];
        cand.Push(sum.data(), 1, cand.size(), 0);
      }
    }
    cur = internal::PruneDominated(cand, options);
    internal::CheckPointLimit(cur.size(), n, options);
  }
  return cur;
}

// Exact spans for additive parties: value k of issue i is possible iff some point p of the
// other issues' Pareto set has p + w(i, k) >= theta for every party. Returns false when an issue
// is too large.
bool AdditiveSpans(const Acceptance& a, std::vector<std::vector<std::uint64_t>>& possible) {
  const std::size_t n = a.parties();
  const OutcomeSpace& space = a.space();
  for (std::size_t i = 0; i < space.IssueCount(); ++i) {
    if (space.ValueCount(i) > kSpanValueLimit) return false;
  }
  const FrontierOptions options;
  std::vector<Points> groups;
  for (std::size_t i = 0; i < space.IssueCount(); ++i) {
    Points all;
    all.dims = n;
    std::vector<double> u(n);
    for (std::uint64_t k = 0; k < space.ValueCount(i); ++k) {
      for (std::size_t p = 0; p < n; ++p) u[p] = a.W(p, i, k);
      all.Push(u.data(), 1, k, 0);
    }
    groups.push_back(internal::PruneDominated(all, options));
  }
  possible.assign(space.IssueCount(), {});
  std::vector<double> need(n);
  for (std::size_t i = 0; i < space.IssueCount(); ++i) {
    Points others = OthersFrontier(a, groups, i);
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
    for (std::uint64_t k = 0; k < space.ValueCount(i); ++k) {
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
      if (ok) possible[i].push_back(k);
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
  Acceptance a(c);
  const OutcomeSpace& space = a.space();
  Zopa z;
  z.parties = a.setup().parties;
  z.disagreement = a.setup().disagreement;
  z.outcome_count = space.Size();
  const Frontier f = ComputeFrontier(c);
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
