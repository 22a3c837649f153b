// libFuzzer target: the `issue=value,...` terms of --offer and --outcome. Each line of the input
// is one argument. Parsing never throws; every term read back from its quoted form is the same
// term; and the terms read against a small case give an outcome or problems, never an exception
// other than parley::Error, a crash or a sanitizer report. Built and run by scripts/fuzz.sh.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_util.h"
#include "parley/core/outcome_terms.h"
#include "parley/io/case_reader.h"
#include "parley/io/terms.h"

namespace {

// A case with a money grid in cents, a wide integer grid and options with commas, quotes and
// non-ASCII text, so the values of the terms reach every kind of issue.
constexpr std::string_view kCase = R"(format: parley/1
title: Terms
currency: EUR
parties:
  - {id: buyer, side: us, batna: {value: -1000}}
  - {id: seller, side: them, batna: {value: 100}}
issues:
  - {id: price, kind: number, range: [800, 1200], step: 0.01}
  - {id: units, kind: number, range: [-1000000000, 1000000000], step: 1}
  - {id: style, kind: options, options: ["Custom, Handmade", "a=b", "say \"hi\"", "é"]}
values:
  buyer: {price: {linear: -1}, units: {linear: 0.000001}, style: {"Custom, Handmade": 10}}
  seller: {price: {linear: 1}, units: {linear: -0.000001}, style: {"a=b": 5}}
)";

const parley::Case& TermsCase() {
  static const parley::Case c = [] {
    parley::io::LoadResult r = parley::io::ReadCaseText(kCase, "terms.yaml");
    if (!r.Ok()) std::abort();
    return *r.value;
  }();
  return c;
}

// `s` in double quotes, with \" and \\ for a quote and a backslash.
std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (const char ch : s) {
    if (ch == '"' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + '"';
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::vector<std::string> args = parley::fuzz::Split(text, "\n", 64);
  const parley::io::ParsedTerms parsed = parley::io::ParseTerms(args, "--offer", "issue");
  for (const auto& [key, value] : parsed.terms) {
    if (key.empty()) std::abort();  // a key is never empty
    const parley::io::ParsedTerms again =
        parley::io::ParseTerms({Quote(key) + "=" + Quote(value)}, "--offer", "issue");
    if (!again.problems.empty() || again.terms.size() != 1) std::abort();
    if (again.terms[0].first != key || again.terms[0].second != value) std::abort();
  }
  if (!parsed.problems.empty()) return 0;
  try {
    const parley::ParsedOutcome outcome =
        parley::TryParseOutcome(TermsCase(), parsed.terms, "offer");
    if (outcome.outcome.has_value() != outcome.problems.empty()) std::abort();
  } catch (const parley::Error&) {
  }
  return 0;
}
