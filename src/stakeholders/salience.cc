#include "parley/stakeholders/stakeholder_map.h"

namespace parley::stakeholders {

const char* SalienceName(Salience s) {
  static const char* const kNames[] = {"non-stakeholder", "dormant",   "discretionary",
                                       "demanding",       "dominant",  "dangerous",
                                       "dependent",       "definitive"};
  return kNames[static_cast<int>(s)];
}

Salience SalienceOf(bool power, bool legitimacy, bool urgency) {
  // Indexed by power * 4 + legitimacy * 2 + urgency (Mitchell, Agle and Wood 1997, figure 2).
  static constexpr Salience kTable[8] = {
      Salience::kNonStakeholder,  // none
      Salience::kDemanding,       // urgency
      Salience::kDiscretionary,   // legitimacy
      Salience::kDependent,       // legitimacy, urgency
      Salience::kDormant,         // power
      Salience::kDangerous,       // power, urgency
      Salience::kDominant,        // power, legitimacy
      Salience::kDefinitive,      // all three
  };
  return kTable[(power ? 4 : 0) + (legitimacy ? 2 : 0) + (urgency ? 1 : 0)];
}

const char* QuadrantName(Quadrant q) {
  static const char* const kNames[] = {"manage closely", "keep satisfied", "keep informed",
                                       "monitor", "unknown (interest not stated)"};
  return kNames[static_cast<int>(q)];
}

}  // namespace parley::stakeholders
