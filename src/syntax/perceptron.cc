#include "syntax/perceptron.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <utility>

namespace crosscheck::syntax {

namespace {

// Model files keep weights in hundredths: EWT's dev set is scored the same as
// with thousandths, and tenths cost a few words in ten thousand (bench/README.md).
constexpr float kWeightScale = 100.0F;

}  // namespace

std::uint32_t FeatureIndex::find(std::uint64_t key) const {
  if (keys_.empty()) return kAbsent;
  const std::size_t mask = keys_.size() - 1;
  for (std::size_t slot = key & mask;; slot = (slot + 1) & mask) {
    if (keys_[slot] == key) return rows_[slot];
    if (keys_[slot] == 0) return kAbsent;
  }
}

void FeatureIndex::reserve(std::size_t keys) {
  std::size_t capacity = 16;
  while (capacity < keys * 2) capacity *= 2;
  if (capacity <= keys_.size()) return;
  std::vector<std::uint64_t> old_keys(capacity, 0);  // the new arrays, until the swap
  std::vector<std::uint32_t> old_rows(capacity, 0);
  old_keys.swap(keys_);
  old_rows.swap(rows_);
  const std::size_t mask = capacity - 1;
  for (std::size_t i = 0; i < old_keys.size(); ++i) {
    if (old_keys[i] == 0) continue;
    std::size_t slot = old_keys[i] & mask;
    while (keys_[slot] != 0) slot = (slot + 1) & mask;
    keys_[slot] = old_keys[i];
    rows_[slot] = old_rows[i];
  }
}

void FeatureIndex::grow() { reserve(keys_.empty() ? 8 : keys_.size()); }

std::uint32_t FeatureIndex::insert(std::uint64_t key) {
  if ((size_ + 1) * 2 > keys_.size()) grow();
  const std::size_t mask = keys_.size() - 1;
  for (std::size_t slot = key & mask;; slot = (slot + 1) & mask) {
    if (keys_[slot] == key) return rows_[slot];
    if (keys_[slot] == 0) {
      keys_[slot] = key;
      rows_[slot] = size_;
      return size_++;
    }
  }
}

namespace {

// The slot of `key` in an open-addressing table of slots with a `key`
// member (0: empty), or nothing.
template <class Slot>
const Slot* probe(const std::vector<Slot>& table, std::uint64_t key) {
  if (table.empty()) return nullptr;
  const std::size_t mask = table.size() - 1;
  for (std::size_t at = key & mask;; at = (at + 1) & mask) {
    if (table[at].key == key) return &table[at];
    if (table[at].key == 0) return nullptr;
  }
}

// The table at twice its size (16 slots when empty), every slot put again.
template <class Slot>
void double_table(std::vector<Slot>& table) {
  std::vector<Slot> old(table.empty() ? 16 : table.size() * 2);
  old.swap(table);
  const std::size_t mask = table.size() - 1;
  for (const Slot& slot : old) {
    if (slot.key == 0) continue;
    std::size_t at = slot.key & mask;
    while (table[at].key != 0) at = (at + 1) & mask;
    table[at] = slot;
  }
}

}  // namespace

const Weights::Slot* Weights::find(std::uint64_t key) const { return probe(slots_, key); }

const Weights::DenseSlot* Weights::find_dense(std::uint64_t key) const { return probe(dense_, key); }

void Weights::add_scores(std::span<const std::uint64_t> features, std::span<float> scores) const {
  if (dense()) {
    if (dense_.empty()) return;
    const std::size_t mask = dense_.size() - 1;
    for (const std::uint64_t feature : features) __builtin_prefetch(&dense_[feature & mask]);
    for (const std::uint64_t feature : features) {
      const DenseSlot* slot = find_dense(feature);
      if (slot == nullptr) continue;
      for (int c = 0; c < classes_; ++c) scores[static_cast<std::size_t>(c)] += static_cast<float>(slot->hundredths[c]);
    }
    return;
  }
  if (slots_.empty()) return;
  // The slots are all over a table of megabytes: ask for every one first, so
  // the memory reads overlap instead of following one another.
  const std::size_t mask = slots_.size() - 1;
  for (const std::uint64_t feature : features) __builtin_prefetch(&slots_[feature & mask]);
  for (const std::uint64_t feature : features) {
    const Slot* slot = find(feature);
    if (slot == nullptr) continue;
    const Entry* entry = entries_.data() + slot->start;
    for (std::uint32_t i = 0; i < slot->count; ++i) scores[entry[i].cls] += static_cast<float>(entry[i].hundredths);
  }
}

void Weights::grow() { double_table(slots_); }

void Weights::grow_dense() { double_table(dense_); }

void Weights::reserve(std::size_t rows, std::size_t weights) {
  if (rows > (std::size_t{1} << 30)) return;  // no model has a billion rows: let add_row grow it
  std::size_t capacity = 16;
  while (capacity < 2 * rows + 2) capacity *= 2;
  if (dense()) {
    while (dense_.size() < capacity) grow_dense();
    dense_order_.reserve(rows);
    return;
  }
  if (capacity > slots_.size()) {
    while (slots_.size() < capacity) grow();
  }
  entries_.reserve(weights);
}

void Weights::add_row(std::uint64_t key, std::span<const std::pair<std::uint16_t, float>> weights) {
  if (key == 0 || key > 0xffffffffU) return;  // not a FeatureHash
  const auto hundredths = [](float weight) {
    return static_cast<std::int16_t>(std::clamp(std::lround(weight * kWeightScale), -32767L, 32767L));
  };
  if (dense()) {
    if ((rows_ + 1) * 2 > dense_.size()) grow_dense();
    const std::size_t mask = dense_.size() - 1;
    std::size_t at = key & mask;
    for (; dense_[at].key != 0; at = (at + 1) & mask)
      if (dense_[at].key == key) return;
    DenseSlot& slot = dense_[at];
    slot.key = static_cast<std::uint32_t>(key);
    std::uint16_t order = 0;
    int listed = 0;
    for (const auto& [cls, weight] : weights) {
      if (cls >= classes_ || listed == kDenseClasses) continue;
      slot.hundredths[cls] = hundredths(weight);
      order |= static_cast<std::uint16_t>(cls << (3 + 2 * listed++));
    }
    dense_order_.emplace_back(slot.key, static_cast<std::uint16_t>(order | listed));
    ++rows_;
    return;
  }
  if ((rows_ + 1) * 2 > slots_.size()) grow();
  const std::size_t mask = slots_.size() - 1;
  std::size_t at = key & mask;
  // One probe finds the free slot or the key already there (a repeated key
  // keeps its first row).
  for (; slots_[at].key != 0; at = (at + 1) & mask)
    if (slots_[at].key == key) return;
  slots_[at] = {static_cast<std::uint32_t>(key), static_cast<std::uint32_t>(entries_.size()),
                static_cast<std::uint32_t>(weights.size())};
  // Weights stay far inside int16's range (the largest in the built-in model
  // is under 42); one beyond it is held at the edge rather than wrapped.
  for (const auto& [cls, weight] : weights) entries_.push_back({cls, hundredths(weight)});
  ++rows_;
}

void Weights::write(std::string& out) const {
  if (dense()) {
    // As the sparse rows are written: the classes each row listed, in its order.
    for (const auto& [key, order] : dense_order_) {
      const DenseSlot* slot = find_dense(key);
      fmt::format_to(std::back_inserter(out), "{:x}", key);
      for (int i = 0; i < (order & 7); ++i) {
        const int cls = (order >> (3 + 2 * i)) & 3;
        fmt::format_to(std::back_inserter(out), " {}:{}", cls, slot->hundredths[cls]);
      }
      out += '\n';
    }
    return;
  }
  std::vector<const Slot*> rows;
  for (const Slot& slot : slots_)
    if (slot.key != 0) rows.push_back(&slot);
  std::sort(rows.begin(), rows.end(), [](const Slot* a, const Slot* b) { return a->start < b->start; });
  for (const Slot* slot : rows) {
    fmt::format_to(std::back_inserter(out), "{:x}", slot->key);
    for (std::uint32_t i = slot->start; i < slot->start + slot->count; ++i)
      fmt::format_to(std::back_inserter(out), " {}:{}", entries_[i].cls, entries_[i].hundredths);
    out += '\n';
  }
}

void WeightsTrainer::add_scores(std::span<const std::uint64_t> features, std::span<float> scores) const {
  for (const std::uint64_t feature : features) {
    const std::uint32_t row = index_.find(feature);
    if (row == FeatureIndex::kAbsent) continue;
    for (const Entry& entry : rows_[row]) scores[entry.cls] += entry.weight;
  }
}

void WeightsTrainer::nudge(std::uint64_t feature, int cls, float delta) {
  const std::uint32_t row = index_.insert(feature);
  if (row == rows_.size()) {
    rows_.emplace_back();
    keys_.push_back(feature);
    updates_.push_back(0);
  }
  if (delta > 0) ++updates_[row];
  for (Entry& entry : rows_[row]) {
    if (entry.cls != cls) continue;
    entry.total += static_cast<double>(instances_ - entry.stamp) * entry.weight;
    entry.stamp = instances_;
    entry.weight += delta;
    return;
  }
  rows_[row].push_back({static_cast<std::uint16_t>(cls), delta, 0.0, instances_});
}

void WeightsTrainer::update(int truth, int guess, std::span<const std::uint64_t> features) {
  ++instances_;
  if (truth == guess) return;
  for (const std::uint64_t feature : features) {
    nudge(feature, truth, 1.0F);
    nudge(feature, guess, -1.0F);
  }
}

Weights WeightsTrainer::averaged(std::uint32_t min_updates) const {
  Weights weights(classes_);
  std::vector<std::pair<std::uint16_t, float>> row_weights;
  const double instances = instances_ > 0 ? static_cast<double>(instances_) : 1.0;
  for (std::size_t row = 0; row < rows_.size(); ++row) {
    if (updates_[row] < min_updates) continue;
    row_weights.clear();
    for (const Entry& entry : rows_[row]) {
      const double total = entry.total + static_cast<double>(instances_ - entry.stamp) * entry.weight;
      // Rounded as the model file keeps it, so a saved and loaded model decides as this one.
      const long hundredths = std::lround(total / instances * kWeightScale);
      if (hundredths != 0) row_weights.emplace_back(entry.cls, static_cast<float>(hundredths) / kWeightScale);
    }
    if (!row_weights.empty()) weights.add_row(keys_[row], row_weights);
  }
  return weights;
}

}  // namespace crosscheck::syntax
