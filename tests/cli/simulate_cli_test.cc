// End-to-end tests of `parley simulate`, `parley strategies` and `parley rehearse`: golden text
// and JSON, the JSON contract, determinism (whatever the thread count), the chart and the errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/cli_harness.h"

namespace {

using parley::testing::ExpectGolden;
using parley::testing::Parley;
using parley::testing::Result;
using parley::testing::Slurp;
using parley::testing::TempDir;
namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr const char* kRun =
    "simulate examples/sales-renewal.yaml --us 'boa(offer=timedep(e=0.5),accept=combi(t=0.95))' "
    "--them hardheaded --rounds 40 --seed 3";

TEST(CliSimulateTest, GoldenTextAndJson) {
  const Result text = Parley(kRun);
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(text.err, "");
  ExpectGolden(text.out, "simulate/sales-renewal.txt");
  const Result json = Parley(std::string(kRun) + " --format json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  ExpectGolden(json.out, "simulate/sales-renewal.json");
}

// Our plan against a named counterpart, the pair a user rehearses first.
TEST(CliSimulateTest, GoldenParleyAgainstBoulware) {
  const Result text = Parley(
      "simulate examples/sales-renewal.yaml --us parley --them boulware --rounds 30 --seed 5");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(text.err, "");
  ExpectGolden(text.out, "simulate/sales-renewal.parley-boulware.txt");
}

TEST(CliSimulateTest, JsonCarriesTheContract) {
  const Result json = Parley(std::string(kRun) + " --format json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const Json j = Json::parse(json.out);
  for (const char* key :
       {"agreement", "outcome", "rounds_used", "utility", "metrics", "seed", "trace", "ending"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j["seed"], 3);
  ASSERT_FALSE(j["trace"].empty());
  for (const Json& move : j["trace"]) {
    const std::string action = move["action"];
    EXPECT_TRUE(action == "offer" || action == "accept" || action == "walk");
    if (action != "walk") {
      EXPECT_EQ(move["utility"].size(), 2u);
    }
  }
  if (j["agreement"]) {
    EXPECT_EQ(j["trace"].back()["action"], "accept");
    EXPECT_EQ(j["outcome"], j["trace"].back()["outcome"]);
  } else {
    EXPECT_TRUE(j["outcome"].is_null());
  }
  EXPECT_TRUE(j["metrics"].contains("pareto_distance"));
  EXPECT_TRUE(j["metrics"].contains("nash_distance"));
}

TEST(CliSimulateTest, SameSeedSameBytes) {
  const std::string run =
      "simulate examples/hiring-offer.yaml --us random --them 'random(accept=0.2)' --rounds 30 "
      "--format json";
  const Result a = Parley(run + " --seed 9"), b = Parley(run + " --seed 9");
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
}

TEST(CliSimulateTest, ChartDrawsTheOfferDanceAndUtilityOverTime) {
  const fs::path dir = TempDir("simulate_svg");
  const fs::path svg = dir / "dance.svg";
  const Result r = Parley(std::string(kRun) + " --svg " + svg.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string chart = Slurp(svg);
  EXPECT_EQ(chart.rfind("<svg", 0), 0u);
  EXPECT_NE(chart.find("<g id=\"paths\">"), std::string::npos);
  EXPECT_NE(chart.find("offers"), std::string::npos);
  EXPECT_NE(chart.find("<g id=\"utility-over-time\""), std::string::npos);
  EXPECT_NE(chart.find(">Utility over time<"), std::string::npos);
  const Result again = Parley(std::string(kRun) + " --svg " + svg.string());
  EXPECT_EQ(again.exit_code, 2);
}

TEST(CliSimulateTest, ErrorsAreClearAndComeBeforeTheWork) {
  Result r = Parley("simulate examples/sales-renewal.yaml --us boulwre --them conceder");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "parley: error: strategy 'boulwre': unknown strategy 'boulwre'; did you mean "
            "'boulware'?\n");
  r = Parley("simulate examples/sales-renewal.yaml --us boulware --them conceder --rounds 2000000");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--rounds: must be a whole number from 1 to 1,000,000, not '2000000'"),
            std::string::npos)
      << r.err;
  r = Parley("simulate examples/sales-renewal.yaml --us 'boulware(e=-1)' --them conceder");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "parley: error: strategy 'boulware(e=-1)': boulware: e must be from 0 to 100, not "
            "-1\n");
  r = Parley("simulate examples/sales-renewal.yaml --us boulware");
  EXPECT_EQ(r.exit_code, 2);
}

TEST(CliStrategiesTest, ListsEveryStrategyWithItsParameters) {
  const Result json = Parley("strategies --format json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const Json j = Json::parse(json.out);
  std::vector<std::string> names;
  for (const Json& s : j["strategies"]) names.push_back(s["name"]);
  EXPECT_EQ(names, (std::vector<std::string>{"timedep", "boulware", "linear", "conceder",
                                             "hardliner", "relative_tft", "averaged_tft", "micro",
                                             "hardheaded", "random", "boa", "parley"}));
  EXPECT_EQ(j["strategies"][1]["params"][0]["default"], 0.2);
  const Result text = Parley("strategies");
  ASSERT_EQ(text.exit_code, 0);
  EXPECT_NE(text.out.find("combi"), std::string::npos);
}

TEST(CliRehearseTest, GoldenTextAndJson) {
  const std::string args = "rehearse examples/sales-renewal.yaml --samples 60 --seed 7";
  const Result text = Parley(args);
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(text.err, "");
  ExpectGolden(text.out, "rehearse/sales-renewal.txt");
  const Result json = Parley(args + " --format json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  ExpectGolden(json.out, "rehearse/sales-renewal.json");
}

TEST(CliRehearseTest, SameSeedSameBytesWhateverTheThreads) {
  const std::string args = "rehearse examples/sales-renewal.yaml --samples 36 --rounds 30 --seed 9";
  const Result one = Parley(args + " --threads 1 --format json");
  const Result two = Parley(args + " --threads 2 --format json");
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(one.out, two.out);
  const Result text1 = Parley(args + " --threads 1");
  const Result text2 = Parley(args + " --threads 2");
  ASSERT_EQ(text1.exit_code, 0) << text1.err;
  EXPECT_EQ(text1.out, text2.out);
  EXPECT_NE(text1.out.find("What to change:"), std::string::npos);
}

TEST(CliRehearseTest, JsonKeys) {
  const Result r = Parley(
      "rehearse examples/sales-renewal.yaml --them 'boulware,boa(offer=timedep(e=2),"
      "accept=combi(t=0.9))' --samples 6 --rounds 20 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json j = Json::parse(r.out);
  for (const char* key :
       {"command", "file", "us", "them", "seed", "rounds", "drawn", "negotiations",
        "agreement_rate", "value", "predicted_value", "walk_away", "by_counterpart",
        "beat_the_plan", "steps", "breaks", "break_step", "advice"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j["negotiations"], 6);
  EXPECT_EQ(j["us"]["party"], "cloudco");
  ASSERT_EQ(j["by_counterpart"].size(), 2u);
  EXPECT_EQ(j["by_counterpart"][1]["strategy"], "boa(offer=timedep(e=2),accept=combi(t=0.9))");
  EXPECT_EQ(j["by_counterpart"][0]["negotiations"], 3);
  for (const char* key : {"p5", "p50", "p95"}) EXPECT_TRUE(j["value"].contains(key)) << key;
  EXPECT_LE(j["value"]["p5"].get<double>(), j["value"]["p50"].get<double>());
  EXPECT_LE(j["value"]["p50"].get<double>(), j["value"]["p95"].get<double>());
}

TEST(CliRehearseTest, ErrorsAreUsageErrors) {
  EXPECT_EQ(Parley("rehearse examples/sales-renewal.yaml --them boulwre").exit_code, 2);
  EXPECT_EQ(Parley("rehearse examples/sales-renewal.yaml --samples 0").exit_code, 2);
}

// parley plan --rehearse: the brief with the rehearsal of its plan.
constexpr const char* kPlanRehearse =
    "plan examples/sales-renewal.yaml --rehearse --them boulware,micro --rehearse-samples 8 "
    "--rehearse-seed 7 --rounds 30";

TEST(CliPlanRehearseTest, JsonSectionIsTheRehearsalOfTheSameOptions) {
  const Result plan = Parley(std::string(kPlanRehearse) + " --format json");
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  const Result rehearse = Parley(
      "rehearse examples/sales-renewal.yaml --them boulware,micro --samples 8 --seed 7 "
      "--rounds 30 --format json");
  ASSERT_EQ(rehearse.exit_code, 0) << rehearse.err;
  const Json brief = Json::parse(plan.out);
  Json expected = Json::parse(rehearse.out);
  expected.erase("command");
  expected.erase("file");
  ASSERT_TRUE(brief.contains("rehearsal"));
  EXPECT_EQ(brief["rehearsal"], expected);
  // One truth: the rehearsal measures against the brief's own prediction and walk-away.
  EXPECT_EQ(brief["rehearsal"]["predicted_value"], brief["anchor"]["predicted_value"]);
  EXPECT_EQ(brief["rehearsal"]["walk_away"], brief["anchor"]["walk_away"]);
  EXPECT_EQ(brief["rehearsal"]["steps"], brief["concessions"]["plan"]["steps"].size());
  // Without --rehearse there is no such key, and the rest of the brief is the same.
  const Result plain = Parley("plan examples/sales-renewal.yaml --format json");
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_FALSE(Json::parse(plain.out).contains("rehearsal"));
  Json rest = brief;
  rest.erase("rehearsal");
  EXPECT_EQ(rest, Json::parse(plain.out));
}

TEST(CliPlanRehearseTest, EveryFormatCarriesTheSectionWithSeedAndSamples) {
  const fs::path dir = TempDir("plan_rehearse");
  for (const char* ext : {"txt", "md", "html"}) {
    const fs::path out = dir / (std::string("brief.") + ext);
    const Result r = Parley(std::string(kPlanRehearse) + " -o " + out.string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::string text;  // the text brief wraps its lines: one space for every run of blanks
    for (const char ch : Slurp(out)) {
      const bool blank = ch == ' ' || ch == '\n';
      if (!blank || (!text.empty() && text.back() != ' ')) text += blank ? ' ' : ch;
    }
    EXPECT_NE(text.find("Rehearsal"), std::string::npos) << ext;
    EXPECT_NE(text.find("8 negotiations, a deadline of 30 rounds, seed 7"), std::string::npos)
        << ext;
    EXPECT_NE(text.find("Predicted deal, value to us (as above)"), std::string::npos) << ext;
    EXPECT_NE(text.find("What to change"), std::string::npos) << ext;
  }
  const Result xlsx = Parley(std::string(kPlanRehearse) + " -o " + (dir / "brief.xlsx").string());
  ASSERT_EQ(xlsx.exit_code, 0) << xlsx.err;
  EXPECT_TRUE(fs::exists(dir / "brief.xlsx"));
}

// The brief's rehearsal section only (the rest of the brief has its own goldens in cli_test).
TEST(CliPlanRehearseTest, GoldenSection) {
  const Result r =
      Parley("plan examples/sales-renewal.yaml --rehearse --rehearse-samples 60 --rehearse-seed 7");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const std::size_t begin = r.out.find("\nRehearsal\n---------\n");
  ASSERT_NE(begin, std::string::npos);
  const std::size_t end = r.out.find("\n\n", begin + 1);  // the next section's blank line
  ASSERT_NE(end, std::string::npos);
  ExpectGolden(r.out.substr(begin + 1, end - begin), "plan/sales-renewal.rehearsal-section.txt");
}

TEST(CliPlanRehearseTest, OptionsNeedRehearseAndOurOwnSide) {
  Result r = Parley("plan examples/sales-renewal.yaml --them boulware");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--rehearse"), std::string::npos) << r.err;
  r = Parley("plan examples/sales-renewal.yaml --rehearse --them boulwre");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("did you mean 'boulware'"), std::string::npos) << r.err;
  r = Parley("plan examples/sales-renewal.yaml --rehearse --as acme --rehearse-samples 2");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "parley: error: --rehearse plays the case's own side (cloudco), not the chair of "
            "--as acme\n");
}

}  // namespace
