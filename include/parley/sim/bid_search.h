#pragma once

/// The one question every bidding strategy asks: "an outcome whose utility to us lies in
/// [lo, hi] that a given estimate of the other side's preferences likes best". Answered from the
/// additive structure of both utilities, never by visiting the outcome space:
///
/// 1. Small spaces, exactly: an issue-by-issue fold of the distinct partial sums of our utility,
///    keeping the best estimate for each (the deal-space frontier's fold with one more
///    dimension), when every issue has at most `dense` values and the partial sums stay within
///    `exact_states`. O(sum over issues of states x values x log states).
/// 2. Otherwise a Lagrangian sweep: for a multiplier L each issue independently takes the value
///    maximising theirs + L x ours among its anchors (every option; for a number issue only the
///    grid points next to a kink of either piecewise-linear function and its ends, since a linear
///    objective over a segment peaks at an end): O(A) per L, A = the anchors of all issues. L is
///    bisected (64 steps) to the point where our sum crosses the band; the two outcomes on either
///    side are then repaired: one issue re-chosen to land in the band (solving the linear
///    segment between anchors for the exact grid point), else two issues re-chosen together
///    (only while A^2 <= 200,000), else a greedy step toward the band; then improved issue by
///    issue while they stay in the band. O(64 A + issues x A (+ issues x A^2 for pairs)).
///    A grid of 10^6 or 10^15 points costs what its kinks cost. The answer is in the band
///    whenever the repair finds a point in it (it may miss a band a subset-sum would hit on
///    huge spaces); its estimate is within the largest range of one issue's estimate of the best
///    (the Lagrangian gap of a multiple-choice knapsack; tests/sim/bid_search_test.cc checks it
///    against brute force).
///
///   const auto bid = parley::sim::BestInBand(c.issues, mine, estimate, 0.7, 0.75);
///   if (bid) offer(*bid);  // mine.Utility(c.issues, *bid) in [0.7, 0.75] (within kBandTolerance)

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "parley/core/issue.h"
#include "parley/core/outcome_space.h"
#include "parley/core/party_valuation.h"
#include "parley/sim/additive_model.h"
#include "parley/sim/split_mix.h"

namespace parley::sim {

/// How far outside [lo, hi] a utility may lie and still count as inside: rounding only.
inline constexpr double kBandTolerance = 1e-12;

/// Options of BestInBand.
struct BidSearchOptions {
  /// Number issues with at most this many grid points offer every point as an anchor.
  std::uint64_t dense = 64;
  /// The exact fold runs while it keeps at most this many partial sums (0: never).
  std::size_t exact_states = 20'000;
};

/// The outcome of `issues` whose utility under `ours` lies in [lo, hi] (within kBandTolerance)
/// and whose raw sum under `theirs` is the largest found (ties: the first found), or nullopt
/// when none was found (always nullopt when no outcome lies in the band). `ours` and `theirs`
/// have one function per issue. Cost: see the header comment.
std::optional<Outcome> BestInBand(const std::vector<Issue>& issues, const AdditiveModel& ours,
                                  const AdditiveModel& theirs, double lo, double hi,
                                  const BidSearchOptions& options = {});

class OurFold;

/// BestInBand for one fixed `ours` and many estimates (an opponent model that learns each turn):
/// our side of every issue's menu (its anchors and our contribution at each, when they are
/// every value of the issue) is computed once, so a question computes only the estimate's side,
/// O(A), before the search; the menus and the fold's layers keep their storage from one
/// question to the next, so after the first a question allocates only the answer. With an
/// OurFold of the same `ours` and options, a question the exact fold answers follows the fold's
/// sums that can reach the band in their order, with no sort (see OurFold). Gives exactly
/// BestInBand's answers. `issues` and `ours` must outlive it; one searcher answers one caller at
/// a time (Best reuses its buffers).
class BidSearcher {
 public:
  /// O(anchors x log points). `fold`: OurFold::Build(issues, ours, options), or nullptr.
  BidSearcher(const std::vector<Issue>& issues, const AdditiveModel& ours,
              const BidSearchOptions& options = {}, std::shared_ptr<const OurFold> fold = nullptr);
  ~BidSearcher();
  BidSearcher(BidSearcher&&) noexcept;
  BidSearcher& operator=(BidSearcher&&) noexcept;
  /// BestInBand(issues, ours, theirs, lo, hi, options).
  std::optional<Outcome> Best(const AdditiveModel& theirs, double lo, double hi);
  /// As Best, written into `out` (its storage reused); false, and `out` untouched, when Best
  /// gives nullopt.
  bool BestInto(const AdditiveModel& theirs, double lo, double hi, Outcome& out);

  /// Our side of one issue's menu: the anchors and our contribution at each (empty when the
  /// anchors are not every value: then they are joined with the estimate's at each question).
  struct OurMenu {
    std::vector<std::uint64_t> k;
    std::vector<double> us;
    /// The positions of k ordered by our contribution (ties by position), so the fold finds the
    /// values that keep a partial sum within reach of the band by two binary searches.
    std::vector<std::uint32_t> by_us;
  };

 private:
  const std::vector<Issue>* issues_;
  const AdditiveModel* ours_;
  BidSearchOptions options_;
  std::vector<OurMenu> menus_;
  std::shared_ptr<const OurFold> fold_;

