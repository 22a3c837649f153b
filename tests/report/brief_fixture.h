#pragma once

// The sales-renewal case, its power report and its brief, built once for the report tests.

#include "parley/core/case.h"
#include "parley/plan/brief.h"
#include "parley/power/analysis.h"
#include "testing/examples.h"

namespace parley::report {

inline const Case& Renewal() {
  static const Case c = testing::LoadExample("sales-renewal");
  return c;
}

/// The sales-renewal power report (200 draws keep it fast).
inline const power::PowerReport& RenewalPower() {
  static const power::PowerReport r = [] {
    power::PowerOptions options;
    options.samples = 200;
    return power::AnalysePower(Renewal(), options);
  }();
  return r;
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
