#include "parley/sim/bid_search.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <span>

#include "parley/core/error.h"

namespace parley::sim {

// The storage one search fills: kept by a BidSearcher from one question to the next, so its
// vectors keep their capacity and a question allocates only its answer.
struct BidSearcher::Scratch {
  // One issue's anchors with both utilities at each.
  struct Menu {
    // The anchors and our contribution at each: views of the searcher's menu (BidSearcher's
    // OurMenu, no copy per question) or of own_k and own_us.
    std::span<const std::uint64_t> k;
    std::span<const double> us;
    std::vector<std::uint64_t> own_k;
    std::vector<double> own_us, op;
    bool dense = true;  // every value of the issue is an anchor
    // The positions by our contribution (BidSearcher::OurMenu::by_us), or nullptr.
    const std::vector<std::uint32_t>* by_us = nullptr;
  };
  std::vector<Menu> menus;
  std::vector<std::vector<BandTable::Node>> layers;  // the fold's
  std::vector<double> rest_min, rest_max;            // the fold's bounds on the issues left
  // A question through an OurFold (AnswerByFold): the estimate's contribution per value index
  // (a view of its table, or of fold_own_op), and per layer the node each sum visited keeps
  // (its value kNoPair when no node reaches it).
  std::vector<std::span<const double>> fold_op;
  std::vector<std::vector<double>> fold_own_op;
  // A node of the fold as a question reaches it: both sums, the sum of the layer before it
  // extends (its position there) and the value index it adds.
  struct Reached {
    double s = 0, e = 0;
    std::uint32_t parent = 0, value = 0;
  };
  std::vector<std::vector<Reached>> fold_kept;
};

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

using Menu = BidSearcher::Scratch::Menu;

// A candidate answer with its per-issue contributions cached.
struct Bid {
  Outcome o;
  std::vector<double> us, op;
  double s = 0, e = 0;  // sums of us and op
};

// One issue's chosen value: index and both contributions.
struct Choice {
  std::uint64_t k = 0;
  double us = 0, op = 0;
};

class Search {
 public:
  using Node = BandTable::Node;

  // `cached`, when given, holds our anchors and contributions per issue (BidSearcher), used
  // where they are every index of the issue; `scratch`, when given, the storage to fill (its
  // capacity reused), else the search's own.
  Search(const std::vector<Issue>& issues, const AdditiveModel& ours, const AdditiveModel& theirs,
         double lo, double hi, const BidSearchOptions& options,
         const std::vector<BidSearcher::OurMenu>* cached = nullptr,
         BidSearcher::Scratch* scratch = nullptr)
      : issues_(issues),
        ours_(ours),
        theirs_(theirs),
        options_(options),
        scratch_(scratch != nullptr ? *scratch : own_),
        menus_(scratch_.menus) {
    lo_ = lo - ours.offset;
    hi_ = ours.clamp_at_one && hi >= 1 ? kInf : hi - ours.offset;
    menus_.resize(issues.size());
    for (std::size_t i = 0; i < issues.size(); ++i) {
      Menu& m = menus_[i];
      m.op.clear();
      if (cached != nullptr && (*cached)[i].k.size() == issues[i].ValueCount()) {
        const BidSearcher::OurMenu& mine = (*cached)[i];
        m.k = mine.k;
        m.us = mine.us;
        m.dense = true;
        m.by_us = &mine.by_us;
        for (std::uint64_t k : m.k) m.op.push_back(theirs.Contribution(issues, i, k));
        continue;
      }
      // The union of both anchor sets; every index when either holds every index.
      std::vector<std::uint64_t>& k = m.own_k;
      k = ours.Anchors(issues[i], i, options.dense);
      if (k.size() != issues[i].ValueCount()) {
        std::vector<std::uint64_t> more = theirs.Anchors(issues[i], i, options.dense);
        if (more.size() == issues[i].ValueCount()) {
          k = std::move(more);
        } else {
          k.insert(k.end(), more.begin(), more.end());
          std::sort(k.begin(), k.end());
          k.erase(std::unique(k.begin(), k.end()), k.end());
        }
      }
      m.dense = k.size() == issues[i].ValueCount();
      m.by_us = nullptr;
      m.own_us.clear();
      for (std::uint64_t x : k) {
        m.own_us.push_back(ours.Contribution(issues, i, x));
        m.op.push_back(theirs.Contribution(issues, i, x));
      }
      m.k = k;
      m.us = m.own_us;
    }
  }

  // The unpruned fold's layers (BandTable), false when the fold does not apply.
  bool Layers(std::vector<std::vector<Node>>& layers) const {
    return FoldLayers(layers, false, true);
  }

