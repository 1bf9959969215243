// The part-of-speech tagger: greedy, left to right, each word's tag chosen by
// an averaged perceptron from the word, its affixes and shape, its
// neighbours, and the two tags just chosen (Collins 2002; the feature set
// follows Ratnaparkhi 1996 in spirit, smaller).
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "syntax/syntax_parts.h"

namespace crosscheck::syntax {

namespace {

// A word needs this many sightings, nearly all with one tag, to be looked up
// rather than scored (a speed-up that costs EWT dev no accuracy).
constexpr int kDictionaryMinCount = 20;
constexpr double kDictionaryMinShare = 0.97;

constexpr int kNoTag = -1;
constexpr std::uint64_t kNoWord = 0x5eed;  // before the first word and after the last

std::string_view suffix(std::string_view word, std::size_t length) {
  return word.size() > length ? word.substr(word.size() - length) : word;
}

enum Template : std::uint32_t {
  kBias = 1,
  kWord,
  kSuffix3,
  kSuffix2,
  kPrefix1,
  kShape,
  kFirstShape,
  kTag1,
  kTag2,
  kTag1Tag2,
  kTag1Word,
  kWordBefore,
  kSuffixBefore,
  kWordBefore2,
  kWordAfter,
  kSuffixAfter,
  kWordAfter2,
  kWordAfterWord,
  kSuffix1,
  kSuffix4,
  kPrefix3,
  kWordBeforeWord,
  kShapeBefore,
  kShapeAfter,
  kTag1ShapeSuffix,
};

void tagger_features(const Words& words, std::size_t i, int tag1, int tag2, std::vector<std::uint64_t>& out) {
  out.clear();
  const std::string& word = words.normal[i];
  const auto id_at = [&](std::ptrdiff_t at) {
    return at < 0 || at >= static_cast<std::ptrdiff_t>(words.size()) ? kNoWord : words.id[static_cast<std::size_t>(at)];
  };
  const auto at = static_cast<std::ptrdiff_t>(i);
  out.push_back(FeatureHash(kBias).value());
  out.push_back(FeatureHash(kWord).add(words.id[i]).value());
  out.push_back(FeatureHash(kSuffix3).add(suffix(word, 3)).value());
  out.push_back(FeatureHash(kSuffix2).add(suffix(word, 2)).value());
  out.push_back(FeatureHash(kPrefix1).add(std::string_view(word).substr(0, 1)).value());
  out.push_back(FeatureHash(kShape).add(words.shape[i]).value());
  if (i == 0) out.push_back(FeatureHash(kFirstShape).add(words.shape[i]).value());
  out.push_back(FeatureHash(kTag1).add(static_cast<std::uint64_t>(tag1 + 1)).value());
  out.push_back(FeatureHash(kTag2).add(static_cast<std::uint64_t>(tag2 + 1)).value());
  out.push_back(FeatureHash(kTag1Tag2)
                    .add(static_cast<std::uint64_t>(tag1 + 1))
                    .add(static_cast<std::uint64_t>(tag2 + 1))
                    .value());
  out.push_back(FeatureHash(kTag1Word).add(static_cast<std::uint64_t>(tag1 + 1)).add(words.id[i]).value());
  out.push_back(FeatureHash(kWordBefore).add(id_at(at - 1)).value());
  out.push_back(FeatureHash(kWordBefore2).add(id_at(at - 2)).value());
  out.push_back(FeatureHash(kWordAfter).add(id_at(at + 1)).value());
  out.push_back(FeatureHash(kWordAfter2).add(id_at(at + 2)).value());
  out.push_back(FeatureHash(kWordAfterWord).add(words.id[i]).add(id_at(at + 1)).value());
  out.push_back(FeatureHash(kSuffix1).add(suffix(word, 1)).value());
  out.push_back(FeatureHash(kSuffix4).add(suffix(word, 4)).value());
  out.push_back(FeatureHash(kPrefix3).add(std::string_view(word).substr(0, 3)).value());
  out.push_back(FeatureHash(kWordBeforeWord).add(id_at(at - 1)).add(words.id[i]).value());
  out.push_back(FeatureHash(kTag1ShapeSuffix)
                    .add(static_cast<std::uint64_t>(tag1 + 1))
                    .add(words.shape[i])
                    .add(suffix(word, 2))
                    .value());
  if (i > 0) out.push_back(FeatureHash(kShapeBefore).add(words.shape[i - 1]).add(words.shape[i]).value());
  if (i + 1 < words.size()) out.push_back(FeatureHash(kShapeAfter).add(words.shape[i + 1]).add(words.shape[i]).value());
  if (i > 0) out.push_back(FeatureHash(kSuffixBefore).add(suffix(words.normal[i - 1], 3)).value());
  if (i + 1 < words.size()) out.push_back(FeatureHash(kSuffixAfter).add(suffix(words.normal[i + 1], 3)).value());
}

// Tags a sentence with `score` (a Weights or a WeightsTrainer), calling
// `learn(word, features, guess)` after each choice when training.
template <typename Scorer, typename Learn>
std::vector<int> tag_with(const Scorer& scorer, const std::unordered_map<std::string, int>& dictionary,
                          const Words& words, Learn learn) {
  std::vector<int> tags(words.size(), kNoTag);
  std::vector<std::uint64_t> features;
  std::vector<float> scores(static_cast<std::size_t>(scorer.classes()));
  int tag1 = kNoTag;
  int tag2 = kNoTag;
  for (std::size_t i = 0; i < words.size(); ++i) {
    int guess = kNoTag;
    if (const auto known = dictionary.find(words.normal[i]); known != dictionary.end()) {
      guess = known->second;
    } else {
      tagger_features(words, i, tag1, tag2, features);
      std::fill(scores.begin(), scores.end(), 0.0F);
      scorer.add_scores(features, scores);
      guess = best_class(std::span<const float>(scores), [](int) { return true; });
      learn(i, features, guess);
    }
    tags[i] = guess;
    tag2 = tag1;
    tag1 = guess;
  }
  return tags;
}

}  // namespace

std::vector<int> Tagger::tag(const Words& words) const {
  return tag_with(weights, dictionary, words, [](std::size_t, const std::vector<std::uint64_t>&, int) {});
}

Tagger train_tagger(std::span<const Words> sentences, std::span<const std::vector<int>> tags, int classes,
                    const PartTraining& training) {
  Tagger tagger;
  std::unordered_map<std::string, std::map<int, int>> counts;
  for (std::size_t s = 0; s < sentences.size(); ++s)
    for (std::size_t i = 0; i < sentences[s].size(); ++i) ++counts[sentences[s].normal[i]][tags[s][i]];
  for (const auto& [word, by_tag] : counts) {
    int total = 0;
    auto best = by_tag.begin();
    for (auto it = by_tag.begin(); it != by_tag.end(); ++it) {
      total += it->second;
      if (it->second > best->second) best = it;
    }
    if (total >= kDictionaryMinCount && best->second >= kDictionaryMinShare * total)
      tagger.dictionary.emplace(word, best->first);
  }

  WeightsTrainer trainer(classes);
  std::mt19937 random(training.seed);
  for (int pass = 0; pass < training.passes; ++pass) {
    std::size_t right = 0;
    std::size_t words = 0;
    for (const std::size_t s : shuffled(sentences.size(), random)) {
      const std::vector<int> guesses = tag_with(trainer, tagger.dictionary, sentences[s],
                                                [&](std::size_t i, const std::vector<std::uint64_t>& features,
                                                    int guess) { trainer.update(tags[s][i], guess, features); });
      for (std::size_t i = 0; i < guesses.size(); ++i) right += guesses[i] == tags[s][i];
      words += guesses.size();
    }
    report(training.progress,
           fmt::format("tagger pass {}: {:.2f}% of training words right", pass + 1,
                       100.0 * static_cast<double>(right) / static_cast<double>(std::max<std::size_t>(words, 1))));
  }
  tagger.weights = trainer.averaged(training.min_updates);
  return tagger;
}

}  // namespace crosscheck::syntax
