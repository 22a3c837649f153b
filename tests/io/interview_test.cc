// The interview of parley/io/interview.h driven in code, as a web form or Python would: the
// questions in order, the case built from the answers, refusals with their reasons, defaults,
// the follow-up questions of each issue and the errors of Finish and of the limits.
#include "parley/io/interview.h"

#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

#include "parley/core/case_check.h"
#include "parley/core/error.h"
#include "parley/io/case_reader.h"
#include "parley/io/case_writer.h"

namespace parley::io {
namespace {

// Gives each answer in turn, expecting each to be accepted; stops at the first refusal.
void Give(Interview& interview, const std::vector<std::string>& answers) {
  for (const std::string& answer : answers) {
    ASSERT_FALSE(interview.Done()) << "no question left for '" << answer << "'";
    const std::string label = interview.Current().label;
    const std::string reason = interview.Answer(answer);
    ASSERT_EQ(reason, "") << label << ": '" << answer << "'";
  }
}

// The labels of the questions asked while `answers` are given.
std::vector<std::string> Labels(Interview& interview, const std::vector<std::string>& answers) {
  std::vector<std::string> labels;
  for (const std::string& answer : answers) {
    labels.push_back(interview.Current().label);
    EXPECT_EQ(interview.Answer(answer), "") << labels.back();
  }
  return labels;
}

// The deal and the parties of a job offer, up to (not including) the first issue id.
const std::vector<std::string> kDealAndParties = {"Salary offer", "hiring", "",        "", "EUR",
                                                  "Dana",         "",       "Initech", ""};

// Two issues (one of each kind), their values, both BATNAs and the rest, with a few optional
// answers left blank.
std::vector<std::string> OfferAnswers() {
  std::vector<std::string> answers = kDealAndParties;
  for (const char* answer : {// 3. Issues: salary (number), then remote (options), then the end.
                             "salary", "Annual salary", "number", "50000 90000", "1000", "remote",
                             "", "options", "none, hybrid, full", "",
                             // 4. Values: salary to us, to them; remote per option to us, them.
                             "1", "-1", "0", "4000", "6000", "0", "-1000", "-3000",
                             // 5. BATNAs: ours with one cited piece of evidence, theirs.
                             "Stay in the current job", "60000", "payslip", "", "-85000", "",
                             // 6. Deadlines: ours, then none for them.
                             "2026-09-30", "500", "", "",
                             // 7. Evidence: the cited payslip, then the end of the list.
                             "cost", "The current salary is 60000", "Payslip, May", "",
                             // 8. Power: ours situational 3 with evidence; the rest unscored.
                             "3", "payslip", "", "", "", "", "",  //
                             "", "", "", "", "", "", "",
                             // 9. Our floor on salary, with its evidence.
                             "65000", "payslip"}) {
    answers.push_back(answer);
  }
  return answers;
}

TEST(InterviewTest, AnswersBuildACaseThatPassesCheckCase) {
  Interview interview;
  Give(interview, OfferAnswers());
  ASSERT_TRUE(interview.Done());
  const Case c = interview.Finish();
  for (const CaseProblem& problem : CheckCase(c)) {
    EXPECT_TRUE(problem.warning) << FormatCasePath(problem.path) << ": " << problem.message;
  }
  EXPECT_EQ(c.title, "Salary offer");
  EXPECT_EQ(c.context, Context::kHiring);
  EXPECT_EQ(c.currency, "EUR");
  ASSERT_EQ(c.parties.size(), 2u);
  EXPECT_EQ(c.parties[0].id, "dana");
  EXPECT_EQ(c.parties[1].id, "initech");
  ASSERT_EQ(c.issues.size(), 2u);
  EXPECT_EQ(c.issues[0].kind, IssueKind::kNumber);
  EXPECT_EQ(c.issues[0].hi, 90000);
  EXPECT_EQ(c.issues[1].options, (std::vector<std::string>{"none", "hybrid", "full"}));
  ASSERT_EQ(c.values.size(), 2u);
  ASSERT_EQ(c.values[1].terms.size(), 2u);
  EXPECT_EQ(std::get<LinearValue>(c.values[1].terms[0].evaluator).slope, -1);
  EXPECT_EQ(std::get<TableValue>(c.values[1].terms[1].evaluator).entries,
            (std::vector<std::pair<std::string, double>>{
                {"none", 0}, {"hybrid", -1000}, {"full", -3000}}));
  ASSERT_TRUE(c.parties[0].batna.has_value());
  EXPECT_EQ(c.parties[0].batna->value, 60000);
  EXPECT_EQ(c.parties[0].batna->evidence, std::vector<std::string>{"payslip"});
  ASSERT_EQ(c.evidence.size(), 1u);
  EXPECT_EQ(c.evidence[0].kind, EvidenceKind::kCost);
  ASSERT_TRUE(c.parties[0].deadline.has_value());
  EXPECT_EQ(c.parties[0].deadline->cost_per_week, 500);
  ASSERT_EQ(c.floors.size(), 1u);
  EXPECT_EQ(c.floors[0].min, 65000);
  EXPECT_EQ(interview.answers(), static_cast<int>(OfferAnswers().size()));
}

TEST(InterviewTest, QuestionsDescribeThemselves) {
  Interview interview;
  const Question& title = interview.Current();
  EXPECT_EQ(title.id, "title");
  EXPECT_EQ(title.section, "1. What the deal is about");
  EXPECT_EQ(title.kind, AnswerKind::kText);
  EXPECT_TRUE(title.required);
  EXPECT_EQ(title.Prompt(), "Title (a short name for the negotiation)");
  Give(interview, {"Renewal"});
  const Question& context = interview.Current();
  EXPECT_EQ(context.id, "context");
  EXPECT_EQ(context.kind, AnswerKind::kChoice);
  EXPECT_FALSE(context.required);
  EXPECT_EQ(context.choices, ContextNames());
  Give(interview, {"", "", ""});
  EXPECT_EQ(interview.Current().Prompt(),
            "Currency (the unit of every amount, e.g. USD or EUR) [USD]");
}

TEST(InterviewTest, ARefusedAnswerGivesItsReasonAndIsAskedAgain) {
  Interview interview;
  Give(interview, {"Renewal"});
  EXPECT_EQ(interview.Answer("sale"),
            "'sale' is not a context; choose one of sales, procurement, partnership, hiring, "
            "internal, other (did you mean 'sales'?)");
  EXPECT_EQ(interview.Current().label, "Context");
  EXPECT_EQ(interview.Answer(" Sales "), "");
  EXPECT_EQ(interview.Draft().context, Context::kSales);

  Give(interview, {"", "", "", "CloudCo"});
  EXPECT_EQ(interview.Answer("Cloud Co"),
            "id 'Cloud Co' is not valid: use lowercase letters, digits, '-' and '_'");
  Give(interview, {"", "Acme"});
  EXPECT_EQ(interview.Answer("cloudco"), "duplicate id 'cloudco': already used at parties[0]");
  EXPECT_EQ(interview.Current().id, "parties[1].id");
  EXPECT_EQ(interview.Answer(""), "");  // takes the suggested id, acme
  EXPECT_EQ(interview.Answer(""), "there must be at least one issue to negotiate");
  Give(interview, {"price", "", "number"});
  EXPECT_EQ(interview.Answer("150000 90000"), "the range is reversed: write [90000, 150000]");
  EXPECT_EQ(interview.Answer("90000 to 150000"),
            "'to' is not a number; write two numbers, the lowest and the highest, e.g. 90000 "
            "150000");
}

TEST(InterviewTest, BlankAnswersTakeTheDefaults) {
  Interview interview;
  Give(interview, {"Renewal", "", "", "", "", "CloudCo Inc.", "", "Acme", "", "price", "", "number",
                   "90000 150000", ""});
  const Case& c = interview.Draft();
  EXPECT_EQ(c.currency, "USD");
  EXPECT_FALSE(c.context.has_value());
  EXPECT_EQ(c.parties[0].id, "cloudco-inc");
  EXPECT_EQ(c.issues[0].step, 1);
  EXPECT_EQ(interview.Current().label, "Issue 2 id");
  EXPECT_FALSE(interview.Current().required);  // one issue is enough
}

TEST(InterviewTest, EachIssueAddsItsQuestions) {
  Interview interview;
  Give(interview, kDealAndParties);
  const std::vector<std::string> labels =
      Labels(interview, {"salary", "", "number", "50000 90000", "", "remote", "Remote work",
                         "options", "none, full", "", "1", "-1", "0", "4000", "0", "-3000"});
  EXPECT_EQ(labels, (std::vector<std::string>{
                        "Issue 1 id", "Name of salary", "Kind of salary", "Range of salary",
                        "Step of salary", "Issue 2 id", "Name of remote", "Kind of remote",
                        "Options of remote", "Issue 3 id", "salary to Dana", "salary to Initech",
                        "Remote work = none to Dana", "Remote work = full to Dana",
                        "Remote work = none to Initech", "Remote work = full to Initech"}));
  const Question& batna = interview.Current();
  EXPECT_EQ(batna.label, "What is our BATNA");
  EXPECT_EQ(batna.section, "5. Walking away: what each side does without a deal (its BATNA)");
}

TEST(InterviewTest, SectionsCarryTheirNotes) {
  Interview interview;
  Give(interview, kDealAndParties);
  Give(interview, {"salary", "", "number", "50000 90000", "", ""});
  const Question& first_value = interview.Current();
  EXPECT_EQ(first_value.section, "4. What each issue is worth to each side, in EUR");
  ASSERT_EQ(first_value.notes.size(), 3u);
  EXPECT_EQ(first_value.notes[0],
            "For a number issue, the value of one unit more: 1 if it is worth one more EUR,");
  Give(interview, {"1"});
  EXPECT_TRUE(interview.Current().notes.empty());
}

TEST(InterviewTest, FinishNamesARequiredQuestionLeftUnanswered) {
  Interview interview;
  Give(interview, {"Salary offer"});
  std::vector<std::string> seen;
  try {
    interview.Finish([&](const Question& q) { seen.push_back(q.label); });
    FAIL() << "Finish should throw";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUsage);
    EXPECT_STREQ(e.what(), "the input ended before the question 'Our name' was answered");
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"Context", "Relationship", "Culture", "Currency",
                                            "Our name"}));

  Interview empty;
  try {
    empty.Finish();
    FAIL() << "Finish should throw";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(),
                 "the input ended before the question 'Title' was answered (the title is empty; "
                 "give the case a short title)");
  }
}

