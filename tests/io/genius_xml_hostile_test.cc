// Broken, hostile and edge-case GENIUS XML files, written by the tests.

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <random>

#include "io/genius_test_util.h"
#include "parley/core/outcome_space.h"
#include "parley/core/party_valuation.h"
#include "parley/io/genius.h"

namespace parley::io {
namespace {

namespace fs = std::filesystem;
using genius_test::Describe;
using genius_test::HasPositionedError;

std::string Domain(const std::string& issues) {
  return "<negotiation_template>\n<utility_space>\n<objective index=\"0\" name=\"root\">\n" +
         issues + "</objective>\n</utility_space>\n</negotiation_template>\n";
}

std::string Profile(const std::string& body, const std::string& attributes = "") {
  return "<utility_space" + attributes + ">\n<objective index=\"0\" name=\"root\">\n" + body +
         "</objective>\n</utility_space>\n";
}

const char* kColour =
    "<issue index=\"1\" name=\"Colour\" type=\"discrete\">\n"
    "<item value=\"red\"/><item value=\"blue\"/>\n</issue>\n";

std::string ColourProfile(const std::string& red = "2", const std::string& blue = "4",
                          const std::string& weight = "1") {
  return Profile(
      "<issue index=\"1\" name=\"Colour\" type=\"discrete\">\n<item value=\"red\" evaluation=\"" +
      red + "\"/>\n<item value=\"blue\" evaluation=\"" + blue +
      "\"/>\n</issue>\n<weight index=\"1\" value=\"" + weight + "\"/>\n");
}

// Writes domain.xml, a.xml and b.xml in a fresh folder and imports them.
LoadResult Import(const std::string& test, const std::string& domain, const std::string& a,
                  const std::string& b) {
  const fs::path dir = genius_test::FreshDir(test);
  genius_test::WriteText(dir / "domain.xml", domain);
  genius_test::WriteText(dir / "a.xml", a);
  genius_test::WriteText(dir / "b.xml", b);
  return ImportGeniusXml((dir / "domain.xml").string(),
                         {(dir / "a.xml").string(), (dir / "b.xml").string()});
}

TEST(GeniusXmlHostileTest, ASmallScenarioImports) {
  const LoadResult r =
      Import("small", Domain(kColour), ColourProfile(), ColourProfile("3", "0", "0.5"));
  ASSERT_TRUE(r.Ok()) << Describe(r);
  const PartyValuation a(*r.value, "a"), b(*r.value, "b");
  EXPECT_DOUBLE_EQ(a.Utility({0}), 0.5);
  EXPECT_DOUBLE_EQ(b.Utility({0}), 0.5);  // 0.5 x 3/3
  EXPECT_DOUBLE_EQ(b.Utility({1}), 0.0);
  EXPECT_EQ(r.value->parties[0].name, "a");
}

TEST(GeniusXmlHostileTest, EmptyAndBinaryFiles) {
  LoadResult r = Import("empty", "", ColourProfile(), ColourProfile());
  EXPECT_FALSE(r.Ok());
  EXPECT_TRUE(HasPositionedError(r, "domain.xml")) << Describe(r);
  std::string garbage;
  std::mt19937 rng(7);
  for (int i = 0; i < 4096; ++i) garbage += static_cast<char>(rng() % 256);
  r = Import("binary", garbage, garbage, "\x89PNG\r\n\x1a\n not xml at all");
  EXPECT_FALSE(r.Ok());
  EXPECT_TRUE(HasPositionedError(r, "domain.xml")) << Describe(r);
  EXPECT_TRUE(HasPositionedError(r, "b.xml")) << Describe(r);
  r = ImportGeniusXml("/no/such/domain.xml", {"/no/such/a.xml", "/no/such/b.xml"});
  EXPECT_FALSE(r.Ok());
  EXPECT_EQ(r.diagnostics[0].file, "/no/such/domain.xml");
}

TEST(GeniusXmlHostileTest, OversizedFilesAreALimit) {
  const std::string huge(kMaxFileBytes + 1, ' ');
  LoadResult r = Import("oversized", Domain(kColour), huge, ColourProfile());
  EXPECT_FALSE(r.Ok());
  EXPECT_TRUE(HasLimit(r.diagnostics)) << Describe(r);
  EXPECT_NE(r.diagnostics[0].file.find("a.xml"), std::string::npos);
  // In a folder too: an oversized .xml cannot be skipped silently, it might be a profile.
  // Import() wrote the files in this process's folder for the test name.
  const fs::path folder =
      fs::path(::testing::TempDir()) / ("parley_genius_oversized_" + std::to_string(::getpid()));
  ASSERT_TRUE(fs::exists(folder / "a.xml"));
  r = ImportScenarioFolder(folder.string());
  EXPECT_TRUE(HasLimit(r.diagnostics)) << Describe(r);
}

TEST(GeniusXmlHostileTest, DeepNestingIsALimit) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<objective>";
  for (int i = 0; i < 100000; ++i) deep += "</objective>";
  const LoadResult r = Import("deep", Domain(deep), ColourProfile(), ColourProfile());
  EXPECT_FALSE(r.Ok());
  EXPECT_TRUE(HasLimit(r.diagnostics)) << Describe(r);
  // Moderate nesting of objectives is walked (issues are collected in pre-order).
  std::string nested = kColour;
  for (int i = 0; i < 30; ++i)
    nested = "<objective index=\"" + std::to_string(100 + i) + "\">" + nested + "</objective>";
  const LoadResult ok = Import("nested", Domain(nested), ColourProfile(), ColourProfile());
  EXPECT_TRUE(ok.Ok()) << Describe(ok);
}

// A real issue's <range step=".."> (written by Parley's export, ignored by GENIUS) gives its
// grid; a step that is not a number above 0 is refused at the attribute, and a step too fine for
// a grid at the issue.
TEST(GeniusXmlHostileTest, ARealIssueStepGivesTheGrid) {
  auto domain = [](const std::string& step) {
    return Domain(
        "<issue index=\"1\" name=\"Price\" type=\"real\">\n<range lowerbound=\"10\" "
        "upperbound=\"40\"" +
        step + "/>\n</issue>\n");
  };
  const std::string profile = Profile(
      "<issue index=\"1\" name=\"Price\" type=\"real\"><range lowerbound=\"10\" "
      "upperbound=\"40\"/><evaluator ftype=\"linear\" parameter0=\"0\" "
      "parameter1=\"0.025\"/></issue>\n<weight index=\"1\" value=\"1\"/>\n");
  LoadResult r = Import("real_step", domain(" step=\"7.5\""), profile, profile);
  ASSERT_TRUE(r.Ok()) << Describe(r);
  EXPECT_EQ(r.value->issues[0].step, 7.5);
  EXPECT_EQ(r.value->issues[0].ValueCount(), 5u);
  EXPECT_DOUBLE_EQ(PartyValuation(*r.value, "a").Utility({2}), 0.625);  // 25 x 0.025
  r = Import("real_no_step", domain(""), profile, profile);
  ASSERT_TRUE(r.Ok()) << Describe(r);
  EXPECT_EQ(r.value->issues[0].ValueCount(), 21u);  // GENIUS's own 21 points
  for (const char* bad : {" step=\"0\"", " step=\"-2\"", " step=\"fine\"", " step=\"1e-300\""}) {
    r = Import("real_bad_step", domain(bad), profile, profile);
    EXPECT_FALSE(r.Ok()) << bad;
    EXPECT_TRUE(HasPositionedError(r, "domain.xml")) << bad << "\n" << Describe(r);
  }
}

TEST(GeniusXmlHostileTest, HugeIntegerRangeIsNotMaterialised) {
  const std::string issue =
      "<issue index=\"1\" name=\"Amount\" type=\"integer\" lowerbound=\"0\" "
      "upperbound=\"1000000000000000\"/>\n";
  const std::string profile = Profile(
      "<issue index=\"1\" name=\"Amount\" type=\"integer\" lowerbound=\"0\" "
      "upperbound=\"1000000000000000\">"
      "<evaluator ftype=\"linear\" slope=\"1e-15\" offset=\"0\"/></issue>\n<weight index=\"1\" "
      "value=\"1\"/>\n");
  const auto start = std::chrono::steady_clock::now();
  const LoadResult r = Import("huge", Domain(issue), profile, profile);
  ASSERT_TRUE(r.Ok()) << Describe(r);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  const OutcomeSpace space(r.value->issues);
  EXPECT_EQ(space.Size().ToString(), "1000000000000001");
  const PartyValuation v(*r.value, "a");
  EXPECT_NEAR(v.Utility({500000000000000}), 0.5, 1e-12);
  // Beyond 2^53 grid points the case is refused, at the issue's line in the domain file.
  const std::string huger =
      "<issue index=\"1\" name=\"Amount\" type=\"integer\" lowerbound=\"0\" "
      "upperbound=\"100000000000000000\"/>\n";
  const LoadResult refused = Import("huger", Domain(huger), profile, profile);
  EXPECT_FALSE(refused.Ok());
  EXPECT_TRUE(HasPositionedError(refused, "domain.xml")) << Describe(refused);
}

TEST(GeniusXmlHostileTest, BadNumbersAreErrorsAtTheirAttribute) {
  LoadResult r = Import("nan", Domain(kColour), ColourProfile("2", "4", "NaN"), ColourProfile());
  EXPECT_FALSE(r.Ok());
  ASSERT_TRUE(HasPositionedError(r, "a.xml")) << Describe(r);
  EXPECT_NE(Describe(r).find("a.xml:7:19: error: `value` must be a finite number"),
            std::string::npos)
      << Describe(r);
  r = Import("negative", Domain(kColour), ColourProfile("-2"), ColourProfile());
  EXPECT_FALSE(r.Ok());
  EXPECT_NE(Describe(r).find("cannot be negative"), std::string::npos) << Describe(r);
  r = Import("text", Domain(kColour), ColourProfile("lots"), ColourProfile());
  EXPECT_FALSE(r.Ok());
  EXPECT_TRUE(HasPositionedError(r, "a.xml")) << Describe(r);
  r = Import("inf", Domain(kColour), ColourProfile("1e999"), ColourProfile());
  EXPECT_FALSE(r.Ok());
  // Leading zeros are a plain number (Energy 2012 writes "044").
  r = Import("zeros", Domain(kColour), ColourProfile("044", "088"), ColourProfile());
  ASSERT_TRUE(r.Ok()) << Describe(r);
  EXPECT_DOUBLE_EQ(PartyValuation(*r.value, "a").Utility({0}), 0.5);
}

TEST(GeniusXmlHostileTest, StructuralProblemsAreReported) {
  // Missing weight.
  LoadResult r =
      Import("noweight", Domain(kColour),
             Profile("<issue index=\"1\" name=\"Colour\"><item value=\"red\" evaluation=\"1\"/>"
                     "<item value=\"blue\" evaluation=\"1\"/></issue>\n"),
             ColourProfile());
  EXPECT_NE(Describe(r).find("has no <weight"), std::string::npos) << Describe(r);
  // A domain value without evaluation; an evaluation for a value the domain lacks (warning).
  r = Import(
      "missingvalue", Domain(kColour),
      Profile(
          "<issue index=\"1\" name=\"Colour\"><item value=\"red\" evaluation=\"1\"/>"
          "<item value=\"green\" evaluation=\"1\"/></issue><weight index=\"1\" value=\"1\"/>\n"),
      ColourProfile());
  EXPECT_NE(Describe(r).find("value 'blue' of issue 'Colour' has no <item"), std::string::npos)
      << Describe(r);
  EXPECT_NE(Describe(r).find("warning: 'green' is not a value"), std::string::npos) << Describe(r);
  // Profile issue index unknown; wrong type; unknown evaluator.
  r = Import("badindex", Domain(kColour), ColourProfile(),
             Profile("<issue index=\"7\" name=\"Colour\"/><weight index=\"1\" value=\"1\"/>"));
  EXPECT_NE(Describe(r).find("index 7 is not an issue"), std::string::npos) << Describe(r);
  r = Import("badtype", Domain(kColour), ColourProfile(),
             Profile("<issue index=\"1\" name=\"Colour\" type=\"integer\"/><weight index=\"1\" "
                     "value=\"1\"/>"));
  EXPECT_NE(Describe(r).find("reads issue 'Colour' as integer but the domain declares it discrete"),
            std::string::npos)
      << Describe(r);
  // Duplicate index and duplicate value in the domain; mismatched tags.
  r = Import("dupindex", Domain(std::string(kColour) + kColour), ColourProfile(), ColourProfile());
  EXPECT_NE(Describe(r).find("same index 1"), std::string::npos) << Describe(r);
  r = Import("mismatch",
             "<negotiation_template>\n<utility_space>\n</objective>\n</negotiation_template>",
             ColourProfile(), ColourProfile());
  EXPECT_TRUE(HasPositionedError(r, "domain.xml")) << Describe(r);
  EXPECT_EQ(r.diagnostics[0].line, 3) << Describe(r);
  // Swapped roles: a profile given as the domain.
  r = Import("swapped", ColourProfile(), Domain(kColour), ColourProfile());
  EXPECT_NE(Describe(r).find("this looks like a profile"), std::string::npos) << Describe(r);
  // A legacy integer <range> child and a constraint profile.
  r = Import("legacy",
             Domain("<issue index=\"1\" name=\"n\" type=\"integer\"><range lowerbound=\"0\" "
                    "upperbound=\"3\"/></issue>"),
             ColourProfile(), ColourProfile());
  EXPECT_NE(Describe(r).find("legacy layout"), std::string::npos) << Describe(r);
  r = Import("constraint", Domain(kColour), ColourProfile(), Profile("", " type=\"constraint\""));
  EXPECT_NE(Describe(r).find("not supported"), std::string::npos) << Describe(r);
  // A reservation value outside [0, 1].
  r = Import("rv", Domain(kColour),
             "<utility_space><reservation value=\"1.5\"/>" + ColourProfile().substr(15),
             ColourProfile());
  EXPECT_NE(Describe(r).find("reservation value is a utility"), std::string::npos) << Describe(r);
}

TEST(GeniusXmlHostileTest, UncertainProfilesReadTheAdditivePart) {
  std::string uncertain = ColourProfile();
  uncertain.insert(std::string("<utility_space").size(), " type=\"UNCERTAIN\"");
  uncertain.insert(uncertain.rfind("</utility_space>"), "<comparisons/><errors/>\n");
  const LoadResult r = Import("uncertain", Domain(kColour), uncertain, ColourProfile());
  ASSERT_TRUE(r.Ok()) << Describe(r);
  EXPECT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].severity, Severity::kWarning);
}

