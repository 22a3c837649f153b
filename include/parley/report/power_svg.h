#pragma once

/// The radar chart of the six sources of power as a self-contained, deterministic SVG: one
/// polygon per party (at most four, the chair on top), each vertex marked evidenced, asserted or
/// unscored, each party's overall share in the legend. Written by `parley power --svg FILE` and
/// drawn in the HTML brief.
///
///   const parley::power::SourceAssessment a = parley::power::AssessSources(c, {});
///   const std::string svg = parley::report::RenderPowerRadarSvg(c, a, c.Us().id);

#include <string>

#include "parley/core/case.h"
#include "parley/power/sources.h"

namespace parley::report {

/// A radar chart of the six sources of power (situational, knowledge, information,
/// organizational, personal, planning) as a self-contained SVG 1.1 document (no XML declaration,
/// no external fonts, images or scripts; the text starts with "<svg").
///
/// Six axes from the centre, one per source in PowerSource order clockwise from the top, each
/// scored 0..5 with rings (regular hexagons, group id "rings", innermost first) at 1..5 labelled
/// on the first axis. One closed polygon per drawn party, in a group with id "party-PARTYID"
/// (class "party", plus "perspective" for `perspective`) holding the <polygon> and then one
/// <circle class="vertex CONFIDENCE"> per source in PowerSource order, where CONFIDENCE is
/// "evidenced" (filled), "asserted" (hollow, scored without evidence) or "unscored" (small,
/// grey, dashed: drawn at the assumed score). Each circle holds a <title> with the party, source,
/// score and confidence. Scores are drawn clamped to 0..5 (a non-number as 0).
///
/// At most four parties are drawn: `perspective` in its own colour and on top of the others,
/// then the first three other parties of the assessment in its order; the caption names any
/// party left out, with its share. The legend lists the drawn parties (`perspective` first) with
/// their display names (from `c`, else the id), their overall share (`assessment.balance`, as a
/// percentage with one decimal), their total and how many sources are scored and evidenced,
/// then the three marker styles. Also drawn: the case title (or "Sources of power"), a subtitle
/// naming the perspective and a caption explaining the markers and the share.
///
/// Deterministic: the same inputs give the same bytes on every platform (fixed precision, no
/// trigonometry at run time). Text is XML-escaped.
/// Throws Error(kUsage) if `perspective` is not in `assessment.parties`, or if the assessment is
/// inconsistent (`power` and `balance` not one per party, or `power[k].party` not
/// `parties[k]`). Cost: O(parties); the text is about 4 KB plus 1 KB per drawn party.
std::string RenderPowerRadarSvg(const Case& c, const power::SourceAssessment& assessment,
                                const std::string& perspective);

}  // namespace parley::report
