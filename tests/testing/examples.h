#pragma once

// Loads a case of examples/ for the tests (PARLEY_SOURCE_DIR is defined by parley_test).

#include <stdexcept>
#include <string>

#include "parley/core/case.h"
#include "parley/io/case_reader.h"

namespace parley::testing {

/// The example examples/NAME.yaml, read and validated. Throws std::runtime_error when it is not
/// valid.
inline Case LoadExample(const std::string& name) {
  const io::LoadResult loaded =
      io::LoadCase(std::string(PARLEY_SOURCE_DIR) + "/examples/" + name + ".yaml");
  if (!loaded.Ok()) throw std::runtime_error("cannot load example " + name);
  return *loaded.value;
}

}  // namespace parley::testing
