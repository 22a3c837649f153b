// POST /api/run/COMMAND for the later commands (next, coalition, stakeholders, simulate,
// rehearse) end to end: each answers byte for byte what `parley COMMAND CASE --format json`
// prints, with the CLI's option names and messages. The server is the real binary on a free port.
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "parley/store/store.h"
#include "serve_process.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using parley::testing::Cli;
using parley::testing::ExampleAsJson;

class ServeApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("parley_serve_api_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    server_.Start((dir_ / "store.db").string());
  }

  static void TearDownTestSuite() {
    server_.Stop();
    fs::remove_all(dir_);
  }

  // The example `name` written as JSON in the test's folder: its path and its text.
  static std::pair<std::string, std::string> Example(const std::string& name) {
    const std::string text = ExampleAsJson(name);
    const std::string path = (dir_ / (fs::path(name).stem().string() + ".json")).string();
    std::ofstream(path) << text;
    return {path, text};
  }

  static json Body(const httplib::Result& r) { return json::parse(r->body); }

  static std::string ReadFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }

  static inline fs::path dir_;
  static inline parley::testing::ServeProcess server_;
};

struct RouteRun {
  std::string example;
  std::string query;  // the route's options
  std::string args;   // the same options on the command line
};

TEST_F(ServeApiTest, LaterCommandsAnswerExactlyWhatTheCliPrints) {
  const std::vector<std::pair<std::string, RouteRun>> runs = {
      {"next", {"sales-renewal-live.yaml", "samples=200", "--samples 200"}},
      {"next",
       {"sales-renewal-live.yaml", "as=acme&seed=3&samples=100",
        "--as acme --seed 3 --samples 100"}},
      {"coalition", {"three-company-partnership.yaml", "samples=0", "--samples 0"}},
      {"stakeholders", {"buying-committee.yaml", "", ""}},
      {"simulate",
       {"sales-renewal.yaml", "us=boulware&them=conceder&rounds=40&seed=5",
        "--us boulware --them conceder --rounds 40 --seed 5"}},
      {"simulate",
       {"hiring-offer.yaml", "us=hardheaded&them=random&discount=0.99",
        "--us hardheaded --them random --discount 0.99"}},
      {"rehearse",
       {"sales-renewal.yaml", "samples=24&them=boulware,conceder&seed=2&rounds=30",
        "--samples 24 --them boulware,conceder --seed 2 --rounds 30"}},
  };
  httplib::Client client = server_.Client();
  for (const auto& [command, run] : runs) {
    SCOPED_TRACE(command + "?" + run.query);
    const auto [path, text] = Example(run.example);
    const std::string sep = run.query.empty() ? "" : "&";
    const httplib::Result r = client.Post(
        "/api/run/" + command + "?" + run.query + sep + "file=" + path, text, "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << r->body.substr(0, 400);
    EXPECT_EQ(r->body, Cli(command + " " + path + " " + run.args + " --format json"));
  }
}

TEST_F(ServeApiTest, LaterCommandsRefuseBadOptionsAsTheCliDoes) {
  const auto [path, text] = Example("sales-renewal.yaml");
  httplib::Client client = server_.Client();
  const std::vector<std::pair<std::string, std::string>> refused = {
      {"simulate?them=conceder", "--us is required"},
      {"simulate?us=boulware&them=fly",
       "strategy 'fly': unknown strategy 'fly' (one of: timedep, boulware, linear, conceder, "
       "hardliner, relative_tft, averaged_tft, micro, hardheaded, random, boa, parley)"},
      {"simulate?us=boulware&them=conceder&rounds=0",
       "--rounds: must be a whole number from 1 to 1,000,000, not '0'"},
      {"rehearse?samples=0", "--samples: must be a whole number from 1 to 1,000,000, not '0'"},
      {"rehearse?threads=2", "rehearse takes no option --threads"},
      {"stakeholders?svg=x.svg", "stakeholders takes no option --svg"},
      {"next?seed=x", "--seed: must be a whole number from 0 to 2^64-1, not 'x'"},
  };
  for (const auto& [route, message] : refused) {
    SCOPED_TRACE(route);
    const httplib::Result r = client.Post("/api/run/" + route, text, "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << r->body;
    EXPECT_EQ(Body(r)["messages"][0], message);
  }
  // The coalition view of a two-party case: 422 with the CLI's message.
  const httplib::Result r = client.Post("/api/run/coalition?samples=0", text, "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 422);
  EXPECT_EQ(
      Body(r)["messages"][0].get<std::string>().rfind(
          "the coalition view needs three or more parties stating values; case.json has 2", 0),
      0u)
      << r->body;
}

// plan?format=F answers the brief exactly as `parley plan CASE -o brief.EXT` writes it, as a
// download with its type; format=json is the JSON of --format json.
TEST_F(ServeApiTest, PlanDownloadsAreTheCliBriefByteForByte) {
  const auto [path, text] = Example("sales-renewal.yaml");
  struct Download {
    std::string format, ext, type;
  };
  const std::vector<Download> downloads = {
      {"html", "html", "text/html; charset=utf-8"},
      {"markdown", "md", "text/markdown; charset=utf-8"},
      {"text", "txt", "text/plain; charset=utf-8"},
      {"xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
  };
  httplib::Client client = server_.Client();
  for (const Download& d : downloads) {
    SCOPED_TRACE(d.format);
    const httplib::Result r =
        client.Post("/api/run/plan?format=" + d.format + "&as=acme&samples=500&file=" + path, text,
                    "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << r->body.substr(0, 400);
    EXPECT_EQ(r->get_header_value("Content-Type"), d.type);
    EXPECT_EQ(r->get_header_value("Content-Disposition"),
              "attachment; filename=\"brief." + d.ext + "\"");
    const fs::path written = dir_ / ("brief." + d.ext);
    Cli("plan " + path + " --as acme --samples 500 -o " + written.string() + " --force");
    EXPECT_EQ(r->body, ReadFile(written));
  }
  httplib::Result r =
      client.Post("/api/run/plan?format=json&file=" + path, text, "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, Cli("plan " + path + " --format json"));
  EXPECT_FALSE(r->has_header("Content-Disposition"));
  r = client.Post("/api/run/plan?format=pdf", text, "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(Body(r)["messages"][0],
            "--format: must be json, text, markdown, html or xlsx, not 'pdf'");
  r = client.Post("/api/run/plan?format=html", "{", "application/json");  // errors stay JSON
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
}

// A body sent as YAML is read as YAML: the answer is the CLI's for the YAML file, and its
// errors carry their line and column.
TEST_F(ServeApiTest, YamlBodiesAreReadAsYaml) {
  const std::string file = std::string(PARLEY_SOURCE_DIR) + "/examples/sales-renewal.yaml";
  const std::string yaml = ReadFile(file);
  httplib::Client client = server_.Client();
  for (const char* type : {"application/yaml", "text/yaml; charset=utf-8", "application/x-yaml"}) {
    SCOPED_TRACE(type);
    const httplib::Result r = client.Post("/api/run/power?seed=7&file=" + file, yaml, type);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << r->body.substr(0, 400);
    EXPECT_EQ(r->body, Cli("power " + file + " --seed 7 --format json"));
  }
  std::string broken = yaml;
  broken.replace(broken.find("title:"), 6, "title: [unclosed");
  httplib::Result r = client.Post("/api/run/show", broken, "application/yaml");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 422) << r->body;
  const json d = Body(r)["files"][0]["diagnostics"][0];
  EXPECT_EQ(d["file"], "case.json");
  EXPECT_GE(d["line"].get<int>(), 1);
  EXPECT_GE(d["column"].get<int>(), 1);
  r = client.Post("/api/run/show", yaml, "application/json");  // YAML sent as JSON
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
}

// A server of one analysis at a time and a one-second limit: a long rehearsal answers 503
// time_limit and stops drawing; a request while it runs answers 503 busy with Retry-After;
// nothing is recorded for either.
TEST_F(ServeApiTest, LimitsAnswer503AndRecordNothing) {
  const fs::path db = dir_ / "limits.db";
  parley::testing::ServeProcess limited;
  limited.Start(db.string(), {"--time-limit", "1", "--max-runs", "1"});
  const auto [path, text] = Example("sales-renewal.yaml");
  httplib::Client client = limited.Client();
  int answered = 0;  // requests that ran: each is recorded
  bool busy = false;
  int slow_status = 0;  // the rehearsal's answer
  json slow_body;
  // A long rehearsal holds the one slot while short requests try; when a short one took the slot
  // first and the rehearsal was the one refused, try again.
  for (int attempt = 0; attempt < 20; ++attempt) {
    std::atomic<bool> done = false;
    auto slow = std::async(std::launch::async, [&, text = text] {
      httplib::Client c = limited.Client();
      httplib::Result result =
          c.Post("/api/run/rehearse?samples=1000000", text, "application/json");
      done = true;
      return result;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    while (!done && !busy) {
      const httplib::Result shown = client.Post("/api/run/show", text, "application/json");
      ASSERT_TRUE(shown);
      if (shown->status == 200) ++answered;
      if (shown->status == 503) {
        busy = true;
        EXPECT_EQ(Body(shown)["error"], "busy");
        EXPECT_EQ(shown->get_header_value("Retry-After"), "1");
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    const httplib::Result r = slow.get();
    ASSERT_TRUE(r);
    slow_status = r->status;
    slow_body = Body(r);
    if (slow_body["error"] != "busy") break;
  }
  EXPECT_TRUE(busy);
  EXPECT_EQ(slow_status, 503);
  EXPECT_EQ(slow_body["error"], "time_limit");
  EXPECT_EQ(slow_body["messages"][0],
            "rehearse took longer than 1 s, the server's time limit (--time-limit)");
  // The rehearsal stops drawing and gives its slot back well before its million samples.
  bool free = false;
  for (int tries = 0; tries < 500 && !free; ++tries) {
    const httplib::Result again = client.Post("/api/run/show", text, "application/json");
    ASSERT_TRUE(again);
    free = again->status == 200;
    if (!free) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_TRUE(free);
  limited.Stop();
  parley::store::Store store = parley::store::Store::Open(db.string());
  EXPECT_EQ(store.Runs().size(), static_cast<std::size_t>(answered + 1));
  for (const auto& run : store.Runs()) EXPECT_EQ(run.command, "show");
}

}  // namespace
