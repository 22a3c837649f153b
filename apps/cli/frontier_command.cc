#include <memory>
#include <ostream>

#include "cli_common.h"
#include "parley/analysis/deal_space.h"
#include "parley/core/error.h"
#include "parley/io/file.h"
#include "parley/report/deal_space_report.h"
#include "parley/report/frontier_svg.h"

namespace parley::cli {

namespace {

struct FrontierOptions {
  std::string file;
  std::size_t rows = 40;
  std::vector<std::string> weights;  // party=weight
  std::string svg;                   // chart file, empty for none
  std::uint64_t seed = 1;            // seed of the chart's outcome sample
  bool force = false;                // replace an existing chart file
};

// The --weights terms as numbers; prints every problem and returns nothing when there are any.
std::optional<std::vector<std::pair<std::string, double>>> ReadWeights(
    Io& io, const std::vector<std::string>& args) {
  const auto terms = ReadTerms(io, args, "--weights", "party");
  if (!terms) return std::nullopt;
  std::vector<std::string> problems;
  auto weights = service::ReadWeights(*terms, problems);
  for (const std::string& p : problems) io.err << "parley: error: " << p << '\n';
  if (!problems.empty()) return std::nullopt;
  return weights;
}

}  // namespace

void AddFrontierCommand(CLI::App& app, Io& io, Action& action) {
  auto opts = std::make_shared<FrontierOptions>();
  auto* cmd = app.add_subcommand("frontier", "The exact Pareto frontier and bargaining solutions");
  AddCaseArgument(*cmd, opts->file);
  cmd->add_option("--rows", opts->rows, "Most frontier rows in the text table (JSON lists all)")
      ->default_val(40)
      ->check(WholeNumberIn(0, 1'000'000, "0 to 1,000,000"));
  cmd->add_option("--weights", opts->weights,
                  "Bargaining weights party=w,... for the weighted Nash solution");
  cmd->add_option("--svg", opts->svg,
                  "Also write a chart (outcome cloud, frontier, no-deal point, solutions) as SVG");
  cmd->add_option("--seed", opts->seed,
                  "Seed of every random draw: the chart's outcome sample and the ZOPA estimate on "
                  "huge spaces")
      ->default_val(1)
      ->check(WholeNumberIn(0, UINT64_MAX, "0 to 2^64-1"));
  cmd->add_flag("--force", opts->force, "Replace the --svg file if it exists");
  AddFormatOption(*cmd, io.format);
  cmd->footer(
      "Lists every distinct utility vector that no outcome dominates, with one package achieving\n"
      "it, how many outcomes tie on it and whether every party would accept it, and marks the\n"
      "Nash (N), Kalai-Smorodinsky (K), egalitarian (E), utilitarian (U) and, with --weights,\n"
      "weighted Nash (W) solutions. The rules are in docs/deal-space.md.\n\n"
      "Examples:\n"
      "  parley frontier examples/sales-renewal.yaml\n"
      "  parley frontier examples/hiring-offer.yaml --format json\n"
      "  parley frontier examples/sales-renewal.yaml --svg renewal.svg --seed 7\n"
      "  parley frontier ../shared/data/genius/anl2023/domain00 --weights profileA=2,profileB=1");
  cmd->callback([&action, opts] {
    action = [opts](Io& io) {
      RefuseToReplace(opts->svg, opts->force);
      analysis::DealSpaceOptions options;
      if (!opts->weights.empty()) {
        const auto weights = ReadWeights(io, opts->weights);
        if (!weights) return kExitUsage;
        options.weights = *weights;
      }
      options.zopa.seed = opts->seed;
      int code = kExitOk;
      const io::LoadResult result = LoadOrReport(io, opts->file, code);
      if (!result.Ok()) return code;
      const Case& c = *result.value;
      const bool json = io.format == OutputFormat::kJson;
      service::RunOptions run;
      run.rows = opts->rows;
      run.weights = options.weights;
      run.model.seed = opts->seed;
      run.svg = opts->svg;
      if (json && opts->svg.empty()) return PrintRunJson(io, "frontier", c, opts->file, run);
      const analysis::DealSpace space = analysis::AnalyseDealSpace(c, options);
      const report::DealSpaceView view{opts->rows, opts->svg, opts->seed};
      if (!opts->svg.empty()) {
        std::vector<analysis::Solution> solutions;
        for (const analysis::NamedSolution& s : space.solutions) solutions.push_back(s.solution);
        report::FrontierSvgOptions svg_options;
        svg_options.seed = opts->seed;
        io::WriteFileAtomically(
            opts->svg, report::RenderFrontierSvg(c, space.frontier, solutions, svg_options));
      }
      if (json) return PrintRunJson(io, "frontier", c, opts->file, run);
      io.out << report::RenderDealSpaceText(c, space, view);
      return kExitOk;
    };
  });
}

}  // namespace parley::cli
