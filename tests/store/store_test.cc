// The store on SQLite: created on first use, migrated from an empty file and from a schema-1 file
// written by hand, versions in order, conflicts refused, diffs, and no acknowledged version lost
// when a saving process is killed with SIGKILL.
#include "parley/store/store.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "parley/core/error.h"

namespace parley::store {

// Diff lines in failure messages: the op and the text.
void PrintTo(const DiffLine& d, std::ostream* os);
void PrintTo(const DiffLine& d, std::ostream* os) { *os << d.op << d.text; }

namespace {

namespace fs = std::filesystem;

// A fresh folder per test, removed after.
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("parley_store_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Path() const { return (dir_ / "parley.db").string(); }

  fs::path dir_;
};

ErrorCode CodeOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  ADD_FAILURE() << "no error thrown";
  return ErrorCode::kInternal;
}

void RawExec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
      << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
}

TEST_F(StoreTest, CreatesTheFileOnFirstUseWithTheLatestSchemaInWalMode) {
  ASSERT_FALSE(fs::exists(Path()));
  Store s = Store::Open(Path());
  EXPECT_TRUE(fs::exists(Path()));
  EXPECT_EQ(s.SchemaVersion(), kSchemaVersion);
  EXPECT_TRUE(s.ListCases().empty());
  const Saved saved = s.Create("title: x\n", "ana");
  EXPECT_EQ(saved.version, 1);
  EXPECT_TRUE(fs::exists(Path() + "-wal"));
  EXPECT_EQ(s.IntegrityCheck(), "ok");
  // Opening again migrates nothing and keeps the case.
  Store again = Store::Open(Path());
  EXPECT_EQ(again.SchemaVersion(), kSchemaVersion);
  EXPECT_EQ(again.Get(saved.case_id).text, "title: x\n");
}

TEST_F(StoreTest, MigratesASchemaOneFileKeepingItsVersions) {
  RawExec(Path(),
          "CREATE TABLE schema_version (version INTEGER NOT NULL);"
          "INSERT INTO schema_version VALUES (1);"
          "CREATE TABLE cases (id INTEGER PRIMARY KEY, created_at TEXT NOT NULL);"
          "CREATE TABLE case_versions (case_id INTEGER NOT NULL REFERENCES cases(id),"
          " version INTEGER NOT NULL, author TEXT NOT NULL, saved_at TEXT NOT NULL,"
          " text TEXT NOT NULL, PRIMARY KEY (case_id, version));"
          "INSERT INTO cases VALUES (7, '2026-01-02T03:04:05Z');"
          "INSERT INTO case_versions VALUES (7, 1, 'ana', '2026-01-02T03:04:05Z', 'a\n');"
          "INSERT INTO case_versions VALUES (7, 2, 'ben', '2026-01-03T03:04:05Z', 'a\nb\n');");
  Store s = Store::Open(Path());
  EXPECT_EQ(s.SchemaVersion(), 2);
  const std::vector<VersionInfo> versions = s.Versions(7);
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[1].author, "ben");
  EXPECT_EQ(versions[1].saved_at, "2026-01-03T03:04:05Z");
  EXPECT_EQ(versions[1].summary, "");
  EXPECT_EQ(s.Get(7, 1).text, "a\n");
  EXPECT_EQ(s.Save(7, 2, "a\nc\n", "ana").version, 3);
  EXPECT_EQ(s.Versions(7)[2].summary, "+1 -1 lines");
  EXPECT_EQ(s.RecordRun("power", "{\"seed\":\"7\"}", 7), 1);
  EXPECT_EQ(s.Runs().at(0).seed, 7u);
}

TEST_F(StoreTest, RefusesAFileFromANewerParleyAndAFileThatIsNotAStore) {
  RawExec(Path(),
          "CREATE TABLE schema_version (version INTEGER); INSERT INTO schema_version "
          "VALUES (99);");
  EXPECT_EQ(CodeOf([&] { Store::Open(Path()); }), ErrorCode::kConflict);
  const std::string junk = (dir_ / "junk.db").string();
  std::FILE* f = std::fopen(junk.c_str(), "w");
  std::fputs("this is not a database, not even close; sixteen bytes and more", f);
  std::fclose(f);
  EXPECT_EQ(CodeOf([&] { Store::Open(junk); }), ErrorCode::kIo);
}

TEST_F(StoreTest, AStaleSaveIsAConflictAndLosesNothing) {
  Store s = Store::Open(Path());
  const Saved v1 = s.Create("a\n", "ana");
  EXPECT_EQ(s.Save(v1.case_id, 1, "a\nb\n", "ben").version, 2);
  try {
    s.Save(v1.case_id, 1, "a\nc\n", "cy");
    FAIL() << "a stale save went through";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kConflict);
    EXPECT_EQ(std::string(e.what()),
              "case " + std::to_string(v1.case_id) +
                  " is at version 2, not 1: someone saved it since; reload it and make the edit "
                  "again");
  }
  EXPECT_EQ(s.Get(v1.case_id).text, "a\nb\n");
  EXPECT_EQ(s.Versions(v1.case_id).size(), 2u);
  EXPECT_EQ(CodeOf([&] { s.Save(v1.case_id, 3, "x", "cy"); }), ErrorCode::kConflict);
  EXPECT_EQ(CodeOf([&] { s.Save(999, 1, "x", "cy"); }), ErrorCode::kNotFound);
  EXPECT_EQ(CodeOf([&] { s.Get(999); }), ErrorCode::kNotFound);
  EXPECT_EQ(CodeOf([&] { s.Get(v1.case_id, 3); }), ErrorCode::kNotFound);
  EXPECT_EQ(CodeOf([&] { s.Versions(999); }), ErrorCode::kNotFound);
  EXPECT_EQ(CodeOf([&] { s.Diff(v1.case_id, 1, 5); }), ErrorCode::kNotFound);
}

