// The word classes' names in the language pack (rules/lexicon/en/grammar.yaml
// for English), and their words put into the phrase index.
#include "claims/word_classes.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include "crosscheck/language.h"

namespace crosscheck::claims {

namespace {

// Each class's name in a pack: the enumerator in snake_case.
constexpr std::pair<std::string_view, WordClass> kWordClasses[] = {
    {"locative", kLocative},
    {"clause_boundary", kClauseBoundary},
    {"conjunction", kConjunction},
    {"contrast", kContrast},
    {"before_place", kBeforePlace},
    {"place_adjective", kPlaceAdjective},
    {"ends_share_base", kEndsShareBase},
    {"auxiliary", kAuxiliary},
    {"place_preposition", kPlacePreposition},
    {"place_noun", kPlaceNoun},
    {"total_noun", kTotalNoun},
    {"many_places", kManyPlaces},
    {"before_verb", kBeforeVerb},
    {"pronoun", kPronoun},
    {"clause_opener", kClauseOpener},
    {"determiner", kDeterminer},
    {"source_noun", kSourceNoun},
    {"not_in_subject", kNotInSubject},
    {"subordinator", kSubordinator},
    {"cited_thing", kCitedThing},
    {"figures_noun", kFiguresNoun},
    {"release_verb", kReleaseVerb},
    {"cue_word", kCueWord},
    {"scope_word", kScopeWord},
    {"and", kAnd},
    {"name_joiner", kNameJoiner},
    {"compass_word", kCompassWord},
    {"abroad_source", kAbroadSource},
};

}  // namespace

std::vector<std::string_view> word_class_names() {
  std::vector<std::string_view> names;
  for (const auto& [name, bit] : kWordClasses) names.push_back(name);
  return names;
}

void add_word_classes(PhraseIndex& index) {
  // A pair, not a structured binding: clang 14 (the fuzz build) cannot
  // capture a binding in the lambda below.
  for (const auto& word_class : language_pack().word_classes) {
    const auto* found = std::find_if(std::begin(kWordClasses), std::end(kWordClasses),
                                     [&](const auto& entry) { return entry.first == word_class.first; });
    if (found == std::end(kWordClasses)) continue;  // load_language_pack() reported it
    for (const std::string& word : word_class.second) index.add_to_classes(word, found->second);
  }
}

}  // namespace crosscheck::claims
