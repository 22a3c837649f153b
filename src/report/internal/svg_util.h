#pragma once

// Helpers shared by the SVG chart renderers (frontier_svg.cc, power_svg.cc): the document
// header, escaped text and the palette every chart uses.

#include <cstddef>
#include <string>

namespace parley::report::internal {

/// The font every chart uses, as an SVG attribute.
inline constexpr const char* kSvgFont = "font-family=\"Helvetica, Arial, sans-serif\"";
/// Text and axis colour.
inline constexpr const char* kSvgInk = "#1f2933";
/// Secondary text colour (subtitles, captions, details).
inline constexpr const char* kSvgMuted = "#52606d";

/// `text` with & < > " ' written as XML entities, and the control characters XML 1.0 forbids
/// (below 0x20 except tab and newline) dropped, so any bytes give a well-formed document.
std::string XmlEscape(const std::string& text);

/// `text` cut to at most `max` bytes (max >= 3), ending in "..." when cut, never splitting a
/// UTF-8 sequence.
std::string Shorten(const std::string& text, std::size_t max);

/// `<text x="X" y="Y" ATTRIBUTES>escaped text</text>` and a newline; x and y with one decimal.
std::string SvgText(double x, double y, const std::string& text, const std::string& attributes);

/// The start of a self-contained SVG 1.1 document `width` x `height` px: the <svg> element
/// (chart font, 13 px, ink colour), its <title> and <desc> (escaped) and a white background.
/// The caller appends the drawing and "</svg>\n".
std::string SvgBegin(double width, double height, const std::string& title,
                     const std::string& description);

}  // namespace parley::report::internal
