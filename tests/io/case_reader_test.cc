// Tests of ReadCaseText: valid YAML and JSON cases, and the exact diagnostics (FILE:LINE:COLUMN)
// for broken, hostile and oversized inputs. Line and column numbers were counted by hand in the
// texts below (1-based; columns count bytes).
#include "parley/io/case_reader.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "parley/core/error.h"
#include "parley/core/limits.h"
#include "parley/io/case_writer.h"
#include "parley/io/diagnostic.h"

namespace parley::io {
namespace {

std::vector<std::string> Formatted(const LoadResult& r) {
  std::vector<std::string> out;
  for (const Diagnostic& d : r.diagnostics) out.push_back(FormatDiagnostic(d));
  return out;
}

std::string Joined(const LoadResult& r) {
  std::string out;
  for (const std::string& line : Formatted(r)) out += line + "\n";
  return out;
}

LoadResult Yaml(std::string_view text) { return ReadCaseText(text, "case.yaml"); }

// --- Valid cases.

constexpr std::string_view kMinimalYaml = R"(format: parley/1
title: Minimal supply deal
context: procurement
relationship: repeated
culture: indirect
currency: EUR
parties:
  - id: buyer
    name: Buyer Ltd
    side: us
    batna: {value: -1000, costs: {risk: 50}, evidence: [quote-b]}
    deadline: {date: 2026-12-31, cost_per_week: 200}
    power:
      situational: {score: 4, evidence: [quote-b], note: two suppliers}
  - id: seller
    side: them
    batna: {range: [100, 300]}
issues:
  - id: price
    name: Unit price
    kind: number
    unit: EUR
    range: [800, 1200]
    step: 50
  - id: delivery
    kind: options
    options: [standard, express]
values:
  buyer:
    price: {linear: -1}
    delivery: {standard: 0, express: 80}
  seller:
    price: {points: [[800, 0], [1200, 400]]}
    delivery: {express: -30}
floors:
  buyer:
    price: {max: 1100}
evidence:
  - id: quote-b
    kind: benchmark
    claim: A second supplier quoted 1000 for the same part
    date: 2026-10-01
stakeholders:
  - id: cfo
    party: seller
    formal: 5
    veto: true
    stance: -1
    interests: [margin]
concessions:
  - item: faster delivery
    give: {delivery: express}
    get: {price: 1000}
rounds:
  - {by: seller, offer: {price: 1150, delivery: standard}, date: 2026-10-05}
  - by: buyer
    offer: {delivery: express, price: 900}
    note: express only if the price moves
)";

constexpr std::string_view kMinimalJson = R"({
  "format": "parley/1",
  "title": "Minimal supply deal",
  "context": "procurement",
  "relationship": "repeated",
  "culture": "indirect",
  "currency": "EUR",
  "parties": [
    {"id": "buyer", "name": "Buyer Ltd", "side": "us",
     "batna": {"value": -1000, "costs": {"risk": 50}, "evidence": ["quote-b"]},
     "deadline": {"date": "2026-12-31", "cost_per_week": 200},
     "power": {"situational": {"score": 4, "evidence": ["quote-b"], "note": "two suppliers"}}},
    {"id": "seller", "side": "them", "batna": {"range": [100, 300]}}
  ],
  "issues": [
    {"id": "price", "name": "Unit price", "kind": "number", "unit": "EUR",
     "range": [800, 1200], "step": 50},
    {"id": "delivery", "kind": "options", "options": ["standard", "express"]}
  ],
  "values": {
    "buyer": {"price": {"linear": -1}, "delivery": {"standard": 0, "express": 80}},
    "seller": {"price": {"points": [[800, 0], [1200, 400]]}, "delivery": {"express": -30}}
  },
  "floors": {"buyer": {"price": {"max": 1100}}},
  "evidence": [
    {"id": "quote-b", "kind": "benchmark",
     "claim": "A second supplier quoted 1000 for the same part", "date": "2026-10-01"}
  ],
  "stakeholders": [
    {"id": "cfo", "party": "seller", "formal": 5, "veto": true, "stance": -1,
     "interests": ["margin"]}
  ],
  "concessions": [
    {"item": "faster delivery", "give": {"delivery": "express"}, "get": {"price": 1000}}
  ],
  "rounds": [
    {"by": "seller", "offer": {"price": 1150, "delivery": "standard"}, "date": "2026-10-05"},
    {"by": "buyer", "offer": {"delivery": "express", "price": 900},
     "note": "express only if the price moves"}
  ]
}
)";

// The case both texts above describe, built by hand.
Case ExpectedMinimal() {
  Case c;
  c.title = "Minimal supply deal";
  c.context = Context::kProcurement;
  c.relationship = Relationship::kRepeated;
  c.culture = Culture::kIndirect;
  c.currency = "EUR";
  Party buyer;
  buyer.id = "buyer";
  buyer.name = "Buyer Ltd";
  buyer.side = Side::kUs;
  Batna b;
  b.value = -1000;
  b.costs.risk = 50;
  b.evidence = {"quote-b"};
  buyer.batna = b;
  Deadline d;
  d.date = "2026-12-31";
  d.cost_per_week = 200;
  buyer.deadline = d;
  buyer.power[static_cast<int>(PowerSource::kSituational)] =
      PowerScore{4, {"quote-b"}, "two suppliers"};
  Party seller;
  seller.id = "seller";
  seller.side = Side::kThem;
  Batna s;
  s.range = std::make_pair(100.0, 300.0);
  seller.batna = s;
  c.parties = {buyer, seller};
  Issue price;
  price.id = "price";
  price.name = "Unit price";
  price.kind = IssueKind::kNumber;
  price.unit = "EUR";
  price.lo = 800;
  price.hi = 1200;
  price.step = 50;
  Issue delivery;
  delivery.id = "delivery";
  delivery.kind = IssueKind::kOptions;
  delivery.options = {"standard", "express"};
  c.issues = {price, delivery};
  Preferences bv;
  bv.party = "buyer";
  bv.terms = {{"price", 1, LinearValue{-1}},
              {"delivery", 1, TableValue{{{"standard", 0}, {"express", 80}}}}};
  Preferences sv;
  sv.party = "seller";
  sv.terms = {{"price", 1, PointsValue{{{800, 0}, {1200, 400}}}},
              {"delivery", 1, TableValue{{{"express", -30}}}}};
  c.values = {bv, sv};
  Floor f;
  f.party = "buyer";
  f.issue = "price";
  f.max = 1100;
  c.floors = {f};
  Evidence e;
  e.id = "quote-b";
  e.kind = EvidenceKind::kBenchmark;
  e.claim = "A second supplier quoted 1000 for the same part";
  e.date = "2026-10-01";
  c.evidence = {e};
  Stakeholder cfo;
  cfo.id = "cfo";
  cfo.party = "seller";
  cfo.formal = 5;
  cfo.veto = true;
  cfo.stance = -1;
  cfo.interests = {"margin"};
  c.stakeholders = {cfo};
  Concession con;
  con.item = "faster delivery";
  con.give = {{"delivery", std::string("express")}};
  con.get = {{"price", 1000.0}};
  c.concessions = {con};
  c.rounds = {
      Round{"seller", {{"price", 1150.0}, {"delivery", std::string("standard")}}, "2026-10-05", ""},
      Round{"buyer",
            {{"delivery", std::string("express")}, {"price", 900.0}},
            "",
            "express only if the price moves"}};
  return c;
}

TEST(CaseReaderTest, ReadsAValidYamlCase) {
  const LoadResult r = Yaml(kMinimalYaml);
  ASSERT_TRUE(r.Ok()) << Joined(r);
  EXPECT_TRUE(r.diagnostics.empty()) << Joined(r);
  EXPECT_EQ(*r.value, ExpectedMinimal());
}

