// `parley strategies` and `parley simulate`: the negotiation engine's registry and one
// negotiation played between two strategies on a case.
#include <memory>
#include <ostream>

#include "cli_common.h"
#include "parley/core/error.h"
#include "parley/io/file.h"
#include "parley/plan/brief.h"
#include "parley/report/json_text.h"
#include "parley/report/simulation_report.h"
#include "parley/service/later_commands.h"
#include "parley/sim/strategy_registry.h"

namespace parley::cli {

namespace {

struct SimulateOptions {
  std::string file;
  service::PlayOptions play;  // --us --them --rounds --seed --discount
  std::string svg;
  bool force = false;
};

int RunSimulate(Io& io, const SimulateOptions& opts) {
  RefuseToReplace(opts.svg, opts.force);
  const sim::StrategyRegistry& registry = sim::BuiltinStrategies();
  // Both strategies are checked before the case is read.
  registry.Resolve(opts.play.us);
  registry.Resolve(opts.play.them);
  int code = kExitOk;
  const io::LoadResult result = LoadOrReport(io, opts.file, code);
  if (!result.Ok()) return code;
  const Case& c = *result.value;
  const service::Simulation s = service::Simulate(c, opts.play);
  if (!opts.svg.empty()) {
    io::WriteFileAtomically(opts.svg,
                            report::RenderSimulationSvg(*s.negotiation, s.result, s.metrics));
  }
  if (io.format == OutputFormat::kJson) {
    service::RunOptions run;
    run.play = opts.play;
    run.svg = opts.svg;
    return PrintRunJson(io, "simulate", c, opts.file, run);
  }
  report::SimulationView view;
  view.file = opts.file;
  view.us = s.us;
  view.them = s.them;
  view.svg_file = opts.svg;
  io.out << report::RenderSimulationText(*s.negotiation, s.result, s.metrics, view);
  return kExitOk;
}

}  // namespace

void AddStrategiesCommand(CLI::App& app, Io& io, Action& action) {
  auto* cmd = app.add_subcommand("strategies", "The negotiation strategies simulate can play");
  AddFormatOption(*cmd, io.format);
  cmd->footer(
      "Lists every strategy and every part of a composite strategy, with its parameters, their\n"
      "ranges and defaults. docs/simulation.md defines them.\n\n"
      "Examples:\n"
      "  parley strategies\n"
      "  parley strategies --format json");
  cmd->callback([&action] {
    action = [](Io& io) {
      const sim::StrategyRegistry& registry = sim::BuiltinStrategies();
      if (io.format == OutputFormat::kJson) {
        io.out << report::JsonText(report::StrategiesJson(registry));
      } else {
        io.out << report::RenderStrategiesText(registry);
      }
      return kExitOk;
    };
  });
}

void AddSimulateCommand(CLI::App& app, Io& io, Action& action) {
  auto opts = std::make_shared<SimulateOptions>();
  auto* cmd = app.add_subcommand("simulate", "Play one negotiation between two strategies");
  AddCaseArgument(*cmd, opts->file);
  cmd->add_option("--us", opts->play.us, "Our strategy, e.g. boulware(e=0.2)")->required();
  cmd->add_option("--them", opts->play.them, "Every other party's strategy, e.g. conceder")
      ->required();
  cmd->add_option("--rounds", opts->play.rounds, "The deadline in rounds, 1 to 1,000,000")
      ->default_val(100)
      ->check(WholeNumberIn(1, 1'000'000, "1 to 1,000,000"));
  cmd->add_option("--seed", opts->play.seed, "Seed of every random draw of every strategy")
      ->default_val(1)
      ->check(WholeNumberIn(0, UINT64_MAX, "0 to 2^64-1"));
  cmd->add_option("--discount", opts->play.discount,
                  "Discount per round: a deal in round r is worth u x D^r (1: none)")
      ->default_val(1)
      ->check(NumberIn(1e-9, 1, "1e-9 to 1"));
  cmd->add_option("--svg", opts->svg,
                  "Also write the offer dance over the frontier as SVG (two parties)");
  cmd->add_flag("--force", opts->force, "Replace the --svg file if it exists");
  AddFormatOption(*cmd, io.format);
  cmd->footer(
      "Plays the stacked alternating offers protocol: in each round every party in turn (us\n"
      "first) accepts the offer on the table, counters or walks away; a deal needs every other\n"
      "party's acceptance. Prints the moves with every party's utility, the result and the\n"
      "metrics (distance to the Pareto frontier and the Nash point, share of the surplus).\n"
      "`parley strategies` lists the strategies; docs/simulation.md defines them.\n\n"
      "Examples:\n"
      "  parley simulate examples/sales-renewal.yaml --us boulware --them conceder\n"
      "  parley simulate examples/hiring-offer.yaml --us 'boa(offer=timedep(e=0.5),"
      "accept=combi(t=0.95))' --them micro --rounds 200 --format json\n"
      "  parley simulate examples/sales-renewal.yaml --us hardheaded --them random --seed 7 "
      "--svg dance.svg");
  cmd->callback([&action, opts] { action = [opts](Io& io) { return RunSimulate(io, *opts); }; });
}

}  // namespace parley::cli
