#pragma once

// The power analysis writes figures with the core text helpers (parley/core/text.h).

#include "parley/core/text.h"

namespace parley::power::internal {

using text::Amount;
using text::Fixed;
using text::Percent;

}  // namespace parley::power::internal
