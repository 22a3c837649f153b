#include "parley/sim/coach.h"

#include <array>
#include <cmath>
#include <initializer_list>

#include "parley/core/text.h"

namespace parley::sim {

namespace {

constexpr double kEps = 1e-9;

// `pattern` with each "{}" replaced by the next of `args` (the module stays free of fmt).
std::string FormatList(const std::string& pattern, std::initializer_list<std::string> args) {
  std::string out;
  auto arg = args.begin();
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern.compare(i, 2, "{}") == 0 && arg != args.end()) {
      out += *arg++;
      ++i;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

std::string ToText(const std::string& s) { return s; }
std::string ToText(const char* s) { return s; }
std::string ToText(std::size_t n) { return std::to_string(n); }

template <typename... Args>
std::string Format(const std::string& pattern, const Args&... args) {
  return FormatList(pattern, {ToText(args)...});
}

std::string Num(const CoachMove& m, double x) { return text::Amount(x, m.money, m.decimals); }

const char* What(const CoachMove& m) { return m.action == ActionKind::kAccept ? "deal" : "offer"; }

bool Moves(const CoachMove& m) { return m.action != ActionKind::kWalk; }

// Our concession of this offer (positive: we gave) and of our previous one, when both exist.
std::optional<std::pair<double, double>> LastTwoConcessions(const CoachMove& m) {
  const std::size_t n = m.our_offers.size();
  if (m.action != ActionKind::kOffer || n < 2) return std::nullopt;
  return std::make_pair(m.our_offers[n - 2] - m.our_offers[n - 1], m.our_offers[n - 1] - m.value);
}

std::optional<std::string> BelowWalkAway(const CoachMove& m) {
  if (!Moves(m) || m.value >= m.walk_away - kEps) return std::nullopt;
  return Format("This {} is worth {} to us, {} below our walk-away ({}): no deal is better.",
                What(m), Num(m, m.value), Num(m, m.walk_away - m.value), Num(m, m.walk_away));
}

std::optional<std::string> BelowFloor(const CoachMove& m) {
  if (!Moves(m) || m.floor_broken.empty()) return std::nullopt;
  return Format("This {} breaks our floor: {}.", What(m), m.floor_broken);
}

std::optional<std::string> OneWay(const CoachMove& m) {
  const auto steps = LastTwoConcessions(m);
  const std::size_t k = m.their_offers.size();
  if (!steps || steps->first <= kEps || steps->second <= kEps || k < 2) return std::nullopt;
  const double before = m.their_offers[k - 2], now = m.their_offers[k - 1];
  if (now > before + kEps) return std::nullopt;
  return Format(
      "A one-way concession: we gave {} and now {} while their last offer did not move toward us "
      "({} to us, after {}). Wait for a move from them before the next one.",
      Num(m, steps->first), Num(m, steps->second), Num(m, now), Num(m, before));
}

std::optional<std::string> BiggerStep(const CoachMove& m) {
  const auto steps = LastTwoConcessions(m);
  if (!steps || steps->first <= kEps || steps->second <= steps->first + kEps) return std::nullopt;
  return Format(
      "A larger move than the last: {} now after {}. Concessions that grow tell them there is "
      "more to come; make each smaller than the one before.",
      Num(m, steps->second), Num(m, steps->first));
}

std::optional<std::string> BeyondPlan(const CoachMove& m) {
  if (m.action != ActionKind::kOffer || !m.plan_next || m.value >= *m.plan_next - kEps) {
    return std::nullopt;
  }
  return Format(
      "This offer gives away more than the plan's next step: it keeps {} for us where the plan's "
      "next offer keeps {} ({} more given).",
      Num(m, m.value), Num(m, *m.plan_next), Num(m, *m.plan_next - m.value));
}

std::optional<std::string> Dominated(const CoachMove& m) {
  if (m.action != ActionKind::kAccept || !m.better) return std::nullopt;
  std::string theirs;
  if (m.their_value) {
    theirs = Format(" and {} more for them", Num(m, m.better->second - *m.their_value));
  }
  return Format(
      "Value left on the table: a deal on the frontier is worth {} to us ({} more){}; this one "
      "is worth {} to us.",
      Num(m, m.better->first), Num(m, m.better->first - m.value), theirs, Num(m, m.value));
}

std::optional<std::string> AcceptBelowPlan(const CoachMove& m) {
  if (m.action != ActionKind::kAccept || !m.plan_next || m.value >= *m.plan_next - kEps) {
    return std::nullopt;
  }
  return Format(
      "Accepting {} when our next planned offer keeps {}: {} left on the table by not countering.",
      Num(m, m.value), Num(m, *m.plan_next), Num(m, *m.plan_next - m.value));
}

struct RuleRow {
  const char* id;
  std::optional<std::string> (*fires)(const CoachMove&);
};

constexpr std::array<RuleRow, 7> kRules = {{
    {"below-walk-away", BelowWalkAway},
    {"below-floor", BelowFloor},
    {"one-way", OneWay},
    {"bigger-step", BiggerStep},
    {"beyond-plan", BeyondPlan},
    {"dominated", Dominated},
    {"accept-below-plan", AcceptBelowPlan},
}};

}  // namespace

std::vector<CoachComment> CoachComments(const CoachMove& move) {
  std::vector<CoachComment> out;
  for (const RuleRow& row : kRules) {
    if (auto text = row.fires(move)) out.push_back({row.id, std::move(*text)});
  }
  return out;
}

CoachSummary SummarizeCoaching(const std::vector<std::vector<CoachComment>>& comments,
                               std::optional<double> deal, double target, double walk_away,
                               bool money, int decimals) {
  CoachSummary s;
  s.moves = comments.size();
  std::size_t total = 0;
  for (const RuleRow& row : kRules) {
    std::size_t count = 0;
    for (const auto& move : comments) {
      for (const CoachComment& c : move) count += c.rule == row.id ? 1 : 0;
    }
    if (count > 0) s.counts.push_back({row.id, count});
    total += count;
  }
  const auto num = [&](double x) { return text::Amount(x, money, decimals); };
  if (total == 0) {
    s.lines.push_back(Format("{} {}, no comment: the plan's discipline held.", s.moves,
                             s.moves == 1 ? "move" : "moves"));
  } else {
    std::string list;
    for (const auto& [rule, count] : s.counts) {
      list += Format("{}{} {}", list.empty() ? "" : ", ", rule, count);
    }
    s.lines.push_back(Format("{} {}, {} {}: {}.", s.moves, s.moves == 1 ? "move" : "moves", total,
                             total == 1 ? "comment" : "comments", list));
  }
  if (deal) {
    const double gap = *deal - target;
    s.lines.push_back(Format("The deal is worth {} to us: {} {} the plan's landing point ({}).",
                             num(*deal), num(std::abs(gap)), gap >= 0 ? "above" : "below",
                             num(target)));
  } else {
    s.lines.push_back(
        Format("No deal: we keep our walk-away, {}; the plan's landing point was worth {} to us.",
               num(walk_away), num(target)));
  }
  return s;
}

}  // namespace parley::sim
