#include "parley/core/text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>
#include <variant>

namespace parley::text {

std::string Fixed(double x, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, x);
  std::string out = text;
  if (out.find_first_not_of("-0.") == std::string::npos && out[0] == '-') out.erase(0, 1);
  return out;
}

std::string GroupDigits(const std::string& digits) {
  std::string out;
  for (std::size_t k = 0; k < digits.size(); ++k) {
    if (k > 0 && (digits.size() - k) % 3 == 0) out += ',';
    out += digits[k];
  }
  return out;
}

std::string Money(double x, int decimals) {
  if (!std::isfinite(x) || std::fabs(x) >= 1e15) return Fixed(x, 0);
  // Half away from zero, as people round (7,930.5 is 7,931), not printf's half to even.
  const double scale = std::pow(10.0, decimals);
  const std::string plain = Fixed(std::round(std::fabs(x) * scale) / scale, decimals);
  const std::size_t point = plain.find('.');
  std::string out = GroupDigits(plain.substr(0, point));
  if (point != std::string::npos) out += plain.substr(point);
  const bool zero = plain.find_first_not_of("0.") == std::string::npos;
  return (x < 0 && !zero ? "-" : "") + out;
}

std::string Amount(double x, bool money, int decimals) {
  return money ? Money(x, decimals) : Fixed(x, 4);
}

std::string Percent(double share) { return Fixed(100 * share, 0) + "%"; }

std::string CostOrValue(double x, bool money, int decimals) {
  if (money && x < 0 && Money(x, decimals) != "0") return "a cost of " + Money(-x, decimals);
  return Amount(x, money, decimals);
}

std::string WorthTo(double x, const std::string& who, bool money, int decimals) {
  if (money && x < 0 && Money(x, decimals) != "0") {
    return "costs " + who + " " + Money(-x, decimals);
  }
  return "worth " + Amount(x, money, decimals) + " to " + who;
}

std::string WorthSpanTo(double lo, double hi, const std::string& who, bool money, int decimals) {
  if (hi < lo) std::swap(lo, hi);
  if (Amount(lo, money, decimals) == Amount(hi, money, decimals)) {
    return WorthTo(lo, who, money, decimals);
  }
  const bool lo_cost = money && lo < 0 && Money(lo, decimals) != "0";
  const bool hi_cost = money && hi < 0 && Money(hi, decimals) != "0";
  if (lo_cost && hi_cost) {
    return "costs " + who + " " + Money(-hi, decimals) + " to " + Money(-lo, decimals);
  }
  if (lo_cost) {
    return "worth between " + CostOrValue(lo, money, decimals) + " and " +
           Amount(hi, money, decimals) + " to " + who;
  }
  return "worth " + Amount(lo, money, decimals) + " to " + Amount(hi, money, decimals) + " to " +
         who;
}

std::string AreWorthSpanTo(double lo, double hi, const std::string& who, bool money, int decimals) {
  const std::string span = WorthSpanTo(lo, hi, who, money, decimals);
  return span.rfind("costs ", 0) == 0 ? "cost " + span.substr(6) : "are " + span;
}

std::string IsWorthTo(double x, const std::string& who, bool money, int decimals) {
  const std::string worth = WorthTo(x, who, money, decimals);
  return worth.rfind("worth ", 0) == 0 ? "is " + worth : worth;
}

std::string Possessive(const std::string& name) {
  if (name == "us") return "our";
  if (name == "them") return "their";
  if (!name.empty() && (name.back() == 's' || name.back() == 'S')) return name + "'";
  return name + "'s";
}

namespace {

std::string JoinWith(const std::vector<std::string>& items, const char* last) {
  std::string out;
  for (std::size_t k = 0; k < items.size(); ++k) {
    out += (k == 0 ? "" : k + 1 == items.size() ? last : ", ") + items[k];
  }
  return out;
}

}  // namespace

std::string JoinAnd(const std::vector<std::string>& items) { return JoinWith(items, " and "); }

std::string JoinOr(const std::vector<std::string>& items) { return JoinWith(items, " or "); }

std::string Counterparts(const Case& c, const std::string& us) {
  std::vector<std::string> names;
  for (const Party& p : c.parties) {
    if (p.id != us) names.push_back(p.DisplayName());
  }
  return JoinAnd(names);
}

int MoneyDecimals(const Case& c) {
  for (const Issue& issue : c.issues) {
    if (!IsMoneyIssue(c, issue)) continue;
    if (std::floor(issue.step) != issue.step || std::floor(issue.lo) != issue.lo) return 2;
  }
  return 0;
}

bool IsMoneyIssue(const Case& c, const Issue& issue) {
  return issue.kind == IssueKind::kNumber && !c.currency.empty() && issue.unit == c.currency;
}

std::string IssueValueText(const Case& c, const Issue& issue, const IssueValue& value) {
  const double* x = std::get_if<double>(&value);
  if (x == nullptr) return std::get<std::string>(value);
  return IsMoneyIssue(c, issue) ? Money(*x, MoneyDecimals(c)) : FormatNumber(*x);
}

std::string GridValueText(const Case& c, const Issue& issue, std::uint64_t k) {
  if (issue.kind == IssueKind::kOptions) return issue.options.at(k);
  return IssueValueText(c, issue, issue.GridValue(k));
}

std::string OutcomeText(const Case& c, const Outcome& outcome, const std::string& last) {
  std::string out;
  const std::size_t n = std::min(outcome.size(), c.issues.size());
  for (std::size_t i = 0; i < n; ++i) {
    const std::string sep = i == 0 ? "" : (i + 1 == n && !last.empty() ? last : ", ");
    out += sep + c.issues[i].DisplayName() + " " + GridValueText(c, c.issues[i], outcome[i]);
  }
  return out;
}

}  // namespace parley::text
