#include "parley/store/store.h"

#include <ctime>
#include <mutex>
#include <string>

#include "internal/sqlite.h"
#include "parley/core/error.h"
#include "parley/io/case_reader.h"

namespace parley::store {

namespace {

using internal::Exec;
using internal::Statement;
using internal::Transaction;

// The migrations, in order: migration k brings a file from schema k - 1 to k. Never edit one
// that has shipped; add the next.
constexpr const char* kMigrations[] = {
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
};
static_assert(std::size(kMigrations) == kSchemaVersion);

std::string NowUtc() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

std::string TitleOf(const std::string& text) {
  const io::LoadResult r = io::ReadCaseText(text, "case");
  return r.Ok() ? r.value->title : "";
}

int ReadSchemaVersion(sqlite3* db) {
  Exec(db, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
  Statement q(db, "SELECT max(version) FROM schema_version");
  return q.Step() ? static_cast<int>(q.Int(0)) : 0;
}

// Applies every migration the file lacks, each in one transaction with its version row.
void Migrate(sqlite3* db) {
  for (int version = ReadSchemaVersion(db); version < kSchemaVersion; ++version) {
    Transaction t(db);
    Exec(db, kMigrations[version]);
    Statement(db, "INSERT INTO schema_version (version) VALUES (?)").Bind(1, version + 1).Run();
    t.Commit();
  }
}

// The latest version of a case, or 0 when there is no such case.
int LatestVersion(sqlite3* db, std::int64_t case_id) {
  Statement q(db, "SELECT max(version) FROM case_versions WHERE case_id = ?");
  q.Bind(1, case_id);
  return q.Step() ? static_cast<int>(q.Int(0)) : 0;
}

std::string VersionText(sqlite3* db, std::int64_t case_id, int version) {
  Statement q(db, "SELECT text FROM case_versions WHERE case_id = ? AND version = ?");
  q.Bind(1, case_id).Bind(2, version);
  if (!q.Step()) {
    throw Error(ErrorCode::kNotFound,
                "case " + std::to_string(case_id) + " has no version " + std::to_string(version));
  }
  return q.Text(0);
}

void InsertVersion(sqlite3* db, std::int64_t case_id, int version, const std::string& text,
                   const std::string& author, const std::string& summary) {
  Statement(db,
            "INSERT INTO case_versions (case_id, version, author, saved_at, text, summary)"
            " VALUES (?, ?, ?, ?, ?, ?)")
      .Bind(1, case_id)
      .Bind(2, version)
      .Bind(3, author)
      .Bind(4, NowUtc())
      .Bind(5, text)
      .Bind(6, summary)
      .Run();
  Statement(db, "UPDATE cases SET title = ? WHERE id = ?")
      .Bind(1, TitleOf(text))
      .Bind(2, case_id)
      .Run();
}

VersionInfo ReadInfo(const Statement& q, int first) {
  return {static_cast<int>(q.Int(first)), q.Text(first + 1), q.Text(first + 2), q.Text(first + 3)};
}

}  // namespace

struct Store::Impl {
  sqlite3* db = nullptr;
  std::mutex mutex;

