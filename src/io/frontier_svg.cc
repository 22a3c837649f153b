#include "parley/io/frontier_svg.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "internal/svg_util.h"
#include "parley/core/error.h"
#include "parley/core/outcome_space.h"
#include "parley/core/party_valuation.h"

namespace parley::io {

namespace {

// Canvas and plot geometry, in SVG user units (px).
constexpr double kWidth = 940;
constexpr double kHeight = 720;
constexpr double kPlotLeft = 90;
constexpr double kPlotTop = 78;
constexpr double kPlotSize = 520;
constexpr double kLegendLeft = kPlotLeft + kPlotSize + 40;

using internal::Shorten;
using internal::SvgText;
using internal::XmlEscape;
constexpr const char* kInk = internal::kSvgInk;
constexpr const char* kMuted = internal::kSvgMuted;
constexpr const char* kCloud = "#8b9bb0";
constexpr const char* kFrontier = "#1d4e89";
constexpr const char* kAcceptable = "#e3f4ea";

// How one rule is drawn.
struct Style {
  const char* label;
  const char* color;
  const char* shape;  // "diamond", "triangle", "square", "cross", "down"
  double size;        // half-width of the symbol
};

Style StyleFor(analysis::SolutionRule rule) {
  switch (rule) {
    case analysis::SolutionRule::kNash:
      return {"Nash", "#c62828", "diamond", 9};
    case analysis::SolutionRule::kKalaiSmorodinsky:
      return {"Kalai-Smorodinsky", "#ef6c00", "triangle", 10};
    case analysis::SolutionRule::kEgalitarian:
      return {"Egalitarian", "#2e7d32", "square", 7};
    case analysis::SolutionRule::kUtilitarian:
      return {"Utilitarian", "#6a1b9a", "cross", 7};
    case analysis::SolutionRule::kWeightedNash:
      return {"Weighted Nash", "#00838f", "down", 10};
  }
  return {"Solution", kInk, "diamond", 8};
}

// "1234567" -> "1,234,567" for a decimal digit string.
std::string Grouped(const std::string& digits) {
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

double Clamp01(double u) { return std::clamp(u, 0.0, 1.0); }
double X(double u) { return kPlotLeft + Clamp01(u) * kPlotSize; }
double Y(double u) { return kPlotTop + (1 - Clamp01(u)) * kPlotSize; }

// Uniform in [0, n) from a 64-bit generator, by rejection (same bytes on every platform).
std::uint64_t UniformBelow(std::mt19937_64& rng, std::uint64_t n) {
  if (n <= 1) return 0;
  const std::uint64_t reject_below = (0 - n) % n;  // 2^64 mod n
  std::uint64_t x;
  do {
    x = rng();
  } while (x < reject_below);
  return x % n;
}

// One solution symbol centred at (x, y).
std::string Symbol(const Style& s, double x, double y, double size) {
  const double r = size;
  const std::string stroke = fmt::format(
      "fill=\"none\" stroke=\"{}\" stroke-width=\"2.2\" stroke-linejoin=\"round\"", s.color);
  const std::string shape = s.shape;
  if (shape == "diamond") {
    return fmt::format("<path d=\"M{:.2f} {:.2f}L{:.2f} {:.2f}L{:.2f} {:.2f}L{:.2f} {:.2f}Z\" {}/>",
                       x, y - r, x + r, y, x, y + r, x - r, y, stroke);
  }
  if (shape == "triangle" || shape == "down") {
    const double k = shape == "triangle" ? 1 : -1;
    return fmt::format("<path d=\"M{:.2f} {:.2f}L{:.2f} {:.2f}L{:.2f} {:.2f}Z\" {}/>", x, y - k * r,
                       x + 0.866 * r, y + k * 0.5 * r, x - 0.866 * r, y + k * 0.5 * r, stroke);
  }
  if (shape == "square") {
    return fmt::format("<rect x=\"{:.2f}\" y=\"{:.2f}\" width=\"{:.2f}\" height=\"{:.2f}\" {}/>",
                       x - r, y - r, 2 * r, 2 * r, stroke);
  }
  return fmt::format(
      "<path d=\"M{:.2f} {:.2f}L{:.2f} {:.2f}M{:.2f} {:.2f}L{:.2f} {:.2f}\" {} "
      "stroke-linecap=\"round\"/>",
      x - r, y - r, x + r, y + r, x - r, y + r, x + r, y - r, stroke);
}

}  // namespace

std::string RenderFrontierSvg(const Case& c, const analysis::Frontier& f,
                              const std::vector<analysis::Solution>& solutions,
                              const FrontierSvgOptions& o) {
  if (f.parties.size() != 2) {
    throw Error(ErrorCode::kUsage,
                fmt::format("the chart shows two parties; this frontier has {} (use the table or "
                            "--format json instead)",
                            f.parties.size()));
  }
  if (f.disagreement.size() != 2) {
    throw Error(ErrorCode::kUsage, "the frontier has no two-party disagreement point");
  }
  for (const FrontierMarker& m : o.markers) {
    if (m.outcome.size() != c.issues.size()) {
      throw Error(ErrorCode::kUsage,
                  fmt::format("marker '{}' has {} values for a case of {} issues", m.label,
                              m.outcome.size(), c.issues.size()));
    }
  }
  for (const auto& s : solutions) {
    for (std::size_t index : s.points) {
      if (index >= f.points.size()) {
        throw Error(ErrorCode::kUsage,
                    fmt::format("solution {} names frontier point {}, but the frontier has {}",
                                analysis::SolutionRuleName(s.rule), index, f.points.size()));
      }
    }
  }
  std::vector<std::string> names;
  for (const std::string& id : f.parties) {
    const Party* party = c.FindParty(id);
    names.push_back(party ? party->DisplayName() : id);
  }

  // The cloud: every outcome, or a seeded uniform sample.
  const OutcomeSpace space(c.issues);
  const std::vector<PartyValuation> valuations = {PartyValuation(c, f.parties[0]),
                                                  PartyValuation(c, f.parties[1])};
  const auto size64 = space.Size64();
  const bool sampled = !size64 || *size64 > o.max_cloud;
  std::string cloud;
  std::size_t cloud_count = 0;
  auto add_to_cloud = [&](const Outcome& outcome) {
    cloud += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"1.6\"/>\n",
                         X(valuations[0].Utility(outcome)), Y(valuations[1].Utility(outcome)));
    ++cloud_count;
  };
  if (!sampled) {
    Outcome outcome = space.First();
    do {
      add_to_cloud(outcome);
    } while (space.Next(outcome));
  } else {
    std::mt19937_64 rng(o.seed);
    Outcome outcome(space.IssueCount());
    for (std::size_t k = 0; k < o.max_cloud; ++k) {
      for (std::size_t i = 0; i < outcome.size(); ++i) {
        outcome[i] = UniformBelow(rng, space.ValueCount(i));
      }
      add_to_cloud(outcome);
    }
  }

