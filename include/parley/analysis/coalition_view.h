#pragma once

/// The coalition view of a deal among three or more parties (docs/coalition.md, "The coalition
/// view of a case"): which subsets of the parties could agree without the others, whether a
/// proposed grand deal is stable (the core: no subset prefers to walk off together), the game
/// of the joint surplus each subset can reach alone (for a Shapley split, computed by
/// parley::coalition), and whether to engage the parties one by one or together.
///
/// The model: a subset agreeing alone settles among its members the issues no outsider values
/// (an issue some outsider states a value for is one that party takes part in: a price it pays,
/// a service it delivers, a share of a joint margin); each member counts every other issue at
/// min(0, its worst value of it): no gain it would need the outsider for, and any cost it could
/// not avoid; the parties outside take their BATNAs. Where a party values an issue the others
/// could in fact settle without it, the view is pessimistic about the groups without that party.
///
///   const parley::analysis::CoalitionView v = parley::analysis::ComputeCoalitionView(c, deal);
///   for (const parley::analysis::SubsetView& s : v.subsets)
///     if (s.zopa && s.members != v.Everyone()) std::cout << "a smaller deal exists\n";

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "parley/analysis/frontier.h"
#include "parley/core/case.h"
#include "parley/core/outcome_space.h"

namespace parley::analysis {

/// Most parties stating values the view takes: it visits every one of the 2^N subsets.
inline constexpr std::size_t kMaxCoalitionViewParties = 16;

/// Largest number issue (grid values) whose best joint value is found value by value.
inline constexpr std::uint64_t kMaxCoalitionViewGrid = 1'000'000;

/// What one subset of two or more parties can reach alone.
struct SubsetView {
  std::uint32_t members = 0;         ///< bit i set: CoalitionView::parties[i] is a member
  std::vector<std::size_t> settled;  ///< the issues the members can settle alone (see above)
  /// Some outcome gives every member at least its disagreement utility (within epsilon): the
  /// subset's own ZOPA.
  bool zopa = false;
  /// Some outcome of the settled issues gives every member strictly more (by more than epsilon
  /// on its utility scale) than the proposed deal (the NTU blocking test); `blocking` is one
  /// (a Pareto point of the subset; issues not settled at their first value).
  bool blocks = false;
  std::optional<Outcome> blocking;
  /// Money view only (every party states money values): the best joint surplus the subset
  /// reaches alone, max(0, max over the settled issues of sum over members of value -
  /// reservation value),
  /// in value units; `worth_text` is the same rounded to 10^-6 as an exact decimal ("1250.5");
  /// `best` an outcome reaching it; `deal_gain` the members' summed gains in the proposed deal.
  std::optional<double> worth;
  std::string worth_text;
  std::optional<Outcome> best;
  double deal_gain = 0;
};

/// How to engage the parties (METHOD.md: one by one to build momentum, or together for shared
/// ownership), with the row of the rule table that decided it (docs/coalition.md).
enum class EngagementKind { kOneByOne, kTogether };

/// "one_by_one" or "together".
const char* EngagementKindName(EngagementKind kind);

/// The recommendation and its reason, a sentence built from the numbers.
struct EngagementAdvice {
  EngagementKind kind = EngagementKind::kTogether;
  int rule = 0;  ///< 1..6, the row of the table in docs/coalition.md
  std::string reason;
};

/// The coalition view of a case and a proposed grand deal.
struct CoalitionView {
  std::vector<std::string> parties;  ///< the parties that state values, case order
  std::vector<std::string> names;    ///< their display names
  int decimals = 0;                  ///< text::MoneyDecimals of the case
  bool money = false;                ///< every party states money values: the TU view
  Outcome deal;                      ///< the proposed grand deal
  std::vector<double> deal_utility;  ///< per party
  /// Per party: value - reservation value in the money view, utility - disagreement utility in
  /// the utility view.
  std::vector<double> deal_gain;
  /// Every subset of two or more parties, by size then by members' bits; the grand coalition last.
  std::vector<SubsetView> subsets;
  /// Parties without whom no subset (the grand coalition included) has a ZOPA: every workable
  /// deal needs them (veto holders of the deal). Empty when the grand coalition has no ZOPA.
  std::vector<std::size_t> essential;
  /// Pairs of parties (i < j) with no ZOPA of their own: they cannot agree without others.
  std::vector<std::pair<std::size_t, std::size_t>> conflicts;
  /// The proposed deal is in the core: every party gets at least its BATNA and no subset of two
  /// or more blocks it (money view: no subset's worth exceeds its members' summed gains by more
  /// than 10^-6 of the larger; utility view: no subset has an outcome all members strictly
  /// prefer).
  bool in_core = false;
  /// Why the deal is not in the core, when it is not: the members of the first subset of two or
  /// more that blocks it, a smaller group first (the grand coalition only when no smaller one
  /// blocks: then the deal merely leaves joint value unused); 0 when in the core or when only a
  /// party below its BATNA keeps it out.
  std::uint32_t blocked_by = 0;
  EngagementAdvice advice;

  /// The bits of the grand coalition.
  std::uint32_t Everyone() const { return (std::uint32_t{1} << parties.size()) - 1; }
  /// The subset with exactly these members (two or more), or nullptr.
  const SubsetView* Find(std::uint32_t members) const;
  /// How much the money view's subset `s` can do better alone than in the deal (0 if not).
  double Shortfall(const SubsetView& s) const;
};

/// The coalition view of `c` (valid, additive, 3 to kMaxCoalitionViewParties parties stating
/// values) for the grand deal `deal`. Floors are not applied. Throws Error(kInvalidInput) for
/// fewer than three valued parties or a non-additive party, Error(kLimit) past
/// kMaxCoalitionViewParties parties, a number issue over kMaxCoalitionViewGrid values in the
/// money view, or a subset's frontier past options' limits. Cost: for each of the 2^N subsets,
/// one frontier (ComputeFrontier over its members) and, in the money view, O(sum over issues of
/// values x members) for its worth.
CoalitionView ComputeCoalitionView(const Case& c, const Outcome& deal,
                                   const FrontierOptions& options = {});

}  // namespace parley::analysis