TEST(CaseReaderTest, ReadsTheSameCaseFromJson) {
  const LoadResult r = ReadCaseText(kMinimalJson, "case.json");
  ASSERT_TRUE(r.Ok()) << Joined(r);
  EXPECT_TRUE(r.diagnostics.empty()) << Joined(r);
  EXPECT_EQ(*r.value, ExpectedMinimal());
  // Forcing either syntax works too: JSON is read as JSON, and as YAML (a superset).
  EXPECT_EQ(ReadCaseText(kMinimalJson, "c", CaseSyntax::kJson).value, ExpectedMinimal());
  EXPECT_EQ(ReadCaseText(kMinimalJson, "c", CaseSyntax::kYaml).value, ExpectedMinimal());
  // Leading blank lines still select JSON.
  const std::string padded = "\n  \t\r\n" + std::string(kMinimalJson);
  EXPECT_EQ(ReadCaseText(padded, "c").value, ExpectedMinimal());
}

TEST(CaseReaderTest, ReadsUtilityFormValues) {
  const LoadResult r = Yaml(R"(format: parley/1
title: Laptops
parties:
  - {id: buyer, side: us, batna: {utility: 0.4}, deadline: {discount: 0.9}}
  - {id: seller, side: them, batna: {outcome: {laptop: HP, memory: 3}}}
issues:
  - {id: laptop, kind: options, options: [Dell, Macintosh, HP]}
  - {id: memory, kind: number, range: [0, 10], step: 1}
values:
  buyer:
    laptop: {weight: 0.445, table: {Dell: 0.4, Macintosh: 1.0, HP: 0.7}}
    memory: {weight: 0.378, linear: {from: 0, slope: 0.08, offset: 0.3}}
rectangles:
  seller:
    max_utility: 10
    weight: 0.8
    boxes:
      - {utility: 4, include: {memory: [0, 5]}, exclude: {memory: [3, 3]}}
)");
  ASSERT_TRUE(r.Ok()) << Joined(r);
  const Case& c = *r.value;
  EXPECT_EQ(c.parties[0].batna->utility, 0.4);
  EXPECT_EQ(c.parties[0].deadline->discount, 0.9);
  EXPECT_EQ(c.parties[1].batna->outcome, (Package{{"laptop", std::string("HP")}, {"memory", 3.0}}));
  ASSERT_EQ(c.values.size(), 2u);
  EXPECT_EQ(c.values[0].form, ValueForm::kUtility);
  EXPECT_EQ(c.values[0].terms[0].weight, 0.445);
  EXPECT_EQ(c.values[0].terms[0].evaluator,
            Evaluator(TableValue{{{"Dell", 0.4}, {"Macintosh", 1.0}, {"HP", 0.7}}}));
  EXPECT_EQ(c.values[0].terms[1].evaluator, Evaluator(ClampedLinearValue{0, 0.08, 0.3}));
  EXPECT_EQ(c.values[1].form, ValueForm::kRectangles);
  ASSERT_TRUE(c.values[1].rectangles.has_value());
  EXPECT_EQ(c.values[1].rectangles->max_utility, 10);
  EXPECT_EQ(c.values[1].rectangles->weight, 0.8);
  ASSERT_EQ(c.values[1].rectangles->boxes.size(), 1u);
  EXPECT_EQ(c.values[1].rectangles->boxes[0].include, (std::vector<IssueBound>{{"memory", 0, 5}}));
  EXPECT_EQ(c.values[1].rectangles->boxes[0].exclude, (std::vector<IssueBound>{{"memory", 3, 3}}));
}

TEST(CaseReaderTest, ScalarsKeepTheirSpelling) {
  const LoadResult r = Yaml(R"(format: parley/1
title: 2026
parties:
  - {id: '044', side: us}
  - {id: "true", side: them}
issues:
  - {id: x, kind: options, options: [044, 1.50, true, "null", 'a: b', 19'' LCD, Zürich]}
)");
  ASSERT_TRUE(r.Ok()) << Joined(r);
  EXPECT_EQ(r.value->title, "2026");
  EXPECT_EQ(r.value->parties[0].id, "044");
  EXPECT_EQ(r.value->parties[1].id, "true");
  EXPECT_EQ(r.value->issues[0].options, (std::vector<std::string>{"044", "1.50", "true", "null",
                                                                  "a: b", "19'' LCD", "Zürich"}));
}

TEST(CaseReaderTest, OptionCalledWeightInAMoneyTable) {
  // A money table of an options issue whose option is named "weight" is not a utility spec.
  const LoadResult r = Yaml(R"(format: parley/1
title: Shipping
parties:
  - {id: a, side: us}
  - {id: b, side: them}
issues:
  - {id: ship, kind: options, options: [weight, volume, table]}
values:
  a: {ship: {weight: 5, volume: 2, table: 1}}
  b: {ship: {weight: 0.5, table: {weight: 1, volume: 0.2}}}
)");
  ASSERT_TRUE(r.Ok()) << Joined(r);
  EXPECT_EQ(r.value->values[0].form, ValueForm::kMoney);
  EXPECT_EQ(r.value->values[0].terms[0].evaluator,
            Evaluator(TableValue{{{"weight", 5}, {"volume", 2}, {"table", 1}}}));
  EXPECT_EQ(r.value->values[1].form, ValueForm::kUtility);
  EXPECT_EQ(r.value->values[1].terms[0].weight, 0.5);
  EXPECT_EQ(r.value->values[1].terms[0].evaluator,
            Evaluator(TableValue{{{"weight", 1}, {"volume", 0.2}}}));
}

TEST(CaseReaderTest, AcceptsATrillionPointGrid) {
  const LoadResult r = Yaml(R"(format: parley/1
title: Huge grid
parties:
  - {id: a, side: us}
  - {id: b, side: them}
issues:
  - {id: price, kind: number, range: [0, 1000000000000], step: 1}
  - {id: fine, kind: number, range: [0, 1], step: 1e-12}
values:
  a: {price: {linear: 1}, fine: {points: [[0.5, 1], [0.5000001, 2]]}}
)");
  ASSERT_TRUE(r.Ok()) << Joined(r);
  EXPECT_EQ(r.value->issues[0].ValueCount(), 1000000000001u);
  EXPECT_EQ(r.value->issues[1].ValueCount(), 1000000000001u);
}

TEST(CaseReaderTest, WarningsDoNotBlockTheCase) {
  const LoadResult r = Yaml(R"(format: parley/1
title: A BATNA on the wrong scale
parties:
  - {id: a, side: us, batna: {value: 5000}}
  - {id: b, side: them}
issues:
  - {id: price, kind: number, range: [0, 100], step: 10}
values:
  a: {price: {linear: 1}}
)");
  EXPECT_TRUE(r.Ok());
  ASSERT_TRUE(r.value.has_value());
  ASSERT_EQ(r.diagnostics.size(), 1u) << Joined(r);
  EXPECT_EQ(r.diagnostics[0].severity, Severity::kWarning);
  EXPECT_EQ(
      FormatDiagnostic(r.diagnostics[0])
          .rfind("case.yaml:4:30: warning: party 'a' walks away with at least 5000, more than its "
                 "best possible deal (100)",
                 0),
      0u)
      << Joined(r);
  EXPECT_FALSE(HasErrors(r.diagnostics));
}

// --- Structural errors, with exact text.

