#include "internal/answers.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "internal/doc_node.h"
#include "parley/core/closest_match.h"

namespace parley::io::internal {

namespace {

std::string Lower(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

}  // namespace

std::string SuggestId(const std::string& name) {
  std::string id;
  bool gap = false;
  for (const char ch : name) {
    const unsigned char u = static_cast<unsigned char>(ch);
    if (u < 128 && std::isalnum(u)) {
      if (gap && !id.empty()) id += '-';
      gap = false;
      id += static_cast<char>(std::tolower(u));
    } else {
      gap = true;
    }
  }
  return id;
}

std::string UnwritableText(const std::string& answer) {
  const std::size_t invalid = FirstInvalidUtf8(answer);
  if (invalid != std::string_view::npos) {
    return "the answer is not valid UTF-8 (byte " + std::to_string(invalid + 1) +
           "); write it in UTF-8";
  }
  for (const char ch : answer) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
      char code[8];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
      return std::string("the answer holds the control character ") + code +
             "; write printable text";
    }
  }
  return "";
}

std::string TrimAnswer(const std::string& s) {
  const std::size_t first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::optional<double> ParseNumber(const std::string& text) {
  const char* begin = text.data();
  const char* end = begin + text.size();
  if (end - begin > 1 && *begin == '+' && begin[1] != '-') ++begin;  // from_chars takes no '+'
  double x = 0;
  const auto [ptr, ec] = std::from_chars(begin, end, x);
  if (begin == end || ec != std::errc() || ptr != end || !std::isfinite(x)) return std::nullopt;
  return x;
}

std::vector<std::string> SplitAnswer(const std::string& text, const char* separators) {
  std::vector<std::string> pieces;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t stop = text.find_first_of(separators, start);
    if (stop == std::string::npos) stop = text.size();
    const std::string piece = TrimAnswer(text.substr(start, stop - start));
    if (!piece.empty()) pieces.push_back(piece);
    start = stop + 1;
  }
  return pieces;
}

std::vector<std::string> ParseIds(const std::string& text) {
  std::vector<std::string> ids;
  for (const std::string& id : SplitAnswer(text, ", \t")) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  return ids;
}

std::string NotANumber(const std::string& answer, const std::string& expected) {
  return "'" + answer + "' is not a number; write " + expected;
}

std::string ParseNumbers(const std::string& text, const std::string& expected,
                         std::vector<double>& numbers) {
  numbers.clear();
  for (const std::string& word : SplitAnswer(text, ", \t")) {
    const std::optional<double> x = ParseNumber(word);
    if (!x) return NotANumber(word, expected);
    numbers.push_back(*x);
  }
  return {};
}

std::string TooMany(std::size_t count, std::size_t max, const std::string& items) {
  if (count <= max) return {};
  return "write at most " + std::to_string(max) + " " + items + ", not " + std::to_string(count);
}

std::string JoinChoices(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t k = 0; k < names.size(); ++k) {
    if (k > 0) out += k + 1 == names.size() ? " or " : ", ";
    out += names[k];
  }
  return out;
}

std::string ChooseName(const std::string& answer, const std::vector<std::string>& names,
                       const std::string& what, int& index) {
  const std::string word = Lower(answer);
  for (std::size_t k = 0; k < names.size(); ++k) {
    if (names[k] == word) {
      index = static_cast<int>(k);
      return {};
    }
  }
  std::string reason = "'" + answer + "' is not " + what + "; choose one of ";
  for (std::size_t k = 0; k < names.size(); ++k) reason += (k > 0 ? ", " : "") + names[k];
  const std::string hint = DidYouMean(word, names);
  if (!hint.empty()) reason += " (" + hint + ")";
  return reason;
}

}  // namespace parley::io::internal
