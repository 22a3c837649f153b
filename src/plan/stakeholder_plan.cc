#include "parley/plan/stakeholder_plan.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "internal/grid.h"
#include "parley/core/text.h"

namespace parley::plan {
namespace {

using stakeholders::MemberPower;
using stakeholders::PartyMap;

constexpr double kEps = 1e-12;

bool Opposed(const MemberPower& p) { return (p.stance && *p.stance < 0) || p.role == "blocker"; }
bool Supports(const MemberPower& p) { return !Opposed(p) && p.stance && *p.stance > 0; }
bool Neutral(const MemberPower& p) { return !Opposed(p) && !Supports(p); }
bool HasAuthority(const MemberPower& p) {
  return p.decides || p.power || p.legitimacy || p.formal_power > kEps;
}

std::string StanceText(const MemberPower& p) {
  if (!p.stance) return "stance unknown";
  const double s = *p.stance;
  return std::string(s > 0 ? "stance +" : "stance ") + text::Fixed(s, s == std::floor(s) ? 0 : 1);
}

// "46% of the real say, formal power 58%, informal influence 13%, stance -1, can veto,
// definitive".
std::string Figures(const MemberPower& p) {
  return text::Percent(p.real_power) + " of the real say, formal power " +
         text::Percent(p.formal_power) + ", informal influence " +
         text::Percent(p.informal_influence) + ", " + StanceText(p) +
         (p.role == "blocker" ? ", role blocker" : "") + (p.veto ? ", can veto" : "") + ", " +
         stakeholders::SalienceName(p.salience);
}

// A party's map; nullptr when the party maps no one.
const PartyMap* FindParty(const stakeholders::StakeholderMap& map, const std::string& party) {
  if (party.empty()) return nullptr;
  for (const PartyMap& m : map.parties) {
    if (m.party == party) return &m;
  }
  return nullptr;
}

// Members (indices) in the engagement order; members it leaves out (our side has none) follow
// by real say, most first, file order on ties.
std::vector<int> EngagementOrder(const PartyMap& m) {
  const int n = static_cast<int>(m.members.size());
  std::vector<int> out;
  for (const stakeholders::EngagementStep& step : m.engagement) {
    for (int i = 0; i < n; ++i) {
      if (m.members[i].id == step.id) out.push_back(i);
    }
  }
  std::vector<int> rest;
  for (int i = 0; i < n; ++i) {
    if (std::find(out.begin(), out.end(), i) == out.end()) rest.push_back(i);
  }
  std::stable_sort(rest.begin(), rest.end(), [&](int a, int b) {
    return m.members[a].real_power > m.members[b].real_power + kEps;
  });
  out.insert(out.end(), rest.begin(), rest.end());
  return out;
}

// Whether others follow i's view: someone else gives it weight and i's informal influence is
// above an equal share.
bool Followed(const PartyMap& m, int i) {
  const int n = static_cast<int>(m.members.size());
  bool heard = false;
  for (int x = 0; x < n; ++x) heard = heard || (x != i && m.influence[x][i] > 0);
  return heard && m.members[i].informal_influence > 1.0 / n + kEps;
}

// The member whose view most others follow: the highest informal influence among the followed;
// -1 for none.
int MostFollowed(const PartyMap& m) {
  const int n = static_cast<int>(m.members.size());
  int best = -1;
  for (int i = 0; i < n; ++i) {
    if (!Followed(m, i)) continue;
    if (best < 0 || m.members[i].informal_influence > m.members[best].informal_influence + kEps) {
      best = i;
    }
  }
  return best;
}

// "h-cfo gives 60% of their weight to this view, h-coo 50%".
std::string Followers(const PartyMap& m, int i) {
  std::string out;
  for (std::size_t x = 0; x < m.members.size(); ++x) {
    if (static_cast<int>(x) == i || m.influence[x][i] <= 0) continue;
    out += (out.empty() ? "" : ", ") + m.members[x].name + " " + text::Percent(m.influence[x][i]);
  }
  return out;
}

class Namer {
 public:
  explicit Namer(const Case& c) : c_(c) {}
  PersonCall Call(const MemberPower& p, std::string reason) const {
    for (const Stakeholder& s : c_.stakeholders) {
      if (s.id == p.id) return {p.id, PersonName(s), std::move(reason)};
    }
    return {p.id, p.name, std::move(reason)};
  }
  const Stakeholder* Find(const std::string& id) const {
    for (const Stakeholder& s : c_.stakeholders) {
      if (s.id == id) return &s;
    }
    return nullptr;
  }

