// RSS 2.0 (and 1.0) and Atom feeds whose items carry their full text. A feed
// is simple XML: a scanner of our own reads its elements and takes each
// item's content as written, rather than a DOM from an XML library that
// would keep the whole file.
#include <array>
#include <cstdio>
#include <map>
#include <optional>

#include "ingest/readers.h"

namespace crosscheck {

namespace fs = std::filesystem;

namespace {

std::string_view local_name(std::string_view name) {
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// XML text with its references decoded: the five of XML and numeric ones;
// an HTML name ("&nbsp;", not XML but common in feeds) is kept for the HTML
// reader to decode.
std::string xml_decoded(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t k = 0; k < text.size(); ++k) {
    if (text[k] != '&') {
      out += text[k];
      continue;
    }
    const std::size_t end = text.find(';', k);
    if (end == std::string_view::npos || end - k > 12) {
      out += '&';
      continue;
    }
    const std::string_view name = text.substr(k + 1, end - k - 1);
    const char* named = name == "lt"     ? "<"
                        : name == "gt"   ? ">"
                        : name == "amp"  ? "&"
                        : name == "quot" ? "\""
                        : name == "apos" ? "'"
                                         : nullptr;
    if (named != nullptr) {
      out += named;
    } else if (name.size() > 1 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      char32_t code = 0;
      bool valid = name.size() > (hex ? 2u : 1u);
      for (const char c : name.substr(hex ? 2 : 1)) {
        const int digit = std::isdigit(static_cast<unsigned char>(c))           ? c - '0'
                          : hex && std::isxdigit(static_cast<unsigned char>(c)) ? (std::tolower(c) - 'a' + 10)
                                                                                : -1;
        if (digit < 0 || code > 0x10FFFF) {
          valid = false;
          break;
        }
        code = code * (hex ? 16 : 10) + static_cast<char32_t>(digit);
      }
      if (!valid || code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) code = 0xFFFD;
      out += utf8_of(code);
    } else {
      out.append(text.substr(k, end - k + 1));
    }
    k = end;
  }
  return out;
}

// A title of type "html" ("Derna toll <b>11,300</b>") as text.
std::string without_tags(std::string_view text) {
  std::string out;
  bool in_tag = false;
  for (const char c : text) {
    if (c == '<') in_tag = true;
    if (!in_tag) out += c;
    if (c == '>') in_tag = false;
  }
  return out;
}

// "Tue, 10 Jun 2003 04:00:00 GMT" (RFC 822, RSS's pubDate) or an ISO date.
std::optional<Date> feed_date(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  if (std::optional<Date> iso = parse_date(text.substr(0, 10))) return iso;
  if (const std::size_t comma = text.find(','); comma != std::string_view::npos && comma < 10) {
    text.remove_prefix(comma + 1);
  }
  int day = 0, year = 0;
  char month_name[4] = {};
  const std::string copy(text.substr(0, 40));
  if (std::sscanf(copy.c_str(), " %d %3s %d", &day, month_name, &year) != 3) return std::nullopt;
  static constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                               "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string month(month_name);
  std::transform(month.begin(), month.end(), month.begin(), [](char c) { return static_cast<char>(std::tolower(c)); });
  const auto found = std::find(kMonths.begin(), kMonths.end(), month);
  if (found == kMonths.end()) return std::nullopt;
  if (year < 100) year += year < 70 ? 2000 : 1900;
  return parse_date(fmt::format("{:04}-{:02}-{:02}", year, found - kMonths.begin() + 1, day));
}

// One item of a feed as read.
struct FeedItem {
  std::map<std::string, std::string> fields;  // element name -> its decoded text
  std::string content;                        // content:encoded or Atom content, decoded
  std::size_t content_offset = 0;             // where the content's text begins in the file
  bool has_summary = false;
  std::size_t offset = 0;  // the item's start tag
};

// Reads the elements of a feed, one item at a time.
class FeedScanner {
 public:
  FeedScanner(std::string_view xml, const std::string& file) : xml_(xml), file_(file), lines_(xml) {}

