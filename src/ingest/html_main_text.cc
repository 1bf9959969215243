// Readability's way to the article (github.com/mozilla/readability, read for
// its method): score the containers of paragraphs, take the best and its
// kin, clean out what inside it looks like page furniture. Written anew over
// gumbo's tree, with a flat copy of the tree that holds the counts.
#include "ingest/html_main_text.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <span>

#include "ingest/readers.h"

namespace crosscheck::html {

namespace {

using Names = std::span<const std::string_view>;

bool contains_any(std::string_view text, Names needles) {
  return std::any_of(needles.begin(), needles.end(),
                     [&](std::string_view needle) { return text.find(needle) != std::string_view::npos; });
}

// Class and id names of page furniture: removed before scoring, unless they
// also say "article" or "content".
constexpr std::array<std::string_view, 36> kUnlikely = {
    "-ad-",         "ai2html",  "banner",    "breadcrumb", "combx",   "comment",    "community",  "cover-wrap",
    "disqus",       "extra",    "footer",    "gdpr",       "header",  "legends",    "menu",       "related",
    "remark",       "replies",  "rss",       "shoutbox",   "sidebar", "skyscraper", "social",     "sponsor",
    "supplemental", "ad-break", "agegate",   "pagination", "pager",   "popup",      "yom-remote", "newsletter",
    "cookie",       "consent",  "subscribe", "caption"};
// Of those, the ones that are never the article, in any pass: readers'
// comments (with figures of their own) and the page's pleas.
constexpr std::array<std::string_view, 6> kNeverArticle = {"comment", "disqus",  "replies",
                                                           "cookie",  "consent", "newsletter"};
constexpr std::array<std::string_view, 4> kByline = {"byline", "author", "writtenby", "p-author"};
constexpr std::array<std::string_view, 7> kMaybe = {"and", "article", "body", "column", "content", "main", "shadow"};
// Class and id names that weigh a container down or up by 25.
constexpr std::array<std::string_view, 27> kNegative = {
    "-ad-",     "hidden",   "banner",     "combx",   "comment",  "com-",  "contact", "foot",   "footnote",
    "gdpr",     "masthead", "media",      "meta",    "outbrain", "promo", "related", "scroll", "share",
    "shoutbox", "sidebar",  "skyscraper", "sponsor", "shopping", "tags",  "tool",    "widget", "caption"};
constexpr std::array<std::string_view, 13> kPositive = {"article", "body", "content", "entry",      "hentry",
                                                        "h-entry", "main", "page",    "pagination", "post",
                                                        "text",    "blog", "story"};
// ARIA roles of page furniture.
constexpr std::array<std::string_view, 10> kFurnitureRoles = {"navigation", "banner",  "contentinfo", "complementary",
                                                              "menu",       "menubar", "dialog",      "alertdialog",
                                                              "alert",      "search"};

// Elements that never hold article text.
bool never_text(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_H1:
      return true;
    default:
      return false;
  }
}

// Elements that flow inside a line; every other element breaks the text
// into paragraphs.
bool is_inline(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_A:
    case GUMBO_TAG_ABBR:
    case GUMBO_TAG_B:
    case GUMBO_TAG_BDI:
    case GUMBO_TAG_BDO:
    case GUMBO_TAG_CITE:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_DATA:
    case GUMBO_TAG_DFN:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_I:
    case GUMBO_TAG_KBD:
    case GUMBO_TAG_MARK:
    case GUMBO_TAG_Q:
    case GUMBO_TAG_S:
    case GUMBO_TAG_SAMP:
    case GUMBO_TAG_SMALL:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP:
    case GUMBO_TAG_TIME:
    case GUMBO_TAG_U:
    case GUMBO_TAG_VAR:
    case GUMBO_TAG_WBR:
    case GUMBO_TAG_FONT:
    case GUMBO_TAG_BIG:
    case GUMBO_TAG_STRIKE:
    case GUMBO_TAG_TT:
    case GUMBO_TAG_INS:
    case GUMBO_TAG_DEL:
    case GUMBO_TAG_NOBR:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_UNKNOWN:
      return true;
    default:
      return false;
  }
}

// Children that keep a <div> from reading as a paragraph of its own.
bool is_block_content(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
      return true;
    default:
      return false;
  }
}

