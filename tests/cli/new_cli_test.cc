// End-to-end tests of `parley new`: answers piped on stdin become a case file that the reader
// accepts with exactly the values answered; refused answers are asked again; input that ends too
// early, an existing file or a bad file name writes nothing.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <system_error>
#include <utility>
#include <variant>
#include <vector>

#include "cli/cli_harness.h"
#include "parley/io/case_reader.h"

namespace {

using parley::testing::Files;
using parley::testing::Parley;
using parley::testing::Result;
using parley::testing::Slurp;
namespace fs = std::filesystem;

// A fresh, empty folder for one test, removed when the test ends.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& name)
      : path_(fs::temp_directory_path() /
              ("parley_new_test_" + std::to_string(::getpid()) + "_" + name)) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// Writes one answer a line to `dir`/answers.txt and returns its path.
fs::path WriteAnswers(const fs::path& dir, const std::vector<std::string>& answers) {
  const fs::path path = dir / "answers.txt";
  std::ofstream out(path, std::ios::binary);
  for (const std::string& answer : answers) out << answer << '\n';
  return path;
}

// Runs `parley new ARGS < answers`.
Result New(const std::string& args, const fs::path& answers) {
  return Parley("new " + args + " < '" + answers.string() + "'");
}

std::string Quoted(const fs::path& path) {
  std::string quoted(1, '\'');
  quoted += path.string();
  quoted += '\'';
  return quoted;
}

// A sales renewal, answered in the order of the questions. Blank lines take defaults or skip.
std::vector<std::string> RenewalAnswers() {
  return {// 1. The deal: title, context, relationship, culture, currency (blank: USD).
          "Enterprise SaaS renewal with Acme", "sales", "repeated", "direct", "",
          // 2. The parties: our name and id (blank: the suggested cloudco), their name and id.
          "CloudCo", "", "Acme Corp", "acme",
          // 3. The issues: id, name, kind, then range and step, or options; a blank id ends.
          "price", "Annual price", "number", "90000 150000", "1000",  //
          "term", "", "options", "1y, 2y, 3y",                        //
          "",
          // 4. Values: price to us, to them; term per option to us, then to them.
          "1", "-1", "0", "15000", "25000", "0", "-4000", "-6000",
          // 5. BATNAs: ours (description, value, evidence), theirs (description, range, evidence).
          "Give the Q1 migration slot to Globex", "95000", "pipeline-q1",
          "Switch to the incumbent competitor at list price", "-135000 -100000", "competitor-quote",
          // 6. Deadlines: ours (date, cost per week, evidence); theirs skipped.
          "2026-12-15", "2000", "capacity-plan", "",
          // 7. Evidence: the three cited (kind, claim, source), then one more, then a blank id.
          "precedent", "Globex is at contract stage for about 100k in its first year",
          "CRM pipeline, November",  //
          "benchmark", "The competitor quoted between 100k and 135k a year",
          "Procurement call notes", "capacity", "Only three migration slots remain in Q1",
          "Delivery team plan",  //
          "benchmark-2026", "benchmark", "Comparable deployments sell for 110k to 140k a year",
          "Industry price survey, 2026",  //
          "",
          // 8. Power, ours: situational, knowledge, information, organizational, personal,
          //    planning (a score, then its evidence when scored).
          "4", "capacity-plan, pipeline-q1", "3", "", "3", "benchmark-2026", "", "3", "", "4", "",
          //    Theirs, then how strong we feel.
          "2", "competitor-quote", "", "", "4", "", "", "", "2",
          // 9. Our floor on price, and its evidence.
          "110000", "benchmark-2026"};
}

// Checks every answered value of the renewal.
void ExpectRenewal(const parley::Case& c) {
  using parley::IssueKind;
  using parley::LinearValue;
  using parley::PowerSource;
  using parley::TableValue;
  EXPECT_EQ(c.title, "Enterprise SaaS renewal with Acme");
  EXPECT_EQ(c.context, parley::Context::kSales);
  EXPECT_EQ(c.relationship, parley::Relationship::kRepeated);
  EXPECT_EQ(c.culture, parley::Culture::kDirect);
  EXPECT_EQ(c.currency, "USD");

  ASSERT_EQ(c.parties.size(), 2u);
  const parley::Party& us = c.parties[0];
  const parley::Party& them = c.parties[1];
  EXPECT_EQ(us.id, "cloudco");
  EXPECT_EQ(us.name, "CloudCo");
  EXPECT_EQ(us.side, parley::Side::kUs);
  EXPECT_EQ(them.id, "acme");
  EXPECT_EQ(them.name, "Acme Corp");
  EXPECT_EQ(them.side, parley::Side::kThem);

  ASSERT_EQ(c.issues.size(), 2u);
  EXPECT_EQ(c.issues[0].id, "price");
  EXPECT_EQ(c.issues[0].name, "Annual price");
  EXPECT_EQ(c.issues[0].kind, IssueKind::kNumber);
  EXPECT_EQ(c.issues[0].lo, 90000);
  EXPECT_EQ(c.issues[0].hi, 150000);
  EXPECT_EQ(c.issues[0].step, 1000);
  EXPECT_EQ(c.issues[1].id, "term");
  EXPECT_EQ(c.issues[1].name, "");
  EXPECT_EQ(c.issues[1].kind, IssueKind::kOptions);
  EXPECT_EQ(c.issues[1].options, (std::vector<std::string>{"1y", "2y", "3y"}));

  ASSERT_EQ(c.values.size(), 2u);
  const std::vector<std::pair<std::string, std::vector<double>>> expected = {
      {"cloudco", {1, 0, 15000, 25000}}, {"acme", {-1, 0, -4000, -6000}}};
  for (std::size_t p = 0; p < 2; ++p) {
    const parley::Preferences& prefs = c.values[p];
    const std::vector<double>& v = expected[p].second;
    EXPECT_EQ(prefs.party, expected[p].first);
    EXPECT_EQ(prefs.form, parley::ValueForm::kMoney);
    ASSERT_EQ(prefs.terms.size(), 2u);
    EXPECT_EQ(prefs.terms[0].issue, "price");
    ASSERT_TRUE(std::holds_alternative<LinearValue>(prefs.terms[0].evaluator));
    EXPECT_EQ(std::get<LinearValue>(prefs.terms[0].evaluator).slope, v[0]);
    EXPECT_EQ(prefs.terms[1].issue, "term");
    ASSERT_TRUE(std::holds_alternative<TableValue>(prefs.terms[1].evaluator));
    const TableValue table = std::get<TableValue>(prefs.terms[1].evaluator);
    EXPECT_EQ(table.entries, (std::vector<std::pair<std::string, double>>{
                                 {"1y", v[1]}, {"2y", v[2]}, {"3y", v[3]}}));
  }

  ASSERT_TRUE(us.batna.has_value());
  EXPECT_EQ(us.batna->description, "Give the Q1 migration slot to Globex");
  EXPECT_EQ(us.batna->value, 95000);
  EXPECT_FALSE(us.batna->range.has_value());
  EXPECT_EQ(us.batna->evidence, std::vector<std::string>{"pipeline-q1"});
  ASSERT_TRUE(them.batna.has_value());
  EXPECT_EQ(them.batna->description, "Switch to the incumbent competitor at list price");
  EXPECT_FALSE(them.batna->value.has_value());
  EXPECT_EQ(them.batna->range, std::make_pair(-135000.0, -100000.0));
  EXPECT_EQ(them.batna->evidence, std::vector<std::string>{"competitor-quote"});

  ASSERT_TRUE(us.deadline.has_value());
  EXPECT_EQ(us.deadline->date, "2026-12-15");
  EXPECT_EQ(us.deadline->cost_per_week, 2000);
  EXPECT_EQ(us.deadline->evidence, std::vector<std::string>{"capacity-plan"});
  EXPECT_FALSE(them.deadline.has_value());

  ASSERT_EQ(c.evidence.size(), 4u);
  const std::vector<std::pair<std::string, parley::EvidenceKind>> kinds = {
      {"pipeline-q1", parley::EvidenceKind::kPrecedent},
      {"competitor-quote", parley::EvidenceKind::kBenchmark},
      {"capacity-plan", parley::EvidenceKind::kCapacity},
      {"benchmark-2026", parley::EvidenceKind::kBenchmark}};
  for (std::size_t k = 0; k < kinds.size(); ++k) {
    EXPECT_EQ(c.evidence[k].id, kinds[k].first);
    EXPECT_EQ(c.evidence[k].kind, kinds[k].second) << kinds[k].first;
  }
  EXPECT_EQ(c.evidence[2].claim, "Only three migration slots remain in Q1");
  EXPECT_EQ(c.evidence[2].source, "Delivery team plan");
  EXPECT_EQ(c.evidence[3].claim, "Comparable deployments sell for 110k to 140k a year");
  EXPECT_EQ(c.evidence[3].source, "Industry price survey, 2026");

  const auto score = [](const parley::Party& p, PowerSource s) {
    return p.Power(s) ? p.Power(s)->score : -1.0;
  };
  EXPECT_EQ(score(us, PowerSource::kSituational), 4);
  EXPECT_EQ(us.Power(PowerSource::kSituational)->evidence,
            (std::vector<std::string>{"capacity-plan", "pipeline-q1"}));
  EXPECT_EQ(score(us, PowerSource::kKnowledge), 3);
  EXPECT_TRUE(us.Power(PowerSource::kKnowledge)->evidence.empty());
  EXPECT_EQ(score(us, PowerSource::kInformation), 3);
  EXPECT_EQ(us.Power(PowerSource::kInformation)->evidence,
            std::vector<std::string>{"benchmark-2026"});
  EXPECT_EQ(score(us, PowerSource::kOrganizational), -1);  // not scored
  EXPECT_EQ(score(us, PowerSource::kPersonal), 3);
  EXPECT_EQ(score(us, PowerSource::kPlanning), 4);
  EXPECT_EQ(score(them, PowerSource::kSituational), 2);
  EXPECT_EQ(them.Power(PowerSource::kSituational)->evidence,
            std::vector<std::string>{"competitor-quote"});
  EXPECT_EQ(score(them, PowerSource::kKnowledge), -1);
  EXPECT_EQ(score(them, PowerSource::kInformation), -1);
  EXPECT_EQ(score(them, PowerSource::kOrganizational), 4);
  EXPECT_EQ(score(them, PowerSource::kPersonal), -1);
  EXPECT_EQ(score(them, PowerSource::kPlanning), -1);
  EXPECT_EQ(us.perceived_power, 2);
  EXPECT_FALSE(them.perceived_power.has_value());

  ASSERT_EQ(c.floors.size(), 1u);
  EXPECT_EQ(c.floors[0].party, "cloudco");
  EXPECT_EQ(c.floors[0].issue, "price");
  EXPECT_EQ(c.floors[0].min, 110000);
  EXPECT_FALSE(c.floors[0].max.has_value());
  EXPECT_EQ(c.floors[0].evidence, std::vector<std::string>{"benchmark-2026"});

  EXPECT_TRUE(c.stakeholders.empty());
  EXPECT_TRUE(c.concessions.empty());
}

parley::Case Load(const fs::path& path) {
  const parley::io::LoadResult result = parley::io::LoadCase(path.string());
  EXPECT_TRUE(result.Ok()) << path;
  return result.value.value_or(parley::Case{});
}

TEST(CliNewTest, PipedSessionWritesTheAnsweredCase) {
  const ScratchDir scratch("session");
  const fs::path& dir = scratch.path();
  const fs::path file = dir / "renewal.yaml";
  const Result run = New("-o " + Quoted(file), WriteAnswers(dir, RenewalAnswers()));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "");  // questions and notes go to stderr
  EXPECT_NE(run.err.find("1. What the deal is about"), std::string::npos);
  EXPECT_NE(run.err.find("Context (sales, procurement, partnership, hiring, internal or other"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("Our id (lowercase letters, digits, '-' and '_') [cloudco]: \n"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("wrote " + file.string() + "; next: `parley check " + file.string() +
                         "`, then `parley plan " + file.string() + "`"),
            std::string::npos)
      << run.err;
  EXPECT_EQ(run.err.find("warning"), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find("The input ended"), std::string::npos);
  EXPECT_EQ(Slurp(file).rfind("format: parley/1", 0), 0u);

  const Result check = Parley("check " + Quoted(file));
  EXPECT_EQ(check.exit_code, 0) << check.err;
  EXPECT_NE(check.out.find("ok: \"Enterprise SaaS renewal with Acme\" (2 parties, 2 issues, "
                           "183 outcomes)"),
            std::string::npos)
      << check.out;
  ExpectRenewal(Load(file));
  EXPECT_EQ(Files(dir).size(), 2u);  // the answers and the case, no temporary file left
}

TEST(CliNewTest, JsonWhenTheFileEndsInJsonYamlOnStdoutWithoutOutput) {
  const ScratchDir scratch("formats");
  const fs::path& dir = scratch.path();
  const fs::path answers = WriteAnswers(dir, RenewalAnswers());
  const fs::path json_file = dir / "renewal.json";
  const Result json = New("-o " + Quoted(json_file), answers);
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const nlohmann::json j = nlohmann::json::parse(Slurp(json_file));  // throws if not JSON
  EXPECT_EQ(j["format"], "parley/1");
  EXPECT_EQ(j["parties"][1]["batna"]["range"], nlohmann::json::array({-135000, -100000}));
  ExpectRenewal(Load(json_file));

  const Result yaml = New("", answers);
  ASSERT_EQ(yaml.exit_code, 0) << yaml.err;
  EXPECT_EQ(yaml.out.rfind("format: parley/1\n", 0), 0u) << yaml.out;
  EXPECT_NE(yaml.err.find("wrote the case to standard output"), std::string::npos) << yaml.err;
  const parley::io::LoadResult read = parley::io::ReadCaseText(yaml.out, "stdout");
  ASSERT_TRUE(read.Ok());
  ExpectRenewal(*read.value);
  EXPECT_EQ(*read.value, Load(json_file));

  const Result upper = New("-o " + Quoted(dir / "renewal.YML"), answers);
  EXPECT_EQ(upper.exit_code, 0) << upper.err;
  EXPECT_EQ(Slurp(dir / "renewal.YML"), yaml.out);
}

TEST(CliNewTest, RefusedAnswersAreAskedAgainWithTheReason) {
  std::vector<std::string> answers = RenewalAnswers();
  // Each refused answer goes in just before the good one.
  const std::vector<std::pair<std::string, std::string>> wrong_before = {
      {"sales", "sale"},                                             // a context, misspelt
      {"acme", "Acme Corp"},                                         // not an id
      {"acme", "cloudco"},                                           // our id again
      {"number", "numbr"},                                           // a kind of issue, misspelt
      {"90000 150000", "90000 to 150000"},                           // not a number
      {"90000 150000", "150000 90000"},                              // reversed
      {"1000", "0"},                                                 // a step must be above 0
      {"-1", "minus one"},                                           // a slope that is not a number
      {"-135000 -100000", "-135000 -100000 0"},                      // three numbers
      {"2026-12-15", "2026-13-15"},                                  // not a date
      {"precedent", "precedents"},                                   // a kind of evidence, misspelt
      {"capacity-plan, pipeline-q1", "capacity-plan, pipeline-q2"},  // unknown evidence
      {"2", "6"},  // their situational power above 5
  };
  for (const auto& [good, bad] : wrong_before) {
    auto at = std::find(answers.begin(), answers.end(), good);
    ASSERT_NE(at, answers.end()) << good;
    answers.insert(at, bad);
  }
  const ScratchDir scratch("reasked");
  const fs::path& dir = scratch.path();
  const fs::path file = dir / "renewal.yaml";
  const Result run = New("-o " + Quoted(file), WriteAnswers(dir, answers));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  for (const char* reason : {
           "\n  'sale' is not a context; choose one of sales, procurement, partnership, hiring, "
           "internal, other (did you mean 'sales'?)\n",
           "\n  id 'Acme Corp' is not valid: use lowercase letters, digits, '-' and '_'\n",
           "\n  duplicate id 'cloudco': already used at parties[0]\n",
           "\n  'numbr' is not a kind of issue; choose one of number, options (did you mean "
           "'number'?)\n",
           "\n  'to' is not a number; write two numbers, the lowest and the highest",
           "\n  the range is reversed: write [90000, 150000]\n",
           "\n  the step must be a number above 0, not 0\n",
           "\n  'minus one' is not a number; write a value per unit such as 1 or -1\n",
           "\n  write one amount in USD, or 'low high' if unsure",
           "\n  '2026-13-15' is not a date; write YYYY-MM-DD\n",
           "\n  'precedents' is not a kind of evidence; choose one of benchmark, cost, legal, "
           "precedent, capacity, policy, research, other (did you mean 'precedent'?)\n",
           "\n  unknown evidence 'pipeline-q2' (did you mean 'pipeline-q1'?)\n",
           "\n  a power score must be between 0 and 5, not 6\n",
       }) {
    EXPECT_NE(run.err.find(reason), std::string::npos) << reason << "\n---\n" << run.err;
  }
  ExpectRenewal(Load(file));
}

TEST(CliNewTest, InputEndingBeforeARequiredAnswerWritesNothing) {
  const ScratchDir scratch("eof");
  const fs::path& dir = scratch.path();
  const fs::path file = dir / "renewal.yaml";
  const std::vector<std::string> all = RenewalAnswers();
  struct Cut {
    std::size_t answers;   // how many answers are given
    std::string question;  // the question left without an answer
  };
  for (const Cut& cut : {Cut{0, "the question 'Title' was answered (the title is empty"},
                         Cut{5, "the question 'Our name' was answered; nothing was written"},
                         Cut{9,
                             "the question 'Issue 1 id' was answered (there must be at least one "
                             "issue to negotiate); nothing was written"},
                         Cut{12, "the question 'Range of price' was answered"},
                         Cut{28, "the question 'What our BATNA is worth' was answered"},
                         // Evidence cited for a BATNA must be described before the case is
                         // written: with the kind taken by default, the claim is missing.
                         Cut{37,
                             "the question 'What pipeline-q1 establishes' was answered "
                             "(evidence needs a `claim`: what it establishes)"}}) {
    const std::vector<std::string> some(all.begin(), all.begin() + cut.answers);
    const Result run = New("-o " + Quoted(file), WriteAnswers(dir, some));
    EXPECT_EQ(run.exit_code, 2) << cut.answers << "\n" << run.err;
    EXPECT_NE(run.err.find("parley: error: the input ended before " + cut.question),
              std::string::npos)
        << cut.answers << "\n"
        << run.err;
    EXPECT_FALSE(fs::exists(file)) << cut.answers;
    EXPECT_EQ(run.out, "");
  }
  EXPECT_EQ(Files(dir).size(), 1u);  // only the answers
}

// Only the required answers of a job offer (and a few optional ones); the input then ends.
std::vector<std::string> OfferAnswers(const std::string& their_batna) {
  return {// The deal, the parties.
          "Salary offer", "hiring", "", "", "EUR", "Dana", "", "Initech", "",
          // One issue, and what it is worth to each side.
          "salary", "", "number", "50000 90000", "1000", "", "1", "-1",
          // The BATNAs: ours (no description, 60000, no evidence), theirs (no description).
          "", "60000", "", "", their_batna};
}

TEST(CliNewTest, InputEndingAfterTheRequiredAnswersTakesTheDefaults) {
  const ScratchDir scratch("short");
  const fs::path& dir = scratch.path();
  const fs::path file = dir / "short.json";
  const Result run = New("-o " + Quoted(file), WriteAnswers(dir, OfferAnswers("-85000")));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("The input ended; the remaining questions took their defaults."),
            std::string::npos);
  const parley::Case c = Load(file);
  EXPECT_EQ(c.title, "Salary offer");
  EXPECT_EQ(c.context, parley::Context::kHiring);
  EXPECT_FALSE(c.relationship.has_value());
  EXPECT_EQ(c.currency, "EUR");
  ASSERT_EQ(c.parties.size(), 2u);
  EXPECT_EQ(c.parties[0].id, "dana");
  EXPECT_EQ(c.parties[1].id, "initech");
  ASSERT_TRUE(c.parties[1].batna.has_value());
  EXPECT_EQ(c.parties[1].batna->value, -85000);
  EXPECT_TRUE(c.evidence.empty());
  EXPECT_TRUE(c.floors.empty());
  EXPECT_FALSE(c.parties[0].deadline.has_value());
}

// The case is checked as a whole before it is written; its warnings are shown and do not stop
// the write. Here the employer's BATNA is written as a positive salary, above every deal.
TEST(CliNewTest, WarningsOfTheWholeCaseAreShown) {
  const ScratchDir scratch("warning");
  const fs::path& dir = scratch.path();
  const fs::path file = dir / "offer.yaml";
  const Result run = New("-o " + Quoted(file), WriteAnswers(dir, OfferAnswers("85000")));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("parley: warning: parties[1].batna: party 'initech' walks away with at "
                         "least 85000, more than its best possible deal (-50000)"),
            std::string::npos)
      << run.err;
  EXPECT_TRUE(fs::exists(file));
  EXPECT_EQ(Parley("check " + Quoted(file)).exit_code, 0);
}

