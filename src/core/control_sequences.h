// Terminal control sequences in article text. Private to the library.
#pragma once

#include <cstddef>
#include <string_view>

namespace crosscheck {

/// The length of the CSI control sequence that starts at `at` in `text`, or 0
/// when none does. ECMA-48: ESC '[' (or the C1 control U+009B), parameter
/// bytes 0x30-0x3F, intermediate bytes 0x20-0x2F, one final byte 0x40-0x7E.
/// A terminal acts on such a sequence and shows none of it ("ESC[31m" turns
/// the text red), so the readers of figures and words skip it as they skip
/// a space: its parameters are no figure ("ESC[31m" is not 31 million).
/// Without its final byte it is no sequence, and 0.
inline std::size_t csi_length(std::string_view text, std::size_t at) noexcept {
  if (at + 2 > text.size()) return 0;
  const bool esc = text[at] == '\x1b' && text[at + 1] == '[';
  const bool c1 = text[at] == '\xc2' && text[at + 1] == '\x9b';
  if (!esc && !c1) return 0;
  std::size_t i = at + 2;
  while (i < text.size() && text[i] >= 0x30 && text[i] <= 0x3F) ++i;
  while (i < text.size() && text[i] >= 0x20 && text[i] <= 0x2F) ++i;
  return i < text.size() && text[i] >= 0x40 && text[i] <= 0x7E ? i + 1 - at : 0;
}

/// How JSON and our terminal text both write a tab, a line feed and a
/// carriage return: `\t`, `\n`, `\r`; empty for any other byte, which each
/// escapes in its own way (JSON `\u001b`, the terminal `\x1b`).
inline std::string_view short_escape(unsigned char byte) noexcept {
  switch (byte) {
    case '\t':
      return "\\t";
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    default:
      return {};
  }
}

}  // namespace crosscheck
