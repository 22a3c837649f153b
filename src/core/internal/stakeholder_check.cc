#include "internal/stakeholder_check.h"

#include <cmath>
#include <string>
#include <unordered_map>

#include "parley/core/closest_match.h"

namespace parley::internal {

namespace {

// Sums of weights within this of 1 count as 1 (0.1 + 0.2 + 0.7 is not more than 1).
constexpr double kSumTolerance = 1e-9;

std::unordered_map<std::string, const Stakeholder*> ById(const Case& c) {
  std::unordered_map<std::string, const Stakeholder*> out;
  for (const Stakeholder& s : c.stakeholders) out.emplace(s.id, &s);
  return out;
}

std::vector<std::string> MembersOf(const Case& c, const std::string& party) {
  std::vector<std::string> out;
  for (const Stakeholder& s : c.stakeholders) {
    if (s.party == party) out.push_back(s.id);
  }
  return out;
}

CaseProblem Problem(CasePath path, std::string message, std::string hint = "") {
  return {std::move(path), std::move(message), std::move(hint), false, false};
}

bool IsWhole(double x) { return std::isfinite(x) && x >= 0 && std::floor(x) == x && x <= 1e12; }

// Checks one decision entry's members and numbers (its party is known and has members).
class RuleChecker {
 public:
  RuleChecker(const Case& c, std::size_t index, std::vector<CaseProblem>& out)
      : c_(c), d_(c.decisions[index]), index_(index), out_(out) {}

  void Run() {
    members_ = MembersOf(c_, d_.party);
    CheckWeights();
    CheckQuota();
    CheckDecider();
  }

 private:
  void Add(CasePath path, std::string message, std::string hint = "") {
    out_.push_back(Problem(std::move(path), std::move(message), std::move(hint)));
  }
  CasePath At(const char* key) const { return {"decision", index_, key}; }
  bool IsMember(const std::string& id) const {
    for (const std::string& m : members_) {
      if (m == id) return true;
    }
    return false;
  }
  void Member(const CasePath& path, const std::string& id, const char* what) {
    if (IsMember(id)) return;
    const std::string party = PartyName(c_, d_.party);
    std::string message = std::string(what) + " '" + id + "' is not a stakeholder of " + party;
    for (const Stakeholder& s : c_.stakeholders) {
      if (s.id == id) message += " (it is on " + PartyName(c_, s.party) + "'s side)";
    }
    Add(path, message + "; name one of " + party + "'s stakeholders", DidYouMean(id, members_));
  }

  void CheckWeights() {
    const bool weighted = d_.rule == DecisionRuleKind::kWeighted;
    if (!weighted && !d_.weights.empty()) {
      Add(At("weights"), std::string("`weights` apply to rule `weighted` only, not `") +
                             DecisionRuleName(d_.rule) + "`");
      return;
    }
    if (weighted && d_.weights.empty()) {
      Add(At("rule"), "rule `weighted` needs `weights: {stakeholder: votes}` for " +
                          PartyName(c_, d_.party) + "'s members (a member not listed has no vote)");
    }
    for (const auto& [id, w] : d_.weights) {
      CasePath path = At("weights");
      path.push_back(id);
      Member(path, id, "weight holder");
      if (!IsWhole(w)) {
        Add(path,
            "a weight is a whole number of votes, 0 or more (up to 10^12), not " + FormatNumber(w));
      } else {
        total_ += w;
      }
    }
  }

  void CheckQuota() {
    const DecisionRuleKind rule = d_.rule;
    if (!d_.quota) {
      if (rule == DecisionRuleKind::kWeighted)
        Add(At("rule"), "rule `weighted` needs a `quota`: the votes needed to decide");
      return;
    }
    const double q = *d_.quota;
    if (rule == DecisionRuleKind::kOne || rule == DecisionRuleKind::kUnanimity) {
      Add(At("quota"), std::string("`quota` applies to rules `majority` and `weighted`, not `") +
                           DecisionRuleName(rule) + "`");
      return;
    }
    const double total =
        rule == DecisionRuleKind::kMajority ? static_cast<double>(members_.size()) : total_;
    const char* unit = rule == DecisionRuleKind::kMajority ? "members" : "votes";
    if (!IsWhole(q) || q <= 0 || q > total) {
      Add(At("quota"), "the quota must be a whole number of " + std::string(unit) +
                           " above 0 and at most the total (" + FormatNumber(total) + "), not " +
                           FormatNumber(q));
    }
  }

