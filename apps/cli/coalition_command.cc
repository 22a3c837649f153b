#include <memory>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli_common.h"
#include "parley/analysis/coalition_view.h"
#include "parley/coalition/power_indices.h"
#include "parley/core/error.h"
#include "parley/core/outcome_terms.h"
#include "parley/core/package.h"
#include "parley/io/coalition_reader.h"
#include "parley/power/analysis.h"
#include "parley/report/coalition_report.h"
#include "parley/report/coalition_view_report.h"
#include "parley/report/json_text.h"
#include "parley/service/later_commands.h"

namespace parley::cli {

namespace {

struct CoalitionOptions {
  std::string file;
  std::string quota;               // whole number, with --weights
  std::string weights;             // W1,W2,...
  std::string names;               // A,B,...
  std::vector<std::string> offer;  // issue=value, with a CASE
  power::PowerOptions model;       // --as, --seed, --samples, --today, with a CASE
};

std::vector<std::string> SplitCommas(const std::string& text) {
  std::vector<std::string> parts;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, ',')) parts.push_back(part);
  if (!text.empty() && text.back() == ',') parts.emplace_back();
  return parts;
}

std::uint64_t WholeNumber(const std::string& option, const std::string& text) {
  const bool digits = !text.empty() && text.size() <= 18 &&
                      text.find_first_not_of("0123456789") == std::string::npos;
  if (!digits) {
    throw Error(ErrorCode::kUsage,
                option + ": '" + text + "' is not a whole number from 0 to 10^18");
  }
  return std::stoull(text);
}

// The game of --quota, --weights and --names (P1, P2, ... when no names are given).
coalition::WeightedGame GameFromOptions(const CoalitionOptions& o) {
  if (o.quota.empty() || o.weights.empty()) {
    throw Error(ErrorCode::kUsage, "give a FILE, or both --quota and --weights");
  }
  coalition::WeightedGame game;
  game.quota = WholeNumber("--quota", o.quota);
  for (const std::string& w : SplitCommas(o.weights)) {
    game.weights.push_back(WholeNumber("--weights", w));
  }
  if (o.names.empty()) {
    for (std::size_t i = 0; i < game.weights.size(); ++i) {
      game.players.push_back("P" + std::to_string(i + 1));
    }
  } else {
    game.players = SplitCommas(o.names);
    if (game.players.size() != game.weights.size()) {
      throw Error(ErrorCode::kUsage, "--names gives " + std::to_string(game.players.size()) +
                                         " names for " + std::to_string(game.weights.size()) +
                                         " weights");
    }
  }
  return game;
}

coalition::PowerIndices IndicesOfFile(const io::CoalitionFile& f) {
  if (f.weighted) {
    return coalition::ComputeIndices(
        coalition::WeightedGame{.players = f.players, .weights = f.weights, .quota = f.quota});
  }
  coalition::TuGame game{.players = f.players, .worths = {}};
  for (const io::CoalitionFileWorth& w : f.game) game.worths.push_back({w.members, w.value});
  return coalition::ComputeIndices(game);
}

int RunCase(Io& io, const CoalitionOptions& o) {
  const auto terms = ReadTerms(io, o.offer, "--offer", "issue");
  if (!terms) return kExitUsage;
  int code = kExitOk;
  const io::LoadResult result = LoadOrReport(io, o.file, code);
  if (!result.Ok()) return code;
  const Case& c = *result.value;
  service::RequireCoalitionCase(c, o.file);
  if (io.format == OutputFormat::kJson) {
    service::RunOptions run;
    run.model = o.model;
    run.terms = *terms;
    return PrintRunJson(io, "coalition", c, o.file, run);
  }
  std::optional<Outcome> deal;
  if (!o.offer.empty()) {
    const ParsedOutcome parsed = TryParseOutcome(c, *terms, "offer");
    for (const std::string& problem : parsed.problems) {
      io.err << "parley: error: --offer: " << problem << '\n';
    }
    if (!parsed.outcome) return kExitInvalid;
    deal = parsed.outcome;
  }
  const service::CoalitionCase view = service::AnalyseCoalitionCase(c, o.file, deal, o.model);
  const coalition::PowerIndices* split = view.shapley ? &*view.shapley : nullptr;
  io.out << report::RenderCoalitionViewText(view.basis, view.view, split, view.source);
  return kExitOk;
}

