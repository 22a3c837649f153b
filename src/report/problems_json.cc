#include "parley/report/problems_json.h"

namespace parley::report {

nlohmann::ordered_json ProblemsJson(std::string_view code,
                                    const std::vector<std::string>& messages) {
  nlohmann::ordered_json j;
  j["error"] = std::string(code);
  j["messages"] = messages;
  return j;
}

}  // namespace parley::report
