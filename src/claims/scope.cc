#include "claims/scope.h"

#include <algorithm>

#include "claims/cues.h"

namespace crosscheck::claims {

SentenceScope find_sentence_scope(const SentenceView& sentence) {
  const std::span<const Word> words = sentence.words;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    if (!in_class(words[i], kScopeWord)) continue;
    for (const CompiledCue& cue : cue_tables().scopes) {
      if (const std::size_t end = match_cue(sentence, cue, i); end != 0) return {cue.scope, {i, end}};
    }
  }
  return {};
}

bool counts_on_top(const SentenceView& sentence, WordRange at) {
  const std::span<const Word> words = sentence.words;
  return (at.first > 0 && in_class(words[at.first - 1], kIncrement)) ||
         (at.second < words.size() && in_class(words[at.second], kIncrementAfter));
}

Scope cue_scope(const SentenceView& sentence, const SentenceScope& scope, WordRange at) {
  if (scope.scope == Scope::story) return Scope::story;
  const std::span<const Word> words = sentence.words;
  if (at.first >= scope.cue.second) {
    // "..., bringing the total to 2,600": the story's count. A few words
    // back: "the toll rose to", "a total of".
    constexpr std::size_t kTotalReach = 4;
    for (std::size_t k = std::max(at.first - std::min(at.first, kTotalReach), scope.cue.second); k < at.first; ++k) {
      if (in_class(words[k], kTotalNoun)) return Scope::story;
    }
    return scope.scope;
  }
  // After the figure: within its clause, and near it.
  constexpr std::size_t kAfterReach = 16;
  if (at.second > scope.cue.first || scope.cue.first - at.second > kAfterReach) return Scope::story;
  for (std::size_t k = at.second; k < scope.cue.first; ++k) {
    if (in_class(words[k], kClauseBoundary | kConjunction)) return Scope::story;
  }
  return scope.scope;
}

}  // namespace crosscheck::claims
