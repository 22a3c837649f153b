#include "parley/report/offer_report.h"

#include <fmt/format.h>

#include <ostream>
#include <sstream>

#include "parley/core/text.h"
#include "parley/report/outcome_format.h"

namespace parley::report {

namespace {

using Json = nlohmann::ordered_json;

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

Json ScoreJsonImpl(const Case& c, const std::string& file, const analysis::Frontier& frontier,
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
    p["floors_broken"] = s.floors_broken;
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

void ScoreText(std::ostream& out, const Case& c, const analysis::Frontier& frontier,
               const analysis::OfferScore& score) {
  const std::string currency = c.currency.empty() ? "money" : c.currency;
  out << c.title << "\nOffer: " << PackageText(c, score.offer) << "\n";
  out << (c.floors.empty() ? "Utilities run from 0 (a party's worst deal) to 1 (its best)"
                           : "Utilities run from 0 (a party's worst deal inside every floor) to 1 "
                             "(its best)")
      << "; values are in " << currency << ".\n\n";
  // The walk-away on the utility scale, the one the acceptance test compares (the brief and show
  // give it in money): named so, never read as an amount.
  out << fmt::format("  {:<16} {:>14} {:>9} {:>19}  {}\n", "party", "value", "utility",
                     "walk-away utility", "accepts");
  bool all = true;
  for (const analysis::PartyOfferScore& s : score.parties) {
    all = all && s.accepts;
    out << fmt::format("  {:<16} {:>14} {:>9.4f} {:>19.4f}  {}\n", s.party,
                       s.money ? text::Amount(s.value, true) : "-", s.utility, s.disagreement,
                       s.accepts ? "yes" : "no");
  }
  bool floors = false;
  for (const analysis::PartyOfferScore& s : score.parties) floors |= !s.floors_broken.empty();
  out << (all ? "\nEvery party would accept this offer (each utility is at least its walk-away).\n"
          : floors
              ? "\nNot every party would accept this offer: it breaks a floor or is below "
                "someone's walk-away.\n"
              : "\nNot every party would accept this offer: it is below someone's walk-away.\n");
  for (const analysis::PartyOfferScore& s : score.parties) {
    std::string list;
    for (const std::string& f : s.floors_broken) list += (list.empty() ? "" : "; ") + f;
    if (!list.empty())
      out << "  " << s.party << " would refuse it: it breaks its floor (" << list << ").\n";
  }
  if (score.efficient && floors) {
    out << "No package inside every floor is as good for every party: what this offer gives "
           "beyond the frontier comes from breaking a floor, and it cannot close.\n";
    return;
  }
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
        line += fmt::format(" ({}{} {})", gain < 0 ? "" : "+", text::Amount(gain, true), currency);
      }
      out << line << "\n";
    }
    out << "    "
        << (p.acceptable ? "every party would accept it" : "not every party would accept it")
        << "\n";
  }
  bool acceptable = false;
  for (const analysis::OfferImprovement& imp : score.best) {
    acceptable = acceptable || frontier.points[imp.point].acceptable;
  }
  const std::string sides = score.parties.size() > 2 ? "every party" : "both sides";
  out << (acceptable
              ? "Left on the table: the gains above, which " + sides +
                    " could still have at no cost to " +
                    (score.parties.size() > 2 ? "any" : "either") + ".\n"
              : "Left on the table: the gains above, at no cost to any party; but not every "
                "party would accept that package, so the gain is real only if it can be made "
                "acceptable.\n");
}

}  // namespace

std::string RenderOfferText(const Case& c, const analysis::Frontier& frontier,
                            const analysis::OfferScore& score) {
  std::ostringstream out;
  ScoreText(out, c, frontier, score);
  return out.str();
}

nlohmann::ordered_json OfferJson(const Case& c, const std::string& file,
                                 const analysis::Frontier& frontier,
                                 const analysis::OfferScore& score) {
  return ScoreJsonImpl(c, file, frontier, score);
}

}  // namespace parley::report
