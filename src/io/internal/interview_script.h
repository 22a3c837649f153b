#pragma once

// The script of the interview behind parley/io/interview.h: a queue of questions, each with the
// function that takes its answer, and of sections not yet reached. A section is turned into its
// questions only when it is reached, so it can depend on the answers before it (the currency, the
// issues, the parties' names); an accepted answer may add follow-up questions, which are asked
// next, in the order they were added.

#include <cstddef>
#include <deque>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "parley/core/case.h"
#include "parley/core/case_check.h"
#include "parley/io/interview.h"

namespace parley::io::internal {

/// Why an answer was refused, in one line; empty when it was accepted.
using Reason = std::string;

/// Takes a trimmed answer (the default when it was blank) and returns the reason it is refused.
using Accept = std::function<Reason(const std::string&)>;

/// The reason given for a blank answer to a question that needs one and has no default.
inline constexpr char kNeedsAnswer[] = "this question needs an answer";

/// What a blank answer to a question does.
enum class Blank {
  kSkips,        ///< passed on (as its default when there is one): optional questions
  kRefused,      ///< passed on, and refused by a rule with its own reason ("the title is empty")
  kNeedsAnswer,  ///< refused as kNeedsAnswer when there is no default
};

/// How a question reads: its label, the form of answer, the default and what a blank does.
struct Wording {
  std::string label;
  std::string form;
  std::string fallback = "";
  Blank blank = Blank::kSkips;
};

class Script {
 public:
  /// Queues the nine sections of the interview and moves to the first question.
  Script();
  Script(const Script&) = delete;
  Script& operator=(const Script&) = delete;

  /// The question to ask now, or nullptr when every question is answered.
  const Question* Current() const { return queue_.empty() ? nullptr : &queue_.front().question; }

  /// Answers Current() with `text` (trimmed; a blank takes the default). Precondition: Current().
  Reason Answer(const std::string& text);

  const Case& Draft() const { return c_; }

 private:
  struct Step {
    Question question;
    Blank blank = Blank::kSkips;
    Accept accept;  ///< empty for a section not yet reached
    std::function<void()> expand;
  };

  // The queue (interview_script.cc).
  void Ask(const CasePath& id, AnswerKind kind, Wording wording, Accept accept);
  /// A choice among `names`, optional unless `wording` says otherwise; `set` gets the index of
  /// the name chosen.
  void AskChoice(const CasePath& id, Wording wording, const std::vector<std::string>& names,
                 const std::string& what, std::function<void(int)> set);
  /// Queues `expand`, run when it is reached to add the questions it stands for.
  void Then(std::function<void()> expand);
  void Section(std::string title) { section_ = std::move(title); }
  void Note(std::string line) { notes_.push_back(std::move(line)); }
  /// Moves the questions added by the last answer or section to the front of the queue, then
  /// expands sections until a question is at the front.
  void Advance();
  /// Applies `edit` to a copy of the draft and keeps it when CheckCase finds no problem at or
  /// under `where`; otherwise leaves the draft as it was and returns the problem. The draft is
  /// replaced, so callers hold indices into it, never references.
  Reason Apply(const CasePath& where, const std::function<void(Case&)>& edit);

  /// "CloudCo (us)".
  std::string Who(std::size_t p) const;
  /// "our", "Acme's".
  std::string Whose(std::size_t p) const;

  // Sections 1 to 4 (interview_deal.cc).
  void QueueDeal();
  void QueueParty(std::size_t p);
  void QueueIssue();
  void QueueIssueDetails(std::size_t i);
  void QueueRange(std::size_t i);
  void QueueValues();
  void QueueValue(std::size_t k, std::size_t p);

  // Sections 5 to 9 (interview_claims.cc).
  void QueueBatna(std::size_t p);
  void QueueDeadline(std::size_t p);
  void AskCitations(const CasePath& id, const std::string& label, const std::string& claim,
                    std::function<std::vector<std::string>&(Case&)> refs);
  void QueueEvidence();
  void QueueEvidenceId();
  void QueueEvidenceDetails(std::size_t k);
  void QueuePower();
  void QueuePowerSource(std::size_t p, int s);
  void QueueFloor(std::size_t k);

  /// Evidence cited before the evidence step, to be described there.
  struct Citation {
    std::string id;
    std::string claim;  ///< what cites it: "our BATNA", "Acme's deadline"
  };

  Case c_;  ///< the draft, valid at every path a question has checked
  std::deque<Step> queue_;
  std::vector<Step> adding_;        ///< added by the answer or section being handled
  std::string section_;             ///< the title of the section reached last
  std::vector<std::string> notes_;  ///< for the next question added
  std::vector<Citation> cited_;
};

/// The first problem CheckCase finds in `c` at or under `where`, as a reason; empty if none.
Reason ProblemAt(const Case& c, const CasePath& where);

}  // namespace parley::io::internal
