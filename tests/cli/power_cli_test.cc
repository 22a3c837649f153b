// End-to-end tests of `parley power`: golden reports for the examples, the JSON contract, role
// reversal, determinism, errors, the radar chart and every corpus scenario.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/cli_harness.h"

namespace {

using parley::testing::ExpectGolden;
using parley::testing::Files;
using parley::testing::Parley;
using parley::testing::Result;
using parley::testing::Slurp;
namespace fs = std::filesystem;
using Json = nlohmann::json;

double Sum(const Json& object) {
  double total = 0;
  for (const auto& [key, value] : object.items()) total += value.get<double>();
  return total;
}

TEST(CliPowerTest, GoldenReportsForEveryExample) {
  int count = 0;
  for (const fs::path& file : Files(fs::path(PARLEY_SOURCE_DIR) / "examples")) {
    if (file.extension() != ".yaml") continue;
    const std::string rel = "examples/" + file.filename().string();
    const std::string stem = file.stem().string();
    const Result text = Parley("power " + rel);
    ASSERT_EQ(text.exit_code, 0) << rel << "\n" << text.err;
    EXPECT_EQ(text.err, "");
    ExpectGolden(text.out, "power/" + stem + ".txt");
    const Result json = Parley("power " + rel + " --format json");
    ASSERT_EQ(json.exit_code, 0) << rel << "\n" << json.err;
    ExpectGolden(json.out, "power/" + stem + ".json");
    ++count;
  }
  EXPECT_GE(count, 7);  // the loop saw every example (seven or more)
  const Result reversed = Parley("power examples/sales-renewal.yaml --as acme");
  ASSERT_EQ(reversed.exit_code, 0) << reversed.err;
  ExpectGolden(reversed.out, "power/sales-renewal.as-acme.txt");
}

TEST(CliPowerTest, JsonHasTheDocumentedKeysAndConsistentFigures) {
  const Result run = Parley("power examples/sales-renewal.yaml --format json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const Json j = Json::parse(run.out);
  for (const char* key :
       {"command", "file", "perspective", "options", "balance", "parties", "sources", "structural",
        "lenses", "unsupported", "perception", "floors", "leverage", "weights", "prediction",
        "levers", "pitfalls", "assumptions"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j["command"], "power");
  EXPECT_EQ(j["perspective"], "cloudco");
  EXPECT_NEAR(Sum(j["balance"]), 1.0, 1e-12);
  EXPECT_NEAR(Sum(j["weights"]), 1.0, 1e-12);
  EXPECT_EQ(j["sources"].size(), 6u);
  EXPECT_EQ(j["lenses"].size(), 2u);
  const Json& p = j["prediction"];
  ASSERT_TRUE(p["outcome"].is_object());
  // The floor on price (min 105000) binds the prediction.
  EXPECT_GE(p["outcome"]["price"].get<double>(), 105000.0);
  EXPECT_NE(p["outcome"]["support"], "named-engineer");
  EXPECT_NEAR(Sum(p["share"]), 1.0, 1e-12);
  EXPECT_TRUE(p.contains("value"));
  EXPECT_EQ(p["samples"], 10000);
  EXPECT_EQ(p["seed"], 1);
  EXPECT_GE(p["zopa_probability"].get<double>(), 0.0);
  EXPECT_LE(p["zopa_probability"].get<double>(), 1.0);
  const Json& q = p["percentiles"];
  EXPECT_LE(q["p5"].get<double>(), q["p50"].get<double>());
  EXPECT_LE(q["p50"].get<double>(), q["p95"].get<double>());
  ASSERT_FALSE(j["levers"].empty());
  for (std::size_t k = 1; k < j["levers"].size(); ++k) {
    EXPECT_GE(j["levers"][k - 1]["gain"].get<double>(), j["levers"][k]["gain"].get<double>());
  }
  for (const Json& lever : j["levers"]) {
    EXPECT_TRUE(lever.contains("lever"));
    EXPECT_NEAR(lever["gain"].get<double>(),
                lever["after"].get<double>() - lever["before"].get<double>(), 1e-6);
  }
  bool underestimating = false;
  for (const Json& pitfall : j["pitfalls"]) {
    EXPECT_TRUE(pitfall.contains("id"));
    if (pitfall["id"] == "underestimating-power") {
      underestimating = true;
      EXPECT_EQ(pitfall["fields"][0], "parties[0].perceived_power");
    }
  }
  EXPECT_TRUE(underestimating);
  EXPECT_EQ(j["perception"]["parties"]["cloudco"]["verdict"], "underestimates");
}

TEST(CliPowerTest, ThePredictionIsTheSameFromEitherChair) {
  for (const char* file : {"examples/sales-renewal.yaml", "examples/hiring-offer.yaml",
                           "examples/procurement-components.yaml"}) {
    const Json us = Json::parse(Parley(std::string("power ") + file + " --format json").out);
    std::string them;
    for (const auto& [party, share] : us["balance"].items()) {
      if (party != us["perspective"]) them = party;
    }
    const Json other =
        Json::parse(Parley(std::string("power ") + file + " --as " + them + " --format json").out);
    EXPECT_EQ(other["perspective"], them);
    EXPECT_EQ(us["prediction"]["outcome"], other["prediction"]["outcome"]) << file;
    EXPECT_EQ(us["weights"], other["weights"]) << file;
    EXPECT_EQ(us["balance"], other["balance"]) << file;
    // Each chair sees its own levers.
    for (const Json& lever : other["levers"]) {
      if (lever["lever"] == "improve-batna") {
        EXPECT_EQ(lever["party"], them);
      }
    }
  }
}

TEST(CliPowerTest, SeededRunsAreByteIdentical) {
  const Result a = Parley("power examples/hiring-offer.yaml --seed 7 --samples 3000 --format json");
  const Result b = Parley("power examples/hiring-offer.yaml --seed 7 --samples 3000 --format json");
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  const Result c = Parley("power examples/hiring-offer.yaml --seed 8 --samples 3000 --format json");
  EXPECT_NE(a.out, c.out);
  EXPECT_EQ(Json::parse(c.out)["prediction"]["seed"], 8);
}

TEST(CliPowerTest, NoZopaMeansNoPredictedDeal) {
  const fs::path lunch = fs::path(PARLEY_SHARED_DIR) / "data/genius/Lunch";
  if (!fs::exists(lunch)) GTEST_SKIP() << "shared corpus not present";
  const Result run = Parley("power '" + lunch.string() + "' --format json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const Json j = Json::parse(run.out);
  EXPECT_TRUE(j["prediction"]["outcome"].is_null());
  bool no_zopa = false;
  for (const Json& pitfall : j["pitfalls"]) no_zopa |= pitfall["id"] == "no-zopa";
  EXPECT_TRUE(no_zopa);
  const Result text = Parley("power '" + lunch.string() + "'");
  EXPECT_NE(text.out.find("none: no deal is acceptable to every party"), std::string::npos);
}

TEST(CliPowerTest, BadOptionsExitTwoWithAMessage) {
  const Result as = Parley("power examples/sales-renewal.yaml --as acmee");
  EXPECT_EQ(as.exit_code, 2);
  EXPECT_EQ(as.err, "parley: error: --as: no party 'acmee' in the case (did you mean 'acme'?)\n");
  const Result samples = Parley("power examples/sales-renewal.yaml --samples 2000000");
  EXPECT_EQ(samples.exit_code, 2);
  EXPECT_NE(samples.err.find("--samples: must be a whole number from 0 to 1,000,000"),
            std::string::npos)
      << samples.err;
  const Result today = Parley("power examples/sales-renewal.yaml --today 2026-02-30");
  EXPECT_EQ(today.exit_code, 2);
  EXPECT_NE(today.err.find("'2026-02-30' is not a date; write YYYY-MM-DD"), std::string::npos)
      << today.err;
  const Result band = Parley("power examples/sales-renewal.yaml --power-band 1.5");
  EXPECT_EQ(band.exit_code, 2);
  EXPECT_EQ(Parley("power tests/data/bad/references.yaml").exit_code, 3);
}

TEST(CliPowerTest, TodayMovesTheDeadlinesAndIsReported) {
  const Json j =
      Json::parse(Parley("power examples/sales-renewal.yaml --today 2026-12-01 --format json").out);
  EXPECT_EQ(j["leverage"]["today"], "2026-12-01");
  EXPECT_EQ(j["leverage"]["today_source"], "option");
  // The date CloudCo sets for Acme is 2026-12-15, two weeks later; Acme's own is 2026-12-31.
  const Json& acme = j["leverage"]["parties"]["acme"];
  EXPECT_NEAR(acme["pressure_weeks"].get<double>(), 2.0, 1e-12);
  EXPECT_NEAR(acme["weeks_to_deadline"].get<double>(), 30.0 / 7, 1e-12);
  EXPECT_EQ(acme["deadline_known"], "dated");
  ASSERT_EQ(acme["dates_set"].size(), 1u);
  EXPECT_EQ(acme["dates_set"][0]["by"], "cloudco");
  EXPECT_EQ(acme["dates_set"][0]["counted"], true);
  const Json& cloudco = j["leverage"]["parties"]["cloudco"];
  EXPECT_EQ(cloudco["deadline_known"], "none");
  EXPECT_TRUE(cloudco["weeks_to_deadline"].is_null());
  EXPECT_TRUE(cloudco["pressure_weeks"].is_null());
}

TEST(CliPowerTest, RadarChartIsWrittenOnceUnlessForced) {
  const fs::path dir =
      fs::temp_directory_path() / ("parley_power_svg_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string svg = (dir / "radar.svg").string();
  const Result run = Parley("power examples/sales-renewal.yaml --svg '" + svg + "'");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string chart = Slurp(svg);
  EXPECT_EQ(chart.rfind("<svg", 0), 0u);
  EXPECT_NE(chart.find("party-cloudco"), std::string::npos);
  EXPECT_NE(chart.find("party-acme"), std::string::npos);
  const Result again = Parley("power examples/sales-renewal.yaml --svg '" + svg + "'");
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_EQ(Slurp(svg), chart);
  EXPECT_EQ(Parley("power examples/sales-renewal.yaml --svg '" + svg + "' --force").exit_code, 0);
  fs::remove_all(dir);
}

TEST(CliPowerTest, EveryCorpusScenarioIsAnalysed) {
  const fs::path shared(PARLEY_SHARED_DIR);
  const fs::path index = shared / "data/genius/index.json";
  if (!fs::exists(index)) GTEST_SKIP() << "shared corpus not present";
  const auto j = Json::parse(Slurp(index));
  int count = 0;
  for (const auto& [section, entries] : j.items()) {
    if (!entries.is_array() || section == "quirk_originals") continue;
    for (const auto& entry : entries) {
      if (!entry.contains("path")) continue;
      const fs::path folder = shared / entry["path"].get<std::string>();
      const Result run = Parley("power '" + folder.string() + "' --samples 1000 --format json");
      // Up to 10^7 outcomes every scenario is analysed; beyond, a non-additive profile may
      // exceed the enumeration limit, which is a documented limit (exit 4), never a crash.
      const bool small = entry["n_outcomes"].is_number_integer() &&
                         entry["n_outcomes"].get<long long>() <= 10'000'000;
      if (!small && run.exit_code == 4) {
        EXPECT_NE(run.err.find("limit"), std::string::npos) << run.err;
        continue;
      }
      ASSERT_EQ(run.exit_code, 0) << folder << "\n" << run.err;
      const Json report = Json::parse(run.out);
      EXPECT_NEAR(Sum(report["balance"]), 1.0, 1e-12) << folder;
      EXPECT_NEAR(Sum(report["weights"]), 1.0, 1e-12) << folder;
      ++count;
    }
  }
  EXPECT_GE(count, 90);
}

}  // namespace
