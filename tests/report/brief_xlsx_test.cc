// The brief as an Excel workbook: a valid zip package with the seven sheets in order, numbers in
// numeric cells, the same bytes for the same brief, and an atomic write that leaves no
// temporary file and fails with kIo naming the path.
#include "parley/report/brief_xlsx.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <unzip.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "brief_fixture.h"
#include "parley/core/error.h"
#include "parley/plan/brief.h"
#include "parley/sim/rehearsal.h"
#include "testing/examples.h"

namespace parley::report {
namespace {

namespace fs = std::filesystem;

// The bytes of one member of a zip file; fails the test when the zip or the member is missing.
std::string ReadMember(const std::string& zip, const std::string& name) {
  unzFile z = unzOpen(zip.c_str());
  if (z == nullptr) {
    ADD_FAILURE() << zip << " is not a zip file";
    return {};
  }
  std::string out;
  if (unzLocateFile(z, name.c_str(), 1) != UNZ_OK || unzOpenCurrentFile(z) != UNZ_OK) {
    ADD_FAILURE() << zip << " has no member " << name;
  } else {
    char buf[8192];
    int n = 0;
    while ((n = unzReadCurrentFile(z, buf, sizeof buf)) > 0) out.append(buf, n);
    EXPECT_EQ(n, 0) << "reading " << name;
    EXPECT_EQ(unzCloseCurrentFile(z), UNZ_OK) << "CRC of " << name;
  }
  unzClose(z);
  return out;
}

pugi::xml_document ParseXml(const std::string& text) {
  pugi::xml_document doc;
  const pugi::xml_parse_result ok = doc.load_buffer(text.data(), text.size());
  EXPECT_TRUE(ok) << ok.description();
  return doc;
}

std::string ReadBytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Cell {
  bool number = false;
  double value = 0;
  std::string text;
  int style = 0;  ///< index into the cellXfs of xl/styles.xml
};

// The number format code of cell style `style` ("General" for the built-in 0).
std::string FormatCode(const std::string& zip, int style) {
  const pugi::xml_document doc = ParseXml(ReadMember(zip, "xl/styles.xml"));
  const pugi::xml_node sheet = doc.child("styleSheet");
  int k = 0;
  std::string id;
  for (pugi::xml_node xf : sheet.child("cellXfs").children("xf")) {
    if (k++ == style) id = xf.attribute("numFmtId").value();
  }
  if (id == "0") return "General";
  for (pugi::xml_node f : sheet.child("numFmts").children("numFmt")) {
    if (id == f.attribute("numFmtId").value()) return f.attribute("formatCode").value();
  }
  return "built-in " + id;
}

// A workbook read back: sheet names in order and each sheet's cells by reference ("B7").
struct Workbook {
  std::vector<std::string> sheets;
  std::map<std::string, std::map<std::string, Cell>> cells;
  std::map<std::string, std::string> xml;  ///< each sheet's XML

  // The value cell next to the label `label` in column A of `sheet`.
  const Cell* Beside(const std::string& sheet, const std::string& label) const {
    for (const auto& [ref, cell] : cells.at(sheet)) {
      if (ref[0] == 'A' && std::isdigit(static_cast<unsigned char>(ref[1])) && cell.text == label) {
        const auto it = cells.at(sheet).find("B" + ref.substr(1));
        return it == cells.at(sheet).end() ? nullptr : &it->second;
      }
    }
    return nullptr;
  }
};

Workbook ReadWorkbook(const std::string& zip) {
  Workbook w;
  std::vector<std::string> shared;
  const pugi::xml_document sst = ParseXml(ReadMember(zip, "xl/sharedStrings.xml"));
  for (pugi::xml_node si : sst.child("sst").children("si")) {
    std::string text;
    for (pugi::xpath_node t : si.select_nodes(".//t")) text += t.node().text().get();
    shared.push_back(text);
  }
  std::map<std::string, std::string> targets;
  const pugi::xml_document rels = ParseXml(ReadMember(zip, "xl/_rels/workbook.xml.rels"));
  for (pugi::xml_node r : rels.child("Relationships").children("Relationship")) {
    targets[r.attribute("Id").value()] = r.attribute("Target").value();
  }
  const pugi::xml_document book = ParseXml(ReadMember(zip, "xl/workbook.xml"));
  for (pugi::xml_node s : book.child("workbook").child("sheets").children("sheet")) {
    const std::string name = s.attribute("name").value();
    w.sheets.push_back(name);
    const std::string xml = ReadMember(zip, "xl/" + targets[s.attribute("r:id").value()]);
    w.xml[name] = xml;
    const pugi::xml_document sheet = ParseXml(xml);
    for (pugi::xpath_node c : sheet.select_nodes("/worksheet/sheetData/row/c")) {
      const std::string type = c.node().attribute("t").value();
      const std::string v = c.node().child("v").text().get();
      Cell cell;
      cell.style = c.node().attribute("s").as_int();
      if (type == "s") {
        cell.text = shared.at(std::stoul(v));
      } else if (type.empty() || type == "n") {
        cell.number = !v.empty();
        if (cell.number) cell.value = std::strtod(v.c_str(), nullptr);
      } else {
        cell.text = v;
      }
      w.cells[name][c.node().attribute("r").value()] = cell;
    }
  }
  return w;
}

class BriefXlsxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("parley-brief-xlsx-" + std::to_string(getpid()) + "-" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<std::string> Listing() const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir_)) names.push_back(e.path().filename());
    std::sort(names.begin(), names.end());
    return names;
  }

  fs::path dir_;
};