TEST(InterviewTest, FinishGivesTheRestTheirDefaults) {
  Interview interview;
  Give(interview, kDealAndParties);
  Give(interview, {"salary", "", "number", "50000 90000", "1000", "", "1", "-1", "", "60000", "",
                   "", "-85000"});
  const Case c = interview.Finish();
  EXPECT_TRUE(interview.Done());
  EXPECT_TRUE(c.evidence.empty());
  EXPECT_TRUE(c.floors.empty());
  EXPECT_FALSE(c.parties[0].deadline.has_value());
  EXPECT_EQ(c.parties[1].batna->value, -85000);
  EXPECT_THROW(interview.Current(), Error);
  EXPECT_THROW(interview.Answer("more"), Error);
}

TEST(InterviewTest, AnAnswerOverItsLimitThrows) {
  Interview interview;
  try {
    interview.Answer(std::string(kMaxAnswerBytes + 1, 'x'));
    FAIL() << "Answer should throw";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kLimit);
    EXPECT_NE(std::string(e.what()).find("'Title'"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("64 KiB"), std::string::npos) << e.what();
  }
  EXPECT_EQ(interview.Answer(std::string(kMaxAnswerBytes, 'x')), "");  // at the limit: taken
}

// `n` options named o0, o1, ... as one answer.
std::string Options(std::size_t n) {
  std::string list;
  for (std::size_t k = 0; k < n; ++k) list += (k > 0 ? "," : "") + ("o" + std::to_string(k));
  return list;
}

