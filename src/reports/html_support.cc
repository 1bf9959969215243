#include "reports/html_support.h"

namespace crosscheck {

namespace {

constexpr std::string_view kStyle = R"css(
body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:60em;padding:0 1em;color:#222}
h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}
.finding{border-left:4px solid #999;padding:.25em 1em;margin:1em 0;background:#fafafa}
.finding.error{border-color:#c62828}.finding.warning{border-color:#ef6c00}.finding.note{border-color:#1565c0}
.severity{font-weight:bold;text-transform:uppercase;font-size:.8em}
.error .severity{color:#c62828}.warning .severity{color:#ef6c00}.note .severity{color:#1565c0}
blockquote{margin:.4em 0 .4em 1em;color:#444}mark{background:#ffe082;padding:0 .15em}
.where{font:12px monospace;color:#666}.filters label{margin-right:1em}
tr.disagree .verdict{color:#c62828;font-weight:bold}tr.agree .verdict{color:#2e7d32}
.cell small{display:block;color:#555}.cell q{display:block;font-size:.85em;color:#444;margin-top:.3em}
)css";

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  // Controls first (HTML forbids them, and the inline SVG is XML): shown as
  // escapes, as every text report shows them.
  for (char c : escape_controls(text)) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string highlighted_sentence(const Claim& claim) {
  const std::string& sentence = claim.sentence.str();
  const std::size_t at = sentence.find(claim.text);
  if (at == std::string::npos || claim.text.empty()) return html_escape(sentence);
  return html_escape(sentence.substr(0, at)) + "<mark>" + html_escape(claim.text) + "</mark>" +
         html_escape(sentence.substr(at + claim.text.size()));
}

std::string html_page_open(std::string_view title) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>";
  out += html_escape(title);
  out += "</title><style>";
  out += kStyle;
  out += "</style></head><body>\n<h1>";
  out += html_escape(title);
  out += "</h1>\n";
  return out;
}

}  // namespace crosscheck
