#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <pugixml.hpp>
#include <variant>

#include "io/genius_test_util.h"
#include "parley/core/outcome_space.h"
#include "parley/core/party_valuation.h"
#include "parley/io/genius.h"

namespace parley::io {
namespace {

namespace fs = std::filesystem;
using genius_test::Describe;
using genius_test::HasPositionedError;

// ---------------------------------------------------------------------------------------------
// A second, deliberately naive GENIUS evaluator written from GENIUS_FORMATS.md, working on the
// XML directly and on bid *values* (strings and numbers), to check the importer independently.

using BidValue = std::variant<std::string, double>;

struct RefIssue {
  long index = 0;
  std::string type;
};

void RefCollect(pugi::xml_node objective, std::vector<pugi::xml_node>& out) {
  for (pugi::xml_node child : objective.children()) {
    if (std::string(child.name()) == "issue") out.push_back(child);
    if (std::string(child.name()) == "objective") RefCollect(child, out);
  }
}

std::string RefType(pugi::xml_node issue) {
  std::string type = issue.attribute("type").as_string("discrete");
  std::transform(type.begin(), type.end(), type.begin(), ::tolower);
  return type == "integer" || type == "real" ? type : "discrete";
}

double RefUtility(const fs::path& domain_path, const fs::path& profile_path,
                  const std::vector<BidValue>& bid) {
  pugi::xml_document domain, profile;
  EXPECT_TRUE(domain.load_file(domain_path.c_str()));
  EXPECT_TRUE(profile.load_file(profile_path.c_str()));
  std::vector<pugi::xml_node> domain_issues;
  RefCollect(domain.child("negotiation_template").child("utility_space").child("objective"),
             domain_issues);
  std::map<long, BidValue> value_of;  // issue index -> bid value
  for (std::size_t i = 0; i < domain_issues.size(); ++i) {
    value_of[domain_issues[i].attribute("index").as_llong()] = bid.at(i);
  }
  auto number = [&](long index) { return std::get<double>(value_of.at(index)); };
  const pugi::xml_node space = profile.child("utility_space");
  const pugi::xml_node objective = space.child("objective");
  if (std::string(space.attribute("type").as_string()) == "nonlinear") {
    const pugi::xml_node utility = objective.child("utility");
    const pugi::xml_node ufun = utility.child("ufun");
    double sum = 0;
    for (pugi::xml_node box : ufun.children("hyperRectangle")) {
      bool holds = true;
      for (pugi::xml_node b : box.children()) {
        const double x = number(b.attribute("index").as_llong());
        const bool in = x >= b.attribute("min").as_double() && x <= b.attribute("max").as_double();
        if (std::string(b.name()) == "INCLUDES" ? !in : in) holds = false;
      }
      if (holds) {
        sum += box.attribute("utility").as_double() * ufun.attribute("weight").as_double(1);
      }
    }
    return sum / utility.attribute("maxutility").as_double();
  }
  std::map<long, double> weights;
  std::vector<pugi::xml_node> objectives = {objective};
  for (std::size_t k = 0; k < objectives.size(); ++k) {
    for (pugi::xml_node o : objectives[k].children("objective")) objectives.push_back(o);
    for (pugi::xml_node w : objectives[k].children("weight")) {
      weights[w.attribute("index").as_llong()] = w.attribute("value").as_double();
    }
  }
  std::vector<pugi::xml_node> issues;
  RefCollect(objective, issues);
  double u = 0;
  for (pugi::xml_node issue : issues) {
    const long index = issue.attribute("index").as_llong();
    const std::string type = RefType(issue);
    double eval = 0;
    if (type == "discrete") {
      std::map<std::string, double> evals;
      for (pugi::xml_node item : issue.children("item")) {
        evals[item.attribute("value").as_string()] = item.attribute("evaluation").as_double();
      }
      double max = 0;
      for (const auto& [v, e] : evals) max = std::max(max, e);
      eval = max < 1e-5 ? 0 : evals.at(std::get<std::string>(value_of.at(index))) / max;
    } else {
      const pugi::xml_node ev = issue.child("evaluator");
      const std::string ftype = ev.attribute("ftype").as_string();
      const double x = number(index);
      if (type == "integer") {
        eval = ev.attribute("slope").as_double() * (x - issue.attribute("lowerbound").as_double()) +
               ev.attribute("offset").as_double();
        eval = std::clamp(eval, 0.0, 1.0);
      } else if (ftype == "linear") {
        eval = std::clamp(
            ev.attribute("parameter1").as_double() * x + ev.attribute("parameter0").as_double(),
            0.0, 1.0);
      } else if (ftype == "constant") {
        eval = ev.attribute("parameter0").as_double();
      } else {
        const double lo = ev.attribute("parameter0").as_double(),
                     hi = ev.attribute("parameter1").as_double(),
                     top = ev.attribute("parameter2").as_double();
        eval = x < lo    ? 0
               : x < top ? (x - lo) / (top - lo)
               : x < hi  ? 1 - (x - top) / (hi - top)
                         : 0;
      }
    }
    u += weights.at(index) * eval;
  }
  return std::min(1.0, u);
}

std::vector<BidValue> BidOf(const Case& c, const Outcome& o) {
  std::vector<BidValue> bid;
  for (std::size_t i = 0; i < c.issues.size(); ++i) {
    if (c.issues[i].kind == IssueKind::kOptions) {
      bid.emplace_back(c.issues[i].options[o[i]]);
    } else {
      bid.emplace_back(c.issues[i].NumberAt(o[i]));
    }
  }
  return bid;
}

// ---------------------------------------------------------------------------------------------

TEST(GeniusXmlImportTest, EveryCorpusDomainImportsWithTheIndexedOutcomeCount) {
  if (!genius_test::HaveCorpus()) GTEST_SKIP() << "shared corpus not present";
  int count = 0;
  for (const auto& entry : genius_test::CorpusEntries()) {
    if (!entry.IsXml()) continue;
    const LoadResult result = genius_test::ImportEntry(entry);
    ASSERT_TRUE(result.Ok()) << entry.name << "\n" << Describe(result);
    const Case& c = *result.value;
    std::uint64_t expected = 1;
    if (entry.json["n_outcomes"].is_number_integer()) {
      expected = entry.json["n_outcomes"].get<std::uint64_t>();
    } else {
      for (const auto& issue : entry.json["issues"]) {
        expected *= issue["type"] == "real" ? 21 : issue["n_values"].get<std::uint64_t>();
      }
    }
    EXPECT_EQ(OutcomeSpace(c.issues).Size(), BigUint(expected)) << entry.name;
    EXPECT_EQ(c.issues.size(), entry.json["n_issues"].get<std::size_t>()) << entry.name;
    ASSERT_EQ(c.parties.size(), 2u);
    EXPECT_EQ(c.parties[0].side, Side::kUs);
    EXPECT_EQ(c.parties[1].side, Side::kThem);
    EXPECT_EQ(c.parties[0].name, entry.profiles[0].stem().string());
    EXPECT_EQ(c.values.size(), 2u);
    // Reservation values and discount factors as the index records them.
    for (std::size_t p = 0; p < 2; ++p) {
      const auto& profile = entry.json["profiles"][p];
      const Party& party = c.parties[p];
      if (profile["reservation_value"].is_null()) {
        EXPECT_FALSE(party.batna) << entry.name;
      } else {
        ASSERT_TRUE(party.batna && party.batna->utility) << entry.name;
        EXPECT_DOUBLE_EQ(*party.batna->utility, profile["reservation_value"].get<double>())
            << entry.name;
      }
      const double d =
          profile["discount_factor"].is_null() ? 1 : profile["discount_factor"].get<double>();
      if (d > 0 && d < 1) {
        ASSERT_TRUE(party.deadline && party.deadline->discount) << entry.name;
        EXPECT_DOUBLE_EQ(*party.deadline->discount, d) << entry.name;
      } else {
        // No discount: no time pressure at all (GENIUS states no dates).
        ASSERT_TRUE(party.deadline) << entry.name;
        EXPECT_TRUE(party.deadline->none) << entry.name;
        EXPECT_FALSE(party.deadline->discount) << entry.name;
      }
    }
    ++count;
  }
  EXPECT_EQ(count, 42);
}

TEST(GeniusXmlImportTest, LaptopWorkedExample) {
  if (!genius_test::HaveCorpus()) GTEST_SKIP() << "shared corpus not present";
  const LoadResult result = ImportScenarioFolder((genius_test::GeniusDir() / "Laptop").string());
  ASSERT_TRUE(result.Ok()) << Describe(result);
  const Case& c = *result.value;
  EXPECT_EQ(c.title, "laptop_domain");
  ASSERT_EQ(c.parties.size(), 2u);
  // The domain lists the seller's <agent> first, so the seller is `us` (not file-name order).
  EXPECT_EQ(c.parties[0].id, "laptop_seller_utility");
  EXPECT_EQ(c.parties[0].side, Side::kUs);
  EXPECT_EQ(c.parties[1].id, "laptop_buyer_utility");
  EXPECT_EQ(c.parties[1].side, Side::kThem);
  ASSERT_EQ(c.issues.size(), 3u);
  EXPECT_EQ(c.issues[0].id, "laptop");
  EXPECT_EQ(c.issues[2].id, "external-monitor");
  EXPECT_EQ(c.issues[2].name, "External Monitor");
  EXPECT_EQ(c.issues[2].options[0], "19'' LCD");
  const PartyValuation buyer(c, "laptop_buyer_utility");
  const Outcome o = {0, 0, 0};  // Dell, 60 Gb, 19'' LCD
  EXPECT_NEAR(buyer.Utility(o), 0.7329242578724162, 1e-12);
  const Preferences* buyer_values = c.FindValues("laptop_buyer_utility");
  ASSERT_NE(buyer_values, nullptr);
  EXPECT_EQ(buyer_values->terms[0].weight, 0.4452125771655631);  // as written, not re-normalised
  const Party& buyer_party = c.parties[1];
  ASSERT_TRUE(buyer_party.deadline);
  EXPECT_EQ(*buyer_party.deadline->discount, 0.42441038);
  ASSERT_TRUE(buyer_party.batna);
  EXPECT_EQ(*buyer_party.batna->utility, 0.0);
}

// Copies the Laptop scenario into a fresh folder, the domain with `agents` (the text between
// <negotiation_template ...> and <utility_space) in place of its own <agent> elements.
fs::path LaptopWithAgents(const std::string& test, const std::string& agents) {
  const fs::path dir = genius_test::FreshDir(test);
  const fs::path laptop = genius_test::GeniusDir() / "Laptop";
  for (const char* name : {"laptop_buyer_utility.xml", "laptop_seller_utility.xml"}) {
    genius_test::WriteText(dir / name, genius_test::ReadText(laptop / name));
  }
  std::string domain = genius_test::ReadText(laptop / "laptop_domain.xml");
  const std::size_t from = domain.find('>', domain.find("<negotiation_template")) + 1;
  const std::size_t to = domain.find("<utility_space");
  EXPECT_NE(domain.find("<agent", from), std::string::npos);
  EXPECT_LT(domain.find("<agent", from), to);
  domain.replace(from, to - from, "\n" + agents);
  genius_test::WriteText(dir / "laptop_domain.xml", domain);
  return dir;
}

std::vector<std::string> PartyIds(const LoadResult& result) {
  std::vector<std::string> ids;
  if (result.value) {
    for (const Party& p : result.value->parties) ids.push_back(p.id);
  }
  return ids;
}

TEST(GeniusXmlImportTest, ScenarioFolderOrdersProfilesByTheDomainsAgents) {
  if (!genius_test::HaveCorpus()) GTEST_SKIP() << "shared corpus not present";
  using Ids = std::vector<std::string>;
  const Ids buyer_first = {"laptop_buyer_utility", "laptop_seller_utility"};
  const Ids seller_first = {"laptop_seller_utility", "laptop_buyer_utility"};
  // No agents, or agents naming no file of the folder: file-name order.
  LoadResult r = ImportScenarioFolder(LaptopWithAgents("agents_none", "").string());
  ASSERT_TRUE(r.Ok()) << Describe(r);
  EXPECT_EQ(PartyIds(r), buyer_first);
  r = ImportScenarioFolder(
      LaptopWithAgents("agents_empty",
                       "<agent class=\"\" name=\"\" utility_space=\"\"/>"
                       "<agent name=\"x\" utility_space=\"other.xml\"/>"
                       "<agent name=\"d\" utility_space=\"laptop_domain.xml\"/>")
          .string());
  ASSERT_TRUE(r.Ok()) << Describe(r);
  EXPECT_EQ(PartyIds(r), buyer_first);
  // The agents' order, whatever the file names; a path is compared by its last component.
  r = ImportScenarioFolder(
      LaptopWithAgents(
          "agents_path",
          "<agent name=\"s\" utility_space=\"templates/laptop/laptop_seller_utility.xml\"/>"
          "<agent name=\"b\" utility_space=\"laptop_buyer_utility.xml\"/>")
          .string());
  ASSERT_TRUE(r.Ok()) << Describe(r);
  EXPECT_EQ(PartyIds(r), seller_first);
  EXPECT_EQ(r.value->parties[0].side, Side::kUs);
  // Named profiles first (a profile named twice counts once), then the rest in file-name order.
  const fs::path three = LaptopWithAgents(
      "agents_partial",
      "<agent utility_space=\"laptop_seller_utility.xml\"/><agent utility_space=\"nothing.xml\"/>"
      "<agent utility_space=\"laptop_seller_utility.xml\"/>");
  genius_test::WriteText(three / "a_copy.xml",
                         genius_test::ReadText(three / "laptop_buyer_utility.xml"));
  r = ImportScenarioFolder(three.string());
  ASSERT_TRUE(r.Ok()) << Describe(r);
  EXPECT_EQ(PartyIds(r), (Ids{"laptop_seller_utility", "a_copy", "laptop_buyer_utility"}));
  EXPECT_EQ(r.value->parties[0].side, Side::kUs);
  EXPECT_EQ(r.value->parties[1].side, Side::kThem);
  EXPECT_EQ(r.value->parties[2].side, Side::kThem);
}

TEST(GeniusXmlImportTest, ScenarioFolderSkipsBackupsAndHiddenFiles) {
  if (!genius_test::HaveCorpus()) GTEST_SKIP() << "shared corpus not present";
  const fs::path dir = genius_test::FreshDir("backups");
  for (const auto& file : fs::directory_iterator(genius_test::GeniusDir() / "Laptop")) {
    const std::string text = genius_test::ReadText(file.path());
    genius_test::WriteText(dir / file.path().filename(), text);
    genius_test::WriteText(dir / (file.path().filename().string() + "~"), text);
    genius_test::WriteText(dir / std::string(".").append(file.path().filename().string()), text);
  }
  genius_test::WriteText(dir / "notes.xml", "<notes>not a scenario file</notes>");
  const LoadResult result = ImportScenarioFolder(dir.string());
  ASSERT_TRUE(result.Ok()) << Describe(result);
  ASSERT_EQ(result.value->parties.size(), 2u);
  EXPECT_EQ(result.value->parties[0].id, "laptop_seller_utility");  // the domain's first agent
}

TEST(GeniusXmlImportTest, UtilitiesMatchAnIndependentEvaluator) {
  if (!genius_test::HaveCorpus()) GTEST_SKIP() << "shared corpus not present";
  for (const char* name : {"Laptop", "IntegerDomain", "FuzzySingleIssue", "SON", "AMPOvsCity",
                           "Fitness", "7issues", "ANAC2014-10issues", "Party", "Energy"}) {
    const auto entry = genius_test::FindEntry(name);
    const LoadResult result = genius_test::ImportEntry(entry);
    ASSERT_TRUE(result.Ok()) << name << "\n" << Describe(result);
    const Case& c = *result.value;
    const OutcomeSpace space(c.issues);
    for (std::size_t p = 0; p < 2; ++p) {
      const PartyValuation v(c, c.parties[p].id);
      for (const Outcome& o : genius_test::SampleOutcomes(space, 300)) {
        const double expected = RefUtility(entry.domain, entry.profiles[p], BidOf(c, o));
        ASSERT_NEAR(v.Utility(o), expected, 1e-12) << name << " party " << p;
      }
    }
  }
}

TEST(GeniusXmlImportTest, DuplicateProfileValueKeepsTheLaterEvaluation) {
  if (!genius_test::HaveCorpus()) GTEST_SKIP() << "shared corpus not present";
  const LoadResult result = genius_test::ImportEntry(genius_test::FindEntry("AMPOvsCity"));
  ASSERT_TRUE(result.Ok()) << Describe(result);
  const Case& c = *result.value;
  const int issue = c.IssueIndex("increase-in-starting-salaries");
  ASSERT_GE(issue, 0);
  for (const IssueTerm& term : c.values[0].terms) {
    if (term.issue != "increase-in-starting-salaries") continue;
    const auto& entries = std::get<TableValue>(term.evaluator).entries;
    ASSERT_EQ(entries[0].first, "0");
    EXPECT_GT(entries[0].second, 0.0);  // evaluation 8 (the later one), not 0
  }
}

TEST(GeniusXmlImportTest, QuirkFilesGiveDiagnosticsWithFileAndLine) {
  if (!genius_test::HaveCorpus()) GTEST_SKIP() << "shared corpus not present";
  const fs::path quirks = genius_test::GeniusDir() / "_quirks";
  struct Expect {
    const char* folder;
    std::vector<const char*> broken_files;
  };
  for (const Expect& e : std::vector<Expect>{
           {"SmartPhone", {"SmartPhone.xml", "SmartPhone_util1.xml", "SmartPhone_util2.xml"}},
           {"Car", {"adg_deal.xml"}},
           {"FlightBooking", {"FlightBooking-A-domain.xml"}},
           {"SecondHandCar", {"car_dealer.xml"}}}) {
    const LoadResult result = ImportScenarioFolder((quirks / e.folder).string());
    EXPECT_FALSE(result.Ok()) << e.folder;
    for (const char* file : e.broken_files) {
      EXPECT_TRUE(HasPositionedError(result, file)) << e.folder << "/" << file << "\n"
                                                    << Describe(result);
    }
  }
  // The FlightBooking quirk domain with the cleaned profiles: the duplicate item, line 20.
  const fs::path clean = genius_test::GeniusDir() / "FlightBooking";
  const LoadResult flight =
      ImportGeniusXml((quirks / "FlightBooking/FlightBooking-A-domain.xml").string(),
                      {(clean / "FlightBooking-A-prof1.xml").string(),
                       (clean / "FlightBooking-A-prof2.xml").string()});
  ASSERT_FALSE(flight.Ok());
  ASSERT_FALSE(flight.diagnostics.empty());
  EXPECT_EQ(flight.diagnostics[0].line, 20) << Describe(flight);
  EXPECT_NE(flight.diagnostics[0].message.find("Sep4_2011"), std::string::npos);
  // Car: no blank between attributes, line 46 column 58 (the 'v' of vtype).
  const LoadResult car = ImportScenarioFolder((quirks / "Car").string());
  ASSERT_EQ(car.diagnostics.size(), 1u) << Describe(car);
  EXPECT_EQ(car.diagnostics[0].line, 46);
  EXPECT_EQ(car.diagnostics[0].column, 58);
  // SecondHandCar: the legacy price type is named.
  const LoadResult second = ImportScenarioFolder((quirks / "SecondHandCar").string());
  EXPECT_NE(Describe(second).find("\"price\""), std::string::npos) << Describe(second);
}

}  // namespace
}  // namespace parley::io
