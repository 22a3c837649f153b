// The service layer: the options read from text with the CLI's messages, the status table, and
// RunOnText answering what WriteRunJson writes (the CLI's --format json path calls the same).
#include "parley/service/run.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "parley/io/case_reader.h"
#include "parley/io/case_writer.h"
#include "parley/service/run_options.h"
#include "parley/service/status.h"

namespace parley::service {
namespace {

// The minimal case of tests/data/good as JSON, the way a request carries it.
std::string MinimalJson() {
  const io::LoadResult r = io::LoadCase(std::string(PARLEY_TEST_DATA_DIR) + "/good/minimal.yaml");
  EXPECT_TRUE(r.Ok());
  return io::WriteCaseJson(*r.value);
}

TEST(RunOptionsTest, ReadsEachCommandsOptionsWithTheCliMessages) {
  const ParsedRunOptions power =
      ParseRunOptions("power", {{"seed", "7"}, {"as", "seller"}, {"power-band", "0.2"}});
  EXPECT_TRUE(power.problems.empty());
  EXPECT_EQ(power.options.model.seed, 7u);
  EXPECT_EQ(power.options.model.as, "seller");
  EXPECT_DOUBLE_EQ(power.options.model.power_band, 0.2);

  const ParsedRunOptions bad = ParseRunOptions(
      "plan", {{"seed", "-1"}, {"meso", "5"}, {"as", ""}, {"rows", "3"}, {"samples", "1000001"}});
  const std::vector<std::string> expected = {
      "plan takes no option --rows",
      "--as: must name a party, not be empty",
      "--seed: must be a whole number from 0 to 2^64-1, not '-1'",
      "--samples: must be a whole number from 0 to 1,000,000, not '1000001'",
      "--meso: must be a whole number from 2 to 4, not '5'",
  };
  EXPECT_EQ(bad.problems, expected);

  const ParsedRunOptions frontier = ParseRunOptions("frontier", {{"weights", "a=2,b=x"}});
  EXPECT_EQ(frontier.problems, std::vector<std::string>{"--weights: 'x' is not a number"});
  EXPECT_EQ(ParseRunOptions("evaluate", {}).problems,
            std::vector<std::string>{"--offer is required"});
  const ParsedRunOptions review =
      ParseRunOptions("review", {{"outcome", "price=900, delivery=\"standard\""}});
  ASSERT_TRUE(review.problems.empty());
  EXPECT_EQ(review.options.terms.size(), 2u);
  EXPECT_EQ(review.options.terms[1].second, "standard");
}

TEST(StatusTest, EveryErrorCodeHasItsStatus) {
  EXPECT_EQ(HttpStatusFor(ErrorCode::kUsage), 400);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kInvalidInput), 422);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kLimit), 413);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kNotFound), 404);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kConflict), 409);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kIo), 500);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kInternal), 500);
  EXPECT_EQ(ErrorCodeName(ErrorCode::kConflict), "conflict");
}

TEST(RunOnTextTest, AnswersWhatWriteRunJsonWrites) {
  const std::string text = MinimalJson();
  const io::LoadResult r = io::ReadCaseText(text, "minimal.json");
  ASSERT_TRUE(r.Ok());
  for (const std::string command : {"show", "frontier", "power", "plan"}) {
    SCOPED_TRACE(command);
    const Answer answer = RunOnText(command, text, "minimal.json", {{"seed", "7"}});
    if (command == "show") {
      EXPECT_EQ(answer.error, ErrorCode::kUsage);  // show takes no --seed
      continue;
    }
    ParsedRunOptions parsed = ParseRunOptions(command, {{"seed", "7"}});
    std::ostringstream out;
    ASSERT_TRUE(WriteRunJson(out, command, *r.value, "minimal.json", parsed.options).Ok());
    EXPECT_FALSE(answer.error.has_value());
    EXPECT_EQ(answer.json, out.str());
    EXPECT_EQ(nlohmann::json::parse(answer.json)["command"], command);
  }
}

TEST(RunOnTextTest, RefusesWithTheRightKindAndABodyThatSaysWhy) {
  const std::string text = MinimalJson();
  const Answer unknown = RunOnText("fly", text, "c.json", {});
  EXPECT_EQ(unknown.error, ErrorCode::kNotFound);
  EXPECT_EQ(unknown.json,
            "{\n  \"error\": \"not_found\",\n  \"messages\": [\n"
            "    \"no command named 'fly'\"\n  ]\n}\n");

  const Answer malformed = RunOnText("power", "{\"format\": ", "c.json", {});
  EXPECT_EQ(malformed.error, ErrorCode::kUsage);
  EXPECT_EQ(nlohmann::json::parse(malformed.json)["files"][0]["valid"], false);

  // A case with an error: its diagnostics, as `parley check --format json` prints them.
  std::string broken = text;
  broken.replace(broken.find("\"price\""), 7, "\"pr ice\"");
  const Answer invalid = RunOnText("power", broken, "c.json", {});
  EXPECT_EQ(invalid.error, ErrorCode::kInvalidInput);
  const nlohmann::json diagnostics = nlohmann::json::parse(invalid.json)["files"][0]["diagnostics"];
  ASSERT_FALSE(diagnostics.empty());
  EXPECT_EQ(diagnostics[0]["file"], "c.json");
  EXPECT_GT(diagnostics[0]["line"].get<int>(), 0);
  EXPECT_EQ(RunOnText("check", broken, "c.json", {}).json, invalid.json);
  EXPECT_FALSE(RunOnText("check", text, "c.json", {}).error.has_value());

  const Answer offer = RunOnText("evaluate", text, "c.json", {{"offer", "price=900,speed=1"}});
  EXPECT_EQ(offer.error, ErrorCode::kInvalidInput);
  const nlohmann::json messages = nlohmann::json::parse(offer.json)["messages"];
  ASSERT_FALSE(messages.empty());
  EXPECT_EQ(messages[0].get<std::string>().rfind("--offer: ", 0), 0u);
}

}  // namespace
}  // namespace parley::service
