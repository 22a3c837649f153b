#pragma once

// The other side's party: our threads into it (single-threaded risk) and the engagement order
// with a reason per step and the mode (one by one or together). docs/stakeholders.md gives the
// rules in this order.

#include "parley/stakeholders/stakeholder_map.h"

namespace parley::stakeholders::internal {

// Fills threads, single_threaded and thread_note of a party map whose members, influence and
// real deciders are set. O(members).
void FindThreads(PartyMap& m, const std::string& party_name);

// Fills engagement, mode and mode_reason. O(members^2).
void PlanEngagement(PartyMap& m);

}  // namespace parley::stakeholders::internal
