// Dates in a sentence: the day its figures stand for and the start of their
// scope. Private to src/claims/.
#pragma once

#include <optional>

#include "claims/sentence_view.h"
#include "crosscheck/ingest.h"

namespace crosscheck::claims {

// A weekday or a month, whole, abbreviated or misspelt as wire copy does
// ("Sunday", "October", "Oct", "Febuary"), not a word that merely begins
// like one ("Novosibirsk", "Marion", "Augusta", "Mayor").
bool is_weekday_or_month(const Word& word);

struct SentenceDates {
  std::optional<Date> reference_date;       // the day the figures stand for; the publication date by default
  std::optional<Date> since;                // the start of their scope ("since Oct. 7")
  std::optional<std::size_t> earlier_year;  // the word of a year before publication a cue named ("in 2004")
  std::optional<Date> year_date;            // that year's first day
  std::optional<std::size_t> since_word;    // the first "since" cue's word: "killed since the war began in 2011"
};

// The dates of `sentence`, from its words and the article's publication
// date `published` (none without it).
SentenceDates find_dates(const SentenceView& sentence, const std::optional<Date>& published);

}  // namespace crosscheck::claims