TEST_F(StoreTest, ListsVersionsInOrderWithWhoWhenAndWhatChanged) {
  Store s = Store::Open(Path());
  const Saved a = s.Create("one\n", "ana");
  const Saved b = s.Create("other\n", "ben");
  for (int v = 1; v <= 5; ++v) {
    s.Save(a.case_id, v, "one\n" + std::string(static_cast<std::size_t>(v), 'x') + "\n", "ana");
  }
  const std::vector<VersionInfo> versions = s.Versions(a.case_id);
  ASSERT_EQ(versions.size(), 6u);
  for (int v = 1; v <= 6; ++v) EXPECT_EQ(versions[static_cast<std::size_t>(v - 1)].version, v);
  EXPECT_EQ(versions[0].summary, "created");
  EXPECT_EQ(versions[1].summary, "+1 -0 lines");
  EXPECT_EQ(versions[2].summary, "+1 -1 lines");
  EXPECT_EQ(versions[0].saved_at.size(), 20u);  // 2026-12-06T08:15:00Z
  EXPECT_EQ(versions[0].saved_at.back(), 'Z');
  const std::vector<CaseInfo> cases = s.ListCases();
  ASSERT_EQ(cases.size(), 2u);
  EXPECT_EQ(cases[0].case_id, a.case_id);
  EXPECT_EQ(cases[0].latest.version, 6);
  EXPECT_EQ(cases[1].case_id, b.case_id);
  EXPECT_EQ(cases[1].latest.author, "ben");
  const std::vector<DiffLine> diff = s.Diff(a.case_id, 2, 4);
  const std::vector<DiffLine> expected = {{' ', "one"}, {'-', "x"}, {'+', "xxx"}};
  EXPECT_EQ(diff, expected);
}

TEST(LineDiffTest, IsMinimalOnASmallChangeAndNormalisesLineEnds) {
  const std::vector<DiffLine> expected = {
      {' ', "a"}, {'-', "b"}, {'+', "B"}, {' ', "c"}, {'+', "d"}};
  EXPECT_EQ(LineDiff("a\nb\nc\n", "a\nB\nc\nd\n"), expected);
  EXPECT_EQ(NormaliseCaseText("a\r\nb\r\n"), "a\nb\n");
  EXPECT_EQ(DiffSummary(LineDiff("a\n", "a\n")), "no change");
}

// Both texts can be read back from any diff: the kept and removed lines give the old one, the
// kept and added lines the new one.
RC_GTEST_PROP(LineDiffTest, GivesBackBothTexts,
              (const std::vector<int>& xs, const std::vector<int>& ys)) {
  const auto text = [](const std::vector<int>& v) {
    std::string t;
    for (int x : v) t += std::to_string(x % 4) + "\n";
    return t;
  };
  const std::string a = text(xs);
  const std::string b = text(ys);
  std::string back_a;
  std::string back_b;
  for (const DiffLine& d : LineDiff(a, b)) {
    if (d.op != '+') back_a += d.text + "\n";
    if (d.op != '-') back_b += d.text + "\n";
  }
  RC_ASSERT(back_a == a);
  RC_ASSERT(back_b == b);
}

// A child saves version after version and reports each one acknowledged on a pipe; it is killed
// with SIGKILL in the middle. Every acknowledged version is there and the file is sound.
TEST_F(StoreTest, ASaveKilledMidwayLosesNoAcknowledgedVersion) {
  const Saved created = Store::Open(Path()).Create("v1\n", "ana");
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::close(pipe_fds[0]);
    Store s = Store::Open(Path());
    for (int v = 1;; ++v) {
      const std::string text = "v" + std::to_string(v + 1) + "\n" + std::string(4096, 'x') + "\n";
      const int saved = s.Save(created.case_id, v, text, "child").version;
      if (::write(pipe_fds[1], &saved, sizeof saved) != sizeof saved) ::_exit(1);
    }
  }
  ::close(pipe_fds[1]);
  int acknowledged = 1;
  for (int n = 0; n < 40; ++n) {
    ASSERT_EQ(::read(pipe_fds[0], &acknowledged, sizeof acknowledged),
              static_cast<ssize_t>(sizeof acknowledged));
  }
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  EXPECT_TRUE(WIFSIGNALED(status));
  int more = 0;
  while (::read(pipe_fds[0], &more, sizeof more) == sizeof more) acknowledged = more;
  ::close(pipe_fds[0]);

  Store s = Store::Open(Path());
  EXPECT_EQ(s.IntegrityCheck(), "ok");
  const CaseVersion latest = s.Get(created.case_id);
  EXPECT_GE(latest.info.version, acknowledged);
  EXPECT_LE(latest.info.version, acknowledged + 1);  // at most the one being saved when killed
  for (int v = 2; v <= acknowledged; ++v) {
    const std::string text = s.Get(created.case_id, v).text;
    EXPECT_EQ(text.substr(0, text.find('\n')), "v" + std::to_string(v));
  }
  EXPECT_EQ(s.Versions(created.case_id).size(), static_cast<std::size_t>(latest.info.version));
}

}  // namespace
}  // namespace parley::store
