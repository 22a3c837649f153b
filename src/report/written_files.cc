#include "parley/report/written_files.h"

namespace parley::report {

std::string RenderWrittenText(const std::string& path) { return "wrote " + path + "\n"; }

std::string RenderRemovedText(const std::string& path) {
  return "removed " + path + " (a GENIUS file of an earlier export)\n";
}

std::string RenderConvertWarnings(const std::string& format,
                                  const std::vector<std::string>& warnings) {
  std::string out;
  for (const std::string& line : warnings) {
    out += "parley: warning: " + format + " export: " + line + "\n";
  }
  return out;
}

nlohmann::ordered_json ConvertJson(const std::string& to, const std::vector<std::string>& written,
                                   const std::vector<std::string>& removed,
                                   const std::vector<std::string>& warnings) {
  nlohmann::ordered_json j = {{"command", "convert"}, {"to", to}, {"written", written}};
  if (!removed.empty()) j["removed"] = removed;
  if (!warnings.empty()) j["warnings"] = warnings;
  return j;
}

}  // namespace parley::report
