#pragma once

/// The preparation interview: the questions that turn a person's answers into a case, asked one
/// at a time by any face (the `parley new` command line, a web form, Python). The interview owns
/// the questions, their order and defaults, the reading of each answer and the rules of CheckCase
/// applied to each answer as it comes; a face only shows the current question and hands back the
/// text typed. No streams: nothing here reads or prints.
///
///   parley::io::Interview interview;
///   while (!interview.Done()) {
///     const parley::io::Question& q = interview.Current();  // q.Prompt(): "Title (a short ...)"
///     const std::string reason = interview.Answer(ReadLineSomehow(q));
///     if (!reason.empty()) ShowSomehow(reason);  // refused: the same question is current again
///   }
///   const parley::Case c = interview.Finish();  // or earlier: the rest take their defaults
///
/// The questions come in a fixed order (docs/cli.md, `parley new`): the deal, the two parties, the
/// issues, what each issue is worth to each side, both BATNAs, deadlines, evidence, the six
/// sources of power and our floors. Some answers add questions (one set per issue, per option,
/// per cited piece of evidence, per scored source). The same answers always give the same
/// questions, so a face that keeps no interview between requests can rebuild one by replaying
/// the answers given so far.

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parley/core/case.h"

namespace parley::io {

namespace internal {
class Script;
}  // namespace internal

/// The longest answer taken, in bytes (64 KiB). A longer one throws Error(kLimit).
inline constexpr std::size_t kMaxAnswerBytes = std::size_t{64} * 1024;
/// The most bytes all the answers of one interview may hold together (1 MiB).
inline constexpr std::size_t kMaxInterviewBytes = std::size_t{1024} * 1024;
/// The most answers one interview takes, refused ones included.
inline constexpr int kMaxAnswers = 1000;
/// The most items one list answer may hold (the options of an issue, evidence ids); a longer
/// list is refused with a reason, like any answer that does not fit.
inline constexpr std::size_t kMaxListItems = 100;
/// The most options all the issues of one interview may have together; an answer that would
/// pass it is refused. Each option is one question per party; with kMaxAnswers, it keeps the
/// checks of every answer against the whole case (CheckCase) within a second.
inline constexpr std::size_t kMaxInterviewOptions = 1000;

/// The form of answer a question expects; a form field can pick its input from it.
enum class AnswerKind {
  kText,     ///< free text on one line
  kId,       ///< an id: lowercase letters, digits, '-' and '_'
  kChoice,   ///< one of `Question::choices`, case ignored
  kNumber,   ///< one number ("120000", "-1", "0.5")
  kNumbers,  ///< numbers separated by blanks or commas ("90000 150000"); the form says how many
  kDate,     ///< a date, YYYY-MM-DD
  kList,     ///< items separated by commas ("1y, 2y, 3y")
  kIds,      ///< ids separated by commas or blanks (evidence ids)
};

/// One question of the interview, as a face shows it.
struct Question {
  /// Where the answer goes in the case, as a case path ("title", "parties[0].id",
  /// "issues[1].range", "values.acme.term.2y"); unique within one interview.
  std::string id;
  /// The part of the interview it belongs to, numbered: "1. What the deal is about".
  std::string section;
  /// Lines to show before the question the first time it is asked (what a scale means, which
  /// claim cited a piece of evidence); usually empty.
  std::vector<std::string> notes;
  std::string label;  ///< what is asked: "Title", "Range of price"; names it in errors too
  /// The form of answer expected, in words, ending in "; optional" when a blank answer skips it:
  /// "a short name for the negotiation".
  std::string form;
  AnswerKind kind = AnswerKind::kText;
  std::vector<std::string> choices;  ///< the accepted answers of a kChoice question
  std::string default_answer;        ///< what a blank answer means; empty when there is none
  bool required = false;             ///< a blank answer is refused (when there is no default)

  /// "Label (form) [default]", the parts that are empty left out.
  std::string Prompt() const;
};

/// The interview in progress: the current question and the case built from the answers so far.
/// Movable, not copyable. Not thread-safe; one interview per person answering.
class Interview {
 public:
  /// Starts at the first question. O(1).
  Interview();
  ~Interview();
  Interview(Interview&&) noexcept;
  Interview& operator=(Interview&&) noexcept;
  Interview(const Interview&) = delete;
  Interview& operator=(const Interview&) = delete;

  /// True when every question has been answered (or skipped); Finish then only returns the case.
  bool Done() const;

  /// The question to ask now. Throws Error(kUsage) when Done().
  const Question& Current() const;

  /// Gives `text` as the answer to Current(): blanks around it are ignored and a blank answer
  /// takes the default or skips an optional question. Returns an empty string when the answer is
  /// accepted (the interview moves on, perhaps to follow-up questions), else the one-line reason
  /// it was refused, as CheckCase or the reader of the answer words it ("'sale' is not a
  /// context; choose one of ..."); Current() stays the same question. An answer that is not
  /// UTF-8 or holds a control character is refused, as the case reader refuses such text.
  /// Throws Error(kUsage) when Done(), and Error(kLimit) naming the question and the limit when
  /// `text` is longer than kMaxAnswerBytes, when the answers together pass kMaxInterviewBytes or
  /// when more than kMaxAnswers answers are given. O(size of the case) per answer.
  std::string Answer(std::string_view text);

  /// Ends the interview: every remaining question takes a blank answer (its default, or skipped
  /// when optional), `before_default` (when given) seeing each one first, and returns the case.
  /// Throws Error(kUsage) "the input ended before the question 'LABEL' was answered (reason)"
  /// when a remaining question cannot go without an answer (the reason is left out when it only
  /// needs one). The case passes CheckCase unless a rule spans several answers that no single
  /// question checks (a BATNA above every deal is a warning of the whole case, for instance).
  parley::Case Finish(const std::function<void(const Question&)>& before_default = {});

  /// The case as built from the answers so far: complete only when Done().
  const parley::Case& Draft() const;

  /// How many answers have been given through Answer, refused ones included.
  int answers() const { return answers_; }

 private:
  std::unique_ptr<internal::Script> script_;
  int answers_ = 0;
  std::size_t bytes_ = 0;
};

}  // namespace parley::io