// An offer in `rounds` is pointed at where it is written: an unknown key, a missing issue, a date
// that goes back.
TEST(CaseReaderTest, RoundsErrorsPointAtTheOffer) {
  const LoadResult r = Yaml(R"(format: parley/1
title: Rounds
parties:
  - {id: a, side: us}
  - {id: b, side: them}
issues:
  - {id: x, kind: options, options: [one, two]}
  - {id: y, kind: number, range: [0, 10], step: 1}
rounds:
  - {by: a, offer: {x: one, y: 3}, date: 2026-03-02}
  - {by: b, offer: {x: two}, date: 2026-03-01}
  - {by: a, offer: {x: one, y: 4}, said: final}
)");
  EXPECT_FALSE(r.Ok());
  EXPECT_EQ(Formatted(r),
            (std::vector<std::string>{
                "case.yaml:11:20: error: an offer must give every issue a value; this one leaves "
                "out y (write the terms that stood for them, e.g. the current contract's)",
                "case.yaml:11:36: error: rounds go oldest first, but 2026-03-01 comes after an "
                "offer dated 2026-03-02",
                "case.yaml:12:36: error: unknown key 'said' in an offer in `rounds` (the keys here "
                "are by | "
                "offer | date | note)",
            }));
}

TEST(CaseReaderTest, UnknownKeysWithHints) {
  const LoadResult r = Yaml(R"(format: parley/1
title: Typos
currancy: EUR
parties:
  - id: a
    side: us
    deadlin: {date: 2026-12-31}
    power:
      situationnal: {score: 3}
  - id: b
    side: them
issues:
  - {id: x, kind: options, options: [one], unti: EUR}
)");
  EXPECT_FALSE(r.Ok());
  EXPECT_FALSE(r.value.has_value());
  EXPECT_EQ(Formatted(r),
            (std::vector<std::string>{
                "case.yaml:3:1: error: unknown key 'currancy' in the case (did you mean "
                "'currency'?)",
                "case.yaml:7:5: error: unknown key 'deadlin' in a party (did you mean "
                "'deadline'?)",
                "case.yaml:9:7: error: unknown power source 'situationnal'; the six are "
                "situational, knowledge, information, organizational, personal, planning (did "
                "you mean 'situational'?)",
                "case.yaml:13:44: error: unknown key 'unti' in an issue (did you mean 'unit'?)"}));
  EXPECT_EQ(r.diagnostics[1].hint, "did you mean 'deadline'?");
  EXPECT_EQ(r.diagnostics[1].line, 7);
  EXPECT_EQ(r.diagnostics[1].column, 5);
  EXPECT_EQ(r.diagnostics[1].file, "case.yaml");
}

TEST(CaseReaderTest, WrongTypes) {
  const LoadResult r = Yaml(R"(format: parley/1
title: [not, text]
parties:
  - id: a
    side: us
    perceived_power: "3"
  - id: b
    side: them
    stakeholder: x
issues:
  - id: price
    kind: number
    range: 5
    step: ten
  - id: plan
    kind: options
    options: basic
stakeholders:
  - {id: s, party: a, veto: yes}
)");
  EXPECT_EQ(Formatted(r),
            (std::vector<std::string>{
                "case.yaml:2:8: error: `title` must be text, not a list",
                "case.yaml:6:22: error: `perceived_power` must be a number, not '3' (a quoted "
                "string)",
                "case.yaml:9:5: error: unknown key 'stakeholder' in a party (the keys here are id "
                "| name | "
                "side | description | batna | deadline | sets | power | perceived_power)",
                "case.yaml:13:12: error: `range` must be a list of two numbers [low, high], not "
                "'5'",
                "case.yaml:14:11: error: `step` must be a number, not 'ten'",
                "case.yaml:17:14: error: `options` must be a list, not 'basic'",
                "case.yaml:19:29: error: `veto` must be true or false, not 'yes'"}));
}

