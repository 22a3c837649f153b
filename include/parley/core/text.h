#pragma once

/// The one number formatter: every figure a person reads (terminal text, Markdown, HTML, SVG,
/// XLSX labels and the sentences of the analyses) is written by these functions, so a value
/// reads the same everywhere. JSON keeps raw signed numbers.
///
/// Rules (docs/architecture.md, "Numbers"):
/// - money: thousands separators, whole units unless the case's own grid has finer steps
///   (MoneyDecimals), "-0" never printed;
/// - utilities: 4 decimals; shares: whole percentages;
/// - grid values of number issues are snapped to the grid (Issue::GridValue) before display;
/// - a money amount that is a cost to a party reads as a cost ("costs Acme 98,000"), not as a
///   negative value (WorthTo).
///
///   text::Money(-117500)                  // "-117,500"
///   text::WorthTo(-98000, "Acme", true)   // "costs Acme 98,000"
///   text::Possessive("Harbor Foods")      // "Harbor Foods'"

#include <cstdint>
#include <string>
#include <vector>

#include "parley/core/case.h"
#include "parley/core/outcome_space.h"

namespace parley::text {

/// `x` with `decimals` digits after the point ("3.50"), "-0" printed as "0".
std::string Fixed(double x, int decimals);
/// A string of decimal digits with thousands separators ("1234567" -> "1,234,567"), for counts
/// of any size (BigUint::ToString). O(length).
std::string GroupDigits(const std::string& digits);
/// Money with thousands separators and `decimals` digits after the point ("-117,500",
/// "1,250.50"); a value that rounds to zero is "0". Not finite or beyond 1e15: plain digits.
std::string Money(double x, int decimals = 0);
/// Money(x, decimals) when `money`, else a utility with 4 decimals. The analyses write figures
/// into their messages this way.
std::string Amount(double x, bool money, int decimals = 0);
/// A share as a whole percentage ("62%").
std::string Percent(double share);
/// A value for a sentence: "a cost of 98,000" for a negative money value, Amount otherwise.
std::string CostOrValue(double x, bool money, int decimals = 0);
/// "worth 159,000 to us" for a value, "costs Acme 98,000" for a negative money value, "worth
/// 0.6120 to them" for a utility (`who` is the party's name as the sentence uses it).
std::string WorthTo(double x, const std::string& who, bool money, int decimals = 0);
/// The same as a sentence's verb phrase: "is worth 159,000 to us", "costs Acme 98,000".
std::string IsWorthTo(double x, const std::string& who, bool money, int decimals = 0);
/// A span of values for a sentence, lowest first: "worth 480,000 to 481,000 to us", "costs us
/// 10,000 to 12,000" (both costs: the smaller cost first), "worth between a cost of 2,000 and
/// 3,000 to us" (a cost and a value); WorthTo(lo) when the two read the same.
std::string WorthSpanTo(double lo, double hi, const std::string& who, bool money, int decimals = 0);
/// The same as a plural verb phrase: "are worth 480,000 to 481,000 to us", "cost us 10,000 to
/// 12,000".
std::string AreWorthSpanTo(double lo, double hi, const std::string& who, bool money,
                           int decimals = 0);
/// The English possessive of a name: "Acme's", "Harbor Foods'", "us" -> "our".
std::string Possessive(const std::string& name);
/// A list for a sentence: "a", "a and b", "a, b and c" ("" for none).
std::string JoinAnd(const std::vector<std::string>& items);
/// The same with "or": "a", "a or b", "a, b or c".
std::string JoinOr(const std::vector<std::string>& items);
/// The display names of every party of `c` but `us`, joined ("Baltic Reefer Lines and Transalp
/// Haulage"): whom `us` faces. O(parties).
std::string Counterparts(const Case& c, const std::string& us);
/// Digits after the point that money in `c` is written with: 0, or 2 when a money issue's grid
/// (a number issue whose unit is the case's currency) has a fractional lower end or step, so a
/// unit price on a grid of 0.05 shows cents. O(issues).
int MoneyDecimals(const Case& c);

/// True for a number issue whose unit is the case's currency: its values are money.
bool IsMoneyIssue(const Case& c, const Issue& issue);
/// A value of `issue` for a person to read: a money issue's number as money (Money with the
/// case's MoneyDecimals), any other number in its shortest form, an option as written. Not for
/// `issue=value` terms, which must read back (those keep FormatIssueValue).
std::string IssueValueText(const Case& c, const Issue& issue, const IssueValue& value);
/// The k-th value of `issue` (Issue::GridValue for numbers) as IssueValueText writes it.
std::string GridValueText(const Case& c, const Issue& issue, std::uint64_t k);
/// An outcome of `c` for a sentence: "Annual subscription price 135,000, Contract term 3y and
/// Payment terms quarterly" (display names; the last two joined by `last`, ", " if empty).
std::string OutcomeText(const Case& c, const Outcome& outcome, const std::string& last = " and ");

}  // namespace parley::text
