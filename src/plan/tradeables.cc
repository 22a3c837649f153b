#include "parley/plan/tradeables.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <utility>

#include "internal/grid.h"
#include "parley/core/error.h"
#include "parley/core/outcome_space.h"
#include "parley/core/party_valuation.h"

namespace parley::plan {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

double Range(const std::vector<double>& v) {
  if (v.empty()) return 0;
  const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
  return *hi - *lo;
}

// Pearson correlation of two equally long vectors (0 when either is constant).
double Correlation(const std::vector<double>& a, const std::vector<double>& b) {
  const double n = static_cast<double>(a.size());
  double ma = 0, mb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    ma += a[i] / n;
    mb += b[i] / n;
  }
  double sab = 0, saa = 0, sbb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) * (a[i] - ma);
    sbb += (b[i] - mb) * (b[i] - mb);
  }
  if (saa <= 0 || sbb <= 0) return 0;
  return sab / std::sqrt(saa * sbb);
}

IssueNature Classify(const std::vector<double>& ours, const std::vector<double>& theirs,
                     bool money) {
  const double ra = Range(ours), rb = Range(theirs);
  const double scale = std::max(ra, rb);
  if (ra <= 1e-9 * std::max(1.0, scale) || rb <= 1e-9 * std::max(1.0, scale)) {
    return IssueNature::kOneSided;
  }
  if (Correlation(ours, theirs) >= 0) return IssueNature::kCompatible;
  // Opposed. Distributive when the sum is (nearly) constant: in money as written, in utility
  // after scaling each side to its own range.
  std::vector<double> sum(ours.size());
  for (std::size_t i = 0; i < ours.size(); ++i) {
    sum[i] = money ? ours[i] + theirs[i] : ours[i] / ra + theirs[i] / rb;
  }
  const double tolerance = money ? 0.05 * scale : 0.05;
  return Range(sum) <= tolerance ? IssueNature::kDistributive : IssueNature::kIntegrative;
}

bool RankBefore(const Move& a, const Move& b, bool gives) {
  if (a.ratio != b.ratio) return a.ratio > b.ratio;
  const double other_a = gives ? a.their_change : -a.their_change;
  const double other_b = gives ? b.their_change : -b.their_change;
  if (other_a != other_b) return gives ? other_a > other_b : other_a < other_b;
  return std::tie(a.issue, a.from, a.to) < std::tie(b.issue, b.from, b.to);
}

// Both parties exist and state values; throws Error(kUsage) otherwise.
void CheckTradeableParties(const Case& c, const std::string& us, const std::string& them) {
  for (const std::string& id : {us, them}) {
    if (c.FindParty(id) == nullptr) throw Error(ErrorCode::kUsage, "no party '" + id + "'");
    if (c.FindValues(id) == nullptr) {
      throw Error(ErrorCode::kUsage, "party '" + id +
                                         "' states no values, so it has no "
                                         "tradeables");
    }
  }
}

// The move of `issue` from sample point a to b, filed as a give, a get or a mutual gain (a move
// that costs both sides is dropped).
void AddMove(const Case& c, const Issue& issue, const std::vector<std::uint64_t>& points,
             const std::vector<double>& ours, const std::vector<double>& others, std::size_t a,
             std::size_t b, Tradeables& t) {
  Move m;
  m.issue = issue.id;
  m.from = points[a];
  m.to = points[b];
  m.from_text = internal::ValueText(c, issue, m.from);
  m.to_text = internal::ValueText(c, issue, m.to);
  m.our_change = ours[b] - ours[a];
  m.their_change = others[b] - others[a];
  const bool we_lose = m.our_change<0, we_gain = m.our_change> 0;
  const bool they_lose = m.their_change<0, they_gain = m.their_change> 0;
  if (we_lose && they_gain) {
    m.ratio = m.their_change / -m.our_change;
    t.gives.push_back(m);
  } else if (we_gain && they_lose) {
    m.ratio = m.our_change / -m.their_change;
    t.gets.push_back(m);
  } else if ((we_gain && !they_lose) || (they_gain && !we_lose)) {
    m.ratio = kInfinity;
    t.mutual.push_back(m);
  }
}

