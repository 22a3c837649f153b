// The team libraries (library.h) on SQLite and on PostgreSQL: add, get, update with a version
// check, delete, search by kind and text (case-insensitive, over title, claim and tags, LIKE's
// wildcards taken literally), each team seeing only its own items and a viewer only reading;
// and a schema-3 store migrated to schema 4 keeping its cases.
#include "parley/store/library.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "parley/core/error.h"
#include "testing/error_code.h"
#include "testing/postgres.h"

namespace parley::store {
namespace {

namespace fs = std::filesystem;

enum class Backend { kSqlite, kPostgres };

// A fresh SQLite file or a fresh PostgreSQL schema per test.
class LibraryTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    const std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    dir_ = fs::temp_directory_path() /
           ("parley_library_" + std::to_string(::getpid()) + "_" + name.substr(0, name.find('/')));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    if (GetParam() != Backend::kPostgres) return;
    if (testing::PostgresUrl().empty()) {
      if (testing::PostgresRequired()) FAIL() << testing::kNoPostgres << " (CI is set)";
      GTEST_SKIP() << testing::kNoPostgres;
    }
    schema_ = testing::SchemaName("lib_" + name);
    url_ = testing::FreshSchema(schema_);
  }
  void TearDown() override {
    if (!schema_.empty()) testing::DropSchema(schema_);
    fs::remove_all(dir_);
  }
  bool Postgres() const { return GetParam() == Backend::kPostgres; }
  std::string Location() const { return Postgres() ? url_ : (dir_ / "parley.db").string(); }

  fs::path dir_;
  std::string schema_;
  std::string url_;
};

using testing::CodeOf;

std::string MessageOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "no error thrown";
}

LibraryItem Item(LibraryKind kind, const std::string& title, const std::string& json,
                 std::vector<std::string> tags = {}) {
  LibraryItem item;
  item.kind = kind;
  item.title = title;
  item.item = json;
  item.tags = std::move(tags);
  return item;
}

LibraryItem Evidence(const std::string& title, const std::string& claim,
                     std::vector<std::string> tags = {}) {
  return Item(LibraryKind::kEvidence, title, R"({"id": "e", "claim": ")" + claim + R"("})",
              std::move(tags));
}

std::vector<std::int64_t> Ids(const std::vector<LibraryItem>& items) {
  std::vector<std::int64_t> ids;
  for (const LibraryItem& i : items) ids.push_back(i.id);
  return ids;
}

TEST_P(LibraryTest, AddsGetsUpdatesAndDeletesWithAVersionCheck) {
  Store s = Store::Open(Location());
  Library lib(s);
  const LibraryItem added =
      lib.Add(Evidence("Rent survey", "Rents fell 4%", {"rent", "q1"}), "ana");
  EXPECT_EQ(added.version, 1);
  EXPECT_EQ(added.author, "ana");
  EXPECT_EQ(added.saved_at.size(), 20u);
  EXPECT_EQ(added.tags, (std::vector<std::string>{"rent", "q1"}));
  const LibraryItem got = lib.Get(added.id);
  EXPECT_EQ(got.title, "Rent survey");
  EXPECT_EQ(got.item, R"({"id": "e", "claim": "Rents fell 4%"})");
  EXPECT_EQ(got.kind, LibraryKind::kEvidence);

  LibraryItem edit = got;
  edit.kind = LibraryKind::kBenchmark;
  edit.tags = {};
  const LibraryItem updated = lib.Update(added.id, 1, edit, "ben");
  EXPECT_EQ(updated.version, 2);
  EXPECT_EQ(updated.author, "ben");
  EXPECT_EQ(updated.kind, LibraryKind::kBenchmark);
  EXPECT_TRUE(updated.tags.empty());
  EXPECT_EQ(MessageOf([&] { lib.Update(added.id, 1, edit, "cy"); }),
            "library item " + std::to_string(added.id) +
                " is at version 2, not 1: someone changed it since; reload it and make the edit "
                "again");
  EXPECT_EQ(lib.Get(added.id).author, "ben");  // the stale update wrote nothing

  lib.Delete(added.id);
  EXPECT_EQ(MessageOf([&] { lib.Get(added.id); }), "no library item " + std::to_string(added.id));
  EXPECT_EQ(CodeOf([&] { lib.Delete(added.id); }), ErrorCode::kNotFound);
  EXPECT_EQ(CodeOf([&] { lib.Update(added.id, 2, edit, "ana"); }), ErrorCode::kNotFound);
}

