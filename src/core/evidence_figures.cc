#include "parley/core/evidence_figures.h"

#include <cctype>
#include <cstdlib>
#include <string>

namespace parley {

namespace {

bool Digit(char ch) { return std::isdigit(static_cast<unsigned char>(ch)) != 0; }
bool Letter(char ch) { return std::isalpha(static_cast<unsigned char>(ch)) != 0; }

// A comma at `j` separates thousands: exactly three digits follow it.
bool Thousands(std::string_view s, std::size_t j) {
  return j + 3 < s.size() && Digit(s[j + 1]) && Digit(s[j + 2]) && Digit(s[j + 3]) &&
         (j + 4 == s.size() || !Digit(s[j + 4]));
}

}  // namespace

std::vector<Figure> ReadFigures(std::string_view text) {
  const std::string_view claim = text.substr(0, kClaimWindow);
  std::vector<Figure> out;
  std::size_t i = 0;
  while (i < claim.size() && out.size() < kMaxFigures) {
    // A number starts at a digit that does not continue a word ("Q4", "v2" are not figures).
    if (!Digit(claim[i]) || (i > 0 && Letter(claim[i - 1]))) {
      ++i;
      continue;
    }
    std::string digits;
    bool point = false, separated = false;
    std::size_t j = i;
    for (; j < claim.size(); ++j) {
      const char ch = claim[j];
      if (Digit(ch)) {
        digits += ch;
      } else if (ch == ',' && !point && Thousands(claim, j)) {
        separated = true;
      } else if (ch == '.' && !point && j + 1 < claim.size() && Digit(claim[j + 1])) {
        digits += '.';
        point = true;
      } else {
        break;
      }
    }
    // strtod, not stod: a run of hundreds of digits reads as infinity (left out by the range
    // check) rather than throwing.
    double x = std::strtod(digits.c_str(), nullptr);
    bool suffixed = false;
    if (j < claim.size() &&
        (claim[j] == 'k' || claim[j] == 'K' || claim[j] == 'm' || claim[j] == 'M')) {
      // A suffix only when it ends the word: "12k" but not "12 kg" or "5km".
      if (j + 1 >= claim.size() || !Letter(claim[j + 1])) {
        x *= claim[j] == 'k' || claim[j] == 'K' ? 1e3 : 1e6;
        ++j;
        suffixed = true;
      }
    }
    const bool year =
        !point && !separated && !suffixed && digits.size() == 4 && x >= 1900 && x <= 2099;
    // "35%", and the first number of a range of them, "20-35%".
    std::size_t k = j;
    if (k < claim.size() && claim[k] == '-') {
      ++k;
      while (k < claim.size() && (Digit(claim[k]) || claim[k] == '.')) ++k;
    }
    const bool percentage =
        k > j + 1 ? k < claim.size() && claim[k] == '%' : j < claim.size() && claim[j] == '%';
    if (year) {
      i = j;
      continue;
    }
    // Part of a word ("12k-options" stays a figure; "4x4" reads 4 and 4; "3rd" is no figure).
    if (j < claim.size() && Letter(claim[j])) {
      i = j;
      continue;
    }
    out.push_back({x, percentage});
    i = j;
  }
  return out;
}

std::vector<double> FiguresInRange(const std::vector<Figure>& figures, double lo, double hi,
                                   bool percent) {
  std::vector<double> out;
  for (const Figure& f : figures) {
    if ((!f.percent || percent) && f.value >= lo && f.value <= hi) out.push_back(f.value);
  }
  return out;
}

}  // namespace parley