TEST(CliNewTest, AnExistingFileIsKeptWithoutForce) {
  const ScratchDir scratch("force");
  const fs::path& dir = scratch.path();
  const fs::path file = dir / "renewal.yaml";
  const fs::path answers = WriteAnswers(dir, RenewalAnswers());
  std::ofstream(file) << "keep me\n";
  const Result refused = New("-o " + Quoted(file), answers);
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find(file.string() + " already exists; pass --force to replace it"),
            std::string::npos)
      << refused.err;
  EXPECT_EQ(refused.err.find("Title"), std::string::npos);  // refused before any question
  EXPECT_EQ(Slurp(file), "keep me\n");

  const Result forced = New("-o " + Quoted(file) + " --force", answers);
  ASSERT_EQ(forced.exit_code, 0) << forced.err;
  ExpectRenewal(Load(file));
}

// A folder as the target is refused before the first question, --force or not, and so is an
// existing file without --force: no answer is asked for in vain.
TEST(CliNewTest, AFolderAsTheTargetIsRefusedBeforeAnyQuestion) {
  const ScratchDir scratch("folder");
  const fs::path& dir = scratch.path();
  const fs::path answers = WriteAnswers(dir, RenewalAnswers());
  const fs::path folder = dir / "cases.yaml";
  fs::create_directory(folder);
  for (const std::string force : {"", " --force"}) {
    const Result run = New("-o " + Quoted(folder) + force, answers);
    EXPECT_EQ(run.exit_code, 2) << force;
    EXPECT_NE(run.err.find("parley: error: " + folder.string() +
                           " is a folder; name the case file to write in it"),
              std::string::npos)
        << run.err;
    EXPECT_EQ(run.err.find("Title"), std::string::npos) << run.err;  // no question was asked
    EXPECT_TRUE(fs::is_directory(folder));
    EXPECT_TRUE(fs::is_empty(folder));
  }
}

