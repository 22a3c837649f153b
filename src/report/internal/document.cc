#include "internal/document.h"

#include <algorithm>
#include <sstream>

#include "internal/svg_util.h"

namespace parley::report::internal {
namespace {

// Display width of UTF-8 text: code points, counting every one as one column.
std::size_t Width(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
  return n;
}

// Splits text into lines of at most `width` columns at spaces (a longer word stays whole).
std::vector<std::string> Wrap(const std::string& text, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  std::istringstream words(text);
  std::string word;
  while (words >> word) {
    if (!line.empty() && Width(line) + 1 + Width(word) > width) {
      lines.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

std::string Pad(const std::string& s, std::size_t width, bool right) {
  const std::size_t w = Width(s);
  if (w >= width) return s;
  const std::string fill(width - w, ' ');
  return right ? fill + s : s + fill;
}

std::string Indented(const std::string& text, std::size_t width, const std::string& first,
                     const std::string& rest) {
  std::string out;
  const std::vector<std::string> lines =
      Wrap(text, width > first.size() + 20 ? width - first.size() : 20);
  for (std::size_t k = 0; k < lines.size(); ++k) out += (k == 0 ? first : rest) + lines[k] + "\n";
  return out;
}

std::string TextTable(const DocTable& t, std::size_t width) {
  const std::size_t cols = t.header.size();
  std::vector<std::size_t> w(cols, 0);
  for (std::size_t k = 0; k < cols; ++k) w[k] = Width(t.header[k]);
  for (const auto& row : t.rows) {
    for (std::size_t k = 0; k < cols && k < row.size(); ++k) w[k] = std::max(w[k], Width(row[k]));
  }
  // The last column wraps when the table is wider than the page.
  std::size_t before_last = 2;
  for (std::size_t k = 0; k + 1 < cols; ++k) before_last += w[k] + 2;
  const std::size_t last_width =
      cols == 0 ? 0 : std::max<std::size_t>(24, width > before_last ? width - before_last : 24);
  auto emit = [&](const std::vector<std::string>& row) {
    std::string out;
    std::string prefix = "  ";
    for (std::size_t k = 0; k + 1 < cols; ++k) {
      const bool right = k < t.numeric.size() && t.numeric[k];
      prefix += Pad(k < row.size() ? row[k] : "", w[k], right) + "  ";
    }
    const std::string last = cols > 0 && cols - 1 < row.size() ? row[cols - 1] : "";
    const bool right = cols > 0 && cols - 1 < t.numeric.size() && t.numeric[cols - 1];
    if (right || Width(last) <= last_width) {
      out = prefix + (right ? Pad(last, w[cols - 1], true) : last);
      while (!out.empty() && out.back() == ' ') out.pop_back();
      return out + "\n";
    }
    const std::vector<std::string> lines = Wrap(last, last_width);
    for (std::size_t k = 0; k < lines.size(); ++k) {
      out += (k == 0 ? prefix : std::string(Width(prefix), ' ')) + lines[k] + "\n";
    }
    return out;
  };
  std::string out = emit(t.header);
  std::vector<std::string> rule;
  for (std::size_t k = 0; k < cols; ++k) {
    rule.push_back(std::string(k + 1 == cols ? std::min(w[k], last_width) : w[k], '-'));
  }
  out += emit(rule);
  for (const auto& row : t.rows) out += emit(row);
  return out;
}

std::string MarkdownCell(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch == '|') {
      out += "\\|";
    } else if (ch == '\n') {
      out += ' ';
    } else {
      out += ch;
    }
  }
  return out.empty() ? " " : out;
}

// HTML text and attribute values are escaped as XML (the SVG helpers' escape).
std::string Html(const std::string& s) { return XmlEscape(s); }

constexpr const char* kCss = R"(
:root { color-scheme: light; }
body { font: 15px/1.5 "Helvetica Neue", Helvetica, Arial, sans-serif; color: #1f2933;
       max-width: 1000px; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.9rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.35rem; border-bottom: 2px solid #1d4e89; padding-bottom: 0.2rem;
     margin-top: 2.2rem; }
h3 { font-size: 1.1rem; margin-top: 1.4rem; color: #1d4e89; }
.subtitle { font-size: 1.1rem; color: #52606d; margin-top: 0; }
.meta { color: #52606d; font-size: 0.9rem; padding-left: 1.1rem; }
table { border-collapse: collapse; width: 100%; margin: 0.6rem 0 1rem; font-size: 0.92rem; }
th, td { border-bottom: 1px solid #d9e2ec; padding: 0.3rem 0.5rem; text-align: left;
         vertical-align: top; }
th { background: #f0f4f8; }
td.num, th.num { text-align: right; white-space: nowrap; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; border: 1px solid #d9e2ec; }
figcaption { color: #52606d; font-size: 0.88rem; }
.move { border-left: 4px solid #1d4e89; padding: 0.2rem 0 0.2rem 0.8rem; margin: 0.8rem 0; }
.move h4 { margin: 0 0 0.3rem; }
.move dl { display: grid; grid-template-columns: 6.5rem 1fr; gap: 0.15rem 0.6rem; margin: 0; }
.move dt { font-weight: bold; color: #52606d; }
.move dd { margin: 0; }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; }
  h2 { break-after: avoid; }
  table, figure, .move { break-inside: avoid; }
  a { color: inherit; }
}
@page { margin: 16mm; }
)";

}  // namespace

DocBlock Paragraph(std::string text) {
  DocBlock b;
  b.kind = DocBlock::Kind::kParagraph;
  b.text = std::move(text);
  return b;
}

DocBlock List(std::vector<std::string> items) {
  DocBlock b;
  b.kind = DocBlock::Kind::kList;
  b.items = std::move(items);
  return b;
}

DocBlock Table(DocTable table) {
  DocBlock b;
  b.kind = DocBlock::Kind::kTable;
  b.table = std::move(table);
  return b;
}

DocBlock Chart(std::string svg, std::string caption) {
  DocBlock b;
  b.kind = DocBlock::Kind::kChart;
  b.text = std::move(svg);
  b.caption = std::move(caption);
  return b;
}

DocBlock Definitions(std::string heading, std::vector<std::pair<std::string, std::string>> defs) {
  DocBlock b;
  b.kind = DocBlock::Kind::kDefinitions;
  b.text = std::move(heading);
  b.definitions = std::move(defs);
  return b;
}

std::string EmitText(const Document& d, std::size_t width) {
  std::string out = d.title + "\n" + std::string(Width(d.title), '=') + "\n";
  if (!d.subtitle.empty()) out += d.subtitle + "\n";
  for (const std::string& m : d.meta) out += m + "\n";
  for (const DocSection& s : d.sections) {
    if (s.level <= 2) {
      out += "\n" + s.title + "\n" + std::string(Width(s.title), '-') + "\n";
    } else {
      out += "\n" + s.title + "\n";
    }
    for (const DocBlock& b : s.blocks) {
      switch (b.kind) {
        case DocBlock::Kind::kParagraph:
          out += Indented(b.text, width, "", "");
          break;
        case DocBlock::Kind::kList:
          for (const std::string& item : b.items) out += Indented(item, width, "  - ", "    ");
          break;
        case DocBlock::Kind::kTable:
          out += TextTable(b.table, width);
          break;
        case DocBlock::Kind::kChart:
          break;  // the charts are in the HTML brief
        case DocBlock::Kind::kDefinitions: {
          out += "  * " + b.text + "\n";
          std::size_t term = 0;
          for (const auto& [t, _] : b.definitions) term = std::max(term, Width(t));
          for (const auto& [t, text] : b.definitions) {
            out += Indented(text, width, "      " + Pad(t + ":", term + 1, false) + " ",
                            std::string(7 + term + 1, ' '));
          }
          break;
        }
      }
    }
  }
  return out;
}

std::string EmitMarkdown(const Document& d) {
  std::string out = "# " + d.title + "\n\n";
  if (!d.subtitle.empty()) out += "*" + d.subtitle + "*\n\n";
  for (const std::string& m : d.meta) out += "- " + m + "\n";
  for (const DocSection& s : d.sections) {
    out += "\n" + std::string(static_cast<std::size_t>(std::clamp(s.level, 2, 4)), '#') + " " +
           s.title + "\n";
    for (const DocBlock& b : s.blocks) {
      out += "\n";
      switch (b.kind) {
        case DocBlock::Kind::kParagraph:
          out += b.text + "\n";
          break;
        case DocBlock::Kind::kList:
          for (const std::string& item : b.items) out += "- " + item + "\n";
          break;
        case DocBlock::Kind::kTable: {
          const DocTable& t = b.table;
          out += "|";
          for (const std::string& h : t.header) out += " " + MarkdownCell(h) + " |";
          out += "\n|";
          for (std::size_t k = 0; k < t.header.size(); ++k) {
            out += k < t.numeric.size() && t.numeric[k] ? " ---: |" : " --- |";
          }
          out += "\n";
          for (const auto& row : t.rows) {
            out += "|";
            for (std::size_t k = 0; k < t.header.size(); ++k) {
              out += " " + MarkdownCell(k < row.size() ? row[k] : "") + " |";
            }
            out += "\n";
          }
          break;
        }
        case DocBlock::Kind::kChart:
          out += "*Chart (in the HTML brief): " + b.caption + "*\n";
          break;
        case DocBlock::Kind::kDefinitions:
          out += "**" + b.text + "**\n\n";
          for (const auto& [t, text] : b.definitions) out += "- *" + t + ":* " + text + "\n";
          break;
      }
    }
  }
  return out;
}

std::string EmitHtml(const Document& d) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
      Html(d.title) + "</title>\n<style>" + kCss + "</style>\n</head>\n<body>\n<header>\n<h1>" +
      Html(d.title) + "</h1>\n";
  if (!d.subtitle.empty()) out += "<p class=\"subtitle\">" + Html(d.subtitle) + "</p>\n";
  out += "<ul class=\"meta\">\n";
  for (const std::string& m : d.meta) out += "<li>" + Html(m) + "</li>\n";
  out += "</ul>\n</header>\n<main>\n";
  for (const DocSection& s : d.sections) {
    const std::string h = "h" + std::to_string(std::clamp(s.level, 2, 4));
    out += "<section id=\"" + Html(s.id) + "\">\n<" + h + ">" + Html(s.title) + "</" + h + ">\n";
    for (const DocBlock& b : s.blocks) {
      switch (b.kind) {
        case DocBlock::Kind::kParagraph:
          out += "<p>" + Html(b.text) + "</p>\n";
          break;
        case DocBlock::Kind::kList:
          out += "<ul>\n";
          for (const std::string& item : b.items) out += "<li>" + Html(item) + "</li>\n";
          out += "</ul>\n";
          break;
        case DocBlock::Kind::kTable: {
          const DocTable& t = b.table;
          auto cls = [&t](std::size_t k) {
            return k < t.numeric.size() && t.numeric[k] ? std::string(" class=\"num\"") : "";
          };
          out += "<table>\n<thead><tr>";
          for (std::size_t k = 0; k < t.header.size(); ++k) {
            out += "<th" + cls(k) + ">" + Html(t.header[k]) + "</th>";
          }
          out += "</tr></thead>\n<tbody>\n";
          for (const auto& row : t.rows) {
            out += "<tr>";
            for (std::size_t k = 0; k < t.header.size(); ++k) {
              out += "<td" + cls(k) + ">" + Html(k < row.size() ? row[k] : "") + "</td>";
            }
            out += "</tr>\n";
          }
          out += "</tbody>\n</table>\n";
          break;
        }
        case DocBlock::Kind::kChart:
          out += "<figure>\n" + b.text + "<figcaption>" + Html(b.caption) +
                 "</figcaption>\n</figure>\n";
          break;
        case DocBlock::Kind::kDefinitions:
          out += "<div class=\"move\">\n<h4>" + Html(b.text) + "</h4>\n<dl>\n";
          for (const auto& [t, text] : b.definitions) {
            out += "<dt>" + Html(t) + "</dt><dd>" + Html(text) + "</dd>\n";
          }
          out += "</dl>\n</div>\n";
          break;
      }
    }
    out += "</section>\n";
  }
  out +=
      "</main>\n<footer><p class=\"meta\">Prepared with Parley. Every figure traces to the "
      "case file and the assumptions listed above.</p></footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace parley::report::internal
