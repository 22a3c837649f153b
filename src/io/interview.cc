#include "parley/io/interview.h"

#include <string>
#include <utility>

#include "internal/interview_script.h"
#include "parley/core/error.h"

namespace parley::io {

namespace {

/// "'Title'".
std::string Quote(const Question& q) { return "'" + q.label + "'"; }

}  // namespace

std::string Question::Prompt() const {
  std::string prompt = label;
  if (!form.empty()) prompt += " (" + form + ")";
  if (!default_answer.empty()) prompt += " [" + default_answer + "]";
  return prompt;
}

Interview::Interview() : script_(std::make_unique<internal::Script>()) {}
Interview::~Interview() = default;
Interview::Interview(Interview&&) noexcept = default;
Interview& Interview::operator=(Interview&&) noexcept = default;

bool Interview::Done() const { return script_->Current() == nullptr; }

const Question& Interview::Current() const {
  const Question* q = script_->Current();
  if (q == nullptr) throw Error(ErrorCode::kUsage, "the interview is over: no question is left");
  return *q;
}

std::string Interview::Answer(std::string_view text) {
  const Question& q = Current();
  if (text.size() > kMaxAnswerBytes) {
    throw Error(ErrorCode::kLimit, "the answer to the question " + Quote(q) +
                                       " is longer than 65536 bytes (64 KiB), the limit of one "
                                       "answer");
  }
  if (answers_ >= kMaxAnswers) {
    throw Error(ErrorCode::kLimit, "the question " + Quote(q) + " came after " +
                                       std::to_string(kMaxAnswers) +
                                       " answers, the limit of one interview");
  }
  if (bytes_ + text.size() > kMaxInterviewBytes) {
    throw Error(ErrorCode::kLimit, "the answers reached 1 MiB (1048576 bytes) at the question " +
                                       Quote(q) + ", the limit of one interview");
  }
  ++answers_;
  bytes_ += text.size();
  return script_->Answer(std::string(text));
}

parley::Case Interview::Finish(const std::function<void(const Question&)>& before_default) {
  while (const Question* q = script_->Current()) {
    if (before_default) before_default(*q);
    const std::string label = Quote(*q);
    const std::string reason = script_->Answer("");
    if (reason.empty()) continue;
    throw Error(ErrorCode::kUsage,
                "the input ended before the question " + label + " was answered" +
                    (reason == internal::kNeedsAnswer ? "" : " (" + reason + ")"));
  }
  return script_->Draft();
}

const parley::Case& Interview::Draft() const { return script_->Draft(); }

}  // namespace parley::io
