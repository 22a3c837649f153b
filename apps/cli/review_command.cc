#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "cli_common.h"
#include "parley/core/error.h"
#include "parley/plan/review.h"
#include "parley/power/report.h"

namespace parley::cli {

namespace {

using Json = nlohmann::ordered_json;

struct ReviewCommandOptions {
  std::string file;
  std::vector<std::string> outcome;  // issue=value
  power::PowerOptions model;
};

Json Optional(const std::optional<double>& x) { return x ? Json(*x) : Json(nullptr); }

// ---- JSON -----------------------------------------------------------------------------------

Json ReviewJson(const Case& c, const std::string& file, const plan::Review& r) {
  Json j;
  j["command"] = "review";
  j["file"] = file;
  j["perspective"] = r.perspective;
  j["outcome"] = OutcomeJson(c, r.outcome);
  j["predicted"] = r.predicted ? OutcomeJson(c, *r.predicted) : Json(nullptr);
  j["share_in_money"] = r.share_in_money;
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
                        {"predicted_value", Optional(p.predicted_value)},
                        {"predicted_utility", Optional(p.predicted_utility)},
                        {"predicted_gain", Optional(p.predicted_gain)},
                        {"predicted_share", Optional(p.predicted_share)},
                        {"captured_vs_predicted", Optional(p.captured_vs_predicted)},
                        {"share_vs_predicted", Optional(p.share_vs_predicted)}};
  }
  j["parties"] = parties;

  const plan::LeftOnTable& left = r.left_on_table;
  Json gain = Json::object();
  for (std::size_t i = 0; i < r.parties.size(); ++i) {
    gain[r.parties[i].party] = {{"utility", left.utility_gain[i]}, {"value", left.value_gain[i]}};
  }
  j["left_on_table"] = {{"efficient", left.efficient},
                        {"dominated_by_count", left.dominated_by},
                        {"outcome", left.package ? OutcomeJson(c, *left.package) : Json(nullptr)},
                        {"gain", gain},
                        {"joint_utility", left.joint_utility},
                        {"joint_money", Optional(left.joint_money)},
                        {"relaxed_floors", left.relaxed_floors}};

  j["floors_respected"] = r.floors_respected;
  Json floors = Json::array();
  for (const plan::FloorCheck& f : r.floors) {
    floors.push_back({{"party", f.party},
                      {"issue", f.issue},
                      {"limit", f.limit},
                      {"value", f.value},
                      {"respected", f.respected},
                      {"evidence", f.evidence}});
  }
  j["floors"] = floors;

  Json entries = Json::array();
  for (const plan::ConcessionReview& e : r.concessions.entries) {
    entries.push_back({{"item", e.item},
                       {"giver", e.giver},
                       {"receiver", e.receiver},
                       {"given", e.given},
                       {"received", e.received},
                       {"one_way", e.one_way}});
  }
  Json totals = Json::object();
  for (const plan::ConcessionTotals& t : r.concessions.totals) {
    totals[t.party] = {{"given", t.given},
                       {"received", t.received},
                       {"entries", t.entries},
                       {"one_way", t.one_way}};
  }
  j["concessions"] = {{"entries", entries}, {"totals", totals}};

  Json questions = Json::array();
  for (const plan::ReviewQuestion& q : r.questions) {
    questions.push_back(
        {{"id", q.id},
         {"question", q.question},
         {"answer", q.answer},
         {"after_meeting", q.after_meeting.empty() ? Json(nullptr) : Json(q.after_meeting)}});
  }
  j["questions"] = questions;
  return j;
}

// ---- Text -----------------------------------------------------------------------------------

// "+4,000", "-4,000", or "0" when it rounds to nothing.
std::string Signed(double x, bool money) {
  const std::string text = Amount(x, money);
  const bool zero = text.find_first_not_of("-0.,") == std::string::npos;
  return (x > 0 && !zero ? "+" : "") + (zero ? Amount(0, money) : text);
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
                       PartyName(c, p.party), width, Amount(p.value, p.money), p.utility,
                       Amount(p.reservation_value, p.money), Amount(p.gain, p.money),
                       fmt::format("{:.0f}%", 100 * p.share),
                       p.predicted_gain ? Amount(*p.predicted_gain, p.money) : "-",
                       p.predicted_share ? fmt::format("{:.0f}%", 100 * *p.predicted_share) : "-",
                       p.captured_vs_predicted ? Signed(*p.captured_vs_predicted, p.money) : "-",
                       p.beats_batna ? "yes" : "no");
  }
  out << "  gain: value over the walk-away (BATNA less its costs); share: of the joint surplus, in "
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
    if (p.money) out << " (+" << Amount(left.value_gain[i], true) << ")";
    out << "\n";
  }
  out << "  joint gain: " << Amount(left.joint_utility, false) << " utility";
  if (left.joint_money) out << ", " << Amount(*left.joint_money, true) << " in money";
  out << "\n";
}

