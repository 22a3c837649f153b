// libFuzzer target: the request bodies of `parley serve`'s POST /api/run/COMMAND, through the
// same functions the server calls (service::ParseRunOptions, RunOnText, BriefOnText). The first
// line of an input is the request: "COMMAND SYNTAX QUERY" (SYNTAX json or yaml, QUERY as in a URL
// without URL-encoding: `seed=7&as=acme&offer=price=1,term=1y`); the rest is the body. Every
// input must give a normal answer: no exception, an error code exactly when something is wrong,
// a body that is JSON (the brief in its format for plan?format=), never a crash, a sanitizer
// report, a hang or runaway memory. Built and run by scripts/fuzz.sh.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_util.h"
#include "parley/report/brief_render.h"
#include "parley/service/run.h"
#include "parley/service/run_options.h"

namespace {

using parley::service::Answer;
using parley::service::OptionMap;

// How many draws, samples or rounds an input may ask for: beyond, one input takes seconds by
// design (the server's time limit answers those, docs/serve.md), not a finding.
constexpr std::uint64_t kMostWork = 2000;

// The query: `a=b&c=d`, each part split at its first '='.
OptionMap ReadQuery(std::string_view query) {
  OptionMap options;
  for (const std::string& part : parley::fuzz::Split(query, "&", 32)) {
    if (part.empty()) continue;
    const std::size_t eq = part.find('=');
    options[part.substr(0, eq)] = eq == std::string::npos ? "" : part.substr(eq + 1);
  }
  return options;
}

// True when the options ask for more work than kMostWork (as the service would read them).
bool TooMuchWork(const OptionMap& options) {
  for (const char* name : {"samples", "rounds"}) {
    const auto it = options.find(name);
    if (it == options.end()) continue;
    if (it->second.size() > 6) return true;
    std::uint64_t n = 0;
    for (const char ch : it->second) n = n * 10 + static_cast<std::uint64_t>(ch - '0');
    if (n > kMostWork) return true;
  }
  return false;
}

void CheckAnswer(const Answer& answer, bool json) {
  if (answer.error && answer.json.empty()) parley::fuzz::Fail("an error without a body");
  if ((json || answer.error) && !nlohmann::json::accept(answer.json)) {
    parley::fuzz::Fail("an answer that is not JSON:\n" + answer.json.substr(0, 2000));
  }
  if (!answer.error && answer.json.empty()) parley::fuzz::Fail("an empty answer");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::vector<std::string> parts = parley::fuzz::Split(text, "\n", 2);
  const std::vector<std::string> request = parley::fuzz::Split(parts[0], " ", 3);
  const std::string& command = request[0];
  const bool yaml = request.size() > 1 && request[1] == "yaml";
  OptionMap options = ReadQuery(request.size() > 2 ? request[2] : "");
  if (TooMuchWork(options)) return 0;
  const std::string body = parts.size() > 1 ? parts[1] : "";
  parley::service::RunControl control;
  control.syntax = yaml ? parley::io::CaseSyntax::kYaml : parley::io::CaseSyntax::kJson;
  try {
    const auto format = options.find("format");
    if (command == "plan" && format != options.end()) {
      const std::string name = format->second;
      options.erase(format);
      for (const auto f : {parley::report::BriefFormat::kText, parley::report::BriefFormat::kHtml,
                           parley::report::BriefFormat::kMarkdown}) {
        if (name != parley::report::BriefFormatName(f)) continue;
        CheckAnswer(parley::service::BriefOnText(body, "fuzz", options, f, control), false);
        return 0;
      }
    }
    (void)parley::service::ParseRunOptions(command, options);
    CheckAnswer(parley::service::RunOnText(command, body, "fuzz", options, control), true);
  } catch (const std::exception& e) {
    parley::fuzz::Fail(std::string("RunOnText threw: ") + e.what());
  }
  return 0;
}
