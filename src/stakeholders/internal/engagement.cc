#include "internal/engagement.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include "parley/core/text.h"

namespace parley::stakeholders::internal {

namespace {

bool Supports(const MemberPower& p) { return p.stance && *p.stance >= 1; }
bool Opposes(const MemberPower& p) { return p.stance && *p.stance < 0; }

std::string StanceText(const MemberPower& p) {
  if (!p.stance) return "stance unknown";
  const double s = *p.stance;
  return std::string(s > 0 ? "stance +" : "stance ") + text::Fixed(s, s == std::floor(s) ? 0 : 1);
}

// Members (by index) not yet placed, sorted by a key, largest first, file order on ties.
std::vector<int> Sorted(const PartyMap& m, const std::vector<bool>& placed,
                        const std::function<bool(int)>& keep,
                        const std::function<double(int)>& key) {
  std::vector<int> out;
  for (int i = 0; i < static_cast<int>(m.members.size()); ++i) {
    if (!placed[i] && keep(i)) out.push_back(i);
  }
  std::stable_sort(out.begin(), out.end(), [&](int a, int b) { return key(a) > key(b); });
  return out;
}

}  // namespace

void FindThreads(PartyMap& m, const std::string& party_name) {
  for (const MemberPower& p : m.members) {
    if (Supports(p) || p.role == "coach") m.threads.push_back(p.id);
  }
  m.single_threaded = m.threads.size() == 1;
  if (m.threads.empty()) {
    m.thread_note = "no thread: nobody on " + text::Possessive(party_name) +
                    " side is known to support us (stance +1 or more) or coach us";
  } else if (m.single_threaded) {
    m.thread_note = "single-threaded: all our support on " + text::Possessive(party_name) +
                    " side runs through " + m.threads[0] +
                    "; if that person leaves, loses standing or goes quiet, we have no one "
                    "inside. Build a second thread";
  } else {
    m.thread_note =
        std::to_string(m.threads.size()) + " threads on " + text::Possessive(party_name) + " side";
  }
}

void PlanEngagement(PartyMap& m) {
  const int n = static_cast<int>(m.members.size());
  std::vector<int> deciders;
  for (int i = 0; i < n; ++i) {
    if (m.members[i].decides) deciders.push_back(i);
  }
  // How much the real deciders listen to i: the sum of W[d][i] over deciders d other than i.
  auto heard = [&](int i) {
    double sum = 0;
    for (int d : deciders) sum += d == i ? 0 : m.influence[d][i];
    return sum;
  };
  auto who_listens = [&](int i) {
    std::string out;
    for (int d : deciders) {
      if (d == i || m.influence[d][i] <= 0) continue;
      out += (out.empty() ? "" : ", ") + m.members[d].id + " gives " +
             text::Percent(m.influence[d][i]) + " of their weight to this view";
    }
    return out;
  };
  std::vector<bool> placed(n, false);
  auto add = [&](int i, std::string reason) {
    placed[i] = true;
    m.engagement.push_back({m.members[i].id, std::move(reason)});
  };
  for (int i : Sorted(
           m, placed,
           [&](int i) { return Supports(m.members[i]) && !m.members[i].decides && heard(i) > 0; },
           heard)) {
    add(i, "supports us (" + StanceText(m.members[i]) + ") and " + who_listens(i) +
               ": brief first, so the deciders hear support from inside");
  }
  auto real = [&](int i) { return m.members[i].real_power; };
  for (int i : Sorted(
           m, placed, [&](int i) { return m.members[i].decides && !Opposes(m.members[i]); },
           real)) {
    std::string reason = "real decider (" + text::Percent(real(i)) + " of the real say, " +
                         StanceText(m.members[i]) + ")";
    reason += m.members[i].stance ? ": brief once those they listen to are on side"
                                  : ": learn where they stand in this meeting";
    add(i, reason);
  }
  for (int i : Sorted(
           m, placed,
           [&](int i) {
             return Opposes(m.members[i]) &&
                    (m.members[i].decides || m.members[i].veto || m.members[i].power);
           },
           real)) {
    add(i, "opposes (" + StanceText(m.members[i]) + ") and " +
               (m.members[i].veto ? std::string("can veto") : "weighs in the decision") +
               ": a private preview before any group meeting, so the objection is met one to "
               "one and nobody has to back down in the room");
  }
  for (int i : Sorted(
           m, placed, [](int) { return true; }, real)) {
    add(i, std::string(QuadrantName(m.members[i].quadrant)) + " (" + text::Percent(real(i)) +
               " of the real say, " + StanceText(m.members[i]) + ")");
  }
  bool all_support = !deciders.empty();
  bool any_opposed = false;
  for (int d : deciders) all_support = all_support && Supports(m.members[d]);
  for (const MemberPower& p : m.members) any_opposed = any_opposed || Opposes(p);
  if (all_support && !any_opposed) {
    m.mode = "together";
    m.mode_reason =
        "every real decider supports us and nobody opposes: meet them together for "
        "shared ownership of the decision";
  } else {
    m.mode = "one by one";
    m.mode_reason = any_opposed ? "someone opposes: build support one by one, so momentum "
                                  "reaches the group before the objection does"
                                : "not every real decider is known to support us: one by one, "
                                  "so each meeting can build on the last";
  }
}

}  // namespace parley::stakeholders::internal
