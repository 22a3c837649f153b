#include "parley/store/store.h"

#include <array>
#include <ctime>
#include <mutex>
#include <string>

#include "internal/backend.h"
#include "internal/store_impl.h"
#include "internal/token.h"
#include "parley/core/error.h"
#include "parley/io/case_reader.h"

namespace parley::store {

namespace internal {

std::string NowUtc() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

}  // namespace internal

namespace {

using internal::Backend;
using internal::NowUtc;
using internal::Row;
using internal::Transaction;

std::string TitleOf(const std::string& text) {
  const io::LoadResult r = io::ReadCaseText(text, "case");
  return r.Ok() ? r.value->title : "";
}

std::int64_t Whole(const std::string& cell) { return cell.empty() ? 0 : std::stoll(cell); }

int ReadSchemaVersion(Backend& db) {
  db.Exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
  return static_cast<int>(
      Whole(db.Query("SELECT COALESCE(max(version), 0) FROM schema_version", {}).at(0).at(0)));
}

// Applies every migration the database lacks, each in one transaction with its version row.
void Migrate(Backend& db) {
  for (int version = ReadSchemaVersion(db); version < kSchemaVersion; ++version) {
    Transaction t(db);
    db.Exec(db.Migrations()[static_cast<std::size_t>(version)]);
    db.Query("INSERT INTO schema_version (version) VALUES (?)", {std::int64_t{version + 1}});
    t.Commit();
  }
}

// The latest version of a case of `who`'s team, or 0 when there is no such case (or it is
// another team's). Inside a transaction that writes, `lock` locks the case's row until the
// commit (PostgreSQL; SQLite's write transaction holds the whole file).
int LatestVersion(Backend& db, std::int64_t case_id, const Principal& who, bool lock = false) {
  const std::string sql = "SELECT id FROM cases WHERE id = ? AND COALESCE(team_id, 0) = ?" +
                          std::string(lock ? db.ForUpdate() : "");
  if (db.Query(sql, {case_id, who.team_id}).empty()) return 0;
  return static_cast<int>(Whole(
      db.Query("SELECT COALESCE(max(version), 0) FROM case_versions WHERE case_id = ?", {case_id})
          .at(0)
          .at(0)));
}

std::string VersionText(Backend& db, std::int64_t case_id, int version) {
  const std::vector<Row> rows = db.Query(
      "SELECT text FROM case_versions WHERE case_id = ? AND version = ?", {case_id, version});
  if (rows.empty()) {
    throw Error(ErrorCode::kNotFound,
                "case " + std::to_string(case_id) + " has no version " + std::to_string(version));
  }
  return rows[0][0];
}

void InsertVersion(Backend& db, std::int64_t case_id, int version, const std::string& text,
                   const std::string& author, const std::string& summary) {
  db.Query(
      "INSERT INTO case_versions (case_id, version, author, saved_at, text, summary)"
      " VALUES (?, ?, ?, ?, ?, ?)",
      {case_id, version, author, NowUtc(), text, summary});
  db.Query("UPDATE cases SET title = ? WHERE id = ?", {TitleOf(text), case_id});
}

VersionInfo ReadInfo(const Row& row, std::size_t first) {
  return {static_cast<int>(Whole(row[first])), row[first + 1], row[first + 2], row[first + 3]};
}

std::string NoCase(std::int64_t case_id) { return "no case " + std::to_string(case_id); }

// Throws Error(kForbidden) unless `who` may save cases.
void CheckMaySave(const Principal& who) {
  if (who.role != Role::kViewer) return;
  throw Error(ErrorCode::kForbidden, who.user + " is a viewer of team " + who.team +
                                         ": a viewer reads the team's cases but cannot save them");
}

// The team's value in a row: NULL for no team.
std::string TeamSql(const Principal& who) { return who.team_id == 0 ? "NULL" : "?"; }

constexpr std::array<std::pair<Role, std::string_view>, 3> kRoleNames = {
    {{Role::kOwner, "owner"}, {Role::kEditor, "editor"}, {Role::kViewer, "viewer"}}};

}  // namespace

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

std::string_view RoleName(Role role) {
  for (const auto& [r, name] : kRoleNames) {
    if (r == role) return name;
  }
  return "viewer";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (const auto& [role, n] : kRoleNames) {
    if (n == name) return role;
  }
  return std::nullopt;
}

std::string ShownLocation(const std::string& location) {
  if (!IsPostgresUrl(location)) return location;
  const std::size_t start = location.find("://") + 3;
  const std::size_t at = location.find('@', start);
  const std::size_t colon = location.find(':', start);
  if (at == std::string::npos || colon > at) return location;
  return location.substr(0, colon) + ":...@" + location.substr(at + 1);
}

bool IsPostgresUrl(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

Store Store::Open(const std::string& location) {
  const std::string path = ShownLocation(location);
  auto impl = std::make_unique<Impl>();
  try {
    impl->db =
        IsPostgresUrl(location) ? internal::OpenPostgres(location) : internal::OpenSqlite(location);
    const int found = ReadSchemaVersion(*impl->db);
    if (found > kSchemaVersion) {
      throw Error(ErrorCode::kConflict,
                  path + ": the store's schema is version " + std::to_string(found) +
                      ", newer than this parley knows (" + std::to_string(kSchemaVersion) + ")");
    }
    Migrate(*impl->db);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::kIo || !impl->db) throw;
    throw Error(ErrorCode::kIo, path + ": not a Parley store: " + e.what());
  }
  return Store(std::move(impl));
}

int Store::SchemaVersion() {
  std::lock_guard lock(impl_->mutex);
  return ReadSchemaVersion(*impl_->db);
}

Saved Store::Create(const std::string& text, const std::string& author, const Principal& who) {
  CheckMaySave(who);
  std::lock_guard lock(impl_->mutex);
  Backend& db = *impl_->db;
  Transaction t(db);
  std::vector<internal::Param> params = {NowUtc()};
  if (who.team_id != 0) params.emplace_back(who.team_id);
  const std::int64_t id =
      db.Insert("INSERT INTO cases (created_at, team_id) VALUES (?, " + TeamSql(who) + ")", params);
  InsertVersion(db, id, 1, text, author, "created");
  t.Commit();
  return {id, 1};
}

Saved Store::Save(std::int64_t case_id, int expected_version, const std::string& text,
                  const std::string& author, const Principal& who) {
  std::lock_guard lock(impl_->mutex);
  Backend& db = *impl_->db;
  Transaction t(db);
  const int latest = LatestVersion(db, case_id, who, /*lock=*/true);
  if (latest == 0) throw Error(ErrorCode::kNotFound, NoCase(case_id));
  CheckMaySave(who);
  if (latest != expected_version) {
    throw Error(ErrorCode::kConflict,
                "case " + std::to_string(case_id) + " is at version " + std::to_string(latest) +
                    ", not " + std::to_string(expected_version) +
                    ": someone saved it since; reload it and make the edit again");
  }
  const std::string before = VersionText(db, case_id, latest);
  const std::string summary =
      DiffSummary(LineDiff(NormaliseCaseText(before), NormaliseCaseText(text)));
  InsertVersion(db, case_id, latest + 1, text, author, summary);
  t.Commit();
  return {case_id, latest + 1};
}

std::vector<CaseInfo> Store::ListCases(const Principal& who) {
  std::lock_guard lock(impl_->mutex);
  std::vector<CaseInfo> cases;
  for (const Row& row : impl_->db->Query(
           "SELECT c.id, c.title, v.version, v.author, v.saved_at, v.summary FROM cases c"
           " JOIN case_versions v ON v.case_id = c.id AND v.version ="
           " (SELECT max(version) FROM case_versions WHERE case_id = c.id)"
           " WHERE COALESCE(c.team_id, 0) = ? ORDER BY c.id",
           {who.team_id})) {
    cases.push_back({Whole(row[0]), row[1], ReadInfo(row, 2)});
  }
  return cases;
}

CaseVersion Store::Get(std::int64_t case_id, std::optional<int> version, const Principal& who) {
  std::lock_guard lock(impl_->mutex);
  Backend& db = *impl_->db;
  const int latest = LatestVersion(db, case_id, who);
  if (latest == 0) throw Error(ErrorCode::kNotFound, NoCase(case_id));
  const std::vector<Row> rows = db.Query(
      "SELECT version, author, saved_at, summary, text FROM case_versions"
      " WHERE case_id = ? AND version = ?",
      {case_id, version.value_or(latest)});
  if (rows.empty()) {
    throw Error(ErrorCode::kNotFound, "case " + std::to_string(case_id) + " has no version " +
                                          std::to_string(*version) + " (its latest is " +
                                          std::to_string(latest) + ")");
  }
  return {case_id, ReadInfo(rows[0], 0), rows[0][4]};
}

std::vector<VersionInfo> Store::Versions(std::int64_t case_id, const Principal& who) {
  std::lock_guard lock(impl_->mutex);
  std::vector<VersionInfo> versions;
  for (const Row& row : impl_->db->Query(
           "SELECT version, author, saved_at, summary FROM case_versions WHERE case_id = ?"
           " AND case_id IN (SELECT id FROM cases WHERE COALESCE(team_id, 0) = ?) ORDER BY version",
           {case_id, who.team_id})) {
    versions.push_back(ReadInfo(row, 0));
  }
  if (versions.empty()) throw Error(ErrorCode::kNotFound, NoCase(case_id));
  return versions;
}

std::vector<DiffLine> Store::Diff(std::int64_t case_id, int from, int to, const Principal& who) {
  std::string before;
  std::string after;
  {
    std::lock_guard lock(impl_->mutex);
    Backend& db = *impl_->db;
    if (LatestVersion(db, case_id, who) == 0) throw Error(ErrorCode::kNotFound, NoCase(case_id));
    before = VersionText(db, case_id, from);
    after = VersionText(db, case_id, to);
  }
  return LineDiff(NormaliseCaseText(before), NormaliseCaseText(after));
}

std::int64_t Store::RecordRun(const std::string& command, const std::string& options_json,
                              std::uint64_t seed, const Principal& who) {
  std::lock_guard lock(impl_->mutex);
  std::vector<internal::Param> params = {command, options_json, static_cast<std::int64_t>(seed),
                                         NowUtc()};
  if (who.team_id != 0) params.emplace_back(who.team_id);
  return impl_->db->Insert(
      "INSERT INTO runs (command, options, seed, ran_at, team_id) VALUES (?, ?, ?, ?, " +
          TeamSql(who) + ")",
      params);
}

std::vector<RunRecord> Store::Runs(const Principal& who) {
  std::lock_guard lock(impl_->mutex);
  std::vector<RunRecord> runs;
  for (const Row& row : impl_->db->Query("SELECT id, command, options, seed, ran_at FROM runs"
                                         " WHERE COALESCE(team_id, 0) = ? ORDER BY id",
                                         {who.team_id})) {
    runs.push_back(
        {Whole(row[0]), row[1], row[2], static_cast<std::uint64_t>(Whole(row[3])), row[4]});
  }
  return runs;
}

std::string Store::AddUser(const std::string& name, const std::string& team, Role role) {
  if (name.empty() || team.empty()) {
    throw Error(ErrorCode::kUsage, "a user needs a name and a team");
  }
  std::lock_guard lock(impl_->mutex);
  Backend& db = *impl_->db;
  Transaction t(db);
  if (!db.Query("SELECT id FROM users WHERE name = ?", {name}).empty()) {
    throw Error(ErrorCode::kConflict, "there is already a user named " + name);
  }
  std::vector<Row> found = db.Query("SELECT id FROM teams WHERE name = ?", {team});
  const std::int64_t team_id =
      found.empty()
          ? db.Insert("INSERT INTO teams (name, created_at) VALUES (?, ?)", {team, NowUtc()})
          : Whole(found[0][0]);
  const std::string token = internal::NewToken();
  db.Insert(
      "INSERT INTO users (name, team_id, role, token_hash, created_at) VALUES (?, ?, ?, ?, ?)",
      {name, team_id, std::string(RoleName(role)), internal::TokenHash(token), NowUtc()});
  t.Commit();
  return token;
}

std::vector<UserInfo> Store::Users() {
  std::lock_guard lock(impl_->mutex);
  std::vector<UserInfo> users;
  for (const Row& row :
       impl_->db->Query("SELECT u.name, t.name, u.role, u.created_at FROM users u JOIN teams t"
                        " ON t.id = u.team_id ORDER BY u.name",
                        {})) {
    users.push_back({row[0], row[1], ParseRole(row[2]).value_or(Role::kViewer), row[3]});
  }
  return users;
}

bool Store::HasUsers() {
  std::lock_guard lock(impl_->mutex);
  return !impl_->db->Query("SELECT id FROM users LIMIT 1", {}).empty();
}

Principal Store::Authenticate(std::string_view token) {
  const std::string hash = internal::TokenHash(token);
  std::lock_guard lock(impl_->mutex);
  const std::vector<Row> rows = impl_->db->Query(
      "SELECT u.name, t.name, u.role, t.id FROM users u JOIN teams t ON t.id = u.team_id"
      " WHERE u.token_hash = ?",
      {hash});
  if (rows.empty() || !token.starts_with(kTokenPrefix)) {
    throw Error(ErrorCode::kUnauthorized, "the token is not one this server knows");
  }
  const Row& row = rows[0];
  return {row[0], row[1], ParseRole(row[2]).value_or(Role::kViewer), Whole(row[3])};
}

std::string Store::IntegrityCheck() {
  std::lock_guard lock(impl_->mutex);
  return impl_->db->IntegrityCheck();
}

}  // namespace parley::store
