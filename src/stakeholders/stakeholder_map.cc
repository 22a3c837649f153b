#include "parley/stakeholders/stakeholder_map.h"

#include <algorithm>
#include <unordered_map>

#include "internal/engagement.h"
#include "parley/coalition/power_indices.h"
#include "parley/core/error.h"
#include "parley/core/text.h"

namespace parley::stakeholders {

namespace {

constexpr double kEps = 1e-12;

MemberPower Describe(const Stakeholder& s) {
  MemberPower p;
  p.id = s.id;
  p.name = !s.name.empty() ? s.name : !s.title.empty() ? s.title : s.id;
  p.title = s.title;
  p.role = s.role;
  p.formal = s.formal;
  p.stance = s.stance;
  p.interest = s.interest;
  p.urgency = s.urgency;
  p.veto = s.veto;
  if (!s.formal) p.unknowns.push_back("formal");
  if (!s.stance) p.unknowns.push_back("stance");
  if (!s.interest) p.unknowns.push_back("interest");
  if (!s.urgency) p.unknowns.push_back("urgency");
  return p;
}

// W[x][y]: the weight x gives to y's view; a tie {on: x, weight} written on y adds to it.
Matrix InfluenceMatrix(const Case& c, const std::vector<std::string>& members) {
  const std::size_t n = members.size();
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < n; ++i) index.emplace(members[i], i);
  Matrix w(n, std::vector<double>(n, 0.0));
  for (const Stakeholder& s : c.stakeholders) {
    const auto y = index.find(s.id);
    if (y == index.end()) continue;
    for (const Influence& tie : s.influences) {
      if (auto x = index.find(tie.on); x != index.end()) w[x->second][y->second] += tie.weight;
    }
  }
  for (std::size_t x = 0; x < n; ++x) {
    double others = 0;
    for (std::size_t y = 0; y < n; ++y) others += x == y ? 0 : w[x][y];
    w[x][x] = std::max(0.0, 1 - others);
  }
  return w;
}

std::string RuleText(const EffectiveRule& r, const coalition::WeightedGame& game) {
  std::string out = DecisionRuleName(r.rule.rule);
  if (r.rule.rule == DecisionRuleKind::kOne) out += " (" + r.decider + " decides)";
  out += r.assumed ? ", assumed: the case states no `decision` for this party" : "";
  out += "; as a weighted voting game: quota " + std::to_string(game.quota) + ", weights ";
  for (std::size_t i = 0; i < game.players.size(); ++i) {
    out += (i ? ", " : "") + game.players[i] + " " + std::to_string(game.weights[i]);
  }
  return out;
}

void FormalPower(const Case& c, PartyMap& m) {
  const coalition::WeightedGame game = DecisionGame(c, m.rule);
  m.rule_text = RuleText(m.rule, game);
  const coalition::PowerIndices indices = coalition::ComputeIndices(game);
  const coalition::PowerIndex* ss = indices.Find("shapley_shubik");
  const coalition::PowerIndex* bz = indices.Find("banzhaf");
  for (std::size_t i = 0; i < m.members.size(); ++i) {
    m.members[i].formal_power = ss->values[i].value;
    m.members[i].formal_power_fraction = ss->values[i].Text();
    m.members[i].banzhaf = bz->values[i].value;
    m.members[i].banzhaf_fraction = bz->values[i].Text();
  }
  // A veto by the rule's arithmetic: under a majority or weighted rule, a member whom every
  // winning coalition needs because the others' weights together fall short of the quota (a
  // CFO with 3 of 7 weights and a quota of 5). `one` names its decider and `unanimity` gives
  // everyone this veto by definition: neither adds a holder.
  const DecisionRuleKind kind = m.rule.rule.rule;
  if (kind != DecisionRuleKind::kMajority && kind != DecisionRuleKind::kWeighted) return;
  std::uint64_t total = 0;
  for (const std::uint64_t w : game.weights) total += w;
  for (std::size_t i = 0; i < m.members.size(); ++i) {
    if (m.members[i].veto || total - game.weights[i] >= game.quota) continue;
    m.members[i].veto = true;
    m.members[i].veto_by_rule = true;
  }
}

void InformalPower(PartyMap& m) {
  const Consensus consensus = DeGrootConsensus(m.influence);
  const SocialPower fj = FriedkinJohnsen(m.influence, DefaultSusceptibility(m.influence));
  m.consensus = consensus.kind;
  m.fj_capped = fj.capped;
  const std::size_t n = m.members.size();
  for (std::size_t i = 0; i < n; ++i) {
    MemberPower& p = m.members[i];
    p.social_power = fj.power[i];
    if (!consensus.weights.empty()) p.degroot = consensus.weights[i];
    p.informal_influence = p.degroot.value_or(p.social_power);
    for (std::size_t j = 0; j < n; ++j) p.real_power += m.members[j].formal_power * fj.v[j][i];
  }
  const std::string kind = ConsensusKindName(consensus.kind);
  m.influence_note = consensus.weights.empty()
                         ? "no unique DeGroot consensus (" + kind +
                               "): informal influence is the Friedkin-Johnsen social power"
                         : "DeGroot consensus weights (" + kind + ")";
  if (fj.capped) m.influence_note += "; every member kept at least 5% of their own view";
}

void FindDeciders(PartyMap& m) {
  const int n = static_cast<int>(m.members.size());
  std::vector<int> order(n);
  for (int i = 0; i < n; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return m.members[a].real_power > m.members[b].real_power + kEps;
  });
  double held = 0;
  for (int i : order) {
    if (held > 0.5 + kEps) break;
    held += m.members[i].real_power;
    m.members[i].decides = true;
  }
  std::string vetoes;
  for (MemberPower& p : m.members) {
    if (p.veto && !p.decides) {
      vetoes +=
          (vetoes.empty() ? "" : ", ") + p.id +
          (p.veto_by_rule ? " (by the rule: the others together fall short of the quota)" : "");
    }
    p.decides = p.decides || p.veto;
  }
  for (const MemberPower& p : m.members) {
    if (p.decides) m.real_deciders.push_back(p.id);
  }
  m.reason =
      "the fewest members holding more than half of the real say (formal power passed "
      "through who listens to whom): " +
      text::Percent(held);
  if (!vetoes.empty()) m.reason += "; with the veto holders " + vetoes;
  const MemberPower* top = nullptr;
  for (const MemberPower& p : m.members) {
    if (p.formal && (top == nullptr || *p.formal > *top->formal)) top = &p;
  }
  if (top == nullptr) return;
  m.org_chart_decider = top->id;
  const MemberPower& most = m.members[order[0]];
  m.differs_from_org_chart = most.id != top->id;
  if (m.differs_from_org_chart) {
    m.org_chart_note = top->name + " holds the title (formal " + text::Fixed(*top->formal, 0) +
                       ", " + text::Percent(top->real_power) + " of the real say) but " +
                       most.name + " has the most real say (" + text::Percent(most.real_power) +
                       ")";
  }
}

