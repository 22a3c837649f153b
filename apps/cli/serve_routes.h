#pragma once

// The routes of `parley serve` (docs/serve.md): each parses the request, calls parley::service
// or parley::store and sends the JSON they render. No domain logic here.

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <thread>

#include "parley/store/store.h"

namespace parley::cli {

/// The limits of every request.
struct ServeLimits {
  std::size_t max_body_bytes = std::size_t{4} << 20;  ///< 4 MiB; larger bodies get 413 unread
  std::chrono::seconds run_time{30};                  ///< an analysis taking longer answers 503
  /// Analyses running at once (timed-out ones count until they end); more answer 503 `busy`.
  std::size_t max_runs = DefaultMaxRuns();

  /// Twice the hardware threads (4 when the count is unknown).
  static std::size_t DefaultMaxRuns() {
    const unsigned threads = std::thread::hardware_concurrency();
    return threads == 0 ? 4 : 2 * std::size_t{threads};
  }
};

/// Registers every route on `server`, answering from `store` (which must outlive it), and the
/// body limit, timeouts and JSON error bodies.
void AddRoutes(httplib::Server& server, store::Store& store, const ServeLimits& limits);

}  // namespace parley::cli
