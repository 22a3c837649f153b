#include <fmt/format.h>

#include <charconv>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "cli_common.h"
#include "parley/analysis/frontier.h"
#include "parley/analysis/offer.h"
#include "parley/core/error.h"
#include "parley/core/package.h"

namespace parley::cli {

namespace {

using Json = nlohmann::ordered_json;

struct EvaluateOptions {
  std::string file;
  std::vector<std::string> offer;  // issue=value
};

// Parses "issue=value" items into a package: a number for number issues when the text reads as
// one, else the text (ResolvePackage then names the problem: unknown issue, bad option, ...).
Package ParseOffer(const Case& c, const std::vector<std::string>& items) {
  Package package;
  for (const std::string& item : items) {
    const auto eq = item.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw Error(ErrorCode::kUsage, "--offer takes issue=value pairs, not '" + item + "'");
    }
    const std::string id = item.substr(0, eq);
    const std::string text = item.substr(eq + 1);
    const int i = c.IssueIndex(id);
    if (i >= 0 && c.issues[i].kind == IssueKind::kNumber) {
      double x = 0;
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), x);
      if (ec == std::errc() && end == text.data() + text.size() && !text.empty()) {
        package.emplace_back(id, x);
        continue;
      }
    }
    package.emplace_back(id, text);
  }
  return package;
}

// One improvement (a frontier point dominating the offer) as JSON.
Json ImprovementJson(const Case& c, const analysis::Frontier& frontier,
                     const analysis::OfferScore& score, const analysis::OfferImprovement& imp) {
  const analysis::FrontierPoint& p = frontier.points[imp.point];
  Json utility = Json::object(), value = Json::object(), gain = Json::object();
  for (std::size_t i = 0; i < score.parties.size(); ++i) {
    const analysis::PartyOfferScore& s = score.parties[i];
    utility[s.party] = p.utility[i];
    Json g;
    g["utility"] = imp.utility_gain[i];
    if (s.money) {
      value[s.party] = imp.value[i];
      g["value"] = imp.value_gain[i];
    }
    gain[s.party] = g;
  }
  Json j;
  j["outcome"] = OutcomeJson(c, p.outcome);
  j["utility"] = utility;
  if (!value.empty()) j["value"] = value;
  j["gain"] = gain;
  j["min_gain"] = imp.min_gain;
  j["acceptable"] = p.acceptable;
  return j;
}

Json ScoreJson(const Case& c, const std::string& file, const analysis::Frontier& frontier,
               const analysis::OfferScore& score) {
  Json j;
  j["command"] = "evaluate";
  j["file"] = file;
  j["offer"] = OutcomeJson(c, score.offer);
  Json parties = Json::object();
  for (const analysis::PartyOfferScore& s : score.parties) {
    Json p;
    if (s.money) p["value"] = s.value;
    p["utility"] = s.utility;
    p["disagreement"] = s.disagreement;
    p["accepts"] = s.accepts;
    parties[s.party] = p;
  }
  j["parties"] = parties;
  bool all = true;
  for (const analysis::PartyOfferScore& s : score.parties) all = all && s.accepts;
  j["acceptable"] = all;
  j["efficient"] = score.efficient;
  j["dominated_by_count"] = score.dominated_by.size();
  j["best_improvement"] =
      score.efficient ? Json(nullptr) : ImprovementJson(c, frontier, score, score.best.front());
  j["tied_improvements"] = Json::array();
  for (std::size_t k = 1; k < score.best.size(); ++k) {
    j["tied_improvements"].push_back(ImprovementJson(c, frontier, score, score.best[k]));
  }
  return j;
}