bool is_whitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// The passes Readability makes: each later one, tried when the earlier found
// too little text, keeps more of the page.
struct Pass {
  bool strip_unlikely = true;
  bool weigh_classes = true;
  bool clean_conditionally = true;
};

// One node of the page, in document order, with the counts of what it holds.
struct Node {
  const GumboNode* node = nullptr;
  int parent = -1;
  int first_child = -1;
  int next_sibling = -1;
  int end = 0;  // one past its last descendant
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  bool text = false;             // a text node
  bool dropped = false;          // left out with all it holds
  std::uint32_t chars = 0;       // visible characters, a run of blanks as one
  std::uint32_t link_chars = 0;  // of them, inside links
  std::uint32_t commas = 0;
  std::uint32_t paragraphs = 0, images = 0, list_items = 0, inputs = 0, embeds = 0;
  double score = 0;
  bool scored = false;
  bool ends_sentence = false;  // its text has a full stop
  std::string_view class_name;
  std::string_view id;

  double link_density() const { return chars == 0 ? 0 : static_cast<double>(link_chars) / chars; }
};

// The length of the text under an element, in bytes; it stops counting
// past 1,000, or after 1,000 nodes (a byline holds a few).
std::size_t text_length(const GumboNode& node) {
  std::size_t length = 0, visited = 0;
  std::vector<const GumboNode*> stack{&node};
  while (!stack.empty() && length < 1000 && ++visited < 1000) {
    const GumboNode* at = stack.back();
    stack.pop_back();
    if (at->type == GUMBO_NODE_TEXT) length += std::strlen(at->v.text.text);
    if (at->type != GUMBO_NODE_ELEMENT) continue;
    const GumboVector& children = at->v.element.children;
    for (unsigned k = 0; k < children.length; ++k) stack.push_back(static_cast<const GumboNode*>(children.data[k]));
  }
  return visited >= 1000 ? 1000 : length;  // past 1,000 nodes: no byline
}

