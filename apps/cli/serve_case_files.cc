#include "serve_case_files.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "parley/core/error.h"
#include "parley/report/json_text.h"
#include "parley/service/case_files.h"
#include "parley/service/status.h"
#include "parley/service/store_json.h"
#include "serve_http.h"
#include "serve_library.h"

namespace parley::cli {

namespace {

// The media type of the body, lowercased, without parameters.
std::string MediaType(const httplib::Request& req) {
  std::string type = req.get_header_value("Content-Type");
  type = type.substr(0, type.find(';'));
  type.erase(type.find_last_not_of(" \t") + 1);
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return type;
}

void Import(const httplib::Request& req, httplib::Response& res, store::Store& store,
            std::size_t max_bytes) {
  const store::Principal who = RequestPrincipal(req, store);
  const std::string format = req.get_param_value("format");
  const std::string type = MediaType(req);
  if (!format.empty() && format != "genius" && format != "yaml" && format != "json") {
    throw Error(ErrorCode::kUsage, "format: must be yaml, json or genius, not '" + format + "'");
  }
  service::Imported in;
  if (format == "genius" || type == "application/zip") {
    in = service::ImportGeniusZip(req.body, max_bytes);
  } else {
    const bool yaml = format == "yaml" || type == "application/yaml" || type == "text/yaml" ||
                      type == "application/x-yaml";
    in = service::ImportCaseText(req.body, yaml ? io::CaseSyntax::kYaml : io::CaseSyntax::kJson);
  }
  if (in.problems.error) {
    res.status = service::HttpStatusFor(*in.problems.error);
    res.set_content(in.problems.json, kJsonType);
    return;
  }
  const store::Saved saved = store.Create(in.case_json, RequestAuthor(req, who), who);
  res.status = 201;
  res.set_header("Location", "/api/cases/" + std::to_string(saved.case_id));
  res.set_content(report::JsonText(service::SavedJson(saved)), kJsonType);
}

void Export(const httplib::Request& req, httplib::Response& res, store::Store& store) {
  const std::string text = req.matches[1];
  std::int64_t id = 0;
  try {
    std::size_t used = 0;
    id = std::stoll(text, &used);
    if (used != text.size()) throw Error(ErrorCode::kNotFound, "");
  } catch (const std::exception&) {
    throw Error(ErrorCode::kNotFound, "no case '" + text + "'");
  }
  const store::CaseVersion v = store.Get(id, std::nullopt, RequestPrincipal(req, store));
  const std::string format = req.has_param("format") ? req.get_param_value("format") : "yaml";
  const service::ExportedFile file = service::ExportCase(v.text, format);
  res.set_header("Content-Disposition", "attachment; filename=\"" + file.file_name + "\"");
  res.set_header("ETag", "\"" + std::to_string(v.info.version) + "\"");
  for (const std::string& warning : file.warnings) res.set_header("X-Parley-Warning", warning);
  res.set_content(file.bytes, file.content_type);
}

}  // namespace

void AddCaseFileRoutes(httplib::Server& server, store::Store& store, std::size_t max_bytes) {
  server.Post("/api/import",
              Guard([&store, max_bytes](const httplib::Request& req, httplib::Response& res) {
                Import(req, res, store, max_bytes);
              }));
  server.Get(R"(/api/cases/([^/]+)/export)",
             Guard([&store](const httplib::Request& req, httplib::Response& res) {
               Export(req, res, store);
             }));
}

}  // namespace parley::cli
