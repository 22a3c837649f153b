#include "parley/report/brief_json.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "internal/json_util.h"
#include "parley/report/outcome_format.h"
#include "parley/report/power_json.h"
#include "parley/report/stakeholder_report.h"

namespace parley::report {

namespace {

using Json = nlohmann::ordered_json;

// A double as JSON, null when it is not finite (JSON has no NaN or infinity).
using internal::Num;

Json Nums(const std::vector<double>& xs) {
  Json j = Json::array();
  for (double x : xs) j.push_back(Num(x));
  return j;
}

// A string that means "none" when empty.
Json TextOrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

// Value `k` of issue `id` as an outcome writes it; `text` when the issue or value is unknown.
Json IndexValue(const Case& c, const std::string& id, std::uint64_t k, const std::string& text) {
  const Issue* issue = c.FindIssue(id);
  if (issue == nullptr) return text;
  if (issue->kind == IssueKind::kNumber) {
    if (k < issue->ValueCount()) return Num(issue->GridValue(k));
    return text;
  }
  if (k < issue->options.size()) return issue->options[k];
  return text;
}

// A value given as text, written as an outcome writes it: a number for a number issue.
Json MoveJson(const Case& c, const plan::Move& m) {
  return {{"issue", m.issue},
          {"from", IndexValue(c, m.issue, m.from, m.from_text)},
          {"to", IndexValue(c, m.issue, m.to, m.to_text)},
          {"our_change", Num(m.our_change)},
          {"their_change", Num(m.their_change)},
          {"ratio", Num(m.ratio)}};
}

Json MovesJson(const Case& c, const std::vector<plan::Move>& moves) {
  Json j = Json::array();
  for (const plan::Move& m : moves) j.push_back(MoveJson(c, m));
  return j;
}

Json OptionsJson(const plan::PlanOptions& o, const Json& power_options) {
  return {{"meso",
           {{"count", o.meso.count},
            {"tolerance", Num(o.meso.tolerance)},
            {"target", Num(o.meso.target)},
            {"near_frontier", Num(o.meso.near_frontier)}}},
          {"concessions",
           {{"max_steps", o.concessions.max_steps},
            {"min_days_apart", Num(o.concessions.min_days_apart)}}},
          {"give_get_pairs", o.give_get_pairs},
          {"future_deals", o.future_deals},
          {"repeated_gain_share", Num(o.repeated_gain_share)},
          {"deadline_weight_share", Num(o.deadline_weight_share)},
          {"power", power_options}};
}

Json TradeablesJson(const Case& c, const plan::Tradeables& t) {
  Json issues = Json::array();
  for (const plan::IssueTrade& it : t.issues) {
    issues.push_back({{"issue", it.issue},
                      {"nature", plan::IssueNatureName(it.nature)},
                      {"our_range", Num(it.our_range)},
                      {"their_range", Num(it.their_range)},
                      {"our_priority", Num(it.our_priority)},
                      {"their_priority", Num(it.their_priority)}});
  }
  return {{"money", t.money},
          {"issues", issues},
          {"gives", MovesJson(c, t.gives)},
          {"gets", MovesJson(c, t.gets)},
          {"mutual", MovesJson(c, t.mutual)}};
}

Json GiveGetJson(const Case& c, const std::vector<plan::GiveGet>& pairs) {
  Json j = Json::array();
  for (const plan::GiveGet& p : pairs) {
    j.push_back({{"give", MoveJson(c, p.give)},
                 {"get", MoveJson(c, p.get)},
                 {"our_net", Num(p.our_net)},
                 {"their_net", Num(p.their_net)},
                 {"both_gain", p.both_gain}});
  }
  return j;
}

Json AnchorJson(const Case& c, const plan::Anchor& a) {
  return {{"outcome", OutcomeJson(c, a.outcome)},
          {"our_value", Num(a.our_value)},
          {"their_value", Num(a.their_value)},
          {"credible_low", Num(a.credible_low)},
          {"credible_high", Num(a.credible_high)},
          {"predicted_value", Num(a.predicted_value)},
          {"walk_away", Num(a.walk_away)},
          {"room_to_prediction", Num(a.room_to_prediction)},
          {"room_to_walk_away", Num(a.room_to_walk_away)},
          {"evidence", a.evidence},
          {"evidence_notes", a.evidence_notes},
          {"rationale", a.rationale},
          {"ambitious", a.ambitious_outcome ? OutcomeJson(c, *a.ambitious_outcome) : Json(nullptr)},
          {"ambitious_value", Num(a.ambitious_value)},
          {"tempering", TextOrNull(a.tempering)}};
}

Json MesoJson(const Case& c, const plan::Meso& m) {
  Json packages = Json::array();
  for (const plan::MesoPackage& p : m.packages) {
    packages.push_back({{"outcome", OutcomeJson(c, p.outcome)},
                        {"our_value", Num(p.our_value)},
                        {"their_value", Num(p.their_value)},
                        {"our_utility", Num(p.our_utility)},
                        {"their_utility", Num(p.their_utility)},
                        {"frontier_gap", Num(p.frontier_gap)},
                        {"acceptance", Num(p.acceptance)},
                        {"distinct_issues", p.distinct_issues},
                        {"reveals", p.reveals}});
  }
  return {{"target", Num(m.target)},
          {"tolerance_value", Num(m.tolerance_value)},
          {"balancing_issue", TextOrNull(m.balancing_issue)},
          {"packages", packages},
          {"shortfall", TextOrNull(m.shortfall)}};
}

Json TermsJson(const std::vector<plan::TermValue>& terms) {
  Json j = Json::array();
  for (const plan::TermValue& t : terms) {
    j.push_back({{"issue", t.issue},
                 {"value", t.value},
                 {"from", TextOrNull(t.from)},
                 {"giver", Num(t.giver)},
                 {"receiver", Num(t.receiver)}});
  }
  return j;
}

Json LogJson(const plan::ConcessionLog& log) {
  Json entries = Json::array();
  for (const plan::ConcessionReview& e : log.entries) {
    entries.push_back({{"index", e.index},
                       {"item", e.item},
                       {"giver", e.giver},
                       {"receiver", TextOrNull(e.receiver)},
                       {"give", TermsJson(e.give)},
                       {"get", TermsJson(e.get)},
                       {"given", Num(e.given)},
                       {"received", Num(e.received)},
                       {"receiver_gain", Num(e.receiver_gain)},
                       {"receiver_cost", Num(e.receiver_cost)},
                       {"one_way", e.one_way},
                       {"trigger", TextOrNull(e.trigger)}});
  }
  Json totals = Json::array();
  for (const plan::ConcessionTotals& t : log.totals) {
    totals.push_back({{"party", t.party},
                      {"given", Num(t.given)},
                      {"received", Num(t.received)},
                      {"entries", t.entries},
                      {"one_way", t.one_way}});
  }
  return {{"entries", entries}, {"totals", totals}};
}

Json ChangesJson(const Case& c, const std::vector<plan::TermChange>& changes) {
  Json j = Json::array();
  for (const plan::TermChange& t : changes) {
    j.push_back({{"issue", t.issue},
                 {"from", IndexValue(c, t.issue, t.from_index, t.from)},
                 {"to", IndexValue(c, t.issue, t.to_index, t.to)},
                 {"our_change", Num(t.our_change)},
                 {"their_change", Num(t.their_change)}});
  }
  return j;
}

Json PlanJson(const Case& c, const plan::ConcessionPlan& p) {
  Json steps = Json::array();
  for (const plan::PlannedConcession& s : p.steps) {
    steps.push_back({{"step", s.step},
                     {"date", TextOrNull(s.date)},
                     {"day", s.day ? Json(*s.day) : Json(nullptr)},
                     {"gives", ChangesJson(c, s.gives)},
                     {"gets", ChangesJson(c, s.gets)},
                     {"condition", s.condition},
                     {"get_valued", s.get_valued},
                     {"size", Num(s.size)},
                     {"their_gain", Num(s.their_gain)},
                     {"our_value_after", Num(s.our_value_after)},
                     {"their_value_after", Num(s.their_value_after)},
                     {"package", OutcomeJson(c, s.package)}});
  }
  return {{"start", OutcomeJson(c, p.start)},
          {"start_value", Num(p.start_value)},
          {"target_value", Num(p.target_value)},
          {"walk_away", Num(p.walk_away)},
          {"planned_sizes", Nums(p.planned_sizes)},
          {"steps", steps},
          {"conceded", Num(p.conceded)},
          {"reserve", Num(p.reserve)},
          {"today", TextOrNull(p.today)},
          {"close_date", TextOrNull(p.close_date)},
          {"close_party", TextOrNull(p.close_party)},
          {"close_what", TextOrNull(p.close_what)},
          {"pacing", p.pacing},
          {"landing", TextOrNull(p.landing)}};
}

Json PitfallsJson(const std::vector<power::Pitfall>& pitfalls) {
  Json j = Json::array();
  for (const power::Pitfall& p : pitfalls) j.push_back(PitfallJson(p));
  return j;
}

Json PlaybookJson(const plan::Playbook& pb) {
  Json phases = Json::array();
  for (const plan::PlayPhase& phase : pb.phases) {
    Json moves = Json::array();
    for (const plan::PlayMove& m : phase.moves) {
      moves.push_back({{"id", m.id},
                       {"name", m.name},
                       {"when", m.when},
                       {"say", m.say},
                       {"signal", m.signal},
                       {"risk", m.risk},
                       {"safeguard", m.safeguard}});
    }
    phases.push_back({{"phase", phase.phase}, {"moves", moves}});
  }
  return {{"context", pb.context}, {"phases", phases}, {"warnings", PitfallsJson(pb.warnings)}};
}

// What they may cite: evidence supporting the other side, with the reply to prepare.
Json TheyMayCiteJson(const std::vector<plan::TheirCitation>& items) {
  Json j = Json::array();
  for (const plan::TheirCitation& t : items) {
    j.push_back({{"evidence", t.evidence},
                 {"party", t.party},
                 {"claim", t.claim},
                 {"source", t.source},
                 {"reply", t.reply}});
  }
  return j;
}

// The verdict on the method's "do not use hard power when" tests.
Json CallJson(const plan::PersonCall& p) {
  return {{"id", p.id}, {"name", p.name}, {"reason", p.reason}};
}
Json CallJson(const std::optional<plan::PersonCall>& p) { return p ? CallJson(*p) : Json(nullptr); }
Json CallsJson(const std::vector<plan::PersonCall>& calls) {
  Json j = Json::array();
  for (const plan::PersonCall& p : calls) j.push_back(CallJson(p));
  return j;
}

// Whom the plan names and why (plan/stakeholder_plan.h).
Json PeopleJson(const plan::StakeholderPlan& p) {
  return {{"anchor_first", CallJson(p.anchor_first)},
          {"hear_it_from_us", CallsJson(p.hear_it_from_us)},
          {"previews", CallsJson(p.previews)},
          {"objections", CallsJson(p.objections)},
          {"closer", CallJson(p.closer)},
          {"sponsor", CallJson(p.sponsor)},
          {"counterpart", CallJson(p.counterpart)}};
}

// With walk-away, the two figures it compares come before the reasons.
Json VerdictJson(const plan::Verdict& v) {
  Json j = {{"approach", plan::ApproachName(v.approach)},
            {"break_even", Num(v.break_even)},
            {"gain", Num(v.gain)},
            {"loss_per_deal", Num(v.loss_per_deal)}};
  if (v.approach == plan::Approach::kWalkAway) {
    j["best_value"] = Num(v.best_value);
    j["walk_away"] = Num(v.walk_away);
    j["floors_block"] = v.floors_block;
  }
  j["reasons"] = v.reasons;
  return j;
}

Json ChecklistJson(const std::vector<plan::CheckItem>& items) {
  Json j = Json::array();
  for (const plan::CheckItem& item : items) {
    j.push_back({{"id", item.id},
                 {"kind", item.kind},
                 {"item", item.item},
                 {"status", plan::CheckStatusName(item.status)},
                 {"reason", item.reason}});
  }
  return j;
}

}  // namespace

nlohmann::ordered_json BriefJson(const plan::Brief& b) {
  const Case& c = b.power.floored.c;
  Json power = PowerReportJson(b.power);
  Json j;
  j["verdict"] = VerdictJson(b.verdict);
  j["us"] = b.us;
  j["them"] = TextOrNull(b.them);
  j["options"] = OptionsJson(b.options, power["options"]);
  j["power"] = std::move(power);
  if (!b.stakeholder_map.parties.empty()) {
    j["stakeholders"] = {{"map", StakeholderMapJson(b.stakeholder_map)},
                         {"plan", PeopleJson(b.people)}};
  }
  j["tradeables"] = b.tradeables ? TradeablesJson(c, *b.tradeables) : Json(nullptr);
  j["give_get"] = GiveGetJson(c, b.give_get);
  j["give_get_from"] =
      b.position ? Json{{"source", b.position_source}, {"outcome", OutcomeJson(c, *b.position)}}
                 : Json(nullptr);
  j["under_way"] = b.under_way;
  j["under_way_note"] = TextOrNull(b.under_way_note);
  j["anchor"] = b.anchor ? AnchorJson(c, *b.anchor) : Json(nullptr);
  j["meso"] = b.meso ? MesoJson(c, *b.meso) : Json(nullptr);
  j["concessions"] = {
      {"log", LogJson(b.concessions)},
      {"plan", b.concession_plan ? PlanJson(c, *b.concession_plan) : Json(nullptr)}};
  j["playbook"] = PlaybookJson(b.playbook);
  j["they_may_cite"] = TheyMayCiteJson(b.playbook.they_may_cite);
  j["checklist"] = ChecklistJson(b.checklist);
  j["pitfalls"] = PitfallsJson(b.pitfalls);
  j["even_split_value"] = Num(b.even_split_value);
  j["weight_without_deadlines"] = Num(b.weight_without_deadlines);
  j["notes"] = b.notes;
  j["assumptions"] = b.assumptions;
  return j;
}

nlohmann::ordered_json ConcessionPlanJson(const Case& c, const plan::ConcessionPlan& p) {
  return PlanJson(c, p);
}

}  // namespace parley::report
