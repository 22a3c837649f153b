#include "parley/core/evidence.h"

namespace parley {

const std::vector<std::string>& EvidenceKindNames() {
  static const std::vector<std::string> kNames = {"benchmark", "cost",   "legal",    "precedent",
                                                  "capacity",  "policy", "research", "other"};
  return kNames;
}

const char* EvidenceKindName(EvidenceKind kind) {
  return EvidenceKindNames()[static_cast<int>(kind)].c_str();
}

}  // namespace parley
