#include "new_interview.h"

#include <algorithm>
#include <functional>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "new_answers.h"
#include "parley/core/case_check.h"
#include "parley/core/error.h"

namespace parley::cli {

namespace {

/// Why an answer was refused, in one line; empty when it was accepted.
using Reason = std::string;

bool StartsWith(const CasePath& path, const CasePath& prefix) {
  return path.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), path.begin());
}

/// The first problem CheckCase finds in `c` at or under `where`, as a reason.
Reason ProblemAt(const Case& c, const CasePath& where) {
  for (const CaseProblem& problem : CheckCase(c)) {
    if (problem.warning || !StartsWith(problem.path, where)) continue;
    return problem.message + (problem.hint.empty() ? "" : " (" + problem.hint + ")");
  }
  return {};
}

/// One question: what it is about, the form of answer it expects, its default.
struct Question {
  Question(std::string label_in, std::string form_in, std::string fallback_in = "",
           bool required_in = false)
      : label(std::move(label_in)),
        form(std::move(form_in)),
        fallback(std::move(fallback_in)),
        required(required_in) {}

  std::string label;     ///< names the question, also when the input ends before it
  std::string form;      ///< the form of answer expected, shown in parentheses
  std::string fallback;  ///< what a blank answer means, shown in brackets; empty: no default
  bool required;         ///< a blank answer with no default is refused
};

/// Evidence cited before the evidence step, to be described there.
struct Citation {
  std::string id;
  std::string claim;  ///< what cites it: "our BATNA", "Acme's deadline"
};

constexpr const char* kSourceMeanings[kPowerSourceCount] = {
    "time pressure, deadlines, alternatives, mandates from above",
    "how well the side knows the other's motives, needs and constraints",
    "facts at hand: research, benchmarks, reports",
    "rank, resources and authority behind the side",
    "confidence, composure, credibility, listening",
    "how thoroughly the side has prepared"};

class Interview {
 public:
  explicit Interview(InterviewStreams streams)
      : in_(streams.in), out_(streams.prompts), echo_(streams.echo) {}

  Case Run() {
    out_ << "A new case. Answer each question and press Enter; a blank answer takes the default "
            "in [brackets]\nor skips a question marked optional.\n";
    AskDeal();
    AskParties();
    AskIssues();
    AskValues();
    AskBatnas();
    AskDeadlines();
    AskEvidence();
    AskPower();
    AskFloors();
    if (ended_) out_ << "\nThe input ended; the remaining questions took their defaults.\n";
    return std::move(c_);
  }

 private:
  /// Asks `q` until `accept` takes the answer (the trimmed line, or the default when blank):
  /// `accept` returns an empty reason, or why it refused the answer. Throws Error(kUsage) when
  /// the input ends and the question cannot go without an answer.
  void Ask(const Question& q, const std::function<Reason(const std::string&)>& accept) {
    while (true) {
      out_ << "  " << q.label;
      if (!q.form.empty()) out_ << " (" << q.form << ")";
      if (!q.fallback.empty()) out_ << " [" << q.fallback << "]";
      out_ << ": " << std::flush;
      std::string line;
      if (!ended_ && std::getline(in_, line)) {
        if (echo_) out_ << TrimAnswer(line) << '\n';
      } else {
        ended_ = true;
        out_ << '\n';
      }
      std::string answer = TrimAnswer(line);
      if (answer.empty()) answer = q.fallback;
      const bool missing = answer.empty() && q.required;
      const Reason reason = missing ? "this question needs an answer" : accept(answer);
      if (reason.empty()) return;
      if (ended_) {
        throw Error(ErrorCode::kUsage, "the input ended before the question '" + q.label +
                                           "' was answered" + (missing ? "" : " (" + reason + ")") +
                                           "; nothing was written");
      }
      out_ << "  " << reason << '\n';
    }
  }

  /// Applies `edit` to a copy of the draft and keeps it when CheckCase finds no problem at or
  /// under `where`; otherwise leaves the draft as it was and returns the problem. The draft is
  /// replaced, so callers hold indices into it, never references.
  Reason Apply(const CasePath& where, const std::function<void(Case&)>& edit) {
    Case next = c_;
    edit(next);
    Reason reason = ProblemAt(next, where);
    if (reason.empty()) c_ = std::move(next);
    return reason;
  }

