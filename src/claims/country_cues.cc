#include "claims/country_cues.h"

#include <algorithm>

#include "claims/word_classes.h"

namespace crosscheck::claims {

CountryCues::CountryCues(const Lexicon& lexicon) : lexicon_(lexicon) {
  std::vector<Word> words;
  std::string lower;
  for (std::size_t place = 0; place < lexicon.country_cues.size(); ++place) {
    for (const std::string& name : lexicon.country_cues[place].names) {
      lower_ascii(name, lower);
      split_words(name, lower, words);
      if (words.empty()) continue;
      Cue cue{{}, place};
      for (const Word& word : words) cue.words.emplace_back(word.text);
      const std::string_view first = std::string_view(name).substr(words.front().begin, words.front().text.size());
      if (first.size() < 64) first_word_lengths_ |= std::uint64_t{1} << first.size();
      by_first_word_[first].push_back(std::move(cue));
    }
  }
  // "Customs and Border Protection" before a shorter cue of the same first word.
  for (auto& [first, cues] : by_first_word_) {
    std::stable_sort(cues.begin(), cues.end(),
                     [](const Cue& a, const Cue& b) { return a.words.size() > b.words.size(); });
  }
}

void CountryCues::count(std::span<const Word> words, bool within_names, std::vector<int>& mentions) const {
  mentions.resize(lexicon_.country_cues.size(), 0);
  for (std::size_t k = 0; k < words.size(); ++k) {
    // Every cue is a name; most words' lengths are no first word's.
    const std::size_t length = words[k].text.size();
    if (!words[k].capitalized || length >= 64 || (first_word_lengths_ >> length & 1) == 0) continue;
    // "<CDC>", "&lt;GOP>": Reuters marks companies and tickers in angle brackets.
    const bool bracketed =
        (k > 0 && words[k - 1].text == "<") ||
        (k > 2 && words[k - 1].text == ";" && words[k - 2].lower == "lt" && words[k - 3].text == "&");
    if (bracketed) continue;
    // "Christian Democrats", "the Philippine Senate": a cue that ends a
    // longer name is another country's; a capitalized function word before
    // it opens a sentence, no name ("But Democrats said"). A title
    // capitalizes every word, and says nothing so. (A cue that begins a
    // name, "Senate Banking Committee", is still the country's.)
    constexpr std::uint64_t kFunctionWords =
        kDeterminer | kConjunction | kSubordinator | kClauseOpener | kPronoun | kLocative | kPlacePreposition;
    const auto name_word = [&](std::size_t n) {
      return n < words.size() && words[n].capitalized && !in_class(words[n], kFunctionWords);
    };
    if (within_names && k > 0 && name_word(k - 1)) continue;
    const auto found = by_first_word_.find(words[k].text);
    if (found == by_first_word_.end()) continue;
    for (const Cue& cue : found->second) {
      if (k + cue.words.size() > words.size()) continue;
      const bool whole = std::equal(cue.words.begin(), cue.words.end(), words.begin() + k,
                                    [](const std::string& a, const Word& b) { return a == b.text; });
      if (!whole) continue;
      ++mentions[cue.place];
      k += cue.words.size() - 1;
      break;
    }
  }
}

bool CountryCues::may_hold(std::string_view text) const {
  const auto alphanumeric = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!(text[i] >= 'A' && text[i] <= 'Z') || (i > 0 && alphanumeric(text[i - 1]))) continue;
    // The ASCII letters and digits from here: all of a word the splitter
    // would make, or the start of one (then the lookup is a harmless miss).
    std::size_t end = i + 1;
    while (end < text.size() && alphanumeric(text[end])) ++end;
    const std::size_t length = end - i;
    if (length < 64 && (first_word_lengths_ >> length & 1) != 0 && by_first_word_.contains(text.substr(i, length))) {
      return true;
    }
    i = end - 1;
  }
  return false;
}

std::string_view CountryCues::most_mentioned(const std::vector<int>& mentions) const {
  // By place: a --lexicon file may give a place's cues a second entry. Among
  // equals, the place the lexicon gives first.
  std::vector<std::pair<std::string_view, int>> places;
  for (std::size_t k = 0; k < mentions.size(); ++k) {
    if (mentions[k] == 0) continue;
    const std::string_view place = lexicon_.country_cues[k].place;
    const auto same = std::find_if(places.begin(), places.end(), [&](const auto& p) { return p.first == place; });
    if (same == places.end()) {
      places.emplace_back(place, mentions[k]);
    } else {
      same->second += mentions[k];
    }
  }
  const auto best =
      std::max_element(places.begin(), places.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  return best == places.end() ? std::string_view() : best->first;
}

}  // namespace crosscheck::claims
