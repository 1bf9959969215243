// A map from short words to values for the hot paths of the quantities and
// claims stages, which look up every word of the text. Private to the library.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace crosscheck {

/// Words of up to 16 bytes packed into two 64-bit keys in an open-addressing
/// table: a lookup is two loads, a multiply and a compare, with no string
/// hashing and no allocation. Most words are rejected before that by one
/// table read: no entry has their first byte and length. Words holding a
/// NUL byte are not stored (no text word does; see Key).
template <typename Value>
class PackedWordMap {
 public:
  static constexpr std::size_t kMaxLength = 16;

  /// The value stored for `word`, value-initialized when it is new; nullptr
  /// for an empty word or one longer than kMaxLength. The pointer is valid
  /// until the next insert.
  Value* insert(std::string_view word) {
    if (!storable(word)) return nullptr;
    if (kSlotsPerEntry * (size_ + 1) > keys_.size()) grow();
    lengths_by_first_byte_[static_cast<unsigned char>(word.front())] |= 1u << word.size();
    const Key key = pack(word);
    for (std::size_t slot = hash(key);; slot = (slot + 1) & mask_) {
      if (keys_[slot].empty()) {
        keys_[slot] = key;
        ++size_;
        return &values_[slot].value;
      }
      if (keys_[slot] == key) return &values_[slot].value;
    }
  }

  const Value* find(std::string_view word) const {
    if (!storable(word)) return nullptr;
    if (!(lengths_by_first_byte_[static_cast<unsigned char>(word.front())] & (1u << word.size()))) return nullptr;
    const Key key = pack(word);
    for (std::size_t slot = hash(key);; slot = (slot + 1) & mask_) {
      if (keys_[slot] == key) return &values_[slot].value;
      if (keys_[slot].empty()) return nullptr;
    }
  }

  /// Whether the table can hold `word`: 1 to 16 bytes, and no NUL in a word
  /// of 16 (see Key).
  static bool storable(std::string_view word) {
    if (word.empty() || word.size() > kMaxLength) return false;
    return word.size() < kMaxLength || word.find('\0') == std::string_view::npos;
  }

 private:
  // The word's bytes, its length in the top bits of `high`: never all zero
  // (only a 16-byte word with seven NUL bytes could cancel the length out),
  // so an all-zero key marks an empty slot.
  struct Key {
    std::uint64_t low = 0, high = 0;
    bool empty() const { return high == 0; }
    friend bool operator==(const Key&, const Key&) = default;
  };

  // Eight slots an entry: a lookup of a word that is not there (most words
  // of a text) then nearly always stops at the first slot it reads. The
  // keys are apart from the values so that those reads stay in few cache
  // lines (the tables hold hundreds of words, not more).
  static constexpr std::size_t kSlotsPerEntry = 8;

  static Key pack(std::string_view word) {
    Key key;
    key.low = load(word.data(), std::min<std::size_t>(word.size(), 8));
    if (word.size() > 8) key.high = load(word.data() + 8, word.size() - 8);
    key.high ^= static_cast<std::uint64_t>(word.size()) << 59;
    return key;
  }

  // The `n` bytes at `p` (1 to 8) in the low bytes of a word, the rest zero,
  // by fixed-size loads: a memcpy of a variable size is a library call, and
  // this runs for most words of a text.
  static std::uint64_t load(const char* p, std::size_t n) {
    if (n >= 4) {
      std::uint32_t head, tail;  // overlapping when n < 8; the shared bytes are equal
      std::memcpy(&head, p, 4);
      std::memcpy(&tail, p + n - 4, 4);
      return head | (static_cast<std::uint64_t>(tail) << ((n - 4) * 8));
    }
    const auto byte = [p](std::size_t i) { return static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])); };
    return byte(0) | (byte(n / 2) << (n / 2 * 8)) | (byte(n - 1) << ((n - 1) * 8));
  }

  std::size_t hash(const Key& key) const {
    return static_cast<std::size_t>(((key.low ^ (key.high * 0xC2B2AE3D27D4EB4FULL)) * 0x9E3779B97F4A7C15ULL) >>
                                    (64 - bits_));
  }

  // Doubles the table.
  void grow() {
    std::vector<Key> old_keys = std::move(keys_);
    std::vector<Box> old_values = std::move(values_);
    bits_ = old_keys.empty() ? 8 : bits_ + 1;
    keys_.assign(std::size_t{1} << bits_, Key{});
    values_.assign(keys_.size(), Box{});
    mask_ = keys_.size() - 1;
    for (std::size_t k = 0; k < old_keys.size(); ++k) {
      if (old_keys[k].empty()) continue;
      std::size_t slot = hash(old_keys[k]);
      while (!keys_[slot].empty()) slot = (slot + 1) & mask_;
      keys_[slot] = old_keys[k];
      values_[slot] = std::move(old_values[k]);
    }
  }

  struct Box {  // not std::vector<bool>'s packed bits: find() hands out pointers
    Value value{};
  };
  std::vector<Key> keys_;
  std::vector<Box> values_;
  std::size_t size_ = 0;
  unsigned bits_ = 0;
  std::size_t mask_ = 0;
  std::uint32_t lengths_by_first_byte_[256] = {};  // bit n: an entry of n bytes starts with the byte
};

/// A table of words and their values (most built once from a list), looked
/// up through a PackedWordMap; the rare word it cannot hold (longer than 16
/// bytes, or empty) is kept aside and compared one by one.
template <typename Value>
class WordTable {
 public:
  WordTable(std::initializer_list<std::pair<std::string_view, Value>> entries) {
    for (const auto& [word, value] : entries) add(word, value);
  }
  WordTable() = default;

  void add(std::string_view word, const Value& value) { *insert(word) = value; }

  /// The value stored for `word`, value-initialized when it is new; valid
  /// until the next insert.
  Value* insert(std::string_view word) {
    if (Value* slot = packed_.insert(word)) return slot;
    for (auto& [long_word, value] : long_words_) {
      if (long_word == word) return &value;
    }
    return &long_words_.emplace_back(std::string(word), Value{}).second;
  }

  const Value* find(std::string_view word) const {
    if (PackedWordMap<Value>::storable(word)) return packed_.find(word);
    for (const auto& [long_word, value] : long_words_) {
      if (long_word == word) return &value;
    }
    return nullptr;
  }

 private:
  PackedWordMap<Value> packed_;
  std::vector<std::pair<std::string, Value>> long_words_;
};

/// A fixed set of words (see WordTable).
class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words) {
    for (std::string_view word : words) table_.add(word, true);
  }
  WordSet() = default;
  void add(std::string_view word) { table_.add(word, true); }
  bool contains(std::string_view word) const { return table_.find(word) != nullptr; }

 private:
  WordTable<bool> table_;
};

}  // namespace crosscheck
