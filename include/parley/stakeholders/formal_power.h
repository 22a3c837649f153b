#pragma once

/// A party's decision rule as a weighted voting game (docs/stakeholders.md, "Formal power"):
/// `one` -> the decider alone (weight 1, quota 1); `unanimity` -> every member weight 1, quota
/// n; `majority` -> every member weight 1, quota as given or floor(n/2) + 1; `weighted` -> the
/// weights (members not listed 0) and quota as given. Veto holders must be in every winning
/// coalition: each gets K = (sum of weights) + 1 more weight and the quota rises by K per veto
/// holder, so a coalition missing one never reaches it and one holding all wins exactly when
/// its original weight reaches the original quota.
///
///   const auto game = parley::stakeholders::DecisionGame(c, rule);
///   const auto indices = parley::coalition::ComputeIndices(game);

#include <string>
#include <vector>

#include "parley/coalition/weighted_game.h"
#include "parley/core/case.h"

namespace parley::stakeholders {

/// The rule a party is analysed under: its `decision` entry, or, when it has none, `one` with
/// the member of highest `formal` (first in file order on a tie), or `majority` when no member
/// states `formal`. `assumed` tells which.
struct EffectiveRule {
  DecisionRule rule;
  bool assumed = false;
  std::string decider;  ///< for `one`: who decides (explicit or by highest formal)
};

/// The effective rule of `party` in a valid case (party with stakeholders). O(stakeholders).
EffectiveRule RuleOf(const Case& c, const std::string& party);

/// The party's members (stakeholder ids in file order). O(stakeholders).
std::vector<std::string> MembersOf(const Case& c, const std::string& party);

/// The weighted voting game of the rule over the party's members, in file order, with vetoes
/// as above. The case must be valid (CheckCase). O(members).
coalition::WeightedGame DecisionGame(const Case& c, const EffectiveRule& rule);

}  // namespace parley::stakeholders