TEST_P(LibraryTest, RefusesAnItemWithoutTitleOrNotAnObjectOrWithABadTag) {
  Store s = Store::Open(Location());
  Library lib(s);
  EXPECT_EQ(MessageOf([&] { lib.Add(Evidence("", "x"), "ana"); }), "a library item needs a title");
  LibraryItem not_object = Evidence("t", "x");
  not_object.item = "[1, 2]";
  EXPECT_EQ(MessageOf([&] { lib.Add(not_object, "ana"); }),
            "a library item's item must be a JSON object");
  not_object.item = "{oops";
  EXPECT_EQ(CodeOf([&] { lib.Add(not_object, "ana"); }), ErrorCode::kUsage);
  EXPECT_EQ(MessageOf([&] { lib.Add(Evidence("t", "x", {"a\nb"}), "ana"); }),
            "a tag must be non-empty and on one line, not 'a\nb'");
  EXPECT_TRUE(lib.Search(std::nullopt, "").empty());
}

TEST_P(LibraryTest, SearchesByKindAndTextIgnoringCaseAndTakingWildcardsLiterally) {
  Store s = Store::Open(Location());
  Library lib(s);
  const std::int64_t rent = lib.Add(Evidence("Rent survey", "Rents FELL 4%", {"Q1"}), "a").id;
  const std::int64_t quote = lib.Add(Evidence("Dock quote", "A 100_000 dock"), "a").id;
  LibraryItem term = Item(LibraryKind::kTradeable, "Contract term",
                          R"({"issue": {"id": "term", "name": "Term length", "kind": "options",)"
                          R"( "options": ["1y", "3y"]}, "cost_to_us": "little",)"
                          R"( "worth_to_them": "planning certainty"})");
  const std::int64_t trade = lib.Add(term, "a").id;
  EXPECT_EQ(Ids(lib.Search(std::nullopt, "")), (std::vector<std::int64_t>{rent, quote, trade}));
  EXPECT_EQ(Ids(lib.Search(LibraryKind::kEvidence, "")), (std::vector<std::int64_t>{rent, quote}));
  EXPECT_EQ(Ids(lib.Search(std::nullopt, "fell")), (std::vector<std::int64_t>{rent}));  // claim
  EXPECT_EQ(Ids(lib.Search(std::nullopt, "q1")), (std::vector<std::int64_t>{rent}));    // tag
  EXPECT_EQ(Ids(lib.Search(std::nullopt, "DOCK Q")), (std::vector<std::int64_t>{quote}));
  EXPECT_EQ(Ids(lib.Search(std::nullopt, "4%")), (std::vector<std::int64_t>{rent}));
  EXPECT_TRUE(lib.Search(std::nullopt, "s%y").empty());  // % is a percent sign, not a wildcard
  EXPECT_EQ(Ids(lib.Search(std::nullopt, "0_0")), (std::vector<std::int64_t>{quote}));
  EXPECT_TRUE(lib.Search(std::nullopt, "a_1").empty());
  EXPECT_EQ(Ids(lib.Search(std::nullopt, "certainty")), (std::vector<std::int64_t>{trade}));
  EXPECT_EQ(Ids(lib.Search(LibraryKind::kTradeable, "term length")),
            (std::vector<std::int64_t>{trade}));
  EXPECT_TRUE(lib.Search(LibraryKind::kClause, "").empty());
  EXPECT_EQ(ParseLibraryKind("clause"), LibraryKind::kClause);
  EXPECT_EQ(ParseLibraryKind("tradable"), std::nullopt);
  EXPECT_EQ(LibraryKindName(LibraryKind::kBenchmark), "benchmark");
}

