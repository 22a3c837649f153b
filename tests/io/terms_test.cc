// Tests of the `key=value,...` terms parser: trimming, quoting, several arguments, and every
// problem reported at once with the option named.
#include "parley/io/terms.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace parley::io {
namespace {

using Terms = std::vector<std::pair<std::string, std::string>>;

TEST(TermsTest, ReadsTermsAndTrimsSpaces) {
  const ParsedTerms t =
      ParseTerms({" price = 120000 ,support=premium", "term=2y"}, "--offer", "issue");
  EXPECT_TRUE(t.problems.empty());
  EXPECT_EQ(t.terms, (Terms{{"price", "120000"}, {"support", "premium"}, {"term", "2y"}}));
}

TEST(TermsTest, QuotesHoldCommasEqualsAndSpaces) {
  const ParsedTerms t = ParseTerms({R"(style="Custom, Handmade",note=" a=b ",q="say \"hi\" \\")"},
                                   "--offer", "issue");
  EXPECT_TRUE(t.problems.empty()) << t.problems.front();
  EXPECT_EQ(t.terms,
            (Terms{{"style", "Custom, Handmade"}, {"note", " a=b "}, {"q", R"(say "hi" \)"}}));
}

TEST(TermsTest, AQuotedKeyAndAnEmptyQuotedValue) {
  const ParsedTerms t = ParseTerms({R"("odd, key"="")"}, "--outcome", "issue");
  EXPECT_TRUE(t.problems.empty());
  EXPECT_EQ(t.terms, (Terms{{"odd, key", ""}}));
}

TEST(TermsTest, ReportsEveryProblemAtOnce) {
  const ParsedTerms t = ParseTerms({"price,,=5,term=,support=\"open", "a=1,"}, "--offer", "issue");
  EXPECT_EQ(t.problems, (std::vector<std::string>{
                            "--offer takes issue=value pairs, not 'price'",
                            "--offer has an empty term (two commas in a row, or one at an end)",
                            "--offer takes issue=value pairs, not '=5'",
                            "--offer takes issue=value pairs, not 'term='",
                            "--offer has an unclosed quote in 'support=\"open'",
                            "--offer has an empty term (two commas in a row, or one at an end)"}));
  EXPECT_EQ(t.terms, (Terms{{"a", "1"}}));
}

TEST(TermsTest, AnEmptyArgumentIsAnEmptyTerm) {
  const ParsedTerms t = ParseTerms({""}, "--weights", "party");
  EXPECT_EQ(t.problems,
            (std::vector<std::string>{
                "--weights has an empty term (two commas in a row, or one at an end)"}));
}

TEST(TermsTest, AValueMayHoldAnEqualsSign) {
  const ParsedTerms t = ParseTerms({"a=b=c"}, "--offer", "issue");
  EXPECT_TRUE(t.problems.empty());
  EXPECT_EQ(t.terms, (Terms{{"a", "b=c"}}));
}

}  // namespace
}  // namespace parley::io