  void CheckDecider() {
    if (d_.rule != DecisionRuleKind::kOne) {
      if (!d_.decider.empty())
        Add(At("decider"), std::string("`decider` applies to rule `one` only, not `") +
                               DecisionRuleName(d_.rule) + "`");
      return;
    }
    if (!d_.decider.empty()) {
      Member(At("decider"), d_.decider, "decider");
      return;
    }
    for (const Stakeholder& s : c_.stakeholders) {
      if (s.party == d_.party && s.formal) return;
    }
    Add(At("rule"),
        "rule `one` without `decider` names the member with the highest `formal`, "
        "but no stakeholder of " +
            PartyName(c_, d_.party) +
            " states `formal`; name the decider with `decider: STAKEHOLDER`");
  }

  const Case& c_;
  const DecisionRule& d_;
  std::size_t index_;
  std::vector<CaseProblem>& out_;
  std::vector<std::string> members_;
  double total_ = 0;
};

}  // namespace

std::vector<CaseProblem> CheckInfluenceTies(const Case& c) {
  std::vector<CaseProblem> out;
  const auto by_id = ById(c);
  // The ties within one party, by (stakeholder, tie) index: ties with an unknown listener, an
  // unknown party or a weight out of range are reported by CheckStakeholder and skipped here.
  std::vector<std::pair<std::size_t, std::size_t>> within;
  std::unordered_map<std::string, double> total;  // listener -> sum of incoming weights
  for (std::size_t i = 0; i < c.stakeholders.size(); ++i) {
    const Stakeholder& s = c.stakeholders[i];
    for (std::size_t k = 0; k < s.influences.size(); ++k) {
      const Influence& tie = s.influences[k];
      const auto it = by_id.find(tie.on);
      if (it == by_id.end() || tie.on == s.id || c.FindParty(s.party) == nullptr ||
          c.FindParty(it->second->party) == nullptr)
        continue;
      if (it->second->party != s.party) {
        out.push_back(Problem({"stakeholders", i, "influences", k, "on"},
                              "an influence tie stays within one party: '" + tie.on + "' is on " +
                                  PartyName(c, it->second->party) + "'s side and '" + s.id +
                                  "' on " + PartyName(c, s.party) + "'s; tie '" + s.id +
                                  "' only to its own side's stakeholders (a relationship across "
                                  "the table belongs in `interests` or evidence)"));
      } else if (tie.weight >= 0 && tie.weight <= 1) {
        within.emplace_back(i, k);
        total[tie.on] += tie.weight;
      }
    }
  }
  std::unordered_map<std::string, double> running;
  for (const auto& [i, k] : within) {
    const Influence& tie = c.stakeholders[i].influences[k];
    const double before = running[tie.on];
    running[tie.on] = before + tie.weight;
    if (before <= 1 + kSumTolerance && running[tie.on] > 1 + kSumTolerance) {
      out.push_back(Problem({"stakeholders", i, "influences", k, "weight"},
                            "the weights '" + tie.on + "' gives to others' views (the ties `on: " +
                                tie.on + "`) add up to " + FormatNumber(total[tie.on]) +
                                ", more than 1, leaving less than nothing for its own view; they "
                                "must sum to at most 1 (what they leave is its weight on its own "
                                "view)"));
    }
  }
  return out;
}

std::vector<CaseProblem> CheckDecisionRules(const Case& c) {
  std::vector<CaseProblem> out;
  std::vector<std::string> party_ids;
  for (const Party& p : c.parties) party_ids.push_back(p.id);
  std::unordered_map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < c.decisions.size(); ++i) {
    const DecisionRule& d = c.decisions[i];
    const CasePath path = {"decision", i, "party"};
    if (c.FindParty(d.party) == nullptr) {
      out.push_back(
          Problem(path, "unknown party '" + d.party + "'", DidYouMean(d.party, party_ids)));
      continue;
    }
    if (auto [it, inserted] = seen.emplace(d.party, i); !inserted) {
      out.push_back(Problem(path, "party '" + d.party +
                                      "' already has a decision rule at decision[" +
                                      std::to_string(it->second) + "]; give each party one rule"));
      continue;
    }
    if (MembersOf(c, d.party).empty()) {
      out.push_back(Problem(path, PartyName(c, d.party) +
                                      " has no stakeholders; list its members under "
                                      "`stakeholders` before giving it a decision rule"));
      continue;
    }
    RuleChecker(c, i, out).Run();
  }
  return out;
}

}  // namespace parley::internal
