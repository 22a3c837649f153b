#include "parley/core/decision_rule.h"

namespace parley {

const std::vector<std::string>& DecisionRuleNames() {
  static const std::vector<std::string> kNames = {"one", "unanimity", "majority", "weighted"};
  return kNames;
}

const char* DecisionRuleName(DecisionRuleKind kind) {
  return DecisionRuleNames()[static_cast<int>(kind)].c_str();
}

}  // namespace parley
