// The place of a figure: a lexicon entity or a place the lexicon does not
// know ("in Hatay") near it, else the article's main place. Private to
// src/claims/.
#pragma once

#include <string>
#include <vector>

#include "claims/sentence_view.h"
#include "crosscheck/lexicon.h"
#include "crosscheck/quantities.h"

namespace crosscheck::claims {

// A run of capitalized words after "in", "across", "the town of"...
// that names no lexicon entity or authority.
struct UnknownPlace {
  std::size_t first = 0, last = 0;  // word indices, [first, last)
  bool after_place_noun = false;    // "the town of Jayrud"
};

// What a sentence says of places, for all of its figures.
struct SentencePlaces {
  std::vector<UnknownPlace> unknown;  // in text order
  bool several = false;               // "the combined toll", "in both countries": not the main place's
};

SentencePlaces find_places(const SentenceView& sentence);

// The place `figure` at words `at` of `sentence` names: an entity name or an
// unknown place as written; empty when none is near enough (then the
// article's main place stands, unless places.several).
std::string find_place(const SentenceView& sentence, const Lexicon& lexicon, const SentencePlaces& places, WordRange at,
                       const Quantity& figure);

// The entity the article is about: the one its title and lead name most
// (in "in Gaza" more than in "Israel's"), else the one the rest of it names
// most; empty when it names none. `names_place[s]` tells whether sentence
// `s` may name one (it holds a place's longest word).
std::string main_place(ArticleWords& article, const Lexicon& lexicon, const std::vector<bool>& names_place);

}  // namespace crosscheck::claims
