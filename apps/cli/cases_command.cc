// `parley cases`: cases in and out of a store (docs/cli.md, `parley cases`): `cases import`
// reads a case file or a GENIUS/GeniusWeb folder and saves it as a new case; `cases export`
// writes a stored case as `parley convert` does (YAML, JSON, or a GENIUS folder), through a
// temporary file renamed into place, never replacing a file unless --force.
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>

#include "cli_common.h"
#include "parley/core/error.h"
#include "parley/io/case_writer.h"
#include "parley/io/file.h"
#include "parley/io/genius.h"
#include "parley/report/written_files.h"
#include "parley/service/case_files.h"
#include "parley/service/store_json.h"
#include "parley/store/store.h"

namespace parley::cli {

namespace {

struct CasesOptions {
  std::string db = "parley.db";
  std::string token;
  std::string author;
  std::string path;
  std::string output;
  std::string to = "yaml";
  std::int64_t id = 0;
  bool force = false;
};

// Who the CLI acts as: the user of --token in team mode, else the store's no-team cases.
store::Principal Principal(store::Store& s, const CasesOptions& opts) {
  if (opts.token.empty()) return {};
  return s.Authenticate(opts.token);
}

int Import(Io& io, const CasesOptions& opts) {
  int code = kExitOk;
  const io::LoadResult result = LoadOrReport(io, opts.path, code);
  if (!result.Ok()) return code;
  store::Store s = store::Store::Open(opts.db);
  const store::Principal who = Principal(s, opts);
  const std::string author = !who.user.empty()      ? who.user
                             : !opts.author.empty() ? opts.author
                                                    : "cli";
  const store::Saved saved = s.Create(io::WriteCaseJson(*result.value), author, who);
  if (io.format == OutputFormat::kJson) {
    PrintJson(io.out, service::SavedJson(saved));
  } else {
    io.out << "imported " << opts.path << " as case " << saved.case_id << ", version "
           << saved.version << '\n';
  }
  return kExitOk;
}

int Export(Io& io, const CasesOptions& opts) {
  namespace fs = std::filesystem;
  store::Store s = store::Store::Open(opts.db);
  const store::CaseVersion v = s.Get(opts.id, std::nullopt, Principal(s, opts));
  std::vector<std::pair<std::string, std::string>> files;  // path, content
  if (opts.to == "genius") {
    const io::LoadResult r = io::ReadCaseText(v.text, "case");
    if (!r.Ok()) throw Error(ErrorCode::kInvalidInput, "the stored case is not a valid case");
    const io::GeniusFiles genius = io::ExportGeniusXml(*r.value);
    for (const std::string& warning : genius.warnings) io.err << "warning: " << warning << '\n';
    std::error_code ec;
    fs::create_directories(opts.output, ec);
    if (ec)
      throw Error(ErrorCode::kIo, opts.output + ": cannot create the folder: " + ec.message());
    files.emplace_back((fs::path(opts.output) / genius.domain_name).string(), genius.domain_xml);
    for (const auto& [name, xml] : genius.profiles) {
      files.emplace_back((fs::path(opts.output) / name).string(), xml);
    }
  } else {
    files.emplace_back(opts.output, service::ExportCase(v.text, opts.to).bytes);
  }
  for (const auto& [path, content] : files) RefuseToReplace(path, opts.force);
  for (const auto& [path, content] : files) {
    io::WriteFileAtomically(path, content);
    if (io.format == OutputFormat::kText) io.out << report::RenderWrittenText(path);
  }
  if (io.format == OutputFormat::kJson) {
    nlohmann::ordered_json j;
    j["id"] = opts.id;
    j["version"] = v.info.version;
    j["to"] = opts.to;
    j["written"] = nlohmann::ordered_json::array();
    for (const auto& file : files) j["written"].push_back(file.first);
    PrintJson(io.out, j);
  }
  return kExitOk;
}

void AddStoreOptions(CLI::App& cmd, CasesOptions& opts) {
  cmd.add_option("--db", opts.db, "The store: an SQLite file or a postgresql:// URL")
      ->default_str("parley.db");
  cmd.add_option("--token", opts.token,
                 "In team mode: act as the user of this token (their team's cases)");
}

}  // namespace

void AddCasesCommand(CLI::App& app, Io& io, Action& action) {
  auto opts = std::make_shared<CasesOptions>();
  auto* cmd = app.add_subcommand("cases", "Import cases into a store and export them");
  cmd->require_subcommand(1);
  cmd->footer(
      "Examples:\n"
      "  parley cases import examples/sales-renewal.yaml --db parley.db\n"
      "  parley cases import ../shared/data/genius/Laptop --db parley.db\n"
      "  parley cases export 3 --db parley.db -o renewal.yaml\n"
      "  parley cases export 3 --db parley.db --to genius -o renewal-genius/");

  auto* import = cmd->add_subcommand(
      "import", "Save a case file or a GENIUS/GeniusWeb folder as a new case of the store");
  import->add_option("PATH", opts->path, "A case file or a GENIUS/GeniusWeb scenario folder")
      ->required();
  AddStoreOptions(*import, *opts);
  import->add_option("--author", opts->author, "Who the version is by (default: cli)");
  AddFormatOption(*import, io.format);
  import->callback([&action, opts] { action = [opts](Io& io) { return Import(io, *opts);
};
}  // namespace parley::cli
);

auto* exp = cmd->add_subcommand(
    "export", "Write a stored case's latest version as a file, as parley convert does");
exp->add_option("ID", opts->id, "The case's id in the store")->required();
exp->add_option("-o,--output", opts->output,
                "Where to write: a file (yaml, json) or a folder (genius)")
    ->required();
exp->add_option("--to", opts->to, "yaml (default), json or genius")
    ->check(CLI::IsMember({"yaml", "json", "genius"}));
exp->add_flag("--force", opts->force, "Replace files that already exist");
AddStoreOptions(*exp, *opts);
AddFormatOption(*exp, io.format);
exp->callback([&action, opts] { action = [opts](Io& io) { return Export(io, *opts); }; });
}

}  // namespace parley::cli
