#include "parley/report/deal_space_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <ostream>
#include <string>
#include <variant>
#include <vector>

#include "parley/core/issue.h"
#include "parley/core/package.h"
#include "parley/core/text.h"
#include "parley/report/json_text.h"
#include "parley/report/outcome_format.h"

namespace parley::report {

namespace {

using Json = nlohmann::ordered_json;

const char* MethodName(const analysis::Frontier& f) {
  return f.method == analysis::FrontierMethod::kAdditive ? "additive" : "enumeration";
}

// The solution letters of each frontier point ("NKE", "" for none). O(points + solution points).
std::vector<std::string> SolutionMarks(const analysis::DealSpace& d) {
  std::vector<std::string> marks(d.frontier.points.size());
  for (const analysis::NamedSolution& s : d.solutions) {
    const char letter =
        static_cast<char>(std::toupper(static_cast<unsigned char>(SolutionRuleName(s.rule)[0])));
    for (std::size_t index : s.solution.points) marks[index] += letter;
  }
  return marks;
}

std::string TableHeader(const analysis::DealSpace& d) {
  std::string header = "  #  mark ";
  for (const std::string& party : d.frontier.parties) header += fmt::format(" {:>10.10}", party);
  for (std::size_t i = 0; i < d.frontier.parties.size(); ++i) {
    if (d.money[i]) header += fmt::format(" {:>12.12}", d.frontier.parties[i] + " $");
  }
  return header + "  ok  ties  package\n";
}

std::string TableRow(const Case& c, const analysis::DealSpace& d, std::size_t k,
                     const std::string& marks) {
  const analysis::FrontierPoint& p = d.frontier.points[k];
  std::string line = fmt::format("{:>3}  {:<5}", k + 1, marks);
  for (double u : p.utility) line += fmt::format(" {:>10.4f}", u);
  for (std::size_t i = 0; i < d.frontier.parties.size(); ++i) {
    if (d.money[i]) line += fmt::format(" {:>12}", text::Amount(d.point_values[i][k], true));
  }
  return line + fmt::format("  {:<3} {:>5}  ", p.acceptable ? "yes" : "no", p.ties.ToString()) +
         PackageText(c, p.outcome) + "\n";
}

Json TiesJson(const BigUint& ties) {
  if (const auto small = ties.ToUint64()) return Json(*small);
  return Json(ties.ToString());
}

Json PointJson(const Case& c, const analysis::DealSpace& d, std::size_t k) {
  const analysis::Frontier& frontier = d.frontier;
  const analysis::FrontierPoint& p = frontier.points[k];
  Json j;
  Json utility = Json::object(), value = Json::object();
  for (std::size_t i = 0; i < frontier.parties.size(); ++i) {
    utility[frontier.parties[i]] = p.utility[i];
    if (d.money[i]) value[frontier.parties[i]] = d.point_values[i][k];
  }
  j["utility"] = utility;
  if (!value.empty()) j["value"] = value;
  j["outcome"] = OutcomeJson(c, p.outcome);
  j["ties"] = TiesJson(p.ties);
  j["acceptable"] = p.acceptable;
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
                         text::IssueValueText(c, *issue, span.number_range->first),
                         text::IssueValueText(c, *issue, span.number_range->second));
    }
  }
  if (!z.spans_exact && !z.spans.empty())
    out += "  (spans seen in the samples; there may be more)\n";
  return out;
}

bool HasWeightedNash(const analysis::DealSpace& d) {
  return std::any_of(d.solutions.begin(), d.solutions.end(),
                     [](const auto& s) { return s.rule == analysis::SolutionRule::kWeightedNash; });
}

}  // namespace

