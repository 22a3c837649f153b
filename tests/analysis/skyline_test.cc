// Tests of the private skyline of three or more coordinates (src/analysis/internal/skyline.h)
// against a pairwise brute force written from its contract, on random points with many equal
// coordinates (small integers) and with rounding noise far below epsilon.
#include "internal/skyline.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cstdint>
#include <vector>

#include "parley/analysis/frontier.h"

namespace parley::analysis::internal {
namespace {

// Groups of equal points (within epsilon on every coordinate) that no point dominates, as sets of
// point indices, each sorted, listed in the order of their smallest member.
std::vector<std::vector<std::uint32_t>> BruteSkyline(const std::vector<double>& u,
                                                     std::size_t dims) {
  const std::size_t count = u.size() / dims;
  auto at = [&](std::size_t i) {
    return std::vector<double>(u.begin() + i * dims, u.begin() + (i + 1) * dims);
  };
  std::vector<std::vector<std::uint32_t>> groups;
  std::vector<char> placed(count, 0);
  for (std::size_t i = 0; i < count; ++i) {
    if (placed[i]) continue;
    bool dominated = false;
    for (std::size_t j = 0; j < count && !dominated; ++j) dominated = Dominates(at(j), at(i));
    std::vector<std::uint32_t> group;
    for (std::size_t j = i; j < count; ++j) {
      bool tie = true;
      for (std::size_t d = 0; d < dims; ++d)
        tie = tie && std::fabs(u[i * dims + d] - u[j * dims + d]) <= kUtilityEpsilon;
      if (tie) {
        placed[j] = 1;
        group.push_back(static_cast<std::uint32_t>(j));
      }
    }
    if (!dominated) groups.push_back(group);
  }
  return groups;
}

std::vector<std::vector<std::uint32_t>> FastSkyline(const std::vector<double>& u,
                                                    std::size_t dims) {
  const Skyline s = ComputeSkyline(u.data(), u.size() / dims, dims);
  std::vector<std::vector<std::uint32_t>> groups;
  for (std::size_t g = 0; g < s.begin.size(); ++g) {
    std::vector<std::uint32_t> group(s.order.begin() + s.begin[g], s.order.begin() + s.end[g]);
    RC_ASSERT(std::is_sorted(group.begin(), group.end()));  // the representative is the lowest
    groups.push_back(group);
  }
  std::sort(groups.begin(), groups.end());
  return groups;
}

RC_GTEST_PROP(SkylineTest, MatchesPairwiseDominance, ()) {
  const auto dims = static_cast<std::size_t>(*rc::gen::inRange(3, 7));
  const int count = *rc::gen::inRange(0, 120);
  const int spread = *rc::gen::inRange(1, 8);  // few distinct values: many ties and equal coords
  std::vector<double> u;
  for (int i = 0; i < count * static_cast<int>(dims); ++i) {
    const double noise = *rc::gen::inRange(-3, 4) * 1e-15;  // rounding noise, far below epsilon
    u.push_back(*rc::gen::inRange(0, spread + 1) / 8.0 + noise);
  }
  RC_ASSERT(FastSkyline(u, dims) == BruteSkyline(u, dims));
}

// Anti-correlated points (every coordinate sums to a constant) are all on the skyline.
TEST(SkylineTest, ASimplexIsWholeAndOrdered) {
  std::vector<double> u;
  for (int a = 0; a <= 30; ++a) {
    for (int b = 0; a + b <= 30; ++b) {
      for (int c = 0; a + b + c <= 30; ++c)
        u.insert(u.end(), {a * 0.1, b * 0.1, c * 0.1, (30 - a - b - c) * 0.1});
    }
  }
  const Skyline s = ComputeSkyline(u.data(), u.size() / 4, 4);
  EXPECT_EQ(s.begin.size(), u.size() / 4);
  EXPECT_EQ(s.order.front(), u.size() / 4 - 1);  // a = 3 first
}

}  // namespace
}  // namespace parley::analysis::internal
