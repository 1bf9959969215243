// A saved web page as a tree: the bytes turned into UTF-8, checked for
// hostile nesting, and parsed by gumbo (an HTML5 parser: it builds the tree a
// browser would from the same tag soup). Private to src/ingest/.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>

#include "crosscheck/core.h"

namespace crosscheck::html {

/// Elements nested deeper than this are refused before gumbo sees the page:
/// gumbo's time grows with the square of the depth (100,000 nested <div>s
/// take 18 s), real pages stay under a few hundred, and only a crafted page
/// (an "HTML bomb") goes deeper.
inline constexpr std::size_t kMaxNesting = 1000;

/// `text` with A-Z made a-z.
std::string lowercase(std::string_view text);

/// The charset label after "charset=" in `text` (a <meta> tag, an HTTP
/// Content-Type), lower-cased and unquoted; "" when there is none.
std::string charset_after(std::string_view text);

/// The page's bytes as UTF-8, valid throughout. The charset is a byte order
/// mark's, else `transport_charset`'s (a WARC record's HTTP header; may be
/// empty), else the one the page declares (a `<meta charset>` or `<meta
/// http-equiv="Content-Type">` in the first 4 KB), as browsers rank them;
/// else UTF-8 when the bytes are mostly UTF-8, else what ICU's detector
/// guesses. Labels that name no charset of the web are passed over. A page is never refused for
/// its charset: bytes a converter cannot map become U+FFFD. Throws Error at
/// `file` only for a charset ICU does not know and that no guess can replace.
std::string page_to_utf8(std::string bytes, std::string_view transport_charset, const std::string& file);

/// A page parsed by gumbo. It owns the UTF-8 source (gumbo's nodes point into
/// it, for their source positions) and the tree.
class Document {
 public:
  /// Parses `html`, which must be valid UTF-8. Throws Error naming the line
  /// and column of the first element nested deeper than kMaxNesting.
  Document(std::string html, const std::string& file);
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  const GumboNode& root() const { return *output_->root; }
  /// The source the tree was parsed from; node offsets index it.
  const std::string& source() const { return html_; }

 private:
  std::string html_;
  GumboOutput* output_ = nullptr;
};

/// The element's attribute `name`, or "" when it has none.
std::string_view attribute(const GumboNode& node, const char* name);

/// Whether `node` is an element with tag `tag`.
inline bool is_element(const GumboNode& node, GumboTag tag) {
  return node.type == GUMBO_NODE_ELEMENT && node.v.element.tag == tag;
}

}  // namespace crosscheck::html
