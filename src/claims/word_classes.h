// The classes of words the claims steps ask about, one bit each. Private to
// src/claims/.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "claims/phrase_index.h"

namespace crosscheck::claims {

// Every word of a sentence is looked up once (PhraseIndex::find_all) and
// carries its bits, so that each question the steps ask is a bit test, not a
// comparison with each word of a list.
enum WordClass : std::uint64_t {
  kLocative = 1u << 0,              // "in Rafah", "across Gaza": where things happen
  kClauseBoundary = 1u << 1,        // punctuation that ends a clause-like stretch
  kConjunction = 1u << 2,           // and, or, but
  kContrast = 1u << 3,              // while, whereas
  kBeforePlace = 1u << 4,           // "the", "its", "southern": between a preposition and its place
  kPlaceAdjective = 1u << 5,        // "eastern", "besieged": more words that come before a place
  kEndsShareBase = 1u << 6,         // a verb or preposition ending "85% of the enclave's population"
  kAuxiliary = 1u << 7,             // "Israel has killed": between an agent and its verb
  kPlacePreposition = 1u << 8,      // "in Hatay": a capitalized word after it is a place
  kPlaceNoun = 1u << 9,             // "the town of Jayrud"
  kTotalNoun = 1u << 10,            // "the combined total"
  kManyPlaces = 1u << 11,           // "both countries"
  kBeforeVerb = 1u << 12,           // "officials also said", "he had said": between a subject and its verb
  kPronoun = 1u << 13,              // he, she, they, it
  kClauseOpener = 1u << 14,         // that, which, who: a subject is not looked for past it
  kDeterminer = 1u << 15,           // a, the, its: the start of a noun phrase
  kSourceNoun = 1u << 16,           // "officials", "a monitoring group": nouns that can be a source
  kNotInSubject = 1u << 17,         // words a subject before a verb does not reach past
  kSubordinator = 1u << 18,         // "after militants killed 250": a subordinate clause opens
  kCitedThing = 1u << 19,           // "citing figures from", "citing a tally by"
  kFiguresNoun = 1u << 20,          // "X's figures", "X's tally"
  kReleaseVerb = 1u << 21,          // "reported by", "released by"
  kCueWord = 1u << 22,              // the first words of the pack's source cues: read_cues() looks closer at these
  kScopeWord = 1u << 23,            // the first words of its date and place cues: so do the scope readers
  kAnd = 1u << 24,                  // "and", for WordFacts::ands
  kNameJoiner = 1u << 25,           // "al", "-": inside a name ("Abdulmenam al-Ghaithi")
  kPassiveAgent = 1u << 26,         // "was reported by the IOM": after a speech verb, it is passive
  kTimePreposition = 1u << 27,      // "officials on Sunday said": a time phrase between subject and verb
  kOf = 1u << 28,                   // "the town of Jayrud", "the number of journalists", "85% of the population"
  kArticle = 1u << 29,              // "the": left off the front of a source's name
  kCompassWord = 1u << 30,          // "Central", "Western": a division's name, but more often an adjective
  kAbroadSource = 1u << 31,         // "France's foreign minister", "Argentina's embassy": speaks for citizens abroad
  kPartOpener = 1ull << 32,         // "31 people killed, including two medics": the figure after is a part
  kOriginPreposition = 1ull << 33,  // "18 from Thailand": where the counted people come from
  kBearing = 1ull << 34,            // "60 km northeast of Damascus": a place measured from
  kCitizenNoun = 1ull << 35,        // "two of its nationals": people counted by their citizenship
  kIncrement = 1ull << 36,          // "another 10", "an additional 15": counted on top of another figure
  kIncrementAfter = 1ull << 37,     // "70 others", "140 more", "four other people": the same, after it
  kEventNoun = 1ull << 38,          // "a separate attack", "another strike": one incident
  kPlainPeople = 1ull << 39,        // "people", "persons": a counted noun that names no group
  kFacilityVerb = 1ull << 40,       // "received", "hospitalised": one clinic's count, a part of the toll
  kJurisdictionNoun = 1ull << 41,   // "officials in Miami-Dade County": whom they speak for
  kCopula = 1ull << 42,             // "32 of the 543 aboard were confirmed dead": ends the whole a part is of
  kProvinceNoun = 1ull << 43,       // "in the province": the last first-level division named
  kDistrictNoun = 1ull << 44,       // "in the district": the last second-level division named
  kTownNoun = 1ull << 45,           // "in the town": the last town named
  kCountryNoun = 1ull << 46,        // "across the country": the last country named
  kCountPreposition = 1ull << 47,   // "the figure for Taroudant": the place whose count it is
  kBuildingNoun = 1ull << 48,       // "Kabul's main mosque": a building of the place before it
  kSpeechVerb = 1ull << 49,         // "the ministry said in Paris": where the speaker spoke
  kSaintWord = 1ull << 50,          // "St. Mary's hospital": a saint's name, no place's
  kTallyVerb = 1ull << 51,          // "Chichaoua recorded 202 deaths": a place that keeps its own count
  kPartitivePronoun = 1ull << 52,   // "10 of whom remain critical": a part of the figure before
  kOrganizationNoun = 1ull << 53,   // "British Red Cross", "City Hall": an organization's name, no person's
  kBlameVerb = 1ull << 54,          // "blamed the strike on Israel": the place is an agent, not the figure's
  kNationwideWord = 1ull << 55,     // "400 shootings nationwide": a title of the whole country's story
};

// Puts the words of each class, lower-cased, into `index`: the language
// pack's (rules/lexicon/en/grammar.yaml for English), and the first words
// of its cues (cues.yaml) as kCueWord and kScopeWord.
void add_word_classes(PhraseIndex& index);

// The classes' names in a language pack ("before_place" for kBeforePlace),
// which load_language_pack() accepts; kCueWord and kScopeWord are not among
// them, since the pack's cues make them.
std::vector<std::string_view> word_class_names();

// The bit of the class named `name`, or 0.
std::uint64_t word_class_bit(std::string_view name);

inline bool in_class(const Word& word, std::uint64_t classes) { return (word.classes & classes) != 0; }

// Whether the pack lists `lower` in the class of `bit`, for a word that is
// in no sentence: a lexicon name's first word ("the military").
bool class_has_word(std::uint64_t bit, std::string_view lower);

// Whether `lower`, after an apostrophe, makes the name before it a
// possessive: "s" in "Gaza's" (grammar.yaml's possessive_endings).
bool is_possessive_ending(std::string_view lower);

// Whether `demonym` names a person and is no adjective: "Hong Konger"
// (grammar.yaml's person_demonym_endings).
bool is_person_demonym(std::string_view demonym);

}  // namespace crosscheck::claims
