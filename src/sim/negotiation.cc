#include "parley/sim/negotiation.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "parley/core/error.h"
#include "parley/sim/split_mix.h"

namespace parley::sim {

namespace {

// Lowest and highest utility of an additive model, issue by issue (each function peaks at an
// anchor). O(anchors).
std::pair<double, double> Bounds(const std::vector<Issue>& issues, const AdditiveModel& m) {
  double lo = m.offset, hi = m.offset;
  for (std::size_t i = 0; i < issues.size(); ++i) {
    double a = 0, z = 0;
    bool first = true;
    for (std::uint64_t k : m.Anchors(issues[i], i, 0)) {
      const double v = m.Contribution(issues, i, k);
      a = first ? v : std::min(a, v);
      z = first ? v : std::max(z, v);
      first = false;
    }
    lo += a;
    hi += z;
  }
  if (m.clamp_at_one) return {std::min(1.0, lo), std::min(1.0, hi)};
  return {lo, hi};
}

}  // namespace

std::vector<const Party*> Negotiation::Order(const Case& c, const NegotiationOptions& options) {
  if (options.rounds == 0) throw Error(ErrorCode::kUsage, "a negotiation needs at least 1 round");
  if (options.rounds > kMaxRounds) {
    throw Error(ErrorCode::kLimit, "at most 1,000,000 rounds per negotiation");
  }
  if (!(options.discount > 0 && options.discount <= 1)) {
    throw Error(ErrorCode::kUsage, "the discount per round must be in (0, 1]");
  }
  std::vector<const Party*> order;
  for (const Party& p : c.parties) {
    if (p.side == Side::kUs && c.FindValues(p.id) != nullptr) order.push_back(&p);
  }
  for (const Party& p : c.parties) {
    if (p.side != Side::kUs && c.FindValues(p.id) != nullptr) order.push_back(&p);
  }
  if (order.size() < 2 || order.front()->side != Side::kUs) {
    throw Error(ErrorCode::kInvalidInput,
                "a negotiation needs our values and at least one other party's");
  }
  return order;
}

Negotiation::Negotiation(const Case& c, const NegotiationOptions& options)
    : case_(&c), options_(options), space_(c.issues) {
  auto bids = std::make_shared<std::vector<PartyBids>>();
  auto parties = std::make_shared<std::vector<PartyData>>();
  for (const Party* p : Order(c, options)) {
    parties->push_back({p->id, PartyValuation(c, p->id)});
    PartyBids b;
    b.model = AdditiveModel::Of(c, p->id);
    if (b.model) {
      std::tie(b.worst, b.best) = Bounds(c.issues, *b.model);
      b.own = BandTable::Build(c.issues, *b.model, *b.model);
      if (b.own) b.closest = BandTable::Build(c.issues, *b.model, b.model->Negated());
      if (b.own) b.fold = OurFold::Build(c.issues, *b.model);
    }
    bids->push_back(std::move(b));
  }
  bids_ = std::move(bids);
  parties_ = std::move(parties);
}

Negotiation::Negotiation(const Case& c, const NegotiationOptions& options,
                         const Negotiation& shared)
    : case_(&c), options_(options), space_(c.issues), bids_(shared.bids_) {
  const std::vector<const Party*> order = Order(c, options);
  if (order.size() != shared.PartyCount() || c.issues.size() != shared.Issues().size()) {
    throw Error(ErrorCode::kUsage, "a shared negotiation must have the same parties and issues");
  }
  for (std::size_t p = 0; p < order.size(); ++p) {
    if (order[p]->id != shared.PartyId(p)) {
      throw Error(ErrorCode::kUsage, "a shared negotiation must have the same parties and issues");
    }
  }
  if (&c == shared.case_) {  // the same case: the same valuations
    parties_ = shared.parties_;
    return;
  }
  auto parties = std::make_shared<std::vector<PartyData>>();
  for (const Party* p : order) parties->push_back({p->id, PartyValuation(c, p->id)});
  parties_ = std::move(parties);
}

double Negotiation::Discounted(double u, std::uint64_t round) const {
  if (options_.discount == 1) return u;
  return u * std::pow(options_.discount, static_cast<double>(round));
}

std::uint64_t Negotiation::PartySeed(std::size_t p) const {
  return SplitMix64(options_.seed + kSplitMixGamma * p);
}

bool Negotiation::Contains(const Outcome& o) const {
  if (o.size() != space_.IssueCount()) return false;
  for (std::size_t i = 0; i < o.size(); ++i) {
    if (o[i] >= space_.ValueCount(i)) return false;
  }
  return true;
}

}  // namespace parley::sim
