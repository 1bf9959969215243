// Number words: units, tens, scales, dozens, fractions and vague amounts;
// and every word's roles for the tokenizer, most of which are number words.
#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "core/packed_word_map.h"
#include "quantities/vocabulary.h"

namespace crosscheck::quantities {

namespace {

using Kind = NumberWord::Kind;
using NumberWordMap = std::unordered_map<std::string_view, NumberWord>;

// Cardinals: the units and tens, "hundred", and the scales, written out or
// abbreviated.
void add_cardinals(NumberWordMap& t) {
  const std::string_view units[] = {"zero",     "one",     "two",     "three",     "four",     "five",    "six",
                                    "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
                                    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
  for (int i = 0; i < 20; ++i) t.emplace(units[i], NumberWord{Kind::unit, static_cast<double>(i)});
  t.emplace("nought", NumberWord{Kind::unit, 0});
  t.emplace("naught", NumberWord{Kind::unit, 0});
  const std::string_view tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
  for (int i = 0; i < 8; ++i) t.emplace(tens[i], NumberWord{Kind::tens, 20.0 + 10 * i});
  t.emplace("hundred", NumberWord{Kind::hundred, 100});
  for (auto [word, value] : std::initializer_list<std::pair<std::string_view, double>>{{"thousand", 1e3},
                                                                                       {"million", 1e6},
                                                                                       {"billion", 1e9},
                                                                                       {"trillion", 1e12},
                                                                                       {"lakh", 1e5},
                                                                                       {"lakhs", 1e5},
                                                                                       {"crore", 1e7},
                                                                                       {"crores", 1e7}}) {
    t.emplace(word, NumberWord{Kind::scale, value});
  }
  // Abbreviated scales: only straight after digits ("35k", "2.3bn", "10 mln").
  for (auto [word, value] : std::initializer_list<std::pair<std::string_view, double>>{{"k", 1e3},
                                                                                       {"mn", 1e6},
                                                                                       {"mln", 1e6},
                                                                                       {"mil", 1e6},
                                                                                       {"mm", 1e6},
                                                                                       {"bn", 1e9},
                                                                                       {"bln", 1e9},
                                                                                       {"b", 1e9},
                                                                                       {"tn", 1e12},
                                                                                       {"tln", 1e12},
                                                                                       {"trn", 1e12}}) {
    t.emplace(word, NumberWord{Kind::scale, value, false, true});
  }
}

// Dozens, halves and the denominators of fractions ("thirds", "quarter").
void add_fractions(NumberWordMap& t) {
  t.emplace("dozen", NumberWord{Kind::dozen, 12});
  t.emplace("dozens", NumberWord{Kind::dozen, 12, true});
  t.emplace("dz", NumberWord{Kind::dozen, 12, false, true});
  t.emplace("dzs", NumberWord{Kind::dozen, 12, true, true});
  t.emplace("doz", NumberWord{Kind::dozen, 12, false, true});
  t.emplace("dozs", NumberWord{Kind::dozen, 12, true, true});
  t.emplace("half", NumberWord{Kind::half, 2});
  t.emplace("halves", NumberWord{Kind::denominator, 2, true});
  for (auto [word, value] : std::initializer_list<std::pair<std::string_view, double>>{{"third", 3},
                                                                                       {"fourth", 4},
                                                                                       {"quarter", 4},
                                                                                       {"fifth", 5},
                                                                                       {"sixth", 6},
                                                                                       {"seventh", 7},
                                                                                       {"eighth", 8},
                                                                                       {"ninth", 9},
                                                                                       {"tenth", 10},
                                                                                       {"eleventh", 11},
                                                                                       {"twelfth", 12},
                                                                                       {"twentieth", 20},
                                                                                       {"thirtieth", 30},
                                                                                       {"hundredth", 100},
                                                                                       {"thousandth", 1e3},
                                                                                       {"millionth", 1e6},
                                                                                       {"billionth", 1e9},
                                                                                       {"trillionth", 1e12}}) {
    t.emplace(word, NumberWord{Kind::denominator, value});
  }
  for (auto [word, value] : std::initializer_list<std::pair<std::string_view, double>>{{"thirds", 3},
                                                                                       {"fourths", 4},
                                                                                       {"quarters", 4},
                                                                                       {"fifths", 5},
                                                                                       {"sixths", 6},
                                                                                       {"sevenths", 7},
                                                                                       {"eighths", 8},
                                                                                       {"ninths", 9},
                                                                                       {"tenths", 10},
                                                                                       {"elevenths", 11},
                                                                                       {"twelfths", 12},
                                                                                       {"twentieths", 20},
                                                                                       {"thirtieths", 30},
                                                                                       {"hundredths", 100},
                                                                                       {"thousandths", 1e3},
                                                                                       {"millionths", 1e6},
                                                                                       {"billionths", 1e9},
                                                                                       {"trillionths", 1e12}}) {
    t.emplace(word, NumberWord{Kind::denominator, value, true});
  }
}

// Every number word, built once; the lookups below index it.
const NumberWordMap& number_words() {
  static const auto* table = [] {
    auto* t = new NumberWordMap;
    add_cardinals(*t);
    add_fractions(*t);
    return t;
  }();
  return *table;
}

}  // namespace

const NumberWord* find_number_word(std::string_view lower) {
  static const WordTable<const NumberWord*>* table = [] {
    auto* t = new WordTable<const NumberWord*>;
    for (const auto& [word, entry] : number_words()) t->add(word, &entry);
    return t;
  }();
  const NumberWord* const* found = table->find(lower);
  return found ? *found : nullptr;
}

bool find_vague_amount(std::string_view lower, double& low, double& high) {
  static const WordTable<std::pair<double, double>> table = {
      {"dozens", {24, 100}},     {"hundreds", {200, 1000}}, {"thousands", {2000, 10000}}, {"millions", {2e6, 1e7}},
      {"billions", {2e9, 1e10}}, {"tens", {20, 100}},       {"scores", {40, 100}},
  };
  const std::pair<double, double>* found = table.find(lower);
  if (!found) return false;
  low = found->first;
  high = found->second;
  return true;
}

// Built from the number words above, with the other words a figure can
// start at.
const PackedWordMap<std::uint8_t>& word_roles() {
  static const PackedWordMap<std::uint8_t>* table = [] {
    auto* t = new PackedWordMap<std::uint8_t>;
    const auto add = [t](std::string_view word, std::uint8_t role) {
      if (std::uint8_t* roles = t->insert(word)) *roles |= role;
    };
    for (const auto& [word, entry] : number_words()) {
      add(word, entry.suffix ? kNumberWord : kStartsFigure | kNumberLike | kNumberWord);
    }
    for (std::string_view word : {"dozens", "hundreds", "thousands", "millions", "billions", "tens", "scores"}) {
      add(word, kStartsFigure | kNumberLike);
    }
    for (std::string_view word :
         {"between", "from", "minus", "negative", "percent", "percents", "per", "several", "a",   "an",  "us",
          "usd",     "c",    "cad",   "hk",       "hkd",     "nz",       "nzd", "mex",     "mxn", "aud", "eur",
          "gbp",     "jpy",  "cny",   "chf",      "inr",     "sek",      "rmb", "try",     "ils", "rub"}) {
      add(word, kStartsFigure);
    }
    for (std::string_view word : {"http", "https", "ftp", "www"}) add(word, kOpensAddress);
    for (std::string_view word : {"at",      "no",        "not",     "more",          "over",
                                  "upwards", "upward",    "in",      "above",         "exceeding",
                                  "exceed",  "exceeds",   "surpass", "surpassing",    "greater",
                                  "larger",  "bigger",    "higher",  "well",          "just",
                                  "north",   "nearly",    "almost",  "close",         "approaching",
                                  "nigh",    "about",     "around",  "approximately", "roughly",
                                  "some",    "estimated", "circa",   "approx",        "on",
                                  "of",      "up",        "as",      "less",          "smaller",
                                  "lower",   "equal",     "fewer",   "under",         "below",
                                  "exactly", "precisely", "equals",  "equaling",      "equalling"}) {
      if (prefix_qualifiers(word)) add(word, kStartsFigure);
    }
    return t;
  }();
  return *table;
}

}  // namespace crosscheck::quantities
