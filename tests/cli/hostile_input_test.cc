// End-to-end tests of hostile input through every command, each file generated here: numeric
// extremes in coefficients and BATNAs, sizes at and over the limits of the reader, deep nesting
// and brackets in quotes and comments, bytes that are not UTF-8 in every format, a full device as
// standard output, special files as targets of `parley new`, and terminal escapes in the terms of
// an offer. Each asserts the exit code and the message naming the field or position.
// (tests/cli/hostile_cli_test.cc holds the output-side cases: special files, stale exports, HTML,
// SVG and XLSX escaping, numeric options.)
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "cli/cli_harness.h"

namespace {

using parley::testing::Parley;
using parley::testing::Result;
using parley::testing::Slurp;
using parley::testing::TempDir;
using parley::testing::WriteText;
namespace fs = std::filesystem;

// `text` with its one occurrence of `from` replaced by `to` (a test error if it is not there).
std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::string MinimalYaml() {
  return Slurp(fs::path(PARLEY_SOURCE_DIR) / "tests/data/good/minimal.yaml");
}

// Every command that reads a case, as "COMMAND FILE OPTIONS" with FILE standing for the case.
const std::vector<std::string>& CaseCommands() {
  static const std::vector<std::string> commands = {
      "check FILE",
      "show FILE",
      "frontier FILE",
      "power FILE",
      "plan FILE",
      "evaluate FILE --offer price=1000,delivery=standard",
      "review FILE --outcome price=1000,delivery=standard",
      "convert FILE --to json"};
  return commands;
}

// Runs every command of CaseCommands on `file`; each must exit with `code` and write `line` (a
// whole line) on stderr.
void ExpectEveryCommand(const fs::path& file, int code, const std::string& line) {
  for (std::string command : CaseCommands()) {
    command = Replace(command, "FILE", "'" + file.string() + "'");
    const Result run = Parley(command);
    EXPECT_EQ(run.exit_code, code) << command << "\n" << run.err;
    EXPECT_NE(("\n" + run.err).find("\n" + line + "\n"), std::string::npos)
        << command << "\nexpected: " << line << "\nstderr: " << run.err;
  }
}

TEST(HostileInputTest, NumericExtremesNameTheFieldInEveryCommand) {
  const fs::path dir = TempDir("extremes");
  const std::string base = MinimalYaml();
  const struct {
    std::string name, from, to, line;
  } cases[] = {
      {"coefficient", "{linear: -1}", "{linear: -1e308}",
       ":23:12: error: the value of 'price' at 800 to party 'buyer' is too large to compute with "
       "(beyond +-1e302); use smaller numbers"},
      {"positive-coefficient", "{linear: -1}", "{linear: 1e308}",
       ":23:12: error: the value of 'price' at 800 to party 'buyer' is too large to compute with "
       "(beyond +-1e302); use smaller numbers"},
      {"batna-range", "range: [100, 300]", "range: [-1e308, 1e308]",
       ":12:12: error: the BATNA less its costs is too large to compute with (beyond +-1e302); "
       "use smaller numbers"},
      {"batna-beyond-double", "value: -1000,", "value: -1e309,",
       ":9:20: error: the BATNA value must be a finite number, not -inf"},
      {"grid", "range: [800, 1200]\n    step: 50", "range: [-1e308, 1e308]\n    step: 1e307",
       ":17:11: error: the step 1e+307 makes more than 2^53 grid points on the range; use a "
       "coarser step"},
      {"sum-of-draws", "standard: 0, express: 80", "standard: 1e305, express: -1e305",
       ":22:3: error: party 'buyer' has deals worth from -1e+305 to 1e+305: the value range is "
       "too large to compute with (beyond +-1e302); use smaller numbers"},
      {"tiny-step", "step: 50", "step: 1e-300",
       ":17:11: error: the step 1e-300 makes more than 2^53 grid points on the range; use a "
       "coarser step"},
  };
  for (const auto& c : cases) {
    const fs::path file = dir / (c.name + ".yaml");
    WriteText(file, Replace(base, c.from, c.to));
    ExpectEveryCommand(file, 3, file.string() + c.line);
  }
  // Just within the bound, every figure of every report stays a number (no inf, no nan): the
  // analyses add up many values (a mean over sampled BATNAs).
  const fs::path within = dir / "within.yaml";
  WriteText(within,
            Replace(Replace(base, "standard: 0, express: 80", "standard: 1e299, express: -1e299"),
                    "range: [100, 300]", "range: [-1e299, 1e299]"));
  for (std::string command : CaseCommands()) {
    for (const std::string format : {"text", "json"}) {
      const std::string run_command =
          Replace(command, "FILE", "'" + within.string() + "'") + " --format " + format;
      const Result run = Parley(run_command);
      EXPECT_EQ(run.exit_code, 0) << run_command << "\n" << run.err;
      EXPECT_FALSE(std::regex_search(run.out, std::regex(R"(\b(nan|inf)\b)", std::regex::icase)))
          << run_command << "\n"
          << run.out;
    }
  }
  // The same in a JSON case: the position is the JSON value's.
  const fs::path json = dir / "coefficient.json";
  const Result converted = Parley("convert tests/data/good/minimal.yaml --to json");
  ASSERT_EQ(converted.exit_code, 0) << converted.err;
  WriteText(json, Replace(converted.out, "\"linear\": -1", "\"linear\": -1e308"));
  const Result run = Parley("check '" + json.string() + "'");
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_TRUE(std::regex_search(
      run.err, std::regex(json.string() +
                          R"(:[0-9]+:[0-9]+: error: the value of 'price' at 800 to party 'buyer' )"
                          R"(is too large to compute with)")))
      << run.err;
}

TEST(HostileInputTest, SizeLimitsOfTheReaderInEveryCommand) {
  const fs::path dir = TempDir("sizes");
  // Keys in one map: 20,000 are read (and refused as unknown keys), 20,001 are a limit at the
  // first key past it.
  auto keys = [](int n) {
    std::string text = "{\"format\": \"parley/1\", \"x\": {";
    for (int k = 0; k < n; ++k) text += (k > 0 ? ", \"k" : "\"k") + std::to_string(k) + "\": 1";
    return text + "}}";
  };
  const fs::path over = dir / "keys.json";
  WriteText(over, keys(20'001));
  const Result over_run = Parley("check '" + over.string() + "'");
  EXPECT_EQ(over_run.exit_code, 4) << over_run.err;
  EXPECT_TRUE(std::regex_search(
      over_run.err, std::regex(over.string() + R"(:1:[0-9]+: error: limit exceeded: more than )"
                                               R"(20,000 keys in one map)")))
      << over_run.err.substr(0, 400);
  ExpectEveryCommand(over, 4, over_run.err.substr(0, over_run.err.find('\n')));
  // The same in a YAML block map of 300,000 keys: refused by the pre-scan at the first key past
  // the limit, before the parser reads the rest.
  std::string block = "format: parley/1\nx:\n";
  for (int k = 0; k < 300'000; ++k) block += "  k" + std::to_string(k) + ": 1\n";
  const fs::path block_over = dir / "keys.yaml";
  WriteText(block_over, block);
  ExpectEveryCommand(block_over, 4,
                     block_over.string() +
                         ":20003:3: error: limit exceeded: more than 20,000 keys in one map (see "
                         "\"Limits\" in the case format)");
  const fs::path at = dir / "keys-at.json";
  WriteText(at, keys(20'000));
  const Result at_run = Parley("check '" + at.string() + "'");
  EXPECT_EQ(at_run.exit_code, 3) << at_run.err.substr(0, 400);  // refused for what it says

  // Nesting: 64 levels are read (a title cannot be a list), 65 are a limit at the 65th bracket.
  auto nested = [](int depth) {
    return "format: parley/1\ntitle: " + std::string(depth, '[') + std::string(depth, ']') + "\n";
  };
  const fs::path deep = dir / "deep.yaml";
  WriteText(deep, nested(65));
  ExpectEveryCommand(deep, 4,
                     deep.string() +
                         ":2:72: error: limit exceeded: nesting deeper than 64 levels; a case "
                         "file needs far fewer");
  const fs::path deep_at = dir / "deep-at.yaml";
  WriteText(deep_at, nested(64));
  const Result deep_run = Parley("check '" + deep_at.string() + "'");
  EXPECT_EQ(deep_run.exit_code, 3);
  EXPECT_NE(deep_run.err.find(deep_at.string() + ":2:8: error: `title` must be text, not a list"),
            std::string::npos)
      << deep_run.err;
}

TEST(HostileInputTest, BracketsInQuotesAndCommentsAreText) {
  const fs::path dir = TempDir("quotes");
  const std::string title = "\"" + std::string(200, '[') + " '{' \\\" " + std::string(100, '{') +
                            "\" # " + std::string(300, '[');
  const fs::path file = dir / "brackets.yaml";
  WriteText(file, Replace(MinimalYaml(), "title: Minimal supply deal", "title: " + title));
  const Result shown = Parley("show '" + file.string() + "' --format json");
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_NE(shown.out.find("\"title\": \"" + std::string(200, '[') + " '{' \\\" " +
                           std::string(100, '{') + "\""),
            std::string::npos)
      << shown.out.substr(0, 600);
  for (std::string command : CaseCommands()) {
    command = Replace(command, "FILE", "'" + file.string() + "'");
    EXPECT_EQ(Parley(command).exit_code, 0) << command;
  }
  // A block scalar's brackets are text too; an unclosed quote is a syntax error at its line.
  const fs::path block = dir / "block.yaml";
  WriteText(block,
            Replace(MinimalYaml(), "title: Minimal supply deal",
                    "title: |\n  " + std::string(100, '[') + "\n  " + std::string(100, '{')));
  EXPECT_EQ(Parley("check '" + block.string() + "'").exit_code, 0);
  const fs::path unclosed = dir / "unclosed.yaml";
  WriteText(unclosed, Replace(MinimalYaml(), "title: Minimal supply deal",
                              "title: \"" + std::string(100, '[')));
  EXPECT_EQ(Parley("check '" + unclosed.string() + "'").exit_code, 3);
}

TEST(HostileInputTest, BytesThatAreNotUtf8AreRefusedInEveryFormat) {
  const fs::path dir = TempDir("utf8");
  // A JSON case.
  const Result converted = Parley("convert tests/data/good/minimal.yaml --to json");
  ASSERT_EQ(converted.exit_code, 0);
  const fs::path json = dir / "case.json";
  WriteText(json, Replace(converted.out, "\"Minimal supply deal\"", "\"Minimal \xff supply\""));
  ExpectEveryCommand(json, 3,
                     json.string() +
                         ":3:21: error: JSON syntax error while parsing value - invalid string: "
                         "ill-formed UTF-8 byte; last read: '\"Minimal \\xff'");

  // A GENIUS XML scenario: the file, line and column of the byte.
  const fs::path xml = dir / "xml";
  ASSERT_EQ(Parley("convert tests/data/good/minimal.yaml --to genius -o '" + xml.string() + "'")
                .exit_code,
            0);
  const fs::path domain = xml / "Minimal-supply-deal.xml";
  const std::string domain_text = Slurp(domain);
  WriteText(domain, Replace(domain_text, "value=\"express\"", "value=\"expr\xc3\x28ss\""));
  const Result xml_run = Parley("check '" + xml.string() + "'");
  EXPECT_EQ(xml_run.exit_code, 3);
  EXPECT_TRUE(std::regex_search(xml_run.err,
                                std::regex(domain.string() + R"(:[0-9]+:[0-9]+: error: .*UTF-8)")))
      << xml_run.err;

  // A GeniusWeb JSON scenario.
  const fs::path web = dir / "web";
  fs::create_directories(web);
  WriteText(web / "domain.json",
            "{\"name\": \"d\", \"issuesValues\": {\"i\": {\"values\": [\"a\", \"b\xff\"]}}}");
  const std::string profile =
      "{\"LinearAdditiveUtilitySpace\": {\"issueUtilities\": {\"i\": {\"discreteutils\": "
      "{\"valueUtilities\": {\"a\": 1}}}}, \"issueWeights\": {\"i\": 1}, \"domain\": "
      "{\"name\": \"d\", \"issuesValues\": {\"i\": {\"values\": [\"a\"]}}}, \"name\": \"p\"}}";
  WriteText(web / "p1.json", profile);
  WriteText(web / "p2.json", profile);
  const Result web_run = Parley("check '" + web.string() + "'");
  EXPECT_EQ(web_run.exit_code, 3);
  EXPECT_NE(web_run.err.find((web / "domain.json").string() +
                             ":1:56: error: JSON syntax error while parsing value - invalid "
                             "string: ill-formed UTF-8 byte; last read: '\"b\\xff'"),
            std::string::npos)
      << web_run.err;

  // The terms of an offer: the bytes are shown escaped in the message.
  const Result offer = Parley(
      "evaluate examples/sales-renewal.yaml --offer "
      "'price=120000,term=1y,payment=net60,support=prem\xffium'");
  EXPECT_EQ(offer.exit_code, 3);
  EXPECT_EQ(offer.err,
            "parley: error: --offer: issue 'support' has no option 'prem\\xffium' (did you mean "
            "'premium'?)\n");

  // An answer to `parley new`: refused with the byte, and asked again.
  const fs::path answers = dir / "answers.txt";
  WriteText(answers, "Deal \xff\nDeal\n");
  const Result made = Parley("new < '" + answers.string() + "'");
  EXPECT_NE(made.err.find("  the answer is not valid UTF-8 (byte 6); write it in UTF-8\n"),
            std::string::npos)
      << made.err;
}

TEST(HostileInputTest, AFullStandardOutputIsAnErrorInEveryCommand) {
  const fs::path dir = TempDir("full");
  std::vector<std::string> commands;
  for (std::string command : CaseCommands()) {
    commands.push_back(Replace(command, "FILE", "tests/data/good/minimal.yaml"));
  }
  commands.push_back("help check");
  const fs::path answers = dir / "answers.txt";
  WriteText(answers, "Deal\n\n\n\n\nUs\n\nThem\n\nprice\n\nnumber\n1 10\n1\n\n1\n-1\n\n5\n\n\n1\n");
  commands.push_back("new < '" + answers.string() + "'");
  for (const std::string& command : commands) {
    const fs::path err = dir / "err";
    const int status =
        std::system((std::string("cd '") + PARLEY_SOURCE_DIR + "' && '" + PARLEY_BINARY + "' " +
                     command + " > /dev/full 2> '" + err.string() + "'")
                        .c_str());
    EXPECT_EQ(WIFEXITED(status) ? WEXITSTATUS(status) : -1, 3) << command;
    EXPECT_NE(Slurp(err).find("parley: error: cannot write to standard output\n"),
              std::string::npos)
        << command << "\n"
        << Slurp(err);
  }
}

TEST(HostileInputTest, NewNeverWritesIntoASpecialFile) {
  const fs::path dir = TempDir("new");
  const fs::path fifo = dir / "case.yaml";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const Result run = Parley("new --force -o '" + fifo.string() + "' < /dev/null");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err, "parley: error: " + fifo.string() +
                         " is a named pipe (FIFO), not a regular file; it is never replaced, "
                         "even with --force\n");
  struct stat st {};
  ASSERT_EQ(::stat(fifo.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode));
}

TEST(HostileInputTest, TerminalEscapesInTermsAreShownEscaped) {
  for (const std::string option : {"evaluate examples/sales-renewal.yaml --offer",
                                   "review examples/sales-renewal.yaml --outcome"}) {
    const Result run =
        Parley(option + " 'price=120000,term=1y,payment=net60,support=\x1b[2J\x9bx'");
    EXPECT_EQ(run.exit_code, 3) << option;
    EXPECT_EQ(run.err.find('\x1b'), std::string::npos) << run.err;
    EXPECT_EQ(run.err.find('\x9b'), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("has no option '\\x1b[2J\\x9bx'"), std::string::npos) << run.err;
  }
}

}  // namespace
