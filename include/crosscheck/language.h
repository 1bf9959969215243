#pragma once

/// \file
/// A language pack: the words of one language the reader needs (number
/// words, units, currencies, qualifiers, the words around a number that make
/// it something other than a figure, month and weekday names, the function
/// words and cue phrases of the claims stage, and how digits are written),
/// read from YAML as the lexicon is.
/// What each word means (a number word's kind, a word class's question) is
/// fixed in C++; the words are data, so a second language needs a folder of
/// YAML, not code. English is built in from `rules/lexicon/en/*.yaml`:
///
///     crosscheck::DiagnosticSink diagnostics;
///     auto pack = crosscheck::load_language_pack(crosscheck::read_lexicon_dir("my-lang", diagnostics),
///                                                diagnostics);
///     if (diagnostics.error_count() == 0) crosscheck::use_language_pack(std::move(pack));

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "crosscheck/core.h"
#include "crosscheck/lexicon.h"
#include "crosscheck/quantities.h"

namespace crosscheck {

/// What a number word does in a figure (see rules/lexicon/en/numbers.yaml).
enum class NumberWordKind {
  unit,         ///< zero .. nineteen
  tens,         ///< twenty .. ninety
  hundred,      ///< hundred
  scale,        ///< thousand, million, lakh, ...: multiplies what came before
  dozen,        ///< dozen, dozens (after a number or alone)
  denominator,  ///< third(s), quarter(s): a fraction after a numerator
  half,         ///< half
};

/// How digits are written (rules/lexicon/en/locale.yaml, `number_format`):
/// "1,234.5" in English, "1.234,5" with the two swapped.
struct NumberFormat {
  char decimal = '.';  ///< between the integer and the fraction
  char group = ',';    ///< between groups of three digits
};

struct LanguagePack {
  struct NumberWord {
    std::string word;
    NumberWordKind kind;
    double value;
    bool plural = false;        ///< "thirds", "dozens"
    bool after_digits = false;  ///< "k", "bn", "mln": only straight after digits
  };
  struct VagueAmount {
    std::string word;
    double low, high;  ///< "hundreds": [200, 1000)
  };
  using Words = std::vector<std::string>;
  /// A phrase that says something of the figures near it (cues.yaml).
  struct CuePhrase {
    std::string name;            ///< written into a claim's attribution: "according to"
    Words words;                 ///< in a row, lower-case: "according", "to"
    Words next;                  ///< the word after is any of: a word class, "capitalized", "metric"
    std::string after;           ///< a word class the word before is in ("reported by")
    std::string skip;            ///< a word class of words skipped after it ("citing figures from")
    std::string date;            ///< date cues: the date after it is a "day", a "year" or "since"
    std::string scope;           ///< scope cues: the scope of the figures after it ("incident")
    bool source_before = false;  ///< the source is the phrase before it ("X's figures")
    bool known_source = false;   ///< only a source the lexicon knows ("citing the deaths of ...": none)
    bool cited = false;          ///< a quotation's speaker cites this source ("he said, citing X")
  };
  using WordMap = std::vector<std::pair<std::string, std::string>>;  // in file order
  using LetterValues = std::vector<std::pair<std::string, double>>;  // as written, in file order

