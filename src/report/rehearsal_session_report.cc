#include "parley/report/rehearsal_session_report.h"

#include <fmt/format.h>

#include "parley/core/text.h"
#include "parley/report/outcome_format.h"
#include "parley/report/simulation_report.h"
#include "parley/sim/metrics.h"

namespace parley::report {

namespace {

std::string Name(const sim::Negotiation& n, std::size_t p) {
  return PartyName(n.GetCase(), n.PartyId(p));
}

}  // namespace

std::string RenderSessionStartText(const sim::RehearsalSession& s, const std::string& them) {
  const sim::Negotiation& n = s.GetNegotiation();
  std::string others;
  for (std::size_t p = 1; p < n.PartyCount(); ++p) others += (p > 1 ? ", " : "") + Name(n, p);
  return fmt::format(
      "Interactive rehearsal: you play {} against {} ({}), {} rounds, you move first.\n"
      "Utilities are as parley evaluate gives them: 0 a party's worst deal inside every floor, 1 "
      "its best.\n"
      "Commands: offer issue=value,...  accept  walk  plan  help  quit\n",
      Name(n, 0), others, them, n.options().rounds);
}

std::string RenderSessionTurnText(const sim::RehearsalSession& s) {
  const sim::Negotiation& n = s.GetNegotiation();
  const sim::Turn turn = s.CurrentTurn();
  std::string out = fmt::format("\nRound {} of {}.", turn.round + 1, n.options().rounds);
  if (turn.table == nullptr) {
    out += " Nothing on the table: make the opening offer.\n";
  } else {
    const Case& c = n.GetCase();
    out += fmt::format(" On the table, {} offer: {}\n", text::Possessive(Name(n, turn.table_by)),
                       PackageText(c, *turn.table));
    const std::vector<double> utility = s.Reported().Of(*turn.table);
    out += "  " + text::WorthTo(n.Valuation(0).Value(*turn.table), "us", s.Money(), s.Decimals()) +
           fmt::format(" (utility {})", text::Fixed(utility[0], 4));
    for (std::size_t p = 1; p < n.PartyCount(); ++p) {
      out +=
          fmt::format("; {} utility {}", text::Possessive(Name(n, p)), text::Fixed(utility[p], 4));
    }
    out += "\n";
  }
  return out + "> ";
}

std::string RenderCoachText(const std::vector<sim::CoachComment>& comments) {
  if (comments.empty()) return "coach: no comment.\n";
  std::string out;
  for (const sim::CoachComment& c : comments) {
    out += fmt::format("coach [{}]: {}\n", c.rule, c.text);
  }
  return out;
}

std::string RenderSessionHelpText() {
  return "  offer issue=value,...  put a package on the table (every issue, as in parley evaluate "
         "--offer)\n"
         "  accept                 accept the offer on the table\n"
         "  walk                   walk away: no deal\n"
         "  plan                   what the brief advises now (parley next on the talks so far)\n"
         "  help                   these commands\n"
         "  quit                   stop here: the result so far (end of input does the same)\n";
}

std::string RenderSessionEndText(const sim::RehearsalSession& s, const std::string& file,
                                 const std::string& them) {
  const sim::Negotiation& n = s.GetNegotiation();
  const sim::NegotiationResult& r = s.Result();
  std::string out;
  SimulationView view;
  view.stopped = s.Stopped();
  view.file = file;
  view.us = "you (interactive)";
  view.them = them;
  out += "\n" + RenderSimulationText(n, r, sim::ComputeMetrics(n, r), view);
  const sim::CoachSummary summary = s.Summary();
  out += "\nCoach's summary:\n";
  for (const std::string& line : summary.lines) out += "  " + line + "\n";
  return out;
}

}  // namespace parley::report
