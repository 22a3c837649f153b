#include <memory>
#include <ostream>
#include <string>

#include "cli_common.h"
#include "parley/plan/brief.h"
#include "parley/report/next_report.h"
#include "parley/sim/next_move.h"

namespace parley::cli {

namespace {

struct NextCommandOptions {
  std::string file;
  plan::PlanOptions model;
};

}  // namespace

void AddNextCommand(CLI::App& app, Io& io, Action& action) {
  auto opts = std::make_shared<NextCommandOptions>();
  auto* cmd = app.add_subcommand(
      "next", "In a live negotiation: where the talks stand and what to do next");
  AddCaseArgument(*cmd, opts->file);
  AddModelOptions(*cmd, opts->model.power, "Advise this party (role reversal)");
  AddFormatOption(*cmd, io.format);
  cmd->footer(
      "Reads the offers made so far from the case's `rounds` (docs/case-format.md), values each\n"
      "for every party and places it inside or outside the ZOPA, reads the other side's pace and\n"
      "the priorities their offers reveal (the frequency opponent model), and advises the next\n"
      "move: accept, counter (with the package and what to ask in return), hold, or walk away,\n"
      "with a line to say that never reveals our alternative, and the rest of the brief's\n"
      "concession plan re-paced from our last offer. The rules are in docs/next.md.\n\n"
      "Examples:\n"
      "  parley next examples/sales-renewal-live.yaml\n"
      "  parley next examples/sales-renewal-live.yaml --format json");
  cmd->callback([&action, opts] {
    action = [opts](Io& io) {
      int code = kExitOk;
      const io::LoadResult result = LoadOrReport(io, opts->file, code);
      if (!result.Ok()) return code;
      const Case& c = *result.value;
      if (io.format == OutputFormat::kJson) {
        service::RunOptions run;
        run.plan = opts->model;
        return PrintRunJson(io, "next", c, opts->file, run);
      }
      const plan::Brief brief = plan::BuildBrief(c, opts->model);
      const sim::NextMove move = sim::AdviseNext(c, brief);
      io.out << report::RenderNextText(c, brief.power.floored.c, move);
      return kExitOk;
    };
  });
}

}  // namespace parley::cli