  std::optional<Outcome> Run() {
    double smin = 0, smax = 0;
    for (const Menu& m : menus_) {
      smin += *std::min_element(m.us.begin(), m.us.end());
      smax += *std::max_element(m.us.begin(), m.us.end());
    }
    if (smax < lo_ - kBandTolerance || smin > hi_ + kBandTolerance) return std::nullopt;
    if (auto exact = Fold()) return exact;
    return Sweep();
  }

 private:
  bool InBand(double s) const { return s >= lo_ - kBandTolerance && s <= hi_ + kBandTolerance; }

  Bid Choose(double lambda) const {
    Bid b;
    for (const Menu& m : menus_) {
      std::size_t best = 0;
      for (std::size_t j = 1; j < m.k.size(); ++j) {
        const double a = m.op[j] + lambda * m.us[j], z = m.op[best] + lambda * m.us[best];
        const bool tie_break =
            a == z && (lambda >= 0 ? m.us[j] > m.us[best] : m.us[j] < m.us[best]);
        if (a > z || tie_break) best = j;
      }
      b.o.push_back(m.k[best]);
      b.us.push_back(m.us[best]);
      b.op.push_back(m.op[best]);
      b.s += m.us[best];
      b.e += m.op[best];
    }
    return b;
  }

  // The two outcomes either side of the band's edge, by bisection on the multiplier.
  std::pair<Bid, Bid> Bracket(bool up) const {
    const double sign = up ? 1 : -1;
    const double edge = up ? lo_ : hi_;
    auto past = [&](const Bid& b) { return up ? b.s >= edge : b.s <= edge; };
    double inside = 1;
    Bid far = Choose(sign * inside);
    for (int i = 0; i < 200 && !past(far); ++i) far = Choose(sign * (inside *= 2));
    double outside = 0;
    for (int i = 0; i < 64; ++i) {
      const double mid = (inside + outside) / 2;
      if (past(Choose(sign * mid))) {
        inside = mid;
      } else {
        outside = mid;
      }
    }
    return {Choose(sign * outside), Choose(sign * inside)};
  }

  void Apply(Bid& b, std::size_t i, const Choice& c) const {
    b.s += c.us - b.us[i];
    b.e += c.op - b.op[i];
    b.o[i] = c.k;
    b.us[i] = c.us;
    b.op[i] = c.op;
  }

  Choice At(std::size_t i, std::uint64_t k) const {
    return {k, ours_.Contribution(issues_, i, k), theirs_.Contribution(issues_, i, k)};
  }

  // Grid points strictly between anchors j and j+1 whose us lies in [lo, hi]: the two ends of
  // that run (us and op are linear there, so one of them is the best).
  void SegmentEnds(std::size_t i, std::size_t j, double lo, double hi,
                   std::vector<Choice>& out) const {
    const Menu& m = menus_[i];
    const double k0 = static_cast<double>(m.k[j]), k1 = static_cast<double>(m.k[j + 1]);
    if (k1 - k0 < 2 || m.us[j + 1] == m.us[j]) return;
    const double d = (m.us[j + 1] - m.us[j]) / (k1 - k0);
    double a = k0 + (lo - m.us[j]) / d,
           z = std::isinf(hi) ? (d > 0 ? kInf : -kInf) : k0 + (hi - m.us[j]) / d;
    if (a > z) std::swap(a, z);
    a = std::max(a, k0 + 1);
    z = std::min(z, k1 - 1);
    if (!(a <= z + 1)) return;
    for (double k : {std::ceil(a) - 1, std::ceil(a), std::floor(z), std::floor(z) + 1}) {
      if (k > k0 && k < k1) out.push_back(At(i, static_cast<std::uint64_t>(k)));
    }
  }

  // The value of issue i with us in [lo, hi] that op likes best.
  std::optional<Choice> BestOnIssue(std::size_t i, double lo, double hi) const {
    const Menu& m = menus_[i];
    std::vector<Choice> candidates;
    for (std::size_t j = 0; j < m.k.size(); ++j) {
      candidates.push_back({m.k[j], m.us[j], m.op[j]});
      if (!m.dense && j + 1 < m.k.size()) SegmentEnds(i, j, lo, hi, candidates);
    }
    std::optional<Choice> best;
    for (const Choice& c : candidates) {
      if (c.us < lo - kBandTolerance || c.us > hi + kBandTolerance) continue;
      if (!best || c.op > best->op) best = c;
    }
    return best;
  }

