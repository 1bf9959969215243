#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <map>
#include <span>
#include <unordered_map>

#include "claims/phrase_index.h"
#include "crosscheck/claims.h"

namespace crosscheck {

using claims::PhraseKind;
using claims::PhraseMatch;
using claims::Word;

namespace {

constexpr std::string_view kWeekdays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
constexpr std::string_view kMonthNames[] = {"january", "february", "march",     "april",   "may",      "june",
                                            "july",    "august",   "september", "october", "november", "december"};

// Classes of words the extractor asks about, one bit each. Every word of a
// sentence is looked up once (PhraseIndex::find_all) and carries its bits, so
// that each question below is a bit test, not a comparison with each word of
// a list.
enum WordClass : std::uint32_t {
  kLocative = 1u << 0,          // "in Rafah", "across Gaza": where things happen
  kClauseBoundary = 1u << 1,    // punctuation that ends a clause-like stretch
  kConjunction = 1u << 2,       // and, or, but
  kContrast = 1u << 3,          // while, whereas
  kBeforePlace = 1u << 4,       // "the", "its", "southern": between a preposition and its place
  kPlaceAdjective = 1u << 5,    // "eastern", "besieged": more words that come before a place
  kEndsShareBase = 1u << 6,     // a verb or preposition ending "85% of the enclave's population"
  kAuxiliary = 1u << 7,         // "Israel has killed": between an agent and its verb
  kPlacePreposition = 1u << 8,  // "in Hatay": a capitalized word after it is a place
  kPlaceNoun = 1u << 9,         // "the town of Jayrud"
  kTotalNoun = 1u << 10,        // "the combined total"
  kManyPlaces = 1u << 11,       // "both countries"
  kBeforeVerb = 1u << 12,       // "officials also said", "he had said": between a subject and its verb
  kPronoun = 1u << 13,          // he, she, they, it
  kClauseOpener = 1u << 14,     // that, which, who: a subject is not looked for past it
  kDeterminer = 1u << 15,       // a, the, its: the start of a noun phrase
  kSourceNoun = 1u << 16,       // "officials", "a monitoring group": nouns that can be a source
  kNotInSubject = 1u << 17,     // words a subject before a verb does not reach past
  kSubordinator = 1u << 18,     // "after militants killed 250": a subordinate clause opens
  kCitedThing = 1u << 19,       // "citing figures from", "citing a tally by"
  kFiguresNoun = 1u << 20,      // "X's figures", "X's tally"
  kReleaseVerb = 1u << 21,      // "reported by", "released by"
  kCueWord = 1u << 22,          // "according", "per", "by", "citing": read_cues() looks closer at these
  kScopeWord = 1u << 23,        // "on", "of", "in", "since", "combined", "together", "both": so do the scope readers
  kAnd = 1u << 24,              // "and", for WordFacts::ands
  kNameJoiner = 1u << 25,       // "al", "-": inside a name ("Abdulmenam al-Ghaithi")
};

// The words of each class, lower-cased.
void add_word_classes(claims::PhraseIndex& index) {
  auto add = [&](std::uint32_t word_class, std::initializer_list<std::string_view> words) {
    for (std::string_view word : words) index.add_to_classes(word, word_class);
  };
  add(kLocative,
      {"in", "at", "across", "into", "from", "of", "on", "near", "throughout", "inside", "around", "within", "to"});
  add(kClauseBoundary, {",", ";", ":", "(", ")", "\xE2\x80\x94", "\xE2\x80\x93", "\""});
  add(kConjunction, {"and", "or", "but"});
  add(kContrast, {"while", "whereas"});
  add(kBeforePlace, {"the", "its", "southern", "northern"});
  add(kPlaceAdjective, {"eastern", "western", "central", "besieged", "occupied"});
  add(kEndsShareBase,
      {"into", "to", "in", "from", "were", "are", "was", "is", "have", "has", "had", "remain", "remained", "be"});
  add(kAuxiliary, {"has", "have", "had", "also", "reportedly"});
  add(kPlacePreposition, {"in", "across", "throughout", "near"});
  add(kPlaceNoun, {"town", "village", "city", "camp", "province", "district", "neighborhood", "neighbourhood", "region",
                   "suburb", "governorate"});
  add(kTotalNoun, {"total", "figure"});
  add(kManyPlaces, {"countries", "sides", "nations"});
  add(kBeforeVerb, {"also",    "has",        "had", "have", "then",  "later", "earlier",  "previously", "again",
                    "further", "separately", "not", "does", "did",   "do",    "would",    "will",       "could",
                    "may",     "might",      "can", "now",  "still", "first", "recently", "last",       "week"});
  add(kPronoun, {"he", "she", "they", "it"});
  add(kClauseOpener, {"that", "which", "who", "when", "after"});
  add(kDeterminer, {"a", "an", "the", "its", "their", "his", "her"});
  add(kSourceNoun, {"officials", "official", "spokesman",    "spokeswoman",  "spokesperson", "ministry",   "agency",
                    "agencies",  "group",    "monitor",      "office",       "authorities",  "authority",  "police",
                    "military",  "army",     "government",   "sources",      "witnesses",    "residents",  "medics",
                    "doctors",   "rescuers", "organization", "organisation", "committee",    "council",    "department",
                    "diplomats", "analysts", "experts",      "broadcaster",  "observers",    "organizers", "organisers",
                    "minister",  "director", "mayor",        "governor",     "president",    "commander",  "service",
                    "services",  "workers",  "resident",     "witness",      "survivor",     "source",     "doctor",
                    "medic",     "rescuer",  "officer",      "spokesmen",    "chief",        "head",       "secretary",
                    "envoy"});
  add(kNotInSubject,
      {"for", "of",   "in",   "on",   "at",  "from", "with", "by",  "that", "which", "who",  "when", "after",
       "as",  "said", "says", "told", "was", "were", "is",   "are", "been", "be",    "time", "week", "day"});
  add(kSubordinator, {"after", "before", "because", "when", "while", "although", "though", "until"});
  add(kCitedThing,
      {"figures", "data", "numbers", "statistics", "estimates", "a", "tally", "count", "from", "by", "the", "of"});
  add(kFiguresNoun, {"figures", "data", "tally", "count"});
  add(kReleaseVerb, {"reported", "released", "compiled"});
  add(kCueWord, {"according", "per", "by", "citing"});
  add(kScopeWord, {"on", "of", "in", "since", "combined", "together", "both"});
  add(kAnd, {"and"});
  add(kNameJoiner, {"al", "-"});
}

bool in_class(const Word& word, std::uint32_t classes) { return (word.classes & classes) != 0; }

// A run of capitalized words after "in", "across", "the town of"...
// that names no lexicon entity or authority.
struct UnknownPlace {
  std::size_t first = 0, last = 0;  // word indices, [first, last)
  bool after_place_noun = false;    // "the town of Jayrud"
};

// What holds for every figure of a sentence, worked out once for all of
// them (ClaimExtractor::Impl::sentence_facts).
struct SentenceFacts {
  std::vector<UnknownPlace> unknown_places;  // in text order
  std::optional<Date> reference_date;
  std::optional<Date> since;
  bool several_places = false;
  SharedText one_line;              // the sentence with its line breaks read as spaces, as claims quote it
  std::vector<std::string> hedges;  // "could", "claimed": lower-cased, each once
};

// NOTE(#14): how far a figure looks for its metric, place and subject. Each
// of those searches scores a candidate by its distance in words (and
// clause boundaries, WordFacts::weight) and takes none past a score of 14
// to 19, which news text reaches within about 20 words: the candidates are
// found by binary search on the running weights, not by a pass over the
// sentence. Only punctuation that weighs nothing stretches that ("IRAN
// LT.........19.25......19.08", a price table in Reuters copy): candidates
// that start more than this many words before the figure or after it are
// not looked at, so that the work per figure is bounded whatever the
// sentence.
constexpr std::size_t kSearchWindow = 1000;
constexpr std::size_t kWholeSentence = 128;  // words: a sentence this short is searched whole

// What the searches ask about the words of one sentence, worked out once per
// sentence in one pass (SentenceWords::facts, one entry per word and one
// past the end), so that a figure's questions are lookups and not passes
// over the sentence: a sentence of N figures costs N lookups, not N passes.
// (Runs of words, such as the capitalized words of a name, are walked
// instead, at most kSearchWindow words: the runs a figure walks do not
// overlap, so that is linear too.)
struct WordFacts {
  std::uint32_t weight = 0;            // distance() of the words before this one
  std::uint32_t ands = 0;              // "and" words before this one
  std::uint32_t subordinators = 0;     // kSubordinator words before this one
  std::uint32_t authority_ending = 0;  // 1 + the index of the first authority match ending here; 0: none
  bool starts_metric = false;          // a metric phrase starts at this word
  bool in_entity = false;              // the word is inside an entity phrase
  bool in_authority = false;           // the word is inside an authority phrase
};

}  // namespace

class ClaimExtractor::Impl {
 public:
  explicit Impl(const Lexicon& lexicon) : lexicon_(lexicon), reader_(lexicon.margins) {
    add_word_classes(index_);
    for (std::uint32_t i = 0; i < lexicon.metrics.size(); ++i) {
      for (const std::string& word : lexicon.metrics[i].words) index_.add(word, PhraseKind::metric, i);
    }
    for (std::uint32_t i = 0; i < lexicon.entities.size(); ++i) {
      for (const std::string& alias : lexicon.entities[i].aliases) index_.add(alias, PhraseKind::entity, i);
    }
    for (std::uint32_t i = 0; i < lexicon.authorities.size(); ++i) {
      for (const std::string& alias : lexicon.authorities[i].aliases) index_.add(alias, PhraseKind::authority, i);
    }
    for (std::uint32_t i = 0; i < lexicon.subjects.size(); ++i) {
      for (const std::string& word : lexicon.subjects[i].words) index_.add(word, PhraseKind::subject, i);
    }
    for (std::uint32_t i = 0; i < lexicon.attribution_verbs.size(); ++i) {
      index_.add(lexicon.attribution_verbs[i], PhraseKind::verb, i);
    }
    for (std::uint32_t i = 0; i < lexicon.hedges.size(); ++i) index_.add(lexicon.hedges[i], PhraseKind::hedge, i);
    index_.finish();
    // The quantities reader looks up every word of every sentence: it tells
    // which ones name a known place, for the article's main place.
    reader_.watch_words(index_.longest_words(PhraseKind::entity));
  }

