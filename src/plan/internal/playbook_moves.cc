#include "internal/playbook_moves.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace parley::plan::internal {
namespace {

std::string Or(const std::string& value, const std::string& fallback) {
  return value.empty() ? fallback : value;
}

// The words that change with the culture: a direct culture states limits and dates plainly; an
// indirect, high power-distance one hears the same words as a public ultimatum (METHOD.md
// section 6), so they become what we would find hard and what settling early would let us keep.
struct Phrasing {
  const char* anchor_when;
  const char* anchor_lead;
  const char* floor_lead;  ///< before "go below 105,000 on Price"
  const char* no_floor;
  const char* validity_lead;  ///< before the date
  const char* validity_tail;  ///< after the date and its reason
};

constexpr Phrasing kDirectPhrasing{
    "When the agenda is agreed and no one across the table has named a figure yet.",
    "Our proposal is ",
    "We can't ",
    "We have a point below which we walk away",
    "This offer holds until ",
    ". After that date we can't promise the same terms.",
};

constexpr Phrasing kIndirectPhrasing{
    "After the private preview, once the agenda is agreed and before they name a figure.",
    "Building on our conversations, a package we believe can work for all of us is ",
    "We would find it hard to ",
    "There is a point below which we could not make this work for us",
    "We have built these terms around ",
    "; settling before then would let us keep them.",
};

const Phrasing& PhrasingOf(const Facts& f) {
  return f.indirect ? kIndirectPhrasing : kDirectPhrasing;
}

// ---- the moves every context shares ---------------------------------------------------------

PlayMove PrivatePreviewMove(const Facts& f) {
  return {
      "private-preview",
      "Preview privately with " + Or(f.preview, "their decision-maker"),
      "Before any group meeting, and before any floor or anchor is stated in front of their "
      "team.",
      f.no_deal ? "Before our teams meet, I'd value your view in private: as the terms stand we "
                  "find it hard to make this work for us. What could change on your side that "
                  "would let us build something every team can support?"
      : !f.case_first.empty() && !f.under_way
          // One card for several people, some of whom must not hear the figure: the line
          // carries none, and the safeguard says who hears the package. Once the talks are
          // under way the package on the table is no secret.
          ? "Before our teams meet, I'd value your view in private, so that nothing in the "
            "meeting surprises you: what would a package need to deliver for you to support "
            "it with your team?"
          : "Before our teams meet, I'd value your view in private, so that nothing in the "
            "meeting surprises you: " +
                (f.under_way ? "where we have got to is " + f.table_terms
                             : "we are thinking of a package along the lines of " +
                                   Or(f.anchor_terms, "[our proposal]")) +
                ". What would you need to see in it to support it with your team?",
      "They suggest changes in private: build them in, so they can present the package as "
      "their own. They stay silent: state no floor in the group meeting yet.",
      "A floor or an anchor first heard in front of their team forces them to reject it to "
      "save face.",
      f.preview.empty() ? "Map their stakeholders first: preview with the one who holds a "
                          "veto, else the highest formal authority."
                        : "Meet one to one; let them present any movement as their own win; "
                          "never reject an offer or cite our alternative in front of their "
                          "team." +
                              (f.case_first.empty() || f.under_way
                                   ? std::string()
                                   : " Name the package (" + Or(f.anchor_terms, "our proposal") +
                                         ") first to " + Or(f.figure_first, "who decides") +
                                         ", then to the others who decide; " + f.case_first +
                                         " the case for the deal, not the figure: someone "
                                         "who decides listens to them.")};
}

PlayMove AgendaMove(const Facts& f) {
  return {"agenda-and-limits",
          "Agree the agenda and the process",
          f.under_way ? "The next meeting, before anything new is put on the table."
                      : "The first meeting, before any figure is named.",
          "Before we talk numbers, let's agree what we need to settle: " + f.issues +
              // The basis is promised only where every floor of ours can show it: one asked
              // for and refused reads as a bluff.
              (f.floor_evidence.empty()
                   ? ". Each of us has real limits; we'd like to understand what shapes yours."
               : f.floors_all_shown
                   ? ". Each of us has real limits, and we'll show the basis for ours; we'd like "
                     "to understand yours the same way."
                   : ". Each of us has real limits, and where we can we'll show the basis for "
                     "ours; we'd like to understand yours the same way."),
          "They want to talk only about price: bring the other issues back, one at a time.",
          "A price-only negotiation leaves value on the table and turns into a haggle.",
          "Keep the written issue list on the table and reopen every skipped issue by name."};
}

// " (at least as good for us as Price 98,000 and Warranty 8y, worth 6,000,000)": the safe end
// of the credible range by the package there, which is what a counter is held against in the
// room, and its value to us; the value alone when there is no such package.
std::string CredibleLowText(const Facts& f) {
  if (f.credible_low.empty()) return "";
  if (f.credible_low_terms.empty()) return " (down to " + f.credible_low + ")";
  return " (at least as good for us as " + f.credible_low_terms + ", worth " + f.credible_low + ")";
}

PlayMove AnchorMove(const Facts& f) {
  const std::string evidence =
      f.anchor_evidence.empty() ? "" : " What it rests on: " + f.anchor_evidence + ".";
  return {"anchor-with-standards",
          "Open first with a defensible anchor",
          PhrasingOf(f).anchor_when,
          f.anchor_terms.empty()
              ? "Our proposal is built on the standards we have shared; here is how we get to it."
              : PhrasingOf(f).anchor_lead + f.anchor_terms + "." + evidence,
          "A counter inside our credible range" + CredibleLowText(f) +
              " means the anchor held; a counter far outside it means ask for their standard "
              "before moving.",
          "An anchor they see as unreasonable ends the conversation or triggers a counter-anchor.",
          f.anchor_evidence.empty()
              ? "Find a benchmark, cost or precedent before the meeting; an anchor without one "
                "is flagged."
              : "Cite the evidence as you open and stay within the credible range."};
}

// When the concession log has moved the talks: the first move of the next meeting restates the
// package on the table; re-opening at the anchor would take back what the talks have settled.
PlayMove RestateTableMove(const Facts& f) {
  return {"restate-the-table",
          "Restate where the talks stand",
          "At the start of the next meeting, before anything new is put on the table.",
          (f.table_logged_terms.empty()
               ? "Let me recap where we stand: we propose " + f.table_terms + "."
               : "Let me recap where we have got to: " + f.table_logged_terms +
                     (f.table_rest_terms.empty()
                          ? std::string(".")
                          : "; on the rest, we propose " + f.table_rest_terms + ".") +
                     " What we have agreed so far stays part of one package."),
          "They confirm the recap: build on it. They reopen a settled term: the package reopens "
          "as a whole, and ask what they offer in return.",
          "Going back above what we have already offered (re-trading) costs their trust and "
          "invites them to take back what they gave.",
          "Take the recap from the concession log, and never ask again for a term we have "
          "already given."};
}

// With nothing worth our walk-away: no figure is named; the move asks what could change the
// value of the deal before any proposal.
PlayMove ExploreBeforeOpeningMove(const Facts& f) {
  return {"explore-before-opening",
          "Name no figure: test whether the deal can change",
          "When the agenda is agreed: instead of an opening, since no package on the table is "
          "worth our alternative.",
          "Before anyone names a figure, we'd like to understand what else could be part of "
          "this: beyond " +
              f.issues + ", what could you add or change that would matter to us?",
          "They bring a new issue, a service or a term that is worth something to us: add it to "
          "the case and plan again. They only talk " +
              f.issues + ": there is nothing to open with.",
          f.best_value.empty()
              ? std::string("Opening anyway commits us to a package a floor rules out.")
              : "Opening anyway commits us to a package worth less than our alternative (our "
                "best is " +
                    f.best_value + ").",
          "Never propose a package on the issues as they stand; never say our walk-away" +
              (f.walk_away.empty() ? std::string() : " (" + f.walk_away + ")") + " aloud."};
}

// With nothing worth our walk-away: decline, and leave the door open to a changed deal.
PlayMove DeclineMove(const Facts&) {
  return {"decline-and-keep-alternative",
          "Decline, keep our alternative, and leave the door open",
          "When nothing they add makes a package worth our alternative.",
          "We've looked at this carefully, and on these terms we can't make it work against our "
          "other options. If something changes on your side, we'd be glad to talk again.",
          "They come back with a new term or issue: plan again before answering. They press for "
          "a figure: restate that the terms as they stand don't work for us.",
          "Walking away without a word closes a door that a changed deal could reopen.",
          "Take the alternative; check our BATNA's figure first, since it decides this."};
}

PlayMove MesoMove(const Facts& f) {
  return {"meso",
          "Put equal-value packages on the table together",
          f.first_give.empty()
              ? std::string(f.under_way ? "With the recap or right after it"
                                        : "With the anchor or right after it") +
                    ", as other forms of it: " + f.meso_value +
                    (f.meso_target.empty()
                         ? std::string(f.under_way ? ", the same as the package on the table"
                                                   : ", the same as the opening")
                         : (f.under_way ? ", close to the package on the table ("
                                        : ", close to the opening (") +
                               f.meso_target + ")") +
                    "; the plan has no concession to make."
              : std::string(f.under_way ? "When they have answered the recap"
                                        : "When they have answered the anchor") +
                    " (never before: it is our first concession, and a concession needs a move "
                    "from them): " +
                    f.meso_value +
                    (f.meso_target.empty() ? ", what step 1 of the concession plan leaves us"
                                           : ", close to what step 1 of the concession plan "
                                             "leaves us (" +
                                                 f.meso_target + ")") +
                    (f.plan_steps >= 2
                         ? ", so the next concession is step 2's size, made from the package "
                           "they choose (`parley next` re-plans it from there)."
                         : "; the plan has no second step, so any further move from the package "
                           "they choose is a trade (`parley next` re-plans from it)."),
          "Here are " + std::to_string(f.meso_count) +
              " ways we could do this, and they work equally well for us: " + f.meso_list +
              ". Which comes closest for you, and what would you change?",
          "Which package they pick, and what they ask to change, shows what they value most.",
          "They take the best terms of each package and ask for all of them.",
          "Each package is whole: mixing them reopens the balancing issue, usually the price."};
}

PlayMove FloorMove(const Facts& f) {
  // Our walk-away is never said aloud; with no floor of ours, the script names no figure.
  const std::string floor = f.floor_text.empty() ? std::string(PhrasingOf(f).no_floor)
                                                 : PhrasingOf(f).floor_lead + f.floor_text;
  const std::string why = f.floor_evidence.empty() ? "" : ": " + f.floor_evidence;
  const std::string trade = f.give.empty() ? ""
                                           : " If this is the pressure point for you, we can "
                                             "move " +
                                                 f.give + ", provided we get " + f.get + ".";
  return {
      "floor-with-evidence",
      std::string("Hold the floor") + (f.floor_evidence.empty() ? "" : " with its evidence") +
          (f.give.empty() ? ""
                          : (f.floor_evidence.empty() ? " with a give-get" : " and a give-get")),
      // Named before they reach it, a floor becomes the figure they aim at.
      f.floor_when.empty() ? std::string("When they push on the issue our floor protects.")
                           : "When " + f.floor_when +
                                 ", and not before: named earlier, a floor becomes the figure "
                                 "they aim at.",
      floor + why + "." + trade,
      f.floor_evidence.empty()
          ? "They accept it and look for value elsewhere: trade. They test it: restate it "
            "unchanged; a floor that moves once is no floor."
          : "They accept the basis and look for value elsewhere: trade. They dispute the "
            "evidence: walk through it, don't bargain over it.",
      f.floor_evidence.empty() && f.floor_backed
          ? "A floor stated without a reason gets tested: its evidence is ours to keep."
          : "A floor stated without evidence sounds like a bluff and gets tested.",
      (f.floor_evidence.empty()
           ? f.floor_backed ? "State it as a fact, calmly, without the document or the figures "
                              "behind it, and repeat it unchanged when it is tested."
                            : "Back the floor with a cost or policy document before using it."
       : f.give.empty() ? "Show the document, then ask what else would "
                          "make the package work for them."
                        : "Show the document, then move the talk to the "
                          "give-get.") +
          (f.walk_away.empty() ? std::string()
                               : " Never say our walk-away (" + f.walk_away + ") aloud.")};
}

PlayMove ValidityMove(const Facts& f) {
  if (!f.our_date.empty() && !f.our_date_evidence.empty()) {
    return {"validity-date",
            "Tie the offer's validity to a real date",
            "When they stall or ask for more time without a reason.",
            PhrasingOf(f).validity_lead + f.our_date + ", because " + f.our_date_evidence +
                PhrasingOf(f).validity_tail,
            "They ask what happens after the date: explain the capacity or budget cycle, not a "
            "penalty.",
            "A date that turns out to be soft costs credibility for the rest of the deal.",
            "Only name dates the evidence supports; never extend one without a new reason."};
  }
  if (!f.our_date.empty() && f.our_date_backed) {
    // The date is backed, but its evidence is private: say the date, not the reason.
    return {"validity-date",
            "Tie the offer's validity to a real date",
            "When they stall or ask for more time without a reason.",
            PhrasingOf(f).validity_lead + f.our_date + PhrasingOf(f).validity_tail,
            "They ask why: the reason behind the date is ours to keep; restate the date and move "
            "to what would let them decide before it.",
            "A date given without a reason can sound like pressure; never extend it without a "
            "new reason.",
            "The evidence behind the date is private (share: no): mark a document that may be "
            "shown with share: yes to explain it."};
  }
  return {"validity-date",
          "Tie the offer's validity to a real date",
          "When they stall, once a real capacity or budget date is known.",
          PhrasingOf(f).validity_lead +
              std::string("[date], because [the capacity or budget fact behind it]") +
              PhrasingOf(f).validity_tail +
              (f.our_date.empty() ? std::string()
                                  : " (The date we set for them, " + f.our_date +
                                        ", has no evidence yet: find it before using it.)"),
          "They test the date: if the evidence is not ready, don't use the move.",
          "An invented deadline is a bluff; if called, every later date loses weight.",
          "Find the budget or capacity document first; until then, pace by rounds instead."};
}

PlayMove ConcessionMove(const Facts& f) {
  return {"concession-with-get",
          "Make each planned concession buy something",
          f.first_give.empty() && !f.landing_terms.empty()
              ? "When they have moved too: the plan has no step left to make, so every move "
                "from here is a trade."
              : "When they have moved too, at the dates of the concession plan.",
          f.first_give.empty()
              ? (f.landing_terms.empty() ? "If you can give us [a get], we can move on [a give]."
                 : f.trade_give.empty()
                     ? (f.under_way ? "We have moved as far as we can on our own; anything more "
                                      "has to come with a move from your side."
                                    // No concession made yet: "as far as we can" would be a
                                    // bluff.
                                    : "Our proposal is built to work as a whole; any change to "
                                      "it has to come with a move from your side.")
                     : "If you can give us " + f.trade_get + ", we can move " + f.trade_give + ".")
              : (f.first_get.empty()
                     ? "If you can agree the rest of the package" +
                           (f.first_date.empty() ? std::string() : " by " + f.first_date)
                     : "If you can give us " + f.first_get) +
                    ", we can move " + f.first_give + ".",
          "Concessions that never grow tell them we are near our limit; a large late "
          "move tells them the opposite.",
          "Conceding twice in a row without a move from them teaches them to wait.",
          "Never make two concessions in a row; write down each get before giving." +
              // Our estimate of their values is ours: said aloud, it invites a dispute of the
              // figure and shows how we model them.
              (f.first_give.empty() || f.first_give_value_them.empty()
                   ? std::string()
                   : " What step 1 is worth to them by our estimate (" + f.first_give_value_them +
                         ") is for us, not to be said.")};
}

PlayMove ConditionalAcceptanceMove(const Facts& f) {
  return {"conditional-acceptance",
          "Accept on conditions, with verification",
          f.landing_terms.empty()
              ? "When the package is close to the predicted deal and every issue is settled."
          : f.table_below_landing
              ? "When every issue is settled at the package on the table or better for us: the "
                "talks are already below where the concession plan would land, so accept "
                "nothing less."
              : "When the package is where the concession plan lands, or better for us, and "
                "every issue is settled.",
          "We can accept " + Or(f.landing_terms, Or(f.predicted_terms, "this package")) +
              ", subject to " +
              (f.closer.empty() ? "sign-off by your decision-maker" : "sign-off by " + f.closer) +
              (f.veto_holders.empty() ? "" : " with the agreement of " + f.veto_holders) +
              (f.our_vetoes.empty() ? "" : " and, on our side, by " + f.our_vetoes) +
              (f.close_date.empty() ? "" : " by " + f.close_date) +
              ", and to each side checking the figures it rests on before signing.",
          "They try to reopen a settled term in the last round: that is a squeeze; the package "
          "reopens as a whole.",
          "Accepting without verification locks in a misunderstanding.",
          f.our_vetoes.empty()
              ? std::string("One negotiating text, checked line by line, signed by the people "
                            "who decide.")
              : "The mandate of " + f.our_vetoes +
                    " for the landing package before the meeting that may accept it; then one "
                    "negotiating text, checked line by line, signed by the people who decide."};
}

PlayMove SingleTextMove(const Facts&) {
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
                "[a credit or a reversion], so no one has to renegotiate."
              // The get may be a term we deliver too (fewer training days to give): the
              // reciprocal clause names their commitments, not the get.
              : "If we don't honour " + f.give_term +
                    " as agreed, you receive a credit we set together now; the same holds on "
                    "your side: a commitment of yours not met on time lets the terms tied to it "
                    "revert.",
          "They accept a remedy readily: the commitment matters to them. They refuse any remedy "
          "on their side: probe why.",
          "An unenforceable remedy gives false comfort.",
          "Tie the remedy to a measurable date or metric that every side can check." +
              // Our estimate of their values is ours (as in the concession move's safeguard).
              (f.give_term.empty() || f.give_value_them.empty()
                   ? std::string()
                   : " Size the credit before the meeting: by our estimate " + f.give_term +
                         " is worth " + f.give_value_them +
                         " to them, a figure for us, not to be said.")};
}

