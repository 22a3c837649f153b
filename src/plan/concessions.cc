#include "parley/plan/concessions.h"

#include <algorithm>
#include <limits>
#include <map>
#include <memory>
#include <optional>

#include "parley/core/package.h"
#include "parley/core/party_valuation.h"
#include "parley/core/text.h"

namespace parley::plan {
namespace {

// The index of a party's best value of issue i (the first when tied). O(values), grids sampled
// at most 100,001 values.
std::uint64_t BestIndex(const PartyValuation& v, const Issue& issue, std::size_t i) {
  const std::uint64_t count = issue.ValueCount();
  const std::uint64_t stride = count <= 100'000 ? 1 : (count - 1) / 100'000;
  std::uint64_t best = 0;
  double best_value = -std::numeric_limits<double>::infinity();
  for (std::uint64_t k = 0; k < count; k += stride) {
    const double x = v.IssueContribution(i, k);
    if (x > best_value) {
      best_value = x;
      best = k;
    }
  }
  return best;
}

std::unique_ptr<PartyValuation> AdditiveValuation(const Case& c, const std::string& party) {
  if (party.empty() || c.FindValues(party) == nullptr) return nullptr;
  auto v = std::make_unique<PartyValuation>(c, party);
  if (!v->IsAdditive()) return nullptr;
  return v;
}

}  // namespace

ConcessionLog AnalyseConcessions(const Case& c) {
  ConcessionLog log;
  const std::string us = c.Us().id;
  // Each party's position on an issue: the value it last gave on it in the log. A move is
  // measured from there; before its first move, from its own best value of the issue.
  std::map<std::pair<std::string, int>, std::uint64_t> position;
  for (std::size_t index = 0; index < c.concessions.size(); ++index) {
    const Concession& con = c.concessions[index];
    ConcessionReview r;
    r.index = index;
    r.item = con.item;
    r.trigger = con.trigger;
    r.giver = con.by.empty() ? us : con.by;
    for (const Preferences& p : c.values) {
      if (p.party != r.giver) {
        r.receiver = p.party;
        break;
      }
    }
    r.one_way = con.get.empty();
    const auto giver = AdditiveValuation(c, r.giver);
    const auto receiver = AdditiveValuation(c, r.receiver);
    auto value_terms = [&](const Package& package, bool give, std::vector<TermValue>& out) {
      const ResolvedPackage resolved = ResolvePackage(c, package);
      for (const auto& [issue_id, value] : package) {
        const int i = c.IssueIndex(issue_id);
        TermValue t;
        t.issue = issue_id;
        t.value = FormatIssueValue(value);  // JSON keeps the value as written
        if (i >= 0 && resolved.indices[i] && giver && receiver) {
          const Issue& issue = c.issues[i];
          const std::uint64_t k = *resolved.indices[i];
          // A give moves the giver from its position; a get moves the receiver from its.
          const std::string& mover = give ? r.giver : r.receiver;
          const auto at = position.find({mover, i});
          const std::uint64_t hold =
              at != position.end() ? at->second : BestIndex(give ? *giver : *receiver, issue, i);
          t.from = text::GridValueText(c, issue, hold);
          t.to = text::GridValueText(c, issue, k);
          t.giver = giver->IssueContribution(i, k) - giver->IssueContribution(i, hold);
          t.receiver = receiver->IssueContribution(i, k) - receiver->IssueContribution(i, hold);
        }
        out.push_back(t);
      }
    };
    value_terms(con.give, true, r.give);
    value_terms(con.get, false, r.get);
    const ResolvedPackage given = ResolvePackage(c, con.give);
    for (std::size_t i = 0; i < c.issues.size(); ++i) {
      if (given.indices[i]) position[{r.giver, static_cast<int>(i)}] = *given.indices[i];
    }
    for (const TermValue& t : r.give) {
      r.given += -t.giver;
      r.receiver_gain += t.receiver;
    }
    for (const TermValue& t : r.get) {
      r.received += t.giver;
      r.receiver_cost += -t.receiver;
    }
    log.entries.push_back(std::move(r));
  }
  for (const Party& p : c.parties) {
    ConcessionTotals t;
    t.party = p.id;
    for (const ConcessionReview& r : log.entries) {
      if (r.giver != p.id) continue;
      ++t.entries;
      t.one_way += r.one_way;
      t.given += r.given;
      t.received += r.received;
    }
    if (t.entries > 0) log.totals.push_back(t);
  }
  return log;
}

}  // namespace parley::plan
