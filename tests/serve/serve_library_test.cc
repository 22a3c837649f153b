// The library routes of `parley serve` end to end (the real binary on a free port): add, search,
// get, update with If-Match, delete; a library item inserted into a case as its next version
// (409 stale, 404 unknown item, 422 for an id clash or an invalid result, nothing written then);
// a case's evidence harvested into the library once; team mode (401, 403, another team's 404).
#include <gtest/gtest.h>
#include <httplib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>

#include "parley/store/store.h"
#include "serve_process.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

json Body(const httplib::Result& r) { return json::parse(r->body); }

class ServeLibraryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("parley_serve_library_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    server_.Start((dir_ / "store.db").string());
  }
  static void TearDownTestSuite() {
    server_.Stop();
    fs::remove_all(dir_);
  }
  static std::string Minimal() {
    const parley::io::LoadResult r =
        parley::io::LoadCase(std::string(PARLEY_TEST_DATA_DIR) + "/good/minimal.yaml");
    return parley::io::WriteCaseJson(*r.value);
  }

  static inline fs::path dir_;
  static inline parley::testing::ServeProcess server_;
};

constexpr const char* kRent =
    R"({"kind": "benchmark", "title": "Rent survey", "tags": ["rent"],)"
    R"( "item": {"id": "rent", "claim": "Rents fell 4% in 2026", "number": 4, "unit": "%"}})";

TEST_F(ServeLibraryTest, AddsSearchesGetsUpdatesAndDeletesItems) {
  httplib::Client c = server_.Client();
  const auto added = c.Post("/api/library", kRent, "application/json");
  ASSERT_EQ(added->status, 201) << added->body;
  const json item = Body(added);
  const std::string path = "/api/library/" + std::to_string(item["id"].get<long>());
  EXPECT_EQ(item["version"], 1);
  EXPECT_EQ(item["item"]["number"], 4);
  EXPECT_EQ(item["author"], "anonymous");

  EXPECT_EQ(Body(c.Get("/api/library?kind=benchmark&q=RENTS%20fell"))["items"].size(), 1u);
  EXPECT_EQ(Body(c.Get("/api/library?kind=clause"))["items"].size(), 0u);
  EXPECT_EQ(Body(c.Get("/api/library?q=nothing-like-it"))["items"].size(), 0u);
  const auto bad_kind = c.Get("/api/library?kind=tradable");
  EXPECT_EQ(bad_kind->status, 400);
  EXPECT_EQ(Body(bad_kind)["messages"][0],
            "kind: must be one of evidence, benchmark, tradeable, clause, not 'tradable'");
  const auto got = c.Get(path);
  EXPECT_EQ(got->status, 200);
  EXPECT_EQ(got->get_header_value("ETag"), "\"1\"");

  const std::string edited =
      R"({"kind": "benchmark", "title": "Rent survey 2026", "item": {"id": "rent", "claim": "x"}})";
  EXPECT_EQ(c.Put(path, edited, "application/json")->status, 428);
  const auto bad_body =
      c.Post("/api/library", R"({"kind": "clause", "item": {}})", "application/json");
  EXPECT_EQ(bad_body->status, 400);
  EXPECT_EQ(Body(bad_body)["messages"][0], "title: must be a non-empty text");
  const auto updated = c.Put(path, {{"If-Match", "1"}}, edited, "application/json");
  ASSERT_EQ(updated->status, 200) << updated->body;
  EXPECT_EQ(Body(updated)["version"], 2);
  const auto stale = c.Put(path, {{"If-Match", "1"}}, edited, "application/json");
  EXPECT_EQ(stale->status, 409);
  EXPECT_EQ(Body(c.Get(path))["title"], "Rent survey 2026");

  EXPECT_EQ(c.Delete(path)->status, 204);
  const auto gone = c.Get(path);
  EXPECT_EQ(gone->status, 404);
  EXPECT_EQ(Body(gone)["messages"][0], "no library item " + std::to_string(item["id"].get<long>()));
  EXPECT_EQ(c.Get("/api/library/abc")->status, 404);
}

