#pragma once

/// The counterparty map: the people on each party's side who shape its decision, each with
/// formal authority (0..5), a possible veto, a stance (-2 opposed .. +2 champion), interests and
/// informal influence on the others (0..1), a role in the decision, interest and urgency (0..5).
/// `parley show` lists them; the power model's authority lens, the playbook and the checklist read
/// them.
///
///   for (const parley::Stakeholder& s : c.stakeholders) {
///     if (s.veto && s.stance && *s.stance < 0) std::cout << s.name << " can block the deal\n";
///   }

#include <optional>
#include <string>
#include <vector>

namespace parley {

/// An influence tie written on stakeholder Y: stakeholder `on` (X, of Y's party) gives weight
/// `weight` (0..1) to Y's view. What X's incoming ties leave of 1 is the weight X gives its own
/// view (the DeGroot matrix row of X; docs/stakeholders.md).
struct Influence {
  std::string on;  ///< stakeholder id of the listener X, same party
  double weight = 0;
  friend bool operator==(const Influence&, const Influence&) = default;
};

/// A person on one party's side who shapes the decision (the counterparty map).
struct Stakeholder {
  std::string id;     ///< [a-z0-9_-]+, unique across the case
  std::string party;  ///< party id
  std::string name;
  std::string title;
  std::optional<double> formal;  ///< formal authority 0..5 (title, budget, decision rights)
  bool veto = false;
  std::optional<double> stance;  ///< -2 opposed .. +2 champion
  /// Role in the decision: economic-buyer, user, technical-evaluator, coach, blocker (see
  /// StakeholderRoleNames) or free text; empty when not stated.
  std::string role;
  std::optional<double> interest;  ///< how much the outcome matters to them, 0..5; unknown if unset
  std::optional<double>
      urgency;  ///< how pressing their claim is, 0..5 (salience); unknown if unset
  std::vector<std::string> interests;
  std::vector<Influence> influences;
  std::vector<std::string> evidence;
  friend bool operator==(const Stakeholder&, const Stakeholder&) = default;
};

/// The named roles ("economic-buyer", "user", "technical-evaluator", "coach", "blocker"); any
/// other text is a free-text role.
const std::vector<std::string>& StakeholderRoleNames();

}  // namespace parley
