#pragma once

/// The counterparty map: the people on each party's side who shape its decision, each with
/// formal authority (0..5), a possible veto, a stance (-2 opposed .. +2 champion), interests and
/// informal influence on the others (0..1). `parley show` lists them; the power model's
/// authority lens, the playbook and the checklist read them.
///
///   for (const parley::Stakeholder& s : c.stakeholders) {
///     if (s.veto && s.stance && *s.stance < 0) std::cout << s.name << " can block the deal\n";
///   }

#include <optional>
#include <string>
#include <vector>

namespace parley {

/// Informal influence of one stakeholder on another, 0..1.
struct Influence {
  std::string on;  ///< stakeholder id
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
  std::vector<std::string> interests;
  std::vector<Influence> influences;
  std::vector<std::string> evidence;
  friend bool operator==(const Stakeholder&, const Stakeholder&) = default;
};

}  // namespace parley
