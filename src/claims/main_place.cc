// The place an article is about (main_place() of place.h): the places its
// title and lead name, counted, the most precise of them.
#include <algorithm>
#include <map>
#include <set>

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
  const bool parenthesis = words[k].text == "(";
  const std::size_t open = parenthesis ? 1 : angle_at(words, k);
  if (open == 0) return 0;
  std::size_t end = k + open, letters = 0;
  bool dotted = false;
  for (; end < words.size() && (all_capitals(words[end].text) || words[end].text == "."); ++end) {
    letters += words[end].text.size();
    dotted = dotted || words[end].text == ".";
  }
  if (letters == 0 || letters > 8 || end >= words.size() || !(words[end].text == ">" || words[end].text == ")"))
    return 0;
  // In parentheses a ticker has an exchange's dot ("(RY.TO)") or follows a
  // name in capitals ("EQUIPMENT CO OF AMERICA (ECOA)"): "the United Arab
  // Emirates (UAE)" is a country's acronym, and the country stays a place.
  if (parenthesis && !dotted && !(k > 0 && !words[k - 1].punctuation && all_capitals(words[k - 1].text))) return 0;
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

// "13 US service members", "155,000 U.S. telephone workers", "11 US
// Marines": a place's name [first, last) between a count and the noun it
// counts says whose people are counted, which is where the story is only
// when it names no other place (a Kabul airport bombing that killed 13 is
// Kabul's). Not a year, a season or a date ("the 1986/87 Florida crop",
// "1987 Florida oranges", "the Aug. 26 Kabul airport bombing").
bool counted_people(std::span<const Word> words, std::size_t first, std::size_t last) {
  if (first == 0 || last >= words.size() || words[last].punctuation) return false;
  const std::string_view count = words[first - 1].text;
  if (!(count.front() >= '0' && count.front() <= '9')) return false;
  if (count.size() == 4 && (count.starts_with("19") || count.starts_with("20"))) return false;
  if (first < 2) return true;
  // "1986/87", "32-1/2": a season or a fraction, no count of people; "Aug. 26", "March 3": a day.
  const Word& before = words[first - 2];
  if (before.text == "/" || before.text == "-" || is_weekday_or_month(before)) return false;
  return !(before.text == "." && first >= 3 && is_weekday_or_month(words[first - 3]));
}

