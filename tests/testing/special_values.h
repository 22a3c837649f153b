#pragma once

// The doubles that are not finite numbers, for the tests of what a case may not hold.

#include <limits>

namespace parley::testing {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
inline constexpr double kInf = std::numeric_limits<double>::infinity();

}  // namespace parley::testing