  // Re-chooses one issue to land in the band (the best such issue), else steps toward it.
  std::optional<Bid> Repair(Bid b) const {
    for (std::size_t round = 0; round <= 2 * menus_.size() + 2; ++round) {
      if (InBand(b.s)) return b;
      std::optional<std::pair<std::size_t, Choice>> fix;
      for (std::size_t i = 0; i < menus_.size(); ++i) {
        const double rest = b.s - b.us[i];
        const auto c = BestOnIssue(i, lo_ - rest, hi_ - rest);
        if (c && (!fix || c->op - b.op[i] > fix->second.op - b.op[fix->first])) fix = {i, *c};
      }
      if (fix) {
        Apply(b, fix->first, fix->second);
        continue;
      }
      if (PairFix(b)) continue;
      if (!Step(b)) return std::nullopt;
    }
    return InBand(b.s) ? std::optional<Bid>(b) : std::nullopt;
  }

  // Re-chooses two issues to land in the band: each anchor of one with the best fix of the
  // other. O(issues^2 x anchors x anchors); skipped beyond kPairWork steps.
  bool PairFix(Bid& b) const {
    constexpr std::size_t kPairWork = 200'000;
    std::size_t work = 0;
    for (const Menu& m : menus_) work += m.k.size();
    if (work * work > kPairWork) return false;
    std::optional<Bid> best;
    for (std::size_t i = 0; i < menus_.size(); ++i) {
      for (std::size_t j = 0; j < menus_[i].k.size(); ++j) {
        Bid trial = b;
        Apply(trial, i, Choice{menus_[i].k[j], menus_[i].us[j], menus_[i].op[j]});
        for (std::size_t other = 0; other < menus_.size(); ++other) {
          if (other == i) continue;
          const double rest = trial.s - trial.us[other];
          const auto c = BestOnIssue(other, lo_ - rest, hi_ - rest);
          if (!c) continue;
          Bid fixed = trial;
          Apply(fixed, other, *c);
          if (!best || fixed.e > best->e) best = fixed;
        }
      }
    }
    if (!best) return false;
    b = *best;
    return true;
  }

  // One greedy move toward the band: the anchor change losing the least estimate per unit of
  // our sum gained toward it. False when no move goes toward it.
  bool Step(Bid& b) const {
    const bool up = b.s < lo_;
    std::optional<std::pair<std::size_t, Choice>> move;
    double best_ratio = -kInf;
    for (std::size_t i = 0; i < menus_.size(); ++i) {
      const Menu& m = menus_[i];
      for (std::size_t j = 0; j < m.k.size(); ++j) {
        const double ds = m.us[j] - b.us[i];
        if (up ? ds <= 0 : ds >= 0) continue;
        const double ratio = (m.op[j] - b.op[i]) / std::fabs(ds);
        if (ratio > best_ratio) {
          best_ratio = ratio;
          move = {i, Choice{m.k[j], m.us[j], m.op[j]}};
        }
      }
    }
    if (!move) return false;
    Apply(b, move->first, move->second);
    return true;
  }

  // Re-chooses issues one at a time for a better estimate while staying in the band.
  void Improve(Bid& b) const {
    for (std::size_t pass = 0; pass <= 2 * menus_.size(); ++pass) {
      bool changed = false;
      for (std::size_t i = 0; i < menus_.size(); ++i) {
        const double rest = b.s - b.us[i];
        const auto c = BestOnIssue(i, lo_ - rest, hi_ - rest);
        if (c && c->op > b.op[i] + 1e-15) {
          Apply(b, i, *c);
          changed = true;
        }
      }
      if (!changed) return;
    }
  }

  std::optional<Outcome> Sweep() const {
    const Bid start = Choose(0);
    std::vector<Bid> seeds;
    if (InBand(start.s)) {
      seeds.push_back(start);
    } else {
      auto [outside, inside] = Bracket(start.s < lo_);
      seeds = {inside, outside};
    }
    std::optional<Bid> best;
    for (const Bid& seed : seeds) {
      std::optional<Bid> b = Repair(seed);
      if (!b) continue;
      Improve(*b);
      if (!best || b->e > best->e) best = b;
    }
    if (!best) return std::nullopt;
    return best->o;
  }

  bool FoldLayers(std::vector<std::vector<Node>>& layers, bool prune, bool sort_last) const;
  std::optional<Outcome> Fold() const;

