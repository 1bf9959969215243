#include "claims/place_names.h"

#include <algorithm>

#include "claims/dates.h"

namespace crosscheck::claims {

namespace {

// The end of "U.S.", "U.K.", "U.A.E." at word `first`: single capitals each
// followed by a touching period, at least two of them; `first` when none.
std::size_t dotted_initials_end(std::span<const Word> words, std::size_t first) {
  std::size_t k = first;
  while (k + 1 < words.size() && words[k].capitalized && words[k].text.size() == 1 && words[k + 1].text == "." &&
         words[k + 1].begin == words[k].end && (k == first || words[k].begin == words[k - 1].end)) {
    k += 2;
  }
  return k - first >= 4 ? k : first;
}

// "US", "UK" in mixed-case text: two capitals whose neighbours are not
// capitals too (in "HELP US" every word is in capitals, and "us" is a pronoun).
bool capital_initials(std::span<const Word> words, std::size_t i) {
  if (words[i].text.size() != 2 || !all_capitals(words[i].text)) return false;
  const auto shouting = [&](std::size_t k) {
    return k < words.size() && !words[k].punctuation && words[k].text.size() > 1 && all_capitals(words[k].text);
  };
  return !shouting(i + 1) && !(i > 0 && shouting(i - 1));
}

// Whether word `a` and the word after it touch, with no space between.
bool touching(std::span<const Word> words, std::size_t a) {
  return a + 1 < words.size() && words[a].end == words[a + 1].begin;
}

// Past the Arabic article that joins a name's words, or the hyphen inside
// a name, when word `end` follows a name's word: "Deir al-Balah" (at "al"),
// "Al-Qamishli", "Saxony-Anhalt" (at "-"); else `end`.
std::size_t past_joined_article(std::span<const Word> words, std::size_t end) {
  if (end + 2 < words.size() && !words[end].capitalized && in_class(words[end], kNameJoiner) &&
      !words[end].punctuation && words[end + 1].text == "-" && touching(words, end) && touching(words, end + 1) &&
      words[end + 2].capitalized) {
    return end + 2;
  }
  if (end >= 1 && end + 1 < words.size() && in_class(words[end - 1], kNameJoiner) && !words[end - 1].punctuation &&
      words[end].text == "-" && touching(words, end - 1) && touching(words, end) && words[end + 1].capitalized) {
    return end + 1;
  }
  // "Rhineland-Palatinate", "North Rhine-Westphalia", "Guinea-Bissau": a
  // hyphen joined to two capitalized words is inside one name.
  if (end >= 1 && end + 1 < words.size() && words[end].text == "-" && words[end - 1].capitalized &&
      touching(words, end - 1) && touching(words, end) && words[end + 1].capitalized) {
    return end + 1;
  }
  return end;
}

// Whether word `first` lies in a legislator's party and state after their
// name: "Schumer (D., N.Y.)", "Portman (R-Ohio)", "(D-Calif.)". The state
// says whom they represent, not where the story is.
bool in_party_label(std::span<const Word> words, std::size_t first) {
  constexpr std::size_t kLongest = 8;  // "(", "D", ".", ",", "N", ".", "Y", "."
  for (std::size_t open = first; open > 0 && first - open < kLongest;) {
    --open;
    if (words[open].text == ")") return false;
    if (words[open].text != "(") continue;
    std::size_t k = open + 1;
    if (k + 1 >= first || words[k].text.size() != 1 || words[k].text.find_first_of("DRI") != 0) return false;
    if (words[++k].text == ".") ++k;
    return k < first && (words[k].text == "," || words[k].text == "-") && k + 1 == first;
  }
  return false;
}

}  // namespace

// A capitalized run from word `first`, at most three names, ended by a
// weekday or a month ("in Sochi Thursday"); dotted initials are one name,
// and the Arabic article joins two ("Deir al-Balah").
std::size_t run_end(std::span<const Word> words, std::size_t first) {
  if (const std::size_t initials = dotted_initials_end(words, first); initials != first) return initials;
  std::size_t end = first;
  std::size_t names = 0;
  while (end < words.size() && words[end].capitalized && !is_weekday_or_month(words[end]) && names < 3 &&
         (end == first || dotted_initials_end(words, end) == end)) {
    // The third name ends the run before an article: a cut run does not end inside "al-Balah".
    end = ++names == 3 ? end + 1 : past_joined_article(words, end + 1);
  }
  return end;
}

bool all_capitals(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Whether the capitalized words [first, end) may name a place: not a part
// of a longer name ("Al" of "Al-Shifa"), not one or two letters, not a
// people's adjective ("German", "Thai").
bool may_be_place(WorldPlaces& world, std::span<const Word> words, std::size_t first, std::size_t end) {
  // "Kabul-based", "pro-Moscow": a hyphen joined to the name makes it part
  // of a word; a spaced dash ("RABAT - Taroudant's toll") does not.
  if ((end < words.size() && words[end].text == "-" && touching(words, end - 1)) ||
      (first > 0 && words[first - 1].text == "-" && touching(words, first - 1))) {
    return false;
  }
  if (end == first + 1 && words[first].text.size() <= 2 && !capital_initials(words, first)) return false;
  if (in_party_label(words, first)) return false;
  if (end == first + 1 && world.demonym(words[first].text)) return false;
  // "in the West", "at the Gulf": a lone compass word names a region loosely, not a division.
  if (end == first + 1 && in_class(words[first], kCompassWord)) return false;
  return true;
}

// The words [first, end) as written, one space where the text had any.
std::string name_of(std::span<const Word> words, std::size_t first, std::size_t end) {
  std::string name;
  for (std::size_t k = first; k < end; ++k) {
    if (k > first && words[k].begin != words[k - 1].end) name += ' ';
    name += words[k].text;
  }
  return name;
}

// "Paris, Texas", "Bristol, Va.", "Trenton, N.J.": the capitalized run after
// a comma, with the period that touches an abbreviation (the gazetteer knows
// "Va." as Virginia; "Va" alone is no name).
std::string qualifier_after(std::span<const Word> words, std::size_t end) {
  if (!(end + 1 < words.size() && words[end].text == "," && words[end + 1].capitalized)) return {};
  const std::size_t last = run_end(words, end + 1);
  std::string name = name_of(words, end + 1, last);
  if (last < words.size() && words[last].text == "." && words[last].begin == words[last - 1].end &&
      !name.ends_with('.')) {
    name += '.';
  }
  return name;
}

namespace {

// The whole run, else the run without a trailing place noun ("in Aceh
// Province"); with `prefixes` (a title, where every word is capitalized),
// else its longest first words that name a place ("US Adds 943,000 Jobs").
RunPlace resolve_listed_run(WorldPlaces& world, const PlaceContext& context, std::span<const Word> words,
                            std::size_t first, std::size_t end, bool prefixes, std::string_view within) {
  if (auto place = world.resolve(name_of(words, first, end), context, within)) {
    // "interests in KEP": an acronym names a country ("UAE", "USA"), else an organization.
    const bool acronym = end == first + 1 && words[first].text.size() > 1 && all_capitals(words[first].text);
    if (!acronym || place->kind == PlaceKind::country) return {std::move(place), end};
  }
  if (end - first > 1 && in_class(words[end - 1], kPlaceNoun) && may_be_place(world, words, first, end - 1)) {
    if (auto place = world.resolve(name_of(words, first, end - 1), context, within)) return {std::move(place), end};
  }
  // "the city of Qamishli Hasaka": after "the city of" a place begins, and
  // its first words may name it whatever its kind, in a country the article
  // named ("the village of Ain Dara" in Syria is no Ain in France);
  // elsewhere only a country or a division: "in Standard Oil" is no town
  // called Standard.
  const bool after_place_noun = first >= 2 && in_class(words[first - 1], kOf) && in_class(words[first - 2], kPlaceNoun);
  const auto named_country = [&](const ResolvedPlace& place) {
    const auto& named = context.article_countries;
    return std::find(named.begin(), named.end(), place.country) != named.end();
  };
  for (std::size_t shorter = end - 1; (prefixes || after_place_noun) && shorter > first; --shorter) {
    if (!may_be_place(world, words, first, shorter)) continue;
    auto place = world.resolve(name_of(words, first, shorter), context);
    if (place && ((after_place_noun && named_country(*place)) || place->kind == PlaceKind::country ||
                  place->kind == PlaceKind::admin1)) {
      return {std::move(place), shorter};
    }
  }
  return {std::nullopt, end};
}

}  // namespace

// A place the gazetteer lists, else, outside a title, a town it does not
// list where the qualifier says so: none of its namesakes lies in "Pa." for
// "in Warminster, Pa." (GeoNames knows only England's Warminster).
RunPlace resolve_run(WorldPlaces& world, const PlaceContext& context, std::span<const Word> words, std::size_t first,
                     std::size_t end, bool prefixes, std::string_view within) {
  RunPlace run = resolve_listed_run(world, context, words, first, end, prefixes, within);
  if (prefixes || within.empty()) return run;
  if (!run.place ||
      (run.place->kind == PlaceKind::city && run.end == end && !lies_within(world, context, *run.place, within))) {
    if (auto town = unlisted_town(world, context, words, first, end, within)) return {std::move(town), end};
  }
  return run;
}

// A small town or a second-level division named by one word, in a country the sentence and the
// dateline do not name: "in Congress" (Arizona), "switched to Williams"
// (California), "a stake in Standard" (Alberta) are a legislature, a company
// and a company. Such a town is a place only when qualified ("Milledgeville,
// Ga.", "the town of Jayrud", "Amizmiz district") or in a country named by the sentence.
bool obscure_town(const ResolvedPlace& place, const PlaceContext& context) {
  constexpr std::uint64_t kSmallTown = 50000;
  // Second-level divisions are often named after people ("Douglas", "Williams") and have no population here.
  const bool small =
      (place.kind == PlaceKind::city && place.population < kSmallTown) || place.kind == PlaceKind::admin2;
  if (place.in_lexicon || !small) return false;
  if (place.country == context.dateline_country) return false;
  // A town the data gives no population may be of any size: in a division
  // the article named it is a place ("in Takengon" after "Aceh province");
  // one known to be small is not ("Democrats in Congress" in a story of
  // Arizona's wildfires).
  for (const std::string& up : place.parents.places()) {
    if (place.population == 0 && std::find(context.named_divisions.begin(), context.named_divisions.end(), up) !=
                                     context.named_divisions.end()) {
      return false;
    }
  }
  const auto& named = context.sentence_countries;
  return std::find(named.begin(), named.end(), place.country) == named.end();
}

namespace {

// The place a qualifier after a comma names: "Quebec", "Va.", "Quebec." at a
// sentence's end, read without its period as resolve() reads it.
std::optional<ResolvedPlace> qualifier_place(WorldPlaces& world, const PlaceContext& context, std::string_view within) {
  auto outer = world.resolve(within, context);
  if (!outer && within.ends_with('.')) outer = world.resolve(within.substr(0, within.size() - 1), context);
  return outer;
}

}  // namespace

bool lies_within(WorldPlaces& world, const PlaceContext& context, const ResolvedPlace& place, std::string_view within) {
  if (within.empty()) return false;
  const auto outer = qualifier_place(world, context, within);
  return (outer && outer->name != place.name && outer->holds(place)) || world.lies_in(place, within);
}

std::optional<ResolvedPlace> unlisted_town(WorldPlaces& world, const PlaceContext& context, std::span<const Word> words,
                                           std::size_t first, std::size_t end, std::string_view within) {
  if (within.empty() || end - first > 2 || first == 0) return std::nullopt;
  // "said Lloyd Bentsen, Texas Democrat": a name in a sentence follows no preposition or determiner.
  const Word& before = words[first - 1];
  if (before.capitalized || !in_class(before, kPlacePreposition | kDeterminer | kBeforePlace)) return std::nullopt;
  if (!may_be_place(world, words, first, end)) return std::nullopt;
  // "EC", "OPEC": an acronym is an organization more often than a town.
  if (std::any_of(words.begin() + first, words.begin() + end, [](const Word& w) { return all_capitals(w.text); }))
    return std::nullopt;
  // The qualifier closes the name: a comma or the sentence's end follows it.
  // "in the High Atlas, Morocco has begun" goes on with Morocco's clause;
  // "in Europe, Australia and Asia" and "in the Netherlands, Spain,
  // Venezuela" are lists.
  const std::size_t last = run_end(words, end + 1);
  const auto closes = [&](std::size_t k) {
    return k == words.size() || (words[k].text == "," && !(k + 1 < words.size() && words[k + 1].capitalized));
  };
  // ("Sapula, Okla." ends its sentence with the abbreviation's period.)
  if (!(closes(last) || (words[last].text == "." && closes(last + 1)))) return std::nullopt;
  return world.unlisted(name_of(words, first, end), within, context);
}

// Whether "'s" follows word `end`: "Rohr's", "Indonesia's".
bool followed_by_possessive(std::span<const Word> words, std::size_t end) {
  return end + 1 < words.size() && is_apostrophe(words[end]) && is_possessive_ending(words[end + 1].lower);
}

// "France's foreign minister said eight French citizens had been killed",
// "Argentina's embassy said": a country's voice abroad speaks of its
// citizens where the story is, so the country is not the figure's place.
// `k` is the word after the possessive.
bool speaks_for_nationals(std::span<const Word> words, std::size_t k) {
  return k < words.size() && in_class(words[k], kAbroadSource);
}

// "in Hatay", "at Kabul airport", "the town of Jayrud": words before a
// capitalized run that say it is where something happens.
bool place_preposition(std::span<const Word> words, std::size_t i) {
  // "in central Athens", "in northern Gaza": a place adjective between, in lower case.
  if (i > 1 && !words[i - 1].capitalized && in_class(words[i - 1], kPlaceAdjective)) --i;
  if (i == 0) return false;
  const Word& before = words[i - 1];
  if (in_class(before, kPlacePreposition)) return true;
  if (i > 1 && in_class(before, kOf) && in_class(words[i - 2], kPlaceNoun)) return true;
  return count_for_place(words, i);  // "the ministry's figure for Taroudant"
}

bool speaker_is_there(std::span<const Word> words, std::size_t first) {
  if (first < 2 || !in_class(words[first - 1], kPlacePreposition)) return false;
  if (!in_class(words[first - 2], kSpeechVerb)) return false;
  // "deaths were reported in Rafah" is where they were, not where anyone spoke.
  return first < 3 || !in_class(words[first - 3], kCopula);
}

bool count_for_place(std::span<const Word> words, std::size_t i) {
  return i > 1 && in_class(words[i - 1], kCountPreposition) && in_class(words[i - 2], kTotalNoun);
}

bool mission_seat(std::span<const Word> words, std::size_t i) {
  return i >= 2 && in_class(words[i - 1], kPlacePreposition) && in_class(words[i - 2], kAbroadSource);
}

bool reference_point(std::span<const Word> words, std::size_t i) {
  if (i < 2 || !in_class(words[i - 1], kOf) || !in_class(words[i - 2], kBearing)) return false;
  std::size_t bearing = i - 2;  // "north-east": the bearing's first word
  if (bearing >= 2 && words[bearing - 1].text == "-" && in_class(words[bearing - 2], kBearing)) bearing -= 2;
  return !(bearing > 0 && in_class(words[bearing - 1], kDeterminer));
}

// Notes that the article said something happened in `place` ("in Gaza"):
// see PlaceContext::located_countries and located_places.
void note_located(PlaceContext& context, const ResolvedPlace& place) {
  auto& countries = context.located_countries;
  if (place.country.empty() || std::find(countries.begin(), countries.end(), place.country) != countries.end()) return;
  countries.push_back(place.country);
  if (place.kind != PlaceKind::country) context.located_places.push_back(place);
}

}  // namespace crosscheck::claims
