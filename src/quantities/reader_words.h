// The quantities reader's own small word roles: the function words it asks
// about by name while reading a figure ("and" inside a number, "a" in "half
// a dozen", "of" in "tens of thousands"). What each role means is fixed in
// C++; its words are the language pack's `reader_words` section
// (rules/lexicon/en/reader.yaml for English). A word may have several roles;
// all of them are one bit mask, found with one lookup behind a filter of
// first bytes, so most words are answered without a hash. Private to
// src/quantities/ (and the pack's loader, which checks the role names).
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/packed_word_map.h"

namespace crosscheck::quantities {

enum ReaderRole : std::uint64_t {
  // number_words.cc
  kOneArticle = 1ull << 0,       // "a", "an": one, in "a hundred", "an eighth"
  kHalfWord = 1ull << 1,         // "half": "half a million", "more than half"
  kQuarterWord = 1ull << 2,      // "quarter": "quarter million"
  kNumberAnd = 1ull << 3,        // "and" inside a number: "one hundred and six", "one and a half"
  kFractionArticle = 1ull << 4,  // "a" in "half a dozen", "two thirds of a million", "a few hundred"
  kNotHalfNext = 1ull << 5,      // "half an hour", "half way", "half time", "half past": no count
  kNotHalfPrevious = 1ull << 6,  // "and half", "this half", "each half": no count
  kAmountOf = 1ull << 7,         // "of" in "two thirds of a million", "tens of thousands", "scores of"
  kDecimalPoint = 1ull << 8,     // "point" in "nine point nought four"
  kOrdinalFirst = 1ull << 9,     // "first(s)": a denominator of 1 in "twenty-first"
  kOrdinalSecond = 1ull << 10,   // "second(s)": a denominator of 2 in "thirty-seconds"
  kOneWord = 1ull << 11,         // "one": alone, maybe a pronoun (not_a_figure.cc)
  kSeveralWord = 1ull << 12,     // "several hundred"
  kFewWord = 1ull << 13,         // "a few hundred"
  kScalePlural = 1ull << 14,     // "tens of thousands": a plural scale an amount's "of" may count
  kVagueNotAlone = 1ull << 15,   // "tens": an amount only before "of" ("tens of thousands")
  kVagueNeedsOf = 1ull << 16,    // "scores": an amount only before "of" ("scores of people")
  // not_a_figure.cc
  kCountsYear = 1ull << 17,           // "2023 percent": after four digits, a count, not a year
  kTimeInitial = 1ull << 18,          // "3 p.m.", "10 a.m.": a letter and a dot after digits, a time
  kAgeWord = 1ull << 19,              // "aged 12": an age
  kLowerCaseIdentifier = 1ull << 20,  // "page 4", "no. 5": an identifier word that needs no capital
  kPronounOneBefore = 1ull << 21,     // "the one", "each one": "one" is a pronoun
  kPronounOneAfter = 1ull << 22,      // "one of", "one who": "one" is a pronoun
  kMinusWord = 1ull << 23,            // "minus one", "negative 5": a sign in words
  // figure_assembly.cc
  kPercentOfWord = 1ull << 24,  // "percent of 10": a share of what follows (with kAmountOf)
  kPerWord = 1ull << 25,        // "per cent of 10": the two words of a percent (with kCentWord)
  kCentWord = 1ull << 26,
  kBetweenWord = 1ull << 27,    // "between 3 and 5": opens a range joined by kBetweenJoiner
  kFromWord = 1ull << 28,       // "from 10 to 12": opens a range joined by kRangeJoiner
  kBetweenJoiner = 1ull << 29,  // "and" after "between 3"
  kRangeJoiner = 1ull << 30,    // "to", "through", "thru": "18,000 to 20,000"
  kRatioOut = 1ull << 31,       // "one out of three" (with kAmountOf)
  kRatioOver = 1ull << 32,      // "2000 over 3"
  kRatioIn = 1ull << 33,        // "1 in twenty-one"
  kPlusWord = 1ull << 34,       // "35,000-plus": at least
  kThanWord = 1ull << 35,       // "5000 or less than 6000": the qualifier opens the next figure
  kNoNextFigure = 1ull << 36,   // "or more a day": a number word that opens no next figure
  // figure_suffix.cc
  kCountryWithoutCode = 1ull << 37,  // "5 US dollars": a country word before a currency word, its own code
  kSquareWord = 1ull << 38,          // "190 square kilometres", "5 sq. km"
  kCentsJoiner = 1ull << 39,         // "thirteen dollars and forty-five cents"
  kAfterCents = 1ull << 40,          // "15 dollars 50 and more": a word after cents without their unit
  kNounOf = 1ull << 41,              // "hundreds of people", "5,000 of the homes"
  kNounOfArticle = 1ull << 42,       // "the" in "5,000 of the homes"
  kNounStop = 1ull << 43,            // "5 of", "5 and": no counted noun after these
  // digits.cc (the number words "and" is kNumberAnd there too)
  kTimesWord = 1ull << 44,       // "5 x 10^6"
  kGluedOnlyScale = 1ull << 45,  // "3b" is 3 billion, "3 b" is not
  kOneNumerator = 1ull << 46,    // "3 million and a half", "and one quarter": a numerator of one
  // intervals.cc
  kBoundJoiner = 1ull << 47,  // "at least 5 and at most 9", "but": two bounds of one figure
  // not_a_figure.cc
  kAgeNoun = 1ull << 48,          // "her son, 4, was killed": an age between commas after one
  kYearPreposition = 1ull << 49,  // "since at least 2005": a year even with a qualifier
  // figure_suffix.cc
  kUnitBefore = 1ull << 50,  // "magnitude 6.1": the word before gives the number its unit
  kQuakeNoun = 1ull << 51,   // "a 9.1 temblor": a decimal below ten before one is a magnitude
  // figure_assembly.cc: a change and the level it reaches
  kChangeWord = 1ull << 52,   // "rose 0.4% to 3.2%", "by $43bn to $419bn": a change, then a level
  kRiseWord = 1ull << 53,     // "inching back up to 4.8%": before "up to", the direction of a rise, no bound
  kChangeBy = 1ull << 54,     // "increased by $43.6bn to $419.2bn": after a change word, the change's amount
  kRangeOpener = 1ull << 55,  // "a recovery of 95 pct to 96 pct": before percent "to" percent, a range
  // figure_suffix.cc
  kMoneyNoun = 1ull << 56,  // "500 million pounds of aid": after a unit that is also a currency and "of", money
  // not_a_figure.cc: model names
  kModelWord = 1ull << 57,  // "737 MAX 8", "787 Dreamliner": capitalized, around a number, a model's name
  kMakerWord = 1ull << 58,  // "Boeing 737-800": capitalized, before a number, a maker naming its model
};

// The roles' names in a language pack ("one_articles" for kOneArticle),
// which load_language_pack() accepts, and their bits.
struct ReaderRoleName {
  std::string_view name;
  ReaderRole role;
};
const std::vector<ReaderRoleName>& reader_role_names();

// The roles of each word of a pack's `reader_words`.
class ReaderWords {
 public:
  void add(std::string_view word, std::uint64_t roles) {
    if (word.empty()) return;
    *table_.insert(word) |= roles;
    firsts_[static_cast<unsigned char>(word[0])] |= roles;
  }
  // Whether the lower-cased word `lower` has any of `roles`. Inline: the
  // reader asks at most figures.
  bool has(std::string_view lower, std::uint64_t roles) const {
    if (lower.empty() || !(firsts_[static_cast<unsigned char>(lower[0])] & roles)) return false;
    const std::uint64_t* found = table_.find(lower);
    return found && (*found & roles);
  }

 private:
  WordTable<std::uint64_t> table_;
  std::array<std::uint64_t, 256> firsts_{};  // the roles of the words starting with each byte
};

// The reader words of the pack in use, built on first use of a pack.
const ReaderWords& reader_words();

}  // namespace crosscheck::quantities
