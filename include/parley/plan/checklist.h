#pragma once

// The method's checklist (METHOD.md sections 4 to 6), evaluated against a case: nineteen items,
// each pass, fail or unknown with the reason and the case's figures.
//
//   for (const CheckItem& item : EvaluateChecklist(PlanInputsOf(c, brief))) {
//     std::cout << CheckStatusName(item.status) << " " << item.item << "\n";
//   }
//
// Each item is a row of ChecklistRules(): its id, its kind, the item written once and the
// function that judges it. docs/plan.md says how to add one.

#include <string>
#include <vector>

#include "parley/plan/plan_inputs.h"

namespace parley::plan {

/// The verdict on one checklist item.
enum class CheckStatus { kPass, kFail, kUnknown };

/// "pass", "fail", "unknown".
const char* CheckStatusName(CheckStatus status);

/// What the method asks: something to do, or something to avoid.
enum class CheckKind { kDo, kAvoid };

/// "do", "avoid".
const char* CheckKindName(CheckKind kind);

/// One item of the method's checklist (METHOD.md sections 4 to 6), evaluated against the case.
struct CheckItem {
  std::string id;    ///< stable, e.g. "batna-known"
  std::string kind;  ///< "do" or "avoid" (CheckKindName)
  std::string item;  ///< what the method asks, in one line
  CheckStatus status = CheckStatus::kUnknown;
  std::string reason;  ///< why, with the case's figures and fields
};

/// A rule's judgement of one item.
struct CheckVerdict {
  CheckStatus status = CheckStatus::kUnknown;
  std::string reason;  ///< why, with the case's figures and fields
};

/// One rule of the checklist: a row of ChecklistRules().
struct CheckRule {
  const char* id;  ///< stable, e.g. "batna-known"
  CheckKind kind;
  const char* item;  ///< what the method asks, in one line
  CheckVerdict (*judge)(const PlanInputs& in);
};

/// The rules of the checklist, one row per item, "do" items first, in the order of docs/plan.md.
const std::vector<CheckRule>& ChecklistRules();

/// Evaluates the checklist (docs/plan.md lists the items and their rules) on the inputs, one
/// item per row of ChecklistRules(), in that order. O(size of the case + size of the brief).
std::vector<CheckItem> EvaluateChecklist(const PlanInputs& in);

}  // namespace parley::plan
