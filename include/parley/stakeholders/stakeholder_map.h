#pragma once

/// The stakeholder map of a case (docs/stakeholders.md): per party with stakeholders, each
/// member's formal power under the decision rule (Shapley-Shubik and Banzhaf), informal influence
/// from the influence ties (DeGroot consensus weight, or Friedkin-Johnsen social power when there
/// is no unique consensus), real power (formal power passed through the Friedkin-Johnsen
/// influence matrix), who really decides and how that differs from the org chart, salience
/// (Mitchell, Agle and Wood 1997), the power-interest quadrant (Mendelow 1991), single-threaded
/// risk and, for the other side's parties, an engagement order with a reason per step.
///
///   const parley::stakeholders::StakeholderMap map = parley::stakeholders::MapStakeholders(c);
///   for (const auto& id : map.real_deciders) std::cout << id << '\n';

#include <optional>
#include <string>
#include <vector>

#include "parley/core/case.h"
#include "parley/stakeholders/formal_power.h"
#include "parley/stakeholders/influence.h"

namespace parley::stakeholders {

/// Mitchell, Agle and Wood's classes from power, legitimacy and urgency.
enum class Salience {
  kNonStakeholder,  ///< none of the three
  kDormant,         ///< power only
  kDiscretionary,   ///< legitimacy only
  kDemanding,       ///< urgency only
  kDominant,        ///< power and legitimacy
  kDangerous,       ///< power and urgency
  kDependent,       ///< legitimacy and urgency
  kDefinitive,      ///< all three
};
/// "non-stakeholder", "dormant", ... "definitive".
const char* SalienceName(Salience s);
/// The class of a combination (the table of docs/stakeholders.md). O(1).
Salience SalienceOf(bool power, bool legitimacy, bool urgency);

/// Mendelow's power-interest grid.
enum class Quadrant { kManageClosely, kKeepSatisfied, kKeepInformed, kMonitor, kUnknown };
/// "manage closely", "keep satisfied", "keep informed", "monitor", "unknown (interest not stated)".
const char* QuadrantName(Quadrant q);

/// Thresholds of the classification (docs/stakeholders.md).
inline constexpr double kHighScore = 3;  ///< formal, interest, urgency at or above: "high"

/// One member of a party.
struct MemberPower {
  std::string id;
  std::string name;  ///< name, else title, else id
  std::string title;
  std::string role;
  std::optional<double> formal, stance, interest, urgency;
  /// Can block any decision: `veto: true` in the case, or by the rule's arithmetic
  /// (veto_by_rule).
  bool veto = false;
  /// Under a majority or weighted rule, every winning coalition needs this member: the other
  /// members' weights together fall short of the quota.
  bool veto_by_rule = false;
  std::string formal_power_fraction;  ///< Shapley-Shubik index, exact ("1/3")
  double formal_power = 0;            ///< Shapley-Shubik index as a number
  std::string banzhaf_fraction;
  double banzhaf = 0;
  std::optional<double> degroot;  ///< consensus weight, when there is a unique consensus
  double social_power = 0;        ///< Friedkin-Johnsen social power
  double informal_influence = 0;  ///< degroot when set, else social_power
  double real_power = 0;          ///< sum over voters j of formal_power_j * V[j][this]
  bool decides = false;           ///< among the real deciders
  bool power = false, legitimacy = false, urgent = false;  ///< salience attributes
  Salience salience = Salience::kNonStakeholder;
  Quadrant quadrant = Quadrant::kUnknown;
  std::vector<std::string> unknowns;  ///< "formal", "stance", "interest", "urgency" not stated
};

/// One step of an engagement order.
struct EngagementStep {
  std::string id;
  std::string reason;
};

/// The map of one party.
struct PartyMap {
  std::string party;
  bool ours = false;  ///< the `us` party (no engagement order)
  EffectiveRule rule;
  std::string rule_text;  ///< the rule and its game in words
  ConsensusKind consensus = ConsensusKind::kPrimitive;
  std::string influence_note;  ///< which measure informal_influence is and why
  bool fj_capped = false;
  std::vector<MemberPower> members;  ///< file order
  Matrix influence;                  ///< W over members, file order
  std::vector<std::string> real_deciders;
  std::string reason;             ///< why these decide
  std::string org_chart_decider;  ///< highest formal (first on a tie); empty when none stated
  bool differs_from_org_chart = false;
  std::string org_chart_note;
  std::vector<std::string> threads;  ///< our contacts: stance >= 1 or role coach
  bool single_threaded = false;
  std::string thread_note;
  std::vector<EngagementStep> engagement;
  std::string mode;  ///< "one by one" or "together" (other side only)
  std::string mode_reason;
};

/// The whole map: per party with stakeholders, in order of the case's parties.
struct StakeholderMap {
  std::vector<PartyMap> parties;
  std::vector<std::string> real_deciders;     ///< every party's, in party order
  std::vector<std::string> engagement_order;  ///< the other side's parties' steps, in order
};

/// The most members of one party the map analyses; more is Error(kLimit).
inline constexpr std::size_t kMaxMembers = 500;

/// The map of a valid case. Throws Error(kLimit) past kMaxMembers in a party or a limit of the
/// coalition module (large weighted votes). O(parties x members^3).
StakeholderMap MapStakeholders(const Case& c);

}  // namespace parley::stakeholders
