// The store's backend on SQLite (one file, WAL journal, full sync), through sqlite.h.
#include <iterator>
#include <memory>
#include <string>
#include <type_traits>

#include "internal/backend.h"
#include "internal/sqlite.h"
#include "parley/core/error.h"
#include "parley/store/store.h"

namespace parley::store::internal {

namespace {

// The migrations, in order: migration k brings a file from schema k - 1 to k. Never edit one
// that has shipped; add the next.
constexpr const char* kSqliteMigrations[] = {
    // 1: cases and their versions.
    "CREATE TABLE cases (id INTEGER PRIMARY KEY, created_at TEXT NOT NULL);"
    "CREATE TABLE case_versions (case_id INTEGER NOT NULL REFERENCES cases(id),"
    " version INTEGER NOT NULL, author TEXT NOT NULL, saved_at TEXT NOT NULL,"
    " text TEXT NOT NULL, PRIMARY KEY (case_id, version));",
    // 2: what each version changed, the case's title, the analysis runs.
    "ALTER TABLE case_versions ADD COLUMN summary TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE cases ADD COLUMN title TEXT NOT NULL DEFAULT '';"
    "CREATE TABLE runs (id INTEGER PRIMARY KEY, command TEXT NOT NULL, options TEXT NOT NULL,"
    " seed INTEGER NOT NULL, ran_at TEXT NOT NULL);",
    // 3: teams, their users (a token's hash, never the token) and whose each case and run is.
    "CREATE TABLE teams (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
    " created_at TEXT NOT NULL);"
    "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
    " team_id INTEGER NOT NULL REFERENCES teams(id),"
    " role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),"
    " token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL);"
    "ALTER TABLE cases ADD COLUMN team_id INTEGER REFERENCES teams(id);"
    "ALTER TABLE runs ADD COLUMN team_id INTEGER REFERENCES teams(id);"
    "CREATE INDEX cases_by_team ON cases (team_id);",
    // 4: the team libraries: evidence, benchmarks, tradeables and clauses (library.h); `search`
    // is the lowercased title, claim and tags that Library::Search matches.
    "CREATE TABLE library_items (id INTEGER PRIMARY KEY,"
    " team_id INTEGER REFERENCES teams(id),"
    " kind TEXT NOT NULL CHECK (kind IN ('evidence', 'benchmark', 'tradeable', 'clause')),"
    " title TEXT NOT NULL, item TEXT NOT NULL, tags TEXT NOT NULL, search TEXT NOT NULL,"
    " author TEXT NOT NULL, saved_at TEXT NOT NULL, version INTEGER NOT NULL);"
    "CREATE INDEX library_by_team ON library_items (team_id, kind);",
};
static_assert(std::size(kSqliteMigrations) == kSchemaVersion);

class SqliteBackend final : public Backend {
 public:
  explicit SqliteBackend(sqlite3* db) : db_(db) {}
  ~SqliteBackend() override { sqlite3_close_v2(db_); }

  std::span<const char* const> Migrations() const override { return kSqliteMigrations; }
  void Exec(std::string_view sql) override { internal::Exec(db_, sql); }

  std::vector<Row> Query(std::string_view sql, const std::vector<Param>& params) override {
    Statement q(db_, sql);
    Bind(q, params);
    std::vector<Row> rows;
    while (q.Step()) {
      Row row;
      for (int c = 0; c < q.Columns(); ++c) row.push_back(q.Text(c));
      rows.push_back(std::move(row));
    }
    return rows;
  }

  std::int64_t Insert(std::string_view sql, const std::vector<Param>& params) override {
    Statement q(db_, sql);
    Bind(q, params);
    q.Run();
    return sqlite3_last_insert_rowid(db_);
  }

  void Begin() override { internal::Exec(db_, "BEGIN IMMEDIATE"); }
  void Commit() override { internal::Exec(db_, "COMMIT"); }
  void Rollback() noexcept override { sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr); }
  std::string_view ForUpdate() const override { return ""; }

  std::string IntegrityCheck() override {
    Statement q(db_, "PRAGMA integrity_check");
    std::string result;
    while (q.Step()) result += (result.empty() ? "" : "\n") + q.Text(0);
    return result;
  }

 private:
  static void Bind(Statement& q, const std::vector<Param>& params) {
    for (std::size_t i = 0; i < params.size(); ++i) {
      std::visit([&](const auto& v) { q.Bind(static_cast<int>(i + 1), v); }, params[i]);
    }
  }

  sqlite3* db_;
};

}  // namespace

std::unique_ptr<Backend> OpenSqlite(const std::string& path) {
  sqlite3* db = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &db,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
  auto backend = std::make_unique<SqliteBackend>(db);  // closes `db` whatever happens next
  if (rc != SQLITE_OK) {
    throw Error(ErrorCode::kIo,
                path + ": cannot open the store: " + (db ? sqlite3_errmsg(db) : "out of memory"));
  }
  sqlite3_busy_timeout(db, 5000);
  try {
    backend->Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON");
  } catch (const Error& e) {
    throw Error(ErrorCode::kIo, path + ": not a Parley store: " + e.what());
  }
  return backend;
}

}  // namespace parley::store::internal
