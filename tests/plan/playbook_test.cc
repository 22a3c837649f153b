// Tests of the playbook: the scripts filled with the case's figures, the moves of every
// context, the conduct warnings, and a playbook written from the narrow inputs alone.
#include "parley/plan/playbook.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "parley/plan/brief.h"
#include "plan/brief_lookup.h"
#include "testing/examples.h"

namespace parley::plan {
namespace {

using lookup::Build;
using lookup::FindMove;
using lookup::MoveIds;
using ::parley::testing::LoadExample;
using power::PitfallId;

bool Contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

std::size_t Position(const std::vector<std::string>& ids, const std::string& id) {
  return static_cast<std::size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
}

// The agenda promises the basis of our limits only when every floor of ours can show it: the
// support floor cites nothing, so "where we can"; without it, the price floor's policy is shown.
TEST(PlaybookTest, TheAgendaPromisesTheBasisOfOurLimitsOnlyWhenEveryFloorCanShowIt) {
  Case c = LoadExample("sales-renewal");
  const std::string partly = FindMove(Build(c).playbook, "agenda-and-limits").say;
  EXPECT_NE(partly.find("Each of us has real limits, and where we can we'll show the basis for "
                        "ours;"),
            std::string::npos)
      << partly;
  std::erase_if(c.floors, [](const Floor& f) { return f.issue == "support"; });
  const std::string all = FindMove(Build(c).playbook, "agenda-and-limits").say;
  EXPECT_NE(all.find("Each of us has real limits, and we'll show the basis for ours;"),
            std::string::npos)
      << all;
}

TEST(PlaybookTest, PlaybookScriptsCarryTheCaseFigures) {
  const Brief b = Build(LoadExample("sales-renewal"));
  EXPECT_EQ(b.playbook.context, "sales");
  ASSERT_EQ(b.playbook.phases.size(), 5u);
  EXPECT_EQ(FindMove(b.playbook, "floor-with-evidence").say,
            "We can't go below 105,000 on Annual subscription price: Discounts beyond 30% off "
            "list (below 105k) need the CFO's written approval (CloudCo pricing policy v4).");
  // The give-get pairs here all give on the price, from the 124,000 of the log: when they press
  // below 105,000, "we can move from 124,000" would be stale, so the script offers none.
  EXPECT_EQ(FindMove(b.playbook, "floor-with-evidence").name, "Hold the floor with its evidence");
  EXPECT_EQ(FindMove(b.playbook, "validity-date")
                .say.rfind("This offer holds until 2026-12-15, because the migration team and "
                           "the Q1 slot are held only until the 15th",
                           0),
            0u);
  // The concession log has moved the talks past where the plan lands: no planned step is left,
  // so the concession move offers the best give-get pair from the table instead.
  EXPECT_EQ(FindMove(b.playbook, "concession-with-get").say,
            "If you can give us Contract term from 2y to 3y, we can move Annual subscription "
            "price from 124,000 to 117,000.");
  EXPECT_EQ(FindMove(b.playbook, "restate-the-table").say,
            "Let me recap where we have got to: Annual subscription price 124,000, Contract term "
            "2y, Payment terms net60 and Support tier premium. What we have agreed so far stays "
            "part of one package.");
  EXPECT_FALSE(Contains(MoveIds(b.playbook), "anchor-with-standards"));
  EXPECT_NE(FindMove(b.playbook, "conditional-acceptance")
                .say.find("sign-off by R. Lindqvist (CFO) and, on our side, by CloudCo CFO by "
                          "2026-12-15"),
            std::string::npos);
  EXPECT_NE(FindMove(b.playbook, "sponsor-escalation").say.find("before 2026-12-15"),
            std::string::npos);
  EXPECT_EQ(FindMove(b.playbook, "contingent-remedy").say,
            "If we don't honour Support tier premium as agreed, you receive a credit we set "
            "together now; the same holds on your side: a commitment of yours not met on time "
            "lets the terms tied to it revert.");
  // The warnings: our unsupported claims (perceived, not backed), hard power in this repeated
  // relationship, then deadlines carrying our weight (Acme's dates press on it); none of Acme's
  // claims.
  ASSERT_FALSE(b.playbook.warnings.empty());
  for (const power::Pitfall& w : b.playbook.warnings) {
    EXPECT_TRUE(w.id == PitfallId::kUnsupportedClaim ||
                w.id == PitfallId::kHardPowerInRepeatedRelationship ||
                w.id == PitfallId::kDeadlineReliance)
        << power::PitfallName(w.id);
    EXPECT_EQ(w.party, "cloudco");
  }
  EXPECT_EQ(b.playbook.warnings.back().id, PitfallId::kDeadlineReliance);
}

// A benchmark whose figures all lie on their side of the opening is cited nowhere: not with the
// opening, and not in the answer to objections either.
TEST(PlaybookTest, EvidenceThatArguesTheirSideIsNotScripted) {
  Case c = LoadExample("sales-renewal");
  c.concessions.clear();
  for (Evidence& e : c.evidence) {
    if (e.id == "benchmark-2026") {
      e.claim = "Comparable deployments (200-500 seats) are priced between 110k and 125k a year";
    }
  }
  const Brief b = Build(c);
  for (const PlayMove* m : {&FindMove(b.playbook, "objection-by-standards"),
                            &FindMove(b.playbook, "anchor-with-standards")}) {
    EXPECT_EQ(m->say.find("110k"), std::string::npos) << m->say;
  }
}

// Our sponsor for an escalation supports the deal, or at least is not against it: never the
// one on our side who opposes it, however senior.
TEST(PlaybookTest, BeforeAnyConcessionTheOpeningIsTheAnchorAndEachStepBuysSomething) {
  Case c = LoadExample("sales-renewal");
  c.concessions.clear();
  const Brief b = Build(c);
  EXPECT_FALSE(Contains(MoveIds(b.playbook), "restate-the-table"));
  EXPECT_EQ(
      FindMove(b.playbook, "anchor-with-standards")
          .say.rfind("Our proposal is Annual subscription price 134,000, Contract term 3y", 0),
      0u);
  // The first step asks for no term that would cost Acme more than it is worth to us
  // (quarterly payment: 1,000 to us, 3,000 to them), so it is conditional on their agreement.
  EXPECT_EQ(FindMove(b.playbook, "concession-with-get").say,
            "If you can agree the rest of the package by 2026-11-19, we can move Annual "
            "subscription price to 126,000.");
  // A counter is held against the package at the safe end of the credible range, by its terms:
  // its value to us (146,000) is not a price anyone in the room will name.
  ASSERT_TRUE(b.anchor && b.anchor->credible_low_outcome);
  EXPECT_EQ(FindMove(b.playbook, "anchor-with-standards").signal,
            "A counter inside our credible range (at least as good for us as Annual subscription "
            "price 127,000, Contract term 3y, Payment terms net60 and Support tier premium, worth "
            "146,000) means the anchor held; a counter far outside it means ask for their "
            "standard before moving.");
  // What the step is worth to them by our estimate is for us only, never in the line to say.
  EXPECT_NE(FindMove(b.playbook, "concession-with-get")
                .safeguard.find("What step 1 is worth to them by our estimate (8,000) is for us"),
            std::string::npos);
}

// The contingent remedy names a term the package where the plan lands holds, and never says
// what that term is worth to them by our estimate (a figure for us, in the safeguard).
TEST(PlaybookTest, TheRemedyNamesATermOfTheLandingPackageAndNoFigure) {
  Case c = LoadExample("sales-renewal");
  c.concessions.clear();
  const Brief b = Build(c);
  ASSERT_TRUE(b.concession_plan && !b.concession_plan->steps.empty());
  const PlayMove& remedy = FindMove(b.playbook, "contingent-remedy");
  EXPECT_EQ(remedy.say,
            "If we don't honour Support tier premium as agreed, you receive a credit we set "
            "together now; the same holds on your side: a commitment of yours not met on time "
            "lets the terms tied to it revert.");
  const Outcome& landing = b.concession_plan->steps.back().package;
  const std::size_t support = 3;
  ASSERT_EQ(b.power.floored.c.issues[support].id, "support");
  EXPECT_EQ(b.power.floored.c.issues[support].options[landing[support]], "premium");
  EXPECT_NE(remedy.safeguard.find("by our estimate Support tier premium is worth "),
            std::string::npos)
      << remedy.safeguard;
  EXPECT_NE(remedy.safeguard.find("a figure for us, not to be said."), std::string::npos);
}

TEST(PlaybookTest, OnceTheTalksAreUnderWayTheOpeningOnlyMovesAreLeftOut) {
  const Brief b = Build(LoadExample("procurement-components"));
  ASSERT_TRUE(b.under_way);
  const std::vector<std::string> have = MoveIds(b.playbook);
  EXPECT_FALSE(Contains(have, "should-cost"));
  EXPECT_TRUE(Contains(have, "competitive-tension"));
  EXPECT_TRUE(Contains(have, "restate-the-table"));
}

// A buyer may mention its second option only when the case states one with evidence: the
// example's BATNA cites the supplier's utilisation; without evidence no line claims another
// supplier, and the move says to build one first.
TEST(PlaybookTest, NoLineClaimsASecondSupplierTheCaseDoesNotBackWithEvidence) {
  Case c = LoadExample("procurement-components");
  const PlayMove backed = FindMove(Build(c).playbook, "competitive-tension");
  EXPECT_EQ(backed.say,
            "We're weighing this against another option for the same scope, and we'll decide on "
            "the whole package, not price alone.");
  for (Party& p : c.parties) {
    if (p.side == Side::kUs) p.batna->evidence.clear();
  }
  const PlayMove bare = FindMove(Build(c).playbook, "competitive-tension");
  EXPECT_EQ(bare.name, "Build a second supplier option before claiming one");
  EXPECT_EQ(bare.say,
            "We'll decide on the whole package, not price alone, so show us what you can do on "
            "each term.");
  for (const std::string& line : {bare.say, bare.signal}) {
    EXPECT_EQ(line.find("another option"), std::string::npos) << line;
    EXPECT_EQ(line.find("more than one"), std::string::npos) << line;
  }
}

TEST(PlaybookTest, TheRecapSeparatesSettledTermsFromOurProposal) {
  // Only CloudCo's first price move is logged: the price is settled, the rest is still the
  // opening's proposal, never called agreed.
  Case c = LoadExample("sales-renewal");
  c.concessions.resize(1);
  const Brief b = Build(c);
  EXPECT_EQ(FindMove(b.playbook, "restate-the-table").say,
            "Let me recap where we have got to: Annual subscription price 134,000; on the rest, "
            "we propose Contract term 3y, Payment terms net60 and Support tier premium. What we "
            "have agreed so far stays part of one package.");
  // The full log leaves the table below where the plan would land: accept nothing less.
  const Brief full = Build(LoadExample("sales-renewal"));
  EXPECT_EQ(FindMove(full.playbook, "conditional-acceptance").when,
            "When every issue is settled at the package on the table or better for us: the "
            "talks are already below where the concession plan would land, so accept nothing "
            "less.");
}

TEST(PlaybookTest, OurOwnDeadlineIsNeverSaidAloud) {
  // The plan's close is our own deadline when it comes first: it paces the steps, but the
  // acceptance and escalation lines name no date.
  Case c = LoadExample("sales-renewal");
  c.concessions.clear();
  for (Party& p : c.parties) {
    if (p.id == "cloudco") {
      p.deadline = Deadline{};
      p.deadline->date = "2026-12-01";
      p.sets.clear();
    }
  }
  const Brief b = Build(c);
  ASSERT_TRUE(b.concession_plan);
  EXPECT_EQ(b.concession_plan->close_date, "2026-12-01");
  EXPECT_TRUE(b.concession_plan->close_ours);
  EXPECT_EQ(FindMove(b.playbook, "conditional-acceptance").say.find("2026-12-01"),
            std::string::npos);
  EXPECT_EQ(FindMove(b.playbook, "sponsor-escalation").say.find("2026-12-01"), std::string::npos);
}

TEST(PlaybookTest, TheFloorScriptNeverOffersAMoveOnItsOwnNumberIssue) {
  // The give-get pairs start from the opening (or the log); by the time they press past a floor
  // on a number issue, that issue is far from there, so a give on it would be stale.
  for (const std::string name : {"sales-renewal", "sales-renewal-live", "procurement-components",
                                 "hiring-offer", "internal-promotion", "partnership-cobranding"}) {
    const Case c = LoadExample(name);
    const Brief b = Build(c);
    const std::string say = FindMove(b.playbook, "floor-with-evidence").say;
    const std::string held = say.substr(0, say.find('.'));  // the floor the script holds
    for (const Floor& fl : c.floors) {
      const Issue* issue = c.FindIssue(fl.issue);
      if (fl.party != b.us || issue == nullptr || issue->kind != IssueKind::kNumber) continue;
      if (held.find(" on " + issue->DisplayName()) == std::string::npos) continue;
      EXPECT_EQ(say.find("move " + issue->DisplayName()), std::string::npos) << name << ": " << say;
    }
  }
}

TEST(PlaybookTest, AFloorWhoseEvidenceIsPrivateIsStatedAsAFact) {
  Case c = LoadExample("sales-renewal");
  for (Evidence& e : c.evidence) e.share = false;
  const PlayMove floor = FindMove(Build(c).playbook, "floor-with-evidence");
  EXPECT_EQ(floor.say, "We can't go below 105,000 on Annual subscription price.");
  EXPECT_EQ(floor.name, "Hold the floor");
  EXPECT_EQ(floor.safeguard.rfind("State it as a fact, calmly, without the document", 0), 0u);
  // Without any evidence, the safeguard asks for some.
  for (Floor& fl : c.floors) fl.evidence.clear();
  EXPECT_EQ(FindMove(Build(c).playbook, "floor-with-evidence")
                .safeguard.rfind("Back the floor with a cost or policy document", 0),
            0u);
}

TEST(PlaybookTest, TheSponsorIsNeverAnOpponent) {
  Case c = LoadExample("sales-renewal");
  Stakeholder opposed;
  opposed.id = "cloudco-ceo";
  opposed.party = "cloudco";
  opposed.title = "CloudCo CEO";
  opposed.formal = 5;
  opposed.stance = -2;
  Stakeholder supporter;
  supporter.id = "cloudco-vp";
  supporter.party = "cloudco";
  supporter.title = "CloudCo VP Sales";
  supporter.formal = 3;
  supporter.stance = 2;
  c.stakeholders.insert(c.stakeholders.begin(), opposed);  // first of the most senior
  const std::string neutral_say = FindMove(Build(c).playbook, "sponsor-escalation").say;
  EXPECT_EQ(neutral_say.find("CloudCo CEO"), std::string::npos) << neutral_say;
  EXPECT_NE(neutral_say.find("CloudCo CFO"), std::string::npos) << neutral_say;
  c.stakeholders.push_back(supporter);
  const std::string say = FindMove(Build(c).playbook, "sponsor-escalation").say;
  EXPECT_NE(say.find("CloudCo VP Sales"), std::string::npos) << say;
}
TEST(PlaybookTest, EveryContextHasItsMovesAndEveryMoveIsComplete) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> expected{
      {"sales-renewal", {"discovery", "objection-by-standards", "sponsor-escalation"}},
      {"procurement-components", {"competitive-tension", "should-cost", "sponsor-escalation"}},
      {"hiring-offer", {"role-scarcity", "staged-scope"}},
      {"partnership-cobranding", {"coalition-prerequisites", "sponsor-escalation"}},
      {"internal-promotion", {"scope-control", "staged-commitment"}}};
  for (const auto& [name, ids] : expected) {
    // Before any concession: the opening-only moves (discovery, should-cost, role scarcity,
    // coalition prerequisites) are written too.
    Case c = LoadExample(name);
    c.concessions.clear();
    const Brief b = Build(c);
    const std::vector<std::string> have = MoveIds(b.playbook);
    for (const std::string& id : ids) {
      EXPECT_NE(std::find(have.begin(), have.end(), id), have.end()) << name << " " << id;
    }
    ASSERT_EQ(b.playbook.phases.size(), 5u);
    for (std::size_t k = 0; k < 5; ++k) {
      EXPECT_EQ(b.playbook.phases[k].phase, PhaseNames()[k]);
      EXPECT_FALSE(b.playbook.phases[k].moves.empty()) << name << " " << PhaseNames()[k];
      for (const PlayMove& m : b.playbook.phases[k].moves) {
        for (const std::string* field :
             {&m.id, &m.name, &m.when, &m.say, &m.signal, &m.risk, &m.safeguard}) {
          EXPECT_FALSE(field->empty()) << name << " " << m.id;
        }
        // Scripts are filled from the case: no placeholder is left where the case has data. The
        // remedy is a template unless a give-get pair gives something to deliver.
        if (m.id == "contingent-remedy") continue;
        EXPECT_EQ(m.say.find('['), std::string::npos) << name << " " << m.id << ": " << m.say;
      }
    }
  }
  // Without a context only the shared moves are written: ten, and the private preview the
  // stakeholder map asks for (Acme's operations lead, procurement lead and CFO).
  Case c = LoadExample("sales-renewal");
  c.concessions.clear();  // before any concession: the opening and MESO moves
  c.context.reset();
  const Brief other = Build(c);
  EXPECT_EQ(other.playbook.context, "other");
  EXPECT_EQ(MoveIds(other.playbook).size(), 11u);
  EXPECT_EQ(MoveIds(other.playbook).front(), "private-preview");
}

TEST(PlaybookTest, TheWarningsAreTheConductPitfallsOursForClaims) {
  const Case c = LoadExample("procurement-components");
  const Brief b = Build(c);
  std::vector<const power::Pitfall*> expected;
  for (const power::Pitfall& p : b.pitfalls) {
    if (PitfallKindOf(p.id) != power::PitfallKind::kConduct) continue;
    if (p.id == PitfallId::kUnsupportedClaim && p.party != b.us) continue;
    expected.push_back(&p);
  }
  ASSERT_EQ(b.playbook.warnings.size(), expected.size());
  for (std::size_t k = 0; k < expected.size(); ++k) {
    EXPECT_EQ(b.playbook.warnings[k].id, expected[k]->id);
    EXPECT_EQ(b.playbook.warnings[k].message, expected[k]->message);
  }
  // Here deadline reliance is a warning even though it concerns the other side's deadline.
  EXPECT_TRUE(
      std::any_of(b.playbook.warnings.begin(), b.playbook.warnings.end(),
                  [](const power::Pitfall& p) { return p.id == PitfallId::kDeadlineReliance; }));
}

TEST(PlaybookTest, WrittenFromTheInputsAlone) {
  Case c = LoadExample("sales-renewal");
  c.concessions.clear();  // before any concession, so the brief has MESO packages
  const Brief b = Build(c);
  PlanInputs in = PlanInputsOf(c, b);
  const Playbook same = BuildPlaybook(in);
  EXPECT_EQ(MoveIds(same), MoveIds(b.playbook));
  EXPECT_EQ(FindMove(same, "floor-with-evidence").say,
            FindMove(b.playbook, "floor-with-evidence").say);
  // Parts the inputs lack are left out of the scripts or replaced by what to find, never
  // invented.
  in.give_get = {};
  in.meso = nullptr;
  in.concession_plan = nullptr;
  in.pitfalls = {};
  const Playbook bare = BuildPlaybook(in);
  EXPECT_EQ(FindMove(bare, "floor-with-evidence").say.find("provided we get"), std::string::npos);
  EXPECT_EQ(FindMove(bare, "concession-with-get").say,
            "If you can give us [a get], we can move on [a give].");
  // Without two MESO packages there is no MESO move at all.
  EXPECT_FALSE(Contains(MoveIds(bare), "meso"));
  EXPECT_TRUE(Contains(MoveIds(same), "meso"));
  EXPECT_TRUE(bare.warnings.empty());
}

TEST(PlaybookTest, AnIndirectCulturePreviewsPrivatelyBeforeAnythingIsStated) {
  Case c = LoadExample("sales-renewal");
  c.culture = Culture::kIndirect;
  const Brief b = Build(c);
  const std::vector<std::string> ids = MoveIds(b.playbook);
  // The private preview with those the stakeholder map previews (in its engagement order: the
  // view others follow, then the opposed real deciders) opens the playbook, before any anchor
  // or floor is stated.
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(ids.front(), "private-preview");
  EXPECT_LT(Position(ids, "private-preview"), Position(ids, "anchor-with-standards"));
  EXPECT_LT(Position(ids, "private-preview"), Position(ids, "floor-with-evidence"));
  EXPECT_EQ(FindMove(b.playbook, "private-preview").name,
            "Preview privately with Operations lead, Procurement lead and R. Lindqvist (CFO)");
  // No public ultimatum: what we would find hard, not what we can't do.
  const std::string floor = FindMove(b.playbook, "floor-with-evidence").say;
  EXPECT_EQ(
      floor.rfind("We would find it hard to go below 105,000 on Annual subscription price", 0), 0u);
  for (const PlayPhase& phase : b.playbook.phases) {
    for (const PlayMove& m : phase.moves) {
      EXPECT_EQ(m.say.find("We can't"), std::string::npos) << m.id;
      EXPECT_EQ(m.say.find("This offer holds until"), std::string::npos) << m.id;
    }
  }
  // A direct culture keeps the words; the preview stays because the map asks for it. Without
  // stakeholders there is no preview: the agenda comes first.
  c.culture = Culture::kDirect;
  EXPECT_EQ(MoveIds(Build(c).playbook).front(), "private-preview");
  c.stakeholders.clear();
  const std::vector<std::string> direct = MoveIds(Build(c).playbook);
  EXPECT_FALSE(Contains(direct, "private-preview"));
  EXPECT_EQ(direct.front(), "agenda-and-limits");
  // An indirect culture with no stakeholders still previews, with "their decision-maker".
  c.culture = Culture::kIndirect;
  EXPECT_EQ(FindMove(Build(c).playbook, "private-preview").name,
            "Preview privately with their decision-maker");
}

}  // namespace
}  // namespace parley::plan
