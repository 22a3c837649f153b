#pragma once

#include <string>

namespace parley::text {

/// `x` with `decimals` digits after the point ("3.50"), "-0" printed as "0".
std::string Fixed(double x, int decimals);
/// Money with thousands separators and no cents ("-117,500"), or a utility with 4 decimals.
/// The analyses write figures into their messages this way.
std::string Amount(double x, bool money);
/// A share as a whole percentage ("62%").
std::string Percent(double share);

}  // namespace parley::text
