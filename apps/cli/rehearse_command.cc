// `parley rehearse`: our `parley` strategy against a mix of counterparts over the case's
// uncertainty, the samples run in parallel with oneTBB (parley/service/rehearse.h, shared with
// `parley plan --rehearse` and the server).
#include <memory>
#include <ostream>

#include "cli_common.h"
#include "parley/core/error.h"
#include "parley/plan/brief.h"
#include "parley/report/json_text.h"
#include "parley/report/rehearsal_report.h"
#include "parley/service/rehearse.h"
#include "parley/sim/rehearsal.h"
#include "parley/sim/strategy_registry.h"
#include "rehearse_interactive.h"

namespace parley::cli {

namespace {

struct RehearseOptions {
  std::string file;
  service::PlayOptions play;  // --them --samples --seed --rounds --threads
  bool interactive = false;
};

int RunRehearse(Io& io, const RehearseOptions& opts) {
  sim::RehearsalOptions options;
  options.them = service::SplitSpecs(opts.play.them);
  options.samples = opts.play.samples;
  options.seed = opts.play.seed;
  options.rounds = opts.play.rounds;
  for (const std::string& t : options.them) sim::BuiltinStrategies().Resolve(t);
  int code = kExitOk;
  const io::LoadResult result = LoadOrReport(io, opts.file, code);
  if (!result.Ok()) return code;
  const Case& c = *result.value;
  if (io.format == OutputFormat::kJson) {
    service::RunOptions run;
    run.play = opts.play;
    return PrintRunJson(io, "rehearse", c, opts.file, run);
  }
  const plan::Brief brief = plan::BuildBrief(c);  // once, read by every sample
  const sim::Rehearsal r = service::RehearseInParallel(c, brief, options, opts.play.threads);
  io.out << report::RenderRehearsalText(c, r, opts.file);
  return kExitOk;
}

}  // namespace

void AddRehearseCommand(CLI::App& app, Io& io, Action& action) {
  auto opts = std::make_shared<RehearseOptions>();
  auto* cmd = app.add_subcommand(
      "rehearse", "Play the brief's plan against many counterparts over the case's uncertainty");
  AddCaseArgument(*cmd, opts->file);
  cmd->add_option("--them", opts->play.them,
                  "Counterpart strategies, comma-separated (default: boulware, linear, "
                  "conceder, hardheaded, micro, relative_tft)");
  cmd->add_option("--samples", opts->play.samples, "Negotiations played, 1 to 1,000,000")
      ->default_val(600)
      ->check(WholeNumberIn(1, 1'000'000, "1 to 1,000,000"));
  cmd->add_option("--seed", opts->play.seed, "Seed of every draw")
      ->default_val(1)
      ->check(WholeNumberIn(0, UINT64_MAX, "0 to 2^64-1"));
  cmd->add_option("--rounds", opts->play.rounds, "The deadline in rounds, 1 to 1,000,000")
      ->default_val(100)
      ->check(WholeNumberIn(1, 1'000'000, "1 to 1,000,000"));
  cmd->add_option("--threads", opts->play.threads,
                  "Threads (0: every core); the result is the same")
      ->default_val(0)
      ->check(WholeNumberIn(0, 1024, "0 to 1024"));
  cmd->add_flag("--interactive", opts->interactive,
                "You play us, one command a line, against one counterpart (--them, default "
                "boulware); a coach comments each move");
  AddFormatOption(*cmd, io.format);
  cmd->footer(
      "Plays our `parley` strategy (the brief: anchor, concession plan, MESO, floors, walk-away)\n"
      "against each counterpart in turn, every uncertain BATNA drawn in its range and an unknown\n"
      "deadline drawn around --rounds. Reports the agreement rate, our value against the\n"
      "predicted deal, each counterpart, who beats the plan, where it breaks and what to\n"
      "change. docs/simulation.md, \"Rehearsal\".\n\n"
      "Examples:\n"
      "  parley rehearse examples/sales-renewal.yaml\n"
      "  parley rehearse examples/hiring-offer.yaml --them boulware,micro --samples 2000 "
      "--format json\n"
      "  parley rehearse examples/sales-renewal.yaml --interactive --them hardheaded --rounds 20");
  cmd->callback([&action, opts] {
    action = [opts](Io& io) {
      if (!opts->interactive) return RunRehearse(io, *opts);
      return RunInteractiveRehearse(
          io, {opts->file, opts->play.them, opts->play.rounds, opts->play.seed});
    };
  });
}

}  // namespace parley::cli
