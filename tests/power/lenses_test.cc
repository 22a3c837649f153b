// Tests of the two further lenses: the structural inputs (BATNA, time, authority) of each party,
// and every lens component as the mean of its documented inputs, with its shares.
#include "parley/power/lenses.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "parley/analysis/frontier.h"
#include "parley/power/leverage.h"
#include "parley/power/sources.h"
#include "testing/case_builders.h"

namespace parley::power {
namespace {

using ::parley::testing::MakeDeadline;
using ::parley::testing::MakeParty;
using ::parley::testing::MoneyBatna;
using ::parley::testing::NumberIssue;
using ::parley::testing::Score;
using ::parley::testing::Term;

Stakeholder Person(const std::string& id, const std::string& party, std::optional<double> formal,
                   bool veto = false) {
  Stakeholder s;
  s.id = id;
  s.party = party;
  s.formal = formal;
  s.veto = veto;
  return s;
}

// a gets x = 0..100 and b pays it; c states no values. a: BATNA 30 (d = 0.3), a cost of delay;
// b: no BATNA (d = 0). Stakeholders: a's highest formal authority is 4.5; b has a veto holder;
// c's only stakeholder states no formal authority.
Case LensCase() {
  Case c =
      testing::TwoMoneyParties({NumberIssue("price", 0, 100, 1)}, {Term("price", LinearValue{1})},
                               {Term("price", LinearValue{-1})});
  c.parties.push_back(MakeParty("c", Side::kThem));
  c.parties[0].batna = MoneyBatna(30);
  c.parties[0].deadline = MakeDeadline("", 10);
  c.parties[0].power[static_cast<int>(PowerSource::kSituational)] = Score(4);
  c.parties[0].power[static_cast<int>(PowerSource::kPersonal)] = Score(1);
  c.parties[1].power[static_cast<int>(PowerSource::kOrganizational)] = Score(5);
  c.parties[2].power[static_cast<int>(PowerSource::kKnowledge)] = Score(0);
  c.stakeholders = {Person("s1", "a", 3), Person("s2", "a", 4.5),
                    Person("s3", "b", std::nullopt, true), Person("s4", "b", 2),
                    Person("s5", "c", std::nullopt)};
  return c;
}

struct Inputs {
  SourceAssessment sources;
  Leverage leverage;
  std::vector<StructuralScores> structural;
};

Inputs Compute(const Case& c, const PowerOptions& options = {}) {
  Inputs in;
  in.sources = AssessSources(c, options);
  const analysis::Frontier f = analysis::ComputeFrontier(c);
  in.leverage = ComputeLeverage(c, f, in.sources, options);
  in.structural = ComputeStructuralScores(c, in.sources, in.leverage, options);
  return in;
}

TEST(LensesTest, StructuralScores) {
  const Inputs in = Compute(LensCase());
  ASSERT_EQ(in.structural.size(), 3u);
  const StructuralScores& a = in.structural[0];
  const StructuralScores& b = in.structural[1];
  const StructuralScores& c = in.structural[2];
  EXPECT_EQ(a.party, "a");
  EXPECT_EQ(b.party, "b");
  EXPECT_EQ(c.party, "c");
  // BATNA: 5 x the disagreement utility.
  EXPECT_NEAR(a.batna, 1.5, 1e-12);
  EXPECT_EQ(b.batna, 0);
  EXPECT_TRUE(a.batna_known && b.batna_known);
  // Time: 5 x patience weight / the largest. a is the impatient one (10 of 100 a week).
  const double pa = in.leverage.parties[0].patience_weight;
  const double pb = in.leverage.parties[1].patience_weight;
  ASSERT_LT(pa, pb);
  EXPECT_NEAR(a.time, 5 * pa / pb, 1e-12);
  EXPECT_NEAR(a.time, 5 * 0.001 / 0.101, 1e-12);
  EXPECT_EQ(b.time, 5);
  EXPECT_TRUE(a.time_known && b.time_known);
  // Authority: the highest formal authority; a veto counts 5.
  EXPECT_EQ(a.authority, 4.5);
  EXPECT_EQ(b.authority, 5);
  EXPECT_TRUE(a.authority_known && b.authority_known);
  // c states no values and no formal authority: the unscored score, not known.
  EXPECT_EQ(c.batna, 2.5);
  EXPECT_EQ(c.time, 2.5);
  EXPECT_EQ(c.authority, 2.5);
  EXPECT_FALSE(c.batna_known || c.time_known || c.authority_known);
}

TEST(LensesTest, BatnaScoreIsClampedToTheScale) {
  Case c = LensCase();
  c.parties[0].batna = MoneyBatna(120);   // above every deal: d = 1.2
  c.parties[1].batna = MoneyBatna(-150);  // below every deal: d = -0.5
  PowerOptions options;
  options.unscored_score = 1;
  const Inputs in = Compute(c, options);
  EXPECT_EQ(in.structural[0].batna, 5);
  EXPECT_EQ(in.structural[1].batna, 0);
  EXPECT_EQ(in.structural[2].batna, 1);
  // Without leverage (fewer than two valued parties) only authority is known.
  const std::vector<StructuralScores> none =
      ComputeStructuralScores(c, in.sources, Leverage{}, options);
  EXPECT_EQ(none[0].batna, 1);
  EXPECT_EQ(none[0].time, 1);
  EXPECT_FALSE(none[0].batna_known || none[0].time_known);
  EXPECT_EQ(none[0].authority, 4.5);
}

// The inputs of each component, as documented on ComputeLenses.
const std::map<std::string, std::vector<std::string>>& DocumentedInputs() {
  static const std::map<std::string, std::vector<std::string>> inputs = {
      {"positional", {"situational", "organizational", "batna", "time"}},
      {"psychological", {"personal", "knowledge", "planning"}},
      {"systemic", {"information", "organizational", "authority"}},
      {"position", {"organizational", "authority", "situational"}},
      {"resource", {"batna", "time", "situational"}},
      {"expert", {"knowledge", "information", "planning", "personal"}},
  };
  return inputs;
}

double InputScore(const std::string& name, const PartySources& p, const StructuralScores& s) {
  if (name == "batna") return s.batna;
  if (name == "time") return s.time;
  if (name == "authority") return s.authority;
  for (int k = 0; k < kPowerSourceCount; ++k) {
    if (PowerSourceNames()[k] == name) return p.sources[k].score;
  }
  ADD_FAILURE() << "unknown input " << name;
  return 0;
}

TEST(LensesTest, ComponentsAreTheMeansOfTheirInputs) {
  const Inputs in = Compute(LensCase());
  const std::vector<Lens> lenses = ComputeLenses(in.sources, in.structural);
  ASSERT_EQ(lenses.size(), 2u);
  EXPECT_EQ(lenses[0].name, "positional/psychological/systemic");
  EXPECT_EQ(lenses[1].name, "position/resource/expert");
  std::vector<std::string> names;
  for (const Lens& lens : lenses) {
    for (const LensComponent& comp : lens.components) {
      names.push_back(comp.name);
      EXPECT_FALSE(comp.covers.empty()) << comp.name;
      ASSERT_EQ(comp.inputs, DocumentedInputs().at(comp.name)) << comp.name;
      ASSERT_EQ(comp.score.size(), 3u);
      ASSERT_EQ(comp.share.size(), 3u);
      double total = 0;
      for (std::size_t p = 0; p < 3; ++p) {
        double sum = 0;
        for (const std::string& input : comp.inputs) {
          sum += InputScore(input, in.sources.power[p], in.structural[p]);
        }
        EXPECT_NEAR(comp.score[p], sum / comp.inputs.size(), 1e-12) << comp.name << " " << p;
        total += comp.score[p];
      }
      double shares = 0;
      for (std::size_t p = 0; p < 3; ++p) {
        EXPECT_NEAR(comp.share[p], comp.score[p] / total, 1e-12) << comp.name << " " << p;
        shares += comp.share[p];
      }
      EXPECT_NEAR(shares, 1, 1e-12);
    }
  }
  EXPECT_EQ(names, (std::vector<std::string>{"positional", "psychological", "systemic", "position",
                                             "resource", "expert"}));
  // By hand: a's positional = (situational 4 + organizational 2.5 + batna 1.5 + time) / 4;
  // b's position = (organizational 5 + authority 5 + situational 2.5) / 3.
  EXPECT_NEAR(lenses[0].components[0].score[0], (4 + 2.5 + 1.5 + in.structural[0].time) / 4, 1e-12);
  EXPECT_NEAR(lenses[1].components[0].score[1], 12.5 / 3, 1e-12);
  // c's psychological = (personal 2.5 + knowledge 0 + planning 2.5) / 3.
  EXPECT_NEAR(lenses[0].components[1].score[2], 5.0 / 3, 1e-12);
}

TEST(LensesTest, AllZeroComponentsShareEqually) {
  Case c = LensCase();
  for (Party& p : c.parties) p.power = {};
  PowerOptions options;
  options.unscored_score = 0;
  const SourceAssessment sources = AssessSources(c, options);
  std::vector<StructuralScores> zero(3);
  for (std::size_t p = 0; p < 3; ++p) zero[p].party = sources.parties[p];
  for (const Lens& lens : ComputeLenses(sources, zero)) {
    for (const LensComponent& comp : lens.components) {
      for (std::size_t p = 0; p < 3; ++p) {
        EXPECT_EQ(comp.score[p], 0);
        EXPECT_DOUBLE_EQ(comp.share[p], 1.0 / 3);
      }
    }
  }
}

}  // namespace
}  // namespace parley::power
