// What `parley check` prints: one line per file, and the JSON with each invalid file's
// diagnostics at their line and column, in the documented key order.
#include "parley/report/check_report.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "parley/io/case_reader.h"
#include "parley/report/diagnostic_json.h"
#include "testing/json_keys.h"

namespace parley::report {
namespace {

using Json = nlohmann::ordered_json;

using testing::Keys;

// Two parties, price 800..1200 step 50 (9 values) and delivery with 2 options: 18 outcomes.
const char* const kValid = R"(format: parley/1
title: Minimal supply deal
currency: EUR
parties:
  - id: buyer
    side: us
    batna: {value: -1000}
  - id: seller
    side: them
issues:
  - id: price
    kind: number
    range: [800, 1200]
    step: 50
  - id: delivery
    kind: options
    options: [standard, express]
values:
  buyer:
    price: {linear: -1}
  seller:
    price: {linear: 1}
)";

// The same case citing evidence that does not exist (line 7, the id at column 38) and with a
// power score out of range (line 10).
const char* const kInvalid = R"(format: parley/1
title: Minimal supply deal
currency: EUR
parties:
  - id: buyer
    side: us
    batna: {value: -1000, evidence: [quote-2025]}
  - id: seller
    side: them
    power: {personal: {score: 9}}
issues:
  - id: price
    kind: number
    range: [800, 1200]
    step: 50
values:
  buyer:
    price: {linear: -1}
  seller:
    price: {linear: 1}
)";

std::vector<CheckedFile> TwoFiles() {
  return {{"good.yaml", io::ReadCaseText(kValid, "good.yaml")},
          {"bad.yaml", io::ReadCaseText(kInvalid, "bad.yaml")}};
}

TEST(CheckReportTest, OneLinePerFile) {
  const std::vector<CheckedFile> files = TwoFiles();
  ASSERT_TRUE(files[0].result.Ok());
  ASSERT_FALSE(files[1].result.Ok());
  ASSERT_EQ(files[1].result.diagnostics.size(), 2u);
  EXPECT_EQ(RenderCheckText(files),
            "good.yaml: ok: \"Minimal supply deal\" (2 parties, 2 issues, 18 outcomes)\n"
            "bad.yaml: invalid: 2 problems (listed on stderr)\n");
}

TEST(CheckReportTest, CountsOfOneAreSingular) {
  std::string text = kValid;
  const std::string second = text.substr(text.find("  - id: price"));
  text.replace(text.find("  - id: price"), second.size(),
               "  - {id: price, kind: number, range: [800, 800], step: 50}\nvalues:\n  buyer:\n"
               "    price: {linear: -1}\n  seller:\n    price: {linear: 1}\n");
  const io::LoadResult r = io::ReadCaseText(text, "one.yaml");
  ASSERT_TRUE(r.Ok()) << (r.diagnostics.empty() ? "" : r.diagnostics[0].message);
  EXPECT_EQ(RenderCheckText({{"one.yaml", r}}),
            "one.yaml: ok: \"Minimal supply deal\" (2 parties, 1 issue, 1 outcome)\n");
}

TEST(CheckReportTest, ProblemCountIsSingularForOneAndIgnoresWarnings) {
  io::LoadResult one;
  one.diagnostics.push_back({io::Severity::kError, "x.yaml", 3, 1, "bad", ""});
  one.diagnostics.push_back({io::Severity::kWarning, "x.yaml", 4, 1, "odd", ""});
  io::LoadResult limit;
  limit.diagnostics.push_back({io::Severity::kLimit, "y.yaml", 1, 1, "too deep", ""});
  limit.diagnostics.push_back({io::Severity::kError, "y.yaml", 2, 1, "bad", ""});
  EXPECT_EQ(RenderCheckText({{"x.yaml", one}, {"y.yaml", limit}}),
            "x.yaml: invalid: 1 problem (listed on stderr)\n"
            "y.yaml: invalid: 2 problems (listed on stderr)\n");
}

TEST(CheckReportTest, JsonKeysInDocumentedOrder) {
  const Json j = CheckJson(TwoFiles());
  EXPECT_EQ(Keys(j), (std::vector<std::string>{"command", "files"}));
  EXPECT_EQ(j["command"], "check");
  ASSERT_EQ(j["files"].size(), 2u);
  EXPECT_EQ(Keys(j["files"][0]),
            (std::vector<std::string>{"file", "valid", "title", "parties", "issues",
                                      "outcome_count", "diagnostics"}));
  EXPECT_EQ(Keys(j["files"][1]), (std::vector<std::string>{"file", "valid", "diagnostics"}));
  const Json& good = j["files"][0];
  EXPECT_EQ(good["file"], "good.yaml");
  EXPECT_EQ(good["valid"], true);
  EXPECT_EQ(good["title"], "Minimal supply deal");
  EXPECT_EQ(good["parties"], 2);
  EXPECT_EQ(good["issues"], 2);
  EXPECT_EQ(good["outcome_count"], "18");
  EXPECT_TRUE(good["diagnostics"].is_array());
  EXPECT_TRUE(good["diagnostics"].empty());
}

TEST(CheckReportTest, InvalidFileListsItsDiagnosticsWithLineAndColumn) {
  const std::vector<CheckedFile> files = TwoFiles();
  const Json bad = CheckJson(files)["files"][1];
  EXPECT_EQ(bad["valid"], false);
  const std::vector<io::Diagnostic>& diagnostics = files[1].result.diagnostics;
  ASSERT_EQ(bad["diagnostics"].size(), diagnostics.size());
  for (std::size_t k = 0; k < diagnostics.size(); ++k) {
    EXPECT_EQ(bad["diagnostics"][k], DiagnosticJson(diagnostics[k]));
  }
  // Each problem points at its value in the file.
  bool evidence = false, score = false;
  for (const Json& d : bad["diagnostics"]) {
    EXPECT_EQ(d["file"], "bad.yaml");
    EXPECT_EQ(d["severity"], "error");
    const std::string message = d["message"];
    if (message.find("quote-2025") != std::string::npos) {
      evidence = true;
      EXPECT_EQ(d["line"], 7);
      EXPECT_EQ(d["column"], 38);
    } else {
      score = true;
      EXPECT_EQ(d["line"], 10);
    }
  }
  EXPECT_TRUE(evidence);
  EXPECT_TRUE(score);
}

}  // namespace
}  // namespace parley::report
