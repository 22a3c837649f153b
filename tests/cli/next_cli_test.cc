// End-to-end tests of `parley next` on the sales renewal in progress
// (examples/sales-renewal-live.yaml): the text report and the JSON contract (goldens), the
// chair reversed, the advice before any offer, and a broken `rounds` entry.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli/cli_harness.h"

namespace {

using parley::testing::ExpectGolden;
using parley::testing::Parley;
using parley::testing::Result;
using Json = nlohmann::json;

const std::string kLive = "next examples/sales-renewal-live.yaml";

TEST(CliNextTest, GoldenTextAndJsonOfTheLiveRenewal) {
  const Result text = Parley(kLive);
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(text.err, "");
  ExpectGolden(text.out, "next/sales-renewal-live.txt");
  const Result json = Parley(kLive + " --format json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  ExpectGolden(json.out, "next/sales-renewal-live.json");
}

TEST(CliNextTest, JsonHasTheDocumentedKeys) {
  const Result r = Parley(kLive + " --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json j = Json::parse(r.out);
  for (const char* key : {"command", "file", "us", "them", "action", "rule", "offer", "offer_value",
                          "say", "reason", "walk_away", "target", "next_value", "offers", "pace",
                          "offers_to_go", "priorities", "rest"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j["action"], "counter");
  EXPECT_EQ(j["offers"].size(), 4u);
  EXPECT_EQ(j["offers"][3]["by"], "acme");
  EXPECT_EQ(j["offers"][3]["value"]["cloudco"], 125000.0);
  EXPECT_EQ(j["offers"][3]["our_change"], 15000.0);
  EXPECT_EQ(j["offers"][1]["our_change"], nullptr);
  EXPECT_EQ(j["walk_away"], 87000.0);
  // The line to say never holds our walk-away.
  EXPECT_EQ(j["say"].get<std::string>().find("87,000"), std::string::npos);
}

TEST(CliNextTest, FromTheirChairTheOfferOnTheTableIsTheirsSoTheyWait) {
  const Result r = Parley(kLive + " --as acme --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json j = Json::parse(r.out);
  EXPECT_EQ(j["us"], "acme");
  EXPECT_EQ(j["rule"], "wait");
  EXPECT_EQ(j["action"], "hold");
}

TEST(CliNextTest, WithoutOffersTheAdviceIsToStartWhereThePlanStarts) {
  // The renewal has no `rounds`, but its concession log has moved the talks to 124,000: the
  // advice restates that package rather than re-open at the anchor (134,000).
  const Result r = Parley("next examples/sales-renewal.yaml --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json j = Json::parse(r.out);
  EXPECT_EQ(j["rule"], "open");
  EXPECT_EQ(j["offer"]["price"], 124000.0);
  EXPECT_EQ(j["say"].get<std::string>().rfind("Where we have got to is ", 0), 0u);
  EXPECT_EQ(j["offers"].size(), 0u);
}

TEST(CliNextTest, AnOfferLeavingAnIssueOutIsPointedAt) {
  const std::string path = (parley::testing::TempDir("next_rounds") / "live.yaml").string();
  parley::testing::WriteText(path, R"(format: parley/1
title: Two issues
parties:
  - {id: a, side: us}
  - {id: b, side: them}
issues:
  - {id: x, kind: options, options: [one, two]}
  - {id: y, kind: number, range: [0, 10], step: 1}
values:
  a: {x: {one: 1, two: 0}, y: {linear: 1}}
  b: {x: {one: 0, two: 1}, y: {linear: -1}}
rounds:
  - {by: b, offer: {x: two}}
)");
  const Result r = Parley("next '" + path + "'");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("live.yaml:13:20: error: an offer must give every issue a value; this one "
                       "leaves out y"),
            std::string::npos)
      << r.err;
}

}  // namespace
