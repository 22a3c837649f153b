#pragma once

/// The influence graph of a stakeholder map as a self-contained, deterministic SVG: one panel per
/// party with stakeholders (in the map's order), its members on a circle in file order (the
/// first at the top, clockwise; one or two members on one line), each node's area proportional to
/// its real say and its colour its stance, the real deciders ringed, veto holders marked, and an
/// arrow per influence tie with its weight. Written by `parley stakeholders CASE --svg FILE` and
/// drawn in the HTML brief.
///
///   const auto map = parley::stakeholders::MapStakeholders(c);
///   const std::string svg = parley::report::RenderInfluenceSvg(c, map);

#include <string>

#include "parley/core/case.h"
#include "parley/stakeholders/stakeholder_map.h"

namespace parley::report {

/// The influence graph as an SVG 1.1 document (no XML declaration, no external resources; the
/// text starts with "<svg").
///
/// Per party a group with id "party-PARTY" holding a heading (the party's display name, "(us)"
/// for our side, and its decision rule's name), a group "ties" with one
/// <line class="tie"> per ordered pair (Y, X) of members where X gives Y's view a weight w > 0
/// (the influence matrix, W[X][Y]), drawn from Y to X and ending in a
/// <polygon class="arrowhead"> (drawn, not a marker: nothing is referenced), a stroke width of 1 +
/// 4w and the weight as a percentage at its middle, and a group "members" with one <g class="member
/// ..."> per member: a <circle> of radius 8 + 22 * sqrt(real say), filled by stance (opposed -2..-1
/// red, below 0 light red, 0 grey, above 0 light green, +1..+2 green, unknown white with a dashed
/// outline), with class "decides" and a thick dark ring for a real decider and class "veto" and a
/// "veto" mark for a veto holder; the member's name (shortened to 24 bytes) and real say below it;
/// and a <title> with the name, title, role, stance, formal power, informal influence and real say.
/// A legend and a caption explain the marks. A map without parties gives a graph with one line
/// saying the case maps no stakeholders.
///
/// Deterministic: the same map gives the same bytes (positions rounded to 0.1 px). Every text
/// goes through the report layer's XML escaping. O(members^2) per party.
std::string RenderInfluenceSvg(const Case& c, const stakeholders::StakeholderMap& map);

}  // namespace parley::report
