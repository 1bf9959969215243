#include "ingest/html_metadata.h"

#include <nlohmann/json.hpp>
#include <vector>

namespace crosscheck::html {

namespace {

// Text with every run of blanks made one space, trimmed.
std::string squeezed(std::string_view text) {
  std::string out;
  bool blank = false;
  for (const char c : text) {
    const bool white = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    if (white) {
      blank = !out.empty();
      continue;
    }
    if (blank) out += ' ';
    blank = false;
    out += c;
  }
  return out;
}

// The text under `node`, scripts and styles left out.
std::string text_under(const GumboNode& node) {
  std::string out;
  std::vector<const GumboNode*> stack{&node};
  while (!stack.empty()) {
    const GumboNode* at = stack.back();
    stack.pop_back();
    if (at->type == GUMBO_NODE_TEXT || at->type == GUMBO_NODE_WHITESPACE || at->type == GUMBO_NODE_CDATA) {
      out += at->v.text.text;
      continue;
    }
    if (at->type != GUMBO_NODE_ELEMENT || is_element(*at, GUMBO_TAG_SCRIPT) || is_element(*at, GUMBO_TAG_STYLE)) {
      continue;
    }
    const GumboVector& children = at->v.element.children;
    for (unsigned k = children.length; k-- > 0;) stack.push_back(static_cast<const GumboNode*>(children.data[k]));
  }
  return squeezed(out);
}

std::optional<Date> date_of(std::string_view text) {
  const std::string value = squeezed(text);
  return value.size() >= 10 ? parse_date(std::string_view(value).substr(0, 10)) : std::nullopt;
}

// The first of `candidates` that is not empty.
std::string first_of(std::initializer_list<const std::string*> candidates) {
  for (const std::string* candidate : candidates) {
    if (!candidate->empty()) return *candidate;
  }
  return {};
}

struct Found {
  std::string og_title, og_site_name, og_url, published_time, title, h1, canonical, time_datetime;
  std::string ld_headline, ld_publisher, ld_published;
};

bool is_article_type(const nlohmann::json& type) {
  const auto article = [](const std::string& name) {
    return name.find("Article") != std::string::npos || name == "BlogPosting" || name == "Report";
  };
  if (type.is_string()) return article(type.get<std::string>());
  if (type.is_array()) {
    for (const auto& one : type) {
      if (one.is_string() && article(one.get<std::string>())) return true;
    }
  }
  return false;
}

std::string string_at(const nlohmann::json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? squeezed(found->get<std::string>()) : std::string();
}

// The article object of a JSON-LD block (an object, a list, or an @graph).
void read_json_ld(std::string_view script, Found& found) {
  const nlohmann::json document = nlohmann::json::parse(script, nullptr, false);
  if (document.is_discarded()) return;
  std::vector<const nlohmann::json*> stack{&document};
  while (!stack.empty()) {
    const nlohmann::json* at = stack.back();
    stack.pop_back();
    if (at->is_array()) {
      for (auto k = at->rbegin(); k != at->rend(); ++k) stack.push_back(&*k);
      continue;
    }
    if (!at->is_object()) continue;
    if (const auto graph = at->find("@graph"); graph != at->end()) stack.push_back(&*graph);
    const auto type = at->find("@type");
    if (type == at->end() || !is_article_type(*type)) continue;
    if (found.ld_headline.empty()) found.ld_headline = string_at(*at, "headline");
    if (found.ld_published.empty()) found.ld_published = string_at(*at, "datePublished");
    if (const auto publisher = at->find("publisher"); found.ld_publisher.empty() && publisher != at->end()) {
      if (publisher->is_object()) found.ld_publisher = string_at(*publisher, "name");
      if (publisher->is_array()) {
        const auto first = std::find_if(publisher->begin(), publisher->end(),
                                        [](const nlohmann::json& one) { return one.is_object(); });
        if (first != publisher->end()) found.ld_publisher = string_at(*first, "name");
      }
    }
  }
}

void read_element(const GumboNode& node, Found& found) {
  switch (node.v.element.tag) {
    case GUMBO_TAG_META: {
      std::string key(attribute(node, "property"));
      if (key.empty()) key = attribute(node, "name");
      if (key.empty()) key = attribute(node, "itemprop");
      const std::string content = squeezed(attribute(node, "content"));
      if (content.empty()) return;
      std::string* slot = key == "og:title"                                           ? &found.og_title
                          : key == "og:site_name"                                     ? &found.og_site_name
                          : key == "og:url"                                           ? &found.og_url
                          : key == "article:published_time" || key == "datePublished" ? &found.published_time
                                                                                      : nullptr;
      if (slot != nullptr && slot->empty()) *slot = content;
      return;
    }
    case GUMBO_TAG_LINK:
      if (attribute(node, "rel") == "canonical" && found.canonical.empty()) {
        found.canonical = squeezed(attribute(node, "href"));
      }
      return;
    case GUMBO_TAG_TITLE:
      if (found.title.empty()) found.title = text_under(node);
      return;
    case GUMBO_TAG_H1:
      if (found.h1.empty()) found.h1 = text_under(node);
      return;
    case GUMBO_TAG_TIME:
      if (found.time_datetime.empty()) found.time_datetime = squeezed(attribute(node, "datetime"));
      return;
    case GUMBO_TAG_SCRIPT:
      if (attribute(node, "type") == "application/ld+json" && node.v.element.children.length > 0) {
        const auto* script = static_cast<const GumboNode*>(node.v.element.children.data[0]);
        if (script->type == GUMBO_NODE_TEXT) read_json_ld(script->v.text.text, found);
      }
      return;
    default:
      return;
  }
}

}  // namespace

std::string url_host(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view host = url.substr(scheme + 3);
  host = host.substr(0, host.find_first_of("/?#:"));
  if (host.starts_with("www.")) host.remove_prefix(4);
  return std::string(host);
}

PageMetadata page_metadata(const Document& page) {
  Found found;
  std::vector<const GumboNode*> stack{&page.root()};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    const GumboVector* children = nullptr;
    if (node->type == GUMBO_NODE_DOCUMENT) children = &node->v.document.children;
    if (node->type == GUMBO_NODE_ELEMENT) {
      read_element(*node, found);
      children = &node->v.element.children;
    }
    if (children == nullptr) continue;
    for (unsigned k = children->length; k-- > 0;) stack.push_back(static_cast<const GumboNode*>(children->data[k]));
  }
  PageMetadata metadata;
  metadata.title = first_of({&found.og_title, &found.ld_headline, &found.title, &found.h1});
  metadata.url = first_of({&found.canonical, &found.og_url});
  const std::string host = url_host(metadata.url);
  metadata.source = first_of({&found.og_site_name, &found.ld_publisher, &host});
  for (const std::string* date : {&found.published_time, &found.ld_published, &found.time_datetime}) {
    if (!metadata.published) metadata.published = date_of(*date);
  }
  return metadata;
}

}  // namespace crosscheck::html
