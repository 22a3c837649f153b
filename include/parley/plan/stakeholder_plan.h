#pragma once

// Whom the plan names, read from the stakeholder map (stakeholders::MapStakeholders): who hears
// the anchor first and who must hear the figure from us, never second-hand; who gets a private
// preview before any group meeting; whose objections to prepare for; who closes; our sponsor for
// an escalation and whom they escalate to. Each with the reason from the map's numbers (real
// say, veto, stance, salience). The playbook, the checklist, the verdict and the pitfalls name
// people only through it, so the brief tells one story. docs/plan.md, "Stakeholders", gives the
// rules.
//
//   const stakeholders::StakeholderMap map = stakeholders::MapStakeholders(c);
//   const StakeholderPlan people = PlanStakeholders(c, map, "tidewater", "harbor");
//   if (people.closer) std::cout << people.closer->name << " closes\n";

#include <optional>
#include <string>
#include <vector>

#include "parley/core/case.h"
#include "parley/stakeholders/stakeholder_map.h"

namespace parley::plan {

/// One person the plan names.
struct PersonCall {
  std::string id;
  std::string name;    ///< as scripts name them: "name (title)", the title, the name or the id
  std::string reason;  ///< why, from the map's numbers: "real decider, 46% of the real say, ..."
  friend bool operator==(const PersonCall&, const PersonCall&) = default;
};

/// Whom the plan names, and why. Empty when the parties concerned map no stakeholders.
struct StakeholderPlan {
  /// Their side: the first of `previews` (in the engagement order), else the closer; the
  /// reason names those the engagement order briefs before them, who hear the case for the
  /// deal, not the figure.
  std::optional<PersonCall> anchor_first;
  /// Every counterpart's previews whose view a real decider or veto holder follows and who are
  /// neither: told our figure, they would pass it on second-hand; they hear the case for the
  /// deal, not the figure. In the order of `previews`.
  std::vector<PersonCall> case_only;
  /// Their side: the real deciders and veto holders, who must hear the figure from us, never
  /// from someone else first; in the engagement order.
  std::vector<PersonCall> hear_it_from_us;
  /// Their side, in the engagement order: a real decider or veto holder who is neutral, opposed
  /// or of unknown stance; an opponent whose view others follow (informal influence above an
  /// equal share, with someone giving weight to their view); and the member most others follow
  /// (the highest such informal influence).
  std::vector<PersonCall> previews;
  /// Their side: the opposed (stance below 0, or role blocker) who really decide, hold a veto,
  /// have power (salience) or whose view others follow; by real say, most first.
  std::vector<PersonCall> objections;
  /// Their side: the real decider with the most real say who can sign (formal power under the
  /// decision rule) and is not opposed; else who can sign; else who is not opposed; else any
  /// real decider (the reason says which).
  std::optional<PersonCall> closer;
  /// Our side: the first of these tiers with someone, by real say, then formal authority: those
  /// who support the deal (stance above 0) with title authority (formal 3+ or a veto); who
  /// support it with other weight (a real decider, power, or formal power above 0); the neutral
  /// (stance 0 or unknown) with title authority; the neutral with other weight. Never opposed
  /// (stance below 0) nor a blocker.
  std::optional<PersonCall> sponsor;
  /// Their side: whom our sponsor escalates to, chosen by the same rule as `sponsor`.
  std::optional<PersonCall> counterpart;
  friend bool operator==(const StakeholderPlan&, const StakeholderPlan&) = default;
};

/// A stakeholder as named in a script: "name (title)", the title or the name alone, or the id.
std::string PersonName(const Stakeholder& s);

/// The plan's people for the chair `us` facing `them` (either may be empty or map no one), from
/// the map of the valid case `c`. O(members^2) of the two parties.
StakeholderPlan PlanStakeholders(const Case& c, const stakeholders::StakeholderMap& map,
                                 const std::string& us, const std::string& them);

/// Whom to preview privately, as a script names them: the previews ("A and B"), else the one
/// who hears the anchor first; empty when the plan names neither.
std::string PreviewNames(const StakeholderPlan& people);

/// "A", "A and B", "A, B and C" of the calls' names; empty for none.
std::string NamesOf(const std::vector<PersonCall>& calls);

}  // namespace parley::plan