  // numbers.yaml
  std::vector<NumberWord> number_words;
  std::vector<VagueAmount> vague_amounts;
  Words opens_figure;                   ///< other words a figure may start at: "between", "us" ("US$")
  Words opens_address;                  ///< "http", "www"
  LetterValues glued_scale_letters;     ///< glued to digits, as written: "5M", "2MM", "3G"
  LetterValues currency_scale_letters;  ///< glued after a currency only: "$5m", "$2T" ("5m" alone is metres)
  LetterValues spaced_scale_letters;    ///< one letter after a space: "10 M", "2.33 K"
  // qualifiers.yaml: phrases as lower-case words joined by one space
  std::vector<std::pair<std::string, Qualifier>> qualifiers_before, qualifiers_after;
  // units.yaml
  WordMap units;  ///< word -> symbol
  Words people_nouns, thing_nouns;
  Words event_nouns;        ///< "deaths", "arrests": each befalls one person, so they count people
  Words demonym_endings;    ///< "Palestinians", "Israelis": a capitalized plural counting people
  Words percent_words;      ///< "percent", "per cent": one word or two
  Words percentage_points;  ///< "percentage points": one word or two
  // currencies.yaml
  WordMap currencies;           ///< word -> ISO 4217 code
  WordMap currency_countries;   ///< one or two words -> ISO 4217 code: "swiss" CHF, "hong kong" HKD
  Words shared_currency_codes;  ///< codes a country word before them replaces: USD ("australian dollars")
  std::vector<std::pair<char32_t, std::string>> currency_signs;  ///< sign -> code
  WordMap currency_prefixes;                                     ///< before a sign: "us" ("US$") -> USD
  WordMap currency_prefixes_as_written;                          ///< the same, with its case: "A" ("A$") -> AUD
  Words not_currency_words;  ///< currency words that are mostly other words: "try", "won"
  Words minor_unit_words;    ///< "3 dollars 50 cents": the smaller unit after the main one
  Words glued_only_units;    ///< unit words read only glued to digits: "2TB" (not "1,200 TB deaths")
  // contexts.yaml
  Words time_units, ordinals, identifier_words, street_words;
  Words time_words;      ///< after a number, a time of day: "5 pm", "10 GMT"
  Words glued_suffixes;  ///< glued to digits, no figure: "4th", "1990s", "5pm"
  // calendar.yaml
  Words months;  ///< twelve, January first
  Words month_abbreviations, ambiguous_months;
  Words verb_months;  ///< after a number, a month only capitalized: "5 March", not "5 march"
  Words weekdays;     ///< seven, Sunday first, as written
  // locale.yaml: the ICU locale of sentence breaks ("en"), how digits are written
  std::string icu_locale;
  std::optional<NumberFormat> number_format;
  // cues.yaml: in file order; the first that matches a word is taken
  std::vector<CuePhrase> source_cues;  ///< "according to X": a figure's source
  std::vector<CuePhrase> date_cues;    ///< "on Sunday", "since Oct. 7": its date
  std::vector<CuePhrase> place_cues;   ///< "the combined toll", "in both countries": several places
  std::vector<CuePhrase> scope_cues;   ///< "in a separate attack": the figures after it count another incident
  // grammar.yaml: a class name (src/claims/word_classes.h) and its words
  std::vector<std::pair<std::string, Words>> word_classes;
  Words possessive_endings;      ///< after an apostrophe, a possessive: "s" ("Gaza's")
  Words person_demonym_endings;  ///< a demonym so ending names a person, no adjective: "er" ("Hong Konger")
  // reader.yaml: a role of the quantities reader (src/quantities/reader_words.h)
  // and its words: "number_and: [and]"
  std::vector<std::pair<std::string, Words>> reader_words;
};

/// The English pack built into the binary from `rules/lexicon/en/*.yaml`,
/// named by their path in the source tree. read_lexicon_dir() reads a
/// pack's folder as well.
std::vector<LexiconSource> default_language_sources();

/// Parses and validates the files of one pack, in order, into a pack; a
/// section may be split over several files. Every problem is reported to
/// `diagnostics` with its file:line:col (unknown sections and keys with a
/// "did you mean", wrong types, a word listed twice in a section, an unknown
/// kind, meaning or word class, a calendar of the wrong length, a missing or
/// malformed `icu_locale` or `number_format`, a cue's unknown key, word
/// class or date, a cue given twice); a caller
/// should not use a pack that had errors.
LanguagePack load_language_pack(const std::vector<LexiconSource>& sources, DiagnosticSink& diagnostics);

/// The pack the readers use: the built-in English unless use_language_pack()
/// was called. The readers build their lookup tables from it once, on first
/// use after it changes.
const LanguagePack& language_pack();

/// Makes `pack` the one the readers use. Call it before reading, not while
/// another thread reads: readers made earlier keep the tables they had.
void use_language_pack(LanguagePack pack);

}  // namespace crosscheck
