#pragma once

/// The documented limits on the size of a case (docs/case-format.md, "Limits"), in one table.
/// Readers check them while reading (io) and CheckCase checks them on a case built by hand; a case
/// beyond one is refused with a diagnostic of severity `limit` that names the limit (exit code 4
/// in `parley check`). Each limit is far above any negotiation a person prepares, and low enough
/// that every command on a case within them answers in seconds.
///
///   if (c.issues.size() > parley::kLimits.issues) { /* refuse: "more than 10,000 issues" */ }

#include <cstddef>

namespace parley {

/// One documented limit: its name as it appears in messages and the docs, and its value.
struct Limit {
  const char* name;   ///< e.g. "issues in a case"
  std::size_t value;  ///< the largest count allowed
};

/// The limits on the size of a case, one per dimension.
struct CaseLimits {
  /// Parties in a case: a multi-party negotiation has a handful; power and plan work per party.
  Limit parties{"parties in a case", 50};
  /// Issues in a case: real cases have a few dozen; GENIUS domains at most a few hundred.
  Limit issues{"issues in a case", 1'000};
  /// Options of one options issue: lists a person reads; GENIUS corpus domains have at most ~100.
  Limit options{"options in one issue", 10'000};
  /// Entries of one party's values (table entries and points over all its issues, or boxes of a
  /// rectangles party): GENIUS profiles hold at most a few thousand.
  Limit value_entries{"value entries of one party", 100'000};
  /// Entries in one map of a case file (keys written in one `{...}` or block map).
  Limit map_keys{"keys in one map", 20'000};
  /// Offers in `rounds`: a live negotiation has tens; a long automated one a few thousand.
  Limit rounds{"offers in `rounds`", 10'000};
  /// Characters (Unicode code points) of one id or option. Both are written as map keys, and a
  /// YAML reader refuses an implicit key longer than 1,024 characters as written: 200 keeps
  /// every key Parley writes within that, even at four UTF-8 bytes a character. GENIUS corpus
  /// values have at most 75 characters.
  Limit name_length{"characters in an id or option", 200};
};

/// The longest implicit key a YAML or JSON reader accepts, as written from its first character
/// to its `:` (the YAML specification's limit, which yaml-cpp enforces, counted in bytes).
inline constexpr std::size_t kMaxWrittenKeyBytes = 1'024;

/// The limits Parley enforces (docs/case-format.md, "Limits").
inline constexpr CaseLimits kLimits{};

}  // namespace parley
