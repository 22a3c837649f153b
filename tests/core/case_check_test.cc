// Tests of CheckCase: each rule of the case model gives the expected problem, at the expected
// path, with the expected message and hint.
#include "parley/core/case_check.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "parley/core/limits.h"
#include "testing/case_builders.h"
#include "testing/special_values.h"

namespace parley {
namespace {

using ::parley::testing::NumberIssue;
using ::parley::testing::OptionsIssue;
using ::parley::testing::Term;

using testing::kInf;
using testing::kNaN;

std::size_t Index(PowerSource s) { return static_cast<std::size_t>(s); }

Evidence MakeEvidence(const std::string& id) {
  Evidence e;
  e.id = id;
  e.kind = EvidenceKind::kBenchmark;
  e.claim = "claim of " + id;
  return e;
}

// A valid case in the spirit of CASE_FORMAT.md's example.
Case ValidCase() {
  Case c;
  c.title = "Enterprise SaaS renewal";
  c.currency = "USD";
  Party cloudco;
  cloudco.id = "cloudco";
  cloudco.side = Side::kUs;
  Batna ours;
  ours.value = 95000;
  ours.costs.risk = 5000;
  ours.evidence = {"pipeline-q1"};
  cloudco.batna = ours;
  Deadline deadline;
  deadline.date = "2026-12-31";
  deadline.cost_per_week = 2000;
  deadline.evidence = {"fy-close"};
  cloudco.deadline = deadline;
  cloudco.power[Index(PowerSource::kSituational)] = PowerScore{4, {"capacity-plan"}, ""};
  cloudco.power[Index(PowerSource::kKnowledge)] = PowerScore{3, {}, ""};
  cloudco.perceived_power = 2;
  Party acme;
  acme.id = "acme";
  acme.side = Side::kThem;
  Batna theirs;
  theirs.range = std::make_pair(-135000.0, -100000.0);  // a price paid elsewhere, as a cost
  theirs.evidence = {"competitor-quote"};
  acme.batna = theirs;
  c.parties = {cloudco, acme};
  c.issues = {NumberIssue("price", 90000, 150000, 1000), OptionsIssue("term", {"1y", "2y", "3y"}),
              OptionsIssue("payment", {"net30", "net60"})};
  Preferences cv;
  cv.party = "cloudco";
  cv.terms = {Term("price", LinearValue{1}),
              Term("term", TableValue{{{"1y", 0}, {"2y", 15000}, {"3y", 25000}}})};
  Preferences av;
  av.party = "acme";
  av.terms = {Term("price", LinearValue{-1}), Term("term", TableValue{{{"2y", -4000}}})};
  c.values = {cv, av};
  Floor floor;
  floor.party = "cloudco";
  floor.issue = "price";
  floor.min = 110000;
  floor.evidence = {"cost-model"};
  c.floors = {floor};
  for (const char* id :
       {"pipeline-q1", "fy-close", "capacity-plan", "competitor-quote", "cost-model"}) {
    c.evidence.push_back(MakeEvidence(id));
  }
  Stakeholder cfo;
  cfo.id = "cfo";
  cfo.party = "acme";
  cfo.formal = 5;
  cfo.veto = true;
  cfo.stance = -1;
  Stakeholder ops;
  ops.id = "ops-lead";
  ops.party = "acme";
  ops.formal = 2;
  ops.stance = 2;
  ops.influences = {{"cfo", 0.6}};
  c.stakeholders = {cfo, ops};
  Concession con;
  con.item = "payment terms";
  con.give = {{"payment", std::string("net60")}};
  con.get = {{"term", std::string("2y")}};
  con.date = "2026-11-02";
  c.concessions = {con};
  return c;
}

// A case whose `acme` party states utility-form values.
Case UtilityCase() {
  Case c = ValidCase();
  c.values[1].form = ValueForm::kUtility;
  c.values[1].terms = {Term("price", ClampedLinearValue{90000, -1.0 / 60000, 1}, 0.6),
                       Term("term", TableValue{{{"1y", 1}, {"2y", 0.5}}}, 0.4)};
  c.parties[1].batna = Batna{};
  c.parties[1].batna->utility = 0.3;
  return c;
}

std::string Dump(const std::vector<CaseProblem>& problems) {
  std::string out;
  for (const CaseProblem& p : problems) {
    out += FormatCasePath(p.path) + ": " + p.message;
    if (!p.hint.empty()) out += " (" + p.hint + ")";
    if (p.warning) out += " [warning]";
    if (p.limit) out += " [limit]";
    out += "\n";
  }
  return out;
}

void ExpectSingle(const Case& c, const std::string& path, const std::string& fragment,
                  const std::string& hint = "") {
  const std::vector<CaseProblem> problems = CheckCase(c);
  ASSERT_EQ(problems.size(), 1u) << Dump(problems);
  EXPECT_EQ(FormatCasePath(problems[0].path), path) << Dump(problems);
  EXPECT_NE(problems[0].message.find(fragment), std::string::npos)
      << "'" << fragment << "' not in: " << problems[0].message;
  EXPECT_EQ(problems[0].hint, hint);
  EXPECT_FALSE(problems[0].warning);
  EXPECT_FALSE(problems[0].limit);
}

// Records the line of the caller on failure.
#define EXPECT_SINGLE(...)     \
  do {                         \
    SCOPED_TRACE("here");      \
    ExpectSingle(__VA_ARGS__); \
  } while (false)

bool HasProblem(const std::vector<CaseProblem>& problems, const std::string& path,
                const std::string& fragment) {
  for (const CaseProblem& p : problems) {
    if (FormatCasePath(p.path) == path && p.message.find(fragment) != std::string::npos) {
      return true;
    }
  }
  return false;
}

TEST(CaseCheckTest, FormatCasePath) {
  EXPECT_EQ(FormatCasePath({"parties", std::size_t{0}, "batna", "evidence", std::size_t{1}}),
            "parties[0].batna.evidence[1]");
  EXPECT_EQ(FormatCasePath({}), "");
  EXPECT_EQ(FormatCasePath({"title"}), "title");
  EXPECT_EQ(FormatCasePath({"values", "acme", "term", "2y"}), "values.acme.term.2y");
  EXPECT_EQ(FormatCasePath({"points", std::size_t{2}, std::size_t{0}}), "points[2][0]");
}

TEST(CaseCheckTest, IsValidId) {
  for (const char* id : {"a", "acme", "ops-lead", "q_1", "044", "-", "true", "null"}) {
    EXPECT_TRUE(IsValidId(id)) << id;
  }
  for (const char* id : {"", "Acme", "Beta Corp", "a.b", "a:b", "é", "a b", "a/b"}) {
    EXPECT_FALSE(IsValidId(id)) << id;
  }
}

TEST(CaseCheckTest, ValidCaseHasNoProblems) {
  EXPECT_EQ(Dump(CheckCase(ValidCase())), "");
  EXPECT_EQ(Dump(CheckCase(UtilityCase())), "");
}

TEST(CaseCheckTest, DuplicateIdsAcrossKinds) {
  Case c = ValidCase();
  c.evidence.push_back(MakeEvidence("term"));
  EXPECT_SINGLE(c, "evidence[5].id", "duplicate id 'term': already used at issues[1]");
  c = ValidCase();
  c.stakeholders.push_back(c.stakeholders[0]);
  c.stakeholders.back().id = "acme";
  EXPECT_SINGLE(c, "stakeholders[2].id", "duplicate id 'acme': already used at parties[1]");
  c = ValidCase();
  c.issues.push_back(OptionsIssue("cfo", {"x"}));
  // The issue comes first in the walk, so the stakeholder is the duplicate.
  EXPECT_SINGLE(c, "stakeholders[0].id", "duplicate id 'cfo': already used at issues[3]");
  c = ValidCase();
  c.issues.push_back(OptionsIssue("term", {"x"}));
  EXPECT_SINGLE(c, "issues[3].id", "duplicate id 'term': already used at issues[1]");
}

TEST(CaseCheckTest, InvalidIds) {
  Case c = ValidCase();
  c.evidence.push_back(MakeEvidence("Beta Corp"));
  EXPECT_SINGLE(c, "evidence[5].id",
                "id 'Beta Corp' is not valid: use lowercase letters, digits, '-' and '_'");
}

TEST(CaseCheckTest, ExactlyOneUsParty) {
  Case c = ValidCase();
  c.parties[0].side = Side::kThem;
  EXPECT_SINGLE(c, "parties", "no party has `side: us`; exactly one party must be `us`");
  c = ValidCase();
  c.parties[1].side = Side::kUs;
  EXPECT_SINGLE(c, "parties[1].side", "party 'acme' is a second `us` party");
}

TEST(CaseCheckTest, NeedsTitleTwoPartiesAndAnIssue) {
  Case c = ValidCase();
  c.title = "";
  EXPECT_SINGLE(c, "title", "the title is empty");
  Case tiny;
  tiny.title = "t";
  Party p;
  p.id = "solo";
  p.side = Side::kUs;
  tiny.parties = {p};
  const auto problems = CheckCase(tiny);
  EXPECT_TRUE(HasProblem(problems, "parties", "at least two parties; found 1")) << Dump(problems);
  EXPECT_TRUE(HasProblem(problems, "issues", "at least one issue")) << Dump(problems);
  EXPECT_EQ(problems.size(), 2u) << Dump(problems);
}

TEST(CaseCheckTest, UnknownEvidenceWithDidYouMean) {
  Case c = ValidCase();
  c.parties[0].batna->evidence = {"pipeline-q2"};
  EXPECT_SINGLE(c, "parties[0].batna.evidence[0]", "unknown evidence 'pipeline-q2'",
                "did you mean 'pipeline-q1'?");
  c = ValidCase();
  c.parties[0].power[Index(PowerSource::kSituational)]->evidence = {"capacity-plan",
                                                                    "capacty-plan"};
  EXPECT_SINGLE(c, "parties[0].power.situational.evidence[1]", "unknown evidence 'capacty-plan'",
                "did you mean 'capacity-plan'?");
  c = ValidCase();
  c.parties[0].deadline->evidence = {"fiscal-year"};
  EXPECT_SINGLE(c, "parties[0].deadline.evidence[0]", "unknown evidence 'fiscal-year'");
  c = ValidCase();
  c.floors[0].evidence = {"cost-modle"};
  EXPECT_SINGLE(c, "floors.cloudco.price.evidence[0]", "unknown evidence 'cost-modle'",
                "did you mean 'cost-model'?");
  c = ValidCase();
  c.stakeholders[0].evidence = {"org-chart"};
  EXPECT_SINGLE(c, "stakeholders[0].evidence[0]", "unknown evidence 'org-chart'");
}

TEST(CaseCheckTest, UnknownEvidenceWhenNoneIsDefined) {
  Case c = ValidCase();
  c.evidence.clear();
  c.parties[0].batna->evidence.clear();
  c.parties[0].deadline->evidence.clear();
  c.parties[0].power[Index(PowerSource::kSituational)]->evidence.clear();
  c.parties[1].batna->evidence.clear();
  c.floors[0].evidence = {"cost-model"};
  EXPECT_SINGLE(c, "floors.cloudco.price.evidence[0]",
                "unknown evidence 'cost-model'; the case defines no evidence yet");
}

TEST(CaseCheckTest, HintsAreCappedOnHostileCases) {
  Case c = ValidCase();
  c.parties[0].batna->evidence.clear();
  for (int i = 0; i < 250; ++i)
    c.parties[0].batna->evidence.push_back("pipeline-q" + std::to_string(i + 2));
  const auto problems = CheckCase(c);
  ASSERT_EQ(problems.size(), 250u);
  int hinted = 0;
  for (const CaseProblem& p : problems) hinted += p.hint.empty() ? 0 : 1;
  EXPECT_EQ(hinted, 200);
  EXPECT_EQ(problems[0].hint, "did you mean 'pipeline-q1'?");
  EXPECT_EQ(problems[249].hint, "");
}

TEST(CaseCheckTest, ScoresOutsideZeroToFive) {
  Case c = ValidCase();
  c.parties[0].power[Index(PowerSource::kPersonal)] = PowerScore{7, {}, ""};
  EXPECT_SINGLE(c, "parties[0].power.personal.score",
                "a power score must be between 0 and 5, not 7");
  c = ValidCase();
  c.parties[0].power[Index(PowerSource::kPlanning)] = PowerScore{-1, {}, ""};
  EXPECT_SINGLE(c, "parties[0].power.planning.score",
                "a power score must be between 0 and 5, not -1");
  c = ValidCase();
  c.parties[0].perceived_power = 9;
  EXPECT_SINGLE(c, "parties[0].perceived_power", "perceived_power must be between 0 and 5, not 9");
  c = ValidCase();
  c.parties[0].power[Index(PowerSource::kPersonal)] = PowerScore{5, {}, ""};  // bounds included
  c.parties[0].power[Index(PowerSource::kPlanning)] = PowerScore{0, {}, ""};
  EXPECT_EQ(Dump(CheckCase(c)), "");
}

TEST(CaseCheckTest, StakeholderRanges) {
  Case c = ValidCase();
  c.stakeholders[0].formal = 6;
  EXPECT_SINGLE(c, "stakeholders[0].formal", "formal authority must be between 0 and 5, not 6");
  c = ValidCase();
  c.stakeholders[0].stance = -3;
  EXPECT_SINGLE(c, "stakeholders[0].stance", "a stance must be between -2 and 2, not -3");
  c = ValidCase();
  c.stakeholders[1].influences[0].weight = 1.5;
  EXPECT_SINGLE(c, "stakeholders[1].influences[0].weight",
                "an influence weight must be between 0 and 1, not 1.5");
}

TEST(CaseCheckTest, UnknownStakeholderInInfluences) {
  Case c = ValidCase();
  c.stakeholders[1].influences[0].on = "ceo";
  EXPECT_SINGLE(c, "stakeholders[1].influences[0].on", "unknown stakeholder 'ceo'",
                "did you mean 'cfo'?");
  c = ValidCase();
  c.stakeholders[1].influences[0].on = "ops-lead";
  EXPECT_SINGLE(c, "stakeholders[1].influences[0].on", "a stakeholder cannot influence itself");
  c = ValidCase();
  c.stakeholders[0].party = "acne";
  EXPECT_SINGLE(c, "stakeholders[0].party", "unknown party 'acne'", "did you mean 'acme'?");
}

TEST(CaseCheckTest, NumbersMustBeFinite) {
  Case c = ValidCase();
  c.parties[0].batna->value = kNaN;
  EXPECT_SINGLE(c, "parties[0].batna.value", "the BATNA value must be a finite number, not nan");
  c = ValidCase();
  c.parties[0].deadline->cost_per_week = kInf;
  EXPECT_SINGLE(c, "parties[0].deadline.cost_per_week",
                "cost_per_week must be a finite number, not inf");
  c = ValidCase();
  c.parties[0].perceived_power = kNaN;
  EXPECT_SINGLE(c, "parties[0].perceived_power",
                "perceived_power must be a finite number, not nan");
  c = ValidCase();
  c.parties[1].batna->range->first = -kInf;
  EXPECT_SINGLE(c, "parties[1].batna.range[0]",
                "the range's low end must be a finite number, not -inf");
  c = ValidCase();
  c.parties[0].batna->costs.risk = kNaN;
  EXPECT_SINGLE(c, "parties[0].batna.costs.risk", "a BATNA cost must be a finite number, not nan");
  c = ValidCase();
  c.issues[0].hi = kInf;
  EXPECT_SINGLE(c, "issues[0].range", "the range must be two finite numbers");
  c = ValidCase();
  c.values[0].terms[0].evaluator = LinearValue{kInf};
  EXPECT_SINGLE(c, "values.cloudco.price.linear", "the slope must be a finite number, not inf");
  c = ValidCase();
  std::get<TableValue>(c.values[0].terms[1].evaluator).entries[1].second = kNaN;
  EXPECT_SINGLE(c, "values.cloudco.term.2y", "a value must be a finite number, not nan");
  c = ValidCase();
  c.floors[0].min = kNaN;
  EXPECT_SINGLE(c, "floors.cloudco.price.min", "min must be a finite number, not nan");
}

TEST(CaseCheckTest, NegativeCosts) {
  Case c = ValidCase();
  c.parties[0].batna->costs.risk = -5;
  EXPECT_SINGLE(c, "parties[0].batna.costs.risk",
                "a BATNA cost cannot be negative (-5); write 0 or more");
  c = ValidCase();
  c.parties[0].deadline->cost_per_week = -1;
  EXPECT_SINGLE(c, "parties[0].deadline.cost_per_week", "cost_per_week cannot be negative (-1)");
}

TEST(CaseCheckTest, StepMustBePositiveAndNotTooFine) {
  Case c = ValidCase();
  c.issues[0].step = 0;
  EXPECT_SINGLE(c, "issues[0].step", "the step must be a number above 0, not 0");
  c.issues[0].step = -1000;
  EXPECT_SINGLE(c, "issues[0].step", "the step must be a number above 0, not -1000");
  c.issues[0].step = kNaN;
  EXPECT_SINGLE(c, "issues[0].step", "the step must be a number above 0, not nan");
  c.issues[0].step = 1e-300;
  EXPECT_SINGLE(
      c, "issues[0].step",
      "the step 1e-300 makes more than 2^53 grid points on the range; use a coarser step");
  c.issues[0].step = 1e-6;  // 6e10 points: fine, never materialised
  EXPECT_EQ(Dump(CheckCase(c)), "");
}

TEST(CaseCheckTest, ReversedRanges) {
  Case c = ValidCase();
  c.issues[0].lo = 150000;
  c.issues[0].hi = 90000;
  EXPECT_SINGLE(c, "issues[0].range", "the range is reversed: write [90000, 150000]");
  c = ValidCase();
  c.parties[1].batna->range = std::make_pair(-100000.0, -135000.0);
  EXPECT_SINGLE(c, "parties[1].batna.range", "the range is reversed: write [-135000, -100000]");
}

TEST(CaseCheckTest, OptionsNonEmptyAndDistinct) {
  Case c = ValidCase();
  c.issues.push_back(OptionsIssue("plan", {}));
  EXPECT_SINGLE(c, "issues[3].options", "an options issue needs at least one option");
  c = ValidCase();
  c.issues.push_back(OptionsIssue("tier", {"gold", "silver", "gold"}));
  EXPECT_SINGLE(c, "issues[3].options[2]", "option 'gold' is listed twice");
  c = ValidCase();
  c.issues.push_back(OptionsIssue("tier", {"", "gold"}));
  EXPECT_SINGLE(c, "issues[3].options[0]", "an option cannot be empty");
  // A long list (checked through a hash set rather than a scan) gives the same answer.
  std::vector<std::string> many;
  for (int k = 0; k < 40; ++k) many.push_back("o" + std::to_string(k));
  many.push_back("o7");
  c = ValidCase();
  c.issues.push_back(OptionsIssue("tier", many));
  EXPECT_SINGLE(c, "issues[3].options[40]", "option 'o7' is listed twice");
}

TEST(CaseCheckTest, ValueFormsMatchIssueKinds) {
  Case c = ValidCase();
  c.values[0].terms[0].evaluator = TableValue{{{"cheap", 1}}};
  EXPECT_SINGLE(c, "values.cloudco.price",
                "issue 'price' is a number issue: value it with `linear` or `points`");
  c = ValidCase();
  c.values[0].terms[1].evaluator = LinearValue{2};
  EXPECT_SINGLE(c, "values.cloudco.term",
                "issue 'term' is an options issue: value it with a table of its options");
  c = ValidCase();
  c.values[0].terms[0].evaluator = ClampedLinearValue{0, 1, 0};
  EXPECT_SINGLE(c, "values.cloudco.price", "this evaluator is for utility-form parties");
  c = ValidCase();
  c.values[0].terms[0].evaluator = PointsValue{};
  EXPECT_SINGLE(c, "values.cloudco.price.points", "`points` needs at least one [x, value] pair");
  c = ValidCase();
  c.values[0].terms[0].evaluator = PointsValue{{{90000, 0}, {120000, 5}, {120000, 7}}};
  EXPECT_SINGLE(c, "values.cloudco.price.points[2]",
                "the x values of `points` must increase strictly");
}

TEST(CaseCheckTest, ValuesReferToKnownPartiesIssuesAndOptions) {
  Case c = ValidCase();
  std::get<TableValue>(c.values[0].terms[1].evaluator).entries.push_back({"4y", 30000});
  EXPECT_SINGLE(c, "values.cloudco.term.4y", "issue 'term' has no option '4y'",
                "did you mean '1y'?");
  c = ValidCase();
  c.values[1].party = "acmee";
  EXPECT_SINGLE(c, "values.acmee", "unknown party 'acmee'", "did you mean 'acme'?");
  c = ValidCase();
  c.values[0].terms[0].issue = "prise";
  EXPECT_SINGLE(c, "values.cloudco.prise", "unknown issue 'prise'", "did you mean 'price'?");
  c = ValidCase();
  c.values[0].terms.push_back(Term("price", LinearValue{2}));
  EXPECT_SINGLE(c, "values.cloudco.price", "issue 'price' is valued twice");
  c = ValidCase();
  c.values.push_back(c.values[0]);
  EXPECT_SINGLE(c, "values.cloudco", "party 'cloudco' states its values twice");
}

TEST(CaseCheckTest, UtilityScoresOutsideZeroToOne) {
  Case c = UtilityCase();
  std::get<TableValue>(c.values[1].terms[1].evaluator).entries[0].second = 1.5;
  EXPECT_SINGLE(c, "values.acme.term.table.1y", "a score must be between 0 and 1, not 1.5");
  c = UtilityCase();
  std::get<TableValue>(c.values[1].terms[1].evaluator).entries[1].second = -0.1;
  EXPECT_SINGLE(c, "values.acme.term.table.2y", "a score must be between 0 and 1, not -0.1");
  c = UtilityCase();
  c.values[1].terms[0].evaluator = ConstantValue{2};
  EXPECT_SINGLE(c, "values.acme.price.constant", "a score must be between 0 and 1, not 2");
  c = UtilityCase();
  c.values[1].terms[0].evaluator = PointsValue{{{90000, 1}, {150000, 1.2}}};
  EXPECT_SINGLE(c, "values.acme.price.points[1][1]", "a score must be between 0 and 1, not 1.2");
  c = UtilityCase();
  c.values[1].terms[0].weight = -0.1;
  EXPECT_SINGLE(c, "values.acme.price.weight", "a weight cannot be negative (-0.1)");
  c = UtilityCase();
  c.parties[1].batna->utility = 1.5;
  EXPECT_SINGLE(c, "parties[1].batna.utility", "a BATNA utility must be between 0 and 1, not 1.5");
}

TEST(CaseCheckTest, UtilityFormEvaluators) {
  Case c = UtilityCase();
  c.values[1].terms[0].evaluator = TriangularValue{100000, 140000, 150000};  // top > upper
  EXPECT_SINGLE(c, "values.acme.price.triangular", "a triangle needs lower <= top <= upper");
  c = UtilityCase();
  c.values[1].terms[0].evaluator = TriangularValue{100000, kNaN, 120000};
  EXPECT_TRUE(HasProblem(CheckCase(c), "values.acme.price.triangular.upper",
                         "upper must be a finite number, not nan"));
  c = UtilityCase();
  c.values[1].terms[0].evaluator = LinearValue{-1};
  EXPECT_SINGLE(c, "values.acme.price",
                "a utility-form party values number issues with `linear: {from, slope, offset}`");
  c = UtilityCase();
  c.values[1].terms[0].evaluator = ClampedLinearValue{kInf, 1, 0};
  EXPECT_SINGLE(c, "values.acme.price.linear.from", "from must be a finite number, not inf");
  c = UtilityCase();
  c.values[1].terms[0].evaluator = TriangularValue{100000, 140000, 140000};  // degenerate: fine
  EXPECT_EQ(Dump(CheckCase(c)), "");
}

TEST(CaseCheckTest, BatnaFormMatchesValueForm) {
  Case c = ValidCase();
  c.parties[0].batna->range = std::make_pair(1.0, 2.0);
  EXPECT_SINGLE(c, "parties[0].batna",
                "a BATNA states exactly one of `value`, `range`, `utility` or `outcome`");
  c = ValidCase();
  c.parties[1].batna = Batna{};
  EXPECT_SINGLE(c, "parties[1].batna", "exactly one of `value`, `range`, `utility` or `outcome`");
  c = ValidCase();
  c.parties[0].batna = Batna{};
  c.parties[0].batna->utility = 0.5;
  EXPECT_SINGLE(c, "parties[0].batna",
                "party 'cloudco' states its values in money, so its BATNA needs `value` or "
                "`range`, not a utility");
  c = UtilityCase();
  c.parties[1].batna = Batna{};
  c.parties[1].batna->value = 100;
  EXPECT_SINGLE(c, "parties[1].batna",
                "party 'acme' states its values as utilities, so its BATNA needs `utility` or "
                "`outcome`, not money");
  c = UtilityCase();
  c.parties[1].batna->costs.time = 10;
  EXPECT_SINGLE(c, "parties[1].batna.costs",
                "BATNA costs are money and apply only to a `value` or `range`");
  c = UtilityCase();
  c.parties[1].batna = Batna{};
  c.parties[1].batna->outcome = Package{{"term", std::string("5y")}};
  EXPECT_SINGLE(c, "parties[1].batna.outcome", "issue 'term' has no option '5y'");
  c.parties[1].batna->outcome = Package{{"term", std::string("2y")}};  // partial: fine
  EXPECT_EQ(Dump(CheckCase(c)), "");
}

TEST(CaseCheckTest, DiscountFactor) {
  Case c = ValidCase();
  c.parties[0].deadline->discount = 0;
  EXPECT_SINGLE(c, "parties[0].deadline.discount", "a discount factor must be in (0, 1], not 0");
  c.parties[0].deadline->discount = 1.5;
  EXPECT_SINGLE(c, "parties[0].deadline.discount", "not 1.5");
  c.parties[0].deadline->discount = kNaN;
  EXPECT_SINGLE(c, "parties[0].deadline.discount", "not nan");
  c.parties[0].deadline->discount = 1;
  EXPECT_EQ(Dump(CheckCase(c)), "");
}

TEST(CaseCheckTest, BadDates) {
  Case c = ValidCase();
  c.parties[0].deadline->date = "2026-02-30";
  EXPECT_SINGLE(c, "parties[0].deadline.date", "'2026-02-30' is not a date; write YYYY-MM-DD");
  for (const char* bad :
       {"2100-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-01-00", "2026-1-01",
        "2026/01/01", "2026-01-1a", "26-01-01", "2026-01-011", "tomorrow"}) {
    c.parties[0].deadline->date = bad;
    EXPECT_SINGLE(c, "parties[0].deadline.date", std::string("'") + bad + "' is not a date");
  }
  for (const char* good : {"2024-02-29", "2000-02-29", "2026-12-31", "2026-04-30", "1999-01-01"}) {
    c.parties[0].deadline->date = good;
    EXPECT_EQ(Dump(CheckCase(c)), "") << good;
  }
  c = ValidCase();
  c.evidence[2].date = "2026-02-29";
  EXPECT_SINGLE(c, "evidence[2].date", "'2026-02-29' is not a date");
  c = ValidCase();
  c.concessions[0].date = "2026-11-31";
  EXPECT_SINGLE(c, "concessions[0].date", "'2026-11-31' is not a date");
}

// The offers of a live negotiation: a known party, every issue given a value on its grid, and
// dates that never go back.
TEST(CaseCheckTest, RoundsAreOutcomesInDateOrder) {
  Case c = ValidCase();
  Round first;
  first.by = "acme";
  first.offer = {
      {"price", 100000.0}, {"term", std::string("2y")}, {"payment", std::string("net60")}};
  first.date = "2026-11-10";
  Round second = first;
  second.by = "cloudco";
  second.offer[0].second = 140000.0;
  second.date = "";
  Round third = first;
  third.date = "2026-11-12";
  c.rounds = {first, second, third};
  EXPECT_EQ(Dump(CheckCase(c)), "");

  Case bad = c;
  bad.rounds[1].by = "acmee";
  EXPECT_SINGLE(bad, "rounds[1].by", "unknown party 'acmee'", "did you mean 'acme'?");
  bad = c;
  bad.rounds[1].by = "";
  EXPECT_SINGLE(bad, "rounds[1].by", "an offer needs `by`: the id of the party that made it");
  bad = c;
  bad.rounds[2].date = "2026-11-09";
  EXPECT_SINGLE(bad, "rounds[2].date",
                "rounds go oldest first, but 2026-11-09 comes after an offer dated 2026-11-10");
  bad.rounds[2].date = "2026-11-31";
  EXPECT_SINGLE(bad, "rounds[2].date", "'2026-11-31' is not a date");
  bad = c;
  bad.rounds[0].offer.pop_back();
  EXPECT_SINGLE(bad, "rounds[0].offer",
                "an offer must give every issue a value; this one leaves out payment",
                "write the terms that stood for them, e.g. the current contract's");
  bad = c;
  bad.rounds[0].offer[0].second = 95500.0;
  EXPECT_SINGLE(bad, "rounds[0].offer",
                "issue 'price' cannot take 95500: values run from 90000 to 150000 in steps of "
                "1000 (nearest: 96000)");
}

TEST(CaseCheckTest, EvidenceNeedsAClaim) {
  Case c = ValidCase();
  c.evidence[1].claim = "";
  EXPECT_SINGLE(c, "evidence[1].claim", "evidence needs a `claim`");
}

TEST(CaseCheckTest, ConcessionPackages) {
  Case c = ValidCase();
  c.concessions[0].give = {{"payment", std::string("net90")}};
  EXPECT_SINGLE(c, "concessions[0].give",
                "issue 'payment' has no option 'net90' (did you mean 'net30'?)");
  c.concessions[0].give = {{"payment", std::string("monthly")}};
  EXPECT_SINGLE(c, "concessions[0].give",
                "issue 'payment' has no option 'monthly'; options: net30, net60");
  c.concessions[0].give = {{"paymnet", std::string("net60")}};
  EXPECT_SINGLE(c, "concessions[0].give", "unknown issue 'paymnet' (did you mean 'payment'?)");
  c = ValidCase();
  c.concessions[0].get = {{"price", 95500.0}};
  EXPECT_SINGLE(c, "concessions[0].get",
                "issue 'price' cannot take 95500: values run from 90000 to 150000 in steps of "
                "1000 (nearest: 96000)");
  c.concessions[0].get = {{"price", 200000.0}};
  EXPECT_SINGLE(c, "concessions[0].get", "issue 'price' cannot take 200000");
  c.concessions[0].get = {{"price", std::string("cheap")}};
  EXPECT_SINGLE(c, "concessions[0].get", "issue 'price' takes a number, not 'cheap'");
  c.concessions[0].get = {{"term", 2.0}};
  EXPECT_SINGLE(c, "concessions[0].get", "issue 'term' has no option '2' (did you mean '2y'?)");
  c.concessions[0].get = {{"term", std::string("2y")}, {"term", std::string("3y")}};
  EXPECT_SINGLE(c, "concessions[0].get", "issue 'term' is given more than once");
  c.concessions[0].get = {{"price", 96000.0}, {"term", std::string("3y")}};
  EXPECT_EQ(Dump(CheckCase(c)), "");
  c.concessions[0].get.clear();  // a one-way concession is allowed (the planner flags it)
  EXPECT_EQ(Dump(CheckCase(c)), "");
}

TEST(CaseCheckTest, ConcessionItemAndGiver) {
  Case c = ValidCase();
  c.concessions[0].item = "";
  EXPECT_SINGLE(c, "concessions[0].item", "a concession needs an `item`");
  c = ValidCase();
  c.concessions[0].by = "akme";
  EXPECT_SINGLE(c, "concessions[0].by", "unknown party 'akme'", "did you mean 'acme'?");
  c.concessions[0].by = "acme";
  EXPECT_EQ(Dump(CheckCase(c)), "");
}

TEST(CaseCheckTest, Floors) {
  Case c = ValidCase();
  c.floors[0].issue = "prise";
  EXPECT_SINGLE(c, "floors.cloudco.prise", "unknown issue 'prise'", "did you mean 'price'?");
  c = ValidCase();
  c.floors[0].party = "cloudko";
  EXPECT_SINGLE(c, "floors.cloudko", "unknown party 'cloudko'", "did you mean 'cloudco'?");
  c = ValidCase();
  c.floors[0].exclude = {"cheap"};
  EXPECT_SINGLE(c, "floors.cloudco.price.exclude",
                "`exclude` applies to options issues; for number issue 'price' use `min` or `max`");
  c = ValidCase();
  c.floors[0].max = 100000;
  EXPECT_SINGLE(c, "floors.cloudco.price", "the floor's min is above its max");
  c = ValidCase();
  c.floors[0].min.reset();
  EXPECT_SINGLE(c, "floors.cloudco.price", "a floor on a number issue needs `min` or `max`");
  c = ValidCase();
  Floor f;
  f.party = "acme";
  f.issue = "term";
  f.exclude = {"3y", "1yr"};
  c.floors.push_back(f);
  EXPECT_SINGLE(c, "floors.acme.term.exclude[1]", "issue 'term' has no option '1yr'",
                "did you mean '1y'?");
  c.floors.back().exclude = {"1y", "2y", "3y"};
  EXPECT_SINGLE(c, "floors.acme.term", "the floor excludes every option of 'term'");
  c.floors.back().exclude = {"1y"};
  c.floors.back().min = 1;
  EXPECT_SINGLE(c, "floors.acme.term", "`min` and `max` apply to number issues");
}

TEST(CaseCheckTest, Rectangles) {
  Case c = ValidCase();
  c.issues.push_back(NumberIssue("volume", 0, 100, 10));
  Preferences r;
  r.party = "acme";
  r.form = ValueForm::kRectangles;
  RectangleUtility ru;
  ru.max_utility = 0;
  UtilityBox box;
  box.utility = 1;
  box.include = {{"volume", 0, 50}, {"term", 0, 1}, {"volumn", 0, 1}};
  box.exclude = {{"volume", 60, 40}};
  ru.boxes = {box};
  r.rectangles = ru;
  c.values[1] = r;
  c.parties[1].batna = Batna{};
  c.parties[1].batna->utility = 0.2;
  const auto problems = CheckCase(c);
  EXPECT_TRUE(HasProblem(problems, "rectangles.acme.max_utility",
                         "max_utility must be a number above 0, not 0"))
      << Dump(problems);
  EXPECT_TRUE(HasProblem(problems, "rectangles.acme.boxes[0].include.term",
                         "box bounds apply to number issues; 'term' is an options issue"))
      << Dump(problems);
  EXPECT_TRUE(
      HasProblem(problems, "rectangles.acme.boxes[0].include.volumn", "unknown issue 'volumn'"))
      << Dump(problems);
  EXPECT_TRUE(HasProblem(problems, "rectangles.acme.boxes[0].exclude.volume",
                         "a bound is [min, max] with finite min <= max"))
      << Dump(problems);
  EXPECT_EQ(problems.size(), 4u) << Dump(problems);
  c.values[1].rectangles->max_utility = 1;
  c.values[1].rectangles->boxes[0].include = {{"volume", 0, 50}};
  c.values[1].rectangles->boxes[0].exclude = {{"volume", 40, 60}};
  EXPECT_EQ(Dump(CheckCase(c)), "");
}

TEST(CaseCheckTest, WarnsAboutABatnaAboveEveryDeal) {
  Case c = ValidCase();
  c.parties[1].batna->range = std::make_pair(100000.0, 135000.0);  // a price, not a cost
  const auto problems = CheckCase(c);
  ASSERT_EQ(problems.size(), 1u) << Dump(problems);
  EXPECT_TRUE(problems[0].warning);
  EXPECT_FALSE(problems[0].limit);
  EXPECT_EQ(FormatCasePath(problems[0].path), "parties[1].batna");
  EXPECT_NE(problems[0].message.find("party 'acme' walks away with at least 100000, more than its "
                                     "best possible deal (-90000)"),
            std::string::npos)
      << problems[0].message;
  // The warning is given only for a case that breaks no rule.
  c.title = "";
  EXPECT_SINGLE(c, "title", "the title is empty");
}

// Exactly one problem, a warning, with this path and message.
void ExpectWarning(const Case& c, const std::string& path, const std::string& message) {
  const std::vector<CaseProblem> problems = CheckCase(c);
  ASSERT_EQ(problems.size(), 1u) << Dump(problems);
  EXPECT_TRUE(problems[0].warning);
  EXPECT_EQ(FormatCasePath(problems[0].path), path);
  EXPECT_EQ(problems[0].message, message);
}

// Floors of two parties, each valid alone, that leave no value of an issue: a warning at the
// floor that closes it, naming every floor on the issue. A single value left is no warning.
TEST(CaseCheckTest, WarnsAboutFloorsThatExcludeEachOther) {
  Case c = ValidCase();
  Floor cap;
  cap.party = "acme";
  cap.issue = "price";
  cap.max = 109999;  // cloudco's floor: min 110000
  c.floors.push_back(cap);
  ExpectWarning(c, "floors.acme.price",
                "the floors on issue 'price' leave none of its values (cloudco: min 110000; acme: "
                "max 109999), so no deal can meet them all; check each floor's figure, and how "
                "firm the estimate of the other side's floor is");
  c.floors.back().max = 110000;
  EXPECT_EQ(Dump(CheckCase(c)), "");

  Floor no_short, no_long;
  no_short.party = "cloudco";
  no_short.issue = "term";
  no_short.exclude = {"1y"};
  no_long.party = "acme";
  no_long.issue = "term";
  no_long.exclude = {"3y", "2y"};
  c.floors.push_back(no_short);
  c.floors.push_back(no_long);
  ExpectWarning(c, "floors.acme.term",
                "the floors on issue 'term' leave none of its values (cloudco: excludes 1y; acme: "
                "excludes 3y, 2y), so no deal can meet them all; check each floor's figure, and "
                "how firm the estimate of the other side's floor is");
}

// Exactly one problem, with this path and message.
void ExpectExactly(const Case& c, const std::string& path, const std::string& message,
                   bool limit = false) {
  const std::vector<CaseProblem> problems = CheckCase(c);
  ASSERT_EQ(problems.size(), 1u) << Dump(problems);
  EXPECT_EQ(FormatCasePath(problems[0].path), path);
  EXPECT_EQ(problems[0].message, message);
  EXPECT_EQ(problems[0].limit, limit);
}

TEST(CaseCheckTest, FiniteNumbersWhoseValuesOverflowAreRefused) {
  {
    SCOPED_TRACE("a linear coefficient");
    Case c = ValidCase();
    c.values[0].terms[0] = Term("price", LinearValue{1e308});
    ExpectExactly(c, "values.cloudco.price",
                  "the value of 'price' at 90000 to party 'cloudco' is too large to compute with "
                  "(beyond +-1e302); use smaller numbers");
  }
  {
    SCOPED_TRACE("the BATNA less its costs");
    Case c = ValidCase();
    c.parties[0].batna->value = -1e308;
    c.parties[0].batna->costs.risk = 1e308;
    ExpectExactly(c, "parties[0].batna",
                  "the BATNA less its costs is too large to compute with (beyond +-1e302); "
                  "use smaller numbers");
  }
  {
    SCOPED_TRACE("a BATNA range");
    Case c = ValidCase();
    c.parties[1].batna->range = std::make_pair(-1e308, 1e308);
    ExpectExactly(c, "parties[1].batna",
                  "the BATNA less its costs is too large to compute with (beyond +-1e302); "
                  "use smaller numbers");
  }
  {
    SCOPED_TRACE("the span of a party's deals");
    Case c = ValidCase();
    c.values[0].terms[1] = Term("term", TableValue{{{"1y", -1e308}, {"3y", 1e308}}});
    ExpectExactly(c, "values.cloudco",
                  "party 'cloudco' has deals worth from -1e+308 to 1e+308: the value range is "
                  "too large to compute with (beyond +-1e302); use smaller numbers");
  }
  {
    SCOPED_TRACE("a BATNA far off the scale of the deals");
    Case c = ValidCase();
    c.parties[0].batna->value = -1e300;
    c.values[0].terms[0] = Term("price", LinearValue{0});
    c.values[0].terms[1] = Term("term", TableValue{{{"1y", 0}, {"2y", 0.0005}, {"3y", 0.001}}});
    ExpectExactly(c, "parties[0].batna",
                  "the BATNA on the scale of party 'cloudco''s deals (from 0 to 0.001) is too "
                  "large to compute with (beyond +-1e302); use smaller numbers");
  }
  {
    SCOPED_TRACE("finite values whose sums overflow: a mean over sampled BATNAs");
    Case c = ValidCase();
    c.values[0].terms[1] = Term("term", TableValue{{{"1y", 1e305}, {"3y", -1e305}}});
    ExpectExactly(c, "values.cloudco",
                  "party 'cloudco' has deals worth from -1e+305 to 1e+305: the value range is "
                  "too large to compute with (beyond +-1e302); use smaller numbers");
    c.values[0].terms[1] = Term("term", TableValue{{{"1y", 1e299}, {"3y", -1e299}}});
    EXPECT_TRUE(CheckCase(c).empty()) << Dump(CheckCase(c));
  }
  {
    SCOPED_TRACE("points too far apart");
    Case c = ValidCase();
    c.values[0].terms[0] = Term("price", PointsValue{{{90000, -1e302}, {150000, 1e302}}});
    ExpectExactly(c, "values.cloudco.price.points[1]",
                  "the step from the previous point is too large to compute with (beyond "
                  "+-1e302); use smaller numbers");
  }
  {
    SCOPED_TRACE("a rectangles scale");
    Case c = ValidCase();
    Preferences r;
    r.party = "acme";
    r.form = ValueForm::kRectangles;
    r.rectangles = RectangleUtility{1e-308, 1e308, {{1, {{"price", 90000, 100000}}, {}}}};
    c.values[1] = r;
    c.parties[1].batna = Batna{};
    c.parties[1].batna->utility = 0.5;
    ExpectExactly(c, "rectangles.acme",
                  "the weight x box utilities / max_utility of party 'acme' is too large to "
                  "compute with (beyond +-1e302); use smaller numbers");
  }
}

TEST(CaseCheckTest, SizeLimitsAreLimitsNamedInTheMessage) {
  {
    Case c = ValidCase();
    while (c.parties.size() <= kLimits.parties.value) {
      Party p;
      p.id = "p" + std::to_string(c.parties.size());
      c.parties.push_back(p);
    }
    ExpectExactly(c, "parties",
                  "51 parties in a case; the limit is 50 (see \"Limits\" in the case format)",
                  true);
  }
  {
    Case c = ValidCase();
    while (c.issues.size() <= kLimits.issues.value) {
      c.issues.push_back(OptionsIssue("i" + std::to_string(c.issues.size()), {"x"}));
    }
    ExpectExactly(c, "issues",
                  "1,001 issues in a case; the limit is 1,000 (see \"Limits\" in the case format)",
                  true);
  }
  {
    Case c = ValidCase();
    for (std::size_t k = 0; k < kLimits.options.value; ++k) {
      c.issues[1].options.push_back("o" + std::to_string(k));
    }
    ExpectExactly(c, "issues[1].options",
                  "10,003 options in one issue; the limit is 10,000 (see \"Limits\" in the case "
                  "format)",
                  true);
  }
  {
    Case c = ValidCase();
    PointsValue points;
    for (std::size_t k = 0; k < kLimits.value_entries.value; ++k) {
      points.points.emplace_back(static_cast<double>(k), 0.0);
    }
    c.values[0].terms[0] = Term("price", points);
    ExpectExactly(c, "values.cloudco",
                  "100,003 value entries of one party; the limit is 100,000 (see \"Limits\" in "
                  "the case format)",
                  true);
  }
}

TEST(CaseCheckTest, IdsAndOptionsHaveALengthLimitInCharacters) {
  const std::size_t limit = kLimits.name_length.value;
  std::string emoji;  // 200 characters of four bytes each: within the limit
  for (std::size_t k = 0; k < limit; ++k) emoji += "\U0001F600";
  {
    Case c = ValidCase();
    c.issues[1].options.push_back(emoji);
    c.issues[1].options.push_back(std::string(limit, 'o'));
    c.evidence.push_back(MakeEvidence(std::string(limit, 'e')));
    EXPECT_EQ(CheckCase(c).size(), 0u) << Dump(CheckCase(c));
  }
  {
    Case c = ValidCase();
    c.issues[1].options[1] = emoji + "x";
    ExpectExactly(c, "issues[1].options[1]",
                  "201 characters in an id or option; the limit is 200 (see \"Limits\" in the "
                  "case format)",
                  true);
  }
  {
    Case c = ValidCase();
    c.evidence.push_back(MakeEvidence(std::string(limit + 100, 'e')));
    ExpectExactly(c, "evidence[" + std::to_string(c.evidence.size() - 1) + "].id",
                  "300 characters in an id or option; the limit is 200 (see \"Limits\" in the "
                  "case format)",
                  true);
  }
}

TEST(CaseCheckTest, ATableOfManyOptionsIsCheckedInLinearTime) {
  // 10,000 options each valued, and 10,000 unknown options: with a linear OptionIndex per entry
  // this took seconds; with the hash map it is instant. The answer is what matters here.
  Case c = ValidCase();
  TableValue table;
  for (std::size_t k = 0; k < 9'000; ++k) {
    c.issues[1].options.push_back("o" + std::to_string(k));
    table.entries.emplace_back("o" + std::to_string(k), static_cast<double>(k));
    table.entries.emplace_back("o" + std::to_string(k) + "x", 1.0);
  }
  c.values[0].terms[1] = Term("term", table);
  const auto problems = CheckCase(c);
  ASSERT_EQ(problems.size(), 9'000u);
  EXPECT_EQ(problems[0].message, "issue 'term' has no option 'o0x'");
  EXPECT_EQ(problems[0].hint, "did you mean 'o0'?");  // hints on the first 200 only
  EXPECT_EQ(problems.back().hint, "");
}

}  // namespace
}  // namespace parley
