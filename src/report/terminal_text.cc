#include "parley/report/terminal_text.h"

#include <cstddef>
#include <cstdint>

namespace parley::report {

namespace {

constexpr char kHex[] = "0123456789abcdef";

void AppendByteEscape(std::string& out, unsigned char byte) {
  out += "\\x";
  out += kHex[byte >> 4];
  out += kHex[byte & 0xF];
}

void AppendCodePointEscape(std::string& out, std::uint32_t cp) {
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(cp >> shift) & 0xF];
}

// The length of the valid UTF-8 sequence starting at `i` and its code point, or 0 when the
// bytes there are not valid UTF-8 (RFC 3629: no overlongs, no surrogates, at most U+10FFFF).
std::size_t DecodeUtf8(std::string_view s, std::size_t i, std::uint32_t& cp) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  std::size_t len = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
  } else {
    return 0;
  }
  static constexpr std::uint32_t kLeadMask[] = {0, 0, 0x1F, 0x0F, 0x07};
  static constexpr std::uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  cp = b0 & kLeadMask[len];
  const std::uint32_t min = kMin[len];
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

bool IsHiddenCodePoint(std::uint32_t cp) {
  return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

bool NeedsNoChange(std::string_view text) {
  for (const char ch : text) {
    const auto b = static_cast<unsigned char>(ch);
    if (b >= 0x80 || b == 0x7F || (b < 0x20 && ch != '\n' && ch != '\t')) return false;
  }
  return true;
}

}  // namespace

std::string TerminalSafe(std::string_view text) {
  if (NeedsNoChange(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 16);
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      if (b == 0x7F || (b < 0x20 && b != '\n' && b != '\t')) {
        AppendByteEscape(out, b);
      } else {
        out += static_cast<char>(b);
      }
      ++i;
      continue;
    }
    std::uint32_t cp = 0;
    const std::size_t len = DecodeUtf8(text, i, cp);
    if (len == 0) {
      AppendByteEscape(out, b);
      ++i;
    } else {
      if (IsHiddenCodePoint(cp)) {
        AppendCodePointEscape(out, cp);
      } else {
        out.append(text.substr(i, len));
      }
      i += len;
    }
  }
  return out;
}

}  // namespace parley::report
