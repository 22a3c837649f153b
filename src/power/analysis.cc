#include "parley/power/analysis.h"

#include <algorithm>

#include "internal/text.h"
#include "parley/core/closest_match.h"
#include "parley/core/error.h"
#include "parley/core/text.h"

namespace parley::power {
namespace {

std::string ResolvePerspective(const Case& c, const std::string& as) {
  if (as.empty()) return c.Us().id;
  std::vector<std::string> ids;
  for (const Party& p : c.parties) {
    if (p.id == as) return as;
    ids.push_back(p.id);
  }
  std::string message = "--as: no party '" + as + "' in the case";
  const std::string hint = DidYouMean(as, ids);
  throw Error(ErrorCode::kUsage, message + (hint.empty() ? "" : " (" + hint + ")"));
}

// What the time model assumed: unknown deadlines and how they are drawn, dates set for another
// side and whether they count (docs/power-model.md, "Time").
void TimeAssumptions(const PowerReport& r, std::vector<std::string>& out) {
  std::string unknown, undated;  // no deadline stated; a date but no analysis date to count from
  std::string counted, not_counted;
  for (const PartyLeverage& p : r.leverage->parties) {
    if (p.deadline_known == DeadlineKnown::kUnknown) {
      std::string& list = p.deadline.empty() ? unknown : undated;
      list += (list.empty() ? "" : ", ") + p.party;
    }
    for (const DatePressure& d : p.pressures) {
      std::string& list = d.counted ? counted : not_counted;
      list += (list.empty() ? "" : "; ") + d.by + " for " + p.party + " by " + d.date;
      if (!d.counted) {
        list += !d.credible ? " (no evidence)" : !d.weeks ? " (no analysis date)" : " (passed)";
      }
    }
  }
  const auto [lo, hi] = r.options.unknown_deadline_weeks;
  if (!unknown.empty()) {
    out.push_back("Deadlines not stated are unknown, not absent: " + unknown +
                  ". Each is drawn uniformly from " + FormatNumber(lo) + " to " + FormatNumber(hi) +
                  " weeks after the analysis date (the point estimate uses the expected rate); "
                  "write `deadline: none` for a side with no time pressure at all.");
  }
  if (!undated.empty()) {
    out.push_back("Deadlines dated, but with no analysis date to count the weeks from: " + undated +
                  ". Each is drawn as an unknown one, uniformly from " + FormatNumber(lo) + " to " +
                  FormatNumber(hi) +
                  " weeks; give --today, or date the evidence, to count them from their dates.");
  }
  if (!counted.empty()) {
    out.push_back(
        "Dates set for another side, backed by evidence, press on that side as its "
        "deadline: " +
        counted + ".");
  }
  if (!not_counted.empty()) {
    out.push_back("Dates set for another side that do not count: " + not_counted + ".");
  }
}

std::vector<std::string> Assumptions(const PowerReport& r, const Case& c) {
  using internal::Fixed;
  const PowerOptions& o = r.options;
  std::vector<std::string> out;
  std::string unscored;
  for (const PartySources& p : r.sources.power) {
    for (const SourceScore& s : p.sources) {
      if (s.confidence == Confidence::kUnscored) {
        unscored += (unscored.empty() ? "" : ", ") + p.party + "." + PowerSourceName(s.source);
      }
    }
  }
  if (!unscored.empty()) {
    out.push_back("Sources not scored in the case count " + FormatNumber(o.unscored_score) +
                  " of 5, the middle of the scale: " + unscored + ".");
  }
  out.push_back(
      "Power is relative: a party's share of a source is its score over the sum of "
      "all parties' scores.");
  if (!r.leverage) {
    out.push_back("Fewer than two parties state values: no leverage, weights or deal.");
    return out;
  }
  out.push_back(
      "Bargaining weights come from patience, as in the limit of Rubinstein's "
      "alternating offers (Binmore, Rubinstein and Wolinsky 1986), moved toward the "
      "six-source balance by a band of " +
      FormatNumber(o.power_band) + ".");
  out.push_back("Every party is impatient at a base rate of " + FormatNumber(o.base_rate) +
                " per week; a cost of delay counts as a share of the party's value range per "
                "week; a dated deadline H weeks away adds " +
                FormatNumber(o.deadline_weight) + " / max(1, H) per week.");
  if (r.leverage->today_source == "case") {
    out.push_back("Deadlines are counted from " + r.leverage->today +
                  ", the case's latest dated fact (set --today to change it).");
  } else if (r.leverage->today_source == "option") {
    out.push_back("Deadlines are counted from " + r.leverage->today + " (--today).");
  } else {
    out.push_back(
        "The case has no dated facts, so no date can be counted in weeks: every deadline is "
        "taken as unknown (set --today).");
  }
  TimeAssumptions(r, out);
  bool utility_discount = false;
  for (const PartyLeverage& p : r.leverage->parties) utility_discount |= p.discount.has_value();
  if (utility_discount) {
    out.push_back("A utility-form discount factor is read as per week: its rate is -ln(factor).");
  }
  out.push_back(
      "BATNAs are the disagreement point; a BATNA range counts as its midpoint for "
      "the point estimate.");
  if (r.prediction && !r.prediction->uncertain.empty() && r.prediction->samples == 0) {
    out.push_back("BATNA ranges count at their midpoints only: no draws were made (samples 0).");
  } else if (r.prediction && !r.prediction->uncertain.empty()) {
    std::string ranges;
    for (const UncertainInput& u : r.prediction->uncertain) {
      if (u.field != "batna.range") continue;
      ranges += (ranges.empty() ? "" : "; ") + u.party + " " + text::CostOrValue(u.lo, true) +
                " to " + text::CostOrValue(u.hi, true);
    }
    out.push_back((ranges.empty() ? std::string("The uncertain inputs are drawn")
                                  : "Reservation values given as ranges are drawn uniformly (" +
                                        ranges + ")") +
                  ": " + text::GroupDigits(std::to_string(r.prediction->samples)) +
                  " draws, seed " + std::to_string(r.prediction->seed) + ".");
  }
  if (r.prediction && !r.levers.empty() && r.levers.front().samples < r.prediction->samples) {
    out.push_back("With " + std::to_string(r.levers.size()) +
                  " levers to value, each is valued on the first " +
                  text::GroupDigits(std::to_string(r.levers.front().samples)) + " of the " +
                  text::GroupDigits(std::to_string(r.prediction->samples)) +
                  " draws, before and after alike, so that valuing them grows with the number of "
                  "parties and not with its square.");
  }
  const bool information = std::any_of(r.levers.begin(), r.levers.end(),
                                       [](const Lever& l) { return l.lever == "learn-batna"; });
  if (information) {
    out.push_back(
        "Learning a BATNA is valued by the same prediction, aimed at the drawn BATNA instead "
        "of the middle of its range: blind, they walk away when their BATNA is better than our "
        "estimate, and we leave them value when it is worse.");
  }
  (void)c;
  return out;
}

}  // namespace

PowerReport AnalysePower(const Case& c, const PowerOptions& options) {
  ValidateOptions(options);
  PowerReport r;
  r.perspective = ResolvePerspective(c, options.as);
  r.options = options;
  std::string date_source;
  r.options.today = AnalysisDate(c, options, date_source);
  r.today_source = date_source;
  r.sources = AssessSources(c, r.options);
  r.floored = analysis::ApplyFloors(c);
  const Case& deals = r.floored.c;

  std::size_t valued = 0;
  bool perspective_valued = false;
  for (const Preferences& p : c.values) {
    ++valued;
    perspective_valued |= p.party == r.perspective;
  }
  if (valued >= 2) {
    r.frontier = analysis::ComputeFrontier(deals);
    r.leverage = ComputeLeverage(deals, *r.frontier, r.sources, r.options);
    r.leverage->today_source = date_source;
    if (perspective_valued && r.floored.feasible) {
      r.prediction = PredictDeal(deals, *r.frontier, *r.leverage, r.perspective, r.options);
      r.levers = ValueLevers(deals, *r.frontier, r.perspective, r.options);
    }
  }
  r.structural = ComputeStructuralScores(c, r.sources, r.leverage.value_or(Leverage{}), r.options);
  r.lenses = ComputeLenses(r.sources, r.structural);
  r.perception = ComparePerception(c, r.sources, r.perspective, r.options);
  PitfallInputs in;
  in.c = &deals;
  in.sources = &r.sources;
  in.perception = &r.perception;
  in.leverage = r.leverage ? &*r.leverage : nullptr;
  in.prediction = r.prediction ? &*r.prediction : nullptr;
  in.perspective = r.perspective;
  if (!r.floored.feasible) in.floors_blocked = r.floored.notes.back();
  r.pitfalls = FindPowerPitfalls(in, r.options);
  r.assumptions = Assumptions(r, c);
  return r;
}

}  // namespace parley::power