 private:
  const Case& c_;
};

// Why a member needs a private preview; empty when they do not.
std::string PreviewReason(const PartyMap& m, int i, int followed) {
  const MemberPower& p = m.members[i];
  const std::string who = p.decides ? "real decider" : "holds a veto";
  if ((p.decides || p.veto) && Opposed(p)) {
    return who + " who opposes (" + Figures(p) +
           "): meet the objection one to one, where nobody has to back down in front of their "
           "team";
  }
  if ((p.decides || p.veto) && Neutral(p)) {
    return who + ", not yet for us (" + Figures(p) +
           "): learn in private what they need before the group hears a figure";
  }
  if (Opposed(p) && Followed(m, i)) {
    return "opposes and others follow their view (" + Figures(p) + "; " + Followers(m, i) +
           " of their weight to it): meet the objection one to one before it spreads in the room";
  }
  if (i == followed) {
    return "the view others follow (" + Figures(p) + "; " + Followers(m, i) +
           " of their weight to it): once they have shaped the package, the others hear it as "
           "theirs";
  }
  return "";
}

// Who closes: the first tier with a real decider, by real say. A closer who `signs` holds
// formal power under the decision rule.
struct CloserTier {
  bool signs;
  bool opposed;  // the opposed are allowed
  const char* reason;
};
constexpr CloserTier kCloserTiers[] = {
    {true, false, "the real decider with the most real say who can sign and does not oppose"},
    {true, true,
     "every real decider who can sign opposes: the close waits until this one, with the most "
     "real say, is won over"},
    {false, false,
     "no real decider holds formal power under the rule: the one with the most real say who "
     "does not oppose"},
    {false, true,
     "every real decider opposes: the close waits until this one, with the most real say, is "
     "won over"},
};

void TheirSide(const Namer& namer, const PartyMap& m, StakeholderPlan& out) {
  const std::vector<int> order = EngagementOrder(m);
  const int followed = MostFollowed(m);
  for (int i : order) {
    const MemberPower& p = m.members[i];
    if (std::string why = PreviewReason(m, i, followed); !why.empty()) {
      out.previews.push_back(namer.Call(p, why));
    }
    if (p.decides || p.veto) {
      out.hear_it_from_us.push_back(namer.Call(
          p, std::string(p.decides ? "real decider" : "holds a veto") + " (" + Figures(p) +
                 "): a figure first heard second-hand is one they must reject to save face"));
    }
  }
  std::vector<int> by_say = order;
  std::stable_sort(by_say.begin(), by_say.end(), [&](int a, int b) {
    return m.members[a].real_power > m.members[b].real_power + kEps;
  });
  for (int i : by_say) {
    const MemberPower& p = m.members[i];
    if (!Opposed(p) || !(p.decides || p.veto || p.power || Followed(m, i))) continue;
    const Stakeholder* s = namer.Find(p.id);
    const std::string interests = s == nullptr || s->interests.empty()
                                      ? "no interests stated: ask for them in the preview"
                                      : "their interests: " + text::JoinAnd(s->interests);
    out.objections.push_back(namer.Call(p, "opposes (" + Figures(p) + "); " + interests));
  }
  for (const CloserTier& tier : kCloserTiers) {
    const auto it = std::find_if(by_say.begin(), by_say.end(), [&](int i) {
      const MemberPower& p = m.members[i];
      return p.decides && (!tier.signs || p.formal_power > kEps) && (tier.opposed || !Opposed(p));
    });
    if (it == by_say.end()) continue;
    out.closer =
        namer.Call(m.members[*it], std::string(tier.reason) + " (" + Figures(m.members[*it]) + ")");
    break;
  }
}

// The sponsor rule as a table: the first tier with someone, by real say, then formal
// authority, then file order. Title authority (legitimacy: formal 3+ or a veto) comes before
// other weight, so an escalation pairs people who can commit. Never the opposed or a blocker.
struct SponsorTier {
  bool supports;  // else neutral
  bool titled;    // legitimacy, else any other authority or real say
  const char* reason;
};
constexpr SponsorTier kSponsorTiers[] = {
    {true, true, "supports the deal and holds title authority (a senior role or a veto)"},
    {true, false, "supports the deal, with real say though no title authority"},
    {false, true,
     "not against the deal, with title authority (a senior role or a veto); nobody there who "
     "supports it has weight"},
    {false, false, "not against the deal, with some weight; nobody there who supports it has any"},
};

// Whether member `id` of `m` may hear our figure before the real deciders and veto holders do:
// they are one, or none of them gives weight to their view. O(members).
bool SafeToHearFirst(const PartyMap& m, const std::string& id) {
  const int n = static_cast<int>(m.members.size());
  int i = 0;
  while (i < n && m.members[i].id != id) ++i;
  if (i == n) return false;
  if (m.members[i].decides || m.members[i].veto) return true;
  for (int x = 0; x < n; ++x) {
    const MemberPower& p = m.members[x];
    if (x != i && (p.decides || p.veto) && m.influence[x][i] > 0) return false;
  }
  return true;
}

std::optional<PersonCall> Sponsor(const Namer& namer, const PartyMap& m) {
  for (const SponsorTier& tier : kSponsorTiers) {
    const MemberPower* best = nullptr;
    for (const MemberPower& p : m.members) {
      if ((tier.supports ? !Supports(p) : !Neutral(p)) || !HasAuthority(p)) continue;
      if (tier.titled && !p.legitimacy) continue;
      const auto rank = [](const MemberPower& x) {
        return std::pair{x.real_power, x.formal.value_or(0)};
      };
      if (best == nullptr || rank(p) > rank(*best)) best = &p;
    }
    if (best != nullptr) {
      return namer.Call(*best, std::string(tier.reason) + " (" + Figures(*best) + ")");
    }
  }
  return std::nullopt;
}

}  // namespace

std::string PersonName(const Stakeholder& s) { return internal::StakeholderName(s); }

StakeholderPlan PlanStakeholders(const Case& c, const stakeholders::StakeholderMap& map,
                                 const std::string& us, const std::string& them) {
  StakeholderPlan out;
  const Namer namer(c);
  if (const PartyMap* ours = FindParty(map, us)) out.sponsor = Sponsor(namer, *ours);
  const PartyMap* theirs = FindParty(map, them);
  if (theirs == nullptr) return out;
  TheirSide(namer, *theirs, out);
  out.counterpart = Sponsor(namer, *theirs);
  for (const PersonCall& preview : out.previews) {
    if (!SafeToHearFirst(*theirs, preview.id)) out.case_only.push_back(preview);
  }
  // Who hears the anchor first: the first preview that must hear the figure from us anyway (a
  // real decider or veto holder), or whose view no such member follows; a preview a decider
  // listens to (a coach the CISO gives weight to) would pass the figure on second-hand.
  const PersonCall* first_hearer = nullptr;
  for (const PersonCall& preview : out.previews) {
    if (SafeToHearFirst(*theirs, preview.id)) {
      first_hearer = &preview;
      break;
    }
  }
  // Every other counterpart's people too (a three-party deal needs the second partner's veto
  // holder as much as the first's): their previews, those who must hear the figure from us and
  // the objections, after the first counterpart's. The closer and the escalation stay with the
  // first counterpart, whose engagement order paces the anchor.
  for (const PartyMap& other : map.parties) {
    if (other.ours || other.party == them || other.party == us) continue;
    StakeholderPlan more;
    TheirSide(namer, other, more);
    for (const PersonCall& preview : more.previews) {
      if (!SafeToHearFirst(other, preview.id)) out.case_only.push_back(preview);
    }
    for (std::vector<PersonCall> StakeholderPlan::*list :
         {&StakeholderPlan::previews, &StakeholderPlan::hear_it_from_us,
          &StakeholderPlan::objections}) {
      (out.*list).insert((out.*list).end(), (more.*list).begin(), (more.*list).end());
    }
  }
  if (first_hearer != nullptr) {
    out.anchor_first = *first_hearer;
    out.anchor_first->reason =
        first_hearer == &out.previews.front()
            ? "the first private preview in the engagement order"
            : "the first private preview in the engagement order whose view no real decider or "
              "veto holder follows, or who is one (a figure told to someone they listen to "
              "would reach them second-hand)";
  } else if (out.closer) {
    out.anchor_first = out.closer;
    out.anchor_first->reason =
        std::string(out.previews.empty()
                        ? "nobody needs a preview"
                        : "every preview is someone a real decider or veto holder listens to") +
        ", so who closes hears it first (" + out.closer->reason + ")";
  }
  if (out.anchor_first) {
    std::vector<std::string> before;
    for (const stakeholders::EngagementStep& step : theirs->engagement) {
      if (step.id == out.anchor_first->id) break;
      if (const Stakeholder* s = namer.Find(step.id)) before.push_back(PersonName(*s));
    }
    if (!before.empty()) {
      out.anchor_first->reason += "; briefed before, " + text::JoinAnd(before) +
                                  (before.size() == 1 ? " hears" : " hear") +
                                  " the case for the deal, not the figure";
    }
  }
  return out;
}

std::string NamesOf(const std::vector<PersonCall>& calls) {
  std::vector<std::string> names;
  for (const PersonCall& p : calls) names.push_back(p.name);
  return text::JoinAnd(names);
}

std::string PreviewNames(const StakeholderPlan& people) {
  if (!people.previews.empty()) return NamesOf(people.previews);
  return people.anchor_first ? people.anchor_first->name : "";
}

}  // namespace parley::plan
