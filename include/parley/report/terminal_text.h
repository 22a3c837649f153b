#pragma once

/// Text made safe for a terminal: what a case holds (titles, names, notes, evidence claims) is
/// shown as written, but never drives the terminal. The CLI passes every text report and every
/// message on stderr through it, so a case cannot clear the screen, move the cursor, change the
/// window title or hide text with ANSI escapes.
///
///   std::cout << parley::report::TerminalSafe("Acme\x1b[2J renewal");  // Acme\x1b[2J renewal

#include <string>
#include <string_view>

namespace parley::report {

/// `text` with every byte or character that a terminal would act on replaced by a visible
/// escape, everything else unchanged (valid UTF-8 letters of any script, newline and tab kept):
/// - C0 controls other than '\n' and '\t' (ESC, BEL, CR, backspace, NUL, ...) and DEL: `\xHH`
///   (two lowercase hex digits), e.g. ESC gives `\x1b`;
/// - C1 controls U+0080..U+009F (CSI U+009B among them) and the bidirectional overrides and
///   isolates U+202A..U+202E and U+2066..U+2069 (which reorder what is shown): `\uHHHH`;
/// - bytes that are not valid UTF-8 (stray continuation bytes, overlong or truncated
///   sequences, surrogates, code points over U+10FFFF): `\xHH` per byte.
/// Returns `text` unchanged when there is nothing to replace. O(size).
std::string TerminalSafe(std::string_view text);

}  // namespace parley::report
