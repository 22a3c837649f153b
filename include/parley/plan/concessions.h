#pragma once

/// The concession log valued (docs/plan.md, "The concession log"): each entry of
/// Case::concessions with what its give and get terms cost and are worth to the giver and the
/// receiver, each term measured against holding out for one's own best on its issue; one-way
/// entries (nothing asked in return) are flagged, with totals per party. The brief's concession
/// log and Review::concessions. O(entries x terms x issues).
///
///   const parley::plan::ConcessionLog log = parley::plan::AnalyseConcessions(c);
///   for (const parley::plan::ConcessionReview& e : log.entries)
///     if (e.one_way) std::cout << e.giver << " gave '" << e.item << "' for nothing\n";

#include <cstddef>
#include <string>
#include <vector>

#include "parley/core/case.h"

namespace parley::plan {

/// One term of a concession-log entry with what it does to the giver and the receiver. Each
/// term is measured against holding out for one's own best on that issue (docs/plan.md):
/// a give term costs the giver its best value of the issue minus its value of the term, and is
/// worth to the receiver its value of the term minus its value of the giver's best; a get term
/// is worth to the giver its value of the term minus its value of the receiver's best, and costs
/// the receiver its best minus its value of the term.
struct TermValue {
  std::string issue;
  std::string value;
  double giver = 0;     ///< change for the giver (negative for a give)
  double receiver = 0;  ///< change for the receiver
};

/// One entry of the concession log, valued.
struct ConcessionReview {
  std::size_t index = 0;  ///< position in Case::concessions
  std::string item;
  std::string giver, receiver;  ///< party ids (receiver: the first other party stating values)
  std::vector<TermValue> give, get;
  double given = 0;          ///< what the give terms cost the giver (>= 0)
  double received = 0;       ///< what the get terms are worth to the giver
  double receiver_gain = 0;  ///< what the give terms are worth to the receiver
  double receiver_cost = 0;  ///< what the get terms cost the receiver
  bool one_way = false;      ///< nothing asked in return (empty `get`)
};

/// Totals for one party over the whole log.
struct ConcessionTotals {
  std::string party;
  double given = 0;     ///< value it gave away in its own concessions
  double received = 0;  ///< value it got back in its own concessions' gets
  std::size_t entries = 0, one_way = 0;
};

/// The concession log, valued and checked for reciprocity.
struct ConcessionLog {
  std::vector<ConcessionReview> entries;
  std::vector<ConcessionTotals> totals;  ///< one per party that gave something, case order
};

/// Values every entry of `c.concessions` (a valid, two-party-or-more case whose giver and
/// receiver state additive values; entries whose giver or receiver does not are listed with
/// zero values). O(entries x terms x issues).
ConcessionLog AnalyseConcessions(const Case& c);

}  // namespace parley::plan
