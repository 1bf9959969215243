// The readers behind ingest(): one per file format, plus the helpers they
// share. Private to src/ingest/.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "crosscheck/ingest.h"

namespace crosscheck {

/// The extension of `path`, lower-cased: ".md".
std::string lowercase_extension(const std::filesystem::path& path);

/// `path` as diagnostics and the audit name it: '/'-separated, lexically
/// normal, no trailing '/' ("." for the current folder).
std::string display_path(const std::filesystem::path& path);

/// Why `path` cannot be reached, given the error of stat() on it: a missing
/// path, a broken link (with its target), a link loop, a folder on the way
/// that cannot be searched; with what to do.
std::string unreachable_reason(const std::filesystem::path& path, const std::error_code& error);

/// Files to read under `paths`, in order; missing paths and unsupported
/// files are reported and counted in `stats.skipped`. Linked folders are
/// followed; a folder that cannot be listed, a broken link and a link loop
/// are reported and noted in `stats.unread_paths`.
std::vector<std::filesystem::path> list_input_files(const std::vector<std::filesystem::path>& paths, IngestStats& stats,
                                                    DiagnosticSink& diagnostics);

/// Throws Error naming the first byte of `text` that is not valid UTF-8, or
/// is NUL (binary data), with advice for each; the text's first byte is at
/// `file_offset` of `file` and on line `first_line`.
void require_plain_text(std::string_view text, const std::string& file, std::size_t file_offset,
                        std::uint32_t first_line);

/// The byte length of the default-ignorable character at `p` (valid UTF-8,
/// at least one byte available), or 0: the characters
/// remove_default_ignorables() takes out.
std::size_t default_ignorable_length(const unsigned char* p, std::size_t available);

/// Drops a leading byte order mark; returns whether there was one.
bool strip_bom(std::string& text);

/// CRLF and lone CR become LF, in place.
void normalize_line_ends(std::string& text);

/// Sets one of the article keys (`id`, `source`, `published`, `title`,
/// `url`) from its string value; other keys are ignored. Throws Error at
/// `where` for a bad `published` date or an empty id.
void set_article_field(Article& article, std::string_view key, std::string value, const SourceSpan& where);

/// The message for a file of 0 bytes, which is an error: in an archive it is
/// a download or an export that failed, and the editor should know.
inline constexpr std::string_view kEmptyFileMessage =
    "file is empty (0 bytes): no article to read; fetch it again or remove it";

/// One `.txt` or `.md` file as an article (front matter and text). Throws
/// Error for a file or a line over `limits`, before reading the file whole.
/// What it reads but doubts (blanks after the opening `---`, a second byte
/// order mark) is a warning in `diagnostics`.
Article read_text_article(const std::filesystem::path& path, const std::string& display_name,
                          const IngestLimits& limits, DiagnosticSink& diagnostics);

/// The inflated content of gzip data (concatenated members too). Throws
/// Error at `file` for data that is not gzip, is corrupt or cut short, or
/// inflates past `limit` bytes (checked as it inflates: a gzip bomb stops there).
std::string gunzip(std::string_view compressed, const std::string& file, std::size_t limit);

/// Whether `path` names a web page crosscheck reads: `.html`, `.htm`, or
/// either followed by `.gz`.
bool is_html_path(const std::filesystem::path& path);

/// A saved web page as an article: its main text (html/html_main_text.h),
/// its metadata, positions that point into the HTML (TextOrigin::anchors;
/// of a `.gz` page, into the inflated HTML). Throws Error for an unreadable,
/// oversized, corrupt or hostile page.
Article read_html_article(const std::filesystem::path& path, const std::string& display_name,
                          const IngestLimits& limits);

/// The article of a web page's bytes (inflated): its main text, metadata and
/// anchors, with `place` (a file, or a WARC record's "file#offset=N") as its
/// origin and the place of errors. `transport_charset` is the charset an HTTP
/// header gave, or "". The id is left empty for the caller. Throws Error for
/// binary data, a hostile page or a page with no text.
Article page_article(std::string bytes, std::string_view transport_charset, const std::string& place);

/// Whether `path` names a web archive: `.warc` or `.warc.gz`.
bool is_warc_path(const std::filesystem::path& path);

/// Every HTML response record of a WARC file (`.warc`, or `.warc.gz` of
/// gzip members) as an article: its id the record id, its url the target
/// URI, its date the page's or else the WARC date, its place
/// "FILE#offset=N" (N the byte offset in FILE where the record, or its gzip
/// member, begins). Streams: a record is held only while it is read. Other
/// records are skipped and counted in a note; a bad record (a length that
/// lies, a record over `limits.max_article_bytes`, a truncated file) is an
/// error with its offset, counted in `stats.skipped`, and the next record is
/// read when it can be found.
void read_warc_articles(const std::filesystem::path& path, const std::string& display_name,
                        const std::function<void(Article&&)>& on_article, IngestStats& stats,
                        DiagnosticSink& diagnostics, const IngestLimits& limits);

/// Whether `path` names a feed: `.rss`, `.atom` or `.xml`.
bool is_feed_path(const std::filesystem::path& path);

/// Every item of an RSS or Atom feed that carries its full text
/// (content:encoded, Atom content) as an article: its text found in that
/// HTML, its id the guid or id (else the link), its title, link and date the
/// item's, its source the feed's title. Positions point into the feed: exact
/// where the content is CDATA or inline XHTML; where it escapes its markup
/// ("&lt;p&gt;") the line is right and the column short by the escapes. Items
/// with a summary only are counted in a note. A file that is not a feed's
/// XML is an error at its line and column; the items before the damage are
/// read.
void read_feed_articles(const std::filesystem::path& path, const std::string& display_name,
                        const std::function<void(Article&&)>& on_article, IngestStats& stats,
                        DiagnosticSink& diagnostics, const IngestLimits& limits);

/// The whole file in one string. Throws Error when it cannot be read or is
/// larger than `limit` bytes.
std::string read_whole_file(const std::filesystem::path& path, const std::string& display_name, std::size_t limit);

/// Each line of a `.jsonl` file as an article; a bad line, or one longer
/// than `limits.max_article_bytes` (never held whole), is reported and
/// counted in `stats.skipped`, and the next line is read.
void read_jsonl_articles(const std::filesystem::path& path, const std::string& display_name,
                         const std::function<void(Article&&)>& on_article, IngestStats& stats,
                         DiagnosticSink& diagnostics, const IngestLimits& limits);

}  // namespace crosscheck
