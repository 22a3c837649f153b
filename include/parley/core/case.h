#pragma once

/// The case model: a parley::Case is one negotiation as the user prepared it, the whole of a case
/// file (format parley/1): parties, issues, each party's values, floors, evidence, stakeholders
/// and the concession log. io reads and writes it, every analysis takes it by const reference,
/// and a Case from io is valid (CheckCase reports no error). Lookups by id are O(n).
///
///   const parley::Party& us = c.Us();  // exactly one party is `us`
///   const parley::Issue* price = c.FindIssue("price");  // nullptr when there is none
///   const parley::Preferences* values = c.FindValues(us.id);
///   const std::string name = parley::PartyName(c, "acme");  // its name, else "acme" itself

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "parley/core/concession.h"
#include "parley/core/decision_rule.h"
#include "parley/core/evidence.h"
#include "parley/core/issue.h"
#include "parley/core/party.h"
#include "parley/core/preferences.h"
#include "parley/core/round.h"
#include "parley/core/stakeholder.h"

namespace parley {

/// The kind of negotiation (CASE_FORMAT.md `context`).
enum class Context { kSales, kProcurement, kPartnership, kHiring, kInternal, kOther };
/// One-off or repeated relationship.
enum class Relationship { kOneOff, kRepeated };
/// Direct, or indirect (face-saving, high power distance) culture.
enum class Culture { kDirect, kIndirect };

const char* ContextName(Context c);
const std::vector<std::string>& ContextNames();
const char* RelationshipName(Relationship r);
const std::vector<std::string>& RelationshipNames();
const char* CultureName(Culture c);
const std::vector<std::string>& CultureNames();

/// The relationship's horizon (`horizon:`): how many more deals like this one are expected after
/// it, and how likely each is. The brief's verdict weighs pressing now against the trust at
/// stake in them (docs/plan.md, "The verdict").
struct Horizon {
  std::size_t deals = 0;  ///< more deals expected after this one, 0 to kMaxHorizonDeals
  double likelihood = 1;  ///< the chance each further deal happens, in [0, 1]

  friend bool operator==(const Horizon&, const Horizon&) = default;
};

/// The most future deals a horizon may state.
inline constexpr std::size_t kMaxHorizonDeals = 100;

/// One negotiation as the user prepared it: the whole of a case file (format parley/1).
///
/// A Case returned by the io module is valid: ids are unique and every reference resolves,
/// exactly one party is `us`, numbers are finite and in range, each party uses one value form.
/// Code that builds a Case by hand should call CheckCase (case_check.h) before analysing it.
struct Case {
  std::string title;
  std::optional<Context> context;
  std::optional<Relationship> relationship;
  std::optional<Culture> culture;
  std::optional<Horizon> horizon;
  std::string currency;  ///< unit of every money figure; may be empty for utility-form cases
  std::string description;
  std::vector<Party> parties;
  std::vector<Issue> issues;
  std::vector<Preferences> values;  ///< one per party that states values, in file order
  std::vector<Floor> floors;
  std::vector<Evidence> evidence;
  std::vector<Stakeholder> stakeholders;
  std::vector<DecisionRule> decisions;  ///< `decision:`, at most one per party
  std::vector<Concession> concessions;
  std::vector<Round> rounds;  ///< `rounds:`, the offers made so far, oldest first

  /// The party with this id, or nullptr. O(parties).
  const Party* FindParty(const std::string& id) const;
  /// The issue with this id, or nullptr. O(issues).
  const Issue* FindIssue(const std::string& id) const;
  /// Index of the issue with this id, or -1. O(issues).
  int IssueIndex(const std::string& id) const;
  /// The evidence with this id, or nullptr. O(evidence).
  const Evidence* FindEvidence(const std::string& id) const;
  /// The preferences of this party, or nullptr if it states none.
  const Preferences* FindValues(const std::string& party) const;
  /// The single `us` party. Throws Error(kInvalidInput) if there is not exactly one.
  const Party& Us() const;

  friend bool operator==(const Case&, const Case&) = default;
};

/// The display name of party `id` in `c` (its name, else its id), or `id` itself when no party
/// has it. O(parties).
std::string PartyName(const Case& c, const std::string& id);

/// True when `party` states its values in money form. O(parties).
bool StatesMoney(const Case& c, const std::string& party);

}  // namespace parley
