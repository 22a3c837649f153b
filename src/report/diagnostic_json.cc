#include "parley/report/diagnostic_json.h"

namespace parley::report {

nlohmann::ordered_json DiagnosticJson(const io::Diagnostic& d) {
  nlohmann::ordered_json j;
  j["file"] = d.file;
  j["line"] = d.line;
  j["column"] = d.column;
  j["severity"] = d.severity == io::Severity::kError   ? "error"
                  : d.severity == io::Severity::kLimit ? "limit"
                                                       : "warning";
  j["message"] = d.message;
  j["hint"] = d.hint;
  return j;
}

}  // namespace parley::report