// Whether the preposition at word `k` follows a jurisdiction noun:
// "Officials in Miami-Dade County ended the search" says whom the officials
// speak for, not where the story happens (Surfside, in that county).
bool speaks_for(std::span<const Word> words, std::size_t k) {
  return k > 0 && k < words.size() && in_class(words[k - 1], kJurisdictionNoun);
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
    const auto mentions = [&](bool locative) { return weight * (locative && locative_counts_more ? 3 : 1); };
    Possessor possessor;
    sentence_countries_.clear();
    small_towns_.clear();
    for (const PhraseMatch& match : matches) {
      if (match.kind != PhraseKind::entity && match.kind != PhraseKind::authority) continue;
      if (match.first < taken.size() && taken[match.first]) continue;  // the dateline's
      std::fill(taken.begin() + match.first, taken.begin() + match.last, true);
      if (match.kind != PhraseKind::entity || reference_point(words, match.first)) continue;
      if (counted_people(words, match.first, match.last)) {
        count_attributive(world_.entity(match.target), weight, words[match.first]);
        continue;
      }
      std::size_t before = match.first;
      while (before > 0 && in_class(words[before - 1], kBeforePlace)) --before;
      // "in Gaza", "across Gaza" say where things happen; "Israel's" or "Israel
      // rejected" say who acts, and so does "a unit from Israel's military"
      // (as for the gazetteer's places below).
      const bool after_preposition = before > 0 && in_class(words[before - 1], kLocative);
      const bool possessive = followed_by_possessive(words, match.last);
      const bool locative =
          after_preposition && !possessive && !speaks_for(words, before - 1) && !speaker_is_there(words, before);
      const ResolvedPlace& place = world_.entity(match.target);
      if (locative) note_located(context_, place);
      if (possessive) possessor = {match.last, place.country, after_preposition};
      count(place, mentions(locative));
    }
    if (lookups == Lookups::none) return;
    std::size_t shifted_until = 0;  // words of a title run that named nothing
    const bool title = lookups == Lookups::title || lookups == Lookups::title_in_capitals;
    for (std::size_t i = 0; i < words.size(); ++i) {
      // "The UAE exported", "In Chicago, 100 were shot": a capitalized
      // article or preposition opens no name. A title's opening "In Tel
      // Aviv, Biden warns" says where its reporter is, as a dateline does,
      // and stays unread.
      const bool opening_preposition = i == 0 && !title && in_class(words[i], kPlacePreposition);
      if (!words[i].capitalized || taken[i] || is_weekday_or_month(words[i]) || in_class(words[i], kDeterminer) ||
          opening_preposition)
        continue;
      std::size_t end = run_end(words, i);
      if (reference_point(words, i)) {  // "60 km northeast of Damascus" is not where the story is
        i = end - 1;
        continue;
      }
      end = std::find(taken.begin() + i, taken.begin() + end, true) - taken.begin();
      i = count_run(words, i, end, lookups, possessor, mentions, shifted_until) - 1;
    }
    // "the refinery at Grangemouth in Scotland": a small town is a place where its sentence names its country.
    for (const SmallTown& town : small_towns_) {
      const auto& named = sentence_countries_;
      if (std::find(named.begin(), named.end(), town.place.country) == named.end()) continue;
      if (town.locative) note_located(context_, town.place);
      count(town.place, mentions(town.locative), town.position);
    }
  }

  // The country of the place named right before a possessive, and whether
  // it followed "in": "in Indonesia's West Papua province".
  struct Possessor {
    std::size_t end = 0;
    std::string country;
    bool locative = false;
  };

  // Counts the place the capitalized run [i, end) names, if `lookups` asks
  // for it; returns the end of its name.
  template <typename Mentions>
  std::size_t count_run(const std::vector<Word>& words, std::size_t i, std::size_t end, Lookups lookups,
                        Possessor& possessor, const Mentions& mentions, std::size_t& shifted_until) {
    // Read again from inside a cut title run, one word counts for nothing (below): no lookup.
    if (i < shifted_until && end == i + 1) return end;
    const bool title = lookups == Lookups::title || lookups == Lookups::title_in_capitals;
    const bool owner = followed_by_possessive(words, end);
    bool after_preposition = place_preposition(words, i);
    // "Police in Lagos": looked up and counted, but not where the story happens;
    // "the ministry said in Paris", "Erdogan spoke in Istanbul": where a speaker spoke, not counted.
    const bool jurisdiction = after_preposition && speaks_for(words, i - 1);
    if (after_preposition && speaker_is_there(words, i)) after_preposition = false;
    // "Indonesia's West Papua province": a run right after a country's possessive.
    const bool possessed = possessor.end + 2 == i && !possessor.country.empty();
    // "quake hits Aceh province": a place noun says the run is a place.
    const bool named_place = end < words.size() && in_class(words[end], kPlaceNoun);
    // "its Murdochville, Quebec, copper mine": a place with the division or country it lies in.
    const std::string within = qualifier_after(words, end);
    // Unless asked for all, only a run after "in", "at"... (or one of the
    // three above) is looked up: a sentence's other capitalized words (names,
    // organizations) are many, and a lookup that finds nothing costs as
    // much as one that does.
    const bool asked = (after_preposition && !owner) || named_place || title || lookups == Lookups::all;
    if (!(asked || possessed || !within.empty())) return end;
    // A title's run cut before a hyphen may still begin with a name: "CANADA SETS WIDE-RANGING TAX CHANGES".
    const std::size_t whole = end;
    while (title && end > i + 1 && !may_be_place(world_, words, i, end)) --end;
    if (!may_be_place(world_, words, i, end)) return whole;
    // In a sentence, "Douglas Danforth" is no place called Douglas.
    auto [place, name_end] = resolve_run(world_, context_, words, i, end, title, within);
    const bool capitals = lookups == Lookups::title_in_capitals;
    const bool inside = i < shifted_until;
    if (!place) {
      // A title in capitals is cut into runs every three words: when one
      // names nothing, the next starts at its second word ("ISSUES NEW
      // ZEALAND DLR BOND" is read from "NEW ZEALAND", not from "ZEALAND",
      // Denmark's).
      if (capitals && !inside) shifted_until = name_end;  // where the next run of the cut begins
      return capitals ? i + 1 : name_end;
    }
    // A place in the possessor's country is a part of it, where the possessor's "in" says things happen.
    const bool part = possessed && place->country == possessor.country;
    const bool qualified = name_end == end && lies_within(world_, context_, *place, within);
    // Read from inside a run, only a name of two words or more counts: the
    // runs are read again only for names the cut split, and a word inside a
    // run is more often part of another name ("ALASKA AIR", "HUDSON'S BAY").
    if (!(asked || part || qualified) || (inside && name_end - i == 1)) return name_end;
    if (part) after_preposition = after_preposition || possessor.locative;
    const bool locative = after_preposition && !owner && !jurisdiction;
    // "Central" or "North East" is more often an adjective or a company's
    // name than a division; "West Papua" is one, except in a title in
    // capitals ("NORTH SIDE SAVINGS BANK"), which says nothing of names.
    const auto compass_word = [](const Word& word) { return in_class(word, kCompassWord); };
    const bool compass = lookups == Lookups::title_in_capitals
                             ? compass_word(words[i])
                             : std::all_of(words.begin() + i, words.begin() + name_end, compass_word);
    const bool division = place->kind == PlaceKind::admin1 && !compass;
    const bool obscure = name_end == i + 1 && obscure_town(*place, context_);
    const bool any_kind = (locative || named_place || jurisdiction) && !inside && !capitals;
    if (any_kind && obscure && !part && !qualified) {
      small_towns_.push_back({std::move(*place), locative, position_++});  // if the sentence names its country
    } else if (part || qualified || any_kind || place->kind == PlaceKind::country || division) {
      if (locative) note_located(context_, *place);
      if (followed_by_possessive(words, name_end)) possessor = {name_end, place->country, after_preposition};
      if (counted_people(words, i, name_end)) {
        count_attributive(*place, mentions(false), words[i]);
      } else {
        count(*place, mentions(locative));
      }
    }
    return name_end;
  }

  // The most mentioned of the places named only as whose people were
  // counted (count_attributive()), the first named among equals.
  std::optional<ResolvedPlace> attributive_best() const {
    const Count* best = most_mentioned(attributive_);
    if (best == nullptr) return std::nullopt;
    return best->place;
  }

  // The most mentioned, the first named among equals.
  std::optional<ResolvedPlace> best() const {
    const Count* best = most_mentioned(counts_);
    if (best == nullptr) return std::nullopt;
    // "Quake hits Indonesia's Aceh province": an article about a country is
    // about the place in it that it names, when it names one. Only from a
    // country: "Gaza death toll passes 35,000 as Israel pushes deeper into
    // Rafah" is Gaza's story.
    // Not when it names two as often ("1,452 in Al Haouz province and 492
    // in Taroudant province"): a story that counts the toll province by
    // province is the country's.
    if (best->place.kind != PlaceKind::country) return best->place;
    const Count* narrower = nullptr;
    for (const auto& [name, counted] : counts_) {
      if (counted.mentions == 0 || name == best->place.name || !best->place.holds(counted.place)) continue;
      if (narrower == nullptr || counted.mentions > narrower->mentions) narrower = &counted;
    }
    if (narrower == nullptr) return best->place;
    for (const auto& [name, counted] : counts_) {
      if (&counted == narrower || name == best->place.name || !best->place.holds(counted.place)) continue;
      const bool apart = !narrower->place.holds(counted.place) && !counted.place.holds(narrower->place);
      if (apart && counted.mentions >= narrower->mentions) return best->place;
    }
    return narrower->place;
  }

 private:
  struct Count {
    int mentions = 0;
    std::size_t first = 0;
    ResolvedPlace place;
  };
  // The most mentioned of `counts`, the first named among equals; none when none is mentioned.
  static const Count* most_mentioned(const std::map<std::string, Count>& counts) {
    const Count* best = nullptr;
    for (const auto& [name, counted] : counts) {
      if (counted.mentions == 0) continue;
      if (best == nullptr || counted.mentions > best->mentions ||
          (counted.mentions == best->mentions && counted.first < best->first)) {
        best = &counted;
      }
    }
    return best;
  }

  // A place named only as whose people a count counts ("13 US service
  // members"): the story's when nothing else is (attributive_best()). Each
  // word `at` counts once, however often its sentence is read again. Its
  // country is no sentence country: the troops' country is not where a
  // small town of the sentence lies.
  void count_attributive(const ResolvedPlace& place, int mentions, const Word& at) {
    if (!attributive_words_.insert(&at).second) return;
    Count& counted = attributive_.try_emplace(place.name, Count{0, attributive_position_++, place}).first->second;
    counted.mentions += mentions;
  }

  // Counts `place`, first named at `position` (by default, now).
  void count(const ResolvedPlace& place, int mentions, std::size_t position = SIZE_MAX) {
    if (!place.country.empty()) sentence_countries_.push_back(place.country);
    if (position == SIZE_MAX) position = position_++;
    Count& counted = counts_.try_emplace(place.name, Count{0, position, place}).first->second;
    counted.mentions += mentions;
  }

  WorldPlaces& world_;
  PlaceContext& context_;                     // the places counted after "in" are noted as located in it
  std::map<std::string, Count> counts_;       // by place name
  std::map<std::string, Count> attributive_;  // see count_attributive()
  std::set<const Word*> attributive_words_;
  std::size_t attributive_position_ = 0;
  // Of the words count_in() is counting: the countries of the places
  // counted, and the small towns that wait for their country to be named.
  std::vector<std::string> sentence_countries_;
  struct SmallTown {
    ResolvedPlace place;
    bool locative = false;
    std::size_t position = 0;  // where it was named
  };
  std::vector<SmallTown> small_towns_;
  std::size_t position_ = 0;
};

