#include "parley/report/brief_render.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>
#include <vector>

#include "internal/document.h"
#include "internal/rehearsal_section.h"
#include "parley/analysis/walk_away.h"
#include "parley/core/error.h"
#include "parley/core/package.h"
#include "parley/core/text.h"
#include "parley/report/brief_json.h"
#include "parley/report/frontier_svg.h"
#include "parley/report/influence_svg.h"
#include "parley/report/json_text.h"
#include "parley/report/power_svg.h"
#include "parley/report/zopa_svg.h"

namespace parley::report {
namespace {

using internal::Chart;
using internal::Definitions;
using internal::DocSection;
using internal::DocTable;
using internal::Document;
using internal::List;
using internal::Paragraph;
using internal::Table;

// How the brief writes figures, names and packages.
struct Writer {
  const Case& c;
  const plan::Brief& b;
  bool money = true;  // our values are money

  std::string Name(const std::string& id) const {
    const Party* p = c.FindParty(id);
    return p != nullptr ? p->DisplayName() : id;
  }
  std::string Value(double x) const { return text::Amount(x, money); }
  std::string ValueOf(const std::string& party, double x) const {
    const Preferences* v = c.FindValues(party);
    return text::Amount(x, v == nullptr || v->form == ValueForm::kMoney);
  }
  std::string Terms(const Outcome& o) const {
    return text::OutcomeText(b.power.floored.c, o, ", ");
  }
  std::string IssueName(const std::string& id) const {
    const Issue* issue = c.FindIssue(id);
    return issue != nullptr ? issue->DisplayName() : id;
  }
  std::string EvidenceLine(const std::string& id) const {
    const Evidence* e = c.FindEvidence(id);
    if (e == nullptr) return id;
    return id + ": " + e->claim + (e->source.empty() ? "" : " (" + e->source + ")");
  }
};

std::string Ratio(double r) { return std::isinf(r) ? "both gain" : text::Fixed(r, 2); }

// The verdict on the method's "do not use hard power when" tests: the brief opens with it.
void VerdictSection(const Writer& w, Document& d) {
  const plan::Verdict& v = w.b.verdict;
  static constexpr const char* kHeadline[] = {
      "press: every test of the method allows hard power",
      "press with care: one test of the method calls for care",
      "lead with value creation: pressing does not pay here",
      "walk away: no package is worth our walk-away"};
  DocSection s{"verdict", "Verdict", 2, {}};
  std::string line = std::string("Approach: ") +
                     (v.floors_block ? "walk away: the floors leave no possible deal"
                                     : kHeadline[static_cast<int>(v.approach)]) +
                     ".";
  if (v.break_even) {
    line += " Break-even shadow of the future: " + text::Fixed(*v.break_even, 2) + ".";
  }
  s.blocks.push_back(Paragraph(line));
  s.blocks.push_back(List(v.reasons));
  d.sections.push_back(std::move(s));
}

void Summary(const Writer& w, Document& d) {
  const plan::Brief& b = w.b;
  DocSection s{"summary", "At a glance", 2, {}};
  DocTable t{{"Figure", "Value"}, {}, {false, true}};
  const bool no_deal = b.verdict.approach == plan::Approach::kWalkAway;
  if (b.anchor || no_deal) {
    // The walk-away `show` and the checklist state too (analysis/walk_away.h).
    const analysis::WalkAway walk_away = analysis::PartyWalkAway(w.c, b.us);
    const std::string reason = analysis::WalkAwayReason(walk_away);
    t.rows.push_back({"Our walk-away (" + (reason.empty() ? "BATNA less its costs" : reason) + ")",
                      w.Value(walk_away.value)});
  }
  const auto& pr = b.power.prediction;
  if (pr && pr->deal && b.anchor) {
    t.rows.push_back({"Predicted deal, value to us", w.Value(b.anchor->predicted_value)});
  }
  if (no_deal && b.verdict.best_value) {
    t.rows.push_back(
        {"Best possible package, value to us (no opening)", w.Value(*b.verdict.best_value)});
  }
  if (b.anchor) {
    t.rows.push_back({"Opening (anchor), value to us", w.Value(b.anchor->our_value)});
    t.rows.push_back({"Credible range of the opening",
                      w.Value(b.anchor->credible_low) + " to " + w.Value(b.anchor->credible_high)});
  }
  if (b.under_way && b.concession_plan) {
    t.rows.push_back(
        {"Package on the table, value to us", w.Value(b.concession_plan->start_value)});
  }
  if (pr) {
    t.rows.push_back({w.c.parties.size() > 2 ? "Chance a deal every party prefers exists (ZOPA)"
                                             : "Chance a deal both prefer exists (ZOPA)",
                      text::Percent(pr->zopa_probability)});
    t.rows.push_back(
        {"Expected value to us (BATNA when there is no deal)", w.Value(pr->expected_value)});
  }
  for (std::size_t p = 0; p < b.power.sources.parties.size(); ++p) {
    if (b.power.sources.parties[p] == b.us) {
      t.rows.push_back(
          {"Our share of power (six sources)", text::Percent(b.power.sources.balance[p])});
    }
  }
  if (b.power.leverage) {
    if (const power::PartyLeverage* l = b.power.leverage->Find(b.us)) {
      t.rows.push_back({"Our bargaining weight", text::Percent(l->weight)});
    }
  }
  t.rows.push_back({"Pitfalls found", std::to_string(b.pitfalls.size())});
  s.blocks.push_back(Table(t));
  if (pr && pr->deal) {
    s.blocks.push_back(
        Paragraph("Where the deal is predicted to land: " + w.Terms(pr->deal->outcome) + "."));
  }
  if (!b.power.levers.empty()) {
    const power::Lever& l = b.power.levers.front();
    s.blocks.push_back(Paragraph("Best lever before the meeting: " + l.description + " (" +
                                 (l.gain >= 0 ? "+" : "") + text::Amount(l.gain, l.money) +
                                 " expected)."));
  }
  d.sections.push_back(std::move(s));
}

void PowerSection(const Writer& w, Document& d, bool charts) {
  const plan::Brief& b = w.b;
  const power::SourceAssessment& a = b.power.sources;
  DocSection s{"power", "Power", 2, {}};
  if (charts) {
    s.blocks.push_back(Chart(RenderPowerRadarSvg(w.c, a, b.us),
                             "The six sources of power for each side; filled markers are backed "
                             "by evidence, hollow ones asserted, grey ones unscored."));
  }
  DocTable t;
  t.header.push_back("Source");
  for (const std::string& p : a.parties) {
    t.header.push_back(w.Name(p));
    t.numeric.push_back(false);
  }
  t.numeric.insert(t.numeric.begin(), false);
  for (int src = 0; src < kPowerSourceCount; ++src) {
    std::vector<std::string> row{PowerSourceNames()[src]};
    for (const power::PartySources& ps : a.power) {
      const power::SourceScore& score = ps.sources[src];
      row.push_back(text::Fixed(score.score, 1) + " (" + power::ConfidenceName(score.confidence) +
                    ")");
    }
    t.rows.push_back(row);
  }
  std::vector<std::string> share{"share of power"};
  for (double x : a.balance) share.push_back(text::Percent(x));
  t.rows.push_back(share);
  s.blocks.push_back(Table(t));
  for (const power::PartyPerception& p : b.power.perception.parties) {
    if (p.party != b.us || !p.felt) continue;
    s.blocks.push_back(Paragraph("We feel " + text::Fixed(*p.felt, 1) +
                                 " of 5; the evidence says " + text::Fixed(p.assessed, 1) + " (" +
                                 power::PerceptionVerdictName(p.verdict) + ")."));
  }
  if (b.power.leverage) {
    DocTable lev{{"Party", "Deadline", "Impatience / week", "Patience", "Source share", "Weight"},
                 {},
                 {false, false, true, true, true, true}};
    for (const power::PartyLeverage& l : b.power.leverage->parties) {
      lev.rows.push_back({w.Name(l.party), power::DeadlineText(w.c, l),
                          text::Fixed(l.impatience, 4), text::Percent(l.patience_weight),
                          text::Percent(l.balance), text::Percent(l.weight)});
    }
    s.blocks.push_back(Table(lev));
  }
  if (!b.power.levers.empty()) {
    std::vector<std::string> items;
    for (std::size_t k = 0; k < b.power.levers.size() && k < 5; ++k) {
      const power::Lever& l = b.power.levers[k];
      items.push_back(l.description + ": " + (l.gain >= 0 ? "+" : "") +
                      text::Amount(l.gain, l.money) + " expected");
    }
    s.blocks.push_back(Paragraph("Levers to pull before the meeting, by expected gain:"));
    s.blocks.push_back(List(items));
  }
  d.sections.push_back(std::move(s));
}

// A member as the brief names them: "name (title)", the title, the name or the id.
std::string MemberName(const stakeholders::MemberPower& p) {
  return p.title.empty() || p.title == p.name ? p.name : p.name + " (" + p.title + ")";
}

// "Label: Name. Reason." for each call.
void AddCalls(std::vector<std::string>& items, const std::string& label,
              const std::vector<plan::PersonCall>& calls) {
  for (const plan::PersonCall& p : calls) {
    std::string reason = p.reason;
    if (!reason.empty())
      reason[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(reason[0])));
    items.push_back(label + ": " + p.name + ". " + reason + ".");
  }
}

// Whom the plan names, and why (plan/stakeholder_plan.h).
std::vector<std::string> PeopleItems(const plan::StakeholderPlan& p) {
  auto one = [](const std::optional<plan::PersonCall>& c) {
    return c ? std::vector<plan::PersonCall>{*c} : std::vector<plan::PersonCall>{};
  };
  std::vector<std::string> items;
  AddCalls(items, "Hears the anchor first", one(p.anchor_first));
  if (!p.hear_it_from_us.empty()) {
    items.push_back(
        "Hear the figure from us, never second-hand: " + plan::NamesOf(p.hear_it_from_us) +
        ". The real deciders and veto holders: a figure first heard second-hand is "
        "one they must reject to save face.");
  }
  AddCalls(items, "Private preview before the group meeting", p.previews);
  AddCalls(items, "Objection to prepare for", p.objections);
  AddCalls(items, "Closes", one(p.closer));
  AddCalls(items, "Our sponsor for an escalation", one(p.sponsor));
  AddCalls(items, "Whom our sponsor escalates to", one(p.counterpart));
  return items;
}

// A party's members in two tables that fit a terminal: the figures, then the classes.
std::vector<DocTable> MembersTables(const stakeholders::PartyMap& m) {
  DocTable figures{{"Member", "Stance", "Veto", "Formal power", "Informal", "Real say", "Decides"},
                   {},
                   {false, true, false, true, true, true, false}};
  DocTable classes{{"Member", "Role", "Salience", "Quadrant"}, {}, {false, false, false, false}};
  for (const stakeholders::MemberPower& p : m.members) {
    figures.rows.push_back(
        {MemberName(p),
         p.stance ? (*p.stance > 0 ? "+" : "") +
                        text::Fixed(*p.stance, *p.stance == std::floor(*p.stance) ? 0 : 1)
                  : "?",
         p.veto ? "yes" : "", text::Percent(p.formal_power), text::Percent(p.informal_influence),
         text::Percent(p.real_power), p.decides ? "yes" : ""});
    classes.rows.push_back({MemberName(p), p.role.empty() ? "-" : p.role,
                            stakeholders::SalienceName(p.salience),
                            stakeholders::QuadrantName(p.quadrant)});
  }
  return {figures, classes};
}

// One party's map: its rule, members, real deciders and, on their side, threads and the
// engagement order.
DocSection PartyMapSection(const Writer& w, const stakeholders::PartyMap& m) {
  std::string id = "stakeholders-" + m.party;
  for (char& ch : id) {
    if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '-') ch = '-';
  }
  DocSection s{id, w.Name(m.party) + (m.ours ? " (us)" : ""), 3, {}};
  s.blocks.push_back(Paragraph("Decision rule: " + m.rule_text +
                               ". Informal influence: " + m.influence_note + "."));
  for (DocTable& t : MembersTables(m)) s.blocks.push_back(Table(std::move(t)));
  std::vector<std::string> names;
  for (const std::string& member_id : m.real_deciders) {
    for (const stakeholders::MemberPower& p : m.members) {
      if (p.id == member_id) names.push_back(MemberName(p));
    }
  }
  std::string deciders = "Real deciders: ";
  for (std::size_t k = 0; k < names.size(); ++k) deciders += (k ? ", " : "") + names[k];
  s.blocks.push_back(
      Paragraph(deciders + " (" + m.reason + ")." +
                (m.differs_from_org_chart ? " Not the org chart: " + m.org_chart_note + "." : "")));
  if (m.ours) return s;
  s.blocks.push_back(Paragraph("Threads: " + m.thread_note + "."));
  std::vector<std::string> steps;
  for (const stakeholders::EngagementStep& step : m.engagement) {
    for (const stakeholders::MemberPower& p : m.members) {
      if (p.id == step.id) steps.push_back(MemberName(p) + ": " + step.reason + ".");
    }
  }
  s.blocks.push_back(Paragraph("Engagement order, " + m.mode + ": " + m.mode_reason + "."));
  s.blocks.push_back(List(steps));
  return s;
}

