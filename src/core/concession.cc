#include "parley/core/concession.h"

#include <cmath>

namespace parley {

std::pair<double, double> FloorIndexRange(const Issue& issue, const Floor& f) {
  const double first = f.min ? std::ceil((*f.min - issue.lo) / issue.step - 1e-9) : 0.0;
  const double last = f.max ? std::floor((*f.max - issue.lo) / issue.step + 1e-9)
                            : static_cast<double>(issue.ValueCount() - 1);
  return {first, last};
}

}  // namespace parley
