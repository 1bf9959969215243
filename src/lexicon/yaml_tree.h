// A YAML document as a compact tree, for the lexicon loader. Private.
//
// A gazetteer lexicon is megabytes of YAML (issue 14: 100,000 entities are
// 10 MB). yaml-cpp takes over a second of CPU to scan that, node tree or not,
// and its node tree costs as much again to build and free. So the tree is
// ours (flat arrays, scalars as views), and a file is read in one of two ways:
//
// - block YAML of the plain kind lexicon files are written in (block
//   mappings and `- ` lists, one-line `[a, b]` lists, plain one-line scalars,
//   comments) by `read_plain`, a single pass over the bytes;
// - anything else (quotes, anchors, tags, multi-line scalars, `{}`, tabs,
//   CR, a byte-order mark, and every syntax error) by yaml-cpp's event parser,
//   exactly as before.
//
// `read_plain` gives up on the first thing it does not handle itself rather
// than guess, and what it returns is the tree yaml-cpp's events give for the
// same text: the same nodes, kinds, scalars and marks (tests/lexicon_test.cc
// and the rule_yaml fuzz target compare the two). So a lexicon means the
// same, and every error keeps its place, whichever way it was read.
#pragma once

#include <yaml-cpp/mark.h>

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace crosscheck {

class YamlTree {
  struct Stored;

 public:
  enum class Kind : std::uint8_t { null, scalar, sequence, map };

  // A node of the tree; cheap to copy. The names follow yaml-cpp's YAML::Node.
  class Node {
   public:
    Node(const YamlTree* tree, std::uint32_t index) : tree_(tree), index_(index) {}
    bool IsNull() const { return kind() == Kind::null; }
    bool IsScalar() const { return kind() == Kind::scalar; }
    bool IsSequence() const { return kind() == Kind::sequence; }
    bool IsMap() const { return kind() == Kind::map; }
    // The text of a scalar; empty for any other node, as in yaml-cpp.
    std::string_view Scalar() const { return stored().scalar; }
    // 0-based, as yaml-cpp's: convert with yaml_span.
    YAML::Mark Mark() const;
    // The items of a sequence, or keys and values in turn for a mapping.
    std::size_t child_count() const { return stored().child_count; }
    Node child(std::size_t i) const { return {tree_, tree_->children_[stored().first_child + i]}; }
    Kind kind() const { return stored().kind; }

   private:
    const Stored& stored() const { return tree_->nodes_[index_]; }
    const YamlTree* tree_;
    std::uint32_t index_;
  };

  // The items of a sequence or the (key, value) entries of a mapping, for
  // range-for; empty for any other node.
  template <bool kEntries>
  class Children {
   public:
    explicit Children(Node node) : node_(node) {
      if (kEntries ? node.IsMap() : node.IsSequence()) count_ = node.child_count() / (kEntries ? 2 : 1);
    }
    class iterator {
     public:
      iterator(Node node, std::size_t i) : node_(node), i_(i) {}
      auto operator*() const {
        if constexpr (kEntries) {
          return std::pair<Node, Node>(node_.child(2 * i_), node_.child(2 * i_ + 1));
        } else {
          return node_.child(i_);
        }
      }
      iterator& operator++() {
        ++i_;
        return *this;
      }
      bool operator!=(const iterator& other) const { return i_ != other.i_; }

     private:
      Node node_;
      std::size_t i_;
    };
    iterator begin() const { return {node_, 0}; }
    iterator end() const { return {node_, count_}; }

   private:
    Node node_;
    std::size_t count_ = 0;
  };
  static Children<false> items(Node sequence) { return Children<false>(sequence); }
  static Children<true> entries(Node map) { return Children<true>(map); }

  // Reads the first document of `text` (as YAML::Load does): by read_plain
  // when it can, else by yaml-cpp. A syntax error throws YAML::ParserException
  // with its mark. Scalars may point into `text`: keep it alive with the tree.
  static YamlTree read(std::string_view text);
  // The two ways `read` tries, second then first, also for the tests: the
  // tree by yaml-cpp's event parser (throwing as `read` does), and by the
  // plain reader, which gives nothing when `text` is outside what it reads.
  static YamlTree read_with_yaml_cpp(std::string_view text);
  static std::optional<YamlTree> read_plain(std::string_view text);

  // The document's root; a null node for an empty document.
  Node root() const { return {this, root_}; }

  // Building, in document order, as yaml-cpp's events come.
  void start(Kind container, YAML::Mark mark);  // a sequence or a mapping
  void end();
  void leaf(Kind kind, YAML::Mark mark, std::string_view scalar);  // scalar must outlive the tree
  void leaf_copy(YAML::Mark mark, const std::string& scalar);      // stored in the tree
  void anchor(std::size_t anchor_id);                              // names the node added last
  void alias(std::size_t anchor_id);                               // adds that node again

 private:
  struct Stored {
    std::string_view scalar;
    std::uint32_t first_child = 0, child_count = 0;
    std::int32_t line = -1, column = -1;
    Kind kind = Kind::null;
  };
  std::uint32_t add(Kind kind, YAML::Mark mark, std::string_view scalar);

  std::vector<Stored> nodes_{Stored{}};  // nodes_[0]: the root of an empty document
  std::uint32_t root_ = 0;
  std::vector<std::uint32_t> children_;  // the children of each container, contiguous
  // The children so far of the open containers, innermost last, and for each
  // open container its node and where its children begin in `pending_`.
  std::vector<std::uint32_t> pending_;
  std::vector<std::pair<std::uint32_t, std::size_t>> open_;
  std::vector<std::uint32_t> anchors_;  // node per anchor id: an alias shares the node
  std::uint32_t last_ = 0;
  std::deque<std::string> owned_;  // scalars copied from yaml-cpp's events
};

// Whether two trees hold the same nodes, kinds, scalars and marks (`a` one
// without aliases, so that the walk ends): what read_plain must give when it
// reads a text at all (the tests and the rule_yaml fuzz target check it
// against yaml-cpp).
bool same_tree(YamlTree::Node a, YamlTree::Node b);

}  // namespace crosscheck
