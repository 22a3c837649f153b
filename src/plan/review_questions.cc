#include "internal/review_questions.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "internal/grid.h"
#include "parley/core/evidence_coverage.h"
#include "parley/core/package.h"
#include "parley/core/text.h"

namespace parley::plan::internal {
namespace {

using text::Amount;
using text::JoinAnd;
using text::Percent;

constexpr const char* kUnknown = "unknown \u2014 answer after the meeting";

std::string PackageText(const Case& c, const Outcome& o) {
  std::string out;
  for (const auto& [issue, value] : OutcomeToPackage(c, o)) {
    out += (out.empty() ? "" : ", ") + issue + "=" + FormatIssueValue(value);
  }
  return out;
}

// "evidence: a (claim), b (claim)" or "no evidence: treat as unverified".
std::string EvidenceText(const Case& c, const std::vector<std::string>& ids) {
  if (ids.empty()) return "no evidence: treat as unverified";
  std::string out;
  for (const std::string& id : ids) {
    const Evidence* e = c.FindEvidence(id);
    out += (out.empty() ? "evidence: " : "; ") + id + (e ? " (" + e->claim + ")" : "");
  }
  return out;
}

// "16,000 less than predicted", "as predicted", ...
std::string VersusPrediction(double difference, bool money) {
  const double shown = money ? std::round(difference) : std::round(difference * 1e4) / 1e4;
  if (shown == 0) return "as predicted";
  return Amount(std::fabs(difference), money) + (difference > 0 ? " more" : " less") +
         " than predicted";
}

const PartyReview* Find(const Review& r, const std::string& party) {
  for (const PartyReview& p : r.parties) {
    if (p.party == party) return &p;
  }
  return nullptr;
}

ReviewQuestion PowerAndTrust(const Case& c, const Review& r, const power::PowerReport& report) {
  ReviewQuestion q{"power-trust", "Where did power help, and where did it hurt trust?", {}, {}};
  std::vector<std::string> balance;
  for (std::size_t p = 0; p < report.sources.parties.size(); ++p) {
    balance.push_back(PartyName(c, report.sources.parties[p]) + " " +
                      Percent(report.sources.balance[p]));
  }
  q.answer.push_back("Six-source balance of power: " + JoinAnd(balance) + ".");
  const PartyReview* me = Find(r, r.perspective);
  if (me != nullptr && me->predicted_share) {
    const double diff = me->share - *me->predicted_share;
    std::string line =
        PartyName(c, me->party) + " captured " + Percent(me->share) + " of the surplus against " +
        Percent(*me->predicted_share) + " predicted: " +
        (std::fabs(diff) < 0.005 ? "its power converted into the share the model expected."
         : diff > 0 ? "its power converted into a larger share than the model expected."
                    : "its power converted into a smaller share than the model expected.");
    // A share and a gain can move apart: the surplus itself shrinks when value is left on the
    // table, and grows when the deal is better for both than the prediction.
    if (me->predicted_gain) {
      const double eps = 1e-9 * std::max(1.0, std::fabs(*me->predicted_gain));
      if (diff >= 0.005 && me->gain < *me->predicted_gain - eps) {
        line +=
            " The surplus was smaller than predicted, so its gain fell short of the "
            "prediction all the same.";
      } else if (diff <= -0.005 && me->gain > *me->predicted_gain + eps) {
        line +=
            " The surplus was larger than predicted, so its gain beat the prediction all "
            "the same.";
      }
    }
    q.answer.push_back(line);
  }
  std::vector<std::string> bluffs;
  for (const Claim& claim : report.sources.unsupported) {
    bluffs.push_back(text::Possessive(PartyName(c, claim.party)) + " " + claim.subject);
  }
  if (!bluffs.empty()) {
    q.answer.push_back(
        "Claims with no evidence, which cost trust when leaned on and then tested: " +
        JoinAnd(bluffs) + ".");
  }
  if (c.relationship == Relationship::kRepeated) {
    q.answer.push_back(
        "The relationship is repeated: what was pressed hard this time is remembered next time.");
  }
  if (c.culture == Culture::kIndirect) {
    q.answer.push_back(
        "The culture is indirect: pressure that costs the other side face costs more than it "
        "wins.");
  }
  q.after_meeting =
      std::string(kUnknown) + ": which moves the other side respected and which it resented";
  return q;
}

ReviewQuestion Standards(const Case& c, const Review& r) {
  ReviewQuestion q{"standards", "Which standards persuaded?", {}, {}};
  for (const Evidence& e : c.evidence) {
    if (e.kind != EvidenceKind::kBenchmark && e.kind != EvidenceKind::kCost &&
        e.kind != EvidenceKind::kLegal && e.kind != EvidenceKind::kPrecedent) {
      continue;
    }
    std::string source = e.source;
    if (!e.date.empty()) source += (source.empty() ? "" : ", ") + e.date;
    q.answer.push_back(e.id + " (" + EvidenceKindName(e.kind) + "): " + e.claim +
                       (source.empty() ? "" : " [" + source + "]"));
  }
  if (q.answer.empty()) {
    q.after_meeting = std::string(kUnknown) +
                      ": the case holds no benchmark, cost, legal or precedent evidence to check";
    return q;
  }
  q.answer.push_back("Check each against the outcome: " + PackageText(c, r.outcome) + ".");
  q.after_meeting =
      std::string(kUnknown) + ": which of these the other side accepted and which it disputed";
  return q;
}

ReviewQuestion Deadlines(const Case& c, const power::PowerReport& report) {
  ReviewQuestion q{"deadlines", "Were the deadlines real?", {}, {}};
  for (const Party& p : c.parties) {
    for (const ImposedDate& d : p.sets) {
      q.answer.push_back(p.DisplayName() + " set " + d.date + " for " + PartyName(c, d.for_party) +
                         (d.reason.empty() ? "" : " (" + d.reason + ")") + "; " +
                         EvidenceText(c, d.evidence) + ".");
    }
    if (p.deadline && p.deadline->none && !p.deadline->cost_per_week && !p.deadline->discount) {
      q.answer.push_back(p.DisplayName() + " has no time pressure (deadline: none).");
      continue;
    }
    if (!p.deadline ||
        (p.deadline->date.empty() && !p.deadline->cost_per_week && !p.deadline->discount)) {
      q.answer.push_back(p.DisplayName() + " states no deadline: it is unknown.");
      continue;
    }
    const Deadline& d = *p.deadline;
    std::vector<std::string> parts;
    if (d.none) parts.push_back("no date");
    if (!d.date.empty()) {
      std::string date = d.date;
      const power::PartyLeverage* l = report.leverage ? report.leverage->Find(p.id) : nullptr;
      if (l != nullptr && l->weeks_to_deadline) {
        const double weeks = *l->weeks_to_deadline;
        date += " (" + text::Fixed(std::fabs(weeks), 1) + " weeks " +
                (weeks >= 0 ? "after" : "before") + " the analysis date " + report.leverage->today +
                ")";
      }
      parts.push_back(date);
    }
    if (d.cost_per_week) parts.push_back(Amount(*d.cost_per_week, true) + " a week of delay");
    if (d.discount) parts.push_back("discount factor " + FormatNumber(*d.discount));
    std::string line = p.DisplayName() + ": ";
    for (std::size_t k = 0; k < parts.size(); ++k) line += (k ? ", " : "") + parts[k];
    q.answer.push_back(line + "; " + EvidenceText(c, d.evidence) + ".");
  }
  q.after_meeting =
      std::string(kUnknown) + ": whether each deadline and each date set held when it was tested";
  return q;
}

ReviewQuestion Surplus(const Case& c, const Review& r) {
  ReviewQuestion q{"surplus", "How much surplus was captured versus predicted?", {}, {}};
  for (const PartyReview& p : r.parties) {
    std::string line = PartyName(c, p.party) + ": " + Amount(p.gain, p.money) +
                       " over its walk-away of " + Amount(p.reservation_value, p.money) + ", " +
                       Percent(p.share) + " of the surplus";
    if (p.predicted_gain) {
      line += "; predicted " + Amount(*p.predicted_gain, p.money) + " and " +
              Percent(*p.predicted_share) + ": " +
              VersusPrediction(*p.captured_vs_predicted, p.money) + ".";
    } else {
      line += "; no deal was predicted.";
    }
    q.answer.push_back(line);
  }
  const LeftOnTable& left = r.left_on_table;
  if (left.efficient) {
    q.answer.push_back(
        "Nothing was left on the table: no deal within the floors that held is better for one "
        "side and no worse for the other.");
    return q;
  }
  std::vector<std::string> gains;
  for (std::size_t i = 0; i < r.parties.size(); ++i) {
    gains.push_back(PartyName(c, r.parties[i].party) + " " +
                    Amount(left.value_gain[i], r.parties[i].money));
  }
  const std::string joint = left.joint_money ? Amount(*left.joint_money, true)
                                             : Amount(left.joint_utility, false) + " of utility";
  q.answer.push_back("Left on the table: " + joint + " jointly (" + JoinAnd(gains) + ") at " +
                     PackageText(c, *left.package) + ".");
  return q;
}

ReviewQuestion Concessions(const Case& c, const Review& r) {
  ReviewQuestion q{"concessions", "Concessions given versus received?", {}, {}};
  if (r.concessions.entries.empty()) {
    q.after_meeting = std::string(kUnknown) + ": the case logs no concessions";
    return q;
  }
  for (const ConcessionTotals& t : r.concessions.totals) {
    const bool money = StatesMoney(c, t.party);
    std::vector<std::string> one_way;
    for (const ConcessionReview& e : r.concessions.entries) {
      if (e.giver == t.party && e.one_way) one_way.push_back("'" + e.item + "'");
    }
    q.answer.push_back(PartyName(c, t.party) + " gave " + Amount(t.given, money) +
                       " and received " + Amount(t.received, money) + " over " +
                       std::to_string(t.entries) + (t.entries == 1 ? " entry" : " entries") +
                       (one_way.empty()
                            ? "; none one-way."
                            : "; one-way (nothing asked in return): " + JoinAnd(one_way) + "."));
  }
  q.after_meeting =
      std::string(kUnknown) + ": any concession made at the table that the log does not hold yet";
  return q;
}

ReviewQuestion Floors(const Case& c, const Review& r) {
  ReviewQuestion q{"floors", "Red-teaming the floors: did they hold, and were they real?", {}, {}};
  for (const FloorCheck& f : r.floors) {
    q.answer.push_back(text::Possessive(PartyName(c, f.party)) + " floor on " + f.issue + " (" +
                       f.limit + "): " + (f.respected ? "held at " : "crossed at ") + f.value +
                       "; " + EvidenceText(c, f.evidence) + ".");
  }
  if (q.answer.empty()) q.answer.push_back("The case sets no floors.");
  q.after_meeting = std::string(kUnknown) +
                    ": which floors were tested, and whether we would really have walked away at "
                    "them";
  return q;
}

ReviewQuestion RoleReversal(const Case& c, const Review& r) {
  ReviewQuestion q{"role-reversal",
                   "Role reversal: how does the outcome look from the other side's chair?",
                   {},
                   {}};
  for (const PartyReview& p : r.parties) {
    if (p.party == r.perspective) continue;
    std::string line =
        PartyName(c, p.party) + ": value " + Amount(p.value, p.money) + ", " +
        Amount(std::fabs(p.gain), p.money) + (p.gain >= 0 ? " better" : " worse") +
        " than its walk-away of " + Amount(p.reservation_value, p.money) +
        (p.beats_batna ? " (it beats its BATNA)" : " (below its BATNA)") + "; " + Percent(p.share) +
        " of the surplus" +
        (p.predicted_share ? ", " + Percent(*p.predicted_share) + " predicted" : "") + ".";
    const auto [lo, hi] = p.reservation_range;
    if (hi > lo) {
      const std::string range = Amount(lo, p.money) + " to " + Amount(hi, p.money);
      line += p.value >= hi   ? " It beats its BATNA across the whole range (" + range + ")."
              : p.value >= lo ? " It beats its BATNA only when that is below " +
                                    Amount(p.value, p.money) + ", within its range (" + range + ")."
                              : " It is below its BATNA across the whole range (" + range + ").";
    }
    q.answer.push_back(line);
  }
  q.after_meeting = std::string(kUnknown) +
                    ": what the other side would do differently next time, and what it learned "
                    "about us";
  return q;
}

}  // namespace

std::vector<ReviewQuestion> ReviewQuestions(const Case& c, const Review& r,
                                            const power::PowerReport& report) {
  return {PowerAndTrust(c, r, report), Standards(c, r), Deadlines(c, report), Surplus(c, r),
          Concessions(c, r),           Floors(c, r),    RoleReversal(c, r)};
}

}  // namespace parley::plan::internal
