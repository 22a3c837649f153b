#include "parley/sim/next_move.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "parley/analysis/floors.h"
#include "parley/analysis/walk_away.h"
#include "parley/core/error.h"
#include "parley/core/evidence_audience.h"
#include "parley/core/package.h"
#include "parley/core/party_valuation.h"
#include "parley/core/text.h"
#include "parley/power/leverage.h"
#include "parley/sim/additive_model.h"
#include "parley/sim/frequency_model.h"

namespace parley::sim {

namespace {

// Moves of our value smaller than this share of our value's span are no move at all (rounding).
constexpr double kMoveTolerance = 1e-9;
constexpr double kInf = std::numeric_limits<double>::infinity();

// Offers of theirs before their priorities are read: one offer shows no pattern.
constexpr std::uint64_t kMinOffersToRead = 3;

// What the rules read: the position after the last offer.
struct Situation {
  bool no_deal = false;  ///< the brief's verdict: no package is worth our walk-away
  bool no_offers = false;
  bool last_is_ours = false;
  std::optional<double> their_value;  ///< our value of the last offer, when it is theirs
  bool their_within_floors = false;
  /// With more than one counterpart: a party that did not make the offer on the table would get
  /// less than its walk-away from it (the ZOPA test of the offers table), so the deal it
  /// describes cannot close as it stands, whatever it is worth to us.
  bool other_party_short = false;
  /// Our value of their last offer with each term outside the floors moved to the allowed term
  /// that costs them least, when their offer breaks a floor.
  std::optional<double> repaired_value;
  bool they_moved = true;           ///< their last offer is better for us than their previous
  std::optional<double> retracted;  ///< how much worse for us their last offer is, when it is
  bool we_conceded_last = false;    ///< our last offer is worse for us than our previous one
  bool we_raised_last = false;      ///< our last offer asked for more than our previous one
  bool step_left = false;           ///< the re-paced plan has a step to make
  bool we_offered = false;          ///< we have made an offer
  bool past_deadline = false;       ///< the talks' latest date is after our deadline
  /// Past our deadline, one more round still pays: at their pace and rhythm their next offer
  /// would gain us more than the delay costs (our cost per week x their days per offer / 7).
  bool round_pays = false;
  bool took_back = false;  ///< their last offer moved some term away from us (TakenBack)
  double next_value = 0;   ///< our value of what we would put on the table next
  double landing = 0;      ///< our value where the plan lands (less rounding)
  double walk_away = 0;
};

// One rule of the table: the first that applies chooses the action (docs/next.md).
struct Rule {
  const char* id;
  bool (*applies)(const Situation&);
  NextAction action;
};

constexpr Rule kRules[] = {
    // No package is worth our walk-away (the verdict is walk-away): never open, counter or
    // restate; keep our alternative unless the deal changes.
    {"no-deal", [](const Situation& s) { return s.no_deal; }, NextAction::kWalk},
    // No offer yet: open with the brief's anchor.
    {"open", [](const Situation& s) { return s.no_offers; }, NextAction::kCounter},
    // The offer on the table is ours: never bid against ourselves.
    {"wait", [](const Situation& s) { return s.last_is_ours; }, NextAction::kHold},
    // Their offer is worth at least what we would offer next (AC_next), or, once we have made
    // an offer, reaches where the plan lands; within the floors and our walk-away.
    {"accept",
     [](const Situation& s) {
       return s.their_value && s.their_within_floors && !s.other_party_short &&
              *s.their_value >= s.walk_away &&
              (*s.their_value >= s.next_value ||
               (s.we_offered && !s.took_back && *s.their_value >= s.landing));
     },
     NextAction::kAccept},
    // Their offer breaks a floor, but with only those terms set right it is worth at least our
    // walk-away and our next counter: take their terms and fix only what the floors forbid.
    {"repair",
     [](const Situation& s) {
       return s.repaired_value && *s.repaired_value >= s.walk_away &&
              *s.repaired_value >= s.next_value;
     },
     NextAction::kCounter},
    // They opened and we have not: answer with our opening, never with a concession from a
    // position they have not heard.
    {"counter-open", [](const Situation& s) { return !s.we_offered; }, NextAction::kCounter},
    // Our deadline has passed and their offer is within the floors and above our walk-away:
    // every further round costs us, so take it rather than plan more rounds.
    {"deadline",
     [](const Situation& s) {
       return s.past_deadline && s.their_value && s.their_within_floors && !s.other_party_short &&
              *s.their_value >= s.walk_away && !s.round_pays;
     },
     NextAction::kAccept},
    // Below our walk-away, they have stopped moving and our plan has no step left.
    {"walk",
     [](const Situation& s) {
       return s.their_value && *s.their_value < s.walk_away && !s.they_moved && !s.step_left;
     },
     NextAction::kWalk},
    // We moved last time and they did not answer with a move: no second concession in a row.
    // The plan has no step left from our offer: restate it rather than improvise a concession.
    {"plan-end", [](const Situation& s) { return s.we_offered && !s.step_left; },
     NextAction::kHold},
    // Their last offer is worse for us than their previous one: no concession rewards a retreat.
    {"retreat", [](const Situation& s) { return s.we_offered && s.retracted.has_value(); },
     NextAction::kHold},
    {"reciprocity", [](const Situation& s) { return s.we_conceded_last && !s.they_moved; },
     NextAction::kHold},
    // Otherwise the next step of the plan.
    {"counter", [](const Situation&) { return true; }, NextAction::kCounter},
};

// The spans of an additive model per issue (largest minus smallest contribution), normalised
// to sum 1 (all 0 when every span is 0). O(options + points).
std::vector<double> IssueWeights(const AdditiveModel& m) {
  std::vector<double> spans;
  double total = 0;
  for (const IssueFunction& f : m.issues) {
    std::vector<double> ys = f.table;
    for (const auto& [x, y] : f.points) ys.push_back(y);
    double span = 0;
    if (!ys.empty()) {
      const auto [lo, hi] = std::minmax_element(ys.begin(), ys.end());
      span = *hi - *lo;
    }
    spans.push_back(span);
    total += span;
  }
  for (double& s : spans) s = total > 0 ? s / total : 0;
  return spans;
}

// The frequency model's largest contribution per issue: its weight (each score peaks at 1).
std::vector<double> RevealedWeights(const AdditiveModel& m) {
  std::vector<double> out;
  for (const IssueFunction& f : m.issues) {
    double top = 0;
    for (double y : f.table) top = std::max(top, y);
    for (const auto& [x, y] : f.points) top = std::max(top, y);
    out.push_back(top);
  }
  return out;
}

// Claims as sentences to say aloud: "A. B." (a claim's own final period kept once).
std::string AsSentences(const std::vector<std::string>& claims) {
  std::string out;
  for (std::string claim : claims) {
    while (!claim.empty() && (claim.back() == '.' || claim.back() == ' ')) claim.pop_back();
    out += (out.empty() ? "" : " ") + claim + ".";
  }
  return out;
}

class Advisor {
 public:
  Advisor(const Case& c, const plan::Brief& brief) : c_(c), brief_(brief) {
    if (brief.them.empty()) {
      throw Error(ErrorCode::kInvalidInput,
                  "`parley next` needs a counterpart that states values; the case has none "
                  "besides " +
                      PartyName(c, brief.us));
    }
    for (const Party& p : c.parties) {
      if (c.FindValues(p.id) == nullptr) continue;
      m_.parties.push_back(p.id);
      valuations_.emplace_back(c, p.id);
      const analysis::FlooredCase& floored = brief.power.floored;
      utilities_.emplace_back(c, floored.feasible ? floored.c : c, p.id);
      walk_aways_.push_back(analysis::PartyWalkAway(c, p.id).value);
      if (p.id == brief.us) us_ = valuations_.size() - 1;
      if (p.id == brief.them) them_ = valuations_.size() - 1;
    }
    m_.us = brief.us;
    m_.them = brief.them;
    m_.money = StatesMoney(c, brief.us);
    m_.walk_away = walk_aways_[us_];
    m_.target = Target();
  }

