#pragma once

#include <string>
#include <vector>

#include "parley/core/case.h"

namespace parley::plan {

struct Brief;

/// The verdict on one checklist item.
enum class CheckStatus { kPass, kFail, kUnknown };

/// "pass", "fail", "unknown".
const char* CheckStatusName(CheckStatus status);

/// One item of the method's checklist (METHOD.md sections 4 to 6), evaluated against the case.
struct CheckItem {
  std::string id;    ///< stable, e.g. "batna-known"
  std::string kind;  ///< "do" or "avoid"
  std::string item;  ///< what the method asks, in one line
  CheckStatus status = CheckStatus::kUnknown;
  std::string reason;  ///< why, with the case's figures and fields
};

/// Evaluates the checklist (docs/plan.md lists the items and their rules) on the case and the
/// brief. Items are in a fixed order, "do" items first. O(size of the case + size of the brief).
std::vector<CheckItem> EvaluateChecklist(const Case& c, const Brief& brief);

}  // namespace parley::plan
