#include "parley/report/written_files.h"

namespace parley::report {

std::string RenderWrittenText(const std::string& path) { return "wrote " + path + "\n"; }

nlohmann::ordered_json ConvertJson(const std::string& to, const std::vector<std::string>& written) {
  return {{"command", "convert"}, {"to", to}, {"written", written}};
}

}  // namespace parley::report
