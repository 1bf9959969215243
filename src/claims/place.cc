#include "claims/place.h"

#include <map>

#include "claims/dates.h"

namespace crosscheck::claims {

namespace {

bool is_apostrophe(const Word& word) { return word.text == "'" || word.text == "\xE2\x80\x99"; }

// "the combined toll", "in both countries": a figure over several places
// is not the main place's.
bool names_several_places(const SentenceView& sentence) {
  const std::span<const Word> words = sentence.words;
  for (std::size_t k = 0; k + 1 < words.size(); ++k) {
    if (!in_class(words[k], kScopeWord)) continue;
    const bool combined_toll =
        words[k].lower == "combined" && (sentence.is_metric_word(k + 1) || in_class(words[k + 1], kTotalNoun));
    const bool together_with = words[k].lower == "together" && words[k + 1].lower == "with";
    const bool both_places = words[k].lower == "both" && in_class(words[k + 1], kManyPlaces);
    if (combined_toll || together_with || both_places) return true;
  }
  return false;
}

// A capitalized run from word `first`, at most three words, ended by a
// weekday or a month ("in Sochi Thursday").
std::size_t run_end(std::span<const Word> words, std::size_t first) {
  std::size_t end = first;
  while (end < words.size() && words[end].capitalized && !is_weekday_or_month(words[end]) && end - first < 3) ++end;
  return end;
}

// Whether the capitalized words [first, end) may name a place: not a part
// of a longer name ("Al" of "Al-Shifa"), not one or two letters, not a
// people's adjective ("German", "Thai").
bool may_be_place(WorldPlaces& world, std::span<const Word> words, std::size_t first, std::size_t end) {
  if ((end < words.size() && words[end].text == "-") || (first > 0 && words[first - 1].text == "-")) return false;
  if (end == first + 1 && (words[first].text.size() <= 2 || world.demonym(words[first].text))) return false;
  return true;
}

// "in Hatay", "at Kabul airport", "the town of Jayrud": words before a
// capitalized run that say it is where something happens.
bool place_preposition(std::span<const Word> words, std::size_t i) {
  if (i == 0) return false;
  const Word& before = words[i - 1];
  if (in_class(before, kPlacePreposition)) return true;
  return i > 1 && before.lower == "of" && in_class(words[i - 2], kPlaceNoun);
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
    const bool preposition = place_preposition(words, i);
    const std::size_t end = run_end(words, i);
    const bool possessive =
        end + 1 < words.size() && is_apostrophe(words[end]) && words[end + 1].lower == "s" && end - i <= 2;
    if ((preposition || possessive) && may_be_place(world, words, i, end)) {
      // "Paris, Texas": a place after a comma says which.
      std::string within;
      if (end + 1 < words.size() && words[end].text == "," && words[end + 1].capitalized) {
        within = sentence.text_of(end + 1, run_end(words, end + 1));
      }
      auto place = world.resolve(sentence.text_of(i, end), context, within);
      // "Gray's autopsy", "the Taliban's return": a possessive is a place's
      // only when it names a country or a division.
      if (place && (preposition || place->kind == PlaceKind::country || place->kind == PlaceKind::admin1)) {
        const bool place_noun = i > 1 && words[i - 1].lower == "of" && in_class(words[i - 2], kPlaceNoun);
        places.push_back({i, end, place_noun, std::move(*place)});
      }
    }
    i = end - 1;
  }
  return places;
}

struct Best {
  int score = 1 << 20;
  const ResolvedPlace* place = nullptr;
};

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
    if (score < best.score) {
      best.score = score;
      best.place = &world.entity(match.target);
    }
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
    if (score <= 18 && score < best.score) {
      best.score = score;
      best.place = &place.place;
    }
  }
}

}  // namespace

SentencePlaces find_places(const SentenceView& sentence, WorldPlaces& world, PlaceContext& context) {
  SentencePlaces places;
  places.several = names_several_places(sentence);
  context.sentence_countries.clear();
  const auto note_country = [&](const ResolvedPlace& place) {
    if (place.country.empty()) return;
    for (auto* countries : {&context.sentence_countries, &context.article_countries}) {
      if (std::find(countries->begin(), countries->end(), place.country) == countries->end()) {
        countries->push_back(place.country);
      }
    }
  };
  for (const PhraseMatch& match : sentence.matches) {
    if (match.kind == PhraseKind::entity) note_country(world.entity(match.target));
  }
  places.unknown = find_unknown_places(sentence, world, context);
  for (const UnknownPlace& place : places.unknown) note_country(place.place);
  return places;
}

FoundPlace find_place(const SentenceView& sentence, WorldPlaces& world, const SentencePlaces& places, WordRange at,
                      const Quantity& figure) {
  Best best;
  nearest_entity(sentence, world, at, figure, best);
  nearest_unknown_place(sentence, places.unknown, at, best);
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
class PlaceCounts {
 public:
  PlaceCounts(WorldPlaces& world, const PlaceContext& context) : world_(world), context_(context) {}

  bool empty() const { return counts_.empty(); }

  // The places among `words`, each worth `weight` (three times that after
  // "in" when `locative_counts_more`); the gazetteer's too when `gazetteer`.
  // Words that begin before byte `skip` (the dateline) are not counted.
  void count_in(const std::vector<Word>& words, const std::vector<PhraseMatch>& matches, int weight,
                bool locative_counts_more, bool gazetteer, std::size_t skip = 0) {
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
      count(world_.entity(match.target), mentions(before > 0 && in_class(words[before - 1], kLocative)));
    }
    if (!gazetteer) return;
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (!words[i].capitalized || taken[i] || is_weekday_or_month(words[i])) continue;
      std::size_t end = i;
      while (end < words.size() && end - i < 3 && words[end].capitalized && !taken[end]) ++end;
      const bool locative = place_preposition(words, i);
      // Outside the title only a run after "in", "at"... is looked up: the
      // lead's other capitalized words (names, organizations) are many, and
      // a lookup that finds nothing costs as much as one that does.
      if ((locative || weight > 1) && may_be_place(world_, words, i, end)) {
        std::string name;
        for (std::size_t k = i; k < end; ++k) name += (k > i ? " " : "") + std::string(words[k].text);
        const auto place = world_.resolve(name, context_);
        const bool division = place && place->kind == PlaceKind::admin1 && !in_class(words[i], kCompassWord);
        if (place && (locative || place->kind == PlaceKind::country || division)) count(*place, mentions(locative));
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
    return best->place;
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
  const PlaceContext& context_;
  std::map<std::string, Count> counts_;  // by place name
  std::size_t position_ = 0;
};

}  // namespace

std::optional<ResolvedPlace> main_place(ArticleWords& article, WorldPlaces& world, const PlaceContext& context,
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
    counts.count_in(words, matches, 2, false, true);
  }
  const std::size_t sentences = article.parts().sentences.size();
  for (std::size_t s = 0; s < sentences && s < 2; ++s) {
    const SentenceWords& sentence = article.words(s);
    const std::size_t begin = article.parts().sentences[s].begin;
    counts.count_in(sentence.words, sentence.matches, 1, true, true, dateline_end > begin ? dateline_end - begin : 0);
  }
  if (counts.empty()) {
    for (std::size_t s = 2; s < sentences; ++s) {
      // Most sentences name no place (the quantities reader saw no place
      // name's longest word in them): they need not be split into words.
      if (!article.ready(s) && !names_place[s]) continue;
      const SentenceWords& sentence = article.words(s);
      counts.count_in(sentence.words, sentence.matches, 1, true, false);
    }
  }
  return counts.best();
}

}  // namespace crosscheck::claims
