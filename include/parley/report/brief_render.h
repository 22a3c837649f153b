#pragma once

/// The preparation brief for people: terminal text, Markdown and a standalone HTML page, all
/// written from one document model so they carry the same content; the format a file name asks
/// for; and RenderBrief, which every face calls.
///
///   const auto brief = parley::plan::BuildBrief(c, options);
///   std::cout << parley::report::RenderBrief(c, brief, "case.yaml",
///                                            parley::report::BriefFormat::kMarkdown);

#include <nlohmann/json.hpp>
#include <string>

#include "parley/core/case.h"
#include "parley/plan/brief.h"

namespace parley::sim {
struct Rehearsal;
}  // namespace parley::sim

namespace parley::report {

/// The formats of the preparation brief.
enum class BriefFormat { kText, kMarkdown, kHtml, kJson, kXlsx };

/// The format an output file's extension asks for: .txt text, .md/.markdown Markdown,
/// .html/.htm HTML, .json JSON, .xlsx Excel (case-insensitive). Throws Error(kUsage) naming the
/// extension and the accepted ones otherwise.
BriefFormat BriefFormatForPath(const std::string& path);

/// The brief of `c` as readable terminal text (file = the CASE argument, shown in the header).
/// The same sections as the Markdown and HTML briefs: summary, power, deal space, tradeables,
/// anchor, MESO, concession plan and log, playbook, checklist, pitfalls, notes and
/// assumptions. Deterministic. O(size of the brief).
///
/// With `rehearsal` (sim::Rehearse of this brief on `c`, `parley plan --rehearse`), every
/// format adds a "Rehearsal" section after the concession plan: what was played and drawn, the
/// seed and the sample count, the agreement rate, our value's p5, median and p95 against the
/// predicted deal and the walk-away, each counterpart, where the plan breaks and what to change.
/// Without it the output is what it was before rehearsals existed, byte for byte.
std::string RenderBriefText(const Case& c, const plan::Brief& b, const std::string& file,
                            const sim::Rehearsal* rehearsal = nullptr);

/// The brief as GitHub-flavoured Markdown (charts named by caption, not drawn).
std::string RenderBriefMarkdown(const Case& c, const plan::Brief& b, const std::string& file,
                                const sim::Rehearsal* rehearsal = nullptr);

/// The brief as a standalone HTML page that prints well, with inline SVG charts: the power
/// radar, the BATNA/ZOPA bar and the frontier with the predicted deal, the anchor and the MESO
/// packages (two-party cases; the frontier chart is left out otherwise).
std::string RenderBriefHtml(const Case& c, const plan::Brief& b, const std::string& file,
                            const sim::Rehearsal* rehearsal = nullptr);

/// "text", "markdown", "html", "json" or "xlsx".
const char* BriefFormatName(BriefFormat format);

/// The brief in a text format (kText, kMarkdown, kHtml, or kJson: the JSON of `parley plan
/// --format json`, with "command" and "file" in front, as JsonText writes it). Throws
/// Error(kUsage) for kXlsx, which is a file (WriteBriefXlsx). With `rehearsal`, the text
/// formats carry its section (above) and the JSON ends with a "rehearsal" key: the JSON of
/// `parley rehearse --format json` (RehearsalJson) without its "command" and "file".
std::string RenderBrief(const Case& c, const plan::Brief& b, const std::string& file,
                        BriefFormat format, const sim::Rehearsal* rehearsal = nullptr);

/// What `parley plan -o FILE` prints once the brief is written: "wrote FILE (FORMAT)\n".
std::string RenderBriefWrittenText(const std::string& output, BriefFormat format);

/// The same as JSON: {command: "plan", file, written, format}.
nlohmann::ordered_json BriefWrittenJson(const std::string& file, const std::string& output,
                                        BriefFormat format);

}  // namespace parley::report
