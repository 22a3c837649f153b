#pragma once

/// The tradeables of a two-sided case (docs/plan.md, "Tradeables"): every move on every issue
/// with what it costs one side and is worth to the other, gives and gets ranked by value created
/// per unit given, each issue's priority and nature (distributive, integrative, compatible,
/// one-sided), and the give-get pairs built from them. The brief computes them first, on the
/// floored case; both sides need additive values.
///
///   const parley::plan::Tradeables t = parley::plan::ComputeTradeables(c, "cloudco", "acme");
///   for (const parley::plan::IssueTrade& i : t.issues)
///     std::cout << i.issue << ": " << parley::plan::IssueNatureName(i.nature) << '\n';
///   for (const parley::plan::GiveGet& p : parley::plan::BuildGiveGetPairs(t, 5))
///     std::cout << p.give.issue << " for " << p.get.issue << '\n';

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "parley/core/case.h"
#include "parley/core/outcome_space.h"

namespace parley::plan {

/// How one issue splits between two parties, judged on their values of its values.
enum class IssueNature {
  kDistributive,  ///< opposed, and what one side gains the other loses one for one (price)
  kIntegrative,   ///< opposed, but one side cares more than the other: room to trade
  kCompatible,    ///< both prefer the same values: agree on it early, it costs nobody
  kOneSided,      ///< only one side's value changes with it (or neither's)
};

/// "distributive", "integrative", "compatible", "one-sided".
const char* IssueNatureName(IssueNature nature);

/// One issue seen by both sides.
struct IssueTrade {
  std::string issue;
  IssueNature nature = IssueNature::kOneSided;
  double our_range = 0, their_range = 0;  ///< best minus worst value of the issue, value units
  /// The issue's share of each side's total range: its priority for that side, 0..1.
  double our_priority = 0, their_priority = 0;
};

/// One move on one issue, from one value to another, with what it does to each side.
struct Move {
  std::string issue;
  std::uint64_t from = 0, to = 0;  ///< value indices (option or grid index)
  std::string from_text, to_text;
  double our_change = 0;    ///< our value(to) - our value(from), value units
  double their_change = 0;  ///< the other side's
  /// Value created per unit given: for a give (we lose, they gain) their gain / our loss; for a
  /// get (we gain, they lose) our gain / their loss; for a move both gain from, +infinity.
  double ratio = 0;
};

/// The tradeables of a two-sided case from one chair.
struct Tradeables {
  std::string us, them;
  bool money = false;              ///< both sides state money values, so changes are money
  std::vector<IssueTrade> issues;  ///< case order
  std::vector<Move> gives;         ///< moves that cost us and are worth something to them
  std::vector<Move> gets;          ///< moves that are worth something to us and cost them
  std::vector<Move> mutual;        ///< moves both sides gain from
};

/// Computes every move of every issue for `us` and `them` (both state additive values: money or
/// utility form). Options issues: every ordered pair of options. Number issues: moves between
/// neighbouring points of at most 11 evenly spaced grid values (the whole grid when it has at
/// most 11 values), both ways, so that a huge grid costs nothing. Changes are IssueContribution
/// differences (money, or weight x score for the utility form). gives and gets are ranked by
/// ratio, largest first (ties: larger change for the other side first, then issue order, then
/// from/to indices); moves that change nothing for anyone are left out. Throws Error(kUsage) when
/// a party is unknown or states no additive values. O(issues x values^2) for options issues.
Tradeables ComputeTradeables(const Case& c, const std::string& us, const std::string& them);

/// A concrete "if we move on A, we need B": one give and one get on different issues.
struct GiveGet {
  Move give;
  Move get;
  double our_net = 0;      ///< give.our_change + get.our_change
  double their_net = 0;    ///< give.their_change + get.their_change
  bool both_gain = false;  ///< both nets are positive
};

/// The best give-get pairs: for every ordered pair of different issues, the pair of one give and
/// one get that maximises min(our_net, their_net); then pairs where both gain first, ranked by
/// that minimum, then by the joint net. At most `max_pairs`. O(gives x gets).
std::vector<GiveGet> BuildGiveGetPairs(const Tradeables& t, std::size_t max_pairs = 10);

/// The give-get pairs from the package on the table `from` (an outcome of `c`): every give moves
/// one issue from its value in `from` to a sampled value (as ComputeTradeables samples) that
/// costs us and is worth something to them, every get moves another issue from its value in
/// `from` to one worth something to us that costs them, so no pair asks for a value the package
/// already has or gives what is already given. A pair is kept only when it creates value (the
/// nets sum above zero: in money when both sides state money, else each net over its side's
/// value range), the package it leads to
/// is worth at least our walk-away, and every third party (a valued party other than us and
/// them) accepts it. Then as BuildGiveGetPairs: the best pair per ordered pair of issues, both-gain
/// pairs first, at most `max_pairs`. Both parties need additive values (Error(kUsage)).
/// O(issues^2 x sampled values^2 x parties x issues).
/// `given` (empty, or one flag per issue): terms we have already given (the concession log); no
/// pair's get is on such an issue, so no pair asks back what we conceded.
std::vector<GiveGet> GiveGetPairsFrom(const Case& c, const std::string& us, const std::string& them,
                                      const Outcome& from, std::size_t max_pairs = 10,
                                      const std::vector<bool>& given = {});

}  // namespace parley::plan
