#include <algorithm>
#include <cstdint>
#include <mutex>
#include <unordered_map>

#include "crosscheck/lexicon.h"

namespace crosscheck {

namespace {
constexpr std::size_t kNone = SIZE_MAX;
}  // namespace

// Immutable once built and shared by every copy of the lexicon, so the views
// into `names` and `part_of` stay valid.
struct PlaceHierarchy::Data {
  std::vector<std::string> names;
  std::vector<std::string> part_of;  // as written; empty when none
  std::vector<std::size_t> parent;   // index of the parent entity, or kNone
  std::vector<std::string_view> root;
  std::unordered_map<std::string_view, std::size_t> index;  // the first entity of each name
  std::vector<UnknownParent> unknown_parents;
  std::vector<Cycle> cycles;
  // Sorted on first use: only the graph writer reads every link.
  mutable std::once_flag links_once;
  mutable std::vector<std::pair<std::string, std::string>> links;

  void find_cycles();
  void find_roots();
  // The old walk, for a chain that runs into a cycle: up the parents until
  // the next one was already passed; the last one reached is the root.
  std::string_view walk_to_root(std::size_t start) const {
    std::vector<bool> passed(names.size(), false);
    std::size_t at = start;
    passed[at] = true;
    while (parent[at] != kNone && !passed[parent[at]]) {
      at = parent[at];
      passed[at] = true;
    }
    return parent[at] == kNone && !part_of[at].empty() ? std::string_view(part_of[at]) : std::string_view(names[at]);
  }
};

PlaceHierarchy::PlaceHierarchy(const std::vector<Entity>& entities) {
  auto data = std::make_shared<Data>();
  const std::size_t n = entities.size();
  data->names.reserve(n);
  data->part_of.reserve(n);
  for (const Entity& entity : entities) {
    data->names.push_back(entity.name);
    data->part_of.push_back(entity.part_of);
  }
  data->index.reserve(n);
  for (std::size_t i = 0; i < n; ++i) data->index.emplace(data->names[i], i);
  data->parent.assign(n, kNone);
  for (std::size_t i = 0; i < n; ++i) {
    if (data->part_of[i].empty()) continue;
    if (const auto found = data->index.find(data->part_of[i]); found != data->index.end()) {
      data->parent[i] = found->second;
    } else {
      data->unknown_parents.push_back({i});
    }
  }
  data->find_cycles();
  data->find_roots();
  data_ = std::move(data);
}

// Linear: each entity has at most one parent, so the chains are walked once.
void PlaceHierarchy::Data::find_cycles() {
  enum : std::uint8_t { kUnseen, kOnPath, kDone };
  std::vector<std::uint8_t> state(names.size(), kUnseen);
  std::vector<std::size_t> path;
  for (std::size_t start = 0; start < names.size(); ++start) {
    path.clear();
    std::size_t at = start;
    while (at != kNone && state[at] == kUnseen) {
      state[at] = kOnPath;
      path.push_back(at);
      at = parent[at];
    }
    if (at != kNone && state[at] == kOnPath) {
      // The cycle is the path from `at` on; given from its first-defined entity.
      const auto first = std::find(path.begin(), path.end(), at);
      const auto earliest = std::min_element(first, path.end());
      Cycle cycle;
      cycle.entities.insert(cycle.entities.end(), earliest, path.end());
      cycle.entities.insert(cycle.entities.end(), first, earliest);
      cycle.entities.push_back(*earliest);
      cycles.push_back(std::move(cycle));
    }
    for (std::size_t k : path) state[k] = kDone;
  }
}

// Each chain is walked once: a root found is shared by everything below it.
void PlaceHierarchy::Data::find_roots() {
  const std::size_t n = names.size();
  root.assign(n, {});
  std::vector<bool> done(n, false), on_path(n, false);
  std::vector<std::size_t> path;
  for (std::size_t start = 0; start < n; ++start) {
    path.clear();
    std::size_t at = start;
    while (at != kNone && !done[at] && !on_path[at]) {
      on_path[at] = true;
      path.push_back(at);
      at = parent[at];
    }
    const bool cyclic = at != kNone && on_path[at];
    std::string_view top;
    if (at != kNone && !cyclic) {
      top = root[at];
    } else if (!cyclic) {
      const std::size_t last = path.back();
      top = part_of[last].empty() ? std::string_view(names[last]) : std::string_view(part_of[last]);
    }
    for (std::size_t k : path) {
      root[k] = cyclic ? walk_to_root(k) : top;
      done[k] = true;
      on_path[k] = false;
    }
  }
}

std::string_view PlaceHierarchy::parent_of(std::string_view entity) const {
  if (!data_) return {};
  const auto found = data_->index.find(entity);
  return found == data_->index.end() ? std::string_view() : std::string_view(data_->part_of[found->second]);
}

std::string_view PlaceHierarchy::root_of(std::string_view entity) const {
  if (!data_) return entity;
  const auto found = data_->index.find(entity);
  return found == data_->index.end() ? entity : data_->root[found->second];
}

std::vector<std::string_view> PlaceHierarchy::chain(std::string_view entity) const {
  std::vector<std::string_view> out{entity};
  const std::string_view top = root_of(entity);
  const std::size_t most = data_ ? data_->names.size() + 1 : 1;  // a chain into a cycle still ends
  while (out.back() != top && out.size() <= most) {
    const std::string_view parent = parent_of(out.back());
    if (parent.empty()) break;
    out.push_back(parent);
  }
  return out;
}

const std::vector<std::pair<std::string, std::string>>& PlaceHierarchy::links() const {
  static const std::vector<std::pair<std::string, std::string>> kEmpty;
  if (!data_) return kEmpty;
  std::call_once(data_->links_once, [&] {
    for (std::size_t i = 0; i < data_->names.size(); ++i) {
      if (!data_->part_of[i].empty()) data_->links.emplace_back(data_->names[i], data_->part_of[i]);
    }
    std::sort(data_->links.begin(), data_->links.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  });
  return data_->links;
}

const std::vector<PlaceHierarchy::UnknownParent>& PlaceHierarchy::unknown_parents() const {
  static const std::vector<UnknownParent> kEmpty;
  return data_ ? data_->unknown_parents : kEmpty;
}

const std::vector<PlaceHierarchy::Cycle>& PlaceHierarchy::cycles() const {
  static const std::vector<Cycle> kEmpty;
  return data_ ? data_->cycles : kEmpty;
}

}  // namespace crosscheck