  const double d0 = f.disagreement[0], d1 = f.disagreement[1];
  const std::string title = c.title.empty() ? "Deal space" : c.title;
  std::string svg = internal::SvgBegin(
      kWidth, kHeight, title,
      fmt::format("Outcome utilities for {} (x) and {} (y), the Pareto frontier, the "
                  "disagreement point and the bargaining solutions. Made by Parley.",
                  names[0], names[1]));
  svg += SvgText(kPlotLeft, 36, Shorten(title, 90), "font-size=\"20\" font-weight=\"bold\"");
  svg += SvgText(kPlotLeft, 58,
                 fmt::format("What each outcome is worth to {} and {} (utility: 0 = worst deal, "
                             "1 = best)",
                             Shorten(names[0], 30), Shorten(names[1], 30)),
                 fmt::format("fill=\"{}\"", kMuted));

  // Acceptable region: at least the disagreement utility for both.
  const bool region = d0 <= 1 && d1 <= 1;
  if (region) {
    svg += fmt::format(
        "<rect id=\"acceptable\" x=\"{:.2f}\" y=\"{:.2f}\" width=\"{:.2f}\" height=\"{:.2f}\" "
        "fill=\"{}\"/>\n",
        X(d0), Y(1), X(1) - X(d0), Y(d1) - Y(1), kAcceptable);
  }

  // Grid and ticks.
  svg += "<g id=\"grid\" stroke=\"#e4e7eb\" stroke-width=\"1\">\n";
  for (int t = 1; t < 10; ++t) {
    const double u = t / 10.0;
    svg += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\"/>\n",
                       X(u), Y(0), Y(1));
    svg += fmt::format("<line x1=\"{1:.1f}\" y1=\"{0:.1f}\" x2=\"{2:.1f}\" y2=\"{0:.1f}\"/>\n",
                       Y(u), X(0), X(1));
  }
  svg += "</g>\n";

  svg += fmt::format("<g id=\"cloud\" fill=\"{}\" fill-opacity=\"0.55\">\n", kCloud);
  svg += cloud;
  svg += "</g>\n";