  NextMove Run() {
    ValueOffers();
    Dates();
    RevealPriorities();
    Repace();
    const Situation s = Read();
    for (const Rule& rule : kRules) {
      if (!rule.applies(s)) continue;
      m_.rule = rule.id;
      m_.action = rule.action;
      break;
    }
    Decide(s);
    if (s.other_party_short && s.their_value && *s.their_value >= s.walk_away) {
      m_.reason += " Their offer leaves " + text::JoinAnd(ShortParties(m_.offers.back())) +
                   ": a deal on it cannot close as it stands, so it is not one to accept, "
                   "whatever it is worth to us.";
    }
    if (s.past_deadline && m_.action != NextAction::kAccept) {
      m_.reason += " Our deadline (" + m_.deadline + ") has passed" +
                   (m_.cost_per_week ? ", and every week now costs us " + Figure(*m_.cost_per_week)
                                     : std::string()) +
                   ": check that our alternative is still open before holding out or walking; if "
                   "it has lapsed, our walk-away is lower than " +
                   Figure(m_.walk_away) + " and their offer may be the best left.";
      if (s.round_pays) {
        m_.reason +=
            " One more round still pays: at their pace their next offer would gain us "
            "about " +
            Figure(round_gain_) + ", more than the " + Figure(round_cost_) +
            " its wait costs at their rhythm of an offer every " +
            FormatNumber(*m_.days_per_offer) + " days.";
      }
    }
    if (s.we_raised_last && m_.action != NextAction::kAccept && m_.action != NextAction::kWalk) {
      const std::vector<const ValuedOffer*> ours = OffersBy(true);
      m_.reason += " Note: our last offer asked for more than the one before it (" +
                   Figure(ours.back()->value[us_]) + " to us against " +
                   Figure(ours[ours.size() - 2]->value[us_]) +
                   "): they may read it as a step back and test it.";
    }
    return std::move(m_);
  }

 private:
  double Target() const {
    if (brief_.concession_plan) return brief_.concession_plan->target_value;
    const auto& prediction = brief_.power.prediction;
    if (prediction && prediction->deal) {
      for (std::size_t i = 0; i < prediction->parties.size(); ++i) {
        if (prediction->parties[i] == brief_.us) return prediction->deal->value[i];
      }
    }
    return walk_aways_[us_];
  }

  double Span() const {
    return std::max(1.0, std::fabs(valuations_[us_].MaxValue() - valuations_[us_].MinValue()));
  }

  void ValueOffers() {
    const Case& floored = brief_.power.floored.c;
    for (std::size_t r = 0; r < c_.rounds.size(); ++r) {
      const Round& round = c_.rounds[r];
      ValuedOffer v;
      v.index = r;
      v.by = round.by;
      v.date = round.date;
      const std::optional<Outcome> o = ResolvePackage(c_, round.offer).ToOutcome();
      if (!o)
        throw Error(ErrorCode::kInvalidInput,
                    "rounds[" + std::to_string(r) + "] is not an outcome");
      v.outcome = *o;
      v.within_floors = ResolvePackage(floored, round.offer).IsComplete();
      v.in_zopa = v.within_floors;
      for (std::size_t p = 0; p < valuations_.size(); ++p) {
        v.value.push_back(valuations_[p].Value(v.outcome));
        v.utility.push_back(utilities_[p](v.outcome));
        v.in_zopa = v.in_zopa && v.value.back() >= walk_aways_[p];
      }
      for (std::size_t k = m_.offers.size(); k-- > 0;) {
        const ValuedOffer& before = m_.offers[k];
        if (before.by != v.by) continue;
        v.our_change = v.value[us_] - before.value[us_];
        if (const std::size_t own = PartyIndex(v.by); own < valuations_.size()) {
          v.own_change = v.value[own] - before.value[own];
        }
        break;
      }
      m_.offers.push_back(std::move(v));
    }
  }

  // The talks' date (the analysis date or the last dated offer, whichever is later), our
  // deadline, the days between them, and the days their offers come apart on average.
  void Dates() {
    m_.today = brief_.concession_plan  ? brief_.concession_plan->today
               : brief_.power.leverage ? brief_.power.leverage->today
                                       : std::string();
    for (const ValuedOffer& v : m_.offers) m_.today = std::max(m_.today, v.date);
    const Party* us = c_.FindParty(m_.us);
    if (us != nullptr && us->deadline && !us->deadline->none) {
      m_.deadline = us->deadline->date;
      m_.cost_per_week = us->deadline->cost_per_week;
    }
    const std::optional<long> today = power::DayNumber(m_.today);
    const std::optional<long> due = power::DayNumber(m_.deadline);
    if (today && due) m_.days_to_deadline = *due - *today;
    std::vector<long> days;
    for (const ValuedOffer& v : m_.offers) {
      if (v.by != m_.them) continue;
      if (const std::optional<long> d = power::DayNumber(v.date)) days.push_back(*d);
    }
    if (days.size() >= 2 && days.back() > days.front()) {
      m_.days_per_offer =
          static_cast<double>(days.back() - days.front()) / static_cast<double>(days.size() - 1);
    }
    if (today && !days.empty()) since_theirs_ = *today - days.back();
  }

