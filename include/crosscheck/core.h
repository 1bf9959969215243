// crosscheck: core vocabulary shared by every pipeline stage.
//
/// A `SourceSpan` names a place in an input file (1-based line and column,
/// columns counted in Unicode characters). Input problems travel as
/// `Diagnostic`s (collected in a `DiagnosticSink`, so a run can go on after a
/// bad article) or, inside a stage, as a thrown `crosscheck::Error` that the
/// stage turns into a diagnostic.
///
/// **Example**
///
///     crosscheck::DiagnosticSink sink;
///     sink.error({"a.md", 3, 5}, "unknown key 'tilte'; did you mean 'title'?");
///     fmt::print("{}\n", sink.diagnostics().front());
///     // a.md:3:5: error: unknown key 'tilte'; did you mean 'title'?
#pragma once

#include <fmt/format.h>

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace crosscheck {

/// A place in an input file. `line` and `column` are 1-based; 0 means
/// "unknown" (a whole-file problem has neither). `column` counts Unicode
/// characters, not bytes, so it matches what an editor shows.
struct SourceSpan {
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;

  friend bool operator==(const SourceSpan&, const SourceSpan&) = default;
};

/// `file:line:column`, `file:line` or `file`, whichever parts are known.
std::string format_as(const SourceSpan& span);

enum class Severity { note, warning, error };

std::string_view format_as(Severity severity);

/// One input problem, with where it was found. `notes` point at related
/// places (the first definition of a duplicate id, say).
struct Diagnostic {
  Severity severity = Severity::error;
  SourceSpan span;
  std::string message;
  std::vector<Diagnostic> notes;
};

/// `file:line:col: error: message`, one line per note after it.
std::string format_as(const Diagnostic& diagnostic);

/// An input problem raised inside a stage; carries where it happened.
class Error : public std::runtime_error {
 public:
  Error(SourceSpan span, const std::string& message);

  const SourceSpan& span() const noexcept { return span_; }
  /// The message without the location (what `what()` prefixes with it).
  const std::string& message() const noexcept { return message_; }

 private:
  SourceSpan span_;
  std::string message_;
};

/// Collects diagnostics in the order they are reported.
class DiagnosticSink {
 public:
  void report(Diagnostic diagnostic);
  void error(SourceSpan span, std::string message);
  void warning(SourceSpan span, std::string message);

  const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }
  std::size_t error_count() const noexcept { return errors_; }

 private:
  std::vector<Diagnostic> diagnostics_;
  std::size_t errors_ = 0;
};

/// Byte offset of the first invalid UTF-8 sequence in `text` (overlong forms,
/// surrogates and code points past U+10FFFF are invalid), or `npos`.
std::size_t find_invalid_utf8(std::string_view text) noexcept;

/// The UTF-8 bytes of code point `c` (at most U+10FFFF, no surrogate).
std::string utf8_of(char32_t c);

/// `text` as it may be shown to a reader: on a terminal, in a text or
/// Markdown report, a DOT or XML label. Every C0 control (tab and line feed
/// too), DEL and C1 control (U+0080-U+009F) is written as an escape (`\t`,
/// `\n`, `\r`, `\x1b`, `\x7f`, `\u009b`), and so are the noncharacters
/// U+FFFE and U+FFFF (which XML 1.0 forbids) and every byte that is not part
/// of valid UTF-8 (`\xff`): text from an article can then neither move the
/// cursor, clear the screen, forge a report line nor break an XML document.
/// A backslash is doubled (`\\`), so that what is shown reads back one way:
/// an article's own four characters `\x1b` are shown `\\x1b`, never as an
/// escaped ESC. Text without any of these (nearly every good article) comes
/// back unchanged.
std::string escape_controls(std::string_view text);

/// The candidate closest to `word` by edit distance, if it is close enough
/// to be a likely typo (at most a third of the word's length); else empty.
/// Used for "did you mean" hints on unknown keys.
std::string suggest(std::string_view word, const std::vector<std::string_view>& candidates);

/// Optimal string alignment distance: insertions, deletions, substitutions
/// and swaps of two neighbours ("titel" is one step from "title").
std::size_t edit_distance(std::string_view a, std::string_view b);

/// Maps byte offsets of one text to 1-based line and column. Lines end at
/// '\n'; columns count Unicode characters, so "Türkiye 35" has "35" at
/// column 9. Build once per text: O(n) to build, O(log lines) to look up.
class LineIndex {
 public:
  struct Position {
    std::uint32_t line = 1;
    std::uint32_t column = 1;
    friend bool operator==(const Position&, const Position&) = default;
  };

  explicit LineIndex(std::string_view text);

  /// Position of the character starting at `offset` (clamped to the text).
  Position locate(std::size_t offset) const;
  std::size_t line_count() const noexcept { return line_starts_.size(); }

 private:
  std::string_view text_;
  std::vector<std::size_t> line_starts_;
};

/// A 64-bit FNV-1a hash of a sequence of texts, as 16 hex digits: the same on
/// every machine and compiler (unlike std::hash), so what is stored or
/// committed (fingerprints, baselines, the audit store) holds everywhere.
/// Each text is closed by a byte UTF-8 never contains: ("ab", "c") and ("a",
/// "bc") differ.
class ContentHash {
 public:
  ContentHash& add(std::string_view text) noexcept;
  std::string hex() const;

 private:
  std::uint64_t state_ = 0xcbf29ce484222325ULL;
};

}  // namespace crosscheck

namespace crosscheck {
/// Types (and enums) of crosscheck with a `format_as(const T&)` returning text.
template <typename T>
concept FormattableAs = requires(const T& value) {
  { format_as(value) } -> std::convertible_to<std::string_view>;
};
}  // namespace crosscheck

/// fmt 9 (Debian 12) only honours `format_as` for enums; this lets
/// `fmt::format("{}", span)` work for every crosscheck type that has one.
template <crosscheck::FormattableAs T>
struct fmt::formatter<T> : fmt::formatter<std::string_view> {
  auto format(const T& value, format_context& ctx) const {
    const auto text = format_as(value);
    return fmt::formatter<std::string_view>::format(std::string_view(text), ctx);
  }
};
