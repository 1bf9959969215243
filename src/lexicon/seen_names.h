// The lexicon loader's table of names seen, to report a duplicate with where
// the name was first given.
#pragma once

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lexicon/yaml_support.h"

namespace crosscheck {

// Where a name was given: its file and yaml-cpp mark, made a SourceSpan (a
// copy of the file name) only for a message. `owner` is, for the name of a
// metric, entity or authority, its index in the lexicon's list (to extend it
// from a later --lexicon); it fits in the struct's padding.
struct Place {
  static constexpr std::uint32_t kNone = UINT32_MAX;
  const std::string* file;
  YAML::Mark mark;
  std::uint32_t owner = kNone;
  SourceSpan span() const { return yaml_span(*file, mark); }
};

// Each name once, with where it was first given: an open-addressing table
// of views into the files' trees, which live until every file is loaded.
// (std::unordered_map, a node per name, took a third of the time to load a
// gazetteer of 100,000 entities.)
class SeenNames {
 public:
  using Entry = std::pair<std::string_view, Place>;

  // As std::unordered_map's: the entry of `name`, and whether it is new. The
  // pointer is valid until the next call.
  std::pair<const Entry*, bool> try_emplace(std::string_view name, const Place& place) {
    if (2 * (entries_.size() + 1) > slots_.size()) grow();
    const std::size_t mask = slots_.size() - 1;
    const std::uint64_t hash = std::hash<std::string_view>()(name);
    for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
      if (slots_[slot] == 0) {
        entries_.emplace_back(name, place);
        slots_[slot] = (hash << 32) | entries_.size();
        return {&entries_.back(), true};
      }
      // The hash's low half kept with the index: most other names are told apart without reading them.
      const Entry& entry = entries_[(slots_[slot] & 0xffffffff) - 1];
      if ((slots_[slot] >> 32) == (hash & 0xffffffff) && entry.first == name) return {&entry, false};
    }
  }

 private:
  void grow() {
    std::vector<std::uint64_t> old(std::max<std::size_t>(16, 2 * slots_.size()), 0);
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const std::uint64_t kept : old) {
      if (kept == 0) continue;
      std::size_t slot = (kept >> 32) & mask;
      while (slots_[slot] != 0) slot = (slot + 1) & mask;
      slots_[slot] = kept;
    }
  }

  std::vector<Entry> entries_;
  // The low 32 bits of a name's hash, then 1 + its index in entries_; 0 when
  // free. A power of two, at most half full.
  std::vector<std::uint64_t> slots_;
};

}  // namespace crosscheck
