// What stretch of events a figure counts (DESIGN.md, claims: scope): the
// story's running count, one incident apart from it, one day's, or a part
// counted on top of a figure given elsewhere. Figures of different scopes
// are not compared. Private to src/claims/.
#pragma once

#include <string_view>

#include "claims/sentence_view.h"
#include "crosscheck/claims.h"

namespace crosscheck::claims {

// A sentence's scope cue (cues.yaml, scope_cues): "In a separate attack
// earlier in the day, three Palestinians were killed", "63 bodies were
// brought in over the past 24 hours".
struct SentenceScope {
  Scope scope = Scope::story;  // the cue's; the story's when the sentence has none
  WordRange cue;               // its words
  std::size_t reach = 0;       // the first word after the cue its scope does not reach
};

// Whether a new clause starts between words `from` and `to`: ", and", ";"
// or a speech verb ("Another strike killed five, the ministry said, adding
// that 35,000 have been killed": the 35,000 is not the strike's). Not "and"
// alone: "killed 170,000 in the province and tens of thousands more".
bool clause_break_between(const SentenceView& sentence, std::size_t from, std::size_t to);

SentenceScope find_sentence_scope(const SentenceView& sentence);

// Whether the figure at words `at` counts on top of another: "another 10",
// "an additional 15" (kIncrement before it), "70 others", "140 more", "four
// other people" (kIncrementAfter right after it). Whether the figure
// before it measures the same thing is the caller's to weigh.
bool counts_on_top(const SentenceView& sentence, WordRange at);

// Whether the figure at words `at` is one facility's count: a kFacilityVerb
// right before it ("We have received around 50 people") or in its clause
// after it ("25 of the injured were hospitalised").
bool counted_at_a_facility(const SentenceView& sentence, WordRange at);

// The scope of the figure at words `at`: the sentence's cue's when the cue
// comes before it (unless a total noun leads to the figure: "..., bringing
// the toll to 2,600") or soon after it in its clause ("63 bodies were
// brought in over the past 24 hours", not "2,600 were killed, including 63
// in the past 24 hours"); else the story's count.
Scope cue_scope(const SentenceView& sentence, const SentenceScope& scope, WordRange at);

}  // namespace crosscheck::claims
