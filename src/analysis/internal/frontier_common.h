#pragma once

// Private pieces shared by the additive and enumeration frontier paths (frontier.cc).

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

#include "internal/skyline.h"
#include "parley/analysis/frontier.h"
#include "parley/core/case.h"
#include "parley/core/error.h"
#include "parley/core/party_valuation.h"

namespace parley::analysis::internal {

/// Throws Error(kLimit) when `points` exceeds options.max_points.
inline void CheckPointLimit(std::size_t points, std::size_t parties,
                            const FrontierOptions& options) {
  if (points > options.max_points) {
    throw Error(ErrorCode::kLimit,
                "the Pareto frontier of " + std::to_string(parties) + " parties has more than " +
                    std::to_string(options.max_points) +
                    " points (partial points while combining issues count too): too large to "
                    "compute");
  }
}

/// The valued parties of a case, in case order, with their valuations and disagreement points.
struct FrontierSetup {
  std::vector<PartyValuation> valuations;
  std::vector<std::string> parties;
  std::vector<double> disagreement;
};

/// Builds the setup; throws Error(kInvalidInput) with fewer than two valued parties.
FrontierSetup MakeFrontierSetup(const Case& c);

/// True when a and b (length n) are equal within kUtilityEpsilon in every coordinate.
inline bool TiesWithin(const double* a, const double* b, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    if (std::fabs(a[i] - b[i]) > kUtilityEpsilon) return false;
  }
  return true;
}

/// Dominance of raw arrays (see Dominates in frontier.h).
inline bool DominatesRaw(const double* u, const double* v, std::size_t n) {
  bool strict = false;
  for (std::size_t i = 0; i < n; ++i) {
    if (u[i] < v[i] - kUtilityEpsilon) return false;
    if (u[i] > v[i] + kUtilityEpsilon) strict = true;
  }
  return strict;
}

/// Sets `acceptable`, sorts points by utility descending (first party first) and checks the
/// size limit (Error(kLimit)).
void FinishFrontier(Frontier& f, const FrontierOptions& options);

/// The enumeration path (EnumerateFrontier) on a prepared setup.
Frontier EnumerateWithSetup(const Case& c, const FrontierSetup& setup,
                            const FrontierOptions& options);

/// The additive method (ComputeFrontier for money and utility forms) on a prepared setup.
/// Falls back to EnumerateWithSetup when the utility-form clamp can merge points and the space
/// is small enough to enumerate.
Frontier AdditiveWithSetup(const Case& c, const FrontierSetup& setup,
                           const FrontierOptions& options);

/// A set of utility points with exact outcome counts and a representative key, for the additive
/// method. Keys (parent, value) order representatives lexicographically by outcome.
template <class CountT>
struct PointSet {
  std::size_t dims = 0;
  std::vector<double> u;  // size() x dims, row-major
  std::vector<CountT> count;
  std::vector<std::uint64_t> parent;
  std::vector<std::uint64_t> value;

  std::size_t size() const { return count.size(); }
  const double* At(std::size_t i) const { return u.data() + i * dims; }
  void Push(const double* p, const CountT& c, std::uint64_t par, std::uint64_t val) {
    u.insert(u.end(), p, p + dims);
    count.push_back(c);
    parent.push_back(par);
    value.push_back(val);
  }
  void Reserve(std::size_t n) {
    u.reserve(n * dims);
    count.reserve(n);
    parent.reserve(n);
    value.reserve(n);
  }
};

/// A point kept by PruneDominated: its index into the input (for the utilities), its merged
/// count and its smallest key.
template <class CountT>
struct KeptPoint {
  std::uint32_t index;
  CountT count;
  std::uint64_t parent, value;
};

/// The indices of `in`'s points by utility descending (first party first), then by index.
template <class CountT>
std::vector<std::uint32_t> ByUtilityDescending(const PointSet<CountT>& in) {
  const std::size_t n = in.dims;
  std::vector<std::uint32_t> order(in.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    const double* x = in.At(a);
    const double* y = in.At(b);
    for (std::size_t i = 0; i < n; ++i) {
      if (x[i] != y[i]) return x[i] > y[i];
    }
    return a < b;
  });
  return order;
}

/// Merges point c of `in` into k: counts summed, the smaller key kept.
template <class CountT>
void MergeInto(KeptPoint<CountT>& k, const PointSet<CountT>& in, std::uint32_t c) {
  k.count += in.count[c];
  if (in.parent[c] < k.parent || (in.parent[c] == k.parent && in.value[c] < k.value)) {
    k.parent = in.parent[c];
    k.value = in.value[c];
  }
}

/// PruneDominated for two dimensions: a staircase, kept u0 decreasing and u1 increasing, as the
/// candidates arrive by u0 descending. O(P).
template <class CountT>
std::vector<KeptPoint<CountT>> KeepStaircase(const PointSet<CountT>& in,
                                             const std::vector<std::uint32_t>& order) {
  std::vector<KeptPoint<CountT>> kept;
  for (std::uint32_t c : order) {
    const double* cu = in.At(c);
    if (!kept.empty()) {
      const double* bu = in.At(kept.back().index);
      if (bu[1] >= cu[1] - kUtilityEpsilon) {
        if (TiesWithin(bu, cu, 2)) MergeInto(kept.back(), in, c);
        continue;  // tied (merged) or dominated
      }
      while (!kept.empty() && in.At(kept.back().index)[0] <= cu[0] + kUtilityEpsilon) {
        kept.pop_back();  // same u0 within epsilon, lower u1: dominated by c
      }
    }
    kept.push_back({c, in.count[c], in.parent[c], in.value[c]});
  }
  return kept;
}

