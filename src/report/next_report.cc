#include "parley/report/next_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "internal/json_util.h"
#include "parley/core/text.h"
#include "parley/report/brief_json.h"
#include "parley/report/outcome_format.h"

namespace parley::report {

namespace {

using Json = nlohmann::ordered_json;
using internal::Num;

int Decimals(const Case& c, bool money) { return money ? text::MoneyDecimals(c) : 0; }

std::string Figure(const Case& c, double x, bool money) {
  return text::Amount(x, money, Decimals(c, money));
}

// A signed move of our value: "+3,000", "-1,000", "0".
std::string Signed(const Case& c, double x, bool money) {
  const std::string f = Figure(c, x, money);
  return x > 0 && f != "0" && f != "0.0000" ? "+" + f : f;
}

std::string OffersTable(const Case& c, const sim::NextMove& m) {
  // Columns as wide as the party names (up to kNameWidth, then cut), at least as the figures.
  static constexpr std::size_t kNameWidth = 32;
  auto width = [](const std::string& name, std::size_t least) {
    return std::clamp(name.size(), least, kNameWidth);
  };
  std::size_t by = 2;
  std::vector<std::size_t> columns;
  for (const std::string& p : m.parties) {
    by = std::max(by, width(PartyName(c, p), 2));
    columns.push_back(width(PartyName(c, p), 12));
  }
  std::string out = fmt::format("{:>3}  {:<10}  {:<{}}", "#", "Date", "By", by);
  for (std::size_t p = 0; p < m.parties.size(); ++p) {
    out += fmt::format("  {:>{}.{}}", PartyName(c, m.parties[p]), columns[p], columns[p]);
  }
  out += fmt::format("  {:<9}  {:>12}  {}\n", "ZOPA", "Toward us", "Package");
  for (const sim::ValuedOffer& v : m.offers) {
    out += fmt::format("{:>3}  {:<10}  {:<{}.{}}", v.index + 1, v.date.empty() ? "-" : v.date,
                       PartyName(c, v.by), by, by);
    for (std::size_t p = 0; p < m.parties.size(); ++p) {
      out +=
          fmt::format("  {:>{}}", Figure(c, v.value[p], StatesMoney(c, m.parties[p])), columns[p]);
    }
    const std::string toward =
        v.by == m.us || !v.our_change ? "" : Signed(c, *v.our_change, m.money);
    // An offer that breaks a floor is out of the ZOPA whatever it is worth: say why.
    out += fmt::format("  {:<9}  {:>12}  {}\n",
                       v.in_zopa         ? "yes"
                       : v.within_floors ? "no"
                                         : "no, floor",
                       toward, PackageText(c, v.outcome));
  }
  return out;
}

std::string PaceText(const Case& c, const sim::NextMove& m) {
  if (!m.pace) return "";
  const std::string them = PartyName(c, m.them);
  std::string out =
      fmt::format("Their pace: {} moved {} {} us per offer on average", them,
                  Figure(c, std::fabs(*m.pace), m.money), *m.pace < 0 ? "away from" : "toward");
  if (m.offers_to_go && m.next_value) {
    // Whole offers: a fraction of one is their next offer.
    const auto offers = static_cast<long>(std::ceil(*m.offers_to_go - 1e-9));
    out += offers <= 1
               ? fmt::format("; at that pace their next offer reaches the {} our next counter asks",
                             Figure(c, *m.next_value, m.money))
               : fmt::format("; at that pace {} more offers to reach the {} our next counter asks",
                             offers, Figure(c, *m.next_value, m.money));
    if (m.days_to_go && m.days_per_offer) {
      // In days at their rhythm, set against our deadline when we have one.
      const auto days = static_cast<long>(std::ceil(*m.days_to_go - 1e-9));
      out += fmt::format(" (about {} days at their rhythm of an offer every {} days", days,
                         text::Fixed(*m.days_per_offer, 1));
      if (m.days_to_deadline && *m.days_to_deadline >= 0) {
        out += days > *m.days_to_deadline
                   ? fmt::format(": after our deadline, {} days away", *m.days_to_deadline)
                   : fmt::format(", within the {} days to our deadline", *m.days_to_deadline);
      }
      out += ")";
    }
  }
  return out + ".\n";
}

std::string PrioritiesText(const Case& c, const sim::NextMove& m) {
  if (m.priorities.empty()) return "";
  std::string out =
      "What their offers reveal (frequency model: the weight their offers show, and the weight "
      "the case states for them):\n";
  for (const sim::RevealedPriority& p : m.priorities) {
    const Issue* issue = c.FindIssue(p.issue);
    out += fmt::format(
        "  {:<32.32} {:>5.2f}   case {:>5.2f}{}\n",
        issue != nullptr ? issue->DisplayName() : p.issue, p.revealed_weight, p.stated_weight,
        p.revealed_weight > p.stated_weight + 0.15 ? "   matters more than the case says"
        : p.revealed_weight + 0.15 < p.stated_weight
            ? (p.changed_every_offer
                   ? "   changed in every offer: conceding on it in steps, no sign it matters less"
                   : "   matters less than the case says")
            : "");
  }
  return out;
}

std::string MoveText(const Case& c, const sim::NextMove& m) {
  std::string out =
      fmt::format("Next move: {} (rule: {})\n", sim::NextActionName(m.action), m.rule);
  if (m.offer) {
    out += fmt::format("  Package: {}\n", PackageText(c, *m.offer));
    out +=
        fmt::format("  {}, {}\n", text::WorthTo(m.offer_value, "us", m.money, Decimals(c, m.money)),
                    text::WorthTo(m.offer_their_value, PartyName(c, m.them), StatesMoney(c, m.them),
                                  Decimals(c, StatesMoney(c, m.them))));
  }
  if (m.rule == "counter" && m.rest && !m.rest->steps.empty() &&
      !m.rest->steps.front().date.empty()) {
    out += fmt::format("  When: by {}, the re-paced plan's date for this step\n",
                       m.rest->steps.front().date);
  }
  if (!m.say.empty()) out += fmt::format("  Say: \"{}\"\n", m.say);
  out += fmt::format("  Why (for us only): {}\n", m.reason);
  out += fmt::format("  Our walk-away (never say it): {}; the plan's landing point: {}\n",
                     Figure(c, m.walk_away, m.money), Figure(c, m.target, m.money));
  if (!m.deadline.empty()) {
    const std::string when =
        !m.days_to_deadline ? "no date of the talks is known to count from"
        : *m.days_to_deadline < 0
            ? fmt::format("passed {} days before {}", -*m.days_to_deadline, m.today)
        : *m.days_to_deadline == 0 ? "today"
                                   : fmt::format("{} days after {}", *m.days_to_deadline, m.today);
    out += fmt::format("  Our deadline (never say it): {}, {}{}\n", m.deadline, when,
                       m.cost_per_week ? fmt::format("; delay costs us {} a week",
                                                     Figure(c, *m.cost_per_week, m.money))
                                       : "");
  }
  return out;
}

std::string RestText(const Case& floored, const sim::NextMove& m) {
  if (!m.rest || m.rest->steps.empty()) return "";
  std::string out = "The rest of the concession plan, re-paced from our position:\n";
  out += fmt::format("  {:>4}  {:<10}  {:>10}  {:>15}  {}\n", "Step", "When", "Size",
                     "Our value after", "We give, and what we ask in return");
  for (const plan::PlannedConcession& s : m.rest->steps) {
    std::string gives;
    for (const plan::TermChange& t : s.gives) {
      const Issue* issue = floored.FindIssue(t.issue);
      gives += (gives.empty() ? "" : "; ") + (issue ? issue->DisplayName() : t.issue) + " " +
               t.from + " to " + t.to;
    }
    out += fmt::format("  {:>4}  {:<10}  {:>10}  {:>15}  {}, {}\n", s.step,
                       s.date.empty() ? "-" : s.date, Figure(floored, s.size, m.money),
                       Figure(floored, s.our_value_after, m.money), gives, s.condition);
  }
  // Where the steps stop short of the landing point, and what to do below it.
  if (!m.rest->stop.empty()) out += m.rest->stop + "\n";
  return out;
}

}  // namespace

std::string RenderNextText(const Case& c, const Case& floored, const sim::NextMove& m) {
  std::string out = fmt::format("Where the talks stand: {} ({} chair)\n\n", c.title,
                                text::Possessive(PartyName(c, m.us)));
  if (m.offers.empty()) {
    out += "No offer is recorded yet (the case has no `rounds`).\n\n";
  } else {
    out +=
        "Offers so far (each party's value; ZOPA: every party gets at least its walk-away "
        "within every floor):\n";
    out += OffersTable(c, m) + "\n";
  }
  const std::string pace = PaceText(c, m), priorities = PrioritiesText(c, m);
  if (!pace.empty() || !priorities.empty()) out += pace + priorities + "\n";
  out += MoveText(c, m);
  const std::string rest = RestText(floored, m);
  if (!rest.empty()) out += "\n" + rest;
  return out;
}

Json NextJson(const Case& c, const Case& floored, const std::string& file, const sim::NextMove& m) {
  Json j;
  j["command"] = "next";
  j["file"] = file;
  j["us"] = m.us;
  j["them"] = m.them;
  j["action"] = sim::NextActionName(m.action);
  j["rule"] = m.rule;
  j["offer"] = m.offer ? OutcomeJson(c, *m.offer) : Json(nullptr);
  j["offer_value"] = m.offer
                         ? Json({{"us", Num(m.offer_value)}, {"them", Num(m.offer_their_value)}})
                         : Json(nullptr);
  j["say"] = m.say;
  j["reason"] = m.reason;
  j["walk_away"] = Num(m.walk_away);
  j["target"] = Num(m.target);
  j["next_value"] = Num(m.next_value);
  Json offers = Json::array();
  for (const sim::ValuedOffer& v : m.offers) {
    Json value = Json::object(), utility = Json::object();
    for (std::size_t p = 0; p < m.parties.size(); ++p) {
      value[m.parties[p]] = Num(v.value[p]);
      utility[m.parties[p]] = Num(v.utility[p]);
    }
    offers.push_back({{"index", v.index},
                      {"by", v.by},
                      {"date", v.date.empty() ? Json(nullptr) : Json(v.date)},
                      {"outcome", OutcomeJson(c, v.outcome)},
                      {"value", value},
                      {"utility", utility},
                      {"in_zopa", v.in_zopa},
                      {"within_floors", v.within_floors},
                      {"our_change", Num(v.our_change)},
                      {"own_change", Num(v.own_change)}});
  }
  j["offers"] = offers;
  j["pace"] = Num(m.pace);
  j["offers_to_go"] = Num(m.offers_to_go);
  j["days_per_offer"] = Num(m.days_per_offer);
  j["days_to_go"] = Num(m.days_to_go);
  j["today"] = m.today.empty() ? Json(nullptr) : Json(m.today);
  j["deadline"] =
      m.deadline.empty()
          ? Json(nullptr)
          : Json{{"date", m.deadline},
                 {"days_left", m.days_to_deadline ? Json(*m.days_to_deadline) : Json(nullptr)},
                 {"cost_per_week", Num(m.cost_per_week)}};
  Json priorities = Json::array();
  for (const sim::RevealedPriority& p : m.priorities) {
    priorities.push_back({{"issue", p.issue},
                          {"revealed_weight", Num(p.revealed_weight)},
                          {"stated_weight", Num(p.stated_weight)},
                          {"changed_every_offer", p.changed_every_offer}});
  }
  j["priorities"] = priorities;
  j["rest"] = m.rest ? ConcessionPlanJson(floored, *m.rest) : Json(nullptr);
  return j;
}

}  // namespace parley::report
