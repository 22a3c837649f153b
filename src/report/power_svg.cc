#include "parley/report/power_svg.h"

#include <fmt/format.h>

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "internal/svg_util.h"
#include "parley/core/error.h"

namespace parley::report {

namespace {

// Canvas and plot geometry, in SVG user units (px).
constexpr double kWidth = 940;
constexpr double kHeight = 720;
constexpr double kLeft = 60;  // title, subtitle and caption
constexpr double kCx = 320;   // centre of the radar
constexpr double kCy = 370;
constexpr double kRadius = 215;  // of the outer ring, score 5
constexpr double kMaxScore = 5;
constexpr int kRings = 5;  // at scores 1..5
constexpr double kLegendLeft = 630;
constexpr std::size_t kMaxParties = 4;

using internal::Shorten;
using internal::SvgText;
using internal::XmlEscape;
constexpr const char* kInk = internal::kSvgInk;
constexpr const char* kMuted = internal::kSvgMuted;
constexpr const char* kRing = "#e4e7eb";
constexpr const char* kAxis = "#cbd2d9";
constexpr const char* kUnscored = "#616e7c";
// The perspective party's colour first, then the other drawn parties' in order.
constexpr std::array<const char*, kMaxParties> kColors = {"#1d4e89", "#ef6c00", "#2e7d32",
                                                          "#6a1b9a"};

static_assert(kPowerSourceCount == 6, "the radar has one axis per source");

// Unit vector of each axis, clockwise from the top (SVG y grows downwards): the cosine and sine
// of -90 + 60k degrees, written out so that every platform gives the same bytes.
constexpr double kHalfRoot3 = 0.86602540378443864676;
constexpr std::array<std::array<double, 2>, kPowerSourceCount> kAxes = {{
    {0, -1},
    {kHalfRoot3, -0.5},
    {kHalfRoot3, 0.5},
    {0, 1},
    {-kHalfRoot3, 0.5},
    {-kHalfRoot3, -0.5},
}};
constexpr std::array<const char*, kPowerSourceCount> kSourceLabels = {
    "Situational", "Knowledge", "Information", "Organizational", "Personal", "Planning"};

// The score as drawn: clamped to 0..5, a non-number as 0.
double Drawn(double score) {
  if (!(score > 0)) return 0;
  return score < kMaxScore ? score : kMaxScore;
}

struct Point {
  double x;
  double y;
};

// Where `score` lies on axis `k`.
Point At(int k, double score) {
  const double r = Drawn(score) / kMaxScore * kRadius;
  return {kCx + kAxes[k][0] * r, kCy + kAxes[k][1] * r};
}

// The "points" attribute of a polygon through the given scores, one per axis.
std::string PolygonPoints(const std::array<double, kPowerSourceCount>& scores) {
  std::string points;
  for (int k = 0; k < kPowerSourceCount; ++k) {
    const Point p = At(k, scores[k]);
    if (k > 0) points += ' ';
    points += fmt::format("{:.2f},{:.2f}", p.x, p.y);
  }
  return points;
}

// The class word of a confidence (also its legend and tooltip wording).
const char* ConfidenceClass(power::Confidence c) {
  switch (c) {
    case power::Confidence::kEvidenced:
      return "evidenced";
    case power::Confidence::kAsserted:
      return "asserted";
    case power::Confidence::kUnscored:
      return "unscored";
  }
  return "unscored";
}

// The attributes after cx and cy of a vertex marker: size and style by confidence.
std::string MarkerStyle(power::Confidence c, const char* color) {
  switch (c) {
    case power::Confidence::kEvidenced:
      return fmt::format("r=\"5\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"1.2\"", color);
    case power::Confidence::kAsserted:
      return fmt::format("r=\"4.5\" fill=\"#ffffff\" stroke=\"{}\" stroke-width=\"2\"", color);
    case power::Confidence::kUnscored:
      break;
  }
  return fmt::format(
      "r=\"3.5\" fill=\"#ffffff\" stroke=\"{}\" stroke-width=\"1.6\" stroke-dasharray=\"2.2 1.4\"",
      kUnscored);
}

// A marker's tooltip: "Buyer Co: situational 4.0 of 5, evidenced (2 pieces of evidence)".
std::string MarkerTitle(const std::string& name, int k, const power::SourceScore& s) {
  std::string detail;
  switch (s.confidence) {
    case power::Confidence::kEvidenced:
      detail = fmt::format("evidenced ({} piece{} of evidence)", s.evidence.size(),
                           s.evidence.size() == 1 ? "" : "s");
      break;
    case power::Confidence::kAsserted:
      detail = "asserted, no evidence";
      break;
    case power::Confidence::kUnscored:
      detail = "not scored, assumed";
      break;
  }
  return fmt::format("{}: {} {:.1f} of 5, {}", name, PowerSourceName(static_cast<PowerSource>(k)),
                     s.score, detail);
}

std::string Percent(double share) {
  return share >= 0 && share <= 1 ? fmt::format("{:.1f}%", 100 * share) : "n/a";
}

}  // namespace

namespace {

// The parties of a radar chart: who is drawn (the perspective first, then the first other
// parties), who is left out, and every party's display name.
struct RadarParties {
  std::size_t first = 0;           // the perspective's index in the assessment
  std::vector<std::size_t> drawn;  // indices, the perspective first
  std::vector<std::size_t> left_out;
  std::vector<std::string> names;  // per assessment party
};

// Throws Error(kUsage) when the assessment is inconsistent or `perspective` is not one of its
// parties; returns the perspective's index.
std::size_t CheckAssessment(const power::SourceAssessment& assessment,
                            const std::string& perspective) {
  const std::size_t n = assessment.parties.size();
  if (assessment.power.size() != n || assessment.balance.size() != n) {
    throw Error(ErrorCode::kUsage,
                fmt::format("the power assessment is inconsistent: {} parties, {} party scores "
                            "and {} shares",
                            n, assessment.power.size(), assessment.balance.size()));
  }
  for (std::size_t p = 0; p < n; ++p) {
    if (assessment.power[p].party != assessment.parties[p]) {
      throw Error(ErrorCode::kUsage,
                  fmt::format("the power assessment is inconsistent: party {} is '{}' but its "
                              "scores are for '{}'",
                              p + 1, assessment.parties[p], assessment.power[p].party));
    }
  }
  std::size_t first = n;
  for (std::size_t p = 0; p < n; ++p) {
    if (assessment.parties[p] == perspective) first = p;
  }
  if (first == n) {
    std::string known;
    for (const std::string& id : assessment.parties) known += (known.empty() ? "" : ", ") + id;
    throw Error(ErrorCode::kUsage,
                fmt::format("'{}' is not a party of the power assessment (parties: {})",
                            perspective, known.empty() ? "none" : known));
  }

  return first;
}

RadarParties ChooseParties(const Case& c, const power::SourceAssessment& assessment,
                           std::size_t first) {
  const std::size_t n = assessment.parties.size();
  RadarParties r;
  r.first = first;
  r.drawn = {first};
  for (std::size_t p = 0; p < n; ++p) {
    if (p == first) continue;
    (r.drawn.size() < kMaxParties ? r.drawn : r.left_out).push_back(p);
  }
  for (const std::string& id : assessment.parties) {
    const Party* party = c.FindParty(id);
    r.names.push_back(party ? party->DisplayName() : id);
  }

  return r;
}

// The document start, the title and the subtitle.
std::string DrawRadarHeader(const Case& c, const RadarParties& r) {
  const std::vector<std::string>& names = r.names;
  const std::size_t first = r.first;
  std::string drawn_names;
  for (std::size_t p : r.drawn) drawn_names += (drawn_names.empty() ? "" : ", ") + names[p];
  const std::string title = c.title.empty() ? "Sources of power" : c.title;
  std::string svg = internal::SvgBegin(
      kWidth, kHeight, title,
      fmt::format("Radar chart of the six sources of power (0 to 5) of {}, seen from the chair of "
                  "{}. Made by Parley.",
                  drawn_names, names[first]));
  svg += SvgText(kLeft, 36, Shorten(title, 90), "font-size=\"20\" font-weight=\"bold\"");
  svg += SvgText(kLeft, 58,
                 fmt::format("The six sources of power, each scored from 0 to 5, seen from the "
                             "chair of {}",
                             Shorten(names[first], 40)),
                 fmt::format("fill=\"{}\"", kMuted));

  return svg;
}

// Rings at 1..5, the six axes and their labels.
std::string DrawRadarFrame() {
  std::string svg;
  // Rings at 1..5 and the six axes.
  svg += fmt::format("<g id=\"rings\" fill=\"none\" stroke=\"{}\" stroke-width=\"1\">\n", kRing);
  for (int ring = 1; ring <= kRings; ++ring) {
    std::array<double, kPowerSourceCount> scores;
    scores.fill(ring);
    svg += fmt::format("<polygon points=\"{}\"/>\n", PolygonPoints(scores));
  }
  svg += "</g>\n";
  svg += fmt::format("<g id=\"axes\" stroke=\"{}\" stroke-width=\"1.2\">\n", kAxis);
  for (int k = 0; k < kPowerSourceCount; ++k) {
    const Point end = At(k, kMaxScore);
    svg += fmt::format("<line x1=\"{:.2f}\" y1=\"{:.2f}\" x2=\"{:.2f}\" y2=\"{:.2f}\"/>\n", kCx,
                       kCy, end.x, end.y);
  }
  svg += "</g>\n";
  svg += "<g id=\"axis-labels\" font-size=\"14\" font-weight=\"bold\">\n";
  for (int k = 0; k < kPowerSourceCount; ++k) {
    const double ux = kAxes[k][0], uy = kAxes[k][1];
    const Point at = At(k, kMaxScore);
    const char* anchor = ux > 0.01 ? "start" : ux < -0.01 ? "end" : "middle";
    const double dy = uy < -0.99 ? -12 : uy > 0.99 ? 24 : 5;
    svg += SvgText(at.x + 12 * ux, at.y + dy, kSourceLabels[k],
                   fmt::format("text-anchor=\"{}\"", anchor));
  }
  svg += "</g>\n";

  return svg;
}

// One polygon per drawn party with a marker per source; the others first so that the
// perspective is drawn on top.
std::string DrawRadarParties(const power::SourceAssessment& assessment, const RadarParties& r) {
  const std::vector<std::size_t>& drawn = r.drawn;
  const std::vector<std::string>& names = r.names;
  std::string svg;
  std::vector<std::size_t> paint_order;  // slots of `drawn`
  for (std::size_t slot = 1; slot < drawn.size(); ++slot) paint_order.push_back(slot);
  paint_order.push_back(0);
  for (std::size_t slot : paint_order) {
    const std::size_t p = drawn[slot];
    const power::PartySources& sources = assessment.power[p];
    const char* color = kColors[slot];
    const bool ours = slot == 0;
    std::array<double, kPowerSourceCount> scores;
    for (int k = 0; k < kPowerSourceCount; ++k) scores[k] = sources.sources[k].score;
    svg += fmt::format("<g id=\"party-{}\" class=\"party{}\">\n", XmlEscape(sources.party),
                       ours ? " perspective" : "");
    svg += fmt::format(
        "<polygon points=\"{}\" fill=\"{}\" fill-opacity=\"{}\" stroke=\"{}\" "
        "stroke-width=\"{}\" stroke-linejoin=\"round\"/>\n",
        PolygonPoints(scores), color, ours ? "0.22" : "0.08", color, ours ? "2.6" : "1.8");
    for (int k = 0; k < kPowerSourceCount; ++k) {
      const power::SourceScore& s = sources.sources[k];
      const Point at = At(k, s.score);
      svg += fmt::format(
          "<circle class=\"vertex {}\" cx=\"{:.2f}\" cy=\"{:.2f}\" {}><title>{}</title></circle>\n",
          ConfidenceClass(s.confidence), at.x, at.y, MarkerStyle(s.confidence, color),
          XmlEscape(MarkerTitle(names[p], k, s)));
    }
    svg += "</g>\n";
  }

  // Ring labels on top of the polygons, so that they stay readable.
  svg += fmt::format("<g id=\"ring-labels\" font-size=\"11\" fill=\"{}\">\n", kMuted);
  for (int ring = 1; ring <= kRings; ++ring) {
    const Point top = At(0, ring);
    svg += SvgText(top.x + 6, top.y + 14, std::to_string(ring), "");
  }
  svg += "</g>\n";

  return svg;
}

// The legend: the drawn parties, perspective first, then the marker styles.
std::string DrawRadarLegend(const power::SourceAssessment& assessment, const RadarParties& r) {
  const std::vector<std::size_t>& drawn = r.drawn;
  const std::vector<std::string>& names = r.names;
  double y = 100;
  std::string svg = "<g id=\"legend\">\n";
  svg += SvgText(kLegendLeft, y, "Legend", "font-size=\"15\" font-weight=\"bold\"");
  y += 28;
  for (std::size_t slot = 0; slot < drawn.size(); ++slot) {
    const std::size_t p = drawn[slot];
    const power::PartySources& sources = assessment.power[p];
    int evidenced = 0;
    for (const auto& s : sources.sources) {
      if (s.confidence == power::Confidence::kEvidenced) ++evidenced;
    }
    svg += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"18\" height=\"12\" fill=\"{}\" "
        "fill-opacity=\"0.25\" stroke=\"{}\" stroke-width=\"2\"/>\n",
        kLegendLeft, y - 10.5, kColors[slot], kColors[slot]);
    svg += SvgText(kLegendLeft + 26, y,
                   slot == 0 ? Shorten(names[p], 26) + " (perspective)" : Shorten(names[p], 38),
                   "font-weight=\"bold\"");
    y += 17;
    svg += SvgText(kLegendLeft + 26, y,
                   fmt::format("{} of the power (total {:.1f} of 30)",
                               Percent(assessment.balance[p]), sources.total),
                   fmt::format("fill=\"{}\"", kMuted));
    y += 17;
    svg +=
        SvgText(kLegendLeft + 26, y,
                fmt::format("{} of 6 sources scored, {} with evidence", sources.scored, evidenced),
                fmt::format("fill=\"{}\"", kMuted));
    y += 28;
  }
  y += 6;
  svg += SvgText(kLegendLeft, y, "Markers", "font-size=\"15\" font-weight=\"bold\"");
  y += 26;
  for (power::Confidence confidence : {power::Confidence::kEvidenced, power::Confidence::kAsserted,
                                       power::Confidence::kUnscored}) {
    svg += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" {}/>\n", kLegendLeft + 9, y - 4.5,
                       MarkerStyle(confidence, kInk));
    const char* text =
        confidence == power::Confidence::kEvidenced  ? "Evidenced: scored, with evidence"
        : confidence == power::Confidence::kAsserted ? "Asserted: scored, no evidence"
                                                     : "Unscored: the assumed score";
    svg += SvgText(kLegendLeft + 26, y, text, "");
    y += 22;
  }
  svg += "</g>\n";

