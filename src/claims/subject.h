// The subject of a figure: the subgroup a count is of ("children",
// "journalists"). Private to src/claims/.
#pragma once

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

}  // namespace crosscheck::claims
