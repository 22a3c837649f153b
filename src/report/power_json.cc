#include "parley/report/power_json.h"

#include <optional>
#include <string>
#include <vector>

#include "internal/json_util.h"
#include "parley/core/case_check.h"
#include "parley/report/outcome_format.h"

namespace parley::report {

namespace {

using Json = nlohmann::ordered_json;

using internal::Num;

// ---- JSON -----------------------------------------------------------------------------------

Json SourcesJson(const power::SourceAssessment& a) {
  Json j = Json::object();
  for (int s = 0; s < kPowerSourceCount; ++s) {
    Json per = Json::object();
    for (std::size_t p = 0; p < a.parties.size(); ++p) {
      const power::SourceScore& score = a.power[p].sources[s];
      per[a.parties[p]] = {{"score", score.score},
                           {"share", a.source_share[s][p]},
                           {"confidence", power::ConfidenceName(score.confidence)},
                           {"confidence_level", score.confidence_level},
                           {"evidence", score.evidence}};
    }
    j[PowerSourceNames()[s]] = per;
  }
  return j;
}

Json PartiesJson(const power::SourceAssessment& a) {
  Json j = Json::object();
  for (const power::PartySources& p : a.power) {
    j[p.party] = {
        {"total", p.total}, {"mean", p.mean}, {"confidence", p.confidence}, {"scored", p.scored}};
  }
  return j;
}

Json PerPartyJson(const std::vector<std::string>& parties, const std::vector<double>& values) {
  Json j = Json::object();
  for (std::size_t i = 0; i < parties.size() && i < values.size(); ++i) j[parties[i]] = values[i];
  return j;
}

// The dates other parties set for one party, and whether each counts.
Json DatePressuresJson(const power::PartyLeverage& p) {
  Json out = Json::array();
  for (const power::DatePressure& d : p.pressures) {
    out.push_back({{"by", d.by},
                   {"date", d.date},
                   {"reason", d.reason},
                   {"credible", d.credible},
                   {"weeks", Num(d.weeks)},
                   {"counted", d.counted}});
  }
  return out;
}

Json LeverageJson(const power::Leverage& lev) {
  Json parties = Json::object();
  for (const power::PartyLeverage& p : lev.parties) {
    parties[p.party] = {
        {"money", p.money},
        {"scale", p.scale},
        {"reservation_value", p.reservation_value},
        {"reservation_range", {p.reservation_range.first, p.reservation_range.second}},
        {"disagreement", p.disagreement},
        {"dependence_utility", p.dependence_utility},
        {"dependence_value", p.dependence_value},
        {"dependence_share", p.dependence_share},
        {"cost_per_week", Num(p.cost_per_week)},
        {"discount", Num(p.discount)},
        {"deadline", p.deadline.empty() ? Json(nullptr) : Json(p.deadline)},
        {"weeks_to_deadline", Num(p.weeks_to_deadline)},
        {"deadline_known", power::DeadlineKnownName(p.deadline_known)},
        {"dates_set", DatePressuresJson(p)},
        {"pressure_weeks", Num(p.pressure_weeks)},
        {"delay_rate", p.delay_rate},
        {"deadline_rate", p.deadline_rate},
        {"impatience", p.impatience},
        {"patience_weight", p.patience_weight},
        {"balance", p.balance},
        {"weight", p.weight}};
  }
  return {{"today", lev.today.empty() ? Json(nullptr) : Json(lev.today)},
          {"today_source", lev.today_source},
          {"unknown_deadline_weeks",
           {lev.unknown_deadline_weeks.first, lev.unknown_deadline_weeks.second}},
          {"parties", parties}};
}

Json PredictionJson(const Case& c, const power::Prediction& pr) {
  Json j;
  j["parties"] = pr.parties;
  j["disagreement"] = PerPartyJson(pr.parties, pr.disagreement);
  if (pr.deal) {
    const power::PredictedDeal& d = *pr.deal;
    j["outcome"] = OutcomeJson(c, d.outcome);
    j["utility"] = PerPartyJson(pr.parties, d.utility);
    Json value = Json::object();
    for (std::size_t i = 0; i < pr.parties.size(); ++i) {
      if (StatesMoney(c, pr.parties[i])) value[pr.parties[i]] = d.value[i];
    }
    if (!value.empty()) j["value"] = value;
    j["gain"] = PerPartyJson(pr.parties, d.gain);
    j["share"] = PerPartyJson(pr.parties, d.share);
    j["share_in_money"] = d.share_in_money;
    j["ties"] = d.ties;
  } else {
    j["outcome"] = nullptr;
  }
  j["perspective"] = pr.perspective;
  j["seed"] = pr.seed;
  j["samples"] = pr.samples;
  Json uncertain = Json::array();
  for (const power::UncertainInput& u : pr.uncertain) {
    uncertain.push_back({{"party", u.party}, {"field", u.field}, {"range", {u.lo, u.hi}}});
  }
  j["uncertain"] = uncertain;
  j["zopa_probability"] = pr.zopa_probability;
  j["expected_value"] = pr.expected_value;
  if (pr.value) {
    j["percentiles"] = {{"p5", pr.value->p5},   {"p25", pr.value->p25}, {"p50", pr.value->p50},
                        {"p75", pr.value->p75}, {"p95", pr.value->p95}, {"mean", pr.value->mean}};
  } else {
    j["percentiles"] = nullptr;
  }
  Json freq = Json::object();
  for (const power::IssueFrequency& f : pr.frequencies) {
    Json values = Json::object();
    for (const auto& [text, share] : f.values) values[text] = share;
    freq[f.issue] = values;
  }
  j["frequencies"] = freq;
  return j;
}

}  // namespace

namespace {

Json OptionsJson(const power::PowerOptions& o) {
  return {{"seed", o.seed},
          {"samples", o.samples},
          {"unscored_score", o.unscored_score},
          {"power_band", o.power_band},
          {"base_rate", o.base_rate},
          {"deadline_weight", o.deadline_weight},
          {"today", o.today.empty() ? Json(nullptr) : Json(o.today)},
          {"perception_threshold", o.perception_threshold},
          {"batna_step", Num(o.batna_step)},
          {"deadline_step_weeks", o.deadline_step_weeks},
          {"delay_cost_cut", o.delay_cost_cut},
          {"price_only_share", o.price_only_share}};
}

Json StructuralJson(const std::vector<power::StructuralScores>& scores) {
  Json structural = Json::object();
  for (const power::StructuralScores& s : scores) {
    structural[s.party] = {{"batna", s.batna},         {"batna_known", s.batna_known},
                           {"time", s.time},           {"time_known", s.time_known},
                           {"authority", s.authority}, {"authority_known", s.authority_known}};
  }
  return structural;
}

Json LensesJson(const power::PowerReport& r) {
  Json lenses = Json::array();
  for (const power::Lens& lens : r.lenses) {
    Json components = Json::array();
    for (const power::LensComponent& comp : lens.components) {
      components.push_back({{"name", comp.name},
                            {"covers", comp.covers},
                            {"inputs", comp.inputs},
                            {"score", PerPartyJson(r.sources.parties, comp.score)},
                            {"share", PerPartyJson(r.sources.parties, comp.share)}});
    }
    lenses.push_back({{"name", lens.name}, {"components", components}});
  }
  return lenses;
}

Json UnsupportedJson(const std::vector<Claim>& claims) {
  Json unsupported = Json::array();
  for (const Claim& claim : claims) {
    unsupported.push_back(
        {{"party", claim.party}, {"kind", ClaimKindName(claim.kind)}, {"subject", claim.subject}});
  }
  return unsupported;
}

Json PerceptionJson(const power::Perception& perception) {
  Json j = Json::object();
  j["perspective"] = perception.perspective;
  j["felt_share"] = Num(perception.felt_share);
  j["assessed_share"] = perception.assessed_share;
  Json parties = Json::object();
  for (const power::PartyPerception& p : perception.parties) {
    parties[p.party] = {{"felt", Num(p.felt)},
                        {"assessed", p.assessed},
                        {"gap", p.gap},
                        {"verdict", power::PerceptionVerdictName(p.verdict)}};
  }
  j["parties"] = parties;
  return j;
}

Json WeightsJson(const power::PowerReport& r) {
  if (!r.leverage) return nullptr;
  if (!r.prediction) {
    Json w = Json::object();
    for (const power::PartyLeverage& p : r.leverage->parties) w[p.party] = p.weight;
    return w;
  }
  return PerPartyJson(r.prediction->parties, r.leverage->Weights());
}

Json LeversJson(const std::vector<power::Lever>& levers) {
  Json list = Json::array();
  for (const power::Lever& l : levers) {
    list.push_back({{"lever", l.lever},
                    {"party", l.party},
                    {"source", l.source.empty() ? Json(nullptr) : Json(l.source)},
                    {"description", l.description},
                    {"step", l.step},
                    {"gain", l.gain},
                    {"before", l.before},
                    {"after", l.after},
                    {"money", l.money},
                    {"model", l.model}});
  }
  return list;
}

}  // namespace

Json PowerReportJson(const power::PowerReport& r) {
  Json j;
  j["perspective"] = r.perspective;
  j["options"] = OptionsJson(r.options);
  j["balance"] = PerPartyJson(r.sources.parties, r.sources.balance);
  j["parties"] = PartiesJson(r.sources);
  j["sources"] = SourcesJson(r.sources);
  j["structural"] = StructuralJson(r.structural);
  j["lenses"] = LensesJson(r);
  j["unsupported"] = UnsupportedJson(r.sources.unsupported);
  j["perception"] = PerceptionJson(r.perception);
  j["floors"] = {{"feasible", r.floored.feasible}, {"notes", r.floored.notes}};
  j["leverage"] = r.leverage ? LeverageJson(*r.leverage) : Json(nullptr);
  j["weights"] = WeightsJson(r);
  j["prediction"] = r.prediction ? PredictionJson(r.floored.c, *r.prediction) : Json(nullptr);
  j["levers"] = LeversJson(r.levers);
  Json pitfalls = Json::array();
  for (const power::Pitfall& p : r.pitfalls) pitfalls.push_back(PitfallJson(p));
  j["pitfalls"] = pitfalls;
  j["assumptions"] = r.assumptions;
  return j;
}

Json PitfallJson(const power::Pitfall& p) {
  Json fields = Json::array();
  for (const CasePath& path : p.fields) fields.push_back(FormatCasePath(path));
  return {{"id", power::PitfallName(p.id)},
          {"party", p.party.empty() ? Json(nullptr) : Json(p.party)},
          {"message", p.message},
          {"fields", fields}};
}

nlohmann::ordered_json PowerJson(const power::PowerReport& r, const std::string& file,
                                 const std::string& svg_file) {
  nlohmann::ordered_json j = {{"command", "power"}, {"file", file}};
  j.update(PowerReportJson(r));
  if (!svg_file.empty()) j["svg"] = svg_file;
  return j;
}

}  // namespace parley::report
