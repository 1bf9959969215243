#include "claims/local_authority.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "claims/word_classes.h"
#include "crosscheck/language.h"

namespace crosscheck::claims {

namespace {

// The country `place` is in (itself for a country); nothing for a place the
// data gives no country row above.
std::optional<GazetteerPlace> country_of(const Gazetteer& places, const GazetteerPlace& place) {
  if (place.kind == PlaceKind::country) return place;
  const std::vector<GazetteerPlace> chain = places.ancestors(place);
  if (!chain.empty() && chain.back().kind == PlaceKind::country) return chain.back();
  return std::nullopt;
}

// The country a name stands for: a country of that name first ("Georgia"),
// else the most populous namesake's.
std::optional<GazetteerPlace> country_of_name(const Gazetteer& places, std::string_view name) {
  const std::vector<GazetteerPlace> found = places.lookup(name);
  for (const GazetteerPlace& place : found) {
    if (place.kind == PlaceKind::country) return place;
  }
  if (found.empty()) return std::nullopt;
  return country_of(places, found.front());
}

std::string_view trim(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// "BENGHAZI, Libya — ...", "GAZA CITY (Reuters) - ...", "MECCA — ...": the
// place in capitals at the start of the text, and the country after its
// comma when there is one ("NEW YORK, March 3 -" has none: the city then).
std::optional<GazetteerPlace> dateline_country(std::string_view text, const Gazetteer& places) {
  std::string_view head = trim(text).substr(0, 100);
  std::size_t end = std::string_view::npos;
  for (const std::string_view mark : {" (", " \xE2\x80\x94", " \xE2\x80\x93", " - ", " -- "}) {
    end = std::min(end, head.find(mark));
  }
  if (end == std::string_view::npos || head.substr(0, end).find('\n') != std::string_view::npos) return std::nullopt;
  head = head.substr(0, end);
  const std::size_t comma = head.find(',');
  const std::string_view city = trim(head.substr(0, comma));
  const bool capitals = std::none_of(city.begin(), city.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
                        std::count_if(city.begin(), city.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) >= 2;
  if (!capitals) return std::nullopt;
  if (comma != std::string_view::npos) {
    for (const GazetteerPlace& place : places.lookup(trim(head.substr(comma + 1)))) {
      if (place.kind == PlaceKind::country) return place;
    }
  }
  const std::vector<GazetteerPlace> found = places.lookup(city);
  if (found.empty()) return std::nullopt;
  return country_of(places, found.front());
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A word of a source phrase: "Gaza's" is "Gaza", possessive.
struct PhraseWord {
  std::string_view text;
  bool possessive = false;
};

// The length of the possessive mark that ends `text` ("'s", "\xE2\x80\x99s"
// in "Gaza's"), or 0.
std::size_t possessive_mark(std::string_view text) {
  for (const std::string& ending : language_pack().possessive_endings) {
    if (!text.ends_with(ending)) continue;
    const std::string_view before = text.substr(0, text.size() - ending.size());
    if (before.ends_with('\'')) return ending.size() + 1;
    if (before.ends_with("\xE2\x80\x99")) return ending.size() + 3;
  }
  return 0;
}

std::vector<PhraseWord> phrase_words(std::string_view text) {
  std::vector<PhraseWord> words;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = std::min(text.find(' ', at), text.size());
    std::string_view word = text.substr(at, end - at);
    at = end + 1;
    while (!word.empty() && std::string_view("(\"',.;:").find(word.front()) != std::string_view::npos) {
      word.remove_prefix(1);
    }
    while (!word.empty() && std::string_view(")\"',.;:").find(word.back()) != std::string_view::npos) {
      word.remove_suffix(1);
    }
    const std::size_t mark = possessive_mark(word);
    const bool possessive = mark > 0 && word.size() > mark;
    if (possessive) word.remove_suffix(mark);
    if (!word.empty()) words.push_back({word, possessive});
  }
  return words;
}

bool capitalized(std::string_view word) {
  return !word.empty() &&
         ((word.front() >= 'A' && word.front() <= 'Z') || static_cast<unsigned char>(word.front()) >= 0x80);
}

// "Hong Kong's" in "Hong Kong's police said": the two words before `text`
// in `sentence` when the last is a possessive, else nothing.
std::string_view possessive_before(std::string_view text, std::string_view sentence) {
  const std::size_t at = text.empty() ? std::string_view::npos : sentence.find(text);
  if (at == std::string_view::npos) return {};
  const std::string_view before = trim(sentence.substr(0, at));
  if (possessive_mark(before) == 0) return {};
  std::size_t from = before.rfind(' ');
  if (from != std::string_view::npos && from > 0) from = before.rfind(' ', from - 1);
  return from == std::string_view::npos ? before : before.substr(from + 1);
}

}  // namespace

std::optional<GazetteerPlace> article_country(std::string_view main_place, std::uint32_t main_place_id,
                                              std::string_view text, const Gazetteer& places) {
  if (main_place_id != 0) {
    if (auto place = places.find(main_place_id)) {
      if (auto country = country_of(places, *place)) return country;
    }
  }
  if (!main_place.empty()) {
    if (auto country = country_of_name(places, main_place)) return country;
  }
  return dateline_country(text, places);
}

LocalAuthorities::LocalAuthorities(const Lexicon& lexicon, const Gazetteer& places) : places_(places) {
  for (const Authority& authority : lexicon.authorities) {
    if (!authority.generic) continue;
    generic_.emplace(authority.name, &authority);
    // "the military" is named "military" in a name: "Syrian military".
    std::string_view bare = authority.name;
    if (const std::size_t space = bare.find(' ');
        space != std::string_view::npos && class_has_word(kArticle, lower(bare.substr(0, space)))) {
      bare.remove_prefix(space + 1);
    }
    bare_names_.emplace(&authority, bare);
  }
}

// A country the phrase names before or around the generic name: a demonym
// ("Libyan Red Crescent"), a country ("Hong Kong police"), a place's
// possessive ("Gaza's health ministry"). Two words are tried before one.
std::optional<GazetteerPlace> LocalAuthorities::country_named(const Authority& generic, std::string_view text) const {
  std::vector<std::string> own;  // the generic name's own words ("Red", "Crescent") name no country here
  for (const std::string& alias : generic.aliases) {
    for (const PhraseWord& word : phrase_words(alias)) own.push_back(lower(word.text));
  }
  const std::vector<PhraseWord> words = phrase_words(text);
  auto candidate = [&](std::size_t k) {
    return capitalized(words[k].text) && std::find(own.begin(), own.end(), lower(words[k].text)) == own.end();
  };
  auto country_in = [&](std::string_view name, bool possessive) -> std::optional<GazetteerPlace> {
    if (const std::vector<GazetteerPlace> people = places_.demonym(name); !people.empty()) {
      return country_of(places_, people.front());
    }
    const std::vector<GazetteerPlace> found = places_.lookup(name);
    for (const GazetteerPlace& place : found) {
      if (place.kind == PlaceKind::country) return place;
    }
    if (possessive && !found.empty()) return country_of(places_, found.front());
    return std::nullopt;
  };
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (!candidate(k)) continue;
    if (k + 1 < words.size() && !words[k].possessive && candidate(k + 1)) {
      const char* begin = words[k].text.data();
      const std::string_view two(begin,
                                 static_cast<std::size_t>(words[k + 1].text.data() + words[k + 1].text.size() - begin));
      if (auto country = country_in(two, words[k + 1].possessive)) return country;
    }
    if (auto country = country_in(words[k].text, words[k].possessive)) return country;
  }
  return std::nullopt;
}

// "Chicago police", "police in Thessaloniki": a town or region named just
// before the generic name, or after it and a place preposition, makes it
// that place's own ("Chicago police", not "American police"); a country or
// a demonym there is country_named()'s.
std::optional<std::string> LocalAuthorities::local_named(const Authority& generic, std::string_view text,
                                                         std::string_view name) const {
  const std::vector<PhraseWord> words = phrase_words(text);
  const auto own = [&](std::size_t k) {
    const std::string word = lower(words[k].text);
    return std::any_of(generic.aliases.begin(), generic.aliases.end(),
                       [&](const std::string& alias) { return lower(alias).find(word) != std::string::npos; });
  };
  // The words [from, to) as written, when they name a place below a country.
  const auto local_place = [&](std::size_t from, std::size_t to) -> std::optional<std::string_view> {
    const char* begin = words[from].text.data();
    const std::string_view place(
        begin, static_cast<std::size_t>(words[to - 1].text.data() + words[to - 1].text.size() - begin));
    if (!places_.demonym(place).empty()) return std::nullopt;
    const std::vector<GazetteerPlace> found = places_.lookup(place);
    if (found.empty() ||
        std::any_of(found.begin(), found.end(), [](const GazetteerPlace& p) { return p.kind == PlaceKind::country; })) {
      return std::nullopt;
    }
    return place;
  };
  std::size_t at = 0;
  while (at < words.size() && !own(at)) ++at;
  for (std::size_t from = at >= 2 ? at - 2 : 0; from < at; ++from) {
    if (!capitalized(words[from].text) || words[at - 1].possessive) continue;
    if (const auto place = local_place(from, at)) return fmt::format("{} {}", *place, name);
  }
  // "police in Thessaloniki": the longest name of one or two words after the preposition.
  std::size_t after = at;
  while (after < words.size() && own(after)) ++after;
  if (after + 1 < words.size() && class_has_word(kPlacePreposition, lower(words[after].text))) {
    for (std::size_t to = std::min(after + 3, words.size()); to > after + 1; --to) {
      if (!std::all_of(words.begin() + static_cast<std::ptrdiff_t>(after + 1),
                       words.begin() + static_cast<std::ptrdiff_t>(to),
                       [&](const PhraseWord& word) { return capitalized(word.text); })) {
        continue;
      }
      if (const auto place = local_place(after + 1, to)) return fmt::format("{} {}", *place, name);
    }
  }
  return std::nullopt;
}

std::string LocalAuthorities::localize(const Authority& generic, std::string_view text, std::string_view sentence,
                                       const std::optional<GazetteerPlace>& article) const {
  const auto bare = bare_names_.find(&generic);
  const std::string_view name = bare != bare_names_.end() ? bare->second : std::string_view(generic.name);
  if (auto local = local_named(generic, text, name)) return *local;
  std::optional<GazetteerPlace> country = country_named(generic, text);
  if (const std::string_view owner = possessive_before(text, sentence); !country && !owner.empty()) {
    country = country_named(generic, owner);
  }
  if (!country) country = article;
  if (!country) return std::string(name);
  for (const Authority::CountryName& named : generic.countries) {
    if (named.country == country->country) return named.name;
  }
  // The demonym as an adjective ("Greek police"); a people-noun such as
  // "Hong Konger" is no adjective, and the country's name stands instead.
  const std::string_view demonym = country->demonyms.substr(0, country->demonyms.find('|'));
  const bool adjective = !demonym.empty() && !is_person_demonym(demonym);
  return fmt::format("{} {}", adjective ? demonym : country->name, name);
}

}  // namespace crosscheck::claims