TEST_P(LibraryTest, AnItemIsVisibleOnlyToItsTeamAndAViewerOnlyReads) {
  Store s = Store::Open(Location());
  Library lib(s);
  const Principal ana = s.Authenticate(s.AddUser("ana", "acme", Role::kEditor));
  const Principal ben = s.Authenticate(s.AddUser("ben", "acme", Role::kViewer));
  const Principal cy = s.Authenticate(s.AddUser("cy", "globex", Role::kOwner));
  const LibraryItem mine = lib.Add(Evidence("Rent survey", "x"), "ana", ana);
  lib.Add(Evidence("Their survey", "y"), "cy", cy);
  EXPECT_EQ(lib.Get(mine.id, ben).title, "Rent survey");
  EXPECT_EQ(Ids(lib.Search(std::nullopt, "survey", ben)), (std::vector<std::int64_t>{mine.id}));
  EXPECT_TRUE(lib.Search(std::nullopt, "").empty());  // no team: no team's item
  for (const Principal& other : {cy, Principal{}}) {
    EXPECT_EQ(CodeOf([&] { lib.Get(mine.id, other); }), ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf([&] { lib.Update(mine.id, 1, mine, "x", other); }), ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf([&] { lib.Delete(mine.id, other); }), ErrorCode::kNotFound);
  }
  EXPECT_EQ(MessageOf([&] { lib.Add(mine, "ben", ben); }),
            "ben is a viewer of team acme: a viewer reads the team's library but cannot change it");
  EXPECT_EQ(CodeOf([&] { lib.Update(mine.id, 1, mine, "ben", ben); }), ErrorCode::kForbidden);
  EXPECT_EQ(CodeOf([&] { lib.Delete(mine.id, ben); }), ErrorCode::kForbidden);
  EXPECT_EQ(lib.Get(mine.id, ana).version, 1);
}

// Schema 3 as the teams release wrote it (the tables that matter here), in each dialect.
std::string SchemaThree(bool postgres) {
  const std::string key =
      postgres ? "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY" : "INTEGER PRIMARY KEY";
  return "CREATE TABLE schema_version (version INTEGER NOT NULL);"
         "INSERT INTO schema_version VALUES (1), (2), (3);"
         "CREATE TABLE teams (id " +
         key +
         ", name TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL);"
         "CREATE TABLE users (id " +
         key +
         ", name TEXT NOT NULL UNIQUE, team_id BIGINT NOT NULL REFERENCES teams(id),"
         " role TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL);"
         "CREATE TABLE cases (id " +
         key +
         ", created_at TEXT NOT NULL, title TEXT NOT NULL DEFAULT '',"
         " team_id BIGINT REFERENCES teams(id));"
         "CREATE TABLE case_versions (case_id BIGINT NOT NULL REFERENCES cases(id),"
         " version INTEGER NOT NULL, author TEXT NOT NULL, saved_at TEXT NOT NULL,"
         " text TEXT NOT NULL, summary TEXT NOT NULL DEFAULT '', PRIMARY KEY (case_id, version));"
         "CREATE TABLE runs (id " +
         key +
         ", command TEXT NOT NULL, options TEXT NOT NULL, seed BIGINT NOT NULL,"
         " ran_at TEXT NOT NULL, team_id BIGINT REFERENCES teams(id));"
         "INSERT INTO cases (id, created_at) VALUES (7, '2026-01-02T03:04:05Z');"
         "INSERT INTO case_versions VALUES (7, 1, 'ana', '2026-01-02T03:04:05Z', 'a\n', "
         "'created');";
}

void RawSqlite(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
      << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
}

TEST_P(LibraryTest, MigratesASchemaThreeStoreToTheLibraries) {
  if (Postgres()) {
    testing::PostgresExec(SchemaThree(true), schema_);
  } else {
    RawSqlite(Location(), SchemaThree(false));
  }
  Store s = Store::Open(Location());
  EXPECT_EQ(s.SchemaVersion(), 4);
  EXPECT_EQ(s.Get(7).text, "a\n");
  Library lib(s);
  const LibraryItem added = lib.Add(Evidence("Rent survey", "x"), "ana");
  EXPECT_EQ(lib.Search(LibraryKind::kEvidence, "rent").size(), 1u);
  EXPECT_EQ(lib.Get(added.id).version, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, LibraryTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const ::testing::TestParamInfo<Backend>& info) {
                           return info.param == Backend::kSqlite ? "Sqlite" : "Postgres";
                         });

}  // namespace
}  // namespace parley::store