// Who really decides, from the stakeholder map, and whom the plan names; left out when the case
// maps no stakeholders.
void StakeholdersSection(const Writer& w, Document& d, bool charts) {
  const stakeholders::StakeholderMap& map = w.b.stakeholder_map;
  if (map.parties.empty()) return;
  DocSection s{"stakeholders", "Stakeholders: who really decides", 2, {}};
  if (charts) {
    s.blocks.push_back(Chart(RenderInfluenceSvg(w.c, map),
                             "Who listens to whom: members sized by real say and coloured by "
                             "stance; an arrow carries the weight its listener gives to that "
                             "view; real deciders ringed, veto holders marked."));
  }
  const std::vector<std::string> items = PeopleItems(w.b.people);
  if (!items.empty()) {
    s.blocks.push_back(Paragraph("Whom the plan names, from the map (the playbook uses them):"));
    s.blocks.push_back(List(items));
  }
  d.sections.push_back(std::move(s));
  for (const stakeholders::PartyMap& m : map.parties) d.sections.push_back(PartyMapSection(w, m));
}

void DealSpace(const Writer& w, Document& d, bool charts) {
  const plan::Brief& b = w.b;
  DocSection s{"deal-space", "Deal space", 2, {}};
  const auto& pr = b.power.prediction;
  if (charts && b.anchor) {
    ZopaBar bar;
    bar.title = w.c.title;
    bar.us = w.Name(b.us);
    bar.them = w.Name(b.them);
    bar.money = w.money;
    bar.walk_away = b.anchor->walk_away;
    bar.safe_high = b.anchor->credible_low;
    bar.reach_high = b.anchor->credible_high;
    bar.anchor = b.anchor->our_value;
    if (pr && pr->deal) bar.predicted = b.anchor->predicted_value;
    if (pr && pr->value) bar.spread = std::make_pair(pr->value->p5, pr->value->p95);
    s.blocks.push_back(Chart(RenderZopaBarSvg(bar),
                             "The BATNA/ZOPA bar: our walk-away, the zone the other side accepts "
                             "given its BATNA range, the predicted deal and the anchor."));
  }
  if (charts && b.power.frontier && b.power.frontier->parties.size() == 2 &&
      b.power.floored.feasible) {
    std::vector<analysis::Solution> solutions;
    if (pr && pr->deal) {
      solutions.push_back({analysis::SolutionRule::kWeightedNash, {pr->deal->point}});
    }
    FrontierSvgOptions options;
    options.seed = b.power.options.seed;
    options.max_cloud = 1500;
    if (b.anchor) options.markers.push_back({"Anchor", b.anchor->outcome, "triangle", "#ef6c00"});
    if (b.meso) {
      for (std::size_t k = 0; k < b.meso->packages.size(); ++k) {
        options.markers.push_back({"MESO " + std::string(1, static_cast<char>('A' + k)),
                                   b.meso->packages[k].outcome, "square", "#6a1b9a"});
      }
    }
    s.blocks.push_back(
        Chart(RenderFrontierSvg(b.power.floored.c, *b.power.frontier, solutions, options),
              "Every possible deal within the floors, the Pareto frontier, the "
              "predicted deal (weighted Nash), the anchor and the MESO packages."));
  }
  if (pr && pr->deal) {
    std::string shares;
    for (std::size_t k = 0; k < pr->parties.size(); ++k) {
      const Preferences* v = w.c.FindValues(pr->parties[k]);
      const bool money = v == nullptr || v->form == ValueForm::kMoney;
      shares += (shares.empty() ? "" : "; ") + w.Name(pr->parties[k]) + " " +
                text::CostOrValue(pr->deal->value[k], money) + " (" +
                text::Percent(pr->deal->share[k]) + " of the surplus)";
    }
    s.blocks.push_back(
        Paragraph("Predicted deal: " + w.Terms(pr->deal->outcome) + ". Value: " + shares + "."));
  }
  if (pr) {
    std::string line;
    if (pr->samples == 0) {
      line =
          (pr->uncertain.empty()
               ? std::string("The BATNAs are known exactly and every deadline is stated, so "
                             "nothing is sampled: ")
               : std::string("Sampling is off: uncertain BATNAs are taken at the middle of "
                             "their ranges and unknown deadlines at their expected pressure: ")) +
          (w.c.parties.size() > 2
               ? (pr->deal ? "a deal every party prefers exists."
                           : "no deal beats every party's alternative.")
               : (pr->deal ? "a deal both prefer exists." : "no deal beats both alternatives."));
    } else {
      line = "A zone of possible agreement exists in " + text::Percent(pr->zopa_probability) +
             " of " + text::GroupDigits(std::to_string(pr->samples)) + " draws of the " +
             power::DrawnInputs(*pr) + " (seed " + std::to_string(pr->seed) + ").";
      if (pr->value) {
        line += " Our value: 5th percentile " + text::CostOrValue(pr->value->p5, w.money) +
                ", median " + text::CostOrValue(pr->value->p50, w.money) + ", 95th " +
                text::CostOrValue(pr->value->p95, w.money) + ".";
      }
    }
    s.blocks.push_back(Paragraph(line));
  }
  if (!b.power.floored.notes.empty()) s.blocks.push_back(List(b.power.floored.notes));
  d.sections.push_back(std::move(s));
}

