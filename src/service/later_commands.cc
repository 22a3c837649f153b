#include "parley/service/later_commands.h"

#include <vector>

#include "parley/analysis/floors.h"
#include "parley/core/error.h"
#include "parley/core/package.h"
#include "parley/plan/brief.h"
#include "parley/power/analysis.h"
#include "parley/report/coalition_view_report.h"
#include "parley/sim/strategy_registry.h"

namespace parley::service {

namespace {

// The predicted deal of `parley power` (at the point estimate), as an outcome of `c`; nullopt
// when the floors leave no deal or no frontier point is acceptable to every party.
std::optional<Outcome> PredictedOutcome(const Case& c, power::PowerOptions model) {
  model.samples = 0;  // the point estimate does not depend on the draws
  const power::PowerReport r = power::AnalysePower(c, model);
  if (!r.prediction || !r.prediction->deal) return std::nullopt;
  const Package terms = OutcomeToPackage(r.floored.c, r.prediction->deal->outcome);
  return ResolvePackage(c, terms).ToOutcome();
}

}  // namespace

void RequireCoalitionCase(const Case& c, const std::string& file) {
  if (c.values.size() < 3) {
    throw Error(ErrorCode::kInvalidInput,
                "the coalition view needs three or more parties stating values; " + file + " has " +
                    std::to_string(c.values.size()) +
                    " (a committee deciding inside one party is its stakeholder map: parley "
                    "stakeholders " +
                    file + ")");
  }
}

CoalitionCase AnalyseCoalitionCase(const Case& c, const std::string& file,
                                   const std::optional<Outcome>& deal,
                                   const power::PowerOptions& model) {
  RequireCoalitionCase(c, file);
  std::optional<Outcome> tested = deal ? deal : PredictedOutcome(c, model);
  if (!tested) {
    throw Error(ErrorCode::kInvalidInput,
                "no deal is predicted (no outcome every party accepts): give one with --offer");
  }
  // Every party's floors apply, as in the frontier and the brief: a subset blocks only with a
  // deal its members could sign. A deal given outside the floors is viewed on the whole case.
  Case basis = c;
  Outcome tested_in = *tested;
  if (analysis::FlooredCase floored = analysis::ApplyFloors(c); floored.feasible) {
    if (const auto in = ResolvePackage(floored.c, OutcomeToPackage(c, *tested)).ToOutcome()) {
      basis = std::move(floored.c);
      tested_in = *in;
    }
  }
  CoalitionCase out{analysis::ComputeCoalitionView(basis, tested_in), std::nullopt,
                    deal ? "offer" : "predicted", std::move(basis)};
  if (out.view.money) out.shapley = coalition::ComputeIndices(report::CoalitionViewGame(out.view));
  return out;
}

Simulation Simulate(const Case& c, const PlayOptions& play) {
  const sim::StrategyRegistry& registry = sim::BuiltinStrategies();
  const sim::ResolvedSpec us = registry.Resolve(play.us), them = registry.Resolve(play.them);
  sim::NegotiationOptions options;
  options.rounds = play.rounds;
  options.seed = play.seed;
  options.discount = play.discount;
  Simulation s;
  s.negotiation = std::make_unique<sim::Negotiation>(c, options);
  std::unique_ptr<plan::Brief> brief;
  if (us.info->needs_brief || them.info->needs_brief) {
    brief = std::make_unique<plan::Brief>(plan::BuildBrief(c));
  }
  const sim::BuildContext context{&c, brief.get()};
  std::vector<std::unique_ptr<sim::Strategy>> players;
  for (std::size_t p = 0; p < s.negotiation->PartyCount(); ++p) {
    players.push_back(registry.Build(p == 0 ? us : them, context));
  }
  s.result = sim::RunNegotiation(*s.negotiation, players);
  s.metrics = sim::ComputeMetrics(*s.negotiation, s.result);
  s.us = us.Text();
  s.them = them.Text();
  return s;
}

}  // namespace parley::service
