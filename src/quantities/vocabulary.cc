// The quantities stage's words, from the language pack in use
// (rules/lexicon/en/{numbers,qualifiers,units,currencies,contexts,calendar}.yaml
// for English): each lookup a PackedWordMap built once per pack.
#include "quantities/vocabulary.h"

#include <algorithm>
#include <array>
#include <deque>
#include <span>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "crosscheck/language.h"
#include "lexicon/pack_tables.h"
#include "quantities/reader_words.h"

namespace crosscheck::quantities {

namespace {

WordSet word_set(const LanguagePack::Words& words) {
  WordSet set;
  for (const std::string& word : words) set.add(word);
  return set;
}

WordTable<std::string_view> word_table(const LanguagePack::WordMap& words) {
  WordTable<std::string_view> table;
  for (const auto& [word, value] : words) table.add(word, value);
  return table;
}

// The phrases by their first word, the longest first; phrases of one length
// keep the pack's order.
WordTable<std::vector<QualifierPhrase>> index_by_first_word(
    std::span<const std::pair<std::string, Qualifier>> phrases) {
  std::unordered_map<std::string_view, std::vector<QualifierPhrase>> index;
  for (const auto& [text, qualifier] : phrases) {
    QualifierPhrase phrase{{}, qualifier};
    const std::string_view rest = text;
    std::size_t start = 0;
    while (start < rest.size()) {
      std::size_t space = rest.find(' ', start);
      if (space == std::string_view::npos) space = rest.size();
      phrase.words.push_back(rest.substr(start, space - start));
      start = space + 1;
    }
    index[phrase.words.front()].push_back(std::move(phrase));
  }
  WordTable<std::vector<QualifierPhrase>> table;
  for (auto& [first, list] : index) {
    std::stable_sort(list.begin(), list.end(), [](const QualifierPhrase& a, const QualifierPhrase& b) {
      return a.words.size() > b.words.size();
    });
    table.add(first, list);
  }
  return table;
}

// The first bytes of a few words: most words the reader asks about start
// with none of them, and are answered without a hash (these lookups replace
// comparisons with a few literals, made at most figures).
struct FirstBytes {
  void add(std::string_view word) {
    if (!word.empty()) bits[static_cast<unsigned char>(word[0])] = true;
  }
  bool may_start(std::string_view word) const { return !word.empty() && bits[static_cast<unsigned char>(word[0])]; }
  std::array<bool, 256> bits{};
};

// A few words: a set behind a filter of their first bytes.
struct FewWords {
  explicit FewWords(const LanguagePack::Words& words = {}) {
    for (const std::string& word : words) add(word);
  }
  void add(std::string_view word) { firsts.add(word), set.add(word); }
  bool contains(std::string_view word) const { return firsts.may_start(word) && set.contains(word); }
  FirstBytes firsts;
  WordSet set;
};

// A few words mapped to a code, behind the same filter.
struct FewCodes {
  explicit FewCodes(const LanguagePack::WordMap& words) {
    for (const auto& [word, code] : words) firsts.add(word), table.add(word, code);
  }
  std::string_view find(std::string_view word) const {
    const std::string_view* found = firsts.may_start(word) ? table.find(word) : nullptr;
    return found ? *found : std::string_view{};
  }
  FirstBytes firsts;
  WordTable<std::string_view> table;
};

// Phrases of one or two words: the single words in a set, the pairs in a
// list (a handful).
struct Phrases {
  explicit Phrases(const LanguagePack::Words& phrases) {
    for (const std::string& phrase : phrases) {
      const std::size_t space = phrase.find(' ');
      if (space == std::string::npos) {
        single.add(phrase);
        firsts.add(phrase);
      } else {
        firsts.add(phrase);
        pairs.emplace_back(std::string_view(phrase).substr(0, space), std::string_view(phrase).substr(space + 1));
      }
    }
  }
  FirstBytes firsts;  // of all the phrases
  FewWords single;
  std::vector<std::pair<std::string_view, std::string_view>> pairs;
};

struct Tables {
  explicit Tables(const LanguagePack& pack)
      : prefix_qualifiers(index_by_first_word(pack.qualifiers_before)),
        suffix_qualifiers(index_by_first_word(pack.qualifiers_after)),
        units(word_table(pack.units)),
        currencies(word_table(pack.currencies)),
        currency_countries(word_table(pack.currency_countries)),
        people_nouns(word_set(pack.people_nouns)),
        thing_nouns(word_set(pack.thing_nouns)),
        event_nouns(word_set(pack.event_nouns)),
        time_units(word_set(pack.time_units)),
        ordinals(word_set(pack.ordinals)),
        identifier_words(word_set(pack.identifier_words)),
        street_words(word_set(pack.street_words)),
        number_format(pack.number_format.value_or(NumberFormat{})),
        currency_prefixes(pack.currency_prefixes),
        currency_prefixes_as_written(pack.currency_prefixes_as_written),
        not_currency_words(pack.not_currency_words),
        minor_unit_words(pack.minor_unit_words),
        glued_only_units(pack.glued_only_units),
        time_words(pack.time_words),
        glued_suffixes(pack.glued_suffixes),
        ambiguous_months(pack.ambiguous_months),
        verb_months(pack.verb_months),
        percent_words(pack.percent_words),
        percentage_points(pack.percentage_points) {
    for (const auto& [country, code] : pack.currency_countries) {
      if (const std::size_t space = country.find(' '); space != std::string::npos) {
        currency_country_pair_firsts.add(country);
        currency_country_pairs.emplace_back(std::string_view(country).substr(0, space),
                                            std::string_view(country).substr(space + 1), code);
      }
    }
    for (const std::string& month : pack.verb_months) {
      capitalized_verb_months.push_back(month);
      capitalized_verb_months.back()[0] = static_cast<char>(month[0] & ~0x20);
    }
    for (const LanguagePack::NumberWord& w : pack.number_words) {
      number_words.add(w.word,
                       &number_word_entries.emplace_back(NumberWord{w.kind, w.value, w.plural, w.after_digits}));
    }
    for (const auto& vague : pack.vague_amounts) vague_amounts.add(vague.word, {vague.low, vague.high});
    for (const auto& [sign, code] : pack.currency_signs) {
      if (sign < 0x80) {
        ascii_currency_signs[sign] = code;
      } else {
        other_currency_signs.emplace_back(sign, code);
      }
    }
    for (const std::string& month : pack.months) {
      const auto& ambiguous = pack.ambiguous_months;
      if (std::find(ambiguous.begin(), ambiguous.end(), month) == ambiguous.end()) months.add(month);
    }
    for (const std::string& month : pack.month_abbreviations) months.add(month), abbreviated_months.add(month);
    add_roles(pack);
    for (const auto& [role_name, words] : pack.reader_words) {
      const std::string_view name = role_name;  // clang 14 cannot capture a structured binding
      const auto& names = reader_role_names();
      const auto role = std::find_if(names.begin(), names.end(), [&](const auto& r) { return r.name == name; });
      if (role == names.end()) continue;  // unknown: load_language_pack() reported it
      for (const std::string& word : words) {
        reader_words.add(word, role->role);
        if (std::uint8_t* found = roles.insert(word)) *found |= kReaderWord;
      }
    }
  }

