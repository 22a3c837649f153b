#include "parley/service/library.h"

#include <optional>
#include <set>
#include <string>

#include "parley/core/error.h"
#include "parley/io/case_reader.h"
#include "parley/io/case_writer.h"
#include "parley/report/json_text.h"
#include "parley/report/problems_json.h"

namespace parley::service {

namespace {

using nlohmann::ordered_json;

CaseEdit Refused(ErrorCode code, std::string_view name, const std::string& message) {
  CaseEdit edit;
  edit.problems.error = code;
  edit.problems.json = report::JsonText(report::ProblemsJson(name, {message}));
  return edit;
}

// Every id of the case: those of the objects in its top-level lists (parties, issues, evidence,
// stakeholders), which share one namespace (docs/case-format.md, "Ids").
std::set<std::string> CaseIds(const ordered_json& c) {
  std::set<std::string> ids;
  for (const auto& [key, value] : c.items()) {
    if (!value.is_array()) continue;
    for (const ordered_json& entry : value) {
      if (entry.is_object() && entry.contains("id") && entry["id"].is_string()) {
        ids.insert(entry["id"].get<std::string>());
      }
    }
  }
  return ids;
}

std::string FreeId(const std::string& id, const std::set<std::string>& taken) {
  for (int n = 2;; ++n) {
    const std::string candidate = id + "-" + std::to_string(n);
    if (!taken.contains(candidate)) return candidate;
  }
}

// The case's text as a JSON object: JSON as it is, YAML through the reader and writer. Nothing
// when it is neither JSON nor a valid case.
std::optional<ordered_json> CaseObject(std::string_view text) {
  ordered_json c = ordered_json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (c.is_object()) return c;
  const io::LoadResult r = io::ReadCaseText(text, "case.yaml", io::CaseSyntax::kYaml);
  if (!r.Ok()) return std::nullopt;
  return ordered_json::parse(io::WriteCaseJson(*r.value));
}

// Where the item goes ("evidence" or "issues") and what goes there; a message when the item
// has no usable shape.
std::pair<std::string, ordered_json> Entry(const store::LibraryItem& item) {
  const ordered_json j = ordered_json::parse(item.item, nullptr, false);
  const std::string kind(store::LibraryKindName(item.kind));
  if (item.kind == store::LibraryKind::kTradeable) {
    if (!j.is_object() || !j.contains("issue") || !j["issue"].is_object()) {
      throw Error(ErrorCode::kInvalidInput,
                  "library item " + std::to_string(item.id) +
                      ": a tradeable holds an \"issue\" object (an issue as the case format "
                      "defines it)");
    }
    return {"issues", j["issue"]};
  }
  if (!j.is_object()) {
    throw Error(ErrorCode::kInvalidInput, "library item " + std::to_string(item.id) + ": a " +
                                              kind + " is an evidence object");
  }
  ordered_json entry = j;
  if (item.kind == store::LibraryKind::kBenchmark) {
    entry.erase("number");
    entry.erase("unit");
    if (!entry.contains("kind")) entry["kind"] = "benchmark";
  }
  if (item.kind == store::LibraryKind::kClause && !entry.contains("kind")) entry["kind"] = "legal";
  return {"evidence", entry};
}

}  // namespace

CaseEdit InsertLibraryItem(std::string_view case_text, const store::LibraryItem& item,
                           const std::string& new_id) {
  std::optional<ordered_json> c = CaseObject(case_text);
  if (!c) return Refused(ErrorCode::kUsage, "usage", "the case is neither JSON nor a valid case");
  std::pair<std::string, ordered_json> entry;
  try {
    entry = Entry(item);
  } catch (const Error& e) {
    return Refused(e.code(), "invalid_input", e.what());
  }
  auto& [list, value] = entry;
  if (!new_id.empty()) value["id"] = new_id;
  if (!value.contains("id") || !value["id"].is_string() || value["id"].get<std::string>().empty()) {
    return Refused(ErrorCode::kInvalidInput, "invalid_input",
                   "library item " + std::to_string(item.id) +
                       " has no id: give it one to insert it (?id=NEW_ID)");
  }
  const std::string id = value["id"].get<std::string>();
  const std::set<std::string> taken = CaseIds(*c);
  if (taken.contains(id)) {
    return Refused(ErrorCode::kInvalidInput, "invalid_input",
                   "the case already has an id '" + id +
                       "': insert the item under another id, "
                       "such as '" +
                       FreeId(id, taken) + "' (?id=" + FreeId(id, taken) + ")");
  }
  if (!c->contains(list) || !(*c)[list].is_array()) (*c)[list] = ordered_json::array();
  (*c)[list].push_back(value);
  CaseEdit edit;
  edit.case_json = c->dump(2) + "\n";
  const Answer check = CheckCaseText(edit.case_json, "case.json");
  if (check.error) {
    edit.problems = check;
    edit.case_json.clear();
  }
  return edit;
}

std::vector<store::LibraryItem> EvidenceOfCase(std::string_view case_text) {
  const std::optional<ordered_json> c = CaseObject(case_text);
  std::vector<store::LibraryItem> items;
  if (!c || !c->contains("evidence") || !(*c)["evidence"].is_array()) return items;
  const std::string title = c->value("title", "");
  for (const ordered_json& e : (*c)["evidence"]) {
    if (!e.is_object()) continue;
    store::LibraryItem item;
    const std::string kind = e.value("kind", "other");
    item.kind = kind == "benchmark" ? store::LibraryKind::kBenchmark
                : kind == "legal"   ? store::LibraryKind::kClause
                                    : store::LibraryKind::kEvidence;
    item.title = e.value("id", "evidence");
    item.item = e.dump();
    if (!title.empty()) item.tags = {title};
    items.push_back(std::move(item));
  }
  return items;
}

ordered_json LibraryItemJson(const store::LibraryItem& item) {
  ordered_json j;
  j["id"] = item.id;
  j["kind"] = store::LibraryKindName(item.kind);
  j["title"] = item.title;
  j["item"] = ordered_json::parse(item.item, nullptr, false);
  j["tags"] = item.tags;
  j["author"] = item.author;
  j["saved_at"] = item.saved_at;
  j["version"] = item.version;
  return j;
}

ordered_json LibraryListJson(const std::vector<store::LibraryItem>& items) {
  ordered_json list = ordered_json::array();
  for (const store::LibraryItem& item : items) list.push_back(LibraryItemJson(item));
  ordered_json j;
  j["items"] = std::move(list);
  return j;
}

store::LibraryItem LibraryItemFromJson(std::string_view body) {
  const ordered_json j = ordered_json::parse(body, nullptr, false);
  if (!j.is_object()) {
    throw Error(ErrorCode::kUsage,
                "the body must be a JSON object {\"kind\", \"title\", \"item\", \"tags\"}");
  }
  store::LibraryItem item;
  const ordered_json kind = j.value("kind", ordered_json());
  const auto parsed =
      kind.is_string() ? store::ParseLibraryKind(kind.get<std::string>()) : std::nullopt;
  if (!parsed) {
    throw Error(ErrorCode::kUsage,
                "kind: must be one of evidence, benchmark, tradeable, clause, not " + kind.dump());
  }
  item.kind = *parsed;
  if (!j.contains("title") || !j["title"].is_string() || j["title"].get<std::string>().empty()) {
    throw Error(ErrorCode::kUsage, "title: must be a non-empty text");
  }
  item.title = j["title"].get<std::string>();
  if (!j.contains("item") || !j["item"].is_object()) {
    throw Error(ErrorCode::kUsage, "item: must be an object, the item in the case format's shape");
  }
  item.item = j["item"].dump();
  if (j.contains("tags")) {
    if (!j["tags"].is_array()) throw Error(ErrorCode::kUsage, "tags: must be a list of texts");
    for (const ordered_json& tag : j["tags"]) {
      if (!tag.is_string()) throw Error(ErrorCode::kUsage, "tags: must be a list of texts");
      item.tags.push_back(tag.get<std::string>());
    }
  }
  return item;
}

}  // namespace parley::service
