#include "lexicon/yaml_tree.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <sstream>

namespace crosscheck {

YAML::Mark YamlTree::Node::Mark() const {
  YAML::Mark mark;
  mark.line = stored().line;
  mark.column = stored().column;
  return mark;
}

std::uint32_t YamlTree::add(Kind kind, YAML::Mark mark, std::string_view scalar) {
  last_ = static_cast<std::uint32_t>(nodes_.size());
  nodes_.push_back({scalar, 0, 0, mark.line, mark.column, kind});
  if (open_.empty()) {
    root_ = last_;
  } else {
    pending_.push_back(last_);
  }
  return last_;
}

void YamlTree::start(Kind container, YAML::Mark mark) {
  const std::uint32_t index = add(container, mark, {});
  open_.emplace_back(index, pending_.size());
}

void YamlTree::end() {
  const auto [index, first] = open_.back();
  open_.pop_back();
  nodes_[index].first_child = static_cast<std::uint32_t>(children_.size());
  nodes_[index].child_count = static_cast<std::uint32_t>(pending_.size() - first);
  children_.insert(children_.end(), pending_.begin() + static_cast<std::ptrdiff_t>(first), pending_.end());
  pending_.resize(first);
}

void YamlTree::leaf(Kind kind, YAML::Mark mark, std::string_view scalar) { add(kind, mark, scalar); }

void YamlTree::leaf_copy(YAML::Mark mark, const std::string& scalar) {
  add(Kind::scalar, mark, owned_.emplace_back(scalar));
}

void YamlTree::anchor(std::size_t anchor_id) {
  if (anchor_id == 0) return;  // yaml-cpp's NullAnchor: no anchor
  if (anchors_.size() <= anchor_id) anchors_.resize(anchor_id + 1);
  anchors_[anchor_id] = last_;
}

void YamlTree::alias(std::size_t anchor_id) {
  // yaml-cpp's parser has refused an unknown anchor already. The node is
  // shared, not copied, as in yaml-cpp's node tree: an alias bomb stays small.
  if (open_.empty()) {
    root_ = anchors_.at(anchor_id);
  } else {
    pending_.push_back(anchors_.at(anchor_id));
  }
}

namespace {

// yaml-cpp's events into a YamlTree, as YAML::Load's NodeBuilder takes them.
class TreeBuilder : public YAML::EventHandler {
 public:
  explicit TreeBuilder(YamlTree& tree) : tree_(tree) {}
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    tree_.leaf(YamlTree::Kind::null, mark, {});
    tree_.anchor(anchor);
  }
  void OnAlias(const YAML::Mark&, YAML::anchor_t anchor) override { tree_.alias(anchor); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, const std::string& value) override {
    tree_.leaf_copy(mark, value);
    tree_.anchor(anchor);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    tree_.start(YamlTree::Kind::sequence, mark);
    tree_.anchor(anchor);
  }
  void OnSequenceEnd() override { tree_.end(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    tree_.start(YamlTree::Kind::map, mark);
    tree_.anchor(anchor);
  }
  void OnMapEnd() override { tree_.end(); }

 private:
  YamlTree& tree_;
};

YAML::Mark mark_at(int line, std::size_t column) {
  YAML::Mark mark;
  mark.line = line;
  mark.column = static_cast<int>(column);
  return mark;
}

// yaml-cpp reads these plain scalars as null (IsNullString); "" cannot occur here.
bool null_text(std::string_view text) { return text == "~" || text == "null" || text == "Null" || text == "NULL"; }

// What read_plain takes as a plain scalar: letters, digits, UTF-8, spaces
// inside, and the punctuation of names and abbreviations ("St. John's",
// "Al-Quds", "Bosnia & Herzegovina"); a ',' or a ':' that no space follows
// outside a flow list; no indicator first. And the nulls above. YAML allows
// more; yaml-cpp reads the rest.
bool plain(std::string_view text, bool flow) {
  if (null_text(text)) return true;
  if (text.empty() || text.back() == ' ') return false;
  static constexpr std::string_view kFirst = "._(/$";          // of the punctuation below, may begin
  static constexpr std::string_view kInside = ".-_'()/+&;=$";  // may appear after the first character
  const auto letter = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  if (!letter(text.front()) && kFirst.find(text.front()) == std::string_view::npos) return false;
  for (std::size_t i = 1; i < text.size(); ++i) {
    const char c = text[i];
    if (letter(c) || c == ' ' || kInside.find(c) != std::string_view::npos) continue;
    if (!flow && c == ',') continue;
    if (!flow && c == ':' && i + 1 < text.size() && text[i + 1] != ' ') continue;
    return false;
  }
  return true;
}

// The plain block YAML of lexicon files, read in one pass (see the header):
// false as soon as the text holds anything else.
class PlainReader {
 public:
  PlainReader(std::string_view text, YamlTree& tree) : text_(text), tree_(tree) {}

