#include "internal/interview_script.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include "internal/answers.h"
#include "parley/core/text.h"

namespace parley::io::internal {

namespace {

bool StartsWith(const CasePath& path, const CasePath& prefix) {
  return path.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), path.begin());
}

}  // namespace

Reason ProblemAt(const Case& c, const CasePath& where) {
  for (const CaseProblem& problem : CheckCase(c)) {
    if (problem.warning || !StartsWith(problem.path, where)) continue;
    return problem.message + (problem.hint.empty() ? "" : " (" + problem.hint + ")");
  }
  return {};
}

Script::Script() {
  Then([this] { QueueDeal(); });
  Then([this] {
    Section("2. The parties");
    for (std::size_t p = 0; p < 2; ++p) Then([this, p] { QueueParty(p); });
  });
  Then([this] {
    Section("3. The issues on the table, one at a time (a blank id ends the list)");
    QueueIssue();
  });
  Then([this] { QueueValues(); });
  Then([this] {
    Section("5. Walking away: what each side does without a deal (its BATNA)");
    for (std::size_t p = 0; p < 2; ++p) Then([this, p] { QueueBatna(p); });
  });
  Then([this] {
    Section("6. Deadlines (optional: a blank date skips)");
    for (std::size_t p = 0; p < 2; ++p) Then([this, p] { QueueDeadline(p); });
  });
  Then([this] { QueueEvidence(); });
  Then([this] { QueuePower(); });
  Then([this] {
    Section("9. Our floors: limits we will not cross on number issues (optional: blank skips)");
    for (std::size_t k = 0; k < c_.issues.size(); ++k) Then([this, k] { QueueFloor(k); });
  });
  Advance();
}

Reason Script::Answer(const std::string& text) {
  const Step& step = queue_.front();
  std::string answer = TrimAnswer(text);
  if (std::string unwritable = UnwritableText(answer); !unwritable.empty()) return unwritable;
  if (answer.empty()) answer = step.question.default_answer;
  const bool missing = answer.empty() && step.blank == Blank::kNeedsAnswer;
  Reason reason = missing ? Reason(kNeedsAnswer) : step.accept(answer);
  if (!reason.empty()) {
    adding_.clear();
    return reason;
  }
  queue_.pop_front();
  Advance();
  return {};
}

void Script::Advance() {
  while (true) {
    queue_.insert(queue_.begin(), std::make_move_iterator(adding_.begin()),
                  std::make_move_iterator(adding_.end()));
    adding_.clear();
    if (queue_.empty() || !queue_.front().expand) return;
    const std::function<void()> expand = std::move(queue_.front().expand);
    queue_.pop_front();
    expand();
  }
}

void Script::Ask(const CasePath& id, AnswerKind kind, Wording wording, Accept accept) {
  Step step;
  Question& q = step.question;
  q.id = FormatCasePath(id);
  q.section = section_;
  q.notes = std::move(notes_);
  notes_.clear();
  q.label = std::move(wording.label);
  q.form = std::move(wording.form);
  q.kind = kind;
  q.default_answer = std::move(wording.fallback);
  q.required = wording.blank != Blank::kSkips;
  step.blank = wording.blank;
  step.accept = std::move(accept);
  adding_.push_back(std::move(step));
}

void Script::AskChoice(const CasePath& id, Wording wording, const std::vector<std::string>& names,
                       const std::string& what, std::function<void(int)> set) {
  Ask(id, AnswerKind::kChoice, std::move(wording),
      [names, what, set = std::move(set)](const std::string& a) {
        if (a.empty()) return Reason();
        int index = 0;
        Reason reason = ChooseName(a, names, what, index);
        if (reason.empty()) set(index);
        return reason;
      });
  adding_.back().question.choices = names;
}

void Script::Then(std::function<void()> expand) {
  Step step;
  step.expand = std::move(expand);
  adding_.push_back(std::move(step));
}

Reason Script::Apply(const CasePath& where, const std::function<void(Case&)>& edit) {
  Case next = c_;
  edit(next);
  Reason reason = ProblemAt(next, where);
  if (reason.empty()) c_ = std::move(next);
  return reason;
}

std::string Script::Who(std::size_t p) const {
  return c_.parties[p].DisplayName() + (p == 0 ? " (us)" : " (them)");
}

std::string Script::Whose(std::size_t p) const {
  return p == 0 ? "our" : text::Possessive(c_.parties[p].DisplayName());
}

}  // namespace parley::io::internal