  std::vector<Claim> extract(const Article& article, const SegmentedText& parts) {
    std::vector<Claim> claims;
    article_ = &article;
    parts_ = &parts;
    main_place_.reset();  // worked out on first need: most figures name their place
    // Lower-cased once for the whole article; each sentence is split into
    // words at most once, on first need, however often it is read again
    // (pronouns, quotations, the main place).
    claims::lower_ascii(article.text, lower_text_);
    if (sentence_words_.size() < parts.sentences.size()) sentence_words_.resize(parts.sentences.size());
    for (std::size_t s = 0; s < parts.sentences.size(); ++s) sentence_words_[s].ready = false;
    loaded_ = kNoSentence;
    released_until_ = 0;
    pronoun_speakers_.clear();
    // Claims come in text order: one walk locates them all.
    TextLocator locator(article.origin, article.text, parts.lines);
    locator_ = &locator;
    // First the figures of every sentence, and which sentences name a known
    // place: the main place, asked for by the first figure whose sentence
    // names none, looks at the whole article.
    figures_.clear();
    first_figure_.assign(1, 0);
    names_place_.assign(parts.sentences.size(), false);
    for (std::size_t s = 0; s < parts.sentences.size(); ++s) {
      reader_.read(parts.sentences[s].view(article.text), sentence_figures_);
      names_place_[s] = reader_.holds_watched_word();
      std::move(sentence_figures_.begin(), sentence_figures_.end(), std::back_inserter(figures_));
      first_figure_.push_back(figures_.size());
      if (figures_.size() > kMaxArticleFigures) {
        figures_ = {};
        throw Error({article.origin.file, article.origin.line, 0},
                    fmt::format("article '{}' holds more than {},{:03} figures (a table or a list, not news text); "
                                "article skipped: split it into smaller articles or leave it out",
                                article.id, kMaxArticleFigures / 1000, kMaxArticleFigures % 1000));
      }
    }
    for (std::size_t s = 0; s < parts.sentences.size(); ++s) {
      const std::span<const Quantity> figures(figures_.data() + first_figure_[s],
                                              first_figure_[s + 1] - first_figure_[s]);
      if (figures.empty()) continue;  // only sentences with figures are read word by word
      release_words_before(s);
      start_sentence(s);
      figure_words_.clear();
      for (const Quantity& figure : figures) figure_words_.push_back(words_of(figure.span.begin, figure.span.end));
      figures_in_order_ = true;
      for (std::size_t k = 1; k < figure_words_.size(); ++k) {
        if (figure_words_[k].first < figure_words_[k - 1].first ||
            figure_words_[k].second < figure_words_[k - 1].second) {
          figures_in_order_ = false;
        }
      }
      for (std::size_t k = 0; k < figures.size(); ++k) {
        fill_claim(claims.emplace_back(), s, figures[k], k, figure_words_);
      }
    }
    if (figures_.capacity() > kKeptFigures) figures_ = {};  // a huge article's figures are not kept for the next
    return claims;
  }

 private:
  // ---- the sentence being read ------------------------------------------------

  // The words of one sentence of the article and the lexicon phrases among them.
  struct SentenceWords {
    bool ready = false;
    std::vector<Word> words;
    std::vector<PhraseMatch> matches;  // by first word
    std::vector<WordFacts> facts;      // by word, and one past the last
    std::size_t longest_match = 0;     // the most words of a match
  };
  static constexpr std::size_t kNoSentence = static_cast<std::size_t>(-1);

  const SentenceWords& words_of_sentence(std::size_t s) const {
    SentenceWords& entry = sentence_words_[s];
    if (!entry.ready) {
      const Sentence& sentence = parts_->sentences[s];
      claims::split_words(sentence.view(article_->text),
                          std::string_view(lower_text_).substr(sentence.begin, sentence.end - sentence.begin),
                          entry.words);
      index_.find_all(entry.words, entry.matches);
      entry.facts.clear();  // worked out when the sentence is read (load_sentence), not just counted in
      entry.ready = true;
    }
    return entry;
  }

