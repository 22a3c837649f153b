#include "parley/report/written_files.h"

namespace parley::report {

std::string RenderWrittenText(const std::string& path) { return "wrote " + path + "\n"; }

std::string RenderRemovedText(const std::string& path) {
  return "removed " + path + " (a GENIUS file of an earlier export)\n";
}

nlohmann::ordered_json ConvertJson(const std::string& to, const std::vector<std::string>& written,
                                   const std::vector<std::string>& removed) {
  nlohmann::ordered_json j = {{"command", "convert"}, {"to", to}, {"written", written}};
  if (!removed.empty()) j["removed"] = removed;
  return j;
}

}  // namespace parley::report
