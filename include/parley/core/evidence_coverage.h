#pragma once

#include <string>
#include <vector>

#include "parley/core/case.h"

namespace parley {

/// What kind of claim a case makes that evidence should back.
enum class ClaimKind { kPowerScore, kBatna, kDeadline, kFloor };

/// One claim of the case and the evidence behind it. A claim with no evidence is allowed but is
/// a bluff risk (METHOD.md section 4): it is reported as unsupported.
struct Claim {
  ClaimKind kind;
  std::string party;    ///< whose claim it is
  std::string subject;  ///< e.g. "power.situational", "batna", "deadline", "floor.price"
  std::vector<std::string> evidence;
  bool Supported() const { return !evidence.empty(); }
};

/// Every claim in the case, party by party in file order: power scores (source order), BATNA,
/// deadline, floors. O(size of the case).
std::vector<Claim> ListClaims(const Case& c);

/// "power score", "BATNA", "deadline", "floor".
const char* ClaimKindName(ClaimKind kind);

}  // namespace parley
