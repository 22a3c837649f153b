// End-to-end tests of hostile command lines and outputs: full devices and special files as
// targets, stale GENIUS exports, huge titles, terminal escapes from a case, hostile text in the
// HTML, SVG and XLSX outputs, and numeric options out of range. Exact exit codes and messages.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "cli/cli_harness.h"

namespace {

using parley::testing::Parley;
using parley::testing::Result;
using parley::testing::Slurp;
using parley::testing::TempDir;
using parley::testing::WriteText;
namespace fs = std::filesystem;

// The minimal case with `title`, a buyer `name`, an evidence `claim` and delivery options
// `options` (YAML flow items), each a YAML scalar as written.
std::string MinimalCase(const std::string& title, const std::string& name, const std::string& claim,
                        const std::string& options = "standard, express") {
  return "format: parley/1\ntitle: " + title +
         "\ncurrency: EUR\nparties:\n"
         "  - id: buyer\n    name: " +
         name +
         "\n    side: us\n    batna: {value: -1000, evidence: [quote-b]}\n"
         "  - id: seller\n    side: them\n    batna: {range: [100, 300]}\n"
         "issues:\n  - id: price\n    kind: number\n    range: [800, 1200]\n    step: 50\n"
         "  - id: delivery\n    kind: options\n    options: [" +
         options +
         "]\nvalues:\n  buyer:\n    price: {linear: -1}\n"
         "  seller:\n    price: {points: [[800, 0], [1200, 400]]}\n"
         "evidence:\n  - id: quote-b\n    kind: benchmark\n    claim: " +
         claim + "\n";
}

// Runs a shell command from the source folder; returns the exit code, stderr in `err`.
int Shell(const std::string& command, const fs::path& err_file, std::string& err) {
  const std::string full = std::string("cd '") + PARLEY_SOURCE_DIR + "' && " + command + " 2> '" +
                           err_file.string() + "'";
  const int status = std::system(full.c_str());
  err = Slurp(err_file);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(CliHostileTest, StandardOutputOnAFullDeviceIsAnError) {
  const fs::path dir = TempDir("stdout");
  for (const std::string format : {"text", "json"}) {
    std::string err;
    const int code =
        Shell(std::string("'") + PARLEY_BINARY + "' show examples/sales-renewal.yaml --format " +
                  format + " > /dev/full",
              dir / "err", err);
    EXPECT_EQ(code, 3) << format;
    EXPECT_EQ(err, "parley: error: cannot write to standard output\n") << format;
  }
  std::string err;
  EXPECT_EQ(Shell(std::string("'") + PARLEY_BINARY +
                      "' convert tests/data/good/minimal.yaml --to yaml > /dev/full",
                  dir / "err", err),
            3);
  EXPECT_EQ(err, "parley: error: cannot write to standard output\n");
}

TEST(CliHostileTest, SpecialFilesAreNeverReplaced) {
  const fs::path dir = TempDir("special");
  for (const std::string force : {"", " --force"}) {
    const Result full =
        Parley("convert tests/data/good/minimal.yaml --to yaml -o /dev/full" + force);
    EXPECT_EQ(full.exit_code, 2);
    EXPECT_EQ(full.err,
              "parley: error: /dev/full is a character device, not a regular file; it is never "
              "replaced, even with --force\n");
    const Result null = Parley("frontier tests/data/good/minimal.yaml --svg /dev/null" + force);
    EXPECT_EQ(null.exit_code, 2);
    EXPECT_EQ(null.err,
              "parley: error: /dev/null is a character device, not a regular file; it is never "
              "replaced, even with --force\n");
  }
  struct stat st {};
  ASSERT_EQ(::stat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));

  const fs::path fifo = dir / "brief.txt";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const Result piped =
      Parley("plan tests/data/good/minimal.yaml --force -o '" + fifo.string() + "'");
  EXPECT_EQ(piped.exit_code, 2);
  EXPECT_EQ(piped.err, "parley: error: " + fifo.string() +
                           " is a named pipe (FIFO), not a regular file; it is never replaced, "
                           "even with --force\n");
  ASSERT_EQ(::stat(fifo.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode));

  const fs::path folder = dir / "chart.svg";
  fs::create_directories(folder);
  const Result power =
      Parley("power tests/data/good/minimal.yaml --force --svg '" + folder.string() + "'");
  EXPECT_EQ(power.exit_code, 2);
  EXPECT_EQ(power.err, "parley: error: " + folder.string() +
                           " is a folder, not a regular file; it is never replaced, even with "
                           "--force\n");
  EXPECT_TRUE(fs::is_directory(folder));
}

TEST(CliHostileTest, GeniusExportRemovesOnlyTheStaleFilesOfAnEarlierExport) {
  const fs::path dir = TempDir("genius");
  const std::string out = (dir / "scenario").string();
  ASSERT_EQ(Parley("convert tests/data/good/minimal.yaml --to genius -o '" + out + "'").exit_code,
            0);
  WriteText(dir / "scenario" / "notes.xml", "<notes>keep me</notes>\n");

  // Without --force an export whose files differ is refused: the folder would mix two cases.
  const Result refused = Parley("convert examples/sales-renewal.yaml --to genius -o '" + out + "'");
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_EQ(refused.err, "parley: error: " + out +
                             " holds GENIUS files of an earlier export (Minimal-supply-deal.xml, "
                             "buyer.xml, seller.xml) that would read back with this one; pass "
                             "--force to remove them, or choose an empty folder\n");

  const Result forced =
      Parley("convert examples/hiring-offer.yaml --to genius --force -o '" + out + "'");
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_NE(forced.out.find("removed " + out +
                            "/Minimal-supply-deal.xml (a GENIUS file of an "
                            "earlier export)\n"),
            std::string::npos)
      << forced.out;
  EXPECT_NE(forced.out.find("removed " + out + "/seller.xml"), std::string::npos) << forced.out;
  EXPECT_NE(forced.out.find("removed " + out + "/buyer.xml"), std::string::npos) << forced.out;
  EXPECT_FALSE(fs::exists(dir / "scenario" / "seller.xml"));
  EXPECT_TRUE(fs::exists(dir / "scenario" / "notes.xml"));

  const Result shown = Parley("show '" + out + "' --format json");
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_NE(shown.out.find("\"id\": \"dana\""), std::string::npos) << shown.out;
  EXPECT_EQ(shown.out.find("\"id\": \"seller\""), std::string::npos) << shown.out;
}

TEST(CliHostileTest, AHugeTitleMakesAShortDomainFileName) {
  const fs::path dir = TempDir("title");
  const std::string title(1'000'000, 'a');
  WriteText(dir / "long.yaml", MinimalCase(title, "Buyer", "A quote"));
  const std::string out = (dir / "scenario").string();
  const Result converted =
      Parley("convert '" + (dir / "long.yaml").string() + "' --to genius -o '" + out + "'");
  EXPECT_EQ(converted.exit_code, 0) << converted.err;
  const std::string stem(64, 'a');
  EXPECT_TRUE(fs::exists(dir / "scenario" / (stem + ".xml")));
  const Result checked = Parley("check '" + out + "' --format json");
  EXPECT_EQ(checked.exit_code, 0) << checked.err;
  EXPECT_NE(checked.out.find("\"title\": \"" + stem + "\""), std::string::npos);
}

TEST(CliHostileTest, TerminalEscapesFromACaseAreShownNotObeyed) {
  // The case reader refuses C0 controls but CR; C1 controls and bidi overrides are valid text.
  const fs::path dir = TempDir("terminal");
  const fs::path file = dir / "escapes.yaml";
  WriteText(file, MinimalCase("\"Renewal \\x9b2J\\u202e done\"", "\"Acme\\rCorp\"",
                              "\"A quote \\x9b8m hidden\""));
  const Result shown = Parley("show '" + file.string() + "'");
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_EQ(shown.out.find('\r'), std::string::npos);
  EXPECT_EQ(shown.out.find("\xc2\x9b"), std::string::npos);
  EXPECT_EQ(shown.out.find("\xe2\x80\xae"), std::string::npos);
  EXPECT_NE(shown.out.find("Renewal \\u009b2J\\u202e done"), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("Acme\\x0dCorp"), std::string::npos) << shown.out;
  // JSON stays JSON, byte for byte.
  const Result json = Parley("show '" + file.string() + "' --format json");
  ASSERT_EQ(json.exit_code, 0);
  EXPECT_NE(json.out.find("Renewal \xc2\x9b"
                          "2J"),
            std::string::npos);

  for (const std::string command : {"plan", "power", "frontier"}) {
    const Result run = Parley(command + " '" + file.string() + "'");
    EXPECT_EQ(run.exit_code, 0) << command << run.err;
    EXPECT_EQ(run.out.find("\xc2\x9b"), std::string::npos) << command;
    EXPECT_EQ(run.out.find('\r'), std::string::npos) << command;
  }
  // Diagnostics on stderr quote user text (here a file name holding ESC) the same way.
  const std::string hostile = (dir / "x\x1b[2Jy.yaml").string();
  const Result check = Parley("check '" + hostile + "'");
  EXPECT_EQ(check.exit_code, 3);
  EXPECT_EQ(check.err.find('\x1b'), std::string::npos) << check.err;
  EXPECT_NE(check.err.find((dir / "x\\x1b[2Jy.yaml").string()), std::string::npos) << check.err;
}

TEST(CliHostileTest, HtmlSvgAndXlsxEscapeHostileText) {
  const fs::path dir = TempDir("markup");
  const fs::path file = dir / "markup.yaml";
  WriteText(file,
            MinimalCase("\"<script>alert(1)</script> ]]> x\"", "\"<img src=x onerror=alert(2)>\"",
                        "\"</desc><svg onload=alert(3)> ]]>\""));
  const std::string html = (dir / "brief.html").string();
  ASSERT_EQ(Parley("plan '" + file.string() + "' -o '" + html + "'").exit_code, 0);
  const std::string svg1 = (dir / "frontier.svg").string();
  ASSERT_EQ(Parley("frontier '" + file.string() + "' --svg '" + svg1 + "'").exit_code, 0);
  const std::string svg2 = (dir / "radar.svg").string();
  ASSERT_EQ(Parley("power '" + file.string() + "' --svg '" + svg2 + "'").exit_code, 0);
  for (const std::string& path : {html, svg1, svg2}) {
    const std::string text = Slurp(path);
    EXPECT_EQ(text.find("<script"), std::string::npos) << path;
    EXPECT_EQ(text.find("<img"), std::string::npos) << path;
    EXPECT_EQ(text.find("<svg onload"), std::string::npos) << path;
    EXPECT_EQ(text.find("]]>"), std::string::npos) << path;
  }
  EXPECT_NE(Slurp(html).find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);

  const std::string xlsx = (dir / "brief.xlsx").string();
  ASSERT_EQ(Parley("plan '" + file.string() + "' -o '" + xlsx + "'").exit_code, 0);
  std::string err;
  const fs::path xml = dir / "xlsx.xml";
  ASSERT_EQ(Shell("unzip -p '" + xlsx + "' > '" + xml.string() + "'", dir / "err", err), 0) << err;
  const std::string parts = Slurp(xml);
  EXPECT_NE(parts.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(parts.find("<script"), std::string::npos);
  EXPECT_EQ(parts.find("<img"), std::string::npos);
}

TEST(CliHostileTest, NumericOptionsOutOfRangeAreUsageErrors) {
  const std::string renewal = "examples/sales-renewal.yaml";
  const auto usage = [](const std::string& message) {
    return "parley: " + message + "\nRun `parley help` for usage.\n";
  };
  struct Case {
    std::string args, message;
  };
  const Case cases[] = {
      {"power " + renewal + " --seed 18446744073709551616",
       "--seed: must be a whole number from 0 to 2^64-1, not '18446744073709551616'"},
      {"frontier " + renewal + " --seed -1",
       "--seed: must be a whole number from 0 to 2^64-1, not '-1'"},
      {"power " + renewal + " --as ''", "--as: must name a party, not be empty"},
      {"frontier " + renewal + " --rows -1",
       "--rows: must be a whole number from 0 to 1,000,000, not '-1'"},
      {"frontier " + renewal + " --rows 1000001",
       "--rows: must be a whole number from 0 to 1,000,000, not '1000001'"},
      {"power " + renewal + " --samples 1000001",
       "--samples: must be a whole number from 0 to 1,000,000, not '1000001'"},
      {"plan " + renewal + " --meso 5", "--meso: must be a whole number from 2 to 4, not '5'"},
      {"plan " + renewal + " --steps 0", "--steps: must be a whole number from 1 to 8, not '0'"},
      {"power " + renewal + " --power-band 1.5",
       "--power-band: must be a number from 0 to 1, not '1.5'"},
      {"power " + renewal + " --batna-step -5",
       "--batna-step: must be a number from 0 to 1e300, not '-5'"},
      {"power " + renewal + " --batna-step nan",
       "--batna-step: must be a number from 0 to 1e300, not 'nan'"},
  };
  for (const Case& c : cases) {
    const Result run = Parley(c.args);
    EXPECT_EQ(run.exit_code, 2) << c.args;
    EXPECT_EQ(run.err, usage(c.message)) << c.args;
  }
  EXPECT_EQ(Parley("frontier " + renewal + " --rows 1000000 --seed 18446744073709551615").exit_code,
            0);
}

TEST(CliHostileTest, OfferNamesAnOptionWithACommaInQuotes) {
  const fs::path dir = TempDir("comma");
  const fs::path file = dir / "party.yaml";
  WriteText(file, MinimalCase("Party", "Buyer", "A quote", "standard, \"Custom, Handmade\""));
  const Result run = Parley("evaluate '" + file.string() +
                            "' --format json --offer 'price=1000,delivery=\"Custom, Handmade\"'");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("\"delivery\": \"Custom, Handmade\""), std::string::npos) << run.out;
  const Result unquoted =
      Parley("evaluate '" + file.string() + "' --offer 'price=1000,delivery=Custom, Handmade'");
  EXPECT_EQ(unquoted.exit_code, 2) << unquoted.err;
}

}  // namespace
