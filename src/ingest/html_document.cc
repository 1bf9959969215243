#include "ingest/html_document.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace crosscheck::html {

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return out;
}

std::string charset_after(std::string_view text) {
  const std::string lowered = lowercase(text.substr(0, 4096));
  const std::size_t at = lowered.find("charset");
  if (at == std::string::npos) return {};
  std::size_t k = at + 7;
  while (k < lowered.size() && (lowered[k] == ' ' || lowered[k] == '=')) ++k;
  while (k < lowered.size() && (lowered[k] == '"' || lowered[k] == '\'')) ++k;
  std::size_t end = k;
  while (end < lowered.size() && end < k + 40 &&
         (std::isalnum(static_cast<unsigned char>(lowered[end])) || lowered[end] == '-' || lowered[end] == '_' ||
          lowered[end] == ':' || lowered[end] == '.')) {
    ++end;
  }
  return lowered.substr(k, end - k);
}

namespace {

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

// The charset a label names, as browsers read labels (the WHATWG encoding
// standard): "utf-8" for UTF-8 and its ASCII subset, Windows-1252 for
// ISO-8859-1 and Latin-1, the label itself for the other charsets of the
// web; "" for anything else, which is no declaration (UTF-7 and EBCDIC are
// not the web's, and a page saying UTF-16 in ASCII bytes is not UTF-16).
std::string web_charset(const std::string& label) {
  if (label.empty() || label.size() > 40) return {};
  if (label == "utf-8" || label == "utf8" || label == "unicode-1-1-utf-8" || label == "us-ascii" || label == "ascii") {
    return "utf-8";
  }
  if (label == "iso-8859-1" || label == "iso8859-1" || label == "latin1" || label == "latin-1" || label == "l1" ||
      label == "cp1252" || label == "windows-1252" || label == "x-cp1252") {
    return "windows-1252";
  }
  static constexpr std::array<std::string_view, 20> kFamilies = {
      "iso-8859-", "iso8859-",  "windows-12", "cp12",        "koi8",        "gb",        "big5",
      "euc-",      "shift_jis", "shift-jis",  "sjis",        "iso-2022-jp", "ks_c_5601", "macintosh",
      "x-mac-",    "ibm866",    "tis-620",    "windows-874", "x-sjis",      "latin"};
  for (const std::string_view family : kFamilies) {
    if (label.starts_with(family)) return label;
  }
  return {};
}

// Whether bytes that are not all valid UTF-8 are still mostly UTF-8: as
// many well-formed multi-byte characters as bad bytes or more (a page in
// Windows-1252 has almost none).
bool mostly_utf8(std::string_view bytes) {
  std::size_t good = 0, bad = 0;
  for (std::size_t k = 0; k < bytes.size();) {
    const std::string_view rest = bytes.substr(k, 4);
    const auto lead = static_cast<unsigned char>(rest[0]);
    if (lead < 0x80) {
      ++k;
      continue;
    }
    const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
    if (length != 0 && length <= rest.size() && find_invalid_utf8(rest.substr(0, length)) == std::string_view::npos) {
      ++good;
      k += length;
    } else {
      ++bad;
      ++k;
    }
  }
  return good > 0 && good >= bad;
}

// `bytes` in `charset` as UTF-8, bad bytes as U+FFFD; Windows-1252 when ICU
// does not know the charset after all.
std::string converted(std::string_view bytes, const std::string& charset, const std::string& file) {
  if (std::optional<std::string> utf8 = convert(bytes, charset)) return *utf8;
  if (std::optional<std::string> utf8 = convert(bytes, "windows-1252")) return *utf8;
  throw Error({file, 0, 0}, fmt::format("cannot read the page's charset '{}'; save the page as UTF-8", charset));
}

}  // namespace

std::string page_to_utf8(std::string bytes, std::string_view transport_charset, const std::string& file) {
  // A byte order mark settles it: UTF-8 (bad bytes become U+FFFD) or UTF-16.
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.erase(0, 3);
    return find_invalid_utf8(bytes) == std::string::npos ? bytes : converted(bytes, "utf-8", file);
  }
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    std::string utf8 = converted(bytes, bytes[0] == '\xFF' ? "utf-16le" : "utf-16be", file);
    if (utf8.starts_with("\xEF\xBB\xBF")) utf8.erase(0, 3);  // ICU keeps the mark as U+FEFF
    return utf8;
  }
  // The HTTP header's charset comes before the page's own, as in browsers.
  std::string charset = web_charset(lowercase(transport_charset));
  if (charset.empty()) charset = web_charset(declared_charset(bytes));
  const bool valid = find_invalid_utf8(bytes) == std::string::npos;
  // A page that says UTF-8 (or nothing) and is: the common case, no copy.
  if ((charset.empty() || charset == "utf-8") && valid) return bytes;
  if (charset.empty() || charset == "utf-8") {
    // Mostly UTF-8 with a few bad bytes (a page cut short, one pasted
    // character) stays UTF-8; otherwise it is some other charset, guessed.
    charset = mostly_utf8(bytes) ? "utf-8" : web_charset(lowercase(detected_charset(bytes)));
  }
  return converted(bytes, charset.empty() ? "windows-1252" : charset, file);
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