// The moves of one issue. Options: every ordered pair; numbers: neighbouring sample points,
// both ways.
void AddIssueMoves(const Case& c, const Issue& issue, const std::vector<std::uint64_t>& points,
                   const std::vector<double>& ours, const std::vector<double>& others,
                   Tradeables& t) {
  const std::size_t n = points.size();
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t b = 0; b < n; ++b) {
      if (a == b) continue;
      if (issue.kind == IssueKind::kNumber && (a + 1 != b && b + 1 != a)) continue;
      AddMove(c, issue, points, ours, others, a, b, t);
    }
  }
}

// Gives and gets best ratio first, mutual gains largest joint gain first.
void SortMoves(Tradeables& t) {
  std::stable_sort(t.gives.begin(), t.gives.end(),
                   [](const Move& a, const Move& b) { return RankBefore(a, b, true); });
  std::stable_sort(t.gets.begin(), t.gets.end(),
                   [](const Move& a, const Move& b) { return RankBefore(a, b, false); });
  std::stable_sort(t.mutual.begin(), t.mutual.end(), [](const Move& a, const Move& b) {
    const double ja = a.our_change + a.their_change, jb = b.our_change + b.their_change;
    if (ja != jb) return ja > jb;
    return std::tie(a.issue, a.from, a.to) < std::tie(b.issue, b.from, b.to);
  });
}

// The best give-get pair per ordered pair of issues among the pairs `keep` accepts, ranked:
// both-gain pairs first, then by min(our net, their net), then by the joint net.
template <typename Keep>
std::vector<GiveGet> BestPairs(const Tradeables& t, std::size_t max_pairs, const Keep& keep) {
  std::map<std::pair<std::string, std::string>, GiveGet> best;
  for (const Move& give : t.gives) {
    for (const Move& get : t.gets) {
      if (give.issue == get.issue) continue;
      GiveGet pair{give, get, give.our_change + get.our_change,
                   give.their_change + get.their_change, false};
      pair.both_gain = pair.our_net > 0 && pair.their_net > 0;
      const auto key = std::make_pair(give.issue, get.issue);
      const auto it = best.find(key);
      const double score = std::min(pair.our_net, pair.their_net);
      if (it != best.end() && score <= std::min(it->second.our_net, it->second.their_net)) {
        continue;
      }
      if (keep(give, get)) best[key] = pair;
    }
  }
  std::vector<GiveGet> pairs;
  for (auto& [key, pair] : best) pairs.push_back(std::move(pair));
  std::stable_sort(pairs.begin(), pairs.end(), [](const GiveGet& a, const GiveGet& b) {
    if (a.both_gain != b.both_gain) return a.both_gain;
    const double ma = std::min(a.our_net, a.their_net), mb = std::min(b.our_net, b.their_net);
    if (ma != mb) return ma > mb;
    return a.our_net + a.their_net > b.our_net + b.their_net;
  });
  if (pairs.size() > max_pairs) pairs.resize(max_pairs);
  return pairs;
}

}  // namespace

const char* IssueNatureName(IssueNature nature) {
  switch (nature) {
    case IssueNature::kDistributive:
      return "distributive";
    case IssueNature::kIntegrative:
      return "integrative";
    case IssueNature::kCompatible:
      return "compatible";
    case IssueNature::kOneSided:
      return "one-sided";
  }
  return "unknown";
}

