#include <ostream>

#include "cli_common.h"
#include "parley/core/outcome_space.h"

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
      nlohmann::ordered_json report = nlohmann::ordered_json::array();
      for (const std::string& file : *files) {
        int code = kExitOk;
        const io::LoadResult result = LoadOrReport(io, file, code);
        worst = std::max(worst, code);
        nlohmann::ordered_json entry;
        entry["file"] = file;
        entry["valid"] = result.Ok();
        if (result.Ok()) {
          const Case& c = *result.value;
          const std::string count = OutcomeSpace(c.issues).Size().ToString();
          entry["title"] = c.title;
          entry["parties"] = c.parties.size();
          entry["issues"] = c.issues.size();
          entry["outcome_count"] = count;
          if (io.format == OutputFormat::kText) {
            io.out << file << ": ok: \"" << c.title << "\" (" << c.parties.size() << " parties, "
                   << c.issues.size() << " issues, " << count << " outcomes)\n";
          }
        } else if (io.format == OutputFormat::kText) {
          std::size_t errors = 0;
          for (const io::Diagnostic& d : result.diagnostics)
            errors += d.severity != io::Severity::kWarning;
          io.out << file << ": invalid: " << errors << (errors == 1 ? " problem" : " problems")
                 << " (listed on stderr)\n";
        }
        entry["diagnostics"] = nlohmann::ordered_json::array();
        for (const io::Diagnostic& d : result.diagnostics)
          entry["diagnostics"].push_back(DiagnosticJson(d));
        report.push_back(entry);
      }
      if (io.format == OutputFormat::kJson) {
        nlohmann::ordered_json out;
        out["command"] = "check";
        out["files"] = report;
        PrintJson(io.out, out);
      }
      return worst;
    };
  });
}

}  // namespace parley::cli
