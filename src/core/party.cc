#include "parley/core/party.h"

namespace parley {

const std::vector<std::string>& PowerSourceNames() {
  static const std::vector<std::string> kNames = {"situational",    "knowledge", "information",
                                                  "organizational", "personal",  "planning"};
  return kNames;
}

const char* PowerSourceName(PowerSource source) {
  return PowerSourceNames()[static_cast<int>(source)].c_str();
}

}  // namespace parley
