#include "claims/place.h"

#include <algorithm>
#include <map>

#include "claims/cues.h"
#include "claims/dates.h"

namespace crosscheck::claims {

namespace {

bool is_apostrophe(const Word& word) { return word.text == "'" || word.text == "\xE2\x80\x99"; }

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

// A capitalized run from word `first`, at most three words, ended by a
// weekday or a month ("in Sochi Thursday"); dotted initials are one name.
std::size_t run_end(std::span<const Word> words, std::size_t first) {
  if (const std::size_t initials = dotted_initials_end(words, first); initials != first) return initials;
  std::size_t end = first;
  while (end < words.size() && words[end].capitalized && !is_weekday_or_month(words[end]) && end - first < 3 &&
         (end == first || dotted_initials_end(words, end) == end)) {
    ++end;
  }
  return end;
}

bool all_capitals(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
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

// Whether the capitalized words [first, end) may name a place: not a part
// of a longer name ("Al" of "Al-Shifa"), not one or two letters, not a
// people's adjective ("German", "Thai").
bool may_be_place(WorldPlaces& world, std::span<const Word> words, std::size_t first, std::size_t end) {
  if ((end < words.size() && words[end].text == "-") || (first > 0 && words[first - 1].text == "-")) return false;
  if (end == first + 1 && words[first].text.size() <= 2 && !capital_initials(words, first)) return false;
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

// The place a capitalized run [first, end) names, and the end of its name.
struct RunPlace {
  std::optional<ResolvedPlace> place;
  std::size_t end = 0;
};

// The whole run, else the run without a trailing place noun ("in Aceh
// Province"); with `prefixes` (a title, where every word is capitalized),
// else its longest first words that name a place ("US Adds 943,000 Jobs").
RunPlace resolve_run(WorldPlaces& world, const PlaceContext& context, std::span<const Word> words, std::size_t first,
                     std::size_t end, bool prefixes, std::string_view within = {}) {
  if (auto place = world.resolve(name_of(words, first, end), context, within)) {
    // "interests in KEP": an acronym names a country ("UAE", "USA"), else an organization.
    const bool acronym = end == first + 1 && words[first].text.size() > 1 && all_capitals(words[first].text);
    if (!acronym || place->kind == PlaceKind::country) return {std::move(place), end};
  }
  if (end - first > 1 && in_class(words[end - 1], kPlaceNoun) && may_be_place(world, words, first, end - 1)) {
    if (auto place = world.resolve(name_of(words, first, end - 1), context, within)) return {std::move(place), end};
  }
  // Only a country or a division: "in Standard Oil" is no town called Standard.
  for (std::size_t shorter = end - 1; prefixes && shorter > first; --shorter) {
    if (!may_be_place(world, words, first, shorter)) continue;
    auto place = world.resolve(name_of(words, first, shorter), context);
    if (place && (place->kind == PlaceKind::country || place->kind == PlaceKind::admin1)) {
      return {std::move(place), shorter};
    }
  }
  return {std::nullopt, end};
}

// A small town or a second-level division named by one word, in a country the sentence and the
// dateline do not name: "in Congress" (Arizona), "switched to Williams"
// (California), "a stake in Standard" (Alberta) are a legislature, a company
// and a company. Such a town is a place only when qualified ("Milledgeville,
// Ga.", "the town of Jayrud", "Amizmiz district") or in a country named by the sentence.
bool obscure_town(const ResolvedPlace& place, const PlaceContext& context) {
  constexpr std::uint64_t kSmallTown = 50'000;
  // Second-level divisions are often named after people ("Douglas", "Williams") and have no population here.
  const bool small =
      (place.kind == PlaceKind::city && place.population < kSmallTown) || place.kind == PlaceKind::admin2;
  if (place.in_lexicon || !small) return false;
  if (place.country == context.dateline_country) return false;
  const auto& named = context.sentence_countries;
  return std::find(named.begin(), named.end(), place.country) == named.end();
}

// Whether "'s" follows word `end`: "Rohr's", "Indonesia's".
bool followed_by_possessive(std::span<const Word> words, std::size_t end) {
  return end + 1 < words.size() && is_apostrophe(words[end]) && words[end + 1].lower == "s";
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
  if (i == 0) return false;
  const Word& before = words[i - 1];
  if (in_class(before, kPlacePreposition)) return true;
  return i > 1 && in_class(before, kOf) && in_class(words[i - 2], kPlaceNoun);
}

// Places the lexicon does not know that the gazetteer does: "in Hatay", "the
// town of Jayrud", "at Kabul airport", "Morocco's king", "in Paris, Texas".
// The whole run of capitalized words must be the place ("at Church Ave." is
// no church, "in Ash Shairat" no ash), and a word that names a people is an
// adjective ("German town"). Only runs after a place preposition, or a
// country's or division's before a possessive, are looked up: a lookup
// costs microseconds, and news capitalizes many words that are no place.
std::vector<UnknownPlace> find_unknown_places(const SentenceView& sentence, WorldPlaces& world,
                                              const PlaceContext& context) {
  const std::span<const Word> words = sentence.words;
  std::vector<UnknownPlace> places;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!words[i].capitalized || is_weekday_or_month(words[i]) || sentence.is_authority_word(i) ||
        sentence.is_entity_word(i)) {
      continue;
    }
    // "Indonesia's Aceh province": a place of the possessor's country.
    const bool possessor = i > 2 && words[i - 1].lower == "s" && is_apostrophe(words[i - 2]);
    const std::size_t end = run_end(words, i);
    const bool owner = followed_by_possessive(words, end);
    // "at Rohr's Chula Vista plant": the place is what the owner has.
    const bool preposition = place_preposition(words, i) && !owner;
    const bool possessive = owner && end - i <= 2 && !speaks_for_nationals(words, end + 2);
    if ((preposition || possessive || possessor) && may_be_place(world, words, i, end)) {
      // "Paris, Texas": a place after a comma says which.
      std::string within;
      if (end + 1 < words.size() && words[end].text == "," && words[end + 1].capitalized) {
        within = sentence.text_of(end + 1, run_end(words, end + 1));
      }
      auto [place, name_end] = resolve_run(world, context, words, i, end, false, within);
      const bool qualified = !within.empty() ||
                             (i > 1 && in_class(words[i - 1], kOf) && in_class(words[i - 2], kPlaceNoun)) ||
                             (name_end < words.size() && in_class(words[name_end], kPlaceNoun));
      if (place && !qualified && name_end == i + 1 && obscure_town(*place, context)) place.reset();
      // "Gray's autopsy", "the Taliban's return": a possessive is a place's
      // only when it names a country or a division.
      const bool possessors = possessor && place &&
                              std::find(context.sentence_countries.begin(), context.sentence_countries.end(),
                                        place->country) != context.sentence_countries.end();
      if (place && (preposition || possessors ||
                    (possessive && (place->kind == PlaceKind::country || place->kind == PlaceKind::admin1)))) {
        const bool place_noun = i > 1 && in_class(words[i - 1], kOf) && in_class(words[i - 2], kPlaceNoun);
        places.push_back({i, name_end, place_noun, std::move(*place)});
      }
    }
    i = end - 1;
  }
  return places;
}

struct Best {
  int score = 1 << 20;
  const ResolvedPlace* place = nullptr;
  std::size_t first = 0, last = 0;  // the words that name it
};

void take(Best& best, int score, const ResolvedPlace& place, std::size_t first, std::size_t last) {
  best.score = score;
  best.place = &place;
  best.first = first;
  best.last = last;
}

// The nearest lexicon entity that may be the figure's place.
void nearest_entity(const SentenceView& sentence, const WorldPlaces& world, WordRange at, const Quantity& figure,
                    Best& best) {
  const auto [first, last] = at;
  const std::span<const Word> words = sentence.words;
  const auto [from, to] = sentence.search_window(first, last, 18, sentence.longest_match);
  for (const PhraseMatch& match : sentence.matches_starting(from, to)) {
    if (match.kind != PhraseKind::entity) continue;
    const bool after = match.first >= last;
    // Skip "the", "its southern": "to the Gaza Strip".
    const std::size_t before =
        sentence.run_before(match.first, [](const Word& w) { return in_class(w, kBeforePlace | kPlaceAdjective); });
    const bool preposition = before > 0 && in_class(words[before - 1], kLocative);
    // "Gaza's Health Ministry" is about Gaza; "Israel's killing of" names an agent.
    const bool possessive = match.last + 2 < words.size() && is_apostrophe(words[match.last]) &&
                            words[match.last + 1].lower == "s" && !sentence.is_metric_word(match.last + 2);
    if (possessive && speaks_for_nationals(words, match.last + 2)) continue;
    const bool locative = preposition || possessive;
    // "35,000 Gazans": the counted noun names the place.
    const bool counted = after && match.first == last && !figure.noun.empty();
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
    const bool after = place.first >= last;
    int score = after ? sentence.distance(first, last, place.first, place.last)
                      : sentence.distance(place.first, place.last, first, last);
    if (place.after_place_noun) score -= 1;  // "the village of Rityan" is as precise as news gets
    if (score <= 18 && score < best.score) take(best, score, place.place, place.first, place.last);
  }
}

// "Indonesia's Aceh province", "Khan Shaykhun in Idlib province", "Aceh,
// Indonesia": a place named right beside the best one and lying in it is
// the more precise answer. Only right beside: in "11,300 across Libya,
// including 5,000 in Derna" the 11,300 are Libya's.
void narrow_to_part(const SentenceView& sentence, const WorldPlaces& world, const std::vector<UnknownPlace>& unknown,
                    Best& best) {
  constexpr std::size_t kBeside = 3;  // words between the two names: "'s", ",", "in", "province in"
  const auto beside = [&](std::size_t first, std::size_t last) {
    return (first >= best.last && first - best.last <= kBeside) || (best.first >= last && best.first - last <= kBeside);
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

// Notes that the article said something happened in `place` ("in Gaza"):
// see PlaceContext::located_countries and located_places.
void note_located(PlaceContext& context, const ResolvedPlace& place) {
  auto& countries = context.located_countries;
  if (place.country.empty() || std::find(countries.begin(), countries.end(), place.country) != countries.end()) return;
  countries.push_back(place.country);
  if (place.kind != PlaceKind::country) context.located_places.push_back(place);
}

}  // namespace

SentencePlaces find_places(const SentenceView& sentence, WorldPlaces& world, PlaceContext& context) {
  SentencePlaces places;
  places.several = names_several_places(sentence);
  context.sentence_countries.clear();
  const auto note_country = [&](const ResolvedPlace& place, bool located) {
    if (place.country.empty()) return;
    if (located) note_located(context, place);
    for (auto* countries : {&context.sentence_countries, &context.article_countries}) {
      if (std::find(countries->begin(), countries->end(), place.country) == countries->end()) {
        countries->push_back(place.country);
      }
    }
  };
  const std::span<const Word> words = sentence.words;
  for (const PhraseMatch& match : sentence.matches) {
    if (match.kind != PhraseKind::entity) continue;
    const std::size_t before =
        sentence.run_before(match.first, [](const Word& w) { return in_class(w, kBeforePlace | kPlaceAdjective); });
    note_country(world.entity(match.target), before > 0 && in_class(words[before - 1], kLocative));
  }
  places.unknown = find_unknown_places(sentence, world, context);
  for (const UnknownPlace& place : places.unknown) note_country(place.place, place_preposition(words, place.first));
  return places;
}

FoundPlace find_place(const SentenceView& sentence, WorldPlaces& world, const SentencePlaces& places, WordRange at,
                      const Quantity& figure) {
  Best best;
  nearest_entity(sentence, world, at, figure, best);
  nearest_unknown_place(sentence, places.unknown, at, best);
  if (best.place != nullptr) narrow_to_part(sentence, world, places.unknown, best);
  FoundPlace found;
  if (best.place != nullptr) found.place = *best.place;
  // "40 Palestinians", "30 Israeli civilians": the counted people's place
  // (a demonym that is a lexicon alias, "Gazans", is an entity above).
  const std::size_t next = at.second;
  if (next < sentence.size() && sentence.words[next].capitalized && !sentence.is_entity_word(next)) {
    if (auto people = world.demonym(sentence.words[next].text)) {
      if (!found.place || !people->holds(*found.place)) found.people = std::move(people);
    }
  }
  return found;
}

namespace {

// The places an article's title and sentences name, with how often (in
// "in Gaza" more than in "Israel's") and where first.
// Which capitalized runs of a sentence are looked up in the gazetteer: none,
// those after "in", "at"..., all, all of a title (where every word is
// capitalized, so a run's first words may be the name: "US Adds 943,000
// Jobs"), or all of a title in capitals but only for a country or a division
// ("IN FERRY DISASTER" names no town).
enum class Lookups { none, locative, all, title, title_in_capitals };

// "26 REPORTED DEAD IN FERRY DISASTER": most words of two letters or more in capitals.
bool in_capitals(std::span<const Word> words) {
  std::size_t long_words = 0, shouted = 0;
  for (const Word& word : words) {
    if (word.punctuation || word.text.size() < 2) continue;
    ++long_words;
    shouted += all_capitals(word.text);
  }
  return long_words > 0 && shouted * 5 > long_words * 3;
}

class PlaceCounts {
 public:
  PlaceCounts(WorldPlaces& world, PlaceContext& context) : world_(world), context_(context) {}

  bool empty() const { return counts_.empty(); }

  // The places among `words`, each worth `weight` (three times that after
  // "in" when `locative_counts_more`); the gazetteer's too, those `lookups` says.
  // Words that begin before byte `skip` (the dateline) are not counted.
  void count_in(const std::vector<Word>& words, const std::vector<PhraseMatch>& matches, int weight,
                bool locative_counts_more, Lookups lookups, std::size_t skip = 0) {
    std::vector<bool> taken(words.size(), false);
    for (std::size_t i = 0; i < words.size() && words[i].begin < skip; ++i) taken[i] = true;
    const auto mentions = [&](bool locative) { return weight * (locative && locative_counts_more ? 3 : 1); };
    for (const PhraseMatch& match : matches) {
      if (match.kind != PhraseKind::entity && match.kind != PhraseKind::authority) continue;
      if (match.first < taken.size() && taken[match.first]) continue;  // the dateline's
      std::fill(taken.begin() + match.first, taken.begin() + match.last, true);
      if (match.kind != PhraseKind::entity) continue;
      std::size_t before = match.first;
      while (before > 0 && in_class(words[before - 1], kBeforePlace)) --before;
      // "in Gaza", "across Gaza" say where things happen; "Israel's" or "Israel
      // rejected" say who acts.
      const bool locative = before > 0 && in_class(words[before - 1], kLocative);
      if (locative) note_located(context_, world_.entity(match.target));
      count(world_.entity(match.target), mentions(locative));
    }
    if (lookups == Lookups::none) return;
    for (std::size_t i = 0; i < words.size(); ++i) {
      // "The UAE exported": a capitalized article opens no name.
      if (!words[i].capitalized || taken[i] || is_weekday_or_month(words[i]) || in_class(words[i], kDeterminer))
        continue;
      std::size_t end = run_end(words, i);
      end = std::find(taken.begin() + i, taken.begin() + end, true) - taken.begin();
      const bool locative = place_preposition(words, i) && !followed_by_possessive(words, end);
      // Unless asked for all, only a run after "in", "at"... is looked up:
      // a sentence's other capitalized words (names, organizations) are
      // many, and a lookup that finds nothing costs as much as one that does.
      const bool title = lookups == Lookups::title || lookups == Lookups::title_in_capitals;
      if ((locative || title || lookups == Lookups::all) && may_be_place(world_, words, i, end)) {
        // In a sentence, "Douglas Danforth" is no place called Douglas.
        auto [place, name_end] = resolve_run(world_, context_, words, i, end, title);
        const bool division = place && place->kind == PlaceKind::admin1 && !in_class(words[i], kCompassWord);
        const bool any_kind = locative && lookups != Lookups::title_in_capitals &&
                              !(place && name_end == i + 1 && obscure_town(*place, context_));
        if (place && (any_kind || place->kind == PlaceKind::country || division)) {
          if (locative) note_located(context_, *place);
          count(*place, mentions(locative));
        }
        end = name_end;
      }
      i = end - 1;
    }
  }

  // The most mentioned, the first named among equals.
  std::optional<ResolvedPlace> best() const {
    const Count* best = nullptr;
    for (const auto& [name, counted] : counts_) {
      if (counted.mentions == 0) continue;
      if (best == nullptr || counted.mentions > best->mentions ||
          (counted.mentions == best->mentions && counted.first < best->first)) {
        best = &counted;
      }
    }
    if (best == nullptr) return std::nullopt;
    // "Quake hits Indonesia's Aceh province": an article about a country is
    // about the place in it that it names, when it names one. Only from a
    // country: "Gaza death toll passes 35,000 as Israel pushes deeper into
    // Rafah" is Gaza's story.
    if (best->place.kind != PlaceKind::country) return best->place;
    const Count* narrower = nullptr;
    for (const auto& [name, counted] : counts_) {
      if (counted.mentions == 0 || name == best->place.name || !best->place.holds(counted.place)) continue;
      if (narrower == nullptr || counted.mentions > narrower->mentions) narrower = &counted;
    }
    return narrower != nullptr ? narrower->place : best->place;
  }

 private:
  struct Count {
    int mentions = 0;
    std::size_t first = 0;
    ResolvedPlace place;
  };
  void count(const ResolvedPlace& place, int mentions) {
    Count& counted = counts_.try_emplace(place.name, Count{0, position_, place}).first->second;
    counted.mentions += mentions;
    ++position_;
  }

  WorldPlaces& world_;
  PlaceContext& context_;                // the places counted after "in" are noted as located in it
  std::map<std::string, Count> counts_;  // by place name
  std::size_t position_ = 0;
};

}  // namespace

std::optional<ResolvedPlace> main_place(ArticleWords& article, WorldPlaces& world, PlaceContext& context,
                                        const std::vector<bool>& names_place, std::size_t dateline_end) {
  PlaceCounts counts(world, context);
  // The title and the lead say what the story is about; the rest of the
  // article only decides when they name no place.
  {
    const std::string& title = article.article().title;
    std::string lower;
    lower_ascii(title, lower);
    std::vector<Word> words;
    std::vector<PhraseMatch> matches;
    split_words(title, lower, words);
    article.index().find_all(words, matches);
    counts.count_in(words, matches, 2, false, in_capitals(words) ? Lookups::title_in_capitals : Lookups::title);
  }
  const std::size_t sentences = article.parts().sentences.size();
  const auto count_lead = [&](Lookups lookups) {
    for (std::size_t s = 0; s < sentences && s < 2; ++s) {
      const SentenceWords& sentence = article.words(s);
      const std::size_t begin = article.parts().sentences[s].begin;
      counts.count_in(sentence.words, sentence.matches, 1, true, lookups,
                      dateline_end > begin ? dateline_end - begin : 0);
    }
  };
  count_lead(Lookups::locative);
  // "as it left Belgium for Britain", "The U.S. economy added": a lead that
  // names a country or a division without "in" still says where.
  if (counts.empty()) count_lead(Lookups::all);
  // Then the rest of the article: its lexicon places, else what follows its "in"s.
  for (const Lookups lookups : {Lookups::none, Lookups::locative}) {
    if (!counts.empty()) break;
    for (std::size_t s = 2; s < sentences; ++s) {
      // Most sentences name no lexicon place (the quantities reader saw no
      // such name's longest word in them): they need not be split into words.
      if (lookups == Lookups::none && !article.ready(s) && !names_place[s]) continue;
      const SentenceWords& sentence = article.words(s);
      counts.count_in(sentence.words, sentence.matches, 1, true, lookups);
    }
  }
  return counts.best();
}

}  // namespace crosscheck::claims
