#pragma once

/// The evidence pack of a case: one Evidence per fact (a benchmark, a cost, a precedent, ...),
/// referred to by id from the claims it backs (power scores, BATNAs, deadlines, floors,
/// stakeholders). The power model's confidence in a score grows with the evidence behind it;
/// evidence_coverage.h lists the claims that have none.
///
///   for (const parley::Evidence& e : c.evidence) {
///     std::cout << e.id << " (" << parley::EvidenceKindName(e.kind) << "): " << e.claim << '\n';
///   }
///   const parley::Evidence* quote = c.FindEvidence("competitor-quote");

#include <optional>
#include <string>
#include <vector>

namespace parley {

/// What kind of fact a piece of evidence is (CASE_FORMAT.md, `evidence[].kind`).
enum class EvidenceKind {
  kBenchmark,
  kCost,
  kLegal,
  kPrecedent,
  kCapacity,
  kPolicy,
  kResearch,
  kOther
};

/// One fact in the evidence pack, tied by id to the claims it backs (power scores, BATNAs,
/// floors, deadlines, stakeholders).
struct Evidence {
  std::string id;  ///< [a-z0-9_-]+, unique across the case
  EvidenceKind kind = EvidenceKind::kOther;
  std::string claim;   ///< what it establishes, in one sentence
  std::string source;  ///< where it comes from (document, survey, person, date)
  std::string date;    ///< optional ISO date (YYYY-MM-DD), empty when not given
  /// `share: yes|no`: whether it may be shown to the other side; absent means the default of
  /// evidence_audience.h (private when a BATNA, floor or deadline cites it, shareable otherwise).
  std::optional<bool> share;
  /// `for: PARTY`: the party whose statements it supports; empty means derived from what cites
  /// it (evidence_audience.h).
  std::string for_party;

  friend bool operator==(const Evidence&, const Evidence&) = default;
};

/// The file spelling of `kind` ("benchmark", "cost", ...).
const char* EvidenceKindName(EvidenceKind kind);
/// Every spelling, in declaration order, for validation and hints.
const std::vector<std::string>& EvidenceKindNames();

}  // namespace parley
