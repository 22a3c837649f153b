// End-to-end tests of `parley plan`: golden briefs for the examples in every format, the JSON
// contract, the output file rules, and the HTML page rendered in a headless browser.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/cli_harness.h"

namespace {

using parley::testing::ExpectGolden;
using parley::testing::Files;
using parley::testing::Parley;
using parley::testing::Result;
using parley::testing::Slurp;
using parley::testing::TempDir;
namespace fs = std::filesystem;
using Json = nlohmann::json;

TEST(CliPlanTest, GoldenBriefsForEveryExampleInEveryFormat) {
  const fs::path out = TempDir("golden");
  int count = 0;
  for (const fs::path& file : Files(fs::path(PARLEY_SOURCE_DIR) / "examples")) {
    if (file.extension() != ".yaml") continue;
    const std::string rel = "examples/" + file.filename().string();
    const std::string stem = file.stem().string();
    const Result text = Parley("plan " + rel);
    ASSERT_EQ(text.exit_code, 0) << rel << "\n" << text.err;
    EXPECT_EQ(text.err, "");
    ExpectGolden(text.out, "plan/" + stem + ".txt");
    for (const char* ext : {".txt", ".md", ".html", ".json", ".xlsx"}) {
      const fs::path target = out / (stem + ext);
      const Result run = Parley("plan " + rel + " -o '" + target.string() + "'");
      ASSERT_EQ(run.exit_code, 0) << rel << " " << ext << "\n" << run.err;
      EXPECT_EQ(run.out.rfind("wrote " + target.string() + " (", 0), 0u) << run.out;
      ASSERT_TRUE(fs::exists(target));
      if (std::string(ext) == ".txt") {
        EXPECT_EQ(Slurp(target), text.out);  // the file holds what the terminal shows
      } else {
        ExpectGolden(Slurp(target), "plan/" + stem + ext);
      }
    }
    ++count;
  }
  EXPECT_GE(count, 7);  // the loop saw every example (seven or more)
  const Result reversed = Parley("plan examples/sales-renewal.yaml --as acme");
  ASSERT_EQ(reversed.exit_code, 0) << reversed.err;
  ExpectGolden(reversed.out, "plan/sales-renewal.as-acme.txt");
}

TEST(CliPlanTest, JsonHasTheDocumentedKeys) {
  const Result run = Parley("plan examples/sales-renewal.yaml --format json --samples 2000");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const Json j = Json::parse(run.out);
  for (const char* key :
       {"command", "file", "us", "them", "options", "power", "tradeables", "give_get",
        "give_get_from", "under_way", "under_way_note", "anchor", "meso", "concessions", "playbook",
        "checklist", "pitfalls", "notes", "assumptions"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j["command"], "plan");
  EXPECT_EQ(j["file"], "examples/sales-renewal.yaml");
  // Value first: the opening is tempered below the ambitious anchor.
  EXPECT_EQ(j["anchor"]["our_value"], 153000);
  EXPECT_EQ(j["anchor"]["ambitious_value"], 159000);
  EXPECT_TRUE(j["anchor"]["ambitious"].is_object());
  EXPECT_TRUE(j["anchor"]["tempering"].is_string());
  // The concession log has moved the talks past where the plan lands: it starts at the package
  // on the table, with no step left.
  EXPECT_TRUE(j["under_way"].get<bool>());
  EXPECT_EQ(j["concessions"]["plan"]["start"], j["give_get_from"]["outcome"]);
  EXPECT_EQ(j["concessions"]["plan"]["start_value"], 133000);
  EXPECT_EQ(j["concessions"]["plan"]["steps"].size(), 0u);
  EXPECT_EQ(j["playbook"]["context"], "sales");
  EXPECT_EQ(j["playbook"]["phases"].size(), 5u);
  EXPECT_EQ(j["power"]["prediction"]["samples"], 2000);
  bool one_way = false;
  for (const Json& p : j["pitfalls"]) one_way = one_way || p["id"] == "one-way-concession";
  EXPECT_TRUE(one_way);
  // The stakeholder part (docs/cli.md): the map right after the power report, and whom the plan
  // names, each {id, name, reason}.
  std::vector<std::string> keys;
  for (const auto& item : j.items()) keys.push_back(item.key());
  const auto power_at = std::find(keys.begin(), keys.end(), "power");
  ASSERT_NE(power_at, keys.end());
  EXPECT_EQ(*(power_at + 1), "stakeholders");
  const Json& people = j["stakeholders"];
  for (const char* key : {"stakeholders", "real_deciders", "engagement_order", "parties"}) {
    EXPECT_TRUE(people["map"].contains(key)) << key;
  }
  for (const char* key : {"anchor_first", "hear_it_from_us", "previews", "objections", "closer",
                          "sponsor", "counterpart"}) {
    EXPECT_TRUE(people["plan"].contains(key)) << key;
  }
  EXPECT_EQ(people["plan"]["closer"].size(), 3u);
  EXPECT_EQ(people["plan"]["closer"]["id"], "acme-cfo");
  EXPECT_EQ(people["plan"]["sponsor"]["id"], "cloudco-cfo");
  // A case without stakeholders has no such key: its brief is unchanged.
  const Result bare = Parley("plan tests/data/good/three-party.yaml --format json --samples 200");
  ASSERT_EQ(bare.exit_code, 0) << bare.err;
  EXPECT_FALSE(Json::parse(bare.out).contains("stakeholders"));
}

TEST(CliPlanTest, OutputFilesAreNeverReplacedWithoutForce) {
  const fs::path dir = TempDir("force");
  const fs::path target = dir / "brief.md";
  { std::ofstream(target) << "my notes\n"; }
  const Result refused = Parley("plan examples/hiring-offer.yaml -o '" + target.string() + "'");
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_EQ(refused.err,
            "parley: error: " + target.string() + " already exists; pass --force to replace it\n");
  EXPECT_EQ(Slurp(target), "my notes\n");
  const Result forced =
      Parley("plan examples/hiring-offer.yaml -o '" + target.string() + "' --force");
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_EQ(Slurp(target).rfind("# Preparation brief: ", 0), 0u);
  EXPECT_EQ(Files(dir).size(), 1u);  // no temporary file left behind
}

TEST(CliPlanTest, TheFormatFollowsTheExtension) {
  const Result pdf = Parley("plan examples/sales-renewal.yaml -o brief.pdf");
  EXPECT_EQ(pdf.exit_code, 2);
  EXPECT_EQ(
      pdf.err,
      "parley: error: brief.pdf: cannot tell the brief's format from the extension '.pdf'; use "
      ".txt, .md, .html, .json or .xlsx\n");
  EXPECT_FALSE(fs::exists(fs::path(PARLEY_SOURCE_DIR) / "brief.pdf"));
  const Result conflict = Parley("plan examples/sales-renewal.yaml -o brief.md --format json");
  EXPECT_EQ(conflict.exit_code, 2);
  EXPECT_EQ(conflict.err,
            "parley: error: --format json conflicts with brief.md: the file's extension sets its "
            "format\n");
  const Result bad_case = Parley("plan tests/data/bad/references.yaml");
  EXPECT_EQ(bad_case.exit_code, 3);
  EXPECT_NE(bad_case.err.find("tests/data/bad/references.yaml:6:35: error: unknown evidence"),
            std::string::npos)
      << bad_case.err;
  const Result typo = Parley("plan examples/sales-renewal.yaml --as acmee");
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_NE(typo.err.find("did you mean 'acme'?"), std::string::npos) << typo.err;
}

TEST(CliPlanTest, CorpusScenariosGetABrief) {
  // A GENIUS scenario: utility form, no context, no evidence. Lunch has no ZOPA.
  if (!fs::exists(fs::path(PARLEY_SHARED_DIR) / "data/genius/Laptop")) {
    GTEST_SKIP() << "shared corpus not present";
  }
  const Result laptop = Parley("plan ../shared/data/genius/Laptop --samples 200");
  ASSERT_EQ(laptop.exit_code, 0) << laptop.err;
  EXPECT_NE(laptop.out.find("Playbook (other)"), std::string::npos);
  // GENIUS profiles carry no dates: the imported parties have no deadline date, so nothing is
  // drawn.
  EXPECT_NE(laptop.out.find("The BATNAs are known exactly and every deadline is stated, so nothing "
                            "is sampled: a deal both prefer\nexists."),
            std::string::npos)
      << laptop.out;
  const Result lunch = Parley("plan ../shared/data/genius/Lunch --samples 200");
  ASSERT_EQ(lunch.exit_code, 0) << lunch.err;
  EXPECT_NE(lunch.out.find("No deal beats both sides' alternatives (no ZOPA)"), std::string::npos);
}

TEST(CliPlanTest, EveryCorpusScenarioGetsABrief) {
  const fs::path shared(PARLEY_SHARED_DIR);
  const fs::path index = shared / "data/genius/index.json";
  if (!fs::exists(index)) GTEST_SKIP() << "shared corpus not present";
  const Json j = Json::parse(Slurp(index));
  int count = 0;
  for (const auto& [section, entries] : j.items()) {
    if (!entries.is_array() || section == "quirk_originals") continue;
    for (const auto& entry : entries) {
      if (!entry.contains("path")) continue;
      const fs::path folder = shared / entry["path"].get<std::string>();
      const Result run = Parley("plan '" + folder.string() + "' --samples 200 --format json");
      // As for parley power: beyond 10^7 outcomes a non-additive profile may hit the documented
      // enumeration limit (exit 4), never a crash.
      const bool small = entry["n_outcomes"].is_number_integer() &&
                         entry["n_outcomes"].get<long long>() <= 10'000'000;
      if (!small && run.exit_code == 4) continue;
      ASSERT_EQ(run.exit_code, 0) << folder << "\n" << run.err;
      const Json brief = Json::parse(run.out);
      EXPECT_EQ(brief["checklist"].size(), 19u) << folder;
      EXPECT_EQ(brief["playbook"]["phases"].size(), 5u) << folder;
      // A brief with a predicted deal has its anchor, MESO set and concession plan.
      if (!brief["power"]["prediction"]["outcome"].is_null()) {
        EXPECT_FALSE(brief["anchor"].is_null()) << folder;
        EXPECT_FALSE(brief["meso"].is_null()) << folder;
        EXPECT_FALSE(brief["concessions"]["plan"].is_null()) << folder;
      }
      ++count;
    }
  }
  EXPECT_GE(count, 90);
}

// The HTML page in Debian's chromium: it loads, holds its four charts and every section, and
// renders to a screenshot and to PDF (print). scripts/setup.sh installs chromium.
TEST(CliPlanTest, HtmlBriefRendersInAHeadlessBrowser) {
  const char* candidates[] = {"/usr/bin/chromium", "/usr/bin/chromium-browser"};
  std::string browser;
  for (const char* c : candidates) {
    if (fs::exists(c)) browser = c;
  }
  ASSERT_FALSE(browser.empty()) << "chromium is not installed: run scripts/setup.sh";
  const fs::path dir = TempDir("browser");
  const fs::path page = dir / "brief.html";
  const Result run =
      Parley("plan examples/partnership-cobranding.yaml -o '" + page.string() + "' --samples 2000");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string flags =
      " --headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run "
      "--user-data-dir='" +
      (dir / "profile").string() + "' ";
  const fs::path dom = dir / "dom.html", shot = dir / "brief.png", pdf = dir / "brief.pdf";
  ASSERT_EQ(std::system((browser + flags + "--dump-dom 'file://" + page.string() + "' > '" +
                         dom.string() + "' 2> /dev/null")
                            .c_str()),
            0);
  const std::string rendered = Slurp(dom);
  std::size_t svgs = 0;
  for (std::size_t at = rendered.find("<svg"); at != std::string::npos;
       at = rendered.find("<svg", at + 1)) {
    ++svgs;
  }
  EXPECT_EQ(svgs, 4u);  // the radar, the influence graph, the BATNA/ZOPA bar and the frontier
  EXPECT_NE(rendered.find("class=\"arrowhead\""), std::string::npos);
  for (const char* id :
       {"summary", "power", "stakeholders", "deal-space", "tradeables", "anchor", "meso",
        "concession-plan", "concession-log", "playbook", "checklist", "pitfalls", "notes"}) {
    EXPECT_NE(rendered.find(std::string("id=\"") + id + "\""), std::string::npos) << id;
  }
  EXPECT_EQ(rendered.find("parsererror"), std::string::npos);
  ASSERT_EQ(std::system((browser + flags + "--window-size=1100,2400 --screenshot='" +
                         shot.string() + "' 'file://" + page.string() + "' > /dev/null 2>&1")
                            .c_str()),
            0);
  const std::string png = Slurp(shot);
  ASSERT_GT(png.size(), 20000u);
  EXPECT_EQ(png.substr(1, 3), "PNG");
  ASSERT_EQ(std::system((browser + flags + "--no-pdf-header-footer --print-to-pdf='" +
                         pdf.string() + "' 'file://" + page.string() + "' > /dev/null 2>&1")
                            .c_str()),
            0);
  const std::string printed = Slurp(pdf);
  EXPECT_EQ(printed.substr(0, 5), "%PDF-");
  // Several pages: the brief is long enough to break, and the print CSS keeps it readable.
  std::size_t pages = 0;
  for (std::size_t at = printed.find("/Type /Page"); at != std::string::npos;
       at = printed.find("/Type /Page", at + 1)) {
    pages += printed.compare(at, 12, "/Type /Pages") != 0;
  }
  EXPECT_GE(pages, 3u);
}

}  // namespace

namespace {

// `parley evaluate` on the three-party case: whether `party` accepts the package `outcome`
// (a brief's JSON outcome object).
bool EvaluateAccepts(const Json& outcome, const std::string& party) {
  std::string offer;
  for (const auto& [issue, value] : outcome.items()) {
    offer += (offer.empty() ? "" : ",") + issue + "=" +
             (value.is_string() ? value.get<std::string>() : value.dump());
  }
  const Result run =
      Parley("evaluate tests/data/good/three-party.yaml --format json --offer " + offer);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  return Json::parse(run.out)["parties"][party]["accepts"].get<bool>();
}

}  // namespace

// A case of three parties end to end: the brief opens with its verdict, and every package it
// proposes (anchor, MESO, concession steps) is one the integrator accepts in `parley evaluate`.
TEST(CliPlanTest, GoldenThreePartyBriefHoldsForEveryParty) {
  const Result text = Parley("plan tests/data/good/three-party.yaml");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  ExpectGolden(text.out, "plan/three-party.txt");
  const Result run = Parley("plan tests/data/good/three-party.yaml --format json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const Json j = Json::parse(run.out);
  const nlohmann::ordered_json ordered = nlohmann::ordered_json::parse(run.out);
  ASSERT_GE(ordered.size(), 3u);
  EXPECT_EQ(std::next(ordered.begin(), 2).key(), "verdict");  // after command and file
  EXPECT_EQ(j["verdict"]["approach"], "value-first");
  EXPECT_TRUE(j["verdict"]["break_even"].is_number());
  EXPECT_TRUE(EvaluateAccepts(j["anchor"]["outcome"], "integrator"));
  for (const Json& p : j["meso"]["packages"])
    EXPECT_TRUE(EvaluateAccepts(p["outcome"], "integrator"));
  for (const Json& s : j["concessions"]["plan"]["steps"]) {
    EXPECT_TRUE(EvaluateAccepts(s["package"], "integrator"));
  }
}

namespace {

// `parley evaluate CASE` on a brief's JSON outcome object: whether `party` accepts it.
bool EvaluateAcceptsIn(const std::string& file, const Json& outcome, const std::string& party) {
  std::string offer;
  for (const auto& [issue, value] : outcome.items()) {
    offer += (offer.empty() ? "" : ",") + issue + "=" +
             (value.is_string() ? value.get<std::string>() : value.dump());
  }
  const Result run = Parley("evaluate " + file + " --format json --offer " + offer);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  return Json::parse(run.out)["parties"][party]["accepts"].get<bool>();
}

}  // namespace

// An indirect, high power-distance culture end to end (a distribution renewal with two rounds
// logged): the playbook opens with a private preview with the sales director his president
// listens to, then the president (the veto), before
// any anchor or floor, no script is an ultimatum, the value-first verdict tempers the opening,
// the give-get pairs start from the package the log leaves on the table, and every package
// proposed is one we accept in `parley evaluate`.
TEST(CliPlanTest, GoldenIndirectCultureBriefPreviewsPrivatelyAndTempersTheOpening) {
  const std::string file = "tests/data/good/indirect-distribution.yaml";
  const Result text = Parley("plan " + file);
  ASSERT_EQ(text.exit_code, 0) << text.err;
  ExpectGolden(text.out, "plan/indirect-distribution.txt");
  const Result run = Parley("plan " + file + " --format json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const Json j = Json::parse(run.out);
  EXPECT_EQ(j["verdict"]["approach"], "value-first");
  // The opening is tempered inside the credible range, below the ambitious anchor.
  const Json& anchor = j["anchor"];
  EXPECT_FALSE(anchor["ambitious"].is_null());
  EXPECT_LT(anchor["our_value"].get<double>(), anchor["ambitious_value"].get<double>());
  EXPECT_GE(anchor["our_value"].get<double>(), anchor["credible_low"].get<double>());
  EXPECT_TRUE(EvaluateAcceptsIn(file, anchor["outcome"], "nordvik"));
  // The private preview comes first: the sales director, whose view the president follows
  // (0.6 of his weight), then the president, who holds the veto and is not yet for us.
  const Json& setup = j["playbook"]["phases"][0];
  EXPECT_EQ(setup["phase"], "setup");
  EXPECT_EQ(setup["moves"][0]["id"], "private-preview");
  EXPECT_EQ(setup["moves"][0]["name"],
            "Preview privately with Sales director and K. Tanaka (President)");
  EXPECT_EQ(j["stakeholders"]["plan"]["previews"][1]["id"], "sakura-president");
  EXPECT_EQ(j["stakeholders"]["plan"]["closer"]["id"], "sakura-president");
  for (const Json& phase : j["playbook"]["phases"]) {
    for (const Json& m : phase["moves"]) {
      const std::string say = m["say"].get<std::string>();
      EXPECT_EQ(say.find("We can't"), std::string::npos) << m["id"];
      EXPECT_EQ(say.find("This offer holds until"), std::string::npos) << m["id"];
      EXPECT_EQ(say.find("300,000"), std::string::npos) << m["id"];  // never our walk-away
    }
  }
  // The log leaves discount 32, 800 units, regional exclusivity and no marketing fund on the
  // table: the pairs start there.
  const Json& from = j["give_get_from"]["outcome"];
  EXPECT_EQ(from["discount"], 32);
  EXPECT_EQ(from["volume"], "800-units");
  EXPECT_EQ(from["exclusivity"], "region");
  ASSERT_FALSE(j["give_get"].empty());
  for (const Json& p : j["give_get"]) {
    EXPECT_EQ(p["give"]["from"], from[p["give"]["issue"].get<std::string>()]);
    EXPECT_EQ(p["get"]["from"], from[p["get"]["issue"].get<std::string>()]);
  }
  for (const Json& p : j["meso"]["packages"]) {
    EXPECT_TRUE(EvaluateAcceptsIn(file, p["outcome"], "nordvik"));
  }
  for (const Json& s : j["concessions"]["plan"]["steps"]) {
    EXPECT_TRUE(EvaluateAcceptsIn(file, s["package"], "nordvik"));
  }
}

namespace {

// The buying committee with Maya Lindqvist (VP operations, the real decider the others follow)
// changed by `edit` on her lines: the brief's JSON.
Json CommitteeBrief(const std::string& name, const std::string& from, const std::string& to) {
  std::string text = Slurp(fs::path(PARLEY_SOURCE_DIR) / "examples/buying-committee.yaml");
  if (!from.empty()) {
    const std::size_t maya = text.find("title: VP operations");
    const std::size_t at = text.find(from, maya);
    EXPECT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
  }
  const fs::path file = TempDir("committee-" + name) / "committee.yaml";
  parley::testing::WriteText(file, text);
  const Result run = Parley("plan '" + file.string() + "' --format json --samples 200");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  return Json::parse(run.out);
}

std::string MoveSay(const Json& brief, const std::string& id) {
  for (const Json& phase : brief["playbook"]["phases"]) {
    for (const Json& m : phase["moves"]) {
      if (m["id"] == id) return m["say"].get<std::string>() + " | " + m["name"].get<std::string>();
    }
  }
  return "";
}

}  // namespace

// Removing the real decider's influence, or flipping her stance, changes who closes, who gets
// the preview and whom our sponsor escalates to, in the stakeholder section and in the scripts
// alike (before the map, such a change moved one parenthesis).
TEST(CliPlanTest, TheRealDecidersInfluenceAndStanceDriveTheBrief) {
  const Json base = CommitteeBrief("base", "", "");
  const Json& plan = base["stakeholders"]["plan"];
  EXPECT_EQ(plan["closer"]["id"], "h-vpops");
  EXPECT_EQ(plan["counterpart"]["id"], "h-vpops");
  EXPECT_EQ(plan["previews"].size(), 3u);
  EXPECT_NE(MoveSay(base, "conditional-acceptance")
                .find("sign-off by Maya Lindqvist (VP operations) with the agreement of Lee Park "
                      "(CISO)"),
            std::string::npos);
  EXPECT_NE(MoveSay(base, "private-preview")
                .find("Preview privately with Maya Lindqvist (VP operations), Lee Park (CISO) "
                      "and Procurement lead"),
            std::string::npos);

  // Flipped: she opposes. The close waits on the CISO (who can sign, most real say), the
  // escalation goes to the COO, and both previews meet an objection.
  const Json flipped = CommitteeBrief("flipped", "stance: 1", "stance: -1");
  const Json& f = flipped["stakeholders"]["plan"];
  EXPECT_EQ(f["closer"]["id"], "h-ciso");
  EXPECT_EQ(f["counterpart"]["id"], "h-coo");
  EXPECT_EQ(f["objections"].size(), 3u);
  EXPECT_NE(MoveSay(flipped, "conditional-acceptance").find("sign-off by Lee Park (CISO)"),
            std::string::npos);
  EXPECT_NE(MoveSay(flipped, "sponsor-escalation").find("Sam Osei (COO) speak directly"),
            std::string::npos)
      << MoveSay(flipped, "sponsor-escalation");

  // Her ties removed: nobody follows her view; she is no longer a real decider, so she neither
  // closes nor gets a preview, and the scripts name someone else.
  const Json cut = CommitteeBrief(
      "cut",
      "influences: [{on: h-cfo, weight: 0.6}, {on: h-coo, weight: 0.5}, {on: h-ciso, "
      "weight: 0.4}]",
      "influences: []");
  const Json& c = cut["stakeholders"]["plan"];
  EXPECT_NE(c["closer"]["id"], "h-vpops");
  for (const Json& p : c["previews"]) EXPECT_NE(p["id"], "h-vpops");
  const std::string closer = c["closer"]["name"].get<std::string>();
  EXPECT_NE(MoveSay(cut, "conditional-acceptance").find("sign-off by " + closer),
            std::string::npos);
  EXPECT_NE(MoveSay(cut, "private-preview"), MoveSay(base, "private-preview"));
  // Every name in the scripts is one the stakeholder section gives.
  for (const Json* brief : {&base, &flipped, &cut}) {
    const Json& p = (*brief)["stakeholders"]["plan"];
    EXPECT_NE(
        MoveSay(*brief, "owners-and-metrics").find(p["counterpart"]["name"].get<std::string>()),
        std::string::npos);
  }
}
