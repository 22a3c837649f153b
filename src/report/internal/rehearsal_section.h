#pragma once

// The rehearsal as parts of the preparation brief (`parley plan --rehearse`): the document
// section the text, Markdown and HTML briefs carry, and the JSON the brief's "rehearsal" key
// holds. Written in rehearsal_report.cc beside `parley rehearse`'s own renderers, so both read
// the same figures the same way.

#include <nlohmann/json.hpp>
#include <string>

#include "internal/document.h"
#include "parley/core/case.h"
#include "parley/plan/brief.h"
#include "parley/sim/rehearsal.h"

namespace parley::report::internal {

/// The section "Rehearsal" (id "rehearsal"): what was played and drawn with the seed and the
/// sample count, the figures (agreement, our value's p5, median, p95 and mean, then the brief's
/// own predicted deal, our value after the plan's last step, the reserve and the walk-away, all in
/// our value units), each counterpart, who beats the plan, where it breaks by step and what to
/// change. `b` is the brief rehearsed; `file` the CASE argument (for the command that reproduces
/// it). O(counterparts + steps).
DocSection RehearsalSection(const Case& c, const plan::Brief& b, const sim::Rehearsal& r,
                            const std::string& file);

/// The brief's "rehearsal" key: RehearsalJson(r, file) without "command" and "file" (the
/// brief names them once, at its top). O(counterparts + steps).
nlohmann::ordered_json RehearsalSectionJson(const sim::Rehearsal& r);

}  // namespace parley::report::internal
