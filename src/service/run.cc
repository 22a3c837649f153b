#include "parley/service/run.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <ostream>
#include <random>
#include <sstream>

#include "parley/analysis/deal_space.h"
#include "parley/analysis/offer.h"
#include "parley/core/outcome_terms.h"
#include "parley/io/case_reader.h"
#include "parley/plan/brief.h"
#include "parley/plan/review.h"
#include "parley/power/analysis.h"
#include "parley/report/brief_render.h"
#include "parley/report/brief_xlsx.h"
#include "parley/report/case_summary.h"
#include "parley/report/check_report.h"
#include "parley/report/coalition_view_report.h"
#include "parley/report/deal_space_report.h"
#include "parley/report/json_text.h"
#include "parley/report/next_report.h"
#include "parley/report/offer_report.h"
#include "parley/report/power_json.h"
#include "parley/report/problems_json.h"
#include "parley/report/rehearsal_report.h"
#include "parley/report/review_report.h"
#include "parley/report/simulation_report.h"
#include "parley/report/stakeholder_report.h"
#include "parley/service/later_commands.h"
#include "parley/service/rehearse.h"
#include "parley/service/status.h"
#include "parley/sim/next_move.h"
#include "parley/stakeholders/stakeholder_map.h"

namespace parley::service {

namespace {

using Runner = RunStatus (*)(std::ostream&, const Case&, const std::string&, const RunOptions&);

// An outcome read from the terms of `option` (--offer, --outcome); its problems as the CLI
// prints them.
ParsedOutcome ReadOutcome(const Case& c, const RunOptions& o, const std::string& option,
                          const std::string& noun, RunStatus& status) {
  ParsedOutcome parsed = TryParseOutcome(c, o.terms, noun);
  for (const std::string& problem : parsed.problems) {
    status.problems.push_back(option + ": " + problem);
  }
  if (!parsed.outcome) status.error = ErrorCode::kInvalidInput;
  return parsed;
}

RunStatus Show(std::ostream& out, const Case& c, const std::string& file, const RunOptions&) {
  out << report::JsonText(report::CaseSummaryJson(file, c));
  return {};
}

RunStatus Frontier(std::ostream& out, const Case& c, const std::string& file, const RunOptions& o) {
  analysis::DealSpaceOptions options;
  options.weights = o.weights;
  options.zopa.seed = o.model.seed;
  const analysis::DealSpace space = analysis::AnalyseDealSpace(c, options);
  report::WriteDealSpaceJson(out, c, space, file, {o.rows, o.svg, o.model.seed});
  return {};
}

RunStatus Evaluate(std::ostream& out, const Case& c, const std::string& file, const RunOptions& o) {
  RunStatus status;
  const ParsedOutcome parsed = ReadOutcome(c, o, "--offer", "offer", status);
  if (!parsed.outcome) return status;
  const analysis::Frontier frontier = analysis::ComputeDealFrontier(c);
  const analysis::OfferScore score = analysis::ScoreOffer(c, frontier, *parsed.outcome);
  out << report::JsonText(report::OfferJson(c, file, frontier, score));
  return status;
}

RunStatus Power(std::ostream& out, const Case& c, const std::string& file, const RunOptions& o) {
  power::PowerOptions model = o.model;
  if (o.batna_step != 0) model.batna_step = o.batna_step;
  out << report::JsonText(report::PowerJson(power::AnalysePower(c, model), file, o.svg));
  return {};
}

RunStatus Plan(std::ostream& out, const Case& c, const std::string& file, const RunOptions& o) {
  out << report::RenderBrief(c, plan::BuildBrief(c, o.plan), file, report::BriefFormat::kJson);
  return {};
}

RunStatus Review(std::ostream& out, const Case& c, const std::string& file, const RunOptions& o) {
  power::ValidateOptions(o.model);
  RunStatus status;
  const ParsedOutcome parsed = ReadOutcome(c, o, "--outcome", "outcome", status);
  if (!parsed.outcome) return status;
  const power::PowerReport report = power::AnalysePower(c, o.model);
  const plan::Review review = plan::ReviewOutcome(c, *parsed.outcome, report);
  out << report::JsonText(report::ReviewJson(c, file, review));
  return status;
}

RunStatus Next(std::ostream& out, const Case& c, const std::string& file, const RunOptions& o) {
  const plan::Brief brief = plan::BuildBrief(c, o.plan);
  const sim::NextMove move = sim::AdviseNext(c, brief);
  out << report::JsonText(report::NextJson(c, brief.power.floored.c, file, move));
  return {};
}

RunStatus Coalition(std::ostream& out, const Case& c, const std::string& file,
                    const RunOptions& o) {
  RequireCoalitionCase(c, file);
  RunStatus status;
  std::optional<Outcome> deal;
  if (!o.terms.empty()) {
    const ParsedOutcome parsed = ReadOutcome(c, o, "--offer", "offer", status);
    if (!parsed.outcome) return status;
    deal = parsed.outcome;
  }
  const CoalitionCase view = AnalyseCoalitionCase(c, file, deal, o.model);
  const coalition::PowerIndices* split = view.shapley ? &*view.shapley : nullptr;
  out << report::JsonText(report::CoalitionViewJson(view.basis, view.view, split, view.source));
  return status;
}

RunStatus Stakeholders(std::ostream& out, const Case& c, const std::string& file,
                       const RunOptions& o) {
  const stakeholders::StakeholderMap map = stakeholders::MapStakeholders(c);
  out << report::JsonText(report::StakeholdersJson(c, file, map, o.svg));
  return {};
}

RunStatus PlayOne(std::ostream& out, const Case& c, const std::string& file, const RunOptions& o) {
  const Simulation s = Simulate(c, o.play);
  report::SimulationView view;
  view.file = file;
  view.us = s.us;
  view.them = s.them;
  view.svg_file = o.svg;
  out << report::JsonText(report::SimulationJson(*s.negotiation, s.result, s.metrics, view));
  return {};
}

RunStatus Rehearse(std::ostream& out, const Case& c, const std::string& file, const RunOptions& o) {
  sim::RehearsalOptions options;
  options.them = SplitSpecs(o.play.them);
  options.samples = o.play.samples;
  options.seed = o.play.seed;
  options.rounds = o.play.rounds;
  const plan::Brief brief = plan::BuildBrief(c);  // once, read by every sample
  const sim::Rehearsal r = RehearseInParallel(c, brief, options, o.play.threads, o.stop);
  out << report::JsonText(report::RehearsalJson(r, file));
  return {};
}

struct RunnerRow {
  std::string_view command;
  Runner run;
};

// Every command a face may run on a valid case, in the order of docs/cli.md.
constexpr RunnerRow kRunners[] = {
    {"show", Show},        {"frontier", Frontier},   {"evaluate", Evaluate},
    {"power", Power},      {"plan", Plan},           {"review", Review},
    {"next", Next},        {"coalition", Coalition}, {"stakeholders", Stakeholders},
    {"simulate", PlayOne}, {"rehearse", Rehearse},
};

Answer FailedAnswer(ErrorCode code, const std::vector<std::string>& problems) {
  return {code, report::JsonText(report::ProblemsJson(ErrorCodeName(code), problems))};
}

// The check JSON of one case text, with the kind of failure when the case is not valid.
Answer CheckAnswer(const std::vector<report::CheckedFile>& checked, std::string_view text,
                   io::CaseSyntax syntax) {
  const io::LoadResult& result = checked.front().result;
  Answer answer{std::nullopt, report::JsonText(report::CheckJson(checked))};
  if (io::HasLimit(result.diagnostics)) {
    answer.error = ErrorCode::kLimit;
  } else if (!result.Ok()) {
    const bool parsed = syntax != io::CaseSyntax::kJson || nlohmann::json::accept(text);
    answer.error = parsed ? ErrorCode::kInvalidInput : ErrorCode::kUsage;
  }
  return answer;
}

}  // namespace

namespace {

// The workbook of `brief` as bytes: written to a scratch file of its own, read back, removed.
std::string XlsxBytes(const Case& c, const plan::Brief& brief) {
  namespace fs = std::filesystem;
  std::random_device rd;
  const fs::path dir = fs::temp_directory_path() / ("parley-brief-" + std::to_string(rd()));
  fs::create_directories(dir);
  const fs::path path = dir / "brief.xlsx";
  std::string bytes;
  try {
    report::WriteBriefXlsx(path.string(), c, brief);
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) throw Error(ErrorCode::kIo, "cannot read back " + path.string());
  } catch (...) {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
    throw;
  }
  std::error_code ignored;
  fs::remove_all(dir, ignored);
  return bytes;
}

}  // namespace

