// The arc labeler: once the parser has chosen each word's head, an averaged
// perceptron names the relation ("nsubj", "obl", "nummod"...) from the two
// words, their tags, the direction and length of the arc, and the function
// words around them (a "by" under the dependent, a "were" beside it).
// Labelling after parsing keeps the parser's choice among three moves, not a
// hundred; it costs a point or two of labelled attachment against a joint
// parser, which the later stages can afford.
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "syntax/syntax_parts.h"

namespace crosscheck::syntax {

namespace {

constexpr int kMaxDistance = 6;

// The words that depend on each word (the root, words.size(), included).
std::vector<std::vector<int>> children_of(std::span<const int> heads) {
  std::vector<std::vector<int>> children(heads.size() + 1);
  for (std::size_t i = 0; i < heads.size(); ++i)
    if (heads[i] >= 0) children[static_cast<std::size_t>(heads[i])].push_back(static_cast<int>(i));
  return children;
}

void labeler_features(const Words& words, std::span<const int> tags, std::span<const int> heads,
                      const std::vector<std::vector<int>>& children, std::size_t dependent,
                      std::vector<std::uint64_t>& out) {
  out.clear();
  const auto n = static_cast<int>(words.size());
  const int head = heads[dependent];
  const auto at = static_cast<int>(dependent);
  const auto word = [&](int i) { return i == n ? std::uint64_t{0x7007} : words.id[static_cast<std::size_t>(i)]; };
  const auto tag = [&](int i) {
    return i < 0 || i >= n ? (i == n ? std::uint64_t{1} : std::uint64_t{0})
                           : static_cast<std::uint64_t>(tags[static_cast<std::size_t>(i)]) + 2;
  };
  const std::uint64_t direction = head < at ? 1 : 2;
  const auto distance = static_cast<std::uint64_t>(std::min(std::abs(head - at), kMaxDistance));
  const std::uint64_t wd = word(at), td = tag(at), wh = word(head), th = tag(head);

  out.push_back(FeatureHash(1).value());
  out.push_back(FeatureHash(2).add(wd).value());
  out.push_back(FeatureHash(3).add(td).value());
  out.push_back(FeatureHash(4).add(wh).value());
  out.push_back(FeatureHash(5).add(th).value());
  out.push_back(FeatureHash(6).add(td).add(th).add(direction).value());
  out.push_back(FeatureHash(7).add(wd).add(th).add(direction).value());
  out.push_back(FeatureHash(8).add(td).add(wh).add(direction).value());
  out.push_back(FeatureHash(9).add(wd).add(wh).value());
  out.push_back(FeatureHash(10).add(td).add(th).add(direction).add(distance).value());
  out.push_back(FeatureHash(11).add(td).add(tag(at - 1)).value());
  out.push_back(FeatureHash(12).add(td).add(tag(at + 1)).value());
  out.push_back(FeatureHash(13).add(td).add(th).add(tag(at - 1)).add(tag(at + 1)).value());
  out.push_back(FeatureHash(14).add(td).add(static_cast<std::uint64_t>(children[dependent].size())).value());
  // The dependent's own children: "by" makes an agent, "'s" a possessor, a
  // preposition an oblique or a modifier.
  for (const int child : children[dependent]) {
    const std::uint64_t side = child < at ? 1 : 2;
    out.push_back(FeatureHash(20).add(tag(child)).add(td).add(side).value());
    out.push_back(FeatureHash(21).add(word(child)).add(td).add(side).value());
    out.push_back(FeatureHash(22).add(word(child)).add(th).add(direction).value());
  }
  // Its siblings: a passive auxiliary beside a subject, a subject already there.
  for (const int sibling : children[static_cast<std::size_t>(head)]) {
    if (sibling == at) continue;
    const std::uint64_t side = sibling < at ? 1 : 2;
    out.push_back(FeatureHash(30).add(word(sibling)).add(td).add(direction).value());
    out.push_back(FeatureHash(31).add(tag(sibling)).add(td).add(side).add(direction).value());
  }
  // Whether the head has a head: a clause under another, or the main one.
  if (head < n) out.push_back(FeatureHash(40).add(td).add(th).add(tag(heads[static_cast<std::size_t>(head)])).value());
}

template <typename Scorer>
int best_relation(const Scorer& scorer, const std::vector<std::uint64_t>& features, std::vector<float>& scores,
                  int root_class) {
  std::fill(scores.begin(), scores.end(), 0.0F);
  scorer.add_scores(features, scores);
  return best_class(std::span<const float>(scores), [&](int c) { return c != root_class; });
}

}  // namespace

std::vector<int> Labeler::label(const Words& words, std::span<const int> tags, std::span<const int> heads,
                                int root_class) const {
  const auto n = static_cast<int>(words.size());
  const std::vector<std::vector<int>> children = children_of(heads);
  std::vector<int> relations(words.size(), root_class);
  std::vector<std::uint64_t> features;
  std::vector<float> scores(static_cast<std::size_t>(weights.classes()));
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (heads[i] == n) continue;
    labeler_features(words, tags, heads, children, i, features);
    relations[i] = best_relation(weights, features, scores, root_class);
  }
  return relations;
}

Labeler train_labeler(std::span<const Words> sentences, std::span<const std::vector<int>> tags,
                      std::span<const std::vector<int>> heads, std::span<const std::vector<int>> relations, int classes,
                      int root_class, const PartTraining& training) {
  WeightsTrainer trainer(classes);
  std::mt19937 random(training.seed);
  std::vector<std::uint64_t> features;
  std::vector<float> scores(static_cast<std::size_t>(classes));
  for (int pass = 0; pass < training.passes; ++pass) {
    std::size_t right = 0;
    std::size_t arcs = 0;
    for (const std::size_t s : shuffled(sentences.size(), random)) {
      const auto n = static_cast<int>(sentences[s].size());
      const std::vector<std::vector<int>> children = children_of(heads[s]);
      for (std::size_t i = 0; i < sentences[s].size(); ++i) {
        if (heads[s][i] == n) continue;
        labeler_features(sentences[s], tags[s], heads[s], children, i, features);
        const int guess = best_relation(trainer, features, scores, root_class);
        trainer.update(relations[s][i], guess, features);
        right += guess == relations[s][i];
        ++arcs;
      }
    }
    report(training.progress,
           fmt::format("labeler pass {}: {:.2f}% of training arcs right", pass + 1,
                       100.0 * static_cast<double>(right) / static_cast<double>(std::max<std::size_t>(arcs, 1))));
  }
  return Labeler{trainer.averaged(training.min_updates)};
}

}  // namespace crosscheck::syntax