  const std::vector<Issue>& issues_;
  const AdditiveModel& ours_;
  const AdditiveModel& theirs_;
  BidSearchOptions options_;
  BidSearcher::Scratch own_;       // the storage of a one-off search
  BidSearcher::Scratch& scratch_;  // own_, or the searcher's
  std::vector<Menu>& menus_;       // scratch_.menus
  double lo_ = 0, hi_ = 0;
};

// The exact fold: layer by layer, every distinct partial sum of us with the best op for it,
// pruned to the sums that can still reach the band when `prune`. False when it does not apply
// (an issue not dense, too many sums, none left). O(sum over issues of states x values x log).
bool Search::FoldLayers(std::vector<std::vector<Node>>& layers, bool prune, bool sort_last) const {
  if (options_.exact_states == 0) return false;
  for (const Menu& m : menus_) {
    if (!m.dense) return false;
  }
  std::vector<double>& rest_min = scratch_.rest_min;
  std::vector<double>& rest_max = scratch_.rest_max;
  rest_min.assign(menus_.size() + 1, 0);
  rest_max.assign(menus_.size() + 1, 0);
  for (std::size_t i = menus_.size(); i-- > 0;) {
    rest_min[i] = rest_min[i + 1] + *std::min_element(menus_[i].us.begin(), menus_[i].us.end());
    rest_max[i] = rest_max[i + 1] + *std::max_element(menus_[i].us.begin(), menus_[i].us.end());
  }
  // Layer i + 1 is written over what the last question left there (its capacity reused).
  if (layers.empty()) layers.resize(1);
  layers[0].assign(1, Node{0, 0, 0, 0});
  for (std::size_t i = 0; i < menus_.size(); ++i) {
    if (layers.size() < i + 2) layers.resize(i + 2);
    const std::vector<Node>& prev = layers[i];
    std::vector<Node>& next = layers[i + 1];
    next.clear();
    next.reserve(prev.size() * menus_[i].k.size());
    const Menu& m = menus_[i];
    const double reach_lo = lo_ - kBandTolerance, reach_hi = hi_ + kBandTolerance;
    const double more_max = rest_max[i + 1], more_min = rest_min[i + 1];
    for (std::size_t p = 0; p < prev.size(); ++p) {
      const Node& from = prev[p];
      if (prune && m.by_us != nullptr) {
        // Both tests are monotone in our contribution, so the values kept are one run of
        // by_us: two binary searches, then only the kept values, in our order rather than the
        // menu's (the caller sorts the layer, or breaks ties as the plain loop's order would).
        // O(log values + kept).
        const std::vector<std::uint32_t>& by = *m.by_us;
        const auto first = std::partition_point(by.begin(), by.end(), [&](std::uint32_t j) {
          return from.s + m.us[j] + more_max < reach_lo;
        });
        const auto last = std::partition_point(first, by.end(), [&](std::uint32_t j) {
          return from.s + m.us[j] + more_min <= reach_hi;
        });
        for (auto it = first; it != last; ++it) {
          next.push_back({from.s + m.us[*it], from.e + m.op[*it], p, m.k[*it]});
        }
        continue;
      }
      for (std::size_t j = 0; j < m.k.size(); ++j) {
        const double s = from.s + m.us[j];
        if (prune && s + more_max < reach_lo) continue;
        if (prune && s + more_min > reach_hi) continue;
        next.push_back({s, from.e + m.op[j], p, m.k[j]});
      }
    }
    if (!sort_last && i + 1 == menus_.size() && next.size() <= options_.exact_states) {
      return !next.empty();  // the caller scans it: O(states), no sort
    }
    // By our sum, then the estimate (best first), then the order made (parent, then value
    // index): the stable order by (s, e) without stable_sort's buffer.
    std::sort(next.begin(), next.end(), [](const Node& a, const Node& b) {
      if (a.s != b.s) return a.s < b.s;
      if (a.e != b.e) return a.e > b.e;
      return a.parent != b.parent ? a.parent < b.parent : a.k < b.k;
    });
    // Sums equal up to rounding are one, with the best estimate: merged in place.
    std::size_t kept = 0;
    for (std::size_t q = 0; q < next.size(); ++q) {
      const Node n = next[q];
      if (kept == 0 || n.s - next[kept - 1].s > kBandTolerance * 1e-3) {
        next[kept++] = n;
      } else if (n.e > next[kept - 1].e) {
        next[kept - 1] = n;
      }
    }
    next.resize(kept);
    if (next.size() > options_.exact_states || next.empty()) return false;
  }
  layers.resize(menus_.size() + 1);
  return true;
}

// The outcome the node `p` of the last layer stands for. O(issues).
void OutcomeInto(const std::vector<std::vector<BandTable::Node>>& layers, std::size_t p,
                 Outcome& o) {
  o.resize(layers.size() - 1);
  for (std::size_t i = layers.size() - 1; i > 0; --i) {
    o[i - 1] = layers[i][p].k;
    p = layers[i][p].parent;
  }
}

Outcome OutcomeAt(const std::vector<std::vector<BandTable::Node>>& layers, std::size_t p) {
  Outcome o;
  OutcomeInto(layers, p, o);
  return o;
}

// The last layer is left in the order made: the best in the band is the largest estimate, ties
// to the smaller sum, then to the order made, which is the node the sorted and merged layer
// gives first (sums within 10^-15 of each other merge there: the same node up to a band edge
// falling inside such a pair). O(states) for the last layer instead of O(states log states).
std::optional<Outcome> Search::Fold() const {
  std::vector<std::vector<Node>>& layers = scratch_.layers;
  if (!FoldLayers(layers, true, false)) return std::nullopt;
  std::optional<std::size_t> best;
  const std::vector<Node>& last = layers.back();
  for (std::size_t p = 0; p < last.size(); ++p) {
    if (!InBand(last[p].s)) continue;
    if (!best) {
      best = p;
      continue;
    }
    const Node& a = last[p];
    const Node& b = last[*best];
    // Ties to the smaller sum, then to the plain loop's order (parent, then value index: the
    // fold's menus list values in index order), whichever order the layer was written in.
    if (a.e != b.e             ? a.e > b.e
        : a.s != b.s           ? a.s < b.s
        : a.parent != b.parent ? a.parent < b.parent
                               : a.k < b.k) {
      best = p;
    }
  }
  if (!best) return std::nullopt;
  return OutcomeAt(layers, *best);
}

constexpr std::uint32_t kNoPair = UINT32_MAX;

// How far past the band's reach a sum of our fold is still visited: far beyond the drift of an
// actual sum from the fold's (OurFold::Build bounds it below 10^-15), far below any gap.
constexpr double kFoldMargin = 1e-13;

enum class FoldAnswer { kFound, kNone, kGiveWay };

using Reached = BidSearcher::Scratch::Reached;

// Fold's order of the nodes of one sum, and of the last layer: the larger estimate, then the
// smaller sum, then the earlier parent, then the smaller value index (the first after the sort
// of FoldLayers, the one its merge keeps).
bool Before(const Reached& a, const Reached& b) {
  if (a.e != b.e) return a.e > b.e;
  if (a.s != b.s) return a.s < b.s;
  return a.parent != b.parent ? a.parent < b.parent : a.value < b.value;
}

// BestInBand through `fold`: the answer written into `out` (kFound), no outcome in the band
// (kNone, Run's bound), or kGiveWay when some layer keeps no node (the plain path then answers,
// as BestInBand's fold gives way to the sweep there). Each layer visits the fold's sums that
// can reach the band (two binary searches, widened by kFoldMargin) and, for each pair of them,
// the node the plain fold would make: its sum from the node its parent kept, the same
// arithmetic and the same pruning tests; each sum keeps its first node in Before's order, as
// the plain fold's sort and merge do, and the last layer's answer is its first node in band.
// O(issues x log sums + the pairs of the sums visited + the estimate's values).
FoldAnswer AnswerByFold(const OurFold& fold, const std::vector<Issue>& issues,
                        const AdditiveModel& ours, const AdditiveModel& theirs, double lo,
                        double hi, BidSearcher::Scratch& scratch, Outcome& out) {
  const double lo_s = lo - ours.offset;
  const double hi_s = ours.clamp_at_one && hi >= 1 ? kInf : hi - ours.offset;
  if (fold.smax < lo_s - kBandTolerance || fold.smin > hi_s + kBandTolerance) {
    return FoldAnswer::kNone;
  }
  const std::size_t n = issues.size();
  scratch.fold_op.resize(n);
  scratch.fold_own_op.resize(n);
  scratch.fold_kept.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t count = issues[i].ValueCount();
    const std::vector<double>& table = theirs.issues[i].table;
    if (issues[i].kind == IssueKind::kOptions && table.size() == count) {
      scratch.fold_op[i] = table;  // Contribution's own values, not copied
      continue;
    }
    std::vector<double>& own = scratch.fold_own_op[i];
    own.clear();
    for (std::uint64_t k = 0; k < count; ++k) own.push_back(theirs.Contribution(issues, i, k));
    scratch.fold_op[i] = own;
  }
  const double reach_lo = lo_s - kBandTolerance, reach_hi = hi_s + kBandTolerance;
  std::size_t prev_a = 0, prev_b = 0;  // the sums of the layer before that were visited
  std::optional<Reached> best;         // the last layer's answer
  std::uint32_t best_pair = kNoPair;
  for (std::size_t i = 0; i < n; ++i) {
    const OurFold::Layer& layer = fold.layers[i];
    const std::vector<double>& us = fold.us[i];
    const std::span<const double> op = scratch.fold_op[i];
    const double more_max = fold.rest_max[i + 1], more_min = fold.rest_min[i + 1];
    const bool last = i + 1 == n;
    const auto from = std::partition_point(layer.s.begin(), layer.s.end(), [&](double s) {
      return s + more_max < reach_lo - kFoldMargin;
    });
    const auto to = std::partition_point(
        from, layer.s.end(), [&](double s) { return s + more_min <= reach_hi + kFoldMargin; });
    const auto a = static_cast<std::size_t>(from - layer.s.begin());
    const auto b = static_cast<std::size_t>(to - layer.s.begin());
    std::vector<Reached>& kept = scratch.fold_kept[i];
    if (kept.size() < layer.s.size()) kept.resize(layer.s.size());
    const Reached* before = i == 0 ? nullptr : scratch.fold_kept[i - 1].data();
    bool any = false;
    for (std::size_t g = a; g < b; ++g) {
      Reached& here = kept[g];
      here.value = kNoPair;  // none yet
      for (std::uint32_t q = layer.first[g]; q < layer.first[g + 1]; ++q) {
        Reached node;
        node.parent = layer.parent[q];
        node.value = layer.value[q];
        if (i > 0) {
          const std::uint32_t p = node.parent;
          if (p < prev_a || p >= prev_b || before[p].value == kNoPair) continue;
          node.s = before[p].s + us[node.value];
          node.e = before[p].e + op[node.value];
        } else {
          node.s = 0.0 + us[node.value];
          node.e = 0.0 + op[node.value];
        }
        if (node.s + more_max < reach_lo || node.s + more_min > reach_hi) continue;
        if (here.value == kNoPair || Before(node, here)) here = node;
        if (last && (!best || Before(node, *best))) {
          best = node;
          best_pair = q;
        }
      }
      any = any || here.value != kNoPair;
    }
    if (!any) return FoldAnswer::kGiveWay;
    prev_a = a;
    prev_b = b;
  }
  out.resize(n);
  out[n - 1] = best->value;
  std::uint32_t p = fold.layers[n - 1].parent[best_pair];
  for (std::size_t i = n - 1; i-- > 0;) {
    const Reached& node = scratch.fold_kept[i][p];
    out[i] = node.value;
    p = node.parent;
  }
  return FoldAnswer::kFound;
}

}  // namespace

