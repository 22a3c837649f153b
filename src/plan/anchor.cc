#include "parley/plan/anchor.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "internal/grid.h"
#include "parley/core/error.h"
#include "parley/core/evidence_audience.h"
#include "parley/core/evidence_figures.h"
#include "parley/core/package.h"
#include "parley/core/party_valuation.h"
#include "parley/core/text.h"

namespace parley::plan {
namespace {

bool Citable(EvidenceKind kind) {
  switch (kind) {
    case EvidenceKind::kBenchmark:
    case EvidenceKind::kCost:
    case EvidenceKind::kPrecedent:
    case EvidenceKind::kLegal:
      return true;
    default:
      return false;
  }
}

// The evidence `us` may cite for its anchor (MayCite: shown to them, supporting only us): the
// benchmarks, costs, precedents and legal standards. Our BATNA is never cited, nor what backs
// one of our floors: read with the opening, it tells them where we stop (the floor's own
// script cites it, once they ask for more than the floor allows).
std::vector<std::string> CitableEvidence(const Case& c, const std::string& us) {
  std::vector<std::string> floors;
  for (const Floor& f : c.floors) {
    if (f.party == us) floors.insert(floors.end(), f.evidence.begin(), f.evidence.end());
  }
  std::vector<std::string> out;
  for (const Evidence& e : c.evidence) {
    if (!Citable(e.kind) || !MayCite(c, e, us)) continue;
    if (std::find(floors.begin(), floors.end(), e.id) != floors.end()) continue;
    if (std::find(out.begin(), out.end(), e.id) == out.end()) out.push_back(e.id);
  }
  return out;
}

// The words of `text` (letters, digits and hyphens), lowercased. O(text).
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  for (std::size_t k = 0; k <= text.size(); ++k) {
    const char ch = k < text.size() ? text[k] : ' ';
    if (std::isalnum(static_cast<unsigned char>(ch)) != 0 || ch == '-') {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  return out;
}

// True when a claim (its words, sorted) names `issue`: a word of the claim starts with a word of
// four letters or more of the issue's name or id ("priced" names Annual subscription price,
// "pallet-month" Rate per pallet-month), so a claim's figures are read only for the issues it
// speaks of. O(name words x log claim words).
bool Mentions(const std::vector<std::string>& claim_words, const Issue& issue) {
  for (const std::string& word : Words(issue.DisplayName() + " " + issue.id)) {
    if (word.size() < 4) continue;
    const auto at = std::lower_bound(claim_words.begin(), claim_words.end(), word);
    if (at != claim_words.end() && at->compare(0, word.size(), word) == 0) return true;
  }
  return false;
}

// Reads the figures each citable claim states for the opening's number issues (FiguresInRange):
// an item whose figures on some issue all lie on their side of the opening's term is dropped
// from `a.evidence` (said aloud it argues for them); one whose figures all lie on our side stays,
// with a note that our own evidence supports asking more. O(evidence x (kClaimWindow + issues x
// (name words x log claim words + kMaxFigures))).
// The figures a claim states for the number issues it speaks of, issue by issue: the issues it
// names, or when it names none the one number issue whose range its figures fall in ("members
// pay 3.85M-4.10M a year" of an annual price), none when they fit several. Each issue's figures
// are read over twice its span (the floors of the case narrow the grid, and a figure beyond
// them still says which side of a term the claim is on). O(kClaimWindow + issues x (name words
// x log claim words + kMaxFigures)).
std::vector<std::pair<std::size_t, std::vector<double>>> SpokenFigures(const Case& c,
                                                                       const Evidence& e) {
  // Read once per claim, within the window FiguresInRange reads.
  const std::string_view window = std::string_view(e.claim).substr(0, kClaimWindow);
  std::vector<std::string> words = Words(window);
  std::sort(words.begin(), words.end());
  const std::vector<Figure> read = ReadFigures(window);
  std::vector<std::pair<std::size_t, std::vector<double>>> spoken, fitting;
  for (std::size_t i = 0; !read.empty() && i < c.issues.size(); ++i) {
    const Issue& issue = c.issues[i];
    if (issue.kind != IssueKind::kNumber) continue;
    const double span = issue.hi - issue.lo;
    const bool percent = issue.unit.find('%') != std::string::npos ||
                         issue.unit.find("percent") != std::string::npos;
    std::vector<double> figures = FiguresInRange(read, issue.lo - span, issue.hi + span, percent);
    if (Mentions(words, issue)) spoken.emplace_back(i, figures);
    if (!figures.empty()) fitting.emplace_back(i, std::move(figures));
  }
  if (spoken.empty() && fitting.size() == 1) return fitting;
  return spoken;
}

// Our intelligence kept from them (`share: no`) whose figure the opening's term sits on: an
// opening exactly at a figure they think private (their budget, a competitor's quote to them)
// tells them we know it. One note each, for us. O(evidence x SpokenFigures).
void NoteKnownPrivateFigures(const Case& c, Anchor& a) {
  for (const Evidence& e : c.evidence) {
    if (!e.share || *e.share) continue;
    for (const auto& [i, figures] : SpokenFigures(c, e)) {
      const Issue& issue = c.issues[i];
      const double term = issue.NumberAt(a.outcome[i]);
      const auto on = std::find_if(figures.begin(), figures.end(), [term](double x) {
        return std::fabs(x - term) <= 1e-9 * std::max(1.0, std::fabs(x));
      });
      if (on == figures.end()) continue;
      a.evidence_notes.push_back(
          e.id + " (ours, not to be shown to them) puts " + issue.DisplayName() + " at " +
          text::IssueValueText(c, issue, IssueValue{*on}) +
          ", exactly the opening's term: an opening on a figure they think private tells them "
          "we know it; open a grid step or more away from it, on a figure our citable evidence "
          "supports.");
      break;
    }
  }
}

void WeighEvidenceFigures(const Case& c, const std::string& us, Anchor& a) {
  const PartyValuation mine(c, us);
  const double eps = 1e-9 * std::max(1.0, mine.MaxValue() - mine.MinValue());
  std::vector<std::string> kept;
  a.evidence_notes.clear();
  for (const std::string& id : CitableEvidence(c, us)) {
    const Evidence* e = c.FindEvidence(id);
    if (e == nullptr) continue;
    bool against = false;
    for (const auto& [i, figures] : SpokenFigures(c, *e)) {
      if (against) break;
      const Issue& issue = c.issues[i];
      if (figures.empty()) continue;
      const double here = mine.IssueContribution(i, a.outcome[i]);
      bool worse = true, better = true;
      for (double x : figures) {
        const double there = mine.IssueContribution(i, issue.NearestIndex(x).first);
        worse = worse && there < here - eps;
        better = better && there > here + eps;
      }
      if (!worse && !better) continue;
      const auto [lo, hi] = std::minmax_element(figures.begin(), figures.end());
      // As the claim states them, not snapped to the grid.
      const std::string stated =
          text::IssueValueText(c, issue, IssueValue{*lo}) +
          (*lo == *hi ? "" : " to " + text::IssueValueText(c, issue, IssueValue{*hi}));
      const std::string term = text::GridValueText(c, issue, a.outcome[i]);
      if (worse) {
        against = true;
        a.evidence_notes.push_back(id + " puts " + issue.DisplayName() + " at " + stated +
                                   ", worse for us than the opening's " + term +
                                   ": said aloud it argues their side, so the opening does not "
                                   "cite it.");
      } else {
        a.evidence_notes.push_back(id + " puts " + issue.DisplayName() + " at " + stated +
                                   ", better for us than the opening's " + term +
                                   ": our own evidence supports asking more.");
      }
    }
    if (!against) kept.push_back(id);
  }
  a.evidence = std::move(kept);
  NoteKnownPrivateFigures(c, a);
}

// What to say aloud about the opening `a`: its terms, both sides' values, why it is credible
// (tempered: inside the credible range; else it beats their alternative at the weak end of its
// range), and the evidence to cite. Anchor::tempering says why it was tempered.
std::string Rationale(const Case& c, const std::string& us, const std::string& them,
                      const Anchor& a) {
  const PartyValuation mine(c, us), theirs(c, them);
  const bool money = mine.form() == ValueForm::kMoney;
  const Party* other_party = c.FindParty(them);
  const std::string who = other_party != nullptr ? other_party->DisplayName() : them;
  std::string list;
  for (const std::string& id : a.evidence) list += (list.empty() ? "" : ", ") + id;
  const std::string credible = a.ambitious_outcome
                                   ? ", inside the credible range (" +
                                         text::CostOrValue(a.credible_low, money) + " to " +
                                         text::CostOrValue(a.credible_high, money) +
                                         "), tempered from the ambitious anchor (" +
                                         text::CostOrValue(a.ambitious_value, money) + "). "
                                   : ", which still beats " + text::Possessive(who) +
                                         " alternative at the weak end of its range. ";
  return "Open with " + text::OutcomeText(c, a.outcome) + ": " +
         text::WorthTo(a.our_value, "us", money) + " and " +
         text::WorthTo(a.their_value, who, theirs.form() == ValueForm::kMoney) + credible +
         (a.evidence.empty()
              ? "No benchmark, cost or precedent backs it yet: find one before the meeting."
              : "Cite the evidence: " + list + ".");
}

// How the opening was tempered: the share of the room between where the plan lands (`aim`) and
// the ambitious anchor that it keeps, against the share asked for (`keep`).
std::string TemperingText(double aim, const std::string& aim_name, double keep, double ambitious,
                          double opening, bool money) {
  const double kept = (opening - aim) / (ambitious - aim);
  const std::string room = " of the room between " + aim_name + " (" +
                           text::CostOrValue(aim, money) + ") and the ambitious anchor (" +
                           text::CostOrValue(ambitious, money) + ")";
  if (kept <= 1e-9) {
    return "No package on the frontier lies strictly between " + aim_name + " (" +
           text::CostOrValue(aim, money) + ") and the ambitious anchor (" +
           text::CostOrValue(ambitious, money) +
           "), so the opening is the landing point itself: nothing is left to concede; trade only "
           "value for value.";
  }
  if (std::fabs(kept - keep) < 0.005) {
    return "The opening keeps " + text::Percent(keep) + room + ", so every concession is smaller.";
  }
  return "The opening keeps " + text::Percent(kept) + room + ", the frontier package nearest to " +
         text::Percent(keep) + ", so every concession is smaller.";
}

}  // namespace

Anchor PlanAnchor(const Case& c, const analysis::Frontier& frontier, const std::string& us,
                  const std::string& them, const std::optional<Outcome>& predicted) {
  internal::FrontierPartyIndex(frontier, us);  // both parties must state values
  internal::FrontierPartyIndex(frontier, them);
  const PartyValuation mine(c, us), theirs(c, them);
  const internal::ThirdParties others(c, us, them);
  const auto [their_low, their_high] = theirs.ReservationRange();
  constexpr double kEps = 1e-9;

  // The best frontier point for us whose value to them reaches `threshold`, that every third
  // party accepts when `all`, and that is worth at least `floor` to us.
  const double lowest = -std::numeric_limits<double>::infinity();
  auto best_for_us =
      [&](double threshold, bool all = true,
          double floor = -std::numeric_limits<double>::infinity()) -> std::optional<std::size_t> {
    std::optional<std::size_t> best;
    double best_value = -std::numeric_limits<double>::infinity();
    for (std::size_t p = 0; p < frontier.points.size(); ++p) {
      const Outcome& o = frontier.points[p].outcome;
      if (theirs.Value(o) < threshold - kEps || (all && !others.Accept(o))) continue;
      const double v = mine.Value(o);
      if (v < floor - kEps * std::max(1.0, std::fabs(floor))) continue;
      if (v > best_value) {
        best_value = v;
        best = p;
      }
    }
    return best;
  };
  // Never an opening worth less than our walk-away while one worth more exists.
  const double walk_away = mine.ReservationValue();
  std::optional<std::size_t> ambitious = best_for_us(their_low, true, walk_away);
  if (!ambitious) ambitious = best_for_us(lowest, true, walk_away);
  if (!ambitious) ambitious = best_for_us(lowest, false, walk_away);
  if (!ambitious) ambitious = best_for_us(lowest, false);
  const std::optional<std::size_t> safe = best_for_us(their_high);

  Anchor a;
  a.outcome = frontier.points[*ambitious].outcome;
  a.our_value = mine.Value(a.outcome);
  a.their_value = theirs.Value(a.outcome);
  a.credible_high = a.our_value;
  a.walk_away = mine.ReservationValue();
  a.predicted_value = predicted ? mine.Value(*predicted) : a.walk_away;
  a.credible_low = safe ? mine.Value(frontier.points[*safe].outcome) : a.walk_away;
  if (safe) a.credible_low_outcome = frontier.points[*safe].outcome;
  // The range is of openings we would make and counters that leave the anchor standing: never
  // below what the plan lands on (the predicted deal, at least our walk-away). Where their
  // strongest alternative needs less of us than that (a safe end below it), the range stops there,
  // at the predicted package; a counter the brief calls "inside the range" is then one we can take.
  const double keep = std::max(a.walk_away, a.predicted_value);
  if (a.credible_low < keep - kEps * std::max(1.0, std::fabs(keep))) {
    a.credible_low = std::min(keep, a.credible_high);
    a.credible_low_outcome.reset();
    if (predicted && a.predicted_value >= a.walk_away && a.credible_low == a.predicted_value) {
      a.credible_low_outcome = *predicted;
    }
  }
  a.room_to_prediction = a.our_value - a.predicted_value;
  a.room_to_walk_away = a.predicted_value - a.walk_away;

  WeighEvidenceFigures(c, us, a);

  a.ambitious_value = a.our_value;
  a.rationale = Rationale(c, us, them, a);
  return a;
}

Anchor TemperAnchor(const Case& c, const analysis::Frontier& frontier, const std::string& us,
                    const std::string& them, const Anchor& ambitious, double aim, double keep,
                    const std::string& why, const std::string& aim_name) {
  if (keep >= 1) return ambitious;
  if (!(ambitious.our_value > aim)) {  // nothing above the landing point to temper
    Anchor a = ambitious;
    a.tempering = why + " The ambitious anchor is already " +
                  (aim_name.rfind("where", 0) == 0 ? aim_name : "at " + aim_name) +
                  ", so it needs no tempering; trade only value for value.";
    return a;
  }
  const PartyValuation mine(c, us), theirs(c, them);
  const internal::ThirdParties others(c, us, them);
  const double their_low = theirs.ReservationRange().first;
  const double level = aim + std::max(0.0, keep) * (ambitious.our_value - aim);
  const double eps = 1e-9 * std::max(1.0, mine.MaxValue() - mine.MinValue());
  // The point nearest the level: the lowest at or above it, else the highest below it (down to
  // the aim); ties: more value to them.
  auto rank = [&](double ours) {
    return ours >= level - eps ? ours - level : level - ours + 1e300;
  };
  std::optional<Outcome> best;
  double best_ours = 0, best_theirs = 0;
  for (const analysis::FrontierPoint& p : frontier.points) {
    const double ours = mine.Value(p.outcome), other = theirs.Value(p.outcome);
    if (ours < aim - eps || ours >= ambitious.our_value - eps) continue;
    if (other < their_low - 1e-9 || !others.Accept(p.outcome)) continue;
    if (best && (rank(ours) > rank(best_ours) + eps ||
                 (rank(ours) >= rank(best_ours) - eps && other <= best_theirs))) {
      continue;
    }
    best = p.outcome;
    best_ours = ours;
    best_theirs = other;
  }
  if (!best) return ambitious;
  Anchor a = ambitious;
  a.ambitious_outcome = ambitious.outcome;
  a.ambitious_value = ambitious.our_value;
  a.outcome = *best;
  a.our_value = best_ours;
  a.their_value = best_theirs;
  a.room_to_prediction = a.our_value - a.predicted_value;
  const bool money = mine.form() == ValueForm::kMoney;
  a.tempering =
      why + " " + TemperingText(aim, aim_name, keep, ambitious.our_value, best_ours, money);
  WeighEvidenceFigures(c, us, a);  // against the tempered opening's terms
  a.rationale = Rationale(c, us, them, a);
  return a;
}

}  // namespace parley::plan
