// Qualifier phrases before and after a number: "at least", "more than",
// "or more", "or so".
#include <algorithm>
#include <span>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "quantities/vocabulary.h"

namespace crosscheck::quantities {

namespace {

using Q = Qualifier;

WordTable<std::vector<QualifierPhrase>> index_by_first_word(
    std::span<const std::pair<std::string_view, Qualifier>> phrases) {
  std::unordered_map<std::string_view, std::vector<QualifierPhrase>> index;
  for (auto [text, qualifier] : phrases) {
    QualifierPhrase phrase{{}, qualifier};
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t space = text.find(' ', start);
      if (space == std::string_view::npos) space = text.size();
      phrase.words.push_back(text.substr(start, space - start));
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

// The phrases before a number; index_by_first_word puts the longest first.
constexpr std::pair<std::string_view, Qualifier> kPrefixPhrases[] = {
    {"at least", Q::at_least},
    {"no fewer than", Q::at_least},
    {"no less than", Q::at_least},
    {"not less than", Q::at_least},
    {"not fewer than", Q::at_least},
    {"a minimum of", Q::at_least},
    {"at least or equal to", Q::at_least},
    {"more than", Q::more_than},
    {"over", Q::more_than},
    {"upwards of", Q::more_than},
    {"upward of", Q::more_than},
    {"in excess of", Q::more_than},
    {"above", Q::more_than},
    {"exceeding", Q::more_than},
    {"exceed", Q::more_than},
    {"exceeds", Q::more_than},
    {"surpass", Q::more_than},
    {"surpassing", Q::more_than},
    {"greater than", Q::more_than},
    {"larger than", Q::more_than},
    {"bigger than", Q::more_than},
    {"higher than", Q::more_than},
    {"well over", Q::more_than},
    {"just over", Q::more_than},
    {"north of", Q::more_than},
    {"greater than or equal to", Q::at_least},
    {"more than or equal to", Q::at_least},
    {"bigger or equal than", Q::at_least},
    {"higher or equal than", Q::at_least},
    {"greater or equal than", Q::at_least},
    {"larger or equal than", Q::at_least},
    {"equal to or more than", Q::at_least},
    {"equal to or greater than", Q::at_least},
    {"nearly", Q::nearly},
    {"almost", Q::nearly},
    {"close to", Q::nearly},
    {"just under", Q::nearly},
    {"just below", Q::nearly},
    {"approaching", Q::nearly},
    {"nigh on", Q::nearly},
    {"not quite", Q::nearly},
    {"about", Q::approx},
    {"around", Q::approx},
    {"approximately", Q::approx},
    {"roughly", Q::approx},
    {"some", Q::approx},
    {"an estimated", Q::approx},
    {"estimated", Q::approx},
    {"circa", Q::approx},
    {"approx", Q::approx},
    {"in the region of", Q::approx},
    {"on the order of", Q::approx},
    {"of the order of", Q::approx},
    {"around about", Q::approx},
    {"an approximate", Q::approx},
    {"an approximately", Q::approx},
    {"up to", Q::at_most},
    {"as many as", Q::at_most},
    {"at most", Q::at_most},
    {"no more than", Q::at_most},
    {"not more than", Q::at_most},
    {"a maximum of", Q::at_most},
    {"as much as", Q::at_most},
    {"less than or equal to", Q::at_most},
    {"smaller or equal than", Q::at_most},
    {"lower or equal than", Q::at_most},
    {"less or equal than", Q::at_most},
    {"equal to or less than", Q::at_most},
    {"fewer than", Q::less_than},
    {"less than", Q::less_than},
    {"under", Q::less_than},
    {"below", Q::less_than},
    {"lower than", Q::less_than},
    {"smaller than", Q::less_than},
    {"exactly", Q::exact},
    {"precisely", Q::exact},
    {"a total of", Q::exact},
    {"equal to", Q::exact},
    {"equals", Q::exact},
    {"equals to", Q::exact},
    {"equaling to", Q::exact},
    {"equalling", Q::exact},
};

// The phrases after a number.
constexpr std::pair<std::string_view, Qualifier> kSuffixPhrases[] = {
    {"or more", Q::at_least},      {"and more", Q::at_least},  {"or greater", Q::at_least},
    {"or above", Q::at_least},     {"and above", Q::at_least}, {"and over", Q::at_least},
    {"or over", Q::at_least},      {"plus", Q::at_least},      {"or so", Q::approx},
    {"or less", Q::at_most},       {"or fewer", Q::at_most},   {"or below", Q::at_most},
    {"and under", Q::at_most},     {"or under", Q::at_most},   {"or greater than", Q::at_least},
    {"or more than", Q::at_least}, {"or equal", Q::exact},     {"or equal to", Q::exact},
};

}  // namespace

const std::vector<QualifierPhrase>* prefix_qualifiers(std::string_view first_word) {
  static const auto index = index_by_first_word(kPrefixPhrases);
  return index.find(first_word);
}

const std::vector<QualifierPhrase>* suffix_qualifiers(std::string_view first_word) {
  static const auto index = index_by_first_word(kSuffixPhrases);
  return index.find(first_word);
}

}  // namespace crosscheck::quantities
