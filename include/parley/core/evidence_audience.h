#pragma once

/// Who an evidence item speaks for and who may hear it (CASE_FORMAT.md, `evidence[].share` and
/// `evidence[].for`). An item supports the party named by its `for`, else every party whose power
/// score, BATNA, floor, deadline or stakeholder cites it. It may be shown to the other side when
/// its `share` says so; without `share`, evidence cited by a BATNA, floor or deadline is private
/// (it is the internal rationale of a limit) and any other evidence is shareable. A script read
/// aloud by a party cites only what that party may cite (MayCite).
///
///   for (const parley::Evidence& e : c.evidence) {
///     if (parley::MayCite(c, e, "cloudco")) std::cout << e.claim << '\n';
///   }

#include <string>
#include <vector>

#include "parley/core/case.h"

namespace parley {

/// The parties whose statements `e` supports: {e.for_party} when set, else the parties whose
/// power scores, BATNA, floors, deadline or stakeholders cite it, in party order; empty when
/// nothing cites it. O(parties x power sources + floors + stakeholders, times citations).
std::vector<std::string> EvidenceSupports(const Case& c, const Evidence& e);

/// True when `e` may be shown to the other side: its `share`, else false when a BATNA, floor
/// or deadline of any party cites it, true otherwise. O(parties + floors, times citations).
bool EvidenceShareable(const Case& c, const Evidence& e);

/// True when `party` may read `e` aloud: it may be shown and it supports `party` and no other
/// party. O(as EvidenceSupports).
bool MayCite(const Case& c, const Evidence& e, const std::string& party);

/// True when another side may cite `e` against `party`: it supports a party other than `party`
/// and, when `party`'s own statements cite it too, another party's claims (a power score, a date
/// it sets, a stakeholder) cite it, not only `party`'s estimate of that side's limits (our
/// discovery notes behind our power score and our guess at their floor are ours). An item with
/// no `for` that says `share: no` is ours, kept from them (what their procurement told our
/// champion), whatever of theirs it backs. O(as EvidenceSupports).
bool TheirsToCite(const Case& c, const Evidence& e, const std::string& party);

/// True when `e` supports a party other than `party` (what that side may cite against it).
/// O(as EvidenceSupports).
bool SupportsOtherSide(const Case& c, const Evidence& e, const std::string& party);

}  // namespace parley