TEST(GeniusXmlHostileTest, IdsAreSlugsUniqueAcrossTheCase) {
  const std::string issues =
      "<issue index=\"1\" name=\"Price\"><item value=\"a\"/></issue>\n"
      "<issue index=\"2\" name=\"price!\"><item value=\"a\"/></issue>\n"
      "<issue index=\"3\" name=\"  Total -- Cost (EUR) \"><item value=\"a\"/></issue>\n"
      "<issue index=\"4\" name=\"???\"><item value=\"a\"/></issue>\n";
  auto profile = [](const char* evaluation) {
    std::string body;
    for (int i = 1; i <= 4; ++i) {
      body += "<issue index=\"" + std::to_string(i) + "\"><item value=\"a\" evaluation=\"" +
              evaluation + "\"/></issue><weight index=\"" + std::to_string(i) +
              "\" value=\"0.25\"/>\n";
    }
    return Profile(body);
  };
  const fs::path dir = genius_test::FreshDir("ids");
  genius_test::WriteText(dir / "d.xml", Domain(issues));
  genius_test::WriteText(dir / "Price.xml", profile("1"));
  genius_test::WriteText(dir / "x" / "Price.xml", profile("1"));
  genius_test::WriteText(dir / "third party.xml", profile("0"));
  const LoadResult r = ImportGeniusXml(
      (dir / "d.xml").string(), {(dir / "Price.xml").string(), (dir / "x" / "Price.xml").string(),
                                 (dir / "third party.xml").string()});
  ASSERT_TRUE(r.Ok()) << Describe(r);
  const Case& c = *r.value;
  ASSERT_EQ(c.parties.size(), 3u);
  EXPECT_EQ(c.parties[0].id, "price");
  EXPECT_EQ(c.parties[1].id, "price-2");
  EXPECT_EQ(c.parties[2].id, "third-party");
  EXPECT_EQ(c.parties[2].side, Side::kThem);
  EXPECT_EQ(c.issues[0].id, "price-3");
  EXPECT_EQ(c.issues[1].id, "price-4");
  EXPECT_EQ(c.issues[2].id, "total-cost-eur");
  EXPECT_EQ(c.issues[3].id, "issue");
  EXPECT_EQ(c.issues[2].name, "  Total -- Cost (EUR) ");
}

