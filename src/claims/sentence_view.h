// A sentence's words as a value: what every claims step (metric, place,
// subject, dates, source) reads, for the sentence of a figure or any other
// sentence of the article. Private to src/claims/.
//
// NOTE(#16): there is no "current sentence". A step that looks at another
// sentence (the speaker of a quotation, the antecedent of "he") asks
// ArticleWords for that sentence's view; nothing is moved and restored.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "claims/phrase_index.h"
#include "claims/word_classes.h"
#include "crosscheck/ingest.h"
#include "crosscheck/segment.h"

namespace crosscheck::claims {

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
// sentence in one pass (one entry per word and one past the end), so that a
// figure's questions are lookups and not passes over the sentence: a
// sentence of N figures costs N lookups, not N passes. (Runs of words, such
// as the capitalized words of a name, are walked instead, at most
// kSearchWindow words: the runs a figure walks do not overlap, so that is
// linear too.)
struct WordFacts {
  std::uint32_t weight = 0;            // distance() of the words before this one
  std::uint32_t ands = 0;              // "and" words before this one
  std::uint32_t subordinators = 0;     // kSubordinator words before this one
  std::uint32_t authority_ending = 0;  // 1 + the index of the first authority match ending here; 0: none
  bool starts_metric = false;          // a metric phrase starts at this word
  bool in_entity = false;              // the word is inside an entity phrase
  bool in_authority = false;           // the word is inside an authority phrase
};

// A run of words by index, [first, last).
using WordRange = std::pair<std::size_t, std::size_t>;

// One sentence of an article: its words, the lexicon phrases among them and
// their facts. A view: ArticleWords owns what it points to.
struct SentenceView {
  std::size_t index = 0;          // in SegmentedText::sentences
  Sentence sentence;              // its bytes in the article
  std::string_view article_text;  // the whole article
  const SegmentedText* parts = nullptr;
  bool quoted = false;  // a quotation overlaps the sentence
  std::span<const Word> words;
  std::span<const PhraseMatch> matches;  // by first word
  std::span<const WordFacts> facts;      // by word, and one past the last
  std::size_t longest_match = 0;         // the most words of a match

  std::size_t size() const { return words.size(); }
  std::string_view text() const { return sentence.view(article_text); }

  bool is_entity_word(std::size_t word) const { return facts[word].in_entity; }
  bool is_metric_word(std::size_t word) const { return facts[word].starts_metric; }
  bool is_authority_word(std::size_t word) const { return facts[word].in_authority; }

  // Whether word `word` lies inside a quotation.
  bool in_quote(std::size_t word) const {
    return quoted && parts->quote_at(sentence.begin + words[word].begin) != nullptr;
  }

  // How far apart two word ranges are, in words, plus a penalty for each
  // boundary (comma, dash, conjunction) between them (WordFacts::weight).
  int distance(std::size_t a_first, std::size_t a_last, std::size_t b_first, std::size_t b_last) const {
    const std::size_t from = a_last <= b_first ? a_last : b_last;
    const std::size_t to = a_last <= b_first ? b_first : a_first;
    if (from >= to) return 0;
    return static_cast<int>(facts[to].weight - facts[from].weight);
  }

  // Whether a subordinate clause opens between words a and b: "declared ...
  // after militants killed 250" does not credit the 250 to the speaker.
  bool subordinate_between(std::size_t a, std::size_t b) const {
    return facts[std::max(a, b)].subordinators > facts[std::min(a, b)].subordinators;
  }

  // The first of the words just before word `end` that all pass `test`
  // (a run of them), at most kSearchWindow words back.
  template <class Test>
  std::size_t run_before(std::size_t end, Test test) const {
    const std::size_t limit = end > kSearchWindow ? end - kSearchWindow : 0;
    while (end > limit && test(words[end - 1])) --end;
    return end;
  }

  // The matches starting at words [from, to), of any kind.
  std::span<const PhraseMatch> matches_starting(std::size_t from, std::size_t to) const;

  // The words [from, to) where a phrase of at most `longest` words may
  // start whose distance() from the figure at words [first, last) is at
  // most `limit`, within kSearchWindow words of it.
  WordRange search_window(std::size_t first, std::size_t last, std::uint32_t limit, std::size_t longest) const;

  // Word indices covering the byte range [begin, end) of the sentence.
  WordRange words_of(std::size_t begin, std::size_t end) const;

  // The words [first, last) as written, runs of spaces and line breaks as one space.
  std::string text_of(std::size_t first, std::size_t last) const;
};

// The words of one sentence of the article and the lexicon phrases among them.
struct SentenceWords {
  bool ready = false;
  std::vector<Word> words;
  std::vector<PhraseMatch> matches;  // by first word
  std::vector<WordFacts> facts;      // by word, and one past the last; filled by ArticleWords::view
  std::size_t longest_match = 0;     // the most words of a match
};

// The words of an article's sentences, each split and matched at most once,
// on first need, however often a step reads it again (pronouns, quotations,
// the main place). Holds scratch space: one per extractor, reused.
class ArticleWords {
 public:
  // `index` must outlive this.
  explicit ArticleWords(const PhraseIndex& index) : index_(index) {}

  // Starts on `article`, split into `parts`; both must outlive the views.
  void start(const Article& article, const SegmentedText& parts);

  const Article& article() const { return *article_; }
  const SegmentedText& parts() const { return *parts_; }
  const PhraseIndex& index() const { return index_; }

  // Sentence `s` as written.
  std::string_view text(std::size_t s) const { return parts_->sentences[s].view(article_->text); }

  // Whether sentence `s` has been split since it was last released.
  bool ready(std::size_t s) const { return sentence_words_[s].ready; }

  // The words and phrases of sentence `s` (not their facts).
  const SentenceWords& words(std::size_t s);

  // Sentence `s` whole, its facts worked out. Valid until release_before()
  // frees it or the next start().
  SentenceView view(std::size_t s);

  // Frees everything it holds, capacity too (after an article that ran out
  // of memory: the next ones need the room). start() must come next.
  void release_all() {
    std::string().swap(lower_text_);  // (not "= {}": that keeps the capacity)
    std::vector<SentenceWords>().swap(sentence_words_);
    released_until_ = 0;
  }

  // Frees the words of sentences no figure from `s` on looks back to (a
  // pronoun reaches ten sentences back), so that a huge article keeps a few
  // sentences' words, not all of them. The first two stay for the main place.
  void release_before(std::size_t s);

 private:
  const PhraseIndex& index_;
  const Article* article_ = nullptr;
  const SegmentedText* parts_ = nullptr;
  std::string lower_text_;                     // the article, lower-cased
  std::vector<SentenceWords> sentence_words_;  // by sentence index; capacity kept across articles
  std::size_t released_until_ = 0;             // sentences before it hold no words
};

}  // namespace crosscheck::claims
