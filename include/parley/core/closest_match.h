#pragma once

/// "Did you mean" hints: the edit distance between two strings and the candidate closest to a
/// misspelt word. The case checker, the case schema, package resolution and the power analysis
/// (--as) use it to suggest the id, key or option a person probably meant.
///
///   const std::string hint = parley::DidYouMean("pirce", {"price", "support", "term"});
///   // hint == "did you mean 'price'?"; empty when nothing is close
///   const std::size_t d = parley::EditDistance("pirce", "price");  // 1: an adjacent swap

#include <cstddef>
#include <string>
#include <vector>

namespace parley {

/// Edit distance between two byte strings (optimal string alignment: insertion, deletion,
/// substitution and adjacent swap each cost 1). O(|a| x |b|) time, O(|b|) memory.
std::size_t EditDistance(const std::string& a, const std::string& b);

/// The candidate closest to `word` by edit distance when close enough to be a likely typo
/// (distance <= max(1, |word| / 3), or one is a case-insensitive match of the other); empty
/// otherwise. Ties go to the earliest candidate. O(candidates x |word| x |candidate|).
std::string ClosestMatch(const std::string& word, const std::vector<std::string>& candidates);

/// "did you mean 'x'?" for ClosestMatch, or empty when nothing is close.
std::string DidYouMean(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace parley