  std::size_t PartyIndex(const std::string& id) const {
    for (std::size_t p = 0; p < m_.parties.size(); ++p) {
      if (m_.parties[p] == id) return p;
    }
    return m_.parties.size();
  }

  void RevealPriorities() {
    FrequencyModel model(c_.issues);
    std::vector<double> moves;
    std::vector<std::size_t> changes(c_.issues.size(), 0);
    const Outcome* previous = nullptr;
    for (const ValuedOffer& v : m_.offers) {
      if (v.by != m_.them) continue;  // the counterpart's offers only, not a third party's
      model.Observe(v.outcome);
      if (v.our_change) moves.push_back(*v.our_change);
      for (std::size_t i = 0; previous != nullptr && i < c_.issues.size(); ++i) {
        const PartyValuation& mine = valuations_[us_];
        if (mine.IssueContribution(i, v.outcome[i]) > mine.IssueContribution(i, (*previous)[i])) {
          ++changes[i];  // a concession to us on this issue
        }
      }
      previous = &v.outcome;
    }
    if (!moves.empty()) {
      double sum = 0;
      for (double x : moves) sum += x;
      m_.pace = sum / static_cast<double>(moves.size());
    }
    if (model.Observed() < kMinOffersToRead) return;
    const std::vector<double> revealed = RevealedWeights(model.Estimate());
    // The stated weights are the brief's (Tradeables: each issue's share of their range inside
    // the floors), so next and the plan name one priority per issue; without tradeables, the
    // spans of their values over the case.
    std::vector<double> stated(c_.issues.size(), 0);
    if (brief_.tradeables && brief_.tradeables->them == m_.them) {
      for (const plan::IssueTrade& t : brief_.tradeables->issues) {
        for (std::size_t i = 0; i < c_.issues.size(); ++i) {
          if (c_.issues[i].id == t.issue) stated[i] = t.their_priority;
        }
      }
    } else if (const auto theirs = AdditiveModel::Of(c_, m_.them)) {
      stated = IssueWeights(*theirs);
    }
    // An issue the floors settle (one value left within every party's floors) has no priority
    // to read: a move there is a move to the floor, not a weight. It is left out, and the rest
    // share the revealed weight, as the stated weights (within the floors) do.
    const Case& floored = brief_.power.floored.c;
    std::vector<bool> settled(c_.issues.size(), false);
    double open = 0;
    for (std::size_t i = 0; i < c_.issues.size(); ++i) {
      settled[i] = brief_.power.floored.feasible && i < floored.issues.size() &&
                   floored.issues[i].ValueCount() == 1;
      if (!settled[i]) open += revealed[i];
    }
    for (std::size_t i = 0; i < c_.issues.size(); ++i) {
      if (settled[i]) continue;
      m_.priorities.push_back({c_.issues[i].id, open > 0 ? revealed[i] / open : 0, stated[i],
                               changes[i] + 1 == model.Observed()});
    }
    std::stable_sort(m_.priorities.begin(), m_.priorities.end(),
                     [](const RevealedPriority& a, const RevealedPriority& b) {
                       return a.revealed_weight > b.revealed_weight;
                     });
  }

  // The offers of one side, newest last.
  std::vector<const ValuedOffer*> OffersBy(bool ours) const {
    std::vector<const ValuedOffer*> out;
    for (const ValuedOffer& v : m_.offers) {
      if ((v.by == m_.us) == ours) out.push_back(&v);
    }
    return out;
  }

  // The brief's concession plan before we have made an offer; after, the same plan made again
  // from our last offer to the brief's landing point, with the brief's options and dates.
  void Repace() {
    const Case& floored = brief_.power.floored.c;
    const std::vector<const ValuedOffer*> ours = OffersBy(true);
    if (ours.empty()) {
      // The plan's start: the anchor, or the package on the table when the concession log has
      // moved the talks.
      if (brief_.concession_plan) {
        start_ = brief_.concession_plan->start;
      } else if (brief_.anchor) {
        start_ = brief_.anchor->outcome;
      }
      m_.rest = brief_.concession_plan;
      // Answering their opening with ours: a term of theirs better for us than our opening's is
      // taken, never handed back, and the plan runs from that opening.
      if (start_ && !m_.offers.empty() && !brief_.under_way && Pocket() && brief_.concession_plan) {
        m_.rest =
            plan::PlanConcessions(floored, m_.us, m_.them, *start_, brief_.concession_plan->target,
                                  m_.today, brief_.options.concessions);
      }
      return;
    }
    last_ours_ = ours.back()->value[us_];
    start_ = ResolvePackage(floored, c_.rounds[ours.back()->index].offer).ToOutcome();
    std::optional<plan::PlannedConcession> into;  // our last offer moved inside the floors
    if (!start_ && brief_.concession_plan) {
      into = IntoFloors(ours.back()->outcome);
      start_ = into->package;
    }
    if (!start_ || !brief_.concession_plan) return;
    if (!into) Pocket();
    const plan::ConcessionPlan& planned = *brief_.concession_plan;
    const std::string& today = m_.today;  // Dates()
    // In the talks, a step gives no more on an issue than their best offer for us asked (an
    // offer they took back does not widen the room), takes back nothing of ours, and is no
    // larger than our last concession: every move goes from our last offer toward theirs.
    plan::ConcessionPlanOptions live = brief_.options.concessions;
    live.gets = false;
    // Never a step larger than the brief's first (its largest): when the time left compresses
    // the plan, the rest waits in reserve rather than going in one move.
    if (!planned.steps.empty()) {
      live.largest_step = std::min(live.largest_step, planned.steps.front().size);
      planned_first_ = planned.steps.front().size;
    }
    const ValuedOffer* best_theirs = nullptr;
    for (const ValuedOffer& v : m_.offers) {
      if (v.by == m_.them && (best_theirs == nullptr || v.value[us_] > best_theirs->value[us_])) {
        best_theirs = &v;
      }
    }
    if (best_theirs != nullptr) {
      for (std::size_t i = 0; i < c_.issues.size(); ++i) {
        live.least_ours.push_back(valuations_[us_].IssueContribution(i, best_theirs->outcome[i]));
      }
    }
    // Our last concession, not a restatement: holding our offer does not widen the next step.
    const double tolerance = kMoveTolerance * Span();
    for (std::size_t k = ours.size(); k-- > 1;) {
      const double step = ours[k - 1]->value[us_] - ours[k]->value[us_];
      if (step > tolerance) {
        live.largest_step = std::min(live.largest_step, step);
        last_concession_ = step;
        break;
      }
    }
    // Concessions only for reciprocity: no larger than their last move toward us.
    const ValuedOffer& last = m_.offers.back();
    if (last.by == m_.them && last.our_change && *last.our_change > tolerance) {
      live.largest_step = std::min(live.largest_step, *last.our_change);
      their_move_ = *last.our_change;
    }
    if (!PlanWithPocketed(live, tolerance)) {
      m_.rest =
          plan::PlanConcessions(floored, m_.us, m_.them, *start_, planned.target, today, live);
    }
    if (into) {  // the move into the floors comes first, and now: nothing can be signed before
      into->date = m_.today;
      if (!m_.today.empty()) into->day = 0;
      m_.rest->steps.insert(m_.rest->steps.begin(), *into);
      for (std::size_t k = 0; k < m_.rest->steps.size(); ++k) m_.rest->steps[k].step = k + 1;
      return;
    }
    if (m_.rest->steps.empty() && (last_concession_ || their_move_)) {  // only larger steps?
      live.largest_step = brief_.options.concessions.largest_step;
      const plan::ConcessionPlan unbounded =
          plan::PlanConcessions(floored, m_.us, m_.them, *start_, planned.target, today, live);
      if (!unbounded.steps.empty()) step_needed_ = unbounded.steps.front().size;
    }
  }