std::shared_ptr<const OurFold> OurFold::Build(const std::vector<Issue>& issues,
                                              const AdditiveModel& ours,
                                              const BidSearchOptions& options) {
  if (issues.empty() || options.exact_states == 0) return nullptr;
  const std::size_t n = issues.size();
  auto fold = std::make_shared<OurFold>();
  fold->options = options;
  fold->us.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t count = issues[i].ValueCount();
    // Every value an anchor, as the searcher's cached menus (and so value index = position).
    if (count > UINT32_MAX || ours.Anchors(issues[i], i, options.dense).size() != count) {
      return nullptr;
    }
    for (std::uint64_t k = 0; k < count; ++k) {
      fold->us[i].push_back(ours.Contribution(issues, i, k));
    }
  }
  // The bounds as Search::Run and FoldLayers compute them, in the same order of additions.
  fold->rest_min.assign(n + 1, 0);
  fold->rest_max.assign(n + 1, 0);
  for (std::size_t i = n; i-- > 0;) {
    const std::vector<double>& us = fold->us[i];
    fold->rest_min[i] = fold->rest_min[i + 1] + *std::min_element(us.begin(), us.end());
    fold->rest_max[i] = fold->rest_max[i + 1] + *std::max_element(us.begin(), us.end());
  }
  for (const std::vector<double>& us : fold->us) {
    fold->smin += *std::min_element(us.begin(), us.end());
    fold->smax += *std::max_element(us.begin(), us.end());
  }
  struct Pair {
    double s;
    std::uint32_t parent, value;
  };
  constexpr double kMerge = kBandTolerance * 1e-3;  // FoldLayers merges sums this close
  std::vector<Pair> pairs;
  std::vector<double> prev{0.0};
  double drift = 0, widest = 0;  // of the layer before: see below
  std::size_t total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::vector<double>& us = fold->us[i];
    total += prev.size() * us.size();
    if (total > kMaxFoldPairs) return nullptr;
    pairs.clear();
    pairs.reserve(prev.size() * us.size());
    double largest = 0;
    for (std::size_t p = 0; p < prev.size(); ++p) {
      for (std::size_t j = 0; j < us.size(); ++j) {
        const double s = prev[p] + us[j];
        largest = std::max(largest, std::fabs(s));
        pairs.push_back({s, static_cast<std::uint32_t>(p), static_cast<std::uint32_t>(j)});
      }
    }
    // A question's node extends the node its parent sum kept, whose sum may differ from the
    // first one (stored) by the parent's width plus its own drift; adding the same value to
    // two sums that differ by d gives results that differ by at most d plus half an ulp of
    // each, so by d + 2^-52 x the largest (none when d = 0: the same operands round alike).
    // Sums within kMerge are one sum of FoldLayers, merged by the estimate; that merge is the
    // same whatever the estimate when every sum's nodes stay within kMerge of each other and
    // farther than kMerge from the next sum's, drift included.
    if (drift + widest > 0) {
      drift += widest + (largest + drift + widest) * std::numeric_limits<double>::epsilon();
    }
    std::sort(pairs.begin(), pairs.end(), [](const Pair& x, const Pair& y) {
      if (x.s != y.s) return x.s < y.s;
      return x.parent != y.parent ? x.parent < y.parent : x.value < y.value;
    });
    Layer& layer = fold->layers.emplace_back();
    layer.parent.reserve(pairs.size());
    layer.value.reserve(pairs.size());
    widest = 0;
    for (std::size_t q = 0; q < pairs.size(); ++q) {
      if (q == 0 || pairs[q].s - pairs[q - 1].s > kMerge) {
        if (q > 0 && !(pairs[q].s - pairs[q - 1].s - 2 * drift > kMerge)) return nullptr;
        layer.s.push_back(pairs[q].s);
        layer.first.push_back(static_cast<std::uint32_t>(q));
      }
      const double width = pairs[q].s - layer.s.back();
      if (!(width + 2 * drift <= kMerge)) return nullptr;
      widest = std::max(widest, width);
      layer.parent.push_back(static_cast<std::uint32_t>(pairs[q].parent));
      layer.value.push_back(pairs[q].value);
    }
    layer.first.push_back(static_cast<std::uint32_t>(pairs.size()));
    if (layer.s.size() > options.exact_states) return nullptr;
    // The parents of the next layer: each sum's position (pairs of one sum share it).
    prev = layer.s;
  }
  return fold;
}

