#include "parley/report/simulation_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "internal/svg_util.h"
#include "parley/analysis/bargaining.h"
#include "parley/analysis/deal_space.h"
#include "parley/core/error.h"
#include "parley/core/text.h"
#include "parley/report/frontier_svg.h"
#include "parley/report/outcome_format.h"

namespace parley::report {

namespace {

using Json = nlohmann::ordered_json;

// Per-party numbers as {party: x}.
Json ByParty(const sim::Negotiation& n, const std::vector<double>& xs) {
  Json j = Json::object();
  for (std::size_t p = 0; p < xs.size() && p < n.PartyCount(); ++p) j[n.PartyId(p)] = xs[p];
  return j;
}

std::string Name(const sim::Negotiation& n, std::size_t p) {
  return PartyName(n.GetCase(), n.PartyId(p));
}

// `utility`: the move's utilities as the metrics give them (empty without an outcome).
std::string MoveLine(const sim::Negotiation& n, const sim::TraceEntry& e,
                     const std::vector<double>& utility) {
  std::string line = fmt::format("  {:>5}  {:<12.12}  {:<6}", e.round, n.PartyId(e.party),
                                 sim::ActionName(e.action));
  for (std::size_t p = 0; p < n.PartyCount(); ++p) {
    line += utility.size() <= p ? fmt::format("  {:>8}", "-")
                                : fmt::format("  {:>8}", text::Fixed(utility[p], 4));
  }
  if (e.outcome && e.action == sim::ActionKind::kOffer) {
    line += "  " + PackageText(n.GetCase(), *e.outcome);
  }
  return line + "\n";
}

std::string TraceText(const sim::Negotiation& n, const sim::NegotiationResult& r,
                      const sim::SimulationMetrics& m, const SimulationView& view) {
  std::string out = fmt::format("Moves ({}):\n  {:>5}  {:<12}  {:<6}", r.trace.size(), "round",
                                "party", "action");
  for (std::size_t p = 0; p < n.PartyCount(); ++p) {
    out += fmt::format("  {:>8.8}", n.PartyId(p));
  }
  out += "  package offered\n";
  const std::size_t size = r.trace.size();
  const bool shorten = size > view.head + view.tail + 1;
  for (std::size_t k = 0; k < size; ++k) {
    if (shorten && k == view.head) {
      out += fmt::format("  ... {} moves not shown ...\n", size - view.head - view.tail);
    }
    if (shorten && k >= view.head && k < size - view.tail) continue;
    out += MoveLine(n, r.trace[k], k < m.moves.size() ? m.moves[k] : std::vector<double>{});
  }
  return out;
}

std::string ResultText(const sim::Negotiation& n, const sim::NegotiationResult& r,
                       const sim::SimulationMetrics& m, const SimulationView& view) {
  const Case& c = n.GetCase();
  std::string out = "\nResult: ";
  switch (r.ending) {
    case sim::Ending::kAgreement:
      out += fmt::format("agreement in round {} on {}.\n", r.rounds_used - 1,
                         text::OutcomeText(c, *r.outcome));
      break;
    case sim::Ending::kWalkAway:
      out += fmt::format("no deal: {} walked away in round {}.\n", Name(n, *r.ended_by),
                         r.rounds_used - 1);
      break;
    case sim::Ending::kDeadline:
      out += view.stopped
                 ? fmt::format("no deal: stopped in round {} of {}, before the deadline.\n",
                               r.rounds_used, n.options().rounds)
                 : fmt::format("no deal by the deadline ({} rounds).\n", r.rounds_used);
      break;
    case sim::Ending::kViolation:
      out +=
          fmt::format("no deal: {} broke the protocol ({}).\n", Name(n, *r.ended_by), r.violation);
      break;
  }
  for (std::size_t p = 0; p < n.PartyCount(); ++p) {
    const bool money = StatesMoney(c, n.PartyId(p));
    out += fmt::format("  {}: utility {}", Name(n, p), text::Fixed(m.utility[p], 4));
    if (r.agreement && money) out += ", " + text::WorthTo(r.value[p], Name(n, p), true);
    if (!r.agreement) out += " (its no-deal utility)";
    out += "\n";
  }
  return out;
}

std::string MetricsText(const sim::Negotiation& n, const sim::SimulationMetrics& m) {
  std::string out = "\nMetrics:\n";
  if (!m.frontier_available) {
    out += "  distances: the frontier is beyond its limits on this case\n";
  } else {
    out += "  distance to the Pareto frontier: " + text::Fixed(*m.pareto_distance, 4) + "\n";
    if (m.nash_distance) {
      std::string nash;
      for (std::size_t p = 0; p < n.PartyCount(); ++p) {
        nash += (p ? ", " : "") + n.PartyId(p) + " " + text::Fixed(m.nash_utility[p], 4);
      }
      out += "  distance to the Nash point: " + text::Fixed(*m.nash_distance, 4) +
             " (Nash: " + nash + ")\n";
    }
  }
  if (!m.surplus_share.empty()) {
    std::string shares;
    for (std::size_t p = 0; p < n.PartyCount(); ++p) {
      shares += (p ? ", " : "") + Name(n, p) + " " + text::Percent(m.surplus_share[p]);
    }
    out += "  share of the surplus over no deal: " + shares + "\n";
  }
  return out;
}

}  // namespace

std::string RenderSimulationText(const sim::Negotiation& n, const sim::NegotiationResult& r,
                                 const sim::SimulationMetrics& m, const SimulationView& view) {
  const Case& c = n.GetCase();
  std::string out = "Simulation: " + (c.title.empty() ? view.file : c.title) + "\n";
  out += fmt::format("  {} plays {}; ", Name(n, 0), view.us);
  for (std::size_t p = 1; p < n.PartyCount(); ++p) out += (p > 1 ? ", " : "") + Name(n, p);
  out += fmt::format(" {} {}.\n", n.PartyCount() > 2 ? "each play" : "plays", view.them);
  out += fmt::format("  {} rounds, seed {}", n.options().rounds, n.options().seed);
  if (n.options().discount < 1) {
    out += ", discount " + FormatNumber(n.options().discount) + " per round";
  }
  out +=
      ". Utilities are each party's own, as `parley evaluate` gives them (0 its worst deal "
      "inside every floor, 1 its best; an offer that breaks a floor can fall below 0 or above "
      "1).\n\n";
  out += TraceText(n, r, m, view) + ResultText(n, r, m, view) + MetricsText(n, m);
  if (!view.svg_file.empty()) out += "\nChart written to " + view.svg_file + "\n";
  return out;
}

namespace {

Json MetricsJson(const sim::Negotiation& n, const sim::SimulationMetrics& m) {
  Json j;
  j["agreement"] = m.agreement;
  j["utility"] = ByParty(n, m.utility);
  j["frontier_available"] = m.frontier_available;
  j["pareto_distance"] = m.pareto_distance ? Json(*m.pareto_distance) : Json(nullptr);
  j["nash_distance"] = m.nash_distance ? Json(*m.nash_distance) : Json(nullptr);
  j["nash_utility"] = m.nash_utility.empty() ? Json(nullptr) : ByParty(n, m.nash_utility);
  j["surplus_share"] = m.surplus_share.empty() ? Json(nullptr) : ByParty(n, m.surplus_share);
  return j;
}

Json TraceJson(const sim::Negotiation& n, const sim::NegotiationResult& r,
               const sim::SimulationMetrics& m) {
  Json list = Json::array();
  for (std::size_t k = 0; k < r.trace.size(); ++k) {
    const sim::TraceEntry& e = r.trace[k];
    Json j;
    j["round"] = e.round;
    j["party"] = n.PartyId(e.party);
    j["action"] = sim::ActionName(e.action);
    j["outcome"] = e.outcome ? OutcomeJson(n.GetCase(), *e.outcome) : Json(nullptr);
    j["utility"] = e.outcome && k < m.moves.size() ? ByParty(n, m.moves[k]) : Json(nullptr);
    list.push_back(std::move(j));
  }
  return list;
}

}  // namespace

Json SimulationJson(const sim::Negotiation& n, const sim::NegotiationResult& r,
                    const sim::SimulationMetrics& m, const SimulationView& view) {
  Json j;
  j["command"] = "simulate";
  j["file"] = view.file;
  j["us"] = {{"party", n.PartyId(0)}, {"strategy", view.us}};
  Json them = Json::array();
  for (std::size_t p = 1; p < n.PartyCount(); ++p) them.push_back(n.PartyId(p));
  j["them"] = {{"parties", them}, {"strategy", view.them}};
  j["rounds"] = n.options().rounds;
  j["discount"] = n.options().discount;
  j["seed"] = n.options().seed;
  j["agreement"] = r.agreement;
  j["ending"] = sim::EndingName(r.ending);
  j["ended_by"] = r.ended_by ? Json(n.PartyId(*r.ended_by)) : Json(nullptr);
  if (r.ending == sim::Ending::kViolation) j["violation"] = r.violation;
  j["outcome"] = r.outcome ? OutcomeJson(n.GetCase(), *r.outcome) : Json(nullptr);
  j["rounds_used"] = r.rounds_used;
  j["utility"] = ByParty(n, m.utility);
  j["value"] = r.agreement ? ByParty(n, r.value) : Json(nullptr);
  j["metrics"] = MetricsJson(n, m);
  if (!view.svg_file.empty()) j["svg"] = view.svg_file;
  j["trace"] = TraceJson(n, r, m);
  return j;
}

namespace {

// The utility-over-time panel, in its own coordinates (0, 0) to (kPanelWidth, kPanelHeight).
constexpr double kPanelWidth = 940;
constexpr double kPanelHeight = 400;
constexpr double kLeft = 90, kTop = 78, kPlotWidth = 520, kPlotHeight = 260;
constexpr const char* kPartyColors[] = {"#1565c0", "#c62828"};
constexpr const char* kDealColor = "#2e7d32";

// Where a round and a utility fall in the panel's plot.
struct TimePlot {
  double last_round = 1;
  double X(double round) const { return kLeft + round / last_round * kPlotWidth; }
  double Y(double u) const { return kTop + (1 - std::clamp(u, 0.0, 1.0)) * kPlotHeight; }
};

// The frame, the ticks (utility every 0.25, five rounds from 0 to the last) and the axis names.
std::string TimeAxes(const sim::Negotiation& n, const TimePlot& plot) {
  std::string svg = fmt::format(
      "<g id=\"time-axes\" stroke=\"{}\" fill=\"none\">\n<rect x=\"{:.1f}\" y=\"{:.1f}\" "
      "width=\"{:.1f}\" height=\"{:.1f}\"/>\n</g>\n",
      internal::kSvgMuted, kLeft, kTop, kPlotWidth, kPlotHeight);
  for (int k = 0; k <= 4; ++k) {
    const double u = k / 4.0;
    svg += internal::SvgText(kLeft - 8, plot.Y(u) + 4, text::Fixed(u, 2), "text-anchor=\"end\"");
  }
  std::vector<std::uint64_t> ticks;
  for (int k = 0; k <= 4; ++k) {
    const auto round = static_cast<std::uint64_t>(plot.last_round * k / 4 + 0.5);
    if (ticks.empty() || ticks.back() != round) ticks.push_back(round);
  }
  for (const std::uint64_t round : ticks) {
    svg += internal::SvgText(plot.X(static_cast<double>(round)), kTop + kPlotHeight + 18,
                             std::to_string(round), "text-anchor=\"middle\"");
  }
  svg += internal::SvgText(kLeft + kPlotWidth / 2, kTop + kPlotHeight + 40, "round",
                           "text-anchor=\"middle\"");
  svg += internal::SvgText(kLeft - 60, kTop - 12,
                           "utility (0 = worst deal, 1 = best; solid: to " +
                               internal::Shorten(Name(n, 0), 30) + ", dashed: to " +
                               internal::Shorten(Name(n, 1), 30) + ")",
                           fmt::format("fill=\"{}\"", internal::kSvgMuted));
  return svg;
}

// One side's offers as a series: the offers' utility to us (solid, a dot per offer) and to the
// other side (dashed), one point per offer in the trace.
std::string OfferSeries(const sim::Negotiation& n, const sim::NegotiationResult& r,
                        const sim::SimulationMetrics& m, const TimePlot& plot, std::size_t p) {
  std::string to[2], dots;
  std::size_t count = 0;
  for (std::size_t k = 0; k < r.trace.size() && k < m.moves.size(); ++k) {
    const sim::TraceEntry& e = r.trace[k];
    const std::vector<double>& u = m.moves[k];
    if (e.party != p || e.action != sim::ActionKind::kOffer || u.size() < 2) continue;
    const double x = plot.X(static_cast<double>(e.round));
    for (std::size_t q = 0; q < 2; ++q) {
      to[q] += fmt::format("{}{:.2f},{:.2f}", count == 0 ? "" : " ", x, plot.Y(u[q]));
    }
    dots += fmt::format("<circle cx=\"{:.2f}\" cy=\"{:.2f}\" r=\"2.5\"/>\n", x, plot.Y(u[0]));
    ++count;
  }
  return fmt::format(
      "<g id=\"series-{0}\" class=\"offers\" data-party=\"{1}\" data-offers=\"{2}\" "
      "stroke=\"{3}\" fill=\"{3}\">\n<polyline class=\"to-us\" fill=\"none\" "
      "stroke-width=\"2\" points=\"{4}\"/>\n<polyline class=\"to-them\" fill=\"none\" "
      "stroke-width=\"1.2\" stroke-dasharray=\"5 4\" points=\"{5}\"/>\n{6}</g>\n",
      p, internal::XmlEscape(n.PartyId(p)), count, kPartyColors[p], to[0], to[1], dots);
}

// Our walk-away as a horizontal line, and how the talks ended: the deal (a diamond at each
// side's utility) or the walk-away, at the last round, with a vertical line.
std::string EndMarks(const sim::Negotiation& n, const sim::NegotiationResult& r,
                     const sim::SimulationMetrics& m, const TimePlot& plot, double last_round) {
  const double walk = plot.Y(m.disagreement[0]);
  std::string svg = fmt::format(
      "<g id=\"walk-away\"><line x1=\"{0:.2f}\" y1=\"{1:.2f}\" x2=\"{2:.2f}\" y2=\"{1:.2f}\" "
      "stroke=\"{3}\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\"/>\n",
      kLeft, walk, kLeft + kPlotWidth, internal::kSvgInk);
  svg += internal::SvgText(kLeft + 6, walk - 5,
                           text::Possessive(internal::Shorten(Name(n, 0), 30)) + " walk-away",
                           "font-size=\"11\"") +
         "</g>\n";
  const double x = plot.X(last_round);
  std::string label =
      r.agreement ? fmt::format("deal, round {}", r.rounds_used - 1)
      : r.ending == sim::Ending::kWalkAway
          ? fmt::format("{} walked away, round {}", internal::Shorten(Name(n, *r.ended_by), 30),
                        r.rounds_used - 1)
      : r.ending == sim::Ending::kDeadline ? std::string("no deal by the deadline")
                                           : std::string("no deal: the protocol was broken");
  svg += fmt::format(
      "<g id=\"ending\" stroke=\"{0}\"><line x1=\"{1:.2f}\" y1=\"{2:.2f}\" x2=\"{1:.2f}\" "
      "y2=\"{3:.2f}\" stroke-width=\"1\" stroke-dasharray=\"3 3\"/>\n",
      r.agreement ? kDealColor : internal::kSvgMuted, x, kTop, kTop + kPlotHeight);
  if (r.agreement) {
    for (std::size_t p = 0; p < 2; ++p) {
      const double y = plot.Y(m.utility[p]);
      svg += fmt::format(
          "<path d=\"M{0:.2f} {1:.2f}L{2:.2f} {3:.2f}L{0:.2f} {4:.2f}L{5:.2f} {3:.2f}Z\" "
          "fill=\"{6}\" stroke-width=\"1.5\"/>\n",
          x, y - 7, x + 7, y, y + 7, x - 7, kDealColor);
    }
  }
  svg +=
      internal::SvgText(x, kTop - 4, label, "text-anchor=\"end\" font-size=\"11\" stroke=\"none\"");
  return svg + "</g>\n";
}

// The legend, right of the plot.
std::string TimeLegend(const sim::Negotiation& n) {
  std::string svg = "<g id=\"time-legend\">\n";
  double y = kTop + 60;
  for (std::size_t p = 0; p < 2; ++p, y += 24) {
    svg += fmt::format(
        "<line x1=\"650\" y1=\"{0:.1f}\" x2=\"680\" y2=\"{0:.1f}\" stroke=\"{1}\" "
        "stroke-width=\"2\"/>\n",
        y, kPartyColors[p]);
    svg += internal::SvgText(688, y + 4,
                             text::Possessive(internal::Shorten(Name(n, p), 30)) + " offers", "");
  }
  return svg + "</g>\n";
}

// The second panel: each party's utility of each offer by round.
std::string UtilityOverTime(const sim::Negotiation& n, const sim::NegotiationResult& r,
                            const sim::SimulationMetrics& m) {
  std::uint64_t end = 0;  // the last round played
  for (const sim::TraceEntry& e : r.trace) end = std::max(end, e.round);
  const TimePlot plot{static_cast<double>(std::max<std::uint64_t>(end, 1))};
  std::string svg =
      internal::SvgText(kLeft, 36, "Utility over time", "font-size=\"20\" font-weight=\"bold\"");
  svg += TimeAxes(n, plot);
  for (std::size_t p = 0; p < 2; ++p) svg += OfferSeries(n, r, m, plot, p);
  svg += EndMarks(n, r, m, plot, static_cast<double>(end));
  return svg + TimeLegend(n);
}

// A size attribute ("width", "height") of the first tag of an SVG document.
double SvgSize(const std::string& svg, const std::string& name) {
  const std::size_t at = svg.find(" " + name + "=\"");
  return at == std::string::npos || at > svg.find('>')
             ? 0
             : std::stod(svg.substr(at + name.size() + 3));
}

}  // namespace

std::string RenderSimulationSvg(const sim::Negotiation& n, const sim::NegotiationResult& r,
                                const sim::SimulationMetrics& m) {
  if (n.PartyCount() != 2) {
    throw Error(ErrorCode::kUsage, "the chart shows two parties; this negotiation has " +
                                       std::to_string(n.PartyCount()));
  }
  const Case& c = n.GetCase();
  const analysis::Frontier f = analysis::ComputeDealFrontier(c);
  FrontierSvgOptions options;
  options.seed = n.options().seed;
  for (std::size_t p = 0; p < 2; ++p) {
    FrontierPath path{text::Possessive(Name(n, p)) + " offers", {}, kPartyColors[p]};
    for (const sim::TraceEntry& e : r.trace) {
      if (e.party == p && e.action == sim::ActionKind::kOffer && e.outcome) {
        path.outcomes.push_back(*e.outcome);
      }
    }
    options.paths.push_back(std::move(path));
  }
  if (r.agreement) options.markers.push_back({"The deal", *r.outcome, "diamond", kDealColor});
  const std::string dance =
      RenderFrontierSvg(c, f, {analysis::Solve(f, analysis::SolutionRule::kNash)}, options);
  const double width = std::max(SvgSize(dance, "width"), kPanelWidth);
  const double height = SvgSize(dance, "height");
  std::string svg = internal::SvgBegin(
      width, height + kPanelHeight, c.title.empty() ? "Simulation" : c.title,
      "Two panels: the offers in utility space over the deal space (the offer dance), and each "
      "party's utility of each offer by round (utility over time). Made by Parley.");
  svg += "<g id=\"offer-dance\">\n" + dance + "</g>\n";
  svg += fmt::format("<g id=\"utility-over-time\" transform=\"translate(0,{})\">\n", height);
  return svg + UtilityOverTime(n, r, m) + "</g>\n</svg>\n";
}

namespace {

Json ParamJson(const sim::ParamInfo& p) {
  Json j;
  j["name"] = p.name;
  j["help"] = p.help;
  if (p.part) {
    j["part"] = sim::EntryKindName(*p.part);
  } else {
    j["min"] = p.min;
    j["max"] = p.max;
  }
  j["default"] = p.default_value ? Json(*p.default_value) : Json(p.default_text);
  return j;
}

}  // namespace

std::string RenderStrategiesText(const sim::StrategyRegistry& registry) {
  std::string out;
  for (const sim::EntryKind kind : {sim::EntryKind::kStrategy, sim::EntryKind::kOffer,
                                    sim::EntryKind::kAccept, sim::EntryKind::kModel}) {
    out += kind == sim::EntryKind::kStrategy
               ? "Strategies (--us, --them):\n"
               : fmt::format("\nParts for boa's {}=:\n", sim::EntryKindName(kind));
    for (const sim::StrategyInfo& info : registry.Entries()) {
      if (info.kind != kind) continue;
      out += fmt::format("  {:<13} {}\n", info.name, info.summary);
      if (!info.source.empty()) out += fmt::format("  {:<13} source: {}\n", "", info.source);
      for (const sim::ParamInfo& p : info.params) {
        const std::string range =
            p.part ? "" : " [" + FormatNumber(p.min) + ", " + FormatNumber(p.max) + "]";
        out += fmt::format("  {:<13}   {}={}{}: {}\n", "", p.name, p.default_text, range, p.help);
      }
    }
  }
  return out +
         "\nWrite a strategy as name(param=value,...), e.g. boulware(e=0.2) or\n"
         "boa(offer=timedep(e=2),accept=combi(t=0.98),model=frequency). docs/simulation.md "
         "defines them.\n";
}

Json StrategiesJson(const sim::StrategyRegistry& registry) {
  Json strategies = Json::array(), parts = Json::array();
  for (const sim::StrategyInfo& info : registry.Entries()) {
    Json j;
    j["name"] = info.name;
    j["kind"] = sim::EntryKindName(info.kind);
    j["summary"] = info.summary;
    j["source"] = info.source;
    j["needs_brief"] = info.needs_brief;
    Json params = Json::array();
    for (const sim::ParamInfo& p : info.params) params.push_back(ParamJson(p));
    j["params"] = params;
    (info.kind == sim::EntryKind::kStrategy ? strategies : parts).push_back(std::move(j));
  }
  return {{"command", "strategies"}, {"strategies", strategies}, {"parts", parts}};
}

}  // namespace parley::report
