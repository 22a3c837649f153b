#include "serve_routes.h"

#include <algorithm>
#include <charconv>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "parley/core/error.h"
#include "parley/report/json_text.h"
#include "parley/service/run.h"
#include "parley/service/status.h"
#include "parley/service/store_json.h"
#include "serve_case_files.h"
#include "serve_http.h"
#include "serve_library.h"
#include "serve_run.h"

namespace parley::cli {

namespace {

void SendAnswer(httplib::Response& res, const service::Answer& answer, int ok_status = 200) {
  res.status = answer.error ? service::HttpStatusFor(*answer.error) : ok_status;
  res.set_content(answer.json, kJsonType);
}

// A whole number from text, or nothing.
template <typename T>
std::optional<T> Whole(std::string_view text) {
  T x{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), x);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return x;
}

std::int64_t CaseId(const httplib::Request& req) {
  const std::string text = req.matches[1];
  const auto id = Whole<std::int64_t>(text);
  if (!id) throw Error(ErrorCode::kNotFound, "no case '" + text + "'");
  return *id;
}

int VersionParam(const httplib::Request& req, const std::string& name) {
  const auto v = Whole<int>(req.get_param_value(name));
  if (!v) {
    throw Error(ErrorCode::kUsage,
                name + ": must be a version number, not '" + req.get_param_value(name) + "'");
  }
  return *v;
}

// Who asks (docs/serve.md, "Team mode"): in a store with users, the user whose token the
// request carries (`Authorization: Bearer TOKEN`); Error(kUnauthorized) without one or for a
// token the store does not know. In a store without users, the default Principal (no team).
store::Principal Who(const httplib::Request& req, store::Store& store) {
  if (!store.HasUsers()) return {};
  const std::string header = req.get_header_value("Authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (!std::string_view(header).starts_with(kBearer)) {
    throw Error(ErrorCode::kUnauthorized,
                header.empty() ? "this server keeps its cases for teams: send Authorization: "
                                 "Bearer TOKEN, a token from `parley users add`"
                               : "Authorization: must be Bearer TOKEN");
  }
  return store.Authenticate(std::string_view(header).substr(kBearer.size()));
}

// The author of a save: the user in team mode, else the X-Parley-Author header.
std::string Author(const httplib::Request& req, const store::Principal& who) {
  if (!who.user.empty()) return who.user;
  const std::string author = req.get_header_value("X-Parley-Author");
  return author.empty() ? "anonymous" : author;
}

void Run(const httplib::Request& req, httplib::Response& res, store::Store& store,
         const ServeLimits& limits, const std::shared_ptr<AnalysisSlots>& slots) {
  const RunRequest run = ReadRunRequest(req);
  if (!AnswerRun(run, req.body, res, limits, slots)) return;
  const service::OptionMap& options = run.options;
  nlohmann::ordered_json recorded(options);
  const auto seed = options.contains("seed") ? Whole<std::uint64_t>(options.at("seed")) : 1;
  store.RecordRun(run.command, recorded.dump(), seed.value_or(1), Who(req, store));
}

// The body as a valid case, or the answer (its diagnostics) already sent.
bool ValidCaseBody(const httplib::Request& req, httplib::Response& res) {
  const service::Answer invalid = service::CheckCaseText(req.body, "case.json");
  if (!invalid.error) return true;
  SendAnswer(res, invalid);
  return false;
}

void Put(const httplib::Request& req, httplib::Response& res, store::Store& store) {
  const store::Principal who = Who(req, store);
  const std::int64_t id = CaseId(req);
  if (!req.has_header("If-Match")) {
    SendProblems(res, 428, "precondition_required",
                 {"PUT needs If-Match: VERSION, the version the edit was made on"});
    return;
  }
  std::string tag = req.get_header_value("If-Match");
  if (tag.size() >= 2 && tag.front() == '"' && tag.back() == '"')
    tag = tag.substr(1, tag.size() - 2);
  const auto expected = Whole<int>(tag);
  if (!expected)
    throw Error(ErrorCode::kUsage, "If-Match: must be a version number, not '" + tag + "'");
  if (!ValidCaseBody(req, res)) return;
  res.set_content(report::JsonText(service::SavedJson(
                      store.Save(id, *expected, req.body, Author(req, who), who))),
                  kJsonType);
}

}  // namespace

store::Principal RequestPrincipal(const httplib::Request& req, store::Store& store) {
  return Who(req, store);
}

std::string RequestAuthor(const httplib::Request& req, const store::Principal& who) {
  return Author(req, who);
}

