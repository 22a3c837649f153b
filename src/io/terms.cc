#include "parley/io/terms.h"

#include <string_view>

namespace parley::io {

namespace {

bool IsSpace(char ch) { return ch == ' ' || ch == '\t'; }

// One part of a term (a key or a value): up to the next unquoted `stop` character (or the end),
// spaces trimmed, quotes removed. Advances `at`. Sets `quoted` when any of it was in quotes and
// `unclosed` when a quote never closes. O(length read).
std::string ReadPart(std::string_view text, std::size_t& at, char stop, bool& quoted,
                     bool& unclosed) {
  std::string out;
  std::size_t trailing = 0;  // unquoted spaces at the end of `out`, trimmed at the end
  while (at < text.size() && IsSpace(text[at])) ++at;
  while (at < text.size() && text[at] != ',' && text[at] != stop) {
    const char ch = text[at++];
    if (ch != '"') {
      out += ch;
      trailing = IsSpace(ch) ? trailing + 1 : 0;
      continue;
    }
    quoted = true;
    trailing = 0;
    bool closed = false;
    while (at < text.size()) {
      const char q = text[at++];
      if (q == '"') {
        closed = true;
        break;
      }
      if (q == '\\' && at < text.size() && (text[at] == '"' || text[at] == '\\')) {
        out += text[at++];
      } else {
        out += q;
      }
    }
    if (!closed) unclosed = true;
  }
  out.resize(out.size() - trailing);
  return out;
}

}  // namespace

ParsedTerms ParseTerms(const std::vector<std::string>& args, const std::string& option,
                       const std::string& key) {
  ParsedTerms out;
  for (const std::string& arg : args) {
    const std::string_view text = arg;
    std::size_t at = 0;
    while (true) {
      const std::size_t start = at;
      bool key_quoted = false, value_quoted = false, unclosed = false;
      const std::string k = ReadPart(text, at, '=', key_quoted, unclosed);
      const bool has_eq = at < text.size() && text[at] == '=';
      std::string v;
      if (has_eq) {
        ++at;
        v = ReadPart(text, at, '\0', value_quoted, unclosed);
      }
      const std::string item(text.substr(start, at - start));
      if (unclosed) {
        out.problems.push_back(option + " has an unclosed quote in '" + item + "'");
      } else if (k.empty() && !key_quoted && !has_eq) {
        out.problems.push_back(option +
                               " has an empty term (two commas in a row, or one at an end)");
      } else if (!has_eq || k.empty() || (v.empty() && !value_quoted)) {
        out.problems.push_back(option + " takes " + key + "=value pairs, not '" + item + "'");
      } else {
        out.terms.emplace_back(k, v);
      }
      if (at >= text.size()) break;
      ++at;  // the comma
    }
  }
  return out;
}

}  // namespace parley::io