// Elements whose start tag closes the open elements named, when they are
// the innermost (the end tags HTML lets a page leave out): "<td>1<td>2",
// "<tr>", "<dt>a<dd>b", "<li>", "<option>", "<p>a<p>b".
std::span<const std::string_view> implied_ends(std::string_view name) {
  static constexpr std::array<std::string_view, 2> kCell = {"td", "th"};
  static constexpr std::array<std::string_view, 3> kRow = {"td", "th", "tr"};
  static constexpr std::array<std::string_view, 6> kSection = {"td", "th", "tr", "tbody", "thead", "tfoot"};
  static constexpr std::array<std::string_view, 2> kDefinition = {"dd", "dt"};
  static constexpr std::array<std::string_view, 1> kItem = {"li"};
  static constexpr std::array<std::string_view, 1> kOption = {"option"};
  static constexpr std::array<std::string_view, 1> kParagraph = {"p"};
  if (name == "td" || name == "th") return kCell;
  if (name == "tr") return kRow;
  if (name == "tbody" || name == "thead" || name == "tfoot") return kSection;
  if (name == "dd" || name == "dt") return kDefinition;
  if (name == "li") return kItem;
  if (name == "option") return kOption;
  if (name == "p") return kParagraph;
  return {};
}

// Block elements that close an open <p>, as the tree builder does.
bool closes_paragraph(std::string_view name) {
  static constexpr std::array<std::string_view, 24> kBlocks = {
      "address", "article", "aside", "blockquote", "div", "dl",      "fieldset", "footer",
      "form",    "h1",      "h2",    "h3",         "h4",  "h5",      "h6",       "header",
      "hr",      "main",    "nav",   "ol",         "pre", "section", "table",    "ul"};
  return std::find(kBlocks.begin(), kBlocks.end(), name) != kBlocks.end();
}

// The formatting elements the tree builder reopens in every new block while
// they are left open: a page that leaves hundreds open makes it build a tree
// with the square of their number of nodes.
bool is_formatting(std::string_view name) {
  static constexpr std::array<std::string_view, 14> kFormatting = {
      "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"};
  return std::find(kFormatting.begin(), kFormatting.end(), name) != kFormatting.end();
}

// Elements that start afresh the list of open formatting elements.
bool is_formatting_marker(std::string_view name) {
  return name == "td" || name == "th" || name == "caption" || name == "object" || name == "marquee" ||
         name == "applet" || name == "template";
}

// Formatting elements left open beyond this make a page refused.
constexpr std::size_t kMaxOpenFormatting = 300;

// The scan of check_nesting(): the elements open at each tag, as the tree
// builder would have them, closely enough to bound its depth from above.
class NestingScan {
 public:
  NestingScan(std::string_view html, const std::string& file) : html_(html), file_(file) {}

  void run() {
    std::size_t k = 0;
    while ((k = html_.find('<', k)) != std::string_view::npos) k = at_tag(k);
  }

 private:
  std::pair<std::string, std::size_t> name_at(std::size_t from) const {
    std::size_t end = from;
    while (end < html_.size() && (std::isalnum(static_cast<unsigned char>(html_[end])) || html_[end] == '-' ||
                                  html_[end] == ':' || html_[end] == '_')) {
      ++end;
    }
    return {lowercase(html_.substr(from, std::min<std::size_t>(end - from, 64))), end};
  }

