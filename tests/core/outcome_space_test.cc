// Tests of OutcomeSpace: exact sizes beyond 64 bits, index <-> outcome, iteration order.
#include "parley/core/outcome_space.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <string>
#include <vector>

#include "parley/core/error.h"
#include "testing/big_numbers.h"
#include "testing/error_code.h"

namespace parley {
namespace {

using testing::DigitsThenZeros;

Issue Number(const std::string& id, double lo, double hi, double step) {
  Issue issue;
  issue.id = id;
  issue.kind = IssueKind::kNumber;
  issue.lo = lo;
  issue.hi = hi;
  issue.step = step;
  return issue;
}

Issue Options(const std::string& id, std::size_t count) {
  Issue issue;
  issue.id = id;
  issue.kind = IssueKind::kOptions;
  for (std::size_t i = 0; i < count; ++i) issue.options.push_back("o" + std::to_string(i));
  return issue;
}

// Issues with these value counts (options issues and number issues alternately; number issues
// for the large counts).
std::vector<Issue> IssuesWithCounts(const std::vector<std::uint64_t>& counts) {
  std::vector<Issue> issues;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    const std::string id = "i" + std::to_string(i);
    if (i % 2 == 0 && counts[i] <= 50) {
      issues.push_back(Options(id, counts[i]));
    } else {
      issues.push_back(Number(id, 100, 100 + 5.0 * static_cast<double>(counts[i] - 1), 5));
    }
  }
  return issues;
}

using testing::CodeOf;

TEST(OutcomeSpaceTest, SizeIsExactBeyond64Bits) {
  std::vector<Issue> issues;
  for (int i = 0; i < 30; ++i) issues.push_back(Options("i" + std::to_string(i), 10));
  const OutcomeSpace space(issues);
  EXPECT_EQ(space.IssueCount(), 30u);
  EXPECT_EQ(space.Size().ToString(), DigitsThenZeros('1', 30));
  EXPECT_EQ(space.Size64(), std::nullopt);
  // The last outcome is all nines; its index is 10^30 - 1.
  const Outcome last(30, 9);
  EXPECT_EQ(space.IndexOf(last).ToString(), std::string(30, '9'));
  EXPECT_EQ(space.At(*BigUint::FromString(std::string(30, '9'))), last);
  // Index 10^29 * 3 + 7 is 3 followed by zeros then 7.
  Outcome o(30, 0);
  o[0] = 3;
  o[29] = 7;
  EXPECT_EQ(space.IndexOf(o).ToString(), DigitsThenZeros('3', 28, "7"));
}

TEST(OutcomeSpaceTest, SizeWithHugeNumberGrid) {
  const OutcomeSpace space({Number("price", 0, 1e12, 1), Options("term", 3)});
  EXPECT_EQ(space.ValueCount(0), 1000000000001u);
  EXPECT_EQ(space.ValueCount(1), 3u);
  EXPECT_EQ(space.Size64(), std::uint64_t{3000000000003u});
  EXPECT_EQ(space.At(std::uint64_t{3000000000002u}), (Outcome{1000000000000u, 2}));
}

TEST(OutcomeSpaceTest, EmptySpaceHasOneOutcome) {
  const OutcomeSpace space({});
  EXPECT_EQ(space.IssueCount(), 0u);
  EXPECT_EQ(space.Size64(), std::uint64_t{1});
  Outcome o = space.First();
  EXPECT_TRUE(o.empty());
  EXPECT_EQ(space.At(std::uint64_t{0}), Outcome{});
  EXPECT_EQ(space.IndexOf(o), BigUint(0));
  EXPECT_FALSE(space.Next(o));
}

TEST(OutcomeSpaceTest, MixedRadixOrderFirstIssueMostSignificant) {
  // Radices 4 (number 0, 3, 6, 9) and 3 (options).
  const OutcomeSpace space({Number("n", 0, 10, 3), Options("o", 3)});
  EXPECT_EQ(space.Size64(), std::uint64_t{12});
  EXPECT_EQ(space.At(std::uint64_t{7}), (Outcome{2, 1}));
  EXPECT_EQ(space.IndexOf({2, 1}), BigUint(7));
  EXPECT_EQ(space.At(std::uint64_t{0}), (Outcome{0, 0}));
  EXPECT_EQ(space.At(std::uint64_t{11}), (Outcome{3, 2}));
  EXPECT_EQ(space.First(), (Outcome{0, 0}));
}

TEST(OutcomeSpaceTest, InvalidIssueThrowsInvalidInput) {
  EXPECT_EQ(CodeOf([] {
              OutcomeSpace({Options("a", 2), Number("bad", 0, 10, 0)});
            }),
            ErrorCode::kInvalidInput);
  EXPECT_EQ(CodeOf([] { OutcomeSpace({Options("empty", 0)}); }), ErrorCode::kInvalidInput);
  EXPECT_EQ(CodeOf([] { OutcomeSpace({Number("fine", 0, 1, 1e-300)}); }), ErrorCode::kInvalidInput);
}

TEST(OutcomeSpaceTest, OutOfRangeThrowsUsage) {
  const OutcomeSpace space({Number("n", 0, 10, 3), Options("o", 3)});
  EXPECT_EQ(CodeOf([&] { space.At(std::uint64_t{12}); }), ErrorCode::kUsage);
  EXPECT_EQ(CodeOf([&] { space.At(std::uint64_t{1000}); }), ErrorCode::kUsage);
  BigUint huge(1);
  for (int i = 0; i < 40; ++i) huge *= 10;
  EXPECT_EQ(CodeOf([&] { space.At(huge); }), ErrorCode::kUsage);
  EXPECT_EQ(CodeOf([&] { space.IndexOf({4, 0}); }), ErrorCode::kUsage);  // value out of range
  EXPECT_EQ(CodeOf([&] { space.IndexOf({0, 3}); }), ErrorCode::kUsage);
  EXPECT_EQ(CodeOf([&] { space.IndexOf({0}); }), ErrorCode::kUsage);  // wrong length
  EXPECT_EQ(CodeOf([&] { space.IndexOf({0, 0, 0}); }), ErrorCode::kUsage);
  // The message names the index and the size.
  try {
    space.At(std::uint64_t{12});
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("12"), std::string::npos) << e.what();
  }
  // 30 x 10: index 10^30 is just out of range.
  std::vector<Issue> issues;
  for (int i = 0; i < 30; ++i) issues.push_back(Options("i" + std::to_string(i), 10));
  const OutcomeSpace big(issues);
  const BigUint size = big.Size();
  EXPECT_EQ(CodeOf([&] { big.At(size); }), ErrorCode::kUsage);
}

