#include "parley/stakeholders/formal_power.h"

#include <cmath>
#include <cstdint>

namespace parley::stakeholders {

std::vector<std::string> MembersOf(const Case& c, const std::string& party) {
  std::vector<std::string> out;
  for (const Stakeholder& s : c.stakeholders) {
    if (s.party == party) out.push_back(s.id);
  }
  return out;
}

EffectiveRule RuleOf(const Case& c, const std::string& party) {
  EffectiveRule out;
  out.rule.party = party;
  out.assumed = true;
  for (const DecisionRule& d : c.decisions) {
    if (d.party == party) {
      out.rule = d;
      out.assumed = false;
    }
  }
  if (out.assumed) out.rule.rule = DecisionRuleKind::kOne;
  if (out.rule.rule != DecisionRuleKind::kOne) return out;
  out.decider = out.rule.decider;
  const Stakeholder* top = nullptr;
  for (const Stakeholder& s : c.stakeholders) {
    if (s.party == party && s.formal && (top == nullptr || *s.formal > *top->formal)) top = &s;
  }
  if (out.decider.empty() && top != nullptr) out.decider = top->id;
  if (out.decider.empty()) out.rule.rule = DecisionRuleKind::kMajority;  // assumed, no formal
  return out;
}

coalition::WeightedGame DecisionGame(const Case& c, const EffectiveRule& rule) {
  coalition::WeightedGame game;
  const std::vector<std::string> members = MembersOf(c, rule.rule.party);
  const std::uint64_t n = members.size();
  game.players = members;
  game.weights.assign(n, 1);
  switch (rule.rule.rule) {
    case DecisionRuleKind::kOne:
      for (std::size_t i = 0; i < n; ++i) game.weights[i] = members[i] == rule.decider ? 1 : 0;
      game.quota = 1;
      break;
    case DecisionRuleKind::kUnanimity:
      game.quota = n;
      break;
    case DecisionRuleKind::kMajority:
      game.quota =
          rule.rule.quota ? static_cast<std::uint64_t>(std::llround(*rule.rule.quota)) : n / 2 + 1;
      break;
    case DecisionRuleKind::kWeighted:
      game.weights.assign(n, 0);
      for (const auto& [id, w] : rule.rule.weights) {
        for (std::size_t i = 0; i < n; ++i) {
          if (members[i] == id) game.weights[i] = static_cast<std::uint64_t>(std::llround(w));
        }
      }
      game.quota = static_cast<std::uint64_t>(std::llround(rule.rule.quota.value_or(1)));
      break;
  }
  std::uint64_t total = 0;
  for (std::uint64_t w : game.weights) total += w;
  const std::uint64_t k = total + 1;
  for (std::size_t i = 0; i < n; ++i) {
    for (const Stakeholder& s : c.stakeholders) {
      if (s.id == members[i] && s.veto) {
        game.weights[i] += k;
        game.quota += k;
      }
    }
  }
  return game;
}

}  // namespace parley::stakeholders