  void Section(const std::string& title) { out_ << '\n' << title << '\n'; }

  /// "CloudCo (us)".
  std::string Who(std::size_t p) const {
    return c_.parties[p].DisplayName() + (p == 0 ? " (us)" : " (them)");
  }
  /// "our", "Acme's".
  std::string Whose(std::size_t p) const {
    return p == 0 ? "our" : c_.parties[p].DisplayName() + "'s";
  }

  /// An optional choice among `names`; `set` gets the index of the one chosen.
  void AskChoice(const Question& q, const std::vector<std::string>& names, const std::string& what,
                 const std::function<void(int)>& set) {
    Ask(q, [&](const std::string& a) {
      if (a.empty()) return Reason();
      int index = 0;
      Reason reason = ChooseName(a, names, what, index);
      if (reason.empty()) set(index);
      return reason;
    });
  }

  void AskDeal() {
    Section("1. What the deal is about");
    Ask({"Title", "a short name for the negotiation"},
        [&](const std::string& a) { return Apply({"title"}, [&](Case& c) { c.title = a; }); });
    AskChoice({"Context", JoinChoices(ContextNames()) + "; optional"}, ContextNames(), "a context",
              [&](int k) { c_.context = static_cast<Context>(k); });
    AskChoice({"Relationship", "one-off, or repeated if you will deal again; optional"},
              RelationshipNames(), "a relationship",
              [&](int k) { c_.relationship = static_cast<Relationship>(k); });
    AskChoice({"Culture", "direct, or indirect where saving face matters; optional"},
              CultureNames(), "a culture", [&](int k) { c_.culture = static_cast<Culture>(k); });
    Ask({"Currency", "the unit of every amount, e.g. USD or EUR", "USD"},
        [&](const std::string& a) {
          c_.currency = a;
          return Reason();
        });
  }

  void AskParties() {
    Section("2. The parties");
    for (std::size_t p = 0; p < 2; ++p) {
      Party party;
      party.side = p == 0 ? Side::kUs : Side::kThem;
      c_.parties.push_back(party);
      const std::string who = p == 0 ? "Our" : "Their";
      Ask({who + " name", p == 0 ? "your company, team or yourself" : "the other side", "", true},
          [&](const std::string& a) {
            c_.parties[p].name = a;
            return Reason();
          });
      Ask({who + " id", "lowercase letters, digits, '-' and '_'", SuggestId(c_.parties[p].name),
           true},
          [&](const std::string& a) {
            return Apply({"parties", p, "id"}, [&](Case& c) { c.parties[p].id = a; });
          });
    }
  }

  void AskIssues() {
    Section("3. The issues on the table, one at a time (a blank id ends the list)");
    while (true) {
      const std::size_t i = c_.issues.size();
      const std::string n = std::to_string(i + 1);
      bool done = false;
      Ask({"Issue " + n + " id", "e.g. price or term; blank when done"}, [&](const std::string& a) {
        if (a.empty()) {
          Reason reason = ProblemAt(c_, {"issues"});  // at least one issue
          done = reason.empty();
          return reason;
        }
        return Apply({"issues", i, "id"}, [&](Case& c) {
          Issue issue;
          issue.id = a;
          c.issues.push_back(issue);
        });
      });
      if (done) return;
      const std::string id = c_.issues[i].id;
      Ask({"Name of " + id, "as shown in reports; optional"}, [&](const std::string& a) {
        c_.issues[i].name = a;
        return Reason();
      });
      Ask({"Kind of " + id, "number for an amount, a count or days; options for a list of choices",
           "", true},
          [&](const std::string& a) {
            int kind = 0;
            Reason reason = ChooseName(a, {"number", "options"}, "a kind of issue", kind);
            if (reason.empty())
              c_.issues[i].kind = kind == 0 ? IssueKind::kNumber : IssueKind::kOptions;
            return reason;
          });
      if (c_.issues[i].kind == IssueKind::kNumber) {
        AskRange(i);
      } else {
        Ask({"Options of " + id, "comma-separated, e.g. 1y, 2y, 3y", "", true},
            [&](const std::string& a) {
              return Apply({"issues", i, "options"},
                           [&](Case& c) { c.issues[i].options = SplitAnswer(a, ","); });
            });
      }
    }
  }

