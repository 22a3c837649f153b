#include <filesystem>
#include <memory>
#include <ostream>
#include <string>

#include "cli_common.h"
#include "parley/core/error.h"
#include "parley/io/brief.h"
#include "parley/io/brief_json.h"
#include "parley/io/brief_xlsx.h"
#include "parley/io/case_writer.h"
#include "parley/plan/brief.h"

namespace parley::cli {

namespace {

struct PlanCommandOptions {
  std::string file;
  std::string output;
  bool force = false;
  plan::PlanOptions model;
  std::size_t meso = 3;
};

const char* FormatName(io::BriefFormat f) {
  switch (f) {
    case io::BriefFormat::kText:
      return "text";
    case io::BriefFormat::kMarkdown:
      return "markdown";
    case io::BriefFormat::kHtml:
      return "html";
    case io::BriefFormat::kJson:
      return "json";
    case io::BriefFormat::kXlsx:
      break;
  }
  return "xlsx";
}

}  // namespace

void AddPlanCommand(CLI::App& app, Io& io, Action& action) {
  auto opts = std::make_shared<PlanCommandOptions>();
  auto* cmd = app.add_subcommand(
      "plan", "Write the preparation brief: tradeables, MESO, anchor, concessions, playbook");
  cmd->add_option("CASE", opts->file, "A case file or a GENIUS/GeniusWeb scenario folder")
      ->required();
  cmd->add_option("-o,--output", opts->output,
                  "Write the brief to FILE; the format follows the extension: .txt, .md, "
                  ".html, .json or .xlsx (default: text on the terminal)");
  cmd->add_flag("--force", opts->force, "Replace the output file if it exists");
  cmd->add_option("--as", opts->model.power.as,
                  "Prepare from this party's chair (role reversal); default: the `us` party");
  cmd->add_option("--seed", opts->model.power.seed, "Seed of the sampled uncertain inputs")
      ->default_val(1);
  cmd->add_option("--samples", opts->model.power.samples,
                  "Draws of the uncertain inputs (BATNA ranges), 0 to 1,000,000")
      ->default_val(10000);
  cmd->add_option("--today", opts->model.power.today,
                  "Analysis date YYYY-MM-DD for deadlines and the concession dates (default: the "
                  "case's latest dated fact)");
  cmd->add_option("--meso", opts->meso, "MESO packages wanted, 2 to 4")->default_val(3);
  cmd->add_option("--steps", opts->model.concessions.max_steps, "Most planned concessions, 1 to 8")
      ->default_val(4);
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
      std::optional<io::BriefFormat> file_format;
      if (!opts->output.empty()) {
        file_format = io::BriefFormatForPath(opts->output);
        if (cmd->count("--format") > 0 && io.format == OutputFormat::kJson &&
            *file_format != io::BriefFormat::kJson) {
          throw Error(ErrorCode::kUsage, "--format json conflicts with " + opts->output +
                                             ": the file's extension sets its format");
        }
        if (!opts->force && std::filesystem::exists(opts->output)) {
          throw Error(ErrorCode::kUsage,
                      opts->output + " already exists; pass --force to replace it");
        }
      }
      opts->model.meso.count = opts->meso;
      int code = kExitOk;
      const io::LoadResult result = LoadOrReport(io, opts->file, code);
      if (!result.Ok()) return code;
      const Case& c = *result.value;
      const plan::Brief brief = plan::BuildBrief(c, opts->model);
      auto json = [&] {
        nlohmann::ordered_json j = {{"command", "plan"}, {"file", opts->file}};
        j.update(io::BriefJson(brief));
        return j;
      };
      if (!file_format) {
        if (io.format == OutputFormat::kJson) {
          PrintJson(io.out, json());
        } else {
          io.out << io::RenderBriefText(c, brief, opts->file);
        }
        return kExitOk;
      }
      switch (*file_format) {
        case io::BriefFormat::kText:
          io::WriteFileAtomically(opts->output, io::RenderBriefText(c, brief, opts->file));
          break;
        case io::BriefFormat::kMarkdown:
          io::WriteFileAtomically(opts->output, io::RenderBriefMarkdown(c, brief, opts->file));
          break;
        case io::BriefFormat::kHtml:
          io::WriteFileAtomically(opts->output, io::RenderBriefHtml(c, brief, opts->file));
          break;
        case io::BriefFormat::kJson:
          io::WriteFileAtomically(
              opts->output,
              json().dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n");
          break;
        case io::BriefFormat::kXlsx:
          io::WriteBriefXlsx(opts->output, c, brief);
          break;
      }
      if (io.format == OutputFormat::kJson) {
        PrintJson(io.out, {{"command", "plan"},
                           {"file", opts->file},
                           {"written", opts->output},
                           {"format", FormatName(*file_format)}});
      } else {
        io.out << "wrote " << opts->output << " (" << FormatName(*file_format) << ")\n";
      }
      return kExitOk;
    };
  });
}

}  // namespace parley::cli