void AddRoutes(httplib::Server& server, store::Store& store, const ServeLimits& limits) {
  server.set_payload_max_length(limits.max_body_bytes);
  server.set_tcp_nodelay(true);  // an answer's head and body go out at once (no 40 ms stall)
  server.set_read_timeout(10);
  server.set_write_timeout(10);
  // Team mode: every /api route but the health check answers 401 without a known token, here,
  // before any route runs; the routes then ask the store as the token's user (Who).
  server.set_pre_routing_handler([&store](const httplib::Request& req, httplib::Response& res) {
    if (!req.path.starts_with("/api/") || req.path == "/api/health") {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    try {
      Who(req, store);
      return httplib::Server::HandlerResponse::Unhandled;
    } catch (const Error& e) {
      SendError(res, e);
      return httplib::Server::HandlerResponse::Handled;
    }
  });
  server.Get("/api/health", Guard([](const httplib::Request&, httplib::Response& res) {
               nlohmann::ordered_json j;
               j["status"] = "ok";
               j["version"] = PARLEY_VERSION;
               res.set_content(report::JsonText(j), kJsonType);
             }));
  const auto slots = std::make_shared<AnalysisSlots>(limits.max_runs);
  server.Post(R"(/api/run/([a-z_-]+))",
              Guard([&store, limits, slots](const httplib::Request& req, httplib::Response& res) {
                Run(req, res, store, limits, slots);
              }));
  server.Post("/api/cases", Guard([&store](const httplib::Request& req, httplib::Response& res) {
                if (!ValidCaseBody(req, res)) return;
                const store::Principal who = Who(req, store);
                const store::Saved saved = store.Create(req.body, Author(req, who), who);
                res.status = 201;
                res.set_content(report::JsonText(service::SavedJson(saved)), kJsonType);
              }));
  server.Get("/api/cases", Guard([&store](const httplib::Request& req, httplib::Response& res) {
               res.set_content(
                   report::JsonText(service::CaseListJson(store.ListCases(Who(req, store)))),
                   kJsonType);
             }));
  server.Get(R"(/api/cases/([^/]+))",
             Guard([&store](const httplib::Request& req, httplib::Response& res) {
               const std::int64_t id = CaseId(req);
               std::optional<int> version;
               if (req.has_param("version")) version = VersionParam(req, "version");
               const store::CaseVersion v = store.Get(id, version, Who(req, store));
               res.set_header("ETag", "\"" + std::to_string(v.info.version) + "\"");
               res.set_content(report::JsonText(service::CaseVersionJson(v)), kJsonType);
             }));
  server.Put(R"(/api/cases/([^/]+))",
             Guard([&store](const httplib::Request& req, httplib::Response& res) {
               Put(req, res, store);
             }));
  server.Get(R"(/api/cases/([^/]+)/versions)",
             Guard([&store](const httplib::Request& req, httplib::Response& res) {
               const std::int64_t id = CaseId(req);
               res.set_content(
                   report::JsonText(service::VersionsJson(id, store.Versions(id, Who(req, store)))),
                   kJsonType);
             }));
  server.Get(R"(/api/cases/([^/]+)/diff)",
             Guard([&store](const httplib::Request& req, httplib::Response& res) {
               const std::int64_t id = CaseId(req);
               const int from = VersionParam(req, "from");
               const int to = VersionParam(req, "to");
               res.set_content(report::JsonText(service::DiffJson(
                                   id, from, to, store.Diff(id, from, to, Who(req, store)))),
                               kJsonType);
             }));
  AddLibraryRoutes(server, store);  // serve_library.cc: /api/library, insert, harvest
  AddCaseFileRoutes(server, store, limits.max_body_bytes);  // serve_case_files.cc: import, export
  // Statuses without a body of their own (413 from the body limit, 404 for unknown paths) get
  // a JSON one.
  server.set_error_handler([limits](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 413) {
      SendProblems(res, 413, "limit",
                   {"the request body is over " + std::to_string(limits.max_body_bytes) +
                    " bytes, the server's limit"});
    } else if (res.status == 404) {
      SendProblems(res, 404, "not_found", {"no route " + req.method + " " + req.path});
    } else {
      SendProblems(res, res.status, "http", {"HTTP " + std::to_string(res.status)});
    }
  });
  server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        try {
          std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          SendProblems(res, 500, "internal", {e.what()});
        } catch (...) {
          SendProblems(res, 500, "internal", {"unknown error"});
        }
      });
}

}  // namespace parley::cli
