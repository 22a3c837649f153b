#pragma once

/// The opening offer (docs/plan.md, "The anchor"): the frontier point best for us among those
/// the other side accepts with its BATNA at the weak end of its range, with its credible range,
/// the concession room to the predicted deal and to our walk-away, the evidence to cite and a
/// rationale to say aloud. The brief plans it on the floored case (Brief::anchor), and the
/// concession plan starts from it. O(frontier points).
///
///   // predicted: the predicted deal's outcome, or std::nullopt when there is none
///   const parley::plan::Anchor a = parley::plan::PlanAnchor(c, f, "cloudco", "acme", predicted);
///   std::cout << a.rationale << '\n';
///   if (a.evidence.empty()) std::cout << "no evidence backs the anchor yet\n";

#include <optional>
#include <string>
#include <vector>

#include "parley/analysis/frontier.h"
#include "parley/core/case.h"
#include "parley/core/outcome_space.h"

namespace parley::plan {

/// The opening offer: ambitious but defensible.
struct Anchor {
  Outcome outcome;  ///< an outcome of the case given to PlanAnchor (the floored case)
  double our_value = 0, their_value = 0;
  /// The credible range of our value for an opening: from the best deal for us that the other
  /// side accepts whatever its BATNA in its range (the safe end) to the best it accepts when its
  /// BATNA is at the weak end of the range (the ambitious end, where the anchor sits). The safe
  /// end is never below the predicted deal or our walk-away: where it would be, it is the
  /// predicted deal (or the walk-away without one).
  double credible_low = 0, credible_high = 0;
  /// The package at credible_low (the safe end), when there is one: no concession goes below
  /// it, since they accept it whatever their BATNA (the predicted deal when the safe end stops
  /// there; none when it stops at the walk-away).
  std::optional<Outcome> credible_low_outcome;
  double predicted_value = 0;  ///< our value in the predicted deal
  double walk_away = 0;        ///< our reservation value
  /// Concession room: anchor minus predicted deal, and predicted deal minus walk-away.
  double room_to_prediction = 0, room_to_walk_away = 0;
  /// Evidence that can be cited for it, only what we may read aloud (MayCite in
  /// evidence_audience.h): the case's benchmarks, costs, precedents and legal standards, then
  /// the shareable evidence behind our floors; never our BATNA's. Empty: the anchor has no
  /// evidence (the plan flags `anchor-without-evidence`).
  std::vector<std::string> evidence;
  /// What the figures of our citable evidence say of the opening (FiguresInRange on each claim
  /// and number issue): an item whose figures all lie on their side of the opening's term is
  /// left out of `evidence` (said aloud it argues for them), and one whose figures all lie on
  /// ours stays cited with a note that it supports asking more. One sentence each, for us.
  std::vector<std::string> evidence_notes;
  std::string rationale;  ///< what to say aloud, with the figures
  /// The ambitious anchor (the frontier point PlanAnchor picks) when TemperAnchor moved the
  /// opening below it; absent when the opening is the ambitious anchor.
  std::optional<Outcome> ambitious_outcome;
  double ambitious_value = 0;  ///< our value of the ambitious anchor (our_value when untempered)
  /// Why and how the opening was tempered, in one sentence; empty when it was not.
  std::string tempering;
};

/// Plans the anchor for `us` facing `them` on `frontier` = ComputeFrontier(c) of the floored case
/// `c`, with `predicted` our predicted deal (or nullopt when there is none). The anchor is the
/// frontier point best for us among those worth at least our walk-away that the other side
/// accepts at the low end of its reservation range and every third party (a valued party other
/// than us and them) accepts; with none, the best such point whatever their BATNA, then the
/// frontier point best for us (worth our walk-away when any point is: the brief never plans an
/// anchor otherwise, see Approach::kWalkAway).
/// The safe end is likewise accepted by every third party. O(frontier points x parties).
/// Throws Error(kUsage) when a party states no values.
Anchor PlanAnchor(const Case& c, const analysis::Frontier& frontier, const std::string& us,
                  const std::string& them, const std::optional<Outcome>& predicted);

/// The opening tempered: `ambitious` (from PlanAnchor on the same arguments) moved down to the
/// frontier point nearest the level aim + keep x (ambitious - aim) of our value, `aim` being our
/// value where the concession plan lands (at least the safe end of the credible range) and `keep`
/// in [0, 1] the share of that room the opening keeps: the lowest point at or above the level,
/// else the highest below it. Only points of our value in [aim, ambitious) that the other side
/// accepts at the weak end of its BATNA range and every third party accepts are candidates (ties:
/// more value to them), so the opening stays inside the credible range. `why` (one sentence, the
/// reason: the verdict) opens Anchor::tempering. Returns `ambitious` unchanged when keep >= 1 or
/// there is no room. O(frontier points x parties).
Anchor TemperAnchor(const Case& c, const analysis::Frontier& frontier, const std::string& us,
                    const std::string& them, const Anchor& ambitious, double aim, double keep,
                    const std::string& why,
                    const std::string& aim_name = "where the concession plan lands");

}  // namespace parley::plan
