#pragma once

// The questions of `parley new`: a short interview that turns answers, one per line, into a case.

#include <iosfwd>

#include "parley/core/case.h"

namespace parley::cli {

/// Where the interview reads its answers and writes its questions.
struct InterviewStreams {
  std::istream& in;       ///< one answer per line; a trailing '\r' is ignored
  std::ostream& prompts;  ///< questions, the reasons an answer is refused, notes
  /// Repeat each answer after its question, so that a transcript of piped input reads well.
  bool echo = false;
};

/// Asks the preparation questions in a fixed order (docs/cli.md, `parley new`): the deal, the two
/// parties, the issues, what each issue is worth to each side, both BATNAs, deadlines, evidence,
/// the six sources of power and our floors. A blank answer takes the default shown in brackets or
/// skips an optional question. An answer that cannot be read (not a number, not one of the
/// choices) or that breaks a rule of CheckCase (bad or duplicate id, reversed range, score out of
/// 0..5, bad date, unknown evidence) is refused with a one-line reason and asked again.
/// Evidence cited for a BATNA or a deadline is described in the evidence step, which asks for it
/// first. When the input ends, the remaining optional questions take their defaults; throws
/// Error(kUsage) naming the question when it ends before a required answer. The returned case
/// passes CheckCase unless a rule spans several answers that no single question checks.
Case RunInterview(InterviewStreams streams);

}  // namespace parley::cli