  void AskRange(std::size_t i) {
    const std::string id = c_.issues[i].id;
    Ask({"Range of " + id, "the lowest and highest values, e.g. 90000 150000", "", true},
        [&](const std::string& a) {
          std::vector<double> ends;
          const std::string expected = "two numbers, the lowest and the highest, e.g. 90000 150000";
          Reason reason = ParseNumbers(a, expected, ends);
          if (!reason.empty()) return reason;
          if (ends.size() != 2) return "write " + expected;
          return Apply({"issues", i, "range"}, [&](Case& c) {
            c.issues[i].lo = ends[0];
            c.issues[i].hi = ends[1];
          });
        });
    Ask({"Step of " + id, "the gap between two values worth considering", "1"},
        [&](const std::string& a) {
          const std::optional<double> step = ParseNumber(a);
          if (!step) return NotANumber(a, "a number above 0, e.g. 1000");
          return Apply({"issues", i, "step"}, [&](Case& c) { c.issues[i].step = *step; });
        });
  }

  void AskValues() {
    Section("4. What each issue is worth to each side, in " + c_.currency);
    out_ << "  For a number issue, the value of one unit more: 1 if it is worth one more "
         << c_.currency
         << ",\n  -1 if it costs one (a price: 1 for the seller, -1 for the buyer).\n"
         << "  For an options issue, a value per option; 0 is neutral.\n";
    for (std::size_t p = 0; p < 2; ++p) {
      Preferences prefs;
      prefs.party = c_.parties[p].id;
      c_.values.push_back(prefs);
    }
    for (std::size_t k = 0; k < c_.issues.size(); ++k) {
      const Issue issue = c_.issues[k];  // a copy: Apply replaces the draft
      for (std::size_t p = 0; p < 2; ++p) {
        const std::string party = c_.parties[p].id;
        if (issue.kind == IssueKind::kNumber) {
          Ask({issue.DisplayName() + " to " + c_.parties[p].DisplayName(),
               c_.currency + " per unit", "0"},
              [&](const std::string& a) {
                const std::optional<double> slope = ParseNumber(a);
                if (!slope) return NotANumber(a, "a value per unit such as 1 or -1");
                return Apply({"values", party, issue.id}, [&](Case& c) {
                  c.values[p].terms.push_back({issue.id, 1, LinearValue{*slope}});
                });
              });
          continue;
        }
        c_.values[p].terms.push_back({issue.id, 1, TableValue{}});
        const std::size_t t = c_.values[p].terms.size() - 1;
        for (const std::string& option : issue.options) {
          Ask({issue.DisplayName() + " = " + option + " to " + c_.parties[p].DisplayName(),
               c_.currency, "0"},
              [&](const std::string& a) {
                const std::optional<double> value = ParseNumber(a);
                if (!value) return NotANumber(a, "an amount such as 15000 or -2000");
                return Apply({"values", party, issue.id, option}, [&](Case& c) {
                  std::get<TableValue>(c.values[p].terms[t].evaluator)
                      .entries.emplace_back(option, *value);
                });
              });
        }
      }
    }
  }

  void AskBatnas() {
    Section("5. Walking away: what each side does without a deal (its BATNA)");
    for (std::size_t p = 0; p < 2; ++p) {
      const std::string whose = Whose(p);
      std::string description;
      Ask({"What is " + whose + " BATNA", "in a few words; optional"}, [&](const std::string& a) {
        description = a;
        return Reason();
      });
      const std::string form =
          p == 0 ? "one amount in " + c_.currency + ", on the scale of the values above"
                 : "one amount in " + c_.currency +
                       ", or 'low high' if unsure, on their scale: a price they pay is negative";
      Ask({"What " + whose + " BATNA is worth", form, "", true}, [&](const std::string& a) {
        std::vector<double> amounts;
        Reason reason = ParseNumbers(a, form, amounts);
        if (!reason.empty()) return reason;
        if (amounts.size() != 1 && (p == 0 || amounts.size() != 2)) return "write " + form;
        return Apply({"parties", p, "batna"}, [&](Case& c) {
          Batna batna;
          batna.description = description;
          if (amounts.size() == 1) {
            batna.value = amounts[0];
          } else {
            batna.range = std::make_pair(amounts[0], amounts[1]);
          }
          c.parties[p].batna = batna;
        });
      });
      AskCitations(
          "Evidence for " + whose + " BATNA", whose + " BATNA",
          [p](Case& c) -> std::vector<std::string>& { return c.parties[p].batna->evidence; });
    }
  }