TEST(GeniusXmlHostileTest, CorruptedCorpusFilesNeverCrash) {
  if (!genius_test::HaveCorpus()) GTEST_SKIP() << "shared corpus not present";
  const auto entry = genius_test::FindEntry("Laptop");
  const std::string domain = genius_test::ReadText(entry.domain);
  const std::string a = genius_test::ReadText(entry.profiles[0]);
  const std::string b = genius_test::ReadText(entry.profiles[1]);
  int failed = 0;
  for (unsigned seed = 0; seed < 300; ++seed) {
    const int which = static_cast<int>(seed % 3);
    const LoadResult r = Import("corrupt", which == 0 ? genius_test::Corrupt(domain, seed) : domain,
                                which == 1 ? genius_test::Corrupt(a, seed) : a,
                                which == 2 ? genius_test::Corrupt(b, seed) : b);
    if (r.Ok()) continue;  // many edits (inside a description, say) leave a valid file
    ++failed;
    ASSERT_TRUE(HasErrors(r.diagnostics)) << seed;
    for (const Diagnostic& d : r.diagnostics) {
      EXPECT_FALSE(d.file.empty()) << seed;
      EXPECT_EQ(d.message.find("internal error"), std::string::npos) << seed << ": " << d.message;
    }
  }
  EXPECT_GT(failed, 100);
}

