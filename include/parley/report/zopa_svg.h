#pragma once

/// The BATNA/ZOPA bar as a self-contained, deterministic SVG: our value of a deal on one axis,
/// with our walk-away, the zone the other side accepts whatever its BATNA, the zone it accepts
/// only when its BATNA is weak, the predicted deal, the anchor and the spread over the sampled
/// BATNAs. The HTML brief draws it from the plan's figures; it takes plain numbers only.
///
///   parley::report::ZopaBar bar;
///   bar.us = "CloudCo";
///   bar.walk_away = 98000;
///   bar.safe_high = 112000;
///   const std::string svg = parley::report::RenderZopaBarSvg(bar);

#include <optional>
#include <string>
#include <utility>

namespace parley::report {

/// What the BATNA/ZOPA bar shows: the deal space seen on one axis, our value of a deal.
struct ZopaBar {
  std::string title;     ///< the chart's title, e.g. the case title
  std::string us, them;  ///< display names
  bool money = true;     ///< values are money (else utilities)
  double walk_away = 0;  ///< our reservation value
  /// The best value for us that the other side accepts whatever its BATNA in its range (the
  /// safe end), and the best it accepts when its BATNA is at the weak end (the reach end).
  std::optional<double> safe_high, reach_high;
  std::optional<double> predicted;  ///< our value in the predicted deal
  std::optional<double> anchor;     ///< our value of the opening
  /// The 5th and 95th percentiles of our value over the sampled BATNAs.
  std::optional<std::pair<double, double>> spread;
};

/// The BATNA/ZOPA bar as a self-contained SVG 1.1 document (the text starts with "<svg"): a
/// horizontal axis of our value with the zone worse than our walk-away (group id
/// "below-walk-away"), the zone the other side accepts whatever its BATNA ("zopa-sure"), the
/// zone it accepts only when its BATNA is weak ("zopa-maybe"), the walk-away line, the predicted
/// deal and the anchor as labelled markers ("markers", one <g class="marker"> each, walk-away
/// first), the 5th-95th percentile spread ("spread"), ticks and a caption. The axis spans every
/// value given plus 8% on each side. Deterministic; text is XML-escaped. O(1).
std::string RenderZopaBarSvg(const ZopaBar& bar);

}  // namespace parley::report
