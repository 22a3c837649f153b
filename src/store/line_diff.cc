#include "parley/store/line_diff.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "parley/io/case_reader.h"
#include "parley/io/case_writer.h"

namespace parley::store {

namespace {

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    if (end == std::string_view::npos) {
      lines.push_back(text);
      break;
    }
    lines.push_back(text.substr(0, end));
    text.remove_prefix(end + 1);
  }
  return lines;
}

// The diff of a[0..n) and b[0..m) by longest common subsequence (n * m <= kMaxDiffCells).
void DiffMiddle(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b,
                std::vector<DiffLine>& out) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
  std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
  const auto at = [m](std::size_t i, std::size_t j) { return i * (m + 1) + j; };
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      lcs[at(i, j)] =
          a[i] == b[j] ? lcs[at(i + 1, j + 1)] + 1 : std::max(lcs[at(i + 1, j)], lcs[at(i, j + 1)]);
    }
  }
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      out.push_back({' ', std::string(a[i++])});
      ++j;
    } else if (i < n && (j == m || lcs[at(i + 1, j)] >= lcs[at(i, j + 1)])) {
      out.push_back({'-', std::string(a[i++])});
    } else {
      out.push_back({'+', std::string(b[j++])});
    }
  }
}

}  // namespace

std::string NormaliseCaseText(std::string_view text) {
  const io::LoadResult r = io::ReadCaseText(text, "case");
  if (r.Ok()) return io::WriteCaseYaml(*r.value);
  std::string out;
  out.reserve(text.size());
  for (std::size_t k = 0; k < text.size(); ++k) {
    if (text[k] == '\r' && k + 1 < text.size() && text[k + 1] == '\n') continue;
    out += text[k];
  }
  return out;
}

std::vector<DiffLine> LineDiff(std::string_view before, std::string_view after) {
  const std::vector<std::string_view> a = SplitLines(before);
  const std::vector<std::string_view> b = SplitLines(after);
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head &&
         a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) {
    ++tail;
  }
  std::vector<DiffLine> out;
  for (std::size_t k = 0; k < head; ++k) out.push_back({' ', std::string(a[k])});
  const std::vector<std::string_view> mid_a(a.begin() + head, a.end() - tail);
  const std::vector<std::string_view> mid_b(b.begin() + head, b.end() - tail);
  if ((mid_a.size() + 1) * (mid_b.size() + 1) <= kMaxDiffCells) {
    DiffMiddle(mid_a, mid_b, out);
  } else {
    for (std::string_view line : mid_a) out.push_back({'-', std::string(line)});
    for (std::string_view line : mid_b) out.push_back({'+', std::string(line)});
  }
  for (std::size_t k = a.size() - tail; k < a.size(); ++k) out.push_back({' ', std::string(a[k])});
  return out;
}

std::string DiffSummary(const std::vector<DiffLine>& diff) {
  std::size_t added = 0;
  std::size_t removed = 0;
  for (const DiffLine& d : diff) {
    added += d.op == '+';
    removed += d.op == '-';
  }
  if (added == 0 && removed == 0) return "no change";
  if (removed == 0 && added == diff.size()) return "created";
  return "+" + std::to_string(added) + " -" + std::to_string(removed) + " lines";
}

}  // namespace parley::store
