#include "serve_run.h"

#include <algorithm>
#include <chrono>
#include <future>
#include <memory>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "parley/core/error.h"
#include "parley/service/run.h"
#include "parley/service/status.h"
#include "serve_http.h"

namespace parley::cli {

namespace {

// The formats of plan?format=, with the answer's type and the download's name ("" for none).
struct FormatRow {
  std::string_view name;
  report::BriefFormat format;
  const char* content_type;
  const char* download;
};

constexpr FormatRow kFormats[] = {
    {"json", report::BriefFormat::kJson, "application/json", ""},
    {"text", report::BriefFormat::kText, "text/plain; charset=utf-8", "brief.txt"},
    {"markdown", report::BriefFormat::kMarkdown, "text/markdown; charset=utf-8", "brief.md"},
    {"html", report::BriefFormat::kHtml, "text/html; charset=utf-8", "brief.html"},
    {"xlsx", report::BriefFormat::kXlsx,
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "brief.xlsx"},
};

// The Content-Types read as YAML (parameters such as charset ignored).
constexpr std::string_view kYamlTypes[] = {"application/yaml", "text/yaml", "application/x-yaml"};

const FormatRow& RowOf(report::BriefFormat format) {
  return *std::find_if(std::begin(kFormats), std::end(kFormats),
                       [format](const FormatRow& r) { return r.format == format; });
}

// The query string's parameters, each split at its first '=' (so `offer=price=120,term=1y`
// reads as written) and URL-decoded. The query only: a form-encoded body is the case.
std::vector<std::pair<std::string, std::string>> Query(const httplib::Request& req) {
  std::vector<std::pair<std::string, std::string>> params;
  const std::size_t q = req.target.find('?');
  if (q == std::string::npos) return params;
  std::string_view rest = std::string_view(req.target).substr(q + 1);
  while (!rest.empty()) {
    const std::string_view part = rest.substr(0, rest.find('&'));
    rest.remove_prefix(std::min(rest.size(), part.size() + 1));
    if (part.empty()) continue;
    const std::size_t eq = part.find('=');
    params.emplace_back(httplib::detail::decode_url(std::string(part.substr(0, eq)), true),
                        eq == std::string_view::npos
                            ? std::string()
                            : httplib::detail::decode_url(std::string(part.substr(eq + 1)), true));
  }
  return params;
}

io::CaseSyntax SyntaxOf(const httplib::Request& req) {
  std::string type = req.get_header_value("Content-Type");
  type = type.substr(0, type.find(';'));
  type.erase(type.find_last_not_of(" \t") + 1);
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  const bool yaml =
      std::find(std::begin(kYamlTypes), std::end(kYamlTypes), type) != std::end(kYamlTypes);
  return yaml ? io::CaseSyntax::kYaml : io::CaseSyntax::kJson;
}

// Runs `work` on a thread of its own, which gives back its slot when the work ends, and waits
// at most `limit`; nothing when it takes longer (then `stop` is set: the work skips what it
// can, finishes in the background and its answer is dropped).
std::optional<service::Answer> WithinTimeLimit(
    std::chrono::seconds limit, const std::shared_ptr<AnalysisSlots>& slots,
    const std::shared_ptr<std::atomic<bool>>& stop,
    std::function<service::Answer(const std::atomic<bool>*)> work) {
  std::promise<service::Answer> promise;
  std::future<service::Answer> answer = promise.get_future();
  std::thread([slots, stop, work = std::move(work), promise = std::move(promise)]() mutable {
    try {
      promise.set_value(work(stop.get()));
    } catch (...) {
      promise.set_exception(std::current_exception());
    }
    slots->Give();
  }).detach();
  if (answer.wait_for(limit) != std::future_status::ready) {
    stop->store(true);
    return std::nullopt;
  }
  return answer.get();
}

}  // namespace

bool AnalysisSlots::TryTake() {
  std::size_t used = used_.load();
  do {
    if (used >= max_) return false;
  } while (!used_.compare_exchange_weak(used, used + 1));
  return true;
}

RunRequest ReadRunRequest(const httplib::Request& req) {
  RunRequest run;
  run.command = req.matches[1];
  run.syntax = SyntaxOf(req);
  for (const auto& [name, value] : Query(req)) {
    if (name == "file") {
      run.file = value;
    } else if (name == "format" && run.command == "plan") {
      const std::string& wanted = value;  // a lambda cannot capture a structured binding (C++17)
      const auto row = std::find_if(std::begin(kFormats), std::end(kFormats),
                                    [&](const FormatRow& r) { return r.name == wanted; });
      if (row == std::end(kFormats)) {
        throw Error(ErrorCode::kUsage,
                    "--format: must be json, text, markdown, html or xlsx, not '" + value + "'");
      }
      run.brief = row->format;
    } else {
      run.options[name] = value;
    }
  }
  if (run.brief == report::BriefFormat::kJson) run.brief.reset();
  return run;
}

bool AnswerRun(const RunRequest& run, std::string body, httplib::Response& res,
               const ServeLimits& limits, const std::shared_ptr<AnalysisSlots>& slots) {
  if (!slots->TryTake()) {
    res.set_header("Retry-After", "1");
    SendProblems(res, 503, "busy",
                 {std::to_string(slots->Max()) +
                  " analyses are running, the server's limit (--max-runs); retry in a moment"});
    return false;
  }
  const auto stop = std::make_shared<std::atomic<bool>>(false);
  const std::optional<service::Answer> answer = WithinTimeLimit(
      limits.run_time, slots, stop, [run, body = std::move(body)](const std::atomic<bool>* halt) {
        const service::RunControl control{run.syntax, halt};
        if (run.brief) {
          return service::BriefOnText(body, run.file, run.options, *run.brief, control);
        }
        return service::RunOnText(run.command, body, run.file, run.options, control);
      });
  if (!answer) {
    SendProblems(res, 503, "time_limit",
                 {run.command + " took longer than " + std::to_string(limits.run_time.count()) +
                  " s, the server's time limit (--time-limit)"});
    return false;
  }
  if (answer->error) {
    res.status = service::HttpStatusFor(*answer->error);
    res.set_content(answer->json, "application/json");
    return false;
  }
  const FormatRow& row = RowOf(run.brief.value_or(report::BriefFormat::kJson));
  res.set_content(answer->json, row.content_type);
  if (*row.download != '\0') {
    res.set_header("Content-Disposition",
                   std::string("attachment; filename=\"") + row.download + "\"");
  }
  return true;
}

}  // namespace parley::cli
