#include "claims/scope.h"

#include <algorithm>

#include "claims/cues.h"

namespace crosscheck::claims {

SentenceScope find_sentence_scope(const SentenceView& sentence) {
  const std::span<const Word> words = sentence.words;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    if (!in_class(words[i], kScopeWord)) continue;
    for (const CompiledCue& cue : cue_tables().scopes) {
      if (const std::size_t end = match_cue(sentence, cue, i); end != 0) {
        std::size_t reach = end;
        while (reach < words.size() && !clause_break_between(sentence, reach, reach + 1)) ++reach;
        return {cue.scope, {i, end}, reach};
      }
    }
  }
  return {};
}

bool clause_break_between(const SentenceView& sentence, std::size_t from, std::size_t to) {
  for (std::size_t k = from; k < to && k < sentence.size(); ++k) {
    const bool coordinated = in_class(sentence.words[k], kConjunction) && k > 0 && sentence.words[k - 1].text == ",";
    if (coordinated || sentence.words[k].text == ";") return true;
  }
  for (const PhraseMatch& match : sentence.matches_starting(from, to)) {
    if (match.kind == PhraseKind::verb) return true;
  }
  return false;
}

bool counts_on_top(const SentenceView& sentence, WordRange at) {
  const std::span<const Word> words = sentence.words;
  return (at.first > 0 && in_class(words[at.first - 1], kIncrement)) ||
         (at.second < words.size() && in_class(words[at.second], kIncrementAfter));
}

bool counted_at_a_facility(const SentenceView& sentence, WordRange at) {
  const std::span<const Word> words = sentence.words;
  if (at.first > 0 && in_class(words[at.first - 1], kFacilityVerb)) return true;
  constexpr std::size_t kAfterReach = 6;  // "25 of the injured were hospitalised"
  for (std::size_t k = at.second; k < words.size() && k < at.second + kAfterReach; ++k) {
    // "50 people died after being hospitalised" is the toll.
    if (in_class(words[k], kClauseBoundary | kConjunction | kSubordinator)) return false;
    if (in_class(words[k], kFacilityVerb)) return true;
  }
  return false;
}

Scope cue_scope(const SentenceView& sentence, const SentenceScope& scope, WordRange at) {
  if (scope.scope == Scope::story) return Scope::story;
  const std::span<const Word> words = sentence.words;
  if (at.first >= scope.cue.second) {
    if (at.first >= scope.reach) return Scope::story;
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
  if (clause_break_between(sentence, at.second, scope.cue.first)) return Scope::story;
  return scope.scope;
}

}  // namespace crosscheck::claims
