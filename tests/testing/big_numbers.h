#pragma once

// Decimal texts of big numbers, for the tests of counts beyond 64 bits.

#include <cstddef>
#include <string>

namespace parley::testing {

/// `first`, then `zeros` zeros, then `tail`: DigitsThenZeros('1', 3) is "1000" (appended: GCC 12
/// warns falsely on "1" + std::string).
inline std::string DigitsThenZeros(char first, std::size_t zeros, const std::string& tail = "") {
  std::string s(1, first);
  s.append(zeros, '0');
  s += tail;
  return s;
}

}  // namespace parley::testing