  // Reads the markup at `k` (a '<'); returns where to look next.
  std::size_t at_tag(std::size_t k) {
    if (html_.compare(k, 4, "<!--") == 0) {
      // "<!-->" and "<!--->" are whole (empty) comments, as gumbo reads them.
      if (html_.compare(k + 4, 1, ">") == 0) return k + 5;
      if (html_.compare(k + 4, 2, "->") == 0) return k + 6;
      const std::size_t end = html_.find("-->", k + 4);
      return end == std::string_view::npos ? html_.size() : end + 3;
    }
    if (k + 1 >= html_.size()) return html_.size();
    const char next = html_[k + 1];
    if (next == '/') {
      const auto [name, end] = name_at(k + 2);
      end_tag(name);
      return end;
    }
    if (!std::isalpha(static_cast<unsigned char>(next))) return k + 1;
    auto [name, end] = name_at(k + 1);
    // The end of the tag, past quoted attribute values (a quote opens one
    // only right after '=' and blanks, as the tokenizer reads them).
    char quote = 0;
    char before = 0;  // the last character before this one that is no blank
    while (end < html_.size() && (quote != 0 || html_[end] != '>')) {
      const char c = html_[end];
      if (quote == 0 && (c == '"' || c == '\'') && before == '=') {
        quote = c;
      } else if (quote != 0 && c == quote) {
        quote = 0;
      }
      if (!std::isspace(static_cast<unsigned char>(c))) before = c;
      ++end;
    }
    if (foreign_ > 0 && breaks_out_of_foreign(name)) {
      while (foreign_ > 0 && !open_.empty()) pop();
    }
    // "<div/>" opens a div in HTML; only in SVG and MathML does the slash close it.
    const bool self_closing = foreign_ > 0 && end > 0 && end < html_.size() && html_[end - 1] == '/';
    const std::size_t after = std::min(end + 1, html_.size());
    if (foreign_ == 0 && is_raw_text_element(name)) {
      const std::string closing = "</" + name;
      std::size_t close = after;
      while ((close = html_.find("</", close)) != std::string_view::npos &&
             lowercase(html_.substr(close, closing.size())) != closing) {
        close += 2;
      }
      return close == std::string_view::npos ? html_.size() : close;
    }
    if (name == "image") name = "img";
    if (is_void_element(name) || self_closing) return after;
    start_tag(std::move(name), k, html_.substr(k, after - k));
    return after;
  }

  void start_tag(std::string name, std::size_t at, std::string_view tag) {
    const std::span<const std::string_view> closed = implied_ends(name);
    while (!open_.empty() && (std::find(closed.begin(), closed.end(), open_.back()) != closed.end() ||
                              (closes_paragraph(name) && open_.back() == "p"))) {
      pop();
    }
    if (name == "a") {  // a link inside a link closes the first
      const auto link = std::find(open_.rbegin(), open_.rend(), "a");
      if (link != open_.rend()) open_.erase(std::next(link).base());
      const auto listed =
          std::find_if(formatting_.rbegin(), formatting_.rend(), [](const auto& entry) { return entry.first == "a"; });
      if (listed != formatting_.rend()) formatting_.erase(std::next(listed).base());
    }
    if (is_formatting_marker(name)) formatting_.clear();
    if (is_formatting(name)) {
      // Of elements alike in name and attributes, three at most stay in the
      // list (the "Noah's Ark" clause): the earliest goes.
      const auto alike = [&](const auto& entry) { return entry.second == tag; };
      if (std::count_if(formatting_.begin(), formatting_.end(), alike) >= 3) {
        formatting_.erase(std::find_if(formatting_.begin(), formatting_.end(), alike));
      }
      formatting_.emplace_back(name, std::string(tag));
      if (formatting_.size() > kMaxOpenFormatting) {
        refuse(at, fmt::format("more than {} formatting elements (<b>, <i>, <font>...) left open", kMaxOpenFormatting));
      }
    }
    foreign_ += name == "svg" || name == "math";
    open_.push_back(std::move(name));
    if (open_.size() > kMaxNesting) refuse(at, fmt::format("elements nested more than {} deep", kMaxNesting));
  }

  void end_tag(const std::string& name) {
    // "</body>" and "</html>" close nothing in the tree builder.
    if (name.empty() || name == "body" || name == "html") return;
    if (is_formatting(name)) {
      const auto last = std::find_if(formatting_.rbegin(), formatting_.rend(),
                                     [&](const auto& entry) { return entry.first == name; });
      if (last != formatting_.rend()) formatting_.erase(std::next(last).base());
    }
    // The tree builder closes up to the match, but not past an element of
    // the "special" kind ("</span>" under an open <div> is ignored), and a
    // special element's own end tag not past a table or a cell.
    const bool special_name = is_special(name);
    for (auto k = open_.rbegin(); k != open_.rend(); ++k) {
      if (*k == name) {
        const std::size_t keep = static_cast<std::size_t>(open_.rend() - k) - 1;
        while (open_.size() > keep) pop();
        return;
      }
      if (special_name ? is_scope_boundary(*k) : is_special(*k)) return;
    }
  }

