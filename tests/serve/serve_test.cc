// `parley serve` end to end: the binary is started as a child process on a free port with a
// store in a temporary folder, every route is exercised with good and bad input through
// cpp-httplib's client, and the server is stopped with SIGTERM (SIGKILL if it lingers).
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>

#include "parley/io/case_reader.h"
#include "parley/io/case_writer.h"
#include "serve_process.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using parley::testing::Cli;

// The server, started once for the suite.
class ServeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("parley_serve_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    case_text_ = LoadAsJson("/examples/sales-renewal.yaml");
    case_path_ = (dir_ / "renewal.json").string();
    std::ofstream(case_path_) << case_text_;
    server_.Start((dir_ / "store.db").string());
  }

  static void TearDownTestSuite() {
    EXPECT_EQ(server_.Stop(), "parley serve: stopped\n");
    fs::remove_all(dir_);
  }

  // An example case as the JSON a request carries.
  static std::string LoadAsJson(const std::string& example) {
    const parley::io::LoadResult r = parley::io::LoadCase(std::string(PARLEY_SOURCE_DIR) + example);
    EXPECT_TRUE(r.Ok());
    return parley::io::WriteCaseJson(*r.value);
  }

  static httplib::Client Client() { return server_.Client(); }

  static json Body(const httplib::Result& r) { return json::parse(r->body); }

  static inline fs::path dir_;
  static inline std::string case_path_;
  static inline std::string case_text_;
  static inline parley::testing::ServeProcess server_;
};

TEST_F(ServeTest, HealthSaysOkAndTheVersion) {
  const httplib::Result r = Client().Get("/api/health");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
  EXPECT_EQ(Body(r), json::parse(R"({"status": "ok", "version": ")" PARLEY_VERSION R"("})"));
}

// /api/run/COMMAND answers byte for byte what `parley COMMAND CASE --format json` prints.
TEST_F(ServeTest, RunAnswersExactlyWhatTheCliPrints) {
  const std::string offer = "price=120000,term=2y,payment=net60,support=premium";
  const std::vector<std::pair<std::string, std::string>> runs = {
      {"power?seed=7", "power " + case_path_ + " --seed 7"},
      {"show", "show " + case_path_},
      {"frontier?seed=3", "frontier " + case_path_ + " --seed 3"},
      {"evaluate?offer=" + offer, "evaluate " + case_path_ + " --offer " + offer},
      {"plan?as=acme&meso=2", "plan " + case_path_ + " --as acme --meso 2"},
      {"review?outcome=" + offer, "review " + case_path_ + " --outcome " + offer},
      {"check", "check " + case_path_},
  };
  httplib::Client client = Client();
  for (const auto& [route, args] : runs) {
    SCOPED_TRACE(route);
    const std::string sep = route.find('?') == std::string::npos ? "?" : "&";
    const httplib::Result r = client.Post("/api/run/" + route + sep + "file=" + case_path_,
                                          case_text_, "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << r->body;
    EXPECT_EQ(r->body, Cli(args + " --format json"));
  }
}

TEST_F(ServeTest, RunRefusesBadInputWithTheRightStatusAndWhy) {
  httplib::Client client = Client();
  // Malformed JSON: 400 with the reader's diagnostic (line and column).
  httplib::Result r = client.Post("/api/run/power", "{\"format\": ", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  json d = Body(r)["files"][0]["diagnostics"][0];
  EXPECT_EQ(d["file"], "case.json");
  EXPECT_EQ(d["line"], 1);
  // Wrong types: 422 with the field's place.
  std::string wrong = case_text_;
  wrong.replace(wrong.find("\"title\": "), 9, "\"title\": [1], \"x_title\": ");
  r = client.Post("/api/run/show", wrong, "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 422) << r->body;
  EXPECT_EQ(Body(r)["files"][0]["valid"], false);
  EXPECT_FALSE(Body(r)["files"][0]["diagnostics"].empty());
  // An option out of range: 400 with the CLI's message.
  r = client.Post("/api/run/power?seed=-1", case_text_, "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(Body(r)["messages"][0], "--seed: must be a whole number from 0 to 2^64-1, not '-1'");
  // An offer naming an unknown issue: 422.
  r = client.Post("/api/run/evaluate?offer=prise=1", case_text_, "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 422);
  EXPECT_EQ(Body(r)["error"], "invalid_input");
  // An unknown command: 404. An oversized body: 413, unread.
  r = client.Post("/api/run/fly", case_text_, "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  r = client.Post("/api/run/show", std::string((4u << 20) + 1, ' '), "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(Body(r)["error"], "limit");
}

TEST_F(ServeTest, CasesKeepEveryVersionAndRefuseStaleEdits) {
  httplib::Client client = Client();
  httplib::Result r = client.Post("/api/cases", case_text_, "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201);
  const int id = Body(r)["id"];
  EXPECT_EQ(Body(r)["version"], 1);
  const std::string path = "/api/cases/" + std::to_string(id);

  r = client.Get("/api/cases");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(Body(r)["cases"].back()["title"], "Enterprise SaaS renewal with Acme");

  std::string edited = case_text_;
  edited.replace(edited.find("\"title\": \""), 10, "\"title\": \"Edited: ");
  r = client.Put(path, case_text_, "application/json");  // no If-Match
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 428);
  r = client.Put(path, {{"If-Match", "1"}, {"X-Parley-Author", "ben"}}, edited, "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(Body(r)["version"], 2);
  r = client.Put(path, {{"If-Match", "1"}}, case_text_, "application/json");  // stale
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 409);
  EXPECT_EQ(Body(r)["error"], "conflict");
  r = client.Put(path, {{"If-Match", "2"}}, "{\"format\": 1}", "application/json");  // invalid
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 422);

  r = client.Get(path + "/versions");
  ASSERT_TRUE(r);
  const json versions = Body(r)["versions"];
  ASSERT_EQ(versions.size(), 2u);  // nothing written by the refused requests
  EXPECT_EQ(versions[1]["author"], "ben");
  EXPECT_EQ(versions[1]["summary"], "+1 -1 lines");
  r = client.Get(path);
  ASSERT_TRUE(r);
  EXPECT_EQ(Body(r)["version"], 2);
  EXPECT_EQ(Body(r)["case"]["title"].get<std::string>().rfind("Edited: ", 0), 0u);
  r = client.Get(path + "?version=1");
  ASSERT_TRUE(r);
  EXPECT_EQ(Body(r)["case"], json::parse(case_text_));
  r = client.Get(path + "/diff?from=1&to=2");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  int changed = 0;
  const json diff = Body(r);
  for (const json& line : diff["lines"]) changed += line["op"].get<std::string>() != " ";
  EXPECT_EQ(changed, 2) << r->body.substr(0, 600);

  for (const std::string& missing :
       {std::string("/api/cases/999999"), std::string("/api/cases/abc"), path + "?version=9",
        std::string("/api/cases/999999/versions"), path + "/diff?from=1&to=9"}) {
    r = client.Get(missing);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 404) << missing;
    EXPECT_EQ(Body(r)["error"], "not_found");
  }
  r = client.Get(path + "/diff?from=x&to=2");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
}

}  // namespace
