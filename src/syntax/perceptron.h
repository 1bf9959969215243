// The averaged perceptron the tagger, the parser and the labeler share: sparse
// weights keyed by hashed features, one weight per feature and class the
// training ever touched.
//
// A feature is a 32-bit hash of a template number and the values it reads
// (FeatureHash). Training keeps, for each weight, the running sum the average
// needs (Collins 2002, with the lazy update of Daumé's thesis); the averaged
// weights are then packed into `Weights`, which scores a set of features by
// adding the few weights each one has.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck::syntax {

// FNV-1a over the parts, with a final mix, folded to 32 bits. Part of the model format: a model
// stores these hashes, so changing it means retraining.
class FeatureHash {
 public:
  explicit FeatureHash(std::uint32_t template_id) : hash_(kOffset ^ (std::uint64_t{template_id} * kGolden)) {}
  FeatureHash& add(std::string_view text) {
    for (const unsigned char c : text) hash_ = (hash_ ^ c) * kPrime;
    hash_ = (hash_ ^ 0xffU) * kPrime;  // so "ab","c" and "a","bc" differ
    return *this;
  }
  FeatureHash& add(std::uint64_t number) {
    hash_ = (hash_ ^ number) * kGolden;
    hash_ ^= hash_ >> 29;
    return *this;
  }
  // 32 bits: a model of a million features then has a few dozen pairs that
  // share a hash, harmless, and its file is smaller by a third.
  std::uint64_t value() const {
    std::uint64_t h = hash_ * kGolden;
    h = (h ^ (h >> 32)) & 0xffffffffU;
    return h == 0 ? 1 : h;  // 0 marks an empty slot in FeatureIndex
  }

 private:
  static constexpr std::uint64_t kOffset = 0xcbf29ce484222325ULL;
  static constexpr std::uint64_t kPrime = 0x100000001b3ULL;
  static constexpr std::uint64_t kGolden = 0x9e3779b97f4a7c15ULL;
  std::uint64_t hash_;
};

// Feature hash -> row number, open addressing with linear probing.
class FeatureIndex {
 public:
  static constexpr std::uint32_t kAbsent = 0xffffffffU;
  std::uint32_t find(std::uint64_t key) const;
  // The row of `key`, given the next free row number when it is new.
  std::uint32_t insert(std::uint64_t key);
  std::uint32_t size() const { return size_; }
  void reserve(std::size_t keys);

 private:
  void grow();
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> rows_;
  std::uint32_t size_ = 0;
};

// Averaged weights, packed for lookups: one open-addressing table of slots,
// each a feature's hash and where its weights start and how many there are,
// and the weights themselves, a class and a whole number of hundredths each,
// four bytes. A lookup costs two memory reads, which is what parsing waits on.
// With four classes or fewer (the parser's three moves) the weights of every
// class sit in the slot itself, twelve bytes as before: one read a lookup.
class Weights {
 public:
  Weights() = default;
  explicit Weights(int classes) : classes_(classes) {}
  int classes() const { return classes_; }
  std::size_t rows() const { return rows_; }
  // Adds each feature's weights to `scores` (one per class), in hundredths.
  void add_scores(std::span<const std::uint64_t> features, std::span<float> scores) const;

  // Room for `rows` rows of `weights` weights in all, made at once: a
  // model is read without the tables growing (and for a moment taking twice
  // their size) as it goes.
  void reserve(std::size_t rows, std::size_t weights);
  // Building, row by row (training's end, and the model reader); weights are
  // rounded to hundredths.
  void add_row(std::uint64_t key, std::span<const std::pair<std::uint16_t, float>> weights);
  // Text: one line per row, in the order they were added, "hash class:hundredths ...".
  void write(std::string& out) const;

 private:
  struct Slot {
    std::uint32_t key = 0;  // 0: empty
    std::uint32_t start = 0;
    std::uint32_t count = 0;
  };
  struct Entry {
    std::uint16_t cls;
    std::int16_t hundredths;
  };
  static constexpr int kDenseClasses = 4;
  struct DenseSlot {
    std::uint32_t key = 0;  // 0: empty
    std::int16_t hundredths[kDenseClasses] = {};
  };
  bool dense() const { return classes_ > 0 && classes_ <= kDenseClasses; }
  const Slot* find(std::uint64_t key) const;
  const DenseSlot* find_dense(std::uint64_t key) const;
  void grow();
  void grow_dense();
  int classes_ = 0;
  std::size_t rows_ = 0;
  std::vector<Slot> slots_;
  std::vector<Entry> entries_;
  std::vector<DenseSlot> dense_;
  // The dense rows in the order added, for write(): each key and the
  // classes its row listed, in their order (count, then two bits a class).
  std::vector<std::pair<std::uint32_t, std::uint16_t>> dense_order_;
};

class WeightsTrainer {
 public:
  explicit WeightsTrainer(int classes) : classes_(classes) {}
  int classes() const { return classes_; }
  void add_scores(std::span<const std::uint64_t> features, std::span<float> scores) const;
  // One training instance: moves the weights toward `truth` and away from
  // `guess` (nothing when they are the same), and counts the instance.
  void update(int truth, int guess, std::span<const std::uint64_t> features);
  // The averages, without the features that changed the weights fewer than
  // `min_updates` times (rare ones, which the model can do without: see
  // bench/README.md), nor the weights whose average rounds to 0 in the model file.
  Weights averaged(std::uint32_t min_updates) const;

 private:
  struct Entry {
    std::uint16_t cls;
    float weight;
    double total;        // sum of the weight over the instances before `stamp`
    std::int64_t stamp;  // the instance of its last change
  };
  void nudge(std::uint64_t feature, int cls, float delta);
  int classes_;
  FeatureIndex index_;
  std::vector<std::uint64_t> keys_;
  std::vector<std::vector<Entry>> rows_;
  std::vector<std::uint32_t> updates_;  // per row: how many updates moved its weights
  std::int64_t instances_ = 0;
};

// The index of the highest score among the classes `allowed` says yes to.
template <typename Allowed>
int best_class(std::span<const float> scores, Allowed allowed) {
  int best = -1;
  for (int c = 0; c < static_cast<int>(scores.size()); ++c)
    if (allowed(c) && (best < 0 || scores[c] > scores[best])) best = c;
  return best;
}

}  // namespace crosscheck::syntax
