#include <ostream>

#include "cli_common.h"
#include "parley/report/stakeholder_report.h"
#include "parley/stakeholders/stakeholder_map.h"

namespace parley::cli {

void AddStakeholdersCommand(CLI::App& app, Io& io, Action& action) {
  auto* cmd = app.add_subcommand("stakeholders", "Who really decides, and whom to brief first");
  auto file = std::make_shared<std::string>();
  AddCaseArgument(*cmd, *file);
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
      "  parley stakeholders examples/sales-renewal.yaml --format json");
  cmd->callback([&action, file] {
    action = [file](Io& io) {
      int code = kExitOk;
      const io::LoadResult result = LoadOrReport(io, *file, code);
      if (!result.Ok()) return code;
      const stakeholders::StakeholderMap map = stakeholders::MapStakeholders(*result.value);
      if (io.format == OutputFormat::kJson) {
        PrintJson(io.out, report::StakeholdersJson(*result.value, *file, map));
      } else {
        io.out << report::RenderStakeholdersText(*result.value, map);
      }
      return kExitOk;
    };
  });
}

}  // namespace parley::cli
