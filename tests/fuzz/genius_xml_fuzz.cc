// libFuzzer target: GENIUS XML import. One input is a domain file and its profiles, separated by
// lines "@@@@" (a profile alone is fuzzed against a seed's fixed domain). Any bytes give
// diagnostics or a valid case, never an exception other than parley::Error, a crash, a sanitizer
// report, a hang or runaway memory; a valid case exports to GENIUS XML and reads back.
// Built and run by scripts/fuzz.sh (clang only).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_util.h"
#include "internal/genius_xml.h"
#include "parley/io/genius.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::vector<std::string> parts = parley::fuzz::Split(text, parley::fuzz::kFileSeparator, 4);
  for (const std::string& part : parts) (void)parley::io::internal::XmlRootName(part);
  const std::string domain = parley::fuzz::WriteScratch("domain.xml", parts[0]);
  std::vector<std::string> profiles;
  for (std::size_t i = 1; i < parts.size(); ++i) {
    profiles.push_back(
        parley::fuzz::WriteScratch("profile" + std::to_string(i) + ".xml", parts[i]));
  }
  const parley::io::LoadResult result = parley::io::ImportGeniusXml(domain, profiles);
  parley::fuzz::AbortOnInternalError(result.diagnostics);
  if (result.Ok()) parley::fuzz::CheckGeniusRoundTrip(*result.value);
  return 0;
}
