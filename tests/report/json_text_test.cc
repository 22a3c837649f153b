// JSON as every face prints it: 2-space indent, keys in insertion order, invalid UTF-8 replaced
// by U+FFFD, exactly one final newline.
#include "parley/report/json_text.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

namespace parley::report {
namespace {

using Json = nlohmann::ordered_json;

TEST(JsonTextTest, TwoSpaceIndentAndFinalNewline) {
  Json j;
  j["b"] = 1;
  j["a"] = Json::array({true, nullptr});
  j["c"] = {{"d", "x"}};
  EXPECT_EQ(JsonText(j),
            "{\n"
            "  \"b\": 1,\n"
            "  \"a\": [\n"
            "    true,\n"
            "    null\n"
            "  ],\n"
            "  \"c\": {\n"
            "    \"d\": \"x\"\n"
            "  }\n"
            "}\n");
}

TEST(JsonTextTest, ScalarsAndEmptyContainersEndInOneNewline) {
  EXPECT_EQ(JsonText(Json::object()), "{}\n");
  EXPECT_EQ(JsonText(Json::array()), "[]\n");
  EXPECT_EQ(JsonText(Json(42)), "42\n");
  EXPECT_EQ(JsonText(Json("text")), "\"text\"\n");
}

TEST(JsonTextTest, InvalidUtf8IsReplacedNotThrown) {
  const std::string bad = std::string("caf") + '\xE9' + " ok";  // Latin-1 e-acute: invalid UTF-8
  std::string text;
  ASSERT_NO_THROW(text = JsonText(Json{{"title", bad}}));
  EXPECT_EQ(text, "{\n  \"title\": \"caf\xEF\xBF\xBD ok\"\n}\n");
  EXPECT_EQ(Json::parse(text)["title"], "caf\xEF\xBF\xBD ok");
}

TEST(JsonTextTest, ValidUtf8IsKeptAsIs) {
  // Non-ASCII text is written as UTF-8, not as \u escapes.
  EXPECT_EQ(JsonText(Json("Gr\xC3\xBC\xC3\x9F"
                          "e \xE2\x82\xAC")),
            "\"Gr\xC3\xBC\xC3\x9F"
            "e \xE2\x82\xAC\"\n");
}

}  // namespace
}  // namespace parley::report
