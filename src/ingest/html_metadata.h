// What a web page says about its article: title, outlet, date, address.
// Private to src/ingest/.
#pragma once

#include <optional>
#include <string>

#include "crosscheck/ingest.h"
#include "ingest/html_document.h"

namespace crosscheck::html {

struct PageMetadata {
  std::string title;   ///< og:title, else JSON-LD headline, else <title>, else the first <h1>
  std::string source;  ///< og:site_name, else JSON-LD publisher.name, else the canonical URL's host
  std::string url;     ///< <link rel="canonical">, else og:url
  /// article:published_time, else JSON-LD datePublished, else a <time datetime>
  std::optional<Date> published;
};

/// The metadata of `page`; a field the page does not give is empty. Broken
/// JSON-LD is passed over (pages carry plenty of it).
PageMetadata page_metadata(const Document& page);

/// "www.reuters.com" of "https://www.reuters.com/world/...": the host of a
/// URL, without "www."; "" when `url` has no scheme.
std::string url_host(std::string_view url);

}  // namespace crosscheck::html
