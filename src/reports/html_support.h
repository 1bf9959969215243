// Pieces shared by the HTML pages (check's report and compare's table).
#pragma once

#include <string>
#include <string_view>

#include "crosscheck/claims.h"

namespace crosscheck {

/// `text` with & < > " ' as entities, safe in element content and in quoted
/// attribute values, and its controls (and anything else XML forbids) shown
/// as escapes by escape_controls. Everything that came from an article or a
/// rule passes here.
std::string html_escape(std::string_view text);

/// The claim's sentence, escaped, with the figure wrapped in <mark>.
std::string highlighted_sentence(const Claim& claim);

/// Doctype, head with the shared stylesheet, and the opening of the body up to
/// an <h1> of `title`. The page needs nothing from the network.
std::string html_page_open(std::string_view title);

}  // namespace crosscheck
