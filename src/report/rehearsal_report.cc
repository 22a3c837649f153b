#include "parley/report/rehearsal_report.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "internal/rehearsal_section.h"
#include "parley/core/text.h"

namespace parley::report {

namespace {

using Json = nlohmann::ordered_json;

std::string WholePercent(double share) { return std::to_string(std::lround(share * 100)) + "%"; }

// What the samples draw, for people: "Acme Corp's BATNA" for "BATNA of acme".
std::vector<std::string> DrawnNames(const Case& c, const sim::Rehearsal& r) {
  std::vector<std::string> drawn;
  for (const std::string& d : r.drawn) {
    const std::string batna = "BATNA of ";
    drawn.push_back(d.rfind(batna, 0) == 0
                        ? text::Possessive(PartyName(c, d.substr(batna.size()))) + " BATNA"
                        : "an unknown " + d);
  }
  return drawn;
}

// The step a break count belongs to: "anchor", "step 1", ...
std::string StepName(const sim::Rehearsal& r, std::size_t k) {
  return k == 0 ? (r.under_way ? "table" : "anchor") : "step " + std::to_string(k);
}

}  // namespace

std::string RenderRehearsalText(const Case& c, const sim::Rehearsal& r, const std::string& file) {
  const bool money = StatesMoney(c, r.us);
  const int decimals = money ? text::MoneyDecimals(c) : 0;
  auto figure = [&](double x) { return text::Amount(x, money, decimals); };
  std::ostringstream out;
  out << "Rehearsal: " << (c.title.empty() ? file : c.title) << "\n";
  const std::vector<std::string> drawn = DrawnNames(c, r);
  out << "  " << PartyName(c, r.us) << " plays parley (the brief's plan) against "
      << text::JoinAnd(r.them) << ".\n";
  out << "  " << r.negotiations << " negotiations, " << r.rounds << " rounds, seed " << r.seed
      << (drawn.empty() ? ", nothing drawn." : "; drawn: " + text::JoinAnd(drawn) + ".") << "\n\n";
  out << "Agreement: " << WholePercent(r.agreement_rate) << " of the negotiations.\n";
  out << "Our value (no deal: our walk-away): p5 " << figure(r.value.p5) << ", median "
      << figure(r.value.p50) << ", p95 " << figure(r.value.p95) << ", mean " << figure(r.value.mean)
      << ".\n";
  out << "  predicted deal: "
      << (r.predicted_value ? figure(*r.predicted_value) : std::string("none (no ZOPA)"))
      << "; walk-away: " << figure(r.walk_away) << ".\n\n";
  out << "By counterpart:\n";
  for (const sim::CounterpartResult& cp : r.by_counterpart) {
    out << "  " << cp.strategy << ": " << cp.negotiations << " negotiations, "
        << WholePercent(cp.agreement_rate) << " agree, mean value " << figure(cp.mean_value) << ", "
        << WholePercent(cp.below_prediction) << " below the predicted deal\n";
  }
  out << "\nBeat the plan: " << (r.beat_the_plan.empty() ? "none" : text::JoinAnd(r.beat_the_plan))
      << ".\n";
  out << "Where the plan breaks:";
  for (std::size_t k = 0; k < r.breaks.size(); ++k) {
    out << (k == 0 ? " " : ", ") << StepName(r, k) << " " << r.breaks[k];
  }
  out << " (negotiations without a deal or below the predicted deal, by the last step reached).\n";
  out << "\nWhat to change:\n";
  for (const std::string& a : r.advice) out << "  - " << a << "\n";
  return out.str();
}

Json RehearsalJson(const sim::Rehearsal& r, const std::string& file) {
  Json j;
  j["command"] = "rehearse";
  j["file"] = file;
  j["us"] = {{"party", r.us}, {"strategy", "parley"}};
  j["them"] = r.them;
  j["seed"] = r.seed;
  j["rounds"] = r.rounds;
  j["drawn"] = r.drawn;
  j["negotiations"] = r.negotiations;
  j["agreement_rate"] = r.agreement_rate;
  j["value"] = {{"p5", r.value.p5},   {"p25", r.value.p25}, {"p50", r.value.p50},
                {"p75", r.value.p75}, {"p95", r.value.p95}, {"mean", r.value.mean}};
  j["predicted_value"] = r.predicted_value ? Json(*r.predicted_value) : Json(nullptr);
  j["walk_away"] = r.walk_away;
  Json by = Json::array();
  for (const sim::CounterpartResult& cp : r.by_counterpart) {
    by.push_back({{"strategy", cp.strategy},
                  {"negotiations", cp.negotiations},
                  {"agreement_rate", cp.agreement_rate},
                  {"mean_value", cp.mean_value},
                  {"below_prediction", cp.below_prediction}});
  }
  j["by_counterpart"] = by;
  j["beat_the_plan"] = r.beat_the_plan;
  j["steps"] = r.steps;
  j["breaks"] = r.breaks;
  j["break_step"] = r.break_step ? Json(*r.break_step) : Json(nullptr);
  j["advice"] = r.advice;
  return j;
}

namespace internal {

namespace {

// The figures of the section, one per row, in our value units.
DocTable RehearsalFigures(const Case& c, const plan::Brief& b, const sim::Rehearsal& r) {
  const bool money = StatesMoney(c, r.us);
  const int decimals = money ? text::MoneyDecimals(c) : 0;
  auto figure = [&](double x) { return text::Amount(x, money, decimals); };
  DocTable t{{"Figure", "Value"}, {}, {false, true}};
  t.rows.push_back({"Negotiations that end in a deal", WholePercent(r.agreement_rate)});
  t.rows.push_back({"Our value, p5 (no deal: our walk-away)", figure(r.value.p5)});
  t.rows.push_back({"Our value, median", figure(r.value.p50)});
  t.rows.push_back({"Our value, p95", figure(r.value.p95)});
  t.rows.push_back({"Our value, mean", figure(r.value.mean)});
  t.rows.push_back({"Predicted deal, value to us (as above)",
                    r.predicted_value ? figure(*r.predicted_value) : "none (no ZOPA)"});
  if (b.concession_plan) {
    const plan::ConcessionPlan& p = *b.concession_plan;
    t.rows.push_back(
        {"Our value after the plan's last step (as above)", figure(p.start_value - p.conceded)});
    t.rows.push_back({"Held in reserve above the walk-away (as above)", figure(p.reserve)});
  }
  t.rows.push_back({"Our walk-away (as above)", figure(r.walk_away)});
  return t;
}

// How the rehearsal's figures relate to the brief's prediction and concession plan.
std::string HowToRead(const Case& c, const plan::Brief& b, const sim::Rehearsal& r) {
  std::string out =
      "The predicted deal is where the bargaining model expects talks between sides that reach "
      "the frontier to land; the rehearsal plays the plan against styles that may not reach it, "
      "so its agreement rate and values are what this plan gets from them, not a new prediction.";
  if (!b.concession_plan || !r.predicted_value) return out;
  const plan::ConcessionPlan& p = *b.concession_plan;
  const double landing = p.start_value - p.conceded;
  const bool money = StatesMoney(c, r.us);
  const int decimals = money ? text::MoneyDecimals(c) : 0;
  if (landing - *r.predicted_value > 1e-9 * std::max(1.0, std::abs(landing))) {
    out += " The plan's last step leaves us at " + text::CostOrValue(landing, money, decimals) +
           ", " + text::Amount(landing - *r.predicted_value, money, decimals) +
           " better for us than the predicted deal: talks with a counterpart that will not come "
           "that far end without a deal (our walk-away) unless we concede past it.";
  }
  return out;
}

// The command that gives the same figures.
std::string RehearseCommand(const sim::Rehearsal& r, const std::string& file) {
  std::string out = "parley rehearse " + file;
  if (r.them != sim::DefaultCounterparts()) {
    std::string them;
    for (const std::string& t : r.them) them += (them.empty() ? "" : ",") + t;
    out += " --them '" + them + "'";
  }
  return out + " --samples " + std::to_string(r.negotiations) + " --seed " +
         std::to_string(r.seed) + " --rounds " + std::to_string(r.rounds);
}

DocTable CounterpartTable(const Case& c, const sim::Rehearsal& r) {
  const bool money = StatesMoney(c, r.us);
  const int decimals = money ? text::MoneyDecimals(c) : 0;
  DocTable t{{"Counterpart", "Negotiations", "Deals", "Our mean value", "Below the prediction"},
             {},
             {false, true, true, true, true}};
  for (const sim::CounterpartResult& cp : r.by_counterpart) {
    t.rows.push_back({cp.strategy, std::to_string(cp.negotiations), WholePercent(cp.agreement_rate),
                      text::Amount(cp.mean_value, money, decimals),
                      WholePercent(cp.below_prediction)});
  }
  return t;
}

}  // namespace

DocSection RehearsalSection(const Case& c, const plan::Brief& b, const sim::Rehearsal& r,
                            const std::string& file) {
  DocSection s{"rehearsal", "Rehearsal", 2, {}};
  const std::vector<std::string> drawn = DrawnNames(c, r);
  s.blocks.push_back(
      Paragraph(PartyName(c, r.us) +
                " played this brief's plan (the parley strategy: the anchor, the "
                "concession plan, the MESO packages, the floors and the walk-away) against " +
                text::JoinAnd(r.them) + ": " + std::to_string(r.negotiations) +
                " negotiations, a deadline of " + std::to_string(r.rounds) + " rounds, seed " +
                std::to_string(r.seed) +
                (drawn.empty() ? ", nothing drawn" : "; drawn in each: " + text::JoinAnd(drawn)) +
                ". For a brief with the default options, `" + RehearseCommand(r, file) +
                "` gives the same figures."));
  s.blocks.push_back(Table(RehearsalFigures(c, b, r)));
  s.blocks.push_back(Paragraph(HowToRead(c, b, r)));
  s.blocks.push_back(Table(CounterpartTable(c, r)));
  s.blocks.push_back(Paragraph(
      "Beat the plan (our value below the predicted deal in more than half of their "
      "negotiations): " +
      (r.beat_the_plan.empty() ? std::string("none") : text::JoinAnd(r.beat_the_plan)) + "."));
  DocTable breaks{{"Last step we offered", "Negotiations without a deal or below the prediction"},
                  {},
                  {false, true}};
  for (std::size_t k = 0; k < r.breaks.size(); ++k) {
    breaks.rows.push_back({StepName(r, k), std::to_string(r.breaks[k])});
  }
  s.blocks.push_back(Table(breaks));
  s.blocks.push_back(Paragraph("What to change:"));
  s.blocks.push_back(List(r.advice));
  return s;
}

Json RehearsalSectionJson(const sim::Rehearsal& r) {
  Json j = RehearsalJson(r, "");
  j.erase("command");
  j.erase("file");
  return j;
}

}  // namespace internal

}  // namespace parley::report