void PrintText(std::ostream& out, const Case& c, const plan::Review& r) {
  bool any_money = false;
  for (const plan::PartyReview& p : r.parties) any_money |= p.money;
  out << "Review: " << c.title << "\n";
  out << fmt::format("From the chair of {} ({}); {}utilities 0..1 on each party's scale\n",
                     PartyName(c, r.perspective), r.perspective,
                     any_money ? "money in " + (c.currency.empty() ? "money" : c.currency) + ", "
                               : "values are utilities, ");
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
                       PartyName(c, t.party), NameWidth(c), Amount(t.given, money),
                       Amount(t.received, money), t.entries, t.entries == 1 ? "y" : "ies",
                       t.one_way);
  }
  for (const plan::ConcessionReview& e : r.concessions.entries) {
    if (e.one_way) out << "  one-way: '" << e.item << "' by " << PartyName(c, e.giver) << "\n";
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

void AddReviewCommand(CLI::App& app, Io& io, Action& action) {
  auto opts = std::make_shared<ReviewCommandOptions>();
  auto* cmd = app.add_subcommand(
      "review", "After the negotiation: compare the real outcome with the prediction and frontier");
  cmd->add_option("CASE", opts->file, "A case file or a GENIUS/GeniusWeb scenario folder")
      ->required();
  cmd->add_option("--outcome", opts->outcome,
                  "The real outcome: issue=value,... giving every issue a value")
      ->delimiter(',')
      ->required();
  cmd->add_option("--as", opts->model.as,
                  "Review from this party's chair (role reversal); default: the `us` party");
  cmd->add_option("--today", opts->model.today,
                  "Analysis date YYYY-MM-DD for deadlines (default: the case's latest dated fact)");
  cmd->add_option("--seed", opts->model.seed, "Seed of the sampled uncertain inputs")
      ->default_val(1);
  cmd->add_option("--samples", opts->model.samples,
                  "Draws of the uncertain inputs (BATNA ranges), 0 to 1,000,000")
      ->default_val(10000);
  AddFormatOption(*cmd, io.format);
  cmd->footer(
      "Reviews a negotiation once it is over. For each party: its value and utility in the real\n"
      "outcome, its gain over its BATNA, its share of the surplus, the same in the predicted\n"
      "deal, and whether the outcome beats its BATNA. Then the value left on the table (the\n"
      "dominating frontier deal with the largest joint gain), whether the outcome kept every\n"
      "floor, the concession log, and the review questions of the method with what the case can\n"
      "answer. Definitions are in docs/plan.md (Review). Exit 3 when the outcome names an\n"
      "unknown issue or option, a number off the grid, or leaves an issue out.\n\n"
      "Examples:\n"
      "  parley review examples/sales-renewal.yaml \\\n"
      "    --outcome price=120000,term=1y,payment=net30,support=standard\n"
      "  parley review examples/sales-renewal.yaml --as acme --format json \\\n"
      "    --outcome price=105000,term=3y,payment=net60,support=premium");
  cmd->callback([&action, opts] {
    action = [opts](Io& io) {
      plan::OutcomeTerms terms;
      for (const std::string& item : opts->outcome) {
        const auto eq = item.find('=');
        if (eq == std::string::npos || eq == 0) {
          throw Error(ErrorCode::kUsage, "--outcome takes issue=value pairs, not '" + item + "'");
        }
        terms.emplace_back(item.substr(0, eq), item.substr(eq + 1));
      }
      power::ValidateOptions(opts->model);
      int code = kExitOk;
      const io::LoadResult result = LoadOrReport(io, opts->file, code);
      if (!result.Ok()) return code;
      const Case& c = *result.value;
      const plan::ParsedOutcome parsed = plan::TryParseOutcome(c, terms);
      for (const std::string& problem : parsed.problems) {
        io.err << "parley: error: --outcome: " << problem << '\n';
      }
      if (!parsed.outcome) return kExitInvalid;
      const power::PowerReport report = power::AnalysePower(c, opts->model);
      const plan::Review review = plan::ReviewOutcome(c, *parsed.outcome, report);
      if (io.format == OutputFormat::kJson) {
        PrintJson(io.out, ReviewJson(c, opts->file, review));
      } else {
        PrintText(io.out, c, review);
      }
      return kExitOk;
    };
  });
}

}  // namespace parley::cli
