#pragma once

/// How one party decides (the case's `decision:` list): one person decides, everyone must agree,
/// a majority of members, or a weighted majority with a quota. A stakeholder's `veto: true`
/// holds under every rule. docs/case-format.md, "decision", gives the fields and their checks;
/// docs/stakeholders.md turns a rule into a weighted voting game.
///
///   for (const parley::DecisionRule& d : c.decisions) {
///     if (d.rule == parley::DecisionRuleKind::kWeighted) std::cout << *d.quota << '\n';
///   }

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace parley {

/// The kind of rule: `one`, `unanimity`, `majority`, `weighted`.
enum class DecisionRuleKind { kOne, kUnanimity, kMajority, kWeighted };

/// The name of a rule as the case file writes it ("one", "unanimity", ...).
const char* DecisionRuleName(DecisionRuleKind kind);
/// Every rule name, in enum order.
const std::vector<std::string>& DecisionRuleNames();

/// One party's decision rule.
struct DecisionRule {
  std::string party;  ///< party id; at most one rule per party
  DecisionRuleKind rule = DecisionRuleKind::kOne;
  /// Votes needed: required for `weighted` (in (0, sum of weights]); for `majority` the number of
  /// members needed (default: more than half); not allowed for `one` and `unanimity`.
  std::optional<double> quota;
  /// Stakeholder id -> whole number of votes, in file order; `weighted` only (members not listed
  /// have no vote).
  std::vector<std::pair<std::string, double>> weights;
  /// `one` only: the stakeholder who decides (default: the member with the highest `formal`).
  std::string decider;
  friend bool operator==(const DecisionRule&, const DecisionRule&) = default;
};

}  // namespace parley
