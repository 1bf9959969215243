// Words that name places, for the place steps (place.cc, main_place.cc):
// capitalized runs, their lookup in the lexicon and the gazetteer, and the
// words around them that say a run is where something happens. Private to
// src/claims/.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "claims/sentence_view.h"
#include "claims/world_places.h"

namespace crosscheck::claims {

// A capitalized run from word `first`: at most three words, ended by a
// weekday or a month; dotted initials ("U.S.") are one name.
std::size_t run_end(std::span<const Word> words, std::size_t first);

// Whether every byte of `text` is a capital letter.
bool all_capitals(std::string_view text);

// Whether the capitalized words [first, end) may name a place at all.
bool may_be_place(WorldPlaces& world, std::span<const Word> words, std::size_t first, std::size_t end);

// The words [first, end) as written, one space where the text had any.
std::string name_of(std::span<const Word> words, std::size_t first, std::size_t end);

// The place named after a comma at word `end` that says which ("Paris,
// Texas", "Bristol, Va.", with an abbreviation's period); empty when none.
std::string qualifier_after(std::span<const Word> words, std::size_t end);

// The place a capitalized run [first, end) names, and the end of its name.
struct RunPlace {
  std::optional<ResolvedPlace> place;
  std::size_t end = 0;
};

// The place the run [first, end) names (see place_names.cc), or a town the
// gazetteer does not list that the qualifier `within` places; with
// `prefixes`, a title's run may name one by its first words.
RunPlace resolve_run(WorldPlaces& world, const PlaceContext& context, std::span<const Word> words, std::size_t first,
                     std::size_t end, bool prefixes, std::string_view within = {});

// A small town or a county named by one bare word in a country neither the
// sentence nor the dateline names, and in no division the article named: no
// place ("in Congress").
bool obscure_town(const ResolvedPlace& place, const PlaceContext& context);

// Whether `place` lies in the place `within` names ("Murdochville, Quebec"; not "Georgia, Florida").
bool lies_within(WorldPlaces& world, const PlaceContext& context, const ResolvedPlace& place, std::string_view within);

// "its Murdochville, Quebec, copper mine", "in Teberebie, Ghana,": a run
// of one or two capitalized words [first, end) that the gazetteer does not
// list, after a preposition or a determiner and before a comma and the
// division or country `within`, as a town of it (WorldPlaces::unlisted).
std::optional<ResolvedPlace> unlisted_town(WorldPlaces& world, const PlaceContext& context, std::span<const Word> words,
                                           std::size_t first, std::size_t end, std::string_view within);

// Whether "'s" follows word `end`.
bool followed_by_possessive(std::span<const Word> words, std::size_t end);

// Whether word `k`, after a country's possessive, speaks for its citizens abroad ("France's foreign minister").
bool speaks_for_nationals(std::span<const Word> words, std::size_t k);

// Whether the words before word `i` say a run there is where something happens ("in", "the town of").
bool place_preposition(std::span<const Word> words, std::size_t i);

// "two French nationals were killed, the ministry said in Paris": whether
// the place at word `first` follows a speech verb (`speech_verb`, not after
// a verb of being: "deaths were reported in Rafah") and a preposition,
// where the speaker spoke, not where the figure is.
bool speaker_is_there(std::span<const Word> words, std::size_t first);

// Whether word `i` follows a total noun and "for": "the toll for Gaza",
// "the ministry's figure for Taroudant" (the place whose count it is; not
// after a number: "226 for Harris" are votes).
bool count_for_place(std::span<const Word> words, std::size_t i);

// "60 kilometres northeast of Damascus", "a town south of Marrakech": the
// place at word `i` is a point the text measures from, not where things
// happen ("in the south of France" is in France: a bearing after an article
// names a part).
bool reference_point(std::span<const Word> words, std::size_t i);

// "the Russian Embassy in Tel Aviv", "its ambassador in Israel": the place
// at word `i` is the seat of a country's mission abroad. The mission speaks
// from there of its citizens anywhere in the country ("said two Russians
// were killed"): for a figure it says no more than its country, as a
// reference point does. A story about the mission itself is still the
// seat's: the article's main place reads it as any other place.
bool mission_seat(std::span<const Word> words, std::size_t i);

// reference_point() or mission_seat(): a place that gives a figure no more than its country.
inline bool country_only(std::span<const Word> words, std::size_t i) {
  return reference_point(words, i) || mission_seat(words, i);
}

// Notes that the article said something happened in `place` ("in Gaza").
void note_located(PlaceContext& context, const ResolvedPlace& place);

}  // namespace crosscheck::claims