// The place the article's country cues name most, title and text, if any.
// Read only for an article that names no place otherwise: few do.
std::optional<ResolvedPlace> cued_place(ArticleWords& article, WorldPlaces& world, const PlaceContext& context) {
  const CountryCues& cues = world.cues();
  if (cues.empty()) return std::nullopt;
  std::vector<int> mentions;
  {
    const std::string& title = article.article().title;
    std::string lower;
    lower_ascii(title, lower);
    std::vector<Word> words;
    split_words(title, lower, words);
    cues.count(words, false, mentions);
  }
  for (std::size_t s = 0; s < article.parts().sentences.size(); ++s) {
    if (!article.ready(s) && !cues.may_hold(article.text(s))) continue;  // most sentences: not split
    cues.count(article.words(s).words, true, mentions);
  }
  const std::string_view place = cues.most_mentioned(mentions);
  return place.empty() ? std::nullopt : world.resolve(place, context);
}

// Whether a title says its story is the whole country's: "150 shot in 400
// shootings nationwide", "Floods across the country".
bool nationwide(std::span<const Word> words) {
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (in_class(words[k], kNationwideWord)) return true;
    if (k + 2 < words.size() && in_class(words[k], kLocative) && in_class(words[k + 1], kArticle) &&
        in_class(words[k + 2], kCountryNoun)) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<ResolvedPlace> main_place(ArticleWords& article, WorldPlaces& world, PlaceContext& context,
                                        const std::vector<bool>& names_place, std::size_t dateline_end) {
  PlaceCounts counts(world, context);
  // The title and the lead say what the story is about; the rest of the
  // article only decides when they name no place.
  bool whole_country = false;
  {
    const std::string& title = article.article().title;
    std::string lower;
    lower_ascii(title, lower);
    std::vector<Word> words;
    std::vector<PhraseMatch> matches;
    split_words(title, lower, words);
    article.index().find_all(words, matches);
    counts.count_in(words, matches, 2, false, in_capitals(words) ? Lookups::title_in_capitals : Lookups::title);
    whole_country = nationwide(words);
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
  // A dateline says where the story is when its title and lead do not
  // ("SURFSIDE, Fla. -" over a lead that names no place): it stands, before
  // a place that the rest of the article names in passing.
  if (counts.empty() && !context.dateline_country.empty()) return std::nullopt;
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
  // Last, for a story that names no place at all, its country's
  // institutions ("the Senate", "the White House": see country_cues.h). Not
  // before a place the story names: "Wall Street" in a Zurich market
  // report is the world's news.
  // Before them, the country of the people a count counts ("155,000 U.S.
  // telephone workers"), where the story names no place otherwise.
  if (counts.empty()) {
    if (auto whose_people = counts.attributive_best()) return whose_people;
    return cued_place(article, world, context);
  }
  // "shootings nationwide" over "In New York City, 26 were shot": the
  // country's story, of which the city is a part.
  std::optional<ResolvedPlace> best = counts.best();
  if (best && whole_country) {
    if (auto country = country_of_place(world, context, *best)) return country;
  }
  return best;
}

}  // namespace crosscheck::claims
