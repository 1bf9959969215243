#include "ingest/html_document.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace crosscheck::html {

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}

// The value after "charset=" in `text` (a meta tag or a Content-Type), or "".
std::string charset_after(std::string_view text) {
  const std::string lowered = lowercase(text);
  const std::size_t at = lowered.find("charset");
  if (at == std::string::npos) return {};
  std::size_t k = at + 7;
  while (k < lowered.size() && (lowered[k] == ' ' || lowered[k] == '=')) ++k;
  while (k < lowered.size() && (lowered[k] == '"' || lowered[k] == '\'')) ++k;
  std::size_t end = k;
  while (end < lowered.size() && (std::isalnum(static_cast<unsigned char>(lowered[end])) || lowered[end] == '-' ||
                                  lowered[end] == '_' || lowered[end] == ':' || lowered[end] == '.')) {
    ++end;
  }
  return lowered.substr(k, end - k);
}

// The charset a page declares in a <meta> tag of its first 4 KB, or "".
std::string declared_charset(std::string_view bytes) {
  const std::string head = lowercase(bytes.substr(0, 4096));
  for (std::size_t at = head.find("<meta"); at != std::string::npos; at = head.find("<meta", at + 5)) {
    const std::size_t end = head.find('>', at);
    if (end == std::string::npos) break;
    std::string charset = charset_after(std::string_view(head).substr(at, end - at));
    if (!charset.empty()) return charset;
  }
  return {};
}

// What ICU's detector makes of bytes that are not UTF-8, or "".
std::string detected_charset(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status), ucsdet_close);
  if (U_FAILURE(status)) return {};
  const auto sample = static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 1 << 16));
  ucsdet_setText(detector.get(), bytes.data(), sample, &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return {};
  const char* name = ucsdet_getName(match, &status);
  return U_SUCCESS(status) && name != nullptr ? std::string(name) : std::string();
}

// `bytes` in `charset` as UTF-8; nothing when ICU does not know the charset.
std::optional<std::string> convert(std::string_view bytes, const std::string& charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> from(ucnv_open(charset.c_str(), &status), ucnv_close);
  if (U_FAILURE(status)) return std::nullopt;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> to(ucnv_open("UTF-8", &status), ucnv_close);
  if (U_FAILURE(status)) return std::nullopt;
  std::string out(bytes.size() * 3 + 16, '\0');
  char* target = out.data();
  const char* source = bytes.data();
  std::array<UChar, 1024> pivot{};
  UChar* pivot_source = pivot.data();
  UChar* pivot_target = pivot.data();
  ucnv_convertEx(to.get(), from.get(), &target, out.data() + out.size(), &source, bytes.data() + bytes.size(),
                 pivot.data(), &pivot_source, &pivot_target, pivot.data() + pivot.size(), true, true, &status);
  if (U_FAILURE(status)) return std::nullopt;
  out.resize(static_cast<std::size_t>(target - out.data()));
  return out;
}

// Names that mean UTF-8 or its ASCII subset: no conversion.
bool is_utf8(const std::string& charset) {
  return charset == "utf-8" || charset == "utf8" || charset == "us-ascii" || charset == "ascii";
}

}  // namespace

std::string page_to_utf8(std::string bytes, std::string_view transport_charset, const std::string& file) {
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.erase(0, 3);
    if (find_invalid_utf8(bytes) == std::string::npos) return bytes;
  }
  std::string charset;
  if (bytes.starts_with("\xFF\xFE")) charset = "utf-16le";
  if (bytes.starts_with("\xFE\xFF")) charset = "utf-16be";
  if (charset.empty()) charset = declared_charset(bytes);
  if (charset.empty()) charset = lowercase(transport_charset);
  // A page that says UTF-8 (or nothing) and is: the common case, no copy.
  if ((charset.empty() || is_utf8(charset)) && find_invalid_utf8(bytes) == std::string::npos) return bytes;
  // NOTE: browsers read ISO-8859-1 and ASCII labels as Windows-1252 (the
  // WHATWG encoding standard); so do we, or curly quotes become controls.
  if (charset == "iso-8859-1" || charset == "latin1" || charset == "latin-1" || is_utf8(charset)) {
    charset = is_utf8(charset) ? detected_charset(bytes) : "windows-1252";
  }
  if (charset.empty()) charset = detected_charset(bytes);
  if (std::optional<std::string> utf8 = convert(bytes, charset.empty() ? "windows-1252" : charset)) return *utf8;
  if (std::optional<std::string> utf8 = convert(bytes, "windows-1252")) return *utf8;
  throw Error({file, 0, 0}, fmt::format("cannot read the page's charset '{}'; save the page as UTF-8", charset));
}

