#pragma once

/// What `parley rehearse`, `parley plan --rehearse` and POST /api/run/rehearse share: the
/// counterpart list as typed and the rehearsal run in parallel with oneTBB (the sim module stays
/// free of third-party headers: the loop is handed to it here), so every face gives the same
/// figures for the same options.
///
///   const auto them = parley::service::SplitSpecs("boulware,boa(offer=linear,accept=next)");
///   // {"boulware", "boa(offer=linear,accept=next)"}

#include <atomic>
#include <string>
#include <vector>

#include "parley/core/case.h"
#include "parley/plan/brief.h"
#include "parley/sim/rehearsal.h"

namespace parley::service {

/// Splits "a,boa(offer=x,accept=y),c" at the commas outside parentheses; "" gives no spec.
std::vector<std::string> SplitSpecs(const std::string& text);

/// sim::Rehearse of `brief` on `c` with the samples spread over `threads` threads (0: every
/// core); the result is the same whatever the thread count. When `stop` is set and turns true,
/// the samples not yet started are skipped and the result must be dropped.
sim::Rehearsal RehearseInParallel(const Case& c, const plan::Brief& brief,
                                  const sim::RehearsalOptions& options, int threads,
                                  const std::atomic<bool>* stop = nullptr);

}  // namespace parley::service