  // Calls `on_item` for every <item> or <entry>; returns the feed's title.
  // Throws Error where the file is not a feed's XML.
  std::string scan(const std::function<void(FeedItem&&)>& on_item) {
    std::size_t k = skip_prolog(0);
    if (k >= xml_.size() || xml_[k] != '<') fail(k, "not an RSS or Atom feed: the file does not start with a tag");
    std::vector<std::string> open;
    std::optional<FeedItem> item;
    std::string feed_title;
    while (k < xml_.size()) {
      const std::size_t lt = xml_.find('<', k);
      if (lt == std::string_view::npos) break;
      const std::string_view text = xml_.substr(k, lt - k);
      if (!open.empty() && item && !text.empty()) append_text(*item, open.back(), text);
      if (!open.empty() && !item && local_name(open.back()) == "title" && open.size() <= 3 && feed_title.empty()) {
        feed_title = squeezed(xml_decoded(text));
      }
      k = lt;
      if (xml_.compare(k, 4, "<!--") == 0) {
        k = after(k, "-->", "a comment that is never closed");
        continue;
      }
      if (xml_.compare(k, 9, "<![CDATA[") == 0) {
        const std::size_t end = after(k, "]]>", "a CDATA section that is never closed");
        if (!open.empty() && item) append_text(*item, open.back(), xml_.substr(k + 9, end - 3 - k - 9), true);
        k = end;
        continue;
      }
      if (xml_.compare(k, 2, "<?") == 0 || xml_.compare(k, 2, "<!") == 0) {
        k = after(k, ">", "a declaration that is never closed");
        continue;
      }
      const bool closing = xml_.compare(k, 2, "</") == 0;
      std::size_t end = k + (closing ? 2 : 1);
      while (end < xml_.size() && !std::isspace(static_cast<unsigned char>(xml_[end])) && xml_[end] != '>' &&
             xml_[end] != '/') {
        ++end;
      }
      const std::string name(xml_.substr(k + (closing ? 2 : 1), end - k - (closing ? 2 : 1)));
      if (name.empty()) fail(k, "a '<' that opens no tag; this is not well-formed XML");
      const std::size_t tag_end = tag_close(end);
      const bool self_closing = xml_[tag_end - 2] == '/';
      const std::string_view tag = xml_.substr(k, tag_end - k);
      if (closing) {
        if (open.empty() || open.back() != name) {
          fail(k, fmt::format("</{}> closes {}; this is not well-formed XML", name,
                              open.empty() ? std::string("nothing") : "<" + open.back() + ">"));
        }
        open.pop_back();
        const std::string_view local = local_name(name);
        if (item && (local == "item" || local == "entry") && !inside_item(open)) {
          on_item(std::move(*item));
          item.reset();
        }
        k = tag_end;
        continue;
      }
      if (open.empty()) {
        const std::string_view root = local_name(name);
        if (root != "rss" && root != "feed" && root != "RDF") {
          fail(k, fmt::format("not an RSS or Atom feed: the root element is <{}>, not <rss> or <feed>", name));
        }
      }
      const std::string_view local = local_name(name);
      if (!item && (local == "item" || local == "entry")) {
        item.emplace();
        item->offset = k;
      } else if (item && local == "link" && attribute(tag, "href") &&
                 (!attribute(tag, "rel") || *attribute(tag, "rel") == "alternate")) {
        item->fields.emplace("link", *attribute(tag, "href"));
      } else if (item && is_content(name)) {
        // The content as written: the HTML of the article, in CDATA or escaped.
        const std::string closing_tag = "</" + name + ">";
        std::size_t close = tag_end;
        while (true) {
          close = xml_.find('<', close);
          if (close == std::string_view::npos) fail(k, fmt::format("<{}> is never closed", name));
          if (xml_.compare(close, 9, "<![CDATA[") == 0) {
            close = after(close, "]]>", "a CDATA section that is never closed");
          } else if (xml_.compare(close, closing_tag.size(), closing_tag) == 0) {
            break;
          } else {
            ++close;
          }
        }
        if (!self_closing) read_content(*item, name, tag, tag_end, close);
        k = self_closing ? tag_end : close + closing_tag.size();
        continue;
      }
      if (!self_closing) open.push_back(name);
      k = tag_end;
    }
    if (!open.empty()) fail(xml_.size(), fmt::format("the file ends inside <{}>: it is cut short", open.back()));
    return feed_title;
  }

