// libFuzzer target: any bytes given to the case reader (as YAML and as JSON) give diagnostics or
// a valid case, never a crash, a sanitizer report, a hang or runaway memory. A valid case must
// also survive a write/read round trip unchanged. Built by scripts/fuzz.sh (clang only).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "fuzz_util.h"
#include "parley/core/case_check.h"
#include "parley/io/case_reader.h"
#include "parley/io/case_writer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const auto syntax : {parley::io::CaseSyntax::kYaml, parley::io::CaseSyntax::kJson}) {
    const parley::io::LoadResult result = parley::io::ReadCaseText(text, "fuzz", syntax);
    if (!result.Ok()) continue;
    const parley::Case& c = *result.value;
    const std::string written = parley::io::WriteCaseYaml(c);
    const parley::io::LoadResult again = parley::io::ReadCaseText(written, "again.yaml");
    if (!again.Ok())
      parley::fuzz::Fail("the case written does not read back:\n" + written, again.diagnostics);
    if (!(*again.value == c)) parley::fuzz::Fail("the case reads back changed:\n" + written);
  }
  return 0;
}
