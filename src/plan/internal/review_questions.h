#pragma once

// The review questions of the method (METHOD.md section 7), answered from the case, the review's
// figures and the power report.

#include <vector>

#include "parley/core/case.h"
#include "parley/plan/review.h"
#include "parley/power/analysis.h"

namespace parley::plan::internal {

/// The seven questions in Review::questions order, each with the case's answer and what is left
/// for after the meeting. `r` holds every figure but the questions. O(size of the case + r).
std::vector<ReviewQuestion> ReviewQuestions(const Case& c, const Review& r,
                                            const power::PowerReport& report);

}  // namespace parley::plan::internal