TEST_F(ServeLibraryTest, InsertsAnItemIntoACaseAsItsNextVersion) {
  httplib::Client c = server_.Client();
  const json created = Body(c.Post("/api/cases", Minimal(), "application/json"));
  const std::string cases = "/api/cases/" + std::to_string(created["id"].get<long>());
  const long item = Body(c.Post("/api/library", kRent, "application/json"))["id"];
  const std::string insert = cases + "/insert?item=" + std::to_string(item);

  EXPECT_EQ(c.Post(insert, "", "application/json")->status, 428);
  const auto inserted = c.Post(insert, {{"If-Match", "1"}}, "", "application/json");
  ASSERT_EQ(inserted->status, 200) << inserted->body;
  EXPECT_EQ(Body(inserted)["version"], 2);
  const json now = Body(c.Get(cases))["case"];
  EXPECT_EQ(
      now["evidence"][1],
      json::parse(R"({"id": "rent", "claim": "Rents fell 4% in 2026", "kind": "benchmark"})"));

  const auto stale = c.Post(insert, {{"If-Match", "1"}}, "", "application/json");
  EXPECT_EQ(stale->status, 409);
  const auto clash = c.Post(insert, {{"If-Match", "2"}}, "", "application/json");
  EXPECT_EQ(clash->status, 422);
  EXPECT_EQ(Body(clash)["messages"][0],
            "the case already has an id 'rent': insert the item under another id, such as "
            "'rent-2' (?id=rent-2)");
  const auto unknown =
      c.Post(cases + "/insert?item=99999", {{"If-Match", "2"}}, "", "application/json");
  EXPECT_EQ(unknown->status, 404);
  EXPECT_EQ(Body(unknown)["messages"][0], "no library item 99999");
  const long bad = Body(c.Post("/api/library",
                               R"({"kind": "evidence", "title": "Bad", "item": {"id": "bad",)"
                               R"( "claim": "c", "kind": "rumour"}})",
                               "application/json"))["id"];
  const auto invalid = c.Post(cases + "/insert?item=" + std::to_string(bad), {{"If-Match", "2"}},
                              "", "application/json");
  EXPECT_EQ(invalid->status, 422);
  EXPECT_FALSE(Body(invalid)["files"][0]["diagnostics"].empty()) << invalid->body;
  EXPECT_EQ(Body(c.Get(cases + "/versions"))["versions"].size(), 2u);  // nothing written

  const auto renamed = c.Post(insert + "&id=rent-2", {{"If-Match", "2"}}, "", "application/json");
  ASSERT_EQ(renamed->status, 200) << renamed->body;
  EXPECT_EQ(Body(c.Get(cases))["case"]["evidence"][2]["id"], "rent-2");
}

TEST_F(ServeLibraryTest, HarvestsACasesEvidenceOnce) {
  httplib::Client c = server_.Client();
  const long id = Body(c.Post("/api/cases", Minimal(), "application/json"))["id"];
  const std::string harvest = "/api/library/from-case/" + std::to_string(id);
  const auto first = c.Post(harvest, "", "application/json");
  ASSERT_EQ(first->status, 201) << first->body;
  ASSERT_EQ(Body(first)["items"].size(), 1u);
  EXPECT_EQ(Body(first)["items"][0]["title"], "quote-b");
  EXPECT_EQ(Body(first)["items"][0]["kind"], "benchmark");
  const auto again = c.Post(harvest, "", "application/json");
  EXPECT_EQ(again->status, 200);
  EXPECT_EQ(Body(again)["items"].size(), 0u);
  EXPECT_EQ(Body(again)["skipped"], json::parse(R"(["quote-b"])"));
  EXPECT_EQ(c.Post("/api/library/from-case/99999", "", "application/json")->status, 404);
}

