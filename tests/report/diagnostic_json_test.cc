// A diagnostic as JSON: {file, line, column, severity, message, hint} in this order, with the
// severity written as "error", "limit" or "warning".
#include "parley/report/diagnostic_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace parley::report {
namespace {

io::Diagnostic Make(io::Severity severity) {
  io::Diagnostic d;
  d.severity = severity;
  d.file = "deal.yaml";
  d.line = 12;
  d.column = 3;
  d.message = "unknown key 'dedline'";
  d.hint = "did you mean 'deadline'?";
  return d;
}

TEST(DiagnosticJsonTest, KeysInOrderWithTheDiagnosticsValues) {
  const nlohmann::ordered_json j = DiagnosticJson(Make(io::Severity::kError));
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys,
            (std::vector<std::string>{"file", "line", "column", "severity", "message", "hint"}));
  EXPECT_EQ(j["file"], "deal.yaml");
  EXPECT_EQ(j["line"], 12);
  EXPECT_EQ(j["column"], 3);
  EXPECT_TRUE(j["line"].is_number_integer());
  EXPECT_EQ(j["message"], "unknown key 'dedline'");
  EXPECT_EQ(j["hint"], "did you mean 'deadline'?");
}

TEST(DiagnosticJsonTest, SeverityNames) {
  EXPECT_EQ(DiagnosticJson(Make(io::Severity::kError))["severity"], "error");
  EXPECT_EQ(DiagnosticJson(Make(io::Severity::kLimit))["severity"], "limit");
  EXPECT_EQ(DiagnosticJson(Make(io::Severity::kWarning))["severity"], "warning");
}

TEST(DiagnosticJsonTest, UnknownPositionIsZeroAndNoHintIsEmpty) {
  io::Diagnostic d;
  d.message = "the file is empty";
  const nlohmann::ordered_json j = DiagnosticJson(d);
  EXPECT_EQ(j["file"], "");
  EXPECT_EQ(j["line"], 0);
  EXPECT_EQ(j["column"], 0);
  EXPECT_EQ(j["severity"], "error");
  EXPECT_EQ(j["hint"], "");
}

}  // namespace
}  // namespace parley::report
