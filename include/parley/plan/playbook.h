#pragma once

// The conduct plan: five phases of moves, each with what to say, filled with the case's figures,
// and the conduct warnings among the pitfalls.
//
//   const Playbook book = BuildPlaybook(PlanInputsOf(c, brief));
//   for (const PlayPhase& phase : book.phases) { ... }
//
// Every context shares the moves of each phase; a context adds its own (docs/plan.md).

#include <string>
#include <vector>

#include "parley/plan/plan_inputs.h"
#include "parley/power/pitfalls.h"

namespace parley::plan {

/// One move of the playbook: when to use it, what to say, what tells us to adjust or stop, and
/// what can go wrong with the safeguard against it. Texts are filled with the case's figures,
/// dates, names and evidence.
struct PlayMove {
  std::string id;  ///< stable: "floor-with-evidence", "validity-date", ...
  std::string name;
  std::string when;
  std::string say;  ///< the script, in our words, to adapt rather than read out
  std::string signal;
  std::string risk;
  std::string safeguard;
};

/// One phase of the negotiation (METHOD.md section 5).
struct PlayPhase {
  std::string phase;  ///< setup, first-move, midgame, close, implementation
  std::vector<PlayMove> moves;
};

/// A piece of evidence the other side may cite against us (it supports another party), with the
/// reply to prepare. Listed in the brief, never read aloud by us.
struct TheirCitation {
  std::string evidence;  ///< the evidence id
  std::string party;     ///< the party it supports (the first, when several)
  std::string claim;
  std::string source;  ///< may be empty
  std::string reply;   ///< how to answer it, by the kind of evidence
};

/// The conduct plan for the case's context (sales, procurement, partnership, hiring, internal,
/// other).
struct Playbook {
  std::string context;            ///< the context it is written for ("other" when unset)
  std::vector<PlayPhase> phases;  ///< the five phases, in order
  /// Where hard power should not be used, and other conduct warnings: the pitfalls of kind
  /// conduct (PitfallKindOf): hard-power-in-repeated-relationship, unsupported-claim (ours
  /// only), face-threat and deadline-reliance.
  std::vector<power::Pitfall> warnings;
  /// What they may cite: the evidence supporting another party than us (evidence_audience.h),
  /// in case order, each with a reply. Scripts never contain these texts.
  std::vector<TheirCitation> they_may_cite;
};

/// The five phase ids in order.
const std::vector<std::string>& PhaseNames();

/// Writes the playbook of the case from the inputs' figures (anchor, MESO, concession plan,
/// floors, evidence, deadlines, stakeholders, give-get pairs); parts the inputs lack are left out
/// of the scripts, never invented. Every phase has at least one move; every move has every
/// field. O(size of the case + size of the plan's parts).
Playbook BuildPlaybook(const PlanInputs& in);

}  // namespace parley::plan
