// What a command prints after writing files: the "wrote" line, the conversion's warnings and
// the `parley convert` JSON.
#include "parley/report/written_files.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "parley/report/json_text.h"

namespace parley::report {
namespace {

TEST(WrittenFilesTest, WroteLineIsThePathAndOneNewline) {
  EXPECT_EQ(RenderWrittenText("renewal-genius/domain.xml"), "wrote renewal-genius/domain.xml\n");
  EXPECT_EQ(RenderWrittenText("a b/c.yaml"), "wrote a b/c.yaml\n");
}

TEST(WrittenFilesTest, ConvertJsonKeysInOrder) {
  const nlohmann::ordered_json j =
      ConvertJson("genius", {"out/domain.xml", "out/cloudco.xml", "out/acme.xml"});
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"command", "to", "written"}));
  EXPECT_EQ(j["command"], "convert");
  EXPECT_EQ(j["to"], "genius");
  EXPECT_EQ(j["written"],
            nlohmann::ordered_json::array({"out/domain.xml", "out/cloudco.xml", "out/acme.xml"}));
}

TEST(WrittenFilesTest, NothingWrittenIsAnEmptyList) {
  const nlohmann::ordered_json j = ConvertJson("yaml", {});
  ASSERT_TRUE(j["written"].is_array());
  EXPECT_TRUE(j["written"].empty());
}

TEST(WrittenFilesTest, WarningsAreOneStderrLineEachAndAJsonListWhenThereAreAny) {
  EXPECT_EQ(RenderConvertWarnings("GENIUS", {}), "");
  EXPECT_EQ(RenderConvertWarnings("GENIUS", {"floors dropped: a", "evidence dropped: b"}),
            "parley: warning: GENIUS export: floors dropped: a\n"
            "parley: warning: GENIUS export: evidence dropped: b\n");
  const nlohmann::ordered_json j =
      ConvertJson("genius", {"out/domain.xml"}, {"out/old.xml"}, {"floors dropped: a"});
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"command", "to", "written", "removed", "warnings"}));
  EXPECT_EQ(j["warnings"], nlohmann::ordered_json::array({"floors dropped: a"}));
  EXPECT_FALSE(ConvertJson("genius", {"out/domain.xml"}).contains("warnings"));
}

TEST(WrittenFilesTest, ConvertJsonPrintsAsTheCliDoes) {
  EXPECT_EQ(JsonText(ConvertJson("json", {"case.json"})),
            "{\n"
            "  \"command\": \"convert\",\n"
            "  \"to\": \"json\",\n"
            "  \"written\": [\n"
            "    \"case.json\"\n"
            "  ]\n"
            "}\n");
}

}  // namespace
}  // namespace parley::report
