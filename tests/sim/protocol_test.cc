#include "parley/sim/protocol.h"

#include <gtest/gtest.h>

#include <memory>

#include "parley/core/error.h"
#include "parley/sim/strategy_registry.h"
#include "testing/case_builders.h"

namespace parley::sim {
namespace {

using testing::NumberIssue;
using testing::Term;

// Plays the moves it is given, in order, then offers outcome {0} for ever.
class Scripted : public Strategy {
 public:
  explicit Scripted(std::vector<Response> moves) : moves_(std::move(moves)) {}
  void Start(const Negotiation&, std::size_t, std::uint64_t) override {}
  Response Respond(const Turn&) override {
    if (next_ < moves_.size()) return moves_[next_++];
    return {ActionKind::kOffer, {0}};
  }

 private:
  std::vector<Response> moves_;
  std::size_t next_ = 0;
};

Response Offer(std::uint64_t k) { return {ActionKind::kOffer, {k}}; }
Response Accept() { return {ActionKind::kAccept, {}}; }
Response Walk() { return {ActionKind::kWalk, {}}; }

// A price 0..100 in steps of 10: us (the buyer's mirror) values it up, the others down.
Case PriceCase(int parties) {
  Case c;
  c.issues = {NumberIssue("price", 0, 100, 10)};
  c.parties = {testing::MakeParty("us", Side::kUs)};
  c.values = {testing::MoneyValues("us", {Term("price", LinearValue{.slope = 1})})};
  for (int p = 1; p < parties; ++p) {
    const std::string id = "p" + std::to_string(p);
    c.parties.push_back(testing::MakeParty(id, Side::kThem));
    c.values.push_back(testing::MoneyValues(id, {Term("price", LinearValue{.slope = -1})}));
  }
  c.parties[0].batna = testing::MoneyBatna(30);
  return c;
}

std::vector<std::unique_ptr<Strategy>> Players(std::vector<std::vector<Response>> scripts) {
  std::vector<std::unique_ptr<Strategy>> out;
  for (auto& s : scripts) out.push_back(std::make_unique<Scripted>(std::move(s)));
  return out;
}

TEST(ProtocolTest, AcceptanceByTheOtherPartyStrikesTheDeal) {
  const Case c = PriceCase(2);
  NegotiationOptions options;
  options.rounds = 10;
  options.discount = 0.5;
  const Negotiation n(c, options);
  const NegotiationResult r =
      RunNegotiation(n, Players({{Offer(9), Offer(7)}, {Offer(2), Accept()}}));
  EXPECT_EQ(r.ending, Ending::kAgreement);
  ASSERT_TRUE(r.outcome.has_value());
  EXPECT_EQ(*r.outcome, Outcome{7});
  EXPECT_EQ(r.rounds_used, 2u);
  ASSERT_EQ(r.trace.size(), 4u);
  EXPECT_EQ(r.trace[3].action, ActionKind::kAccept);
  EXPECT_DOUBLE_EQ(r.trace[1].utility[0], 0.2);
  EXPECT_DOUBLE_EQ(r.trace[1].value[1], -20);
  EXPECT_DOUBLE_EQ(r.utility[0], 0.7 * 0.5);  // struck in round 1
  EXPECT_DOUBLE_EQ(r.utility[1], 0.3 * 0.5);
  EXPECT_EQ(r.ended_by, 1u);
}

TEST(ProtocolTest, ThreePartiesNeedBothOthersAndACounterResetsAcceptances) {
  const Case c = PriceCase(3);
  const Negotiation n(c, {});
  // Round 0: us offers 8, p1 accepts, p2 counters 3. Round 1: us accepts 3, p1 accepts: deal.
  const NegotiationResult r = RunNegotiation(
      n, Players({{Offer(8), Accept()}, {Accept(), Accept()}, {Offer(3), Offer(1)}}));
  EXPECT_EQ(r.ending, Ending::kAgreement);
  EXPECT_EQ(*r.outcome, Outcome{3});
  EXPECT_EQ(r.trace.size(), 5u);
  EXPECT_EQ(r.ended_by, 1u);
}

TEST(ProtocolTest, WalkingAwayPaysEveryReservationValue) {
  const Case c = PriceCase(2);
  const Negotiation n(c, {});
  const NegotiationResult r = RunNegotiation(n, Players({{Offer(9)}, {Walk()}}));
  EXPECT_EQ(r.ending, Ending::kWalkAway);
  EXPECT_FALSE(r.agreement);
  EXPECT_FALSE(r.outcome.has_value());
  EXPECT_DOUBLE_EQ(r.utility[0], 0.3);  // BATNA 30 on the 0..100 scale
  EXPECT_EQ(r.ended_by, 1u);
  EXPECT_FALSE(r.trace.back().outcome.has_value());
}

TEST(ProtocolTest, ViolationsAreResults) {
  const Case c = PriceCase(2);
  const Negotiation n(c, {});
  NegotiationResult r = RunNegotiation(n, Players({{Accept()}, {Offer(1)}}));
  EXPECT_EQ(r.ending, Ending::kViolation);
  EXPECT_EQ(r.violation, "accepted with nothing on the table");
  EXPECT_EQ(r.ended_by, 0u);
  r = RunNegotiation(n, Players({{Offer(5)}, {Offer(11)}}));
  EXPECT_EQ(r.ending, Ending::kViolation);
  EXPECT_EQ(r.violation, "offered an outcome outside the outcome space");
  r = RunNegotiation(n, Players({{Offer(5), Accept()}, {Offer(4)}}));
  EXPECT_EQ(r.ending, Ending::kAgreement);  // accepting the other's 4
  r = RunNegotiation(n, Players({{Offer(5)}, {Offer(4), Offer(2)}}));
  EXPECT_EQ(r.ending, Ending::kDeadline);
}

TEST(ProtocolTest, TheDeadlineEndsIt) {
  const Case c = PriceCase(2);
  NegotiationOptions options;
  options.rounds = 3;
  const Negotiation n(c, options);
  const NegotiationResult r = RunNegotiation(n, Players({{}, {}}));
  EXPECT_EQ(r.ending, Ending::kDeadline);
  EXPECT_EQ(r.rounds_used, 3u);
  EXPECT_EQ(r.trace.size(), 6u);
  EXPECT_DOUBLE_EQ(n.Time(2), 2.0 / 3);
}

TEST(ProtocolTest, BadSetUpsThrow) {
  const Case c = PriceCase(2);
  NegotiationOptions options;
  options.rounds = kMaxRounds + 1;
  EXPECT_THROW(Negotiation(c, options), Error);
  options.rounds = 10;
  options.discount = 0;
  EXPECT_THROW(Negotiation(c, options), Error);
  const Case alone = PriceCase(1);
  EXPECT_THROW(Negotiation(alone, {}), Error);
}

// A negotiation sharing another's models and bid tables plays as one built from scratch: same
// trace for the same seed, its own BATNA read from its own case.
TEST(ProtocolTest, ASharedNegotiationPlaysAsAFreshOne) {
  const Case base = PriceCase(2);
  Case other = base;
  other.parties[0].batna = testing::MoneyBatna(60);
  NegotiationOptions options;
  options.rounds = 20;
  options.seed = 5;
  const Negotiation shared_from(base, options);
  const Negotiation shared(other, options, shared_from);
  const Negotiation fresh(other, options);
  EXPECT_DOUBLE_EQ(shared.ReservationUtility(0), fresh.ReservationUtility(0));
  EXPECT_NE(shared.ReservationUtility(0), shared_from.ReservationUtility(0));
  ASSERT_NE(shared.ClosestTable(0), nullptr);
  const auto play = [&](const Negotiation& n) {
    std::vector<std::unique_ptr<Strategy>> players;
    players.push_back(BuiltinStrategies().Build("boulware", {&n.GetCase()}));
    players.push_back(BuiltinStrategies().Build("hardheaded", {&n.GetCase()}));
    return RunNegotiation(n, players).trace;
  };
  EXPECT_EQ(play(shared), play(fresh));
  EXPECT_THROW(Negotiation(PriceCase(3), options, shared_from), Error);
}

// Without the trace's values the moves and the result are the same; the entries carry none.
TEST(ProtocolTest, LeavingTheValuesOutOfTheTraceKeepsTheMovesAndTheResult) {
  const Case c = PriceCase(2);
  NegotiationOptions options;
  options.rounds = 30;
  options.seed = 3;
  const auto play = [&](bool values) {
    options.trace_values = values;
    const Negotiation n(c, options);
    std::vector<std::unique_ptr<Strategy>> players;
    players.push_back(BuiltinStrategies().Build("conceder", {&c}));
    players.push_back(BuiltinStrategies().Build("hardheaded", {&c}));
    return RunNegotiation(n, players);
  };
  const NegotiationResult full = play(true), lean = play(false);
  ASSERT_TRUE(full.agreement);
  EXPECT_EQ(lean.outcome, full.outcome);
  EXPECT_EQ(lean.utility, full.utility);
  EXPECT_EQ(lean.value, full.value);
  ASSERT_EQ(lean.trace.size(), full.trace.size());
  for (std::size_t i = 0; i < full.trace.size(); ++i) {
    EXPECT_EQ(lean.trace[i].outcome, full.trace[i].outcome);
    EXPECT_EQ(lean.trace[i].action, full.trace[i].action);
    EXPECT_TRUE(lean.trace[i].utility.empty());
  }
}

// Offers by reference: the strategy keeps the outcome, the trace keeps a copy of it.
class ByReference : public Strategy {
 public:
  explicit ByReference(Outcome o) : o_(std::move(o)) {}
  void Start(const Negotiation&, std::size_t, std::uint64_t) override {}
  Response Respond(const Turn&) override { return {ActionKind::kOffer, {}, &o_}; }