TEST(CaseReaderTest, TimeAndHorizonFields) {
  const LoadResult r = Yaml(R"(format: parley/1
title: t
relationship: repeated
horizon: {deals: 3, likelihood: 0.8}
parties:
  - id: seller
    side: us
    deadline: {date: none, cost_per_week: 2000}
    sets:
      - {date: 2026-12-15, for: buyer, reason: capacity held to the 15th, evidence: [plan]}
  - id: buyer
    side: them
    deadline: none
  - id: other
    side: them
issues:
  - {id: price, kind: number, range: [0, 10], step: 1}
evidence:
  - {id: plan, kind: capacity, claim: the delivery plan holds the team to the 15th}
)");
  ASSERT_TRUE(r.Ok()) << ::testing::PrintToString(Formatted(r));
  const Case& c = *r.value;
  ASSERT_TRUE(c.horizon.has_value());
  EXPECT_EQ(c.horizon->deals, 3u);
  EXPECT_EQ(c.horizon->likelihood, 0.8);
  EXPECT_TRUE(c.parties[0].deadline->none);
  EXPECT_EQ(c.parties[0].deadline->date, "");
  EXPECT_EQ(c.parties[0].deadline->cost_per_week, 2000);
  ASSERT_EQ(c.parties[0].sets.size(), 1u);
  EXPECT_EQ(c.parties[0].sets[0],
            (ImposedDate{"2026-12-15", "buyer", "capacity held to the 15th", {"plan"}}));
  EXPECT_TRUE(c.parties[1].deadline->none);
  EXPECT_FALSE(c.parties[2].deadline.has_value());  // unknown
  // Written back: `deadline: none` stays a word, `date: none` stays in the map.
  const std::string yaml = WriteCaseYaml(c);
  EXPECT_NE(yaml.find("deadline: none"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("date: none"), std::string::npos) << yaml;
}

TEST(CaseReaderTest, TimeAndHorizonErrors) {
  const LoadResult r = Yaml(R"(format: parley/1
title: t
relationship: one-off
horizon: {deals: 2.5, likelihood: 1.5}
parties:
  - id: seller
    side: us
    deadline: soon
    sets:
      - {date: 2026-13-01, for: seller}
      - {date: 2026-12-01, for: byer}
      - {for: buyer}
  - id: buyer
    side: them
issues:
  - {id: price, kind: number, range: [0, 10], step: 1}
)");
  EXPECT_EQ(Formatted(r),
            (std::vector<std::string>{
                "case.yaml:4:18: error: `deals` is a whole number from 0 to 100, not 2.5",
                "case.yaml:4:35: error: a likelihood must be between 0 and 1, not 1.5",
                "case.yaml:8:15: error: `deadline` must be a map (date, cost_per_week, discount, "
                "evidence) or `none` (no time pressure at all), not 'soon'",
                "case.yaml:10:16: error: '2026-13-01' is not a date; write YYYY-MM-DD",
                "case.yaml:10:33: error: party 'seller' sets this date for itself; a party's own "
                "date is its `deadline`, and `sets` names another party",
                "case.yaml:11:33: error: unknown party 'byer' (did you mean 'buyer'?)",
                "case.yaml:12:9: error: a date set for another side is missing the required key "
                "'date'"}));
  // The one-off relationship with future deals is found by the check, at the deals.
  const LoadResult one_off = Yaml(R"(format: parley/1
title: t
relationship: one-off
horizon: {deals: 2}
parties:
  - {id: seller, side: us}
  - {id: buyer, side: them}
issues:
  - {id: price, kind: number, range: [0, 10], step: 1}
)");
  EXPECT_EQ(Formatted(one_off),
            (std::vector<std::string>{
                "case.yaml:4:18: error: a one-off relationship has no future deals, yet the "
                "horizon states 2; write `relationship: repeated` or `deals: 0`"}));
}

TEST(CaseReaderTest, EnumsAndFormat) {
  const LoadResult r = Yaml(R"(format: parley/2
title: t
context: sale
culture: polite
parties:
  - {id: a, side: we}
  - {id: b, side: them}
issues:
  - {id: x, kind: option, options: [one]}
evidence:
  - {id: e, kind: benchmrk, claim: c}
)");
  EXPECT_EQ(Formatted(r),
            (std::vector<std::string>{
                "case.yaml:1:9: error: unsupported format 'parley/2'; this version reads "
                "`format: parley/1`",
                "case.yaml:3:10: error: `context` must be one of sales | procurement | "
                "partnership | hiring | internal | other, not 'sale' (did you mean 'sales'?)",
                "case.yaml:4:10: error: `culture` must be one of direct | indirect, not 'polite'",
                // The unreadable side leaves party a on `them`.
                "case.yaml:6:3: error: no party has `side: us`; exactly one party must be `us`",
                "case.yaml:6:19: error: `side` must be one of us | them, not 'we'",
                "case.yaml:9:19: error: `kind` must be one of number | options, not 'option' "
                "(did you mean 'options'?)",
                "case.yaml:11:19: error: `kind` must be one of benchmark | cost | legal | "
                "precedent | capacity | policy | research | other, not 'benchmrk' (did you mean "
                "'benchmark'?)"}));
}

TEST(CaseReaderTest, MissingRequiredFields) {
  const LoadResult r = Yaml(R"(format: parley/1
parties:
  - id: a
    side: us
  - side: them
issues:
  - id: price
    kind: number
  - kind: options
    options: [x]
)");
  EXPECT_EQ(Formatted(r),
            (std::vector<std::string>{
                "case.yaml:1:1: error: the case is missing the required key 'title'",
                "case.yaml:5:5: error: a party is missing the required key 'id'",
                "case.yaml:7:5: error: number issue 'price' needs `range: [low, high]`",
                "case.yaml:7:5: error: number issue 'price' needs `step`: the grid of values "
                "considered",
                "case.yaml:9:5: error: an issue is missing the required key 'id'"}));
}

TEST(CaseReaderTest, NullListItems) {
  const LoadResult r = Yaml(R"(format: parley/1
title: t
parties:
  - {id: a, side: us}
  - {id: b, side: them}
issues:
  - {id: x, kind: options, options: [one, null, ~, [two]]}
)");
  EXPECT_EQ(Formatted(r),
            (std::vector<std::string>{
                "case.yaml:7:43: error: each item of `options` must be text, not nothing",
                "case.yaml:7:49: error: each item of `options` must be text, not nothing",
                "case.yaml:7:52: error: each item of `options` must be text, not a list"}));
}

TEST(CaseReaderTest, UnreadableBatnaNumberIsReportedOnce) {
  const LoadResult r = Yaml(R"(format: parley/1
title: t
parties:
  - {id: a, side: us, batna: {value: lots}}
  - {id: b, side: them, batna: {range: [1, many]}}
issues:
  - {id: x, kind: number, range: [0, 10], step: 1}
floors:
  a: {x: {min: some}}
)");
  EXPECT_EQ(Formatted(r), (std::vector<std::string>{
                              "case.yaml:4:38: error: `value` must be a number, not 'lots'",
                              "case.yaml:5:44: error: `range` must be a number, not 'many'",
                              "case.yaml:9:16: error: `min` must be a number, not 'some'"}));
}

TEST(CaseReaderTest, YamlSyntaxErrors) {
  EXPECT_EQ(Formatted(Yaml(R"(format: parley/1
title: Broken YAML
parties:
  - id: a
    side: us
  - id: b
   side: them
issues: []
)")),
            std::vector<std::string>{
                "case.yaml:7:4: error: YAML syntax: end of sequence not found (check the "
                "indentation and brackets on this line and the one before)"});
  EXPECT_EQ(Formatted(Yaml("format: parley/1\ntitle: [a, b\nparties: []\nissues: []\n")),
            std::vector<std::string>{
                "case.yaml:3:8: error: YAML syntax: end of sequence flow not found (check the "
                "indentation and brackets on this line and the one before)"});
  EXPECT_EQ(Formatted(Yaml("format: parley/1\ntitle: t\nparties:\n\t- id: a\n")),
            std::vector<std::string>{
                "case.yaml:4:2: error: YAML syntax: illegal block entry (check the indentation "
                "and brackets on this line and the one before)"});
}

// A quote left open swallows the keys after it: the reader points at the quote, whether the
// rest then fails to parse or parses into a case missing its parts; a quoted text whose lines
// hold no key at column 0 is fine.
TEST(CaseReaderTest, AnOpenQuoteIsPointedAtWhereItOpens) {
  const std::vector<std::string> open =
      Formatted(Yaml("format: parley/1\ntitle: \"Renewal\nparties:\n  - {id: a, side: us}\n"
                     "issues: [{id: x, kind: options, options: [\"p\", q]}]\n"));
  ASSERT_FALSE(open.empty());
  EXPECT_EQ(open[0],
            "case.yaml:2:8: warning: this quote is still open at line 3 (`parties:`), so "
            "everything in between reads as one text (close the quote where the text ends)");
  const std::vector<std::string> fine =
      Formatted(Yaml("format: parley/1\ntitle: \"Renewal,\n  next year: a plan\"\n"));
  for (const std::string& line : fine) EXPECT_EQ(line.find("still open"), std::string::npos);
}

TEST(CaseReaderTest, JsonSyntaxErrors) {
  const std::string trailing_comma = R"({
  "format": "parley/1",
  "title": "Broken JSON",
  "parties": [
    {"id": "a", "side": "us"},
    {"id": "b", "side": "them"},
  ],
  "issues": []
}
)";
  EXPECT_EQ(Formatted(ReadCaseText(trailing_comma, "case.json")),
            std::vector<std::string>{
                "case.json:7:3: error: JSON syntax error while parsing value - unexpected ']'; "
                "expected '[', '{', or a literal"});
  EXPECT_EQ(Formatted(ReadCaseText("{\n  \"format\" \"parley/1\"\n}\n", "case.json")),
            std::vector<std::string>{
                "case.json:2:21: error: JSON syntax error while parsing object separator - "
                "unexpected string literal; expected ':'"});
  // An empty file forced to JSON.
  const LoadResult empty = ReadCaseText("", "case.json", CaseSyntax::kJson);
  EXPECT_FALSE(empty.Ok());
  ASSERT_EQ(empty.diagnostics.size(), 1u);
  EXPECT_EQ(empty.diagnostics[0].line, 1);
  EXPECT_EQ(empty.diagnostics[0].column, 1);
  EXPECT_NE(empty.diagnostics[0].message.find("unexpected end of input"), std::string::npos)
      << empty.diagnostics[0].message;
}

TEST(CaseReaderTest, PartyMixingMoneyAndUtilityForms) {
  const LoadResult r = Yaml(R"(format: parley/1
title: A party mixing money and utility
parties:
  - {id: a, side: us, batna: {value: 3}}
  - {id: b, side: them}
issues:
  - {id: price, kind: number, range: [0, 10], step: 1}
  - {id: colour, kind: options, options: [red, blue]}
values:
  a:
    price: {linear: 2}
    colour: {weight: 0.5, table: {red: 1, blue: 0}}
)");
  EXPECT_EQ(Formatted(r), std::vector<std::string>{
                              "case.yaml:12:5: error: party 'a' mixes money values (e.g. "
                              "'price') with utility weights (e.g. 'colour'); a party uses one "
                              "form throughout"});
  // The same in JSON, utility first.
  const LoadResult j = ReadCaseText(R"({"format": "parley/1", "title": "t",
 "parties": [{"id": "a", "side": "us"}, {"id": "b", "side": "them"}],
 "issues": [{"id": "p", "kind": "number", "range": [0, 1], "step": 1},
            {"id": "q", "kind": "number", "range": [0, 1], "step": 1}],
 "values": {"a": {"p": {"weight": 1, "constant": 1}, "q": {"linear": 3}}}}
)",
                                    "case.json");
  // The party is read in money form, so its utility evaluator is also reported.
  EXPECT_EQ(Formatted(j),
            (std::vector<std::string>{
                "case.json:5:19: error: party 'a' mixes money values (e.g. 'q') with utility "
                "weights (e.g. 'p'); a party uses one form throughout",
                "case.json:5:24: error: this evaluator is for utility-form parties (with a "
                "`weight`); in money form use `linear: k` or `points`"}));
}

