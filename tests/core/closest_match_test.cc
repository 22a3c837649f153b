// Tests of EditDistance (optimal string alignment) and the "did you mean" hints built on it.
#include "parley/core/closest_match.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

namespace parley {
namespace {

// Optimal string alignment distance from its recursive definition, memoised on a full table
// (independent of the library's rolling-row implementation).
std::size_t BruteOsa(const std::string& a, const std::string& b) {
  constexpr std::size_t kUnknown = static_cast<std::size_t>(-1);
  std::vector<std::vector<std::size_t>> memo(a.size() + 1,
                                             std::vector<std::size_t>(b.size() + 1, kUnknown));
  std::function<std::size_t(std::size_t, std::size_t)> d = [&](std::size_t i,
                                                               std::size_t j) -> std::size_t {
    if (i == 0) return j;
    if (j == 0) return i;
    if (memo[i][j] != kUnknown) return memo[i][j];
    std::size_t best = std::min(
        {d(i - 1, j) + 1, d(i, j - 1) + 1, d(i - 1, j - 1) + (a[i - 1] == b[j - 1] ? 0 : 1)});
    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
      best = std::min(best, d(i - 2, j - 2) + 1);
    }
    return memo[i][j] = best;
  };
  return d(a.size(), b.size());
}

const std::vector<std::string> kCaseKeys = {
    "format",     "title",       "context",  "relationship", "culture",
    "currency",   "description", "parties",  "issues",       "values",
    "rectangles", "floors",      "evidence", "stakeholders", "concessions"};
const std::vector<std::string> kPartyKeys = {"id",    "name",     "side",  "description",
                                             "batna", "deadline", "power", "perceived_power"};

TEST(ClosestMatchTest, EditDistanceKnownValues) {
  EXPECT_EQ(EditDistance("", ""), 0u);
  EXPECT_EQ(EditDistance("abc", ""), 3u);
  EXPECT_EQ(EditDistance("", "abc"), 3u);
  EXPECT_EQ(EditDistance("abc", "abc"), 0u);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(EditDistance("trem", "term"), 1u);  // adjacent swap costs 1
  EXPECT_EQ(EditDistance("deadlin", "deadline"), 1u);
  EXPECT_EQ(EditDistance("situationnal", "situational"), 1u);
  EXPECT_EQ(EditDistance("abcd", "badc"), 2u);  // two swaps
  // Optimal string alignment does not edit a substring twice: "ca" -> "abc" costs 3, not 2.
  EXPECT_EQ(EditDistance("ca", "abc"), 3u);
  EXPECT_EQ(EditDistance("Price", "price"), 1u);  // byte-wise: case counts
}

RC_GTEST_PROP(ClosestMatchTest, EditDistanceMatchesBruteForce, ()) {
  const auto small = rc::gen::container<std::string>(rc::gen::element('a', 'b', 'c'));
  const std::string a = *rc::gen::resize(9, small);
  const std::string b = *rc::gen::resize(9, small);
  const std::size_t d = EditDistance(a, b);
  RC_ASSERT(d == BruteOsa(a, b));
  RC_ASSERT(d == EditDistance(b, a));
  RC_ASSERT((d == 0) == (a == b));
  RC_ASSERT(d >= std::max(a.size(), b.size()) - std::min(a.size(), b.size()));
  RC_ASSERT(d <= std::max(a.size(), b.size()));
}

TEST(ClosestMatchTest, FindsLikelyTypos) {
  EXPECT_EQ(ClosestMatch("deadlin", kPartyKeys), "deadline");
  EXPECT_EQ(ClosestMatch("batan", kPartyKeys), "batna");
  EXPECT_EQ(ClosestMatch("isues", kCaseKeys), "issues");
  EXPECT_EQ(ClosestMatch("stakeholder", kCaseKeys), "stakeholders");
  EXPECT_EQ(ClosestMatch("situationnal", {"situational", "knowledge", "information"}),
            "situational");
  EXPECT_EQ(ClosestMatch("prise", {"price", "term"}), "price");
}

TEST(ClosestMatchTest, CaseInsensitiveMatchRanksFirst) {
  EXPECT_EQ(ClosestMatch("Title", kCaseKeys), "title");
  EXPECT_EQ(ClosestMatch("PARTIES", kCaseKeys), "parties");
  // A case-only difference beats a one-letter typo that comes earlier in the list.
  EXPECT_EQ(ClosestMatch("Net30", {"net60", "net30"}), "net30");
  // A two-letter word with a case slip still counts although its typo limit is 1.
  EXPECT_EQ(ClosestMatch("ID", kPartyKeys), "id");
}

TEST(ClosestMatchTest, NothingCloseGivesEmpty) {
  EXPECT_EQ(ClosestMatch("xyz", kCaseKeys), "");
  EXPECT_EQ(ClosestMatch("budget", kPartyKeys), "");
  EXPECT_EQ(ClosestMatch("", kCaseKeys), "");
  EXPECT_EQ(ClosestMatch("title", {}), "");
  // The word itself is not a suggestion.
  EXPECT_EQ(ClosestMatch("title", {"title"}), "");
}

TEST(ClosestMatchTest, TypoLimitGrowsWithTheWord) {
  // |word| / 3, at least 1.
  EXPECT_EQ(ClosestMatch("ab", {"xy"}), "");                         // distance 2 > 1
  EXPECT_EQ(ClosestMatch("ab", {"ax"}), "ax");                       // distance 1
  EXPECT_EQ(ClosestMatch("abcdef", {"abcdxy"}), "abcdxy");           // 2 <= 6 / 3
  EXPECT_EQ(ClosestMatch("abcdef", {"abcxyz"}), "");                 // 3 > 2
  EXPECT_EQ(ClosestMatch("abcdefghi", {"abcdefxyz"}), "abcdefxyz");  // 3 <= 3
}

TEST(ClosestMatchTest, TiesGoToTheEarliestCandidate) {
  EXPECT_EQ(ClosestMatch("3y", {"1y", "2y", "4y"}), "1y");
  EXPECT_EQ(ClosestMatch("ab", {"ac", "ad"}), "ac");
  EXPECT_EQ(ClosestMatch("ab", {"ad", "ac"}), "ad");
  // A closer later candidate still wins.
  EXPECT_EQ(ClosestMatch("abcdef", {"abcdxy", "abcdex"}), "abcdex");
}

TEST(ClosestMatchTest, VeryLongWordsGetNoHint) {
  const std::string long_word(201, 'a');
  EXPECT_EQ(ClosestMatch(long_word, {std::string(200, 'a')}), "");
  EXPECT_EQ(ClosestMatch(std::string(199, 'a') + "b", {std::string(200, 'a')}),
            std::string(200, 'a'));
}

TEST(ClosestMatchTest, DidYouMean) {
  EXPECT_EQ(DidYouMean("deadlin", kPartyKeys), "did you mean 'deadline'?");
  EXPECT_EQ(DidYouMean("xyz", kPartyKeys), "");
}

}  // namespace
}  // namespace parley
