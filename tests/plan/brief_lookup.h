#pragma once

// What the plan's tests share: a brief built with fewer samples, and lookups of its pitfalls,
// checklist items and playbook moves by id.

#include <stdexcept>
#include <string>
#include <vector>

#include "parley/plan/brief.h"

namespace parley::plan::lookup {

/// The brief of `c`, with 500 samples instead of the default.
inline Brief Build(const Case& c, PlanOptions options = {}) {
  options.power.samples = 500;
  return BuildBrief(c, options);
}

/// The first pitfall with `id`, or nullptr.
inline const power::Pitfall* FindPitfall(const Brief& b, power::PitfallId id) {
  for (const power::Pitfall& p : b.pitfalls) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

/// The checklist item `id`; throws std::runtime_error when there is none.
inline const CheckItem& Check(const std::vector<CheckItem>& items, const std::string& id) {
  for (const CheckItem& item : items) {
    if (item.id == id) return item;
  }
  throw std::runtime_error("no checklist item " + id);
}

inline const CheckItem& Check(const Brief& b, const std::string& id) {
  return Check(b.checklist, id);
}

/// The ids of every move of the playbook, phase by phase.
inline std::vector<std::string> MoveIds(const Playbook& book) {
  std::vector<std::string> ids;
  for (const PlayPhase& phase : book.phases) {
    for (const PlayMove& m : phase.moves) ids.push_back(m.id);
  }
  return ids;
}

/// The move `id`; throws std::runtime_error when there is none.
inline const PlayMove& FindMove(const Playbook& book, const std::string& id) {
  for (const PlayPhase& phase : book.phases) {
    for (const PlayMove& m : phase.moves) {
      if (m.id == id) return m;
    }
  }
  throw std::runtime_error("no move " + id);
}

}  // namespace parley::plan::lookup
