#pragma once

/// The deal-space chart of a two-party case as a self-contained, deterministic SVG: the outcome
/// cloud (a seeded sample beyond max_cloud outcomes), the region both accept, the Pareto
/// frontier, the disagreement point, the bargaining solutions and any marked packages. Written by
/// `parley frontier --svg FILE` and drawn in the HTML brief.
///
///   const parley::analysis::Frontier f = parley::analysis::ComputeFrontier(c);
///   parley::report::FrontierSvgOptions o;
///   o.markers.push_back({"Best for us", f.points.front().outcome, "diamond"});
///   const std::string svg = parley::report::RenderFrontierSvg(
///       c, f, {parley::analysis::Solve(f, parley::analysis::SolutionRule::kNash)}, o);

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "parley/analysis/bargaining.h"
#include "parley/analysis/frontier.h"
#include "parley/core/case.h"
#include "parley/core/outcome_space.h"

namespace parley::report {

/// A package to mark on the chart besides the solutions (an anchor, a MESO package).
struct FrontierMarker {
  std::string label;  ///< the legend entry, e.g. "Anchor"
  Outcome outcome;    ///< an outcome of the case drawn
  /// "diamond", "triangle", "square", "cross" or "down" (a triangle pointing down).
  std::string shape = "square";
  std::string color = "#37474f";  ///< any SVG colour
};

/// A sequence of packages drawn as a line through their utilities (the offers one side made in
/// a simulated negotiation, in order).
struct FrontierPath {
  std::string label;              ///< the legend entry, e.g. "Acme's offers"
  std::vector<Outcome> outcomes;  ///< outcomes of the case, in order
  std::string color = "#6a1b9a";  ///< any SVG colour
};

/// Options for RenderFrontierSvg.
struct FrontierSvgOptions {
  /// Most outcomes drawn in the cloud. A space this size or smaller is drawn whole; a larger one
  /// is drawn as a uniform random sample of exactly this many outcomes (with replacement).
  std::size_t max_cloud = 20'000;
  /// Seed of the std::mt19937_64 that draws the sample; printed in the chart's caption.
  std::uint64_t seed = 1;
  /// Packages marked after the solutions, each at its utilities for the two parties, in a group
  /// with id "markers" (one symbol per marker, in order) and listed in the legend.
  std::vector<FrontierMarker> markers;
  /// Lines drawn after the solutions and before the markers, in a group with id "paths" (one
  /// <polyline> per path, with a dot per package), and listed in the legend. A path of more than
  /// 2,000 packages is drawn through every k-th one (and the last), k the smallest that fits.
  std::vector<FrontierPath> paths;
};

/// A two-party deal-space chart of `c` as a self-contained SVG 1.1 document (no XML declaration,
/// no external fonts, images or scripts; the text starts with "<svg").
///
/// Party 0 of `f` is on x and party 1 on y, both utilities from 0 to 1. Drawn: the outcome cloud
/// (group id "cloud", one <circle> per drawn outcome: every outcome when the space has at most
/// o.max_cloud outcomes, else o.max_cloud outcomes whose issue values are drawn uniformly and
/// independently, which is a uniform draw of outcome indices), the region acceptable to both
/// parties (shaded), the frontier as a staircase through its points (group id
/// "frontier-points", one <circle> per point of `f`), the disagreement point with dashed lines to
/// both axes, every point of every solution with one symbol per rule, a legend, axis ticks and
/// labels with the parties' display names, the case title and a caption with the sample seed.
///
/// Deterministic: the same inputs and seed give the same bytes on every platform (the sampler
/// does its own rejection sampling rather than use std::uniform_int_distribution).
/// Preconditions: `f` was computed from `c`, every index in `solutions` is a point of `f` and
/// every marker's and path's outcome has one value per issue of `c` (Error(kUsage) otherwise).
/// Throws Error(kUsage) unless `f` has exactly two parties. Cost: O(cloud x issues + frontier
/// size); the text is about 60 bytes per drawn point.
std::string RenderFrontierSvg(const Case& c, const analysis::Frontier& f,
                              const std::vector<analysis::Solution>& solutions,
                              const FrontierSvgOptions& o = {});

}  // namespace parley::report
