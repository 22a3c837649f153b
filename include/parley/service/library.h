#pragma once

/// The team libraries in a case (docs/serve.md, "The libraries"): a library item inserted into
/// a case's text where it belongs, and a case's evidence items as library items (harvest). The
/// server's /api/library routes call these; the store keeps the items (parley/store/library.h).
///
///   const parley::service::CaseEdit edit =
///       parley::service::InsertLibraryItem(case_json, library.Get(4));
///   if (!edit.problems.error) store.Save(id, version, edit.case_json, "ana");

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "parley/service/run.h"
#include "parley/store/library.h"

namespace parley::service {

/// A case changed by an insertion, or why it was refused.
struct CaseEdit {
  std::string case_json;  ///< the new case as JSON text (2-space indent), when not refused
  Answer problems;        ///< error set when refused, with the JSON body to send
};

/// Inserts library item `item` into the case `case_text` (JSON, or YAML, format parley/1):
/// evidence and benchmarks go to `evidence` as they are (a benchmark without "kind" gets
/// "benchmark"; its library-only "number" and "unit" are left out), clauses to `evidence` as a
/// `legal` item (unless they say another kind), tradeables' "issue" to `issues` (their notes
/// stay in the library). `new_id`, when not empty, replaces the item's id. Refuses (never
/// throws) with kInvalidInput and ProblemsJson when the item has no usable id or shape, or when
/// its id is already one of the case's ids (the message suggests a free one: "rent-2"); with
/// the case's check JSON (kInvalidInput or kLimit) when the result is not a valid case; with
/// kUsage when `case_text` is not a case at all.
CaseEdit InsertLibraryItem(std::string_view case_text, const store::LibraryItem& item,
                           const std::string& new_id = "");

/// The evidence items of a case's text as library items (kind evidence, or benchmark for an
/// item of kind benchmark, or clause for kind legal; titled by their id; tagged with the case's
/// title), in the case's order. An unreadable case gives none.
std::vector<store::LibraryItem> EvidenceOfCase(std::string_view case_text);

/// {"id", "kind", "title", "item", "tags", "author", "saved_at", "version"}: "item" as an object.
nlohmann::ordered_json LibraryItemJson(const store::LibraryItem& item);

/// {"items": [LibraryItemJson, ...]}.
nlohmann::ordered_json LibraryListJson(const std::vector<store::LibraryItem>& items);

/// A library item from a request's JSON body {"kind", "title", "item", "tags"?}. Throws
/// Error(kUsage) naming the field at fault ("kind: must be one of evidence, benchmark,
/// tradeable, clause, not 'tradable'").
store::LibraryItem LibraryItemFromJson(std::string_view body);

}  // namespace parley::service
