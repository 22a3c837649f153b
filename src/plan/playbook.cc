#include "parley/plan/playbook.h"

#include <algorithm>
#include <string>
#include <vector>

#include "internal/grid.h"
#include "parley/core/package.h"
#include "parley/core/text.h"
#include "parley/plan/brief.h"
#include "parley/power/leverage.h"

namespace parley::plan {
namespace {

// What the scripts are filled with, gathered once from the case and the brief. Empty strings
// mean the case does not say; the scripts then leave the part out or say what to find.
struct Facts {
  bool money = true;
  std::string us, them;        // display names
  std::string floor_text;      // "go below 105000 on Annual price"
  std::string floor_evidence;  // "claim (source)"
  std::string walk_away;       // our reservation value
  std::string anchor_terms, anchor_value, credible_low, anchor_evidence;
  std::string predicted_terms, predicted_value;
  std::string give, get, give_value_them;                    // the best give-get pair
  std::string give_term, get_term;                           // as terms: "Support tier premium"
  std::string first_give, first_get, first_give_value_them;  // first planned step
  std::string first_date;
  std::string our_date, our_date_evidence;      // our dated deadline and its evidence claim
  std::string their_date, their_date_evidence;  // theirs
  std::string decider, champion, sponsor;       // their decision-maker, champion; our sponsor
  std::string benchmark;                        // a benchmark or cost claim
  std::string issues;                           // the issues, named
  std::size_t meso_count = 0;
  std::string meso_list;  // "A: ...; B: ..."
  std::string close_date;
};

std::string EvidenceText(const Case& c, const std::vector<std::string>& ids) {
  std::vector<std::string> parts;
  for (const std::string& id : ids) {
    if (const Evidence* e = c.FindEvidence(id)) {
      parts.push_back(e->claim + (e->source.empty() ? "" : " (" + e->source + ")"));
    }
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

std::string Terms(const Case& c, const Outcome& o) {
  std::vector<std::string> parts;
  const Package p = OutcomeToPackage(c, o);
  for (std::size_t i = 0; i < p.size(); ++i) {
    parts.push_back(c.issues[i].DisplayName() + " " + FormatIssueValue(p[i].second));
  }
  return internal::JoinAnd(parts);
}

std::string MoveText(const Case& c, const Move& m) {
  const Issue* issue = c.FindIssue(m.issue);
  return (issue != nullptr ? issue->DisplayName() : m.issue) + " from " + m.from_text + " to " +
         m.to_text;
}

Facts Gather(const Case& c, const Brief& b) {
  Facts f;
  const Case& fc = b.power.floored.c;
  const Preferences* values = c.FindValues(b.us);
  f.money = values == nullptr || values->form == ValueForm::kMoney;
  auto amount = [&f](double x) { return text::Amount(x, f.money); };
  const Party* us = c.FindParty(b.us);
  const Party* them = c.FindParty(b.them);
  f.us = us != nullptr ? us->DisplayName() : b.us;
  f.them = them != nullptr ? them->DisplayName() : (b.them.empty() ? "the other side" : b.them);

  for (const Floor& fl : c.floors) {
    if (fl.party != b.us) continue;
    const Issue* issue = c.FindIssue(fl.issue);
    const std::string name = issue != nullptr ? issue->DisplayName() : fl.issue;
    if (fl.min) {
      f.floor_text = "go below " + FormatNumber(*fl.min) + " on " + name;
    } else if (fl.max) {
      f.floor_text = "go above " + FormatNumber(*fl.max) + " on " + name;
    } else if (!fl.exclude.empty()) {
      f.floor_text = "accept " + internal::JoinOr(fl.exclude) + " on " + name;
    }
    f.floor_evidence = EvidenceText(c, fl.evidence);
    break;
  }
  if (us != nullptr && us->batna) {
    if (f.floor_text.empty()) f.floor_evidence = EvidenceText(c, us->batna->evidence);
  }
  if (b.anchor) {
    f.walk_away = amount(b.anchor->walk_away);
    f.anchor_terms = Terms(fc, b.anchor->outcome);
    f.anchor_value = amount(b.anchor->our_value);
    f.credible_low = amount(b.anchor->credible_low);
    f.anchor_evidence = EvidenceText(c, b.anchor->evidence);
  }
  if (b.power.prediction && b.power.prediction->deal) {
    f.predicted_terms = Terms(fc, b.power.prediction->deal->outcome);
    if (b.anchor) f.predicted_value = amount(b.anchor->predicted_value);
  }
  if (!b.give_get.empty()) {
    const GiveGet& gg = b.give_get.front();
    f.give = MoveText(fc, gg.give);
    f.get = MoveText(fc, gg.get);
    f.give_value_them = text::Amount(gg.give.their_change, b.tradeables && b.tradeables->money);
    const Issue* issue = fc.FindIssue(gg.give.issue);
    f.give_term = (issue != nullptr ? issue->DisplayName() : gg.give.issue) + " " + gg.give.to_text;
    const Issue* get_issue = fc.FindIssue(gg.get.issue);
    f.get_term =
        (get_issue != nullptr ? get_issue->DisplayName() : gg.get.issue) + " " + gg.get.to_text;
  }
  if (b.concession_plan && !b.concession_plan->steps.empty()) {
    const PlannedConcession& s = b.concession_plan->steps.front();
    std::vector<std::string> gives;
    for (const TermChange& t : s.gives) {
      const Issue* issue = fc.FindIssue(t.issue);
      gives.push_back((issue != nullptr ? issue->DisplayName() : t.issue) + " to " + t.to);
    }
    f.first_give = internal::JoinAnd(gives);
    std::vector<std::string> gets;
    for (const TermChange& t : s.gets) {
      const Issue* issue = fc.FindIssue(t.issue);
      gets.push_back((issue != nullptr ? issue->DisplayName() : t.issue) + " " + t.to);
    }
    f.first_get = internal::JoinAnd(gets);
    f.first_date = s.date;
    f.first_give_value_them = text::Amount(s.their_gain, b.tradeables && b.tradeables->money);
    f.close_date = b.concession_plan->close_date;
  }
  if (us != nullptr && us->deadline && !us->deadline->date.empty()) {
    f.our_date = us->deadline->date;
    f.our_date_evidence = EvidenceText(c, us->deadline->evidence);
  }
  if (them != nullptr && them->deadline && !them->deadline->date.empty()) {
    f.their_date = them->deadline->date;
    f.their_date_evidence = EvidenceText(c, them->deadline->evidence);
  }
  const Stakeholder* decider = internal::DecisionMaker(c, b.them);
  const Stakeholder* champion = nullptr;
  const Stakeholder* sponsor = nullptr;
  for (const Stakeholder& s : c.stakeholders) {
    if (s.party == b.them) {
      if (s.stance.value_or(0) > 0 &&
          (champion == nullptr || s.stance.value_or(0) > champion->stance.value_or(0))) {
        champion = &s;
      }
    } else if (s.party == b.us) {
      if (sponsor == nullptr || s.formal.value_or(0) > sponsor->formal.value_or(0)) sponsor = &s;
    }
  }
  if (decider != nullptr) f.decider = internal::StakeholderName(*decider);
  if (champion != nullptr && champion != decider) f.champion = internal::StakeholderName(*champion);
  if (sponsor != nullptr) f.sponsor = internal::StakeholderName(*sponsor);
  for (const Evidence& e : c.evidence) {
    if (e.kind == EvidenceKind::kBenchmark || e.kind == EvidenceKind::kCost) {
      f.benchmark = e.claim + (e.source.empty() ? "" : " (" + e.source + ")");
      break;
    }
  }
  std::vector<std::string> names;
  for (const Issue& i : c.issues) names.push_back(i.DisplayName());
  f.issues = internal::JoinAnd(names);
  if (b.meso) {
    f.meso_count = b.meso->packages.size();
    for (std::size_t k = 0; k < b.meso->packages.size(); ++k) {
      f.meso_list += (k == 0 ? "" : "; ") + std::string(1, static_cast<char>('A' + k)) + ": " +
                     Terms(fc, b.meso->packages[k].outcome);
    }
  }
  return f;
}

std::string Or(const std::string& value, const std::string& fallback) {
  return value.empty() ? fallback : value;
}

// ---- the moves every context shares ---------------------------------------------------------

PlayMove AgendaMove(const Facts& f) {
  return {"agenda-and-limits",
          "Agree the agenda and the process",
          "The first meeting, before any figure is named.",
          "Before we talk numbers, let's agree what we need to settle: " + f.issues +
              ". We both have real limits, and we'll show the basis for ours; we'd like to "
              "understand yours the same way.",
          "They want to talk only about price: bring the other issues back, one at a time.",
          "A price-only negotiation leaves value on the table and turns into a haggle.",
          "Keep the written issue list on the table and reopen every skipped issue by name."};
}

PlayMove AnchorMove(const Facts& f) {
  const std::string evidence =
      f.anchor_evidence.empty() ? "" : " It rests on " + f.anchor_evidence + ".";
  return {"anchor-with-standards",
          "Open first with a defensible anchor",
          "When the agenda is agreed and the other side has not yet named a figure.",
          f.anchor_terms.empty()
              ? "Our proposal is built on the standards we have shared; here is how we get to it."
              : "Our proposal is " + f.anchor_terms + "." + evidence,
          "A counter inside our credible range" +
              (f.credible_low.empty() ? std::string() : " (down to " + f.credible_low + ")") +
              " means the anchor held; a counter far outside it means ask for their standard "
              "before moving.",
          "An anchor they see as unreasonable ends the conversation or triggers a counter-anchor.",
          f.anchor_evidence.empty()
              ? "Find a benchmark, cost or precedent before the meeting; an anchor without one "
                "is flagged."
              : "Cite the evidence as you open and stay within the credible range."};
}

PlayMove MesoMove(const Facts& f) {
  return {"meso",
          "Put equal-value packages on the table together",
          "Right after the anchor, or when they reject it without a counter.",
          f.meso_count >= 2
              ? "Here are " + std::to_string(f.meso_count) +
                    " ways we could do this, and they work equally well for us: " + f.meso_list +
                    ". Which comes closest for you, and what would you change?"
              : "Offer two or three whole packages of equal value to us rather than one, and "
                "ask which comes closest.",
          "Which package they pick, and what they ask to change, shows what they value most.",
          "They take the best terms of each package and ask for all of them.",
          "Each package is whole: mixing them reopens the balancing issue, usually the price."};
}

PlayMove FloorMove(const Facts& f) {
  const std::string floor = f.floor_text.empty() ? "We have a point below which we walk away (" +
                                                       Or(f.walk_away, "our walk-away") + ")"
                                                 : "We can't " + f.floor_text;
  const std::string why = f.floor_evidence.empty() ? "" : ": " + f.floor_evidence;
  const std::string trade = f.give.empty() ? ""
                                           : " If this is the pressure point for you, we can "
                                             "move " +
                                                 f.give + ", provided we get " + f.get + ".";
  return {"floor-with-evidence",
          "Hold the floor with its evidence and a give-get",
          "When they push on the issue our floor protects.",
          floor + why + "." + trade,
          "They accept the basis and look for value elsewhere: trade. They dispute the "
          "evidence: walk through it, don't bargain over it.",
          "A floor stated without evidence sounds like a bluff and gets tested.",
          f.floor_evidence.empty()
              ? "Back the floor with a cost or policy document before using it."
              : "Show the document, then move the talk to the give-get."};
}

PlayMove ValidityMove(const Facts& f) {
  if (!f.our_date.empty() && !f.our_date_evidence.empty()) {
    return {"validity-date",
            "Tie the offer's validity to a real date",
            "When they stall or ask for more time without a reason.",
            "This offer holds until " + f.our_date + ", because " + f.our_date_evidence +
                ". After that date we can't promise the same terms.",
            "They ask what happens after the date: explain the capacity or budget cycle, not a "
            "penalty.",
            "A date that turns out to be soft costs credibility for the rest of the deal.",
            "Only name dates the evidence supports; never extend one without a new reason."};
  }
  return {"validity-date",
          "Tie the offer's validity to a real date",
          "When they stall, once a real capacity or budget date is known.",
          "This offer holds until [date], because [the capacity or budget fact behind it]." +
              (f.our_date.empty() ? std::string()
                                  : " (Our deadline of " + f.our_date +
                                        " has no evidence yet: find it before using it.)"),
          "They test the date: if the evidence is not ready, don't use the move.",
          "An invented deadline is a bluff; if called, every later date loses weight.",
          "Find the budget or capacity document first; until then, pace by rounds instead."};
}

PlayMove ConcessionMove(const Facts& f) {
  return {"concession-with-get",
          "Make each planned concession buy something",
          "When they have moved too, at the dates of the concession plan.",
          f.first_give.empty()
              ? "If you can give us [a get], we can move on [a give]."
              : (f.first_get.empty()
                     ? "If you can agree the rest of the package" +
                           (f.first_date.empty() ? std::string() : " by " + f.first_date)
                     : "If you can give us " + f.first_get) +
                    ", we can move " + f.first_give + ", worth " + f.first_give_value_them +
                    " to you.",
          "Each concession smaller than the last tells them we are near our limit; a large late "
          "move tells them the opposite.",
          "Conceding twice in a row without a move from them teaches them to wait.",
          "Never make two concessions in a row; write down each get before giving."};
}

PlayMove ConditionalAcceptanceMove(const Facts& f) {
  return {"conditional-acceptance",
          "Accept on conditions, with verification",
          "When the package is close to the predicted deal and every issue is settled.",
          "We can accept " + Or(f.predicted_terms, "this package") + ", subject to " +
              (f.decider.empty() ? "sign-off by your decision-maker" : "sign-off by " + f.decider) +
              (f.close_date.empty() ? "" : " by " + f.close_date) +
              ", and to both sides checking the figures it rests on before signing.",
          "They try to reopen a settled term in the last round: that is a squeeze; the package "
          "reopens as a whole.",
          "Accepting without verification locks in a misunderstanding.",
          "One negotiating text, checked line by line, signed by the people who decide."};
}

PlayMove SingleTextMove() {
  return {"single-text",
          "Close on one negotiating text",
          "As soon as the main terms are agreed.",
          "Let's put everything we've agreed into one document and go through it together, so "
          "nothing is left to interpretation.",
          "New demands at the end: a last-minute squeeze. Treat them as reopening the package.",
          "Side letters and verbal promises unravel in implementation.",
          "Keep one text, versioned, and trade any late change against something of equal "
          "value."};
}

PlayMove RemedyMove(const Facts& f) {
  return {"contingent-remedy",
          "Write a contingent remedy into the deal",
          "When they doubt a commitment, or we doubt theirs.",
          f.give_term.empty()
              ? "If a commitment in this deal is not met on time, the remedy is set in advance: "
                "[a credit or a reversion], so neither side has to renegotiate."
              : "If we don't deliver " + f.give_term + " as agreed, you receive a credit worth " +
                    f.give_value_them + "; if " + f.get_term +
                    " is not honoured on your side, our terms on it revert.",
          "They accept a remedy readily: the commitment matters to them. They refuse any remedy "
          "on their side: probe why.",
          "An unenforceable remedy gives false comfort.",
          "Tie the remedy to a measurable date or metric that both sides can check."};
}

PlayMove OwnersMove(const Facts& f) {
  return {"owners-and-metrics",
          "Name owners, dates, metrics and the escalation path",
          "At signature.",
          "For each commitment: who owns it, by when, how we'll measure it, and who to call if "
          "it slips" +
              (f.sponsor.empty() && f.decider.empty()
                   ? std::string(".")
                   : " (" + Or(f.sponsor, "our sponsor") + " and " +
                         Or(f.decider, "your decision-maker") + ")."),
          "A commitment with no owner after a week is one that will slip.",
          "Implementation drift turns a good deal into a dispute and poisons the next one.",
          "A first review meeting in the calendar before signature."};
}

PlayMove EscalationMove(const Facts& f) {
  return {"sponsor-escalation",
          "Escalate sponsor to sponsor, not over their head",
          "When the teams are stuck on one issue and both sides still want the deal.",
          "We're stuck on one point. I'd suggest " + Or(f.sponsor, "our sponsor") + " and " +
              Or(f.decider, "your decision-maker") + " speak directly" +
              (f.close_date.empty() ? "" : " before " + f.close_date) +
              ", with both proposals on one page, and we'll work from what they agree.",
          "Both sponsors agree to talk: prepare a one-page summary. One refuses: the issue is "
          "political, not commercial.",
          "Going over the other team's head makes enemies of the people who implement the deal.",
          "Announce the escalation to the other team first and give them the page to review."};
}

// ---- moves for each context -----------------------------------------------------------------

void AddContextMoves(Context context, const Facts& f, std::vector<PlayPhase>& phases) {
  auto& setup = phases[0].moves;
  auto& first = phases[1].moves;
  auto& midgame = phases[2].moves;
  auto& close = phases[3].moves;
  switch (context) {
    case Context::kSales:
      setup.push_back({"discovery", "Discovery before price",
                       "In the first meeting, before any proposal.",
                       "What has to be true for " + f.them +
                           " in the first six months for this to be a success? Who else has "
                           "to be happy with it?" +
                           (f.champion.empty() ? "" : " (Check it with " + f.champion + ".)"),
                       "They describe outcomes and owners: frame the offer on them. They only "
                       "talk price: value framing has not started.",
                       "Pitching before discovery leaves only price to argue about.",
                       "Ask open questions and listen more than you talk."});
      midgame.push_back(
          {"objection-by-standards", "Answer objections with the BATNA and standards",
           "When they say the price is too high or a competitor is cheaper.",
           "Let's compare on the same basis: " + Or(f.benchmark, "[the market benchmark]") +
               ". If that comparison doesn't hold, tell us what it misses.",
           "They bring a competitor quote: ask what it includes, not for a match.",
           "Matching every quote trains the buyer to shop the price.",
           "Compare scope for scope; concede only through the plan."});
      close.push_back(EscalationMove(f));
      break;
    case Context::kProcurement:
      setup.push_back({"competitive-tension", "Keep more than one supplier in play",
                       "From the start, until the contract is signed.",
                       "We're running a structured process with more than one qualified "
                       "supplier, and we'll decide on the whole package, not price alone.",
                       "The supplier asks for exclusivity early: keep the process open.",
                       "A single-source negotiation loses the buyer's main lever.",
                       "A real second option, evaluated on the same criteria."});
      first.push_back({"should-cost", "Open from a should-cost",
                       "When the supplier's first price is on the table.",
                       "Our should-cost for this scope is built from " +
                           Or(f.benchmark, "[materials, labour and overhead benchmarks]") +
                           "; walk us through where your price differs.",
                       "They explain cost drivers: negotiate the drivers. They refuse: the "
                       "margin is the issue.",
                       "A should-cost with wrong assumptions loses credibility fast.",
                       "Share the basis, not only the number, and correct it openly."});
      close.push_back(EscalationMove(f));
      break;
    case Context::kPartnership:
      setup.push_back({"coalition-prerequisites",
                       "Secure the coalition and brand prerequisites first",
                       "Before terms are discussed.",
                       "Before we get into terms, let's confirm who on each side needs to "
                       "endorse this and what our brands require of each other.",
                       "An endorser is missing or lukewarm: slow down and bring them in.",
                       "Terms agreed without the coalition get undone later.",
                       "A list of endorsers with their interests, engaged one by one."});
      close.push_back(EscalationMove(f));
      break;
    case Context::kHiring:
      setup.push_back({"role-scarcity", "Frame the role's scarcity and scope",
                       "Early, when the role and its scope are discussed.",
                       "This role is one of few with this scope; let's agree what it covers "
                       "before we talk about the package.",
                       "The candidate asks about levelling: share the bands openly.",
                       "Hidden levelling rules breed distrust once the person joins.",
                       "Transparent levels and a written scope."});
      midgame.push_back({"staged-scope", "Stage the scope instead of the money",
                         "When the package is stuck on base pay.",
                         "We can review scope and pay together after the first six months "
                         "against agreed goals, written into the offer.",
                         "They value the review: agree the goals now. They refuse: pay is the "
                         "real issue.",
                         "A vague review promise is read as a no.",
                         "Put the review date and its criteria in the offer letter."});
      break;
    case Context::kInternal:
      setup.push_back({"scope-control", "Agree the scope before the resources",
                       "Before asking for budget, people or title.",
                       "Let's agree what this covers and what it doesn't, then what it takes.",
                       "Scope grows in the conversation: write it down and price the growth.",
                       "Winning the resources but not the scope leaves you over-committed.",
                       "A written scope signed off by the sponsor."});
      midgame.push_back({"staged-commitment", "Stage the commitment",
                         "When the decision-maker hesitates on the whole ask.",
                         "Could we start with the first stage now, with a checkpoint on a fixed "
                         "date to decide the next one?",
                         "A fixed checkpoint is accepted: the rest follows from results.",
                         "Stages with no date become the permanent state.",
                         "Put the checkpoint and its criteria in writing."});
      break;
    case Context::kOther:
      break;
  }
}

}  // namespace

const std::vector<std::string>& PhaseNames() {
  static const std::vector<std::string> names{"setup", "first-move", "midgame", "close",
                                              "implementation"};
  return names;
}

Playbook BuildPlaybook(const Case& c, const Brief& b) {
  const Facts f = Gather(c, b);
  Playbook book;
  const Context context = c.context.value_or(Context::kOther);
  book.context = ContextName(context);
  for (const std::string& name : PhaseNames()) book.phases.push_back({name, {}});
  book.phases[0].moves.push_back(AgendaMove(f));
  book.phases[1].moves.push_back(AnchorMove(f));
  book.phases[1].moves.push_back(MesoMove(f));
  book.phases[2].moves.push_back(FloorMove(f));
  book.phases[2].moves.push_back(ValidityMove(f));
  book.phases[2].moves.push_back(ConcessionMove(f));
  book.phases[3].moves.push_back(ConditionalAcceptanceMove(f));
  book.phases[3].moves.push_back(SingleTextMove());
  book.phases[4].moves.push_back(RemedyMove(f));
  book.phases[4].moves.push_back(OwnersMove(f));
  AddContextMoves(context, f, book.phases);

  for (const power::Pitfall& p : b.pitfalls) {
    using enum power::PitfallId;
    const bool ours = p.id == kUnsupportedClaim && p.party == b.us;
    if (ours || p.id == kHardPowerInRepeatedRelationship || p.id == kFaceThreat ||
        p.id == kDeadlineReliance) {
      book.warnings.push_back(p);
    }
  }
  return book;
}

}  // namespace parley::plan
