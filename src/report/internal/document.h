#pragma once

// A small document model that the brief is written into once and then emitted as terminal
// text, Markdown or HTML, so the three formats always carry the same content.

#include <string>
#include <utility>
#include <vector>

namespace parley::report::internal {

/// A table: a header row and rows of cells, some columns right-aligned (figures).
struct DocTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> numeric;  ///< per column; missing entries are left-aligned
};

/// One block of a section.
struct DocBlock {
  enum class Kind { kParagraph, kList, kTable, kChart, kDefinitions };
  Kind kind = Kind::kParagraph;
  std::string text;                ///< paragraph text; chart: the SVG; definitions: their heading
  std::vector<std::string> items;  ///< list items
  DocTable table;
  std::vector<std::pair<std::string, std::string>> definitions;  ///< term, description
  std::string caption;  ///< chart: its caption (and the text formats' stand-in)
};

/// A section: a heading (level 2, or 3 for a subsection) and its blocks.
struct DocSection {
  std::string id;  ///< an HTML id, [a-z0-9-]+
  std::string title;
  int level = 2;
  std::vector<DocBlock> blocks;
};

/// The whole document.
struct Document {
  std::string title;
  std::string subtitle;
  std::vector<std::string> meta;  ///< one line each: file, context, seed, ...
  std::vector<DocSection> sections;
};

DocBlock Paragraph(std::string text);
DocBlock List(std::vector<std::string> items);
DocBlock Table(DocTable table);
DocBlock Chart(std::string svg, std::string caption);
DocBlock Definitions(std::string heading, std::vector<std::pair<std::string, std::string>> defs);

/// Plain text for a terminal: headings underlined, paragraphs and long table cells wrapped at
/// `width` columns (UTF-8 aware), charts replaced by their caption. O(size of the document).
std::string EmitText(const Document& d, std::size_t width = 100);
/// GitHub-flavoured Markdown: headings, pipe tables (| escaped), lists; charts by caption.
std::string EmitMarkdown(const Document& d);
/// A standalone HTML5 page with inline CSS (screen and print) and the charts as inline SVG; all
/// text is escaped. No scripts, fonts or external resources.
std::string EmitHtml(const Document& d);

}  // namespace parley::report::internal