TEST(ServeLibraryTeamTest, EachTeamSeesItsOwnLibraryAndAViewerOnlyReads) {
  const fs::path dir =
      fs::temp_directory_path() / ("parley_serve_library_team_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string db = (dir / "store.db").string();
  std::string ana, ben, cy;
  {
    parley::store::Store s = parley::store::Store::Open(db);
    ana = s.AddUser("ana", "acme", parley::store::Role::kEditor);
    ben = s.AddUser("ben", "acme", parley::store::Role::kViewer);
    cy = s.AddUser("cy", "globex", parley::store::Role::kOwner);
  }
  parley::testing::ServeProcess server;
  server.Start(db);
  httplib::Client c = server.Client();
  const auto as = [](const std::string& token) {
    return httplib::Headers{{"Authorization", "Bearer " + token}};
  };
  EXPECT_EQ(c.Get("/api/library")->status, 401);
  const auto added = c.Post("/api/library", as(ana), kRent, "application/json");
  ASSERT_EQ(added->status, 201) << added->body;
  EXPECT_EQ(Body(added)["author"], "ana");
  const std::string path = "/api/library/" + std::to_string(Body(added)["id"].get<long>());
  EXPECT_EQ(c.Get(path, as(ben))->status, 200);
  EXPECT_EQ(c.Get(path, as(cy))->status, 404);
  EXPECT_EQ(Body(c.Get("/api/library", as(cy)))["items"].size(), 0u);
  EXPECT_EQ(c.Post("/api/library", as(ben), kRent, "application/json")->status, 403);
  EXPECT_EQ(c.Delete(path, as(ben))->status, 403);
  EXPECT_EQ(c.Delete(path, as(cy))->status, 404);
  EXPECT_EQ(c.Delete(path, as(ana))->status, 204);
  server.Stop();
  fs::remove_all(dir);
}

TEST_F(ServeLibraryTest, ImportsACaseFileAndExportsItAsParleyConvertWritesIt) {
  httplib::Client c = server_.Client();
  const std::string example = std::string(PARLEY_SOURCE_DIR) + "/examples/hiring-offer.yaml";
  const std::string yaml = parley::testing::Cli("convert " + example + " --to yaml");
  const auto imported = c.Post("/api/import", yaml, "application/yaml");
  ASSERT_EQ(imported->status, 201) << imported->body;
  const std::string cases = "/api/cases/" + std::to_string(Body(imported)["id"].get<long>());
  EXPECT_EQ(imported->get_header_value("Location"), cases);
  const auto exported = c.Get(cases + "/export?format=yaml");
  ASSERT_EQ(exported->status, 200) << exported->body;
  EXPECT_EQ(exported->body, yaml);
  EXPECT_EQ(exported->get_header_value("Content-Type"), "application/yaml");
  EXPECT_EQ(exported->get_header_value("Content-Disposition").rfind("attachment; filename=\"", 0),
            0u);
  EXPECT_EQ(c.Get(cases + "/export?format=json")->body,
            parley::testing::Cli("convert " + example + " --to json"));
  EXPECT_EQ(c.Get(cases + "/export?format=pdf")->status, 400);
  EXPECT_EQ(c.Get("/api/cases/99999/export")->status, 404);

  const auto broken = c.Post("/api/import", "format: parley/1\ntitle: [\n", "application/yaml");
  EXPECT_EQ(broken->status, 422);
  const json d = Body(broken)["files"][0]["diagnostics"][0];
  EXPECT_GT(d["line"].get<int>(), 0) << broken->body;
  EXPECT_EQ(c.Post("/api/import", "{not json", "application/json")->status, 400);
}

TEST_F(ServeLibraryTest, ExportsAGeniusZipThatImportsBack) {
  httplib::Client c = server_.Client();
  const long id = Body(c.Post("/api/cases", Minimal(), "application/json"))["id"];
  const auto zip = c.Get("/api/cases/" + std::to_string(id) + "/export?format=genius");
  ASSERT_EQ(zip->status, 200) << zip->body;
  EXPECT_EQ(zip->get_header_value("Content-Type"), "application/zip");
  EXPECT_EQ(zip->get_header_value("Content-Disposition"),
            "attachment; filename=\"minimal-supply-deal-genius.zip\"");
  EXPECT_EQ(zip->body.rfind("PK", 0), 0u);
  const auto back = c.Post("/api/import?format=genius", zip->body, "application/zip");
  ASSERT_EQ(back->status, 201) << back->body;
  const json imported = Body(c.Get("/api/cases/" + std::to_string(Body(back)["id"].get<long>())));
  EXPECT_EQ(imported["case"]["parties"].size(), 2u);
  EXPECT_EQ(imported["case"]["issues"].size(), 2u);
  const auto junk = c.Post("/api/import?format=genius", "not a zip", "application/zip");
  EXPECT_EQ(junk->status, 400);
  EXPECT_EQ(Body(junk)["messages"][0], "the body is not a zip archive");
}

// `parley cases import` and `parley cases export` on a store file.
TEST(CasesCliTest, ImportsAndExportsThroughTheStoreWithoutReplacingFiles) {
  const fs::path dir =
      fs::temp_directory_path() / ("parley_cases_cli_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string db = (dir / "store.db").string();
  const std::string example = std::string(PARLEY_SOURCE_DIR) + "/examples/hiring-offer.yaml";
  EXPECT_EQ(parley::testing::Cli("cases import " + example + " --db " + db),
            "imported " + example + " as case 1, version 1\n");
  const std::string out = (dir / "out.yaml").string();
  EXPECT_EQ(parley::testing::Cli("cases export 1 --db " + db + " -o " + out),
            "wrote " + out + "\n");
  std::ifstream in(out);
  const std::string written((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(written, parley::testing::Cli("convert " + example + " --to yaml"));
  const std::string again = std::string(PARLEY_BINARY) + " cases export 1 --db " + db + " -o " +
                            out + " --to json 2>/dev/null";
  EXPECT_EQ(WEXITSTATUS(std::system(again.c_str())), 2);  // exists: not replaced
  EXPECT_EQ(WEXITSTATUS(std::system((again + " --force").c_str())), 0);
  const std::string genius = (dir / "genius").string();
  EXPECT_EQ(WEXITSTATUS(std::system((std::string(PARLEY_BINARY) + " cases export 1 --db " + db +
                                     " --to genius -o " + genius + " >/dev/null 2>&1")
                                        .c_str())),
            0);
  EXPECT_EQ(parley::testing::Cli("cases import " + genius + " --db " + db),
            "imported " + genius + " as case 2, version 1\n");
  EXPECT_EQ(WEXITSTATUS(std::system(
                (std::string(PARLEY_BINARY) + " cases export 9 --db " + db + " -o x 2>/dev/null")
                    .c_str())),
            3);  // no case 9
  fs::remove_all(dir);
}

}  // namespace
