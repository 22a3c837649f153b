// Sections 1 to 4 of the interview: the deal, the parties, the issues and what each is worth.
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "internal/answers.h"
#include "internal/interview_script.h"

namespace parley::io::internal {

void Script::QueueDeal() {
  Section("1. What the deal is about");
  Ask({"title"}, AnswerKind::kText,
      {"Title", "a short name for the negotiation", "", Blank::kRefused},
      [this](const std::string& a) { return Apply({"title"}, [&](Case& c) { c.title = a; }); });
  AskChoice({"context"}, {"Context", JoinChoices(ContextNames()) + "; optional"}, ContextNames(),
            "a context", [this](int k) { c_.context = static_cast<Context>(k); });
  AskChoice({"relationship"},
            {"Relationship", "one-off, or repeated if you will deal again; optional"},
            RelationshipNames(), "a relationship",
            [this](int k) { c_.relationship = static_cast<Relationship>(k); });
  AskChoice({"culture"}, {"Culture", "direct, or indirect where saving face matters; optional"},
            CultureNames(), "a culture", [this](int k) { c_.culture = static_cast<Culture>(k); });
  Ask({"currency"}, AnswerKind::kText,
      {"Currency", "the unit of every amount, e.g. USD or EUR", "USD"},
      [this](const std::string& a) {
        c_.currency = a;
        return Reason();
      });
}

void Script::QueueParty(std::size_t p) {
  Party party;
  party.side = p == 0 ? Side::kUs : Side::kThem;
  c_.parties.push_back(party);
  const std::string who = p == 0 ? "Our" : "Their";
  Ask({"parties", p, "name"}, AnswerKind::kText,
      {who + " name", p == 0 ? "your company, team or yourself" : "the other side", "",
       Blank::kNeedsAnswer},
      [this, p](const std::string& a) {
        c_.parties[p].name = a;
        return Reason();
      });
  Then([this, p, who] {  // the suggested id comes from the name just given
    Ask({"parties", p, "id"}, AnswerKind::kId,
        {who + " id", "lowercase letters, digits, '-' and '_'", SuggestId(c_.parties[p].name),
         Blank::kNeedsAnswer},
        [this, p](const std::string& a) {
          return Apply({"parties", p, "id"}, [&](Case& c) { c.parties[p].id = a; });
        });
  });
}

void Script::QueueIssue() {
  const std::size_t i = c_.issues.size();
  Ask({"issues", i, "id"}, AnswerKind::kId,
      {"Issue " + std::to_string(i + 1) + " id", "e.g. price or term; blank when done", "",
       i == 0 ? Blank::kRefused : Blank::kSkips},
      [this, i](const std::string& a) {
        if (a.empty()) return ProblemAt(c_, {"issues"});  // at least one issue; else the end
        Reason reason = Apply({"issues", i, "id"}, [&](Case& c) {
          Issue issue;
          issue.id = a;
          c.issues.push_back(issue);
        });
        if (reason.empty()) QueueIssueDetails(i);
        return reason;
      });
}

void Script::QueueIssueDetails(std::size_t i) {
  const std::string id = c_.issues[i].id;
  Ask({"issues", i, "name"}, AnswerKind::kText, {"Name of " + id, "as shown in reports; optional"},
      [this, i](const std::string& a) {
        c_.issues[i].name = a;
        return Reason();
      });
  AskChoice(
      {"issues", i, "kind"},
      {"Kind of " + id, "number for an amount, a count or days; options for a list of choices", "",
       Blank::kNeedsAnswer},
      {"number", "options"}, "a kind of issue", [this, i, id](int kind) {
        c_.issues[i].kind = kind == 0 ? IssueKind::kNumber : IssueKind::kOptions;
        if (kind == 0) {
          QueueRange(i);
          return;
        }
        Ask({"issues", i, "options"}, AnswerKind::kList,
            {"Options of " + id, "comma-separated, e.g. 1y, 2y, 3y", "", Blank::kNeedsAnswer},
            [this, i](const std::string& a) {
              std::vector<std::string> options = SplitAnswer(a, ",");
              Reason reason = TooMany(options.size(), kMaxListItems, "options");
              if (!reason.empty()) return reason;
              std::size_t listed = 0;  // by the issues before
              for (std::size_t k = 0; k < i; ++k) listed += c_.issues[k].options.size();
              if (listed + options.size() > kMaxInterviewOptions) {
                return "the interview takes at most " + std::to_string(kMaxInterviewOptions) +
                       " options in all, and the issues before list " + std::to_string(listed);
              }
              return Apply({"issues", i, "options"},
                           [&](Case& c) { c.issues[i].options = std::move(options); });
            });
      });
  Then([this] { QueueIssue(); });
}

void Script::QueueRange(std::size_t i) {
  const std::string id = c_.issues[i].id;
  Ask({"issues", i, "range"}, AnswerKind::kNumbers,
      {"Range of " + id, "the lowest and highest values, e.g. 90000 150000", "",
       Blank::kNeedsAnswer},
      [this, i](const std::string& a) {
        std::vector<double> ends;
        const std::string expected = "two numbers, the lowest and the highest, e.g. 90000 150000";
        Reason reason = ParseNumbers(a, expected, ends);
        if (!reason.empty()) return reason;
        if (ends.size() != 2) return "write " + expected;
        return Apply({"issues", i, "range"}, [&](Case& c) {
          c.issues[i].lo = ends[0];
          c.issues[i].hi = ends[1];
        });
      });
  Ask({"issues", i, "step"}, AnswerKind::kNumber,
      {"Step of " + id, "the gap between two values worth considering", "1"},
      [this, i](const std::string& a) {
        const std::optional<double> step = ParseNumber(a);
        if (!step) return NotANumber(a, "a number above 0, e.g. 1000");
        return Apply({"issues", i, "step"}, [&](Case& c) { c.issues[i].step = *step; });
      });
}

void Script::QueueValues() {
  Section("4. What each issue is worth to each side, in " + c_.currency);
  Note("For a number issue, the value of one unit more: 1 if it is worth one more " + c_.currency +
       ",");
  Note("-1 if it costs one (a price: 1 for the seller, -1 for the buyer).");
  Note("For an options issue, a value per option; 0 is neutral.");
  for (std::size_t p = 0; p < 2; ++p) {
    Preferences prefs;
    prefs.party = c_.parties[p].id;
    c_.values.push_back(prefs);
  }
  for (std::size_t k = 0; k < c_.issues.size(); ++k) {
    for (std::size_t p = 0; p < 2; ++p) Then([this, k, p] { QueueValue(k, p); });
  }
}

void Script::QueueValue(std::size_t k, std::size_t p) {
  const Issue& issue = c_.issues[k];
  const std::string party = c_.parties[p].id;
  const std::string name = c_.parties[p].DisplayName();
  if (issue.kind == IssueKind::kNumber) {
    Ask({"values", party, issue.id}, AnswerKind::kNumber,
        {issue.DisplayName() + " to " + name, c_.currency + " per unit", "0"},
        [this, p, party, id = issue.id](const std::string& a) {
          const std::optional<double> slope = ParseNumber(a);
          if (!slope) return NotANumber(a, "a value per unit such as 1 or -1");
          return Apply({"values", party, id}, [&](Case& c) {
            c.values[p].terms.push_back({id, 1, LinearValue{*slope}});
          });
        });
    return;
  }
  c_.values[p].terms.push_back({issue.id, 1, TableValue{}});
  const std::size_t t = c_.values[p].terms.size() - 1;
  for (const std::string& option : issue.options) {
    Ask({"values", party, issue.id, option}, AnswerKind::kNumber,
        {issue.DisplayName() + " = " + option + " to " + name, c_.currency, "0"},
        [this, p, t, party, option, id = issue.id](const std::string& a) {
          const std::optional<double> value = ParseNumber(a);
          if (!value) return NotANumber(a, "an amount such as 15000 or -2000");
          return Apply({"values", party, id, option}, [&](Case& c) {
            std::get<TableValue>(c.values[p].terms[t].evaluator)
                .entries.emplace_back(option, *value);
          });
        });
  }
}

}  // namespace parley::io::internal