  return svg;
}

// The caption, bottom-aligned, naming any party left out.
std::string DrawRadarCaption(const power::SourceAssessment& assessment, const RadarParties& r) {
  const std::vector<std::size_t>& left_out = r.left_out;
  const std::vector<std::string>& names = r.names;
  std::vector<std::string> caption = {
      "Each axis scores one source of power from 0 to 5 (rings at 1 to 5). Filled marker: "
      "scored with evidence.",
      "Hollow marker: scored without evidence, a bluff risk. Small dashed grey marker: not "
      "scored, drawn at the assumed score.",
      "Share of the power: a party's total over the six sources divided by the sum of every "
      "party's total."};
  if (!left_out.empty()) {
    std::string line = fmt::format("Not drawn (at most {} parties):", kMaxParties);
    for (std::size_t k = 0; k < left_out.size(); ++k) {
      line += fmt::format("{} {} {}", k == 0 ? "" : ",", Shorten(names[left_out[k]], 24),
                          Percent(assessment.balance[left_out[k]]));
    }
    caption.push_back(Shorten(line, 130));
  }
  std::string svg = "<g id=\"caption\" font-size=\"12\" fill=\"" + std::string(kMuted) + "\">\n";
  for (std::size_t k = 0; k < caption.size(); ++k) {
    svg += SvgText(kLeft, kHeight - 16 - 20.0 * (caption.size() - 1 - k), caption[k], "");
  }
  svg += "</g>\n";
  return svg;
}

}  // namespace

std::string RenderPowerRadarSvg(const Case& c, const power::SourceAssessment& assessment,
                                const std::string& perspective) {
  const RadarParties r = ChooseParties(c, assessment, CheckAssessment(assessment, perspective));
  std::string svg = DrawRadarHeader(c, r);
  svg += DrawRadarFrame();
  svg += DrawRadarParties(assessment, r);
  svg += DrawRadarLegend(assessment, r);
  svg += DrawRadarCaption(assessment, r);
  return svg + "</svg>\n";
}

}  // namespace parley::report
