#include <algorithm>
#include <filesystem>
#include <ostream>

#include "cli_common.h"
#include "parley/core/error.h"
#include "parley/io/case_writer.h"
#include "parley/io/file.h"
#include "parley/io/genius.h"
#include "parley/report/written_files.h"

namespace parley::cli {

namespace {

// The GENIUS files of an earlier export in `folder` that this export does not write (they would
// read back with the new ones as extra or wrong parties). Throws Error(kUsage) naming them
// unless `force`; with `force` the caller removes them.
std::vector<std::string> StaleGeniusFiles(
    const std::string& folder, const std::vector<std::pair<std::string, std::string>>& files,
    bool force) {
  namespace fs = std::filesystem;
  std::vector<std::string> stale;
  std::string names;
  for (const std::string& path : io::FindGeniusXmlFiles(folder)) {
    const bool rewritten = std::any_of(files.begin(), files.end(), [&](const auto& file) {
      return fs::path(file.first).filename() == fs::path(path).filename();
    });
    if (rewritten) continue;
    stale.push_back(path);
    names += (names.empty() ? "" : ", ") + fs::path(path).filename().string();
  }
  if (!stale.empty() && !force) {
    throw Error(ErrorCode::kUsage, folder + " holds GENIUS files of an earlier export (" + names +
                                       ") that would read back with this one; pass --force to "
                                       "remove them, or choose an empty folder");
  }
  return stale;
}

}  // namespace

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
      std::vector<std::string> warnings;  // what the target format cannot carry
      if (opts->to == "genius") {
        if (opts->output.empty()) {
          throw Error(ErrorCode::kUsage, "--to genius writes several files: give a folder with -o");
        }
        const io::GeniusFiles genius = io::ExportGeniusXml(*result.value);
        warnings = genius.warnings;
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
          io.data_out = true;  // the case file itself, byte for byte
          io.out << text;
          return kExitOk;
        }
        files.emplace_back(opts->output, text);
      }
      for (const auto& [path, content] : files) {
        RefuseToReplace(path, opts->force);
      }
      const std::vector<std::string> stale =
          opts->to == "genius" ? StaleGeniusFiles(opts->output, files, opts->force)
                               : std::vector<std::string>{};
      io.err << report::RenderConvertWarnings("GENIUS", warnings);
      std::vector<std::string> written;
      for (const auto& [path, content] : files) {
        io::WriteFileAtomically(path, content);
        written.push_back(path);
        if (io.format == OutputFormat::kText) io.out << report::RenderWrittenText(path);
      }
      for (const std::string& path : stale) {
        std::error_code ec;
        fs::remove(path, ec);
        if (ec) throw Error(ErrorCode::kIo, path + ": cannot remove: " + ec.message());
        if (io.format == OutputFormat::kText) io.out << report::RenderRemovedText(path);
      }
      if (io.format == OutputFormat::kJson) {
        PrintJson(io.out, report::ConvertJson(opts->to, written, stale, warnings));
      }
      return kExitOk;
    };
  });
}

}  // namespace parley::cli
