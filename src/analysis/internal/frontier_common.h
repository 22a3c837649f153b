#pragma once

// Private pieces shared by the additive and enumeration frontier paths (frontier.cc).

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

#include "parley/analysis/frontier.h"
#include "parley/core/case.h"
#include "parley/core/error.h"
#include "parley/core/party_valuation.h"

namespace parley::analysis::internal {

/// With three or more parties, frontiers (and partial frontiers) are kept as flat lists with
/// pairwise dominance checks, quadratic in their size: beyond this many points (or
/// FrontierOptions::max_points if smaller) the computation stops with Error(kLimit).
inline constexpr std::size_t kMaxPointsManyParties = 10'000;

/// The limit on (partial) frontier sizes for `parties` parties.
inline std::size_t PointLimit(std::size_t parties, const FrontierOptions& options) {
  return parties <= 2 ? options.max_points : std::min(options.max_points, kMaxPointsManyParties);
}

/// Throws Error(kLimit) when `points` exceeds PointLimit.
inline void CheckPointLimit(std::size_t points, std::size_t parties,
                            const FrontierOptions& options) {
  if (points > PointLimit(parties, options)) {
    throw Error(ErrorCode::kLimit,
                "the Pareto frontier of " + std::to_string(parties) + " parties has more than " +
                    std::to_string(PointLimit(parties, options)) +
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

/// PruneDominated for three or more dimensions: each candidate against every live kept point.
/// O(P x K); Error(kLimit) as soon as K exceeds PointLimit(dims, options).
template <class CountT>
std::vector<KeptPoint<CountT>> KeepNonDominated(const PointSet<CountT>& in,
                                                const std::vector<std::uint32_t>& order,
                                                const FrontierOptions& options) {
  const std::size_t n = in.dims;
  std::vector<KeptPoint<CountT>> kept;
  std::vector<char> gone;
  for (std::uint32_t c : order) {
    const double* cu = in.At(c);
    bool absorbed = false;
    for (std::size_t k = 0; k < kept.size() && !absorbed; ++k) {
      if (gone[k]) continue;
      const double* ku = in.At(kept[k].index);
      if (TiesWithin(ku, cu, n)) {
        MergeInto(kept[k], in, c);
        absorbed = true;
      } else if (DominatesRaw(ku, cu, n)) {
        absorbed = true;
      }
    }
    if (absorbed) continue;
    for (std::size_t k = 0; k < kept.size(); ++k) {
      if (!gone[k] && DominatesRaw(cu, in.At(kept[k].index), n)) gone[k] = 1;
    }
    kept.push_back({c, in.count[c], in.parent[c], in.value[c]});
    gone.push_back(0);
    if (kept.size() > PointLimit(n, options)) {
      const auto live = static_cast<std::size_t>(std::count(gone.begin(), gone.end(), 0));
      CheckPointLimit(live, n, options);
    }
  }
  std::size_t w = 0;
  for (std::size_t k = 0; k < kept.size(); ++k) {
    if (!gone[k]) kept[w++] = kept[k];
  }
  kept.resize(w);
  return kept;
}

/// The non-dominated points of `in`, equal points (within epsilon) merged: counts summed, the
/// smallest key kept. Result sorted by key. Cost: O(P log P) for two dimensions (sort and sweep
/// over a staircase), O(P log P + P x K) for more (K = points kept; Error(kLimit) as soon as K
/// exceeds PointLimit(dims, options), checked here for three or more dimensions only).
template <class CountT>
PointSet<CountT> PruneDominated(const PointSet<CountT>& in, const FrontierOptions& options) {
  const std::vector<std::uint32_t> order = ByUtilityDescending(in);
  std::vector<KeptPoint<CountT>> kept =
      in.dims == 2 ? KeepStaircase(in, order) : KeepNonDominated(in, order, options);
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

/// One step of the additive fold: the non-dominated sums cur[p] + g[k] (PruneDominated), with
/// counts multiplied and keys (p, g.value[k]). Candidates are generated in chunks of about
/// kCandidateChunk, each pruned together with what was kept before, so memory stays
/// O(chunk + kept). Error(kLimit) naming issue `issue` (unless empty) when more than PointLimit
/// points are kept.
/// O(|cur| x |g| x dims) to generate, O(C log C) per chunk to prune.
template <class CountT>
PointSet<CountT> CombinePruned(const PointSet<CountT>& cur, const PointSet<std::uint64_t>& g,
                               const FrontierOptions& options, const std::string& issue) {
  const std::size_t n = cur.dims;
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
    kept = PruneDominated(cand, options);
    if (kept.size() > PointLimit(n, options)) {
      const std::string what = issue.empty() ? "the issues" : "issue '" + issue + "'";
      throw Error(ErrorCode::kLimit, "more than " + std::to_string(PointLimit(n, options)) +
                                         " partial Pareto points after combining " + what +
                                         ": the frontier is too large to compute");
    }
  }
  return kept;
}

}  // namespace parley::analysis::internal