  SourceSpan where(std::size_t offset) const {
    const LineIndex::Position at = lines_.locate(offset);
    return {file_, at.line, at.column};
  }

 private:
  // RSS's content:encoded and description, Atom's content and summary; not
  // Media RSS's media:content or media:description, which describe a file.
  static bool is_content(std::string_view name) {
    return name == "content:encoded" || name == "content" || name == "atom:content" || name == "description" ||
           name == "summary" || name == "atom:summary";
  }

  static bool inside_item(const std::vector<std::string>& open) {
    return std::any_of(open.begin(), open.end(), [](const std::string& name) {
      return local_name(name) == "item" || local_name(name) == "entry";
    });
  }

  static std::string squeezed(std::string_view text) {
    std::string out;
    for (const char c : text) {
      if (std::isspace(static_cast<unsigned char>(c))) {
        if (!out.empty() && out.back() != ' ') out += ' ';
      } else {
        out += c;
      }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  }

  // The text of a field element of the item, decoded (CDATA as it is), by
  // its name as written: "title", not Media RSS's "media:title".
  static void append_text(FeedItem& item, const std::string& element, std::string_view text, bool cdata = false) {
    const std::string_view local = local_name(element);
    if (local == "item" || local == "entry") return;
    item.fields[element.starts_with("atom:") ? std::string(local) : element] +=
        cdata ? std::string(text) : xml_decoded(text);
  }

  void read_content(FeedItem& item, const std::string& name, std::string_view tag, std::size_t begin, std::size_t end) {
    const std::string_view local = local_name(name);
    if (local == "description" || local == "summary") {
      item.has_summary = true;
      return;
    }
    if (!item.content.empty()) return;
    std::string_view inner = xml_.substr(begin, end - begin);
    std::size_t at = begin;
    while (!inner.empty() && std::isspace(static_cast<unsigned char>(inner.front()))) {
      inner.remove_prefix(1);
      ++at;
    }
    while (!inner.empty() && std::isspace(static_cast<unsigned char>(inner.back()))) inner.remove_suffix(1);
    const std::optional<std::string> type = attribute(tag, "type");
    if (inner.starts_with("<![CDATA[") && inner.ends_with("]]>") && inner.find("]]>") == inner.size() - 3) {
      item.content = std::string(inner.substr(9, inner.size() - 12));
      item.content_offset = at + 9;
    } else if (type && *type == "xhtml") {
      item.content = std::string(inner);  // inline XHTML is HTML as it stands
      item.content_offset = at;
    } else {
      item.content = xml_decoded(inner);
      item.content_offset = at;
    }
  }

  // The value of attribute `name` in a start tag, decoded.
  static std::optional<std::string> attribute(std::string_view tag, std::string_view name) {
    for (std::size_t at = tag.find(name); at != std::string_view::npos; at = tag.find(name, at + 1)) {
      if (at == 0 || !std::isspace(static_cast<unsigned char>(tag[at - 1]))) continue;
      std::size_t k = at + name.size();
      while (k < tag.size() && std::isspace(static_cast<unsigned char>(tag[k]))) ++k;
      if (k >= tag.size() || tag[k] != '=') continue;
      ++k;
      while (k < tag.size() && std::isspace(static_cast<unsigned char>(tag[k]))) ++k;
      if (k >= tag.size() || (tag[k] != '"' && tag[k] != '\'')) continue;
      const std::size_t close = tag.find(tag[k], k + 1);
      if (close == std::string_view::npos) continue;
      return xml_decoded(tag.substr(k + 1, close - k - 1));
    }
    return std::nullopt;
  }

  std::size_t skip_prolog(std::size_t k) const {
    while (k < xml_.size() && std::isspace(static_cast<unsigned char>(xml_[k]))) ++k;
    return k;
  }

  // One past the `marker` after `k`; throws `what` at `k` when there is none.
  std::size_t after(std::size_t k, std::string_view marker, std::string_view what) const {
    const std::size_t end = xml_.find(marker, k);
    if (end == std::string_view::npos) fail(k, std::string(what));
    return end + marker.size();
  }

  // One past the '>' that closes the tag whose name ends at `k`, past quoted values.
  std::size_t tag_close(std::size_t k) const {
    char quote = 0;
    for (std::size_t end = k; end < xml_.size(); ++end) {
      const char c = xml_[end];
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return end + 1;
      }
    }
    fail(k, "a tag that is never closed; the file is cut short or not XML");
  }