PlayMove OwnersMove(const Facts& f) {
  return {"owners-and-metrics",
          "Name owners, dates, metrics and the escalation path",
          "At signature.",
          "For each commitment: who owns it, by when, how we'll measure it, and who to call if "
          "it slips" +
              (f.sponsor.empty() && f.counterpart.empty()
                   ? std::string(".")
                   : " (" + Or(f.sponsor, "our sponsor") + " and " +
                         Or(f.counterpart, "your decision-maker") + ")."),
          "A commitment with no owner after a week is one that will slip.",
          "Implementation drift turns a good deal into a dispute and poisons the next one.",
          "A first review meeting in the calendar before signature."};
}

PlayMove EscalationMove(const Facts& f) {
  return {"sponsor-escalation",
          "Escalate sponsor to sponsor, not over their head",
          "When the teams are stuck on one issue and every side still wants the deal.",
          "We're stuck on one point. I'd suggest " + Or(f.sponsor, "our sponsor") + " and " +
              Or(f.counterpart, "your decision-maker") + " speak directly" +
              (f.close_date.empty() ? "" : " before " + f.close_date) +
              ", with the proposals side by side on one page, and we'll work from what they agree.",
          "Both sponsors agree to talk: prepare a one-page summary. One refuses: the issue is "
          "political, not commercial.",
          "Going over the other team's head makes enemies of the people who implement the deal.",
          "Announce the escalation to the other team first and give them the page to review."};
}

