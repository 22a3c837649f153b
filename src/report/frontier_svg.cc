#include "parley/report/frontier_svg.h"

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
#include "parley/core/text.h"

namespace parley::report {

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

namespace {

// Everything the layers of the chart share: the inputs, the parties' display names, the drawn
// cloud and the marked packages' utilities.
struct Scene {
  Scene(const Case& c_in, const analysis::Frontier& f_in,
        const std::vector<analysis::Solution>& solutions_in, const FrontierSvgOptions& o_in)
      : c(c_in), f(f_in), solutions(solutions_in), o(o_in) {}
  const Case& c;
  const analysis::Frontier& f;
  const std::vector<analysis::Solution>& solutions;
  const FrontierSvgOptions& o;
  std::vector<std::string> names;
  std::string cloud;  // the <circle> elements of the outcome cloud
  std::size_t cloud_count = 0;
  bool sampled = false;
  std::vector<std::pair<double, double>> marked;  // per marker: utility for party 0 and 1
  double d0 = 0, d1 = 0;                          // the disagreement point
  bool region = false;                            // the acceptable region is drawn
};

// Throws Error(kUsage) when the inputs break RenderFrontierSvg's preconditions.
void CheckChartInputs(const Case& c, const analysis::Frontier& f,
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
  for (const FrontierPath& path : o.paths) {
    for (const Outcome& outcome : path.outcomes) {
      if (outcome.size() != c.issues.size()) {
        throw Error(ErrorCode::kUsage, fmt::format("path '{}' has a package of {} values for a "
                                                   "case of {} issues",
                                                   path.label, outcome.size(), c.issues.size()));
      }
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
}

// The cloud: every outcome, or a seeded uniform sample of o.max_cloud. O(cloud x issues).
void DrawCloudPoints(Scene& scene) {
  const OutcomeSpace space(scene.c.issues);
  const std::vector<PartyValuation> valuations = {PartyValuation(scene.c, scene.f.parties[0]),
                                                  PartyValuation(scene.c, scene.f.parties[1])};
  const auto size64 = space.Size64();
  scene.sampled = !size64 || *size64 > scene.o.max_cloud;
  auto add_to_cloud = [&](const Outcome& outcome) {
    scene.cloud +=
        fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"1.6\"/>\n",
                    X(valuations[0].Utility(outcome)), Y(valuations[1].Utility(outcome)));
    ++scene.cloud_count;
  };
  if (!scene.sampled) {
    Outcome outcome = space.First();
    do {
      add_to_cloud(outcome);
    } while (space.Next(outcome));
    return;
  }
  std::mt19937_64 rng(scene.o.seed);
  Outcome outcome(space.IssueCount());
  for (std::size_t k = 0; k < scene.o.max_cloud; ++k) {
    for (std::size_t i = 0; i < outcome.size(); ++i) {
      outcome[i] = UniformBelow(rng, space.ValueCount(i));
    }
    add_to_cloud(outcome);
  }
}

// The document start, the title and subtitle, the acceptable region and the grid.
std::string DrawBackground(const Scene& scene) {
  const std::string title = scene.c.title.empty() ? "Deal space" : scene.c.title;
  std::string svg = internal::SvgBegin(
      kWidth, kHeight, title,
      fmt::format("Outcome utilities for {} (x) and {} (y), the Pareto frontier, the "
                  "disagreement point and the bargaining solutions. Made by Parley.",
                  scene.names[0], scene.names[1]));
  svg += SvgText(kPlotLeft, 36, Shorten(title, 90), "font-size=\"20\" font-weight=\"bold\"");
  svg += SvgText(kPlotLeft, 58,
                 fmt::format("What each outcome is worth to {} and {} (utility: 0 = worst deal, "
                             "1 = best)",
                             Shorten(scene.names[0], 30), Shorten(scene.names[1], 30)),
                 fmt::format("fill=\"{}\"", kMuted));
  // Acceptable region: at least the disagreement utility for both.
  if (scene.region) {
    svg += fmt::format(
        "<rect id=\"acceptable\" x=\"{:.2f}\" y=\"{:.2f}\" width=\"{:.2f}\" height=\"{:.2f}\" "
        "fill=\"{}\"/>\n",
        X(scene.d0), Y(1), X(1) - X(scene.d0), Y(scene.d1) - Y(1), kAcceptable);
  }
  svg += "<g id=\"grid\" stroke=\"#e4e7eb\" stroke-width=\"1\">\n";
  for (int t = 1; t < 10; ++t) {
    const double u = t / 10.0;
    svg += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\"/>\n",
                       X(u), Y(0), Y(1));
    svg += fmt::format("<line x1=\"{1:.1f}\" y1=\"{0:.1f}\" x2=\"{2:.1f}\" y2=\"{0:.1f}\"/>\n",
                       Y(u), X(0), X(1));
  }
  return svg + "</g>\n";
}

// The frontier as a staircase (from each point left at its height, then up to the next point)
// and its points. O(frontier points).
std::string DrawFrontier(const analysis::Frontier& f) {
  std::string svg;
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
  return svg + "</g>\n";
}

// The disagreement point with dashed lines to both axes, the solutions (later rules slightly

// The paths: one polyline per path through its packages' utilities, with a dot per package
// drawn. O(packages drawn x issues).
std::string DrawPaths(const Scene& scene, const PartyValuation& first,
                      const PartyValuation& second) {
  constexpr std::size_t kMostDrawn = 2000;
  if (scene.o.paths.empty()) return "";
  std::string svg = "<g id=\"paths\">\n";
  for (const FrontierPath& path : scene.o.paths) {
    const std::size_t n = path.outcomes.size();
    const std::size_t stride = n <= kMostDrawn ? 1 : (n + kMostDrawn - 1) / kMostDrawn;
    std::string points, dots;
    for (std::size_t k = 0; k < n; k += stride) {
      const std::size_t at = k + stride >= n ? n - 1 : k;
      const double x = X(first.Utility(path.outcomes[at])),
                   y = Y(second.Utility(path.outcomes[at]));
      points += fmt::format("{}{:.1f},{:.1f}", points.empty() ? "" : " ", x, y);
      dots += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"2.5\"/>", x, y);
    }
    svg += fmt::format(
        "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.6\" "
        "stroke-opacity=\"0.8\"/>\n<g fill=\"{}\">{}</g>\n",
        points, path.color, path.color, dots);
  }
  return svg + "</g>\n";
}

// larger, so coinciding symbols stay visible) and the marked packages.
std::string DrawPoints(Scene& scene) {
  std::string svg = "<g id=\"disagreement\">\n";
  svg += fmt::format(
      "<path d=\"M{0:.2f} {1:.2f}H{2:.2f}M{0:.2f} {1:.2f}V{3:.2f}\" fill=\"none\" "
      "stroke=\"{4}\" stroke-width=\"1.2\" stroke-dasharray=\"5 4\"/>\n",
      X(scene.d0), Y(scene.d1), X(0), Y(0), kMuted);
  svg += fmt::format(
      "<circle cx=\"{:.2f}\" cy=\"{:.2f}\" r=\"5\" fill=\"#ffffff\" stroke=\"{}\" "
      "stroke-width=\"2\"/>\n",
      X(scene.d0), Y(scene.d1), kInk);
  svg += "</g>\n";
  svg += "<g id=\"solutions\">\n";
  for (const analysis::Solution& solution : scene.solutions) {
    const Style style = StyleFor(solution.rule);
    for (std::size_t index : solution.points) {
      const auto& p = scene.f.points[index];
      svg += Symbol(style, X(p.utility[0]), Y(p.utility[1]), style.size) + "\n";
    }
  }
  svg += "</g>\n";
  const PartyValuation first(scene.c, scene.f.parties[0]), second(scene.c, scene.f.parties[1]);
  svg += DrawPaths(scene, first, second);
  if (scene.o.markers.empty()) return svg;
  svg += "<g id=\"markers\">\n";
  for (const FrontierMarker& m : scene.o.markers) {
    scene.marked.emplace_back(first.Utility(m.outcome), second.Utility(m.outcome));
    const Style style{m.label.c_str(), m.color.c_str(), m.shape.c_str(), 7};
    svg += Symbol(style, X(scene.marked.back().first), Y(scene.marked.back().second), style.size) +
           "\n";
  }
  return svg + "</g>\n";
}

// Axes, tick labels and axis titles.
std::string DrawAxes(const Scene& scene) {
  std::string svg = fmt::format(
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
  svg += SvgText(X(0.5), Y(0) + 48, "Utility for " + Shorten(scene.names[0], 50),
                 "text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\"");
  svg += fmt::format(
      "<text x=\"0\" y=\"0\" transform=\"translate({:.1f} {:.1f}) rotate(-90)\" "
      "text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">{}</text>\n",
      X(0) - 52, Y(0.5), XmlEscape("Utility for " + Shorten(scene.names[1], 50)));
  return svg;
}

// The legend's first entries: the cloud, the frontier, the no-deal point and the region.
std::string LegendBasics(const Scene& scene, double& y) {
  const std::string outcomes = text::GroupDigits(scene.f.outcome_count.ToString());
  std::string svg = SvgText(kLegendLeft, y, "Legend", "font-size=\"15\" font-weight=\"bold\"");
  y += 26;
  svg += fmt::format(
      "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"{}\" fill-opacity=\"0.6\"/>\n",
      kLegendLeft + 9, y - 4.5, kCloud);
  svg += SvgText(kLegendLeft + 26, y,
                 scene.sampled ? fmt::format("Outcomes (sample of {})",
                                             text::GroupDigits(std::to_string(scene.cloud_count)))
                               : fmt::format("Outcomes (all {})", outcomes),
                 "");
  y += 24;
  svg += fmt::format(
      "<path d=\"M{:.1f} {:.1f}H{:.1f}\" stroke=\"{}\" stroke-width=\"1.6\"/>"
      "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3.4\" fill=\"{}\"/>\n",
      kLegendLeft, y - 4.5, kLegendLeft + 18, kFrontier, kLegendLeft + 9, y - 4.5, kFrontier);
  const std::size_t points = scene.f.points.size();
  svg += SvgText(kLegendLeft + 26, y,
                 fmt::format("Pareto frontier ({} point{})",
                             text::GroupDigits(std::to_string(points)), points == 1 ? "" : "s"),
                 "");
  y += 24;
  svg += fmt::format(
      "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"5\" fill=\"#ffffff\" stroke=\"{}\" "
      "stroke-width=\"2\"/>\n",
      kLegendLeft + 9, y - 4.5, kInk);
  svg +=
      SvgText(kLegendLeft + 26, y, fmt::format("No deal ({:.2f}, {:.2f})", scene.d0, scene.d1), "");
  y += 24;
  svg += fmt::format(
      "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"18\" height=\"12\" fill=\"{}\" "
      "stroke=\"#b7dfc6\"/>\n",
      kLegendLeft, y - 10.5, kAcceptable);
  svg += SvgText(kLegendLeft + 26, y,
                 scene.region ? "Acceptable to both" : "No deal beats walking away", "");
  y += 34;
  return svg;
}

// One legend entry: a symbol, a bold label and a muted detail line.
std::string LegendEntry(const Style& style, double size, const std::string& label,
                        const std::string& detail, double& y) {
  std::string svg = Symbol(style, kLegendLeft + 9, y - 4.5, size) + "\n";
  svg += SvgText(kLegendLeft + 26, y, label, "font-weight=\"bold\"");
  y += 17;
  svg += SvgText(kLegendLeft + 26, y, detail, fmt::format("fill=\"{}\"", kMuted));
  y += 26;
  return svg;
}

// The legend: the basics, then one entry per solution and per marker.
std::string DrawLegend(const Scene& scene) {
  double y = kPlotTop + 8;
  std::string svg = "<g id=\"legend\">\n" + LegendBasics(scene, y);
  for (const analysis::Solution& s : scene.solutions) {
    const Style style = StyleFor(s.rule);
    std::string detail;
    if (s.points.empty()) {
      detail = "none: no deal acceptable to both";
    } else {
      const auto& p = scene.f.points[s.points.front()];
      detail = fmt::format("({:.3f}, {:.3f})", p.utility[0], p.utility[1]);
      if (s.points.size() > 1) detail += fmt::format(" and {} tied", s.points.size() - 1);
    }
    svg += LegendEntry(style, std::min(style.size, 7.0), style.label, detail, y);
  }
  for (const FrontierPath& path : scene.o.paths) {
    const Style style{path.label.c_str(), path.color.c_str(), "square", 5};
    svg += LegendEntry(style, style.size, Shorten(path.label, 36),
                       fmt::format("{} packages", path.outcomes.size()), y);
  }
  for (std::size_t k = 0; k < scene.o.markers.size(); ++k) {
    const FrontierMarker& m = scene.o.markers[k];
    const Style style{m.label.c_str(), m.color.c_str(), m.shape.c_str(), 7};
    svg += LegendEntry(
        style, style.size, Shorten(m.label, 36),
        fmt::format("({:.3f}, {:.3f})", scene.marked[k].first, scene.marked[k].second), y);
  }
  return svg + "</g>\n";
}

// The caption under the plot: how the cloud was drawn and how to read the chart.
std::string DrawCaption(const Scene& scene) {
  const std::string outcomes = text::GroupDigits(scene.f.outcome_count.ToString());
  const std::string cloud_text =
      scene.sampled
          ? fmt::format(
                "The cloud is a uniform random sample of {} of the {} outcomes "
                "(seed {}).",
                text::GroupDigits(std::to_string(scene.cloud_count)), outcomes, scene.o.seed)
          : fmt::format("The cloud shows all {} outcomes (sample seed {}, not used).", outcomes,
                        scene.o.seed);
  std::string notes = fmt::format(
      "Frontier: {} method. The dashed lines mark the no-deal point; deals in the shaded region "
      "beat it for both.",
      scene.f.method == analysis::FrontierMethod::kAdditive ? "additive" : "enumeration");
  if (scene.d0 < 0 || scene.d0 > 1 || scene.d1 < 0 || scene.d1 > 1) {
    notes += " The no-deal point lies outside 0..1 and is drawn at the edge.";
  }
  std::string svg = "<g id=\"caption\" font-size=\"12\" fill=\"" + std::string(kMuted) + "\">\n";
  svg += SvgText(kPlotLeft, kHeight - 36, cloud_text, "");
  svg += SvgText(kPlotLeft, kHeight - 16, notes, "");
  return svg + "</g>\n";
}

}  // namespace

std::string RenderFrontierSvg(const Case& c, const analysis::Frontier& f,
                              const std::vector<analysis::Solution>& solutions,
                              const FrontierSvgOptions& o) {
  CheckChartInputs(c, f, solutions, o);
  Scene scene(c, f, solutions, o);
  for (const std::string& id : f.parties) {
    const Party* party = c.FindParty(id);
    scene.names.push_back(party ? party->DisplayName() : id);
  }
  scene.d0 = f.disagreement[0];
  scene.d1 = f.disagreement[1];
  scene.region = scene.d0 <= 1 && scene.d1 <= 1;
  DrawCloudPoints(scene);
  std::string svg = DrawBackground(scene);
  svg += fmt::format("<g id=\"cloud\" fill=\"{}\" fill-opacity=\"0.55\">\n", kCloud);
  svg += scene.cloud + "</g>\n";
  svg += DrawFrontier(f);
  svg += DrawPoints(scene);
  svg += DrawAxes(scene);
  svg += DrawLegend(scene);
  svg += DrawCaption(scene);
  return svg + "</svg>\n";
}

}  // namespace parley::report