// A text with a comma inside {...} is cut there, and the rest reads as a key with no value:
// the hint says to quote the whole text, and shows it.
TEST(CaseReaderTest, ACommaInAnUnquotedTextInsideBracesIsExplained) {
  const LoadResult r = Yaml(R"(format: parley/1
title: t
parties:
  - {id: a, side: us, power: {knowledge: {score: 4, note: Six calls, pilot with SRE}}}
  - {id: b, side: them}
issues:
  - {id: p, kind: number, range: [0, 10], step: 1}
)");
  EXPECT_EQ(Formatted(r), std::vector<std::string>{
                              "case.yaml:4:70: error: unknown key 'pilot with SRE' in power "
                              "source 'knowledge' (inside {...} a comma ends a text: quote the "
                              "whole text, note: \"Six calls, pilot with SRE\")"});
}

TEST(CaseReaderTest, DuplicateMapKeys) {
  EXPECT_EQ(Formatted(Yaml(R"(format: parley/1
title: First title
title: Second title
parties:
  - {id: a, side: us, side: them}
  - {id: b, side: them}
issues:
  - {id: x, kind: options, options: [one]}
)")),
            (std::vector<std::string>{
                "case.yaml:3:1: error: duplicate key 'title' (first written at line 2)",
                "case.yaml:5:23: error: duplicate key 'side' (first written at line 5)"}));
  // JSON parsers often keep the last duplicate silently; Parley reports it.
  EXPECT_EQ(
      Formatted(ReadCaseText(
          R"({"format": "parley/1", "title": "a", "title": "b", "parties": [], "issues": []})",
          "case.json")),
      std::vector<std::string>{
          "case.json:1:38: error: duplicate key 'title' (first written at line 1)"});
}

TEST(CaseReaderTest, EmptyFiles) {
  const std::vector<std::string> expected = {
      "case.yaml:1:1: error: the file is empty; a case starts with `format: parley/1`"};
  EXPECT_EQ(Formatted(Yaml("")), expected);
  EXPECT_EQ(Formatted(Yaml("\n\n   \n")), expected);
  EXPECT_EQ(Formatted(Yaml("# only a comment\n")), expected);
  EXPECT_EQ(Formatted(Yaml("---\n")), expected);
  EXPECT_FALSE(Yaml("").value.has_value());
  // An empty JSON object is a map missing every required key.
  EXPECT_EQ(Formatted(ReadCaseText("{}", "case.json")),
            (std::vector<std::string>{
                "case.json:1:1: error: the case is missing the required key 'format'",
                "case.json:1:1: error: the case is missing the required key 'title'",
                "case.json:1:1: error: the case is missing the required key 'parties'",
                "case.json:1:1: error: the case is missing the required key 'issues'"}));
}

TEST(CaseReaderTest, NotAMap) {
  EXPECT_EQ(Formatted(Yaml("- just\n- a list\n")),
            std::vector<std::string>{"case.yaml:1:1: error: a case file is a map of keys (format, "
                                     "title, parties, issues, ...), not a list"});
  EXPECT_EQ(Formatted(Yaml("just text\n")),
            std::vector<std::string>{"case.yaml:1:1: error: a case file is a map of keys (format, "
                                     "title, parties, issues, ...), not 'just text'"});
}

TEST(CaseReaderTest, BinaryGarbageWithANulByte) {
  const std::string text("format: parley/1\ntitle: ab\0cd\n\xff\xfe\x01", 31);
  ASSERT_EQ(text.size(), 31u);
  const LoadResult r = Yaml(text);
  EXPECT_EQ(Formatted(r),
            std::vector<std::string>{"case.yaml:2:10: error: the file contains a NUL byte: it is "
                                     "binary, not a YAML or JSON case file"});
  EXPECT_EQ(r.diagnostics[0].severity, Severity::kError);
  EXPECT_FALSE(HasLimit(r.diagnostics));
}

RC_GTEST_PROP(CaseReaderTest, RandomBytesNeverThrow, ()) {
  const std::string bytes = *rc::gen::container<std::string>(rc::gen::arbitrary<char>());
  const LoadResult r = Yaml(bytes);
  RC_ASSERT(!r.Ok());  // random bytes are never a valid case
  RC_ASSERT(!r.value.has_value());
  RC_ASSERT(!r.diagnostics.empty());
  const LoadResult j = ReadCaseText("{" + bytes, "case.json");
  RC_ASSERT(!j.Ok());
}

RC_GTEST_PROP(CaseReaderTest, MutatedCasesNeverThrow, ()) {
  // Random byte edits of a valid case: diagnostics or a case, never an exception or a crash.
  std::string text(*rc::gen::element(kMinimalYaml, kMinimalJson));
  const int edits = *rc::gen::inRange(1, 6);
  for (int i = 0; i < edits; ++i) {
    const std::size_t at = *rc::gen::inRange<std::size_t>(0, text.size());
    switch (*rc::gen::inRange(0, 3)) {
      case 0:
        text.erase(at, *rc::gen::inRange<std::size_t>(1, 20));
        break;
      case 1:
        text.insert(at, 1,
                    *rc::gen::element('[', ']', '{', '}', ':', '-', ' ', '\n', '"', '\'', '&', '*',
                                      '!', '|', '>', '#', ',', '?', 'x', '9'));
        break;
      default:
        text[at] = *rc::gen::arbitrary<char>();
        break;
    }
  }
  const LoadResult r = Yaml(text);
  RC_ASSERT(r.Ok() == (r.value.has_value() && !HasErrors(r.diagnostics)));
  if (!r.value) RC_ASSERT(HasErrors(r.diagnostics));
  for (const Diagnostic& d : r.diagnostics) {
    RC_ASSERT(d.file == "case.yaml");
    RC_ASSERT(!d.message.empty());
    RC_ASSERT(d.line >= 0);
    RC_ASSERT(d.column >= 0);
  }
}

// --- Limits.

TEST(CaseReaderTest, AliasBombIsALimit) {
  // Billion laughs: 10 levels of 10 aliases would expand to 10^10 nodes.
  std::string text = "format: parley/1\ntitle: Billion laughs\n";
  text += "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int level = 1; level < 10; ++level) {
    const std::string prev = "*l" + std::to_string(level - 1);
    text += "l" + std::to_string(level) + ": &l" + std::to_string(level) + " [";
    for (int i = 0; i < 10; ++i) text += (i ? ", " : "") + prev;
    text += "]\n";
  }
  text += "parties: [*l9]\nissues: []\n";
  const LoadResult r = Yaml(text);
  ASSERT_EQ(r.diagnostics.size(), 1u) << Joined(r);
  EXPECT_EQ(r.diagnostics[0].severity, Severity::kLimit);
  EXPECT_EQ(r.diagnostics[0].message,
            "the document has more than 250000 nodes (aliases count each time they are used); a "
            "case file is far smaller");
  EXPECT_TRUE(HasLimit(r.diagnostics));
  EXPECT_TRUE(HasErrors(r.diagnostics));
  EXPECT_FALSE(r.value.has_value());
  // Aliases are counted each time: a small bomb (10^4 nodes) is fine structurally.
  std::string small = "format: parley/1\ntitle: t\nx: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n";
  small += "y: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n";
  small += "z: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nparties: []\nissues: []\n";
  EXPECT_FALSE(HasLimit(Yaml(small).diagnostics)) << Joined(Yaml(small));
}