// Eight sheets with the stakeholders (the renewal maps them; a case without has seven).
TEST_F(BriefXlsxTest, SevenSheetsInOrderWithTheFigures) {
  const plan::Brief& b = RenewalBrief();
  const std::string path = (dir_ / "brief.xlsx").string();
  WriteBriefXlsx(path, Renewal(), b);
  EXPECT_EQ(Listing(), std::vector<std::string>{"brief.xlsx"});

  const Workbook w = ReadWorkbook(path);
  ASSERT_EQ(w.sheets,
            (std::vector<std::string>{"Summary", "Power", "Stakeholders", "Tradeables", "MESO",
                                      "Concessions", "Checklist", "They may cite"}));
  // Stakeholders: the members' figures, then whom the plan names with the reason.
  EXPECT_EQ(w.cells.at("Stakeholders").at("B2").text, "CloudCo CFO");
  const Cell* closer = w.Beside("Stakeholders", "closes");
  ASSERT_NE(closer, nullptr);
  EXPECT_EQ(closer->text, "R. Lindqvist (CFO)");

  // Summary: title, chair, the anchor as a number with the money format.
  EXPECT_EQ(w.cells.at("Summary").at("A1").text, "Enterprise SaaS renewal with Acme");
  const Cell* anchor = w.Beside("Summary", "Anchor (our value)");
  ASSERT_NE(anchor, nullptr);
  EXPECT_TRUE(anchor->number);
  EXPECT_EQ(anchor->value, 153000);  // the opening, tempered by the value-first verdict
  EXPECT_EQ(FormatCode(path, anchor->style), "#,##0");
  const Cell* walk_away = w.Beside("Summary", "Walk-away (our reservation value)");
  ASSERT_NE(walk_away, nullptr);
  EXPECT_EQ(walk_away->value, 87000);
  const Cell* low = w.Beside("Summary", "Credible range, low");
  ASSERT_NE(low, nullptr);
  EXPECT_EQ(low->value, 146000);
  const Cell* zopa = w.Beside("Summary", "P(ZOPA)");
  ASSERT_NE(zopa, nullptr);
  EXPECT_TRUE(zopa->number);
  EXPECT_DOUBLE_EQ(zopa->value, b.power.prediction->zopa_probability);
  EXPECT_EQ(FormatCode(path, zopa->style), "0.0%");
  const Cell* pitfalls = w.Beside("Summary", "Pitfalls");
  ASSERT_NE(pitfalls, nullptr);
  EXPECT_EQ(pitfalls->value, static_cast<double>(b.pitfalls.size()));
  const Cell* seed = w.Beside("Summary", "Seed");
  ASSERT_NE(seed, nullptr);
  EXPECT_EQ(seed->value, 1);
  EXPECT_EQ(w.Beside("Summary", "Chair (us)")->text, "CloudCo (cloudco)");

  // Power: CloudCo's situational score (4) in B2, header in bold row 1.
  EXPECT_EQ(w.cells.at("Power").at("A1").text, "Source");
  EXPECT_EQ(w.cells.at("Power").at("B1").text, "CloudCo score");
  EXPECT_EQ(w.cells.at("Power").at("A2").text, "situational");
  EXPECT_EQ(w.cells.at("Power").at("B2").value, 4);

  // MESO: one row per package, our value in the column after the issues; the header is frozen.
  const std::map<std::string, Cell>& meso = w.cells.at("MESO");
  EXPECT_EQ(meso.at("A1").text, "Package");
  EXPECT_EQ(meso.at("B1").text, "Annual subscription price");
  EXPECT_EQ(meso.at("F1").text, "Our value");
  ASSERT_TRUE(b.meso);
  for (std::size_t k = 0; k < b.meso->packages.size(); ++k) {
    const std::string r = std::to_string(k + 2);
    EXPECT_EQ(meso.at("A" + r).value, static_cast<double>(k + 1));
    EXPECT_TRUE(meso.at("B" + r).number);
    EXPECT_DOUBLE_EQ(meso.at("F" + r).value, b.meso->packages[k].our_value);
    EXPECT_DOUBLE_EQ(meso.at("H" + r).value, b.meso->packages[k].acceptance);
  }
  EXPECT_EQ(meso.count("A" + std::to_string(b.meso->packages.size() + 2)), 0u);
  EXPECT_NE(w.xml.at("MESO").find("state=\"frozen\""), std::string::npos);
  EXPECT_NE(w.xml.at("Checklist").find("state=\"frozen\""), std::string::npos);

  // Concessions: the planned steps under the section title and header.
  ASSERT_TRUE(b.concession_plan);
  const std::map<std::string, Cell>& con = w.cells.at("Concessions");
  EXPECT_EQ(con.at("A2").text, "Step");
  for (std::size_t k = 0; k < b.concession_plan->steps.size(); ++k) {
    const plan::PlannedConcession& s = b.concession_plan->steps[k];
    const std::string r = std::to_string(k + 3);
    EXPECT_EQ(con.at("A" + r).value, static_cast<double>(s.step));
    if (!s.date.empty()) {
      EXPECT_EQ(con.at("B" + r).text, s.date);
    }
    EXPECT_DOUBLE_EQ(con.at("E" + r).value, s.size);
    EXPECT_DOUBLE_EQ(con.at("G" + r).value, s.our_value_after);
  }

  // Checklist: one row per item, status as its name.
  const std::map<std::string, Cell>& check = w.cells.at("Checklist");
  EXPECT_EQ(check.at("C1").text, "Status");
  for (std::size_t k = 0; k < b.checklist.size(); ++k) {
    const std::string r = std::to_string(k + 2);
    EXPECT_EQ(check.at("A" + r).text, b.checklist[k].kind);
    EXPECT_EQ(check.at("C" + r).text, plan::CheckStatusName(b.checklist[k].status));
  }

  // They may cite: one row per item of evidence supporting the other side, with its reply.
  const std::map<std::string, Cell>& theirs = w.cells.at("They may cite");
  EXPECT_EQ(theirs.at("E1").text, "Reply");
  for (std::size_t k = 0; k < b.playbook.they_may_cite.size(); ++k) {
    const std::string r = std::to_string(k + 2);
    EXPECT_EQ(theirs.at("A" + r).text, b.playbook.they_may_cite[k].evidence);
    EXPECT_EQ(theirs.at("E" + r).text, b.playbook.they_may_cite[k].reply);
  }
}

