#pragma once

// Small builders for the parts of a Case, shared by the tests.

#include <string>
#include <utility>
#include <vector>

#include "parley/core/case.h"

namespace parley::testing {

/// A number issue on the grid lo, lo + step, ... <= hi.
inline Issue NumberIssue(const std::string& id, double lo, double hi, double step) {
  Issue issue;
  issue.id = id;
  issue.kind = IssueKind::kNumber;
  issue.lo = lo;
  issue.hi = hi;
  issue.step = step;
  return issue;
}

/// An options issue.
inline Issue OptionsIssue(const std::string& id, std::vector<std::string> options) {
  Issue issue;
  issue.id = id;
  issue.kind = IssueKind::kOptions;
  issue.options = std::move(options);
  return issue;
}

/// A party with an id and a side only.
inline Party MakeParty(const std::string& id, Side side) {
  Party p;
  p.id = id;
  p.side = side;
  return p;
}

/// One issue's term of a party's values (the weight matters in utility form only).
inline IssueTerm Term(const std::string& issue, Evaluator e, double weight = 1) {
  IssueTerm t;
  t.issue = issue;
  t.evaluator = std::move(e);
  t.weight = weight;
  return t;
}

}  // namespace parley::testing