TEST(CaseReaderTest, DeepFlowNestingIsALimit) {
  // Reported at the bracket that goes one level past 64.
  auto limit_at = [](const std::string& position) {
    return std::vector<std::string>{"case.yaml:" + position +
                                    ": error: limit exceeded: nesting deeper than 64 levels; a "
                                    "case file needs far fewer"};
  };
  // "parties: " is 9 bytes: the 65th '[' is at column 10 + 64.
  const std::string deep = "format: parley/1\ntitle: t\nparties: " + std::string(100000, '[');
  const LoadResult r = Yaml(deep);
  EXPECT_EQ(Formatted(r), limit_at("3:74"));
  EXPECT_EQ(r.diagnostics[0].severity, Severity::kLimit);
  EXPECT_EQ(Formatted(Yaml("a: " + std::string(100000, '{'))), limit_at("1:68"));
  // Balanced, in JSON: the outer '{' is level 1, so the 64th '[' (column 11 + 64) is level 65.
  const std::string json =
      "{\"format\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
  EXPECT_EQ(Formatted(ReadCaseText(json, "case.yaml")), limit_at("1:75"));
  EXPECT_EQ(Formatted(ReadCaseText(json, "case.yaml", CaseSyntax::kJson)), limit_at("1:75"));
  // 65 levels: over; 64 levels of brackets pass the limit (and fail as a case instead).
  EXPECT_EQ(Formatted(Yaml("parties: " + std::string(65, '[') + std::string(65, ']'))),
            limit_at("1:74"));
  EXPECT_FALSE(
      HasLimit(Yaml("parties: " + std::string(64, '[') + std::string(64, ']')).diagnostics));
  // Brackets inside a double-quoted string are text, not nesting.
  const LoadResult quoted =
      Yaml("format: parley/1\ntitle: \"" + std::string(100, '[') + "\"\nparties: []\nissues: []\n");
  EXPECT_FALSE(HasLimit(quoted.diagnostics)) << Joined(quoted);
}

TEST(CaseReaderTest, DeepBlockNestingIsALimit) {
  // parties: -> k1: -> k2: ... each one space deeper; the map holding k65 is at depth 65.
  std::string text = "format: parley/1\ntitle: t\nparties:\n";
  for (int i = 1; i <= 70; ++i) text += std::string(i, ' ') + "k" + std::to_string(i) + ":\n";
  text += std::string(71, ' ') + "leaf: 1\nissues: []\n";
  EXPECT_EQ(Formatted(Yaml(text)),
            std::vector<std::string>{
                "case.yaml:68:66: error: limit exceeded: nesting deeper than 64 levels"});
}

TEST(CaseReaderTest, OversizedTextIsALimit) {
  const std::string big(kMaxFileBytes + 1, '#');
  const LoadResult r = Yaml(big);
  EXPECT_EQ(Formatted(r), std::vector<std::string>{
                              "case.yaml: error: limit exceeded: the file is 16777217 bytes; the "
                              "limit is 16777216"});
  EXPECT_TRUE(HasLimit(r.diagnostics));
}

// --- Semantic errors, with positions from the document.

TEST(CaseReaderTest, AllProblemsReportedTogether) {
  const LoadResult r = Yaml(R"(format: parley/1
title: Everything wrong at once
context: sale
currancy: EUR
parties:
  - id: acme
    side: us
    batna: {value: lots}
    power:
      personal: {score: 9}
  - id: globex
    side: them
    deadline: {date: 2026-02-30}
  - name: Nobody
    side: them
issues:
  - id: price
    kind: number
    range: [10, 1]
    step: 0
  - id: term
    kind: options
    options: [1y, 1y]
stakeholders:
  - id: cfo
    party: globx
    veto: yes
)");
  EXPECT_FALSE(r.Ok());
  EXPECT_EQ(Formatted(r),
            (std::vector<std::string>{
                "case.yaml:3:10: error: `context` must be one of sales | procurement | "
                "partnership | hiring | internal | other, not 'sale' (did you mean 'sales'?)",
                "case.yaml:4:1: error: unknown key 'currancy' in the case (did you mean "
                "'currency'?)",
                "case.yaml:8:20: error: `value` must be a number, not 'lots'",
                "case.yaml:10:25: error: a power score must be between 0 and 5, not 9",
                "case.yaml:13:22: error: '2026-02-30' is not a date; write YYYY-MM-DD",
                "case.yaml:14:5: error: a party is missing the required key 'id'",
                "case.yaml:19:12: error: the range is reversed: write [1, 10]",
                "case.yaml:20:11: error: the step must be a number above 0, not 0",
                "case.yaml:23:19: error: option '1y' is listed twice",
                "case.yaml:26:12: error: unknown party 'globx' (did you mean 'globex'?)",
                "case.yaml:27:11: error: `veto` must be true or false, not 'yes'"}));
  EXPECT_EQ(r.diagnostics.size(), 11u);
}

TEST(CaseReaderTest, DidYouMeanForMisspeltIds) {
  const LoadResult r = Yaml(R"(format: parley/1
title: Broken references
parties:
  - id: acme
    side: us
    batna: {value: 10, evidence: [quote-2025]}
  - id: globex
    side: them
issues:
  - id: term
    kind: options
    options: [1y, 2y]
values:
  acme: {term: {1y: 0, 3y: 5}}
  globx: {term: {1y: 1}}
floors:
  acme: {trem: {exclude: [1y]}}
evidence:
  - id: quote-2026
    claim: A second quote
stakeholders:
  - id: cfo
    party: globex
    influences: [{on: ceo, weight: 0.5}]
concessions:
  - item: longer term
    by: acme
    give: {term: 3y}
)");
  EXPECT_EQ(Formatted(r),
            (std::vector<std::string>{
                "case.yaml:6:35: error: unknown evidence 'quote-2025' (did you mean "
                "'quote-2026'?)",
                "case.yaml:14:28: error: issue 'term' has no option '3y' (did you mean '1y'?)",
                "case.yaml:15:10: error: unknown party 'globx' (did you mean 'globex'?)",
                "case.yaml:17:16: error: unknown issue 'trem' (did you mean 'term'?)",
                "case.yaml:24:23: error: unknown stakeholder 'ceo' (did you mean 'cfo'?)",
                "case.yaml:28:11: error: issue 'term' has no option '3y' (did you mean '1y'?)"}));
  EXPECT_EQ(r.diagnostics[0].hint, "did you mean 'quote-2026'?");
}

TEST(CaseReaderTest, NonFiniteNumbersAreReadAndRejected) {
  const LoadResult r = Yaml(R"(format: parley/1
title: t
parties:
  - {id: a, side: us, perceived_power: .nan, batna: {value: -.inf}}
  - {id: b, side: them, batna: {range: [.NaN, Infinity]}}
issues:
  - {id: x, kind: number, range: [0, 1e400], step: 1}
)");
  EXPECT_EQ(Formatted(r),
            (std::vector<std::string>{
                "case.yaml:4:40: error: perceived_power must be a finite number, not nan",
                "case.yaml:4:61: error: the BATNA value must be a finite number, not -inf",
                "case.yaml:5:41: error: the range's low end must be a finite number, not nan",
                "case.yaml:5:47: error: the range's high end must be a finite number, not inf",
                "case.yaml:7:34: error: the range must be two finite numbers"}));
}