// parley plan --rehearse: a Rehearsal sheet after Concessions, with the brief's own figures.
TEST_F(BriefXlsxTest, RehearsalSheetFollowsConcessionsWithTheBriefsFigures) {
  const plan::Brief& b = RenewalBrief();
  sim::RehearsalOptions options;
  options.them = {"conceder", "micro"};
  options.samples = 4;
  options.rounds = 20;
  options.seed = 7;
  const sim::Rehearsal r = sim::Rehearse(Renewal(), b, options);
  const std::string path = (dir_ / "brief.xlsx").string();
  WriteBriefXlsx(path, Renewal(), b, &r);
  const Workbook w = ReadWorkbook(path);
  ASSERT_EQ(w.sheets,
            (std::vector<std::string>{"Summary", "Power", "Stakeholders", "Tradeables", "MESO",
                                      "Concessions", "Rehearsal", "Checklist", "They may cite"}));
  const Cell* predicted = w.Beside("Rehearsal", "Predicted deal");
  ASSERT_NE(predicted, nullptr);
  EXPECT_EQ(predicted->value, b.anchor->predicted_value);
  const Cell* walk_away = w.Beside("Rehearsal", "Our walk-away");
  ASSERT_NE(walk_away, nullptr);
  EXPECT_EQ(walk_away->value, b.anchor->walk_away);
  const Cell* rate = w.Beside("Rehearsal", "Agreement rate");
  ASSERT_NE(rate, nullptr);
  EXPECT_DOUBLE_EQ(rate->value, r.agreement_rate);
  EXPECT_EQ(FormatCode(path, rate->style), "0.0%");
  const Cell* seed = w.Beside("Rehearsal", "Seed");
  ASSERT_NE(seed, nullptr);
  EXPECT_EQ(seed->text, "7");
  const Cell* median = w.Beside("Rehearsal", "Our value median");
  ASSERT_NE(median, nullptr);
  EXPECT_EQ(median->value, r.value.p50);
  EXPECT_EQ(FormatCode(path, median->style), "#,##0");
}

