// `parley rehearse`: our `parley` strategy against a mix of counterparts over the case's
// uncertainty, the samples run in parallel with oneTBB (rehearsal_run.h, shared with
// `parley plan --rehearse`).
#include <memory>
#include <ostream>

#include "cli_common.h"
#include "parley/core/error.h"
#include "parley/plan/brief.h"
#include "parley/report/json_text.h"
#include "parley/report/rehearsal_report.h"
#include "parley/sim/rehearsal.h"
#include "parley/sim/strategy_registry.h"
#include "rehearsal_run.h"
#include "rehearse_interactive.h"

namespace parley::cli {

namespace {

struct RehearseOptions {
  std::string file;
  std::string them;
  std::size_t samples = 600;
  std::uint64_t seed = 1;
  std::uint64_t rounds = 100;
  int threads = 0;
  bool interactive = false;
};

int RunRehearse(Io& io, const RehearseOptions& opts) {
  sim::RehearsalOptions options;
  options.them = SplitSpecs(opts.them);
  options.samples = opts.samples;
  options.seed = opts.seed;
  options.rounds = opts.rounds;
  for (const std::string& t : options.them) sim::BuiltinStrategies().Resolve(t);
  int code = kExitOk;
  const io::LoadResult result = LoadOrReport(io, opts.file, code);
  if (!result.Ok()) return code;
  const Case& c = *result.value;
  const plan::Brief brief = plan::BuildBrief(c);  // once, read by every sample
  const sim::Rehearsal r = RehearseInParallel(c, brief, options, opts.threads);
  if (io.format == OutputFormat::kJson) {
    io.out << report::JsonText(report::RehearsalJson(r, opts.file));
  } else {
    io.out << report::RenderRehearsalText(c, r, opts.file);
  }
  return kExitOk;
}

}  // namespace

void AddRehearseCommand(CLI::App& app, Io& io, Action& action) {
  auto opts = std::make_shared<RehearseOptions>();
  auto* cmd = app.add_subcommand(
      "rehearse", "Play the brief's plan against many counterparts over the case's uncertainty");
  AddCaseArgument(*cmd, opts->file);
  cmd->add_option("--them", opts->them,
                  "Counterpart strategies, comma-separated (default: boulware, linear, "
                  "conceder, hardheaded, micro, relative_tft)");
  cmd->add_option("--samples", opts->samples, "Negotiations played, 1 to 1,000,000")
      ->default_val(600)
      ->check(WholeNumberIn(1, 1'000'000, "1 to 1,000,000"));
  cmd->add_option("--seed", opts->seed, "Seed of every draw")
      ->default_val(1)
      ->check(WholeNumberIn(0, UINT64_MAX, "0 to 2^64-1"));
  cmd->add_option("--rounds", opts->rounds, "The deadline in rounds, 1 to 1,000,000")
      ->default_val(100)
      ->check(WholeNumberIn(1, 1'000'000, "1 to 1,000,000"));
  cmd->add_option("--threads", opts->threads, "Threads (0: every core); the result is the same")
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
      return RunInteractiveRehearse(io, {opts->file, opts->them, opts->rounds, opts->seed});
    };
  });
}

}  // namespace parley::cli
