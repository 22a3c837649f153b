#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "cli_common.h"
#include "parley/core/error.h"
#include "parley/io/file.h"
#include "parley/plan/brief.h"
#include "parley/report/brief_render.h"
#include "parley/report/brief_xlsx.h"
#include "parley/service/rehearse.h"
#include "parley/sim/rehearsal.h"
#include "parley/sim/strategy_registry.h"

namespace parley::cli {

namespace {

struct PlanCommandOptions {
  std::string file;
  std::string output;
  bool force = false;
  plan::PlanOptions model;
  std::size_t meso = 3;
  bool rehearse = false;  // --rehearse and the rehearsal's own options
  std::string them;
  std::size_t rehearse_samples = 600;
  std::uint64_t rehearse_seed = 1;
  std::uint64_t rounds = 100;
  int threads = 0;
};

// --rehearse and its options; the rehearsal's seed and samples have names of their own, since
// --seed and --samples already set the power model's draws (the brief's prediction).
void AddRehearseOptions(CLI::App& cmd, PlanCommandOptions& o) {
  CLI::Option* flag = cmd.add_flag(
      "--rehearse", o.rehearse,
      "Add a rehearsal section: the brief's plan played against a mix of counterparts, as "
      "`parley rehearse` does");
  cmd.add_option("--them", o.them,
                 "Rehearsal: counterpart strategies, comma-separated (default: boulware, linear, "
                 "conceder, hardheaded, micro, relative_tft)")
      ->needs(flag);
  cmd.add_option("--rehearse-samples", o.rehearse_samples,
                 "Rehearsal: negotiations played, 1 to 1,000,000 (`parley rehearse --samples`)")
      ->default_val(600)
      ->check(WholeNumberIn(1, 1'000'000, "1 to 1,000,000"))
      ->needs(flag);
  cmd.add_option("--rehearse-seed", o.rehearse_seed,
                 "Rehearsal: seed of every draw (`parley rehearse --seed`)")
      ->default_val(1)
      ->check(WholeNumberIn(0, UINT64_MAX, "0 to 2^64-1"))
      ->needs(flag);
  cmd.add_option("--rounds", o.rounds, "Rehearsal: the deadline in rounds, 1 to 1,000,000")
      ->default_val(100)
      ->check(WholeNumberIn(1, 1'000'000, "1 to 1,000,000"))
      ->needs(flag);
  cmd.add_option("--threads", o.threads, "Rehearsal: threads (0: every core); the same result")
      ->default_val(0)
      ->check(WholeNumberIn(0, 1024, "0 to 1024"))
      ->needs(flag);
}

// The rehearsal of the brief when --rehearse asks for it: the same figures as `parley rehearse`
// with the same --them, samples, seed and rounds.
std::optional<sim::Rehearsal> RehearseBrief(const Case& c, const plan::Brief& brief,
                                            const PlanCommandOptions& o) {
  if (!o.rehearse) return std::nullopt;
  if (brief.us != c.Us().id) {
    throw Error(ErrorCode::kUsage, "--rehearse plays the case's own side (" + c.Us().id +
                                       "), not the chair of --as " + brief.us);
  }
  sim::RehearsalOptions options;
  options.them = service::SplitSpecs(o.them);
  options.samples = o.rehearse_samples;
  options.seed = o.rehearse_seed;
  options.rounds = o.rounds;
  return service::RehearseInParallel(c, brief, options, o.threads);
}

}  // namespace

void AddPlanCommand(CLI::App& app, Io& io, Action& action) {
  auto opts = std::make_shared<PlanCommandOptions>();
  auto* cmd = app.add_subcommand(
      "plan", "Write the preparation brief: tradeables, MESO, anchor, concessions, playbook");
  AddCaseArgument(*cmd, opts->file);
  cmd->add_option("-o,--output", opts->output,
                  "Write the brief to FILE; the format follows the extension: .txt, .md, "
                  ".html, .json or .xlsx (default: text on the terminal)");
  cmd->add_flag("--force", opts->force, "Replace the output file if it exists");
  AddModelOptions(*cmd, opts->model.power, "Prepare from this party's chair (role reversal)");
  cmd->add_option("--meso", opts->meso, "MESO packages wanted, 2 to 4")
      ->default_val(3)
      ->check(WholeNumberIn(2, 4, "2 to 4"));
  cmd->add_option("--steps", opts->model.concessions.max_steps, "Most planned concessions, 1 to 8")
      ->default_val(4)
      ->check(WholeNumberIn(1, 8, "1 to 8"));
  AddRehearseOptions(*cmd, *opts);
  AddFormatOption(*cmd, io.format);
  cmd->footer(
      "Builds the whole preparation brief from the case: the power assessment and deal space,\n"
      "tradeables and give-get pairs, the anchor with its evidence, MESO packages, a concession\n"
      "plan paced to the deadline, the concession log checked for reciprocity, a playbook for\n"
      "the case's context with scripts filled from the case, the method's checklist and the\n"
      "pitfalls. docs/plan.md defines every part. Files are never replaced without --force.\n\n"
      "Examples:\n"
      "  parley plan examples/sales-renewal.yaml\n"
      "  parley plan examples/sales-renewal.yaml -o brief.html\n"
      "  parley plan examples/procurement-components.yaml -o brief.xlsx --force\n"
      "  parley plan examples/hiring-offer.yaml --as dana --format json\n"
      "  parley plan examples/sales-renewal.yaml --rehearse --rehearse-samples 300 -o brief.md");
  cmd->callback([&action, opts, cmd] {
    action = [opts, cmd](Io& io) {
      std::optional<report::BriefFormat> file_format;
      if (!opts->output.empty()) {
        file_format = report::BriefFormatForPath(opts->output);
        if (cmd->count("--format") > 0 && io.format == OutputFormat::kJson &&
            *file_format != report::BriefFormat::kJson) {
          throw Error(ErrorCode::kUsage, "--format json conflicts with " + opts->output +
                                             ": the file's extension sets its format");
        }
        RefuseToReplace(opts->output, opts->force);
      }
      opts->model.meso.count = opts->meso;
      if (opts->rehearse) {
        for (const std::string& t : service::SplitSpecs(opts->them)) {
          sim::BuiltinStrategies().Resolve(t);
        }
      }
      int code = kExitOk;
      const io::LoadResult result = LoadOrReport(io, opts->file, code);
      if (!result.Ok()) return code;
      const Case& c = *result.value;
      if (!file_format && io.format == OutputFormat::kJson && !opts->rehearse) {
        service::RunOptions run;
        run.plan = opts->model;
        return PrintRunJson(io, "plan", c, opts->file, run);
      }
      const plan::Brief brief = plan::BuildBrief(c, opts->model);
      const std::optional<sim::Rehearsal> rehearsal = RehearseBrief(c, brief, *opts);
      const sim::Rehearsal* r = rehearsal ? &*rehearsal : nullptr;
      if (!file_format) {
        const report::BriefFormat format = io.format == OutputFormat::kJson
                                               ? report::BriefFormat::kJson
                                               : report::BriefFormat::kText;
        io.out << report::RenderBrief(c, brief, opts->file, format, r);
        return kExitOk;
      }
      if (*file_format == report::BriefFormat::kXlsx) {
        report::WriteBriefXlsx(opts->output, c, brief, r);
      } else {
        io::WriteFileAtomically(opts->output,
                                report::RenderBrief(c, brief, opts->file, *file_format, r));
      }
      if (io.format == OutputFormat::kJson) {
        PrintJson(io.out, report::BriefWrittenJson(opts->file, opts->output, *file_format));
      } else {
        io.out << report::RenderBriefWrittenText(opts->output, *file_format);
      }
      return kExitOk;
    };
  });
}

}  // namespace parley::cli