  // Pockets what their last offer gives us beyond `start_`: a term they offered that is better
  // for us than ours stays in our counter, never handed back (pocketed_ names them). True when
  // it took any. O(issues).
  bool Pocket() {
    const Case& floored = brief_.power.floored.c;
    for (std::size_t k = m_.offers.size(); k-- > 0;) {
      if (m_.offers[k].by != m_.them) continue;
      const ResolvedPackage theirs = ResolvePackage(floored, c_.rounds[m_.offers[k].index].offer);
      const PartyValuation mine(floored, m_.us);
      for (std::size_t i = 0; i < floored.issues.size(); ++i) {
        if (theirs.indices[i] && mine.IssueContribution(i, *theirs.indices[i]) >
                                     mine.IssueContribution(i, (*start_)[i])) {
          (*start_)[i] = *theirs.indices[i];
          pocketed_.push_back(floored.issues[i].DisplayName() + " " +
                              text::GridValueText(floored, floored.issues[i], *theirs.indices[i]));
        }
      }
      break;
    }
    return !pocketed_.empty();
  }

  // Our last offer `ours` (of the case as given) moved inside the floors, as a concession step
  // of the floored case: a number term outside a floor to the nearest value the floors allow,
  // an option a floor excludes to the allowed option best for us; the floors it broke are kept
  // in broken_floors_ for the reason. O(issues x options + floors).
  plan::PlannedConcession IntoFloors(const Outcome& ours) {
    const Case& floored = brief_.power.floored.c;
    const PartyValuation mine(floored, m_.us), theirs(floored, m_.them);
    for (const Party& p : c_.parties) {
      for (const std::string& f : analysis::FloorsBroken(c_, p.id, ours)) {
        broken_floors_.push_back(text::Possessive(p.DisplayName()) + " " + f);
      }
    }
    plan::PlannedConcession step;
    step.package.resize(floored.issues.size());
    for (std::size_t i = 0; i < floored.issues.size(); ++i) {
      const Issue& from = c_.issues[i];
      const Issue& to = floored.issues[i];
      std::uint64_t k = 0;
      if (to.kind == IssueKind::kNumber) {
        k = to.NearestIndex(std::clamp(from.NumberAt(ours[i]), to.lo, to.hi)).first;
      } else if (const int same = to.OptionIndex(from.options[ours[i]]); same >= 0) {
        k = static_cast<std::uint64_t>(same);
      } else {
        for (std::uint64_t j = 1; j < to.options.size(); ++j) {
          if (mine.IssueContribution(i, j) > mine.IssueContribution(i, k)) k = j;
        }
      }
      step.package[i] = k;
      if (to.kind == IssueKind::kNumber ? to.NumberAt(k) == from.NumberAt(ours[i])
                                        : to.options[k] == from.options[ours[i]]) {
        continue;
      }
      plan::TermChange t;
      t.issue = to.id;
      t.from = text::GridValueText(c_, from, ours[i]);
      t.to = text::GridValueText(floored, to, k);
      t.from_index = ours[i];
      t.to_index = k;
      t.our_change = mine.IssueContribution(i, k) - valuations_[us_].IssueContribution(i, ours[i]);
      t.their_change =
          theirs.IssueContribution(i, k) - valuations_[them_].IssueContribution(i, ours[i]);
      step.gives.push_back(t);
    }
    step.our_value_after = mine.Value(step.package);
    step.their_value_after = theirs.Value(step.package);
    step.size = *last_ours_ - step.our_value_after;
    step.their_gain = step.their_value_after - valuations_[them_].Value(ours);
    step.condition = "into the floors: " + text::JoinAnd(broken_floors_);
    return step;
  }

  // Why their better terms (dropped_) are not kept in our counter; empty when none was dropped.
  std::string DroppedLine() const {
    if (dropped_.empty()) return "";
    const bool one = dropped_.size() == 1;
    return " Their " + text::JoinAnd(dropped_) + (one ? " is" : " are") +
           " better for us than our offer's, but no counter within our bounds keeps " +
           (one ? "it" : "them") +
           " and still gives more than our last offer did, in our value and in theirs: " +
           (one ? "it stays" : "they stay") + " part of the package to settle.";
  }

