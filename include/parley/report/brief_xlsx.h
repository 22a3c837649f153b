#pragma once

/// The preparation brief as an Excel workbook, what `parley plan -o brief.xlsx` writes: six
/// sheets (Summary, Power, Tradeables, MESO, Concessions, Checklist) with numeric cells, written
/// atomically (libxlsxwriter) with a fixed creation time, so the same brief gives the same bytes.
///
///   const parley::plan::Brief brief = parley::plan::BuildBrief(c);
///   parley::report::WriteBriefXlsx("brief.xlsx", c, brief);  // Error(kIo) if it cannot write

#include <string>

#include "parley/core/case.h"
#include "parley/plan/brief.h"

namespace parley::sim {
struct Rehearsal;
}  // namespace parley::sim

namespace parley::report {

/// Writes the preparation brief `b` of case `c` (the case as read, for its title and the
/// parties' names; outcomes in `b` index the issues of b.power.floored.c) as an Excel workbook
/// at `path`. Seven sheets, in this order:
/// - "Summary": the title, then a two-column table (item in A, value in B): the verdict (approach,
///   break-even, reasons), context, chair,
///   counterpart, analysis date, walk-away, predicted deal value and package, anchor value and
///   package, credible range low and high, P(ZOPA), both sides' balance of power, number of
///   pitfalls, seed and samples.
/// - "Power": the six sources with each party's score, confidence and evidence, the totals and
///   the balance; then the leverage of each party that states values (weights).
/// - "Tradeables": the issues with their nature and priorities; the gives and the gets, ranked;
///   the give-get pairs.
/// - "MESO": one row per package: each issue's value, our value, their value, acceptance,
///   frontier gap, what it reveals.
/// - "Concessions": the planned steps (step, date, gives, condition, size, their gain, our value
///   after); then the concession log (item, giver, given, received, one-way, trigger).
/// - "Checklist": kind, item, status, reason.
/// - "They may cite": the evidence that supports another party, with a reply to prepare.
/// Numbers are numeric cells (money as #,##0, shares and probabilities as 0.0%, other values
/// with 4 decimals); a number that is not finite is written as text. Every table has a bold
/// header row; single-table sheets (MESO, Checklist) freeze it.
///
/// The file is written to a temporary file in the folder of `path` and renamed into place, so
/// a reader never sees a half-written workbook and no temporary file is left behind. It
/// replaces an existing file: the caller decides whether that is allowed. The workbook's
/// creation time is fixed (the analysis date at 00:00 UTC, else 2000-01-01), so the same brief
/// gives the same bytes. Throws Error(kIo) with the path when the file cannot be written.
/// With `rehearsal` (`parley plan --rehearse`), a sheet "Rehearsal" follows "Concessions":
/// what was played and drawn, the seed, the agreement rate, our value's p5, median, p95 and
/// mean, the predicted deal and the walk-away, then one row per counterpart, the breaks by the
/// last step offered and what to change. Without it the workbook is unchanged.
/// O(size of the brief).
void WriteBriefXlsx(const std::string& path, const Case& c, const plan::Brief& b,
                    const sim::Rehearsal* rehearsal = nullptr);

}  // namespace parley::report
