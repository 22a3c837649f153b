#include "parley/service/rehearse.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <cstddef>
#include <functional>

namespace parley::service {

std::vector<std::string> SplitSpecs(const std::string& text) {
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

sim::Rehearsal RehearseInParallel(const Case& c, const plan::Brief& brief,
                                  const sim::RehearsalOptions& options, int threads,
                                  const std::atomic<bool>* stop) {
  tbb::task_arena arena(threads > 0 ? threads : tbb::task_arena::automatic);
  const sim::ParallelFor parallel = [&arena, stop](std::size_t count,
                                                   const std::function<void(std::size_t)>& body) {
    arena.execute([&] {
      tbb::parallel_for(tbb::blocked_range<std::size_t>(0, count),
                        [&](const tbb::blocked_range<std::size_t>& range) {
                          for (std::size_t i = range.begin(); i != range.end(); ++i) {
                            if (stop != nullptr && stop->load(std::memory_order_relaxed)) return;
                            body(i);
                          }
                        });
    });
  };
  return sim::Rehearse(c, brief, options, parallel);
}

}  // namespace parley::service