  static void fill_word_facts(SentenceWords& entry) {
    const std::vector<Word>& words = entry.words;
    std::vector<WordFacts>& facts = entry.facts;
    const std::size_t n = words.size();
    facts.clear();
    facts.reserve(n + 1);
    WordFacts running;  // what facts[i + 1] holds, built from facts[i]
    facts.push_back(running);
    for (std::size_t i = 0; i < n; ++i) {
      const Word& word = words[i];
      const std::uint32_t classes = word.classes;
      running.weight += (classes & kClauseBoundary)              ? 3
                        : (classes & (kConjunction | kContrast)) ? 2
                        : !word.punctuation                      ? 1
                                                                 : 0;
      running.ands += (classes & kAnd) ? 1 : 0;
      running.subordinators += (classes & kSubordinator) ? 1 : 0;
      facts.push_back(running);
    }
    entry.longest_match = 0;
    for (std::size_t m = 0; m < entry.matches.size(); ++m) {
      const PhraseMatch& match = entry.matches[m];
      entry.longest_match = std::max(entry.longest_match, match.last - match.first);
      switch (match.kind) {
        case PhraseKind::metric:
          facts[match.first].starts_metric = true;
          break;
        case PhraseKind::entity:
          for (std::size_t k = match.first; k < match.last; ++k) facts[k].in_entity = true;
          break;
        case PhraseKind::authority:
          for (std::size_t k = match.first; k < match.last; ++k) facts[k].in_authority = true;
          if (facts[match.last].authority_ending == 0) {
            facts[match.last].authority_ending = static_cast<std::uint32_t>(m + 1);
          }
          break;
        default:
          break;
      }
    }
  }

  // The first of the words just before word `end` that all pass `test`
  // (a run of them), at most kSearchWindow words back.
  template <class Test>
  std::size_t run_before(std::size_t end, Test test) const {
    const std::size_t limit = end > kSearchWindow ? end - kSearchWindow : 0;
    while (end > limit && test(words_[end - 1])) --end;
    return end;
  }

  // The matches starting at words [from, to), of any kind.
  std::span<const PhraseMatch> matches_starting(std::size_t from, std::size_t to) const {
    if (from == 0 && to >= words_.size()) return matches_;
    const auto begin =
        std::partition_point(matches_.begin(), matches_.end(), [&](const PhraseMatch& m) { return m.first < from; });
    const auto end = std::partition_point(begin, matches_.end(), [&](const PhraseMatch& m) { return m.first < to; });
    return {begin, end};
  }

  // The words [from, to) where a phrase of at most `longest` words may
  // start whose distance() from the figure at words [first, last) is at
  // most `limit`, within kSearchWindow words of it.
  std::pair<std::size_t, std::size_t> search_window(std::size_t first, std::size_t last, std::uint32_t limit,
                                                    std::size_t longest) const {
    // A short sentence is searched whole, as cheap as finding where to stop
    // (the window would cut nothing: it only leaves out what scores too far).
    if (words_.size() <= kWholeSentence) return {0, words_.size()};
    const auto weight_below = [](const WordFacts& facts, std::uint32_t weight) { return facts.weight < weight; };
    const auto weight_at_most = [](std::uint32_t weight, const WordFacts& facts) { return weight < facts.weight; };
    // Before: a phrase ending at word k >= near has a distance of at most `limit`.
    const std::uint32_t base = word_facts_[first].weight;
    const std::size_t near = static_cast<std::size_t>(
        std::lower_bound(word_facts_.begin(), word_facts_.begin() + static_cast<std::ptrdiff_t>(first) + 1,
                         base > limit ? base - limit : 0, weight_below) -
        word_facts_.begin());
    std::size_t from = near > longest ? near - longest : 0;
    if (first > kSearchWindow) from = std::max(from, first - kSearchWindow);
    // After: a phrase starting at word k < to.
    const std::size_t end = std::min(words_.size(), last + kSearchWindow);
    const auto after = std::upper_bound(word_facts_.begin() + static_cast<std::ptrdiff_t>(std::min(last, end)),
                                        word_facts_.begin() + static_cast<std::ptrdiff_t>(end),
                                        word_facts_[std::min(last, end)].weight + limit, weight_at_most);
    return {from, std::max(from, static_cast<std::size_t>(after - word_facts_.begin()))};
  }

  // Frees the words of sentences no figure from `s` on looks back to (a
  // pronoun reaches ten sentences back), so that a huge article keeps a few
  // sentences' words, not all of them. The first two stay for the main place.
  void release_words_before(std::size_t s) {
    constexpr std::size_t kLookBack = 11;
    if (s < kLookBack + 2) return;
    for (std::size_t k = released_until_; k < s - kLookBack; ++k) {
      if (k < 2 || !sentence_words_[k].ready) continue;
      SentenceWords& entry = sentence_words_[k];
      entry = SentenceWords{};  // frees, not just clears
    }
    released_until_ = std::max(released_until_, s - kLookBack);
  }

  void load_sentence(std::size_t s) {
    if (s == loaded_) return;
    loaded_ = s;
    sentence_ = parts_->sentences[s];
    // Most sentences hold no quotation: then no word of them is asked about.
    const std::vector<Quote>& quotes = parts_->quotes;
    const auto after = std::lower_bound(quotes.begin(), quotes.end(), sentence_.begin,
                                        [](const Quote& quote, std::size_t begin) { return quote.end <= begin; });
    sentence_quoted_ = after != quotes.end() && after->begin < sentence_.end;
    words_of_sentence(s);
    SentenceWords& entry = sentence_words_[s];
    if (entry.facts.empty()) fill_word_facts(entry);
    words_ = entry.words;
    matches_ = entry.matches;
    word_facts_ = entry.facts;
    longest_match_ = entry.longest_match;
  }

  // Makes sentence `s` the one whose figures are read: what was worked out
  // for the last one is dropped. (load_sentence() alone visits a sentence,
  // as the search for a quotation's speaker does, and keeps it.)
  void start_sentence(std::size_t s) {
    load_sentence(s);
    cues_.reset();
    facts_.reset();
    quote_speakers_.clear();
  }

  bool in_quote(std::size_t word) const {
    return sentence_quoted_ && parts_->quote_at(sentence_.begin + words_[word].begin) != nullptr;
  }

  // Word indices covering the byte range [begin, end) of the sentence.
  std::pair<std::size_t, std::size_t> words_of(std::size_t begin, std::size_t end) const {
    // Words are in text order and do not overlap: the first that ends after
    // `begin`, up to the first that starts at or after `end`.
    const auto first =
        std::partition_point(words_.begin(), words_.end(), [&](const Word& w) { return w.end <= begin; });
    const auto last = std::partition_point(first, words_.end(), [&](const Word& w) { return w.begin < end; });
    if (first == last) return {0, 0};
    return {static_cast<std::size_t>(first - words_.begin()), static_cast<std::size_t>(last - words_.begin())};
  }

  // How far apart two word ranges are, in words, plus a penalty for each
  // boundary (comma, dash, conjunction) between them (WordFacts::weight).
  int distance(std::size_t a_first, std::size_t a_last, std::size_t b_first, std::size_t b_last) const {
    const std::size_t from = a_last <= b_first ? a_last : b_last;
    const std::size_t to = a_last <= b_first ? b_first : a_first;
    if (from >= to) return 0;
    return static_cast<int>(word_facts_[to].weight - word_facts_[from].weight);
  }

  // ---- the article's main place -------------------------------------------------

