#include <ostream>

#include "cli_common.h"
#include "parley/io/file.h"
#include "parley/report/influence_svg.h"
#include "parley/report/stakeholder_report.h"
#include "parley/report/written_files.h"
#include "parley/stakeholders/stakeholder_map.h"

namespace parley::cli {

void AddStakeholdersCommand(CLI::App& app, Io& io, Action& action) {
  auto* cmd = app.add_subcommand("stakeholders", "Who really decides, and whom to brief first");
  struct Options {
    std::string file;
    std::string svg;  // influence graph file, empty for none
    bool force = false;
  };
  auto opts = std::make_shared<Options>();
  AddCaseArgument(*cmd, opts->file);
  cmd->add_option("--svg", opts->svg,
                  "Also write the influence graph (who listens to whom, real say, stance, "
                  "deciders and vetoes) as SVG");
  cmd->add_flag("--force", opts->force, "Replace the --svg file if it exists");
  AddFormatOption(*cmd, io.format);
  cmd->footer(
      "The stakeholder map of each party with stakeholders: formal power under its decision\n"
      "rule (Shapley-Shubik and Banzhaf indices of the rule as a weighted voting game, vetoes\n"
      "included), informal influence from who listens to whom (DeGroot consensus weights, or\n"
      "Friedkin-Johnsen social power when there is no unique consensus), each member's real\n"
      "say, the real deciders and how they differ from the org chart, salience (Mitchell, Agle\n"
      "and Wood), the power-interest quadrant, single-threaded risk and, for the other side,\n"
      "the engagement order with a reason per step. docs/stakeholders.md defines them.\n\n"
      "Examples:\n"
      "  parley stakeholders examples/buying-committee.yaml\n"
      "  parley stakeholders examples/sales-renewal.yaml --format json\n"
      "  parley stakeholders examples/buying-committee.yaml --svg committee.svg --force");
  cmd->callback([&action, opts] {
    action = [opts](Io& io) {
      RefuseToReplace(opts->svg, opts->force);
      int code = kExitOk;
      const io::LoadResult result = LoadOrReport(io, opts->file, code);
      if (!result.Ok()) return code;
      const stakeholders::StakeholderMap map = stakeholders::MapStakeholders(*result.value);
      if (!opts->svg.empty()) {
        io::WriteFileAtomically(opts->svg, report::RenderInfluenceSvg(*result.value, map));
      }
      if (io.format == OutputFormat::kJson) {
        service::RunOptions run;
        run.svg = opts->svg;
        return PrintRunJson(io, "stakeholders", *result.value, opts->file, run);
      }
      io.out << report::RenderStakeholdersText(*result.value, map);
      if (!opts->svg.empty()) io.out << report::RenderWrittenText(opts->svg);
      return kExitOk;
    };
  });
}

}  // namespace parley::cli
