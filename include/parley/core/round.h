#pragma once

/// One offer of a live negotiation, as the case file's `rounds:` list records them, oldest
/// first: who put which package on the table, and when. `parley next` reads where the talks
/// stand from them; every offer gives every issue a value, so each is an outcome of the case.
///
///   parley::Round r;
///   r.by = "acme";
///   r.offer = {{"price", 118000.0}, {"term", std::string("1y")}};
///   r.date = "2026-11-20";  // optional

#include <string>

#include "parley/core/issue.h"

namespace parley {

/// One offer made so far in the negotiation (`rounds:` in a case file).
struct Round {
  std::string by;    ///< party id of the one who made the offer
  Package offer;     ///< every issue of the case with its value
  std::string date;  ///< optional ISO date (YYYY-MM-DD); dates never go back in the list
  std::string note;  ///< optional: what was said with it, in words
  friend bool operator==(const Round&, const Round&) = default;
};

}  // namespace parley
