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

namespace parley::cli {

namespace {

struct PlanCommandOptions {
  std::string file;
  std::string output;
  bool force = false;
  plan::PlanOptions model;
  std::size_t meso = 3;
};

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
      "  parley plan examples/hiring-offer.yaml --as dana --format json");
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
      int code = kExitOk;
      const io::LoadResult result = LoadOrReport(io, opts->file, code);
      if (!result.Ok()) return code;
      const Case& c = *result.value;
      if (!file_format && io.format == OutputFormat::kJson) {
        service::RunOptions run;
        run.plan = opts->model;
        return PrintRunJson(io, "plan", c, opts->file, run);
      }
      const plan::Brief brief = plan::BuildBrief(c, opts->model);
      if (!file_format) {
        io.out << report::RenderBrief(c, brief, opts->file, report::BriefFormat::kText);
        return kExitOk;
      }
      if (*file_format == report::BriefFormat::kXlsx) {
        report::WriteBriefXlsx(opts->output, c, brief);
      } else {
        io::WriteFileAtomically(opts->output,
                                report::RenderBrief(c, brief, opts->file, *file_format));
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
