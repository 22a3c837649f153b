#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "cli_common.h"
#include "parley/core/outcome_terms.h"
#include "parley/plan/review.h"
#include "parley/power/analysis.h"
#include "parley/report/review_report.h"

namespace parley::cli {

namespace {

struct ReviewCommandOptions {
  std::string file;
  std::vector<std::string> outcome;  // issue=value
  power::PowerOptions model;
};

}  // namespace

void AddReviewCommand(CLI::App& app, Io& io, Action& action) {
  auto opts = std::make_shared<ReviewCommandOptions>();
  auto* cmd = app.add_subcommand(
      "review", "After the negotiation: compare the real outcome with the prediction and frontier");
  AddCaseArgument(*cmd, opts->file);
  cmd->add_option("--outcome", opts->outcome,
                  "The real outcome: issue=value,... giving every issue a value")
      ->required();
  AddModelOptions(*cmd, opts->model, "Review from this party's chair (role reversal)");
  AddFormatOption(*cmd, io.format);
  cmd->footer(
      "Reviews a negotiation once it is over. For each party: its value and utility in the real\n"
      "outcome, its gain over its BATNA, its share of the surplus, the same in the predicted\n"
      "deal, and whether the outcome beats its BATNA. Then the value left on the table (the\n"
      "dominating frontier deal with the largest joint gain), whether the outcome kept every\n"
      "floor, the concession log, and the review questions of the method with what the case can\n"
      "answer. Definitions are in docs/plan.md (Review). Exit 3 when the outcome names an\n"
      "unknown issue or option, a number off the grid, or leaves an issue out.\n\n"
      "Examples:\n"
      "  parley review examples/sales-renewal.yaml \\\n"
      "    --outcome price=120000,term=1y,payment=net30,support=standard\n"
      "  parley review examples/sales-renewal.yaml --as acme --format json \\\n"
      "    --outcome price=105000,term=3y,payment=net60,support=premium");
  cmd->callback([&action, opts] {
    action = [opts](Io& io) {
      const auto terms = ReadTerms(io, opts->outcome, "--outcome", "issue");
      if (!terms) return kExitUsage;
      power::ValidateOptions(opts->model);
      int code = kExitOk;
      const io::LoadResult result = LoadOrReport(io, opts->file, code);
      if (!result.Ok()) return code;
      const Case& c = *result.value;
      if (io.format == OutputFormat::kJson) {
        service::RunOptions run;
        run.model = opts->model;
        run.terms = *terms;
        return PrintRunJson(io, "review", c, opts->file, run);
      }
      const ParsedOutcome parsed = TryParseOutcome(c, *terms);
      for (const std::string& problem : parsed.problems) {
        io.err << "parley: error: --outcome: " << problem << '\n';
      }
      if (!parsed.outcome) return kExitInvalid;
      const power::PowerReport report = power::AnalysePower(c, opts->model);
      const plan::Review review = plan::ReviewOutcome(c, *parsed.outcome, report);
      io.out << report::RenderReviewText(c, review);
      return kExitOk;
    };
  });
}

}  // namespace parley::cli