// ---- moves for each context -----------------------------------------------------------------

std::vector<PhasedMove> SalesMoves(const Facts& f) {
  return {
      {kSetup,
       {"discovery", "Discovery before price", "In the first meeting, before any proposal.",
        "What has to be true for " + f.them +
            " in the first six months for this to be a success? Who else has "
            "to be happy with it?" +
            (f.champion.empty() ? "" : " (Check it with " + f.champion + ".)"),
        "They describe outcomes and owners: frame the offer on them. They only "
        "talk price: value framing has not started.",
        "Pitching before discovery leaves only price to argue about.",
        "Ask open questions and listen more than you talk."}},
      {kMidgame,
       {"objection-by-standards", "Answer objections with the BATNA and standards",
        "When they say the price is too high or a competitor is cheaper.",
        "Let's compare on the same basis: " + Or(f.benchmark, "[the market benchmark]") +
            ". If that comparison doesn't hold, tell us what it misses.",
        "They bring a competitor quote: ask what it includes, not for a match.",
        "Matching every quote trains the buyer to shop the price.",
        "Compare scope for scope; concede only through the plan."}},
      {kClose, EscalationMove(f)},
  };
}

std::vector<PhasedMove> ProcurementMoves(const Facts& f) {
  return {
      {kSetup,
       // Only a second option the case states, with evidence, is mentioned: a claimed one
       // they can test is a bluff.
       f.alternative
           ? PlayMove{"competitive-tension", "Keep more than one supplier in play",
                      "From the start, until the contract is signed.",
                      "We're weighing this against another option for the same scope, and we'll "
                      "decide on the whole package, not price alone.",
                      "The supplier asks for exclusivity early: keep the process open.",
                      "A single-source negotiation loses the buyer's main lever.",
                      "The second option evaluated on the same criteria, its figures kept to "
                      "ourselves."}
           : PlayMove{"competitive-tension", "Build a second supplier option before claiming one",
                      "From the start; until it exists, mention no other supplier.",
                      "We'll decide on the whole package, not price alone, so show us what you "
                      "can do on each term.",
                      "The supplier asks for exclusivity early: agree to nothing exclusive "
                      "while a second option is being built.",
                      "A claimed second source they can test is a bluff, and a single-source "
                      "negotiation loses the buyer's main lever.",
                      "A real second option, with evidence in the case, before any line "
                      "mentions one."}},
      {kFirstMove,
       {"should-cost", "Open from a should-cost",
        "When the supplier's first price is on the table.",
        // A should-cost rests on cost figures; a market benchmark is said as what it is.
        !f.cost_claim.empty() ? "Our should-cost for this scope is built on these figures: " +
                                    f.cost_claim + "; walk us through where your price differs."
        : !f.benchmark.empty()
            ? "Comparable buyers pay this for the same scope: " + f.benchmark +
                  "; walk us through where your price differs and what drives it."
            : std::string("Our should-cost for this scope is built on these figures: [materials, "
                          "labour and overhead benchmarks]; walk us through where your price "
                          "differs."),
        "They explain cost drivers: negotiate the drivers. They refuse: the "
        "margin is the issue.",
        "A should-cost with wrong assumptions loses credibility fast.",
        "Share the basis, not only the number, and correct it openly."}},
      {kClose, EscalationMove(f)},
  };
}