 public:
  /// The buffers a question reuses (bid_search.cc).
  struct Scratch;

 private:
  std::unique_ptr<Scratch> scratch_;
};

/// Our side of BestInBand's exact fold for one fixed `ours`, built once and shared by every
/// BidSearcher of it (each party's, for all the negotiations of a rehearsal): each layer's
/// distinct partial sums of our utility in increasing order and, for each, the pairs (sum of
/// the layer before, value index) that reach it. A question then visits, layer by layer, only
/// the sums that can still reach the band (one run of each layer, found by two binary
/// searches) and keeps for each the node the fold's sort and merge would keep, without
/// sorting: O(issues x log sums + the pairs of the sums visited). Sums within 10^-15 of each
/// other are one sum, as the fold merges them (rounding makes equal sums differ by an ulp).
/// Built only where the fold applies with no band (every issue's values all anchors, at most
/// `exact_states` sums a layer, at most kMaxFoldPairs pairs in all) and where each sum's pairs
/// stay within 10^-15 of each other and farther from the next sum's, whatever node a question
/// extends (bounding the rounding): there the merge is the same for every estimate.
class OurFold {
 public:
  /// The most pairs a fold holds (memory: 12 bytes each).
  static constexpr std::size_t kMaxFoldPairs = 1 << 20;
  /// The fold, or nullptr when it does not apply. O(pairs x log pairs).
  static std::shared_ptr<const OurFold> Build(const std::vector<Issue>& issues,
                                              const AdditiveModel& ours,
                                              const BidSearchOptions& options = {});

  /// One layer: the sums after issues 0..i.
  struct Layer {
    std::vector<double> s;              ///< the distinct sums, increasing (each its first pair's)
    std::vector<std::uint32_t> first;   ///< sum g's pairs: [first[g], first[g + 1])
    std::vector<std::uint32_t> parent;  ///< per pair: the sum of the layer before it extends
    std::vector<std::uint32_t> value;   ///< per pair: the value index it adds
  };
  std::vector<Layer> layers;  ///< one per issue
  /// Our contribution per issue and value index (the searcher's menus).
  std::vector<std::vector<double>> us;
  /// The least and most of our contributions from issue i on (size issues + 1).
  std::vector<double> rest_min, rest_max;
  double smin = 0, smax = 0;  ///< the least and most of our sums
  BidSearchOptions options;   ///< the options it was built with
};

/// BestInBand's exact fold for one fixed pair (ours, theirs), built once with no band and then
/// asked about many bands: the fold's last layer (every distinct partial sum of our utility with
/// the best estimate for it) sorted by our utility, so a question costs a binary search
/// (O(log states + issues)) when the estimate rises or falls with our utility along that layer
/// (theirs = ours: the best below a utility; theirs = ours.Negated(): the closest from above),
/// else O(log states + the states in the band). Gives the answer BestInBand gives (up to how
/// sums equal to within 10^-15 merge at the band's edges). Built only where BestInBand's fold
/// runs: every issue dense and at most `exact_states` partial sums with no band.
///
///   const auto table = parley::sim::BandTable::Build(c.issues, mine, mine.Negated());
///   if (table) bid = table->Best(0.7, 1e300);  // the outcome closest to 0.7 from above
class BandTable {
 public:
  /// The table, or nullopt when the exact fold does not apply. O(fold).
  static std::optional<BandTable> Build(const std::vector<Issue>& issues, const AdditiveModel& ours,
                                        const AdditiveModel& theirs,
                                        const BidSearchOptions& options = {});
  /// BestInBand(issues, ours, theirs, lo, hi, options). Cost: see above.
  std::optional<Outcome> Best(double lo, double hi) const;
  /// As Best, written into `out` (its storage reused, so a caller asking every turn allocates
  /// nothing); false, and `out` untouched, when the band holds no outcome.
  bool BestInto(double lo, double hi, Outcome& out) const;

  /// One node of the fold: the partial sums of both utilities, the node it extends in the
  /// previous layer and the value index it adds.
  struct Node {
    double s, e;
    std::size_t parent;
    std::uint64_t k;
  };

 private:
  std::vector<std::vector<Node>> layers_;
  double offset_ = 0;
  bool clamp_at_one_ = false;
  int order_ = 0;  // +1: e rises with s along the last layer, -1: it falls, 0: neither
};

/// The most outcomes SampledBestInBand draws.
inline constexpr std::size_t kMaxBidSamples = 1 << 16;

/// The same question when our utility is not additive (GENIUS rectangles): among `samples`
/// outcomes drawn uniformly (each issue's value index uniform, from `rng`), plus `seed_outcome`
/// when given, the one in the band that `theirs` likes best; nullopt when none is. A bounded
/// search, not exact: a band holding few outcomes may be missed. O(samples x issues x boxes).
/// Throws Error(kUsage) when samples exceeds kMaxBidSamples.
std::optional<Outcome> SampledBestInBand(const std::vector<Issue>& issues,
                                         const PartyValuation& ours, const AdditiveModel& theirs,
                                         double lo, double hi, std::size_t samples, SplitMix& rng,
                                         const std::optional<Outcome>& seed_outcome = {});

}  // namespace parley::sim
