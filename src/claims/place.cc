#include "claims/place.h"

#include <algorithm>
#include <map>

#include "claims/cues.h"
#include "claims/dates.h"
#include "claims/metric.h"
#include "claims/place_names.h"

namespace crosscheck::claims {

namespace {

// "the combined toll", "together with", "in both countries" (the pack's
// place cues): a figure over several places is not the main place's.
bool names_several_places(const SentenceView& sentence) {
  const std::span<const Word> words = sentence.words;
  for (std::size_t k = 0; k + 1 < words.size(); ++k) {
    if (!in_class(words[k], kScopeWord)) continue;
    for (const CompiledCue& cue : cue_tables().places) {
      if (match_cue(sentence, cue, k) != 0) return true;
    }
  }
  return false;
}
// Notes a division (a province, a district) the article named
// (PlaceContext::named_divisions), once.
void note_division(PlaceContext& context, const std::string& name) {
  auto& divisions = context.named_divisions;
  if (std::find(divisions.begin(), divisions.end(), name) == divisions.end()) divisions.push_back(name);
}

// Sorts places by where they are named (stable: one name's places keep their order).
void in_text_order(std::vector<UnknownPlace>& places) {
  std::stable_sort(places.begin(), places.end(),
                   [](const UnknownPlace& a, const UnknownPlace& b) { return a.first < b.first; });
}

// Whether word `i` follows "citizens of", "nationals of": "Ten citizens of
// Nepal" names where the counted people come from (from_origin()).
bool follows_citizens_of(std::span<const Word> words, std::size_t i) {
  return i > 1 && i <= words.size() && in_class(words[i - 1], kOf) && in_class(words[i - 2], kCitizenNoun);
}

// Whether word `k`, right after a place's possessive, opens the place's
// count: "Taroudant's toll", "Gaza's death toll", "the province's tally"
// ("Israel's killing of" names an agent).
bool owns_a_count(std::span<const Word> words, std::size_t k) {
  if (k >= words.size()) return false;
  if (in_class(words[k], kTotalNoun)) return true;
  return k + 1 < words.size() && words[k].lower == "death" && in_class(words[k + 1], kTotalNoun);
}

// "a town 60 km north-east of Damascus": the country of a place measured
// from, named by the words [first, last), as a place that says no more than
// the country (UnknownPlace::country_only).
void add_country_of(WorldPlaces& world, const PlaceContext& context, const ResolvedPlace& place, std::size_t first,
                    std::size_t last, std::vector<UnknownPlace>& places) {
  if (place.kind == PlaceKind::country || place.parents.empty()) return;
  auto country = world.resolve(place.parents.places().back(), context);
  if (!country || country->kind != PlaceKind::country) return;
  UnknownPlace& added = places.emplace_back();
  added.first = first;
  added.last = last;
  added.place = std::move(*country);
  added.country_only = true;
}

// A town whose possessive may own a building: a city, not a village a
// person's name happens to match.
constexpr std::uint64_t kBuildingTown = 100'000;

// Whether the words from `k` on, after a place's possessive, name a
// building it has: "Kabul's main mosque", "Gaza's Shifa hospital" (one
// word between at most).
bool owns_a_building(std::span<const Word> words, std::size_t k) {
  for (std::size_t n = k; n < words.size() && n < k + 2; ++n) {
    if (in_class(words[n], kBuildingNoun)) return true;
    if (words[n].punctuation) return false;
  }
  return false;
}

// "In Amizmiz, a market town of some 14,000 people": a place noun that
// heads the apposition right after a name says the name is a place; not
// one that modifies another noun ("Speaking in Congress, a district
// official said").
bool place_in_apposition(std::span<const Word> words, std::size_t end) {
  constexpr std::size_t kAppositionWords = 3;  // "a", "market", "town"
  if (end + 2 >= words.size() || words[end].text != "," || !in_class(words[end + 1], kDeterminer)) return false;
  for (std::size_t k = end + 2; k < words.size() && k < end + 1 + kAppositionWords; ++k) {
    if (in_class(words[k], kPlaceNoun)) {
      return k + 1 == words.size() || words[k + 1].punctuation ||
             in_class(words[k + 1], kOf | kLocative | kPlacePreposition | kSubordinator | kClauseBoundary);
    }
    if (words[k].punctuation || words[k].capitalized) return false;
  }
  return false;
}

// Whether the words from `k` on make the name before them a clause's
// subject or a source's, not the second of two places: "in Gaza and Israel
// said", "in Israel and Gaza health officials said", "and Jackson has".
bool opens_a_clause(std::span<const Word> words, std::size_t k) {
  return k < words.size() &&
         (in_class(words[k], kSourceNoun | kSpeechVerb | kCueWord | kAuxiliary | kBeforeVerb | kTallyVerb | kCopula) ||
          followed_by_possessive(words, k));
}

// Whether a tally verb follows the words before `k`, past auxiliaries:
// "recorded", "has recorded", "had also counted".
bool tally_verb_after(std::span<const Word> words, std::size_t k) {
  constexpr std::size_t kMostAuxiliaries = 2;
  for (std::size_t n = 0; k < words.size() && n <= kMostAuxiliaries; ++k, ++n) {
    if (in_class(words[k], kTallyVerb)) return true;
    if (!in_class(words[k], kAuxiliary | kBeforeVerb)) return false;
  }
  return false;
}

// Places the lexicon does not know that the gazetteer does: "in Hatay", "the
// town of Jayrud", "at Kabul airport", "Morocco's king", "in Paris, Texas".
// The whole run of capitalized words must be the place ("at Church Ave." is
// no church, "in Ash Shairat" no ash), and a word that names a people is an
// adjective ("German town"). Only runs after a place preposition, a
// country's or division's before a possessive, runs before a place noun
// ("Aceh province") and runs with a capitalized qualifier after a comma
// ("Grangemouth, Scotland") are looked up: a lookup costs microseconds, and
// news capitalizes many words that are no place.
std::vector<UnknownPlace> find_unknown_places(const SentenceView& sentence, WorldPlaces& world,
                                              const PlaceContext& context) {
  const std::span<const Word> words = sentence.words;
  std::vector<UnknownPlace> places, small_towns;
  const auto in_article_country = [&](const ResolvedPlace& place) {
    return std::find(context.article_countries.begin(), context.article_countries.end(), place.country) !=
           context.article_countries.end();
  };
  // The place found whose name ends at word `last`, if one: a lexicon entity or one found so far.
  const auto place_ending_at = [&](std::size_t last) -> const ResolvedPlace* {
    if (!places.empty() && places.back().last == last) return &places.back().place;
    for (const PhraseMatch& match : sentence.matches) {
      if (match.kind == PhraseKind::entity && match.last == last) return &world.entity(match.target);
    }
    return nullptr;
  };
  for (std::size_t i = 0; i < words.size(); ++i) {
    // "In Chicago, 100 people were shot": a sentence's first word is
    // capitalized, and a preposition opens no name.
    if (!words[i].capitalized || is_weekday_or_month(words[i]) || sentence.is_authority_word(i) ||
        sentence.is_entity_word(i) || (i == 0 && in_class(words[i], kPlacePreposition))) {
      continue;
    }
    // "60 km northeast of Damascus", "the Russian Embassy in Tel Aviv": somewhere in its country.
    if (country_only(words, i)) {
      const std::size_t end = run_end(words, i);
      if (may_be_place(world, words, i, end)) {
        auto [place, name_end] = resolve_run(world, context, words, i, end, false, {});
        if (place) add_country_of(world, context, *place, i, name_end, places);
      }
      i = end - 1;
      continue;
    }
    // "Indonesia's Aceh province": a place of the possessor's country.
    const bool possessor = i > 2 && followed_by_possessive(words, i - 2);
    const std::size_t end = run_end(words, i);
    const bool owner = followed_by_possessive(words, end);
    // "at Rohr's Chula Vista plant": the place is what the owner has.
    const bool preposition = place_preposition(words, i) && !owner && !speaker_is_there(words, i);
    const bool after_place_noun = i > 1 && in_class(words[i - 1], kOf) && in_class(words[i - 2], kPlaceNoun);
    const bool citizens_of = follows_citizens_of(words, i);
    const bool possessive = owner && end - i <= 2 && !speaks_for_nationals(words, end + 2);
    // "hit Aceh province", "the Jabalya camp": a place noun says the run is a place.
    const bool named_place = end < words.size() && in_class(words[end], kPlaceNoun);
    // "Paris, Texas": a place after a comma says which.
    const std::string within = qualifier_after(words, end);
    // "USSR 3400 (3440), Albania 10 (9)": a country's name right before a number, as tables give them.
    const bool before_number = end < words.size() && words[end].begin > words[end - 1].end &&
                               words[end].text.front() >= '0' && words[end].text.front() <= '9';
    // "a death toll of 63 for Rhineland-Palatinate": a division's or a country's count ("226 for Harris" are votes).
    const bool number_for = i > 1 && in_class(words[i - 1], kCountPreposition) && starts_with_digit(words[i - 2]);
    // "in Germany and Belgium": a name joined to a place found before it.
    const std::size_t and_at = i >= 3 && in_class(words[i - 1], kArticle) ? i - 2 : i - 1;  // "and the"
    const ResolvedPlace* joined =
        i >= 2 && in_class(words[and_at], kAnd) && !opens_a_clause(words, end) ? place_ending_at(and_at) : nullptr;
    // "Chichaoua recorded 202 deaths", "and Marrakech has recorded 18", "the
    // province of Taroudant recorded 121": a clause's subject that keeps a count.
    const bool tally_subject =
        tally_verb_after(words, end) &&
        (i == 0 || in_class(words[i - 1], kClauseBoundary | kConjunction | kAnd | kSubordinator) ||
         (i > 1 && in_class(words[i - 1], kOf) && in_class(words[i - 2], kPlaceNoun)));
    if ((preposition || possessive || possessor || named_place || !within.empty() || before_number || citizens_of ||
         number_for || tally_subject || joined != nullptr) &&
        may_be_place(world, words, i, end)) {
      auto [place, name_end] = resolve_run(world, context, words, i, end, false, within);
      const bool obscure = place && name_end == i + 1 && obscure_town(*place, context);
      // "Gray's autopsy", "the Taliban's return": a possessive is a place's
      // only when it names a country or a division.
      const bool possessors = possessor && place &&
                              std::find(context.sentence_countries.begin(), context.sentence_countries.end(),
                                        place->country) != context.sentence_countries.end();
      // "its Murdochville, Quebec, copper mine": a place named with the division or country it lies in.
      const bool in_qualifier = place && name_end == end && lies_within(world, context, *place, within);
      // Only a qualifier that holds the town qualifies it: "from Bear, Stearns and Co" names no Delaware.
      const bool qualified = in_qualifier || after_place_noun ||
                             (name_end < words.size() && in_class(words[name_end], kPlaceNoun)) ||
                             place_in_apposition(words, name_end);
      const bool country = place && place->kind == PlaceKind::country && name_end == end;
      // "Taroudant's toll": the place whose count it is, whatever its kind;
      // "Kabul's main mosque": the place a building named by it stands in,
      // a city or a town of a country the article named ("St. Mary's
      // hospital", "Clinton's school" in a US story are people's).
      const bool saint = (i > 0 && in_class(words[i - 1], kSaintWord)) ||
                         (i > 1 && words[i - 1].text == "." && in_class(words[i - 2], kSaintWord));
      const bool building_owner =
          possessive && place && !saint && owns_a_building(words, end + 2) &&
          (place->population >= kBuildingTown || place->kind != PlaceKind::city || in_article_country(*place));
      const bool counts_owner = possessive && (owns_a_count(words, end + 2) || building_owner);
      const bool division_count = number_for && place && place->kind != PlaceKind::city;
      // Only a division, a city of 100,000 or more, or a town a place noun
      // names ("the town of"), of a country the article named: "Lawson
      // recorded" and "Smith counted 40 bodies" are people's, "Italy
      // recorded" its government's.
      const bool keeps_count =
          tally_subject && place && name_end == end && place->kind != PlaceKind::country &&
          (place->kind != PlaceKind::city || place->population >= kBuildingTown || after_place_noun) &&
          in_article_country(*place);
      // Of the same level as the place it is joined to ("in Turkey and Syria", "in Khan Younis and Rafah").
      const bool joined_alike = joined != nullptr && place && name_end == end &&
                                (place->kind == PlaceKind::country) == (joined->kind == PlaceKind::country);
      if (place && (preposition || possessors || named_place || in_qualifier || (before_number && country) ||
                    counts_owner || (citizens_of && country) || division_count || keeps_count || joined_alike ||
                    (possessive && (place->kind == PlaceKind::country || place->kind == PlaceKind::admin1)))) {
        // A small town named bare ("in Congress"), or before a place noun
        // without "in" ("the Standard district"), waits for its country (below).
        const bool wait = obscure && !in_qualifier && (!qualified || !preposition) && !counts_owner;
        const bool label = before_number && !(preposition || possessors || named_place || in_qualifier || possessive);
        (wait ? small_towns : places)
            .push_back({i, name_end, after_place_noun, std::move(*place), label, false, keeps_count});
      }
    }
    i = end - 1;
  }
  // "the refinery at Grangemouth in Scotland": a small town is a place where its sentence names its country.
  for (UnknownPlace& town : small_towns) {
    const auto same_country = [&](const UnknownPlace& place) { return place.place.country == town.place.country; };
    const auto& named = context.sentence_countries;
    if (std::find(named.begin(), named.end(), town.place.country) != named.end() ||
        std::any_of(places.begin(), places.end(), same_country)) {
      places.push_back(std::move(town));
    }
  }
  if (!small_towns.empty()) {
    in_text_order(places);
  }
  return places;
}

// The last place of `kind` the article said something happened in.
std::optional<ResolvedPlace>& last_named(PlaceContext& context, PlaceKind kind) {
  return context.last_named[static_cast<std::size_t>(kind)];
}

// The level a place noun says: "province" a province (a first-level
// division), "district" a district, "town" a town, "country" a country;
// none for any other word.
std::optional<PlaceKind> level_of_noun(const Word& word) {
  constexpr std::pair<std::uint64_t, PlaceKind> kLevels[] = {{kProvinceNoun, PlaceKind::admin1},
                                                             {kDistrictNoun, PlaceKind::admin2},
                                                             {kTownNoun, PlaceKind::city},
                                                             {kCountryNoun, PlaceKind::country}};
  for (const auto& [word_class, kind] : kLevels) {
    if (in_class(word, word_class)) return kind;
  }
  return std::nullopt;
}

// Whether the place name ending before word `last` is followed by a place
// noun of a level ("a quake hit Aceh province"): a place, wherever it stands.
bool named_with_level(std::span<const Word> words, std::size_t last) {
  return last < words.size() && level_of_noun(words[last]).has_value();
}

// Something that happened in `place` happened in its country: the
// country "across the country" refers to, after it.
void note_country_of(WorldPlaces& world, PlaceContext& context, const ResolvedPlace& place) {
  if (auto country = country_of_place(world, context, place))
    last_named(context, PlaceKind::country) = std::move(*country);
}

// A place the sentence says something happened in, at words [first, last).
struct Mention {
  std::size_t first = 0, last = 0;
  ResolvedPlace place;
};

// "killed 170,000 people in the province", "damaged in the district",
// "across the country": a place noun after "in the" with no name of its own
// refers to the last place of its level the article placed something in
// before it (`located`: this sentence's, in text order), and is an unknown
// place of its words. A place named with a place noun is of that noun's
// level ("Adiyaman province" is a province where the gazetteer has the
// city). Not "in the neighbouring district" (another one), "the province of
// Idlib" (named), "the district court" (another noun), "outside the
// country".
void refer_back(const SentenceView& sentence, WorldPlaces& world, PlaceContext& context,
                const std::vector<Mention>& located, SentencePlaces& places) {
  const std::span<const Word> words = sentence.words;
  constexpr std::uint64_t kAfterReference =
      kLocative | kPlacePreposition | kTimePreposition | kClauseBoundary | kConjunction | kAnd | kSubordinator;
  const std::size_t before = places.unknown.size();
  auto next = located.begin();
  const auto note_up_to = [&](std::size_t k) {
    for (; next != located.end() && next->first < k; ++next) {
      const std::optional<PlaceKind> said = next->last < words.size() ? level_of_noun(words[next->last]) : std::nullopt;
      last_named(context, said.value_or(next->place.kind)) = next->place;
      note_country_of(world, context, next->place);  // "in Marrakech" happened in Morocco
    }
  };
  for (std::size_t k = 2; k < words.size(); ++k) {
    if (!in_class(words[k - 1], kArticle) || !in_class(words[k - 2], kLocative) ||
        !in_class(words[k - 2], kPlacePreposition)) {
      continue;
    }
    const std::optional<PlaceKind> kind = level_of_noun(words[k]);
    if (!kind) continue;
    if (k + 1 < words.size() && (in_class(words[k + 1], kOf) || words[k + 1].capitalized ||
                                 !(words[k + 1].punctuation || in_class(words[k + 1], kAfterReference)))) {
      continue;
    }
    note_up_to(k);
    if (const std::optional<ResolvedPlace>& named = last_named(context, *kind)) {
      places.unknown.push_back({k - 1, k + 1, false, *named});
    }
  }
  note_up_to(words.size());
  if (places.unknown.size() != before) {
    in_text_order(places.unknown);
  }
}

struct Best {
  int score = 1 << 20;
  const ResolvedPlace* place = nullptr;
  std::size_t first = 0, last = 0;        // the words that name it
  const UnknownPlace* unknown = nullptr;  // the unknown place it is, if one (its label, country_only)
};

void take(Best& best, int score, const ResolvedPlace& place, std::size_t first, std::size_t last,
          const UnknownPlace* unknown = nullptr) {
  best.score = score;
  best.place = &place;
  best.first = first;
  best.last = last;
  best.unknown = unknown;
}

// Whether word `k` opens "N in": a number and a locative preposition.
bool count_in_at(std::span<const Word> words, std::size_t k) {
  return k + 1 < words.size() && starts_with_digit(words[k]) && in_class(words[k + 1], kLocative);
}

// Whether word `k` opens "N in PLACE" after a list's joiner: ", 452 in",
// "with 452 in", "including 20 in", or "and 191 in" after another such pair.
bool listed_count_in(std::span<const Word> words, std::size_t from, std::size_t k) {
  if (k == 0 || !count_in_at(words, k)) return false;
  const Word& joiner = words[k - 1];
  if (joiner.text == "," || joiner.lower == "with" || in_class(joiner, kPartOpener)) return true;
  if (!in_class(joiner, kAnd)) return false;
  for (std::size_t j = from; j + 1 < k; ++j) {
    if (count_in_at(words, j)) return true;
  }
  return false;
}

// Whether the place at word `place`, after a figure that ends at word
// `from`, is another figure's: "accounted for 1,293 of the deaths, with 452
// in Taroudant" (Taroudant is the 452's, not the 1,293's). Not "killed 12
// and wounded 70 in Gaza", where both are Gaza's.
bool another_figures_place(std::span<const Word> words, std::size_t from, std::size_t place) {
  constexpr std::size_t kPrepositionAndArticle = 3;  // "452 in Taroudant", "452 in the province of"
  for (std::size_t k = std::max(from, place > kPrepositionAndArticle ? place - kPrepositionAndArticle : 0);
       k + 1 < place; ++k) {
    if (listed_count_in(words, from, k)) return true;
  }
  return false;
}

// Whether the place named at word `place` (after `before`, the first of
// its article and adjectives) is whom a sentence blames or accuses, an
// agent and not where the figure is: "accused Israel of", "blamed the
// strike on Israel and said it killed 471".
bool blamed_place(std::span<const Word> words, std::size_t before) {
  constexpr std::size_t kBlameReach = 6;  // "blamed the blast at the hospital on"
  if (before == 0) return false;
  if (in_class(words[before - 1], kBlameVerb)) return true;
  if (words[before - 1].lower != "on") return false;
  // "blamed the strike on Israel", not "blamed Israel for a strike on Gaza City".
  for (std::size_t k = before - 1; k-- > 0 && before - 1 - k <= kBlameReach;) {
    if (in_class(words[k], kBlameVerb)) return true;
    if (in_class(words[k], kClauseBoundary | kConjunction | kOf) || words[k].lower == "for") return false;
  }
  return false;
}

// The nearest lexicon entity that may be the figure's place.
void nearest_entity(const SentenceView& sentence, const WorldPlaces& world, WordRange at, const Quantity& figure,
                    bool forces, std::optional<ResolvedPlace>& army, Best& best) {
  const auto [first, last] = at;
  const std::span<const Word> words = sentence.words;
  const auto [from, to] = sentence.search_window(first, last, 18, sentence.longest_match);
  for (const PhraseMatch& match : sentence.matches_starting(from, to)) {
    if (match.kind != PhraseKind::entity) continue;
    const bool after = match.first >= last;
    if (after && another_figures_place(words, last, match.first)) continue;
    // Skip "the", "its southern": "to the Gaza Strip".
    const std::size_t before =
        sentence.run_before(match.first, [](const Word& w) { return in_class(w, kBeforePlace | kPlaceAdjective); });
    if (country_only(words, match.first)) continue;  // "a town northeast of Damascus", "its embassy in Israel"
    if (blamed_place(words, before)) continue;
    if (speaker_is_there(words, match.first)) continue;
    const bool preposition =
        before > 0 && (in_class(words[before - 1], kLocative) || count_for_place(words, match.first));
    // "Gaza's Health Ministry" is about Gaza; "Israel's killing of" names an agent.
    const bool possessive = match.last + 2 < words.size() && followed_by_possessive(words, match.last) &&
                            (!sentence.is_metric_word(match.last + 2) || owns_a_count(words, match.last + 2));
    if (possessive && speaks_for_nationals(words, match.last + 2)) continue;
    const bool locative = preposition || possessive;
    // "35,000 Gazans": the counted noun names the place.
    const bool counted = after && match.first == last && !figure.noun.empty();
    if (counted && forces) {  // "13 U.S. troops": their army's country
      army = world.entity(match.target);
      continue;
    }
    // "Israel has killed 150 journalists": the subject of a killing is its agent, not its place.
    if (!locative && !counted && !after) {
      std::size_t next = match.last;
      while (next < words.size() && next - match.last < kSearchWindow && in_class(words[next], kAuxiliary)) ++next;
      if (next < words.size() && sentence.is_metric_word(next)) continue;
    }
    int score = after ? sentence.distance(first, last, match.first, match.last)
                      : sentence.distance(match.first, match.last, first, last);
    if (!locative && !counted) score += 6;
    if (score > ((locative || counted) ? 18 : 8)) continue;
    if (score < best.score) take(best, score, world.entity(match.target), match.first, match.last);
  }
}

// An unknown place nearer than the best so far.
void nearest_unknown_place(const SentenceView& sentence, const std::vector<UnknownPlace>& places, WordRange at,
                           Best& best) {
  const auto [first, last] = at;
  // An unknown place has at most four words ("in" and three) and scores up to 18 + 1.
  const WordRange window = sentence.search_window(first, last, 19, 4);
  const auto nearby = std::partition_point(places.begin(), places.end(),
                                           [&](const UnknownPlace& place) { return place.first < window.first; });
  for (auto place_it = nearby; place_it != places.end() && place_it->first < window.second; ++place_it) {
    const UnknownPlace& place = *place_it;
    // "Albania 10 (9), Bulgaria 52": the 10 and the 9 in brackets after it are Albania's, the 52 is not.
    const bool labelled =
        place.last == first || (first == place.last + 2 && sentence.words[place.last + 1].text == "(");
    if (place.label && !labelled) continue;
    const bool after = place.first >= last;
    if (after && another_figures_place(sentence.words, last, place.first)) continue;
    int score = after ? sentence.distance(first, last, place.first, place.last)
                      : sentence.distance(place.first, place.last, first, last);
    if (place.after_place_noun) score -= 1;  // "the village of Rityan" is as precise as news gets
    if (score <= 18 && score < best.score) take(best, score, place.place, place.first, place.last, &place);
  }
}

// "Indonesia's Aceh province", "Khan Shaykhun in Idlib province", "Aceh,
// Indonesia": a place named right beside the best one and lying in it is
// the more precise answer. Only right beside: in "11,300 across Libya,
// including 5,000 in Derna" the 11,300 are Libya's.
void narrow_to_part(const SentenceView& sentence, const WorldPlaces& world, const std::vector<UnknownPlace>& unknown,
                    Best& best) {
  constexpr std::size_t kBeside = 3;  // words between the two names: "'s", ",", "in", "province in"
  // "in the West Bank and East Jerusalem" joins two places: neither is a part the other is narrowed to.
  const auto joined = [&](std::size_t from, std::size_t to) {
    return std::any_of(sentence.words.begin() + static_cast<std::ptrdiff_t>(from),
                       sentence.words.begin() + static_cast<std::ptrdiff_t>(to),
                       [](const Word& word) { return in_class(word, kAnd); });
  };
  const auto beside = [&](std::size_t first, std::size_t last) {
    return (first >= best.last && first - best.last <= kBeside && !joined(best.last, first)) ||
           (best.first >= last && best.first - last <= kBeside && !joined(last, best.first));
  };
  const auto narrower = [&](const ResolvedPlace& place) {
    return place.name != best.place->name && best.place->holds(place);
  };
  for (const PhraseMatch& match : sentence.matches) {
    if (match.kind == PhraseKind::entity && beside(match.first, match.last) && narrower(world.entity(match.target))) {
      take(best, best.score, world.entity(match.target), match.first, match.last);
      return;
    }
  }
  for (const UnknownPlace& place : unknown) {
    if (beside(place.first, place.last) && narrower(place.place)) {
      take(best, best.score, place.place, place.first, place.last);
      return;
    }
  }
}

// Whether the place named at words [first, last) is joined by "and" to
// another that neither holds nor lies in it: "in Turkey and Syria", "across
// Germany and Belgium", "in Israel and the Gaza Strip" ("in Derna and
// Libya" names one).
const ResolvedPlace* joined_to_another(const SentenceView& sentence, const WorldPlaces& world,
                                       const std::vector<UnknownPlace>& unknown, std::size_t first, std::size_t last,
                                       const ResolvedPlace& place) {
  const std::span<const Word> words = sentence.words;
  // "and", and an article after it: "in Israel and the Gaza Strip".
  const bool and_after = last + 1 < words.size() && in_class(words[last], kAnd);
  const std::size_t next_first = last + 1 + (and_after && in_class(words[last + 1], kArticle) ? 1 : 0);
  const std::size_t and_at = first >= 3 && in_class(words[first - 1], kArticle) ? first - 2 : first - 1;
  const bool and_before = first >= 2 && and_at >= 1 && in_class(words[and_at], kAnd);
  if (!and_after && !and_before) return nullptr;
  const auto other = [&](std::size_t other_first, std::size_t other_last, const ResolvedPlace& other_place) {
    const bool beside = (and_after && other_first == next_first && !opens_a_clause(words, other_last)) ||
                        (and_before && other_last == and_at && !opens_a_clause(words, last));
    return beside && other_place.name != place.name && !other_place.holds(place) && !place.holds(other_place);
  };
  for (const PhraseMatch& match : sentence.matches) {
    if (match.kind == PhraseKind::entity && other(match.first, match.last, world.entity(match.target))) {
      return &world.entity(match.target);
    }
  }
  for (const UnknownPlace& named : unknown) {
    if (other(named.first, named.last, named.place)) return &named.place;
  }
  return nullptr;
}

// The two places of "in Turkey and Syria" as one: named "Syria and
// Turkey" whichever order an outlet writes them in, so that two outlets'
// combined tolls meet; its parents are those the two share ("Khan Younis
// and Rafah" lie in the Gaza Strip), its country theirs when they share
// one.
ResolvedPlace joint_place(const ResolvedPlace& a, const ResolvedPlace& b) {
  const ResolvedPlace& first = a.name < b.name ? a : b;
  const ResolvedPlace& second = a.name < b.name ? b : a;
  ResolvedPlace joint;
  joint.name = first.name + " and " + second.name;
  std::vector<std::string> shared;
  const std::vector<std::string>& b_parents = b.parents.places();
  for (const std::string& parent : a.parents.places()) {
    if (std::find(b_parents.begin(), b_parents.end(), parent) != b_parents.end()) shared.push_back(parent);
  }
  if (!shared.empty()) joint.parents = PlaceChain(shared);
  joint.country = a.country == b.country ? a.country : std::string();
  joint.kind = joint.country.empty() ? PlaceKind::country : std::max(a.kind, b.kind);
  joint.population = a.population + b.population;
  joint.in_lexicon = true;  // a place whatever its size
  return joint;
}

// Whether the best place is a country named by "from" right after the
// figure, or after its counted noun: "18 from Thailand", "four people from
// France", "18 from Bangkok, Thailand", "Ten citizens of Nepal". Only a count: "5 mln dlrs from
// Japan" is money that came from there, a figure of the story's place as
// much as of Japan's.
bool from_origin(const SentenceView& sentence, WordRange at, const Quantity& figure, const Best& best) {
  if (best.first == 0 || !may_count_people(figure) || figure.unit == "%") return false;
  const std::span<const Word> words = sentence.words;
  const std::size_t from = best.first - 1;
  if (from < at.second || from > at.second + 1 ||
      !(in_class(words[from], kOriginPreposition) || follows_citizens_of(words, best.first))) {
    return false;
  }
  return from == at.second || (!words[at.second].punctuation && !words[at.second].capitalized);
}

// Whether the words from `k` on, right after a place's name, make it a
// source's: a source noun, after a place noun or one more word ("Miami-Dade
// County Mayor", "Surfside officials", "Gaza health officials").
bool names_a_source(std::span<const Word> words, std::size_t k) {
  while (k < words.size() && in_class(words[k], kPlaceNoun)) ++k;
  for (std::size_t n = k; n < words.size() && n < k + 2; ++n) {
    if (words[n].punctuation) return false;
    if (in_class(words[n], kSourceNoun)) return true;
  }
  return false;
}

}  // namespace

SentencePlaces find_places(const SentenceView& sentence, WorldPlaces& world, PlaceContext& context) {
  SentencePlaces places;
  places.several = names_several_places(sentence);
  context.sentence_countries.clear();
  const auto note_country = [&](const ResolvedPlace& place, bool located) {
    if (place.country.empty()) return;
    if (located) note_located(context, place);
    if (place.kind == PlaceKind::admin1 || place.kind == PlaceKind::admin2) note_division(context, place.name);
    for (auto* countries : {&context.sentence_countries, &context.article_countries}) {
      if (std::find(countries->begin(), countries->end(), place.country) == countries->end()) {
        countries->push_back(place.country);
      }
    }
  };
  const std::span<const Word> words = sentence.words;
  // The places things happen in ("in Hatay province"), in text order, for
  // the references after them ("in the province").
  std::vector<Mention> located;
  for (const PhraseMatch& match : sentence.matches) {
    if (match.kind != PhraseKind::entity) continue;
    const std::size_t before =
        sentence.run_before(match.first, [](const Word& w) { return in_class(w, kBeforePlace | kPlaceAdjective); });
    const bool in = before > 0 && in_class(words[before - 1], kLocative);
    note_country(world.entity(match.target), in);
    if ((in || named_with_level(words, match.last)) && !country_only(words, match.first) &&
        !speaker_is_there(words, before)) {
      located.push_back({match.first, match.last, world.entity(match.target)});
    }
  }
  places.unknown = find_unknown_places(sentence, world, context);
  // A lexicon place measured from, or a mission's seat, stands for its country too ("north-east of Damascus").
  const std::size_t unknown = places.unknown.size();
  for (const PhraseMatch& match : sentence.matches) {
    if (match.kind == PhraseKind::entity && country_only(words, match.first)) {
      add_country_of(world, context, world.entity(match.target), match.first, match.last, places.unknown);
    }
  }
  if (places.unknown.size() != unknown) {
    in_text_order(places.unknown);
  }
  for (const UnknownPlace& place : places.unknown) {
    const bool in = place_preposition(words, place.first);
    note_country(place.place, in);
    if ((in || named_with_level(words, place.last)) && !place.country_only && !speaker_is_there(words, place.first)) {
      located.push_back({place.first, place.last, place.place});
    }
  }
  std::stable_sort(located.begin(), located.end(),
                   [](const Mention& a, const Mention& b) { return a.first < b.first; });
  // "across Germany and Belgium ... the number of dead surpassed 125": a
  // figure the sentence places nowhere nearer is of the two together.
  places.several = places.several || std::any_of(located.begin(), located.end(), [&](const Mention& mention) {
                     return joined_to_another(sentence, world, places.unknown, mention.first, mention.last,
                                              mention.place) != nullptr;
                   });
  refer_back(sentence, world, context, located, places);
  return places;
}

std::optional<ResolvedPlace> country_of_place(WorldPlaces& world, const PlaceContext& context,
                                              const ResolvedPlace& place) {
  if (place.kind == PlaceKind::country || place.parents.empty()) return std::nullopt;
  auto country = world.resolve(place.parents.places().back(), context);
  if (country && country->kind == PlaceKind::country && country->country == place.country) return country;
  return std::nullopt;
}

void note_dateline(WorldPlaces& world, PlaceContext& context, const ResolvedPlace& dateline) {
  if (dateline.kind == PlaceKind::country) {
    last_named(context, PlaceKind::country) = dateline;
  } else {
    note_country_of(world, context, dateline);
  }
}

void note_main_place(PlaceContext& context, const ResolvedPlace& main) {
  if (main.kind == PlaceKind::admin1 || main.kind == PlaceKind::admin2) note_division(context, main.name);
  const std::vector<std::string>& parents = main.parents.places();
  for (std::size_t k = 0; k + 1 < parents.size(); ++k) note_division(context, parents[k]);  // not the country
}

FoundPlace find_place(const SentenceView& sentence, WorldPlaces& world, const SentencePlaces& places, WordRange at,
                      const Quantity& figure, bool forces) {
  Best best;
  FoundPlace found;
  nearest_entity(sentence, world, at, figure, forces, found.army, best);
  nearest_unknown_place(sentence, places.unknown, at, best);
  if (best.place != nullptr && from_origin(sentence, at, figure, best)) {
    // "18 from Thailand", "four people from France": where they come from,
    // as a people's noun says ("18 Thais"), not where the figure is.
    found.people = *best.place;
    found.origin = true;
    return found;
  }
  if (best.place != nullptr) narrow_to_part(sentence, world, places.unknown, best);
  const ResolvedPlace* joined =
      best.place != nullptr ? joined_to_another(sentence, world, places.unknown, best.first, best.last, *best.place)
                            : nullptr;
  if (joined != nullptr) {
    found.place = joint_place(*best.place, *joined);
  } else if (best.place != nullptr) {
    found.place = *best.place;
    found.label = best.unknown != nullptr && best.unknown->label;
    // "Five dead, dozens injured in Indonesia quake": a place named as its
    // event's modifier only says where the event lies, as a place measured
    // from does.
    const bool modifier = best.last < sentence.size() && in_class(sentence.words[best.last], kEventNoun);
    found.country_only = (best.unknown != nullptr && best.unknown->country_only) || modifier;
    found.jurisdiction = names_a_source(sentence.words, best.last);
  }
  // "40 Palestinians", "30 Israeli civilians": the counted people's place
  // (a demonym that is a lexicon alias, "Gazans", is an entity above); of
  // soldiers, their army's ("five Israeli soldiers").
  const std::size_t next = at.second;
  if (next < sentence.size() && sentence.words[next].capitalized && !sentence.is_entity_word(next)) {
    if (auto people = world.demonym(sentence.words[next].text)) {
      if (forces) {
        found.army = std::move(people);
      } else if (!found.place || !people->holds(*found.place)) {
        found.people = std::move(people);
      }
    }
  }
  return found;
}

}  // namespace crosscheck::claims
