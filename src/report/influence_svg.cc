#include "parley/report/influence_svg.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string>
#include <vector>

#include "internal/svg_util.h"
#include "parley/core/text.h"

namespace parley::report {
namespace {

using internal::kSvgInk;
using internal::kSvgMuted;
using internal::Shorten;
using internal::SvgText;
using internal::XmlEscape;
using stakeholders::MemberPower;
using stakeholders::PartyMap;

constexpr double kInfluenceWidth = 760;
constexpr double kPanel = 400;       // height of one party's panel
constexpr double kSmallPanel = 150;  // height of a one-member panel
constexpr double kTop = 56;          // below the title
constexpr double kRing = 115;        // radius of the circle the members sit on
constexpr double kFooter = 120;      // legend and caption
constexpr double kPi = 3.14159265358979323846;

// The fill of a stance, from the most opposed to the warmest (the legend lists the same rows).
struct StanceColour {
  double below;  // applies to stances below this
  const char* fill;
  const char* label;
};
constexpr StanceColour kStanceColours[] = {
    {-0.5, "#c92a2a", "opposed (-2 to -1)"}, {0, "#f4a6a6", "leaning against"},
    {1e-9, "#cbd2d9", "neutral (0)"},        {0.5, "#b2f2bb", "leaning for"},
    {1e9, "#2f9e44", "supports (+1 to +2)"},
};

const char* Fill(const MemberPower& p) {
  if (!p.stance) return "#ffffff";
  for (const StanceColour& s : kStanceColours) {
    if (*p.stance < s.below) return s.fill;
  }
  return kStanceColours[std::size(kStanceColours) - 1].fill;
}

double Radius(const MemberPower& p) { return 8 + 22 * std::sqrt(std::max(0.0, p.real_power)); }

struct Point {
  double x, y;
};

// One or two members sit on one line in a short panel; more on a circle.
double PanelHeight(const PartyMap& m) { return m.members.size() <= 2 ? kSmallPanel : kPanel; }

// Members on a circle, the first at the top, clockwise; one member at the centre, two side by
// side.
std::vector<Point> Layout(std::size_t n, double top) {
  const double line = top + kSmallPanel / 2;
  if (n == 1) return {{kInfluenceWidth / 2, line}};
  if (n == 2) return {{kInfluenceWidth / 2 - kRing, line}, {kInfluenceWidth / 2 + kRing, line}};
  const Point centre{kInfluenceWidth / 2, top + kPanel / 2 + 20};
  std::vector<Point> out;
  for (std::size_t i = 0; i < n; ++i) {
    const double a = 2 * kPi * static_cast<double>(i) / static_cast<double>(n);
    out.push_back({std::round((centre.x + kRing * std::sin(a)) * 10) / 10,
                   std::round((centre.y - kRing * std::cos(a)) * 10) / 10});
  }
  return out;
}

std::string StanceText(const MemberPower& p) {
  if (!p.stance) return "stance unknown";
  return std::string("stance ") + (*p.stance > 0 ? "+" : "") + text::Fixed(*p.stance, 1);
}

// The ties of one party: an arrow from Y to X for every W[X][Y] > 0, set off to its right so
// that ties both ways stay apart, and its weight at the middle.
std::string DrawTies(const PartyMap& m, const std::vector<Point>& at) {
  std::string svg = "<g class=\"ties\" stroke=\"#7b8794\">\n";
  const std::size_t n = m.members.size();
  for (std::size_t y = 0; y < n; ++y) {
    for (std::size_t x = 0; x < n; ++x) {
      const double w = x == y ? 0 : m.influence[x][y];
      if (w <= 0) continue;
      const double dx = at[x].x - at[y].x, dy = at[x].y - at[y].y;
      const double len = std::hypot(dx, dy);
      if (len <= 0) continue;
      const double ux = dx / len, uy = dy / len;
      const double off = 4;  // to the right of the direction of the arrow
      const double from = Radius(m.members[y]) + 2, to = Radius(m.members[x]) + 3;
      const Point a{at[y].x + ux * from - uy * off, at[y].y + uy * from + ux * off};
      const Point b{at[x].x - ux * to - uy * off, at[x].y - uy * to + ux * off};
      // The arrowhead is drawn, not a marker: the page references nothing, not even url(#id).
      const Point base{b.x - ux * 10, b.y - uy * 10};
      svg += fmt::format(
          "<line class=\"tie\" x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" "
          "stroke-width=\"{:.1f}\"><title>{}</title></line>\n",
          a.x, a.y, base.x, base.y, 1 + 4 * w,
          XmlEscape(m.members[x].name + " gives " + text::Percent(w) + " of their weight to " +
                    m.members[y].name + "'s view"));
      svg += fmt::format(
          "<polygon class=\"arrowhead\" points=\"{:.1f},{:.1f} {:.1f},{:.1f} {:.1f},{:.1f}\" "
          "fill=\"#7b8794\" stroke=\"none\"/>\n",
          b.x, b.y, base.x - uy * 5, base.y + ux * 5, base.x + uy * 5, base.y - ux * 5);
      svg += SvgText((a.x + b.x) / 2 - uy * 8, (a.y + b.y) / 2 + ux * 8 + 4, text::Percent(w),
                     "font-size=\"11\" stroke=\"none\" fill=\"" + std::string(kSvgMuted) +
                         "\" text-anchor=\"middle\"");
    }
  }
  return svg + "</g>\n";
}

// `above`: the name goes above the node (nodes in the upper half of the circle), so that the
// ties, which run inward, cross no name.
std::string DrawMember(const MemberPower& p, Point at, bool above) {
  const double r = Radius(p);
  std::string cls = std::string("member") + (p.decides ? " decides" : "") + (p.veto ? " veto" : "");
  std::string svg = fmt::format("<g class=\"{}\" id=\"member-{}\">\n", cls, XmlEscape(p.id));
  svg +=
      "<title>" +
      XmlEscape(p.name + (p.title.empty() || p.title == p.name ? "" : ", " + p.title) +
                (p.role.empty() ? "" : ", " + p.role) + "; " + StanceText(p) + "; formal power " +
                text::Percent(p.formal_power) + ", informal influence " +
                text::Percent(p.informal_influence) + ", real say " + text::Percent(p.real_power) +
                (p.decides ? "; a real decider" : "") + (p.veto ? "; holds a veto" : "")) +
      "</title>\n";
  svg += fmt::format(
      "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:.1f}\" fill=\"{}\" stroke=\"{}\" "
      "stroke-width=\"{}\"{}/>\n",
      at.x, at.y, r, Fill(p), p.decides ? kSvgInk : kSvgMuted, p.decides ? 3.5 : 1,
      p.stance ? "" : " stroke-dasharray=\"4 3\"");
  if (p.veto) {
    svg += SvgText(at.x - r - 5, at.y + 4, "veto",
                   "font-size=\"11\" font-weight=\"bold\" fill=\"#c92a2a\" "
                   "text-anchor=\"end\"");
  }
  const double name_y = above ? at.y - r - 22 : at.y + r + 15;
  svg += SvgText(at.x, name_y, Shorten(p.name, 24), "text-anchor=\"middle\"");
  svg += SvgText(at.x, name_y + 14, "real say " + text::Percent(p.real_power),
                 "font-size=\"11\" text-anchor=\"middle\" fill=\"" + std::string(kSvgMuted) + "\"");
  return svg + "</g>\n";
}

std::string DrawParty(const Case& c, const PartyMap& m, double top) {
  const std::vector<Point> at = Layout(m.members.size(), top);
  std::string svg = fmt::format("<g class=\"party\" id=\"party-{}\">\n", XmlEscape(m.party));
  svg += SvgText(20, top + 22,
                 Shorten(PartyName(c, m.party), 48) + (m.ours ? " (us)" : "") + ": decision rule " +
                     DecisionRuleName(m.rule.rule.rule) + (m.rule.assumed ? " (assumed)" : ""),
                 "font-size=\"15\" font-weight=\"bold\"");
  svg += DrawTies(m, at);
  svg += "<g class=\"members\">\n";
  const double centre_y = top + PanelHeight(m) / 2 + 20;
  for (std::size_t i = 0; i < m.members.size(); ++i) {
    svg += DrawMember(m.members[i], at[i], m.members.size() > 2 && at[i].y < centre_y - 1);
  }
  return svg + "</g>\n</g>\n";
}

std::string DrawLegend(double top) {
  std::string svg = "<g id=\"legend\" font-size=\"12\">\n";
  double x = 20;
  for (const StanceColour& s : kStanceColours) {
    svg += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"6\" fill=\"{}\" stroke=\"{}\"/>\n",
                       x + 6, top - 4, s.fill, kSvgMuted);
    svg += SvgText(x + 16, top, s.label, "");
    x += 146;
  }
  svg += fmt::format(
      "<circle cx=\"26\" cy=\"{:.1f}\" r=\"6\" fill=\"#ffffff\" stroke=\"{}\" "
      "stroke-dasharray=\"4 3\"/>\n",
      top + 20, kSvgMuted);
  svg += SvgText(36, top + 24, "stance unknown", "");
  svg += fmt::format(
      "<circle cx=\"172\" cy=\"{:.1f}\" r=\"6\" fill=\"#ffffff\" stroke=\"{}\" "
      "stroke-width=\"3.5\"/>\n",
      top + 20, kSvgInk);
  svg += SvgText(182, top + 24, "thick ring: a real decider", "");
  svg += SvgText(372, top + 24, "veto", "font-weight=\"bold\" fill=\"#c92a2a\"");
  svg += SvgText(404, top + 24, "holds a veto", "");
  return svg + "</g>\n";
}

}  // namespace

