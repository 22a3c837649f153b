#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "io/genius_test_util.h"
#include "parley/core/outcome_space.h"
#include "parley/core/package.h"
#include "parley/core/party_valuation.h"
#include "parley/io/genius.h"

namespace parley::io {
namespace {

namespace fs = std::filesystem;
using genius_test::Describe;
using genius_test::HasPositionedError;

// The package of a GeniusWeb bid ({"issue name": value}) in the imported case.
Package PackageOf(const Case& c, const nlohmann::json& bid) {
  Package package;
  for (const auto& [name, value] : bid.items()) {
    for (const Issue& issue : c.issues) {
      if (issue.name != name) continue;
      if (value.is_string()) {
        package.emplace_back(issue.id, value.get<std::string>());
      } else {
        package.emplace_back(issue.id, value.get<double>());
      }
    }
  }
  return package;
}

TEST(GeniusWebImportTest, EveryCorpusDomainImports) {
  if (!genius_test::HaveCorpus()) GTEST_SKIP() << "shared corpus not present";
  int count = 0;
  for (const auto& entry : genius_test::CorpusEntries()) {
    if (entry.IsXml()) continue;
    const LoadResult result = genius_test::ImportEntry(entry);
    ASSERT_TRUE(result.Ok()) << entry.name << "\n" << Describe(result);
    EXPECT_TRUE(result.diagnostics.empty()) << entry.name << "\n" << Describe(result);
    const Case& c = *result.value;
    EXPECT_EQ(OutcomeSpace(c.issues).Size(), BigUint(entry.json["n_outcomes"].get<std::uint64_t>()))
        << entry.name;
    ASSERT_EQ(c.parties.size(), 2u);
    EXPECT_EQ(c.parties[0].side, Side::kUs);
    EXPECT_EQ(c.parties[0].name, entry.profiles[0].stem().string());
    if (entry.section == "geniusweb_json") {
      // The index gives u(reservationBid) rounded to 5 decimals.
      for (std::size_t p = 0; p < 2; ++p) {
        const auto& profile = entry.json["profiles"][p];
        ASSERT_TRUE(c.parties[p].batna && c.parties[p].batna->outcome) << entry.name;
        EXPECT_NEAR(PartyValuation(c, c.parties[p].id).ReservationValue(),
                    profile["reservation_value_from_bid"].get<double>(), 5e-6)
            << entry.name;
      }
    } else {
      EXPECT_FALSE(c.parties[0].batna) << entry.name;
    }
    ++count;
  }
  EXPECT_EQ(count, 54);
}

TEST(GeniusWebImportTest, Anl2023ReferencePointsHaveThePublishedUtilities) {
  if (!genius_test::HaveCorpus()) GTEST_SKIP() << "shared corpus not present";
  int checked = 0;
  for (const auto& entry : genius_test::CorpusEntries()) {
    if (entry.section != "anl2023") continue;
    const LoadResult result = genius_test::ImportEntry(entry);
    ASSERT_TRUE(result.Ok()) << entry.name << "\n" << Describe(result);
    const Case& c = *result.value;
    const PartyValuation a(c, c.parties[0].id), b(c, c.parties[1].id);
    const auto specials =
        nlohmann::json::parse(genius_test::ReadText(entry.folder / "specials.json"));
    EXPECT_EQ(specials["size"].get<std::uint64_t>(), *OutcomeSpace(c.issues).Size64());
    std::vector<nlohmann::json> points = {specials["nash"], specials["kalai"],
                                          specials["social_welfare"]};
    for (const auto& point : specials["pareto_front"]) points.push_back(point);
    for (const auto& point : points) {
      const ResolvedPackage resolved = ResolvePackage(c, PackageOf(c, point["bid"]));
      ASSERT_TRUE(resolved.IsComplete()) << entry.name << " " << point["bid"].dump();
      const Outcome o = *resolved.ToOutcome();
      EXPECT_NEAR(a.Utility(o), point["utility"][0].get<double>(), 1e-9) << entry.name;
      EXPECT_NEAR(b.Utility(o), point["utility"][1].get<double>(), 1e-9) << entry.name;
      ++checked;
    }
  }
  EXPECT_GT(checked, 50 * 4);
}

TEST(GeniusWebImportTest, UtilitiesMatchAnIndependentEvaluator) {
  if (!genius_test::HaveCorpus()) GTEST_SKIP() << "shared corpus not present";
  for (const char* name : {"geniusweb/party", "geniusweb/fitness", "geniusweb/japantrip",
                           "anl2023/domain00", "anl2023/domain37"}) {
    const auto entry = genius_test::FindEntry(name);
    const LoadResult result = genius_test::ImportEntry(entry);
    ASSERT_TRUE(result.Ok()) << name << "\n" << Describe(result);
    const Case& c = *result.value;
    const OutcomeSpace space(c.issues);
    for (std::size_t p = 0; p < 2; ++p) {
      // u(bid) = sum_i w_i * valueUtilities_i(bid_i), straight from the JSON.
      const auto json = nlohmann::json::parse(
          genius_test::ReadText(entry.profiles[p]))["LinearAdditiveUtilitySpace"];
      const PartyValuation v(c, c.parties[p].id);
      for (const Outcome& o : genius_test::SampleOutcomes(space, 5000)) {
        double expected = 0;
        for (std::size_t i = 0; i < c.issues.size(); ++i) {
          const auto& utilities = json["issueUtilities"][c.issues[i].name];
          const auto& table = utilities.begin().value()["valueUtilities"];
          expected += json["issueWeights"][c.issues[i].name].get<double>() *
                      table[c.issues[i].options[o[i]]].get<double>();
        }
        ASSERT_NEAR(v.Utility(o), std::min(1.0, expected), 1e-12) << name;
      }
    }
  }
}

const char* kDomain = R"({
  "name": "deal",
  "issuesValues": {
    "colour": {"values": ["red", "blue"]},
    "amount": {"range": {"low": 0, "high": 100, "step": 10}}
  }
})";