  std::string main_place(const Article& article, const SegmentedText& parts) const {
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
      std::string lower;
      claims::lower_ascii(article.title, lower);
      std::vector<Word> words;
      std::vector<PhraseMatch> matches;
      claims::split_words(article.title, lower, words);
      index_.find_all(words, matches);
      count_in(words, matches, 2, false);
    }
    const auto count_in_sentence = [&](std::size_t s) {
      // Most sentences name no place (the quantities reader saw no place
      // name's longest word in them): they need not be split into words.
      if (!sentence_words_[s].ready && !names_place_[s]) return;
      const SentenceWords& sentence = words_of_sentence(s);
      count_in(sentence.words, sentence.matches, 1, true);
    };
    for (std::size_t s = 0; s < parts.sentences.size() && s < 2; ++s) count_in_sentence(s);
    if (counts.empty()) {
      for (std::size_t s = 2; s < parts.sentences.size(); ++s) count_in_sentence(s);
    }
    std::uint32_t best = 0;
    std::pair<int, std::size_t> best_score{0, 0};
    for (const auto& [entity, score] : counts) {
      if (score.first > best_score.first || (score.first == best_score.first && score.second < best_score.second)) {
        best = entity;
        best_score = score;
      }
    }
    return best_score.first == 0 ? std::string() : lexicon_.entities[best].name;
  }

  // ---- metric -------------------------------------------------------------------

  std::string find_metric(std::size_t first, std::size_t last, const Quantity& figure,
                          const std::vector<std::pair<std::size_t, std::size_t>>& other_figures) const {
    int best_score = 1 << 20;
    std::string best;
    // "85% of the enclave's population into displacement": the "of" phrase is the base, not the metric.
    std::size_t base_end = last;
    if (figure.unit == "%" && last < words_.size() && words_[last].lower == "of") {
      base_end = last + 1;
      while (base_end < words_.size() && base_end < last + 8 &&
             !in_class(words_[base_end], kClauseBoundary | kEndsShareBase)) {
        ++base_end;
      }
    }
    const auto [from, to] = search_window(first, last, 14, longest_match_);
    for (const PhraseMatch& match : matches_starting(from, to)) {
      if (match.kind != PhraseKind::metric) continue;
      if (match.first >= first && match.last <= last) continue;     // inside the figure
      if (word_facts_[match.first].in_authority) continue;          // "Relief" in an agency's name
      if (match.first >= last && match.first < base_end) continue;  // the base of a share
      const bool after = match.first >= last;
      const int score =
          after ? distance(first, last, match.first, match.last) : distance(match.first, match.last, first, last) + 1;
      if (score > 14) continue;
      if (claimed_by_other(match, after, first, last, other_figures)) continue;
      if (score < best_score) {
        best_score = score;
        best = lexicon_.metrics[match.target].id;
      }
    }
    // A figure in tons with no word for what it is: aid is what news counts in tons.
    if (best.empty() && figure.unit == "t") {
      for (const Metric& metric : lexicon_.metrics) {
        if (metric.unit == "t") return metric.id;
      }
    }
    return best;
  }

  // Whether the metric phrase `match` belongs to another figure of the
  // sentence rather than to the one at words [first, last): a figure stands
  // between them, or the phrase comes right after another figure ("80,000
  // wounded and 2 million"). The figures' words are in text order, and the
  // figure nearest to the phrase is the one that can claim it if any can:
  // two binary searches, not a pass over the sentence's figures.
  bool claimed_by_other(const PhraseMatch& match, bool after, std::size_t first, std::size_t last,
                        const std::vector<std::pair<std::size_t, std::size_t>>& figures) const {
    const auto claims = [&](std::size_t other_first, std::size_t other_last) {
      if (other_first == first) return false;
      bool between = after ? (other_last <= match.first && other_first >= last)
                           : (other_last <= first && other_first >= match.last);
      // "killed 120 soldiers and at least 40 civilians": one verb, two figures.
      if (between && !after && word_facts_[first].ands > word_facts_[other_last].ands) between = false;
      bool right_after_other = other_last <= match.first && match.first - other_last <= 2;
      for (std::size_t k = other_last; right_after_other && k < match.first; ++k) {
        if (words_[k].punctuation || in_class(words_[k], kConjunction)) right_after_other = false;
      }
      return between || (!after && right_after_other);
    };
    const auto every_figure = [&] {
      return std::any_of(figures.begin(), figures.end(), [&](const auto& f) { return claims(f.first, f.second); });
    };
    if (!figures_in_order_) return every_figure();
    using Range = std::pair<std::size_t, std::size_t>;
    // The figure that can claim it: after the figure, the first that starts
    // after it; before, the last that ends before the figure (between) or
    // before the phrase (right after). A figure starting where this one does
    // (only a figure of no words could) is skipped: then look at all.
    std::array<const Range*, 2> candidates{};
    std::size_t count = 0;
    if (after) {
      const auto next =
          std::partition_point(figures.begin(), figures.end(), [&](const Range& f) { return f.first < last; });
      if (next != figures.end()) candidates[count++] = &*next;
    } else {
      for (const std::size_t end : {first, match.first}) {
        const auto past =
            std::partition_point(figures.begin(), figures.end(), [&](const Range& f) { return f.second <= end; });
        if (past != figures.begin()) candidates[count++] = &*(past - 1);
      }
    }
    for (std::size_t k = 0; k < count; ++k) {
      if (candidates[k]->first == first) return every_figure();
    }
    for (std::size_t k = 0; k < count; ++k) {
      if (claims(candidates[k]->first, candidates[k]->second)) return true;
    }
    return false;
  }

  // ---- entity -------------------------------------------------------------------

  std::string find_entity(std::size_t first, std::size_t last, const Quantity& figure) const {
    int best_score = 1 << 20;
    std::string best;
    const auto [from, to] = search_window(first, last, 18, longest_match_);
    for (const PhraseMatch& match : matches_starting(from, to)) {
      if (match.kind != PhraseKind::entity) continue;
      const bool after = match.first >= last;
      // Skip "the", "its southern": "to the Gaza Strip".
      const std::size_t before =
          run_before(match.first, [](const Word& w) { return in_class(w, kBeforePlace | kPlaceAdjective); });
      const bool preposition = before > 0 && in_class(words_[before - 1], kLocative);
      // "Gaza's Health Ministry" is about Gaza; "Israel's killing of" names an agent.
      const bool possessive = match.last + 2 < words_.size() &&
                              (words_[match.last].text == "'" || words_[match.last].text == "\xE2\x80\x99") &&
                              words_[match.last + 1].lower == "s" && !is_metric_word(match.last + 2);
      const bool locative = preposition || possessive;
      // "35,000 Gazans": the counted noun names the place.
      const bool counted = after && match.first == last && !figure.noun.empty();
      // "Israel has killed 150 journalists": the subject of a killing is its agent, not its place.
      if (!locative && !counted && !after) {
        std::size_t next = match.last;
        while (next < words_.size() && next - match.last < kSearchWindow && in_class(words_[next], kAuxiliary)) {
          ++next;
        }
        if (next < words_.size() && is_metric_word(next)) continue;
      }
      int score =
          after ? distance(first, last, match.first, match.last) : distance(match.first, match.last, first, last);
      if (!locative && !counted) score += 6;
      if (score > ((locative || counted) ? 18 : 8)) continue;
      if (score < best_score) {
        best_score = score;
        best = lexicon_.entities[match.target].name;
      }
    }
    const std::vector<UnknownPlace>& places = sentence_facts().unknown_places;
    // An unknown place has at most four words ("in" and three) and scores up to 18 + 1.
    const auto place_window = search_window(first, last, 19, 4);
    const std::size_t place_from = place_window.first, place_to = place_window.second;
    const auto nearby = std::partition_point(places.begin(), places.end(),
                                             [&](const UnknownPlace& place) { return place.first < place_from; });
    for (auto place_it = nearby; place_it != places.end() && place_it->first < place_to; ++place_it) {
      const UnknownPlace& place = *place_it;
      const bool after = place.first >= last;
      int score =
          after ? distance(first, last, place.first, place.last) : distance(place.first, place.last, first, last);
      if (place.after_place_noun) score -= 1;  // "the village of Rityan" is as precise as news gets
      if (score <= 18 && score < best_score) {
        best_score = score;
        best = text_of(place.first, place.last);
      }
    }
    if (!best.empty()) return best;
    if (sentence_facts().several_places) return {};
    if (!main_place_) main_place_ = main_place(*article_, *parts_);
    return *main_place_;
  }

