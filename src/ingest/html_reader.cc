// A saved web page (.html, .htm, the same gzip-compressed) as an article.
#include "ingest/html_document.h"
#include "ingest/html_main_text.h"
#include "ingest/html_metadata.h"
#include "ingest/readers.h"

namespace crosscheck {

namespace fs = std::filesystem;

namespace {

// "page.html.gz" -> ".html", "page.htm" -> ".htm": the extension before any ".gz".
std::string page_extension(const fs::path& path) {
  return lowercase_extension(path) == ".gz" ? lowercase_extension(path.stem()) : lowercase_extension(path);
}

}  // namespace

bool is_html_path(const fs::path& path) {
  const std::string extension = page_extension(path);
  return extension == ".html" || extension == ".htm";
}

Article page_article(std::string bytes, std::string_view transport_charset, const std::string& place) {
  // A NUL near the start marks a binary file, as for text; UTF-16 pages have
  // NULs and say so with a byte order mark.
  const bool utf16 = bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF");
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1F &&
      static_cast<unsigned char>(bytes[1]) == 0x8B) {
    throw Error({place, 0, 0}, "this is gzip data, not a page; name the file '.html.gz' and it is read");
  }
  if (const std::size_t nul = bytes.find('\0'); !utf16 && nul < 8000) {
    const LineIndex lines(std::string_view(bytes).substr(0, nul + 1));
    const LineIndex::Position at = lines.locate(nul);
    throw Error({place, at.line, at.column},
                fmt::format("NUL byte at byte offset {} of the page: binary data, or a page in UTF-16 without a byte "
                            "order mark; leave it out, or save it as UTF-8",
                            nul));
  }
  const html::Document page(html::page_to_utf8(std::move(bytes), transport_charset, place), place);
  html::PageMetadata metadata = html::page_metadata(page);
  html::PageText found = html::main_text(page);
  if (found.text.empty()) {
    throw Error({place, 0, 0},
                "the page has no text to read (an empty body, or text that scripts draw); "
                "save the page after it has loaded, or leave it out");
  }
  Article article;
  article.id_span = {place, 0, 0};
  article.title = std::move(metadata.title);
  article.source = std::move(metadata.source);
  article.url = std::move(metadata.url);
  article.published = metadata.published;
  article.text = std::move(found.text);
  article.origin.file = place;
  article.origin.anchors = std::move(found.anchors);
  return article;
}

Article read_html_article(const fs::path& path, const std::string& display_name, const IngestLimits& limits) {
  std::string bytes = read_whole_file(path, display_name, limits.max_article_bytes);
  if (bytes.empty()) throw Error({display_name, 0, 0}, std::string(kEmptyFileMessage));
  if (lowercase_extension(path) == ".gz") bytes = gunzip(bytes, display_name, limits.max_article_bytes);
  Article article = page_article(std::move(bytes), "", display_name);
  fs::path stem = path.filename();
  while (!stem.extension().empty() && (lowercase_extension(stem) == ".gz" || is_html_path(stem))) {
    stem = stem.stem();
  }
  article.id = stem.string();
  return article;
}

}  // namespace crosscheck
