// Tests of sim::AdviseNext: each rule of the table on the sales renewal in progress, the values
// of the offers against PartyValuation, the plan re-paced from our last offer, and properties on
// random cases: never accept below our walk-away or outside the floors, never say our
// walk-away aloud.
#include "parley/sim/next_move.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cstddef>
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "parley/analysis/offer.h"
#include "parley/analysis/walk_away.h"
#include "parley/core/package.h"
#include "parley/core/party_valuation.h"
#include "parley/core/text.h"
#include "parley/io/case_reader.h"
#include "testing/random_cases.h"

namespace parley::sim {
namespace {

namespace fs = std::filesystem;

Case Live() {
  const io::LoadResult r =
      io::LoadCase((fs::path(PARLEY_SOURCE_DIR) / "examples/sales-renewal-live.yaml").string());
  if (!r.Ok()) throw std::runtime_error("examples/sales-renewal-live.yaml does not load");
  return *r.value;
}

// The live renewal as a one-off: the verdict presses, so the plan lands at the safe end of the
// credible range (146,000), as the tests of the rules at the plan's end read it. As written (a
// repeated relationship, the verdict leading with value) it lands at the predicted deal.
Case LiveOneOff() {
  Case c = Live();
  c.relationship = Relationship::kOneOff;
  return c;
}

Round Offer(const std::string& by, double price, const std::string& term,
            const std::string& payment, const std::string& support) {
  return Round{by,
               {{"price", price},
                {"term", std::string(term)},
                {"payment", std::string(payment)},
                {"support", std::string(support)}},
               "",
               ""};
}

NextMove Advise(const Case& c) { return AdviseNext(c, plan::BuildBrief(c)); }

TEST(NextMoveTest, BeforeAnyOfferTheAdviceIsTheBriefsOpeningAndPlan) {
  Case c = Live();
  c.rounds.clear();
  c.concessions.clear();
  const plan::Brief brief = plan::BuildBrief(c);
  const NextMove m = AdviseNext(c, brief);
  EXPECT_EQ(m.rule, "open");
  EXPECT_EQ(m.action, NextAction::kCounter);
  ASSERT_TRUE(m.offer && brief.anchor && m.rest && brief.concession_plan);
  EXPECT_EQ(OutcomeToPackage(c, *m.offer),
            OutcomeToPackage(brief.power.floored.c, brief.anchor->outcome));
  EXPECT_EQ(m.rest->steps.size(), brief.concession_plan->steps.size());
  for (std::size_t k = 0; k < m.rest->steps.size(); ++k) {
    EXPECT_EQ(m.rest->steps[k].package, brief.concession_plan->steps[k].package);
  }
  EXPECT_DOUBLE_EQ(m.target, brief.concession_plan->target_value);
  EXPECT_EQ(m.say.rfind("We propose Annual subscription price 134,000", 0), 0u) << m.say;
}

TEST(NextMoveTest, WithTheConcessionLogUnderWayTheOpeningRestatesTheTable) {
  const io::LoadResult r =
      io::LoadCase((fs::path(PARLEY_SOURCE_DIR) / "examples/sales-renewal.yaml").string());
  ASSERT_TRUE(r.Ok());
  const Case& c = *r.value;
  ASSERT_TRUE(c.rounds.empty());
  ASSERT_FALSE(c.concessions.empty());
  const plan::Brief brief = plan::BuildBrief(c);
  const NextMove m = AdviseNext(c, brief);
  EXPECT_EQ(m.rule, "open");
  ASSERT_TRUE(m.offer && brief.position);
  EXPECT_EQ(OutcomeToPackage(c, *m.offer),
            OutcomeToPackage(brief.power.floored.c, *brief.position));
  EXPECT_EQ(m.say,
            "Where we have got to is Annual subscription price 124,000, Contract term 2y, Payment "
            "terms net60 and Support tier premium.");
  EXPECT_NE(m.reason.find("rather than re-open at the anchor"), std::string::npos) << m.reason;
}

TEST(NextMoveTest, WhenTheyOpenFirstWeAnswerWithOurOpeningNotAConcession) {
  Case c = Live();
  c.rounds.erase(c.rounds.begin());  // Acme's first offer, before any of ours
  c.rounds.resize(1);
  ASSERT_EQ(c.rounds.front().by, "acme");
  const plan::Brief brief = plan::BuildBrief(c);
  const NextMove m = AdviseNext(c, brief);
  EXPECT_EQ(m.rule, "counter-open");
  EXPECT_EQ(m.action, NextAction::kCounter);
  ASSERT_TRUE(m.offer && brief.anchor);
  // Our anchor, with the term of their opening that is better for us kept (standard support
  // instead of premium, which costs us 4,000): never handed back.
  Package expected = OutcomeToPackage(brief.power.floored.c, brief.anchor->outcome);
  for (auto& [issue, value] : expected) {
    if (issue == "support") value = std::string("standard");
  }
  EXPECT_EQ(OutcomeToPackage(c, *m.offer), expected);
  EXPECT_EQ(m.say.rfind("We take your Support tier standard. We propose Annual subscription "
                        "price 134,000",
                        0),
            0u)
      << m.say;
}

// When no package is worth our walk-away (the brief's verdict is walk-away), next never puts a
// package on the table: before any offer, after theirs and after ours alike, it advises walking
// away.
TEST(NextMoveTest, WithNothingWorthOurWalkAwayNextAdvisesWalkingAwayAndOffersNothing) {
  Case c = Live();
  for (Party& p : c.parties) {
    if (p.id == "cloudco") p.batna->value = 400000;  // more than any package is worth to us
  }
  const std::vector<Round> rounds = c.rounds;
  for (std::size_t n = 0; n <= rounds.size(); ++n) {
    c.rounds.assign(rounds.begin(), rounds.begin() + static_cast<std::ptrdiff_t>(n));
    const plan::Brief brief = plan::BuildBrief(c);
    ASSERT_EQ(brief.verdict.approach, plan::Approach::kWalkAway);
    const NextMove m = AdviseNext(c, brief);
    EXPECT_EQ(m.rule, "no-deal") << n;
    EXPECT_EQ(m.action, NextAction::kWalk) << n;
    EXPECT_FALSE(m.offer) << n;
    EXPECT_EQ(m.say.find("400,000"), std::string::npos) << m.say;
    EXPECT_NE(m.reason.find("The brief's verdict is walk-away"), std::string::npos) << m.reason;
  }
}

// Costs read as costs in the walk-away advice: a buyer whose quote elsewhere (a cost of 700)
// beats every package (the best costs 720).
TEST(NextMoveTest, TheWalkAwayAdviceReadsCostsAsCosts) {
  const io::LoadResult r =
      io::LoadCase((fs::path(PARLEY_TEST_DATA_DIR) / "good/minimal.yaml").string());
  ASSERT_TRUE(r.Ok());
  Case c = *r.value;
  for (Party& p : c.parties) {
    if (p.id == "buyer") p.batna->value = -700;
  }
  const NextMove m = AdviseNext(c, plan::BuildBrief(c));
  EXPECT_EQ(m.rule, "no-deal");
  EXPECT_EQ(m.reason,
            "The brief's verdict is walk-away: no package is worth our walk-away (a cost of 700); "
            "our best possible package is a cost of 720 to us. Put nothing on the table; change "
            "the deal first or take the alternative.");
}

TEST(NextMoveTest, OffersAreValuedForEveryPartyAsTheCaseDefines) {
  const Case c = Live();
  const NextMove m = Advise(c);
  ASSERT_EQ(m.offers.size(), c.rounds.size());
  ASSERT_EQ(m.parties, (std::vector<std::string>{"cloudco", "acme"}));
  const PartyValuation cloudco(c, "cloudco"), acme(c, "acme");
  const plan::Brief brief = plan::BuildBrief(c);
  for (const ValuedOffer& v : m.offers) {
    EXPECT_DOUBLE_EQ(v.value[0], cloudco.Value(v.outcome));
    EXPECT_DOUBLE_EQ(v.value[1], acme.Value(v.outcome));
    // The utilities `parley evaluate --offer` gives (on the scale inside the floors).
    const analysis::OfferScore score = analysis::ScoreOffer(c, *brief.power.frontier, v.outcome);
    for (std::size_t p = 0; p < 2; ++p) {
      ASSERT_EQ(score.parties[p].party, m.parties[p]);
      EXPECT_DOUBLE_EQ(v.utility[p], score.parties[p].utility);
    }
  }
  // Acme moved from 110,000 to 125,000 for us: +15,000, and its own value fell by 1,000.
  ASSERT_TRUE(m.offers[3].our_change && m.offers[3].own_change);
  EXPECT_DOUBLE_EQ(*m.offers[3].our_change, 15000);
  EXPECT_DOUBLE_EQ(*m.offers[3].own_change, -1000);
  EXPECT_FALSE(m.offers[1].our_change);
  ASSERT_TRUE(m.pace);
  EXPECT_DOUBLE_EQ(*m.pace, 15000);
  EXPECT_TRUE(m.priorities.empty());  // two offers of theirs show no pattern yet
  EXPECT_DOUBLE_EQ(m.walk_away, analysis::PartyWalkAway(c, "cloudco").value);
}

TEST(NextMoveTest, CounterWithTheNextStepReplannedFromOurLastOffer) {
  const Case c = Live();
  const NextMove m = Advise(c);
  EXPECT_EQ(m.rule, "counter");
  EXPECT_EQ(m.action, NextAction::kCounter);
  ASSERT_TRUE(m.rest && !m.rest->steps.empty() && m.offer && m.next_value);
  EXPECT_DOUBLE_EQ(m.rest->start_value, 150000);  // our offer of 2026-11-25
  EXPECT_DOUBLE_EQ(*m.next_value, m.rest->steps.front().our_value_after);
  EXPECT_DOUBLE_EQ(m.offer_value, *m.next_value);
  EXPECT_LT(*m.next_value, 150000);
  EXPECT_GE(*m.next_value, m.target);
  // Dated from the last offer (2026-11-27), not from the analysis date.
  EXPECT_GT(m.rest->steps.front().date, "2026-11-27");
}

TEST(NextMoveTest, WaitWhenTheOfferOnTheTableIsOurs) {
  Case c = Live();
  c.rounds.pop_back();
  const NextMove m = Advise(c);
  EXPECT_EQ(m.rule, "wait");
  EXPECT_EQ(m.action, NextAction::kHold);
  ASSERT_TRUE(m.offer);
  EXPECT_EQ(*m.offer, m.offers.back().outcome);
}

TEST(NextMoveTest, AcceptAnOfferWorthWhatWeWouldAskNext) {
  Case c = Live();
  c.rounds.push_back(Offer("cloudco", 129000, "3y", "net60", "premium"));  // worth 148,000
  c.rounds.push_back(Offer("acme", 129000, "3y", "net30", "premium"));     // worth 150,000
  const NextMove m = Advise(c);
  EXPECT_EQ(m.rule, "accept");
  EXPECT_EQ(m.action, NextAction::kAccept);
  ASSERT_TRUE(m.offer);
  EXPECT_EQ(*m.offer, m.offers.back().outcome);
}

// With two counterparts, an offer one of them makes that leaves the other below its walk-away
// describes a deal that cannot close: however good for us, it is not accepted, and the reason
// names the party left short. With that party's walk-away low enough, the same offer is taken.
TEST(NextMoveTest, NeverAcceptAnOfferThatLeavesAnotherCounterpartBelowItsWalkAway) {
  const io::LoadResult r = io::LoadCase(
      (fs::path(PARLEY_SOURCE_DIR) / "examples/three-company-partnership.yaml").string());
  ASSERT_TRUE(r.Ok());
  Case c = *r.value;
  const plan::Brief first = plan::BuildBrief(c);
  ASSERT_TRUE(first.anchor);
  auto package = [&c](const Outcome& o) {
    std::vector<std::pair<std::string, IssueValue>> terms;
    for (std::size_t i = 0; i < c.issues.size(); ++i) {
      terms.emplace_back(c.issues[i].id, c.issues[i].options[o[i]]);
    }
    return terms;
  };
  // Our opening, then Larkspur offers the best package for us: Mistral gets 800,000 from it
  // (the 40-35-25 split and the certification).
  const Outcome best = {0, 0, 1, 1, 0};
  c.rounds = {Round{"kestrel", package(first.anchor->outcome), "", ""},
              Round{"larkspur", package(best), "", ""}};
  for (Party& p : c.parties) {
    if (p.id == "mistral") p.batna->value = 850000;
  }
  const NextMove blocked = Advise(c);
  EXPECT_NE(blocked.action, NextAction::kAccept) << blocked.rule;
  EXPECT_NE(blocked.reason.find("Their offer leaves Mistral Integration at 800,000, below its "
                                "walk-away of 850,000: a deal on it cannot close as it stands"),
            std::string::npos)
      << blocked.reason;
  for (Party& p : c.parties) {
    if (p.id == "mistral") p.batna->value = 100000;
  }
  const NextMove taken = Advise(c);
  EXPECT_EQ(taken.action, NextAction::kAccept) << taken.rule << ": " << taken.reason;
}

TEST(NextMoveTest, HoldWhenTheyAnswerOurConcessionWithoutAMove) {
  Case c = Live();
  c.rounds.push_back(Offer("cloudco", 129000, "3y", "net60", "premium"));
  c.rounds.push_back(Offer("acme", 116000, "2y", "net60", "premium"));  // the same as before
  const NextMove m = Advise(c);
  EXPECT_EQ(m.rule, "reciprocity");
  EXPECT_EQ(m.action, NextAction::kHold);
  ASSERT_TRUE(m.offer);
  EXPECT_EQ(*m.offer, m.offers[4].outcome);  // our last offer, restated
}

TEST(NextMoveTest, HoldAtThePlansEndRatherThanImproviseAConcession) {
  Case c = LiveOneOff();
  // 145,000 to us, 1,000 below where the plan lands (146,000).
  c.rounds.push_back(Offer("cloudco", 126000, "3y", "net60", "premium"));
  c.rounds.push_back(Offer("acme", 120000, "2y", "net60", "premium"));  // 129,000 to us
  const NextMove m = Advise(c);
  EXPECT_EQ(m.rule, "plan-end");
  EXPECT_EQ(m.action, NextAction::kHold);
  ASSERT_TRUE(m.offer);
  EXPECT_EQ(*m.offer, m.offers[4].outcome);  // our last offer, restated
  EXPECT_NE(m.reason.find("below where the plan lands (146,000)"), std::string::npos) << m.reason;
}

// Past the plan's end: our last offer already gives more than where the plan lands. The advice
// holds it, and says so rather than calling it the landing point.
TEST(NextMoveTest, HoldBelowThePlansEndAndSaySo) {
  Case c = LiveOneOff();
  c.rounds.push_back(Offer("cloudco", 118000, "3y", "net60", "premium"));  // 137,000 to us
  c.rounds.push_back(Offer("acme", 110000, "2y", "net60", "premium"));
  const NextMove m = Advise(c);
  EXPECT_EQ(m.rule, "plan-end");
  EXPECT_EQ(m.action, NextAction::kHold);
  ASSERT_TRUE(m.offer);
  EXPECT_EQ(*m.offer, m.offers[4].outcome);
  EXPECT_EQ(m.reason,
            "Our last offer, worth 137,000 to us, is already below where the plan lands "
            "(146,000): it gives more than the plan would, so no step is left to make. Hold it "
            "and ask for their move.");
}

TEST(NextMoveTest, WalkWhenTheyStayBelowOurWalkAwayAndNoStepIsLeft) {
  Case c = LiveOneOff();
  // We are at the landing point already; they stay at a price that leaves us below 87,000.
  c.rounds.push_back(Offer("cloudco", 126000, "3y", "net60", "premium"));
  c.rounds.push_back(Offer("acme", 90000, "1y", "net60", "named-engineer"));
  c.rounds.push_back(Offer("cloudco", 126000, "3y", "net60", "premium"));
  c.rounds.push_back(Offer("acme", 90000, "1y", "net60", "named-engineer"));
  const NextMove m = Advise(c);
  EXPECT_EQ(m.rule, "walk");
  EXPECT_EQ(m.action, NextAction::kWalk);
  EXPECT_FALSE(m.offer);
  EXPECT_LT(m.offers.back().value[0], m.walk_away);
  EXPECT_FALSE(m.offers.back().within_floors);  // named-engineer support is outside our floor
  EXPECT_FALSE(m.offers.back().in_zopa);
  EXPECT_EQ(m.priorities.size(), c.issues.size());  // four offers of theirs: read
  // The weight stated for them is the plan's priority for each issue (its tradeables).
  const plan::Brief brief = plan::BuildBrief(c);
  ASSERT_TRUE(brief.tradeables.has_value());
  for (const RevealedPriority& p : m.priorities) {
    for (const plan::IssueTrade& t : brief.tradeables->issues) {
      if (t.issue == p.issue) {
        EXPECT_DOUBLE_EQ(p.stated_weight, t.their_priority) << p.issue;
      }
    }
  }
}

// A day before the date we set for Acme, the re-paced plan has one date left for the whole room
// (from our opening down to where the plan lands, as a one-off): the step stays no larger than
// the brief's first planned step, and the rest waits in reserve.
TEST(NextMoveTest, CompressedTimeNeverMakesAStepLargerThanTheBriefsFirst) {
  Case c = LiveOneOff();
  c.rounds = {Offer("cloudco", 134000, "3y", "net60", "premium"),
              Offer("acme", 120000, "2y", "net60", "premium")};
  c.rounds[0].date = "2026-11-20";
  c.rounds[1].date = "2026-12-14";
  // The brief as prepared before the talks (a live case's own brief counts from its last offer).
  plan::PlanOptions before;
  before.power.today = "2026-11-20";
  const plan::Brief brief = plan::BuildBrief(c, before);
  ASSERT_TRUE(brief.concession_plan && !brief.concession_plan->steps.empty());
  const double first = brief.concession_plan->steps.front().size;
  const NextMove m = AdviseNext(c, brief);
  EXPECT_EQ(m.rule, "counter");
  ASSERT_TRUE(m.rest && !m.rest->steps.empty());
  EXPECT_DOUBLE_EQ(m.rest->steps.front().size, first);
  EXPECT_NE(m.reason.find("(no step larger than the brief's first planned step, " +
                          text::Money(first, 0) + ")"),
            std::string::npos)
      << m.reason;
}

// An issue the floors settle (support: our floor excludes the named engineer, theirs the
// standard tier, leaving premium) has no priority to read: it is not listed, and the revealed
// weights of the rest sum to 1, as the stated ones do.
TEST(NextMoveTest, AnIssueTheFloorsSettleIsNotReadForPriorities) {
  Case c = Live();
  c.rounds.push_back(Offer("cloudco", 129000, "3y", "net60", "premium"));
  c.rounds.push_back(Offer("acme", 118000, "2y", "net60", "standard"));
  c.rounds.push_back(Offer("cloudco", 129000, "3y", "net60", "premium"));
  c.rounds.push_back(Offer("acme", 119000, "2y", "net60", "premium"));
  ASSERT_EQ(Advise(c).priorities.size(), c.issues.size());
  Floor standard;
  standard.party = "acme";
  standard.issue = "support";
  standard.exclude = {"standard"};
  c.floors.push_back(standard);
  const NextMove m = Advise(c);
  ASSERT_EQ(m.priorities.size(), c.issues.size() - 1);
  double revealed = 0;
  for (const RevealedPriority& p : m.priorities) {
    EXPECT_NE(p.issue, "support");
    revealed += p.revealed_weight;
  }
  EXPECT_NEAR(revealed, 1.0, 1e-9);
}

// A lease in progress (we pay): our floors exclude the basic maintenance package and cap the
// rent; their last offer has the best terms for us on every issue but the maintenance.
constexpr const char* kLease = R"(format: parley/1
title: Scanner lease
currency: EUR
parties:
  - {id: hospital, side: us, batna: {value: -405000}}
  - {id: vendor, side: them, batna: {value: 320000}}
issues:
  - {id: rent, kind: number, range: [300000, 420000], step: 250}
  - {id: term, kind: options, options: [36m, 48m, 60m]}
  - {id: service, kind: options, options: [basic, full, uptime]}
values:
  hospital:
    rent: {linear: -1}
    term: {36m: 0, 48m: -6000, 60m: -14000}
    service: {basic: 0, full: 28000, uptime: 45000}
  vendor:
    rent: {linear: 1}
    term: {36m: 0, 48m: 18000, 60m: 32000}
    service: {basic: 0, full: -11000, uptime: -26000}
floors:
  hospital:
    rent: {max: 395000}
    service: {exclude: [basic], evidence: [policy]}
evidence:
  - {id: policy, kind: policy, share: yes, claim: Our policy requires manufacturer maintenance}
rounds:
  - {by: hospital, offer: {rent: 330000, term: 36m, service: uptime}}
  - {by: vendor, offer: {rent: 398000, term: 60m, service: basic}}
  - {by: hospital, offer: {rent: 338000, term: 48m, service: uptime}}
  - {by: vendor, offer: {rent: 300000, term: 36m, service: basic}}
)";

Case Lease() {
  const io::LoadResult r = io::ReadCaseText(kLease, "lease.yaml");
  if (!r.Ok()) throw std::runtime_error("the lease case does not load");
  return *r.value;
}

// Their offer breaks our floor on maintenance only, and set right there (full: the allowed
// option that costs them least) it beats our next counter: take their terms, fix that term,
// and say why with the floor's shareable evidence.
TEST(NextMoveTest, AnOfferBreakingAFloorIsTakenWithOnlyThatTermSetRight) {
  const Case c = Lease();
  const NextMove m = Advise(c);
  EXPECT_EQ(m.rule, "repair");
  EXPECT_EQ(m.action, NextAction::kCounter);
  ASSERT_TRUE(m.offer.has_value());
  EXPECT_EQ(text::OutcomeText(c, *m.offer), "rent 300000, term 36m and service full");
  EXPECT_DOUBLE_EQ(m.offer_value, -272000);
  EXPECT_EQ(m.say,
            "We can work with your proposal, with service full instead of basic. Our policy "
            "requires manufacturer maintenance.");
}

// Their offer breaks our floor and is too far from us to set right and take: we hold at the
// plan's end here (a counter does the same), and the line also says which of their terms we
// cannot accept, and why.
TEST(NextMoveTest, AnAnswerToAnOfferBreakingAFloorSaysWhichTermsWeCannotAccept) {
  std::string text = kLease;
  const std::string last = "{rent: 300000, term: 36m, service: basic}";
  text.replace(text.find(last), last.size(), "{rent: 392000, term: 60m, service: basic}");
  const io::LoadResult r = io::ReadCaseText(text, "lease.yaml");
  ASSERT_TRUE(r.Ok());
  const NextMove m = Advise(*r.value);
  EXPECT_EQ(m.rule, "plan-end");
  // Restated without a claim of finality: a "this is where we can be" the plan may break later
  // would be a bluff.
  EXPECT_EQ(m.say.rfind("Our proposal stands: rent 338000, term 48m and service uptime. What can "
                        "you change to close the gap?",
                        0),
            0u)
      << m.say;
  const std::string breach =
      " We cannot accept service basic. Our policy requires manufacturer maintenance.";
  ASSERT_GE(m.say.size(), breach.size());
  EXPECT_EQ(m.say.substr(m.say.size() - breach.size()), breach) << m.say;
  // An offer within our floors gets no such line.
  EXPECT_EQ(Advise(Lease()).say.find("We cannot accept"), std::string::npos);
}

// From our last offer, the re-paced steps move each term only toward their last offer: the
// rent up from 318,000 but not past their 386,000, the term to no longer than their 60m, the
// maintenance not below their full; none asks more than our last offer did.
TEST(NextMoveTest, TheRepacedStepsTakeNothingBackAndGiveNoMoreThanTheyAsked) {
  Case c = Lease();
  c.rounds[2].offer = {
      {"rent", 318000.0}, {"term", std::string("36m")}, {"service", std::string("uptime")}};
  c.rounds.back().offer = {
      {"rent", 386000.0}, {"term", std::string("60m")}, {"service", std::string("full")}};
  const plan::Brief brief = plan::BuildBrief(c);
  const NextMove m = AdviseNext(c, brief);
  EXPECT_EQ(m.rule, "counter");
  ASSERT_TRUE(m.rest && !m.rest->steps.empty());
  const PartyValuation mine(c, "hospital");
  for (const plan::PlannedConcession& step : m.rest->steps) {
    EXPECT_TRUE(step.gets.empty()) << step.condition;
    EXPECT_NE(step.condition.find("no term of our last offer is taken back"), std::string::npos);
    const Outcome o =
        *ResolvePackage(c, OutcomeToPackage(brief.power.floored.c, step.package)).ToOutcome();
    EXPECT_GE(o[0], c.issues[0].NearestIndex(318000).first);
    EXPECT_LE(o[0], c.issues[0].NearestIndex(386000).first);
    EXPECT_GE(mine.IssueContribution(2, o[2]), 28000);  // full or uptime, never basic
  }
}

// Their last offer is worse for us than their previous one: a hold that asks for their earlier
// terms back, never a concession that rewards the retreat.
TEST(NextMoveTest, HoldWhenTheyTakeBackTermsTheyHadOffered) {
  Case c = Live();
  c.rounds.back() = Offer("acme", 105000, "1y", "net60", "standard");
  const NextMove m = Advise(c);
  EXPECT_EQ(m.rule, "retreat");
  EXPECT_EQ(m.action, NextAction::kHold);
  EXPECT_EQ(m.say.rfind("Your last proposal takes back Annual subscription price 112,000, which "
                        "you had offered. Before we go further, we need it back on the table.",
                        0),
            0u)
      << m.say;
  EXPECT_NE(m.reason.find("took back"), std::string::npos) << m.reason;
  ASSERT_TRUE(m.offer);
  EXPECT_EQ(*m.offer, *ResolvePackage(c, c.rounds[2].offer).ToOutcome());  // our last offer
}

// After our concession of 1,000 (134,000 to 133,000), no re-paced step gives more than 1,000.
TEST(NextMoveTest, TheRepacedStepsAreNeverLargerThanOurLastConcession) {
  Case c = Live();
  c.rounds[2] = Offer("cloudco", 133000, "3y", "net60", "premium");
  const NextMove m = Advise(c);
  ASSERT_TRUE(m.rest);
  ASSERT_FALSE(m.rest->steps.empty());
  for (const plan::PlannedConcession& step : m.rest->steps) {
    EXPECT_LE(step.size, 1000 + 1e-6) << step.condition;
  }
}

// Acme raised the price in each of its three offers (112,000, 116,000, 118,000): the frequency
// model reads that as low weight, so the priority is marked as conceded in steps rather than as
// mattering less; the term, which moved once and then held, is not.
TEST(NextMoveTest, AnIssueConcededInEveryOfferIsNotReadAsMatteringLess) {
  Case c = Live();
  c.rounds.push_back(Offer("cloudco", 129000, "3y", "net60", "premium"));
  c.rounds.push_back(Offer("acme", 118000, "2y", "net60", "premium"));
  const NextMove m = Advise(c);
  ASSERT_EQ(m.priorities.size(), c.issues.size());
  for (const RevealedPriority& p : m.priorities) {
    EXPECT_EQ(p.changed_every_offer, p.issue == "price") << p.issue;
  }
}

// A restatement of ours (a hold) is no concession: after we moved 1,000 and then held, the
// steps are still no larger than 1,000.
TEST(NextMoveTest, AHoldDoesNotWidenTheNextStep) {
  Case c = Live();
  c.rounds[2] = Offer("cloudco", 133000, "3y", "net60", "premium");
  c.rounds.push_back(Offer("cloudco", 133000, "3y", "net60", "premium"));
  c.rounds.push_back(Offer("acme", 117000, "2y", "net60", "premium"));
  const NextMove m = Advise(c);
  ASSERT_TRUE(m.rest);
  ASSERT_FALSE(m.rest->steps.empty());
  for (const plan::PlannedConcession& step : m.rest->steps) {
    EXPECT_LE(step.size, 1000 + 1e-6) << step.condition;
  }
}

// Concessions only for reciprocity: after their move of 1,000 toward us (112,000 to 113,000,
// the rest as before), no re-paced step gives more than 1,000, and the reason says why.
TEST(NextMoveTest, TheRepacedStepsAreNoLargerThanTheirLastMove) {
  Case c = Live();
  c.rounds[3] = Offer("acme", 113000, "1y", "net60", "standard");
  const NextMove m = Advise(c);
  ASSERT_EQ(m.rule, "counter");
  ASSERT_TRUE(m.rest && !m.rest->steps.empty());
  for (const plan::PlannedConcession& step : m.rest->steps) {
    EXPECT_LE(step.size, 1000 + 1e-6) << step.condition;
  }
  EXPECT_NE(m.reason.find("every step no larger than their last move toward us, 1,000"),
            std::string::npos)
      << m.reason;
}

// Their offer reaches where the plan lands (146,000 to us: price 127,000 with 3y, net60 and
// premium), short of our next counter (148,000): the plan would concede no further, so accept.
TEST(NextMoveTest, AcceptsAnOfferAtThePlansLandingPoint) {
  Case c = LiveOneOff();
  c.rounds.back() = Offer("acme", 127000, "3y", "net60", "premium");
  const plan::Brief brief = plan::BuildBrief(c);
  const NextMove m = AdviseNext(c, brief);
  ASSERT_TRUE(brief.concession_plan);
  EXPECT_DOUBLE_EQ(m.target, 146000);
  EXPECT_EQ(m.rule, "accept");
  EXPECT_EQ(m.action, NextAction::kAccept);
  EXPECT_NE(m.reason.find("at least where the plan lands (146,000)"), std::string::npos)
      << m.reason;
  // One grid step short of the landing point, the plan still counters.
  c.rounds.back() = Offer("acme", 126000, "3y", "net60", "premium");
  EXPECT_EQ(Advise(c).rule, "counter");
}

// Once our deadline has passed, an offer within our floors and above our walk-away is taken:
// every further round costs us. Before it, the plan goes on; the date is never said aloud.
TEST(NextMoveTest, PastOurDeadlineAnOfferAboveTheWalkAwayIsTaken) {
  Case c = LiveOneOff();
  Party* us = nullptr;
  for (Party& p : c.parties) {
    if (p.id == "cloudco") us = &p;
  }
  ASSERT_NE(us, nullptr);
  ASSERT_TRUE(us->deadline);
  us->deadline->none = false;
  us->deadline->date = "2026-11-25";  // acme's last offer is dated 2026-11-27
  // Acme moves 15,000 toward us an offer, one every 5 days: at 30,000 a week of delay, waiting
  // for its next offer (21,429) costs more than it would gain.
  us->deadline->cost_per_week = 30000;
  const NextMove m = Advise(c);
  EXPECT_EQ(m.rule, "deadline");
  EXPECT_EQ(m.action, NextAction::kAccept);
  // Said without "today": past our deadline, haste tells them we are pressed.
  EXPECT_EQ(m.say.find("today"), std::string::npos) << m.say;
  EXPECT_EQ(m.deadline, "2026-11-25");
  ASSERT_TRUE(m.days_to_deadline);
  EXPECT_EQ(*m.days_to_deadline, -2);
  EXPECT_NE(m.reason.find("Our deadline (2026-11-25) passed 2 days before 2026-11-27"),
            std::string::npos)
      << m.reason;
  EXPECT_EQ(m.say.find("2026-11-25"), std::string::npos) << m.say;
  // At 2,000 a week the wait costs 1,429 and their next offer would gain about 15,000: one more
  // round pays, so no acceptance, and the reason says why.
  us->deadline->cost_per_week = 2000;
  const NextMove cheap = Advise(c);
  EXPECT_NE(cheap.action, NextAction::kAccept);
  EXPECT_NE(cheap.reason.find("One more round still pays: at their pace their next offer would "
                              "gain us about 15,000, more than the 1,429 its wait costs at their "
                              "rhythm of an offer every 5 days."),
            std::string::npos)
      << cheap.reason;
  // A month after their last offer (33 days, their rhythm 5), the pace is out of date: no round
  // is counted on, and their offer is taken, still without "today".
  plan::PlanOptions later;
  later.power.today = "2026-12-30";
  const NextMove stale = AdviseNext(c, plan::BuildBrief(c, later));
  EXPECT_EQ(stale.rule, "deadline");
  EXPECT_EQ(stale.say.find("today"), std::string::npos) << stale.say;
  us->deadline->date = "2026-12-20";
  const NextMove before = Advise(c);
  EXPECT_EQ(before.rule, "counter");
  EXPECT_EQ(before.days_to_deadline, std::optional<long>(23));
}

// Their last offer moved the price our way (112,000 to 129,000) but took back the 2y term they
// had offered (1y, worse for us than both their 2y and our 3y): the reason names it.
TEST(NextMoveTest, ATermTheyTookBackWhileMovingElsewhereIsNamed) {
  Case c = Live();
  c.rounds[1] = Offer("acme", 112000, "2y", "net60", "standard");
  c.rounds[3] = Offer("acme", 129000, "1y", "net60", "standard");
  const NextMove m = Advise(c);
  ASSERT_EQ(m.rule, "counter") << m.reason;
  EXPECT_NE(m.reason.find("Their last offer took back Contract term 2y while it moved elsewhere: "
                          "a reshuffle of the package, not a retreat"),
            std::string::npos)
      << m.reason;
}

// Their last offer gives us a longer term (3y) than our own last offer asked (2y): our counter
// keeps it and says so, never handing it back.
TEST(NextMoveTest, ACounterPocketsWhatTheyOfferedBeyondOurLastOffer) {
  Case c = LiveOneOff();
  c.rounds[2] = Offer("cloudco", 135000, "2y", "quarterly", "standard");  // 149,000 to us
  c.rounds[3] = Offer("acme", 116000, "3y", "net60", "premium");
  const NextMove m = Advise(c);
  ASSERT_EQ(m.rule, "counter") << m.reason;
  ASSERT_TRUE(m.offer);
  const Issue* term = c.FindIssue("term");
  ASSERT_NE(term, nullptr);
  EXPECT_EQ(term->options[(*m.offer)[static_cast<std::size_t>(c.IssueIndex("term"))]], "3y");
  EXPECT_EQ(m.say.rfind("We take your Contract term 3y. With that, we can move ", 0), 0u) << m.say;
  // Keeping their 3y (10,000 to us) with the rest of our offer would ask more than our last
  // offer (149,000): the counter gives that back and more, never asking more than we did, nor
  // going below where the plan lands (146,000).
  EXPECT_LT(m.offer_value, 149000);
  EXPECT_GE(m.offer_value, 146000);
  const PartyValuation acme(c, "acme");
  EXPECT_GT(acme.Value(*m.offer), acme.Value(*ResolvePackage(c, c.rounds[2].offer).ToOutcome()));
  ASSERT_TRUE(m.rest && !m.rest->steps.empty());
  EXPECT_DOUBLE_EQ(m.rest->steps.front().size, 149000 - m.offer_value);
}

// Their last offer moves to net30 payment and standard support, better for us than our offer's
// (quarterly, premium: 5,000 more to us) but costing Acme 10,000. A counter keeping them while
// conceding on price would be worth less to Acme than our last offer: a retreat in their eyes
// however much it concedes in ours. The counter never keeps them that way; it gives Acme more
// than our last offer did.
TEST(NextMoveTest, ACounterNeverKeepsTheirTermsAtALossToThemAgainstOurLastOffer) {
  Case c = Live();
  c.rounds[3] = Offer("acme", 116000, "2y", "net30", "standard");
  const NextMove m = Advise(c);
  ASSERT_EQ(m.rule, "counter") << m.reason;
  ASSERT_TRUE(m.offer);
  const PartyValuation acme(c, "acme");
  const Outcome ours = *ResolvePackage(c, c.rounds[2].offer).ToOutcome();
  EXPECT_GT(acme.Value(*m.offer), acme.Value(ours)) << m.say;
}

// Our last offer (150,000) is above Acme's price ceiling (135,000): nothing can be signed on it,
// so the counter first moves inside the floor, whatever the step bound, and says why; the
// rest of the plan goes on from there.
TEST(NextMoveTest, AnOfferOfOursOutsideTheirFloorIsFollowedByAMoveInsideIt) {
  Case c = Live();
  c.rounds[2] = Offer("cloudco", 150000, "3y", "quarterly", "premium");
  const NextMove m = Advise(c);
  ASSERT_EQ(m.rule, "counter") << m.reason;
  ASSERT_TRUE(m.offer && m.rest && !m.rest->steps.empty());
  EXPECT_EQ(c.issues[0].NumberAt((*m.offer)[0]), 135000);
  EXPECT_EQ(m.say.rfind("We can move Annual subscription price to 135,000", 0), 0u) << m.say;
  EXPECT_EQ(m.reason.rfind("Our last offer breaks Acme Corp's price max 135,000, so no deal can "
                           "be signed on it: the counter first moves inside the floors, 15,000 "
                           "of our value",
                           0),
            0u)
      << m.reason;
  EXPECT_DOUBLE_EQ(m.rest->steps.front().size, 15000);
  for (std::size_t k = 1; k < m.rest->steps.size(); ++k) {
    EXPECT_LT(m.rest->steps[k].our_value_after, m.rest->steps[k - 1].our_value_after);
  }
}

// Our last offer (140,000) is already below where the plan lands (146,000): keeping their 3y
// (10,000 to us) would ask more than it, and no counter can give that back without going below
// the landing point, so the hold restates our offer and the reason says why 3y is not kept.
TEST(NextMoveTest, ATermOfTheirsThatCannotBeKeptWithoutAskingMoreIsNamed) {
  Case c = Live();
  c.rounds[2] = Offer("cloudco", 130000, "2y", "quarterly", "premium");
  c.rounds[3] = Offer("acme", 116000, "3y", "net60", "premium");
  const NextMove m = Advise(c);
  EXPECT_EQ(m.rule, "plan-end");
  ASSERT_TRUE(m.offer);
  EXPECT_EQ(*m.offer, *ResolvePackage(c, c.rounds[2].offer).ToOutcome());
  EXPECT_NE(m.reason.find("Their Contract term 3y is better for us than our offer's, but no "
                          "counter within our bounds keeps it and still gives more than our last "
                          "offer did, in our value and in theirs: it stays part of the package"),
            std::string::npos)
      << m.reason;
}

// Their offer breaks our price floor only: the line names that floor's evidence, and not the
// evidence of a floor they have not tested.
TEST(NextMoveTest, OnlyTheFloorsTheyBrokeAreNamed) {
  Case c = Live();
  Evidence engineers;
  engineers.id = "q1-capacity";
  engineers.kind = EvidenceKind::kCapacity;
  engineers.claim = "No named engineer is free in the first quarter.";
  engineers.share = true;
  c.evidence.push_back(engineers);
  for (Floor& f : c.floors) {
    if (f.party == "cloudco" && f.issue == "support") f.evidence = {"q1-capacity"};
  }
  c.rounds.back() = Offer("acme", 100000, "2y", "net60", "premium");
  const NextMove m = Advise(c);
  EXPECT_NE(m.say.find("Discounts beyond 30% off list (below 105k) need the CFO's written "
                       "approval."),
            std::string::npos)
      << m.say;
  EXPECT_EQ(m.say.find("No named engineer"), std::string::npos) << m.say;
  c.rounds.back() = Offer("acme", 116000, "2y", "net60", "named-engineer");
  const NextMove named = Advise(c);
  EXPECT_NE(named.say.find("No named engineer is free in the first quarter."), std::string::npos)
      << named.say;
  EXPECT_EQ(named.say.find("Discounts beyond"), std::string::npos) << named.say;
}

// Our last offer asked for more than our first (320,000 after 330,000 on the rent, the rest the
// same): the advice says they may read it as a step back.
TEST(NextMoveTest, SaysWhenOurLastOfferAskedForMoreThanTheOneBefore) {
  Case c = Lease();
  c.rounds[2].offer = {
      {"rent", 320000.0}, {"term", std::string("36m")}, {"service", std::string("uptime")}};
  c.rounds.back().offer = {
      {"rent", 386000.0}, {"term", std::string("60m")}, {"service", std::string("full")}};
  const NextMove m = Advise(c);
  EXPECT_NE(m.reason.find("Note: our last offer asked for more than the one before it (-275,000 "
                          "to us against -285,000): they may read it as a step back and test it."),
            std::string::npos)
      << m.reason;
  c.rounds[2].offer = c.rounds[0].offer;  // the same offer again: no note
  EXPECT_EQ(Advise(c).reason.find("Note:"), std::string::npos);
}

// A random two-party money case with random offers: the advice never accepts an offer below
// our walk-away or outside the floors, and what it says aloud never holds the walk-away.
RC_GTEST_PROP(NextMoveProperty, NeverAcceptsBelowTheWalkAwayNorSaysIt, ()) {
  Case c = testing::RandomTwoPartyMoneyCase();
  const OutcomeSpace space(c.issues);
  const int n = *rc::gen::inRange(0, 6);
  for (int k = 0; k < n; ++k) {
    Outcome o(c.issues.size());
    for (std::size_t i = 0; i < c.issues.size(); ++i) {
      o[i] = *rc::gen::inRange<std::uint64_t>(0, c.issues[i].ValueCount());
    }
    c.rounds.push_back(
        Round{*rc::gen::element<std::string>("a", "b"), OutcomeToPackage(c, o), "", ""});
  }
  testing::RequireValid(c);
  const NextMove m = Advise(c);
  const double walk_away = analysis::PartyWalkAway(c, "a").value;
  if (m.action == NextAction::kAccept) {
    RC_ASSERT(m.offer.has_value());
    RC_ASSERT(m.offers.back().value[0] >= walk_away);
    RC_ASSERT(m.offers.back().within_floors);
  }
  // Every figure of the line said aloud, as a word, differs from the walk-away (unless the
  // walk-away is also a value some issue takes, which the line may name as a term).
  const std::string secret = text::Money(walk_away);
  for (const Issue& issue : c.issues) {
    for (std::uint64_t k = 0; k < issue.ValueCount(); ++k) {
      if (text::GridValueText(c, issue, k) == secret) return;
    }
  }
  std::istringstream words(m.say);
  for (std::string word; words >> word;) {
    while (!word.empty() && std::string(".,;:\"").find(word.back()) != std::string::npos) {
      word.pop_back();
    }
    RC_ASSERT(word != secret);
  }
}

// A random case with offers from both sides: a counter from the re-paced plan leaves every
// term between our last offer and theirs, as our values of the terms read: it asks no more on
// any issue than our last offer did, and gives no more than they asked.
RC_GTEST_PROP(NextMoveProperty, ACounterMovesEachTermOnlyTowardTheirLastOffer, ()) {
  Case c = testing::RandomTwoPartyMoneyCase();
  // Offers alternating, each side's the best for it of random draws (ours of 64, theirs of
  // 16: ours above where the plan lands, most often), theirs last.
  const PartyValuation a(c, "a"), b(c, "b");
  const int n = 2 * *rc::gen::inRange(1, 4);
  for (int k = 0; k < n; ++k) {
    const PartyValuation& side = k % 2 == 0 ? a : b;
    std::optional<Outcome> best;
    for (int draw = 0; draw < (k % 2 == 0 ? 64 : 16); ++draw) {
      Outcome o(c.issues.size());
      for (std::size_t i = 0; i < c.issues.size(); ++i) {
        o[i] = *rc::gen::inRange<std::uint64_t>(0, c.issues[i].ValueCount());
      }
      if (!best || side.Value(o) > side.Value(*best)) best = o;
    }
    c.rounds.push_back(Round{k % 2 == 0 ? "a" : "b", OutcomeToPackage(c, *best), "", ""});
  }
  testing::RequireValid(c);
  const NextMove m = Advise(c);
  RC_TAG(m.rule);
  if (m.rule != "counter") return;
  const PartyValuation mine(c, "a");
  const double eps = 1e-9 * std::max(1.0, mine.MaxValue() - mine.MinValue());
  const Outcome* ours = nullptr;
  const Outcome* theirs = nullptr;
  for (const ValuedOffer& v : m.offers) (v.by == "a" ? ours : theirs) = &v.outcome;
  RC_ASSERT(ours != nullptr && theirs != nullptr && m.offer.has_value());
  for (std::size_t i = 0; i < c.issues.size(); ++i) {
    // Our term kept, or theirs taken: a term of their last offer better for us than ours is
    // pocketed (ACounterPocketsWhatTheyOfferedBeyondOurLastOffer), never handed back.
    if ((*m.offer)[i] == (*ours)[i] || (*m.offer)[i] == (*theirs)[i]) continue;
    const double now = mine.IssueContribution(i, (*m.offer)[i]);
    RC_ASSERT(now <= mine.IssueContribution(i, (*ours)[i]) + eps);
    RC_ASSERT(now >= mine.IssueContribution(i, (*theirs)[i]) - eps);
  }
  // A counter gives them more than our last offer did, even when it keeps terms of theirs: a
  // counter worth less to them would be a retreat in their eyes however much it costs us.
  RC_ASSERT(b.Value(*m.offer) > b.Value(*ours));
  // No step is larger than the brief's first planned step (the largest it plans): time that
  // compresses the plan leaves the rest in reserve, never in one move.
  const plan::Brief brief = plan::BuildBrief(c);
  if (brief.concession_plan && !brief.concession_plan->steps.empty() && m.rest) {
    for (const plan::PlannedConcession& s : m.rest->steps) {
      RC_ASSERT(s.size <= brief.concession_plan->steps.front().size + eps);
    }
  }
}

}  // namespace
}  // namespace parley::sim