  // "the combined toll", "in both countries": a figure over several places
  // is not the main place's.
  bool names_several_places() const {
    for (std::size_t k = 0; k + 1 < words_.size(); ++k) {
      if (!in_class(words_[k], kScopeWord)) continue;
      const bool combined_toll =
          words_[k].lower == "combined" && (is_metric_word(k + 1) || in_class(words_[k + 1], kTotalNoun));
      const bool together_with = words_[k].lower == "together" && words_[k + 1].lower == "with";
      const bool both_places = words_[k].lower == "both" && in_class(words_[k + 1], kManyPlaces);
      if (combined_toll || together_with || both_places) return true;
    }
    return false;
  }

  // Places the lexicon does not know: "in Hatay", "the town of Jayrud".
  std::vector<UnknownPlace> find_unknown_places() const {
    std::vector<UnknownPlace> places;
    for (std::size_t i = 0; i + 1 < words_.size(); ++i) {
      const bool preposition = in_class(words_[i], kPlacePreposition);
      const bool place_noun = words_[i].lower == "of" && i > 0 && in_class(words_[i - 1], kPlaceNoun);
      if (!(preposition || place_noun) || !words_[i + 1].capitalized || is_weekday_or_month(words_[i + 1]) ||
          is_authority_word(i + 1) || is_entity_word(i + 1)) {
        continue;
      }
      std::size_t end = i + 1;
      // "in Sochi Thursday": a weekday or a month ends the name.
      while (end < words_.size() && words_[end].capitalized && !is_weekday_or_month(words_[end]) && end - i <= 3) {
        ++end;
      }
      places.push_back({i + 1, end, place_noun});
    }
    return places;
  }

  bool is_entity_word(std::size_t word) const { return word_facts_[word].in_entity; }

  bool is_metric_word(std::size_t word) const { return word_facts_[word].starts_metric; }

  // A weekday or a month, whole, abbreviated or misspelt as wire copy does
  // ("Sunday", "October", "Oct", "Febuary"), not a word that merely begins
  // like one ("Novosibirsk", "Marion", "Augusta", "Mayor").
  static bool is_weekday_or_month(const Word& word) {
    for (std::string_view day : kWeekdays) {
      if (word.text == day) return true;
    }
    static const WordSet abbreviations = {"jan", "feb", "mar",  "apr", "jun", "jul",
                                          "aug", "sep", "sept", "oct", "nov", "dec"};
    if (abbreviations.contains(word.lower)) return true;
    for (std::string_view month : kMonthNames) {
      if (word.lower == month) return true;
      // A misspelling keeps the first three letters and is not the month
      // with letters after it (a name such as "Augusta").
      if (word.lower.size() >= 6 && word.lower.starts_with(month.substr(0, 3)) && !word.lower.starts_with(month) &&
          edit_distance(word.lower, month) <= 2) {
        return true;
      }
    }
    return false;
  }

  bool is_authority_word(std::size_t word) const { return word_facts_[word].in_authority; }

  // ---- subject --------------------------------------------------------------------

  std::string find_subject(const Quantity& figure, std::size_t first) const {
    if (!figure.noun.empty()) {
      std::string noun = figure.noun;
      for (char& c : noun) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      for (const Subject& subject : lexicon_.subjects) {
        if (std::find(subject.words.begin(), subject.words.end(), noun) != subject.words.end()) return subject.id;
      }
      return {};
    }
    // No counted noun: "the number of journalists killed at 143" names the
    // subgroup a few words before the figure, in the same clause.
    const std::size_t reach = 6 + longest_match_;
    for (const PhraseMatch& match : matches_starting(first > reach ? first - reach : 0, first)) {
      if (match.kind != PhraseKind::subject || match.last > first || first - match.last > 6) continue;
      bool same_clause = true;
      for (std::size_t k = match.last; k < first; ++k) {
        if (in_class(words_[k], kClauseBoundary | kConjunction)) same_clause = false;
      }
      if (same_clause && match.first > 0 && words_[match.first - 1].lower == "of") {
        return lexicon_.subjects[match.target].id;
      }
    }
    return {};
  }

  // ---- dates -----------------------------------------------------------------------

  // The day a weekday names in an article published on `published`: the
  // latest such day on or before it ("on Sunday" in a Monday story).
  static Date weekday_before(const Date& published, int weekday) {
    const long today = day_number(published);
    const int today_weekday = static_cast<int>(((today % 7) + 11) % 7);  // 1970-01-01 was a Thursday (4)
    const int back = (today_weekday - weekday + 7) % 7;
    return date_of_day_number(today - back);
  }

  // "Oct. 7", "October 7", "June 9" at word i, in the latest year that does
  // not put it after `published` ("since Oct. 7" in a May story is last year's).
  std::optional<Date> month_day(std::size_t i, const Date& published) const {
    if (i >= words_.size() || !words_[i].capitalized) return std::nullopt;
    const std::string_view month = words_[i].lower.substr(0, std::min<std::size_t>(3, words_[i].lower.size()));
    const auto found = std::find_if(std::begin(kMonthNames), std::end(kMonthNames),
                                    [&](std::string_view name) { return name.substr(0, 3) == month; });
    if (found == std::end(kMonthNames) || (month == "may" && words_[i].text != "May")) return std::nullopt;
    std::size_t k = i + 1;
    if (k < words_.size() && words_[k].text == ".") ++k;
    if (k >= words_.size() || words_[k].text.empty() || words_[k].text.size() > 2) return std::nullopt;
    int day = 0;
    for (char c : words_[k].text) {
      if (c < '0' || c > '9') return std::nullopt;
      day = day * 10 + (c - '0');
    }
    Date date{published.year, static_cast<int>(found - std::begin(kMonthNames)) + 1, day};
    if (!parse_date(format_as(date))) return std::nullopt;
    if (date > published) --date.year;
    return date;
  }

  // The day the sentence's figures stand for and the start of their scope,
  // from the words of the sentence and the article's publication date.
  void find_dates(SentenceFacts& facts) const {
    const std::optional<Date>& published = article_->published;
    facts.reference_date = published;
    if (!published) return;
    for (std::size_t i = 0; i + 1 < words_.size(); ++i) {
      if (!in_class(words_[i], kScopeWord)) continue;
      const std::string_view w = words_[i].lower;
      // "on Sunday", "as of Saturday", "on June 9": the day the figure stands for.
      if (w == "on" || (w == "of" && i > 0 && words_[i - 1].lower == "as")) {
        for (int day = 0; day < 7; ++day) {
          if (words_[i + 1].text == kWeekdays[day]) facts.reference_date = weekday_before(*published, day);
        }
        if (const std::optional<Date> date = month_day(i + 1, *published)) facts.reference_date = date;
      }
      // "the 1.5 million who marched in 1989": a figure of an earlier year.
      if (w == "in" && words_[i + 1].text.size() == 4 &&
          std::all_of(words_[i + 1].text.begin(), words_[i + 1].text.end(), ::isdigit)) {
        const int year = std::stoi(std::string(words_[i + 1].text));
        if (year >= 1800 && year < published->year) facts.reference_date = Date{year, 1, 1};
      }
      // "since Oct. 7", "since October 7": the start of the figure's scope.
      if (w == "since") {
        if (const std::optional<Date> start = month_day(i + 1, *published)) facts.since = start;
      }
    }
  }

