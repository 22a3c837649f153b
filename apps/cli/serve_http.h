#pragma once

// What the routes of `parley serve` share to answer over HTTP (docs/serve.md): the JSON media
// type, a problems body (report::ProblemsJson) with its status, and the wrapper that turns a
// parley::Error thrown by a route into its status and body.

#include <httplib.h>

#include <string>
#include <string_view>
#include <vector>

#include "parley/core/error.h"
#include "parley/report/json_text.h"
#include "parley/report/problems_json.h"
#include "parley/service/status.h"

namespace parley::cli {

/// The Content-Type of every JSON answer.
inline constexpr const char* kJsonType = "application/json";

/// Answers `status` with the problems body of `code` and `messages`.
inline void SendProblems(httplib::Response& res, int status, std::string_view code,
                         const std::vector<std::string>& messages) {
  res.status = status;
  res.set_content(report::JsonText(report::ProblemsJson(code, messages)), kJsonType);
}

/// Answers `e` with its status (service::HttpStatusFor) and problems body; a 401 also asks for
/// a bearer token (WWW-Authenticate: Bearer).
inline void SendError(httplib::Response& res, const Error& e) {
  SendProblems(res, service::HttpStatusFor(e.code()), service::ErrorCodeName(e.code()), {e.what()});
  if (e.code() == ErrorCode::kUnauthorized) res.set_header("WWW-Authenticate", "Bearer");
}

/// Wraps a route: a parley::Error it throws is answered by SendError.
template <typename F>
httplib::Server::Handler Guard(F f) {
  return [f](const httplib::Request& req, httplib::Response& res) {
    try {
      f(req, res);
    } catch (const Error& e) {
      SendError(res, e);
    }
  };
}

}  // namespace parley::cli
