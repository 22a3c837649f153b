#include "parley/store/library.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <nlohmann/json.hpp>
#include <string>

#include "internal/backend.h"
#include "internal/store_impl.h"
#include "parley/core/error.h"

namespace parley::store {

namespace {

using internal::Backend;
using internal::NowUtc;
using internal::Param;
using internal::Row;
using internal::Transaction;

constexpr std::array<std::pair<LibraryKind, std::string_view>, 4> kKindNames = {
    {{LibraryKind::kEvidence, "evidence"},
     {LibraryKind::kBenchmark, "benchmark"},
     {LibraryKind::kTradeable, "tradeable"},
     {LibraryKind::kClause, "clause"}}};

constexpr const char* kColumns =
    "SELECT id, kind, title, item, tags, author, saved_at, version FROM library_items";

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string NoItem(std::int64_t id) { return "no library item " + std::to_string(id); }

void CheckMayWrite(const Principal& who) {
  if (who.role != Role::kViewer) return;
  throw Error(ErrorCode::kForbidden,
              who.user + " is a viewer of team " + who.team +
                  ": a viewer reads the team's library but cannot change it");
}

// The item's JSON object; Error(kUsage) unless the item is sound enough to store.
nlohmann::json CheckedItem(const LibraryItem& item) {
  if (item.title.empty()) throw Error(ErrorCode::kUsage, "a library item needs a title");
  for (const std::string& tag : item.tags) {
    if (tag.empty() || tag.find_first_of("\r\n") != std::string::npos) {
      throw Error(ErrorCode::kUsage, "a tag must be non-empty and on one line, not '" + tag + "'");
    }
  }
  nlohmann::json j = nlohmann::json::parse(item.item, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) {
    throw Error(ErrorCode::kUsage, "a library item's item must be a JSON object");
  }
  return j;
}

// The text Search matches: title, claim and tags, lowercased, one per line.
std::string SearchText(const LibraryItem& item, const nlohmann::json& j) {
  std::string text = item.title;
  const auto add = [&text](const nlohmann::json& parent, const char* key) {
    if (parent.is_object() && parent.contains(key) && parent[key].is_string()) {
      text += "\n" + parent[key].get<std::string>();
    }
  };
  add(j, "claim");
  if (j.contains("issue")) {
    for (const char* key : {"id", "name", "description"}) add(j["issue"], key);
  }
  add(j, "cost_to_us");
  add(j, "worth_to_them");
  for (const std::string& tag : item.tags) text += "\n" + tag;
  return Lower(text);
}

std::string JoinTags(const std::vector<std::string>& tags) {
  std::string out;
  for (const std::string& tag : tags) out += (out.empty() ? "" : "\n") + tag;
  return out;
}

std::vector<std::string> SplitTags(const std::string& text) {
  std::vector<std::string> tags;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    tags.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return tags;
}

LibraryItem ReadItem(const Row& row) {
  return {std::stoll(row[0]),
          ParseLibraryKind(row[1]).value_or(LibraryKind::kEvidence),
          row[2],
          row[3],
          SplitTags(row[4]),
          row[5],
          row[6],
          std::stoi(row[7])};
}

// The item `id` of `who`'s team; Error(kNotFound) when there is none.
LibraryItem Find(Backend& db, std::int64_t id, const Principal& who, bool lock = false) {
  const std::vector<Row> rows =
      db.Query(std::string(kColumns) + " WHERE id = ? AND COALESCE(team_id, 0) = ?" +
                   std::string(lock ? db.ForUpdate() : ""),
               {id, who.team_id});
  if (rows.empty()) throw Error(ErrorCode::kNotFound, NoItem(id));
  return ReadItem(rows[0]);
}

// "%text%" for LIKE with '!' as the escape character.
std::string Pattern(std::string_view text) {
  std::string out = "%";
  for (char c : Lower(text)) {
    if (c == '%' || c == '_' || c == '!') out += '!';
    out += c;
  }
  return out + "%";
}

}  // namespace

std::string_view LibraryKindName(LibraryKind kind) {
  for (const auto& [k, name] : kKindNames) {
    if (k == kind) return name;
  }
  return "evidence";
}

std::optional<LibraryKind> ParseLibraryKind(std::string_view name) {
  for (const auto& [kind, n] : kKindNames) {
    if (n == name) return kind;
  }
  return std::nullopt;
}

LibraryItem Library::Add(const LibraryItem& item, const std::string& author, const Principal& who) {
  CheckMayWrite(who);
  const nlohmann::json j = CheckedItem(item);
  std::lock_guard lock(store_.impl_->mutex);
  Backend& db = *store_.impl_->db;
  std::vector<Param> params = {std::string(LibraryKindName(item.kind)),
                               item.title,
                               item.item,
                               JoinTags(item.tags),
                               SearchText(item, j),
                               author,
                               NowUtc()};
  std::string team = "NULL";
  if (who.team_id != 0) {
    params.emplace_back(who.team_id);
    team = "?";
  }
  const std::int64_t id = db.Insert(
      "INSERT INTO library_items (kind, title, item, tags, search, author, saved_at, version,"
      " team_id) VALUES (?, ?, ?, ?, ?, ?, ?, 1, " +
          team + ")",
      params);
  return Find(db, id, who);
}

LibraryItem Library::Get(std::int64_t id, const Principal& who) {
  std::lock_guard lock(store_.impl_->mutex);
  return Find(*store_.impl_->db, id, who);
}

LibraryItem Library::Update(std::int64_t id, int expected_version, const LibraryItem& item,
                            const std::string& author, const Principal& who) {
  std::lock_guard lock(store_.impl_->mutex);
  Backend& db = *store_.impl_->db;
  Transaction t(db);
  const LibraryItem current = Find(db, id, who, /*lock=*/true);
  CheckMayWrite(who);
  const nlohmann::json j = CheckedItem(item);
  if (current.version != expected_version) {
    throw Error(ErrorCode::kConflict,
                "library item " + std::to_string(id) + " is at version " +
                    std::to_string(current.version) + ", not " + std::to_string(expected_version) +
                    ": someone changed it since; reload it and make the edit again");
  }
  db.Query(
      "UPDATE library_items SET kind = ?, title = ?, item = ?, tags = ?, search = ?, author = ?,"
      " saved_at = ?, version = ? WHERE id = ?",
      {std::string(LibraryKindName(item.kind)), item.title, item.item, JoinTags(item.tags),
       SearchText(item, j), author, NowUtc(), std::int64_t{current.version + 1}, id});
  LibraryItem updated = Find(db, id, who);
  t.Commit();
  return updated;
}

void Library::Delete(std::int64_t id, const Principal& who) {
  std::lock_guard lock(store_.impl_->mutex);
  Backend& db = *store_.impl_->db;
  Transaction t(db);
  Find(db, id, who, /*lock=*/true);
  CheckMayWrite(who);
  db.Query("DELETE FROM library_items WHERE id = ?", {id});
  t.Commit();
}

std::vector<LibraryItem> Library::Search(std::optional<LibraryKind> kind, std::string_view text,
                                         const Principal& who) {
  std::string sql = std::string(kColumns) + " WHERE COALESCE(team_id, 0) = ?";
  std::vector<Param> params = {who.team_id};
  if (kind) {
    sql += " AND kind = ?";
    params.emplace_back(std::string(LibraryKindName(*kind)));
  }
  if (!text.empty()) {
    sql += " AND search LIKE ? ESCAPE '!'";
    params.emplace_back(Pattern(text));
  }
  std::lock_guard lock(store_.impl_->mutex);
  std::vector<LibraryItem> items;
  for (const Row& row : store_.impl_->db->Query(sql + " ORDER BY id", params)) {
    items.push_back(ReadItem(row));
  }
  return items;
}

}  // namespace parley::store
