#include "parley/coalition/fraction.h"

namespace parley::coalition {

std::string Fraction::Text() const {
  if (denominator == "1") return numerator;
  return numerator + "/" + denominator;
}

}  // namespace parley::coalition
