#include "parley/report/power_text.h"

#include <fmt/format.h>

#include <cmath>
#include <ostream>
#include <sstream>
#include <vector>

#include "parley/core/case_check.h"
#include "parley/core/text.h"
#include "parley/report/outcome_format.h"

namespace parley::report {

namespace {

// ---- Text -----------------------------------------------------------------------------------

// A 0..5 score as a bar of 20 cells, 4 per point, with half cells rounded up.
std::string Bar(double score) {
  const int cells = static_cast<int>(std::lround(std::clamp(score, 0.0, 5.0) * 4));
  std::string bar;
  for (int i = 0; i < 20; ++i) bar += i < cells ? "\u2588" : "\u00b7";
  return bar;
}

std::string ConfidenceText(const power::SourceScore& s) {
  switch (s.confidence) {
    case power::Confidence::kUnscored:
      return "not scored (assumed)";
    case power::Confidence::kAsserted:
      return "asserted, no evidence";
    case power::Confidence::kEvidenced:
      return fmt::format("evidenced ({})", s.evidence.size());
  }
  return "";
}

void PrintSources(std::ostream& out, const Case& c, const power::PowerReport& r) {
  const power::SourceAssessment& a = r.sources;
  std::size_t width = 6;
  for (const std::string& id : a.parties) width = std::max(width, PartyName(c, id).size());
  out << "Balance of power:";
  for (std::size_t p = 0; p < a.parties.size(); ++p) {
    out << fmt::format("  {} {:.0f}%", PartyName(c, a.parties[p]), 100 * a.balance[p]);
  }
  out << "\n\n";
  for (int s = 0; s < kPowerSourceCount; ++s) {
    for (std::size_t p = 0; p < a.parties.size(); ++p) {
      const power::SourceScore& score = a.power[p].sources[s];
      out << fmt::format("  {:<15} {:<{}}  {} {:>3}  {:>4.0f}%  {}\n",
                         p == 0 ? PowerSourceNames()[s] : "", PartyName(c, a.parties[p]), width,
                         Bar(score.score), FormatNumber(score.score), 100 * a.source_share[s][p],
                         ConfidenceText(score));
    }
  }
  out << fmt::format("  {:<15} ", "overall");
  for (std::size_t p = 0; p < a.parties.size(); ++p) {
    out << fmt::format("{}{} {:.1f} of 5 (confidence {:.2f})", p == 0 ? "" : ";  ",
                       PartyName(c, a.parties[p]), a.power[p].mean, a.power[p].confidence);
  }
  out << "\n";
}

void PrintLenses(std::ostream& out, const Case& c, const power::PowerReport& r) {
  out << "\nThe same power through the method's other lenses (0..5, share in brackets):\n";
  for (const power::Lens& lens : r.lenses) {
    out << "  " << lens.name << "\n";
    for (const power::LensComponent& comp : lens.components) {
      std::string line = fmt::format("    {:<14}", comp.name);
      for (std::size_t p = 0; p < r.sources.parties.size(); ++p) {
        line += fmt::format("  {} {:.1f} ({:.0f}%)", PartyName(c, r.sources.parties[p]),
                            comp.score[p], 100 * comp.share[p]);
      }
      std::string inputs;
      for (const std::string& in : comp.inputs) inputs += (inputs.empty() ? "" : ", ") + in;
      out << line << "   [" << inputs << "]\n";
    }
  }
}

void PrintPerception(std::ostream& out, const Case& c, const power::PowerReport& r) {
  out << "\nPerception:\n";
  for (const power::PartyPerception& p : r.perception.parties) {
    if (!p.felt) {
      out << fmt::format("  {:<14} assessed {:.1f} of 5; no perceived_power stated\n",
                         PartyName(c, p.party), p.assessed);
      continue;
    }
    out << fmt::format("  {:<14} {} {:.1f}, assessed {:.1f}: {} ({:+.1f})\n", PartyName(c, p.party),
                       p.party == r.perspective ? "feels" : "appears", *p.felt, p.assessed,
                       power::PerceptionVerdictName(p.verdict), p.gap);
  }
  if (r.perception.felt_share) {
    out << fmt::format("  felt share of power {:.0f}%, assessed {:.0f}%\n",
                       100 * *r.perception.felt_share, 100 * r.perception.assessed_share);
  }
}

void PrintLeverage(std::ostream& out, const Case& c, const power::PowerReport& r) {
  if (!r.leverage) return;
  std::size_t width = 5;
  for (const power::PartyLeverage& p : r.leverage->parties) {
    width = std::max(width, PartyName(c, p.party).size());
  }
  out << "\nLeverage (per week; weights sum to 1):\n";
  out << fmt::format("  {:<{}} {:>12} {:>12} {:>10} {:>8} {:>10} {:>9} {:>8} {:>7}\n", "party",
                     width, "walk-away", "dependence", "delay", "weeks", "impatience", "patience",
                     "balance", "weight");
  for (const power::PartyLeverage& p : r.leverage->parties) {
    std::string delay = "-";
    if (p.money && p.cost_per_week) delay = text::Amount(*p.cost_per_week, true);
    if (!p.money && p.discount) delay = "d=" + FormatNumber(*p.discount);
    out << fmt::format("  {:<{}} {:>12} {:>12} {:>10} {:>8} {:>10.4f} {:>9.3f} {:>8.3f} {:>7.3f}\n",
                       PartyName(c, p.party), width, text::Amount(p.reservation_value, p.money),
                       text::Amount(p.dependence_value, p.money), delay,
                       p.pressure_weeks ? fmt::format("{:.1f}", *p.pressure_weeks)
                       : p.deadline_known == power::DeadlineKnown::kUnknown ? "?"
                                                                            : "-",
                       p.impatience, p.patience_weight, p.balance, p.weight);
  }
  if (!r.leverage->today.empty()) {
    out << "  weeks to the nearest date pressing on each party counted from " << r.leverage->today
        << "\n";
  }
  for (const power::PartyLeverage& p : r.leverage->parties) {
    out << "  " << PartyName(c, p.party) << ": deadline " << power::DeadlineText(c, p) << "\n";
  }
  if (r.leverage->AnyUnknownDeadline()) {
    out << fmt::format("  ? = deadline unknown: drawn from {} to {} weeks\n",
                       FormatNumber(r.leverage->unknown_deadline_weeks.first),
                       FormatNumber(r.leverage->unknown_deadline_weeks.second));
  }
}

void PrintPrediction(std::ostream& out, const Case& c, const power::PowerReport& r) {
  if (!r.prediction) return;
  const power::Prediction& pr = *r.prediction;
  out << "\nPredicted deal (weighted Nash on the frontier within the floors, BATNAs as the "
         "disagreement point):\n";
  if (!pr.deal) {
    out << "  none: no deal is acceptable to every party at the point estimate (no ZOPA)\n";
  } else {
    const power::PredictedDeal& d = *pr.deal;
    out << "  " << PackageText(c, d.outcome)
        << (d.ties > 1 ? fmt::format("  ({} points tie; the first is shown)", d.ties) : "") << "\n";
    for (std::size_t i = 0; i < pr.parties.size(); ++i) {
      const bool money = StatesMoney(c, pr.parties[i]);
      out << fmt::format(
          "  {:<14} value {:>12}  utility {:.4f}  gain over BATNA {:>10}  "
          "surplus share {:.0f}%\n",
          PartyName(c, pr.parties[i]), text::Amount(d.value[i], money), d.utility[i],
          text::Amount(d.gain[i], money), 100 * d.share[i]);
    }
  }
  const std::size_t me =
      std::find(pr.parties.begin(), pr.parties.end(), pr.perspective) - pr.parties.begin();
  const bool money = StatesMoney(c, pr.perspective);
  if (pr.samples == 0 && !pr.uncertain.empty()) {
    out << "  no draws (--samples 0): BATNA ranges count at their midpoints, unknown deadlines "
           "at their expected pressure\n";
  } else if (pr.samples == 0) {
    out << "  nothing uncertain: the point estimate is the prediction\n";
  } else {
    out << fmt::format("  over {} draws of the {} (seed {}): a ZOPA exists in {:.1f}%\n",
                       text::GroupDigits(std::to_string(pr.samples)), power::DrawnInputs(pr),
                       pr.seed, 100 * pr.zopa_probability);
    if (pr.value) {
      out << fmt::format("  {}'s value in the deal: p5 {}  p25 {}  median {}  p75 {}  p95 {}\n",
                         PartyName(c, pr.perspective), text::Amount(pr.value->p5, money),
                         text::Amount(pr.value->p25, money), text::Amount(pr.value->p50, money),
                         text::Amount(pr.value->p75, money), text::Amount(pr.value->p95, money));
    }
    for (const power::IssueFrequency& f : pr.frequencies) {
      std::string line;
      for (const auto& [text, share] : f.values) {
        if (share < 0.005) continue;
        line += fmt::format("{}{} {:.0f}%", line.empty() ? "" : ", ", text, 100 * share);
      }
      const Issue* issue = c.FindIssue(f.issue);
      out << fmt::format("    {:<24} {}\n", issue ? issue->DisplayName() : f.issue, line);
    }
  }
  (void)me;
  out << fmt::format("  expected value for {} (BATNA when no deal): {}\n",
                     PartyName(c, pr.perspective), text::Amount(pr.expected_value, money));
}

void PrintLevers(std::ostream& out, const Case& c, const power::PowerReport& r) {
  if (r.levers.empty()) return;
  out << "\nLevers, ranked (change in " << text::Possessive(PartyName(c, r.perspective))
      << " expected value):\n";
  // Raising any one source by a point moves the balance by the same amount, so equal
  // raise-source levers are shown on one line.
  int rank = 0;
  for (std::size_t k = 0; k < r.levers.size(); ++k) {
    const power::Lever& l = r.levers[k];
    std::string text = l.description;
    if (l.lever == "raise-source") {
      std::vector<std::string> sources = {l.source};
      while (k + 1 < r.levers.size() && r.levers[k + 1].lever == "raise-source" &&
             std::fabs(r.levers[k + 1].gain - l.gain) <= 1e-9 * std::max(1.0, std::fabs(l.gain))) {
        sources.push_back(r.levers[++k].source);
      }
      if (sources.size() > 1) {
        std::string list;
        for (const std::string& s : sources) list += (list.empty() ? "" : ", ") + s;
        text = "Raise any one of our sources by a point, backed by evidence (" + list + ")";
      }
    }
    out << fmt::format("  {:>2}. {:>10}  {}\n", ++rank,
                       (l.gain >= 0 ? "+" : "") + text::Amount(l.gain, l.money), text);
  }
}

void PowerText(std::ostream& out, const Case& c, const power::PowerReport& r) {
  out << "Power: " << c.title << "\n";
  out << fmt::format("From the chair of {} ({})", PartyName(c, r.perspective), r.perspective);
  if (r.prediction && r.prediction->samples > 0) {
    out << fmt::format("; seed {}, {} draws", r.options.seed, r.prediction->samples);
  }
  out << "\n\n";
  PrintSources(out, c, r);
  PrintLenses(out, c, r);
  PrintPerception(out, c, r);
  PrintLeverage(out, c, r);
  PrintPrediction(out, r.floored.c, r);
  PrintLevers(out, c, r);
  if (!r.pitfalls.empty()) {
    out << "\nPitfalls:\n";
    for (const power::Pitfall& p : r.pitfalls) {
      std::string fields;
      for (const CasePath& path : p.fields) {
        fields += (fields.empty() ? "" : ", ") + FormatCasePath(path);
      }
      out << fmt::format("  [{}] {}\n      at {}\n", power::PitfallName(p.id), p.message, fields);
    }
  }
  out << "\nAssumptions:\n";
  for (const std::string& a : r.assumptions) out << "  - " << a << "\n";
}

}  // namespace

std::string RenderPowerText(const Case& c, const power::PowerReport& r,
                            const std::string& svg_file) {
  std::ostringstream out;
  PowerText(out, c, r);
  if (!svg_file.empty()) out << "\nwrote " << svg_file << "\n";
  return out.str();
}

}  // namespace parley::report