std::string Profile(const std::string& discrete_key, const std::string& number_key,
                    const std::string& weights = R"({"colour": 0.25, "amount": 0.75})",
                    const std::string& extra = "") {
  return R"({"LinearAdditiveUtilitySpace": {
  "name": "p",
  "issueUtilities": {
    "colour": {")" +
         discrete_key + R"(": {"valueUtilities": {"red": 1.0, "blue": 0.5}}},
    "amount": {")" +
         number_key +
         R"(": {"lowValue": 0, "lowUtility": 0.2, "highValue": 100, "highUtility": 1.0}}
  },
  "issueWeights": )" +
         weights + extra + R"(
}})";
}

LoadResult Import(const std::string& test, const std::string& domain, const std::string& a,
                  const std::string& b) {
  const fs::path dir = genius_test::FreshDir(test);
  genius_test::WriteText(dir / "deal.json", domain);
  genius_test::WriteText(dir / "a.json", a);
  genius_test::WriteText(dir / "b.json", b);
  return ImportGeniusWeb((dir / "deal.json").string(),
                         {(dir / "a.json").string(), (dir / "b.json").string()});
}

TEST(GeniusWebImportTest, NumericRangesAndBothSpellings) {
  const std::string bid = R"(, "reservationBid": {"issuevalues": {"amount": 30}})";
  const LoadResult r = Import("numeric", kDomain, Profile("discreteutils", "numberutils"),
                              Profile("DiscreteValueSetUtilities", "NumberValueSetUtilities",
                                      R"({"colour": 0.25, "amount": 0.75})", bid));
  ASSERT_TRUE(r.Ok()) << Describe(r);
  const Case& c = *r.value;
  EXPECT_EQ(c.title, "deal");
  ASSERT_EQ(c.issues.size(), 2u);
  EXPECT_EQ(c.issues[1].kind, IssueKind::kNumber);
  EXPECT_EQ(c.issues[1].ValueCount(), 11u);
  const PartyValuation a(c, "a"), b(c, "b");
  // blue, 30: 0.25 x 0.5 + 0.75 x (0.2 + 0.8 x 0.3).
  EXPECT_NEAR(a.Utility({1, 3}), 0.25 * 0.5 + 0.75 * (0.2 + 0.8 * 0.3), 1e-12);
  EXPECT_NEAR(b.Utility({1, 3}), a.Utility({1, 3}), 1e-15);
  // The reservation bid leaves colour out: it counts 0.
  EXPECT_NEAR(b.ReservationValue(), 0.75 * (0.2 + 0.8 * 0.3), 1e-12);
}