std::vector<PhasedMove> PartnershipMoves(const Facts& f) {
  return {
      {kSetup,
       {"coalition-prerequisites", "Secure the coalition and brand prerequisites first",
        "Before terms are discussed.",
        "Before we get into terms, let's confirm who on each side needs to "
        "endorse this and what our brands require of each other.",
        "An endorser is missing or lukewarm: slow down and bring them in.",
        "Terms agreed without the coalition get undone later.",
        "A list of endorsers with their interests, engaged one by one."}},
      {kClose, EscalationMove(f)},
  };
}

std::vector<PhasedMove> HiringMoves(const Facts&) {
  return {
      {kSetup,
       {"role-scarcity", "Agree the role's scope, and what makes it scarce, first",
        "Early, when the role and its scope are discussed.",
        "Before we talk about the package, let's agree what the role covers, the level it "
        "maps to, and what makes it hard to fill.",
        "The levels or the scope stay vague: ask for the bands and the scope in writing "
        "before any figure.",
        "A package agreed before the scope is fixed gets reopened once the work starts.",
        "A written scope and the level it maps to, from either side."}},
      {kMidgame,
       {"staged-scope", "Stage the scope instead of the money",
        "When the package is stuck on base pay.",
        "Could we fix a review of scope and pay after the first six months, against goals we "
        "agree now, written into the offer?",
        "The review is accepted: agree the goals now. It is refused: pay itself is the "
        "real issue.",
        "A vague review promise is read as a no.",
        "Put the review date and its criteria in the offer letter."}},
  };
}

