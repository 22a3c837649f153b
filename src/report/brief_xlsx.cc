#include "parley/report/brief_xlsx.h"

#include <cstddef>
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <optional>
#include <random>
#include <string>
#include <system_error>
#include <variant>
#include <vector>

#include "internal/xlsx_book.h"
#include "parley/core/error.h"
#include "parley/core/package.h"
#include "parley/core/text.h"
#include "parley/power/leverage.h"
#include "parley/report/outcome_format.h"
#include "parley/sim/rehearsal.h"

namespace parley::report {

namespace {

using internal::CellStyle;
using internal::XlsxBook;
using internal::XlsxSheet;

// 2000-01-01T00:00:00Z: the creation time of a brief with no analysis date.
constexpr std::time_t kFallbackCreated = 946684800;

std::string IssueName(const Case& c, const std::string& id) {
  const Issue* issue = c.FindIssue(id);
  return issue == nullptr ? id : issue->DisplayName();
}

CellStyle ValueStyle(bool money) { return money ? CellStyle::kMoney : CellStyle::kUtility; }

std::optional<std::size_t> IndexOf(const std::vector<std::string>& items, const std::string& x) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i] == x) return i;
  }
  return std::nullopt;
}

std::string Join(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

// A count as a number cell while a double holds it exactly, else as text.
void Count(XlsxSheet& s, int row, int col, std::uint64_t n) {
  if (n <= (std::uint64_t{1} << 53)) {
    s.Number(row, col, static_cast<double>(n));
  } else {
    s.Text(row, col, std::to_string(n));
  }
}

// Value `k` of issue `id` of the floored case: a number cell for a number issue, else text.
void IssueValueCell(XlsxSheet& s, int row, int col, const Case& fc, const std::string& id,
                    std::uint64_t k, const std::string& text) {
  const Issue* issue = fc.FindIssue(id);
  if (issue != nullptr && issue->kind == IssueKind::kNumber && k < issue->ValueCount()) {
    s.Number(row, col, issue->GridValue(k));
  } else {
    s.Text(row, col, text);
  }
}

std::string MoveText(const Case& c, const plan::Move& m) {
  return IssueName(c, m.issue) + ": " + m.from_text + " \u2192 " + m.to_text;
}

std::string ChangesText(const Case& c, const std::vector<plan::TermChange>& changes) {
  std::vector<std::string> parts;
  for (const plan::TermChange& t : changes) {
    parts.push_back(IssueName(c, t.issue) + ": " + t.from + " \u2192 " + t.to);
  }
  return Join(parts, "; ");
}

// ---- Summary --------------------------------------------------------------------------------

// Our walk-away: the anchor's, else our reservation value in the leverage; none without either.
std::optional<double> OurWalkAway(const plan::Brief& b) {
  if (b.anchor) return b.anchor->walk_away;
  if (b.power.leverage) {
    if (const power::PartyLeverage* p = b.power.leverage->Find(b.us)) return p->reservation_value;
  }
  return std::nullopt;
}

void WriteSummary(XlsxSheet s, const Case& c, const plan::Brief& b) {
  const power::PowerReport& r = b.power;
  const Case& fc = r.floored.c;
  const bool money = StatesMoney(fc, b.us);
  const CellStyle value = ValueStyle(money);

  s.Text(0, 0, c.title.empty() ? "Preparation brief" : c.title, CellStyle::kTitle);
  s.Text(1, 0,
         "Preparation brief for " + PartyName(c, b.us) +
             (b.them.empty() ? "" : " facing " + text::Counterparts(c, b.us)));
  s.Header(3, {"Item", "Value"});
  int row = 4;
  const auto label = [&](const std::string& text) { s.Text(row, 0, text, CellStyle::kBold); };
  const auto text = [&](const std::string& name, const std::string& v) {
    label(name);
    s.Text(row++, 1, v, CellStyle::kWrap);
  };
  const auto number = [&](const std::string& name, std::optional<double> v, CellStyle style) {
    label(name);
    if (v) {
      s.Number(row, 1, *v, style);
    } else {
      s.Text(row, 1, "n/a");
    }
    ++row;
  };

  text("Verdict", plan::ApproachName(b.verdict.approach));
  number("Break-even shadow of the future", b.verdict.break_even, CellStyle::kRatio);
  for (const std::string& reason : b.verdict.reasons) text("Why", reason);
  text("Context", c.context ? ContextName(*c.context) : "other");
  text("Relationship", c.relationship ? RelationshipName(*c.relationship) : "not stated");
  text("Chair (us)", PartyName(c, b.us) + " (" + b.us + ")");
  text("Counterpart", b.them.empty() ? "none" : PartyName(c, b.them) + " (" + b.them + ")");
  text("Units", money ? (c.currency.empty() ? "money" : c.currency) : "utility (weight x score)");
  text("Analysis date", r.options.today.empty() ? "none" : r.options.today);

  number("Walk-away (our reservation value)", OurWalkAway(b), value);
  if (b.verdict.approach == plan::Approach::kWalkAway) {
    number("Best possible package (our value; below the walk-away)", b.verdict.best_value, value);
  }

  std::optional<double> predicted;
  std::string predicted_package = "no deal is predicted";
  if (r.prediction && r.prediction->deal) {
    if (const auto i = IndexOf(r.prediction->parties, b.us)) {
      predicted = r.prediction->deal->value[*i];
    }
    predicted_package = PackageText(fc, r.prediction->deal->outcome);
  }
  number("Predicted deal (our value)", predicted, value);
  text("Predicted deal", predicted_package);

  number("Anchor (our value)", b.anchor ? std::optional(b.anchor->our_value) : std::nullopt, value);
  text("Anchor", b.anchor ? PackageText(fc, b.anchor->outcome) : "not planned");
  if (b.under_way) text("Where the talks stand", b.under_way_note);
  number("Credible range, low", b.anchor ? std::optional(b.anchor->credible_low) : std::nullopt,
         value);
  number("Credible range, high", b.anchor ? std::optional(b.anchor->credible_high) : std::nullopt,
         value);
  number("P(ZOPA)", r.prediction ? std::optional(r.prediction->zopa_probability) : std::nullopt,
         CellStyle::kPercent);

  const auto balance = [&](const std::string& party) -> std::optional<double> {
    const auto i = IndexOf(r.sources.parties, party);
    if (!i || *i >= r.sources.balance.size()) return std::nullopt;
    return r.sources.balance[*i];
  };
  number("Balance of power, " + PartyName(c, b.us), balance(b.us), CellStyle::kPercent);
  if (!b.them.empty()) {
    number("Balance of power, " + PartyName(c, b.them), balance(b.them), CellStyle::kPercent);
  }
  label("Pitfalls");
  Count(s, row++, 1, b.pitfalls.size());
  label("Seed");
  Count(s, row++, 1, r.options.seed);
  label("Samples");
  Count(s, row++, 1, r.options.samples);

  s.Columns(0, 0, 36);
  s.Columns(1, 1, 70);
}

// ---- Power ----------------------------------------------------------------------------------

void WritePower(XlsxSheet s, const Case& c, const plan::Brief& b) {
  const power::SourceAssessment& a = b.power.sources;
  std::vector<std::string> header = {"Source"};
  for (const std::string& p : a.parties) {
    const std::string name = PartyName(c, p);
    header.insert(header.end(), {name + " score", name + " confidence", name + " evidence"});
  }
  s.Header(0, header);
  for (int src = 0; src < kPowerSourceCount; ++src) {
    s.Text(1 + src, 0, PowerSourceNames()[src], CellStyle::kBold);
    for (std::size_t p = 0; p < a.power.size(); ++p) {
      const power::SourceScore& score = a.power[p].sources[src];
      const int col = 1 + 3 * static_cast<int>(p);
      s.Number(1 + src, col, score.score, CellStyle::kScore);
      s.Text(1 + src, col + 1, power::ConfidenceName(score.confidence));
      s.Text(1 + src, col + 2, Join(score.evidence, ", "), CellStyle::kWrap);
    }
  }
  const int total_row = 1 + kPowerSourceCount;
  s.Text(total_row, 0, "Total (0-30)", CellStyle::kBold);
  s.Text(total_row + 1, 0, "Balance", CellStyle::kBold);
  for (std::size_t p = 0; p < a.power.size(); ++p) {
    const int col = 1 + 3 * static_cast<int>(p);
    s.Number(total_row, col, a.power[p].total, CellStyle::kScore);
    if (p < a.balance.size()) s.Number(total_row + 1, col, a.balance[p], CellStyle::kPercent);
  }

  int row = total_row + 3;
  s.Text(row++, 0, "Leverage", CellStyle::kTitle);
  s.Header(row++, {"Party", "Reservation value", "Dependence share", "Impatience per week",
                   "Patience weight", "Six-source balance", "Bargaining weight", "Deadline"});
  if (!b.power.leverage) {
    s.Text(row, 0, "No leverage: fewer than two parties state values.");
  } else {
    for (const power::PartyLeverage& p : b.power.leverage->parties) {
      s.Text(row, 0, PartyName(c, p.party), CellStyle::kBold);
      s.Number(row, 1, p.reservation_value, ValueStyle(p.money));
      s.Number(row, 2, p.dependence_share, CellStyle::kPercent);
      s.Number(row, 3, p.impatience, CellStyle::kUtility);
      s.Number(row, 4, p.patience_weight, CellStyle::kPercent);
      s.Number(row, 5, p.balance, CellStyle::kPercent);
      s.Number(row, 6, p.weight, CellStyle::kPercent);
      s.Text(row, 7, power::DeadlineText(c, p));
      ++row;
    }
  }
  s.Columns(0, 0, 20);
  for (std::size_t p = 0; p < a.parties.size(); ++p) {
    const int col = 1 + 3 * static_cast<int>(p);
    s.Columns(col, col, 18);
    s.Columns(col + 1, col + 1, 22);
    s.Columns(col + 2, col + 2, 40);
  }
}

// ---- Tradeables -----------------------------------------------------------------------------

void WriteMoves(XlsxSheet& s, int& row, const Case& c, const Case& fc,
                const std::vector<plan::Move>& moves, CellStyle value) {
  s.Header(row++, {"Rank", "Issue", "From", "To", "Our change", "Their change", "Ratio"});
  for (std::size_t i = 0; i < moves.size(); ++i) {
    const plan::Move& m = moves[i];
    s.Number(row, 0, static_cast<double>(i + 1));
    s.Text(row, 1, IssueName(c, m.issue));
    IssueValueCell(s, row, 2, fc, m.issue, m.from, m.from_text);
    IssueValueCell(s, row, 3, fc, m.issue, m.to, m.to_text);
    s.Number(row, 4, m.our_change, value);
    s.Number(row, 5, m.their_change, value);
    s.Number(row, 6, m.ratio, CellStyle::kRatio);
    ++row;
  }
  if (moves.empty()) s.Text(row++, 0, "none");
}

void WriteTradeables(XlsxSheet s, const Case& c, const plan::Brief& b) {
  const Case& fc = b.power.floored.c;
  s.Columns(0, 0, 34);
  s.Columns(1, 1, 34);
  s.Columns(2, 6, 14);
  if (!b.tradeables) {
    s.Text(0, 0, "No tradeables: both sides need additive values (see the brief's notes).");
    return;
  }
  const plan::Tradeables& t = *b.tradeables;
  const CellStyle value = ValueStyle(t.money);
  int row = 0;
  s.Text(row++, 0, "Issues", CellStyle::kTitle);
  s.Header(row++,
           {"Issue", "Nature", "Our range", "Their range", "Our priority", "Their priority"});
  for (const plan::IssueTrade& it : t.issues) {
    s.Text(row, 0, IssueName(c, it.issue));
    s.Text(row, 1, plan::IssueNatureName(it.nature));
    s.Number(row, 2, it.our_range, value);
    s.Number(row, 3, it.their_range, value);
    s.Number(row, 4, it.our_priority, CellStyle::kPercent);
    s.Number(row, 5, it.their_priority, CellStyle::kPercent);
    ++row;
  }
  ++row;
  s.Text(row++, 0, "Gives: cost us, worth something to them (best ratio first)", CellStyle::kTitle);
  WriteMoves(s, row, c, fc, t.gives, value);
  ++row;
  s.Text(row++, 0, "Gets: worth something to us, cost them (best ratio first)", CellStyle::kTitle);
  WriteMoves(s, row, c, fc, t.gets, value);
  ++row;
  s.Text(row++, 0, "Give-get pairs", CellStyle::kTitle);
  s.Header(row++, {"Give", "Get", "Our net", "Their net", "Both gain"});
  for (const plan::GiveGet& p : b.give_get) {
    s.Text(row, 0, MoveText(c, p.give), CellStyle::kWrap);
    s.Text(row, 1, MoveText(c, p.get), CellStyle::kWrap);
    s.Number(row, 2, p.our_net, value);
    s.Number(row, 3, p.their_net, value);
    s.Text(row, 4, p.both_gain ? "yes" : "no");
    ++row;
  }
  if (b.give_get.empty()) s.Text(row++, 0, "none");
}

// ---- MESO -----------------------------------------------------------------------------------

void WriteMeso(XlsxSheet s, const Case& c, const plan::Brief& b) {
  const Case& fc = b.power.floored.c;
  std::vector<std::string> header = {"Package"};
  for (const Issue& issue : fc.issues) header.push_back(IssueName(c, issue.id));
  const int n = static_cast<int>(fc.issues.size());
  header.insert(header.end(),
                {"Our value", "Their value", "Acceptance", "Frontier gap", "Reveals"});
  s.Header(0, header);
  s.Freeze(1);
  s.Columns(0, 0, 10);
  s.Columns(1, n, 14);
  s.Columns(n + 1, n + 4, 13);
  s.Columns(n + 5, n + 5, 70, CellStyle::kWrap);
  if (!b.meso) {
    s.Text(1, 0, "No MESO packages were built (see the brief's notes).");
    return;
  }
  const CellStyle ours = ValueStyle(StatesMoney(fc, b.us));
  const CellStyle theirs = ValueStyle(StatesMoney(fc, b.them));
  int row = 1;
  for (std::size_t k = 0; k < b.meso->packages.size(); ++k) {
    const plan::MesoPackage& p = b.meso->packages[k];
    s.Number(row, 0, static_cast<double>(k + 1));
    int col = 1;
    for (const auto& [issue, v] : OutcomeToPackage(fc, p.outcome)) {
      (void)issue;
      if (const double* x = std::get_if<double>(&v)) {
        s.Number(row, col, *x);
      } else {
        s.Text(row, col, std::get<std::string>(v));
      }
      ++col;
    }
    s.Number(row, n + 1, p.our_value, ours);
    s.Number(row, n + 2, p.their_value, theirs);
    s.Number(row, n + 3, p.acceptance, CellStyle::kPercent);
    s.Number(row, n + 4, p.frontier_gap, CellStyle::kUtility);
    s.Text(row, n + 5, p.reveals, CellStyle::kWrap);
    ++row;
  }
  if (!b.meso->shortfall.empty()) s.Text(row + 1, 0, b.meso->shortfall);
}

// ---- Concessions ----------------------------------------------------------------------------

void WriteConcessions(XlsxSheet s, const Case& c, const plan::Brief& b) {
  const Case& fc = b.power.floored.c;
  const CellStyle ours = ValueStyle(StatesMoney(fc, b.us));
  const CellStyle theirs = ValueStyle(StatesMoney(fc, b.them));
  int row = 0;
  s.Text(row++, 0, "Planned concessions", CellStyle::kTitle);
  s.Header(row++, {"Step", "Date", "Gives", "Condition", "Size", "Their gain", "Our value after"});
  if (!b.concession_plan) {
    s.Text(row++, 0, "No concession plan (see the brief's notes).");
  } else {
    const plan::ConcessionPlan& p = *b.concession_plan;
    for (const plan::PlannedConcession& step : p.steps) {
      s.Number(row, 0, static_cast<double>(step.step));
      s.Text(row, 1, step.date);
      s.Text(row, 2, ChangesText(c, step.gives), CellStyle::kWrap);
      s.Text(row, 3, step.condition, CellStyle::kWrap);
      s.Number(row, 4, step.size, ours);
      s.Number(row, 5, step.their_gain, theirs);
      s.Number(row, 6, step.our_value_after, ours);
      ++row;
    }
    if (p.steps.empty()) s.Text(row++, 0, "no step");
    const auto figure = [&](const std::string& name, double x) {
      s.Text(row, 2, name, CellStyle::kBold);
      s.Number(row++, 4, x, ours);
    };
    figure("Opening (our value)", p.start_value);
    figure("Conceded", p.conceded);
    figure("Held in reserve above the walk-away", p.reserve);
    s.Text(row, 2, "Pacing", CellStyle::kBold);
    s.Text(row++, 3, p.pacing, CellStyle::kWrap);
    if (!p.landing.empty()) {
      s.Text(row, 2, "Where it lands", CellStyle::kBold);
      s.Text(row++, 3, p.landing, CellStyle::kWrap);
    }
  }

  ++row;
  s.Text(row++, 0, "Concession log", CellStyle::kTitle);
  s.Header(row++, {"Item", "Giver", "Given", "Received", "One-way", "Trigger"});
  for (const plan::ConcessionReview& e : b.concessions.entries) {
    const CellStyle giver = ValueStyle(StatesMoney(c, e.giver));
    s.Text(row, 0, e.item, CellStyle::kWrap);
    s.Text(row, 1, PartyName(c, e.giver));
    s.Number(row, 2, e.given, giver);
    s.Number(row, 3, e.received, giver);
    s.Text(row, 4, e.one_way ? "yes" : "no");
    s.Text(row, 5, e.trigger, CellStyle::kWrap);
    ++row;
  }
  if (b.concessions.entries.empty()) s.Text(row++, 0, "The case logs no concession.");

  s.Columns(0, 0, 40);
  s.Columns(1, 1, 14);
  s.Columns(2, 2, 44);
  s.Columns(3, 3, 60);
  s.Columns(4, 6, 15);
}

// ---- Checklist ------------------------------------------------------------------------------

void WriteChecklist(XlsxSheet s, const plan::Brief& b) {
  s.Header(0, {"Kind", "Item", "Status", "Reason"});
  s.Freeze(1);
  int row = 1;
  for (const plan::CheckItem& item : b.checklist) {
    const CellStyle status = item.status == plan::CheckStatus::kPass   ? CellStyle::kPass
                             : item.status == plan::CheckStatus::kFail ? CellStyle::kFail
                                                                       : CellStyle::kPlain;
    s.Text(row, 0, item.kind);
    s.Text(row, 1, item.item, CellStyle::kWrap);
    s.Text(row, 2, plan::CheckStatusName(item.status), status);
    s.Text(row, 3, item.reason, CellStyle::kWrap);
    ++row;
  }
  s.Columns(0, 0, 8);
  s.Columns(1, 1, 50);
  s.Columns(2, 2, 10);
  s.Columns(3, 3, 80);
}

// ---- The rehearsal (parley plan --rehearse) --------------------------------------------------

void WriteRehearsal(XlsxSheet s, const Case& c, const sim::Rehearsal& r) {
  const CellStyle value = ValueStyle(StatesMoney(c, r.us));
  s.Text(0, 0, "Rehearsal of the plan", CellStyle::kTitle);
  int row = 2;
  auto item = [&](const std::string& label) {
    s.Text(row, 0, label, CellStyle::kBold);
    return row++;
  };
  s.Text(item("Counterparts"), 1, Join(r.them, ", "));
  Count(s, item("Negotiations"), 1, r.negotiations);
  Count(s, item("Rounds"), 1, r.rounds);
  s.Text(item("Seed"), 1, std::to_string(r.seed));
  s.Text(item("Drawn"), 1, r.drawn.empty() ? "nothing" : Join(r.drawn, ", "));
  s.Number(item("Agreement rate"), 1, r.agreement_rate, CellStyle::kPercent);
  s.Number(item("Our value p5"), 1, r.value.p5, value);
  s.Number(item("Our value median"), 1, r.value.p50, value);
  s.Number(item("Our value p95"), 1, r.value.p95, value);
  s.Number(item("Our value mean"), 1, r.value.mean, value);
  if (r.predicted_value) s.Number(item("Predicted deal"), 1, *r.predicted_value, value);
  s.Number(item("Our walk-away"), 1, r.walk_away, value);
  ++row;
  s.Header(row++, {"Counterpart", "Negotiations", "Agreement rate", "Our mean value",
                   "Below the prediction"});
  for (const sim::CounterpartResult& cp : r.by_counterpart) {
    s.Text(row, 0, cp.strategy);
    Count(s, row, 1, cp.negotiations);
    s.Number(row, 2, cp.agreement_rate, CellStyle::kPercent);
    s.Number(row, 3, cp.mean_value, value);
    s.Number(row, 4, cp.below_prediction, CellStyle::kPercent);
    ++row;
  }
  ++row;
  s.Header(row++, {"Last step offered", "Breaks"});
  for (std::size_t k = 0; k < r.breaks.size(); ++k) {
    s.Text(row, 0,
           k == 0 ? std::string(r.under_way ? "table" : "anchor") : "step " + std::to_string(k));
    Count(s, row++, 1, r.breaks[k]);
  }
  ++row;
  s.Header(row++, {"What to change"});
  for (const std::string& a : r.advice) s.Text(row++, 0, a, CellStyle::kWrap);
  s.Columns(0, 0, 60);
  s.Columns(1, 4, 18);
}

// ---- What they may cite ----------------------------------------------------------------------

void WriteTheyMayCite(XlsxSheet s, const Case& c, const plan::Brief& b) {
  s.Header(0, {"Evidence", "For", "Claim", "Source", "Reply"});
  s.Freeze(1);
  int row = 1;
  for (const plan::TheirCitation& t : b.playbook.they_may_cite) {
    s.Text(row, 0, t.evidence);
    s.Text(row, 1, PartyName(c, t.party));
    s.Text(row, 2, t.claim, CellStyle::kWrap);
    s.Text(row, 3, t.source, CellStyle::kWrap);
    s.Text(row, 4, t.reply, CellStyle::kWrap);
    ++row;
  }
  s.Columns(0, 1, 16);
  s.Columns(2, 2, 60);
  s.Columns(3, 3, 30);
  s.Columns(4, 4, 60);
}

// ---- Stakeholders ----------------------------------------------------------------------------

// Each member's figures from the map, then whom the plan names and why.
void WriteStakeholders(XlsxSheet s, const Case& c, const plan::Brief& b) {
  s.Header(0, {"Party", "Member", "Role", "Stance", "Veto", "Formal power", "Informal influence",
               "Real say", "Decides", "Salience", "Quadrant", "Engagement step"});
  s.Freeze(1);
  int row = 1;
  for (const stakeholders::PartyMap& m : b.stakeholder_map.parties) {
    for (const stakeholders::MemberPower& p : m.members) {
      s.Text(row, 0, PartyName(c, m.party));
      s.Text(row, 1, p.title.empty() || p.title == p.name ? p.name : p.name + " (" + p.title + ")");
      s.Text(row, 2, p.role);
      if (p.stance) s.Number(row, 3, *p.stance);
      s.Text(row, 4, p.veto ? "yes" : "");
      s.Number(row, 5, p.formal_power, CellStyle::kPercent);
      s.Number(row, 6, p.informal_influence, CellStyle::kPercent);
      s.Number(row, 7, p.real_power, CellStyle::kPercent);
      s.Text(row, 8, p.decides ? "yes" : "");
      s.Text(row, 9, stakeholders::SalienceName(p.salience));
      s.Text(row, 10, stakeholders::QuadrantName(p.quadrant));
      for (std::size_t k = 0; k < m.engagement.size(); ++k) {
        if (m.engagement[k].id == p.id) Count(s, row, 11, k + 1);
      }
      ++row;
    }
  }
  ++row;
  s.Header(row++, {"Whom the plan names", "Name", "Why"});
  const plan::StakeholderPlan& people = b.people;
  auto put = [&](const char* call, const plan::PersonCall& p) {
    s.Text(row, 0, call);
    s.Text(row, 1, p.name);
    s.Text(row, 2, p.reason, CellStyle::kWrap);
    ++row;
  };
  if (people.anchor_first) put("hears the anchor first", *people.anchor_first);
  for (const plan::PersonCall& p : people.hear_it_from_us) put("hears the figure from us", p);
  for (const plan::PersonCall& p : people.previews) put("private preview", p);
  for (const plan::PersonCall& p : people.objections) put("objection to prepare for", p);
  if (people.closer) put("closes", *people.closer);
  if (people.sponsor) put("our sponsor", *people.sponsor);
  if (people.counterpart) put("escalation counterpart", *people.counterpart);
  s.Columns(0, 0, 24);
  s.Columns(1, 1, 30);
  s.Columns(2, 2, 60);
  s.Columns(3, 11, 12);
}

std::time_t CreatedTime(const plan::Brief& b) {
  if (const std::optional<long> day = power::DayNumber(b.power.options.today)) {
    return static_cast<std::time_t>(*day) * 86400;
  }
  return kFallbackCreated;
}

void RemoveQuietly(const std::filesystem::path& p) {
  std::error_code ignored;
  std::filesystem::remove(p, ignored);
}

}  // namespace