bool hidden(const GumboNode& node) {
  if (node.type != GUMBO_NODE_ELEMENT) return false;
  if (gumbo_get_attribute(&node.v.element.attributes, "hidden") != nullptr) return true;
  if (attribute(node, "aria-hidden") == "true") return true;
  std::string style = lowercase(attribute(node, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos;
}

class Tree {
 public:
  Tree(const GumboNode& body, const Pass& pass) : pass_(pass) {
    build(body);
    count();
  }

  std::vector<Node>& nodes() { return nodes_; }

  // The element children of node `i`.
  template <typename F>
  void for_each_child(int i, F&& f) const {
    for (int c = nodes_[i].first_child; c != -1; c = nodes_[c].next_sibling) f(c);
  }

  int class_weight(int i) const {
    if (!pass_.weigh_classes) return 0;
    const std::string class_name = lowercase(nodes_[i].class_name), id = lowercase(nodes_[i].id);
    int weight = 0;
    if (!class_name.empty()) weight += contains_any(class_name, kNegative) ? -25 : 0;
    if (!class_name.empty()) weight += contains_any(class_name, kPositive) ? 25 : 0;
    if (!id.empty()) weight += contains_any(id, kNegative) ? -25 : 0;
    if (!id.empty()) weight += contains_any(id, kPositive) ? 25 : 0;
    return weight;
  }

  // A <div> with only inline content is a paragraph to Readability.
  bool reads_as_paragraph(int i) const {
    const GumboTag tag = nodes_[i].tag;
    if (tag == GUMBO_TAG_P || tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_TD) return true;
    if (tag != GUMBO_TAG_DIV) return false;
    bool block = false;
    for_each_child(i, [&](int c) { block = block || (!nodes_[c].text && is_block_content(nodes_[c].tag)); });
    return !block;
  }

 private:
  bool drop(const GumboNode& node) const {
    const GumboTag tag = node.v.element.tag;
    if (never_text(tag) || hidden(node)) return true;
    if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_A || tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN) {
      return false;
    }
    const std::string role = lowercase(attribute(node, "role"));
    if (pass_.strip_unlikely && !role.empty() &&
        std::find(kFurnitureRoles.begin(), kFurnitureRoles.end(), role) != kFurnitureRoles.end()) {
      return true;
    }
    const std::string names = lowercase(attribute(node, "class")) + " " + lowercase(attribute(node, "id"));
    if (names.size() == 1) return false;
    // A byline is no part of the text (Readability takes it out too); a
    // dateline is, and it says where the story was filed.
    if (contains_any(names, kByline) && text_length(node) < 100) return true;
    if (contains_any(names, kMaybe)) return false;
    return contains_any(names, kNeverArticle) || (pass_.strip_unlikely && contains_any(names, kUnlikely));
  }

  void build(const GumboNode& root) {
    std::vector<std::pair<const GumboNode*, int>> stack{{&root, -1}};
    std::vector<int> last_child;
    while (!stack.empty()) {
      const auto [gumbo, parent] = stack.back();
      stack.pop_back();
      const int index = static_cast<int>(nodes_.size());
      Node& node = nodes_.emplace_back();
      last_child.push_back(-1);
      node.node = gumbo;
      node.parent = parent;
      if (parent != -1) {
        if (last_child[parent] == -1) {
          nodes_[parent].first_child = index;
        } else {
          nodes_[last_child[parent]].next_sibling = index;
        }
        last_child[parent] = index;
      }
      if (gumbo->type != GUMBO_NODE_ELEMENT) {
        node.text = true;
        continue;
      }
      node.tag = gumbo->v.element.tag;
      node.class_name = attribute(*gumbo, "class");
      node.id = attribute(*gumbo, "id");
      node.dropped = drop(*gumbo);
      if (node.dropped) continue;
      const GumboVector& children = gumbo->v.element.children;
      for (unsigned k = children.length; k-- > 0;) {
        const auto* child = static_cast<const GumboNode*>(children.data[k]);
        if (child->type == GUMBO_NODE_ELEMENT || child->type == GUMBO_NODE_TEXT ||
            child->type == GUMBO_NODE_WHITESPACE || child->type == GUMBO_NODE_CDATA) {
          stack.emplace_back(child, index);
        }
      }
    }
  }

  // The counts of every node, children before parents.
  void count() {
    for (int i = static_cast<int>(nodes_.size()); i-- > 0;) {
      Node& node = nodes_[i];
      node.end = std::max(node.end, i + 1);
      if (node.dropped) continue;
      if (node.text) {
        bool blank = true;
        for (const char* p = node.node->v.text.text; *p != '\0'; ++p) {
          if ((static_cast<unsigned char>(*p) & 0xC0) == 0x80) continue;  // inside a character
          const bool white = is_whitespace(*p);
          node.chars += !white || !blank;
          node.commas += *p == ',';
          node.ends_sentence = node.ends_sentence || *p == '.';
          blank = white;
        }
      } else {
        node.paragraphs += node.tag == GUMBO_TAG_P;
        node.images += node.tag == GUMBO_TAG_IMG;
        node.list_items += node.tag == GUMBO_TAG_LI;
        node.inputs += node.tag == GUMBO_TAG_INPUT;
        node.embeds += node.tag == GUMBO_TAG_OBJECT || node.tag == GUMBO_TAG_EMBED || node.tag == GUMBO_TAG_IFRAME;
        if (node.tag == GUMBO_TAG_A) node.link_chars = node.chars;
      }
      if (node.parent == -1) continue;
      Node& parent = nodes_[node.parent];
      parent.end = std::max(parent.end, node.end);
      parent.chars += node.chars;
      parent.link_chars += node.link_chars;
      parent.commas += node.commas;
      parent.paragraphs += node.paragraphs;
      parent.images += node.images;
      parent.list_items += node.list_items;
      parent.inputs += node.inputs;
      parent.embeds += node.embeds;
      parent.ends_sentence = parent.ends_sentence || node.ends_sentence;
    }
  }

  Pass pass_;
  std::vector<Node> nodes_;
};

// The base score of a container by its tag and names (Readability's initializeNode).
double base_score(const Tree& tree, int i, GumboTag tag) {
  double score = tree.class_weight(i);
  switch (tag) {
    case GUMBO_TAG_DIV:
      score += 5;
      break;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE:
      score += 3;
      break;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FORM:
      score -= 3;
      break;
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TH:
      score -= 5;
      break;
    default:
      break;
  }
  return score;
}

// Adds a paragraph of `chars` characters and `commas` commas to the scores
// of `ancestor` (its parent) and the four containers above.
void score_paragraph(Tree& tree, int ancestor, std::uint32_t chars, std::uint32_t commas) {
  if (chars < 25) return;
  std::vector<Node>& nodes = tree.nodes();
  const double score = 1.0 + commas + std::min(chars / 100, 3u);
  for (int level = 0; ancestor != -1 && level < 5; ++level, ancestor = nodes[ancestor].parent) {
    Node& container = nodes[ancestor];
    if (!container.scored) {
      container.score = base_score(tree, ancestor, container.tag);
      container.scored = true;
    }
    container.score += score / (level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0);
  }
}

// Scores every container of a paragraph; returns the best, or -1. Text and
// inline elements that stand between blocks (a <div> of text and <br>s
// beside a table) are a paragraph too, as Readability wraps them in one.
int score_containers(Tree& tree) {
  std::vector<Node>& nodes = tree.nodes();
  for (int i = 0; i < static_cast<int>(nodes.size()); ++i) {
    if (nodes[i].text || nodes[i].dropped) continue;
    if (tree.reads_as_paragraph(i)) {
      score_paragraph(tree, nodes[i].parent, nodes[i].chars, nodes[i].commas);
      continue;
    }
    std::uint32_t chars = 0, commas = 0;
    tree.for_each_child(i, [&](int c) {
      if (nodes[c].text || is_inline(nodes[c].tag) || nodes[c].tag == GUMBO_TAG_BR) {
        chars += nodes[c].chars;
        commas += nodes[c].commas;
        return;
      }
      score_paragraph(tree, i, chars, commas);
      chars = commas = 0;
    });
    score_paragraph(tree, i, chars, commas);
  }
  int best = -1;
  for (int i = 0; i < static_cast<int>(nodes.size()); ++i) {
    if (!nodes[i].scored) continue;
    nodes[i].score *= 1.0 - nodes[i].link_density();
    if (best == -1 || nodes[i].score > nodes[best].score) best = i;
  }
  return best;
}

// Readability's climb from the best container: to a parent that scores
// higher still, and past parents that hold nothing else.
int climb(Tree& tree, int top) {
  std::vector<Node>& nodes = tree.nodes();
  double last = nodes[top].score;
  const double threshold = last / 3;
  for (int parent = nodes[top].parent; parent != -1 && nodes[parent].tag != GUMBO_TAG_BODY;
       parent = nodes[parent].parent) {
    if (!nodes[parent].scored) continue;
    if (nodes[parent].score < threshold) break;
    if (nodes[parent].score > last) {
      top = parent;
      break;
    }
    last = nodes[parent].score;
  }
  for (int parent = nodes[top].parent; parent != -1 && nodes[parent].tag != GUMBO_TAG_BODY;
       parent = nodes[parent].parent) {
    int elements = 0;
    tree.for_each_child(parent, [&](int c) { elements += !nodes[c].text && !nodes[c].dropped; });
    if (elements != 1) break;
    top = parent;
  }
  return top;
}

// The best container and those of its siblings that belong with it.
std::vector<int> article_parts(Tree& tree, int top) {
  std::vector<Node>& nodes = tree.nodes();
  const int parent = nodes[top].parent;
  if (parent == -1) return {top};
  const double threshold = std::max(10.0, nodes[top].score * 0.2);
  std::vector<int> parts;
  tree.for_each_child(parent, [&](int c) {
    const Node& sibling = nodes[c];
    if (c == top) {
      parts.push_back(c);
      return;
    }
    if (sibling.text || sibling.dropped) return;
    const double bonus =
        !sibling.class_name.empty() && sibling.class_name == nodes[top].class_name ? nodes[top].score * 0.2 : 0;
    if (sibling.scored && sibling.score + bonus >= threshold) {
      parts.push_back(c);
    } else if (tree.reads_as_paragraph(c)) {
      const double density = sibling.link_density();
      if ((sibling.chars > 80 && density < 0.25) ||
          (sibling.chars > 0 && sibling.chars <= 80 && density == 0 && sibling.ends_sentence)) {
        parts.push_back(c);
      }
    }
  });
  return parts;
}

// Readability's cleanConditionally: drops, inside the article, the
// containers that look like furniture (few commas, many links or images,
// little text).
void clean_conditionally(Tree& tree, int part) {
  std::vector<Node>& nodes = tree.nodes();
  for (int i = part + 1; i < nodes[part].end; ++i) {
    Node& node = nodes[i];
    if (node.text || node.dropped) continue;
    const GumboTag tag = node.tag;
    if (!(tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || tag == GUMBO_TAG_TABLE ||
          tag == GUMBO_TAG_FORM || tag == GUMBO_TAG_FIELDSET || tag == GUMBO_TAG_SECTION)) {
      continue;
    }
    const int weight = tree.class_weight(i);
    if (weight + (node.scored ? node.score : 0) < 0) {
      node.dropped = true;
      continue;
    }
    if (node.commas >= 10) continue;
    const bool list = tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL;
    const double density = node.link_density();
    const double paragraphs = node.paragraphs, images = node.images;
    const double list_items = static_cast<double>(node.list_items) - 100;
    node.dropped = (images > 1 && paragraphs / images < 0.5) || (!list && list_items > paragraphs) ||
                   (node.inputs > paragraphs / 3) ||
                   (!list && node.chars < 25 && (node.images == 0 || node.images > 2)) ||
                   (!list && weight < 25 && density > 0.2) || (weight >= 25 && density > 0.5) ||
                   (node.embeds == 1 && node.chars < 75) || node.embeds > 1;
  }
}

// Writes the text of nodes, a paragraph for each block, with anchors into the
// page source.
class Writer {
 public:
  explicit Writer(const std::string& source) : source_(source) {}

  void write(const std::vector<Node>& nodes, int top) {
    std::vector<std::pair<int, bool>> stack{{top, false}};  // node, leaving it
    while (!stack.empty()) {
      const auto [i, leaving] = stack.back();
      stack.pop_back();
      const Node& node = nodes[i];
      if (node.dropped) continue;
      if (node.text) {
        text(*node.node, preformatted_ > 0);
        continue;
      }
      const bool block = !is_inline(node.tag);
      if (leaving) {
        preformatted_ -= node.tag == GUMBO_TAG_PRE;
        if (block) pending_ = Break::paragraph;
        continue;
      }
      if (node.tag == GUMBO_TAG_BR) {
        pending_ = std::max(pending_, Break::line);
        continue;
      }
      if (block) pending_ = Break::paragraph;
      preformatted_ += node.tag == GUMBO_TAG_PRE;
      stack.emplace_back(i, true);
      std::vector<int> children;
      for (int c = node.first_child; c != -1; c = nodes[c].next_sibling) children.push_back(c);
      for (auto c = children.rbegin(); c != children.rend(); ++c) stack.emplace_back(*c, false);
    }
    pending_ = Break::paragraph;
  }

  PageText finish() && {
    PageText page{std::move(out_), {}};
    page.anchors.resize(anchors_.size());
    // Lines and columns of every anchor in one walk of the source, the
    // anchors taken in source order: a page on one long line would cost the
    // square of its length, counted from the line's start for each.
    std::vector<std::size_t> order(anchors_.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return anchors_[a].second < anchors_[b].second; });
    std::uint32_t line = 1, column = 1;
    std::size_t at = 0;
    for (const std::size_t k : order) {
      const std::size_t target = std::min(anchors_[k].second, source_.size());
      for (; at < target; ++at) {
        const char c = source_[at];
        // LF, CR LF and a lone CR each end a line, as editors show them.
        if (c == '\n' || (c == '\r' && (at + 1 >= source_.size() || source_[at + 1] != '\n'))) {
          ++line;
          column = 1;
        } else if (c != '\r' && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
          ++column;
        }
      }
      page.anchors[k] = {static_cast<std::uint32_t>(anchors_[k].first), line, column};
    }
    return page;
  }

 private:
  enum class Break { none, space, line, paragraph };

  // A text node's characters, lined up with its source so that each run
  // knows where it came from: entities decoded, CR LF made LF, and markup
  // gumbo passed over inside the text (a stray end tag) skipped.
  void text(const GumboNode& node, bool preformatted) {
    const GumboText& text = node.v.text;
    const std::string_view decoded(text.text);
    std::string_view original(text.original_text.data, text.original_text.length);
    const char* base = source_.data();
    bool aligned = original.data() >= base && original.data() + original.size() <= base + source_.size();
    const std::size_t origin = aligned ? static_cast<std::size_t>(original.data() - base) : 0;
    std::size_t i = 0;
    std::size_t unplaced = 0;  // characters of the last reference still to come (two code points)
    for (std::size_t j = 0; j < decoded.size();) {
      const std::string_view character = decoded.substr(j, character_length(decoded[j]));
      j += character.size();
      std::size_t from = std::string_view::npos;
      if (unplaced > 0) {
        --unplaced;
      } else if (aligned && i < original.size()) {
        if (original.compare(i, character.size(), character) == 0 &&
            !(original[i] == '&' && !literal_ampersand(original, i, decoded, j))) {
          from = origin + i;
          i += character.size();
        } else if (original[i] == '\r' && character == "\n") {
          from = origin + i;
          i += i + 1 < original.size() && original[i + 1] == '\n' ? 2 : 1;
        } else if (original[i] == '&') {
          from = origin + i;
          std::tie(i, unplaced) = reference_end(original, i, decoded, j);
        } else if (const std::size_t found = resync(original, i, decoded, j - character.size());
                   found != std::string_view::npos) {
          from = origin + found;
          i = found + character.size();
        } else {
          aligned = false;
        }
      }
      if (character.size() == 1 && is_whitespace(character[0])) {
        // A run of blanks is one space in the text; past a line break or a
        // tab the next character starts a new run in the file.
        if (character[0] != ' ' || pending_ != Break::none) break_run_ = true;
        if (preformatted && character[0] == '\n') {
          pending_ = std::max(pending_, Break::line);
        } else {
          pending_ = std::max(pending_, Break::space);
        }
        continue;
      }
      if (static_cast<unsigned char>(character[0]) >= 0xC2 &&
          default_ignorable_length(reinterpret_cast<const unsigned char*>(character.data()), character.size()) != 0) {
        break_run_ = true;
        continue;
      }
      put(character, from);
    }
  }

  static std::size_t character_length(char lead) {
    const auto byte = static_cast<unsigned char>(lead);
    return byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
  }

  // Whether the '&' at `i` of the source, decoded as '&' with the text going
  // on at `next`, stands for itself ("AT&T", "R&D") and is no "&amp;": the
  // source and the text agree after it, up to the text's next '&'.
  static bool literal_ampersand(std::string_view original, std::size_t i, std::string_view decoded, std::size_t next) {
    const std::size_t stop = std::min(decoded.find('&', next), decoded.size());
    const std::size_t length = std::min<std::size_t>(8, stop - next);
    if (length == 0) return next >= decoded.size() || original.substr(i + 1, 1) == "&";
    return original.substr(i + 1, length) == decoded.substr(next, length);
  }

  // Where the character reference at `i` ("&amp;", "&#8217;", "&nbsp", "&ampT")
  // ends in the source, and how many more code points than one it decoded to,
  // given that the decoded text goes on at `next`: the shortest reference
  // after which the source and the text agree again. (i + 1, 0) for an '&'
  // that stands for itself ("AT&T").
  static std::pair<std::size_t, std::size_t> reference_end(std::string_view original, std::size_t i,
                                                           std::string_view decoded, std::size_t next) {
    std::size_t longest = i + 1;
    while (longest < original.size() && longest - i < 64 &&
           (std::isalnum(static_cast<unsigned char>(original[longest])) || original[longest] == '#')) {
      ++longest;
    }
    if (longest < original.size() && original[longest] == ';') ++longest;
    if (longest == i + 1) return {i + 1, 0};
    for (std::size_t extra = 0; extra < 2; ++extra) {
      std::size_t from = next;
      for (std::size_t k = 0; k < extra && from < decoded.size(); ++k) from += character_length(decoded[from]);
      const std::string_view rest = comparable(decoded, from);
      for (std::size_t end = i + 2; end <= longest; ++end) {
        if (agrees(original, end, rest)) return {end, extra};
      }
    }
    return {longest, 0};
  }

  // Where in the source the text goes on at decoded[j], past what gumbo left
  // out of the text (a stray end tag, a tag inside a merged text); npos when
  // it cannot be found close by.
  static std::size_t resync(std::string_view original, std::size_t i, std::string_view decoded, std::size_t j) {
    const std::string_view want = comparable(decoded, j);
    for (std::size_t at = i; at < original.size() && at < i + 4096; ++at) {
      if (agrees(original, at, want)) return at;
    }
    return std::string_view::npos;
  }

  // Up to 8 bytes of the text from `from` that the source has as they are:
  // up to a reference ('&') or a line break (CR LF in the source); one
  // character at least.
  static std::string_view comparable(std::string_view decoded, std::size_t from) {
    std::size_t end = from;
    while (end < decoded.size() && end < from + 8 && decoded[end] != '&' && decoded[end] != '\n') ++end;
    return decoded.substr(from, std::max<std::size_t>(end - from, 1));
  }

  // Whether the source at `at` reads `text` (from comparable()); a line
  // break there is any of LF, CR LF or CR.
  static bool agrees(std::string_view original, std::size_t at, std::string_view text) {
    if (text == "\n") return at < original.size() && (original[at] == '\n' || original[at] == '\r');
    return original.substr(at, text.size()) == text;
  }

  void put(std::string_view character, std::size_t from) {
    if (!out_.empty()) {
      switch (pending_) {
        case Break::paragraph:
          out_ += "\n\n";
          break;
        case Break::line:
          out_ += '\n';
          break;
        case Break::space:
          out_ += ' ';
          break;
        case Break::none:
          break;
      }
    }
    pending_ = Break::none;
    if (from != std::string_view::npos &&
        (anchors_.empty() || break_run_ || from != run_source_ + (out_.size() - run_offset_))) {
      anchors_.emplace_back(out_.size(), from);
      run_source_ = from;
      run_offset_ = out_.size();
      break_run_ = false;
    }
    out_ += character;
  }

  const std::string& source_;
  std::string out_;
  Break pending_ = Break::none;
  int preformatted_ = 0;
  std::vector<std::pair<std::size_t, std::size_t>> anchors_;  // text offset, source offset
  std::size_t run_source_ = 0, run_offset_ = 0;
  bool break_run_ = false;  // the next character starts a new run, wherever it comes from
};