/// PruneDominated for three or more dimensions: the skyline (internal/skyline.h), each kept
/// group merged into its first point. O(P log P) for three dimensions, O(P log^(d-2) P) beyond.
template <class CountT>
std::vector<KeptPoint<CountT>> KeepSkyline(const PointSet<CountT>& in) {
  const Skyline sky = ComputeSkyline(in.u.data(), in.size(), in.dims);
  std::vector<KeptPoint<CountT>> kept;
  kept.reserve(sky.begin.size());
  for (std::size_t g = 0; g < sky.begin.size(); ++g) {
    const std::uint32_t first = sky.order[sky.begin[g]];
    KeptPoint<CountT> k{first, in.count[first], in.parent[first], in.value[first]};
    for (std::uint32_t m = sky.begin[g] + 1; m < sky.end[g]; ++m) MergeInto(k, in, sky.order[m]);
    kept.push_back(std::move(k));
  }
  return kept;
}

/// The non-dominated points of `in`, equal points (within epsilon) merged: counts summed, the
/// smallest key kept. Result sorted by key. Cost: O(P log P) for two and three dimensions (sort
/// and sweep over a staircase or prefix maxima), O(P log^(d-2) P) for d >= 4 (skyline.h).
template <class CountT>
PointSet<CountT> PruneDominated(const PointSet<CountT>& in) {
  std::vector<KeptPoint<CountT>> kept =
      in.dims == 2 ? KeepStaircase(in, ByUtilityDescending(in)) : KeepSkyline(in);
  std::sort(kept.begin(), kept.end(), [](const KeptPoint<CountT>& a, const KeptPoint<CountT>& b) {
    return a.parent != b.parent ? a.parent < b.parent : a.value < b.value;
  });
  PointSet<CountT> out;
  out.dims = in.dims;
  out.Reserve(kept.size());
  for (const KeptPoint<CountT>& k : kept) out.Push(in.At(k.index), k.count, k.parent, k.value);
  return out;
}

/// Candidates generated at once by CombinePruned (bounds memory, ~48 bytes each).
inline constexpr std::size_t kCandidateChunk = 1u << 22;

/// Throws Error(kLimit) before a step of the fold with three or more parties that would
/// generate more than options.max_candidates sums (`cur` x `g` points), naming issue `issue`.
inline void CheckCandidateLimit(std::size_t cur, std::size_t g, std::size_t dims,
                                const FrontierOptions& options, const std::string& issue) {
  if (dims < 3 || g == 0 || cur <= options.max_candidates / g) return;
  const std::string what = issue.empty() ? "the issues" : "issue '" + issue + "'";
  throw Error(ErrorCode::kLimit, "combining " + what + " would weigh " + std::to_string(cur) +
                                     " x " + std::to_string(g) + " partial Pareto points of " +
                                     std::to_string(dims) + " parties, more than the limit of " +
                                     std::to_string(options.max_candidates) +
                                     ": the frontier is too large to compute");
}

/// One step of the additive fold: the non-dominated sums cur[p] + g[k] (PruneDominated), with
/// counts multiplied and keys (p, g.value[k]). Candidates are generated in chunks of about
/// kCandidateChunk, each pruned together with what was kept before, so memory stays
/// O(chunk + kept). Error(kLimit) naming issue `issue` (unless empty) when more than
/// options.max_points points are kept, or beforehand when three or more parties would generate
/// more than options.max_candidates sums (CheckCandidateLimit).
/// O(|cur| x |g| x dims) to generate, O(C log C) per chunk to prune (C log^(d-2) C for d >= 4).
template <class CountT>
PointSet<CountT> CombinePruned(const PointSet<CountT>& cur, const PointSet<std::uint64_t>& g,
                               const FrontierOptions& options, const std::string& issue) {
  const std::size_t n = cur.dims;
  CheckCandidateLimit(cur.size(), g.size(), n, options, issue);
  std::vector<double> sum(n);
  PointSet<CountT> kept;
  kept.dims = n;
  const std::size_t per_chunk = std::max<std::size_t>(1, kCandidateChunk / cur.size());
  for (std::size_t g0 = 0; g0 < g.size(); g0 += per_chunk) {
    const std::size_t g1 = std::min(g.size(), g0 + per_chunk);
    PointSet<CountT> cand = std::move(kept);
    cand.Reserve(cand.size() + cur.size() * (g1 - g0));
    for (std::size_t p = 0; p < cur.size(); ++p) {
      const double* pu = cur.At(p);
      for (std::size_t k = g0; k < g1; ++k) {
        const double* gu = g.At(k);
        for (std::size_t d = 0; d < n; ++d) sum[d] = pu[d] + gu[d];
        cand.Push(sum.data(), cur.count[p] * g.count[k], p, g.value[k]);
      }
    }
    kept = PruneDominated(cand);
    if (kept.size() > options.max_points) {
      const std::string what = issue.empty() ? "the issues" : "issue '" + issue + "'";
      throw Error(ErrorCode::kLimit, "more than " + std::to_string(options.max_points) +
                                         " partial Pareto points after combining " + what +
                                         ": the frontier is too large to compute");
    }
  }
  return kept;
}

}  // namespace parley::analysis::internal
