#include "parley/sim/acceptance.h"

#include <cstddef>

namespace parley::sim {

namespace {

// MAX^W: the best utility among the offers received in [t - (1 - t), t].
bool AtLeastBestInWindow(const AcceptanceInputs& in) {
  if (in.received == nullptr || in.received_at == nullptr) return true;
  const double from = in.time - (1 - in.time);
  double best = -1e300;
  for (std::size_t i = in.received->size(); i-- > 0;) {
    if ((*in.received_at)[i] < from) break;
    if ((*in.received)[i] > best) best = (*in.received)[i];
  }
  return in.offer >= best;
}

}  // namespace

bool Acceptance::Accepts(const AcceptanceInputs& in) const {
  if (in.offer < in.reservation) return false;
  const bool next = a * in.offer + b >= in.next_bid;
  switch (kind) {
    case AcceptanceKind::kNext:
      return next;
    case AcceptanceKind::kConst:
      return in.offer >= a;
    case AcceptanceKind::kTime:
      return in.time >= a;
    case AcceptanceKind::kCombi:
      break;
  }
  return next || (in.time >= a && AtLeastBestInWindow(in));
}

}  // namespace parley::sim