std::vector<PhasedMove> InternalMoves(const Facts&) {
  return {
      {kSetup,
       {"scope-control", "Agree the scope before the resources",
        "Before asking for budget, people or title.",
        "Let's agree what this covers and what it doesn't, then what it takes.",
        "Scope grows in the conversation: write it down and price the growth.",
        "Winning the resources but not the scope leaves you over-committed.",
        "A written scope signed off by the sponsor."}},
      {kMidgame,
       {"staged-commitment", "Stage the commitment",
        "When the decision-maker hesitates on the whole ask.",
        "Could we start with the first stage now, with a checkpoint on a fixed "
        "date to decide the next one?",
        "A fixed checkpoint is accepted: the rest follows from results.",
        "Stages with no date become the permanent state.",
        "Put the checkpoint and its criteria in writing."}},
  };
}

// Each context with its own moves: a new context's moves are a function and a row here.
struct ContextPlay {
  Context context;
  std::vector<PhasedMove> (*moves)(const Facts& f);
};

constexpr ContextPlay kContextPlays[] = {
    {Context::kSales, SalesMoves},
    {Context::kProcurement, ProcurementMoves},
    {Context::kPartnership, PartnershipMoves},
    {Context::kHiring, HiringMoves},
    {Context::kInternal, InternalMoves},
};