// The one diagnostic of `r`, as "LINE:COLUMN: message".
std::string OnlyDiagnostic(const LoadResult& r) {
  if (r.diagnostics.size() != 1) return "not one diagnostic:\n" + Describe(r);
  const Diagnostic& d = r.diagnostics[0];
  return std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message;
}

TEST(GeniusXmlHostileTest, InvalidUtf8IsRefusedWithItsPosition) {
  const std::string latin1 =
      "<issue index=\"1\" name=\"Colour\" type=\"discrete\">\n"
      "<item value=\"r\xe9"
      "d\"/><item value=\"blue\"/>\n</issue>\n";
  const LoadResult r = Import("utf8", Domain(latin1), ColourProfile(), ColourProfile());
  EXPECT_FALSE(r.Ok());
  EXPECT_EQ(OnlyDiagnostic(r), "5:15: the file is not valid UTF-8 here; save it as UTF-8 text");
  EXPECT_NE(r.diagnostics[0].file.find("domain.xml"), std::string::npos);
}

TEST(GeniusXmlHostileTest, ADoctypeIsRefusedAsSuch) {
  const std::string domain =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">]>\n" + Domain(kColour);
  const LoadResult r = Import("doctype", domain, ColourProfile(), ColourProfile());
  EXPECT_FALSE(r.Ok());
  EXPECT_EQ(OnlyDiagnostic(r),
            "2:1: a DOCTYPE is not allowed in a GENIUS file (it can declare entities); remove it");
}

TEST(GeniusXmlHostileTest, ManyValuesInOneIssueImport) {
  // 20,000 values in one issue: matched through a hash set, not value by value.
  std::string items, evaluations;
  for (int k = 0; k < 20'000; ++k) {
    items += "<item value=\"v" + std::to_string(k) + "\"/>";
    evaluations += "<item value=\"v" + std::to_string(k) + "\" evaluation=\"" +
                   std::to_string(k % 7 + 1) + "\"/>";
  }
  const std::string issue =
      "<issue index=\"1\" name=\"Big\" type=\"discrete\">" + items + "</issue>\n";
  const std::string profile =
      Profile("<issue index=\"1\" name=\"Big\" type=\"discrete\">" + evaluations +
              "</issue>\n<weight index=\"1\" value=\"1\"/>\n");
  const LoadResult r = Import("many", Domain(issue), profile, profile);
  EXPECT_FALSE(r.Ok());  // 20,000 options: beyond the limit of options in one issue
  ASSERT_TRUE(HasLimit(r.diagnostics)) << Describe(r);
}

}  // namespace
}  // namespace parley::io
