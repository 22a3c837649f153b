// The built-in strategies and parts, as one table of registrations (docs/simulation.md).
#include <memory>

#include "parley/sim/boa_agent.h"
#include "parley/sim/micro_agent.h"
#include "parley/sim/parley_agent.h"
#include "parley/sim/random_agent.h"
#include "parley/sim/strategy_registry.h"

namespace parley::sim {

namespace {

using PolicyFactory = std::function<std::unique_ptr<ConcessionPolicy>(double, double)>;

ParamInfo Number(std::string name, std::string help, double min, double max, double value) {
  ParamInfo p{std::move(name), std::move(help), min, max, value, "", std::nullopt};
  p.default_text = FormatNumber(value);
  return p;
}

ParamInfo Computed(std::string name, std::string help, double min, double max, std::string text) {
  return {std::move(name), std::move(help), min, max, std::nullopt, std::move(text), std::nullopt};
}

ParamInfo Part(std::string name, std::string help, EntryKind kind, std::string spec) {
  return {std::move(name), std::move(help), 0, 0, std::nullopt, std::move(spec), kind};
}

// The parameters of a time-dependent tactic, with `e` defaulting to `e`.
std::vector<ParamInfo> TimeParams(double e) {
  return {Number("e", "concession exponent: < 1 Boulware, 1 linear, > 1 conceder, 0 hardliner", 0,
                 100, e),
          Number("k", "the share of the range conceded at t = 0", 0, 1, 0),
          Computed("min", "Pmin, the utility conceded to at the deadline", -1e6, 1e6,
                   "the reservation utility"),
          Computed("max", "Pmax, the utility asked at first", -1e6, 1e6, "the best utility")};
}

std::vector<ParamInfo> RangeParams() {
  return {Computed("min", "the lowest target", -1e6, 1e6, "the reservation utility"),
          Computed("max", "the highest target", -1e6, 1e6, "the best utility")};
}

// The concession policy an offer part (or a strategy with the same parameters) describes.
PolicyFactory Policy(const ResolvedSpec& s) {
  const std::optional<double> pmin = s.Number("min"), pmax = s.Number("max");
  const std::string& name = s.info->name;
  if (name == "relative_tft" || name == "averaged_tft") {
    const auto window =
        static_cast<std::size_t>(*s.Number(name == "relative_tft" ? "delta" : "window"));
    return [=](double rv, double best) {
      return std::make_unique<TitForTat>(window, pmin.value_or(rv), pmax.value_or(best));
    };
  }
  const double e = name == "linear" ? 1.0 : name == "hardliner" ? 0.0 : *s.Number("e");
  const double k = *s.Number("k");
  return [=](double rv, double best) {
    return std::make_unique<TimeDependent>(e, k, pmin.value_or(rv), pmax.value_or(best));
  };
}

Acceptance AcceptanceOf(const ResolvedSpec& s) {
  const std::string& name = s.info->name;
  if (name == "next") return {AcceptanceKind::kNext, *s.Number("a"), *s.Number("b")};
  if (name == "const") return {AcceptanceKind::kConst, *s.Number("c"), 0};
  if (name == "time") return {AcceptanceKind::kTime, *s.Number("t"), 0};
  return {AcceptanceKind::kCombi, *s.Number("t"), 0};
}

std::unique_ptr<Strategy> Boa(PolicyFactory policy, Acceptance acceptance, bool model, double learn,
                              double window) {
  BoaConfig config;
  config.policy = std::move(policy);
  config.acceptance = acceptance;
  config.frequency_model = model;
  config.learn = learn;
  config.window = window;
  return std::make_unique<BoaAgent>(std::move(config));
}

std::unique_ptr<Strategy> TimeStrategy(const ResolvedSpec& s, const BuildContext&) {
  return Boa(Policy(s), Acceptance{}, false, 0.2, 0.05);
}

void AddTimeDependent(StrategyRegistry& r) {
  const std::string source = "Faratin, Sierra and Jennings 1998; GENIUS TimeDependentAgent";
  r.Add({"timedep", EntryKind::kStrategy,
         "Time-dependent tactic: target Pmin + (Pmax - Pmin)(1 - f(t)), f(t) = k + (1 - k) "
         "t^(1/e); accepts by AC_next",
         source, TimeParams(1)},
        TimeStrategy);
  r.Add({"boulware", EntryKind::kStrategy, "Time-dependent, e = 0.2: holds, then concedes late",
         source, TimeParams(0.2)},
        TimeStrategy);
  std::vector<ParamInfo> fixed = TimeParams(1);
  fixed.erase(fixed.begin());
  r.Add({"linear", EntryKind::kStrategy, "Time-dependent, e = 1: concedes at a steady pace", source,
         fixed},
        TimeStrategy);
  r.Add({"conceder", EntryKind::kStrategy, "Time-dependent, e = 2: concedes early", source,
         TimeParams(2)},
        TimeStrategy);
  r.Add({"hardliner", EntryKind::kStrategy,
         "Time-dependent, e = 0: asks Pmax - k (Pmax - Pmin) until the deadline", source, fixed},
        TimeStrategy);
}

void AddTitForTat(StrategyRegistry& r) {
  const std::string source =
      "Faratin, Sierra and Jennings 1998; Baarslag, Hindriks and Jonker 2013";
  std::vector<ParamInfo> relative = RangeParams();
  relative.insert(
      relative.begin(),
      Number("delta", "how many of their offers back the concession is read", 1, 1000, 1));
  std::vector<ParamInfo> averaged = RangeParams();
  averaged.insert(averaged.begin(), Number("window", "the window of their offers", 1, 1000, 3));
  auto build = [](const ResolvedSpec& s, const BuildContext&) {
    return Boa(Policy(s), Acceptance{}, true, 0.2, 0.05);
  };
  r.Add({"relative_tft", EntryKind::kStrategy,
         "Relative tit-for-tat: reciprocates the ratio of their last concession; bids chosen with "
         "the frequency model; AC_next",
         source, relative},
        build);
  r.Add({"averaged_tft", EntryKind::kStrategy,
         "Averaged tit-for-tat: reciprocates their concession over a window of offers; bids chosen "
         "with the frequency model; AC_next",
         source, averaged},
        build);
}

void AddParts(StrategyRegistry& r) {
  r.Add({"timedep", EntryKind::kOffer, "Time-dependent target (as the timedep strategy)",
         "Faratin et al. 1998", TimeParams(1)});
  std::vector<ParamInfo> relative = RangeParams();
  relative.insert(relative.begin(), Number("delta", "offers back", 1, 1000, 1));
  r.Add({"relative_tft", EntryKind::kOffer, "Relative tit-for-tat target", "Faratin et al. 1998",
         relative});
  std::vector<ParamInfo> averaged = RangeParams();
  averaged.insert(averaged.begin(), Number("window", "window of offers", 1, 1000, 3));
  r.Add({"averaged_tft", EntryKind::kOffer, "Averaged tit-for-tat target", "Faratin et al. 1998",
         averaged});
  const std::string ac = "Baarslag, Hindriks and Jonker 2014";
  r.Add({"next",
         EntryKind::kAccept,
         "AC_next: accept when a u + b >= the utility of our next bid",
         ac,
         {Number("a", "scale", 0, 100, 1), Number("b", "shift", -1, 1, 0)}});
  r.Add({"const",
         EntryKind::kAccept,
         "AC_const: accept when u >= c",
         ac,
         {Number("c", "the threshold utility", -1e6, 1e6, 0.9)}});
  r.Add({"time",
         EntryKind::kAccept,
         "AC_time: accept anything (above the reservation) from t = T",
         ac,
         {Number("t", "the time T", 0, 1, 0.99)}});
  r.Add({"combi",
         EntryKind::kAccept,
         "AC_combi(T, MAX^W): AC_next, or from t = T an offer at least the best received in the "
         "last 1 - t",
         ac,
         {Number("t", "the time T", 0, 1, 0.98)}});
  r.Add({"none", EntryKind::kModel, "No opponent model: bids closest to the target", "", {}});
  r.Add({"frequency",
         EntryKind::kModel,
         "Frequency model: issue weights from unchanged values, option scores from counts",
         "van Krimpen, Looije and Hajizadeh 2013; Baarslag et al. 2013",
         {Number("learn", "weight added to an issue kept unchanged", 0, 10, 0.2)}});
  r.Add({"bayesian",
         EntryKind::kModel,
         "Bayesian model: issue ranks and evaluation shapes learnt by Bayes' rule, assuming "
         "they concede `step` per offer",
         "Hindriks and Tykhonov 2008 (scalable variant); step and sigma as in GENIUS",
         {Number("step", "expected concession per distinct offer", 0, 1, 0.035),
          Number("sigma", "spread of the likelihood", 0.01, 10, 0.25)}});
}

void AddOthers(StrategyRegistry& r) {
  r.Add({"micro",
         EntryKind::kStrategy,
         "MiCRO: concedes to its next outcome only when the other side has made as many "
         "distinct offers",
         "de Jonge 2022",
         {}},
        [](const ResolvedSpec&, const BuildContext&) { return std::make_unique<MicroAgent>(); });
  r.Add({"hardheaded",
         EntryKind::kStrategy,
         "HardHeaded-style: a very Boulware target (e = 0.05) with bids chosen by the frequency "
         "model; AC_next",
         "van Krimpen, Looije and Hajizadeh 2013 (ANAC 2011 winner), simplified",
         {Number("e", "concession exponent", 0, 100, 0.05),
          Number("learn", "the frequency model's learning coefficient", 0, 10, 0.2)}},
        [](const ResolvedSpec& s, const BuildContext&) {
          const double e = *s.Number("e");
          PolicyFactory policy = [e](double rv, double best) {
            return std::make_unique<TimeDependent>(e, 0, rv, best);
          };
          return Boa(policy, Acceptance{}, true, *s.Number("learn"), 0.05);
        });
  r.Add({"random",
         EntryKind::kStrategy,
         "Random baseline: offers around a uniform target, accepts offers above its reservation "
         "with probability `accept`",
         "",
         {Number("accept", "the chance of accepting an acceptable offer", 0, 1, 0.1)}},
        [](const ResolvedSpec& s, const BuildContext&) {
          return std::make_unique<RandomAgent>(*s.Number("accept"));
        });
  r.Add({"boa",
         EntryKind::kStrategy,
         "BOA: a bidding strategy, an acceptance condition and an opponent model as parts",
         "Baarslag et al. 2014",
         {Part("offer", "the bidding strategy (offer part)", EntryKind::kOffer, "timedep"),
          Part("accept", "the acceptance condition (accept part)", EntryKind::kAccept, "next"),
          Part("model", "the opponent model (model part)", EntryKind::kModel, "frequency"),
          Number("window", "the band above the target searched for the model's favourite", 0, 1,
                 0.05)}},
        [](const ResolvedSpec& s, const BuildContext&) {
          const ResolvedSpec& model = s.Part("model");
          const bool frequency = model.info->name == "frequency";
          if (model.info->name == "bayesian") {
            BoaConfig config;
            config.policy = Policy(s.Part("offer"));
            config.acceptance = AcceptanceOf(s.Part("accept"));
            config.bayesian_model = true;
            config.bayesian.step = *model.Number("step");
            config.bayesian.sigma = *model.Number("sigma");
            config.window = *s.Number("window");
            return std::unique_ptr<Strategy>(std::make_unique<BoaAgent>(std::move(config)));
          }
          return Boa(Policy(s.Part("offer")), AcceptanceOf(s.Part("accept")), frequency,
                     frequency ? *model.Number("learn") : 0.2, *s.Number("window"));
        });
}

void AddParley(StrategyRegistry& r) {
  StrategyInfo info{"parley",
                    EntryKind::kStrategy,
                    "Plays our brief: opens with the anchor, concedes by the concession plan's "
                    "steps (step k of n at t = k/(n+1)), offers the MESO packages at their step, "
                    "holds the floors and the walk-away, accepts by AC_next on the plan",
                    "Parley's preparation brief (docs/plan.md, docs/simulation.md)",
                    {}};
  info.needs_brief = true;
  r.Add(std::move(info), [](const ResolvedSpec&, const BuildContext& context) {
    return std::make_unique<ParleyAgent>(*context.c, *context.brief);
  });
}

}  // namespace

void RegisterBuiltinStrategies(StrategyRegistry& registry) {
  AddTimeDependent(registry);
  AddTitForTat(registry);
  AddOthers(registry);
  AddParley(registry);
  AddParts(registry);
}

const StrategyRegistry& BuiltinStrategies() {
  static const StrategyRegistry kRegistry = [] {
    StrategyRegistry r;
    RegisterBuiltinStrategies(r);
    return r;
  }();
  return kRegistry;
}

}  // namespace parley::sim