bool Always(const Facts&) { return true; }
// With nothing worth our walk-away there is no opening, no concession, no acceptance and no
// deal to write down or implement: a deal that changes is planned again.
bool DealPossible(const Facts& f) { return !f.no_deal; }
bool Opening(const Facts& f) { return !f.no_deal && !f.under_way; }
bool UnderWay(const Facts& f) { return !f.no_deal && f.under_way; }
bool NoDeal(const Facts& f) { return f.no_deal; }
// A private preview comes first in an indirect culture, and whenever the stakeholder map names
// someone to preview.
bool NeedsPreview(const Facts& f) { return f.indirect || f.previews_needed; }
bool HasMeso(const Facts& f) { return f.meso_count >= 2; }
bool SetsADate(const Facts& f) { return !f.our_date.empty(); }

// The moves every context shares, in the order they are played: a row per move, with the facts
// it needs to be played at all. An indirect culture previews in private before anything is
// stated; with fewer than two MESO packages there is no choice to offer; without a date we set
// for them (`sets`) there is no validity to tie the offer to (our own deadline is never named).
struct SharedMoveRow {
  Phase phase;
  PlayMove (*make)(const Facts& f);
  bool (*applies)(const Facts& f);
};

constexpr SharedMoveRow kSharedMoveRows[] = {
    {kSetup, PrivatePreviewMove, NeedsPreview},
    {kSetup, AgendaMove, Always},
    {kFirstMove, AnchorMove, Opening},
    {kFirstMove, RestateTableMove, UnderWay},
    {kFirstMove, ExploreBeforeOpeningMove, NoDeal},
    {kFirstMove, MesoMove, HasMeso},
    {kMidgame, FloorMove, Always},
    {kMidgame, ValidityMove, SetsADate},
    {kMidgame, ConcessionMove, DealPossible},
    {kClose, ConditionalAcceptanceMove, DealPossible},
    {kClose, DeclineMove, NoDeal},
    {kClose, SingleTextMove, DealPossible},
    {kImplementation, RemedyMove, DealPossible},
    {kImplementation, OwnersMove, DealPossible},
};

}  // namespace