TEST(InterviewTest, ListsLongerThanTheirLimitsAreRefused) {
  Interview interview;
  Give(interview, kDealAndParties);
  Give(interview, {"i0", "", "options"});
  EXPECT_EQ(interview.Answer(Options(kMaxListItems + 1)), "write at most 100 options, not 101");
  Give(interview, {Options(kMaxListItems)});
  for (std::size_t i = 1; i * kMaxListItems < kMaxInterviewOptions; ++i) {
    Give(interview, {"i" + std::to_string(i), "", "options", Options(kMaxListItems)});
  }
  Give(interview, {"last", "", "options"});
  EXPECT_EQ(interview.Answer("yes"),
            "the interview takes at most 1000 options in all, and the issues before list 1000");
}

// An option or id too long to write as a key is refused at its question, and the interview's
// case, written as YAML and as JSON, reads back equal (the fuzzer found a 1,100-character option
// that was accepted, written as JSON, and not read back).
TEST(InterviewTest, OptionsAndIdsOverTheLengthLimitAreRefused) {
  Interview interview;
  Give(interview, kDealAndParties);
  EXPECT_EQ(interview.Answer(std::string(201, 'i')),
            "201 characters in an id or option; the limit is 200 (see \"Limits\" in the case "
            "format)");
  Give(interview, {"remote", "", "options"});
  EXPECT_EQ(interview.Answer("none, " + std::string(1100, 'h')),
            "1,100 characters in an id or option; the limit is 200 (see \"Limits\" in the case "
            "format)");
  Give(interview, {"none, " + std::string(200, 'h'), "", "0", "4000", "0", "-1000", "", "60000", "",
                   "", "-85000"});
  const Case c = interview.Finish([](const Question&) {});
  for (const auto& [text, file] :
       {std::pair{WriteCaseYaml(c), "new.yaml"}, std::pair{WriteCaseJson(c), "new.json"}}) {
    const LoadResult again = ReadCaseText(text, file);
    ASSERT_TRUE(again.Ok()) << file;
    EXPECT_TRUE(*again.value == c) << file;
  }
}

