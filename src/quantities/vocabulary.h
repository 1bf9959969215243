// The words the quantities stage knows: number words, scales, qualifiers,
// units, currencies, counted nouns and the context words that make a number
// something other than a figure (months, time units, identifiers). The words
// are the language pack's (rules/lexicon/en/ for English); each is looked up
// by lower-cased word in hash tables built once per pack. Private to
// src/quantities/.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/packed_word_map.h"
#include "crosscheck/language.h"
#include "crosscheck/quantities.h"

namespace crosscheck::quantities {

struct NumberWord {
  using Kind = NumberWordKind;  // unit, tens, hundred, scale, dozen, denominator, half
  Kind kind;
  double value;
  bool plural = false;  // "thirds", "dozens"
  bool suffix = false;  // "k", "bn", "mln": only right after digits
};

/// The number word `lower` is, or null.
const NumberWord* find_number_word(std::string_view lower);

/// What a word can be at the start of a figure, from one lookup.
enum WordRole : std::uint8_t {
  kNoRole = 0,
  kStartsFigure = 1,  ///< a figure can start here: a number word, a qualifier's first word, "between", a currency code
  kNumberLike = 2,    ///< a number word or a vague amount itself
  kNumberWord = 4,    ///< in the number-word table (scale suffixes such as "bn" too)
  kOpensAddress = 8,  ///< "http", "https", "ftp", "www": may open a web address
  kWatched = 16,      ///< a word a WordWatch watches for (QuantityReader::read)
  kReaderWord = 32,   ///< has a role of its own in reader_words.h ("and", "of", "point")
};

/// The table behind word_role(), built on first use of a pack.
const PackedWordMap<std::uint8_t>& word_roles();

/// How the pack in use writes digits: its decimal and group separators.
NumberFormat number_format();

/// The roles of the lower-cased word `lower` (a bit set of WordRole). The
/// quantities reader skips every word without kStartsFigure at the cost of
/// one hash of at most 16 bytes; no allocation, no string hashing. Inline:
/// it runs for every word of the text.
inline std::uint8_t word_role(const PackedWordMap<std::uint8_t>& roles, std::string_view lower) {
  const std::uint8_t* found = roles.find(lower);
  return found ? *found : 0;
}

/// Vague amounts: "hundreds" -> [200, 1000), "thousands" -> [2000, 10000);
/// `low` and `high` set when `lower` is one. "tens" (of thousands) too.
bool find_vague_amount(std::string_view lower, double& low, double& high);

/// A qualifier phrase, as lower-cased words, and what it means.
struct QualifierPhrase {
  std::vector<std::string_view> words;
  Qualifier qualifier;
};

/// Phrases that come before a number, longest first, by their first word.
const std::vector<QualifierPhrase>* prefix_qualifiers(std::string_view first_word);

/// Phrases that follow a figure ("or more", "or so"), by their first word.
const std::vector<QualifierPhrase>* suffix_qualifiers(std::string_view first_word);

/// ISO code of a currency word or code ("dollars" -> "USD", "eur" -> "EUR"),
/// or empty.
std::string_view find_currency_word(std::string_view lower);

/// The currency of a country of one word or two before a currency word
/// ("australian" -> "AUD" in "australian dollars", "hong kong" -> "HKD"),
/// or empty; `words` is set to the words it took (0 when none).
std::string_view find_currency_country(std::string_view first, std::string_view second, std::size_t& words);

/// Whether a currency country before the currency word of `code` makes it
/// the country's own ("australian dollars": USD is shared, so AUD).
bool is_shared_currency_code(std::string_view code);

/// The scale of letters glued to digits, as written ("5M", "2MM"; with
/// `after_currency` also "$5m", "$2T"), or 0.
double glued_scale_letter(std::string_view as_written, bool after_currency);

/// The scale of one letter after a space ("10 M", "2.33 K"), or 0.
double spaced_scale_letter(std::string_view as_written);

/// ISO code of a currency sign ('$' -> "USD", U+20AC -> "EUR"), or empty.
std::string_view find_currency_sign(char32_t sign);

/// Unit symbol of a unit word ("tonnes" -> "t", "kilometres" -> "km"), or empty.
std::string_view find_unit_word(std::string_view lower);

/// Whether `lower` counts people: people, children, patients, journalists...
bool is_people_noun(std::string_view lower);

/// Whether `lower` is a plural noun of countable things news counts: trucks,
/// homes, buildings, groups...
bool is_thing_noun(std::string_view lower);

/// Whether `lower` counts what befalls people one each: deaths, injuries,
/// arrests, cases. "3,958 deaths" is a count of people.
bool is_event_noun(std::string_view lower);

/// Whether `lower` is a noun a figure counts: of people, things or events.
bool is_counted_noun(std::string_view lower);

/// Whether `as_written` ends with one of the pack's demonym endings
/// ("Palestinians", "Israelis"); the caller checks its capital and length.
bool has_demonym_ending(std::string_view as_written);

bool is_month(std::string_view lower);               // january, jan, sept, ... (not "may")
bool is_month_abbreviation(std::string_view lower);  // jan, sept: a dot after one is no sentence's end
bool is_time_unit(std::string_view lower);           // hours, days, months, years, ...
bool is_ordinal_word(std::string_view lower);        // first, second, third, tenth, ...
/// Words after which a number is a name or an identifier: "No. 5", "page 4",
/// "Resolution 2728", "version 2".
bool is_identifier_word(std::string_view lower);
/// Words that make a number before them part of an address: "10 Downing Street".
bool is_street_word(std::string_view lower);
bool is_time_word(std::string_view lower);          // "5 pm", "10 GMT": a time of day
bool is_glued_suffix(std::string_view lower);       // "4th", "1990s", "5pm": digits that are no figure
bool is_glued_only_unit(std::string_view lower);    // "TB", "hp", "pc": a unit only glued ("2TB", "5pc")
bool is_not_currency_word(std::string_view lower);  // "try", "won": currency words read as other words
bool is_minor_unit_word(std::string_view lower);    // "50 cents", "20 pence" after a currency figure
bool is_ambiguous_month(std::string_view lower);    // "may": a month only as the name "May"
bool is_verb_month(std::string_view lower);         // "march": after a number, a month only as "March"
/// Whether `as_written` starts with a verb month's name: "March", "Marches".
bool starts_with_verb_month_name(std::string_view as_written);

/// The currency a word before a currency sign names ("us" in "US$" -> USD;
/// "A" in "A$" -> AUD, with its case), or empty.
std::string_view find_currency_prefix(std::string_view lower, std::string_view as_written);

/// How many words a percent phrase starting with `first` (then `second`)
/// takes: 1 ("percent"), 2 ("per cent", "percentage points") or 0 (none);
/// `points` says whether it is percentage points.
std::size_t percent_phrase(std::string_view first, std::string_view second, bool& points);

}  // namespace crosscheck::quantities