namespace {

bool is_void_element(std::string_view name) {
  static constexpr std::array<std::string_view, 16> kVoid = {"area",  "base",  "br",     "col",    "embed", "hr",
                                                             "img",   "input", "link",   "meta",   "param", "source",
                                                             "track", "wbr",   "keygen", "command"};
  return std::find(kVoid.begin(), kVoid.end(), name) != kVoid.end();
}

// Elements whose content is text up to their end tag, not markup.
bool is_raw_text_element(std::string_view name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" || name == "xmp" ||
         name == "iframe" || name == "noembed" || name == "noframes" || name == "plaintext";
}

// Elements that an open one of the same name closes ("<p>a<p>b", "<li>").
bool closes_itself(std::string_view name) {
  return name == "p" || name == "li" || name == "dt" || name == "dd" || name == "option" || name == "tr" ||
         name == "td" || name == "th";
}

// Block elements that close an open <p>, as the tree builder does.
bool closes_paragraph(std::string_view name) {
  static constexpr std::array<std::string_view, 24> kBlocks = {
      "address", "article", "aside", "blockquote", "div", "dl",      "fieldset", "footer",
      "form",    "h1",      "h2",    "h3",         "h4",  "h5",      "h6",       "header",
      "hr",      "main",    "nav",   "ol",         "pre", "section", "table",    "ul"};
  return std::find(kBlocks.begin(), kBlocks.end(), name) != kBlocks.end();
}

// Throws Error at the first start tag nested deeper than kMaxNesting, by a
// scan of the tags that follows the tree builder closely enough: void and
// self-closing elements, end tags that close what they match, the elements
// that close themselves or an open paragraph. It may count a little deeper
// than gumbo builds, never much shallower.
void check_nesting(std::string_view html, const std::string& file) {
  std::vector<std::string> open;
  std::size_t k = 0;
  const auto name_at = [&](std::size_t from) {
    std::size_t end = from;
    while (end < html.size() && (std::isalnum(static_cast<unsigned char>(html[end])) || html[end] == '-')) ++end;
    return std::pair{lowercase(html.substr(from, end - from)), end};
  };
  while ((k = html.find('<', k)) != std::string_view::npos) {
    const std::size_t tag = k;
    if (html.compare(k, 4, "<!--") == 0) {
      const std::size_t end = html.find("-->", k + 4);
      k = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    if (k + 1 >= html.size()) break;
    const char next = html[k + 1];
    if (next == '/') {
      auto [name, end] = name_at(k + 2);
      const auto match = std::find(open.rbegin(), open.rend(), name);
      if (!name.empty() && match != open.rend()) open.erase(std::next(match).base(), open.end());
      k = end;
      continue;
    }
    if (!std::isalpha(static_cast<unsigned char>(next))) {
      k += 1;
      continue;
    }
    auto [name, end] = name_at(k + 1);
    // The end of the tag, past quoted attribute values.
    char quote = 0;
    while (end < html.size() && (quote != 0 || html[end] != '>')) {
      if (quote == 0 && (html[end] == '"' || html[end] == '\'')) {
        quote = html[end];
      } else if (quote != 0 && html[end] == quote) {
        quote = 0;
      }
      ++end;
    }
    const bool self_closing = end > 0 && end < html.size() && html[end - 1] == '/';
    k = std::min(end + 1, html.size());
    if (is_raw_text_element(name)) {
      const std::string closing = "</" + name;
      std::size_t close = k;
      while ((close = html.find("</", close)) != std::string_view::npos &&
             lowercase(html.substr(close, closing.size())) != closing) {
        close += 2;
      }
      k = close == std::string_view::npos ? html.size() : close;
      continue;
    }
    if (is_void_element(name) || self_closing) continue;
    if (!open.empty() &&
        ((closes_itself(name) && open.back() == name) || (closes_paragraph(name) && open.back() == "p"))) {
      open.pop_back();
    }
    open.push_back(std::move(name));
    if (open.size() > kMaxNesting) {
      const LineIndex lines(html.substr(0, tag + 1));
      const LineIndex::Position at = lines.locate(tag);
      throw Error({file, at.line, at.column},
                  fmt::format("elements nested more than {} deep: not a page a browser would show, or one built to "
                              "exhaust a parser; page skipped",
                              kMaxNesting));
    }
  }
}

}  // namespace

Document::Document(std::string html, const std::string& file) : html_(std::move(html)) {
  check_nesting(html_, file);
  GumboOptions options = kGumboDefaultOptions;
  // NOTE: gumbo keeps a copy of the open elements with every parse error;
  // recording none keeps tag soup from taking memory with the square of its depth.
  options.max_errors = 0;
  options.tab_stop = 1;
  output_ = gumbo_parse_with_options(&options, html_.data(), html_.size());
  if (output_ == nullptr) throw Error({file, 0, 0}, "the HTML parser gave up on the page; page skipped");
}

Document::~Document() {
  if (output_ != nullptr) gumbo_destroy_output(&kGumboDefaultOptions, output_);
}

std::string_view attribute(const GumboNode& node, const char* name) {
  if (node.type != GUMBO_NODE_ELEMENT) return {};
  const GumboAttribute* found = gumbo_get_attribute(&node.v.element.attributes, name);
  return found != nullptr && found->value != nullptr ? std::string_view(found->value) : std::string_view();
}

}  // namespace crosscheck::html