TEST(InterviewTest, TooManyAnswersThrow) {
  Interview interview;
  for (int k = 0; k < kMaxAnswers; ++k) {
    ASSERT_EQ(interview.Answer(""), "the title is empty; give the case a short title");
  }
  try {
    interview.Answer("");
    FAIL() << "Answer should throw";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kLimit);
    EXPECT_NE(std::string(e.what()).find(std::to_string(kMaxAnswers) + " answers"),
              std::string::npos)
        << e.what();
  }
}

TEST(InterviewTest, AnswersTogetherOverTheLimitThrow) {
  Interview interview;
  Give(interview, {"Renewal"});
  const std::string wrong(kMaxAnswerBytes, 'x');  // not a context: refused, asked again
  for (std::size_t sent = wrong.size(); sent < kMaxInterviewBytes; sent += wrong.size()) {
    ASSERT_NE(interview.Answer(wrong), "");
  }
  try {
    interview.Answer(wrong);
    FAIL() << "Answer should throw";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kLimit);
    EXPECT_NE(std::string(e.what()).find("1 MiB"), std::string::npos) << e.what();
  }
}

// Found by fuzzing: an answer holding a control character (or bytes that are not UTF-8) was
// taken, and `parley new` wrote a case file that the case reader then refused. Such an answer is
// refused with its reason, wherever it is given, and the question is asked again.
TEST(InterviewTest, AnswersTheCaseReaderWouldRefuseAreRefused) {
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"Stay in the current\x1fjob",
       "the answer holds the control character U+001F; write "
       "printable text"},
      {"Esc \x1b[31m", "the answer holds the control character U+001B; write printable text"},
      {"Del \x7f", "the answer holds the control character U+007F; write printable text"},
      {std::string("N\0l", 3),
       "the answer holds the control character U+0000; write printable text"},
      {"caf\xe9", "the answer is not valid UTF-8 (byte 4); write it in UTF-8"},
      {"\xc0\xaf overlong", "the answer is not valid UTF-8 (byte 1); write it in UTF-8"},
  };
  for (const auto& [answer, reason] : bad) {
    for (const std::size_t before : {std::size_t{0}, kDealAndParties.size()}) {
      Interview interview;
      Give(interview,
           std::vector<std::string>(kDealAndParties.begin(), kDealAndParties.begin() + before));
      const std::string label = interview.Current().label;
      EXPECT_EQ(interview.Answer(answer), reason) << label;
      EXPECT_EQ(interview.Current().label, label);  // asked again
    }
  }
  // A tab inside an answer is text, and the case written reads back equal.
  Interview interview;
  Give(interview, {"Salary\toffer"});
  Give(interview, std::vector<std::string>(kDealAndParties.begin() + 1, kDealAndParties.end()));
  Give(interview, {"salary", "", "number", "50000 90000", "1000", "", "1", "-1", "", "60000", "",
                   "", "-85000"});
  const Case c = interview.Finish();
  const LoadResult again = ReadCaseText(WriteCaseYaml(c), "new.yaml");
  ASSERT_TRUE(again.Ok());
  EXPECT_EQ(again.value->title, "Salary\toffer");
  EXPECT_TRUE(*again.value == c);
}

}  // namespace
}  // namespace parley::io