  void AskDeadlines() {
    Section("6. Deadlines (optional: a blank date skips)");
    for (std::size_t p = 0; p < 2; ++p) {
      const std::string whose = Whose(p);
      bool dated = false;
      Ask({"When is " + whose + " deadline", "YYYY-MM-DD; optional"}, [&](const std::string& a) {
        if (a.empty()) return Reason();
        Reason reason = Apply({"parties", p, "deadline", "date"}, [&](Case& c) {
          Deadline deadline;
          deadline.date = a;
          c.parties[p].deadline = deadline;
        });
        dated = reason.empty();
        return reason;
      });
      if (!dated) continue;
      Ask({"What each week of delay costs " + (p == 0 ? std::string("us") : Who(p)),
           c_.currency + "; optional"},
          [&](const std::string& a) {
            if (a.empty()) return Reason();
            const std::optional<double> cost = ParseNumber(a);
            if (!cost) return NotANumber(a, "an amount such as 2000");
            return Apply({"parties", p, "deadline", "cost_per_week"},
                         [&](Case& c) { c.parties[p].deadline->cost_per_week = *cost; });
          });
      AskCitations(
          "Evidence for " + whose + " deadline", whose + " deadline",
          [p](Case& c) -> std::vector<std::string>& { return c.parties[p].deadline->evidence; });
    }
  }

  /// Asks for evidence ids cited before the evidence step: each must be an id that a new piece
  /// of evidence could take; the evidence step then asks to describe it.
  void AskCitations(const std::string& label, const std::string& claim,
                    const std::function<std::vector<std::string>&(Case&)>& refs) {
    Ask({label, "evidence ids, comma-separated, described in step 7; optional"},
        [&](const std::string& a) {
          const std::vector<std::string> ids = ParseIds(a);
          for (const std::string& id : ids) {
            Case trial = c_;
            Evidence evidence;
            evidence.id = id;
            evidence.claim = claim;
            trial.evidence.push_back(evidence);
            Reason reason = ProblemAt(trial, {"evidence", trial.evidence.size() - 1, "id"});
            if (!reason.empty()) return reason;
          }
          refs(c_) = ids;
          for (const std::string& id : ids) {
            const bool known = std::any_of(cited_.begin(), cited_.end(),
                                           [&](const Citation& cite) { return cite.id == id; });
            if (!known) cited_.push_back({id, claim});
          }
          return Reason();
        });
  }

  void AskEvidence() {
    Section("7. The evidence pack: the facts behind your claims (a blank id ends the list)");
    for (const Citation& cite : cited_) {
      out_ << "  Evidence '" << cite.id << "', cited for " << cite.claim << ":\n";
      Evidence evidence;
      evidence.id = cite.id;
      c_.evidence.push_back(evidence);
      AskEvidenceDetails(c_.evidence.size() - 1);
    }
    while (true) {
      const std::size_t k = c_.evidence.size();
      bool done = false;
      Ask({"Evidence id", "e.g. benchmark-2026; blank when done"}, [&](const std::string& a) {
        done = a.empty();
        if (done) return Reason();
        return Apply({"evidence", k, "id"}, [&](Case& c) {
          Evidence evidence;
          evidence.id = a;
          c.evidence.push_back(evidence);
        });
      });
      if (done) return;
      AskEvidenceDetails(k);
    }
  }

  void AskEvidenceDetails(std::size_t k) {
    const std::string id = c_.evidence[k].id;
    AskChoice({"Kind of " + id, JoinChoices(EvidenceKindNames()), "other"}, EvidenceKindNames(),
              "a kind of evidence",
              [&](int kind) { c_.evidence[k].kind = static_cast<EvidenceKind>(kind); });
    Ask({"What " + id + " establishes", "one sentence"}, [&](const std::string& a) {
      return Apply({"evidence", k, "claim"}, [&](Case& c) { c.evidence[k].claim = a; });
    });
    Ask({"Where " + id + " comes from", "a document, survey or person, with a date; optional"},
        [&](const std::string& a) {
          c_.evidence[k].source = a;
          return Reason();
        });
  }