  // When keeping their better terms (pocketed_) makes our start worth more than our last
  // offer, the counter must still give more than our last offer did: its first step keeps
  // those terms and gives the gain back elsewhere, landing within our step bound below our
  // last offer; the rest is planned from there. Without such a step the terms are not kept
  // (start_ goes back to our last offer, and the reason says so). False when there is nothing
  // to do here (m_.rest is then still to plan).
  bool PlanWithPocketed(const plan::ConcessionPlanOptions& live, double tolerance) {
    const Case& floored = brief_.power.floored.c;
    const PartyValuation mine(floored, m_.us);
    const double kept = mine.Value(*start_);
    if (pocketed_.empty() || !last_ours_ || kept <= *last_ours_ + tolerance) return false;
    const plan::ConcessionPlan& planned = *brief_.concession_plan;
    const double bound = live.largest_step;  // our last concession, their last move
    plan::ConcessionPlanOptions first = live;
    first.max_steps = 1;
    first.most_ours = *last_ours_ - tolerance;
    // And worth more to them than our last offer: keeping terms that cost them more than they
    // are worth to us must not make the counter a retreat in their eyes.
    const std::optional<Outcome> last_offer =
        ResolvePackage(floored, c_.rounds[OffersBy(true).back()->index].offer).ToOutcome();
    if (last_offer) first.least_theirs = PartyValuation(floored, m_.them).Value(*last_offer);
    first.largest_step = std::isfinite(bound) ? kept - (*last_ours_ - bound) : bound;
    plan::ConcessionPlan counter =
        plan::PlanConcessions(floored, m_.us, m_.them, *start_, planned.target, m_.today, first);
    if (counter.steps.empty()) {
      dropped_ = pocketed_;
      pocketed_.clear();
      start_ = last_offer;
      return false;
    }
    plan::PlannedConcession step = counter.steps.front();
    step.size = *last_ours_ - step.our_value_after;  // measured from our last offer
    plan::ConcessionPlanOptions after = live;
    after.largest_step = std::min(bound, std::max(step.size, tolerance));
    plan::ConcessionPlan rest = plan::PlanConcessions(floored, m_.us, m_.them, step.package,
                                                      planned.target, m_.today, after);
    if (!rest.steps.empty() && rest.steps.front().date < step.date) {
      step.date = rest.steps.front().date;
      step.day = rest.steps.front().day;
    }
    rest.steps.insert(rest.steps.begin(), step);
    for (std::size_t k = 0; k < rest.steps.size(); ++k) rest.steps[k].step = k + 1;
    rest.start = *start_;
    rest.start_value = kept;
    m_.rest = std::move(rest);
    return true;
  }

  // The parties other than us and the offer's maker that would get less than their walk-away
  // from `v`, by name with both figures ("Transalp Haulage at 1,450,000, below its walk-away of
  // 2,000,000"). Empty in a two-party case. O(parties).
  std::vector<std::string> ShortParties(const ValuedOffer& v) const {
    std::vector<std::string> out;
    for (std::size_t p = 0; p < valuations_.size(); ++p) {
      if (p == us_ || m_.parties[p] == v.by || v.value[p] >= walk_aways_[p]) continue;
      out.push_back(PartyName(c_, m_.parties[p]) + " at " + Figure(v.value[p]) +
                    ", below its walk-away of " + Figure(walk_aways_[p]));
    }
    return out;
  }

  // Whose terms we keep, as said to the table: "your" when the counterpart whose offer they come
  // from (the brief's `them`) made the last offer, else by name ("Baltic Reefer Lines'"), so a
  // third party who spoke last is not credited with another's term.
  std::string Whose() const {
    if (m_.offers.empty() || m_.offers.back().by == m_.them) return "your";
    return text::Possessive(PartyName(c_, m_.them));
  }

  Situation Read() {
    Situation s;
    s.no_deal = brief_.verdict.approach == plan::Approach::kWalkAway;
    s.walk_away = m_.walk_away;
    s.no_offers = m_.offers.empty();
    s.last_is_ours = !s.no_offers && m_.offers.back().by == m_.us;
    const std::vector<const ValuedOffer*> ours = OffersBy(true), theirs = OffersBy(false);
    const double tolerance = kMoveTolerance * Span();
    if (!s.no_offers && !s.last_is_ours) {
      s.their_value = m_.offers.back().value[us_];
      s.their_within_floors = m_.offers.back().within_floors;
      s.other_party_short = !ShortParties(m_.offers.back()).empty();
      if (!s.their_within_floors) {
        repaired_ = Repaired(m_.offers.back().outcome);
        if (repaired_) s.repaired_value = valuations_[us_].Value(*repaired_);
      }
      const auto& change = m_.offers.back().our_change;
      s.they_moved = !change || *change > tolerance;
      if (change && *change < -tolerance) s.retracted = -*change;
    }
    if (ours.size() >= 2) {
      s.we_conceded_last = ours.back()->value[us_] < ours[ours.size() - 2]->value[us_] - tolerance;
      s.we_raised_last = ours.back()->value[us_] > ours[ours.size() - 2]->value[us_] + tolerance;
    }
    s.step_left = m_.rest && !m_.rest->steps.empty();
    s.we_offered = !ours.empty();
    s.landing = m_.target - tolerance;
    s.took_back = !TakenBack().empty();
    s.past_deadline = m_.days_to_deadline && *m_.days_to_deadline < 0;
    if (!s.we_offered && start_) {
      s.next_value = valuations_[us_].Value(Unfloor(*start_));  // our opening comes next
    } else if (s.step_left) {
      s.next_value = m_.rest->steps.front().our_value_after;
    } else if (last_ours_) {
      s.next_value = *last_ours_;
    } else if (start_) {
      s.next_value = valuations_[us_].Value(Unfloor(*start_));
    } else {
      s.next_value = std::max(m_.target, m_.walk_away);
    }
    m_.next_value = s.next_value;
    if (s.their_value && m_.pace && *m_.pace > tolerance && *s.their_value < s.next_value) {
      m_.offers_to_go = (s.next_value - *s.their_value) / *m_.pace;
      if (m_.days_per_offer) m_.days_to_go = std::ceil(*m_.offers_to_go) * *m_.days_per_offer;
      // What one more of their offers would gain us at their pace, against what waiting for it
      // costs once our deadline has passed.
      // Only while their rhythm still holds: silent for more than two of their intervals, the
      // pace is out of date.
      const bool rhythm_holds = m_.days_per_offer && since_theirs_ &&
                                static_cast<double>(*since_theirs_) <= 2 * *m_.days_per_offer;
      if (s.past_deadline && s.they_moved && rhythm_holds && m_.cost_per_week &&
          *m_.cost_per_week > 0) {
        round_gain_ = std::min(*m_.pace, s.next_value - *s.their_value);
        round_cost_ = *m_.cost_per_week * *m_.days_per_offer / 7;
        s.round_pays = round_gain_ > round_cost_;
      }
    }
    return s;
  }

