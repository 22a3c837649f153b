#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "cli_common.h"
#include "parley/analysis/deal_space.h"
#include "parley/analysis/offer.h"
#include "parley/core/outcome_terms.h"
#include "parley/report/offer_report.h"

namespace parley::cli {

namespace {

struct EvaluateOptions {
  std::string file;
  std::vector<std::string> offer;  // issue=value
};

}  // namespace

void AddEvaluateCommand(CLI::App& app, Io& io, Action& action) {
  auto opts = std::make_shared<EvaluateOptions>();
  auto* cmd =
      app.add_subcommand("evaluate", "Score one offer: who accepts, what is left on the table");
  AddCaseArgument(*cmd, opts->file);
  cmd->add_option("--offer", opts->offer, "The offer: issue=value,... giving every issue a value")
      ->required();
  AddFormatOption(*cmd, io.format);
  cmd->footer(
      "Shows each party's value and utility for the offer and whether it would accept it (utility\n"
      "at least its walk-away), whether the offer is Pareto-efficient and, if not, the best\n"
      "frontier package that dominates it (the largest gain for the party that gains least) and\n"
      "what each side would gain: the money left on the table. Exit 3 when the offer names an\n"
      "unknown issue or option, a number off the issue's grid, or leaves an issue out.\n\n"
      "Examples:\n"
      "  parley evaluate tests/data/good/minimal.yaml --offer price=1050,delivery=standard\n"
      "  parley evaluate examples/sales-renewal.yaml --format json \\\n"
      "    --offer price=120000,term=2y,payment=net60,support=premium");
  cmd->callback([&action, opts] {
    action = [opts](Io& io) {
      const auto terms = ReadTerms(io, opts->offer, "--offer", "issue");
      if (!terms) return kExitUsage;
      int code = kExitOk;
      const io::LoadResult result = LoadOrReport(io, opts->file, code);
      if (!result.Ok()) return code;
      const Case& c = *result.value;
      if (io.format == OutputFormat::kJson) {
        service::RunOptions run;
        run.terms = *terms;
        return PrintRunJson(io, "evaluate", c, opts->file, run);
      }
      const ParsedOutcome parsed = TryParseOutcome(c, *terms, "offer");
      for (const std::string& problem : parsed.problems) {
        io.err << "parley: error: --offer: " << problem << '\n';
      }
      if (!parsed.outcome) return kExitInvalid;
      const analysis::Frontier frontier = analysis::ComputeDealFrontier(c);
      const analysis::OfferScore score = analysis::ScoreOffer(c, frontier, *parsed.outcome);
      io.out << report::RenderOfferText(c, frontier, score);
      return kExitOk;
    };
  });
}

}  // namespace parley::cli