TEST(GeniusWebImportTest, ProblemsAreReportedWithPositions) {
  const std::string good = Profile("discreteutils", "numberutils");
  auto expect = [&](const char* test, const LoadResult& r, const char* file, const char* text) {
    EXPECT_FALSE(r.Ok()) << test;
    EXPECT_TRUE(HasPositionedError(r, file)) << test << "\n" << Describe(r);
    EXPECT_NE(Describe(r).find(text), std::string::npos) << test << "\n" << Describe(r);
  };
  expect(
      "sum",
      Import("sum", kDomain,
             Profile("discreteutils", "numberutils", R"({"colour": 0.3, "amount": 0.75})"), good),
      "a.json",
      "a.json:7:19: error: LinearAdditiveUtilitySpace.issueWeights: the issue weights sum to 1.05");
  std::string out_of_range = good;
  out_of_range.replace(out_of_range.find("1.0,"), 3, "1.5");
  expect("range", Import("range", kDomain, out_of_range, good), "a.json",
         "must be a number in [0, 1]");
  std::string unknown = good;
  unknown.replace(unknown.find("\"blue\""), 6, "\"green\"");
  expect("unknown", Import("unknown", kDomain, good, unknown), "b.json",
         "'green' is not a value of issue 'colour'");
  expect(
      "missing",
      Import("missing", kDomain, good, Profile("discreteutils", "numberutils", R"({"colour": 1})")),
      "b.json", "issue 'amount' has no entry in issueWeights");
  expect("syntax",
         Import("syntax", kDomain, good,
                "{\n  \"LinearAdditiveUtilitySpace\": {\n    \"name\" \"p\"\n}}"),
         "b.json", "b.json:3:");
  expect(
      "duplicate",
      Import("duplicate",
             R"({"name": "d", "issuesValues": {"x": {"values": ["a"]}, "x": {"values": ["b"]}}})",
             good, good),
      "deal.json", "duplicate key 'x'");
  expect("ordering", Import("ordering", kDomain, good, R"({"DefaultPartialOrdering": {}})"),
         "b.json", "other profile types are not supported");
  expect("deep", Import("deep", std::string(100000, '['), good, good), "deal.json",
         "nesting deeper than");
  expect("empty", Import("empty", "", good, good), "deal.json", "the file is empty");
  expect("bid",
         Import("bid", kDomain,
                Profile("discreteutils", "numberutils", R"({"colour": 0.25, "amount": 0.75})",
                        R"(, "reservationBid": {"issuevalues": {"colour": "green"}})"),
                good),
         "a.json", "is not one of its values");
  expect(
      "embedded",
      Import(
          "embedded", kDomain,
          Profile(
              "discreteutils", "numberutils", R"({"colour": 0.25, "amount": 0.75})",
              R"(, "domain": {"name": "deal", "issuesValues": {"colour": {"values": ["red"]}}})"),
          good),
      "a.json", "embedded domain differs");
  expect("kind", Import("kind", kDomain, Profile("numberutils", "numberutils"), good), "a.json",
         "is discrete in the domain");
  EXPECT_TRUE(HasLimit(Import("deep2", std::string(100000, '['), good, good).diagnostics));
}

TEST(GeniusWebImportTest, CorruptedCorpusFilesNeverCrash) {
  if (!genius_test::HaveCorpus()) GTEST_SKIP() << "shared corpus not present";
  const auto entry = genius_test::FindEntry("geniusweb/japantrip");
  const std::string domain = genius_test::ReadText(entry.domain);
  const std::string a = genius_test::ReadText(entry.profiles[0]);
  const std::string b = genius_test::ReadText(entry.profiles[1]);
  int failed = 0;
  for (unsigned seed = 0; seed < 300; ++seed) {
    const int which = static_cast<int>(seed % 3);
    const LoadResult r = Import("corrupt", which == 0 ? genius_test::Corrupt(domain, seed) : domain,
                                which == 1 ? genius_test::Corrupt(a, seed) : a,
                                which == 2 ? genius_test::Corrupt(b, seed) : b);
    if (r.Ok()) continue;
    ++failed;
    ASSERT_TRUE(HasErrors(r.diagnostics)) << seed;
    for (const Diagnostic& d : r.diagnostics) {
      EXPECT_FALSE(d.file.empty()) << seed;
      EXPECT_EQ(d.message.find("internal error"), std::string::npos) << seed << ": " << d.message;
    }
  }
  EXPECT_GT(failed, 100);
}

TEST(GeniusWebImportTest, ScenarioFolderFindsDomainAndProfiles) {
  if (!genius_test::HaveCorpus()) GTEST_SKIP() << "shared corpus not present";
  LoadResult r = ImportScenarioFolder((genius_test::GeniusDir() / "geniusweb/party").string());
  ASSERT_TRUE(r.Ok()) << Describe(r);
  EXPECT_EQ(r.value->parties[0].id, "party1");
  EXPECT_EQ(r.value->parties[0].side, Side::kUs);
  EXPECT_EQ(r.value->parties[1].id, "party2");
  EXPECT_EQ(r.value->title, "party");
  // specials.json sits beside the ANL files and is ignored.
  r = ImportScenarioFolder((genius_test::GeniusDir() / "anl2023/domain00").string());
  ASSERT_TRUE(r.Ok()) << Describe(r);
  EXPECT_EQ(r.value->parties[0].id, "profilea");
  EXPECT_EQ(r.value->parties[0].name, "profileA");
  EXPECT_EQ(r.value->parties[1].id, "profileb");
  // A folder without a scenario, and one with two domains.
  const fs::path dir = genius_test::FreshDir("nodomain");
  genius_test::WriteText(dir / "notes.txt", "nothing here");
  r = ImportScenarioFolder(dir.string());
  EXPECT_FALSE(r.Ok());
  EXPECT_NE(Describe(r).find("no scenario found"), std::string::npos);
  genius_test::WriteText(dir / "a.json", kDomain);
  genius_test::WriteText(dir / "b.json", kDomain);
  r = ImportScenarioFolder(dir.string());
  EXPECT_NE(Describe(r).find("2 domain files"), std::string::npos) << Describe(r);
  r = ImportScenarioFolder((dir / "missing").string());
  EXPECT_FALSE(r.Ok());
}

}  // namespace
}  // namespace parley::io
