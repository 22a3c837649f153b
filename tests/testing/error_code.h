#pragma once

// The ErrorCode of the parley::Error a call throws, for the tests.

#include <gtest/gtest.h>

#include "parley/core/error.h"

namespace parley::testing {

/// The code of the parley::Error that `f()` throws; a test failure and kInternal when it throws
/// none.
template <typename F>
ErrorCode CodeOf(F f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  ADD_FAILURE() << "no parley::Error thrown";
  return ErrorCode::kInternal;
}

}  // namespace parley::testing
