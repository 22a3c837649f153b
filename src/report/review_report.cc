#include "parley/report/review_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>
#include <sstream>
#include <vector>

#include "internal/json_util.h"
#include "parley/core/text.h"
#include "parley/report/outcome_format.h"

namespace parley::report {

namespace {

using Json = nlohmann::ordered_json;

using internal::Num;

// ---- JSON -----------------------------------------------------------------------------------

Json PartyReviewsJson(const plan::Review& r) {
  Json parties = Json::object();
  for (const plan::PartyReview& p : r.parties) {
    parties[p.party] = {{"money", p.money},
                        {"value", p.value},
                        {"utility", p.utility},
                        {"reservation_value", p.reservation_value},
                        {"disagreement", p.disagreement},
                        {"gain", p.gain},
                        {"share", p.share},
                        {"beats_batna", p.beats_batna},
                        {"predicted_value", Num(p.predicted_value)},
                        {"predicted_utility", Num(p.predicted_utility)},
                        {"predicted_gain", Num(p.predicted_gain)},
                        {"predicted_share", Num(p.predicted_share)},
                        {"captured_vs_predicted", Num(p.captured_vs_predicted)},
                        {"share_vs_predicted", Num(p.share_vs_predicted)}};
  }
  return parties;
}

Json LeftOnTableJson(const Case& c, const plan::Review& r) {
  const plan::LeftOnTable& left = r.left_on_table;
  Json gain = Json::object();
  for (std::size_t i = 0; i < r.parties.size(); ++i) {
    gain[r.parties[i].party] = {{"utility", left.utility_gain[i]}, {"value", left.value_gain[i]}};
  }
  return {{"efficient", left.efficient},
          {"dominated_by_count", left.dominated_by},
          {"outcome", left.package ? OutcomeJson(c, *left.package) : Json(nullptr)},
          {"gain", gain},
          {"joint_utility", left.joint_utility},
          {"joint_money", Num(left.joint_money)},
          {"relaxed_floors", left.relaxed_floors}};
}

Json FloorsJson(const plan::Review& r) {
  Json floors = Json::array();
  for (const plan::FloorCheck& f : r.floors) {
    floors.push_back({{"party", f.party},
                      {"issue", f.issue},
                      {"limit", f.limit},
                      {"value", f.value},
                      {"respected", f.respected},
                      {"evidence", f.evidence}});
  }
  return floors;
}

Json ConcessionsJson(const plan::Review& r) {
  Json entries = Json::array();
  for (const plan::ConcessionReview& e : r.concessions.entries) {
    entries.push_back({{"item", e.item},
                       {"giver", e.giver},
                       {"receiver", e.receiver},
                       {"given", e.given},
                       {"received", e.received},
                       {"one_way", e.one_way},
                       {"trigger", e.trigger.empty() ? Json(nullptr) : Json(e.trigger)}});
  }
  Json totals = Json::object();
  for (const plan::ConcessionTotals& t : r.concessions.totals) {
    totals[t.party] = {{"given", t.given},
                       {"received", t.received},
                       {"entries", t.entries},
                       {"one_way", t.one_way}};
  }
  return {{"entries", entries}, {"totals", totals}};
}

Json QuestionsJson(const plan::Review& r) {
  Json questions = Json::array();
  for (const plan::ReviewQuestion& q : r.questions) {
    questions.push_back(
        {{"id", q.id},
         {"question", q.question},
         {"answer", q.answer},
         {"after_meeting", q.after_meeting.empty() ? Json(nullptr) : Json(q.after_meeting)}});
  }
  return questions;
}

Json ReviewJsonImpl(const Case& c, const std::string& file, const plan::Review& r) {
  Json j;
  j["command"] = "review";
  j["file"] = file;
  j["perspective"] = r.perspective;
  j["outcome"] = OutcomeJson(c, r.outcome);
  j["predicted"] = r.predicted ? OutcomeJson(c, *r.predicted) : Json(nullptr);
  j["share_in_money"] = r.share_in_money;
  j["parties"] = PartyReviewsJson(r);
  j["left_on_table"] = LeftOnTableJson(c, r);
  j["floors_respected"] = r.floors_respected;
  j["floors"] = FloorsJson(r);
  j["concessions"] = ConcessionsJson(r);
  j["questions"] = QuestionsJson(r);
  return j;
}

// ---- Text -----------------------------------------------------------------------------------

// "+4,000", "-4,000", or "0" when it rounds to nothing.
std::string Signed(double x, bool money) {
  const std::string text = text::Amount(x, money);
  const bool zero = text.find_first_not_of("-0.,") == std::string::npos;
  return (x > 0 && !zero ? "+" : "") + (zero ? text::Amount(0, money) : text);
}

// The width of the party column: the longest display name.
std::size_t NameWidth(const Case& c) {
  std::size_t width = 5;
  for (const Party& p : c.parties) width = std::max(width, p.DisplayName().size());
  return width;
}

void PrintParties(std::ostream& out, const Case& c, const plan::Review& r) {
  const std::size_t width = NameWidth(c);
  out << fmt::format("  {:<{}} {:>12} {:>8} {:>12} {:>12} {:>6}   {:-^19}\n", "", width, "", "", "",
                     "", "", " predicted ");
  out << fmt::format("  {:<{}} {:>12} {:>8} {:>12} {:>12} {:>6}   {:>12} {:>6}  {:>12}  {}\n",
                     "party", width, "value", "utility", "walk-away", "gain", "share", "gain",
                     "share", "vs predicted", "beats BATNA");
  for (const plan::PartyReview& p : r.parties) {
    out << fmt::format("  {:<{}} {:>12} {:>8.4f} {:>12} {:>12} {:>6}   {:>12} {:>6}  {:>12}  {}\n",
                       PartyName(c, p.party), width, text::Amount(p.value, p.money), p.utility,
                       text::Amount(p.reservation_value, p.money), text::Amount(p.gain, p.money),
                       fmt::format("{:.0f}%", 100 * p.share),
                       p.predicted_gain ? text::Amount(*p.predicted_gain, p.money) : "-",
                       p.predicted_share ? fmt::format("{:.0f}%", 100 * *p.predicted_share) : "-",
                       p.captured_vs_predicted ? Signed(*p.captured_vs_predicted, p.money) : "-",
                       p.beats_batna ? "yes" : "no");
  }
  out << "  gain: value over the walk-away (BATNA less its costs, else the worst deal within the "
         "floors); share: of the joint surplus, in "
      << (r.share_in_money ? "money" : "utility")
      << ";\n  vs predicted: gain minus predicted gain\n";
}

void PrintLeftOnTable(std::ostream& out, const Case& c, const plan::Review& r) {
  const plan::LeftOnTable& left = r.left_on_table;
  out << "\nLeft on the table:\n";
  if (!left.relaxed_floors.empty()) {
    std::string floors;
    for (const std::string& f : left.relaxed_floors) floors += (floors.empty() ? "" : "; ") + f;
    out << "  measured without the floors the outcome crossed: " << floors << "\n";
  }
  if (left.efficient) {
    out << "  nothing: no deal within the floors that held is better for one side and no worse "
           "for the other\n";
    return;
  }
  out << fmt::format(
      "  {} frontier point{} better for some party and worse for none; the one "
      "with the largest joint gain:\n",
      left.dominated_by, left.dominated_by == 1 ? " is" : "s are");
  out << "  " << PackageText(c, *left.package) << "\n";
  for (std::size_t i = 0; i < r.parties.size(); ++i) {
    const plan::PartyReview& p = r.parties[i];
    out << fmt::format("    {:<{}} gains {:.4f} utility", PartyName(c, p.party), NameWidth(c),
                       left.utility_gain[i]);
    if (p.money) out << " (+" << text::Amount(left.value_gain[i], true) << ")";
    out << "\n";
  }
  out << "  joint gain: " << text::Amount(left.joint_utility, false) << " utility";
  if (left.joint_money) out << ", " << text::Amount(*left.joint_money, true) << " in money";
  out << "\n";
}

void ReviewText(std::ostream& out, const Case& c, const plan::Review& r) {
  bool any_money = false;
  for (const plan::PartyReview& p : r.parties) any_money |= p.money;
  out << "Review: " << c.title << "\n";
  out << fmt::format("From the chair of {} ({}); {}utilities 0..1 on each party's scale{}\n",
                     PartyName(c, r.perspective), r.perspective,
                     any_money ? "money in " + (c.currency.empty() ? "money" : c.currency) + ", "
                               : "values are utilities, ",
                     c.floors.empty() ? "" : " over the deals within the floors");
  out << "\nOutcome:   " << PackageText(c, r.outcome) << "\n";
  out << "Predicted: "
      << (r.predicted ? PackageText(c, *r.predicted)
                      : std::string("none (no deal acceptable to every party within the floors)"))
      << "\n\n";
  PrintParties(out, c, r);
  PrintLeftOnTable(out, c, r);

  bool own_floors = false;
  for (const plan::FloorCheck& f : r.floors) own_floors |= f.party == r.perspective;
  out << "\nFloors: " << PartyName(c, r.perspective)
      << (!own_floors          ? " sets no floors\n"
          : r.floors_respected ? " kept every one of its floors\n"
                               : " crossed a floor of its own\n");
  std::size_t issue_width = 5, limit_width = 5;
  for (const plan::FloorCheck& f : r.floors) {
    issue_width = std::max(issue_width, f.issue.size());
    limit_width = std::max(limit_width, f.limit.size());
  }
  for (const plan::FloorCheck& f : r.floors) {
    out << fmt::format("  {:<{}} {:<{}} {:<{}} {:<7} at {}\n", PartyName(c, f.party), NameWidth(c),
                       f.issue, issue_width, f.limit, limit_width, f.respected ? "held" : "CROSSED",
                       f.value);
  }

  out << "\nConcessions (valued against holding out):\n";
  if (r.concessions.entries.empty()) out << "  none logged\n";
  for (const plan::ConcessionTotals& t : r.concessions.totals) {
    const Preferences* v = c.FindValues(t.party);
    const bool money = v != nullptr && v->form == ValueForm::kMoney;
    out << fmt::format("  {:<{}} gave {:>10}  received {:>10}  in {} entr{}, {} one-way\n",
                       PartyName(c, t.party), NameWidth(c), text::Amount(t.given, money),
                       text::Amount(t.received, money), t.entries, t.entries == 1 ? "y" : "ies",
                       t.one_way);
  }
  for (const plan::ConcessionReview& e : r.concessions.entries) {
    if (e.one_way) out << "  one-way: '" << e.item << "' by " << PartyName(c, e.giver) << "\n";
    if (!e.trigger.empty()) {
      out << "  trigger: '" << e.item << "' by " << PartyName(c, e.giver) << ": " << e.trigger
          << "\n";
    }
  }

  out << "\nReview questions:\n";
  for (std::size_t k = 0; k < r.questions.size(); ++k) {
    const plan::ReviewQuestion& q = r.questions[k];
    out << fmt::format("\n{}. {}\n", k + 1, q.question);
    for (const std::string& line : q.answer) out << "   - " << line << "\n";
    if (!q.after_meeting.empty()) out << "   ? " << q.after_meeting << "\n";
  }
}

}  // namespace

std::string RenderReviewText(const Case& c, const plan::Review& r) {
  std::ostringstream out;
  ReviewText(out, c, r);
  return out.str();
}

nlohmann::ordered_json ReviewJson(const Case& c, const std::string& file, const plan::Review& r) {
  return ReviewJsonImpl(c, file, r);
}

}  // namespace parley::report