  static bool is_special(std::string_view name) {
    static constexpr std::array<std::string_view, 56> kSpecial = {
        "address",    "applet",  "article", "aside",   "blockquote", "body",   "button", "caption",
        "center",     "dd",      "details", "dir",     "div",        "dl",     "dt",     "fieldset",
        "figcaption", "figure",  "footer",  "form",    "h1",         "h2",     "h3",     "h4",
        "h5",         "h6",      "header",  "hgroup",  "html",       "iframe", "li",     "listing",
        "main",       "marquee", "menu",    "nav",     "noscript",   "object", "ol",     "p",
        "pre",        "section", "select",  "summary", "table",      "tbody",  "td",     "template",
        "textarea",   "tfoot",   "th",      "thead",   "tr",         "ul",     "xmp",    "frameset"};
    return std::find(kSpecial.begin(), kSpecial.end(), name) != kSpecial.end();
  }

  static bool is_scope_boundary(std::string_view name) {
    return name == "table" || name == "td" || name == "th" || name == "caption" || name == "html" ||
           name == "template" || name == "applet" || name == "object" || name == "marquee";
  }

  // HTML tags that end SVG or MathML content where they appear in it.
  static bool breaks_out_of_foreign(std::string_view name) {
    static constexpr std::array<std::string_view, 44> kBreakout = {
        "b",     "big",   "blockquote", "body",   "br",   "center", "code",  "dd", "div",  "dl",   "dt",
        "em",    "embed", "h1",         "h2",     "h3",   "h4",     "h5",    "h6", "head", "hr",   "i",
        "img",   "li",    "listing",    "menu",   "meta", "nobr",   "ol",    "p",  "pre",  "ruby", "s",
        "small", "span",  "strong",     "strike", "sub",  "sup",    "table", "tt", "u",    "ul",   "var"};
    return std::find(kBreakout.begin(), kBreakout.end(), name) != kBreakout.end();
  }

  void pop() {
    foreign_ -= open_.back() == "svg" || open_.back() == "math";
    open_.pop_back();
  }

  [[noreturn]] void refuse(std::size_t at, const std::string& what) const {
    const LineIndex lines(html_.substr(0, at + 1));
    const LineIndex::Position where = lines.locate(at);
    throw Error({file_, where.line, where.column},
                what +
                    ": not a page a browser would show, or one built to exhaust an HTML parser; leave it out, "
                    "or save the page from a browser again");
  }

  std::string_view html_;
  const std::string& file_;
  std::vector<std::string> open_;
  int foreign_ = 0;                                              // open <svg> and <math> elements
  std::vector<std::pair<std::string, std::string>> formatting_;  // name, the start tag as written
};

// Throws Error at the first start tag nested deeper than kMaxNesting, or
// past kMaxOpenFormatting formatting elements left open, by a scan of the
// tags that follows the tree builder closely enough: comments, raw text,
// void elements, the slash that closes only in SVG and MathML, the end tags
// a page may leave out, end tags that close what they match. It may count a
// little deeper than gumbo builds, never much shallower.
void check_nesting(std::string_view html, const std::string& file) { NestingScan(html, file).run(); }

// The depth of the tree under `root`, counted without recursion.
std::size_t tree_depth(const GumboNode& root) {
  std::size_t deepest = 0;
  std::vector<std::pair<const GumboNode*, std::size_t>> stack{{&root, 1}};
  while (!stack.empty()) {
    const auto [node, depth] = stack.back();
    stack.pop_back();
    deepest = std::max(deepest, depth);
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    const GumboVector& children = node->v.element.children;
    for (unsigned k = 0; k < children.length; ++k) {
      stack.emplace_back(static_cast<const GumboNode*>(children.data[k]), depth + 1);
    }
  }
  return deepest;
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
  if (output_ == nullptr) throw Error({file, 0, 0}, "the HTML parser gave up on the page");
  // NOTE: gumbo frees its tree by recursion, which a tree some 100,000 deep
  // overflows. The scan keeps pages far from that; should one still get
  // there, its tree is left unfreed (memory lost until the run ends) rather
  // than crash the run.
  if (tree_depth(*output_->root) > 8 * kMaxNesting) {
    output_ = nullptr;
    throw Error({file, 0, 0}, fmt::format("the page's elements are nested more than {} deep once parsed: not a page "
                                          "a browser would show; leave it out",
                                          8 * kMaxNesting));
  }
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