Answer CheckCaseText(std::string_view text, const std::string& file, io::CaseSyntax syntax) {
  std::vector<report::CheckedFile> checked;
  checked.push_back({file, io::ReadCaseText(text, file, syntax)});
  Answer answer = CheckAnswer(checked, text, syntax);
  if (!answer.error) answer.json.clear();
  return answer;
}

const std::vector<std::string>& RunCommands() {
  static const std::vector<std::string> kCommands = [] {
    std::vector<std::string> names;
    for (const RunnerRow& row : kRunners) names.emplace_back(row.command);
    return names;
  }();
  return kCommands;
}

RunStatus WriteRunJson(std::ostream& out, std::string_view command, const Case& c,
                       const std::string& file, const RunOptions& options) {
  for (const RunnerRow& row : kRunners) {
    if (row.command == command) return row.run(out, c, file, options);
  }
  throw Error(ErrorCode::kUsage, "no command named '" + std::string(command) + "'");
}

Answer RunOnText(std::string_view command, std::string_view text, const std::string& file,
                 const OptionMap& options, const RunControl& control) {
  const auto& commands = RunCommands();
  if (command != "check" &&
      std::find(commands.begin(), commands.end(), command) == commands.end()) {
    return FailedAnswer(ErrorCode::kNotFound, {"no command named '" + std::string(command) + "'"});
  }
  ParsedRunOptions parsed = ParseRunOptions(command, options);
  if (!parsed.problems.empty()) return FailedAnswer(ErrorCode::kUsage, parsed.problems);
  parsed.options.stop = control.stop;
  std::vector<report::CheckedFile> checked;
  checked.push_back({file, io::ReadCaseText(text, file, control.syntax)});
  const io::LoadResult& result = checked.front().result;
  if (command == "check" || !result.Ok()) return CheckAnswer(checked, text, control.syntax);
  try {
    std::ostringstream out;
    const RunStatus status = WriteRunJson(out, command, *result.value, file, parsed.options);
    if (!status.Ok()) return FailedAnswer(*status.error, status.problems);
    return {std::nullopt, out.str()};
  } catch (const Error& e) {
    return FailedAnswer(e.code(), {e.what()});
  }
}

Answer BriefOnText(std::string_view text, const std::string& file, const OptionMap& options,
                   report::BriefFormat format, const RunControl& control) {
  if (format == report::BriefFormat::kJson) return RunOnText("plan", text, file, options, control);
  const ParsedRunOptions parsed = ParseRunOptions("plan", options);
  if (!parsed.problems.empty()) return FailedAnswer(ErrorCode::kUsage, parsed.problems);
  std::vector<report::CheckedFile> checked;
  checked.push_back({file, io::ReadCaseText(text, file, control.syntax)});
  const io::LoadResult& result = checked.front().result;
  if (!result.Ok()) return CheckAnswer(checked, text, control.syntax);
  try {
    const Case& c = *result.value;
    const plan::Brief brief = plan::BuildBrief(c, parsed.options.plan);
    if (format == report::BriefFormat::kXlsx) return {std::nullopt, XlsxBytes(c, brief)};
    return {std::nullopt, report::RenderBrief(c, brief, file, format)};
  } catch (const Error& e) {
    return FailedAnswer(e.code(), {e.what()});
  }
}

}  // namespace parley::service