int Run(Io& io, const CoalitionOptions& o) {
  if (!o.file.empty() && io::LooksLikeCase(o.file)) {
    if (!o.quota.empty() || !o.weights.empty() || !o.names.empty()) {
      throw Error(ErrorCode::kUsage, "give a CASE or --quota and --weights, not both");
    }
    return RunCase(io, o);
  }
  if (!o.offer.empty()) throw Error(ErrorCode::kUsage, "--offer needs a CASE");
  coalition::PowerIndices indices;
  if (!o.file.empty()) {
    if (!o.quota.empty() || !o.weights.empty() || !o.names.empty()) {
      throw Error(ErrorCode::kUsage, "give a FILE or --quota and --weights, not both");
    }
    const io::CoalitionLoad load = io::LoadCoalitionFile(o.file);
    for (const io::Diagnostic& d : load.diagnostics) io.err << io::FormatDiagnostic(d) << '\n';
    if (!load.Ok()) return std::max(kExitInvalid, ExitCodeFor(load.diagnostics));
    indices = IndicesOfFile(*load.value);
  } else {
    indices = coalition::ComputeIndices(GameFromOptions(o));
  }
  if (io.format == OutputFormat::kJson) {
    io.out << report::JsonText(report::CoalitionJson(indices));
  } else {
    io.out << report::RenderCoalitionText(indices);
  }
  return kExitOk;
}

}  // namespace

void AddCoalitionCommand(CLI::App& app, Io& io, Action& action) {
  auto opts = std::make_shared<CoalitionOptions>();
  auto* cmd = app.add_subcommand("coalition", "Power indices of a weighted vote or coalition game");
  cmd->add_option("FILE", opts->file,
                  "A coalition file (YAML or JSON): `quota` and `players: [{name, weight}]`, or "
                  "`players: [names]` and `game: [{coalition: [names], value: v}]`; or a CASE "
                  "of three or more parties (told apart by its content)");
  cmd->add_option("--offer", opts->offer,
                  "With a CASE: the grand deal to test, issue=value,... (default: the predicted "
                  "deal of `parley power`)");
  AddModelOptions(*cmd, opts->model, "With a CASE: predict the deal from this party's chair");
  cmd->add_option("--quota", opts->quota, "Votes a coalition needs to win (with --weights)");
  cmd->add_option("--weights", opts->weights, "Each player's votes, W1,W2,...");
  cmd->add_option("--names", opts->names, "The players' names, A,B,... (default P1, P2, ...)");
  AddFormatOption(*cmd, io.format);
  cmd->footer(
      "Computes exactly, as fractions and decimals, each player's Shapley-Shubik, Banzhaf\n"
      "(normalised and absolute), Deegan-Packel, public good (Holler), Johnston and Coleman\n"
      "indices, and for a game given by its coalitions' worths the Shapley value. Formulas,\n"
      "sources, method and limits are in docs/coalition.md.\n\n"
      "With a CASE of three or more parties: which groups could agree without the others, whether\n"
      "the predicted deal (or --offer) is in the core, the Shapley split of the surplus (money\n"
      "values) and whether to engage the parties one by one or together.\n\n"
      "Examples:\n"
      "  parley coalition --quota 12 --weights 4,4,4,2,2,1 --names FR,DE,IT,BE,NL,LU\n"
      "  parley coalition examples/coalition/security-council.yaml --format json\n"
      "  parley coalition examples/coalition/partnership.yaml\n"
      "  parley coalition examples/three-company-partnership.yaml");
  cmd->callback([&action, opts] { action = [opts](Io& io) { return Run(io, *opts); }; });
}

}  // namespace parley::cli
