#include <filesystem>
#include <ostream>

#include "cli_common.h"
#include "parley/core/error.h"
#include "parley/io/case_writer.h"
#include "parley/io/file.h"
#include "parley/io/genius.h"
#include "parley/report/written_files.h"

namespace parley::cli {

void AddConvertCommand(CLI::App& app, Io& io, Action& action) {
  struct Options {
    std::string file, to, output;
    bool force = false;
  };
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("convert", "Convert a case to YAML, JSON or GENIUS XML");
  AddCaseArgument(*cmd, opts->file);
  cmd->add_option("--to", opts->to, "Target: yaml, json or genius")
      ->required()
      ->check(CLI::IsMember({"yaml", "json", "genius"}));
  cmd->add_option(
      "-o,--output", opts->output,
      "Where to write: a file (yaml, json; default stdout) or a folder (genius, required)");
  cmd->add_flag("--force", opts->force, "Replace files that already exist");
  AddFormatOption(*cmd, io.format);
  cmd->footer(
      "Existing files are never replaced unless --force is given; files are written to a "
      "temporary\n"
      "name and renamed into place.\n\n"
      "Examples:\n"
      "  parley convert examples/hiring-offer.yaml --to json -o hiring-offer.json\n"
      "  parley convert ../shared/data/genius/Laptop --to yaml > laptop.yaml\n"
      "  parley convert examples/sales-renewal.yaml --to genius -o sales-genius/");
  cmd->callback([&action, opts] {
    action = [opts](Io& io) {
      namespace fs = std::filesystem;
      int code = kExitOk;
      const io::LoadResult result = LoadOrReport(io, opts->file, code);
      if (!result.Ok()) return code;
      std::vector<std::pair<std::string, std::string>> files;  // path, content
      if (opts->to == "genius") {
        if (opts->output.empty()) {
          throw Error(ErrorCode::kUsage, "--to genius writes several files: give a folder with -o");
        }
        const io::GeniusFiles genius = io::ExportGeniusXml(*result.value);
        std::error_code ec;
        fs::create_directories(opts->output, ec);
        if (ec)
          throw Error(ErrorCode::kIo, opts->output + ": cannot create the folder: " + ec.message());
        files.emplace_back((fs::path(opts->output) / genius.domain_name).string(),
                           genius.domain_xml);
        for (const auto& [name, xml] : genius.profiles) {
          files.emplace_back((fs::path(opts->output) / name).string(), xml);
        }
      } else {
        const std::string text = opts->to == "yaml" ? io::WriteCaseYaml(*result.value)
                                                    : io::WriteCaseJson(*result.value);
        if (opts->output.empty()) {
          io.out << text;
          return kExitOk;
        }
        files.emplace_back(opts->output, text);
      }
      for (const auto& [path, content] : files) {
        RefuseToReplace(path, opts->force);
      }
      std::vector<std::string> written;
      for (const auto& [path, content] : files) {
        io::WriteFileAtomically(path, content);
        written.push_back(path);
        if (io.format == OutputFormat::kText) io.out << report::RenderWrittenText(path);
      }
      if (io.format == OutputFormat::kJson) {
        PrintJson(io.out, report::ConvertJson(opts->to, written));
      }
      return kExitOk;
    };
  });
}

}  // namespace parley::cli
