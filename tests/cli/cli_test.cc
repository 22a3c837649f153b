// End-to-end tests of the `parley` command: exit codes, exact diagnostics on broken and hostile
// files (golden .expect files beside them), JSON output, conversions, corpus imports.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cli/cli_harness.h"

namespace {

using parley::testing::Files;
using parley::testing::Parley;
using parley::testing::Result;
using parley::testing::Slurp;
namespace fs = std::filesystem;

TEST(CliTest, VersionAndHelp) {
  const Result version = Parley("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out.rfind("parley ", 0), 0u) << version.out;
  const Result help = Parley("help");
  EXPECT_EQ(help.exit_code, 0);
  for (const char* command :
       {"check", "show", "convert", "frontier", "evaluate", "power", "plan", "review"}) {
    EXPECT_NE(help.out.find(command), std::string::npos) << command;
    const Result sub = Parley(std::string("help ") + command);
    EXPECT_EQ(sub.exit_code, 0) << command;
    EXPECT_NE(sub.out.find("Examples:"), std::string::npos) << command;
    EXPECT_NE(sub.out.find("--format"), std::string::npos) << command;
  }
}

TEST(CliTest, BadUsageExitsTwo) {
  EXPECT_EQ(Parley("frobnicate").exit_code, 2);
  EXPECT_EQ(Parley("check").exit_code, 2);
  EXPECT_EQ(Parley("check --format xml tests/data/good/minimal.yaml").exit_code, 2);
  EXPECT_EQ(Parley("convert tests/data/good/minimal.yaml --to pdf").exit_code, 2);
  EXPECT_EQ(Parley("help nosuchcommand").exit_code, 2);
}

TEST(CliTest, ExamplesAreValid) {
  const fs::path dir = fs::path(PARLEY_SOURCE_DIR) / "examples";
  int count = 0;
  for (const fs::path& file : Files(dir)) {
    if (file.extension() != ".yaml") continue;
    ++count;
    const std::string rel = "examples/" + file.filename().string();
    const Result check = Parley("check " + rel);
    EXPECT_EQ(check.exit_code, 0) << rel << "\n" << check.err;
    EXPECT_EQ(check.err, "") << rel;
    const Result show = Parley("show " + rel);
    EXPECT_EQ(show.exit_code, 0) << rel << "\n" << show.err;
    EXPECT_NE(show.out.find("Evidence coverage"), std::string::npos);
  }
  EXPECT_GE(count, 5);
}

// Every file in tests/data/bad has a NAME.expect beside it: "exit: N" then the exact stderr.
TEST(CliTest, BrokenAndHostileFilesGiveExactDiagnostics) {
  const fs::path dir = fs::path(PARLEY_SOURCE_DIR) / "tests/data/bad";
  int count = 0;
  for (const fs::path& file : Files(dir)) {
    if (file.extension() == ".expect") continue;
    ++count;
    const std::string rel = "tests/data/bad/" + file.filename().string();
    const Result run = Parley("check " + rel);
    const std::string actual = "exit: " + std::to_string(run.exit_code) + "\n" + run.err;
    const fs::path expect = fs::path(file).concat(".expect");
    if (std::getenv("PARLEY_UPDATE_GOLDEN") != nullptr) {
      std::ofstream(expect, std::ios::binary) << actual;
      continue;
    }
    ASSERT_TRUE(fs::exists(expect)) << "missing " << expect;
    EXPECT_EQ(actual, Slurp(expect)) << rel;
    EXPECT_TRUE(run.exit_code == 3 || run.exit_code == 4) << rel;
    EXPECT_EQ(run.err.find("Sanitizer"), std::string::npos) << rel;
  }
  EXPECT_GE(count, 15);
}

TEST(CliTest, OversizedFileIsALimit) {
  const fs::path big =
      fs::temp_directory_path() / ("parley_big_" + std::to_string(::getpid()) + ".yaml");
  {
    std::ofstream out(big, std::ios::binary);
    const std::string line = "# " + std::string(1022, 'x') + "\n";
    for (int i = 0; i < 17 * 1024; ++i) out << line;
  }
  const Result run = Parley("check '" + big.string() + "'");
  EXPECT_EQ(run.exit_code, 4);
  EXPECT_NE(run.err.find("the limit is 16777216"), std::string::npos) << run.err;
  fs::remove(big);
}

// Each limit on the size of a case (core/limits.h): a generated file one past it exits 4 with
// the limit named; the same file at the limit is read.
TEST(CliTest, EachSizeLimitExitsFourNamingIt) {
  const fs::path file =
      fs::temp_directory_path() / ("parley_limit_" + std::to_string(::getpid()) + ".yaml");
  auto check = [&](const std::string& text) {
    std::ofstream(file, std::ios::binary) << text;
    return Parley("check '" + file.string() + "'");
  };
  auto parties = [](int n) {
    std::string text = "format: parley/1\ntitle: t\nparties:\n  - {id: p0, side: us}\n";
    for (int k = 1; k < n; ++k) text += "  - {id: p" + std::to_string(k) + ", side: them}\n";
    return text;
  };
  auto with_issues = [](const std::string& head, const std::string& issues) {
    return head + "issues:\n" + issues;
  };
  const std::string two = parties(2);
  std::string issues, options;
  for (int k = 0; k < 1'001; ++k)
    issues += "  - {id: i" + std::to_string(k) + ", kind: options, options: [x]}\n";
  for (int k = 0; k < 10'001; ++k) options += (k > 0 ? ", o" : "o") + std::to_string(k);
  const struct {
    std::string text, message;
  } cases[] = {
      {with_issues(parties(51), "  - {id: t, kind: options, options: [x]}\n"),
       "limit exceeded: 51 parties in a case; the limit is 50"},
      {with_issues(two, issues), "limit exceeded: 1,001 issues in a case; the limit is 1,000"},
      {with_issues(two, "  - {id: t, kind: options, options: [" + options + "]}\n"),
       "limit exceeded: 10,001 options in one issue; the limit is 10,000"},
  };
  for (const auto& c : cases) {
    const Result run = check(c.text);
    EXPECT_EQ(run.exit_code, 4) << run.err;
    EXPECT_NE(run.err.find(c.message), std::string::npos) << run.err;
  }
  const Result at = check(with_issues(parties(50), "  - {id: t, kind: options, options: [x]}\n"));
  EXPECT_EQ(at.exit_code, 0) << at.err;
  fs::remove(file);
}

TEST(CliTest, MissingFileIsInvalidInput) {
  const Result run = Parley("check tests/data/no-such-file.yaml");
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_NE(run.err.find("tests/data/no-such-file.yaml"), std::string::npos) << run.err;
}

TEST(CliTest, CheckJsonIsStable) {
  const Result run =
      Parley("check tests/data/good/minimal.yaml tests/data/bad/references.yaml --format json");
  EXPECT_EQ(run.exit_code, 3);
  const auto j = nlohmann::json::parse(run.out);
  EXPECT_EQ(j["command"], "check");
  ASSERT_EQ(j["files"].size(), 2u);
  EXPECT_EQ(j["files"][0]["valid"], true);
  EXPECT_EQ(j["files"][0]["outcome_count"], "18");
  EXPECT_EQ(j["files"][1]["valid"], false);
  const auto& d = j["files"][1]["diagnostics"][0];
  EXPECT_EQ(d["file"], "tests/data/bad/references.yaml");
  EXPECT_EQ(d["line"], 6);
  EXPECT_EQ(d["severity"], "error");
  EXPECT_EQ(d["hint"], "did you mean 'quote-2026'?");
}

TEST(CliTest, ShowJsonHasExactCountsAndReservations) {
  const Result run = Parley("show tests/data/good/huge_grid.yaml --format json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto j = nlohmann::json::parse(run.out);
  EXPECT_EQ(j["outcome_count"], "2000000000002");
  EXPECT_EQ(j["issues"][0]["value_count"], "1000000000001");

  const Result minimal = Parley("show tests/data/good/minimal.yaml --format json");
  const auto m = nlohmann::json::parse(minimal.out);
  const auto& buyer = m["parties"][0];
  EXPECT_EQ(buyer["side"], "us");
  EXPECT_DOUBLE_EQ(buyer["reservation_value"].get<double>(), -1000);
  // Buyer's deals run from -1200 (price 1200, standard) to -720 (price 800, express).
  EXPECT_DOUBLE_EQ(buyer["value_range"][0].get<double>(), -1200);
  EXPECT_DOUBLE_EQ(buyer["value_range"][1].get<double>(), -720);
  EXPECT_DOUBLE_EQ(buyer["disagreement_utility"].get<double>(), 200.0 / 480.0);
  const auto& seller = m["parties"][1];
  EXPECT_DOUBLE_EQ(seller["reservation_value"].get<double>(), 200);
  EXPECT_EQ(m["evidence_coverage"]["claims"], 2);
  EXPECT_EQ(m["evidence_coverage"]["supported"], 1);
}

TEST(CliTest, ConvertRoundTripsAndNeverOverwrites) {
  const fs::path dir = fs::temp_directory_path() / ("parley_convert_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string json = (dir / "case.json").string();
  const std::string yaml = (dir / "case.yaml").string();
  ASSERT_EQ(Parley("convert tests/data/good/minimal.yaml --to json -o '" + json + "'").exit_code,
            0);
  ASSERT_EQ(Parley("convert '" + json + "' --to yaml -o '" + yaml + "'").exit_code, 0);
  const Result a = Parley("convert tests/data/good/minimal.yaml --to yaml");
  const Result b = Parley("convert '" + yaml + "' --to yaml");
  EXPECT_EQ(a.out, b.out);
  EXPECT_FALSE(a.out.empty());

  const std::string before = Slurp(json);
  const Result again = Parley("convert tests/data/good/huge_grid.yaml --to json -o '" + json + "'");
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find("already exists"), std::string::npos);
  EXPECT_EQ(Slurp(json), before);
  EXPECT_EQ(Parley("convert tests/data/good/huge_grid.yaml --to json --force -o '" + json + "'")
                .exit_code,
            0);
  EXPECT_NE(Slurp(json), before);
  fs::remove_all(dir);
}

// A buyer's produce case to GENIUS: the price range and the payment days stay number issues
// (real issues with their step), the folder reads back with the same grid, and stderr warns once
// per kind of data GENIUS cannot carry, listing it; the JSON lists the same warnings.
TEST(CliTest, ConvertToGeniusKeepsNumbersAndWarnsOfWhatItDrops) {
  const fs::path dir =
      fs::temp_directory_path() / ("parley_convert_genius_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const Result r =
      Parley("convert tests/data/good/produce-buyer.yaml --to genius -o '" + dir.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string domain = Slurp(dir / "Produce-supply-for-Harbor-Hotels.xml");
  EXPECT_NE(domain.find("<range lowerbound=\"200000\" upperbound=\"260000\" step=\"5000\" />"),
            std::string::npos)
      << domain;
  EXPECT_NE(domain.find("<range lowerbound=\"30\" upperbound=\"90\" step=\"15\" />"),
            std::string::npos);
  EXPECT_EQ(domain.find("value=\"205000\""), std::string::npos);
  const std::vector<std::string> expected = {
      "parley: warning: GENIUS export: grid steps kept only for Parley (GENIUS ignores the "
      "range's step and analyses a real issue on 21 points): Annual price step 5,000; Payment "
      "days step 15",
      "parley: warning: GENIUS export: floors dropped (a GENIUS profile has no floors, so every "
      "deal counts): Harbor Hotels Annual price max 250,000; Fresh Foods Annual price min "
      "210,000",
      "parley: warning: GENIUS export: deadlines and costs of delay dropped (GENIUS keeps only a "
      "discount factor): Harbor Hotels 2027-03-01, 1,500 a week of delay",
      "parley: warning: GENIUS export: BATNA ranges, costs, packages and descriptions dropped "
      "(each BATNA is written as one reservation utility): Fresh Foods range 180,000 to 200,000 "
      "and costs 5,000 and the description",
      "parley: warning: GENIUS export: power scores and their notes dropped: Harbor Hotels 1 "
      "source",
      "parley: warning: GENIUS export: evidence dropped: 2 items (market-index, budget)",
      "parley: warning: GENIUS export: stakeholders dropped: 1 stakeholder (fresh-ceo)",
      "parley: warning: GENIUS export: concession log dropped: 2 entries (opening counter; our "
      "move on price)",
      "parley: warning: GENIUS export: currency and units dropped (money values are written as "
      "utilities from 0 to 1): the currency EUR, Annual price in EUR",
      "parley: warning: GENIUS export: the setting dropped: context procurement, relationship "
      "repeated",
  };
  std::string want;
  for (const std::string& line : expected) want += line + "\n";
  EXPECT_EQ(r.err, want);

  const Result shown = Parley("show '" + dir.string() + "' --format json");
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  const auto j = nlohmann::json::parse(shown.out);
  EXPECT_EQ(j["issues"][0]["kind"], "number");
  EXPECT_EQ(j["issues"][0]["value_count"], "13");
  EXPECT_EQ(j["issues"][1]["value_count"], "5");

  const Result json = Parley("convert tests/data/good/produce-buyer.yaml --to genius --force -o '" +
                             dir.string() + "' --format json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(nlohmann::json::parse(json.out)["warnings"].size(), expected.size());
  fs::remove_all(dir);
}

// With no BATNA of ours, `show`, the brief's summary and its checklist state one walk-away: the
// worst deal within our floors (the price cap of 250,000 with 30 days and weekly delivery), in
// the same words, and the brief's anchor and the show JSON carry the same figure.
TEST(CliTest, OneWalkAwayWithoutABatnaInShowPlanAndChecklist) {
  const std::string file = "tests/data/good/produce-buyer.yaml";
  const std::string said = "-244,000 (no BATNA stated: the worst deal within the floors)";
  const Result show = Parley("show " + file);
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find("    Walk-away:  " + said + "; utility 0.0000"), std::string::npos)
      << show.out;
  const Result show_json = Parley("show " + file + " --format json");
  const auto parties = nlohmann::json::parse(show_json.out)["parties"];
  EXPECT_EQ(parties[0]["reservation_value"].get<double>(), -244000);
  EXPECT_EQ(parties[0]["reservation_basis"], "worst-deal");
  EXPECT_EQ(parties[1]["reservation_basis"], "batna");

  const Result plan = Parley("plan " + file);
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  EXPECT_NE(plan.out.find("Our walk-away (no BATNA stated: the worst deal within the floors)"),
            std::string::npos)
      << plan.out;
  const Result plan_json = Parley("plan " + file + " --format json");
  ASSERT_EQ(plan_json.exit_code, 0) << plan_json.err;
  const auto brief = nlohmann::json::parse(plan_json.out);
  EXPECT_EQ(brief["anchor"]["walk_away"].get<double>(), -244000);
  bool found = false;
  for (const auto& item : brief["checklist"]) {
    if (item["id"] != "batna-known") continue;
    found = true;
    EXPECT_EQ(item["reason"], "No BATNA is stated for our side: our walk-away is " + said +
                                  ". State one, with evidence.");
  }
  EXPECT_TRUE(found);
}

TEST(CliTest, EveryCorpusScenarioChecks) {
  const fs::path shared(PARLEY_SHARED_DIR);
  const fs::path index = shared / "data/genius/index.json";
  if (!fs::exists(index)) GTEST_SKIP() << "shared corpus not present";
  const auto j = nlohmann::json::parse(Slurp(index));
  int count = 0;
  for (const auto& [section, entries] : j.items()) {
    if (!entries.is_array() || section == "quirk_originals") continue;
    for (const auto& entry : entries) {
      if (!entry.contains("path")) continue;
      const fs::path folder = shared / entry["path"].get<std::string>();
      const Result run = Parley("check '" + folder.string() + "' --format json");
      EXPECT_EQ(run.exit_code, 0) << folder << "\n" << run.err;
      if (run.exit_code != 0) continue;
      const auto report = nlohmann::json::parse(run.out);
      // The index gives the count, or null for real-valued issues, which GENIUS analyses on
      // 21 points each: then the count is the product over issues.
      long long expected = 0;
      if (entry["n_outcomes"].is_number_integer()) {
        expected = entry["n_outcomes"].get<long long>();
      } else {
        expected = 1;
        for (const auto& issue : entry["issues"]) {
          expected *= issue["type"] == "real" ? 21 : issue["n_values"].get<long long>();
        }
      }
      EXPECT_EQ(report["files"][0]["outcome_count"], std::to_string(expected)) << folder;
      ++count;
    }
  }
  EXPECT_GE(count, 90);
}

TEST(CliTest, QuirkFilesNameFileAndLine) {
  const fs::path quirks = fs::path(PARLEY_SHARED_DIR) / "data/genius/_quirks";
  if (!fs::exists(quirks)) GTEST_SKIP() << "shared corpus not present";
  for (const fs::path& folder : Files(quirks)) {
    const Result run = Parley("check '" + folder.string() + "'");
    EXPECT_EQ(run.exit_code, 3) << folder << "\n" << run.err;
    // FILE:LINE: with a line number.
    EXPECT_NE(run.err.find(".xml:"), std::string::npos) << run.err;
    EXPECT_EQ(run.err.find("Sanitizer"), std::string::npos) << run.err;
  }
}

}  // namespace

namespace {

// The minimal case worked by hand: buyer value = -price (+80 with express), seller value =
// price - 800 (-30 with express). Express adds 50 of joint value, so every frontier point uses
// it, plus the seller's best (standard at 1200): 10 points. Acceptable: the buyer's BATNA -1000
// needs price <= 1080, the seller's midpoint 200 needs price >= 1030: only price 1050, which is
// then every solution.
TEST(CliFrontierTest, MinimalCaseMatchesTheHandComputation) {
  const Result run = Parley("frontier tests/data/good/minimal.yaml --format json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto j = nlohmann::json::parse(run.out);
  EXPECT_EQ(j["parties"], nlohmann::json({"buyer", "seller"}));
  EXPECT_EQ(j["outcome_count"], "18");
  EXPECT_NEAR(j["disagreement"]["buyer"].get<double>(), 200.0 / 480.0, 1e-12);
  EXPECT_NEAR(j["disagreement"]["seller"].get<double>(), 230.0 / 430.0, 1e-12);
  ASSERT_EQ(j["frontier"].size(), 10u);
  EXPECT_EQ(j["frontier"][0]["outcome"]["price"], 800);
  EXPECT_EQ(j["frontier"][0]["outcome"]["delivery"], "express");
  EXPECT_EQ(j["frontier"][9]["outcome"]["delivery"], "standard");
  EXPECT_EQ(j["frontier"][9]["value"]["seller"], 400);
  int acceptable = 0;
  for (const auto& p : j["frontier"]) acceptable += p["acceptable"].get<bool>();
  EXPECT_EQ(acceptable, 1);
  for (const char* rule : {"nash", "kalai_smorodinsky", "egalitarian", "utilitarian"}) {
    ASSERT_EQ(j["solutions"][rule].size(), 1u) << rule;
    EXPECT_EQ(j["solutions"][rule][0]["outcome"]["price"], 1050) << rule;
    EXPECT_EQ(j["solutions"][rule][0]["value"]["buyer"], -970) << rule;
    EXPECT_EQ(j["solutions"][rule][0]["ties"], 1) << rule;
  }
  EXPECT_FALSE(j["solutions"].contains("weighted_nash"));
  // The ZOPA also holds (1000, standard), dominated but at both walk-aways exactly.
  EXPECT_EQ(j["zopa"]["exists"], true);
  EXPECT_EQ(j["zopa"]["acceptable_count"], "2");
  EXPECT_EQ(j["zopa"]["count_exact"], true);
  EXPECT_EQ(j["zopa"]["spans"][0]["range"], nlohmann::json({1000, 1050}));
  EXPECT_EQ(j["zopa"]["spans"][1]["options"], nlohmann::json({"standard", "express"}));
}

TEST(CliFrontierTest, NoZopaIsAResultWithAnExplanation) {
  const fs::path lunch = fs::path(PARLEY_SHARED_DIR) / "data/genius/Lunch";
  if (!fs::exists(lunch)) GTEST_SKIP() << "shared corpus not present";
  const Result run = Parley("frontier '" + lunch.string() + "' --format json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto j = nlohmann::json::parse(run.out);
  EXPECT_EQ(j["zopa"]["exists"], false);
  EXPECT_NE(j["zopa"]["explanation"].get<std::string>().find("is below its disagreement utility"),
            std::string::npos);
  EXPECT_TRUE(j["solutions"]["nash"].empty());
}

TEST(CliFrontierTest, WeightsAddWeightedNashAndAreChecked) {
  const Result run =
      Parley("frontier tests/data/good/minimal.yaml --weights buyer=2,seller=1 --format json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(nlohmann::json::parse(run.out)["solutions"]["weighted_nash"].size(), 1u);
  EXPECT_EQ(Parley("frontier tests/data/good/minimal.yaml --weights buyer=2").exit_code, 2);
  EXPECT_EQ(Parley("frontier tests/data/good/minimal.yaml --weights buyer=2,seller=0").exit_code,
            2);
  EXPECT_EQ(Parley("frontier tests/data/good/minimal.yaml --weights buyer=x,seller=1").exit_code,
            2);
}

TEST(CliFrontierTest, TextTableMarksSolutionsAndShowsValues) {
  const Result run = Parley("frontier tests/data/good/minimal.yaml");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("the Pareto frontier has 10 points, 1 acceptable"), std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("NKEU"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("-970"), std::string::npos) << run.out;
}

TEST(CliFrontierTest, HugeAdditiveSpaceNeedsNoEnumeration) {
  const Result run = Parley("frontier tests/data/good/thirty_issues.yaml --format json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto j = nlohmann::json::parse(run.out);
  EXPECT_EQ(j["outcome_count"], "1" + std::string(30, '0'));
  EXPECT_EQ(j["method"], "additive");
  EXPECT_GT(j["frontier"].size(), 10u);
}

// Opposed preferences on a 10^12-point grid put every grid point on the frontier: a limit.
TEST(CliFrontierTest, AFrontierTooLargeToListIsALimit) {
  const Result run = Parley("frontier tests/data/good/huge_grid.yaml");
  EXPECT_EQ(run.exit_code, 4);
  EXPECT_NE(run.err.find("issue 'amount' has 1000000000001 grid values"), std::string::npos)
      << run.err;
}

TEST(CliFrontierTest, InvalidCaseExitsThree) {
  EXPECT_EQ(Parley("frontier tests/data/bad/references.yaml").exit_code, 3);
}

}  // namespace

// `parley evaluate`, on the minimal case worked by hand in CliFrontierTest. Buyer: value =
// -price + (80 if express), from -1200 to -720 (span 480), walk-away -1000 (utility 200/480).
// Seller: value = (price - 800) - (30 if express), from -30 to 400 (span 430), walk-away the
// midpoint 200 of its range (utility 230/430).
// - price=1050, delivery=standard: buyer -1050 (below its walk-away: rejects), seller 250
//   (accepts). An outcome dominating it needs -p + 80e >= -1050 and p - 800 - 30e >= 250: with
//   standard only p = 1050 itself; with express 1080 <= p <= 1130, i.e. p = 1100 on the grid.
//   So exactly one package dominates it, price=1100 express: buyer -1020 (+30, utility +30/480),
//   seller 270 (+20, utility +20/430); the buyer still rejects it (-1020 < -1000).
// - price=1050, delivery=express: buyer -970, seller 220, both above their walk-aways; moving
//   the price helps one side and hurts the other, and standard delivery costs the buyer 80 to
//   save the seller 30: efficient (it is the Nash point of CliFrontierTest).
namespace {

TEST(CliEvaluateTest, DominatedOfferShowsTheMoneyLeftOnTheTable) {
  const Result run = Parley(
      "evaluate tests/data/good/minimal.yaml --offer price=1050,delivery=standard "
      "--format json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto j = nlohmann::json::parse(run.out);
  EXPECT_EQ(j["offer"]["price"], 1050);
  EXPECT_EQ(j["offer"]["delivery"], "standard");
  EXPECT_EQ(j["parties"]["buyer"]["value"], -1050);
  EXPECT_NEAR(j["parties"]["buyer"]["utility"].get<double>(), 150.0 / 480.0, 1e-12);
  EXPECT_EQ(j["parties"]["buyer"]["accepts"], false);
  EXPECT_EQ(j["parties"]["seller"]["value"], 250);
  EXPECT_NEAR(j["parties"]["seller"]["utility"].get<double>(), 280.0 / 430.0, 1e-12);
  EXPECT_EQ(j["parties"]["seller"]["accepts"], true);
  EXPECT_EQ(j["efficient"], false);
  EXPECT_EQ(j["dominated_by_count"], 1);
  const auto& best = j["best_improvement"];
  EXPECT_EQ(best["outcome"]["price"], 1100);
  EXPECT_EQ(best["outcome"]["delivery"], "express");
  EXPECT_EQ(best["value"]["buyer"], -1020);
  EXPECT_EQ(best["value"]["seller"], 270);
  EXPECT_NEAR(best["gain"]["buyer"]["value"].get<double>(), 30, 1e-9);
  EXPECT_NEAR(best["gain"]["seller"]["value"].get<double>(), 20, 1e-9);
  EXPECT_NEAR(best["gain"]["buyer"]["utility"].get<double>(), 30.0 / 480.0, 1e-12);
  EXPECT_NEAR(best["gain"]["seller"]["utility"].get<double>(), 20.0 / 430.0, 1e-12);
  EXPECT_EQ(best["acceptable"], false);
  EXPECT_TRUE(j["tied_improvements"].empty());
}

TEST(CliEvaluateTest, EfficientAcceptableOffer) {
  const Result run = Parley(
      "evaluate tests/data/good/minimal.yaml --offer price=1050,delivery=express --format json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto j = nlohmann::json::parse(run.out);
  EXPECT_EQ(j["parties"]["buyer"]["value"], -970);
  EXPECT_EQ(j["parties"]["seller"]["value"], 220);
  EXPECT_EQ(j["parties"]["buyer"]["accepts"], true);
  EXPECT_EQ(j["parties"]["seller"]["accepts"], true);
  EXPECT_EQ(j["acceptable"], true);
  EXPECT_EQ(j["efficient"], true);
  EXPECT_EQ(j["dominated_by_count"], 0);
  EXPECT_TRUE(j["best_improvement"].is_null());
}

TEST(CliEvaluateTest, TextReportNamesTheImprovement) {
  const Result run =
      Parley("evaluate tests/data/good/minimal.yaml --offer delivery=standard,price=1050");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("Not Pareto-efficient: 1 frontier point"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("price=1100, delivery=express"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("(+30 EUR)"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("(+20 EUR)"), std::string::npos) << run.out;
  const Result good =
      Parley("evaluate tests/data/good/minimal.yaml --offer price=1050,delivery=express");
  ASSERT_EQ(good.exit_code, 0) << good.err;
  EXPECT_NE(good.out.find("Every party would accept"), std::string::npos) << good.out;
  EXPECT_NE(good.out.find("Pareto-efficient: no package"), std::string::npos) << good.out;
}

TEST(CliEvaluateTest, BadOffersExitThreeWithHints) {
  const Result typo =
      Parley("evaluate tests/data/good/minimal.yaml --offer prise=1050,delivery=expres");
  EXPECT_EQ(typo.exit_code, 3);
  EXPECT_NE(typo.err.find("unknown issue 'prise' (did you mean 'price'?)"), std::string::npos)
      << typo.err;
  EXPECT_NE(typo.err.find("no option 'expres' (did you mean 'express'?)"), std::string::npos)
      << typo.err;
  const Result off_grid =
      Parley("evaluate tests/data/good/minimal.yaml --offer price=1060,delivery=express");
  EXPECT_EQ(off_grid.exit_code, 3);
  EXPECT_NE(off_grid.err.find("cannot take 1060"), std::string::npos) << off_grid.err;
  EXPECT_NE(off_grid.err.find("(nearest: 1050)"), std::string::npos) << off_grid.err;
  const Result not_number =
      Parley("evaluate tests/data/good/minimal.yaml --offer price=cheap,delivery=express");
  EXPECT_EQ(not_number.exit_code, 3);
  EXPECT_NE(not_number.err.find("takes a number, not 'cheap'"), std::string::npos)
      << not_number.err;
  const Result incomplete = Parley("evaluate tests/data/good/minimal.yaml --offer price=1050");
  EXPECT_EQ(incomplete.exit_code, 3);
  EXPECT_NE(incomplete.err.find("leaves out 'delivery'"), std::string::npos) << incomplete.err;
  EXPECT_EQ(Parley("evaluate tests/data/good/minimal.yaml --offer price").exit_code, 2);
  EXPECT_EQ(Parley("evaluate tests/data/good/minimal.yaml").exit_code, 2);
  EXPECT_EQ(Parley("evaluate tests/data/bad/references.yaml --offer price=1").exit_code, 3);
}

}  // namespace

namespace {

TEST(CliFrontierSvgTest, WritesAChartAndRefusesToOverwriteWithoutForce) {
  const fs::path dir =
      fs::temp_directory_path() / ("parley_cli_svg_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string svg = (dir / "renewal.svg").string();

  const Result run = Parley("frontier examples/sales-renewal.yaml --svg '" + svg + "' --seed 7");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("wrote " + svg + " (seed 7)"), std::string::npos) << run.out;
  const std::string chart = Slurp(svg);
  EXPECT_EQ(chart.rfind("<svg", 0), 0u);
  EXPECT_NE(chart.find("</svg>"), std::string::npos);
  EXPECT_NE(chart.find("Enterprise SaaS renewal with Acme"), std::string::npos);

  const Result again = Parley("frontier examples/sales-renewal.yaml --svg '" + svg + "'");
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find("already exists; pass --force to replace it"), std::string::npos)
      << again.err;
  EXPECT_EQ(Slurp(svg), chart);  // untouched

  const Result forced = Parley("frontier examples/sales-renewal.yaml --svg '" + svg +
                               "' --seed 7 --force --format json");
  ASSERT_EQ(forced.exit_code, 0) << forced.err;
  const auto j = nlohmann::json::parse(forced.out);
  EXPECT_EQ(j["svg"]["file"], svg);
  EXPECT_EQ(j["svg"]["seed"], 7);
  EXPECT_EQ(Slurp(svg), chart);  // same inputs and seed, same bytes
  fs::remove_all(dir);
}

}  // namespace
