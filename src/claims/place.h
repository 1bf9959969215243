// The place of a figure: a lexicon entity or a place the lexicon does not
// know ("in Hatay") near it, else the article's main place. Private to
// src/claims/.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "claims/sentence_view.h"
#include "claims/world_places.h"
#include "crosscheck/lexicon.h"
#include "crosscheck/quantities.h"

namespace crosscheck::claims {

// A run of capitalized words after "in", "across", "the town of"...
// that names no lexicon entity or authority, and that the gazetteer knows.
struct UnknownPlace {
  std::size_t first = 0, last = 0;  // word indices, [first, last)
  bool after_place_noun = false;    // "the town of Jayrud"
  ResolvedPlace place;
  bool label = false;         // "Albania 10 (9)": a table's label, the place of the figure right after it only
  bool country_only = false;  // "north-east of Damascus": the country of a place measured from, no more
  bool keeps_count = false;   // "Chichaoua recorded 202 deaths": the subject of a tally verb, not a source
};

// What a sentence says of places, for all of its figures.
struct SentencePlaces {
  std::vector<UnknownPlace> unknown;  // in text order
  bool several = false;               // "the combined toll", "in both countries": not the main place's
};

// The places of `sentence`; `context` gets the countries it names (for
// choosing among namesakes) and the article's countries grow by them.
SentencePlaces find_places(const SentenceView& sentence, WorldPlaces& world, PlaceContext& context);

// The dateline's country is the one "across the country" refers to until
// the text places something in another ("ANKARA, Turkey (AP) - The death
// toll in the country climbed to 3,400").
void note_dateline(WorldPlaces& world, PlaceContext& context, const ResolvedPlace& dateline);

// The country `place` lies in (the root of its chain), resolved; none for a
// country, a place with no parents, or a root that is no country of its own.
std::optional<ResolvedPlace> country_of_place(WorldPlaces& world, const PlaceContext& context,
                                              const ResolvedPlace& place);

// The article's main place's divisions are named for the sentences after
// it: a small town in one is a place (obscure_town()). Known once the main
// place is worked out, on the first figure that needs it.
void note_main_place(PlaceContext& context, const ResolvedPlace& main);

// The place `figure` at words `at` of `sentence` names.
struct FoundPlace {
  std::optional<ResolvedPlace> place;  // a lexicon entity or a gazetteer place near the figure
  bool label = false;                  // `place` is a table's label: it places this figure only
  // `place` is only the country of a place measured from ("a town north-east
  // of Damascus"), or a place named as its event's modifier ("in Indonesia
  // quake"): a place the paragraph or the article names in it is more precise.
  bool country_only = false;
  // `place` is named as its source's ("Miami-Dade County Mayor", "Surfside
  // officials"): where the source speaks for, which a place the paragraph or
  // the article names inside it makes more precise.
  bool jurisdiction = false;
  // The place whose people the counted noun names ("40 Palestinians",
  // "30 Israeli civilians"): the figure's place unless `place` lies in it,
  // or the paragraph's or article's place does.
  std::optional<ResolvedPlace> people;
  // `people` is where they come from ("18 from Thailand"): the figure's
  // place is the paragraph's or the article's unless that lies outside it.
  bool origin = false;
  // The country a count of soldiers names ("five Israeli soldiers", "13 U.S.
  // troops"): their army's, which is where they were only at home.
  std::optional<ResolvedPlace> army;
};
// `forces`: the figure counts soldiers, whose country is `army`, not `place` or `people`.
FoundPlace find_place(const SentenceView& sentence, WorldPlaces& world, const SentencePlaces& places, WordRange at,
                      const Quantity& figure, bool forces);

// The place the article is about: the one its title and lead name most
// (in "in Gaza" more than in "Israel's"), else (unless a dateline places the
// story: then none, and the dateline stands) the lexicon entity the rest of
// it names most; none when it names none. Title and lead count the
// lexicon's entities and the gazetteer's places: any after "in", "across"...,
// else a country or a first-level division only (a capitalized word that is
// also some town's name is too often a person's). `names_place[s]` tells
// whether sentence `s` may name a lexicon entity (it holds one's longest word).
// The dateline (the first `dateline_end` bytes of the text) is not counted:
// it says where the story was filed, and stands on its own after the article's place.
std::optional<ResolvedPlace> main_place(ArticleWords& article, WorldPlaces& world, PlaceContext& context,
                                        const std::vector<bool>& names_place, std::size_t dateline_end);

}  // namespace crosscheck::claims
