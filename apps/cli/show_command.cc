#include <ostream>

#include "cli_common.h"
#include "parley/report/case_summary.h"

namespace parley::cli {

void AddShowCommand(CLI::App& app, Io& io, Action& action) {
  auto* cmd = app.add_subcommand("show", "A readable summary of a case");
  auto file = std::make_shared<std::string>();
  AddCaseArgument(*cmd, *file);
  AddFormatOption(*cmd, io.format);
  cmd->footer(
      "Shows parties and sides, BATNAs and walk-away values, deadlines, power scores, issues, the\n"
      "exact size of the outcome space and which claims have evidence behind them.\n\n"
      "Examples:\n"
      "  parley show examples/sales-renewal.yaml\n"
      "  parley show examples/hiring-offer.yaml --format json\n"
      "  parley show ../shared/data/genius/Laptop");
  cmd->callback([&action, file] {
    action = [file](Io& io) {
      int code = kExitOk;
      const io::LoadResult result = LoadOrReport(io, *file, code);
      if (!result.Ok()) return code;
      if (io.format == OutputFormat::kJson)
        return PrintRunJson(io, "show", *result.value, *file, {});
      io.out << report::RenderCaseSummaryText(*result.value);
      return kExitOk;
    };
  });
}

}  // namespace parley::cli
