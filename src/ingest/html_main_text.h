// The article in a web page: its main text, without the page around it
// (menus, teasers of other stories, captions, comments, forms, scripts).
// Private to src/ingest/.
#pragma once

#include <string>
#include <vector>

#include "crosscheck/ingest.h"
#include "ingest/html_document.h"

namespace crosscheck::html {

/// What main_text() found.
struct PageText {
  /// One paragraph a line, a blank line between paragraphs (a heading, a
  /// list item, a quote, a table cell is a paragraph of its own); valid
  /// UTF-8 without default-ignorable characters.
  std::string text;
  /// Where the text's runs stand in the page source (TextOrigin::anchors).
  std::vector<TextOrigin::Anchor> anchors;
};

/// The main text of `page`, found as Mozilla's Readability finds it: every
/// paragraph scores its parent and grandparent by its length and commas,
/// class and id names that mean "article" or "comment" weigh in, a high
/// share of link text counts against; the best container wins, with those
/// of its siblings that score near it. The `<h1>` is the title and is left
/// out. A page with no such container (a list of links, an empty body)
/// gives the text of its body; a page with no body gives "".
PageText main_text(const Document& page);

}  // namespace crosscheck::html
