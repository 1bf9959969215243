// The metric of a figure: what it measures ("deaths", "injuries"), from the
// lexicon's metric words near it. Private to src/claims/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "claims/sentence_view.h"
#include "crosscheck/lexicon.h"
#include "crosscheck/quantities.h"

namespace crosscheck::claims {

// The figures of one sentence by their words, in the order read.
struct SentenceFigures {
  std::vector<WordRange> words;
  bool in_order = true;  // their words are in text order (they always should be)
};

// The lexicon metric id of `figure` at words `at` of `sentence`, whose
// figures are `figures`; empty when no metric word is near enough or the
// nearest belongs to another figure.
std::string find_metric(const SentenceView& sentence, const Lexicon& lexicon, WordRange at, const Quantity& figure,
                        const SentenceFigures& figures);

// Whether the metric `id` counts people: its lexicon unit is "people".
bool counts_people(const Lexicon& lexicon, std::string_view id);

// Whether `figure` may be a count of people: not negative, with no unit or
// one a count of people is given in ("people", a share: "%", "pp"), and no
// counted noun that names things. A magnitude, a distance or a sum of money
// counts no one, and neither do "168 buildings", "23 countries", "55
// families" or "40 air raids".
bool may_count_people(const Figure& figure);

}  // namespace crosscheck::claims
