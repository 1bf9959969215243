#include "claims/place.h"

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

// Places the lexicon does not know: "in Hatay", "the town of Jayrud".
std::vector<UnknownPlace> find_unknown_places(const SentenceView& sentence) {
  const std::span<const Word> words = sentence.words;
  std::vector<UnknownPlace> places;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    const bool preposition = in_class(words[i], kPlacePreposition);
    const bool place_noun = in_class(words[i], kOf) && i > 0 && in_class(words[i - 1], kPlaceNoun);
    if (!(preposition || place_noun) || !words[i + 1].capitalized || is_weekday_or_month(words[i + 1]) ||
        sentence.is_authority_word(i + 1) || sentence.is_entity_word(i + 1)) {
      continue;
    }
    std::size_t end = i + 1;
    // "in Sochi Thursday": a weekday or a month ends the name.
    while (end < words.size() && words[end].capitalized && !is_weekday_or_month(words[end]) && end - i <= 3) {
      ++end;
    }
    places.push_back({i + 1, end, place_noun});
  }
  return places;
}

struct Best {
  int score = 1 << 20;
  std::string place;
};

// The nearest lexicon entity that may be the figure's place.
void nearest_entity(const SentenceView& sentence, const Lexicon& lexicon, WordRange at, const Quantity& figure,
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
      best.place = lexicon.entities[match.target].name;
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
      best.place = sentence.text_of(place.first, place.last);
    }
  }
}

}  // namespace

SentencePlaces find_places(const SentenceView& sentence) {
  SentencePlaces places;
  places.several = names_several_places(sentence);
  places.unknown = find_unknown_places(sentence);
  return places;
}

std::string find_place(const SentenceView& sentence, const Lexicon& lexicon, const SentencePlaces& places, WordRange at,
                       const Quantity& figure) {
  Best best;
  nearest_entity(sentence, lexicon, at, figure, best);
  nearest_unknown_place(sentence, places.unknown, at, best);
  return std::move(best.place);
}

std::string main_place(ArticleWords& article, const Lexicon& lexicon, const std::vector<bool>& names_place) {
  std::map<std::uint32_t, std::pair<int, std::size_t>> counts;  // entity -> (mentions, first position)
  std::size_t position = 0;
  auto count_in = [&](const std::vector<Word>& words, const std::vector<PhraseMatch>& matches, int weight,
                      bool locative_counts_more) {
    for (const PhraseMatch& match : matches) {
      if (match.kind != PhraseKind::entity) continue;
      std::size_t before = match.first;
      while (before > 0 && in_class(words[before - 1], kBeforePlace)) --before;
      // "in Gaza", "across Gaza" say where things happen; "Israel's" or "Israel
      // rejected" say who acts.
      const bool locative = before > 0 && in_class(words[before - 1], kLocative);
      auto& [mentions, first] = counts.try_emplace(match.target, 0, position).first->second;
      mentions += weight * (locative && locative_counts_more ? 3 : 1);
      ++position;
    }
  };
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
    count_in(words, matches, 2, false);
  }
  const auto count_in_sentence = [&](std::size_t s) {
    // Most sentences name no place (the quantities reader saw no place
    // name's longest word in them): they need not be split into words.
    if (!article.ready(s) && !names_place[s]) return;
    const SentenceWords& sentence = article.words(s);
    count_in(sentence.words, sentence.matches, 1, true);
  };
  const std::size_t sentences = article.parts().sentences.size();
  for (std::size_t s = 0; s < sentences && s < 2; ++s) count_in_sentence(s);
  if (counts.empty()) {
    for (std::size_t s = 2; s < sentences; ++s) count_in_sentence(s);
  }
  std::uint32_t best = 0;
  std::pair<int, std::size_t> best_score{0, 0};
  for (const auto& [entity, score] : counts) {
    if (score.first > best_score.first || (score.first == best_score.first && score.second < best_score.second)) {
      best = entity;
      best_score = score;
    }
  }
  return best_score.first == 0 ? std::string() : lexicon.entities[best].name;
}

}  // namespace crosscheck::claims