  // ---- attribution -------------------------------------------------------------------

  // The authority a word range names (the longest alias inside it), or none.
  std::optional<std::uint32_t> authority_in(std::size_t first, std::size_t last) const {
    std::optional<std::uint32_t> best;
    std::size_t best_length = 0;
    for (const PhraseMatch& match : matches_starting(first, last)) {
      if (match.kind != PhraseKind::authority || match.last > last) continue;
      if (match.last - match.first > best_length) {
        best = match.target;
        best_length = match.last - match.first;
      }
    }
    return best;
  }

  std::string text_of(std::size_t first, std::size_t last) const {
    if (first >= last) return {};
    const std::string_view sentence = sentence_.view(article_->text);
    const std::string_view raw = sentence.substr(words_[first].begin, words_[last - 1].end - words_[first].begin);
    std::string out;
    for (char c : raw) {  // runs of spaces and line breaks read as one space
      const bool space = c == ' ' || c == '\n' || c == '\t';
      if (space && !out.empty() && out.back() == ' ') continue;
      out += space ? ' ' : c;
    }
    return out;
  }

  // An attribution naming the words [first, last): normalized by the
  // lexicon, or a pronoun resolved to the last named speaker.
  std::optional<Attribution> name(std::size_t first, std::size_t last, std::string_view cue) const {
    if (first >= last) return {};
    Attribution attribution{text_of(first, last), {}, std::string(cue), {}};
    if (last - first == 1 && in_class(words_[first], kPronoun)) {
      return attribution;  // the authority is filled in by resolve_pronoun()
    }
    if (const auto authority = authority_in(first, last)) {
      attribution.authority = lexicon_.authorities[*authority].name;
    } else {
      std::string_view plain = attribution.text;
      if (plain.starts_with("the ") || plain.starts_with("The ")) plain.remove_prefix(4);
      attribution.authority = std::string(plain);
    }
    return attribution;
  }

  // The noun phrase that ends just before word `end` (the subject of a verb):
  // an authority alias, a pronoun, an authority a little further back ("the
  // White Helmets rescue group in the rebel-held northwest reported"), a run
  // of capitalized words, or a short noun phrase ("the interior ministry").
  std::pair<std::size_t, std::size_t> subject_before(std::size_t end) const {
    std::size_t last = run_before(end, [](const Word& w) { return in_class(w, kBeforeVerb); });
    // "on Sunday", "on Thursday that": a time phrase between subject and verb.
    if (last >= 2 && words_[last - 2].lower == "on" && is_weekday_or_month(words_[last - 1])) last -= 2;
    // "The city's mayor, Abdulmenam al-Ghaithi, said": the comma closing an
    // apposition stands between the name and the verb.
    if (last >= 2 && words_[last - 1].text == "," && !words_[last - 2].punctuation &&
        (words_[last - 2].capitalized || is_authority_word(last - 2))) {
      --last;
    }
    if (last == 0 || words_[last - 1].punctuation) return {0, 0};
    // Take the capitalized words before it too: "The U.N. humanitarian office".
    auto whole_phrase = [&](std::size_t first) {
      return run_before(first, [](const Word& w) { return !w.punctuation && w.capitalized; });
    };
    // The first authority phrase (in match order) that ends at word k.
    auto authority_ending = [&](std::size_t k) -> const PhraseMatch* {
      const std::uint32_t m = word_facts_[k].authority_ending;
      return m == 0 ? nullptr : &matches_[m - 1];
    };
    if (const PhraseMatch* match = authority_ending(last)) return {whole_phrase(match->first), last};
    if (in_class(words_[last - 1], kPronoun)) return {last - 1, last};
    // The nearest authority further back in the same clause.
    const std::size_t limit = last > 12 ? last - 12 : 0;
    for (std::size_t k = last; k > limit; --k) {
      if (in_class(words_[k - 1], kClauseBoundary | kClauseOpener)) {
        break;
      }
      if (const PhraseMatch* match = authority_ending(k)) return {whole_phrase(match->first), k};
    }
    std::size_t first =
        run_before(last, [](const Word& w) { return !w.punctuation && (w.capitalized || in_class(w, kNameJoiner)); });
    if (first < last) return {first, last};
    // "Hamas blamed ... and said": a coordinated verb shares the sentence's subject.
    if (words_[last - 1].lower == "and") {
      for (const PhraseMatch& match : matches_starting(0, 8)) {
        if (match.kind == PhraseKind::authority && match.last <= 8 && match.last < last) {
          return {whole_phrase(match.first), match.last};
        }
      }
      return {0, 0};
    }
    // "the eastern administration's interior ministry said", "officials said",
    // "a monitoring group said": only a noun that can be a source.
    if (!in_class(words_[last - 1], kSourceNoun)) return {0, 0};
    first = last - 1;
    while (first > 0 && last - first < 6) {
      const Word& previous = words_[first - 1];
      const bool apostrophe = previous.text == "'" || previous.text == "\xE2\x80\x99";
      const bool digits = !previous.text.empty() && previous.text.front() >= '0' && previous.text.front() <= '9';
      if ((previous.punctuation && !apostrophe) || digits || in_class(previous, kNotInSubject)) break;
      --first;
      if (in_class(words_[first], kDeterminer)) break;
    }
    while (first < last - 1 && in_class(words_[first], kDeterminer)) {
      ++first;
    }
    return {first, last};
  }

  // "..., said Samira Abu Odeh": a capitalized name just after the verb.
  std::pair<std::size_t, std::size_t> subject_after(std::size_t start) const {
    std::size_t last = start;
    while (last < words_.size() && !words_[last].punctuation && words_[last].capitalized) ++last;
    return {start, last};
  }

  // Attribution by a speech verb (`verb` is a match of kind verb): its
  // subject, or the name after it when the order is inverted.
  std::optional<Attribution> attribution_of_verb(const PhraseMatch& verb) const {
    // "was reported by the IOM" is passive: the "by" cue names the source.
    if (verb.last < words_.size() && words_[verb.last].lower == "by") return {};
    const std::string cue = std::string(words_[verb.first].lower);
    const auto [first, last] = subject_before(verb.first);
    if (first < last) return name(first, last, cue);
    const auto [after_first, after_last] = subject_after(verb.last);
    if (after_first < after_last) return name(after_first, after_last, cue);
    return {};
  }

  // The cues of the sentence outside quotations, each with its position.
  struct Cue {
    std::size_t at = 0;
    Attribution attribution;
    bool clause_bound = false;  // a speech verb: it does not reach into a subordinate clause
  };

  // Whether a subordinate clause opens between words a and b: "declared ...
  // after militants killed 250" does not credit the 250 to the speaker.
  bool subordinate_between(std::size_t a, std::size_t b) const {
    return word_facts_[std::max(a, b)].subordinators > word_facts_[std::min(a, b)].subordinators;
  }

  // The cues of the current sentence: those of words ("according to",
  // "citing"), in word order, then those of speech verbs, in word order.
  struct SentenceCues {
    std::vector<Cue> cues;
    std::size_t plain;  // how many are of words (no initializer: clang then finds it default-constructible)
  };

