// The subject of a figure: the subgroup a count is of ("children",
// "journalists"). Private to src/claims/.
#pragma once

#include <string>

#include "claims/sentence_view.h"
#include "crosscheck/lexicon.h"
#include "crosscheck/quantities.h"

namespace crosscheck::claims {

// The lexicon subject id of `figure` (whose words start at word `first` of
// `sentence`): its counted noun's, or that of "the number of journalists"
// just before it; empty when none.
std::string find_subject(const SentenceView& sentence, const Lexicon& lexicon, const Quantity& figure,
                         std::size_t first);

}  // namespace crosscheck::claims
