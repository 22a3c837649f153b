#pragma once

// The sales-renewal case and its brief, built once for the brief renderer tests.

#include "parley/core/case.h"
#include "parley/plan/brief.h"
#include "testing/examples.h"

namespace parley::report {

inline const Case& Renewal() {
  static const Case c = testing::LoadExample("sales-renewal");
  return c;
}

/// The sales-renewal brief (2,000 draws keep it fast).
inline const plan::Brief& RenewalBrief() {
  static const plan::Brief b = [] {
    plan::PlanOptions options;
    options.power.samples = 2000;
    return plan::BuildBrief(Renewal(), options);
  }();
  return b;
}

}  // namespace parley::report