  const SentenceCues& sentence_cues() {
    if (!cues_) {
      cues_.emplace();
      cues_->cues = read_cues(cues_->plain);
    }
    return *cues_;
  }

  const SentenceFacts& sentence_facts() const {
    if (!facts_) {
      facts_.emplace();
      find_dates(*facts_);
      facts_->several_places = names_several_places();
      facts_->unknown_places = find_unknown_places();
      std::string one_line(sentence_.view(article_->text));
      std::replace(one_line.begin(), one_line.end(), '\n', ' ');
      facts_->one_line = std::move(one_line);
      for (const PhraseMatch& match : matches_) {
        if (match.kind != PhraseKind::hedge) continue;
        std::string lowered = text_of(match.first, match.last);
        for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (std::find(facts_->hedges.begin(), facts_->hedges.end(), lowered) == facts_->hedges.end()) {
          facts_->hedges.push_back(std::move(lowered));
        }
      }
    }
    return *facts_;
  }

  std::vector<Cue> read_cues(std::size_t& plain) const {
    std::vector<Cue> cues;
    for (std::size_t i = 0; i < words_.size(); ++i) {
      if (!(in_class(words_[i], kCueWord) || words_[i].punctuation) || in_quote(i)) continue;
      const std::string_view w = words_[i].lower;
      // "according to X", "per X", "reported by X", "citing (figures from) X"
      std::size_t start = 0;
      std::string cue;
      if (w == "according" && i + 1 < words_.size() && words_[i + 1].lower == "to") {
        start = i + 2, cue = "according to";
      } else if (w == "per" && i + 1 < words_.size() && words_[i + 1].capitalized) {
        start = i + 1, cue = "per";
      } else if (w == "by" && i > 0 && in_class(words_[i - 1], kReleaseVerb)) {
        start = i + 1, cue = "reported by";
      } else if (w == "citing") {
        start = i + 1;
        while (start < words_.size() && in_class(words_[start], kCitedThing)) ++start;
        cue = "citing";
      }
      if (!cue.empty()) {
        std::size_t end = start;
        while (end < words_.size() && !in_class(words_[end], kClauseBoundary) && !in_quote(end) && end - start < 10) {
          // A period ends the phrase unless it belongs to an abbreviation ("U.N.").
          if (words_[end].text == ".") {
            const bool abbreviation = end > start && words_[end - 1].end == words_[end].begin &&
                                      words_[end - 1].text.size() == 1 && words_[end - 1].capitalized;
            if (!abbreviation) break;
          }
          ++end;
        }
        // "citing the deaths of 15,000 children" cites evidence, not a source.
        if (cue == "citing" && !authority_in(start, end)) continue;
        if (auto attribution = name(start, end, cue)) cues.push_back({i, std::move(*attribution)});
        continue;
      }
      // "X's figures show"
      if ((words_[i].text == "'" || words_[i].text == "\xE2\x80\x99") && i + 2 < words_.size() &&
          words_[i + 1].lower == "s" && in_class(words_[i + 2], kFiguresNoun)) {
        const auto [first, last] = subject_before(i);
        if (auto attribution = name(first, last, "'s figures")) cues.push_back({i, std::move(*attribution)});
      }
    }
    plain = cues.size();
    for (const PhraseMatch& match : matches_) {
      if (match.kind != PhraseKind::verb || in_quote(match.first)) continue;
      if (auto attribution = attribution_of_verb(match)) {
        cues.push_back({match.first, std::move(*attribution)});
        cues.back().clause_bound = true;
      }
    }
    return cues;
  }

  // Who speaks a quotation: a speech verb outside quotes in the sentence
  // where the quotation ends, or in the sentence that introduces it ("He
  // noted: ...").
  std::optional<Attribution> quote_speaker(std::size_t sentence_index, std::size_t end_sentence) {
    const auto& sentences = parts_->sentences;
    const std::size_t saved = loaded_;
    std::optional<Attribution> found;
    std::size_t found_in = sentence_index;
    auto try_sentence = [&](std::size_t s) {
      if (found || s >= sentences.size()) return;
      load_sentence(s);
      for (const PhraseMatch& match : matches_) {
        if (match.kind != PhraseKind::verb || in_quote(match.first)) continue;
        if (auto attribution = attribution_of_verb(match)) {
          attribution->cue = "quote";
          found = std::move(attribution);
          found_in = s;
          return;
        }
      }
    };
    try_sentence(end_sentence);
    if (!found && sentence_index > 0) {
      const std::string_view before = sentences[sentence_index - 1].view(article_->text);
      if (before.ends_with(":")) try_sentence(sentence_index - 1);
    }
    if (!found) try_sentence(sentence_index);
    load_sentence(saved);
    if (found) resolve_pronoun(*found, found_in);
    return found;
  }

  std::optional<Attribution> find_attribution(std::size_t sentence_index, std::size_t first, std::size_t last,
                                              std::size_t figure_offset) {
    if (const Quote* quote = parts_->quote_at(figure_offset)) {
      // The sentence where the quotation ends (or the last one).
      const auto& sentences = parts_->sentences;
      const auto end_sentence = static_cast<std::size_t>(
          std::partition_point(sentences.begin() + static_cast<std::ptrdiff_t>(sentence_index), sentences.end() - 1,
                               [&](const Sentence& sentence) { return sentence.end < quote->end; }) -
          sentences.begin());
      // The speaker depends on that sentence only: worked out once for all
      // the figures of a quotation.
      auto known = std::find_if(quote_speakers_.begin(), quote_speakers_.end(),
                                [&](const auto& entry) { return entry.first == end_sentence; });
      if (known == quote_speakers_.end()) {
        std::optional<Attribution> speaker = quote_speaker(sentence_index, end_sentence);
        // "..." he said, citing figures from X.
        if (speaker) {
          for (const Cue& cue : sentence_cues().cues) {
            if (cue.attribution.cue == "citing") speaker->citing = cue.attribution.authority;
          }
        }
        known = quote_speakers_.insert(quote_speakers_.end(), {end_sentence, std::move(speaker)});
      }
      return known->second;
    }
    const Cue* best = nearest_cue(first, last);
    if (!best) return {};
    std::optional<Attribution> found = best->attribution;
    resolve_pronoun(*found, sentence_index);
    return found;
  }

  // The cue of the sentence nearest to the figure at words [first, last)
  // by distance(), the first in cue order among equals; a speech verb does
  // not reach past a subordinate clause opening between it and the figure.
  // Distances only grow away from the figure, so the nearest cue on each
  // side of it, in each of the two lists, is found by binary search, and
  // then the first cue as near as the nearest.
  const Cue* nearest_cue(std::size_t first, std::size_t last) {
    const SentenceCues& found = sentence_cues();
    const std::span<const Cue> all(found.cues);
    // Score of a cue before the figure (or inside it: 0) and after it.
    const auto score = [&](const Cue& cue) {
      return cue.at >= last ? distance(first, last, cue.at, cue.at + 1) : distance(cue.at, cue.at + 1, first, last);
    };
    const auto skipped = [&](const Cue& cue) {
      return cue.clause_bound && cue.at < first && subordinate_between(cue.at, first);
    };
    // The two lists (cues of words, then speech verbs), each in word order.
    const std::span<const Cue> lists[2] = {all.first(found.plain), all.subspan(found.plain)};
    struct Side {
      std::span<const Cue> before, after;  // at < last, at >= last
    };
    Side sides[2];
    constexpr int kFar = 1 << 20;
    int best_score = kFar;
    for (int l = 0; l < 2; ++l) {
      const std::span<const Cue> list = lists[l];
      const auto split = std::partition_point(list.begin(), list.end(), [&](const Cue& cue) { return cue.at < last; });
      // Skipped verbs are those furthest back: a subordinator between a
      // verb and the figure is between every earlier verb and it too.
      const auto valid = std::partition_point(list.begin(), split, [&](const Cue& cue) { return skipped(cue); });
      sides[l] = {std::span<const Cue>(valid, split), std::span<const Cue>(split, list.end())};
      if (!sides[l].before.empty()) best_score = std::min(best_score, score(sides[l].before.back()));
      if (!sides[l].after.empty()) best_score = std::min(best_score, score(sides[l].after.front()));
    }
    if (best_score >= kFar) return nullptr;
    for (const Side& side : sides) {
      // Before the figure, scores fall toward it: the first at the best score.
      const auto at_best = std::partition_point(side.before.begin(), side.before.end(),
                                                [&](const Cue& cue) { return score(cue) > best_score; });
      if (at_best != side.before.end()) return &*at_best;
      if (!side.after.empty() && score(side.after.front()) == best_score) return &side.after.front();
    }
    return nullptr;  // no cue, or none nearer than 1 << 20 (as distance() goes, half a million words)
  }

