#pragma once

/// What `parley rehearse --interactive` prints: the position at our turn (the offer on the table
/// with its value to us and the counterpart's utility), the coach's comments on a move, the
/// commands, and the end (the result and the metrics as `parley simulate` prints them, and the
/// coach's summary). The CLI reads the lines; these only render.
///
///   std::cout << parley::report::RenderSessionTurnText(session);
///   std::cout << parley::report::RenderCoachText(session.Play(move));
///   std::cout << parley::report::RenderSessionEndText(session, "examples/sales-renewal.yaml");

#include <string>
#include <vector>

#include "parley/sim/coach.h"
#include "parley/sim/rehearsal_session.h"

namespace parley::report {

/// The opening lines: who plays whom, the deadline and the commands. O(1).
std::string RenderSessionStartText(const sim::RehearsalSession& s, const std::string& them);

/// Our turn: the round of the deadline, the offer on the table (who made it, its terms, its
/// value to us and every other party's utility) or nothing yet, then the prompt. O(issues).
std::string RenderSessionTurnText(const sim::RehearsalSession& s);

/// The coach's comments on one move, one per line ("coach: no comment" when none). O(comments).
std::string RenderCoachText(const std::vector<sim::CoachComment>& comments);

/// The commands the session reads. O(1).
std::string RenderSessionHelpText();

/// The end: how the session ended, the result and the metrics (RenderSimulationText, the
/// trace shortened), and the coach's summary. Cost: sim::ComputeMetrics + O(trace).
std::string RenderSessionEndText(const sim::RehearsalSession& s, const std::string& file,
                                 const std::string& them);

}  // namespace parley::report
