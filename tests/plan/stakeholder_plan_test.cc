// Tests of whom the plan names from the stakeholder map: the buying committee by hand, what
// changes when the real decider loses her influence or turns against us, and on random cases
// that the sponsor is never opposed or a blocker and that the playbook names the same people.
#include "parley/plan/stakeholder_plan.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "parley/io/case_reader.h"
#include "parley/plan/brief.h"
#include "plan/brief_lookup.h"
#include "testing/examples.h"
#include "testing/random_cases.h"

namespace parley::plan {
namespace {

using lookup::FindMove;
using ::parley::testing::LoadExample;

std::vector<std::string> Ids(const std::vector<PersonCall>& calls) {
  std::vector<std::string> out;
  for (const PersonCall& p : calls) out.push_back(p.id);
  return out;
}

std::string Id(const std::optional<PersonCall>& p) { return p ? p->id : ""; }

StakeholderPlan PlanOf(const Case& c, const std::string& us, const std::string& them) {
  return PlanStakeholders(c, stakeholders::MapStakeholders(c), us, them);
}

Stakeholder& Member(Case& c, const std::string& id) {
  for (Stakeholder& s : c.stakeholders) {
    if (s.id == id) return s;
  }
  throw std::runtime_error("no stakeholder " + id);
}

// The committee by hand (docs/stakeholders.md works its map): Maya Lindqvist (VP operations,
// 33% of the real say, stance +1) is the view the CFO, COO and CISO follow; Lee Park (CISO,
// 46%, veto, stance -1) is the other real decider. The CFO holds the title and 6%.
TEST(StakeholderPlanTest, TheBuyingCommitteeByHand) {
  const Case c = LoadExample("buying-committee");
  const StakeholderPlan p = PlanOf(c, "tidewater", "harbor");
  EXPECT_EQ(Id(p.anchor_first), "h-vpops");
  EXPECT_EQ(Ids(p.hear_it_from_us), (std::vector<std::string>{"h-vpops", "h-ciso"}));
  // The procurement lead opposes and the CFO gives 20% of her weight to that view (informal
  // influence 20%, above an equal share of 1/6): a preview and an objection too.
  EXPECT_EQ(Ids(p.previews), (std::vector<std::string>{"h-vpops", "h-ciso", "h-procurement"}));
  EXPECT_EQ(Ids(p.objections), (std::vector<std::string>{"h-ciso", "h-procurement"}));
  EXPECT_EQ(Id(p.closer), "h-vpops");
  EXPECT_EQ(Id(p.sponsor), "t-ae");
  EXPECT_EQ(Id(p.counterpart), "h-vpops");
  EXPECT_EQ(p.closer->name, "Maya Lindqvist (VP operations)");
  EXPECT_EQ(p.counterpart->reason.rfind("supports the deal and holds title authority", 0), 0u);
  EXPECT_EQ(p.closer->reason,
            "the real decider with the most real say who can sign and does not oppose (33% of "
            "the real say, formal power 8%, informal influence 31%, stance +1, definitive)");
  EXPECT_EQ(p.objections[0].reason,
            "opposes (46% of the real say, formal power 58%, informal influence "
            "13%, stance -1, can veto, definitive); their interests: customer data stays in the "
            "EU and no shared tenancy");
  EXPECT_EQ(p.anchor_first->reason,
            "the first private preview in the engagement order; briefed before, Ravi Menon "
            "(Senior route planner) hears the case for the deal, not the figure");
  // Nobody mapped on the other side: no one named there.
  const StakeholderPlan none = PlanOf(c, "tidewater", "");
  EXPECT_FALSE(none.closer || none.anchor_first || none.counterpart);
  EXPECT_TRUE(none.previews.empty() && none.objections.empty() && none.hear_it_from_us.empty());
  EXPECT_EQ(Id(none.sponsor), "t-ae");
}

// Flipping the real decider's stance: she is no longer the closer nor our counterpart; the
// close waits on the CISO, the one who can sign with the most real say, and both get a
// preview as opponents.
// Three parties: the second counterpart's owner holds a veto and opposes. Besides the first
// counterpart's people, the plan has them hear the figure from us, previews them, prepares for
// their objection, and the close needs their agreement.
TEST(StakeholderPlanTest, EveryCounterpartsVetoHolderIsNamed) {
  Case c = LoadExample("three-company-partnership");
  auto person = [](const char* id, const char* party, const char* name, double formal,
                   double stance, bool veto) {
    Stakeholder s;
    s.id = id;
    s.party = party;
    s.name = name;
    s.formal = formal;
    s.stance = stance;
    s.veto = veto;
    return s;
  };
  c.stakeholders = {person("l-ceo", "larkspur", "Ada Brook", 5, 1, false),
                    person("m-owner", "mistral", "Jon Vale", 5, -1, true),
                    person("m-ops", "mistral", "Eve Hart", 2, 2, false)};
  const Brief b = BuildBrief(c);
  ASSERT_EQ(b.them, "larkspur");
  EXPECT_EQ(Id(b.people.closer), "l-ceo");
  const std::vector<std::string> hear = Ids(b.people.hear_it_from_us);
  EXPECT_NE(std::find(hear.begin(), hear.end(), "m-owner"), hear.end());
  const std::vector<std::string> objections = Ids(b.people.objections);
  EXPECT_EQ(objections, std::vector<std::string>{"m-owner"});
  const std::string close = FindMove(b.playbook, "conditional-acceptance").say;
  EXPECT_NE(close.find("subject to sign-off by Ada Brook with the agreement of Jon Vale"),
            std::string::npos)
      << close;
}

// The observability sale: the SRE director, a coach the CISO and the CIO follow, is previewed
// but must not hear our figure first, so the CFO does. The preview card, one line for all of
// them, names no figure; its safeguard says who hears the package and who hears only the case.
TEST(StakeholderPlanTest, APreviewADeciderListensToHearsTheCaseNotTheFigure) {
  const io::LoadResult r =
      io::LoadCase(std::string(PARLEY_TEST_DATA_DIR) + "/good/observability-sale.yaml");
  ASSERT_TRUE(r.Ok());
  const Brief b = BuildBrief(*r.value);
  ASSERT_FALSE(b.under_way);
  EXPECT_EQ(Id(b.people.anchor_first), "m-cfo");
  EXPECT_EQ(Ids(b.people.case_only), std::vector<std::string>{"m-sre"});
  const PlayMove& preview = FindMove(b.playbook, "private-preview");
  EXPECT_EQ(preview.say,
            "Before our teams meet, I'd value your view in private, so that nothing in the "
            "meeting surprises you: what would a package need to deliver for you to support it "
            "with your team?");
  EXPECT_NE(preview.safeguard.find("Name the package (Annual subscription 520,000, "),
            std::string::npos)
      << preview.safeguard;
  EXPECT_NE(preview.safeguard.find(") first to Priya Shah (CFO), then to the others who decide; "
                                   "Luis Ortega (Director of SRE) hears the case for the deal, not "
                                   "the figure"),
            std::string::npos)
      << preview.safeguard;
}

TEST(StakeholderPlanTest, FlippingTheRealDecidersStanceMovesTheCloseAndTheEscalation) {
  Case c = LoadExample("buying-committee");
  Member(c, "h-vpops").stance = -1;
  const StakeholderPlan p = PlanOf(c, "tidewater", "harbor");
  EXPECT_EQ(Id(p.closer), "h-ciso");
  EXPECT_EQ(p.closer->reason.rfind("every real decider who can sign opposes", 0), 0u);
  EXPECT_EQ(Id(p.counterpart), "h-coo");
  EXPECT_EQ(Ids(p.objections), (std::vector<std::string>{"h-ciso", "h-vpops", "h-procurement"}));
  for (const PersonCall& call : p.previews) {
    EXPECT_NE(call.reason.find("oppose"), std::string::npos) << call.id;
  }
}

// Removing the ties that make her the view others follow: the real say moves to the title
// holders and the CISO, and the previews, the closer and the counterpart follow the numbers.
TEST(StakeholderPlanTest, RemovingTheRealDecidersInfluenceMovesThePreviewsAndTheClose) {
  Case c = LoadExample("buying-committee");
  Member(c, "h-vpops").influences.clear();
  const stakeholders::StakeholderMap map = stakeholders::MapStakeholders(c);
  const StakeholderPlan p = PlanStakeholders(c, map, "tidewater", "harbor");
  const StakeholderPlan before = PlanOf(LoadExample("buying-committee"), "tidewater", "harbor");
  EXPECT_NE(Ids(p.previews), Ids(before.previews));
  EXPECT_NE(Id(p.closer), "h-vpops");
  EXPECT_EQ(std::count(map.real_deciders.begin(), map.real_deciders.end(), "h-vpops"), 0);
  // The closer is still a real decider who can sign.
  ASSERT_TRUE(p.closer);
  EXPECT_NE(std::find(map.real_deciders.begin(), map.real_deciders.end(), p.closer->id),
            map.real_deciders.end());
}

bool Opposed(const Stakeholder& s) { return s.stance.value_or(0) < 0 || s.role == "blocker"; }

// On random cases: the sponsor and the counterpart are never opposed nor blockers and belong to
// their side; the closer is a real decider; every objection is an opponent; the anchor is first
// heard by the first preview no decider listens to (or who decides), else the closer; the real
// deciders and veto holders hear the figure from us.
RC_GTEST_PROP(StakeholderPlanProperty, TheSponsorIsNeverAnOpponentOrABlocker, ()) {
  Case c = ::parley::testing::RandomTwoPartyMoneyCase();
  ::parley::testing::AddRandomStakeholders(c, "a");
  ::parley::testing::AddRandomStakeholders(c, "b");
  ::parley::testing::RequireValid(c);
  const stakeholders::StakeholderMap map = stakeholders::MapStakeholders(c);
  const StakeholderPlan p = PlanStakeholders(c, map, "a", "b");
  const auto find = [&](const std::string& id) -> const Stakeholder& {
    return *std::find_if(c.stakeholders.begin(), c.stakeholders.end(),
                         [&](const Stakeholder& s) { return s.id == id; });
  };
  for (const auto& [call, party] : {std::pair{p.sponsor, "a"}, std::pair{p.counterpart, "b"}}) {
    if (!call) continue;
    RC_ASSERT(find(call->id).party == std::string(party));
    RC_ASSERT(!Opposed(find(call->id)));
  }
  const std::set<std::string> deciders(map.real_deciders.begin(), map.real_deciders.end());
  RC_ASSERT(p.closer.has_value());
  RC_ASSERT(deciders.count(p.closer->id) == 1u);
  for (const PersonCall& o : p.objections) RC_ASSERT(Opposed(find(o.id)));
  // The anchor is first heard by the first preview who decides or holds a veto, or whose view
  // no such member follows (else the figure could reach them second-hand); else by the closer.
  const stakeholders::PartyMap& them =
      map.parties[0].party == "b" ? map.parties[0] : map.parties[1];
  const auto safe = [&](const std::string& id) {
    std::size_t i = 0;
    while (them.members[i].id != id) ++i;
    if (them.members[i].decides || them.members[i].veto) return true;
    for (std::size_t x = 0; x < them.members.size(); ++x) {
      const auto& m = them.members[x];
      if (x != i && (m.decides || m.veto) && them.influence[x][i] > 0) return false;
    }
    return true;
  };
  const auto first_safe = std::find_if(p.previews.begin(), p.previews.end(),
                                       [&](const PersonCall& call) { return safe(call.id); });
  RC_ASSERT(Id(p.anchor_first) == (first_safe != p.previews.end() ? first_safe->id : p.closer->id));
  std::set<std::string> must_hear;
  for (const Stakeholder& s : c.stakeholders) {
    if (s.party == "b" && (s.veto || deciders.count(s.id) == 1)) must_hear.insert(s.id);
  }
  const std::vector<std::string> heard = Ids(p.hear_it_from_us);
  RC_ASSERT(std::set<std::string>(heard.begin(), heard.end()) == must_hear);
}

// The brief names the same people everywhere: the escalation script names our sponsor and the
// counterpart, the acceptance names the closer, the preview names the previews, on random
// cases with stakeholders on both sides.
RC_GTEST_PROP(StakeholderPlanProperty, ThePlaybookNamesThePlansPeople, ()) {
  Case c = ::parley::testing::RandomTwoPartyMoneyCase();
  ::parley::testing::AddRandomStakeholders(c, "a", 3);
  ::parley::testing::AddRandomStakeholders(c, "b", 4);
  PlanOptions options;
  options.power.samples = 0;
  const Brief b = lookup::Build(c, options);
  const StakeholderPlan& p = b.people;
  RC_ASSERT(p == PlanStakeholders(c, b.stakeholder_map, b.us, b.them));
  RC_ASSERT(p.sponsor.has_value() || p.counterpart.has_value() || p.closer.has_value());
  if (!p.previews.empty()) {
    RC_ASSERT(FindMove(b.playbook, "private-preview").name ==
              "Preview privately with " + NamesOf(p.previews));
  }
  // With nothing worth our walk-away there is no acceptance and no deal to implement.
  if (b.verdict.approach == Approach::kWalkAway) return;
  const PlayMove& owners = FindMove(b.playbook, "owners-and-metrics");
  if (p.sponsor) RC_ASSERT(owners.say.find(p.sponsor->name) != std::string::npos);
  if (p.counterpart) RC_ASSERT(owners.say.find(p.counterpart->name) != std::string::npos);
  const PlayMove& accept = FindMove(b.playbook, "conditional-acceptance");
  RC_ASSERT(accept.say.find("sign-off by " + p.closer->name) != std::string::npos);
}

}  // namespace
}  // namespace parley::plan