RC_GTEST_PROP(OutcomeSpaceTest, NextVisitsEveryOutcomeInIndexOrder, ()) {
  const auto counts = *rc::gen::container<std::vector<std::uint64_t>>(
      *rc::gen::inRange<std::size_t>(0, 5), rc::gen::inRange<std::uint64_t>(1, 6));
  const OutcomeSpace space(IssuesWithCounts(counts));
  std::uint64_t expected_size = 1;
  for (std::uint64_t c : counts) expected_size *= c;
  RC_ASSERT(space.Size64() == std::optional<std::uint64_t>(expected_size));
  Outcome o = space.First();
  std::uint64_t visited = 0;
  do {
    RC_ASSERT(space.At(visited) == o);
    RC_ASSERT(space.IndexOf(o) == BigUint(visited));
    for (std::size_t i = 0; i < o.size(); ++i) RC_ASSERT(o[i] < counts[i]);
    ++visited;
    RC_ASSERT(visited <= expected_size);
  } while (space.Next(o));
  RC_ASSERT(visited == expected_size);
  RC_ASSERT(o == space.First());
}

RC_GTEST_PROP(OutcomeSpaceTest, IndexOfAndAtRoundTripOnHugeSpaces, ()) {
  // Up to 20 issues of up to 10^6 values each: sizes up to 10^120.
  const auto counts = *rc::gen::container<std::vector<std::uint64_t>>(
      *rc::gen::inRange<std::size_t>(1, 20),
      rc::gen::oneOf(rc::gen::inRange<std::uint64_t>(1, 5),
                     rc::gen::inRange<std::uint64_t>(1, 1000000)));
  const OutcomeSpace space(IssuesWithCounts(counts));
  BigUint expected_size(1);
  for (std::uint64_t c : counts) expected_size *= c;
  RC_ASSERT(space.Size() == expected_size);
  // Outcome -> index -> outcome.
  Outcome o;
  for (std::uint64_t c : counts) o.push_back(*rc::gen::inRange<std::uint64_t>(0, c));
  const BigUint index = space.IndexOf(o);
  RC_ASSERT(index < space.Size());
  RC_ASSERT(space.At(index) == o);
  // Index -> outcome -> index, for a random index below the size (fewer decimal digits).
  const std::string size_text = space.Size().ToString();
  if (size_text.size() > 1) {
    const std::string digits = *rc::gen::container<std::string>(
        size_text.size() - 1, rc::gen::inRange('0', static_cast<char>('9' + 1)));
    const BigUint random_index = *BigUint::FromString(digits);
    RC_ASSERT(space.IndexOf(space.At(random_index)) == random_index);
  }
  // The last index and the first.
  BigUint last = space.Size();
  RC_ASSERT(!last.IsZero());
  // last - 1: the outcome with every value at its maximum.
  Outcome top;
  for (std::uint64_t c : counts) top.push_back(c - 1);
  BigUint top_index = space.IndexOf(top);
  top_index += 1;
  RC_ASSERT(top_index == space.Size());
  RC_ASSERT(space.IndexOf(space.First()).IsZero());
}

}  // namespace
}  // namespace parley