  // Every word a figure can start at, number words or not (word_role()).
  void add_roles(const LanguagePack& pack) {
    const auto add = [this](std::string_view word, std::uint8_t role) {
      if (std::uint8_t* found = roles.insert(word)) *found |= role;
    };
    for (const LanguagePack::NumberWord& w : pack.number_words) {
      add(w.word, w.after_digits ? kNumberWord : kStartsFigure | kNumberLike | kNumberWord);
    }
    for (const auto& vague : pack.vague_amounts) add(vague.word, kStartsFigure | kNumberLike);
    for (const std::string& word : pack.opens_figure) add(word, kStartsFigure);
    for (const std::string& word : pack.opens_address) add(word, kOpensAddress);
    for (const auto& [phrase, qualifier] : pack.qualifiers_before) {
      add(std::string_view(phrase).substr(0, phrase.find(' ')), kStartsFigure);
    }
  }

  std::deque<NumberWord> number_word_entries;  // what number_words points to
  WordTable<const NumberWord*> number_words;
  WordTable<std::pair<double, double>> vague_amounts;
  PackedWordMap<std::uint8_t> roles;
  WordTable<std::vector<QualifierPhrase>> prefix_qualifiers, suffix_qualifiers;
  WordTable<std::string_view> units, currencies, currency_countries;
  // "hong kong": HKD, the currency countries of two words (a handful)
  std::vector<std::tuple<std::string_view, std::string_view, std::string_view>> currency_country_pairs;
  FirstBytes currency_country_pair_firsts;
  // Every symbol token is looked up ('.', ',', '%'): ASCII by index.
  std::string_view ascii_currency_signs[0x80] = {};
  std::vector<std::pair<char32_t, std::string_view>> other_currency_signs;
  WordSet people_nouns, thing_nouns, event_nouns, months, abbreviated_months, time_units, ordinals, identifier_words,
      street_words;
  NumberFormat number_format;
  FewCodes currency_prefixes, currency_prefixes_as_written;
  FewWords not_currency_words, minor_unit_words, glued_only_units, time_words, glued_suffixes, ambiguous_months,
      verb_months;
  std::vector<std::string> capitalized_verb_months;  // "March"
  Phrases percent_words, percentage_points;
  ReaderWords reader_words;
};

const Tables& tables() { return PackTables<Tables>::get(); }

std::string_view found_or_empty(const std::string_view* found) { return found ? *found : std::string_view{}; }

}  // namespace

const NumberWord* find_number_word(std::string_view lower) {
  const NumberWord* const* found = tables().number_words.find(lower);
  return found ? *found : nullptr;
}

bool find_vague_amount(std::string_view lower, double& low, double& high) {
  const std::pair<double, double>* found = tables().vague_amounts.find(lower);
  if (!found) return false;
  low = found->first;
  high = found->second;
  return true;
}

const PackedWordMap<std::uint8_t>& word_roles() { return tables().roles; }

const ReaderWords& reader_words() { return tables().reader_words; }

const std::vector<ReaderRoleName>& reader_role_names() {
  static const std::vector<ReaderRoleName> kNames = {
      {"one_articles", kOneArticle},
      {"half_words", kHalfWord},
      {"quarter_words", kQuarterWord},
      {"number_and", kNumberAnd},
      {"fraction_articles", kFractionArticle},
      {"not_half_next", kNotHalfNext},
      {"not_half_previous", kNotHalfPrevious},
      {"amount_of", kAmountOf},
      {"decimal_point", kDecimalPoint},
      {"ordinal_first", kOrdinalFirst},
      {"ordinal_second", kOrdinalSecond},
      {"one_words", kOneWord},
      {"several_words", kSeveralWord},
      {"few_words", kFewWord},
      {"scale_plurals", kScalePlural},
      {"vague_not_alone", kVagueNotAlone},
      {"vague_needs_of", kVagueNeedsOf},
      {"counts_after_year", kCountsYear},
      {"time_initials", kTimeInitial},
      {"age_words", kAgeWord},
      {"age_nouns", kAgeNoun},
      {"year_prepositions", kYearPreposition},
      {"unit_before", kUnitBefore},
      {"quake_nouns", kQuakeNoun},
      {"change_words", kChangeWord},
      {"rise_words", kRiseWord},
      {"change_by_words", kChangeBy},
      {"range_openers", kRangeOpener},
      {"money_nouns", kMoneyNoun},
      {"model_words", kModelWord},
      {"maker_words", kMakerWord},
      {"lower_case_identifiers", kLowerCaseIdentifier},
      {"pronoun_one_before", kPronounOneBefore},
      {"pronoun_one_after", kPronounOneAfter},
      {"minus_words", kMinusWord},
      {"percent_of_words", kPercentOfWord},
      {"per_words", kPerWord},
      {"cent_words", kCentWord},
      {"between_words", kBetweenWord},
      {"from_words", kFromWord},
      {"between_joiners", kBetweenJoiner},
      {"range_joiners", kRangeJoiner},
      {"ratio_out", kRatioOut},
      {"ratio_over", kRatioOver},
      {"ratio_in", kRatioIn},
      {"plus_words", kPlusWord},
      {"than_words", kThanWord},
      {"no_next_figure", kNoNextFigure},
      {"country_without_code", kCountryWithoutCode},
      {"square_words", kSquareWord},
      {"cents_joiners", kCentsJoiner},
      {"after_cents", kAfterCents},
      {"noun_of", kNounOf},
      {"noun_of_articles", kNounOfArticle},
      {"noun_stops", kNounStop},
      {"times_words", kTimesWord},
      {"glued_only_scales", kGluedOnlyScale},
      {"one_numerators", kOneNumerator},
      {"bound_joiners", kBoundJoiner},
  };
  return kNames;
}

NumberFormat number_format() { return tables().number_format; }

const std::vector<QualifierPhrase>* prefix_qualifiers(std::string_view first_word) {
  return tables().prefix_qualifiers.find(first_word);
}

const std::vector<QualifierPhrase>* suffix_qualifiers(std::string_view first_word) {
  return tables().suffix_qualifiers.find(first_word);
}

std::string_view find_currency_word(std::string_view lower) { return found_or_empty(tables().currencies.find(lower)); }

std::string_view find_currency_country(std::string_view first, std::string_view second, std::size_t& words) {
  const Tables& t = tables();
  words = 1;
  if (const std::string_view code = found_or_empty(t.currency_countries.find(first)); !code.empty()) return code;
  words = 0;
  if (second.empty() || !t.currency_country_pair_firsts.may_start(first)) return {};
  for (const auto& [a, b, code] : t.currency_country_pairs) {
    if (a == first && b == second) return words = 2, code;
  }
  return {};
}

bool is_shared_currency_code(std::string_view code) {
  const auto& codes = language_pack().shared_currency_codes;
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

namespace {
double letter_value(const LanguagePack::LetterValues& letters, std::string_view as_written) {
  for (const auto& [letter, value] : letters) {
    if (letter == as_written) return value;
  }
  return 0;
}
}  // namespace

double glued_scale_letter(std::string_view as_written, bool after_currency) {
  const LanguagePack& pack = language_pack();
  if (const double value = letter_value(pack.glued_scale_letters, as_written); value > 0) return value;
  return after_currency ? letter_value(pack.currency_scale_letters, as_written) : 0;
}

double spaced_scale_letter(std::string_view as_written) {
  return letter_value(language_pack().spaced_scale_letters, as_written);
}

std::string_view find_currency_sign(char32_t sign) {
  if (sign < 0x80) return tables().ascii_currency_signs[sign];
  for (const auto& [known, code] : tables().other_currency_signs) {
    if (known == sign) return code;
  }
  return {};
}

std::string_view find_unit_word(std::string_view lower) { return found_or_empty(tables().units.find(lower)); }

bool is_people_noun(std::string_view lower) { return tables().people_nouns.contains(lower); }
bool is_thing_noun(std::string_view lower) { return tables().thing_nouns.contains(lower); }
bool is_event_noun(std::string_view lower) { return tables().event_nouns.contains(lower); }
bool is_counted_noun(std::string_view lower) {
  return is_people_noun(lower) || is_thing_noun(lower) || is_event_noun(lower);
}

bool has_demonym_ending(std::string_view as_written) {
  const auto& endings = language_pack().demonym_endings;
  return std::any_of(endings.begin(), endings.end(), [&](const std::string& end) { return as_written.ends_with(end); });
}
bool is_month(std::string_view lower) { return tables().months.contains(lower); }
bool is_month_abbreviation(std::string_view lower) { return tables().abbreviated_months.contains(lower); }
bool is_time_unit(std::string_view lower) { return tables().time_units.contains(lower); }
bool is_ordinal_word(std::string_view lower) { return tables().ordinals.contains(lower); }
bool is_identifier_word(std::string_view lower) { return tables().identifier_words.contains(lower); }
bool is_street_word(std::string_view lower) { return tables().street_words.contains(lower); }
bool is_time_word(std::string_view lower) { return tables().time_words.contains(lower); }
bool is_glued_suffix(std::string_view lower) { return tables().glued_suffixes.contains(lower); }
bool is_glued_only_unit(std::string_view lower) { return tables().glued_only_units.contains(lower); }
bool is_not_currency_word(std::string_view lower) { return tables().not_currency_words.contains(lower); }
bool is_minor_unit_word(std::string_view lower) { return tables().minor_unit_words.contains(lower); }
bool is_ambiguous_month(std::string_view lower) { return tables().ambiguous_months.contains(lower); }
bool is_verb_month(std::string_view lower) { return tables().verb_months.contains(lower); }

bool starts_with_verb_month_name(std::string_view as_written) {
  const auto& names = tables().capitalized_verb_months;
  return std::any_of(names.begin(), names.end(), [&](const std::string& name) { return as_written.starts_with(name); });
}

std::string_view find_currency_prefix(std::string_view lower, std::string_view as_written) {
  const Tables& t = tables();
  if (const std::string_view code = t.currency_prefixes.find(lower); !code.empty()) return code;
  return t.currency_prefixes_as_written.find(as_written);
}

std::size_t percent_phrase(std::string_view first, std::string_view second, bool& points) {
  const auto in = [&](const Phrases& phrases) -> std::size_t {
    if (phrases.single.contains(first)) return 1;
    for (const auto& [a, b] : phrases.pairs) {
      if (a == first && b == second) return 2;
    }
    return 0;
  };
  const Tables& t = tables();
  points = false;
  if (!t.percentage_points.firsts.may_start(first) && !t.percent_words.firsts.may_start(first)) return 0;
  // "percentage points" before "percentage": the longer phrase first.
  for (const auto& [a, b] : t.percentage_points.pairs) {
    if (a == first && b == second) return points = true, 2;
  }
  if (t.percentage_points.single.contains(first)) return points = true, 1;
  return in(t.percent_words);
}

}  // namespace crosscheck::quantities

namespace crosscheck {

bool is_unit_symbol(std::string_view unit) {
  if (unit == "people" || unit == "%") return true;
  if (unit.size() == 3 && std::all_of(unit.begin(), unit.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    return true;  // an ISO 4217 currency code
  }
  const auto& units = language_pack().units;
  return std::any_of(units.begin(), units.end(), [&](const auto& entry) { return entry.second == unit; });
}

}  // namespace crosscheck
