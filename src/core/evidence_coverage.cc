#include "parley/core/evidence_coverage.h"

#include <string>

namespace parley {

const char* ClaimKindName(ClaimKind kind) {
  switch (kind) {
    case ClaimKind::kPowerScore:
      return "power score";
    case ClaimKind::kBatna:
      return "BATNA";
    case ClaimKind::kDeadline:
      return "deadline";
    case ClaimKind::kFloor:
      return "floor";
    case ClaimKind::kDateSet:
      return "date set for another side";
  }
  return "claim";
}

std::vector<Claim> ListClaims(const Case& c) {
  std::vector<Claim> claims;
  for (const Party& p : c.parties) {
    for (int s = 0; s < kPowerSourceCount; ++s) {
      if (!p.power[s]) continue;
      claims.push_back({ClaimKind::kPowerScore, p.id, std::string("power.") + PowerSourceNames()[s],
                        p.power[s]->evidence});
    }
    if (p.batna) claims.push_back({ClaimKind::kBatna, p.id, "batna", p.batna->evidence});
    if (p.deadline && !p.deadline->none)
      claims.push_back({ClaimKind::kDeadline, p.id, "deadline", p.deadline->evidence});
    for (std::size_t k = 0; k < p.sets.size(); ++k) {
      claims.push_back(
          {ClaimKind::kDateSet, p.id, "sets." + std::to_string(k), p.sets[k].evidence});
    }
    for (const Floor& f : c.floors) {
      if (f.party == p.id)
        claims.push_back({ClaimKind::kFloor, p.id, "floor." + f.issue, f.evidence});
    }
  }
  return claims;
}

}  // namespace parley
