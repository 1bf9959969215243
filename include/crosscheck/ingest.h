// crosscheck: ingest, the first pipeline stage.
//
/// Turns paths into articles. A path is a file or a directory (recursed, its
/// files sorted by path, hidden entries skipped, linked folders followed; a
/// folder that cannot be listed, a broken link and a link loop are errors). `.txt` and `.md` files are
/// one article each, with optional YAML front matter between `---` lines
/// (`id`, `source`, `published`, `title`, `url`; other keys are ignored).
/// `.jsonl` files hold one article object per line with the same keys plus
/// `text`, read a line at a time so a file of any size streams.
///
/// Text is normalized on the way in: a UTF-8 byte order mark is dropped and
/// CRLF or lone CR line ends become LF (line numbers stay those of the file).
///
/// A bad article (invalid UTF-8, broken front matter, a JSONL line that is not
/// an object or lacks `text`, a duplicate id, an unreadable file) is reported
/// to the diagnostics with its file and line, skipped, and the run goes on.
///
/// **Example**
///
///     crosscheck::DiagnosticSink sink;
///     auto stats = crosscheck::ingest({"corpora/"}, [](crosscheck::Article&& a) {
///       fmt::print("{} {}\n", a.id, a.text.size());
///     }, sink);
///     return stats.skipped > 0 ? 2 : 0;
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "crosscheck/core.h"

namespace crosscheck {

/// A calendar date (no time zone: news dates are the outlet's local day).
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  friend auto operator<=>(const Date&, const Date&) = default;
};

/// `YYYY-MM-DD`.
std::string format_as(const Date& date);

/// Days since 1970-01-01 of a date, and back (proleptic Gregorian).
long day_number(const Date& date);
Date date_of_day_number(long days);

/// Parses `YYYY-MM-DD`, optionally followed by a time (`T10:00:00Z`, which is
/// dropped). Returns nothing for anything else or an impossible date.
std::optional<Date> parse_date(std::string_view text);

/// Where an article's text sits in its file, to turn text offsets back into
/// file positions.
struct TextOrigin {
  std::string file;        ///< as given on the command line, '/'-separated
  std::uint32_t line = 1;  ///< file line of the text's first character
  /// The text is a JSON string on one line of a JSONL file: positions keep
  /// that line, and the column counts characters of the decoded `text`.
  bool embedded = false;

  /// A default-ignorable character that ingest removed from the text: where
  /// it was (the byte offset in the text as kept, of the character that
  /// followed it) and on which line of the text (1-based).
  struct Removed {
    std::uint32_t offset = 0;
    std::uint32_t line = 0;
  };
  /// In text order; empty for nearly every article.
  std::vector<Removed> removed;

  /// A text taken from a web page: where its runs come from in the page.
  /// The character at byte `offset` of the text is at `line` and `column` of
  /// the file, and those after it follow on that line up to the next anchor.
  /// A new run begins wherever the page's markup stood between two
  /// characters or the text differs from the source (an entity decoded, a
  /// run of blanks made one). Empty for every other format.
  struct Anchor {
    std::uint32_t offset = 0;
    std::uint32_t line = 1;
    std::uint32_t column = 1;
  };
  /// In text order.
  std::vector<Anchor> anchors;

  /// The file position of the character at byte `offset` of `text`. The
  /// column counts the removed characters before it on its line, so it points
  /// into the file as written.
  SourceSpan locate(std::string_view text, const LineIndex& lines, std::size_t offset) const;
};

/// Removes every Default_Ignorable_Code_Point of Unicode (zero-width space,
/// joiners, word joiner, LRM/RLM and the other bidirectional controls,
/// variation selectors, U+FEFF inside a text, tags) and the soft hyphen
/// U+00AD from `text`, in place, and records each in `origin.removed`.
/// Copied web text carries them inside numbers and words ("12,<U+200B>000",
/// "kil<U+00AD>led"): invisible to a reader, so invisible to every stage
/// after ingest. One pass; the text must be valid UTF-8.
void remove_default_ignorables(std::string& text, TextOrigin& origin);

/// Locates offsets of one article's text in increasing order by one forward
/// walk: each call counts only the characters since the previous one, so
/// locating every claim of an article costs its length once (a long line or
/// a JSONL text is not counted again from its start for each claim). An
/// offset before the previous one is located afresh.
class TextLocator {
 public:
  /// `origin`, `text` and `lines` (built on `text`) must outlive the locator.
  TextLocator(const TextOrigin& origin, std::string_view text, const LineIndex& lines)
      : origin_(origin), text_(text), lines_(lines) {}

  /// The same as `origin.locate(text, lines, offset)`.
  SourceSpan locate(std::size_t offset);

 private:
  const TextOrigin& origin_;
  std::string_view text_;
  const LineIndex& lines_;
  std::size_t offset_ = 0;              // the last offset located
  LineIndex::Position position_{1, 1};  // its line and column in the text (of a page: in the file)
  std::size_t anchor_ = SIZE_MAX;       // of a page: the anchor whose run holds offset_
};

struct Article {
  std::string id;      ///< unique in a run; the file name without extension by default
  std::string source;  ///< the outlet, empty when not given
  std::string title;
  std::string url;
  std::optional<Date> published;
  std::string text;  ///< valid UTF-8, LF line ends, no byte order mark, no default-ignorable characters
  TextOrigin origin;
  SourceSpan id_span;  ///< where the id was given (or the file), for duplicates
};

struct IngestStats {
  std::size_t files = 0;     ///< input files opened
  std::size_t articles = 0;  ///< articles handed on
  std::size_t skipped = 0;   ///< articles or files skipped for errors
  /// Paths ('/'-separated, lexically normal) whose files could not all be
  /// found: a missing path, a folder that cannot be listed or searched, a
  /// broken or looping link. Each is also an error. What was read from under
  /// them in an earlier run is not known to be gone (the audit keeps it).
  std::vector<std::string> unread_paths;
};

/// Bounds on what one article may take, so that hostile input (a binary
/// file, a dump with no line ends) gets a clear error instead of exhausting
/// memory. An article over a limit is reported and skipped; the run goes on.
struct IngestLimits {
  /// The largest `.txt`/`.md` file, or `.jsonl` line, read as one article.
  std::size_t max_article_bytes = std::size_t{64} << 20;
  /// The longest line of a `.txt`/`.md` article (news text breaks its
  /// paragraphs; a megabyte without a line end is not news text).
  std::size_t max_line_bytes = std::size_t{1} << 20;
};

/// "64 MB", "1.5 MB", "2.5 KB", "300 bytes": a size for a message (KB and MB of 2^10 and 2^20 bytes).
std::string format_byte_size(std::size_t bytes);

/// Reads every article under `paths` in a deterministic order and hands each
/// to `on_article`. Problems go to `diagnostics` and count in `skipped`.
IngestStats ingest(const std::vector<std::filesystem::path>& paths, const std::function<void(Article&&)>& on_article,
                   DiagnosticSink& diagnostics, const IngestLimits& limits = {});

}  // namespace crosscheck
