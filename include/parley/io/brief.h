#pragma once

#include <string>

#include "parley/core/case.h"
#include "parley/plan/brief.h"

namespace parley::io {

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
std::string RenderBriefText(const Case& c, const plan::Brief& b, const std::string& file);

/// The brief as GitHub-flavoured Markdown (charts named by caption, not drawn).
std::string RenderBriefMarkdown(const Case& c, const plan::Brief& b, const std::string& file);

/// The brief as a standalone HTML page that prints well, with inline SVG charts: the power
/// radar, the BATNA/ZOPA bar and the frontier with the predicted deal, the anchor and the MESO
/// packages (two-party cases; the frontier chart is left out otherwise).
std::string RenderBriefHtml(const Case& c, const plan::Brief& b, const std::string& file);

}  // namespace parley::io
