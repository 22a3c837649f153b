// The libraries in a case: each kind inserted where it belongs (evidence, issues) with the
// library-only keys left out, an id clash refused with a free id suggested, a result that is
// not a valid case refused with its diagnostics, YAML cases read too; a case's evidence as
// library items; the request body of an item read with exact messages.
#include "parley/service/library.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "parley/core/error.h"
#include "parley/io/case_reader.h"
#include "parley/io/case_writer.h"

namespace parley::service {
namespace {

using nlohmann::json;

std::string MinimalYaml() {
  return io::WriteCaseYaml(
      *io::LoadCase(std::string(PARLEY_TEST_DATA_DIR) + "/good/minimal.yaml").value);
}

std::string MinimalCaseJson() {
  return io::WriteCaseJson(
      *io::LoadCase(std::string(PARLEY_TEST_DATA_DIR) + "/good/minimal.yaml").value);
}

store::LibraryItem Item(store::LibraryKind kind, const std::string& item) {
  store::LibraryItem i;
  i.id = 4;
  i.kind = kind;
  i.title = "t";
  i.item = item;
  return i;
}

std::vector<std::string> Messages(const CaseEdit& edit) {
  return json::parse(edit.problems.json)["messages"].get<std::vector<std::string>>();
}

TEST(InsertLibraryItemTest, PutsEvidenceBenchmarksAndClausesInTheEvidenceList) {
  const CaseEdit edit = InsertLibraryItem(
      MinimalCaseJson(),
      Item(store::LibraryKind::kBenchmark,
           R"({"id": "rent", "claim": "Rents fell 4%", "number": 4, "unit": "%"})"));
  ASSERT_FALSE(edit.problems.error) << edit.problems.json;
  const json c = json::parse(edit.case_json);
  ASSERT_EQ(c["evidence"].size(), 2u);
  EXPECT_EQ(c["evidence"][1], json::parse(R"({"id": "rent", "claim": "Rents fell 4%",
                                               "kind": "benchmark"})"));
  EXPECT_TRUE(io::ReadCaseText(edit.case_json, "c.json").Ok());

  const CaseEdit clause =
      InsertLibraryItem(MinimalYaml(), Item(store::LibraryKind::kClause,
                                            R"({"id": "liability-cap", "claim": "Liability is )"
                                            R"(capped at the fees of the last 12 months"})"));
  ASSERT_FALSE(clause.problems.error) << clause.problems.json;
  EXPECT_EQ(json::parse(clause.case_json)["evidence"][1]["kind"], "legal");

