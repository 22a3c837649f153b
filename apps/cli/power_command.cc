#include <memory>
#include <ostream>
#include <string>

#include "cli_common.h"
#include "parley/io/file.h"
#include "parley/power/analysis.h"
#include "parley/report/power_svg.h"
#include "parley/report/power_text.h"

namespace parley::cli {

namespace {

struct PowerCommandOptions {
  std::string file;
  std::string svg;
  bool force = false;
  power::PowerOptions model;
  double batna_step = 0;  // 0: the model's default (5% of each party's value range)
};

// The options of the JSON answer (service::WriteRunJson), the model's already applied.
service::RunOptions RunOf(const PowerCommandOptions& opts) {
  service::RunOptions run;
  run.model = opts.model;
  run.svg = opts.svg;
  return run;
}

}  // namespace

void AddPowerCommand(CLI::App& app, Io& io, Action& action) {
  auto opts = std::make_shared<PowerCommandOptions>();
  auto* cmd = app.add_subcommand(
      "power", "Assess power: six sources, leverage, the predicted deal, levers and pitfalls");
  AddCaseArgument(*cmd, opts->file);
  AddModelOptions(*cmd, opts->model, "Take this party's chair (role reversal)");
  cmd->add_option("--power-band", opts->model.power_band,
                  "How far the six-source balance may move a bargaining weight, 0..1")
      ->default_val(0.3)
      ->check(NumberIn(0, 1, "0 to 1"));
  cmd->add_option("--batna-step", opts->batna_step,
                  "Size of the BATNA levers in value units (default: 5% of each party's range)")
      ->check(NumberIn(0, 1e300, "0 to 1e300"));
  cmd->add_option("--svg", opts->svg, "Also write a radar chart of the six sources as SVG");
  cmd->add_flag("--force", opts->force, "Replace the --svg file if it exists");
  AddFormatOption(*cmd, io.format);
  cmd->footer(
      "Scores every party on the six sources of power with the evidence behind each score,\n"
      "shows the balance (us against them) through three lenses, compares felt and assessed\n"
      "power, derives bargaining weights from patience and power, predicts where the deal lands\n"
      "(weighted Nash on the frontier), samples uncertain BATNAs, values each lever you could\n"
      "pull before the meeting and lists the pitfalls. The model is in docs/power-model.md.\n\n"
      "Examples:\n"
      "  parley power examples/sales-renewal.yaml\n"
      "  parley power examples/sales-renewal.yaml --as acme\n"
      "  parley power examples/procurement-components.yaml --seed 7 --samples 50000\n"
      "  parley power examples/hiring-offer.yaml --svg radar.svg --format json");
  cmd->callback([&action, opts] {
    action = [opts](Io& io) {
      RefuseToReplace(opts->svg, opts->force);
      if (opts->batna_step != 0) opts->model.batna_step = opts->batna_step;
      int code = kExitOk;
      const io::LoadResult result = LoadOrReport(io, opts->file, code);
      if (!result.Ok()) return code;
      const Case& c = *result.value;
      const bool json = io.format == OutputFormat::kJson;
      if (json && opts->svg.empty()) return PrintRunJson(io, "power", c, opts->file, RunOf(*opts));
      const power::PowerReport report = power::AnalysePower(c, opts->model);
      if (!opts->svg.empty()) {
        io::WriteFileAtomically(opts->svg,
                                report::RenderPowerRadarSvg(c, report.sources, report.perspective));
      }
      if (json) return PrintRunJson(io, "power", c, opts->file, RunOf(*opts));
      io.out << report::RenderPowerText(c, report, opts->svg);
      return kExitOk;
    };
  });
}

}  // namespace parley::cli
