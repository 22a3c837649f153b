// Sections 5 to 9 of the interview: BATNAs, deadlines, evidence, the sources of power, floors.
#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "internal/answers.h"
#include "internal/interview_script.h"

namespace parley::io::internal {

namespace {

constexpr const char* kSourceMeanings[kPowerSourceCount] = {
    "time pressure, deadlines, alternatives, mandates from above",
    "how well the side knows the other's motives, needs and constraints",
    "facts at hand: research, benchmarks, reports",
    "rank, resources and authority behind the side",
    "confidence, composure, credibility, listening",
    "how thoroughly the side has prepared"};

}  // namespace

void Script::QueueBatna(std::size_t p) {
  const std::string whose = Whose(p);
  auto description = std::make_shared<std::string>();
  Ask({"parties", p, "batna", "description"}, AnswerKind::kText,
      {"What is " + whose + " BATNA", "in a few words; optional"},
      [description](const std::string& a) {
        *description = a;
        return Reason();
      });
  const std::string form =
      p == 0 ? "one amount in " + c_.currency + ", on the scale of the values above"
             : "one amount in " + c_.currency +
                   ", or 'low high' if unsure, on their scale: a price they pay is negative";
  Ask({"parties", p, "batna", "value"}, p == 0 ? AnswerKind::kNumber : AnswerKind::kNumbers,
      {"What " + whose + " BATNA is worth", form, "", Blank::kNeedsAnswer},
      [this, p, form, description](const std::string& a) {
        std::vector<double> amounts;
        Reason reason = ParseNumbers(a, form, amounts);
        if (!reason.empty()) return reason;
        if (amounts.size() != 1 && (p == 0 || amounts.size() != 2)) return "write " + form;
        return Apply({"parties", p, "batna"}, [&](Case& c) {
          Batna batna;
          batna.description = *description;
          if (amounts.size() == 1) {
            batna.value = amounts[0];
          } else {
            batna.range = std::make_pair(amounts[0], amounts[1]);
          }
          c.parties[p].batna = batna;
        });
      });
  AskCitations({"parties", p, "batna", "evidence"}, "Evidence for " + whose + " BATNA",
               whose + " BATNA",
               [p](Case& c) -> std::vector<std::string>& { return c.parties[p].batna->evidence; });
}

void Script::QueueDeadline(std::size_t p) {
  const std::string whose = Whose(p);
  Ask({"parties", p, "deadline", "date"}, AnswerKind::kDate,
      {"When is " + whose + " deadline", "YYYY-MM-DD; optional"},
      [this, p, whose](const std::string& a) {
        if (a.empty()) return Reason();
        Reason reason = Apply({"parties", p, "deadline", "date"}, [&](Case& c) {
          Deadline deadline;
          deadline.date = a;
          c.parties[p].deadline = deadline;
        });
        if (!reason.empty()) return reason;
        Ask({"parties", p, "deadline", "cost_per_week"}, AnswerKind::kNumber,
            {"What each week of delay costs " + (p == 0 ? std::string("us") : Who(p)),
             c_.currency + "; optional"},
            [this, p](const std::string& cost_text) {
              if (cost_text.empty()) return Reason();
              const std::optional<double> cost = ParseNumber(cost_text);
              if (!cost) return NotANumber(cost_text, "an amount such as 2000");
              return Apply({"parties", p, "deadline", "cost_per_week"},
                           [&](Case& c) { c.parties[p].deadline->cost_per_week = *cost; });
            });
        AskCitations({"parties", p, "deadline", "evidence"}, "Evidence for " + whose + " deadline",
                     whose + " deadline", [p](Case& c) -> std::vector<std::string>& {
                       return c.parties[p].deadline->evidence;
                     });
        return Reason();
      });
}

// Evidence cited before the evidence step: each id must be one a new piece of evidence could
// take; the evidence step then asks to describe it.
void Script::AskCitations(const CasePath& id, const std::string& label, const std::string& claim,
                          std::function<std::vector<std::string>&(Case&)> refs) {
  Ask(id, AnswerKind::kIds, {label, "evidence ids, comma-separated, described in step 7; optional"},
      [this, claim, refs = std::move(refs)](const std::string& a) {
        const std::vector<std::string> ids = ParseIds(a);
        if (Reason reason = TooMany(ids.size(), kMaxListItems, "evidence ids"); !reason.empty()) {
          return reason;
        }
        for (const std::string& cited : ids) {
          Case trial = c_;
          Evidence evidence;
          evidence.id = cited;
          evidence.claim = claim;
          trial.evidence.push_back(evidence);
          Reason reason = ProblemAt(trial, {"evidence", trial.evidence.size() - 1, "id"});
          if (!reason.empty()) return reason;
        }
        refs(c_) = ids;
        for (const std::string& cited : ids) {
          const bool known = std::any_of(cited_.begin(), cited_.end(),
                                         [&](const Citation& cite) { return cite.id == cited; });
          if (!known) cited_.push_back({cited, claim});
        }
        return Reason();
      });
}

void Script::QueueEvidence() {
  Section("7. The evidence pack: the facts behind your claims (a blank id ends the list)");
  for (const Citation& cite : cited_) {
    Then([this, cite] {
      Note("Evidence '" + cite.id + "', cited for " + cite.claim + ":");
      Evidence evidence;
      evidence.id = cite.id;
      c_.evidence.push_back(evidence);
      QueueEvidenceDetails(c_.evidence.size() - 1);
    });
  }
  Then([this] { QueueEvidenceId(); });
}

void Script::QueueEvidenceId() {
  const std::size_t k = c_.evidence.size();
  Ask({"evidence", k, "id"}, AnswerKind::kId,
      {"Evidence id", "e.g. benchmark-2026; blank when done"}, [this, k](const std::string& a) {
        if (a.empty()) return Reason();
        Reason reason = Apply({"evidence", k, "id"}, [&](Case& c) {
          Evidence evidence;
          evidence.id = a;
          c.evidence.push_back(evidence);
        });
        if (!reason.empty()) return reason;
        QueueEvidenceDetails(k);
        Then([this] { QueueEvidenceId(); });
        return Reason();
      });
}

void Script::QueueEvidenceDetails(std::size_t k) {
  const std::string id = c_.evidence[k].id;
  AskChoice({"evidence", k, "kind"}, {"Kind of " + id, JoinChoices(EvidenceKindNames()), "other"},
            EvidenceKindNames(), "a kind of evidence",
            [this, k](int kind) { c_.evidence[k].kind = static_cast<EvidenceKind>(kind); });
  Ask({"evidence", k, "claim"}, AnswerKind::kText,
      {"What " + id + " establishes", "one sentence", "", Blank::kRefused},
      [this, k](const std::string& a) {
        return Apply({"evidence", k, "claim"}, [&](Case& c) { c.evidence[k].claim = a; });
      });
  Ask({"evidence", k, "source"}, AnswerKind::kText,
      {"Where " + id + " comes from", "a document, survey or person, with a date; optional"},
      [this, k](const std::string& a) {
        c_.evidence[k].source = a;
        return Reason();
      });
}

void Script::QueuePower() {
  Section("8. The six sources of power, scored 0 (none) to 5 (strong); blank leaves one unscored");
  for (int s = 0; s < kPowerSourceCount; ++s) {
    Note(PowerSourceNames()[s] + ": " + kSourceMeanings[s]);
  }
  for (std::size_t p = 0; p < 2; ++p) {
    for (int s = 0; s < kPowerSourceCount; ++s) Then([this, p, s] { QueuePowerSource(p, s); });
  }
  Then([this] {
    Ask({"parties", std::size_t{0}, "perceived_power"}, AnswerKind::kNumber,
        {"How strong do we feel, overall", "0-5; optional"}, [this](const std::string& a) {
          if (a.empty()) return Reason();
          const std::optional<double> felt = ParseNumber(a);
          if (!felt) return NotANumber(a, "a score from 0 to 5");
          return Apply({"parties", std::size_t{0}, "perceived_power"},
                       [&](Case& c) { c.parties[0].perceived_power = *felt; });
        });
  });
}

void Script::QueuePowerSource(std::size_t p, int s) {
  const std::string source = PowerSourceNames()[s];
  Ask({"parties", p, "power", source, "score"}, AnswerKind::kNumber,
      {Who(p) + ", " + source, "0-5; optional"}, [this, p, s, source](const std::string& a) {
        if (a.empty()) return Reason();
        const std::optional<double> score = ParseNumber(a);
        if (!score) return NotANumber(a, "a score from 0 to 5");
        Reason reason = Apply({"parties", p, "power", source, "score"}, [&](Case& c) {
          PowerScore power;
          power.score = *score;
          c.parties[p].power[s] = power;
        });
        if (!reason.empty()) return reason;
        Ask({"parties", p, "power", source, "evidence"}, AnswerKind::kIds,
            {"Evidence for " + Whose(p) + " " + source + " score",
             "evidence ids, comma-separated; optional"},
            [this, p, s, source](const std::string& a) {
              std::vector<std::string> ids = ParseIds(a);
              Reason reason = TooMany(ids.size(), kMaxListItems, "evidence ids");
              if (!reason.empty()) return reason;
              return Apply({"parties", p, "power", source, "evidence"},
                           [&](Case& c) { c.parties[p].power[s]->evidence = std::move(ids); });
            });
        return Reason();
      });
}

void Script::QueueFloor(std::size_t k) {
  const Issue issue = c_.issues[k];
  if (issue.kind != IssueKind::kNumber) return;
  const std::string us = c_.parties[0].id;
  // Where more is better for us the limit is a minimum, else a maximum.
  double slope = 0;
  for (const IssueTerm& term : c_.values[0].terms) {
    if (term.issue == issue.id) slope = std::get<LinearValue>(term.evaluator).slope;
  }
  const bool minimum = slope >= 0;
  Ask({"floors", us, issue.id}, AnswerKind::kNumber,
      {std::string(minimum ? "Lowest " : "Highest ") + issue.DisplayName() + " we accept",
       "a number; optional"},
      [this, us, minimum, id = issue.id](const std::string& a) {
        if (a.empty()) return Reason();
        const std::optional<double> limit = ParseNumber(a);
        if (!limit) return NotANumber(a, "a number such as 110000");
        Reason reason = Apply({"floors", us, id}, [&](Case& c) {
          Floor floor;
          floor.party = us;
          floor.issue = id;
          (minimum ? floor.min : floor.max) = *limit;
          c.floors.push_back(floor);
        });
        if (!reason.empty()) return reason;
        const std::size_t f = c_.floors.size() - 1;
        Ask({"floors", us, id, "evidence"}, AnswerKind::kIds,
            {"Evidence for our floor on " + id, "evidence ids, comma-separated; optional"},
            [this, us, id, f](const std::string& a) {
              std::vector<std::string> ids = ParseIds(a);
              Reason reason = TooMany(ids.size(), kMaxListItems, "evidence ids");
              if (!reason.empty()) return reason;
              return Apply({"floors", us, id, "evidence"},
                           [&](Case& c) { c.floors[f].evidence = std::move(ids); });
            });
        return Reason();
      });
}

}  // namespace parley::io::internal