  void AskPower() {
    Section(
        "8. The six sources of power, scored 0 (none) to 5 (strong); blank leaves one unscored");
    for (int s = 0; s < kPowerSourceCount; ++s) {
      out_ << "  " << PowerSourceNames()[s] << ": " << kSourceMeanings[s] << '\n';
    }
    for (std::size_t p = 0; p < 2; ++p) {
      for (int s = 0; s < kPowerSourceCount; ++s) {
        const std::string source = PowerSourceNames()[s];
        bool scored = false;
        Ask({Who(p) + ", " + source, "0-5; optional"}, [&](const std::string& a) {
          if (a.empty()) return Reason();
          const std::optional<double> score = ParseNumber(a);
          if (!score) return NotANumber(a, "a score from 0 to 5");
          Reason reason = Apply({"parties", p, "power", source, "score"}, [&](Case& c) {
            PowerScore power;
            power.score = *score;
            c.parties[p].power[s] = power;
          });
          scored = reason.empty();
          return reason;
        });
        if (!scored) continue;
        Ask({"Evidence for " + Whose(p) + " " + source + " score",
             "evidence ids, comma-separated; optional"},
            [&](const std::string& a) {
              return Apply({"parties", p, "power", source, "evidence"},
                           [&](Case& c) { c.parties[p].power[s]->evidence = ParseIds(a); });
            });
      }
    }
    Ask({"How strong do we feel, overall", "0-5; optional"}, [&](const std::string& a) {
      if (a.empty()) return Reason();
      const std::optional<double> felt = ParseNumber(a);
      if (!felt) return NotANumber(a, "a score from 0 to 5");
      return Apply({"parties", std::size_t{0}, "perceived_power"},
                   [&](Case& c) { c.parties[0].perceived_power = *felt; });
    });
  }

  void AskFloors() {
    Section("9. Our floors: limits we will not cross on number issues (optional: blank skips)");
    const std::string us = c_.parties[0].id;
    for (std::size_t k = 0; k < c_.issues.size(); ++k) {
      const Issue issue = c_.issues[k];
      if (issue.kind != IssueKind::kNumber) continue;
      // Where more is better for us the limit is a minimum, else a maximum.
      double slope = 0;
      for (const IssueTerm& term : c_.values[0].terms) {
        if (term.issue == issue.id) slope = std::get<LinearValue>(term.evaluator).slope;
      }
      const bool minimum = slope >= 0;
      bool floored = false;
      Ask({std::string(minimum ? "Lowest " : "Highest ") + issue.DisplayName() + " we accept",
           "a number; optional"},
          [&](const std::string& a) {
            if (a.empty()) return Reason();
            const std::optional<double> limit = ParseNumber(a);
            if (!limit) return NotANumber(a, "a number such as 110000");
            Reason reason = Apply({"floors", us, issue.id}, [&](Case& c) {
              Floor floor;
              floor.party = us;
              floor.issue = issue.id;
              (minimum ? floor.min : floor.max) = *limit;
              c.floors.push_back(floor);
            });
            floored = reason.empty();
            return reason;
          });
      if (!floored) continue;
      const std::size_t f = c_.floors.size() - 1;
      Ask({"Evidence for our floor on " + issue.id, "evidence ids, comma-separated; optional"},
          [&](const std::string& a) {
            return Apply({"floors", us, issue.id, "evidence"},
                         [&](Case& c) { c.floors[f].evidence = ParseIds(a); });
          });
    }
  }

  std::istream& in_;
  std::ostream& out_;
  bool echo_ = false;
  bool ended_ = false;  ///< the input has ended; every later answer is blank
  Case c_;              ///< the draft, valid at every path a question has checked
  std::vector<Citation> cited_;
};

}  // namespace

Case RunInterview(InterviewStreams streams) { return Interview(streams).Run(); }

}  // namespace parley::cli
