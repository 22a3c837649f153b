// Tests of TerminalSafe: what a terminal would obey is shown as an escape, everything else kept.
#include "parley/report/terminal_text.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace parley::report {
namespace {

TEST(TerminalSafeTest, KeepsPrintableTextNewlinesAndTabs) {
  const std::string text =
      "Acme renewal\n\tprice 120,000 \xe2\x82\xac, Z\xc3\xbcrich, \xe6\x97\xa5\xf0\x9f\x98\x80\n";
  EXPECT_EQ(TerminalSafe(text), text);
  EXPECT_EQ(TerminalSafe(""), "");
  EXPECT_EQ(TerminalSafe("a\\x1b stays"), "a\\x1b stays");
}

TEST(TerminalSafeTest, EscapesC0ControlsAndDelete) {
  EXPECT_EQ(TerminalSafe("\x1b[2J\x1b]0;title\x07"), "\\x1b[2J\\x1b]0;title\\x07");
  EXPECT_EQ(TerminalSafe("over\rwrite\b\x7f"), "over\\x0dwrite\\x08\\x7f");
  EXPECT_EQ(TerminalSafe(std::string_view("nul\0end", 7)), "nul\\x00end");
  EXPECT_EQ(TerminalSafe("\x01\x1f"), "\\x01\\x1f");
}

TEST(TerminalSafeTest, EscapesC1ControlsAndBidiOverrides) {
  EXPECT_EQ(TerminalSafe("\xc2\x9b"
                         "31m"),
            "\\u009b31m");
  EXPECT_EQ(TerminalSafe("\xc2\x80\xc2\x9f\xc2\xa0"), "\\u0080\\u009f\xc2\xa0");
  EXPECT_EQ(TerminalSafe("abc\xe2\x80\xae"
                         "fed"),
            "abc\\u202efed");
  EXPECT_EQ(TerminalSafe("\xe2\x81\xa6x\xe2\x81\xa9"), "\\u2066x\\u2069");
}

TEST(TerminalSafeTest, EscapesInvalidUtf8ByteByByte) {
  EXPECT_EQ(TerminalSafe("\xff"), "\\xff");
  EXPECT_EQ(TerminalSafe("a\x80z"), "a\\x80z");
  EXPECT_EQ(TerminalSafe("\xe2\x82"), "\\xe2\\x82");                    // truncated
  EXPECT_EQ(TerminalSafe("\xc0\xaf"), "\\xc0\\xaf");                    // overlong '/'
  EXPECT_EQ(TerminalSafe("\xed\xa0\x80"), "\\xed\\xa0\\x80");           // a surrogate
  EXPECT_EQ(TerminalSafe("\xf4\x90\x80\x80"), "\\xf4\\x90\\x80\\x80");  // over U+10FFFF
  EXPECT_EQ(TerminalSafe("\xe2\x82"
                         "A"),
            "\\xe2\\x82A");
}

TEST(TerminalSafeTest, OutputNeverHoldsAControlByte) {
  std::string all;
  for (int b = 0; b < 256; ++b) all += static_cast<char>(b);
  const std::string safe = TerminalSafe(all + all);
  for (const char ch : safe) {
    const auto b = static_cast<unsigned char>(ch);
    EXPECT_TRUE((b >= 0x20 && b < 0x7f) || ch == '\n' || ch == '\t') << static_cast<int>(b);
  }
}

}  // namespace
}  // namespace parley::report
