// The place an article is about (main_place() of place.h): the places its
// title and lead name, counted, the most precise of them.
#include <algorithm>
#include <map>

#include "claims/dates.h"
#include "claims/place.h"
#include "claims/place_names.h"

namespace crosscheck::claims {

namespace {

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

// Whether word `k` opens angle brackets: "<", or "&lt;" in Reuters' escaped
// copy; the number of its words, or 0.
std::size_t angle_at(std::span<const Word> words, std::size_t k) {
  if (words[k].text == "<") return 1;
  return words[k].text == "&" && k + 2 < words.size() && words[k + 1].lower == "lt" && words[k + 2].text == ";" ? 3 : 0;
}

// Where a stock ticker opens at word `k`: "<PIE>", "&lt;PIE>", "(RY.TO)";
// the number of its words, or 0.
std::size_t ticker_at(std::span<const Word> words, std::size_t k) {
  const std::size_t open = words[k].text == "(" ? 1 : angle_at(words, k);
  if (open == 0) return 0;
  std::size_t end = k + open, letters = 0;
  for (; end < words.size() && (all_capitals(words[end].text) || words[end].text == "."); ++end) {
    letters += words[end].text.size();
  }
  if (letters == 0 || letters > 8 || end >= words.size() || !(words[end].text == ">" || words[end].text == ")"))
    return 0;
  return end + 1 - k;
}

// Words that name a company, not a place, marked taken: a ticker ("Union
// Carbide Corp <UK>" is no United Kingdom), a name in angle brackets (Reuters
// marks companies so: "<Hanover Cos Inc>", no Hanover in Jamaica), and the
// words right before a ticker ("PIEDMONT AIR <PIE>", "U.S. HEALTH INC
// <USHI>", "EQUIPMENT CO OF AMERICA <ECOA>"): up to three words back, not
// past a possessive or a place preposition ("STAKE IN SUAVE SHOE <SWV>").
void take_company_names(std::span<const Word> words, std::vector<bool>& taken) {
  constexpr std::size_t kLongestName = 12;
  for (std::size_t k = 0; k < words.size(); ++k) {
    // Most words open nothing: one byte says so.
    const std::string_view text = words[k].text;
    if (text.size() != 1 || !(text[0] == '<' || text[0] == '&' || text[0] == '(')) continue;
    const std::size_t ticker = ticker_at(words, k);
    std::size_t close = ticker != 0 ? k + ticker : 0;
    if (const std::size_t open = angle_at(words, k); ticker == 0 && open != 0) {
      for (std::size_t c = k + open; c < words.size() && c < k + open + kLongestName && close == 0; ++c) {
        if (words[c].text == ">") close = c + 1;
      }
    }
    if (close == 0) continue;
    std::fill(taken.begin() + k, taken.begin() + close, true);
    std::size_t named = 0;
    for (std::size_t b = k; ticker != 0 && b > 0 && named < 3; --b) {
      const Word& word = words[b - 1];
      if (word.punctuation ? !(word.text == "." || word.text == "-" || word.text == "&")
                           : in_class(word, kPlacePreposition)) {
        break;
      }
      named += !word.punctuation;
      taken[b - 1] = true;
    }
    k = close - 1;
  }
}

// The places an article's title and sentences name, with how often (in
// "in Gaza" more than in "Israel's") and where first.
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
    take_company_names(words, taken);
    const bool title = lookups == Lookups::title || lookups == Lookups::title_in_capitals;
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
    const bool capitals = lookups == Lookups::title_in_capitals;
    std::size_t shifted_until = 0;  // words of a title run that named nothing
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
      if ((locative || title || lookups == Lookups::all) && may_be_place(world_, words, i, end)) {
        // In a sentence, "Douglas Danforth" is no place called Douglas.
        const std::string within = qualifier_after(words, end);  // "at Kimberley, British Columbia"
        auto [place, name_end] = resolve_run(world_, context_, words, i, end, title, within);
        const bool division = place && place->kind == PlaceKind::admin1 && !in_class(words[i], kCompassWord);
        // Read from inside a run, only a name of two words or more counts:
        // the runs are read again only for names the cut split, and a word
        // inside a run is more often part of another name ("ALASKA AIR",
        // "HUDSON'S BAY").
        const bool inside = i < shifted_until;
        const bool any_kind = locative && !inside && lookups != Lookups::title_in_capitals &&
                              !(place && name_end == i + 1 && obscure_town(*place, context_));
        const bool whole = !inside || name_end - i > 1;
        if (place && whole && (any_kind || place->kind == PlaceKind::country || division)) {
          if (locative) note_located(context_, *place);
          count(*place, mentions(locative));
        }
        // A title in capitals is cut into runs every three words: when one
        // names nothing, the next starts at its second word ("ISSUES NEW
        // ZEALAND DLR BOND" is read from "NEW ZEALAND", not from "ZEALAND",
        // Denmark's).
        if (!place && capitals && !inside) shifted_until = name_end;  // where the next run of the cut begins
        end = place || !capitals ? name_end : i + 1;
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