std::optional<Outcome> BestInBand(const std::vector<Issue>& issues, const AdditiveModel& ours,
                                  const AdditiveModel& theirs, double lo, double hi,
                                  const BidSearchOptions& options) {
  if (issues.empty()) {
    const double u = ours.clamp_at_one ? std::min(1.0, ours.offset) : ours.offset;
    if (u >= lo - kBandTolerance && u <= hi + kBandTolerance) return Outcome{};
    return std::nullopt;
  }
  return Search(issues, ours, theirs, lo, hi, options).Run();
}

BidSearcher::BidSearcher(const std::vector<Issue>& issues, const AdditiveModel& ours,
                         const BidSearchOptions& options, std::shared_ptr<const OurFold> fold)
    : issues_(&issues), ours_(&ours), options_(options), scratch_(std::make_unique<Scratch>()) {
  // A fold of other options or another domain is not used.
  if (fold != nullptr && fold->layers.size() == issues.size() &&
      fold->options.dense == options.dense && fold->options.exact_states == options.exact_states) {
    fold_ = std::move(fold);
  }
  menus_.resize(issues.size());
  for (std::size_t i = 0; i < issues.size(); ++i) {
    std::vector<std::uint64_t> k = ours.Anchors(issues[i], i, options.dense);
    if (k.size() != issues[i].ValueCount()) continue;  // unioned with theirs at each question
    OurMenu& m = menus_[i];
    m.us.reserve(k.size());
    for (std::uint64_t x : k) m.us.push_back(ours.Contribution(issues, i, x));
    // The fold's ties follow the menu's order, which must be the index order for by_us's run.
    if (std::is_sorted(k.begin(), k.end()) && k.size() <= UINT32_MAX) {
      m.by_us.resize(k.size());
      std::iota(m.by_us.begin(), m.by_us.end(), 0U);
      std::stable_sort(m.by_us.begin(), m.by_us.end(),
                       [&](std::uint32_t a, std::uint32_t b) { return m.us[a] < m.us[b]; });
    }
    m.k = std::move(k);
  }
}

