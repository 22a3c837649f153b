#pragma once

// Reading the answers of the case interview (parley/io/interview.h): numbers, lists, ids and
// choices typed on one line. Each reader that can refuse an answer returns the reason in one line,
// or an empty string.

#include <optional>
#include <string>
#include <vector>

namespace parley::io::internal {

/// `s` without leading and trailing blanks (spaces, tabs, '\r', '\n').
std::string TrimAnswer(const std::string& s);

/// Why `answer` cannot go into a case file, as the case reader would refuse it there: "the
/// answer is not valid UTF-8 (byte 4)" or "the answer holds the control character U+001F; write
/// printable text" (U+0000 to U+001F but tab, line feed and carriage return, and U+007F); an
/// empty string when it can. O(answer size).
std::string UnwritableText(const std::string& answer);

/// The whole of `text` as one finite number ("120000", "+5", "-1", "0.5", "1e5"), or nothing
/// (a blank, trailing words, "inf" and "nan" are not numbers). Independent of the locale.
std::optional<double> ParseNumber(const std::string& text);

/// The pieces of `text` between any of the characters in `separators`, trimmed, blanks dropped:
/// SplitAnswer("1y, 2y,,3y ", ",") is {"1y", "2y", "3y"}.
std::vector<std::string> SplitAnswer(const std::string& text, const char* separators);

/// Ids separated by commas or blanks, each kept once, in the order given. No check of their form.
std::vector<std::string> ParseIds(const std::string& text);

/// "'abc' is not a number; write `expected`".
std::string NotANumber(const std::string& answer, const std::string& expected);

/// Numbers separated by blanks or commas, into `numbers` (cleared first); returns the reason
/// when one is not a number, naming `expected`, else an empty string.
std::string ParseNumbers(const std::string& text, const std::string& expected,
                         std::vector<double>& numbers);

/// "write at most 100 options, not 150" when `count` is above `max`, else an empty string.
std::string TooMany(std::size_t count, std::size_t max, const std::string& items);

/// The names as "a, b or c".
std::string JoinChoices(const std::vector<std::string>& names);

/// Finds `answer` among `names`, ignoring case, and sets `index`; returns an empty string, or
/// when it is not there "'x' is not `what`; choose one of a, b, c" with a "did you mean" hint
/// when one name is close.
std::string ChooseName(const std::string& answer, const std::vector<std::string>& names,
                       const std::string& what, int& index);

/// A suggested id for a display name: lowercase ASCII letters and digits, every other run of
/// characters turned into a single '-' ("Acme Corp." gives "acme-corp"); empty when none is left.
std::string SuggestId(const std::string& name);

}  // namespace parley::io::internal
