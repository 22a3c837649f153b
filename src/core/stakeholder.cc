#include "parley/core/stakeholder.h"

namespace parley {

const std::vector<std::string>& StakeholderRoleNames() {
  static const std::vector<std::string> kNames = {"economic-buyer", "user", "technical-evaluator",
                                                  "coach", "blocker"};
  return kNames;
}

}  // namespace parley