BidSearcher::~BidSearcher() = default;
BidSearcher::BidSearcher(BidSearcher&&) noexcept = default;
BidSearcher& BidSearcher::operator=(BidSearcher&&) noexcept = default;

std::optional<Outcome> BidSearcher::Best(const AdditiveModel& theirs, double lo, double hi) {
  Outcome o;
  if (!BestInto(theirs, lo, hi, o)) return std::nullopt;
  return o;
}

bool BidSearcher::BestInto(const AdditiveModel& theirs, double lo, double hi, Outcome& out) {
  if (fold_ != nullptr) {
    switch (AnswerByFold(*fold_, *issues_, *ours_, theirs, lo, hi, *scratch_, out)) {
      case FoldAnswer::kFound:
        return true;
      case FoldAnswer::kNone:
        return false;
      case FoldAnswer::kGiveWay:
        break;
    }
  }
  std::optional<Outcome> bid =
      issues_->empty()
          ? BestInBand(*issues_, *ours_, theirs, lo, hi, options_)
          : Search(*issues_, *ours_, theirs, lo, hi, options_, &menus_, scratch_.get()).Run();
  if (!bid) return false;
  out = std::move(*bid);
  return true;
}

std::optional<BandTable> BandTable::Build(const std::vector<Issue>& issues,
                                          const AdditiveModel& ours, const AdditiveModel& theirs,
                                          const BidSearchOptions& options) {
  if (issues.empty()) return std::nullopt;
  BandTable t;
  const Search search(issues, ours, theirs, -kInf, kInf, options);
  if (!search.Layers(t.layers_)) return std::nullopt;
  t.offset_ = ours.offset;
  t.clamp_at_one_ = ours.clamp_at_one;
  const std::vector<Node>& last = t.layers_.back();
  bool rises = true, falls = true;
  for (std::size_t p = 1; p < last.size(); ++p) {
    rises = rises && last[p].e > last[p - 1].e;
    falls = falls && last[p].e < last[p - 1].e;
  }
  t.order_ = rises ? 1 : falls ? -1 : 0;
  return t;
}