void TradeablesSection(const Writer& w, Document& d) {
  const plan::Brief& b = w.b;
  if (!b.tradeables) return;
  const plan::Tradeables& t = *b.tradeables;
  DocSection s{"tradeables", "Tradeables", 2, {}};
  DocTable issues{
      {"Issue", "Nature", "Our priority", "Their priority"}, {}, {false, false, true, true}};
  for (const plan::IssueTrade& i : t.issues) {
    issues.rows.push_back({w.IssueName(i.issue), plan::IssueNatureName(i.nature),
                           text::Percent(i.our_priority), text::Percent(i.their_priority)});
  }
  s.blocks.push_back(Table(issues));
  auto moves = [&](const std::vector<plan::Move>& list, const char* title, bool gives) {
    if (list.empty()) return;
    DocTable m{{title, gives ? "Costs us" : "Worth to us", gives ? "Worth to them" : "Costs them",
                "Ratio"},
               {},
               {false, true, true, true}};
    for (std::size_t k = 0; k < list.size() && k < 8; ++k) {
      const plan::Move& mv = list[k];
      m.rows.push_back({w.IssueName(mv.issue) + ": " + mv.from_text + " to " + mv.to_text,
                        w.ValueOf(t.us, std::fabs(mv.our_change)),
                        w.ValueOf(t.them, std::fabs(mv.their_change)), Ratio(mv.ratio)});
    }
    s.blocks.push_back(Table(m));
  };
  moves(t.gives, "What we can give (best value for them per unit we give)", true);
  moves(t.gets, "What we can ask for (best value for us per unit they give)", false);
  if (!b.give_get.empty()) {
    DocTable gg{{"If we give", "We need", "Our net", "Their net"}, {}, {false, false, true, true}};
    for (const plan::GiveGet& p : b.give_get) {
      gg.rows.push_back(
          {w.IssueName(p.give.issue) + " " + p.give.from_text + " to " + p.give.to_text,
           w.IssueName(p.get.issue) + " " + p.get.from_text + " to " + p.get.to_text,
           w.ValueOf(t.us, p.our_net), w.ValueOf(t.them, p.their_net)});
    }
    // The lead says what the rows are: both-gain pairs first only when there are both kinds.
    std::size_t both = 0;
    for (const plan::GiveGet& p : b.give_get) both += p.both_gain ? 1 : 0;
    const char* order =
        both == b.give_get.size() ? "In each, both sides gain:"
        : both == 0 ? "In none do both sides gain, but each creates value: it gives them more "
                      "than it costs us, or gets us more than it costs them:"
                    : "Those where both sides gain come first:";
    s.blocks.push_back(Paragraph("Give-get pairs, starting from " + b.position_source + ": " +
                                 w.Terms(*b.position) + ". " + order));
    s.blocks.push_back(Table(gg));
  }
  d.sections.push_back(std::move(s));
}

