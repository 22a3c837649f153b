#include <ostream>

#include "cli_common.h"
#include "parley/report/check_report.h"

namespace parley::cli {

void AddCheckCommand(CLI::App& app, Io& io, Action& action) {
  auto* cmd = app.add_subcommand("check", "Validate case files; one summary line per valid file");
  auto files = std::make_shared<std::vector<std::string>>();
  cmd->add_option("CASE", *files, "Case files or GENIUS/GeniusWeb scenario folders")->required();
  AddFormatOption(*cmd, io.format);
  cmd->footer(
      "Every problem in a file is reported at once on stderr as FILE:LINE:COLUMN: error: message.\n"
      "Exit code: 0 when all are valid, 3 when one is invalid, 4 when one exceeds a limit.\n\n"
      "Examples:\n"
      "  parley check examples/sales-renewal.yaml\n"
      "  parley check examples/*.yaml --format json\n"
      "  parley check ../shared/data/genius/Laptop");
  cmd->callback([&action, files] {
    action = [files](Io& io) {
      int worst = kExitOk;
      std::vector<report::CheckedFile> checked;
      for (const std::string& file : *files) {
        int code = kExitOk;
        checked.push_back({file, LoadOrReport(io, file, code)});
        worst = std::max(worst, code);
      }
      if (io.format == OutputFormat::kJson) {
        PrintJson(io.out, report::CheckJson(checked));
      } else {
        io.out << report::RenderCheckText(checked);
      }
      return worst;
    };
  });
}

}  // namespace parley::cli
