#pragma once

/// A line diff of two case texts, as the store shows the change between two versions: each text
/// is first normalised (NormaliseCaseText), then compared line by line (longest common
/// subsequence). docs/serve.md ("Versions and diffs") describes it.
///
///   for (const parley::store::DiffLine& d : parley::store::LineDiff(old_text, new_text)) {
///     std::cout << d.op << d.text << '\n';  // ' ' kept, '-' removed, '+' added
///   }

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace parley::store {

/// One line of a diff: ' ' in both texts, '-' only in the old one, '+' only in the new one.
struct DiffLine {
  char op = ' ';
  std::string text;

  bool operator==(const DiffLine&) const = default;
};

/// Most line pairs compared once the common head and tail are set aside; beyond it the middle
/// is shown as removed then added whole (still a correct diff, not a minimal one).
inline constexpr std::size_t kMaxDiffCells = 4'000'000;

/// A case text in the form versions are compared in: a valid case is written out again as YAML
/// (io::WriteCaseYaml), so formatting, key order and JSON against YAML never show as changes;
/// text that is not a valid case keeps its lines, with line ends made "\n".
std::string NormaliseCaseText(std::string_view text);

/// The lines of `before` and `after` (split at "\n"), as a minimal line diff when the changed
/// middle has at most kMaxDiffCells line pairs. O(lines + changed middle's line pairs).
std::vector<DiffLine> LineDiff(std::string_view before, std::string_view after);

/// "created", "no change" or "+A -R lines": the one-line summary of a change.
std::string DiffSummary(const std::vector<DiffLine>& diff);

}  // namespace parley::store
