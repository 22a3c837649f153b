// A brief never tells us to open with a package worth less than our walk-away: with no package
// worth our walk-away the verdict is walk-away and the brief has no anchor, MESO or concession
// plan, in every format; on random cases, every anchor is worth at least our walk-away.

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <string>

#include "parley/core/party_valuation.h"
#include "parley/io/case_reader.h"
#include "parley/plan/brief.h"
#include "parley/report/brief_json.h"
#include "parley/report/brief_render.h"
#include "plan/brief_lookup.h"
#include "testing/random_cases.h"

namespace parley::plan {
namespace {

using lookup::Build;
using lookup::MoveIds;

void SetOurWalkAway(Case& c, double value) {
  for (Party& p : c.parties) {
    if (p.id == "buyer") p.batna->value = value;
  }
}

// The minimal supply deal with our walk-away at -700 (a quote elsewhere costing 700): every
// package costs us at least 720 (price 800 with express delivery, worth 80), so none is worth it.
Case NoDealCase() {
  const io::LoadResult loaded =
      io::LoadCase(std::string(PARLEY_SOURCE_DIR) + "/tests/data/good/minimal.yaml");
  if (!loaded.Ok()) throw std::runtime_error("cannot load minimal.yaml");
  Case c = *loaded.value;
  SetOurWalkAway(c, -700);
  return c;
}

bool Has(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

TEST(NoDealTest, NothingWorthOurWalkAwayLeavesNothingToOpenWith) {
  const Brief b = Build(NoDealCase());
  EXPECT_FALSE(b.anchor);
  EXPECT_FALSE(b.ambitious_anchor);
  EXPECT_FALSE(b.meso);
  EXPECT_FALSE(b.concession_plan);
  EXPECT_TRUE(b.give_get.empty());
  ASSERT_EQ(b.verdict.approach, Approach::kWalkAway);
  EXPECT_STREQ(ApproachName(b.verdict.approach), "walk-away");
  ASSERT_TRUE(b.verdict.best_value && b.verdict.walk_away);
  EXPECT_DOUBLE_EQ(*b.verdict.best_value, -720);
  EXPECT_DOUBLE_EQ(*b.verdict.walk_away, -700);
  ASSERT_EQ(b.verdict.reasons.size(), 1u);
  EXPECT_EQ(b.verdict.reasons[0],
            "No package is worth our walk-away: our best possible package costs us 720, and our "
            "walk-away is a cost of 700. Do not open; keep our alternative unless the deal "
            "changes (add issues that create value, check our BATNA's figure).");
  ASSERT_FALSE(b.notes.empty());
  EXPECT_EQ(b.notes[0],
            "No package is worth our walk-away: our best possible package (price 800 and "
            "delivery express) is a cost of 720 to us, our walk-away a cost of 700, so there is "
            "nothing to open with: no anchor, MESO or concession plan. Take the alternative, or "
            "change the deal first (add issues that create value, check our BATNA's figure).");
  // No opening, concession, acceptance or deal to implement; a move that names no figure and
  // one that declines.
  const std::vector<std::string> ids = MoveIds(b.playbook);
  for (const char* id : {"anchor-with-standards", "meso", "concession-with-get",
                         "conditional-acceptance", "single-text", "contingent-remedy"}) {
    EXPECT_FALSE(Has(ids, id)) << id;
  }
  EXPECT_TRUE(Has(ids, "explore-before-opening"));
  EXPECT_TRUE(Has(ids, "decline-and-keep-alternative"));
  EXPECT_EQ(lookup::Check(b, "anchor-defensible").status, CheckStatus::kUnknown);
  EXPECT_EQ(lookup::Check(b, "anchor-defensible").reason,
            "No package is worth our walk-away, so there is no anchor to open with (see the "
            "verdict).");
}

// Floors that exclude each other (our price cap of 900 under the seller's minimum of 1,000)
// leave no deal at all: the verdict is walk-away for that reason, and no line of the playbook
// proposes, concedes or holds a placeholder to read aloud.
TEST(NoDealTest, FloorsThatExcludeEachOtherLeaveNothingToOpenWith) {
  Case c = NoDealCase();
  SetOurWalkAway(c, -1000);
  Floor cap, least;
  cap.party = "buyer";
  cap.issue = "price";
  cap.max = 900;
  least.party = "seller";
  least.issue = "price";
  least.min = 1000;
  c.floors = {cap, least};
  const Brief b = Build(c);
  EXPECT_FALSE(b.anchor);
  EXPECT_FALSE(b.concession_plan);
  ASSERT_EQ(b.verdict.approach, Approach::kWalkAway);
  EXPECT_TRUE(b.verdict.floors_block);
  EXPECT_FALSE(b.verdict.best_value);
  ASSERT_EQ(b.verdict.reasons.size(), 1u);
  EXPECT_EQ(b.verdict.reasons[0],
            "The floors leave no possible deal: seller's floor on price (min 1000) leaves no "
            "value of the issue that every floor allows. Do not open on these terms: check how "
            "firm their floor is (and the estimate of it), revisit ours, or keep our "
            "alternative.");
  const std::vector<std::string> ids = MoveIds(b.playbook);
  for (const char* id : {"anchor-with-standards", "concession-with-get", "conditional-acceptance",
                         "contingent-remedy"}) {
    EXPECT_FALSE(Has(ids, id)) << id;
  }
  EXPECT_TRUE(Has(ids, "explore-before-opening"));
  EXPECT_TRUE(Has(ids, "decline-and-keep-alternative"));
  for (const PlayPhase& phase : b.playbook.phases) {
    for (const PlayMove& m : phase.moves) {
      for (const std::string& line : {m.say, m.signal, m.risk, m.safeguard}) {
        EXPECT_EQ(line.find('['), std::string::npos) << m.id << ": " << line;
      }
    }
  }
  EXPECT_EQ(lookup::Check(b, "zopa-checked").status, CheckStatus::kFail);
  const std::string text = report::RenderBrief(c, b, "floors.yaml", report::BriefFormat::kText);
  EXPECT_NE(text.find("Approach: walk away: the floors leave no possible deal."), std::string::npos)
      << text;
  EXPECT_EQ(report::BriefJson(b)["verdict"]["floors_block"], true);
}

TEST(NoDealTest, EveryFormatSaysWalkAwayAndProposesNothing) {
  const Case c = NoDealCase();
  const Brief b = Build(c);
  for (report::BriefFormat f : {report::BriefFormat::kText, report::BriefFormat::kMarkdown,
                                report::BriefFormat::kHtml, report::BriefFormat::kJson}) {
    const std::string out = report::RenderBrief(c, b, "nodeal.yaml", f);
    EXPECT_EQ(out.find("Our proposal"), std::string::npos) << report::BriefFormatName(f);
    EXPECT_EQ(out.find("We propose"), std::string::npos) << report::BriefFormatName(f);
    EXPECT_EQ(out.find("Open with price"), std::string::npos) << report::BriefFormatName(f);
    EXPECT_NE(out.find(f == report::BriefFormat::kJson ? "\"walk-away\"" : "walk away: no package"),
              std::string::npos)
        << report::BriefFormatName(f);
  }
  const nlohmann::ordered_json j = report::BriefJson(b);
  EXPECT_EQ(j["verdict"]["approach"], "walk-away");
  EXPECT_EQ(j["verdict"]["best_value"], -720);
  EXPECT_EQ(j["verdict"]["walk_away"], -700);
  EXPECT_TRUE(j["anchor"].is_null());
  EXPECT_TRUE(j["meso"].is_null());
  EXPECT_TRUE(j["concessions"]["plan"].is_null());
}

TEST(NoDealTest, ABestPackageEqualToOurWalkAwayStillOpens) {
  Case c = NoDealCase();
  SetOurWalkAway(c, -720);
  const Brief b = Build(c);
  EXPECT_NE(b.verdict.approach, Approach::kWalkAway);
  ASSERT_TRUE(b.anchor);
  EXPECT_GE(b.anchor->our_value, -720);
  EXPECT_FALSE(b.verdict.best_value);  // the figures belong to the walk-away verdict only
}

TEST(NoDealTest, WithoutAZopaFromTheirSideWeStillOpenAboveOurWalkAway) {
  // Their walk-away at 0: every package costs them, so no deal is acceptable to them; ours
  // still beats our alternative, so the brief opens, never below our walk-away.
  Case c = NoDealCase();
  SetOurWalkAway(c, -1000);
  for (Party& p : c.parties) {
    if (p.id == "seller") p.batna->range = std::pair{1000.0, 1200.0};
  }
  const Brief b = Build(c);
  EXPECT_FALSE(b.power.prediction && b.power.prediction->deal);
  EXPECT_NE(b.verdict.approach, Approach::kWalkAway);
  ASSERT_TRUE(b.anchor);
  EXPECT_GE(b.anchor->our_value, -1000);
  EXPECT_FALSE(b.concession_plan);
  ASSERT_FALSE(b.notes.empty());
  EXPECT_EQ(b.notes[0].rfind("No deal beats both sides' alternatives (no ZOPA)", 0), 0u);
}

// On random cases: an anchor (tempered or ambitious) is never worth less than our walk-away; the
// verdict is walk-away exactly when our best package is worth less than it, and then there is
// nothing to open with.
RC_GTEST_PROP(NoDealProperty, AnAnchorIsWorthAtLeastOurWalkAway, ()) {
  const Case c = ::parley::testing::RandomTwoPartyMoneyCase();
  const Brief b = Build(c);
  if (!b.best_value || !b.walk_away) {
    RC_ASSERT(b.verdict.approach != Approach::kWalkAway);
    return;
  }
  const bool nothing = *b.best_value < *b.walk_away - 1e-9;
  RC_ASSERT((b.verdict.approach == Approach::kWalkAway) == nothing);
  if (nothing) {
    RC_ASSERT(!b.anchor && !b.meso && !b.concession_plan);
    return;
  }
  RC_ASSERT(b.anchor.has_value());
  const PartyValuation mine(b.power.floored.c, b.us);
  RC_ASSERT(mine.Value(b.anchor->outcome) >= *b.walk_away - 1e-9);
  RC_ASSERT(mine.Value(b.ambitious_anchor->outcome) >= *b.walk_away - 1e-9);
}

}  // namespace
}  // namespace parley::plan
