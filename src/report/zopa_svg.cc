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
constexpr double kZopaLeft = 60;
constexpr double kZopaRight = kWidth - 60;
constexpr double kBarTop = 92;
constexpr double kBarHeight = 34;

}  // namespace

namespace {

// The bar's value axis: the span of every figure drawn, with 8% of margin on each side.
struct BarScale {
  double lo = 0, hi = 1;
  double X(double v) const { return kZopaLeft + (v - lo) / (hi - lo) * (kZopaRight - kZopaLeft); }
};

BarScale ScaleFor(const ZopaBar& bar) {
  std::vector<double> values{bar.walk_away};
  for (const std::optional<double>& v :
       {bar.safe_high, bar.reach_high, bar.predicted, bar.anchor}) {
    if (v) values.push_back(*v);
  }
  if (bar.spread) {
    values.push_back(bar.spread->first);
    values.push_back(bar.spread->second);
  }
  BarScale scale;
  scale.lo = *std::min_element(values.begin(), values.end());
  scale.hi = *std::max_element(values.begin(), values.end());
  const double span =
      scale.hi - scale.lo > 0 ? scale.hi - scale.lo : std::max(1.0, std::fabs(scale.hi));
  scale.lo -= 0.08 * span;
  scale.hi += 0.08 * span;
  return scale;
}

// One zone of the bar from `from` to `to`, labelled when it is wide enough.
std::string Band(const BarScale& scale, const char* id, double from, double to, const char* fill,
                 const std::string& label) {
  if (to <= from) return "";
  const double x0 = scale.X(from), x1 = scale.X(to);
  std::string svg = fmt::format(
      "<g id=\"{}\"><rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" "
      "fill=\"{}\"/>",
      id, x0, kBarTop, x1 - x0, kBarHeight, fill);
  if (x1 - x0 > 70) {
    svg += SvgText((x0 + x1) / 2, kBarTop + kBarHeight / 2 + 4.5,
                   internal::Shorten(label, static_cast<std::size_t>((x1 - x0) / 7)),
                   "text-anchor=\"middle\" font-size=\"12\"");
  }
  return svg + "</g>\n";
}

// The zones: worse than walking away, what they accept surely, only if their BATNA is weak, and
// what they refuse; then the bar's outline.
std::string DrawZones(const ZopaBar& bar, const BarScale& scale) {
  std::string svg =
      Band(scale, "below-walk-away", scale.lo, bar.walk_away, "#f6d5d5", "worse than walking away");
  const double sure_end = bar.safe_high ? std::max(bar.walk_away, *bar.safe_high) : bar.walk_away;
  svg += Band(scale, "zopa-sure", bar.walk_away, sure_end, "#bfe5c9", bar.them + " accepts");
  if (bar.reach_high) {
    svg += Band(scale, "zopa-maybe", sure_end, std::max(sure_end, *bar.reach_high), "#e6f5ea",
                "only if its BATNA is weak");
    svg += Band(scale, "refused", std::max(sure_end, *bar.reach_high), scale.hi, "#eceff1",
                bar.them + " refuses");
  }
  svg += fmt::format(
      "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"none\" "
      "stroke=\"{}\"/>\n",
      kZopaLeft, kBarTop, kZopaRight - kZopaLeft, kBarHeight, internal::kSvgInk);
  return svg;
}

// The markers (walk-away, predicted deal, anchor): a vertical line through the bar, the label
// above and the value below, alternating rows so neighbours stay readable.
std::string DrawMarkers(const ZopaBar& bar, const BarScale& scale) {
  std::string svg = "<g id=\"markers\">\n";
  int row = 0;
  auto marker = [&](const std::string& label, double v, const char* color) {
    const double mx = scale.X(v);
    const double label_y = kBarTop - 10 - 14 * (row % 2);
    svg += fmt::format(
        "<g class=\"marker\"><line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" "
        "stroke=\"{3}\" stroke-width=\"2.5\"/>",
        mx, kBarTop - 4, kBarTop + kBarHeight + 4, color);
    svg += SvgText(mx, label_y, label,
                   fmt::format("text-anchor=\"middle\" font-size=\"12\" "
                               "font-weight=\"bold\" fill=\"{}\"",
                               color));
    svg += SvgText(mx, kBarTop + kBarHeight + 18 + 14 * (row % 2), text::Amount(v, bar.money),
                   "text-anchor=\"middle\" font-size=\"12\"");
    svg += "</g>\n";
    ++row;
  };
  marker("walk-away", bar.walk_away, "#c62828");
  if (bar.predicted) marker("predicted deal", *bar.predicted, "#00838f");
  if (bar.anchor) marker("anchor", *bar.anchor, "#ef6c00");
  return svg + "</g>\n";
}

// The spread of our value over the sampled BATNAs, under the bar.
std::string DrawSpread(const ZopaBar& bar, const BarScale& scale) {
  if (!bar.spread) return "";
  const double y = kBarTop + kBarHeight + 52;
  std::string svg = fmt::format(
      "<g id=\"spread\"><line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" "
      "stroke=\"#00838f\" stroke-width=\"4\" stroke-linecap=\"round\"/>",
      scale.X(bar.spread->first), y, scale.X(bar.spread->second), y);
  svg += SvgText(scale.X(bar.spread->second) + 8, y + 4,
                 "5th-95th percentile of our value over the sampled BATNAs", "font-size=\"12\"");
  return svg + "</g>\n";
}

}  // namespace

std::string RenderZopaBarSvg(const ZopaBar& bar) {
  const BarScale scale = ScaleFor(bar);
  std::string svg =
      internal::SvgBegin(kWidth, kHeight, "Deal space: " + bar.title,
                         "Our value of a deal on one axis: our walk-away, the zone " + bar.them +
                             " accepts, the predicted deal and the anchor. Made by Parley.");
  svg += SvgText(kZopaLeft, 30, "Deal space on our value: " + internal::Shorten(bar.title, 70),
                 "font-size=\"17\" font-weight=\"bold\"");
  svg += SvgText(kZopaLeft, 50,
                 "Value to " + bar.us + (bar.money ? "" : " (utility)") + "; zones show what " +
                     bar.them + " accepts given its BATNA range",
                 fmt::format("fill=\"{}\"", internal::kSvgMuted));
  svg += DrawZones(bar, scale);
  svg += DrawMarkers(bar, scale);
  svg += DrawSpread(bar, scale);
  svg += SvgText(kZopaLeft, kHeight - 14,
                 "Zones from " + text::Possessive(bar.them) +
                     " BATNA range: the best deal for us it accepts at the strong end (sure) "
                     "and at the weak end (maybe).",
                 fmt::format("font-size=\"12\" fill=\"{}\"", internal::kSvgMuted));
  return svg + "</svg>\n";
}

}  // namespace parley::report
