#pragma once

// POST /api/run/COMMAND of `parley serve` (docs/serve.md): reads the request (the command, its
// options from the query, the body's syntax from its Content-Type, plan's ?format=), runs the
// analysis through parley::service within the server's limits (analyses at once, seconds each)
// and sends the answer: JSON, or the brief as a download.

#include <httplib.h>

#include <atomic>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "parley/io/case_reader.h"
#include "parley/report/brief_render.h"
#include "parley/service/run_options.h"
#include "serve_routes.h"

namespace parley::cli {

/// What one POST /api/run/COMMAND asks.
struct RunRequest {
  std::string command;
  service::OptionMap options;                     ///< the query's, without `file` and `format`
  std::string file = "case.json";                 ///< ?file=: the CASE as named in the answer
  std::optional<report::BriefFormat> brief;       ///< plan?format= other than json
  io::CaseSyntax syntax = io::CaseSyntax::kJson;  ///< kYaml for a YAML Content-Type
};

/// Reads `req` (the route's match 1 is the command). Throws Error(kUsage) for a `format` that
/// is not json, text, markdown, html or xlsx.
RunRequest ReadRunRequest(const httplib::Request& req);

/// The analyses running at once, up to a maximum (ServeLimits::max_runs). Thread-safe.
class AnalysisSlots {
 public:
  explicit AnalysisSlots(std::size_t max) : max_(max) {}
  /// Takes a slot; false when every slot is taken.
  bool TryTake();
  /// Gives back a slot taken by TryTake.
  void Give() { used_.fetch_sub(1); }
  std::size_t Max() const { return max_; }

 private:
  std::atomic<std::size_t> used_{0};
  std::size_t max_;
};

/// Runs `run` on a thread of its own holding one of `slots` until the work really ends, waits
/// at most limits.run_time, and sends the answer on `res`: 503 `busy` with Retry-After when no
/// slot is free, 503 `time_limit` past the time (the work is told to stop and its answer is
/// dropped). Returns true when the command answered (the run is worth recording).
bool AnswerRun(const RunRequest& run, std::string body, httplib::Response& res,
               const ServeLimits& limits, const std::shared_ptr<AnalysisSlots>& slots);

}  // namespace parley::cli
