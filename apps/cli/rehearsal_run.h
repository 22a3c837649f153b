#pragma once

// What `parley rehearse` and `parley plan --rehearse` share: the counterpart list as typed and
// the rehearsal run in parallel with oneTBB (the sim module stays free of third-party headers:
// the loop is handed to it here), so both commands give the same figures for the same options.

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "parley/core/case.h"
#include "parley/plan/brief.h"
#include "parley/sim/rehearsal.h"

namespace parley::cli {

/// Splits "a,boa(offer=x,accept=y),c" at the commas outside parentheses.
inline std::vector<std::string> SplitSpecs(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  int depth = 0;
  for (char ch : text) {
    if (ch == ',' && depth == 0) {
      out.push_back(current);
      current.clear();
      continue;
    }
    depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
    current += ch;
  }
  if (!current.empty() || !out.empty()) out.push_back(current);
  return out;
}

/// sim::Rehearse of `brief` on `c` with the samples spread over `threads` threads (0: every
/// core); the result is the same whatever the thread count.
inline sim::Rehearsal RehearseInParallel(const Case& c, const plan::Brief& brief,
                                         const sim::RehearsalOptions& options, int threads) {
  tbb::task_arena arena(threads > 0 ? threads : tbb::task_arena::automatic);
  const sim::ParallelFor parallel = [&arena](std::size_t count,
                                             const std::function<void(std::size_t)>& body) {
    arena.execute([&] {
      tbb::parallel_for(tbb::blocked_range<std::size_t>(0, count),
                        [&](const tbb::blocked_range<std::size_t>& range) {
                          for (std::size_t i = range.begin(); i != range.end(); ++i) body(i);
                        });
    });
  };
  return sim::Rehearse(c, brief, options, parallel);
}

}  // namespace parley::cli