void AnchorSection(const Writer& w, Document& d) {
  const plan::Brief& b = w.b;
  if (!b.anchor) return;
  const plan::Anchor& a = *b.anchor;
  DocSection s{"anchor", "The opening (anchor)", 2, {}};
  if (!b.under_way_note.empty()) s.blocks.push_back(Paragraph(b.under_way_note));
  s.blocks.push_back(Paragraph(a.rationale));
  if (!a.tempering.empty()) s.blocks.push_back(Paragraph(a.tempering));
  DocTable t{{"Figure", "Value"}, {}, {false, true}};
  t.rows.push_back({"Anchor, value to us", w.Value(a.our_value)});
  if (a.ambitious_outcome) {
    t.rows.push_back({"Ambitious anchor, not opened", w.Value(a.ambitious_value)});
  }
  t.rows.push_back({"Anchor, value to " + w.Name(b.them), w.ValueOf(b.them, a.their_value)});
  t.rows.push_back({"Credible down to", w.Value(a.credible_low)});
  t.rows.push_back({"Predicted deal", w.Value(a.predicted_value)});
  t.rows.push_back({"Walk-away", w.Value(a.walk_away)});
  t.rows.push_back({"Room from anchor to prediction", w.Value(a.room_to_prediction)});
  t.rows.push_back({"Room from prediction to walk-away", w.Value(a.room_to_walk_away)});
  s.blocks.push_back(Table(t));
  if (!a.evidence.empty()) {
    std::vector<std::string> items;
    for (const std::string& id : a.evidence) items.push_back(w.EvidenceLine(id));
    s.blocks.push_back(Paragraph("Evidence to cite:"));
    s.blocks.push_back(List(items));
  }
  if (!a.evidence_notes.empty()) {
    s.blocks.push_back(Paragraph("What our evidence's figures say of the opening (for us):"));
    s.blocks.push_back(List(a.evidence_notes));
  }
  d.sections.push_back(std::move(s));
}