std::optional<Outcome> BandTable::Best(double lo, double hi) const {
  Outcome o;
  if (!BestInto(lo, hi, o)) return std::nullopt;
  return o;
}

bool BandTable::BestInto(double lo, double hi, Outcome& out) const {
  // The band on the sums, as BestInBand sets it, widened by the tolerance.
  const double from = lo - offset_ - kBandTolerance;
  const double to = (clamp_at_one_ && hi >= 1 ? kInf : hi - offset_) + kBandTolerance;
  const std::vector<Node>& last = layers_.back();
  const auto below = [](const Node& n, double x) { return n.s < x; };
  const auto above = [](double x, const Node& n) { return x < n.s; };
  // The estimate falling with our sum: the band's first node, one binary search (the closest
  // from above); rising: its last; else every node of the band is compared.
  std::vector<Node>::const_iterator best;
  if (order_ < 0) {
    best = std::lower_bound(last.begin(), last.end(), from, below);
    if (best == last.end() || best->s > to) return false;
  } else if (order_ > 0) {
    const auto end = std::upper_bound(last.begin(), last.end(), to, above);
    if (end == last.begin() || (end - 1)->s < from) return false;
    best = end - 1;
  } else {
    const auto first = std::lower_bound(last.begin(), last.end(), from, below);
    const auto end = std::upper_bound(first, last.end(), to, above);
    if (first >= end) return false;
    best = first;  // the first of the largest estimates, as the fold picks
    for (auto it = first + 1; it != end; ++it) {
      if (it->e > best->e) best = it;
    }
  }
  OutcomeInto(layers_, static_cast<std::size_t>(best - last.begin()), out);
  return true;
}

std::optional<Outcome> SampledBestInBand(const std::vector<Issue>& issues,
                                         const PartyValuation& ours, const AdditiveModel& theirs,
                                         double lo, double hi, std::size_t samples, SplitMix& rng,
                                         const std::optional<Outcome>& seed_outcome) {
  if (samples > kMaxBidSamples) {
    throw Error(ErrorCode::kUsage, "at most 65,536 samples per bid search");
  }
  std::optional<Outcome> best;
  double best_e = -kInf;
  auto consider = [&](const Outcome& o) {
    const double u = ours.Utility(o);
    if (u < lo - kBandTolerance || u > hi + kBandTolerance) return;
    const double e = theirs.RawSum(issues, o);
    if (!best || e > best_e) {
      best = o;
      best_e = e;
    }
  };
  if (seed_outcome) consider(*seed_outcome);
  Outcome o(issues.size());
  for (std::size_t s = 0; s < samples; ++s) {
    for (std::size_t i = 0; i < issues.size(); ++i) {
      o[i] = std::uniform_int_distribution<std::uint64_t>(0, issues[i].ValueCount() - 1)(rng);
    }
    consider(o);
  }
  return best;
}

}  // namespace parley::sim
