#include "serve_library.h"

#include <charconv>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "parley/core/error.h"
#include "parley/report/json_text.h"
#include "parley/service/library.h"
#include "parley/service/status.h"
#include "parley/service/store_json.h"
#include "parley/store/library.h"
#include "serve_http.h"

namespace parley::cli {

namespace {

std::optional<std::int64_t> Whole(std::string_view text) {
  std::int64_t x = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), x);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return x;
}

// The id in the path (match 1) or in parameter `param`; Error(kNotFound) naming `what`.
std::int64_t IdOf(const std::string& text, const std::string& what) {
  const auto id = Whole(text);
  if (!id) throw Error(ErrorCode::kNotFound, "no " + what + " '" + text + "'");
  return *id;
}

// The version of If-Match, or nothing with 428 sent.
std::optional<int> IfMatch(const httplib::Request& req, httplib::Response& res,
                           const std::string& what) {
  if (!req.has_header("If-Match")) {
    SendProblems(res, 428, "precondition_required",
                 {what + " needs If-Match: VERSION, the version the edit was made on"});
    return std::nullopt;
  }
  std::string tag = req.get_header_value("If-Match");
  if (tag.size() >= 2 && tag.front() == '"' && tag.back() == '"') {
    tag = tag.substr(1, tag.size() - 2);
  }
  const auto version = Whole(tag);
  if (!version) {
    throw Error(ErrorCode::kUsage, "If-Match: must be a version number, not '" + tag + "'");
  }
  return static_cast<int>(*version);
}

void SendItem(httplib::Response& res, const store::LibraryItem& item, int status = 200) {
  res.status = status;
  res.set_header("ETag", "\"" + std::to_string(item.version) + "\"");
  res.set_content(report::JsonText(service::LibraryItemJson(item)), kJsonType);
}

void List(const httplib::Request& req, httplib::Response& res, store::Store& store) {
  std::optional<store::LibraryKind> kind;
  const std::string name = req.get_param_value("kind");
  if (!name.empty()) {
    kind = store::ParseLibraryKind(name);
    if (!kind) {
      throw Error(
          ErrorCode::kUsage,
          "kind: must be one of evidence, benchmark, tradeable, clause, not '" + name + "'");
    }
  }
  const auto items =
      store::Library(store).Search(kind, req.get_param_value("q"), RequestPrincipal(req, store));
  res.set_content(report::JsonText(service::LibraryListJson(items)), kJsonType);
}

// POST /api/cases/ID/insert?item=LIBID[&id=NEW_ID] with If-Match: the case's next version.
void Insert(const httplib::Request& req, httplib::Response& res, store::Store& store) {
  const store::Principal who = RequestPrincipal(req, store);
  const std::int64_t case_id = IdOf(req.matches[1], "case");
  if (!req.has_param("item")) {
    throw Error(ErrorCode::kUsage, "item: give the library item to insert, ?item=ID");
  }
  const std::int64_t item_id = IdOf(req.get_param_value("item"), "library item");
  const std::optional<int> expected = IfMatch(req, res, "inserting into a case");
  if (!expected) return;
  const store::CaseVersion latest = store.Get(case_id, std::nullopt, who);
  const store::LibraryItem item = store::Library(store).Get(item_id, who);
  if (latest.info.version != *expected) {  // as Save says it, before looking at the item
    throw Error(ErrorCode::kConflict, "case " + std::to_string(case_id) + " is at version " +
                                          std::to_string(latest.info.version) + ", not " +
                                          std::to_string(*expected) +
                                          ": someone saved it since; reload it and make the "
                                          "edit again");
  }
  const service::CaseEdit edit =
      service::InsertLibraryItem(latest.text, item, req.get_param_value("id"));
  if (edit.problems.error) {
    res.status = service::HttpStatusFor(*edit.problems.error);
    res.set_content(edit.problems.json, kJsonType);
    return;
  }
  const store::Saved saved =
      store.Save(case_id, *expected, edit.case_json, RequestAuthor(req, who), who);
  res.set_header("ETag", "\"" + std::to_string(saved.version) + "\"");
  res.set_content(report::JsonText(service::SavedJson(saved)), kJsonType);
}

// POST /api/library/from-case/ID: the case's evidence items not in the library yet (by claim).
void Harvest(const httplib::Request& req, httplib::Response& res, store::Store& store) {
  const store::Principal who = RequestPrincipal(req, store);
  const std::int64_t case_id = IdOf(req.matches[1], "case");
  const store::CaseVersion latest = store.Get(case_id, std::nullopt, who);
  store::Library library(store);
  std::set<std::string> claims;
  for (const store::LibraryItem& known : library.Search(std::nullopt, "", who)) {
    const auto j = nlohmann::json::parse(known.item, nullptr, false);
    if (j.is_object() && j.contains("claim") && j["claim"].is_string()) {
      claims.insert(j["claim"].get<std::string>());
    }
  }
  std::vector<store::LibraryItem> added;
  nlohmann::ordered_json skipped = nlohmann::ordered_json::array();
  for (const store::LibraryItem& item : service::EvidenceOfCase(latest.text)) {
    const std::string claim = nlohmann::json::parse(item.item).value("claim", "");
    if (claims.contains(claim)) {
      skipped.push_back(item.title);
      continue;
    }
    claims.insert(claim);
    added.push_back(library.Add(item, RequestAuthor(req, who), who));
  }
  nlohmann::ordered_json body = service::LibraryListJson(added);
  body["skipped"] = std::move(skipped);
  res.status = added.empty() ? 200 : 201;
  res.set_content(report::JsonText(body), kJsonType);
}

}  // namespace

void AddLibraryRoutes(httplib::Server& server, store::Store& store) {
  server.Get("/api/library", Guard([&store](const httplib::Request& req, httplib::Response& res) {
               List(req, res, store);
             }));
  server.Post("/api/library", Guard([&store](const httplib::Request& req, httplib::Response& res) {
                const store::Principal who = RequestPrincipal(req, store);
                const store::LibraryItem item = service::LibraryItemFromJson(req.body);
                SendItem(res, store::Library(store).Add(item, RequestAuthor(req, who), who), 201);
              }));
  server.Get(R"(/api/library/([^/]+))",
             Guard([&store](const httplib::Request& req, httplib::Response& res) {
               SendItem(res, store::Library(store).Get(IdOf(req.matches[1], "library item"),
                                                       RequestPrincipal(req, store)));
             }));
  server.Put(R"(/api/library/([^/]+))",
             Guard([&store](const httplib::Request& req, httplib::Response& res) {
               const store::Principal who = RequestPrincipal(req, store);
               const std::int64_t id = IdOf(req.matches[1], "library item");
               const std::optional<int> expected = IfMatch(req, res, "PUT");
               if (!expected) return;
               const store::LibraryItem item = service::LibraryItemFromJson(req.body);
               SendItem(res, store::Library(store).Update(id, *expected, item,
                                                          RequestAuthor(req, who), who));
             }));
  server.Delete(R"(/api/library/([^/]+))",
                Guard([&store](const httplib::Request& req, httplib::Response& res) {
                  store::Library(store).Delete(IdOf(req.matches[1], "library item"),
                                               RequestPrincipal(req, store));
                  res.status = 204;
                }));
  server.Post(R"(/api/library/from-case/([^/]+))",
              Guard([&store](const httplib::Request& req, httplib::Response& res) {
                Harvest(req, res, store);
              }));
  server.Post(R"(/api/cases/([^/]+)/insert)",
              Guard([&store](const httplib::Request& req, httplib::Response& res) {
                Insert(req, res, store);
              }));
}

}  // namespace parley::cli
