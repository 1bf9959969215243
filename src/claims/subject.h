// The subject of a figure: the subgroup a count is of ("children",
// "journalists"). Private to src/claims/.
#pragma once

#include <span>
#include <string>

#include "claims/sentence_view.h"
#include "crosscheck/lexicon.h"
#include "crosscheck/quantities.h"

namespace crosscheck::claims {

// The lexicon subject id of `figure` (words `at` of `sentence`): its
// counted noun's, the subgroup named right after it past a capitalized
// name ("13 US troops", "11 U.S. Marines"), or that of "the number of
// journalists" just before it; empty when none.
std::string find_subject(const SentenceView& sentence, const Lexicon& lexicon, const Quantity& figure, WordRange at);

// Whether "of" and a partitive pronoun follow the figure at `at`: "10 of
// whom", "12 of them", a part of the figure before.
bool counted_as_part_of_whom(std::span<const Word> words, WordRange at);

// Where the words after the figure at `at` go on past "of whom" and up to
// two words of a verb (a verb of being, "also", "has": "51 were in
// critical condition", "12 of them children"); `at.second` when neither
// follows.
std::size_t past_partitive_and_copula(std::span<const Word> words, WordRange at);

}  // namespace crosscheck::claims