std::string RenderInfluenceSvg(const Case& c, const stakeholders::StakeholderMap& map) {
  double panels = map.parties.empty() ? 60 : 0;
  for (const PartyMap& m : map.parties) panels += PanelHeight(m);
  const double height = kTop + panels + kFooter;
  std::string svg = internal::SvgBegin(
      kInfluenceWidth, height, "Who listens to whom: " + c.title,
      "Per party, its stakeholders sized by real say and coloured by stance, with an arrow for "
      "each influence tie and its weight; real deciders ringed, veto holders marked.");
  svg += SvgText(20, 30, Shorten("Who listens to whom: " + c.title, 90),
                 "font-size=\"17\" font-weight=\"bold\"");
  if (map.parties.empty()) {
    svg += SvgText(20, kTop + 30, "The case maps no stakeholders.", "");
  }
  double top = kTop;
  for (const PartyMap& m : map.parties) {
    svg += DrawParty(c, m, top);
    top += PanelHeight(m);
  }
  const double foot = height - kFooter + 24;
  svg += DrawLegend(foot);
  svg += "<g id=\"caption\" font-size=\"12\" fill=\"" + std::string(kSvgMuted) + "\">\n";
  svg += SvgText(20, foot + 56,
                 "Area: real say (formal power under the decision rule passed through who "
                 "listens to whom).",
                 "");
  svg += SvgText(20, foot + 74,
                 "An arrow from Y to X: X gives that share of their weight to Y's view "
                 "(docs/stakeholders.md).",
                 "");
  return svg + "</g>\n</svg>\n";
}

}  // namespace parley::report
