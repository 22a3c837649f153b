#include "parley/power/prediction.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <string>

#include "internal/deal_model.h"
#include "parley/core/error.h"

namespace parley::power {
namespace {

// With three or more parties a draw's weighted Nash solve can score about every frontier point
// (the box bound of DealModel prunes little on a surface), so the draws are refused beyond this
// many point scores: 10,000 draws over the 10,000 points three-party frontiers were once capped
// at, seconds of work rather than minutes.
constexpr std::uint64_t kMaxManyPartyScores = 100'000'000;

// Throws Error(kLimit) when `draws` solves over `frontier` would exceed kMaxManyPartyScores.
void CheckDrawSize(const analysis::Frontier& frontier, std::size_t draws) {
  const std::uint64_t points = frontier.points.size();
  if (frontier.parties.size() < 3 || draws == 0 || points <= kMaxManyPartyScores / draws) return;
  throw Error(ErrorCode::kLimit,
              "the prediction would weigh " + std::to_string(points) + " frontier points of " +
                  std::to_string(frontier.parties.size()) + " parties in each of " +
                  std::to_string(draws) + " draws, more than " +
                  std::to_string(kMaxManyPartyScores) + " point scores: give --samples " +
                  std::to_string(kMaxManyPartyScores / points) +
                  " or fewer, or state the uncertain BATNAs and deadlines exactly");
}

std::size_t PerspectiveIndex(const analysis::Frontier& frontier, const std::string& party) {
  for (std::size_t i = 0; i < frontier.parties.size(); ++i) {
    if (frontier.parties[i] == party) return i;
  }
  throw Error(ErrorCode::kUsage, "party '" + party +
                                     "' states no values, so no deal can be "
                                     "predicted from its chair");
}

// Nearest-rank percentile of sorted values: the ceil(p N / 100)-th smallest.
double NearestRank(const std::vector<double>& sorted, double p) {
  const auto n = static_cast<double>(sorted.size());
  const auto rank = static_cast<std::size_t>(std::max(1.0, std::ceil(p * n / 100.0)));
  return sorted[std::min(rank, sorted.size()) - 1];
}

PredictedDeal MakeDeal(const internal::DealModel& model, const analysis::Frontier& frontier,
                       std::size_t point, std::size_t ties) {
  PredictedDeal deal;
  deal.point = point;
  deal.ties = ties;
  deal.outcome = frontier.points[point].outcome;
  const std::size_t n = model.Parties();
  deal.share_in_money = true;
  double money_total = 0, utility_total = 0;
  std::vector<double> utility_gain(n);
  for (std::size_t i = 0; i < n; ++i) {
    const PartyValuation& v = model.Valuation(i);
    deal.utility.push_back(model.Utility(point, i));
    deal.value.push_back(model.Value(point, i));
    deal.gain.push_back(deal.value[i] - v.ReservationValue());
    utility_gain[i] = deal.utility[i] - frontier.disagreement[i];
    if (v.form() != ValueForm::kMoney) deal.share_in_money = false;
    money_total += std::max(0.0, deal.gain[i]);
    utility_total += std::max(0.0, utility_gain[i]);
  }
  const double total = deal.share_in_money ? money_total : utility_total;
  for (std::size_t i = 0; i < n; ++i) {
    const double g = std::max(0.0, deal.share_in_money ? deal.gain[i] : utility_gain[i]);
    deal.share.push_back(total > 0 ? g / total : 1.0 / n);
  }
  return deal;
}

}  // namespace

std::string DrawnInputs(const Prediction& pr) {
  bool batna = false, deadline = false;
  for (const UncertainInput& u : pr.uncertain) {
    batna |= u.field == "batna.range";
    deadline |= u.field == "deadline.weeks";
  }
  if (batna && deadline) return "uncertain BATNAs and unknown deadlines";
  if (batna) return "uncertain BATNAs";
  return deadline ? "unknown deadlines" : "";
}

Prediction PredictDeal(const Case& c, const analysis::Frontier& frontier, const Leverage& leverage,
                       const std::string& perspective, const PowerOptions& options) {
  const std::size_t me = PerspectiveIndex(frontier, perspective);
  const internal::DealModel model(c, frontier);
  Prediction pr;
  pr.parties = frontier.parties;
  pr.weights = leverage.Weights();
  pr.disagreement = frontier.disagreement;
  pr.perspective = perspective;
  pr.seed = options.seed;

  std::size_t ties = 0;
  if (const auto point = model.Solve(frontier.disagreement, pr.weights, &ties)) {
    pr.deal = MakeDeal(model, frontier, *point, ties);
  }

  for (std::size_t i = 0; i < model.Parties(); ++i) {
    if (model.Uncertain(i)) {
      const auto [lo, hi] = model.Valuation(i).ReservationRange();
      pr.uncertain.push_back({frontier.parties[i], "batna.range", lo, hi});
    }
  }
  for (const PartyLeverage& p : leverage.parties) {
    if (p.deadline_known != DeadlineKnown::kUnknown) continue;
    const auto [lo, hi] = leverage.unknown_deadline_weeks;
    pr.uncertain.push_back({p.party, "deadline.weeks", lo, hi});
  }
  const std::size_t n = model.Parties();
  std::vector<std::optional<std::size_t>> points;
  std::vector<double> values;
  if (!pr.uncertain.empty() && options.samples > 0) {
    CheckDrawSize(frontier, options.samples);
    pr.samples = options.samples;
    const internal::Draws draws =
        internal::MakeDraws(options.seed, pr.samples, n, leverage.AnyUnknownDeadline());
    internal::SampleRun run = internal::RunDraws(model, leverage, draws, me);
    pr.zopa_probability = static_cast<double>(run.deals) / static_cast<double>(pr.samples);
    pr.expected_value = run.expected_value;
    points = std::move(run.point);
    values = std::move(run.deal_values);
  } else {
    pr.zopa_probability = pr.deal ? 1.0 : 0.0;
    pr.expected_value = pr.deal ? pr.deal->value[me] : model.Valuation(me).ReservationValue();
    if (pr.deal) {
      points.push_back(pr.deal->point);
      values.push_back(pr.deal->value[me]);
    }
  }

  if (!values.empty()) {
    double sum = 0;
    for (double v : values) sum += v;
    std::sort(values.begin(), values.end());
    pr.value = Percentiles{NearestRank(values, 5),  NearestRank(values, 25),
                           NearestRank(values, 50), NearestRank(values, 75),
                           NearestRank(values, 95), sum / static_cast<double>(values.size())};
  }

  // How often each value of each issue is in the predicted deal, over the draws with one.
  std::size_t deals = 0;
  std::vector<std::map<std::uint64_t, std::size_t>> counts(c.issues.size());
  for (const auto& point : points) {
    if (!point) continue;
    ++deals;
    const Outcome& o = frontier.points[*point].outcome;
    for (std::size_t k = 0; k < c.issues.size(); ++k) ++counts[k][o[k]];
  }
  for (std::size_t k = 0; k < c.issues.size(); ++k) {
    IssueFrequency f;
    f.issue = c.issues[k].id;
    for (const auto& [index, count] : counts[k]) {
      const IssueValue value = c.issues[k].kind == IssueKind::kOptions
                                   ? IssueValue(c.issues[k].options[index])
                                   : IssueValue(c.issues[k].GridValue(index));
      f.values.emplace_back(FormatIssueValue(value),
                            static_cast<double>(count) / static_cast<double>(deals));
    }
    pr.frequencies.push_back(std::move(f));
  }
  return pr;
}

}  // namespace parley::power