std::vector<PhasedMove> SharedMoves(const Facts& f) {
  std::vector<PhasedMove> out;
  for (const SharedMoveRow& row : kSharedMoveRows) {
    if (row.applies(f)) out.push_back({row.phase, row.make(f)});
  }
  return out;
}

// The context moves that belong before any figure is named: once the concession log has moved
// the talks, they would reopen what is settled, so the playbook leaves them out.
constexpr std::string_view kOpeningOnlyMoves[] = {"discovery", "should-cost", "role-scarcity",
                                                  "coalition-prerequisites"};

std::vector<PhasedMove> ContextMoves(Context context, const Facts& f) {
  for (const ContextPlay& play : kContextPlays) {
    if (play.context != context) continue;
    std::vector<PhasedMove> moves = play.moves(f);
    // With nothing to open with, a move that argues for our figure has none to argue for.
    std::erase_if(moves,
                  [&](const PhasedMove& m) { return f.no_deal && m.move.id == "should-cost"; });
    if (f.under_way) {
      std::erase_if(moves, [](const PhasedMove& m) {
        return std::find(std::begin(kOpeningOnlyMoves), std::end(kOpeningOnlyMoves), m.move.id) !=
               std::end(kOpeningOnlyMoves);
      });
    }
    return moves;
  }
  return {};
}

}  // namespace parley::plan::internal