nlohmann::ordered_json ZopaJson(const Case& c, const analysis::Zopa& z) {
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

std::string RenderDealSpaceText(const Case& c, const analysis::DealSpace& d,
                                const DealSpaceView& view) {
  const analysis::Frontier& frontier = d.frontier;
  std::size_t acceptable = 0;
  for (const auto& p : frontier.points) acceptable += p.acceptable;
  std::string out = fmt::format(
      "{}\n{} outcomes{}; the Pareto frontier has {} points, {} acceptable to every party ({} "
      "method)\n",
      c.title, frontier.outcome_count.ToString(),
      c.floors.empty() || !d.floors_feasible ? "" : " inside every floor", frontier.points.size(),
      acceptable, MethodName(frontier));
  for (const std::string& note : d.floor_notes) out += "  " + note + "\n";
  out += std::string(c.floors.empty() || !d.floors_feasible
                         ? "Utilities run from 0 (a party's worst deal) to 1 (its best)"
                         : "Utilities run from 0 (a party's worst deal inside every floor) to 1 "
                           "(its best)") +
         "; $ columns are values in " + (c.currency.empty() ? std::string("money") : c.currency) +
         ".\nDisagreement utilities:";
  for (std::size_t i = 0; i < frontier.parties.size(); ++i) {
    out += fmt::format(" {} {:.4f}", frontier.parties[i], frontier.disagreement[i]);
  }
  out += "\n\n" + TableHeader(d);
  const std::vector<std::string> marks = SolutionMarks(d);
  // Beyond --rows, each solution's first point is still shown; its other tied points (a whole
  // straight frontier ties for the utilitarian sum) are counted below the legend instead.
  std::vector<char> first(frontier.points.size(), 0);
  for (const analysis::NamedSolution& s : d.solutions) {
    if (!s.solution.points.empty()) first[s.solution.points.front()] = 1;
  }
  const std::size_t rows = std::min(view.rows, frontier.points.size());
  std::size_t shown = 0;
  for (std::size_t k = 0; k < frontier.points.size(); ++k) {
    if (k >= rows && !first[k]) continue;
    out += TableRow(c, d, k, marks[k]);
    ++shown;
  }
  if (shown < frontier.points.size()) {
    out += fmt::format("  ... {} more points (use --rows or --format json)\n",
                       frontier.points.size() - shown);
  }
  out += "\n" + ZopaText(c, d.zopa);
  out += std::string("\nN Nash  K Kalai-Smorodinsky  E egalitarian  U utilitarian") +
         (HasWeightedNash(d) ? "  W weighted Nash" : "") + "\n";
  for (const analysis::NamedSolution& s : d.solutions) {
    if (s.solution.points.empty()) {
      out += fmt::format("  {}: none (no deal is acceptable to every party)\n",
                         SolutionRuleName(s.rule));
    } else if (s.solution.points.size() > 1) {
      std::size_t hidden = 0;
      for (std::size_t index : s.solution.points) hidden += index >= rows && !first[index];
      if (hidden > 0) {
        out += fmt::format(
            "  {}: {} points tie; {} of them not shown (use --rows or --format json)\n",
            SolutionRuleName(s.rule), text::GroupDigits(std::to_string(s.solution.points.size())),
            text::GroupDigits(std::to_string(hidden)));
      }
    }
  }
  if (!view.svg_file.empty()) out += fmt::format("wrote {} (seed {})\n", view.svg_file, view.seed);
  return out;
}

namespace {

// Everything of DealSpaceJson but the frontier points: "frontier" is an empty list.
Json DealSpaceJsonHead(const Case& c, const analysis::DealSpace& d, const std::string& file,
                       const DealSpaceView& view) {
  const analysis::Frontier& frontier = d.frontier;
  Json j;
  j["command"] = "frontier";
  j["file"] = file;
  j["parties"] = frontier.parties;
  j["outcome_count"] = frontier.outcome_count.ToString();
  j["method"] = MethodName(frontier);
  j["epsilon"] = analysis::kUtilityEpsilon;
  Json disagreement = Json::object();
  for (std::size_t i = 0; i < frontier.parties.size(); ++i) {
    disagreement[frontier.parties[i]] = frontier.disagreement[i];
  }
  j["disagreement"] = disagreement;
  j["frontier"] = Json::array();
  Json solutions = Json::object();
  for (const analysis::NamedSolution& s : d.solutions) {
    Json list = Json::array();
    for (std::size_t index : s.solution.points) list.push_back(PointJson(c, d, index));
    solutions[SolutionRuleName(s.rule)] = list;
  }
  j["solutions"] = solutions;
  j["zopa"] = ZopaJson(c, d.zopa);
  if (!view.svg_file.empty()) j["svg"] = {{"file", view.svg_file}, {"seed", view.seed}};
  return j;
}

}  // namespace

nlohmann::ordered_json DealSpaceJson(const Case& c, const analysis::DealSpace& d,
                                     const std::string& file, const DealSpaceView& view) {
  Json j = DealSpaceJsonHead(c, d, file, view);
  Json& points = j["frontier"];
  for (std::size_t k = 0; k < d.frontier.points.size(); ++k) points.push_back(PointJson(c, d, k));
  return j;
}

namespace {

// Writes frontier points exactly as PointJson(c, d, k).dump(2) with every line after the first
// four spaces further in (a point inside the top-level "frontier" list), without building the
// JSON tree: a million points are written in a second rather than several. Keys and numbers go
// through nlohmann's own escaping and number formatting, so the bytes are the same.
// O(parties + issues) per point.
class PointJsonWriter {
 public:
  PointJsonWriter(const Case& c, const analysis::DealSpace& d) : c_(c), d_(d) {
    for (const std::string& party : d.frontier.parties) party_keys_.push_back(Quoted(party));
    for (std::size_t i = 0; i < d.money.size(); ++i) any_money_ = any_money_ || d.money[i];
  }

  /// Appends point `k` to `out`.
  void Write(std::size_t k, std::string& out) const {
    const analysis::FrontierPoint& p = d_.frontier.points[k];
    out += "{\n      \"utility\": {";
    for (std::size_t i = 0; i < party_keys_.size(); ++i) {
      Member(out, i, party_keys_[i], Json(p.utility[i]).dump());
    }
    out += "\n      },";
    if (any_money_) {
      out += "\n      \"value\": {";
      std::size_t written = 0;
      for (std::size_t i = 0; i < party_keys_.size(); ++i) {
        if (d_.money[i]) Member(out, written++, party_keys_[i], Json(d_.point_values[i][k]).dump());
      }
      out += "\n      },";
    }
    out += "\n      \"outcome\": ";
    const Package package = OutcomeToPackage(c_, p.outcome);
    if (package.empty()) out += "{}";
    if (!package.empty()) {
      out += '{';
      for (std::size_t i = 0; i < package.size(); ++i) {
        const auto& [issue, v] = package[i];
        Member(out, i, Quoted(issue),
               std::holds_alternative<double>(v) ? Json(std::get<double>(v)).dump()
                                                 : Quoted(std::get<std::string>(v)));
      }
      out += "\n      }";
    }
    out += ",\n      \"ties\": ";
    out += TiesJson(p.ties).dump();
    out += ",\n      \"acceptable\": ";
    out += p.acceptable ? "true" : "false";
    out += "\n    }";
  }

 private:
  static std::string Quoted(const std::string& text) {
    return Json(text).dump(-1, ' ', false, Json::error_handler_t::replace);
  }
  // One "key": value line of an object eight spaces in, after a comma unless it is the first.
  static void Member(std::string& out, std::size_t index, const std::string& key,
                     const std::string& value) {
    out += index == 0 ? "\n        " : ",\n        ";
    out += key;
    out += ": ";
    out += value;
  }

  const Case& c_;
  const analysis::DealSpace& d_;
  std::vector<std::string> party_keys_;
  bool any_money_ = false;
};

}  // namespace

void WriteDealSpaceJson(std::ostream& out, const Case& c, const analysis::DealSpace& d,
                        const std::string& file, const DealSpaceView& view) {
  const std::string head = JsonText(DealSpaceJsonHead(c, d, file, view));
  // The empty list at the top level, two spaces in; keys before it are fixed words and case
  // text, whose quotes are escaped, so this is its one occurrence.
  const std::string empty = "\n  \"frontier\": [],\n";
  const std::size_t at = head.find(empty);
  if (d.frontier.points.empty() || at == std::string::npos) {
    out << head;
    return;
  }
  out << head.substr(0, at) << "\n  \"frontier\": [";
  const PointJsonWriter writer(c, d);
  std::string point;
  for (std::size_t k = 0; k < d.frontier.points.size(); ++k) {
    point = k > 0 ? ",\n    " : "\n    ";
    writer.Write(k, point);
    out.write(point.data(), static_cast<std::streamsize>(point.size()));
  }
  out << "\n  ]," << head.substr(at + empty.size() - 1);
}

}  // namespace parley::report
