#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "io/genius_test_util.h"
#include "parley/core/case_check.h"
#include "parley/core/error.h"
#include "parley/core/outcome_space.h"
#include "parley/core/package.h"
#include "parley/core/party_valuation.h"
#include "parley/io/case_reader.h"
#include "parley/io/genius.h"
#include "testing/case_builders.h"

namespace parley::io {
namespace {

using ::parley::testing::MakeParty;
using ::parley::testing::NumberIssue;
using ::parley::testing::OptionsIssue;

namespace fs = std::filesystem;
using genius_test::Describe;

// Exports `c`, writes the files to a fresh folder and imports them back (profiles in export
// order, `us` first).
Case RoundTrip(const Case& c, const std::string& test, fs::path* folder = nullptr) {
  const GeniusFiles files = ExportGeniusXml(c);
  const fs::path dir = genius_test::FreshDir("export_" + test);
  genius_test::WriteText(dir / files.domain_name, files.domain_xml);
  std::vector<std::string> profiles;
  for (const auto& [name, xml] : files.profiles) {
    genius_test::WriteText(dir / name, xml);
    profiles.push_back((dir / name).string());
  }
  if (folder != nullptr) *folder = dir;
  const LoadResult back = ImportGeniusXml((dir / files.domain_name).string(), profiles);
  EXPECT_TRUE(back.Ok()) << test << "\n" << Describe(back) << files.domain_xml;
  return back.value.value_or(Case{});
}

// Every party that states values keeps its utility of every (sampled) outcome to 1e-12, its
// disagreement utility (clamped to [0, 1]) and its discount factor.
void ExpectSameUtilities(const Case& original, const Case& back, const std::string& test) {
  ASSERT_EQ(back.issues.size(), original.issues.size()) << test;
  for (std::size_t i = 0; i < original.issues.size(); ++i) {
    ASSERT_EQ(back.issues[i].ValueCount(), original.issues[i].ValueCount())
        << test << " issue " << i;
  }
  std::vector<const Party*> parties = {&original.Us()};
  for (const Party& p : original.parties) {
    if (p.side != Side::kUs && original.FindValues(p.id) != nullptr) parties.push_back(&p);
  }
  ASSERT_EQ(back.parties.size(), parties.size()) << test;
  const OutcomeSpace space(original.issues);
  const auto outcomes = genius_test::SampleOutcomes(space, 20000);
  for (std::size_t k = 0; k < parties.size(); ++k) {
    const PartyValuation before(original, parties[k]->id), after(back, back.parties[k].id);
    for (const Outcome& o : outcomes) {
      ASSERT_NEAR(after.Utility(o), before.Utility(o), 1e-12)
          << test << " party " << parties[k]->id;
    }
    if (parties[k]->batna) {
      EXPECT_NEAR(after.DisagreementUtility(), std::clamp(before.DisagreementUtility(), 0.0, 1.0),
                  1e-12)
          << test;
    } else {
      EXPECT_FALSE(back.parties[k].batna) << test;
    }
    const auto discount = [](const Party& p) {
      return p.deadline && p.deadline->discount && *p.deadline->discount < 1 ? *p.deadline->discount
                                                                             : 1.0;
    };
    EXPECT_EQ(discount(back.parties[k]), discount(*parties[k])) << test;
  }
}

TEST(GeniusExportTest, EveryCorpusScenarioRoundTrips) {
  if (!genius_test::HaveCorpus()) GTEST_SKIP() << "shared corpus not present";
  int count = 0;
  for (const auto& entry : genius_test::CorpusEntries()) {
    const LoadResult result = genius_test::ImportEntry(entry);
    ASSERT_TRUE(result.Ok()) << entry.name << "\n" << Describe(result);
    const Case back = RoundTrip(*result.value, "corpus");
    ExpectSameUtilities(*result.value, back, entry.name);
    ++count;
  }
  EXPECT_EQ(count, 96);
}

TEST(GeniusExportTest, GeniusScenariosKeepTheirShape) {
  if (!genius_test::HaveCorpus()) GTEST_SKIP() << "shared corpus not present";
  for (const char* name : {"Laptop", "7issues", "SON", "ANAC2014-10issues"}) {
    const LoadResult result = genius_test::ImportEntry(genius_test::FindEntry(name));
    ASSERT_TRUE(result.Ok()) << Describe(result);
    const Case back = RoundTrip(*result.value, "shape");
    for (std::size_t i = 0; i < back.issues.size(); ++i) {
      EXPECT_EQ(back.issues[i].kind, result.value->issues[i].kind) << name;
      EXPECT_EQ(back.issues[i].lo, result.value->issues[i].lo) << name;
      EXPECT_EQ(back.issues[i].step, result.value->issues[i].step) << name;
      EXPECT_EQ(back.issues[i].name, result.value->issues[i].name) << name;
    }
    EXPECT_EQ(back.values, result.value->values) << name;  // evaluators, weights and boxes exact
  }
}

Preferences Prefs(const std::string& party, ValueForm form, std::vector<IssueTerm> terms) {
  Preferences p;
  p.party = party;
  p.form = form;
  p.terms = std::move(terms);
  return p;
}

// A money-form case with every kind of issue GENIUS export has to map.
Case MoneyCase() {
  Case c;
  c.title = "Renewal";
  c.currency = "USD";
  Party us = MakeParty("cloudco", Side::kUs);
  us.name = "CloudCo";
  us.batna = Batna{};
  us.batna->value = 95000;
  us.batna->costs.risk = 5000;
  us.deadline = Deadline{};
  us.deadline->cost_per_week = 2000;
  Party them = MakeParty("acme", Side::kThem);
  them.name = "Acme";
  them.batna = Batna{};
  them.batna->range = std::make_pair(100000.0, 135000.0);
  c.parties = {them, us};  // `us` second in the case: exported first
  Issue price = NumberIssue("price", 90000, 150000, 1000);
  price.name = "Annual price";
  c.issues = {price, OptionsIssue("term", {"1y", "2y", "3y"}), NumberIssue("seats", 1, 500, 1),
              NumberIssue("rebate", 0, 0.3, 0.3 / 20)};
  c.values = {Prefs("cloudco", ValueForm::kMoney,
                    {{"price", 1, LinearValue{1}},
                     {"term", 1, TableValue{{{"1y", 0}, {"2y", 15000}, {"3y", 25000}}}},
                     {"seats", 1, LinearValue{40}},
                     {"rebate", 1, LinearValue{-100000}}}),
              Prefs("acme", ValueForm::kMoney,
                    {{"price", 1, LinearValue{-1}},
                     {"term", 1, TableValue{{{"2y", -4000}, {"3y", -6000}}}},
                     {"seats", 1, PointsValue{{{1, 0}, {100, 20000}, {500, 26000}}}}})};
  return c;
}

TEST(GeniusExportTest, MoneyCaseRoundTrips) {
  const Case c = MoneyCase();
  for (const CaseProblem& p : CheckCase(c))
    EXPECT_TRUE(p.warning) << FormatCasePath(p.path) << ": " << p.message;
  fs::path folder;
  const Case back = RoundTrip(c, "money", &folder);
  ExpectSameUtilities(c, back, "money");
  ASSERT_EQ(back.parties.size(), 2u);
  EXPECT_EQ(back.parties[0].id, "cloudco");
  EXPECT_EQ(back.parties[0].side, Side::kUs);
  // price (step 1000) stays a number (a real issue with its step), seats (a points evaluator)
  // becomes items, rebate a real issue on GENIUS's own 21 points.
  EXPECT_EQ(back.issues[0].kind, IssueKind::kNumber);
  EXPECT_EQ(back.issues[0].step, 1000);
  EXPECT_EQ(back.issues[2].kind, IssueKind::kOptions);
  EXPECT_EQ(back.issues[2].options[1], "2");
  EXPECT_EQ(back.issues[3].kind, IssueKind::kNumber);
  // Utilities in [0, 1] with weights from the value spans.
  double sum = 0;
  for (const IssueTerm& t : back.values[0].terms) sum += t.weight;
  EXPECT_NEAR(sum, 1, 1e-12);
  // The exported folder imports as a scenario too, `us` first although "acme.xml" comes first
  // in file-name order: the domain's <agent> elements give the order.
  const LoadResult folder_import = ImportScenarioFolder(folder.string());
  ASSERT_TRUE(folder_import.Ok()) << Describe(folder_import);
  ASSERT_EQ(folder_import.value->parties.size(), 2u);
  EXPECT_EQ(folder_import.value->parties[0].id, "cloudco");
  EXPECT_EQ(folder_import.value->parties[0].side, Side::kUs);
  ExpectSameUtilities(c, *folder_import.value, "money folder");
}

TEST(GeniusExportTest, TheDomainListsAnAgentPerProfileUsFirst) {
  const GeniusFiles files = ExportGeniusXml(MoneyCase());
  const std::size_t cloudco =
      files.domain_xml.find("<agent name=\"cloudco\" utility_space=\"cloudco.xml\" />");
  const std::size_t acme =
      files.domain_xml.find("<agent name=\"acme\" utility_space=\"acme.xml\" />");
  const std::size_t space = files.domain_xml.find("<utility_space");
  ASSERT_NE(cloudco, std::string::npos) << files.domain_xml;
  ASSERT_NE(acme, std::string::npos) << files.domain_xml;
  EXPECT_LT(cloudco, acme);
  EXPECT_LT(acme, space);
}

// The sales example exported with `parley convert --to genius` and read back as a folder keeps
// its `us` party (cloudco, although "acme.xml" sorts first) and every party's utilities.
TEST(GeniusExportTest, AnExportedExampleFolderKeepsUs) {
  const LoadResult loaded =
      LoadCase((fs::path(PARLEY_SOURCE_DIR) / "examples/sales-renewal.yaml").string());
  ASSERT_TRUE(loaded.Ok()) << Describe(loaded);
  const Case& c = *loaded.value;
  ASSERT_EQ(c.Us().id, "cloudco");
  const GeniusFiles files = ExportGeniusXml(c);
  const fs::path dir = genius_test::FreshDir("export_sales_folder");
  genius_test::WriteText(dir / files.domain_name, files.domain_xml);
  for (const auto& [name, xml] : files.profiles) genius_test::WriteText(dir / name, xml);
  const LoadResult back = ImportScenarioFolder(dir.string());
  ASSERT_TRUE(back.Ok()) << Describe(back);
  ASSERT_EQ(back.value->parties.size(), 2u);
  EXPECT_EQ(back.value->parties[0].id, "cloudco");
  EXPECT_EQ(back.value->parties[0].side, Side::kUs);
  EXPECT_EQ(back.value->Us().id, "cloudco");
  EXPECT_EQ(back.value->parties[1].id, "acme");
  EXPECT_EQ(back.value->parties[1].side, Side::kThem);
  ExpectSameUtilities(c, *back.value, "sales folder");
}

TEST(GeniusExportTest, FilesAreNamedAfterTheTitleAndTheParties) {
  Case c = MoneyCase();
  GeniusFiles files = ExportGeniusXml(c);
  EXPECT_EQ(files.domain_name, "Renewal.xml");
  ASSERT_EQ(files.profiles.size(), 2u);
  EXPECT_EQ(files.profiles[0].first, "cloudco.xml");  // `us` first
  EXPECT_EQ(files.profiles[1].first, "acme.xml");
  EXPECT_EQ(RoundTrip(c, "title").title, "Renewal");
  c.title = "acme";
  EXPECT_EQ(ExportGeniusXml(c).domain_name, "acme-domain.xml");
  c.title = "Q3 deal: 50% off?";
  EXPECT_EQ(ExportGeniusXml(c).domain_name, "Q3-deal-50-off.xml");
  c.title = "???";
  EXPECT_EQ(ExportGeniusXml(c).domain_name, "domain.xml");
}

TEST(GeniusExportTest, IntegerGridsStayIntegerIssues) {
  Case c = MoneyCase();
  c.values[1].terms[2].evaluator = LinearValue{-30};  // seats now linear for both parties
  const Case back = RoundTrip(c, "integer");
  EXPECT_EQ(back.issues[2].kind, IssueKind::kNumber);
  EXPECT_EQ(back.issues[2].lo, 1);
  EXPECT_EQ(back.issues[2].hi, 500);
  ExpectSameUtilities(c, back, "integer");
}

// Every number issue of `c` that the export keeps as a number comes back as a number with the
// same grid: same ends, step, count and every grid value.
void ExpectSameGrids(const Case& c, const Case& back, const std::string& test) {
  ASSERT_EQ(back.issues.size(), c.issues.size()) << test;
  for (std::size_t i = 0; i < c.issues.size(); ++i) {
    const Issue& a = c.issues[i];
    const Issue& b = back.issues[i];
    if (a.kind != IssueKind::kNumber) continue;
    ASSERT_EQ(b.kind, IssueKind::kNumber) << test << " " << a.id;
    EXPECT_EQ(b.lo, a.lo) << test << " " << a.id;
    EXPECT_EQ(b.hi, a.hi) << test << " " << a.id;
    ASSERT_EQ(b.ValueCount(), a.ValueCount()) << test << " " << a.id;
    for (std::uint64_t k = 0; k < a.ValueCount(); ++k) {
      ASSERT_EQ(b.GridValue(k), a.GridValue(k)) << test << " " << a.id << " point " << k;
    }
  }
}

// A price range on a step of 5,000 and payment days on a step of 15 stay number issues: real
// issues with their range and step (GENIUS ignores the step; Parley reads it back), never text
// items; the grids and every party's utilities come back the same.
TEST(GeniusExportTest, NumberIssuesStayNumbers) {
  Case c = MoneyCase();
  c.issues[0] = NumberIssue("price", 200000, 260000, 5000);
  c.issues[2] = NumberIssue("seats", 30, 90, 15);
  c.values[1].terms[2].evaluator = LinearValue{-150};
  c.values[0].terms[2].evaluator = LinearValue{200};
  const GeniusFiles files = ExportGeniusXml(c);
  EXPECT_NE(files.domain_xml.find("name=\"price\" etype=\"real\" type=\"real\" vtype=\"real\""),
            std::string::npos)
      << files.domain_xml;
  EXPECT_NE(files.domain_xml.find("<range lowerbound=\"200000\" upperbound=\"260000\" "
                                  "step=\"5000\" />"),
            std::string::npos)
      << files.domain_xml;
  EXPECT_EQ(files.domain_xml.find("<item index=\"1\" value=\"200000\""), std::string::npos);
  const Case back = RoundTrip(c, "numbers");
  ExpectSameGrids(c, back, "numbers");
  ExpectSameUtilities(c, back, "numbers");
}

// Utility-form clamped lines from any point, triangles and constants on an odd grid stay real
// issues with the same grid and utilities.
TEST(GeniusExportTest, UtilityFormNumberIssuesKeepTheirGrid) {
  Case c;
  c.title = "Utility numbers";
  c.parties = {MakeParty("a", Side::kUs), MakeParty("b", Side::kThem)};
  c.issues = {NumberIssue("size", 0, 10, 3), NumberIssue("speed", 1.5, 4.25, 0.25)};
  c.values = {
      Prefs("a", ValueForm::kUtility,
            {{"size", 0.6, ClampedLinearValue{2, 0.05, 0.1}}, {"speed", 0.4, ConstantValue{0.7}}}),
      Prefs("b", ValueForm::kUtility,
            {{"size", 0.5, TriangularValue{1, 9, 4}},
             {"speed", 0.5, ClampedLinearValue{1.5, -0.3, 1}}})};
  const Case back = RoundTrip(c, "utility_numbers");
  ExpectSameGrids(c, back, "utility numbers");
  ExpectSameUtilities(c, back, "utility numbers");
}

// A number issue with one value that GENIUS cannot hold as an integer issue (the line leaves
// [0, 1] there) was written as a real issue with equal bounds, which GENIUS and the importer
// refuse (found by fuzzing): it is written as one item and reads back with the same utilities.
TEST(GeniusExportTest, ANumberIssueWithOneValueIsAnItem) {
  Case c;
  c.title = "One value";
  c.parties = {MakeParty("a", Side::kUs), MakeParty("b", Side::kThem)};
  c.issues = {NumberIssue("price", 5, 5, 1), NumberIssue("other", -5, 5, 1)};
  c.values = {Prefs("a", ValueForm::kUtility,
                    {{"price", 0.75, ClampedLinearValue{-5, 1.08, 0.3}},
                     {"other", 0.25, ClampedLinearValue{-5, 0.1, 0}}}),
              Prefs("b", ValueForm::kUtility,
                    {{"price", 0.25, ClampedLinearValue{-5, 0.1, 0}},
                     {"other", 0.75, ClampedLinearValue{-5, 0.1, 0}}})};
  const GeniusFiles files = ExportGeniusXml(c);
  EXPECT_NE(files.domain_xml.find("name=\"price\" etype=\"discrete\""), std::string::npos)
      << files.domain_xml;
  const Case back = RoundTrip(c, "one_value");
  ExpectSameUtilities(c, back, "one value");
}

// The case's and the parties' descriptions go into the objectives' description attributes.
TEST(GeniusExportTest, DescriptionsGoIntoTheObjectives) {
  const LoadResult loaded =
      LoadCase((fs::path(PARLEY_SOURCE_DIR) / "examples/sales-renewal.yaml").string());
  ASSERT_TRUE(loaded.Ok()) << Describe(loaded);
  const GeniusFiles files = ExportGeniusXml(*loaded.value);
  EXPECT_NE(files.domain_xml.find("description=\"Three-year-old customer renewing"),
            std::string::npos);
  EXPECT_NE(files.profiles[0].second.find("description=\"Seller. Account team of two"),
            std::string::npos);
}

// The buyer's produce case loses its floors, deadline, BATNA range, costs and description,
// power score, evidence, stakeholder, concession log, setting and units, one warning line per
// kind naming what is dropped; its price and payment days stay numbers (steps GENIUS ignores).
TEST(GeniusExportTest, WarningsListWhatGeniusCannotCarry) {
  const LoadResult loaded =
      LoadCase((fs::path(PARLEY_SOURCE_DIR) / "tests/data/good/produce-buyer.yaml").string());
  ASSERT_TRUE(loaded.Ok()) << Describe(loaded);
  const std::vector<std::string> w = ExportGeniusXml(*loaded.value).warnings;
  const std::vector<std::string> expected = {
      "grid steps kept only for Parley (GENIUS ignores the range's step and analyses a real "
      "issue on 21 points): Annual price step 5,000; Payment days step 15",
      "floors dropped (a GENIUS profile has no floors, so every deal counts): Harbor Hotels "
      "Annual price max 250,000; Fresh Foods Annual price min 210,000",
      "deadlines and costs of delay dropped (GENIUS keeps only a discount factor): Harbor Hotels "
      "2027-03-01, 1,500 a week of delay",
      "BATNA ranges, costs, packages and descriptions dropped (each BATNA is written as one "
      "reservation utility): Fresh Foods range 180,000 to 200,000 and costs 5,000 and the "
      "description",
      "power scores and their notes dropped: Harbor Hotels 1 source",
      "evidence dropped: 2 items (market-index, budget)",
      "stakeholders dropped: 1 stakeholder (fresh-ceo)",
      "concession log dropped: 2 entries (opening counter; our move on price)",
      "currency and units dropped (money values are written as utilities from 0 to 1): the "
      "currency EUR, Annual price in EUR",
      "the setting dropped: context procurement, relationship repeated",
  };
  ASSERT_EQ(w.size(), expected.size());
  for (std::size_t k = 0; k < w.size(); ++k) EXPECT_EQ(w[k], expected[k]);
  // The offers made so far, after the concession log.
  Case live = *loaded.value;
  const Round offer{live.Us().id, OutcomeToPackage(live, OutcomeSpace(live.issues).First()), "",
                    ""};
  live.rounds = {offer, offer};
  const std::vector<std::string> with_rounds = ExportGeniusXml(live).warnings;
  ASSERT_EQ(with_rounds.size(), expected.size() + 1);
  EXPECT_EQ(with_rounds[8], "the offers made so far dropped: 2 offers in `rounds`");
  EXPECT_EQ(with_rounds[7], expected[7]);
  // A long list names the first six and counts the rest.
  Case many = *loaded.value;
  for (int k = 0; k < 6; ++k) {
    Evidence e;
    e.id = "extra-" + std::to_string(k);
    e.claim = "An extra claim";
    many.evidence.push_back(e);
  }
  EXPECT_EQ(ExportGeniusXml(many).warnings[5],
            "evidence dropped: 8 items (market-index, budget, extra-0, extra-1, extra-2, extra-3 "
            "and 2 more)");
  // A date set for the other side and the relationship's horizon are dropped too.
  Case dated = *loaded.value;
  dated.parties[0].sets.push_back(ImposedDate{"2027-02-15", "fresh", "budget closes", {}});
  dated.horizon = Horizon{3, 0.8};
  const std::vector<std::string> more = ExportGeniusXml(dated).warnings;
  ASSERT_EQ(more.size(), expected.size() + 1);
  EXPECT_EQ(more[3],
            "dates set for another side dropped: Harbor Hotels 2027-02-15 for Fresh Foods");
  EXPECT_EQ(more.back(),
            "the setting dropped: context procurement, relationship repeated, a horizon of 3 more "
            "deals, each 80% likely");
}

// A GENIUS scenario holds nothing GENIUS cannot carry: its export warns of nothing. A number
// issue some party values by points is written as items, with the reason.
TEST(GeniusExportTest, WarningsAreEmptyForAGeniusScenarioAndNameItemIssues) {
  if (genius_test::HaveCorpus()) {
    for (const char* name : {"Laptop", "7issues", "SON"}) {
      const LoadResult result = genius_test::ImportEntry(genius_test::FindEntry(name));
      ASSERT_TRUE(result.Ok()) << Describe(result);
      const std::vector<std::string> w = ExportGeniusXml(*result.value).warnings;
      EXPECT_TRUE(w.empty()) << name << ": " << (w.empty() ? "" : w[0]);
    }
  }
  const std::vector<std::string> w = ExportGeniusXml(MoneyCase()).warnings;
  ASSERT_FALSE(w.empty());
  EXPECT_EQ(w[0],
            "number issues written as discrete items (they read back as options): seats (Acme "
            "values it by points (a piecewise line), which no GENIUS evaluator computes)");
}

TEST(GeniusExportTest, UtilityTablesWithoutAPerfectScoreKeepTheirUtilities) {
  Case c;
  c.title = "Utility form";
  c.parties = {MakeParty("a", Side::kUs), MakeParty("b", Side::kThem)};
  c.parties[0].batna = Batna{};
  c.parties[0].batna->utility = 0.3;
  c.parties[1].batna = Batna{};
  c.parties[1].batna->outcome = Package{{"colour", std::string("blue")}};
  c.parties[1].deadline = Deadline{};
  c.parties[1].deadline->discount = 0.9;
  c.issues = {OptionsIssue("colour", {"red", "blue", "green"}), NumberIssue("size", 0, 10, 0.5)};
  c.values = {Prefs("a", ValueForm::kUtility,
                    {{"colour", 0.6, TableValue{{{"red", 0.4}, {"blue", 0.8}}}},
                     {"size", 0.4, ClampedLinearValue{2, 0.05, 0.1}}}),
              Prefs("b", ValueForm::kUtility,
                    {{"colour", 0.5, TableValue{{{"red", 0.000001}, {"green", 0.000002}}}},
                     {"size", 0.7, TriangularValue{1, 9, 4}}})};
  const Case back = RoundTrip(c, "utility");
  ExpectSameUtilities(c, back, "utility");
}

TEST(GeniusExportTest, AFlatMoneyPartyHasUtilityOneEverywhere) {
  Case c = MoneyCase();
  c.values[1].terms = {{"term", 1, TableValue{{{"1y", 7}, {"2y", 7}, {"3y", 7}}}}};
  c.parties[0].batna.reset();
  const Case back = RoundTrip(c, "flat");
  ExpectSameUtilities(c, back, "flat");
  EXPECT_DOUBLE_EQ(PartyValuation(back, "acme").Utility({0, 0, 0, 0}), 1.0);
}

TEST(GeniusExportTest, WhatGeniusCannotHoldIsAUsageError) {
  auto code = [](const Case& c) {
    try {
      ExportGeniusXml(c);
    } catch (const Error& e) {
      if (e.code() == ErrorCode::kUsage) {
        EXPECT_NE(std::string(e.what()).find("GENIUS"), std::string::npos) << e.what();
      }
      return e.code();
    }
    return ErrorCode::kInternal;
  };
  // 60,001 grid points valued by points: discrete items, over the 10,000 allowed.
  Case fine_grid = MoneyCase();
  fine_grid.issues[0].step = 1;
  fine_grid.issues[0].lo = 90000.5;
  fine_grid.issues[0].hi = 150000.5;
  fine_grid.values[1].terms[0].evaluator = PointsValue{{{90000.5, 0}, {150000.5, -60000}}};
  EXPECT_EQ(code(fine_grid), ErrorCode::kUsage);
  Case lonely = MoneyCase();
  lonely.values.pop_back();
  EXPECT_EQ(code(lonely), ErrorCode::kUsage);
  // A box on seats, which acme values by points: GENIUS has no evaluator for it as a number.
  Case boxed = MoneyCase();
  boxed.parties[1].batna = Batna{};
  boxed.parties[1].batna->utility = 0.2;
  boxed.parties[1].deadline.reset();
  boxed.values[0] = Preferences{"cloudco",
                                ValueForm::kRectangles,
                                {},
                                RectangleUtility{1, 1, {UtilityBox{0.5, {{"seats", 1, 100}}, {}}}}};
  try {
    ExportGeniusXml(boxed);
    ADD_FAILURE() << "a box on an issue valued by points was exported";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUsage);
    EXPECT_EQ(std::string(e.what()),
              "issue 'seats' bounds a box of a non-linear utility, so GENIUS needs it as an "
              "integer or a real issue, but Acme values it by points (a piecewise line), which no "
              "GENIUS evaluator computes");
  }
  Case invalid = MoneyCase();
  invalid.parties[0].side = Side::kUs;  // two `us` parties
  EXPECT_EQ(code(invalid), ErrorCode::kInvalidInput);
}

}  // namespace
}  // namespace parley::io