void MesoSection(const Writer& w, Document& d) {
  const plan::Brief& b = w.b;
  if (!b.meso) return;
  const plan::Meso& m = *b.meso;
  DocSection s{"meso", "MESO packages", 2, {}};
  if (m.packages.empty()) {  // no MESO move: the one line that says why
    s.blocks.push_back(Paragraph("No MESO move: " + m.shortfall + "."));
    d.sections.push_back(std::move(s));
    return;
  }
  // What the packages are worth (not only the target they are near), so the table agrees.
  const auto [lo, hi] = plan::OurValueSpan(m);
  const std::string balance =
      m.balancing_issue.empty()
          ? ""
          : ", with " + w.IssueName(m.balancing_issue) + " keeping the balance";
  const std::string tolerance =
      " within " + w.Value(m.tolerance_value) + " of " + text::CostOrValue(m.target, w.money);
  s.blocks.push_back(Paragraph(
      w.Value(lo) == w.Value(hi)
          ? "Offer these together. Each " + text::IsWorthTo(lo, "us", w.money) +
                (w.Value(lo) == w.Value(m.target) ? ", within " + w.Value(m.tolerance_value)
                                                  : "," + tolerance) +
                balance + "."
          : "Offer these together. They " + text::AreWorthSpanTo(lo, hi, "us", w.money) + ", each" +
                tolerance + balance + "."));
  DocTable t{{"Package", "Value to us", "Value to them", "Acceptance", "Terms"},
             {},
             {false, true, true, true, false}};
  std::vector<std::string> reveals;
  for (std::size_t k = 0; k < m.packages.size(); ++k) {
    const plan::MesoPackage& p = m.packages[k];
    const std::string name(1, static_cast<char>('A' + k));
    t.rows.push_back({name, w.Value(p.our_value), w.ValueOf(b.them, p.their_value),
                      text::Percent(p.acceptance), w.Terms(p.outcome)});
    reveals.push_back(name + ": " + p.reveals);
  }
  s.blocks.push_back(Table(t));
  s.blocks.push_back(List(reveals));
  if (!m.shortfall.empty())
    s.blocks.push_back(Paragraph("Fewer packages than asked: " + m.shortfall + "."));
  d.sections.push_back(std::move(s));
}