void PrintText(std::ostream& out, const Case& c, const analysis::Frontier& frontier,
               const analysis::OfferScore& score) {
  const std::string currency = c.currency.empty() ? "money" : c.currency;
  out << c.title << "\nOffer: " << PackageText(c, score.offer) << "\n";
  out << "Utilities run from 0 (a party's worst deal) to 1 (its best); values are in " << currency
      << ".\n\n";
  out << fmt::format("  {:<16} {:>14} {:>9} {:>11}  {}\n", "party", "value", "utility", "walk-away",
                     "accepts");
  bool all = true;
  for (const analysis::PartyOfferScore& s : score.parties) {
    all = all && s.accepts;
    out << fmt::format("  {:<16} {:>14} {:>9.4f} {:>11.4f}  {}\n", s.party,
                       s.money ? Amount(s.value, true) : "-", s.utility, s.disagreement,
                       s.accepts ? "yes" : "no");
  }
  out << (all ? "\nEvery party would accept this offer (each utility is at least its walk-away).\n"
              : "\nNot every party would accept this offer: it is below someone's walk-away.\n");
  if (score.efficient) {
    out << "Pareto-efficient: no package is better for one party without being worse for "
           "another; nothing is left on the table.\n";
    return;
  }
  out << fmt::format(
      "Not Pareto-efficient: {} frontier point{} better for some party and worse for none.\n",
      score.dominated_by.size(), score.dominated_by.size() == 1 ? " is" : "s are");
  for (std::size_t k = 0; k < score.best.size(); ++k) {
    const analysis::OfferImprovement& imp = score.best[k];
    const analysis::FrontierPoint& p = frontier.points[imp.point];
    out << (k == 0 ? "\nBest improvement (the largest gain for the party that gains least):\n  "
                   : "Tied with it:\n  ")
        << PackageText(c, p.outcome) << "\n";
    for (std::size_t i = 0; i < score.parties.size(); ++i) {
      const analysis::PartyOfferScore& s = score.parties[i];
      std::string line =
          fmt::format("    {:<16} gains {:.4f} utility", s.party, imp.utility_gain[i]);
      if (s.money) {
        const double gain = imp.value_gain[i];
        line += fmt::format(" ({}{} {})", gain < 0 ? "" : "+", Amount(gain, true), currency);
      }
      out << line << "\n";
    }
    out << "    "
        << (p.acceptable ? "every party would accept it" : "not every party would accept it")
        << "\n";
  }
  out << "Left on the table: the gains above, which both sides could still have at no cost to "
         "either.\n";
}

}  // namespace

void AddEvaluateCommand(CLI::App& app, Io& io, Action& action) {
  auto opts = std::make_shared<EvaluateOptions>();
  auto* cmd =
      app.add_subcommand("evaluate", "Score one offer: who accepts, what is left on the table");
  cmd->add_option("CASE", opts->file, "A case file or a GENIUS/GeniusWeb scenario folder")
      ->required();
  cmd->add_option("--offer", opts->offer, "The offer: issue=value,... giving every issue a value")
      ->delimiter(',')
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
      int code = kExitOk;
      const io::LoadResult result = LoadOrReport(io, opts->file, code);
      if (!result.Ok()) return code;
      const Case& c = *result.value;
      const ResolvedPackage resolved = ResolvePackage(c, ParseOffer(c, opts->offer));
      for (const std::string& problem : resolved.problems) {
        io.err << "parley: error: --offer: " << problem << '\n';
      }
      if (!resolved.problems.empty()) return kExitInvalid;
      std::string missing;
      for (std::size_t i = 0; i < c.issues.size(); ++i) {
        if (!resolved.indices[i]) missing += (missing.empty() ? "'" : ", '") + c.issues[i].id + "'";
      }
      if (!missing.empty()) {
        io.err << "parley: error: --offer leaves out " << missing
               << "; an offer gives every issue a value\n";
        return kExitInvalid;
      }
      const analysis::Frontier frontier = analysis::ComputeFrontier(c);
      const analysis::OfferScore score = analysis::ScoreOffer(c, frontier, *resolved.ToOutcome());
      if (io.format == OutputFormat::kJson) {
        PrintJson(io.out, ScoreJson(c, opts->file, frontier, score));
      } else {
        PrintText(io.out, c, frontier, score);
      }
      return kExitOk;
    };
  });
}

}  // namespace parley::cli