  // Frontier staircase: from each point left at its height, then up to the next point.
  if (!f.points.empty()) {
    std::string d =
        fmt::format("M{:.2f} {:.2f}", X(f.points[0].utility[0]), Y(f.points[0].utility[1]));
    for (std::size_t k = 1; k < f.points.size(); ++k) {
      d += fmt::format("H{:.2f}V{:.2f}", X(f.points[k].utility[0]), Y(f.points[k].utility[1]));
    }
    svg += fmt::format(
        "<path id=\"frontier-line\" d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.6\" "
        "stroke-linejoin=\"round\"/>\n",
        d, kFrontier);
  }
  svg += fmt::format(
      "<g id=\"frontier-points\" fill=\"{}\" stroke=\"#ffffff\" "
      "stroke-width=\"0.8\">\n",
      kFrontier);
  for (const auto& p : f.points) {
    svg += fmt::format("<circle cx=\"{:.2f}\" cy=\"{:.2f}\" r=\"3.4\"/>\n", X(p.utility[0]),
                       Y(p.utility[1]));
  }
  svg += "</g>\n";

  // Disagreement point with dashed lines to both axes.
  svg += "<g id=\"disagreement\">\n";
  svg += fmt::format(
      "<path d=\"M{0:.2f} {1:.2f}H{2:.2f}M{0:.2f} {1:.2f}V{3:.2f}\" fill=\"none\" "
      "stroke=\"{4}\" stroke-width=\"1.2\" stroke-dasharray=\"5 4\"/>\n",
      X(d0), Y(d1), X(0), Y(0), kMuted);
  svg += fmt::format(
      "<circle cx=\"{:.2f}\" cy=\"{:.2f}\" r=\"5\" fill=\"#ffffff\" stroke=\"{}\" "
      "stroke-width=\"2\"/>\n",
      X(d0), Y(d1), kInk);
  svg += "</g>\n";

  // Solutions; later rules are drawn slightly larger so coinciding symbols stay visible.
  svg += "<g id=\"solutions\">\n";
  for (std::size_t s = 0; s < solutions.size(); ++s) {
    const Style style = StyleFor(solutions[s].rule);
    for (std::size_t index : solutions[s].points) {
      const auto& p = f.points[index];
      svg += Symbol(style, X(p.utility[0]), Y(p.utility[1]), style.size) + "\n";
    }
  }
  svg += "</g>\n";

  // Marked packages, at their utilities for the two parties.
  std::vector<std::pair<double, double>> marked;
  if (!o.markers.empty()) {
    const PartyValuation first(c, f.parties[0]), second(c, f.parties[1]);
    svg += "<g id=\"markers\">\n";
    for (const FrontierMarker& m : o.markers) {
      marked.emplace_back(first.Utility(m.outcome), second.Utility(m.outcome));
      const Style style{m.label.c_str(), m.color.c_str(), m.shape.c_str(), 7};
      svg += Symbol(style, X(marked.back().first), Y(marked.back().second), style.size) + "\n";
    }
    svg += "</g>\n";
  }

