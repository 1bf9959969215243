// The three parts of a syntax model (tagger, parser, labeler), each an
// averaged perceptron over its own features, and what they read of a sentence.
// Tags and relations are numbers here: indexes into the model's tables.
#pragma once

#include <cstdint>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "syntax/perceptron.h"

namespace crosscheck::syntax {

// A sentence's words as the features read them.
struct Words {
  std::vector<std::string> normal;  // lowercased, each digit 0: "1,537" is "0,000"
  std::vector<std::string> shape;   // runs collapsed: "Xx", "X.X.", "d,d", "x-x"
  std::vector<std::uint64_t> id;    // a hash of `normal`
  std::size_t size() const { return normal.size(); }
};
Words prepare_words(std::span<const std::string> words);

// Reports a line of training progress when there is somewhere to report it.
using Progress = void (*)(std::string_view line);
void report(Progress progress, const std::string& line);

// How one part is trained: passes over the sentences, the seed of their
// order, the features kept (those that moved the weights at least
// `min_updates` times) and where progress goes.
struct PartTraining {
  int passes = 10;
  std::uint32_t seed = 1;
  std::uint32_t min_updates = 1;
  Progress progress = nullptr;
};

// The order of a pass over `count` examples, drawn from `random`.
std::vector<std::size_t> shuffled(std::size_t count, std::mt19937& random);

struct Tagger {
  Weights weights;
  // Words seen often enough with one tag, tagged without scoring.
  std::unordered_map<std::string, int> dictionary;
  std::vector<int> tag(const Words& words) const;
};
Tagger train_tagger(std::span<const Words> sentences, std::span<const std::vector<int>> tags, int classes,
                    const PartTraining& training);

// Heads: the index of each word's head, words.size() for the root.
struct Parser {
  Weights weights;
  std::vector<int> parse(const Words& words, std::span<const int> tags) const;
};
Parser train_parser(std::span<const Words> sentences, std::span<const std::vector<int>> tags,
                    std::span<const std::vector<int>> heads, const PartTraining& training);
// Whether no two of a tree's arcs cross (the parser learns only from such trees).
bool projective(std::span<const int> heads);

struct Labeler {
  Weights weights;
  // Each word's relation; `root_class` for the root's children, and never for another word.
  std::vector<int> label(const Words& words, std::span<const int> tags, std::span<const int> heads,
                         int root_class) const;
};
Labeler train_labeler(std::span<const Words> sentences, std::span<const std::vector<int>> tags,
                      std::span<const std::vector<int>> heads, std::span<const std::vector<int>> relations, int classes,
                      int root_class, const PartTraining& training);

}  // namespace crosscheck::syntax
