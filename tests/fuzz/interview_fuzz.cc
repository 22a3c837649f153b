// libFuzzer target: the answers of `parley new`. Each line of the input is one answer, given to
// the interview as the command gives it; when the lines run out the rest take their defaults
// (Interview::Finish). Only parley::Error may stop it (a limit, an answer missing at the end);
// never another exception, a crash, a sanitizer report, a hang or runaway memory. A finished
// interview whose case passes CheckCase writes a case file that reads back equal, the promise
// of `parley new`. Built and run by scripts/fuzz.sh (clang only).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_util.h"
#include "parley/core/case_check.h"
#include "parley/io/case_reader.h"
#include "parley/io/case_writer.h"
#include "parley/io/interview.h"

namespace {

bool HasErrors(const std::vector<parley::CaseProblem>& problems) {
  for (const parley::CaseProblem& p : problems) {
    if (!p.warning) return true;
  }
  return false;
}

// Runs the interview on `answers` and returns the case, as `parley new` does.
parley::Case Run(const std::vector<std::string>& answers) {
  parley::io::Interview interview;
  for (const std::string& answer : answers) {
    if (interview.Done()) break;
    (void)interview.Current().Prompt();
    (void)interview.Answer(answer);
  }
  return interview.Finish([](const parley::io::Question& q) { (void)q.Prompt(); });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::vector<std::string> answers = parley::fuzz::Split(text, "\n", 2000);
  try {
    const parley::Case c = Run(answers);
    if (HasErrors(parley::CheckCase(c))) return 0;  // `parley new` refuses to write it
    for (const std::string& written :
         {parley::io::WriteCaseYaml(c), parley::io::WriteCaseJson(c)}) {
      const parley::io::LoadResult again = parley::io::ReadCaseText(written, "new.case");
      if (!again.Ok())
        parley::fuzz::Fail("the case of the interview does not read back:\n" + written,
                           again.diagnostics);
      if (!(*again.value == c)) parley::fuzz::Fail("the case reads back changed:\n" + written);
    }
  } catch (const parley::Error&) {
  }
  return 0;
}
