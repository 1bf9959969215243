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

Article read_html_article(const fs::path& path, const std::string& display_name, const IngestLimits& limits) {
  std::string bytes = read_whole_file(path, display_name, limits.max_article_bytes);
  if (bytes.empty()) throw Error({display_name, 0, 0}, std::string(kEmptyFileMessage));
  const bool compressed = lowercase_extension(path) == ".gz";
  if (compressed) bytes = gunzip(bytes, display_name, limits.max_article_bytes);
  // A NUL near the start marks a binary file, as for text; UTF-16 pages have
  // NULs and say so with a byte order mark.
  const bool utf16 = bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF");
  if (const std::size_t nul = bytes.find('\0'); !utf16 && nul < 8000) {
    throw Error({display_name, 0, 0}, fmt::format("NUL byte at byte offset {}{}: this is a binary file, not a web "
                                                  "page; leave it out of the corpus",
                                                  nul, compressed ? " of the inflated data" : ""));
  }
  const html::Document page(html::page_to_utf8(std::move(bytes), "", display_name), display_name);
  html::PageMetadata metadata = html::page_metadata(page);
  html::PageText found = html::main_text(page);
  if (found.text.empty()) {
    throw Error({display_name, 0, 0},
                "the page has no text to read (an empty body, or text that scripts draw); "
                "save the page after it has loaded, or leave it out");
  }
  Article article;
  fs::path stem = path.filename();
  while (!stem.extension().empty() && (lowercase_extension(stem) == ".gz" || is_html_path(stem))) {
    stem = stem.stem();
  }
  article.id = stem.string();
  article.id_span = {display_name, 0, 0};
  article.title = std::move(metadata.title);
  article.source = std::move(metadata.source);
  article.url = std::move(metadata.url);
  article.published = metadata.published;
  article.text = std::move(found.text);
  article.origin.file = display_name;
  article.origin.anchors = std::move(found.anchors);
  return article;
}

}  // namespace crosscheck