  [[noreturn]] void fail(std::size_t offset, const std::string& what) const { throw Error(where(offset), what); }

  std::string_view xml_;
  const std::string& file_;
  LineIndex lines_;
};

}  // namespace

bool is_feed_path(const fs::path& path) {
  const std::string extension = lowercase_extension(path);
  return extension == ".rss" || extension == ".atom" || extension == ".xml";
}

void read_feed_articles(const fs::path& path, const std::string& display_name,
                        const std::function<void(Article&&)>& on_article, IngestStats& stats,
                        DiagnosticSink& diagnostics, const IngestLimits& limits) {
  std::string xml;
  try {
    xml = read_whole_file(path, display_name, limits.max_article_bytes);
    if (xml.empty()) throw Error({display_name, 0, 0}, std::string(kEmptyFileMessage));
    strip_bom(xml);
    require_plain_text(xml, display_name, 0, 1);
  } catch (const Error& e) {
    diagnostics.error(e.span(), e.message() + "; feed skipped");
    ++stats.skipped;
    return;
  }
  FeedScanner scanner(xml, display_name);
  std::size_t articles = 0, summaries = 0, items = 0;
  std::vector<FeedItem> found;
  std::string feed_title;
  bool damaged = false;
  try {
    feed_title = scanner.scan([&](FeedItem&& item) { found.push_back(std::move(item)); });
  } catch (const Error& e) {
    diagnostics.error(e.span(), e.message() + (found.empty() ? "; feed skipped" : "; the items before it are read"));
    ++stats.skipped;
    damaged = true;
  }
  const std::string stem = path.stem().string();
  for (FeedItem& item : found) {
    ++items;
    if (item.content.empty()) {
      summaries += item.has_summary;
      continue;
    }
    const SourceSpan at = scanner.where(item.content_offset);
    try {
      Article article = page_article(std::move(item.content), "utf-8", display_name);
      // The page's anchors count from the content's start; in the file they
      // follow on from there. Written as it is (CDATA, inline XHTML) the
      // content gives exact places; escaped ("&lt;p&gt;") the right line,
      // and a column short by the escapes before the figure on its line.
      for (TextOrigin::Anchor& anchor : article.origin.anchors) {
        if (anchor.line == 1) anchor.column += at.column - 1;
        anchor.line += at.line - 1;
      }
      const auto field = [&](const char* name) {
        const auto value = item.fields.find(name);
        return value == item.fields.end() ? std::string() : value->second;
      };
      std::string id = field("guid");
      if (id.empty()) id = field("id");
      if (id.empty()) id = field("link");
      article.id = id.empty() ? fmt::format("{}:{}", stem, items) : id;
      article.id_span = scanner.where(item.offset);
      if (!field("title").empty()) article.title = without_tags(field("title"));
      article.url = field("link");
      article.source = feed_title.empty() ? article.source : feed_title;
      for (const char* date : {"pubDate", "published", "dc:date", "updated"}) {
        if (!article.published) article.published = feed_date(field(date));
      }
      ++articles;
      on_article(std::move(article));
    } catch (const Error& e) {
      diagnostics.error(e.span(), e.message() + "; item skipped");
      ++stats.skipped;
    }
  }
  if (summaries > 0 || (articles == 0 && !damaged)) {
    diagnostics.report({Severity::note,
                        {display_name, 0, 0},
                        fmt::format("{} item{} read as articles; {} with a summary only passed over (a feed that "
                                    "carries no full text: fetch the pages themselves)",
                                    articles, articles == 1 ? "" : "s", summaries),
                        {}});
  }
}

}  // namespace crosscheck
