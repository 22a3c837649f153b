#include "parley/report/rehearsal_report.h"

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "parley/core/text.h"

namespace parley::report {

namespace {

using Json = nlohmann::ordered_json;

std::string Percent(double share) { return std::to_string(std::lround(share * 100)) + "%"; }

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
  }
  return out;
}

}  // namespace

std::string RenderRehearsalText(const Case& c, const sim::Rehearsal& r, const std::string& file) {
  const bool money = StatesMoney(c, r.us);
  const int decimals = money ? text::MoneyDecimals(c) : 0;
  auto figure = [&](double x) { return text::Amount(x, money, decimals); };
  std::ostringstream out;
  out << "Rehearsal: " << (c.title.empty() ? file : c.title) << "\n";
  // What the samples draw, for people: "Acme Corp's BATNA" for "BATNA of acme".
  std::vector<std::string> drawn;
  for (const std::string& d : r.drawn) {
    const std::string batna = "BATNA of ";
    drawn.push_back(d.rfind(batna, 0) == 0
                        ? text::Possessive(PartyName(c, d.substr(batna.size()))) + " BATNA"
                        : "an unknown " + d);
  }
  out << "  " << PartyName(c, r.us) << " plays parley (the brief's plan) against " << Join(r.them)
      << ".\n";
  out << "  " << r.negotiations << " negotiations, " << r.rounds << " rounds, seed " << r.seed
      << (drawn.empty() ? ", nothing drawn." : "; drawn: " + Join(drawn) + ".") << "\n\n";
  out << "Agreement: " << Percent(r.agreement_rate) << " of the negotiations.\n";
  out << "Our value (no deal: our walk-away): p5 " << figure(r.value.p5) << ", median "
      << figure(r.value.p50) << ", p95 " << figure(r.value.p95) << ", mean " << figure(r.value.mean)
      << ".\n";
  out << "  predicted deal: "
      << (r.predicted_value ? figure(*r.predicted_value) : std::string("none (no ZOPA)"))
      << "; walk-away: " << figure(r.walk_away) << ".\n\n";
  out << "By counterpart:\n";
  for (const sim::CounterpartResult& cp : r.by_counterpart) {
    out << "  " << cp.strategy << ": " << cp.negotiations << " negotiations, "
        << Percent(cp.agreement_rate) << " agree, mean value " << figure(cp.mean_value) << ", "
        << Percent(cp.below_prediction) << " below the predicted deal\n";
  }
  out << "\nBeat the plan: " << (r.beat_the_plan.empty() ? "none" : Join(r.beat_the_plan)) << ".\n";
  out << "Where the plan breaks:";
  for (std::size_t k = 0; k < r.breaks.size(); ++k) {
    out << (k == 0 ? " anchor " : ", step " + std::to_string(k) + " ") << r.breaks[k];
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

}  // namespace parley::report