  // `theirs` (an outcome of the case) with each term the floors forbid moved to the allowed term
  // that costs the offering side least: on an options issue the allowed option worth most to
  // them (ties: to us), on a number issue the nearest value the floors allow; nullopt when the
  // floors leave no deal. O(issues x options).
  std::optional<Outcome> Repaired(const Outcome& theirs) const {
    if (!brief_.power.floored.feasible) return std::nullopt;
    const Case& floored = brief_.power.floored.c;
    const PartyValuation mine(floored, brief_.us), other(floored, m_.them);
    Outcome o(c_.issues.size());
    for (std::size_t i = 0; i < c_.issues.size(); ++i) {
      const Issue& issue = c_.issues[i];
      const Issue& allowed = floored.issues[i];
      if (issue.kind == IssueKind::kNumber) {
        o[i] = allowed.NearestIndex(issue.NumberAt(theirs[i])).first;
        continue;
      }
      const int same = allowed.OptionIndex(issue.options[theirs[i]]);
      if (same >= 0) {
        o[i] = static_cast<std::uint64_t>(same);
        continue;
      }
      for (std::uint64_t k = 0; k < allowed.options.size(); ++k) {
        const double a = other.IssueContribution(i, k), b = other.IssueContribution(i, o[i]);
        if (k == 0 || a > b ||
            (a == b && mine.IssueContribution(i, k) > mine.IssueContribution(i, o[i]))) {
          o[i] = k;
        }
      }
    }
    return analysis::ToOriginalOutcome(c_, floored, o);
  }

  // Our package in the original case's terms from an outcome of the floored case.
  Outcome Unfloor(const Outcome& floored_outcome) const {
    const Package terms = OutcomeToPackage(brief_.power.floored.c, floored_outcome);
    const std::optional<Outcome> o = ResolvePackage(c_, terms).ToOutcome();
    if (!o) throw Error(ErrorCode::kInternal, "a floored package does not resolve in its case");
    return *o;
  }

  void SetOffer(const Outcome& o) {
    m_.offer = o;
    m_.offer_value = valuations_[us_].Value(o);
    m_.offer_their_value = valuations_[them_].Value(o);
  }

  std::string Figure(double x) const {
    return text::Amount(x, m_.money, m_.money ? text::MoneyDecimals(c_) : 0);
  }

  void Decide(const Situation& s);

  // The terms of their previous offer that their last one moved away from us, past what our
  // own last offer gives them there ("Payment terms 45"; a term of ours they take up is no
  // retreat); none when the last offer is not theirs or took nothing back.
  std::vector<std::string> TakenBack() const {
    std::vector<std::string> terms;
    for (const auto& [i, before] : TakenBackTerms()) {
      terms.push_back(c_.issues[i].DisplayName() + " " +
                      text::GridValueText(c_, c_.issues[i], before));
    }
    return terms;
  }

  // TakenBack's issues, each with the value index their previous offer had there.
  std::vector<std::pair<std::size_t, std::uint64_t>> TakenBackTerms() const {
    if (m_.offers.empty() || m_.offers.back().by != m_.them) return {};
    const ValuedOffer* before = nullptr;
    for (std::size_t k = m_.offers.size() - 1; k-- > 0;) {
      if (m_.offers[k].by == m_.them) {
        before = &m_.offers[k];
        break;
      }
    }
    if (before == nullptr) return {};
    const Outcome& now = m_.offers.back().outcome;
    const std::vector<const ValuedOffer*> ours = OffersBy(true);
    const PartyValuation& mine = valuations_[us_];
    std::vector<std::pair<std::size_t, std::uint64_t>> terms;
    for (std::size_t i = 0; i < c_.issues.size(); ++i) {
      const double here = mine.IssueContribution(i, now[i]);
      if (here < mine.IssueContribution(i, before->outcome[i]) &&
          (ours.empty() || here < mine.IssueContribution(i, ours.back()->outcome[i]))) {
        terms.emplace_back(i, before->outcome[i]);
      }
    }
    return terms;
  }

  // The claims of the evidence the anchor may cite aloud, as a sentence; "" without any.
  std::string Grounds() const {
    std::vector<std::string> claims;
    for (const std::string& id : brief_.anchor->evidence) {
      const Evidence* e = c_.FindEvidence(id);
      if (e == nullptr || e->claim.empty()) continue;
      claims.push_back(e->claim);
    }
    return claims.empty() ? "" : " It rests on what we can show you: " + AsSentences(claims);
  }

  // The claims of the evidence behind our floors that we may cite aloud, as a sentence; "" when
  // none may be.
  // The terms of their last offer that break our floors, as the repair sets them right
  // ("Liability cap 2x fees instead of unlimited") or, with `fixed` false, as they asked
  // ("Liability cap unlimited"); empty when their last offer breaks none.
  std::string Breaches(bool fixed) const {
    if (!repaired_ || m_.offers.empty()) return "";
    const Outcome& theirs = m_.offers.back().outcome;
    std::vector<std::string> terms;
    for (std::size_t i = 0; i < c_.issues.size(); ++i) {
      if ((*repaired_)[i] == theirs[i]) continue;
      const std::string asked = text::GridValueText(c_, c_.issues[i], theirs[i]);
      terms.push_back(
          c_.issues[i].DisplayName() + " " +
          (fixed ? text::GridValueText(c_, c_.issues[i], (*repaired_)[i]) + " instead of " + asked
                 : asked));
    }
    return text::JoinAnd(terms);
  }

  // When their last offer breaks our floors and we do not take it: the sentence that says we
  // cannot accept those terms, with the floors' evidence we may cite.
  std::string BreachLine() const {
    const std::string asked = Breaches(false);
    return asked.empty() ? "" : " We cannot accept " + asked + "." + FloorGrounds();
  }

  // Only the floors their last offer breaks: a floor they have not tested stays unnamed.
  std::string FloorGrounds() const {
    if (!repaired_ || m_.offers.empty()) return "";
    const Outcome& theirs = m_.offers.back().outcome;
    std::vector<std::string> claims;
    for (const Floor& f : c_.floors) {
      if (f.party != brief_.us) continue;
      const int i = c_.IssueIndex(f.issue);
      if (i < 0 ||
          (*repaired_)[static_cast<std::size_t>(i)] == theirs[static_cast<std::size_t>(i)]) {
        continue;
      }
      for (const std::string& id : f.evidence) {
        const Evidence* e = c_.FindEvidence(id);
        if (e == nullptr || e->claim.empty() || !MayCite(c_, *e, brief_.us)) continue;
        if (std::find(claims.begin(), claims.end(), e->claim) != claims.end()) continue;
        claims.push_back(e->claim);
      }
    }
    return claims.empty() ? "" : " " + AsSentences(claims);
  }