// Endless input ends with a limit (exit 4) instead of growing: one answer is at most 64 KiB, an
// interview takes at most 1000 answers (refused ones included). Nothing is written.
TEST(CliNewTest, EndlessInputStopsAtALimit) {
  const ScratchDir scratch("endless");
  const fs::path& dir = scratch.path();
  const fs::path file = dir / "case.yaml";
  const Result zeros = Parley("new -o " + Quoted(file) + " < /dev/zero");
  EXPECT_EQ(zeros.exit_code, 4) << zeros.err;
  EXPECT_NE(zeros.err.find("parley: error: the answer to the question 'Title' is longer than "
                           "65536 bytes (64 KiB), the limit of one answer; nothing was written"),
            std::string::npos)
      << zeros.err.substr(0, 2000);
  EXPECT_LT(zeros.err.size(), 1000u);  // the over-long answer is not echoed

  // A title, then 1000 answers that are not a context: refused, asked again, until the limit.
  const std::vector<std::string> wrong(1000, "x");
  std::vector<std::string> answers = {"Endless"};
  answers.insert(answers.end(), wrong.begin(), wrong.end());
  const Result many = New("-o " + Quoted(file), WriteAnswers(dir, answers));
  EXPECT_EQ(many.exit_code, 4);
  EXPECT_NE(many.err.find("parley: error: the question 'Context' came after 1000 answers, the "
                          "limit of one interview; nothing was written"),
            std::string::npos)
      << many.err.substr(many.err.size() > 2000 ? many.err.size() - 2000 : 0);
  EXPECT_FALSE(fs::exists(file));
  EXPECT_EQ(many.out, "");
}

TEST(CliNewTest, BadOutputNamesAreUsageErrors) {
  const ScratchDir scratch("names");
  const fs::path& dir = scratch.path();
  const fs::path answers = WriteAnswers(dir, RenewalAnswers());
  const Result text = New("-o " + Quoted(dir / "renewal.txt"), answers);
  EXPECT_EQ(text.exit_code, 2);
  EXPECT_NE(text.err.find("a case file ends in .yaml, .yml or .json"), std::string::npos)
      << text.err;
  const Result folder = New("-o " + Quoted(dir / "missing" / "renewal.yaml"), answers);
  EXPECT_EQ(folder.exit_code, 2);
  EXPECT_NE(folder.err.find("no such folder"), std::string::npos) << folder.err;
  EXPECT_EQ(Files(dir).size(), 1u);

  const Result help = Parley("help new");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--force"), std::string::npos);
  EXPECT_NE(Parley("help").out.find("new"), std::string::npos);
}

}  // namespace