  // Axes, tick labels and axis titles.
  svg += fmt::format(
      "<path id=\"axes\" d=\"M{:.1f} {:.1f}V{:.1f}H{:.1f}\" fill=\"none\" stroke=\"{}\" "
      "stroke-width=\"1.4\"/>\n",
      X(0), Y(1), Y(0), X(1), kInk);
  svg += fmt::format("<g id=\"ticks\" stroke=\"{}\" stroke-width=\"1.2\">\n", kInk);
  for (int t = 0; t <= 10; t += 2) {
    const double u = t / 10.0;
    svg += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\"/>\n",
                       X(u), Y(0), Y(0) + 6);
    svg += fmt::format("<line x1=\"{1:.1f}\" y1=\"{0:.1f}\" x2=\"{2:.1f}\" y2=\"{0:.1f}\"/>\n",
                       Y(u), X(0) - 6, X(0));
  }
  svg += "</g>\n";
  for (int t = 0; t <= 10; t += 2) {
    const double u = t / 10.0;
    const std::string label = fmt::format("{:.1f}", u);
    svg += SvgText(X(u), Y(0) + 22, label, "text-anchor=\"middle\"");
    svg += SvgText(X(0) - 10, Y(u) + 4.5, label, "text-anchor=\"end\"");
  }
  svg += SvgText(X(0.5), Y(0) + 48, "Utility for " + Shorten(names[0], 50),
                 "text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\"");
  svg += fmt::format(
      "<text x=\"0\" y=\"0\" transform=\"translate({:.1f} {:.1f}) rotate(-90)\" "
      "text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">{}</text>\n",
      X(0) - 52, Y(0.5), XmlEscape("Utility for " + Shorten(names[1], 50)));

  // Legend.
  const std::string outcomes = Grouped(f.outcome_count.ToString());
  double y = kPlotTop + 8;
  svg += "<g id=\"legend\">\n";
  svg += SvgText(kLegendLeft, y, "Legend", "font-size=\"15\" font-weight=\"bold\"");
  y += 26;
  svg += fmt::format(
      "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"{}\" fill-opacity=\"0.6\"/>\n",
      kLegendLeft + 9, y - 4.5, kCloud);
  svg +=
      SvgText(kLegendLeft + 26, y,
              sampled ? fmt::format("Outcomes (sample of {})", Grouped(std::to_string(cloud_count)))
                      : fmt::format("Outcomes (all {})", outcomes),
              "");
  y += 24;
  svg += fmt::format(
      "<path d=\"M{:.1f} {:.1f}H{:.1f}\" stroke=\"{}\" stroke-width=\"1.6\"/>"
      "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3.4\" fill=\"{}\"/>\n",
      kLegendLeft, y - 4.5, kLegendLeft + 18, kFrontier, kLegendLeft + 9, y - 4.5, kFrontier);
  svg +=
      SvgText(kLegendLeft + 26, y,
              fmt::format("Pareto frontier ({} point{})", Grouped(std::to_string(f.points.size())),
                          f.points.size() == 1 ? "" : "s"),
              "");
  y += 24;
  svg += fmt::format(
      "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"5\" fill=\"#ffffff\" stroke=\"{}\" "
      "stroke-width=\"2\"/>\n",
      kLegendLeft + 9, y - 4.5, kInk);
  svg += SvgText(kLegendLeft + 26, y, fmt::format("No deal ({:.2f}, {:.2f})", d0, d1), "");
  y += 24;
  svg += fmt::format(
      "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"18\" height=\"12\" fill=\"{}\" "
      "stroke=\"#b7dfc6\"/>\n",
      kLegendLeft, y - 10.5, kAcceptable);
  svg += SvgText(kLegendLeft + 26, y, region ? "Acceptable to both" : "No deal beats walking away",
                 "");
  y += 34;
  for (const auto& s : solutions) {
    const Style style = StyleFor(s.rule);
    svg += Symbol(style, kLegendLeft + 9, y - 4.5, std::min(style.size, 7.0)) + "\n";
    svg += SvgText(kLegendLeft + 26, y, style.label, "font-weight=\"bold\"");
    y += 17;
    std::string detail;
    if (s.points.empty()) {
      detail = "none: no deal acceptable to both";
    } else {
      const auto& p = f.points[s.points.front()];
      detail = fmt::format("({:.3f}, {:.3f})", p.utility[0], p.utility[1]);
      if (s.points.size() > 1) detail += fmt::format(" and {} tied", s.points.size() - 1);
    }
    svg += SvgText(kLegendLeft + 26, y, detail, fmt::format("fill=\"{}\"", kMuted));
    y += 26;
  }
  for (std::size_t k = 0; k < o.markers.size(); ++k) {
    const FrontierMarker& m = o.markers[k];
    const Style style{m.label.c_str(), m.color.c_str(), m.shape.c_str(), 7};
    svg += Symbol(style, kLegendLeft + 9, y - 4.5, style.size) + "\n";
    svg += SvgText(kLegendLeft + 26, y, Shorten(m.label, 36), "font-weight=\"bold\"");
    y += 17;
    svg += SvgText(kLegendLeft + 26, y,
                   fmt::format("({:.3f}, {:.3f})", marked[k].first, marked[k].second),
                   fmt::format("fill=\"{}\"", kMuted));
    y += 26;
  }
  svg += "</g>\n";

  // Caption.
  const std::string cloud_text =
      sampled ? fmt::format(
                    "The cloud is a uniform random sample of {} of the {} outcomes "
                    "(seed {}).",
                    Grouped(std::to_string(cloud_count)), outcomes, o.seed)
              : fmt::format("The cloud shows all {} outcomes (sample seed {}, not used).", outcomes,
                            o.seed);
  std::string notes = fmt::format(
      "Frontier: {} method. The dashed lines mark the no-deal point; deals in the shaded region "
      "beat it for both.",
      f.method == analysis::FrontierMethod::kAdditive ? "additive" : "enumeration");
  if (d0 < 0 || d0 > 1 || d1 < 0 || d1 > 1) {
    notes += " The no-deal point lies outside 0..1 and is drawn at the edge.";
  }
  svg += "<g id=\"caption\" font-size=\"12\" fill=\"" + std::string(kMuted) + "\">\n";
  svg += SvgText(kPlotLeft, kHeight - 36, cloud_text, "");
  svg += SvgText(kPlotLeft, kHeight - 16, notes, "");
  svg += "</g>\n";
  svg += "</svg>\n";
  return svg;
}

}  // namespace parley::io