void Classify(PartyMap& m) {
  const double equal_share = 1.0 / static_cast<double>(m.members.size());
  for (MemberPower& p : m.members) {
    // A real decider has power whatever its share (the fewest holding a majority of the real say
    // may need one below an equal share): a decider marked powerless would read "monitor".
    p.power = p.veto || p.decides || p.formal_power >= equal_share - kEps ||
              p.real_power >= equal_share - kEps;
    p.legitimacy = p.veto || (p.formal && *p.formal >= kHighScore);
    p.urgent = p.urgency && *p.urgency >= kHighScore;
    p.salience = SalienceOf(p.power, p.legitimacy, p.urgent);
    if (!p.interest) {
      p.quadrant = Quadrant::kUnknown;
    } else {
      const bool interested = *p.interest >= kHighScore;
      p.quadrant = p.power ? (interested ? Quadrant::kManageClosely : Quadrant::kKeepSatisfied)
                           : (interested ? Quadrant::kKeepInformed : Quadrant::kMonitor);
    }
  }
}

PartyMap MapParty(const Case& c, const Party& party) {
  PartyMap m;
  m.party = party.id;
  m.ours = party.side == Side::kUs;
  const std::vector<std::string> ids = MembersOf(c, party.id);
  if (ids.size() > kMaxMembers) {
    throw Error(ErrorCode::kLimit, PartyName(c, party.id) + " has " + std::to_string(ids.size()) +
                                       " stakeholders; the stakeholder map analyses at most " +
                                       std::to_string(kMaxMembers) + " per party");
  }
  for (const Stakeholder& s : c.stakeholders) {
    if (s.party == party.id) m.members.push_back(Describe(s));
  }
  m.influence = InfluenceMatrix(c, ids);
  m.rule = RuleOf(c, party.id);
  FormalPower(c, m);
  InformalPower(m);
  FindDeciders(m);
  Classify(m);
  if (!m.ours) {
    internal::FindThreads(m, PartyName(c, party.id));
    internal::PlanEngagement(m);
  }
  return m;
}

}  // namespace

StakeholderMap MapStakeholders(const Case& c) {
  StakeholderMap out;
  for (const Party& party : c.parties) {
    if (MembersOf(c, party.id).empty()) continue;
    out.parties.push_back(MapParty(c, party));
    const PartyMap& m = out.parties.back();
    for (const std::string& id : m.real_deciders) out.real_deciders.push_back(id);
    for (const EngagementStep& step : m.engagement) out.engagement_order.push_back(step.id);
  }
  return out;
}

}  // namespace parley::stakeholders
