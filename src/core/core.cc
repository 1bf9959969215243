#include "crosscheck/core.h"

#include <algorithm>
#include <cstring>

#include "core/ascii_blocks.h"
#include "core/control_sequences.h"

namespace crosscheck {

std::string format_as(const SourceSpan& span) {
  if (span.line == 0) return span.file;
  if (span.column == 0) return fmt::format("{}:{}", span.file, span.line);
  return fmt::format("{}:{}:{}", span.file, span.line, span.column);
}

std::string_view format_as(Severity severity) {
  switch (severity) {
    case Severity::note:
      return "note";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "error";
}

std::string format_as(const Diagnostic& diagnostic) {
  // A file name or a message may quote an article: no control reaches the terminal.
  std::string out = fmt::format("{}: {}: {}", escape_controls(format_as(diagnostic.span)),
                                format_as(diagnostic.severity), escape_controls(diagnostic.message));
  for (const Diagnostic& note : diagnostic.notes) {
    out += '\n';
    out += format_as(note);
  }
  return out;
}

Error::Error(SourceSpan span, const std::string& message)
    : std::runtime_error(fmt::format("{}: {}", span, message)), span_(std::move(span)), message_(message) {}

void DiagnosticSink::report(Diagnostic diagnostic) {
  if (diagnostic.severity == Severity::error) ++errors_;
  diagnostics_.push_back(std::move(diagnostic));
}

void DiagnosticSink::error(SourceSpan span, std::string message) {
  report({Severity::error, std::move(span), std::move(message), {}});
}

void DiagnosticSink::warning(SourceSpan span, std::string message) {
  report({Severity::warning, std::move(span), std::move(message), {}});
}

namespace {

// The length of the valid UTF-8 sequence at `at` (its code point in `code`),
// or 0 when the bytes there are not one.
std::size_t utf8_sequence(const unsigned char* bytes, std::size_t size, std::size_t at, std::uint32_t& code) {
  const unsigned char lead = bytes[at];
  std::size_t length = 0;
  std::uint32_t min_code = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, min_code = 0x80, code = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, min_code = 0x800, code = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, min_code = 0x10000, code = lead & 0x07;
  } else {
    return 0;
  }
  if (at + length > size) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((bytes[at + k] & 0xC0) != 0x80) return 0;
    code = (code << 6) | (bytes[at + k] & 0x3F);
  }
  if (code < min_code || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return length;
}

}  // namespace

std::string utf8_of(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

std::size_t find_invalid_utf8(std::string_view text) noexcept {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::size_t i = 0;
  while (i < size) {
    // NOTE: news text is overwhelmingly ASCII; skip it eight bytes at a time.
    while (i + 8 <= size) {
      std::uint64_t chunk;
      std::memcpy(&chunk, bytes + i, 8);
      if (chunk & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= size) break;
    const unsigned char lead = bytes[i];
    if (lead < 0x80) {
      ++i;
      continue;
    }
    std::uint32_t code = 0;
    const std::size_t length = utf8_sequence(bytes, size, i, code);
    if (length == 0) return i;  // a continuation byte, a bad lead, cut short, overlong or a surrogate
    i += length;
  }
  return std::string_view::npos;
}

std::string escape_controls(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  // NOTE: every field of every report passes here; printable ASCII but the
  // backslash, nearly all of it, goes back as it came.
  std::size_t i = 0;
  while (i < size && bytes[i] >= 0x20 && bytes[i] < 0x7F && bytes[i] != '\\') ++i;
  if (i == size) return std::string(text);
  std::string out(text.substr(0, i));
  while (i < size) {
    const unsigned char byte = bytes[i];
    if (byte == '\\') {
      // Doubled, so that the four characters "\x1b" in an article read
      // "\\x1b" and cannot pass for an escaped ESC.
      out += "\\\\";
      ++i;
    } else if (byte >= 0x20 && byte < 0x7F) {
      out += static_cast<char>(byte);
      ++i;
    } else if (byte < 0x80) {
      const std::string_view escape = short_escape(byte);
      if (escape.empty()) {
        out += fmt::format("\\x{:02x}", byte);
      } else {
        out += escape;
      }
      ++i;
    } else {
      std::uint32_t code = 0;
      const std::size_t length = utf8_sequence(bytes, size, i, code);
      if (length == 0) {
        out += fmt::format("\\x{:02x}", byte);
        ++i;
      } else if (code <= 0x9F || code == 0xFFFE || code == 0xFFFF) {
        out += fmt::format("\\u{:04x}", code);
        i += length;
      } else {
        out.append(text.substr(i, length));
        i += length;
      }
    }
  }
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

std::string suggest(std::string_view word, const std::vector<std::string_view>& candidates) {
  std::string_view best;
  std::size_t best_distance = word.size() / 3 + 1;
  for (std::string_view candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) best = candidate, best_distance = distance;
  }
  return std::string(best);
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  for (std::size_t pos = text.find('\n'); pos != std::string_view::npos; pos = text.find('\n', pos + 1)) {
    line_starts_.push_back(pos + 1);
  }
}

LineIndex::Position LineIndex::locate(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const std::size_t line = static_cast<std::size_t>(after - line_starts_.begin());
  const std::size_t start = line_starts_[line - 1];
  const std::size_t characters = ascii_blocks::character_count(text_.data() + start, offset - start);
  return {static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(1 + characters)};
}

ContentHash& ContentHash::add(std::string_view text) noexcept {
  constexpr std::uint64_t kPrime = 0x100000001b3ULL;
  for (unsigned char c : text) state_ = (state_ ^ c) * kPrime;
  state_ = (state_ ^ 0xFF) * kPrime;
  return *this;
}

std::string ContentHash::hex() const { return fmt::format("{:016x}", state_); }

}  // namespace crosscheck
