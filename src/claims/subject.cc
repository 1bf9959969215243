#include "claims/subject.h"

#include <algorithm>
#include <cctype>

#include "claims/place_names.h"

namespace crosscheck::claims {

std::size_t past_partitive_and_copula(std::span<const Word> words, WordRange at) {
  std::size_t k = at.second;
  if (counted_as_part_of_whom(words, at)) k += 2;
  constexpr std::size_t kMostCopulas = 2;  // "were still", "have been"
  const std::size_t verbs_from = k;
  while (k < words.size() && k - verbs_from < kMostCopulas && in_class(words[k], kCopula | kBeforeVerb)) ++k;
  return k;
}

bool counted_as_part_of_whom(std::span<const Word> words, WordRange at) {
  return at.second + 1 < words.size() && in_class(words[at.second], kOf) &&
         in_class(words[at.second + 1], kPartitivePronoun);
}

std::string find_subject(const SentenceView& sentence, const Lexicon& lexicon, const Quantity& figure, WordRange at) {
  const std::size_t first = at.first;
  const std::span<const Word> words = sentence.words;
  if (!figure.noun.empty()) {
    std::string noun = figure.noun;
    for (char& c : noun) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const Subject& subject : lexicon.subjects) {
      if (std::find(subject.words.begin(), subject.words.end(), noun) != subject.words.end()) return subject.id;
    }
  }
  // "15 service members", "13 military personnel": a subgroup's name of
  // several words right after the figure (the counted noun, if any, is its
  // last word).
  if (at.second < words.size()) {
    for (const PhraseMatch& match : sentence.matches_starting(at.second, at.second + 1)) {
      if (match.kind == PhraseKind::subject) return lexicon.subjects[match.target].id;
    }
  }
  // "around 30 people seriously injured": a subgroup's name right after the counted noun.
  if (!figure.noun.empty() && at.second + 1 < words.size()) {
    for (const PhraseMatch& match : sentence.matches_starting(at.second + 1, at.second + 2)) {
      if (match.kind == PhraseKind::subject) return lexicon.subjects[match.target].id;
    }
  }
  if (!figure.noun.empty()) return {};
  // "27 pro-government fighters", "40 Iran-backed militants": a subgroup's
  // name after a hyphenated modifier, written tight ("pro", "-",
  // "government").
  std::size_t modifier_end = at.second;  // the modifier's last word
  const auto joined = [&](std::size_t i) { return i + 1 < words.size() && words[i].end == words[i + 1].begin; };
  while (modifier_end + 2 < words.size() && modifier_end < at.second + 6 && !words[modifier_end].punctuation &&
         words[modifier_end + 1].text == "-" && joined(modifier_end) && joined(modifier_end + 1) &&
         !words[modifier_end + 2].punctuation) {
    modifier_end += 2;
  }
  if (modifier_end > at.second && modifier_end + 1 < words.size() && !joined(modifier_end)) {
    for (const PhraseMatch& match : sentence.matches_starting(modifier_end + 1, modifier_end + 2)) {
      if (match.kind == PhraseKind::subject) return lexicon.subjects[match.target].id;
    }
  }
  // "51 were in critical condition", "12 of them children": a subgroup's
  // name after "of whom" or a verb of being.
  if (const std::size_t after = past_partitive_and_copula(words, at); after > at.second) {
    for (const PhraseMatch& match : sentence.matches_starting(after, after + 1)) {
      if (match.kind == PhraseKind::subject) return lexicon.subjects[match.target].id;
    }
  }
  // "13 US troops", "11 U.S. Marines", "11 US Marines": a capitalized name, then the subgroup.
  if (at.second < words.size() && words[at.second].capitalized) {
    const std::size_t after = run_end(words, at.second);
    for (const PhraseMatch& match : sentence.matches_starting(at.second, after + 1)) {
      if (match.kind == PhraseKind::subject) return lexicon.subjects[match.target].id;
    }
  }
  // No counted noun: "the number of journalists killed at 143" names the
  // subgroup a few words before the figure, in the same clause.
  const std::size_t reach = 6 + sentence.longest_match;
  for (const PhraseMatch& match : sentence.matches_starting(first > reach ? first - reach : 0, first)) {
    if (match.kind != PhraseKind::subject || match.last > first || first - match.last > 6) continue;
    bool same_clause = true;
    for (std::size_t k = match.last; k < first; ++k) {
      if (in_class(words[k], kClauseBoundary | kConjunction)) same_clause = false;
    }
    if (same_clause && match.first > 0 && in_class(words[match.first - 1], kOf)) {
      return lexicon.subjects[match.target].id;
    }
  }
  return {};
}

}  // namespace crosscheck::claims