  ~Impl() { sqlite3_close_v2(db); }
};

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::Open(const std::string& path) {
  auto impl = std::make_unique<Impl>();
  const int rc =
      sqlite3_open_v2(path.c_str(), &impl->db,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    throw Error(ErrorCode::kIo, path + ": cannot open the store: " +
                                    (impl->db ? sqlite3_errmsg(impl->db) : "out of memory"));
  }
  sqlite3_busy_timeout(impl->db, 5000);
  try {
    Exec(impl->db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON");
    const int found = ReadSchemaVersion(impl->db);
    if (found > kSchemaVersion) {
      throw Error(ErrorCode::kConflict,
                  path + ": the store's schema is version " + std::to_string(found) +
                      ", newer than this parley knows (" + std::to_string(kSchemaVersion) + ")");
    }
    Migrate(impl->db);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::kIo) throw;
    throw Error(ErrorCode::kIo, path + ": not a Parley store: " + e.what());
  }
  return Store(std::move(impl));
}

int Store::SchemaVersion() {
  std::lock_guard lock(impl_->mutex);
  return ReadSchemaVersion(impl_->db);
}

Saved Store::Create(const std::string& text, const std::string& author) {
  std::lock_guard lock(impl_->mutex);
  Transaction t(impl_->db);
  Statement(impl_->db, "INSERT INTO cases (created_at) VALUES (?)").Bind(1, NowUtc()).Run();
  const std::int64_t id = sqlite3_last_insert_rowid(impl_->db);
  InsertVersion(impl_->db, id, 1, text, author, "created");
  t.Commit();
  return {id, 1};
}

Saved Store::Save(std::int64_t case_id, int expected_version, const std::string& text,
                  const std::string& author) {
  std::lock_guard lock(impl_->mutex);
  Transaction t(impl_->db);
  const int latest = LatestVersion(impl_->db, case_id);
  if (latest == 0) throw Error(ErrorCode::kNotFound, "no case " + std::to_string(case_id));
  if (latest != expected_version) {
    throw Error(ErrorCode::kConflict,
                "case " + std::to_string(case_id) + " is at version " + std::to_string(latest) +
                    ", not " + std::to_string(expected_version) +
                    ": someone saved it since; reload it and make the edit again");
  }
  const std::string before = VersionText(impl_->db, case_id, latest);
  const std::string summary =
      DiffSummary(LineDiff(NormaliseCaseText(before), NormaliseCaseText(text)));
  InsertVersion(impl_->db, case_id, latest + 1, text, author, summary);
  t.Commit();
  return {case_id, latest + 1};
}

std::vector<CaseInfo> Store::ListCases() {
  std::lock_guard lock(impl_->mutex);
  Statement q(impl_->db,
              "SELECT c.id, c.title, v.version, v.author, v.saved_at, v.summary FROM cases c"
              " JOIN case_versions v ON v.case_id = c.id AND v.version ="
              " (SELECT max(version) FROM case_versions WHERE case_id = c.id) ORDER BY c.id");
  std::vector<CaseInfo> cases;
  while (q.Step()) cases.push_back({q.Int(0), q.Text(1), ReadInfo(q, 2)});
  return cases;
}

CaseVersion Store::Get(std::int64_t case_id, std::optional<int> version) {
  std::lock_guard lock(impl_->mutex);
  const int latest = LatestVersion(impl_->db, case_id);
  if (latest == 0) throw Error(ErrorCode::kNotFound, "no case " + std::to_string(case_id));
  Statement q(impl_->db,
              "SELECT version, author, saved_at, summary, text FROM case_versions"
              " WHERE case_id = ? AND version = ?");
  q.Bind(1, case_id).Bind(2, version.value_or(latest));
  if (!q.Step()) {
    throw Error(ErrorCode::kNotFound, "case " + std::to_string(case_id) + " has no version " +
                                          std::to_string(*version) + " (its latest is " +
                                          std::to_string(latest) + ")");
  }
  return {case_id, ReadInfo(q, 0), q.Text(4)};
}

std::vector<VersionInfo> Store::Versions(std::int64_t case_id) {
  std::lock_guard lock(impl_->mutex);
  Statement q(impl_->db,
              "SELECT version, author, saved_at, summary FROM case_versions WHERE case_id = ?"
              " ORDER BY version");
  q.Bind(1, case_id);
  std::vector<VersionInfo> versions;
  while (q.Step()) versions.push_back(ReadInfo(q, 0));
  if (versions.empty()) throw Error(ErrorCode::kNotFound, "no case " + std::to_string(case_id));
  return versions;
}

std::vector<DiffLine> Store::Diff(std::int64_t case_id, int from, int to) {
  std::string before;
  std::string after;
  {
    std::lock_guard lock(impl_->mutex);
    if (LatestVersion(impl_->db, case_id) == 0) {
      throw Error(ErrorCode::kNotFound, "no case " + std::to_string(case_id));
    }
    before = VersionText(impl_->db, case_id, from);
    after = VersionText(impl_->db, case_id, to);
  }
  return LineDiff(NormaliseCaseText(before), NormaliseCaseText(after));
}

std::int64_t Store::RecordRun(const std::string& command, const std::string& options_json,
                              std::uint64_t seed) {
  std::lock_guard lock(impl_->mutex);
  Statement(impl_->db, "INSERT INTO runs (command, options, seed, ran_at) VALUES (?, ?, ?, ?)")
      .Bind(1, command)
      .Bind(2, options_json)
      .Bind(3, static_cast<std::int64_t>(seed))
      .Bind(4, NowUtc())
      .Run();
  return sqlite3_last_insert_rowid(impl_->db);
}

std::vector<RunRecord> Store::Runs() {
  std::lock_guard lock(impl_->mutex);
  Statement q(impl_->db, "SELECT id, command, options, seed, ran_at FROM runs ORDER BY id");
  std::vector<RunRecord> runs;
  while (q.Step()) {
    runs.push_back(
        {q.Int(0), q.Text(1), q.Text(2), static_cast<std::uint64_t>(q.Int(3)), q.Text(4)});
  }
  return runs;
}

std::string Store::IntegrityCheck() {
  std::lock_guard lock(impl_->mutex);
  Statement q(impl_->db, "PRAGMA integrity_check");
  std::string result;
  while (q.Step()) result += (result.empty() ? "" : "\n") + q.Text(0);
  return result;
}

}  // namespace parley::store