  const CaseEdit evidence = InsertLibraryItem(
      MinimalCaseJson(),
      Item(store::LibraryKind::kEvidence, R"({"id": "x", "kind": "policy", "claim": "c"})"),
      "approval-rule");
  ASSERT_FALSE(evidence.problems.error) << evidence.problems.json;
  EXPECT_EQ(json::parse(evidence.case_json)["evidence"][1],
            json::parse(R"({"id": "approval-rule", "kind": "policy", "claim": "c"})"));
}

TEST(InsertLibraryItemTest, PutsATradeablesIssueInTheIssuesList) {
  const CaseEdit edit = InsertLibraryItem(
      MinimalCaseJson(),
      Item(store::LibraryKind::kTradeable,
           R"({"issue": {"id": "term", "kind": "options", "options": ["1y", "3y"]},)"
           R"( "cost_to_us": "little", "worth_to_them": "planning certainty"})"));
  ASSERT_FALSE(edit.problems.error) << edit.problems.json;
  const json c = json::parse(edit.case_json);
  ASSERT_EQ(c["issues"].size(), 3u);
  EXPECT_EQ(c["issues"][2],
            json::parse(R"({"id": "term", "kind": "options", "options": ["1y", "3y"]})"));
  EXPECT_TRUE(io::ReadCaseText(edit.case_json, "c.json").Ok());
}

TEST(InsertLibraryItemTest, RefusesAnIdTheCaseHasSuggestingAFreeOne) {
  std::string text = MinimalCaseJson();
  const CaseEdit first = InsertLibraryItem(
      text, Item(store::LibraryKind::kEvidence, R"({"id": "quote-b-2", "claim": "c"})"));
  ASSERT_FALSE(first.problems.error);
  const CaseEdit clash = InsertLibraryItem(
      first.case_json, Item(store::LibraryKind::kEvidence, R"({"id": "quote-b", "claim": "c"})"));
  EXPECT_EQ(clash.problems.error, ErrorCode::kInvalidInput);
  EXPECT_TRUE(clash.case_json.empty());
  EXPECT_EQ(Messages(clash),
            std::vector<std::string>{"the case already has an id 'quote-b': insert the item under "
                                     "another id, such as 'quote-b-3' (?id=quote-b-3)"});
  // Ids are shared across lists: an issue may not take a party's id.
  const CaseEdit party = InsertLibraryItem(
      text, Item(store::LibraryKind::kTradeable,
                 R"({"issue": {"id": "seller", "kind": "options", "options": ["a"]}})"));
  EXPECT_EQ(Messages(party),
            std::vector<std::string>{"the case already has an id 'seller': insert the item under "
                                     "another id, such as 'seller-2' (?id=seller-2)"});
}

TEST(InsertLibraryItemTest, RefusesAnItemWithoutIdOrShape) {
  EXPECT_EQ(Messages(InsertLibraryItem(MinimalCaseJson(),
                                       Item(store::LibraryKind::kEvidence, R"({"claim": "c"})"))),
            std::vector<std::string>{"library item 4 has no id: give it one to insert it "
                                     "(?id=NEW_ID)"});
  const CaseEdit no_issue = InsertLibraryItem(
      MinimalCaseJson(), Item(store::LibraryKind::kTradeable, R"({"note": "x"})"));
  EXPECT_EQ(no_issue.problems.error, ErrorCode::kInvalidInput);
  EXPECT_EQ(Messages(no_issue),
            std::vector<std::string>{"library item 4: a tradeable holds an \"issue\" object (an "
                                     "issue as the case format defines it)"});
  const CaseEdit not_a_case = InsertLibraryItem(
      "title: [", Item(store::LibraryKind::kEvidence, R"({"id": "a", "claim": "c"})"));
  EXPECT_EQ(not_a_case.problems.error, ErrorCode::kUsage);
  EXPECT_EQ(Messages(not_a_case),
            std::vector<std::string>{"the case is neither JSON nor a valid case"});
}

TEST(InsertLibraryItemTest, RefusesAResultThatIsNotAValidCaseWithItsDiagnostics) {
  const CaseEdit edit = InsertLibraryItem(
      MinimalCaseJson(),
      Item(store::LibraryKind::kEvidence, R"({"id": "rent", "claim": "c", "kind": "rumour"})"));
  EXPECT_EQ(edit.problems.error, ErrorCode::kInvalidInput);
  EXPECT_TRUE(edit.case_json.empty());
  const json body = json::parse(edit.problems.json);
  const json diagnostics = body["files"][0]["diagnostics"];
  ASSERT_FALSE(diagnostics.empty()) << body.dump(2);
  const json d = diagnostics[0];
  EXPECT_EQ(d["severity"], "error");
  EXPECT_NE(d["message"].get<std::string>().find("rumour"), std::string::npos) << d.dump(2);
}

TEST(EvidenceOfCaseTest, GivesEachEvidenceItemAsALibraryItem) {
  const std::vector<store::LibraryItem> items = EvidenceOfCase(MinimalYaml());
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].kind, store::LibraryKind::kBenchmark);
  EXPECT_EQ(items[0].title, "quote-b");
  EXPECT_EQ(items[0].tags, std::vector<std::string>{"Minimal supply deal"});
  EXPECT_EQ(json::parse(items[0].item)["claim"], "A second supplier quoted 1000 for the same part");
  EXPECT_TRUE(EvidenceOfCase("{oops").empty());
}

TEST(LibraryItemFromJsonTest, ReadsTheBodyWithExactMessages) {
  const store::LibraryItem item = LibraryItemFromJson(
      R"({"kind": "clause", "title": "Cap", "item": {"id": "cap", "claim": "c"}, "tags": ["x"]})");
  EXPECT_EQ(item.kind, store::LibraryKind::kClause);
  EXPECT_EQ(item.item, R"({"id":"cap","claim":"c"})");  // in the order sent
  EXPECT_EQ(item.tags, std::vector<std::string>{"x"});
  const auto message = [](const std::string& body) {
    try {
      LibraryItemFromJson(body);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message(R"({"kind": "tradable", "title": "t", "item": {}})"),
            "kind: must be one of evidence, benchmark, tradeable, clause, not \"tradable\"");
  EXPECT_EQ(message(R"({"kind": "clause", "item": {}})"), "title: must be a non-empty text");
  EXPECT_EQ(message(R"({"kind": "clause", "title": "t", "item": "x"})"),
            "item: must be an object, the item in the case format's shape");
  EXPECT_EQ(message(R"({"kind": "clause", "title": "t", "item": {}, "tags": [1]})"),
            "tags: must be a list of texts");
  EXPECT_EQ(message("[]"),
            "the body must be a JSON object {\"kind\", \"title\", \"item\", \"tags\"}");
}

}  // namespace
}  // namespace parley::service
