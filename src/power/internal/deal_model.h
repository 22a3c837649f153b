#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "parley/analysis/frontier.h"
#include "parley/core/case.h"
#include "parley/core/party_valuation.h"
#include "parley/power/leverage.h"

namespace parley::power::internal {

/// The frontier of a case laid out for fast repeated weighted-Nash solves under changing
/// disagreement points: utilities and values in flat arrays, one valuation per party. Keeps
/// pointers into the case, which must outlive it. Not safe to share between threads (Solve uses
/// scratch space); give each thread its own.
class DealModel {
 public:
  /// `frontier` = ComputeFrontier(c). O(points x parties x issues + points x log(points)).
  DealModel(const Case& c, const analysis::Frontier& frontier);

  std::size_t Parties() const { return valuations_.size(); }
  std::size_t Points() const { return points_; }
  double Utility(std::size_t point, std::size_t party) const {
    return utility_[point * valuations_.size() + party];
  }
  double Value(std::size_t point, std::size_t party) const {
    return value_[point * valuations_.size() + party];
  }
  const PartyValuation& Valuation(std::size_t party) const { return valuations_[party]; }

  /// True when the party's reservation value is a range of positive width.
  bool Uncertain(std::size_t party) const;
  /// The reservation value at `fraction` in [0, 1) of the party's range (value units).
  double Reservation(std::size_t party, double fraction) const;
  /// A reservation value on the party's utility scale (PartyValuation's disagreement rule).
  double Disagreement(std::size_t party, double reservation) const;

  /// The weighted Nash solution for disagreement utilities `d` (one per party) and weights `w`
  /// (>= 0, any scale), with analysis::Solve's rule: among the points every party accepts
  /// (u_i >= d_i - eps), those whose gains all exceed eps rank by sum_i w'_i log(u_i - d_i) with
  /// w' = w scaled to mean 1, above every point with a zero gain; points within eps of the best
  /// tie. Returns the first optimal point in frontier order and sets `ties`; nullopt when no
  /// point is acceptable. O(points x parties).
  ///
  /// Without `ties` (the sampled draws), a branch and bound over blocks of kBlock consecutive
  /// points (frontier order) and the nodes of a binary tree over the blocks, each node with an
  /// upper bound of the score of every point under it; a node is cut when its bound does not beat
  /// the best score found. Then the first point within eps of the best: before the best point in
  /// its leaf, or under a node left of that leaf whose bound reaches the best score - eps.
  /// - Any number of parties: the box bound sum_i w'_i log(max u_i - d_i) over the node's points,
  ///   computed in the same floating-point order as a point's score, searched from the root (the
  ///   child with the higher bound first). It overestimates by a term first-order in the node's
  ///   span while scores fall off quadratically near the best, so on fine grids about
  ///   sqrt(points) leaves are scored: O(sqrt(points) x parties) per solve.
  /// - Two parties: the half-plane a1 u1 + a2 u2 <= c that every point of the node satisfies (a the
  ///   normal of the chord of the node's box, c the largest a.u of its points) tightens the box.
  ///   The bound is the Lagrangian dual of max sum_i w'_i log(u_i - d_i) over box and half-plane,
  ///   g(lambda) = sum_i max_{u_i <= max u_i} [w'_i log(u_i - d_i) - lambda a_i u_i] + lambda c,
  ///   an upper bound for every lambda >= 0 (weak duality), equal to the maximum at the closed-form
  ///   lambda of the line's weighted Nash point clipped to the box (lambda = 0, the box corner,
  ///   when the half-plane does not cut it): two logs. It exceeds the best score under the node by
  ///   terms second-order in the node's span (zero on a straight run of points). The search starts
  ///   at the leaf that a descent by the score's first-order change across each node's middle leads
  ///   to, then bounds the siblings of its path, nearest first. Frontier order runs along the chain
  ///   (u1 falling, u2 rising), so that leaf holds the best point or lies next to it, and a solve
  ///   takes about log2(points / kBlock) node bounds and one or two leaves of scores: O(log(points)
  ///   + kBlock). Nothing in the result depends on the order or on the guess: safety margins (c
  ///   rounded up at construction, a relative margin on each bound) keep every point's computed
  ///   score at or below its node's computed bound, so the result is SolveByScan's to the last bit.
  /// O(points x parties) in the worst case (scores far from unimodal along the frontier).
  /// With `ties`, the plain O(points x parties) scan (SolveByScan), which counts every tie.
  std::optional<std::size_t> Solve(const std::vector<double>& d, const std::vector<double>& w,
                                   std::size_t* ties = nullptr) const;