// The moves of a log entry, each from the mover's previous position: "Price 134,000 to
// 120,000; for Term 3y".
std::string LogMoves(const Writer& w, const plan::ConcessionReview& e) {
  auto terms = [&w](const std::vector<plan::TermValue>& ts) {
    std::string out;
    for (const plan::TermValue& t : ts) {
      out += (out.empty() ? "" : ", ") + w.IssueName(t.issue) + " " +
             (t.from.empty() ? t.value : t.from + " to " + t.to);
    }
    return out;
  };
  const std::string gives = terms(e.give), gets = terms(e.get);
  return gives + (gets.empty() ? "" : (gives.empty() ? "for " : "; for ") + gets);
}

void ConcessionsSection(const Writer& w, Document& d) {
  const plan::Brief& b = w.b;
  if (b.concession_plan) {
    const plan::ConcessionPlan& p = *b.concession_plan;
    DocSection s{"concession-plan", "Concession plan", 2, {}};
    s.blocks.push_back(Paragraph(p.pacing));
    if (!p.landing.empty()) s.blocks.push_back(Paragraph(p.landing));
    if (!p.steps.empty()) {
      DocTable t{{"Step", "When", "Size", "Worth to them", "Our value after",
                  "We give, and what we ask in return"},
                 {},
                 {true, false, true, true, true, false}};
      for (const plan::PlannedConcession& step : p.steps) {
        std::string gives;
        for (const plan::TermChange& g : step.gives) {
          gives +=
              (gives.empty() ? "" : "; ") + w.IssueName(g.issue) + " " + g.from + " to " + g.to;
        }
        t.rows.push_back({std::to_string(step.step),
                          step.date.empty() ? "round " + std::to_string(step.step) : step.date,
                          w.Value(step.size), w.ValueOf(b.them, step.their_gain),
                          w.Value(step.our_value_after), gives + ", " + step.condition});
      }
      s.blocks.push_back(Table(t));
    }
    s.blocks.push_back(Paragraph("Conceded over the plan: " + w.Value(p.conceded) +
                                 "; held in reserve above the walk-away: " + w.Value(p.reserve) +
                                 "."));
    d.sections.push_back(std::move(s));
  }
  DocSection s{"concession-log", "Concession log", 2, {}};
  if (b.concessions.entries.empty()) {
    s.blocks.push_back(Paragraph("The case logs no concession yet."));
  } else {
    DocTable t{{"#", "Item", "By", "Given", "Received", "One-way", "Moves, and the trigger"},
               {},
               {true, false, false, true, true, false, false}};
    for (const plan::ConcessionReview& e : b.concessions.entries) {
      t.rows.push_back({std::to_string(e.index + 1), e.item, w.Name(e.giver),
                        w.ValueOf(e.giver, e.given), w.ValueOf(e.giver, e.received),
                        e.one_way ? "yes" : "no",
                        LogMoves(w, e) + "; trigger: " + (e.trigger.empty() ? "none" : e.trigger)});
    }
    s.blocks.push_back(Table(t));
    std::vector<std::string> totals;
    for (const plan::ConcessionTotals& tot : b.concessions.totals) {
      totals.push_back(w.Name(tot.party) + " gave " + w.ValueOf(tot.party, tot.given) +
                       " and received " + w.ValueOf(tot.party, tot.received) + " over " +
                       std::to_string(tot.entries) +
                       (tot.entries == 1 ? " entry (" : " entries (") +
                       std::to_string(tot.one_way) + " one-way)");
    }
    s.blocks.push_back(List(totals));
  }
  d.sections.push_back(std::move(s));
}