// A small valid case with `title` and one option written by the caller.
std::string SmallCase(const std::string& title_line, const std::string& option = "x") {
  return "format: parley/1\n" + title_line +
         "\nparties:\n  - {id: a, side: us}\n  - {id: b, side: them}\n"
         "issues:\n  - {id: t, kind: options, options: [" +
         option + ", y]}\n";
}

TEST(CaseReaderTest, BracketsInQuotesCommentsAndBlockScalarsAreText) {
  const std::string many(100, '[');
  for (const std::string& title :
       {"title: \"" + many + "\"", "title: '" + many + "'", "title: 'it''s " + many + "'",
        "title: a " + many, "title: t  # " + many, "# " + many + "\ntitle: t",
        "title: t\ndescription: |\n  " + many + "\n  " + many, "title: >\n  " + many}) {
    const LoadResult r = Yaml(SmallCase(title));
    EXPECT_TRUE(r.Ok()) << title << "\n" << Joined(r);
  }
  // A flow collection after a plain scalar's quote-like text still counts.
  const LoadResult deep = Yaml(SmallCase("title: it's\nnotes: " + std::string(70, '[')));
  EXPECT_TRUE(HasLimit(deep.diagnostics)) << Joined(deep);
}

TEST(CaseReaderTest, TextAfterTheDocumentEndMarkerIsRefused) {
  const std::string expected =
      "case.yaml:9:1: error: text after the end of the YAML document (the `...` marker); a case "
      "file holds one document: remove it, or the marker";
  EXPECT_EQ(Formatted(Yaml(SmallCase("title: t") + "...\ngarbage: [1\n")),
            std::vector<std::string>{expected});
  const std::string same_line = "case.yaml:8" + expected.substr(std::string("case.yaml:9").size());
  EXPECT_EQ(Formatted(Yaml(SmallCase("title: t") + "... garbage\n")),
            std::vector<std::string>{same_line});
  // The marker alone, or followed by comments and blank lines, is fine.
  EXPECT_TRUE(Yaml(SmallCase("title: t") + "...\n# the end\n\n").Ok());
}

TEST(CaseReaderTest, ControlCharactersInTextAreRefused) {
  EXPECT_EQ(Formatted(Yaml(SmallCase("title: t", "\"a\\0b\""))),
            std::vector<std::string>{
                "case.yaml:7:38: error: the text contains the control character U+0000; ids, "
                "names, options and notes must be printable text"});
  EXPECT_EQ(Formatted(Yaml(SmallCase("title: \"bell\\a\""))),
            std::vector<std::string>{
                "case.yaml:2:8: error: the text contains the control character U+0007; ids, "
                "names, options and notes must be printable text"});
  EXPECT_EQ(
      Formatted(ReadCaseText(R"({"format": "parley/1", "title": "esc\u001b[31m"})", "case.json")),
      std::vector<std::string>{
          "case.json:1:33: error: the text contains the control character U+001B; ids, "
          "names, options and notes must be printable text"});
  // Tabs and line breaks are text.
  EXPECT_TRUE(Yaml(SmallCase("title: \"a\\tb\"\ndescription: \"one\\ntwo\"")).Ok());
}

// Found by fuzzing: a control character in an anchored node was reported at every use of the
// alias (223,985 identical lines from a 655-byte file). It is reported once.
TEST(CaseReaderTest, AProblemInAnAliasedNodeIsReportedOnce) {
  const std::string text =
      "format: parley/1\ntitle: t\nl0: &l0 [a\x16"
      "b]\n"
      "l1: &l1 [*l0, *l0, *l0, *l0]\nl2: [*l1, *l1, *l1]\n";
  const std::vector<std::string> problems = Formatted(Yaml(text));
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(std::count(problems.begin(), problems.end(),
                       "case.yaml:3:10: error: the text contains the control character U+0016; "
                       "ids, names, options and notes must be printable text"),
            1);
}

// An alias bomb is refused without building its copies (each collection is walked once, then
// counted), yet the diagnostics are those of the full walk: each problem once, and the limit at
// the very node that crosses it. Here: the root map, two scalars, `a` (100 nodes), then `b`;
// node 250,001 is item 95 of the 2,499th use of *a (a use is the list and its 99 items).
TEST(CaseReaderTest, AnAliasBombIsRefusedAtTheNodeThatCrossesTheLimit) {
  std::string text = "format: parley/1\ntitle: t\na: &a [";
  for (int i = 0; i < 98; ++i) text += "x, ";
  text += "\x16]\nb: [";
  for (int i = 0; i < 3000; ++i) text += "*a, ";
  text += "z]\n";
  const LoadResult r = ReadCaseText(text, "case.yaml");
  ASSERT_EQ(r.diagnostics.size(), 2U) << Joined(r);
  EXPECT_EQ(FormatDiagnostic(r.diagnostics[0]),
            "case.yaml:3:302: error: the text contains the control character U+0016; ids, "
            "names, options and notes must be printable text");
  EXPECT_EQ(FormatDiagnostic(r.diagnostics[1]),
            "case.yaml:3:293: error: limit exceeded: the document has more than 250000 nodes "
            "(aliases count each time they are used); a case file is far smaller");
  // Just within the limit the aliases are all read: 2,498 uses make 249,904 nodes.
  std::string within = "format: parley/1\ntitle: t\na: &a [";
  for (int i = 0; i < 98; ++i) within += "x, ";
  within += "x]\nb: [";
  for (int i = 0; i < 2498; ++i) within += "*a, ";
  within.erase(within.size() - 2);
  within += "]\n";
  const LoadResult ok = ReadCaseText(within, "case.yaml");
  EXPECT_FALSE(HasLimit(ok.diagnostics)) << Joined(ok);
}

TEST(CaseReaderTest, KeysInOneMapAreALimitCheckedInLinearTime) {
  auto json_with_keys = [](std::size_t n) {
    std::string text = R"({"format": "parley/1", "title": "t", "values": {"a": {"t": {)";
    for (std::size_t k = 0; k < n; ++k) {
      text += (k > 0 ? ", \"k" : "\"k") + std::to_string(k) + "\": 1";
    }
    return text + "}}}}";
  };
  const LoadResult over = ReadCaseText(json_with_keys(kLimits.map_keys.value + 1), "case.json");
  ASSERT_EQ(over.diagnostics.size(), 1u) << Joined(over);
  EXPECT_EQ(over.diagnostics[0].severity, Severity::kLimit);
  EXPECT_EQ(FormatDiagnostic(over.diagnostics[0]),
            "case.json:1:248951: error: limit exceeded: more than 20,000 keys in one map (see "
            "\"Limits\" in the case format)");
  // At the limit, the keys are read (and fail as options the issue lacks, not as a limit).
  const LoadResult at = ReadCaseText(json_with_keys(kLimits.map_keys.value), "case.json");
  EXPECT_FALSE(HasLimit(at.diagnostics));
}

// A key the YAML reader would refuse (longer than 1,024 bytes from its first character to its
// `:`) is a limit named at the key, in JSON and in YAML, before any parser runs; an id or option
// within that but over 200 characters is the limit on names, at the value that names it.
TEST(CaseReaderTest, LongKeysAndNamesAreLimitsAtTheKey) {
  auto json_case = [](const std::string& option) {
    return R"({"format": "parley/1", "title": "t",
 "parties": [{"id": "us", "side": "us"}, {"id": "them", "side": "them"}],
 "issues": [{"id": "term", "kind": "options", "options": ["a", ")" +
           option + R"("]}],
 "values": {"us": {"term": {"a": 1, ")" +
           option + R"(": 2}}}}
)";
  };
  const std::string key_limit =
      ": error: limit exceeded: this key is longer than 1,024 bytes as written, which a YAML or "
      "JSON key cannot be here; an id or option has at most 200 characters (see \"Limits\" in "
      "the case format) (shorten it; a longer description belongs in a `name`, `description` or "
      "`note`)";
  // The quoted key runs 1,025 bytes from its quote to its colon: refused before parsing, even
  // with a syntax error after it.
  const LoadResult over = ReadCaseText(json_case(std::string(1023, 'x')), "case.json");
  EXPECT_EQ(Formatted(over), std::vector<std::string>{"case.json:4:37" + key_limit})
      << Joined(over);
  EXPECT_EQ(Formatted(ReadCaseText(json_case(std::string(1023, 'x')) + "}", "case.json")),
            std::vector<std::string>{"case.json:4:37" + key_limit});
  // 1,024 bytes: read, and refused as an option over 200 characters, where it is listed.
  const LoadResult at = ReadCaseText(json_case(std::string(1022, 'x')), "case.json");
  EXPECT_EQ(Formatted(at),
            std::vector<std::string>{
                "case.json:3:64: error: limit exceeded: 1,022 characters in an id or "
                "option; the limit is 200 (see \"Limits\" in the case format)"})
      << Joined(at);
  // 200 characters of four bytes each: a valid case.
  std::string emoji;
  for (int k = 0; k < 200; ++k) emoji += "\U0001F600";
  EXPECT_TRUE(ReadCaseText(json_case(emoji), "case.json").Ok());
  // YAML block keys, plain and quoted, and a flow map key.
  const std::string long_key(1100, 'k');
  EXPECT_EQ(Formatted(Yaml("format: parley/1\nx:\n  " + long_key + ": 1\n")),
            std::vector<std::string>{"case.yaml:3:3" + key_limit});
  EXPECT_EQ(Formatted(Yaml("format: parley/1\nx:\n  - '" + long_key + "' : 1\n")),
            std::vector<std::string>{"case.yaml:3:5" + key_limit});
  EXPECT_EQ(Formatted(Yaml("format: parley/1\nx: {a: 1, \"" + long_key + "\": 2}\n")),
            std::vector<std::string>{"case.yaml:2:11" + key_limit});
  // A long text as a value is not a key.
  EXPECT_FALSE(HasLimit(Yaml("format: parley/1\ntitle: " + long_key + "\n").diagnostics));
}

