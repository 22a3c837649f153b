#include "parley/core/evidence_audience.h"

#include <algorithm>
#include <string>
#include <vector>

namespace parley {
namespace {

bool Cites(const std::vector<std::string>& refs, const std::string& id) {
  return std::find(refs.begin(), refs.end(), id) != refs.end();
}

// True when a BATNA, floor or deadline of `party` cites `id`: the rationale of its limits.
bool LimitCites(const Case& c, const Party& p, const std::string& id) {
  if (p.batna && Cites(p.batna->evidence, id)) return true;
  if (p.deadline && Cites(p.deadline->evidence, id)) return true;
  return std::any_of(c.floors.begin(), c.floors.end(),
                     [&](const Floor& f) { return f.party == p.id && Cites(f.evidence, id); });
}

// True when a claim of `p` cites `id`: a power score, a date it sets, one of its stakeholders.
bool ClaimCites(const Case& c, const Party& p, const std::string& id) {
  for (const ImposedDate& d : p.sets) {
    if (Cites(d.evidence, id)) return true;
  }
  for (const std::optional<PowerScore>& s : p.power) {
    if (s && Cites(s->evidence, id)) return true;
  }
  return std::any_of(c.stakeholders.begin(), c.stakeholders.end(), [&](const Stakeholder& s) {
    return s.party == p.id && Cites(s.evidence, id);
  });
}

// True when anything of `p` (limits, power scores, stakeholders) cites `id`.
bool PartyCites(const Case& c, const Party& p, const std::string& id) {
  return LimitCites(c, p, id) || ClaimCites(c, p, id);
}

}  // namespace

std::vector<std::string> EvidenceSupports(const Case& c, const Evidence& e) {
  if (!e.for_party.empty()) return {e.for_party};
  std::vector<std::string> out;
  for (const Party& p : c.parties) {
    if (PartyCites(c, p, e.id)) out.push_back(p.id);
  }
  return out;
}

bool EvidenceShareable(const Case& c, const Evidence& e) {
  if (e.share) return *e.share;
  return std::none_of(c.parties.begin(), c.parties.end(),
                      [&](const Party& p) { return LimitCites(c, p, e.id); });
}

bool MayCite(const Case& c, const Evidence& e, const std::string& party) {
  if (!EvidenceShareable(c, e)) return false;
  const std::vector<std::string> supports = EvidenceSupports(c, e);
  return supports.size() == 1 && supports.front() == party;
}

bool TheirsToCite(const Case& c, const Evidence& e, const std::string& party) {
  if (!SupportsOtherSide(c, e, party)) return false;
  if (!e.for_party.empty()) return true;
  if (e.share.has_value() && !*e.share) return false;  // ours, kept from them: our intelligence
  const Party* own = c.FindParty(party);
  if (own == nullptr || !PartyCites(c, *own, e.id)) return true;
  return std::any_of(c.parties.begin(), c.parties.end(),
                     [&](const Party& p) { return p.id != party && ClaimCites(c, p, e.id); });
}

bool SupportsOtherSide(const Case& c, const Evidence& e, const std::string& party) {
  const std::vector<std::string> supports = EvidenceSupports(c, e);
  return std::any_of(supports.begin(), supports.end(),
                     [&](const std::string& id) { return id != party; });
}

}  // namespace parley