void WriteBriefXlsx(const std::string& path, const Case& c, const plan::Brief& b,
                    const sim::Rehearsal* rehearsal) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw Error(ErrorCode::kIo,
                path + ": cannot write: the folder " + dir.string() + " does not exist");
  }
  std::random_device rd;
  std::string tmp_name = ".";  // appended piece by piece: GCC 12 misreads "." + s (-Wrestrict)
  tmp_name += target.filename().string();
  tmp_name += ".tmp";
  tmp_name += std::to_string(rd() % 1000000);
  const fs::path tmp = dir / tmp_name;
  try {
    XlsxBook book(tmp.string(), path, c.title, CreatedTime(b));
    WriteSummary(book.AddSheet("Summary"), c, b);
    WritePower(book.AddSheet("Power"), c, b);
    if (!b.stakeholder_map.parties.empty()) {
      WriteStakeholders(book.AddSheet("Stakeholders"), c, b);
    }
    WriteTradeables(book.AddSheet("Tradeables"), c, b);
    WriteMeso(book.AddSheet("MESO"), c, b);
    WriteConcessions(book.AddSheet("Concessions"), c, b);
    if (rehearsal != nullptr) WriteRehearsal(book.AddSheet("Rehearsal"), c, *rehearsal);
    WriteChecklist(book.AddSheet("Checklist"), b);
    WriteTheyMayCite(book.AddSheet("They may cite"), c, b);
    book.Close();
  } catch (...) {
    RemoveQuietly(tmp);
    throw;
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    RemoveQuietly(tmp);
    throw Error(ErrorCode::kIo, path + ": cannot replace: " + ec.message());
  }
}

}  // namespace parley::report
