#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <ostream>
#include <sstream>

#include "cli_common.h"
#include "parley/analysis/bargaining.h"
#include "parley/analysis/frontier.h"
#include "parley/analysis/zopa.h"
#include "parley/core/error.h"
#include "parley/core/package.h"
#include "parley/core/party_valuation.h"
#include "parley/io/case_writer.h"
#include "parley/io/frontier_svg.h"

namespace parley::cli {

namespace {

using Json = nlohmann::ordered_json;

struct FrontierOptions {
  std::string file;
  std::size_t rows = 40;
  std::vector<std::string> weights;  // party=weight
  std::string svg;                   // chart file, empty for none
  std::uint64_t seed = 1;            // seed of the chart's outcome sample
  bool force = false;                // replace an existing chart file
};

struct Solved {
  const char* key;
  analysis::Solution solution;
};

// Parses "party=w" pairs into a weight per frontier party.
std::vector<double> ParseWeights(const std::vector<std::string>& items,
                                 const analysis::Frontier& frontier) {
  std::map<std::string, double> given;
  for (const std::string& item : items) {
    const auto eq = item.find('=');
    if (eq == std::string::npos) {
      throw Error(ErrorCode::kUsage, "--weights takes party=weight pairs, not '" + item + "'");
    }
    try {
      given[item.substr(0, eq)] = std::stod(item.substr(eq + 1));
    } catch (const std::exception&) {
      throw Error(ErrorCode::kUsage, "--weights: '" + item.substr(eq + 1) + "' is not a number");
    }
  }
  std::vector<double> weights;
  for (const std::string& party : frontier.parties) {
    const auto it = given.find(party);
    if (it == given.end()) {
      throw Error(ErrorCode::kUsage, "--weights gives no weight for party '" + party + "'");
    }
    weights.push_back(it->second);
    given.erase(it);
  }
  if (!given.empty()) {
    throw Error(ErrorCode::kUsage, "--weights names '" + given.begin()->first +
                                       "', which is not a party stating values");
  }
  return weights;
}

Json TiesJson(const BigUint& ties) {
  if (const auto small = ties.ToUint64()) return Json(*small);
  return Json(ties.ToString());
}

Json PointJson(const Case& c, const analysis::Frontier& frontier,
               const std::vector<PartyValuation>& valuations, const analysis::FrontierPoint& p) {
  Json j;
  Json utility = Json::object(), value = Json::object();
  for (std::size_t i = 0; i < frontier.parties.size(); ++i) {
    utility[frontier.parties[i]] = p.utility[i];
    if (valuations[i].form() == ValueForm::kMoney) {
      value[frontier.parties[i]] = valuations[i].Value(p.outcome);
    }
  }
  j["utility"] = utility;
  if (!value.empty()) j["value"] = value;
  j["outcome"] = OutcomeJson(c, p.outcome);
  j["ties"] = TiesJson(p.ties);
  j["acceptable"] = p.acceptable;
  return j;
}

Json ZopaJson(const Case& c, const analysis::Zopa& z) {
  Json j;
  j["exists"] = z.exists;
  j["acceptable_count"] = z.acceptable_count.ToString();
  j["count_exact"] = z.count_exact;
  j["count_method"] = analysis::ZopaCountMethodName(z.count_method);
  j["share"] = z.share;
  if (z.count_method == analysis::ZopaCountMethod::kMonteCarlo) {
    j["seed"] = z.seed;
    j["samples"] = z.samples;
  }
  j["spans_exact"] = z.spans_exact;
  Json spans = Json::array();
  for (const analysis::IssueSpan& span : z.spans) {
    const Issue* issue = c.FindIssue(span.issue);
    Json item;
    item["issue"] = span.issue;
    if (issue != nullptr && issue->kind == IssueKind::kOptions) {
      Json values = Json::array();
      for (std::uint64_t k : span.values) values.push_back(issue->options.at(k));
      item["options"] = values;
    } else {
      item["count"] = span.values.size();
      item["range"] = span.number_range
                          ? Json::array({span.number_range->first, span.number_range->second})
                          : Json(nullptr);
    }
    spans.push_back(item);
  }
  j["spans"] = spans;
  j["explanation"] = z.explanation;
  return j;
}

std::string ZopaText(const Case& c, const analysis::Zopa& z) {
  if (!z.exists) return "No ZOPA: no outcome is acceptable to every party. " + z.explanation + "\n";
  std::string out = fmt::format(
      "ZOPA: {} of {} outcomes ({:.2f}%) are acceptable to every party{}.\n",
      z.acceptable_count.ToString(), z.outcome_count.ToString(), 100 * z.share,
      z.count_exact ? "" : fmt::format(" (estimated from {} samples, seed {})", z.samples, z.seed));
  for (const analysis::IssueSpan& span : z.spans) {
    const Issue* issue = c.FindIssue(span.issue);
    if (issue == nullptr) continue;
    if (issue->kind == IssueKind::kOptions) {
      std::vector<std::string> names;
      for (std::uint64_t k : span.values) names.push_back(issue->options.at(k));
      std::string list;
      for (const std::string& name : names) list += (list.empty() ? "" : " | ") + name;
      out += fmt::format("  {:<24} {}\n", issue->DisplayName(), list);
    } else if (span.number_range) {
      out += fmt::format("  {:<24} {} to {}\n", issue->DisplayName(),
                         FormatNumber(span.number_range->first),
                         FormatNumber(span.number_range->second));
    }
  }
  if (!z.spans_exact && !z.spans.empty())
    out += "  (spans seen in the samples; there may be more)\n";
  return out;
}

}  // namespace

void AddFrontierCommand(CLI::App& app, Io& io, Action& action) {
  auto opts = std::make_shared<FrontierOptions>();
  auto* cmd = app.add_subcommand("frontier", "The exact Pareto frontier and bargaining solutions");
  cmd->add_option("CASE", opts->file, "A case file or a GENIUS/GeniusWeb scenario folder")
      ->required();
  cmd->add_option("--rows", opts->rows, "Most frontier rows in the text table (JSON lists all)")
      ->default_val(40);
  cmd->add_option("--weights", opts->weights,
                  "Bargaining weights party=w,... for the weighted Nash solution")
      ->delimiter(',');
  cmd->add_option("--svg", opts->svg,
                  "Also write a chart (outcome cloud, frontier, no-deal point, solutions) as SVG");
  cmd->add_option("--seed", opts->seed,
                  "Seed of every random draw: the chart's outcome sample and the ZOPA estimate on "
                  "huge spaces")
      ->default_val(1);
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
      int code = kExitOk;
      if (!opts->svg.empty() && !opts->force && std::filesystem::exists(opts->svg)) {
        throw Error(ErrorCode::kUsage, opts->svg + " already exists; pass --force to replace it");
      }
      const io::LoadResult result = LoadOrReport(io, opts->file, code);
      if (!result.Ok()) return code;
      const Case& c = *result.value;
      const analysis::Frontier frontier = analysis::ComputeFrontier(c);
      analysis::ZopaOptions zopa_options;
      zopa_options.seed = opts->seed;
      const analysis::Zopa zopa = analysis::ComputeZopa(c, zopa_options);
      std::vector<PartyValuation> valuations;
      for (const std::string& party : frontier.parties) valuations.emplace_back(c, party);

      std::vector<Solved> solved = {
          {"nash", analysis::Solve(frontier, analysis::SolutionRule::kNash)},
          {"kalai_smorodinsky",
           analysis::Solve(frontier, analysis::SolutionRule::kKalaiSmorodinsky)},
          {"egalitarian", analysis::Solve(frontier, analysis::SolutionRule::kEgalitarian)},
          {"utilitarian", analysis::Solve(frontier, analysis::SolutionRule::kUtilitarian)},
      };
      if (!opts->weights.empty()) {
        solved.push_back(
            {"weighted_nash", analysis::Solve(frontier, analysis::SolutionRule::kWeightedNash,
                                              ParseWeights(opts->weights, frontier))});
      }
      if (!opts->svg.empty()) {
        std::vector<analysis::Solution> solutions;
        for (const Solved& s : solved) solutions.push_back(s.solution);
        io::FrontierSvgOptions svg_options;
        svg_options.seed = opts->seed;
        io::WriteFileAtomically(opts->svg,
                                io::RenderFrontierSvg(c, frontier, solutions, svg_options));
      }

      if (io.format == OutputFormat::kJson) {
        Json j;
        j["command"] = "frontier";
        j["file"] = opts->file;
        j["parties"] = frontier.parties;
        j["outcome_count"] = frontier.outcome_count.ToString();
        j["method"] =
            frontier.method == analysis::FrontierMethod::kAdditive ? "additive" : "enumeration";
        j["epsilon"] = analysis::kUtilityEpsilon;
        Json d = Json::object();
        for (std::size_t i = 0; i < frontier.parties.size(); ++i) {
          d[frontier.parties[i]] = frontier.disagreement[i];
        }
        j["disagreement"] = d;
        j["frontier"] = Json::array();
        for (const auto& p : frontier.points)
          j["frontier"].push_back(PointJson(c, frontier, valuations, p));
        Json solutions = Json::object();
        for (const Solved& s : solved) {
          Json list = Json::array();
          for (std::size_t index : s.solution.points) {
            list.push_back(PointJson(c, frontier, valuations, frontier.points[index]));
          }
          solutions[s.key] = list;
        }
        j["solutions"] = solutions;
        j["zopa"] = ZopaJson(c, zopa);
        if (!opts->svg.empty()) j["svg"] = {{"file", opts->svg}, {"seed", opts->seed}};
        PrintJson(io.out, j);
        return kExitOk;
      }

      std::size_t acceptable = 0;
      for (const auto& p : frontier.points) acceptable += p.acceptable;
      io.out << fmt::format(
          "{}\n{} outcomes; the Pareto frontier has {} points, {} acceptable to every party ({} "
          "method)\n",
          c.title, frontier.outcome_count.ToString(), frontier.points.size(), acceptable,
          frontier.method == analysis::FrontierMethod::kAdditive ? "additive" : "enumeration");
      io.out
          << "Utilities run from 0 (a party's worst deal) to 1 (its best); $ columns are values in "
          << (c.currency.empty() ? "money" : c.currency) << ".\nDisagreement utilities:";
      for (std::size_t i = 0; i < frontier.parties.size(); ++i) {
        io.out << fmt::format(" {} {:.4f}", frontier.parties[i], frontier.disagreement[i]);
      }
      io.out << "\n\n";
      std::string header = "  #  mark ";
      for (const std::string& party : frontier.parties) header += fmt::format(" {:>10.10}", party);
      for (std::size_t i = 0; i < frontier.parties.size(); ++i) {
        if (valuations[i].form() == ValueForm::kMoney) {
          header += fmt::format(" {:>12.12}", frontier.parties[i] + " $");
        }
      }
      io.out << header << "  ok  ties  package\n";
      const std::size_t rows = std::min(opts->rows, frontier.points.size());
      for (std::size_t k = 0; k < frontier.points.size(); ++k) {
        std::string marks;
        for (const Solved& s : solved) {
          for (std::size_t index : s.solution.points) {
            if (index == k)
              marks += static_cast<char>(std::toupper(static_cast<unsigned char>(s.key[0])));
          }
        }
        if (k >= rows && marks.empty()) continue;  // solutions are always shown
        const auto& p = frontier.points[k];
        std::string line = fmt::format("{:>3}  {:<5}", k + 1, marks);
        for (double u : p.utility) line += fmt::format(" {:>10.4f}", u);
        for (std::size_t i = 0; i < frontier.parties.size(); ++i) {
          if (valuations[i].form() == ValueForm::kMoney) {
            line += fmt::format(" {:>12}", Amount(valuations[i].Value(p.outcome), true));
          }
        }
        io.out << line
               << fmt::format("  {:<3} {:>5}  ", p.acceptable ? "yes" : "no", p.ties.ToString())
               << PackageText(c, p.outcome) << "\n";
      }
      if (rows < frontier.points.size()) {
        io.out << fmt::format("  ... {} more points (use --rows or --format json)\n",
                              frontier.points.size() - rows);
      }
      io.out << "\n" << ZopaText(c, zopa);
      io.out << "\nN Nash  K Kalai-Smorodinsky  E egalitarian  U utilitarian"
             << (opts->weights.empty() ? "" : "  W weighted Nash") << "\n";
      for (const Solved& s : solved) {
        if (s.solution.points.empty()) {
          io.out << fmt::format("  {}: none (no deal is acceptable to every party)\n", s.key);
        }
      }
      if (!opts->svg.empty()) io.out << fmt::format("wrote {} (seed {})\n", opts->svg, opts->seed);
      return kExitOk;
    };
  });
}

}  // namespace parley::cli