  // "he said": the last speaker named before sentence `s` (a speech verb's
  // subject first, else the last person named), looked up only when a
  // pronoun needs it. Leaves `attribution` without an authority when there
  // is none to find; the caller drops it then.
  void resolve_pronoun(Attribution& attribution, std::size_t s) {
    if (!attribution.authority.empty()) return;
    // It depends on the sentence only: looked up once for all its figures.
    auto known = pronoun_speakers_.find(s);
    if (known == pronoun_speakers_.end()) known = pronoun_speakers_.emplace(s, speaker_before(s)).first;
    attribution.authority = known->second;
  }

  std::string speaker_before(std::size_t s) {
    const std::size_t saved = loaded_;
    std::string found;
    for (std::size_t k = s; k-- > 0 && s - k <= 10 && found.empty();) {
      load_sentence(k);
      std::string speaker;
      for (const PhraseMatch& match : matches_) {
        if (match.kind == PhraseKind::authority && lexicon_.authorities[match.target].person &&
            !in_quote(match.first)) {
          speaker = lexicon_.authorities[match.target].name;
        }
      }
      for (const PhraseMatch& match : matches_) {
        if (match.kind != PhraseKind::verb || in_quote(match.first)) continue;
        const auto [first, last] = subject_before(match.first);
        if (first >= last || (last - first == 1 && in_class(words_[first], kPronoun))) {
          continue;
        }
        if (auto named = name(first, last, "said")) speaker = named->authority;
      }
      found = speaker;
    }
    load_sentence(saved);
    return found;
  }

  // ---- the claim --------------------------------------------------------------------

  // Fills `claim` (made in place in the article's list) from `figure`, the
  // sentence's figure number `which` (whose words are figure_words[which]).
  void fill_claim(Claim& claim, std::size_t sentence_index, const Quantity& figure, std::size_t which,
                  const std::vector<std::pair<std::size_t, std::size_t>>& figure_words) {
    const std::string_view text = sentence_.view(article_->text);
    const std::size_t offset = sentence_.begin + figure.span.begin;
    const SourceSpan where = locator_->locate(offset);
    claim.article = article_->id;
    claim.source = article_->source;
    claim.file = where.file;
    claim.line = where.line;
    claim.column = where.column;
    claim.text = std::string(figure.span.view(text));
    std::replace(claim.text.begin(), claim.text.end(), '\n', ' ');
    claim.value = figure.value;
    claim.low = figure.low;
    claim.high = figure.high;
    claim.low_open = figure.low_open;
    claim.high_open = figure.high_open;
    claim.qualifier = figure.qualifier;
    claim.unit = figure.unit;
    claim.noun = figure.noun;
    claim.published = article_->published;
    claim.sentence = sentence_facts().one_line;

    const auto [first, last] = figure_words[which];
    claim.metric = find_metric(first, last, figure, figure_words);
    if (figure.value < 0 && counts_people(claim.metric)) {
      // A count of people (deaths, injuries, the displaced...) is never
      // negative: "-35 people killed" is a typo or a change, not a toll, and
      // no rule may weigh it against real tolls. The figure stays, unkeyed.
      claim.metric.clear();
    }
    claim.entity = find_entity(first, last, figure);
    claim.subject = find_subject(figure, first);
    claim.reference_date = sentence_facts().reference_date;
    claim.since = sentence_facts().since;
    claim.in_quote = parts_->quote_at(offset) != nullptr;
    claim.attribution = find_attribution(sentence_index, first, last, offset);
    if (claim.attribution && claim.attribution->authority.empty()) claim.attribution.reset();  // "he", but who?
    claim.hedges = sentence_facts().hedges;
  }

  // Whether the metric `id` counts people: its lexicon unit is "people".
  bool counts_people(std::string_view id) const {
    if (id.empty()) return false;
    const auto metric = std::find_if(lexicon_.metrics.begin(), lexicon_.metrics.end(),
                                     [&](const Metric& m) { return m.id == id; });
    return metric != lexicon_.metrics.end() && metric->unit == "people";
  }

  const Lexicon& lexicon_;
  QuantityReader reader_;
  std::vector<Quantity> sentence_figures_;  // read from one sentence
  std::vector<Quantity> figures_;           // of the article, sentence after sentence
  std::vector<std::size_t> first_figure_;   // by sentence, into figures_ (and one past the last)
  std::vector<bool> names_place_;           // by sentence: holds a known place's longest word
  static constexpr std::size_t kKeptFigures = 1 << 16;
  std::vector<std::pair<std::size_t, std::size_t>> figure_words_;  // their words
  claims::PhraseIndex index_;
  const Article* article_ = nullptr;
  TextLocator* locator_ = nullptr;  // of the article being read
  const SegmentedText* parts_ = nullptr;
  std::string lower_text_;                             // the article, lower-cased
  mutable std::vector<SentenceWords> sentence_words_;  // by sentence index; capacity kept across articles
  std::size_t loaded_ = kNoSentence;                   // the sentence being read
  std::size_t released_until_ = 0;                     // sentences before it hold no words
  Sentence sentence_;
  bool sentence_quoted_ = false;  // a quotation overlaps the sentence
  std::span<const Word> words_;
  std::span<const PhraseMatch> matches_;
  mutable std::optional<std::string> main_place_;
  std::optional<SentenceCues> cues_;            // the current sentence's cues, read once
  mutable std::optional<SentenceFacts> facts_;  // and its dates and places
  std::span<const WordFacts> word_facts_;       // of the sentence being read
  std::size_t longest_match_ = 0;               // and the most words of a match in it
  bool figures_in_order_ = true;                // its figures' words are in text order (they always should be)
  // The speaker of a quotation in the current sentence, by the sentence where it ends.
  std::vector<std::pair<std::size_t, std::optional<Attribution>>> quote_speakers_;
  std::unordered_map<std::size_t, std::string> pronoun_speakers_;  // by sentence: resolve_pronoun()
};

ClaimExtractor::ClaimExtractor(const Lexicon& lexicon) : impl_(std::make_unique<Impl>(lexicon)) {}
ClaimExtractor::~ClaimExtractor() = default;

std::vector<Claim> ClaimExtractor::extract(const Article& article, const SegmentedText& parts) {
  return impl_->extract(article, parts);
}

}  // namespace crosscheck