 private:
  Outcome o_;
};

TEST(ProtocolTest, AnOfferByReferenceIsCopiedIntoTheTraceAndChecked) {
  const Case c = PriceCase(2);
  NegotiationOptions options;
  options.rounds = 2;
  const Negotiation n(c, options);
  std::vector<std::unique_ptr<Strategy>> players;
  players.push_back(std::make_unique<ByReference>(Outcome{4}));
  players.push_back(std::make_unique<Scripted>(std::vector<Response>{Accept()}));
  const NegotiationResult r = RunNegotiation(n, players);
  ASSERT_TRUE(r.agreement);
  EXPECT_EQ(r.outcome, Outcome{4});
  EXPECT_EQ(r.trace.front().outcome, Outcome{4});

  players[0] = std::make_unique<ByReference>(Outcome{11});  // outside price 0..100 in tens
  const NegotiationResult bad = RunNegotiation(n, players);
  EXPECT_EQ(bad.ending, Ending::kViolation);
  EXPECT_EQ(bad.violation, "offered an outcome outside the outcome space");
}

TEST(ProtocolTest, RecycledStorageIsReused) {
  TraceStorage storage;
  NegotiationResult old;
  old.trace.reserve(40);
  old.trace.push_back(TraceEntry{0, 0, ActionKind::kOffer, Outcome{1, 2, 3}, {}, {}});
  old.trace.push_back(TraceEntry{0, 1, ActionKind::kWalk, std::nullopt, {}, {}});
  const std::size_t* memory = old.trace.front().outcome->data();
  storage.Recycle(std::move(old));
  const std::vector<TraceEntry> trace = storage.TakeTrace();
  EXPECT_TRUE(trace.empty());
  EXPECT_GE(trace.capacity(), 40U);
  const Outcome copy = storage.Copy(Outcome{7, 8});
  EXPECT_EQ(copy, (Outcome{7, 8}));
  EXPECT_EQ(copy.data(), memory);
  EXPECT_EQ(storage.Copy(Outcome{9}), Outcome{9});  // nothing kept: a new copy
}

// Many negotiations through one storage give the results they give without it: agreements,
// walks and deadlines, strategies that offer by reference and by value, traces of every length.
TEST(ProtocolTest, RecycledStorageChangesNoResult) {
  const Case c = PriceCase(2);
  const std::vector<std::pair<std::string, std::string>> pairs = {{"boulware", "conceder"},
                                                                  {"hardheaded", "micro"},
                                                                  {"random", "random"},
                                                                  {"hardliner", "hardliner"},
                                                                  {"linear", "hardheaded"}};
  TraceStorage storage;
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    const auto& [us, them] = pairs[seed % pairs.size()];
    NegotiationOptions options;
    options.rounds = 5 + seed * 3;
    options.seed = seed;
    options.trace_values = seed % 2 == 0;
    const Negotiation n(c, options);
    const auto play = [&](TraceStorage* s) {
      std::vector<std::unique_ptr<Strategy>> players;
      players.push_back(BuiltinStrategies().Build(us, {&c}));
      players.push_back(BuiltinStrategies().Build(them, {&c}));
      return RunNegotiation(n, players, s);
    };
    NegotiationResult recycled = play(&storage);
    const NegotiationResult fresh = play(nullptr);
    EXPECT_EQ(recycled.ending, fresh.ending) << us << "-" << them << " seed " << seed;
    EXPECT_EQ(recycled.outcome, fresh.outcome);
    EXPECT_EQ(recycled.utility, fresh.utility);
    EXPECT_EQ(recycled.value, fresh.value);
    EXPECT_EQ(recycled.rounds_used, fresh.rounds_used);
    EXPECT_EQ(recycled.trace, fresh.trace);
    storage.Recycle(std::move(recycled));
  }
}

}  // namespace
}  // namespace parley::sim
