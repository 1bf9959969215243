// Any bytes as a saved web page (.html), through the whole pipeline: the
// charset, the nesting pre-scan, gumbo, the main-text finder, the metadata,
// then claims, graph and rules. Also what the page reader promises: valid
// UTF-8 text and anchors in text order, inside the text and the page.
#include <cstdlib>

#include "fuzz_pipeline.h"

namespace {

void check_page_article(const crosscheck::Article& article, std::size_t page_size) {
  if (crosscheck::find_invalid_utf8(article.text) != std::string::npos) std::abort();
  std::uint32_t previous = 0;
  for (const crosscheck::TextOrigin::Anchor& anchor : article.origin.anchors) {
    if (anchor.offset < previous || anchor.offset >= article.text.size()) std::abort();
    // A line or column past the page: the page has at most one line per byte.
    if (anchor.line == 0 || anchor.column == 0 || anchor.line > page_size + 1 || anchor.column > page_size + 1) {
      std::abort();
    }
    previous = anchor.offset;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  crosscheck::fuzz::run_pipeline_on_file(
      ".html", data, size, [size](const crosscheck::Article& article) { check_page_article(article, size); });
  return 0;
}