// What they may cite: evidence supporting the other side, with the reply to prepare.
void TheyMayCiteSection(const Writer& w, Document& d) {
  const std::vector<plan::TheirCitation>& items = w.b.playbook.they_may_cite;
  if (items.empty()) return;
  DocSection s{"they-may-cite", "What they may cite", 3, {}};
  for (const plan::TheirCitation& t : items) {
    s.blocks.push_back(Definitions(
        t.evidence, {{"For", w.Name(t.party)},
                     {"Claim", t.claim + (t.source.empty() ? "" : " (" + t.source + ")")},
                     {"Reply", t.reply}}));
  }
  d.sections.push_back(std::move(s));
}

void PlaybookSection(const Writer& w, Document& d) {
  const plan::Playbook& p = w.b.playbook;
  d.sections.push_back({"playbook", "Playbook (" + p.context + ")", 2, {}});
  for (const plan::PlayPhase& phase : p.phases) {
    if (phase.moves.empty()) continue;  // e.g. no implementation when no deal is worth making
    std::string title = phase.phase;
    title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
    std::replace(title.begin(), title.end(), '-', ' ');
    DocSection s{"phase-" + phase.phase, title, 3, {}};
    for (const plan::PlayMove& m : phase.moves) {
      s.blocks.push_back(Definitions(m.name, {{"When", m.when},
                                              {"Say", m.say},
                                              {"Signal", m.signal},
                                              {"Risk", m.risk},
                                              {"Safeguard", m.safeguard}}));
    }
    d.sections.push_back(std::move(s));
  }
  if (!p.warnings.empty()) {
    std::vector<std::string> items;
    for (const power::Pitfall& warning : p.warnings) items.push_back(warning.message);
    d.sections.push_back({"warnings", "Where not to use hard power", 3, {List(items)}});
  }
  TheyMayCiteSection(w, d);
}

void ChecklistSection(const Writer& w, Document& d) {
  DocSection s{"checklist", "Checklist of the method", 2, {}};
  DocTable t{{"Status", "Kind", "Item", "Why"}, {}, {false, false, false, false}};
  for (const plan::CheckItem& item : w.b.checklist) {
    t.rows.push_back({plan::CheckStatusName(item.status), item.kind, item.item, item.reason});
  }
  s.blocks.push_back(Table(t));
  d.sections.push_back(std::move(s));
}

void PitfallsSection(const Writer& w, Document& d) {
  DocSection s{"pitfalls", "Pitfalls", 2, {}};
  if (w.b.pitfalls.empty()) {
    s.blocks.push_back(Paragraph("None found."));
  } else {
    std::vector<std::string> items;
    for (const power::Pitfall& p : w.b.pitfalls) {
      items.push_back(power::PitfallName(p.id) +
                      (p.party.empty() ? "" : " (" + w.Name(p.party) + ")") + ": " + p.message);
    }
    s.blocks.push_back(List(items));
  }
  d.sections.push_back(std::move(s));
}