  bool read() {
    for (const char c : text_) {
      // Tabs, CR, NUL and other controls: yaml-cpp's (and its encoding guess).
      if ((static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == 0x7f) return false;
    }
    // A byte-order mark, or UTF-16/32: yaml-cpp's.
    if (!text_.empty() && static_cast<unsigned char>(text_.front()) >= 0xef) return false;
    int line = 0;
    for (std::size_t start = 0; start < text_.size(); ++line) {
      std::size_t stop = text_.find('\n', start);
      if (stop == std::string_view::npos) stop = text_.size();
      const std::string_view whole = text_.substr(start, stop - start);
      start = stop + 1;
      const std::size_t indent = whole.find_first_not_of(' ');
      if (indent == std::string_view::npos || whole[indent] == '#') continue;  // blank or comment
      if (!content_line(line, indent, whole)) return false;
    }
    // A `key:` that the end of the text closes is null, placed at the start
    // of the line after the last break. Without a final line break, yaml-cpp
    // places it by the indentation it closes: that case is left to it.
    if (pending_) {
      if (text_.back() != '\n') return false;
      tree_.leaf(YamlTree::Kind::null, mark_at(line, 0), {});
    }
    for (; depth_ > 0; --depth_) tree_.end();
    return true;
  }

 private:
  bool content_line(int line, std::size_t indent, std::string_view whole) {
    const std::string_view content = whole.substr(indent);
    if (indent == 0 && (content.starts_with("---") || content.starts_with("..."))) return false;  // documents
    if (depth_ == 0) {
      // The root: a mapping at column 0 (a list or a scalar is yaml-cpp's).
      if (indent != 0) return false;
      open(YamlTree::Kind::map, line, indent);
    } else if (pending_) {
      pending_ = false;
      if (indent > indents_[depth_ - 1]) {
        open(content.front() == '-' ? YamlTree::Kind::sequence : YamlTree::Kind::map, line, indent);
      } else {
        // `key:` then `- x` at the key's column is a list in YAML: yaml-cpp's.
        if (indent == indents_[depth_ - 1] && content.front() == '-') return false;
        // No value: null, placed where the next token begins, as yaml-cpp does.
        tree_.leaf(YamlTree::Kind::null, mark_at(line, indent), {});
      }
    } else if (indent > entry_indent_) {
      return false;  // a scalar continued on the next line, or an error
    }
    while (indents_[depth_ - 1] > indent) {
      tree_.end();
      if (--depth_ == 0) return false;
    }
    if (indents_[depth_ - 1] != indent) return false;  // between two levels: an error
    entry_indent_ = indent;
    return maps_[depth_ - 1] ? key_line(line, indent, content) : item_line(line, indent, content);
  }

  void open(YamlTree::Kind kind, int line, std::size_t indent) {
    tree_.start(kind, mark_at(line, indent));
    if (indents_.size() == depth_) {
      indents_.push_back(indent);
      maps_.push_back(kind == YamlTree::Kind::map);
    } else {
      indents_[depth_] = indent;
      maps_[depth_] = kind == YamlTree::Kind::map;
    }
    ++depth_;
  }

  // `key: value`, `key: [a, b]`, or `key:` with its value on the lines below.
  bool key_line(int line, std::size_t indent, std::string_view content) {
    const std::size_t colon = content.find(':');
    if (colon == std::string_view::npos || colon > 1024) return false;
    if (colon + 1 < content.size() && content[colon + 1] != ' ') return false;
    const std::string_view key = content.substr(0, colon);
    if (!plain(key, false)) return false;
    scalar(key, line, indent);
    return value(line, indent + colon + 1, content.substr(colon + 1), true);
  }

  // `- value` in a block list.
  bool item_line(int line, std::size_t indent, std::string_view content) {
    if (content.size() < 2 || content[0] != '-' || content[1] != ' ') return false;
    return value(line, indent + 1, content.substr(1), false);
  }

  // What follows `key:` or `- `, from `column` on.
  bool value(int line, std::size_t column, std::string_view rest, bool may_be_below) {
    const std::size_t skip = rest.find_first_not_of(' ');
    if (skip == std::string_view::npos || rest[skip] == '#') {
      if (!may_be_below) return false;
      pending_ = true;
      return true;
    }
    column += skip;
    rest.remove_prefix(skip);
    if (rest.front() == '[') return may_be_below && flow_list(line, column, rest);
    // The scalar ends at a comment (" #") or the end of the line.
    const std::size_t comment = rest.find(" #");
    std::string_view text = rest.substr(0, comment);
    text = text.substr(0, text.find_last_not_of(' ') + 1);
    if (!plain(text, false)) return false;
    scalar(text, line, column);
    return true;
  }

  // `[a, b c, d]` on one line.
  bool flow_list(int line, std::size_t column, std::string_view rest) {
    tree_.start(YamlTree::Kind::sequence, mark_at(line, column));
    std::size_t i = rest.find_first_not_of(' ', 1);
    if (i != std::string_view::npos && rest[i] == ']') {
      ++i;
    } else {
      for (;;) {
        if (i == std::string_view::npos) return false;
        const std::size_t stop = rest.find_first_of(",]", i);
        if (stop == std::string_view::npos) return false;  // a list over several lines: yaml-cpp's
        std::string_view item = rest.substr(i, stop - i);
        item = item.substr(0, item.find_last_not_of(' ') + 1);
        if (!plain(item, true)) return false;
        scalar(item, line, column + i);
        i = stop + 1;
        if (rest[stop] == ']') break;
        i = rest.find_first_not_of(' ', i);
        if (i != std::string_view::npos && rest[i] == ']') return false;  // `[a, b,]`
      }
    }
    tree_.end();
    // After the list: spaces, then nothing or a comment.
    const std::size_t after = rest.find_first_not_of(' ', i);
    return after == std::string_view::npos || (after > i && rest[after] == '#');
  }

  void scalar(std::string_view text, int line, std::size_t column) {
    tree_.leaf(null_text(text) ? YamlTree::Kind::null : YamlTree::Kind::scalar, mark_at(line, column),
               null_text(text) ? std::string_view() : text);
  }

  std::string_view text_;
  YamlTree& tree_;
  // The open containers: their columns and whether each is a mapping.
  std::vector<std::size_t> indents_;
  std::vector<bool> maps_;
  std::size_t depth_ = 0;
  std::size_t entry_indent_ = 0;  // the column of the last complete entry
  bool pending_ = false;          // a `key:` whose value is on the lines below, or null
};

}  // namespace

bool same_tree(YamlTree::Node a, YamlTree::Node b) {
  if (a.kind() != b.kind() || a.Scalar() != b.Scalar() || a.Mark().line != b.Mark().line ||
      a.Mark().column != b.Mark().column) {
    return false;
  }
  if (!a.IsMap() && !a.IsSequence()) return true;
  if (a.child_count() != b.child_count()) return false;
  for (std::size_t i = 0; i < a.child_count(); ++i) {
    if (!same_tree(a.child(i), b.child(i))) return false;
  }
  return true;
}

YamlTree YamlTree::read_with_yaml_cpp(std::string_view text) {
  YamlTree tree;
  std::istringstream input{std::string(text)};
  YAML::Parser parser(input);
  TreeBuilder builder(tree);
  parser.HandleNextDocument(builder);  // the first document only, as YAML::Load
  return tree;
}

std::optional<YamlTree> YamlTree::read_plain(std::string_view text) {
  YamlTree tree;
  if (!PlainReader(text, tree).read()) return std::nullopt;
  return tree;
}

YamlTree YamlTree::read(std::string_view text) {
  if (std::optional<YamlTree> tree = read_plain(text)) return std::move(*tree);
  return read_with_yaml_cpp(text);
}

}  // namespace crosscheck
