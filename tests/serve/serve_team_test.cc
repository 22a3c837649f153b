// `parley serve` in team mode, end to end, on an SQLite file and on PostgreSQL (the server of
// scripts/with_postgres.sh; skipped without PARLEY_TEST_PG_URL, failing under CI): users are
// added with `parley users add` (their tokens read from its standard output), the binary serves
// the store, and every request goes through cpp-httplib's client: no token or a wrong one is
// 401, another team's case is 404, a viewer's save is 403, and a refused request writes nothing.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "parley/io/case_reader.h"
#include "parley/io/case_writer.h"
#include "serve_process.h"
#include "testing/postgres.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using parley::testing::Cli;

enum class Kind { kSqlite, kPostgres };

// A store with ana (editor) and ben (viewer) of acme and cy (owner) of globex, served by the
// binary on a free port for each test.
class ServeTeamTest : public ::testing::TestWithParam<Kind> {
 protected:
  void SetUp() override {
    const std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    dir_ = fs::temp_directory_path() / ("parley_team_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    if (GetParam() == Kind::kPostgres) {
      if (parley::testing::PostgresUrl().empty()) {
        if (parley::testing::PostgresRequired()) FAIL() << parley::testing::kNoPostgres;
        GTEST_SKIP() << parley::testing::kNoPostgres;
      }
      schema_ = parley::testing::SchemaName("serve_" + name);
      db_ = parley::testing::FreshSchema(schema_);
    } else {
      db_ = (dir_ / "team.db").string();
      fs::remove(db_);
    }
    const parley::io::LoadResult r =
        parley::io::LoadCase(std::string(PARLEY_SOURCE_DIR) + "/examples/sales-renewal.yaml");
    ASSERT_TRUE(r.Ok());
    case_text_ = parley::io::WriteCaseJson(*r.value);
    ana_ = AddUser("ana", "acme", "editor");
    ben_ = AddUser("ben", "acme", "viewer");
    cy_ = AddUser("cy", "globex", "owner");
    server_.Start(db_);
  }

  void TearDown() override {
    server_.Stop();
    if (!schema_.empty()) parley::testing::DropSchema(schema_);
    fs::remove_all(dir_);
  }

  // `parley users add`: only the token on stdout.
  std::string AddUser(const std::string& name, const std::string& team, const std::string& role) {
    std::string out = Cli("users add " + name + " --team " + team + " --role " + role + " --db '" +
                          db_ + "' 2>/dev/null");
    EXPECT_EQ(out.rfind("parley_", 0), 0u) << out;
    EXPECT_EQ(out.back(), '\n');
    out.pop_back();
    EXPECT_EQ(out.find('\n'), std::string::npos) << out;
    return out;
  }

  // A client sending `token` (none when empty).
  httplib::Client As(const std::string& token) const { return server_.Client(token); }

  static json Body(const httplib::Result& r) { return json::parse(r->body); }

  fs::path dir_;
  std::string schema_;
  std::string db_;
  std::string case_text_;
  std::string ana_;
  std::string ben_;
  std::string cy_;
  parley::testing::ServeProcess server_;
};

TEST_P(ServeTeamTest, EveryApiRouteButHealthNeedsAKnownToken) {
  EXPECT_EQ(As("").Get("/api/health")->status, 200);
  std::string wrong = ana_;
  wrong.back() = wrong.back() == 'A' ? 'B' : 'A';
  for (const std::string& token : {std::string(), wrong, std::string("parley_")}) {
    httplib::Client c = As(token);
    for (const httplib::Result& r :
         {c.Get("/api/cases"), c.Get("/api/cases/1"), c.Get("/api/cases/1/versions"),
          c.Post("/api/cases", case_text_, "application/json"),
          c.Post("/api/run/check", case_text_, "application/json")}) {
      ASSERT_TRUE(r);
      EXPECT_EQ(r->status, 401) << token;
      EXPECT_EQ(r->get_header_value("WWW-Authenticate"), "Bearer");
      EXPECT_EQ(Body(r)["error"], "unauthorized");
    }
  }
  httplib::Client basic("127.0.0.1", server_.Port());
  basic.set_basic_auth("ana", "secret");
  EXPECT_EQ(basic.Get("/api/cases")->status, 401);
  // Nothing was written by the refused requests.
  const httplib::Result list = As(ana_).Get("/api/cases");
  ASSERT_TRUE(list);
  EXPECT_EQ(list->status, 200);
  EXPECT_EQ(Body(list)["cases"].size(), 0u) << list->body;
  EXPECT_EQ(As(ana_).Post("/api/run/check", case_text_, "application/json")->status, 200);
}

TEST_P(ServeTeamTest, ACaseIsItsTeamsAndAViewerOnlyReadsIt) {
  httplib::Result r = As(ana_).Post("/api/cases", case_text_, "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  const std::string id = std::to_string(Body(r)["id"].get<long long>());
  const std::string path = "/api/cases/" + id;
  // ben, a viewer of acme, reads it; his save is 403 and writes nothing.
  r = As(ben_).Get(path);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(Body(r)["author"], "ana") << r->body;
  r = As(ben_).Put(path, {{"If-Match", "1"}}, case_text_, "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  EXPECT_EQ(Body(r)["error"], "forbidden");
  EXPECT_EQ(As(ben_).Post("/api/cases", case_text_, "application/json")->status, 403);
  // cy, of globex, is told there is no such case, whatever he asks.
  httplib::Client cy = As(cy_);
  for (const httplib::Result& other :
       {cy.Get(path), cy.Get(path + "/versions"), cy.Get(path + "/diff?from=1&to=1"),
        cy.Put(path, {{"If-Match", "1"}}, case_text_, "application/json")}) {
    ASSERT_TRUE(other);
    EXPECT_EQ(other->status, 404) << other->body;
    EXPECT_EQ(Body(other)["error"], "not_found");
  }
  EXPECT_EQ(Body(cy.Get("/api/cases"))["cases"].size(), 0u);
  // ana's edit goes through; the case has exactly her two versions.
  r = As(ana_).Put(path, {{"If-Match", "1"}}, case_text_, "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  r = As(ben_).Get(path + "/versions");
  ASSERT_TRUE(r);
  EXPECT_EQ(Body(r)["versions"].size(), 2u) << r->body;
}

INSTANTIATE_TEST_SUITE_P(Stores, ServeTeamTest, ::testing::Values(Kind::kSqlite, Kind::kPostgres),
                         [](const ::testing::TestParamInfo<Kind>& info) {
                           return info.param == Kind::kSqlite ? "Sqlite" : "Postgres";
                         });

}  // namespace