Document BuildDocument(const Case& c, const plan::Brief& b, const std::string& file, bool charts,
                       const sim::Rehearsal* rehearsal) {
  Writer w{c, b};
  const Preferences* v = c.FindValues(b.us);
  w.money = v == nullptr || v->form == ValueForm::kMoney;
  Document d;
  d.title = "Preparation brief: " + c.title;
  d.subtitle = w.Name(b.us) + (b.them.empty() ? "" : " facing " + text::Counterparts(c, b.us));
  d.meta.push_back("Case: " + file);
  std::string setting;
  if (c.context) setting += std::string("context ") + ContextName(*c.context);
  if (c.relationship) {
    setting += (setting.empty() ? "" : ", ") + std::string(RelationshipName(*c.relationship)) +
               " relationship";
  }
  if (c.culture) {
    setting += (setting.empty() ? "" : ", ") + std::string(CultureName(*c.culture)) + " culture";
  }
  if (!setting.empty()) d.meta.push_back("Setting: " + setting);
  const std::string today = b.power.leverage ? b.power.leverage->today : "";
  d.meta.push_back("Analysis date: " + (today.empty() ? std::string("none known") : today) +
                   "; seed " + std::to_string(b.power.options.seed) + ", " +
                   std::to_string(b.power.options.samples) + " samples" +
                   (w.money && !c.currency.empty() ? "; amounts in " + c.currency : ""));
  VerdictSection(w, d);
  Summary(w, d);
  PowerSection(w, d, charts);
  StakeholdersSection(w, d, charts);
  DealSpace(w, d, charts);
  TradeablesSection(w, d);
  AnchorSection(w, d);
  MesoSection(w, d);
  ConcessionsSection(w, d);
  if (rehearsal != nullptr)
    d.sections.push_back(internal::RehearsalSection(c, b, *rehearsal, file));
  PlaybookSection(w, d);
  ChecklistSection(w, d);
  PitfallsSection(w, d);
  DocSection notes{"notes", "Notes and assumptions", 2, {}};
  if (!b.notes.empty()) notes.blocks.push_back(List(b.notes));
  notes.blocks.push_back(List(b.assumptions));
  d.sections.push_back(std::move(notes));
  return d;
}

}  // namespace

BriefFormat BriefFormatForPath(const std::string& path) {
  const std::size_t dot = path.find_last_of('.');
  const std::size_t slash = path.find_last_of('/');
  std::string ext = dot == std::string::npos || (slash != std::string::npos && dot < slash)
                        ? ""
                        : path.substr(dot + 1);
  for (char& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (ext == "txt") return BriefFormat::kText;
  if (ext == "md" || ext == "markdown") return BriefFormat::kMarkdown;
  if (ext == "html" || ext == "htm") return BriefFormat::kHtml;
  if (ext == "json") return BriefFormat::kJson;
  if (ext == "xlsx") return BriefFormat::kXlsx;
  throw Error(ErrorCode::kUsage, path + ": cannot tell the brief's format from " +
                                     (ext.empty() ? std::string("a name without an extension")
                                                  : "the extension '." + ext + "'") +
                                     "; use .txt, .md, .html, .json or .xlsx");
}

std::string RenderBriefText(const Case& c, const plan::Brief& b, const std::string& file,
                            const sim::Rehearsal* rehearsal) {
  return internal::EmitText(BuildDocument(c, b, file, false, rehearsal));
}

std::string RenderBriefMarkdown(const Case& c, const plan::Brief& b, const std::string& file,
                                const sim::Rehearsal* rehearsal) {
  return internal::EmitMarkdown(BuildDocument(c, b, file, false, rehearsal));
}

std::string RenderBriefHtml(const Case& c, const plan::Brief& b, const std::string& file,
                            const sim::Rehearsal* rehearsal) {
  return internal::EmitHtml(BuildDocument(c, b, file, true, rehearsal));
}

const char* BriefFormatName(BriefFormat format) {
  switch (format) {
    case BriefFormat::kText:
      return "text";
    case BriefFormat::kMarkdown:
      return "markdown";
    case BriefFormat::kHtml:
      return "html";
    case BriefFormat::kJson:
      return "json";
    case BriefFormat::kXlsx:
      break;
  }
  return "xlsx";
}

std::string RenderBrief(const Case& c, const plan::Brief& b, const std::string& file,
                        BriefFormat format, const sim::Rehearsal* rehearsal) {
  switch (format) {
    case BriefFormat::kText:
      return RenderBriefText(c, b, file, rehearsal);
    case BriefFormat::kMarkdown:
      return RenderBriefMarkdown(c, b, file, rehearsal);
    case BriefFormat::kHtml:
      return RenderBriefHtml(c, b, file, rehearsal);
    case BriefFormat::kJson: {
      nlohmann::ordered_json j = {{"command", "plan"}, {"file", file}};
      j.update(BriefJson(b));
      if (rehearsal != nullptr) j["rehearsal"] = internal::RehearsalSectionJson(*rehearsal);
      return JsonText(j);
    }
    case BriefFormat::kXlsx:
      break;
  }
  throw Error(ErrorCode::kUsage, "the xlsx brief is a file: write it with WriteBriefXlsx");
}

std::string RenderBriefWrittenText(const std::string& output, BriefFormat format) {
  return "wrote " + output + " (" + BriefFormatName(format) + ")\n";
}

nlohmann::ordered_json BriefWrittenJson(const std::string& file, const std::string& output,
                                        BriefFormat format) {
  return {{"command", "plan"},
          {"file", file},
          {"written", output},
          {"format", BriefFormatName(format)}};
}

}  // namespace parley::report