  const Case& c_;
  const plan::Brief& brief_;
  NextMove m_;
  std::vector<PartyValuation> valuations_;
  std::vector<analysis::FlooredUtility> utilities_;  // as `parley evaluate` reports them
  std::vector<double> walk_aways_;
  std::size_t us_ = 0, them_ = 0;
  std::optional<double> last_ours_;
  std::optional<Outcome> start_;
  std::optional<Outcome> repaired_;      // Read: their offer set right on the floors it breaks
  std::vector<std::string> pocketed_;    // Repace: their terms better for us than our last offer
  std::optional<double> planned_first_;  // Repace: the brief's first (largest) planned step
  // Repace: their better terms not kept, since no counter could give their gain back
  std::vector<std::string> dropped_;
  std::vector<std::string> broken_floors_;  // the floors our last offer broke (IntoFloors)
  std::optional<double> last_concession_;   // Repace: our last move toward them, when any
  double round_gain_ = 0, round_cost_ = 0;  // Read: one more round past our deadline
  std::optional<long> since_theirs_;        // days from their last dated offer to today
  std::optional<double> their_move_;        // Repace: their last move toward us, when any
  // Repace: the size of the plan's next step when every step is larger than our bounds
  std::optional<double> step_needed_;
};

// The terms a planned step changes, for a sentence: "Annual subscription price to 130,000".
std::string Changes(const Case& c, const std::vector<plan::TermChange>& changes) {
  std::vector<std::string> terms;
  for (const plan::TermChange& change : changes) {
    const Issue* issue = c.FindIssue(change.issue);
    terms.push_back((issue != nullptr ? issue->DisplayName() : change.issue) + " to " + change.to);
  }
  return text::JoinAnd(terms);
}

void Advisor::Decide(const Situation& s) {
  const std::string them = PartyName(c_, m_.them);
  const std::string rule = m_.rule;
  if (rule == "no-deal") {
    m_.say =
        "On the terms in play we can't make this work against our other options. Unless "
        "something can be added that changes the deal, we will go a different way.";
    const int decimals = m_.money ? text::MoneyDecimals(c_) : 0;
    m_.reason =
        brief_.verdict.floors_block
            ? "The brief's verdict is walk-away. " + brief_.verdict.reasons.front()
            : "The brief's verdict is walk-away: no package is worth our walk-away (" +
                  text::CostOrValue(m_.walk_away, m_.money, decimals) + ")" +
                  (brief_.verdict.best_value
                       ? "; our best possible package is " +
                             text::CostOrValue(*brief_.verdict.best_value, m_.money, decimals) +
                             " to us"
                       : std::string()) +
                  ". Put nothing on the table; change the deal first or take the alternative.";
    return;
  }
  if (rule == "open" || rule == "counter-open") {
    if (!brief_.anchor || !start_) {
      m_.reason =
          std::string(rule == "open" ? "No offer has been made yet" : "We have made no offer yet") +
          ", and the brief has no anchor to open with (see its notes).";
      return;
    }
    SetOffer(Unfloor(*start_));
    const std::string answer =
        rule == "open"
            ? (brief_.under_way ? "No offer is recorded in `rounds`" : "No offer has been made yet")
            : "We have made no offer yet: answer " + text::Possessive(them) +
                  " opening with ours, never with a concession from a position they "
                  "have not heard";
    if (brief_.under_way) {
      m_.action = NextAction::kHold;  // a restatement, no new offer
      m_.say = "Where we have got to is " + text::OutcomeText(c_, *m_.offer) + "." +
               (rule == "open" ? "" : BreachLine());
      m_.reason = answer + "; the concession log has already moved the talks, so restate " +
                  brief_.position_source + ", worth " + Figure(m_.offer_value) +
                  " to us, rather than re-open at the anchor.";
      return;
    }
    m_.say = (pocketed_.empty() ? std::string()
                                : "We take " + Whose() + " " + text::JoinAnd(pocketed_) + ". ") +
             "We propose " + text::OutcomeText(c_, *m_.offer) + "." + Grounds() +
             (rule == "open" ? "" : BreachLine());
    m_.reason = answer + ": open with the brief's anchor" +
                (pocketed_.empty() ? std::string()
                                   : ", keeping the terms of theirs that are better for us (" +
                                         text::JoinAnd(pocketed_) + ")") +
                ", worth " + Figure(m_.offer_value) + " to us.";
    return;
  }
  if (rule == "wait") {
    SetOffer(m_.offers.back().outcome);
    m_.say = "Our proposal is on the table. What can you change in it to make it work for you?";
    m_.reason = "The last offer is ours; a second move before " + them +
                " answers would be a concession to silence.";
    return;
  }
  if (rule == "accept" || rule == "deadline") {
    SetOffer(m_.offers.back().outcome);
    // Past our deadline, "today" would tell them we are pressed for time.
    m_.say = "We can agree on " + text::OutcomeText(c_, *m_.offer) +
             (s.past_deadline ? ". Let us confirm these terms in writing."
                              : ". Let us confirm these terms in writing today.");
    const std::string worth =
        text::Possessive(them) + " offer is worth " + Figure(*s.their_value) + " to us";
    if (rule == "deadline") {
      const long late = -*m_.days_to_deadline;
      m_.reason = "Our deadline (" + m_.deadline + ") passed " + std::to_string(late) +
                  (late == 1 ? " day" : " days") + " before " + m_.today +
                  (m_.cost_per_week ? ", and every week now costs us " + Figure(*m_.cost_per_week)
                                    : std::string()) +
                  ". " + worth + ", " + Figure(*s.their_value - m_.walk_away) +
                  " above our walk-away and within our floors: take it rather than pay for more "
                  "rounds.";
    } else if (*s.their_value >= s.next_value) {
      m_.reason = worth + ", at least the " + Figure(s.next_value) +
                  " our next counter would ask for, and above our walk-away.";
    } else {
      m_.reason = worth + ", at least where the plan lands (" + Figure(m_.target) +
                  "), and above our walk-away" +
                  (s.step_left ? ", and it takes back nothing they had offered: the plan was "
                                 "to concede down to that point, so take it now rather than "
                                 "step toward it."
                               : ": the plan would concede no further, so take it.");
    }
    return;
  }
  if (rule == "walk") {
    m_.say =
        "We are too far apart to close on these terms. Unless there is room to move on "
        "your side, we will go a different way.";
    m_.reason = text::Possessive(them) + " offer is worth " + Figure(*s.their_value) +
                " to us, below our walk-away of " + Figure(m_.walk_away) +
                (s.retracted ? "; their last offer took back " + Figure(*s.retracted) +
                                   " of what they had offered us"
                             : "; they did not move in their last offer") +
                " and our plan has no step left.";
    return;
  }
  if (rule == "repair") {
    SetOffer(*repaired_);
    // Never called "our limit": the term set right sits on the floor's edge, so the label would
    // tell them exactly where our floor is.
    m_.say = "We can work with your proposal, with " + Breaches(true) + "." + FloorGrounds();
    m_.reason = text::Possessive(them) + " offer is worth " + Figure(*s.their_value) +
                " to us but breaks a floor; with only that set right it is worth " +
                Figure(*s.repaired_value) + " to us, at least the " + Figure(s.next_value) +
                " our next counter would ask for: take their terms and fix only what the floors "
                "forbid.";
    return;
  }
  const std::vector<const ValuedOffer*> ours = OffersBy(true);
  if (rule == "reciprocity") {
    SetOffer(ours.back()->outcome);
    m_.say =
        "We moved in our last proposal. Before we move again, we need to see a move from "
        "your side.";
    m_.reason = "We conceded " +
                Figure(ours[ours.size() - 2]->value[us_] - ours.back()->value[us_]) +
                " in our last offer and " + them +
                " answered without a move toward us: a second concession in a row would teach "
                "that waiting pays.";
    return;
  }
  if (rule == "retreat") {
    SetOffer(ours.back()->outcome);
    const std::vector<std::string> taken = TakenBack();
    m_.say = (taken.empty() ? "Your last proposal takes back terms you had already offered"
                            : "Your last proposal takes back " + text::JoinAnd(taken) +
                                  ", which you had offered") +
             ". Before we go further, we need " + (taken.size() == 1 ? "it" : "those terms") +
             " back on the table." + BreachLine();
    m_.reason = text::Possessive(them) + " last offer took back " + Figure(*s.retracted) +
                " of what they had offered us: a concession now would teach that retreating "
                "pays. Hold our last offer.";
    return;
  }
  if (s.step_left) {
    const plan::PlannedConcession& step = m_.rest->steps.front();
    SetOffer(Unfloor(step.package));
    const std::string taken = text::JoinAnd(pocketed_);
    m_.say =
        (taken.empty() ? std::string() : "We take " + Whose() + " " + taken + ". With that, w") +
        (taken.empty() ? "We can move " : "e can move ") + Changes(c_, step.gives) +
        (step.gets.empty() ? ", if we can agree the rest of the package now."
                           : ", in return for " + Changes(c_, step.gets) + ".") +
        BreachLine();
    if (!broken_floors_.empty()) {
      m_.reason = "Our last offer breaks " + text::JoinAnd(broken_floors_) +
                  ", so no deal can be signed on it: the counter first moves inside the floors, " +
                  Figure(step.size) + " of our value, leaving " + Figure(step.our_value_after) +
                  " to us, whatever the step bound; the rest of the plan goes on from there.";
      return;
    }
    m_.reason =
        "The next step of the plan re-paced from our last offer: " + Figure(step.size) +
        " of our value, leaving " + Figure(step.our_value_after) + " to us" +
        (their_move_ && (!last_concession_ || *their_move_ < *last_concession_) &&
                 (!planned_first_ || *their_move_ <= *planned_first_)
             ? " (every step no larger than their last move toward us, " + Figure(*their_move_) +
                   ")"
         : planned_first_ && step.size >= *planned_first_ - kMoveTolerance * Span() &&
                 *planned_first_ <
                     std::min(last_concession_.value_or(kInf), their_move_.value_or(kInf))
             ? " (no step larger than the brief's first planned step, " + Figure(*planned_first_) +
                   ")"
             : std::string()) +
        "." +
        (TakenBack().empty() ? std::string()
                             : " Their last offer took back " + text::JoinAnd(TakenBack()) +
                                   " while it moved elsewhere: a reshuffle of the package, not a "
                                   "retreat; if they ask for more, remind them of it.") +
        DroppedLine();
    return;
  }
  if (ours.empty() && !start_) {
    m_.reason = "No opening could be planned (no ZOPA or no anchor); see the brief.";
    return;
  }
  SetOffer(ours.empty() ? Unfloor(*start_) : ours.back()->outcome);
  m_.say = "Our proposal stands: " + text::OutcomeText(c_, *m_.offer) +
           ". What can you change to close the gap?" + BreachLine();
  const double tolerance = kMoveTolerance * Span();
  // What bounds the step: the smaller of our last concession and their last move.
  std::string bound;
  const double tightest = std::min(last_concession_.value_or(kInf), their_move_.value_or(kInf));
  if (step_needed_ && planned_first_ && *planned_first_ < tightest) {
    bound = " no larger than the brief's first planned step (" + Figure(*planned_first_) +
            "; the plan's steps only shrink";
  } else if (step_needed_ && last_concession_ &&
             (!their_move_ || *last_concession_ <= *their_move_)) {
    bound = " no larger than our last concession (" + Figure(*last_concession_) +
            "; a larger move now would tell them our room is growing";
  } else if (step_needed_ && their_move_) {
    bound = " no larger than their last move toward us (" + Figure(*their_move_) +
            "; we concede only as far as they do";
  }
  const std::string larger =
      !bound.empty()
          ? bound + "; the plan's next step would give " + Figure(*step_needed_) + ")"
          : " that its rules allow (their value must rise, every third party must gain, no term "
            "given is taken back)";
  m_.reason = m_.offer_value < m_.target - tolerance
                  ? "Our last offer, worth " + Figure(m_.offer_value) +
                        " to us, is already below where the plan lands (" + Figure(m_.target) +
                        "): it gives more than the plan would, so no step is left to make. Hold "
                        "it and ask for their move."
              : m_.offer_value <= m_.target + tolerance
                  ? "Our position is already at the plan's landing point, worth " +
                        Figure(m_.offer_value) + " to us: no step is left to make."
                  : "The plan made again from our last offer (worth " + Figure(m_.offer_value) +
                        " to us) finds no step toward its landing point (" + Figure(m_.target) +
                        ")" + larger +
                        ": restate the offer and ask for their move before deciding on the "
                        "reserve.";
  m_.reason += DroppedLine();
  if (m_.days_to_go && m_.days_to_deadline && *m_.days_to_deadline >= 0 &&
      *m_.days_to_go > static_cast<double>(*m_.days_to_deadline)) {
    m_.reason += " At their pace they would reach our offer only after our deadline (" +
                 m_.deadline + "): decide on the reserve before then.";
  }
}

}  // namespace

const char* NextActionName(NextAction action) {
  switch (action) {
    case NextAction::kAccept:
      return "accept";
    case NextAction::kCounter:
      return "counter";
    case NextAction::kHold:
      return "hold";
    case NextAction::kWalk:
      return "walk";
  }
  return "counter";
}

NextMove AdviseNext(const Case& c, const plan::Brief& brief) { return Advisor(c, brief).Run(); }

}  // namespace parley::sim
