#pragma once

/// The libraries kept across negotiations (METHOD.md section 4, institutional memory): evidence,
/// benchmarks, tradeables and clauses, per team, in the same store as the cases (schema 4,
/// table library_items; docs/serve.md, "The libraries"). An item is JSON text in the case
/// format's shape (docs/serve.md gives each kind's shape; parley::service checks it and inserts
/// it into a case). Every call is scoped to the caller's team; a viewer only reads.
///
///   parley::store::Library lib(store);
///   parley::store::LibraryItem rent;
///   rent.title = "Rent survey";
///   rent.item = R"({"id": "rent-survey", "claim": "Rents fell 4% in 2026"})";
///   const parley::store::LibraryItem saved = lib.Add(rent, "ana");
///   lib.Search(LibraryKind::kEvidence, "rent");  // {saved}

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/store/store.h"

namespace parley::store {

/// What a library item is.
enum class LibraryKind { kEvidence, kBenchmark, kTradeable, kClause };

/// "evidence", "benchmark", "tradeable", "clause".
std::string_view LibraryKindName(LibraryKind kind);

/// The kind named `name`, or nothing.
std::optional<LibraryKind> ParseLibraryKind(std::string_view name);

/// One item of a team's library.
struct LibraryItem {
  std::int64_t id = 0;  ///< set by the store
  LibraryKind kind = LibraryKind::kEvidence;
  std::string title;              ///< non-empty
  std::string item;               ///< a JSON object, the item in the case format's shape
  std::vector<std::string> tags;  ///< each non-empty, without line breaks
  std::string author;             ///< set by the store from the caller
  std::string saved_at;           ///< ISO-8601 UTC, set by the store
  int version = 0;                ///< 1 when added, one more on each update
};

/// A team's library in a store. Borrows the store, which must outlive it. Thread-safe as the
/// store is.
class Library {
 public:
  explicit Library(Store& store) : store_(store) {}

  /// Adds `item` (its id, author, saved_at and version are ignored) as version 1 by `author`;
  /// returns it as stored. Throws Error(kUsage) for an empty title, a tag that is empty or holds
  /// a line break, or an item that is not a JSON object; Error(kForbidden) for a viewer.
  LibraryItem Add(const LibraryItem& item, const std::string& author, const Principal& who = {});

  /// The item `id` of `who`'s team. Throws Error(kNotFound) for an unknown id or another
  /// team's item.
  LibraryItem Get(std::int64_t id, const Principal& who = {});

  /// Replaces item `id`'s kind, title, item and tags when `expected_version` is its version;
  /// returns it as stored (version one more). Throws as Add, Error(kNotFound) as Get and
  /// Error(kConflict) when another update came first.
  LibraryItem Update(std::int64_t id, int expected_version, const LibraryItem& item,
                     const std::string& author, const Principal& who = {});

  /// Deletes item `id`. Throws Error(kNotFound) as Get, Error(kForbidden) for a viewer.
  void Delete(std::int64_t id, const Principal& who = {});

  /// The items of `who`'s team, of `kind` when given, whose title, claim or tags hold `text`
  /// (case-insensitive for ASCII letters; every item when `text` is empty), by id. The claim
  /// is the item's "claim" (evidence, benchmarks, clauses) or, for a tradeable, its issue's
  /// id, name and description and its "cost_to_us" and "worth_to_them" notes.
  std::vector<LibraryItem> Search(std::optional<LibraryKind> kind, std::string_view text,
                                  const Principal& who = {});

 private:
  Store& store_;
};

}  // namespace parley::store
