// POST /api/run/COMMAND for the later commands (next, coalition, stakeholders, simulate,
// rehearse) end to end: each answers byte for byte what `parley COMMAND CASE --format json`
// prints, with the CLI's option names and messages. The server is the real binary on a free port.
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

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

}  // namespace
