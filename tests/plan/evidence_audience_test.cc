// Tests of evidence direction and audience in the brief: scripts read aloud only evidence that
// may be shown and supports the chair; the rest of the other side's support is listed as what
// they may cite.
#include "parley/core/evidence_audience.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "parley/plan/brief.h"
#include "plan/brief_lookup.h"
#include "testing/case_builders.h"
#include "testing/examples.h"
#include "testing/random_cases.h"

namespace parley::plan {
namespace {

using ::parley::testing::LoadExample;
using ::parley::testing::NumberFloor;
using ::parley::testing::RandomEvidenceIds;
using ::parley::testing::RandomTwoPartyMoneyCase;
using ::parley::testing::RequireValid;

// Every script line of the playbook, joined.
std::string Scripts(const Brief& b) {
  std::string out;
  for (const PlayPhase& phase : b.playbook.phases) {
    for (const PlayMove& m : phase.moves) out += m.say + "\n";
  }
  return out;
}

std::vector<std::string> CitedIds(const Brief& b) {
  std::vector<std::string> ids;
  for (const TheirCitation& t : b.playbook.they_may_cite) ids.push_back(t.evidence);
  return ids;
}

TEST(EvidenceAudienceTest, DefaultsFollowWhatCitesTheEvidence) {
  const Case c = LoadExample("sales-renewal");
  auto find = [&c](const char* id) { return *c.FindEvidence(id); };
  // Cited by our BATNA: ours, private.
  EXPECT_EQ(EvidenceSupports(c, find("pipeline-q1")), std::vector<std::string>{"cloudco"});
  EXPECT_FALSE(EvidenceShareable(c, find("pipeline-q1")));
  EXPECT_FALSE(MayCite(c, find("pipeline-q1"), "cloudco"));
  // Cited by their BATNA and power: theirs.
  EXPECT_EQ(EvidenceSupports(c, find("competitor-quote")), std::vector<std::string>{"acme"});
  EXPECT_TRUE(SupportsOtherSide(c, find("competitor-quote"), "cloudco"));
  // Cited by our deadline but marked `share: yes`.
  EXPECT_TRUE(MayCite(c, find("capacity-plan"), "cloudco"));
  // Cited by their BATNA, but `for: cloudco`.
  EXPECT_EQ(EvidenceSupports(c, find("switching-study")), std::vector<std::string>{"cloudco"});
}

TEST(EvidenceAudienceTest, OurNotesBehindOurEstimateOfTheirFloorAreNotTheirsToCite) {
  // Discovery notes cited by our knowledge score and by our estimate of Acme's price ceiling
  // support both sides by the default rule, but they are ours: Acme cannot cite them. Cited by
  // one of Acme's own power scores as well, they become Acme's argument too.
  Case c = LoadExample("sales-renewal");
  Evidence notes;
  notes.id = "call-notes";
  notes.kind = EvidenceKind::kResearch;
  notes.claim = "Their CFO said the budget line is about 130k";
  c.evidence.push_back(notes);
  for (Party& p : c.parties) {
    if (p.id == "cloudco" && p.power[1]) p.power[1]->evidence.push_back("call-notes");
  }
  Floor ceiling;
  ceiling.party = "acme";
  ceiling.issue = "price";
  ceiling.max = 135000;
  ceiling.evidence = {"call-notes"};
  c.floors.push_back(ceiling);
  const Evidence& e = *c.FindEvidence("call-notes");
  EXPECT_TRUE(SupportsOtherSide(c, e, "cloudco"));
  EXPECT_FALSE(TheirsToCite(c, e, "cloudco"));
  for (Party& p : c.parties) {
    if (p.id == "acme") {
      p.power[0] = PowerScore{};
      p.power[0]->score = 3;
      p.power[0]->evidence = {"call-notes"};
    }
  }
  EXPECT_TRUE(TheirsToCite(c, *c.FindEvidence("call-notes"), "cloudco"));
}

TEST(EvidenceAudienceTest, OurIntelligenceKeptFromThemIsNotTheirsToCite) {
  // What their procurement told our champion, cited only by our estimate of Acme's ceiling:
  // by default Acme's to cite; marked `share: no` (and no `for`), ours, and never in the list
  // of what they may cite, where the reply "ask for the source" would expose our champion.
  Case c = LoadExample("sales-renewal");
  Evidence intel;
  intel.id = "budget-intel";
  intel.kind = EvidenceKind::kResearch;
  intel.claim = "Procurement told our champion the approved budget line is 130k";
  c.evidence.push_back(intel);
  Floor ceiling;
  ceiling.party = "acme";
  ceiling.issue = "price";
  ceiling.max = 135000;
  ceiling.evidence = {"budget-intel"};
  c.floors.push_back(ceiling);
  EXPECT_TRUE(TheirsToCite(c, *c.FindEvidence("budget-intel"), "cloudco"));
  c.evidence.back().share = false;
  EXPECT_FALSE(TheirsToCite(c, *c.FindEvidence("budget-intel"), "cloudco"));
  const std::vector<std::string> cited = CitedIds(BuildBrief(c));
  EXPECT_EQ(std::count(cited.begin(), cited.end(), "budget-intel"), 0) << cited.size();
  EXPECT_EQ(std::count(cited.begin(), cited.end(), "competitor-quote"), 1);
  // Said to be Acme's (`for: acme`), it is theirs to cite whatever its `share`.
  c.evidence.back().for_party = "acme";
  EXPECT_TRUE(TheirsToCite(c, *c.FindEvidence("budget-intel"), "cloudco"));
}

TEST(EvidenceAudienceTest, SellerScriptsNeverReadTheBuyersQuoteOrOurAlternative) {
  const Brief b = lookup::Build(LoadExample("sales-renewal"));
  const std::string scripts = Scripts(b);
  EXPECT_EQ(scripts.find("Initech"), std::string::npos);
  EXPECT_EQ(scripts.find("Globex"), std::string::npos);
  const std::vector<std::string> theirs = CitedIds(b);
  EXPECT_NE(std::find(theirs.begin(), theirs.end(), "competitor-quote"), theirs.end());
  EXPECT_EQ(std::find(theirs.begin(), theirs.end(), "pipeline-q1"), theirs.end());
}

TEST(EvidenceAudienceTest, SupplierChairNeverCitesTheBuyersShouldCost) {
  PlanOptions options;
  options.power.as = "kestrel";
  const Brief b = lookup::Build(LoadExample("procurement-components"), options);
  if (b.anchor) {
    EXPECT_EQ(std::find(b.anchor->evidence.begin(), b.anchor->evidence.end(), "should-cost"),
              b.anchor->evidence.end());
  }
  EXPECT_EQ(Scripts(b).find("Should-cost per unit"), std::string::npos);
  const std::vector<std::string> theirs = CitedIds(b);
  EXPECT_NE(std::find(theirs.begin(), theirs.end(), "should-cost"), theirs.end());
}

TEST(EvidenceAudienceTest, HiringScriptsNeverReadTheSecondFinalist) {
  const Brief b = lookup::Build(LoadExample("hiring-offer"));
  EXPECT_EQ(Scripts(b).find("second finalist"), std::string::npos);
}

// Random audiences on a random case: unique claim and source texts, random kinds, `share` and
// `for`, and floors of both parties citing evidence.
Case RandomAudienceCase() {
  Case c = RandomTwoPartyMoneyCase();
  const std::vector<EvidenceKind> kinds = {EvidenceKind::kBenchmark, EvidenceKind::kCost,
                                           EvidenceKind::kPolicy, EvidenceKind::kCapacity,
                                           EvidenceKind::kOther};
  for (Evidence& e : c.evidence) {
    e.claim = "zq-claim-" + e.id + "-zq";
    e.source = "zq-source-" + e.id + "-zq";
    e.kind = *rc::gen::elementOf(kinds);
    const int share = *rc::gen::inRange(0, 3);
    if (share > 0) e.share = share == 1;
    const int who = *rc::gen::inRange(0, 4);
    if (who == 1) e.for_party = "a";
    if (who == 2) e.for_party = "b";
  }
  for (Party& p : c.parties) {
    if (p.batna && *rc::gen::arbitrary<bool>()) p.batna->evidence = {"e1"};
    if (p.deadline && *rc::gen::arbitrary<bool>()) p.deadline->evidence = {"e2"};
  }
  if (*rc::gen::arbitrary<bool>()) {
    Floor f = NumberFloor("a", "price", 10.0, std::nullopt);
    f.evidence = {*rc::gen::elementOf(RandomEvidenceIds())};
    c.floors.push_back(f);
  }
  if (*rc::gen::arbitrary<bool>()) {
    Floor f = NumberFloor("b", "price", std::nullopt, c.issues[0].hi);
    f.evidence = {*rc::gen::elementOf(RandomEvidenceIds())};
    c.floors.push_back(f);
  }
  RequireValid(c);
  return c;
}

RC_GTEST_PROP(EvidenceAudienceProperty, ScriptsNeverReadPrivateOrTheirEvidence, ()) {
  const Case c = RandomAudienceCase();
  for (const char* chair : {"a", "b"}) {
    PlanOptions options;
    options.power.as = chair;
    options.power.samples = 50;
    const Brief b = BuildBrief(c, options);
    const std::string scripts = Scripts(b);
    for (const Evidence& e : c.evidence) {
      const bool cited =
          scripts.find(e.claim) != std::string::npos || scripts.find(e.source) != std::string::npos;
      if (!EvidenceShareable(c, e) || SupportsOtherSide(c, e, chair)) RC_ASSERT(!cited);
      if (cited) RC_ASSERT(MayCite(c, e, chair));
    }
    if (b.anchor) {
      for (const std::string& id : b.anchor->evidence)
        RC_ASSERT(MayCite(c, *c.FindEvidence(id), chair));
    }
    std::vector<std::string> expected;
    for (const Evidence& e : c.evidence) {
      if (TheirsToCite(c, e, chair)) expected.push_back(e.id);
    }
    RC_ASSERT(CitedIds(b) == expected);
  }
}

}  // namespace
}  // namespace parley::plan
