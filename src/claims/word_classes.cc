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
    {"and", kAnd},
    {"name_joiner", kNameJoiner},
    {"passive_agent", kPassiveAgent},
    {"time_preposition", kTimePreposition},
    {"of", kOf},
    {"article", kArticle},
    {"compass_word", kCompassWord},
    {"abroad_source", kAbroadSource},
    {"part_opener", kPartOpener},
    {"origin_preposition", kOriginPreposition},
    {"bearing", kBearing},
    {"citizen_noun", kCitizenNoun},
    {"increment", kIncrement},
    {"increment_after", kIncrementAfter},
    {"event_noun", kEventNoun},
    {"plain_people", kPlainPeople},
    {"facility_verb", kFacilityVerb},
    {"jurisdiction_noun", kJurisdictionNoun},
    {"copula", kCopula},
    {"province_noun", kProvinceNoun},
    {"district_noun", kDistrictNoun},
    {"town_noun", kTownNoun},
    {"country_noun", kCountryNoun},
    {"count_preposition", kCountPreposition},
    {"building_noun", kBuildingNoun},
    {"speech_verb", kSpeechVerb},
    {"saint_word", kSaintWord},
    {"tally_verb", kTallyVerb},
    {"partitive_pronoun", kPartitivePronoun},
    {"organization_noun", kOrganizationNoun},
    {"blame_verb", kBlameVerb},
    {"nationwide_word", kNationwideWord},
};

}  // namespace

std::vector<std::string_view> word_class_names() {
  std::vector<std::string_view> names;
  for (const auto& [name, bit] : kWordClasses) names.push_back(name);
  return names;
}

std::uint64_t word_class_bit(std::string_view name) {
  const auto* found = std::find_if(std::begin(kWordClasses), std::end(kWordClasses),
                                   [&](const auto& entry) { return entry.first == name; });
  return found == std::end(kWordClasses)
             ? 0u
             : static_cast<std::uint64_t>(found->second);  // unknown: load_language_pack() reported it
}

bool class_has_word(std::uint64_t bit, std::string_view lower) {
  const auto& classes = language_pack().word_classes;
  return std::any_of(classes.begin(), classes.end(), [&](const auto& named) {
    return word_class_bit(named.first) == bit &&
           std::find(named.second.begin(), named.second.end(), lower) != named.second.end();
  });
}

bool is_possessive_ending(std::string_view lower) {
  const auto& endings = language_pack().possessive_endings;
  return std::find(endings.begin(), endings.end(), lower) != endings.end();
}

bool is_person_demonym(std::string_view demonym) {
  const auto& endings = language_pack().person_demonym_endings;
  return std::any_of(endings.begin(), endings.end(), [&](const std::string& end) { return demonym.ends_with(end); });
}

void add_word_classes(PhraseIndex& index) {
  const LanguagePack& pack = language_pack();
  for (const auto& [name, words] : pack.word_classes) {
    for (const std::string& word : words) index.add_to_classes(word, word_class_bit(name));
  }
  const auto add_first_words = [&](const std::vector<LanguagePack::CuePhrase>& cues, std::uint64_t bit) {
    for (const LanguagePack::CuePhrase& cue : cues) {
      if (cue.words.empty()) continue;
      index.add_to_classes(cue.words.front(), bit);
      // An apostrophe is written two ways: see same_cue_word() (cues.h).
      if (cue.words.front() == "'") index.add_to_classes("\xE2\x80\x99", bit);
    }
  };
  add_first_words(pack.source_cues, kCueWord);
  add_first_words(pack.date_cues, kScopeWord);
  add_first_words(pack.place_cues, kScopeWord);
  add_first_words(pack.scope_cues, kScopeWord);
}

}  // namespace crosscheck::claims
