#include "parley/analysis/coalition_view.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "parley/core/error.h"
#include "parley/core/party_valuation.h"
#include "parley/core/text.h"

namespace parley::analysis {
namespace {

// A subset's worth beyond its members' gains by more than this share of the larger blocks.
constexpr double kRelativeTolerance = 1e-6;

// "1250.5": `x` rounded to 10^-6, trailing zeros dropped.
std::string ExactDecimal(double x) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.6f", x);
  std::string s = buffer;
  s.erase(s.find_last_not_of('0') + 1);
  if (s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

// Whether each issue can be settled by `members` alone: every party with a term on it is a
// member. O(terms).
std::vector<bool> Settleable(const Case& c, const std::vector<std::string>& parties,
                             std::uint32_t members) {
  std::vector<bool> ok(c.issues.size(), true);
  for (std::size_t p = 0; p < parties.size(); ++p) {
    if ((members >> p) & 1u) continue;
    for (const IssueTerm& t : c.FindValues(parties[p])->terms) {
      for (std::size_t i = 0; i < c.issues.size(); ++i) {
        if (c.issues[i].id == t.issue) ok[i] = false;
      }
    }
  }
  return ok;
}

// The members' values with their terms on issues they cannot settle removed (those count 0),
// keeping only members with a term left (`active`, party indices); the issues stay, so outcomes
// keep their indices.
Case SubsetCase(const Case& c, const std::vector<std::string>& parties, std::uint32_t members,
                const std::vector<bool>& settled, std::vector<std::size_t>& active) {
  Case sub = c;
  sub.values.clear();
  for (std::size_t p = 0; p < parties.size(); ++p) {
    if (((members >> p) & 1u) == 0) continue;
    Preferences prefs = *c.FindValues(parties[p]);
    std::erase_if(prefs.terms, [&](const IssueTerm& t) {
      for (std::size_t i = 0; i < c.issues.size(); ++i) {
        if (c.issues[i].id == t.issue) return !settled[i];
      }
      return true;
    });
    if (prefs.terms.empty()) continue;
    active.push_back(p);
    sub.values.push_back(std::move(prefs));
  }
  return sub;
}

// Per party, what it counts for the issues `members` cannot settle: min(0, its worst
// contribution) per issue (no gain it would need an outsider for, any cost it could not avoid).
// O(values x parties) over those issues.
std::vector<double> Unsettled(const std::vector<PartyValuation>& vals, const OutcomeSpace& space,
                              const std::vector<bool>& settled) {
  std::vector<double> fixed(vals.size(), 0.0);
  for (std::size_t p = 0; p < vals.size(); ++p) {
    for (std::size_t i = 0; i < space.IssueCount(); ++i) {
      if (settled[i]) continue;
      double worst = 0;
      for (std::uint64_t k = 0; k < space.ValueCount(i); ++k) {
        worst = std::min(worst, vals[p].IssueContribution(i, k));
      }
      fixed[p] += worst;
    }
  }
  return fixed;
}

// The money view's best joint surplus of `members`: on each issue they can settle, the value
// that maximises their summed contributions (the lowest such index); the others at `fixed`.
// O(values x members).
void FillWorth(const std::vector<PartyValuation>& vals, const OutcomeSpace& space,
               const std::vector<bool>& settled, const std::vector<double>& fixed, SubsetView& s) {
  Outcome best(space.IssueCount());
  double total = 0;
  for (std::size_t i = 0; i < space.IssueCount(); ++i) {
    if (!settled[i]) continue;
    double top = -INFINITY;
    for (std::uint64_t k = 0; k < space.ValueCount(i); ++k) {
      double sum = 0;
      for (std::size_t p = 0; p < vals.size(); ++p) {
        if ((s.members >> p) & 1u) sum += vals[p].IssueContribution(i, k);
      }
      if (sum > top) {
        top = sum;
        best[i] = k;
      }
    }
    total += top;
  }
  for (std::size_t p = 0; p < vals.size(); ++p) {
    if ((s.members >> p) & 1u) total += fixed[p] - vals[p].ReservationValue();
  }
  s.worth = std::max(0.0, total);
  s.worth_text = ExactDecimal(*s.worth);
  s.best = best;
}

// A member's value (money) or utility (utility form) and its tolerance, on the full case's scale.
struct Scale {
  double floor;  // reservation value or disagreement utility
  double deal;   // in the proposed deal
  double tol;    // kUtilityEpsilon on the party's full utility scale
};

// Every member's scale in the view.
std::vector<Scale> Scales(const std::vector<PartyValuation>& vals, const CoalitionView& v) {
  std::vector<Scale> out;
  for (std::size_t p = 0; p < vals.size(); ++p) {
    const PartyValuation& pv = vals[p];
    if (pv.form() == ValueForm::kMoney) {
      const double span = std::max(pv.MaxValue() - pv.MinValue(), 1e-12);
      out.push_back({pv.ReservationValue(), pv.Value(v.deal), kUtilityEpsilon * span});
    } else {
      out.push_back({pv.DisagreementUtility(), v.deal_utility[p], kUtilityEpsilon});
    }
  }
  return out;
}

// The subset's ZOPA and whether it blocks the deal: members with terms left are checked on
// their own frontier (two or more), or at their best (one); every member adds `fixed`.
void FillZopaAndBlocking(const Case& c, const CoalitionView& v, const std::vector<Scale>& scale,
                         const std::vector<bool>& settled, const std::vector<double>& fixed,
                         const FrontierOptions& options, SubsetView& s) {
  std::vector<std::size_t> active;
  Case sub = SubsetCase(c, v.parties, s.members, settled, active);
  bool idle_ok = true, idle_better = true;  // members with nothing to settle hold `fixed`
  for (std::size_t p = 0; p < v.parties.size(); ++p) {
    if (((s.members >> p) & 1u) == 0 ||
        std::find(active.begin(), active.end(), p) != active.end()) {
      continue;
    }
    idle_ok = idle_ok && fixed[p] >= scale[p].floor - scale[p].tol;
    idle_better = idle_better && fixed[p] > scale[p].deal + scale[p].tol;
  }
  if (active.size() == 1) {  // a second copy of the one member makes a two-party frontier
    Preferences twin = sub.values[0];
    twin.party = c.parties.front().id == twin.party ? c.parties.back().id : c.parties.front().id;
    sub.values.push_back(twin);
  }
  std::vector<PartyValuation> subvals;
  for (const Preferences& prefs : sub.values) subvals.emplace_back(sub, prefs.party);
  const Frontier f = active.empty() ? Frontier{} : ComputeFrontier(sub, options);
  auto check = [&](const Outcome& o) {
    bool ok = idle_ok, better = idle_better;
    for (std::size_t k = 0; k < active.size(); ++k) {
      const Scale& sc = scale[active[k]];
      const double x =
          fixed[active[k]] +
          (subvals[k].form() == ValueForm::kMoney ? subvals[k].Value(o) : subvals[k].Utility(o));
      ok = ok && x >= sc.floor - sc.tol;
      better = better && x > sc.deal + sc.tol;
    }
    s.zopa = s.zopa || ok;
    if (better && !s.blocks) {
      s.blocks = true;
      s.blocking = o;
    }
  };
  if (active.empty()) check(Outcome(c.issues.size()));
  for (const FrontierPoint& point : f.points) check(point.outcome);
}

std::string Names(const CoalitionView& v, std::uint32_t members) {
  std::vector<std::string> names;
  for (std::size_t p = 0; p < v.parties.size(); ++p) {
    if ((members >> p) & 1u) names.push_back(v.names[p]);
  }
  return text::JoinAnd(names);
}

void FillEssentialAndConflicts(CoalitionView& v) {
  const SubsetView* grand = v.Find(v.Everyone());
  for (std::size_t p = 0; grand->zopa && p < v.parties.size(); ++p) {
    const bool needed = std::none_of(v.subsets.begin(), v.subsets.end(), [&](const SubsetView& s) {
      return s.zopa && ((s.members >> p) & 1u) == 0;
    });
    if (needed) v.essential.push_back(p);
  }
  for (std::size_t i = 0; i < v.parties.size(); ++i) {
    for (std::size_t j = i + 1; j < v.parties.size(); ++j) {
      if (!v.Find((1u << i) | (1u << j))->zopa) v.conflicts.emplace_back(i, j);
    }
  }
}

bool Blocks(const CoalitionView& v, const SubsetView& s) {
  return v.money ? v.Shortfall(s) > 0 : s.blocks;
}

// The rule table of docs/coalition.md, first row that applies.
EngagementAdvice Advise(const CoalitionView& v) {
  const SubsetView& grand = *v.Find(v.Everyone());
  const SubsetView* blocker = nullptr;
  const SubsetView* smaller = nullptr;
  for (const SubsetView& s : v.subsets) {
    if (s.members == v.Everyone()) continue;
    if (!blocker && Blocks(v, s)) blocker = &s;
    if (!smaller && s.zopa) smaller = &s;
  }
  std::vector<std::string> below;
  for (std::size_t p = 0; p < v.parties.size(); ++p) {
    if (v.deal_gain[p] < -kUtilityEpsilon) below.push_back(v.names[p]);
  }
  using K = EngagementKind;
  if (!grand.zopa) {
    return {K::kOneByOne, 1,
            "No deal leaves every party at least at its BATNA: meet the parties one by one to "
            "learn what each needs" +
                (smaller ? ", starting with " + Names(v, smaller->members) +
                               ", who can agree on their own"
                         : std::string(", and reshape the issues"))};
  }
  if (!below.empty()) {
    return {K::kOneByOne, 2,
            "The proposed deal leaves " + below.front() +
                " below its BATNA: it would walk away, so engage it on its own first"};
  }
  if (blocker) {
    std::string by;
    if (v.money) by = " (by " + text::Money(v.Shortfall(*blocker), v.decimals) + " together)";
    return {K::kOneByOne, 3,
            Names(v, blocker->members) + " can do better on their own than in the proposed deal" +
                by +
                ": the deal is not in the core; secure them one at a time, each with at least "
                "what they could get alone, before they deal without the rest"};
  }
  if (!smaller) {
    return {K::kTogether, 4,
            "No smaller group has a ZOPA of its own: every party is needed, so bring them "
            "together and build shared ownership of the whole deal"};
  }
  if (!v.conflicts.empty()) {
    const auto [i, j] = v.conflicts.front();
    const std::uint32_t rest = v.Everyone() & ~smaller->members;
    return {K::kOneByOne, 5,
            Names(v, smaller->members) + " can agree on their own, while " + v.names[i] + " and " +
                v.names[j] + " cannot: start with " + Names(v, smaller->members) + ", then bring " +
                Names(v, rest) + " to a deal that already has momentum"};
  }
  return {K::kTogether, 6,
          "Every pair could agree on its own, but no group does better than the proposed deal "
          "(it is in the core): a joint meeting builds shared ownership"};
}

}  // namespace

const char* EngagementKindName(EngagementKind kind) {
  return kind == EngagementKind::kOneByOne ? "one_by_one" : "together";
}

const SubsetView* CoalitionView::Find(std::uint32_t members) const {
  for (const SubsetView& s : subsets) {
    if (s.members == members) return &s;
  }
  return nullptr;
}

double CoalitionView::Shortfall(const SubsetView& s) const {
  if (!s.worth) return 0;
  const double excess = *s.worth - s.deal_gain;
  const double scale = std::max({1.0, std::fabs(*s.worth), std::fabs(s.deal_gain)});
  return excess > kRelativeTolerance * scale ? excess : 0;
}

CoalitionView ComputeCoalitionView(const Case& c, const Outcome& deal,
                                   const FrontierOptions& options) {
  CoalitionView v;
  std::vector<PartyValuation> vals;
  for (const Party& p : c.parties) {
    if (c.FindValues(p.id) == nullptr) continue;
    vals.emplace_back(c, p.id);
    v.parties.push_back(p.id);
    v.names.push_back(p.DisplayName());
  }
  v.decimals = text::MoneyDecimals(c);
  if (v.parties.size() < 3) {
    throw Error(ErrorCode::kInvalidInput,
                "the coalition view needs at least three parties stating values; the case has " +
                    std::to_string(v.parties.size()));
  }
  if (v.parties.size() > kMaxCoalitionViewParties) {
    throw Error(ErrorCode::kLimit, "the coalition view visits every subset of the parties: " +
                                       std::to_string(v.parties.size()) +
                                       " parties state values, more than the limit of " +
                                       std::to_string(kMaxCoalitionViewParties));
  }
  const OutcomeSpace space(c.issues);
  v.money = true;
  for (const PartyValuation& pv : vals) {
    if (!pv.IsAdditive()) {
      throw Error(ErrorCode::kInvalidInput,
                  "the coalition view needs additive values (money or utility form)");
    }
    v.money = v.money && pv.form() == ValueForm::kMoney;
  }
  for (std::size_t i = 0; v.money && i < space.IssueCount(); ++i) {
    if (space.ValueCount(i) > kMaxCoalitionViewGrid) {
      throw Error(ErrorCode::kLimit, "issue '" + c.issues[i].id + "' has " +
                                         std::to_string(space.ValueCount(i)) +
                                         " values, more than the coalition view's limit of " +
                                         std::to_string(kMaxCoalitionViewGrid));
    }
  }
  v.deal = deal;
  for (const PartyValuation& pv : vals) {
    v.deal_utility.push_back(pv.Utility(deal));
    v.deal_gain.push_back(v.money ? pv.Value(deal) - pv.ReservationValue()
                                  : pv.Utility(deal) - pv.DisagreementUtility());
  }
  std::vector<std::uint32_t> masks;
  for (std::uint32_t m = 1; m <= v.Everyone(); ++m) {
    if (std::popcount(m) >= 2) masks.push_back(m);
  }
  std::stable_sort(masks.begin(), masks.end(), [](std::uint32_t a, std::uint32_t b) {
    return std::popcount(a) < std::popcount(b);
  });
  const std::vector<Scale> scale = Scales(vals, v);
  for (const std::uint32_t m : masks) {
    SubsetView s;
    s.members = m;
    const std::vector<bool> settled = Settleable(c, v.parties, m);
    for (std::size_t i = 0; i < settled.size(); ++i) {
      if (settled[i]) s.settled.push_back(i);
    }
    const std::vector<double> fixed = Unsettled(vals, space, settled);
    FillZopaAndBlocking(c, v, scale, settled, fixed, options, s);
    if (v.money) {
      FillWorth(vals, space, settled, fixed, s);
      for (std::size_t p = 0; p < vals.size(); ++p) {
        if ((m >> p) & 1u) s.deal_gain += v.deal_gain[p];
      }
    }
    v.subsets.push_back(std::move(s));
  }
  FillEssentialAndConflicts(v);
  const bool rational = std::all_of(v.deal_gain.begin(), v.deal_gain.end(),
                                    [](double g) { return g >= -kUtilityEpsilon; });
  v.in_core = rational && std::none_of(v.subsets.begin(), v.subsets.end(),
                                       [&](const SubsetView& s) { return Blocks(v, s); });
  for (const SubsetView& s : v.subsets) {  // a smaller group first, the grand coalition last
    if (s.members != v.Everyone() && Blocks(v, s)) {
      v.blocked_by = s.members;
      break;
    }
  }
  if (v.blocked_by == 0 && Blocks(v, *v.Find(v.Everyone()))) v.blocked_by = v.Everyone();
  v.advice = Advise(v);
  return v;
}

}  // namespace parley::analysis
