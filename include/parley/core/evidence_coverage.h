#pragma once

/// Which claims of a case evidence backs: ListClaims walks every party's power scores, BATNA,
/// deadline and floors and returns each claim with its evidence ids. A claim without evidence is
/// a bluff risk (METHOD.md section 4): `parley show` lists them and the power analysis reports
/// them as unsupported (power::SourceAssessment::unsupported). O(size of the case).
///
///   for (const parley::Claim& claim : parley::ListClaims(c)) {
///     if (!claim.Supported()) std::cout << claim.party << ": " << claim.subject << '\n';
///   }
///   const char* kind = parley::ClaimKindName(parley::ClaimKind::kBatna);  // "BATNA"

#include <string>
#include <vector>

#include "parley/core/case.h"

namespace parley {

/// What kind of claim a case makes that evidence should back.
enum class ClaimKind { kPowerScore, kBatna, kDeadline, kFloor, kDateSet };

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
