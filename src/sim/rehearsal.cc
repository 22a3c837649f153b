#include "parley/sim/rehearsal.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <random>

#include "parley/core/error.h"
#include "parley/core/party_valuation.h"
#include "parley/core/text.h"
#include "parley/plan/brief.h"
#include "parley/sim/parley_agent.h"
#include "parley/sim/protocol.h"
#include "parley/sim/split_mix.h"
#include "parley/sim/strategy_registry.h"

namespace parley::sim {

namespace {

constexpr std::size_t kMaxSamples = 1'000'000;

double Uniform(SplitMix& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

bool UnknownDeadline(const Party& p) {
  return !p.deadline || (!p.deadline->none && p.deadline->date.empty());
}

// What one negotiation gave.
struct SampleResult {
  bool agreement = false;
  double value = 0;      // ours: the deal's, else our walk-away
  std::size_t step = 0;  // the last planned package we offered
};

// Everything the samples read, built once.
struct Setup {
  const Case* c;
  const plan::Brief* brief;
  std::vector<std::string> them;
  std::vector<ResolvedSpec> specs;  // them, resolved once
  PlannedOffers plan;
  std::uint64_t rounds;
  std::uint64_t seed;
  bool deadline_unknown = false;
  // The case's additive models and bid tables, built once and shared by every sample (a
  // sample's case differs only in BATNAs).
  std::shared_ptr<const Negotiation> shared = nullptr;
};

// The last planned package (index) among our offers in `trace`.
std::size_t StepReached(const PlannedOffers& plan, const std::vector<TraceEntry>& trace) {
  std::size_t last = 0;
  for (const TraceEntry& e : trace) {
    if (e.party != Negotiation::kUs || e.action != ActionKind::kOffer || !e.outcome) continue;
    if (std::find(plan.meso.begin(), plan.meso.end(), *e.outcome) != plan.meso.end()) {
      last = std::max(last, plan.meso_at);
      continue;
    }
    for (std::size_t k = plan.packages.size(); k-- > last + 1;) {
      if (plan.packages[k] == *e.outcome) {
        last = k;
        break;
      }
    }
  }
  return last;
}

SampleResult RunSample(const Setup& s, std::size_t i) {
  SplitMix rng(SplitMix64(s.seed + i));
  Case c = *s.c;
  for (Party& p : c.parties) {
    if (!p.batna || !p.batna->range) continue;
    const auto [lo, hi] = *p.batna->range;
    p.batna->value = lo + (hi - lo) * Uniform(rng);
    p.batna->range.reset();
  }
  NegotiationOptions options;
  options.rounds = s.rounds;
  if (s.deadline_unknown) {
    const std::uint64_t lo = (s.rounds + 1) / 2, hi = s.rounds + s.rounds / 2;
    options.rounds =
        lo + static_cast<std::uint64_t>(Uniform(rng) * static_cast<double>(hi - lo + 1));
    options.rounds = std::clamp<std::uint64_t>(options.rounds, 1, kMaxRounds);
  }
  options.seed = rng();
  options.trace_values = false;  // the sample reads the result and our offers only
  const Negotiation n(c, options, *s.shared);
  const BuildContext context{&c, s.brief};
  std::vector<std::unique_ptr<Strategy>> players;
  players.push_back(std::make_unique<ParleyAgent>(*s.brief, s.plan));
  for (std::size_t p = 1; p < n.PartyCount(); ++p) {
    players.push_back(BuiltinStrategies().Build(s.specs[i % s.specs.size()], context));
  }
  // The trace's memory, reused from this thread's last sample (it changes no result).
  thread_local TraceStorage storage;
  NegotiationResult r = RunNegotiation(n, players, &storage);
  SampleResult out;
  out.agreement = r.agreement;
  out.value =
      r.agreement ? r.value[Negotiation::kUs] : n.Valuation(Negotiation::kUs).ReservationValue();
  out.step = StepReached(s.plan, r.trace);
  storage.Recycle(std::move(r));
  return out;
}

double NearestRank(const std::vector<double>& sorted, double p) {
  const auto n = static_cast<double>(sorted.size());
  const auto rank = static_cast<std::size_t>(std::ceil(p * n / 100.0));
  return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

power::Percentiles Summarise(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  double total = 0;
  for (double v : values) total += v;
  return {NearestRank(values, 5),  NearestRank(values, 25),
          NearestRank(values, 50), NearestRank(values, 75),
          NearestRank(values, 95), total / static_cast<double>(values.size())};
}

std::string Percent(double share) { return std::to_string(std::lround(share * 100)) + "%"; }

// The advice rules, in order: each finding that holds adds its sentence.
void Advise(Rehearsal& r, bool money) {
  if (!r.predicted_value) {
    // Without a predicted deal every rule below measures against nothing: one finding only.
    r.advice.push_back(
        "The brief predicts no deal (no zone of possible agreement at the point "
        "estimate) and " +
        Percent(r.agreement_rate) +
        " of the negotiations end in one: check both walk-aways and look for "
        "terms that create value before the talks, rather than tune the plan's "
        "steps.");
    return;
  }
  // The log already left the talks below the predicted deal: every deal from there is below it,
  // so "below the predicted deal" says nothing of a counterpart's style.
  const double span = std::max(1.0, std::fabs(*r.predicted_value - r.walk_away));
  const bool started_below =
      r.under_way && r.start_value && *r.start_value < *r.predicted_value - 1e-9 * span;
  if (started_below) {
    r.advice.push_back(
        "The concession log has already moved the talks below the predicted deal (the package "
        "on the table is worth " +
        text::Amount(*r.start_value, money) + " to us, the prediction " +
        text::Amount(*r.predicted_value, money) +
        "): every deal from there lands below it. Hold the table and trade only for value.");
  }
  if (r.agreement_rate < 0.5) {
    // A landing point nearer the predicted deal is advice only when the steps stop above it.
    const bool above = r.landing_value && *r.landing_value > *r.predicted_value + 1e-6 * span;
    r.advice.push_back(
        "Only " + Percent(r.agreement_rate) + " of the negotiations end in a deal: " +
        (started_below ? std::string("these counterparts want more than the package on the "
                                     "table; decide before the talks whether the reserve is "
                                     "for them, or strengthen our BATNA.")
         : above       ? std::string("the plan's steps come too late or stop too high for these "
                                           "counterparts; consider a faster pace or a landing point nearer "
                                           "the predicted deal.")
                       : std::string("the plan's steps reach the predicted deal, and these "
                                           "counterparts want more than it; consider a faster pace, or "
                                           "strengthen our BATNA before the talks.")));
  }
  for (const std::string& s : r.beat_the_plan) {
    const auto it = std::find_if(r.by_counterpart.begin(), r.by_counterpart.end(),
                                 [&](const CounterpartResult& x) { return x.strategy == s; });
    if (started_below && it->agreement_rate >= 0.5) continue;
    r.advice.push_back(
        it->agreement_rate < 0.5
            ? "Against " + s + " no deal is reached in " + Percent(1 - it->agreement_rate) +
                  " of the negotiations: the plan stops at its landing point while this style "
                  "waits for more; decide before the talks whether the reserve below the "
                  "landing point is for this counterpart, or strengthen our BATNA."
            : "Against " + s + " we end below the predicted deal in " +
                  Percent(it->below_prediction) +
                  " of the negotiations: accept later or hold the landing point longer "
                  "against this style.");
  }
  if (r.break_step && *r.break_step == r.steps) {
    // The last step, or a plan with none: there is no next planned move, the plan holds where it
    // stands.
    r.advice.push_back(
        (r.steps > 0
             ? "The plan most often breaks after its last step (" + std::to_string(r.steps) +
                   " of " + std::to_string(r.steps) + "), holding its landing point"
             : std::string("The plan most often breaks where it starts, with no step to "
                           "make")) +
        ": the counterparts that do not take it hold out for more. Decide before the talks "
        "whether to go below it, into the reserve above our walk-away, and for which get, or to "
        "let those talks end without a deal.");
  } else if (r.break_step) {
    const std::string where =
        *r.break_step == 0
            ? (r.under_way ? "at the package on the table, before any step"
                           : "at the anchor, before any step")
            : "after step " + std::to_string(*r.break_step) + " of " + std::to_string(r.steps);
    r.advice.push_back("The plan most often breaks " + where +
                       ": prepare the get and the script for the next move there, or make that "
                       "step earlier.");
  }
  if (r.advice.empty()) {
    r.advice.push_back("The plan holds against every counterpart rehearsed: keep it.");
  }
}

Setup MakeSetup(const Case& c, const plan::Brief& brief, const RehearsalOptions& o) {
  if (o.samples < 1 || o.samples > kMaxSamples) {
    throw Error(ErrorCode::kUsage, "samples must be from 1 to 1,000,000");
  }
  if (o.rounds < 1 || o.rounds > kMaxRounds) {
    throw Error(ErrorCode::kUsage, "rounds must be from 1 to 1,000,000");
  }
  if (!brief.anchor) {
    throw Error(ErrorCode::kUsage,
                brief.verdict.floors_block
                    ? "the brief's verdict is walk-away: the floors leave no possible deal, so "
                      "there is no opening to rehearse (see the brief's verdict)"
                : brief.verdict.approach == plan::Approach::kWalkAway
                    ? "the brief's verdict is walk-away: no package is worth our walk-away, so "
                      "there is no opening to rehearse (see the brief's notes)"
                    : "the brief has no anchor (no ZOPA?): no plan to rehearse");
  }
  Setup s{
      &c,       &brief, o.them.empty() ? DefaultCounterparts() : o.them, {}, PlanOffers(c, brief),
      o.rounds, o.seed};
  for (const std::string& t : s.them) s.specs.push_back(BuiltinStrategies().Resolve(t));
  s.shared = std::make_shared<const Negotiation>(c, NegotiationOptions{});
  for (const Party& p : c.parties) {
    if (c.FindValues(p.id) != nullptr && UnknownDeadline(p)) s.deadline_unknown = true;
  }
  return s;
}

void Reduce(const Setup& s, const std::vector<SampleResult>& results, Rehearsal& r) {
  std::vector<double> values;
  values.reserve(results.size());
  std::size_t deals = 0;
  r.breaks.assign(s.plan.packages.size(), 0);
  for (const std::string& t : s.them) r.by_counterpart.push_back({t});
  for (std::size_t i = 0; i < results.size(); ++i) {
    const SampleResult& x = results[i];
    CounterpartResult& cp = r.by_counterpart[i % s.them.size()];
    ++cp.negotiations;
    cp.agreement_rate += x.agreement ? 1 : 0;
    cp.mean_value += x.value;
    const bool below = r.predicted_value && x.value < *r.predicted_value;
    cp.below_prediction += below ? 1 : 0;
    if (!x.agreement || below) ++r.breaks[x.step];
    deals += x.agreement ? 1 : 0;
    values.push_back(x.value);
  }
  for (CounterpartResult& cp : r.by_counterpart) {
    const auto count = static_cast<double>(std::max<std::size_t>(cp.negotiations, 1));
    cp.agreement_rate /= count;
    cp.mean_value /= count;
    cp.below_prediction /= count;
    if (cp.below_prediction > 0.5) r.beat_the_plan.push_back(cp.strategy);
  }
  std::stable_sort(r.beat_the_plan.begin(), r.beat_the_plan.end(),
                   [&](const std::string& a, const std::string& b) {
                     auto share = [&](const std::string& x) {
                       for (const CounterpartResult& cp : r.by_counterpart)
                         if (cp.strategy == x) return cp.below_prediction;
                       return 0.0;
                     };
                     return share(a) > share(b);
                   });
  const auto most = std::max_element(r.breaks.begin(), r.breaks.end());
  if (most != r.breaks.end() && *most > 0) {
    r.break_step = static_cast<std::size_t>(most - r.breaks.begin());
  }
  r.agreement_rate = static_cast<double>(deals) / static_cast<double>(results.size());
  r.value = Summarise(std::move(values));
}

}  // namespace

const std::vector<std::string>& DefaultCounterparts() {
  static const std::vector<std::string> kMix = {"boulware",   "linear", "conceder",
                                                "hardheaded", "micro",  "relative_tft"};
  return kMix;
}

void SequentialFor(std::size_t count, const std::function<void(std::size_t)>& body) {
  for (std::size_t i = 0; i < count; ++i) body(i);
}

Rehearsal Rehearse(const Case& c, const plan::Brief& brief, const RehearsalOptions& options,
                   const ParallelFor& parallel) {
  const Setup s = MakeSetup(c, brief, options);
  Rehearsal r;
  r.us = brief.us;
  r.them = s.them;
  r.negotiations = options.samples;
  r.seed = options.seed;
  r.rounds = options.rounds;
  for (const Party& p : c.parties) {
    if (p.batna && p.batna->range) r.drawn.push_back("BATNA of " + p.id);
  }
  if (s.deadline_unknown) r.drawn.push_back("deadline");
  r.steps = brief.concession_plan ? brief.concession_plan->steps.size() : 0;
  if (brief.concession_plan) {
    r.landing_value = r.steps > 0 ? brief.concession_plan->steps.back().our_value_after
                                  : brief.concession_plan->start_value;
    r.start_value = brief.concession_plan->start_value;
  }
  r.under_way = brief.under_way;
  r.walk_away = PartyValuation(c, brief.us).ReservationValue();
  const auto& prediction = brief.power.prediction;
  if (prediction && prediction->deal) {
    for (std::size_t p = 0; p < prediction->parties.size(); ++p) {
      if (prediction->parties[p] == brief.us) r.predicted_value = prediction->deal->value[p];
    }
  }
  std::vector<SampleResult> results(options.samples);
  parallel(options.samples, [&](std::size_t i) { results[i] = RunSample(s, i); });
  Reduce(s, results, r);
  Advise(r, StatesMoney(c, brief.us));
  return r;
}

}  // namespace parley::sim
