#include "parley/report/check_report.h"

#include "parley/core/outcome_space.h"
#include "parley/report/diagnostic_json.h"

namespace parley::report {

namespace {

std::string Count(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::string RenderCheckText(const std::vector<CheckedFile>& files) {
  std::string out;
  for (const CheckedFile& f : files) {
    if (f.result.Ok()) {
      const Case& c = *f.result.value;
      const BigUint outcomes = OutcomeSpace(c.issues).Size();
      out += f.file + ": ok: \"" + c.title + "\" (" + Count(c.parties.size(), "party", "parties") +
             ", " + Count(c.issues.size(), "issue", "issues") + ", " + outcomes.ToString() +
             (outcomes == BigUint(1) ? " outcome)\n" : " outcomes)\n");
      continue;
    }
    std::size_t errors = 0;
    for (const io::Diagnostic& d : f.result.diagnostics)
      errors += d.severity != io::Severity::kWarning;
    out += f.file + ": invalid: " + std::to_string(errors) +
           (errors == 1 ? " problem" : " problems") + " (listed on stderr)\n";
  }
  return out;
}

nlohmann::ordered_json CheckJson(const std::vector<CheckedFile>& files) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const CheckedFile& f : files) {
    nlohmann::ordered_json entry;
    entry["file"] = f.file;
    entry["valid"] = f.result.Ok();
    if (f.result.Ok()) {
      const Case& c = *f.result.value;
      entry["title"] = c.title;
      entry["parties"] = c.parties.size();
      entry["issues"] = c.issues.size();
      entry["outcome_count"] = OutcomeSpace(c.issues).Size().ToString();
    }
    entry["diagnostics"] = nlohmann::ordered_json::array();
    for (const io::Diagnostic& d : f.result.diagnostics) {
      entry["diagnostics"].push_back(DiagnosticJson(d));
    }
    list.push_back(entry);
  }
  nlohmann::ordered_json out;
  out["command"] = "check";
  out["files"] = list;
  return out;
}

}  // namespace parley::report