TEST(CaseReaderTest, KeysInOneYamlMapAreCountedBeforeParsingInEveryStyle) {
  const std::size_t limit = kLimits.map_keys.value;
  auto keys = [](std::size_t n, const std::string& indent, const std::string& quote) {
    std::string text;
    for (std::size_t k = 0; k < n; ++k) {
      text += indent + quote + "k" + std::to_string(k) + quote + ": 1\n";
    }
    return text;
  };
  auto limit_at = [](const LoadResult& r) {
    EXPECT_EQ(r.diagnostics.size(), 1u) << Joined(r).substr(0, 400);
    return r.diagnostics.empty() || r.diagnostics[0].severity != Severity::kLimit
               ? std::string("no limit: ") + Joined(r).substr(0, 400)
               : FormatDiagnostic(r.diagnostics[0]);
  };
  const std::string message =
      ": error: limit exceeded: more than 20,000 keys in one map (see \"Limits\" in the case "
      "format)";
  // A block map, plain and quoted keys; the first key past the limit is named.
  EXPECT_EQ(limit_at(Yaml("format: parley/1\nx:\n" + keys(limit + 1, "  ", ""))),
            "case.yaml:20003:3" + message);
  EXPECT_EQ(limit_at(Yaml("format: parley/1\nx:\n" + keys(limit + 1, "  ", "\""))),
            "case.yaml:20003:3" + message);
  EXPECT_EQ(limit_at(Yaml("format: parley/1\nx:\n" + keys(limit + 1, "  ", "'"))),
            "case.yaml:20003:3" + message);
  // Before the parser: a syntax error after the keys is not reached.
  EXPECT_EQ(limit_at(Yaml("format: parley/1\nx:\n" + keys(limit + 1, "  ", "") + "y: [a\n")),
            "case.yaml:20003:3" + message);
  // The map of a list item: its first key follows the `- `.
  EXPECT_EQ(limit_at(Yaml("format: parley/1\nx:\n  - " + keys(limit + 1, "    ", "").substr(4))),
            "case.yaml:20003:5" + message);
  // A flow map, and the root map itself.
  std::string flow = "format: parley/1\nx: {";
  for (std::size_t k = 0; k <= limit; ++k)
    flow += (k > 0 ? ", k" : "k") + std::to_string(k) + ": 1";
  EXPECT_EQ(limit_at(Yaml(flow + "}\n")), "case.yaml:2:208895" + message);
  EXPECT_EQ(limit_at(Yaml("format: parley/1\n" + keys(limit, "", ""))),
            "case.yaml:20001:1" + message);

  // Within the limit: lists of maps, each its own map; keys of nested maps; lines that look
  // like keys in comments, block scalars, quoted scalars and flow lists; a trailing comma.
  std::string within = "format: parley/1\nx:\n  - " + keys(limit, "    ", "").substr(4) + "  - " +
                       keys(limit, "    ", "").substr(4) + "y:\n";
  for (std::size_t k = 0; k < limit / 2; ++k) {
    within += "  k" + std::to_string(k) + ":\n    inner: 1\n  # c" + std::to_string(k) + ": 1\n";
  }
  within += "  text: |\n" + keys(limit, "    ", "") + "  quoted: \"" + keys(limit, "    ", "") +
            "    end\"\n  list: [a: 1, b: 2]\n";
  // 10,000 + 3 + 9,996 + 1 keys: at the limit.
  for (std::size_t k = limit / 2; k < limit - 4; ++k) within += "  k" + std::to_string(k) + ": 1\n";
  within += "  last: {a: 1, b: 2,}\n";
  const LoadResult read = Yaml(within);
  EXPECT_FALSE(HasLimit(read.diagnostics)) << Joined(read).substr(0, 400);
  ASSERT_FALSE(read.diagnostics.empty());  // parsed, and refused for what it says
  EXPECT_EQ(FormatDiagnostic(read.diagnostics[0]),
            "case.yaml:1:1: error: the case is missing the required key 'title'");
}

TEST(CaseReaderTest, OneBadRangeDoesNotCascadeAndFloorsStayInRange) {
  const LoadResult r = Yaml(R"(format: parley/1
title: t
parties:
  - {id: a, side: us}
  - {id: b, side: them}
issues:
  - {id: price, kind: number, range: [800], step: 50}
  - {id: qty, kind: number, range: [1, 10], step: 1}
floors:
  a:
    qty: {max: 50}
concessions:
  - {item: c, by: b, give: {price: 1000}}
)");
  EXPECT_EQ(Formatted(r),
            (std::vector<std::string>{
                "case.yaml:7:38: error: `range` must be a list of two numbers [low, high], not a "
                "list",
                "case.yaml:11:16: error: the floor's max 50 is outside issue 'qty', whose values "
                "run from 1 to 10"}));
}

TEST(CaseReaderTest, AnUnknownPartyUnderValuesIsReportedAtItsKey) {
  const LoadResult r = Yaml(R"(format: parley/1
title: t
parties:
  - {id: buyer, side: us}
  - {id: seller, side: them}
issues:
  - {id: x, kind: options, options: [one, two]}
values:
  buyer:
    x: {one: 1, two: 2}
  sellr:
    x: {one: 2, two: 1}
)");
  ASSERT_FALSE(Formatted(r).empty());
  EXPECT_EQ(Formatted(r).front(),
            "case.yaml:11:3: error: unknown party 'sellr' (did you mean 'seller'?)");
}

}  // namespace
}  // namespace parley::io
