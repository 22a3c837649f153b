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
/// term is measured from the mover's previous position on that issue (docs/plan.md): the value
/// the mover last gave on it in an earlier entry, else its own best value of the issue (its
/// opening extreme). A give term moves the giver: it costs the giver its value at that position
/// minus its value of the term, and is worth to the receiver its value of the term minus its
/// value at that position. A get term moves the receiver from the receiver's position: it is
/// worth the difference to the giver and costs the receiver as much as it loses.
struct TermValue {
  std::string issue;
  std::string value;
  /// Where the move is measured from, as a person reads it: the mover's previous position on
  /// the issue (the value it last gave on it in the log), else its own best value of the issue.
  /// Empty when the term is not valued.
  std::string from;
  std::string to;       ///< the term's value as a person reads it (105,000); empty when not valued
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
  std::string trigger;       ///< the condition attached (Concession::trigger), empty if none
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
