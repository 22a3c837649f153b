#include "parley/report/zopa_svg.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "internal/svg_util.h"
#include "parley/core/text.h"

namespace parley::report {
namespace {

using internal::SvgText;

constexpr double kWidth = 940;
constexpr double kHeight = 250;
constexpr double kLeft = 60;
constexpr double kRight = kWidth - 60;
constexpr double kBarTop = 92;
constexpr double kBarHeight = 34;

}  // namespace

std::string RenderZopaBarSvg(const ZopaBar& bar) {
  std::vector<double> values{bar.walk_away};
  for (const std::optional<double>& v :
       {bar.safe_high, bar.reach_high, bar.predicted, bar.anchor}) {
    if (v) values.push_back(*v);
  }
  if (bar.spread) {
    values.push_back(bar.spread->first);
    values.push_back(bar.spread->second);
  }
  double lo = *std::min_element(values.begin(), values.end());
  double hi = *std::max_element(values.begin(), values.end());
  const double span = hi - lo > 0 ? hi - lo : std::max(1.0, std::fabs(hi));
  lo -= 0.08 * span;
  hi += 0.08 * span;
  auto x = [&](double v) { return kLeft + (v - lo) / (hi - lo) * (kRight - kLeft); };
  auto amount = [&](double v) { return text::Amount(v, bar.money); };

  std::string svg =
      internal::SvgBegin(kWidth, kHeight, "Deal space: " + bar.title,
                         "Our value of a deal on one axis: our walk-away, the zone " + bar.them +
                             " accepts, the predicted deal and the anchor. Made by Parley.");
  svg += SvgText(kLeft, 30, "Deal space on our value: " + internal::Shorten(bar.title, 70),
                 "font-size=\"17\" font-weight=\"bold\"");
  svg += SvgText(kLeft, 50,
                 "Value to " + bar.us + (bar.money ? "" : " (utility)") + "; zones show what " +
                     bar.them + " accepts given its BATNA range",
                 fmt::format("fill=\"{}\"", internal::kSvgMuted));

  auto band = [&](const char* id, double from, double to, const char* fill,
                  const std::string& label) {
    if (to <= from) return;
    svg += fmt::format(
        "<g id=\"{}\"><rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" "
        "fill=\"{}\"/>",
        id, x(from), kBarTop, x(to) - x(from), kBarHeight, fill);
    if (x(to) - x(from) > 70) {
      svg += SvgText((x(from) + x(to)) / 2, kBarTop + kBarHeight / 2 + 4.5,
                     internal::Shorten(label, static_cast<std::size_t>((x(to) - x(from)) / 7)),
                     "text-anchor=\"middle\" font-size=\"12\"");
    }
    svg += "</g>\n";
  };
  band("below-walk-away", lo, bar.walk_away, "#f6d5d5", "worse than walking away");
  const double sure_end = bar.safe_high ? std::max(bar.walk_away, *bar.safe_high) : bar.walk_away;
  band("zopa-sure", bar.walk_away, sure_end, "#bfe5c9", bar.them + " accepts");
  if (bar.reach_high) {
    band("zopa-maybe", sure_end, std::max(sure_end, *bar.reach_high), "#e6f5ea",
         "only if its BATNA is weak");
    band("refused", std::max(sure_end, *bar.reach_high), hi, "#eceff1", bar.them + " refuses");
  }
  svg += fmt::format(
      "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"none\" "
      "stroke=\"{}\"/>\n",
      kLeft, kBarTop, kRight - kLeft, kBarHeight, internal::kSvgInk);

  // Markers: a vertical line through the bar, the label above, the value below.
  svg += "<g id=\"markers\">\n";
  int row = 0;
  auto marker = [&](const std::string& label, double v, const char* color) {
    const double mx = x(v);
    const double label_y = kBarTop - 10 - 14 * (row % 2);
    svg += fmt::format(
        "<g class=\"marker\"><line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" "
        "stroke=\"{3}\" stroke-width=\"2.5\"/>",
        mx, kBarTop - 4, kBarTop + kBarHeight + 4, color);
    svg += SvgText(mx, label_y, label,
                   fmt::format("text-anchor=\"middle\" font-size=\"12\" "
                               "font-weight=\"bold\" fill=\"{}\"",
                               color));
    svg += SvgText(mx, kBarTop + kBarHeight + 18 + 14 * (row % 2), amount(v),
                   "text-anchor=\"middle\" font-size=\"12\"");
    svg += "</g>\n";
    ++row;
  };
  marker("walk-away", bar.walk_away, "#c62828");
  if (bar.predicted) marker("predicted deal", *bar.predicted, "#00838f");
  if (bar.anchor) marker("anchor", *bar.anchor, "#ef6c00");
  svg += "</g>\n";

  if (bar.spread) {
    const double y = kBarTop + kBarHeight + 52;
    svg += fmt::format(
        "<g id=\"spread\"><line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" "
        "stroke=\"#00838f\" stroke-width=\"4\" stroke-linecap=\"round\"/>",
        x(bar.spread->first), y, x(bar.spread->second), y);
    svg += SvgText(x(bar.spread->second) + 8, y + 4,
                   "5th-95th percentile of our value over the sampled BATNAs", "font-size=\"12\"");
    svg += "</g>\n";
  }
  svg += SvgText(kLeft, kHeight - 14,
                 "Zones from " + bar.them +
                     "'s BATNA range: the best deal for us it accepts at the strong end (sure) "
                     "and at the weak end (maybe).",
                 fmt::format("font-size=\"12\" fill=\"{}\"", internal::kSvgMuted));
  svg += "</svg>\n";
  return svg;
}

}  // namespace parley::report