TEST_F(BriefXlsxTest, SameBriefSameBytes) {
  const fs::path a = dir_ / "a.xlsx";
  const fs::path b = dir_ / "b.xlsx";
  WriteBriefXlsx(a.string(), Renewal(), RenewalBrief());
  WriteBriefXlsx(b.string(), Renewal(), RenewalBrief());
  const std::string bytes = ReadBytes(a);
  EXPECT_FALSE(bytes.empty());
  EXPECT_TRUE(bytes == ReadBytes(b)) << "two writes of the same brief differ";
  // The creation date is the analysis date, not the clock.
  const std::string core = ReadMember(a.string(), "docProps/core.xml");
  EXPECT_NE(core.find(RenewalBrief().power.options.today + "T00:00:00Z"), std::string::npos)
      << core;
}

TEST_F(BriefXlsxTest, ReplacesAnExistingFileAtomically) {
  const fs::path p = dir_ / "brief.xlsx";
  std::ofstream(p) << "an older file";
  WriteBriefXlsx(p.string(), Renewal(), RenewalBrief());
  EXPECT_EQ(Listing(), std::vector<std::string>{"brief.xlsx"});
  EXPECT_EQ(ReadWorkbook(p.string()).sheets.size(), 8u);
}

TEST_F(BriefXlsxTest, MissingFolderFailsWithIoErrorNamingThePath) {
  const std::string path = (dir_ / "no-such-folder" / "brief.xlsx").string();
  try {
    WriteBriefXlsx(path, Renewal(), RenewalBrief());
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kIo);
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
  }
  EXPECT_TRUE(Listing().empty());
}

TEST_F(BriefXlsxTest, FailedRenameLeavesNoTemporaryFile) {
  // The target is a folder: the workbook is written, but cannot be renamed onto it.
  const fs::path target = dir_ / "taken";
  fs::create_directories(target / "inside");
  try {
    WriteBriefXlsx(target.string(), Renewal(), RenewalBrief());
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kIo);
    EXPECT_NE(std::string(e.what()).find(target.string()), std::string::npos) << e.what();
  }
  EXPECT_EQ(Listing(), std::vector<std::string>{"taken"});
}

TEST_F(BriefXlsxTest, BriefWithoutOptionalPartsStillHasEverySheet) {
  plan::Brief b = RenewalBrief();
  b.tradeables.reset();
  b.give_get.clear();
  b.anchor.reset();
  b.meso.reset();
  b.concession_plan.reset();
  b.power.options.today.clear();
  const std::string path = (dir_ / "thin.xlsx").string();
  WriteBriefXlsx(path, Renewal(), b);
  const Workbook w = ReadWorkbook(path);
  EXPECT_EQ(w.sheets.size(), 8u);
  EXPECT_EQ(w.Beside("Summary", "Anchor (our value)")->text, "n/a");
  // No analysis date: the fixed fallback creation time.
  EXPECT_NE(ReadMember(path, "docProps/core.xml").find("2000-01-01T00:00:00Z"), std::string::npos);
}

}  // namespace
}  // namespace parley::report