Tradeables ComputeTradeables(const Case& c, const std::string& us, const std::string& them) {
  CheckTradeableParties(c, us, them);
  const PartyValuation mine(c, us), theirs(c, them);
  if (!mine.IsAdditive() || !theirs.IsAdditive()) {
    throw Error(ErrorCode::kUsage,
                "tradeables need additive values (money or utility form) for both parties");
  }
  Tradeables t;
  t.us = us;
  t.them = them;
  t.money = mine.form() == ValueForm::kMoney && theirs.form() == ValueForm::kMoney;
  double our_total = 0, their_total = 0;
  for (std::size_t i = 0; i < c.issues.size(); ++i) {
    const Issue& issue = c.issues[i];
    const std::vector<std::uint64_t> points = internal::SampledValues(issue);
    std::vector<double> ours, others;
    for (std::uint64_t k : points) {
      ours.push_back(mine.IssueContribution(i, k));
      others.push_back(theirs.IssueContribution(i, k));
    }
    IssueTrade trade;
    trade.issue = issue.id;
    trade.nature = Classify(ours, others, t.money);
    trade.our_range = Range(ours);
    trade.their_range = Range(others);
    our_total += trade.our_range;
    their_total += trade.their_range;
    t.issues.push_back(trade);
    AddIssueMoves(c, issue, points, ours, others, t);
  }
  for (IssueTrade& trade : t.issues) {
    trade.our_priority = our_total > 0 ? trade.our_range / our_total : 0;
    trade.their_priority = their_total > 0 ? trade.their_range / their_total : 0;
  }
  SortMoves(t);
  return t;
}

std::vector<GiveGet> BuildGiveGetPairs(const Tradeables& t, std::size_t max_pairs) {
  return BestPairs(t, max_pairs, [](const Move&, const Move&) { return true; });
}

std::vector<GiveGet> GiveGetPairsFrom(const Case& c, const std::string& us, const std::string& them,
                                      const Outcome& from, std::size_t max_pairs,
                                      const std::vector<bool>& given) {
  CheckTradeableParties(c, us, them);
  const PartyValuation mine(c, us), theirs(c, them);
  if (!mine.IsAdditive() || !theirs.IsAdditive()) {
    throw Error(ErrorCode::kUsage,
                "give-get pairs need additive values (money or utility form) for both parties");
  }
  Tradeables t;
  for (std::size_t i = 0; i < c.issues.size(); ++i) {
    const Issue& issue = c.issues[i];
    std::vector<std::uint64_t> points = {from[i]};
    for (std::uint64_t k : internal::SampledValues(issue)) {
      if (k != from[i]) points.push_back(k);
    }
    std::vector<double> ours, others;
    for (std::uint64_t k : points) {
      ours.push_back(mine.IssueContribution(i, k));
      others.push_back(theirs.IssueContribution(i, k));
    }
    for (std::size_t b = 1; b < points.size(); ++b)
      AddMove(c, issue, points, ours, others, 0, b, t);
  }
  SortMoves(t);
  const internal::ThirdParties third(c, us, them);
  const double walk_away = mine.ReservationValue();
  const bool money = mine.form() == ValueForm::kMoney && theirs.form() == ValueForm::kMoney;
  const double our_range = std::max(1e-300, mine.MaxValue() - mine.MinValue());
  const double their_range = std::max(1e-300, theirs.MaxValue() - theirs.MinValue());
  const double scale = std::max(1.0, our_range + their_range);
  return BestPairs(t, max_pairs, [&](const Move& give, const Move& get) {
    // A trade creates value: the nets sum above zero, in money, or on each side's value range.
    const double our_net = give.our_change + get.our_change;
    const double their_net = give.their_change + get.their_change;
    if (money ? our_net + their_net <= 1e-9 * scale
              : our_net / our_range + their_net / their_range <= 1e-9) {
      return false;
    }
    const auto get_index = static_cast<std::size_t>(c.IssueIndex(get.issue));
    if (get_index < given.size() && given[get_index]) return false;  // never ask it back
    Outcome o = from;
    o[static_cast<std::size_t>(c.IssueIndex(give.issue))] = give.to;
    o[get_index] = get.to;
    return mine.Value(o) >= walk_away - 1e-9 * std::max(1.0, std::fabs(walk_away)) &&
           third.Accept(o);
  });
}

}  // namespace parley::plan