const GumboNode* find_body(const GumboNode& root) {
  if (root.type != GUMBO_NODE_ELEMENT && root.type != GUMBO_NODE_DOCUMENT) return nullptr;
  const GumboVector& children = root.type == GUMBO_NODE_DOCUMENT ? root.v.document.children : root.v.element.children;
  for (unsigned k = 0; k < children.length; ++k) {
    const auto* child = static_cast<const GumboNode*>(children.data[k]);
    if (is_element(*child, GUMBO_TAG_BODY)) return child;
    if (is_element(*child, GUMBO_TAG_HTML)) {
      if (const GumboNode* body = find_body(*child)) return body;
    }
  }
  return nullptr;
}

// Below this many characters a pass found no article, and the next, less
// strict, one is tried (Readability's charThreshold).
constexpr std::uint32_t kEnoughText = 500;

PageText text_of(Tree& tree, const std::vector<int>& parts, const std::string& source) {
  Writer writer(source);
  for (int part : parts) writer.write(tree.nodes(), part);
  return std::move(writer).finish();
}

}  // namespace

PageText main_text(const Document& page) {
  const GumboNode* body = find_body(page.root());
  if (body == nullptr) return {};
  constexpr std::array<Pass, 4> kPasses = {Pass{true, true, true}, Pass{false, true, true}, Pass{false, false, true},
                                           Pass{false, false, false}};
  PageText longest;
  for (const Pass& pass : kPasses) {
    Tree tree(*body, pass);
    const int best = score_containers(tree);
    std::vector<int> parts = best == -1 ? std::vector<int>{0} : article_parts(tree, climb(tree, best));
    if (pass.clean_conditionally) {
      for (int part : parts) clean_conditionally(tree, part);
    }
    PageText text = text_of(tree, parts, page.source());
    if (text.text.size() >= kEnoughText) return text;
    if (text.text.size() > longest.text.size()) longest = std::move(text);
  }
  return longest;
}

}  // namespace crosscheck::html