  /// The same rule by a scan of every point: O(points x parties). The reference of Solve.
  std::optional<std::size_t> SolveByScan(const std::vector<double>& d, const std::vector<double>& w,
                                         std::size_t* ties = nullptr) const;

  /// Points per leaf block of Solve's tree.
  static constexpr std::size_t kBlock = 8;

 private:
  // What Solve's bound search shares between its nodes.
  struct Search;
  std::vector<double> UnitWeights(const std::vector<double>& w) const;
  // The tier (1: every gain > eps, 0: some gain within eps, -1: not acceptable) and the score.
  int Score(std::size_t point, const double* d, const double* unit, double* key) const;
  // The points [begin, end) under tree node `node`.
  std::pair<std::size_t, std::size_t> NodePoints(std::size_t node) const;
  void BuildTree();
  void BuildLines();
  // The tier bound of the node (as Score's tier, for the best point under it) and, for tier 1,
  // the bound `ub` of every point's score under it (see Solve).
  int Bound(const Search& s, std::size_t node, double* ub) const;
  void FindBest(Search& s, std::size_t node) const;
  bool FindFirst(Search& s, std::size_t node) const;
  // Two parties: whether the score rises from point split - 1 to point split (first order).
  bool Rising(const Search& s, std::size_t split) const;
  // Two parties: FindBest from the leaf a descent by Rising leads to, then the path's siblings.
  void GuessBest(Search& s) const;
  // After FindBest: the first point in frontier order scoring within eps of the best.
  std::size_t FirstBest(Search& s) const;

  std::size_t points_ = 0;
  std::vector<double> utility_, value_;
  std::vector<PartyValuation> valuations_;
  // Solve's tree: leaves_ leaf slots (a power of two, at least one per block of kBlock points),
  // node k's children 2k and 2k+1, node 1 the root; tree_max_[k x parties + i] is party i's
  // highest utility under node k (-infinity under an empty leaf).
  std::size_t leaves_ = 0;
  std::vector<double> tree_max_;
  // Two parties: tree_line_[3k], [3k + 1], [3k + 2] are a1, a2 >= 0 (a1 + a2 = 1) and c of node
  // k's half-plane a1 u1 + a2 u2 <= c, which holds exactly for every point under k (c is rounded
  // up). Empty otherwise.
  std::vector<double> tree_line_;
  // Scratch space of SolveByScan (its ranks), kept to avoid two allocations per solve.
  mutable std::vector<double> keys_;
  mutable std::vector<int> tiers_;
};

/// `samples` x `parties` uniform numbers in [0, 1), row by row, from std::mt19937_64 seeded with
/// `seed` (53 bits of one draw each), the same on every platform.
std::vector<double> DrawFractions(std::uint64_t seed, std::size_t samples, std::size_t parties);

/// The random inputs of the sampled prediction, `samples` rows of one entry per party: the
/// fraction of each party's BATNA range (DrawFractions(seed)) and, when some deadline is unknown,
/// the fraction of the unknown-deadline range (DrawFractions of a second seed derived from
/// `seed`, so the BATNA draws stay the same whether or not deadlines are drawn).
struct Draws {
  std::size_t samples = 0;
  std::vector<double> batna;
  std::vector<double> deadline;  ///< empty when no deadline is drawn
};

/// The draws of `samples` x `parties`, deadlines included when `deadlines`. O(samples x parties).
Draws MakeDraws(std::uint64_t seed, std::size_t samples, std::size_t parties, bool deadlines);

/// What one party's results are over a set of draws.
struct SampleRun {
  std::size_t samples = 0;
  std::size_t deals = 0;                          ///< draws with an acceptable deal
  double expected_value = 0;                      ///< deal value, or the reservation value without
  std::vector<double> deal_values;                ///< the party's value in each deal, draw order
  std::vector<std::optional<std::size_t>> point;  ///< the predicted point of each draw
};

/// Solves every draw and summarises party `party`: the reservation values of each draw's BATNA
/// fractions, and the weights of `leverage` (Weights(), or WeightsAt each draw's deadline
/// fractions when deadlines are drawn). O(samples x Solve).
SampleRun RunDraws(const DealModel& model, const Leverage& leverage, const Draws& draws,
                   std::size_t party);

}  // namespace parley::power::internal
