#include "claims/sentence_view.h"

#include <algorithm>

namespace crosscheck::claims {

namespace {

void fill_word_facts(SentenceWords& entry) {
  const std::vector<Word>& words = entry.words;
  std::vector<WordFacts>& facts = entry.facts;
  const std::size_t n = words.size();
  facts.clear();
  facts.reserve(n + 1);
  WordFacts running;  // what facts[i + 1] holds, built from facts[i]
  facts.push_back(running);
  for (std::size_t i = 0; i < n; ++i) {
    const Word& word = words[i];
    const std::uint64_t classes = word.classes;
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

}  // namespace

std::span<const PhraseMatch> SentenceView::matches_starting(std::size_t from, std::size_t to) const {
  if (from == 0 && to >= words.size()) return matches;
  const auto begin =
      std::partition_point(matches.begin(), matches.end(), [&](const PhraseMatch& m) { return m.first < from; });
  const auto end = std::partition_point(begin, matches.end(), [&](const PhraseMatch& m) { return m.first < to; });
  return {begin, end};
}

WordRange SentenceView::search_window(std::size_t first, std::size_t last, std::uint32_t limit,
                                      std::size_t longest) const {
  // A short sentence is searched whole, as cheap as finding where to stop
  // (the window would cut nothing: it only leaves out what scores too far).
  if (words.size() <= kWholeSentence) return {0, words.size()};
  const auto weight_below = [](const WordFacts& f, std::uint32_t weight) { return f.weight < weight; };
  const auto weight_at_most = [](std::uint32_t weight, const WordFacts& f) { return weight < f.weight; };
  // Before: a phrase ending at word k >= near has a distance of at most `limit`.
  const std::uint32_t base = facts[first].weight;
  const std::size_t near =
      static_cast<std::size_t>(std::lower_bound(facts.begin(), facts.begin() + static_cast<std::ptrdiff_t>(first) + 1,
                                                base > limit ? base - limit : 0, weight_below) -
                               facts.begin());
  std::size_t from = near > longest ? near - longest : 0;
  if (first > kSearchWindow) from = std::max(from, first - kSearchWindow);
  // After: a phrase starting at word k < to.
  const std::size_t end = std::min(words.size(), last + kSearchWindow);
  const auto after = std::upper_bound(facts.begin() + static_cast<std::ptrdiff_t>(std::min(last, end)),
                                      facts.begin() + static_cast<std::ptrdiff_t>(end),
                                      facts[std::min(last, end)].weight + limit, weight_at_most);
  return {from, std::max(from, static_cast<std::size_t>(after - facts.begin()))};
}

WordRange SentenceView::words_of(std::size_t begin, std::size_t end) const {
  // Words are in text order and do not overlap: the first that ends after
  // `begin`, up to the first that starts at or after `end`.
  const auto first = std::partition_point(words.begin(), words.end(), [&](const Word& w) { return w.end <= begin; });
  const auto last = std::partition_point(first, words.end(), [&](const Word& w) { return w.begin < end; });
  if (first == last) return {0, 0};
  return {static_cast<std::size_t>(first - words.begin()), static_cast<std::size_t>(last - words.begin())};
}

std::string SentenceView::text_of(std::size_t first, std::size_t last) const {
  if (first >= last) return {};
  const std::string_view raw = text().substr(words[first].begin, words[last - 1].end - words[first].begin);
  std::string out;
  for (char c : raw) {  // runs of spaces and line breaks read as one space
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (space && !out.empty() && out.back() == ' ') continue;
    out += space ? ' ' : c;
  }
  return out;
}

void ArticleWords::start(const Article& article, const SegmentedText& parts) {
  article_ = &article;
  parts_ = &parts;
  lower_ascii(article.text, lower_text_);
  if (sentence_words_.size() < parts.sentences.size()) sentence_words_.resize(parts.sentences.size());
  for (std::size_t s = 0; s < parts.sentences.size(); ++s) sentence_words_[s].ready = false;
  released_until_ = 0;
}

const SentenceWords& ArticleWords::words(std::size_t s) {
  SentenceWords& entry = sentence_words_[s];
  if (!entry.ready) {
    const Sentence& sentence = parts_->sentences[s];
    split_words(sentence.view(article_->text),
                std::string_view(lower_text_).substr(sentence.begin, sentence.end - sentence.begin), entry.words);
    index_.find_all(entry.words, entry.matches);
    entry.facts.clear();  // worked out when the sentence is viewed whole, not just counted in
    entry.ready = true;
  }
  return entry;
}

SentenceView ArticleWords::view(std::size_t s) {
  words(s);
  SentenceWords& entry = sentence_words_[s];
  if (entry.facts.empty()) fill_word_facts(entry);
  SentenceView view;
  view.index = s;
  view.sentence = parts_->sentences[s];
  view.article_text = article_->text;
  view.parts = parts_;
  // Most sentences hold no quotation: then no word of them is asked about.
  const std::vector<Quote>& quotes = parts_->quotes;
  const auto after = std::lower_bound(quotes.begin(), quotes.end(), view.sentence.begin,
                                      [](const Quote& quote, std::size_t begin) { return quote.end <= begin; });
  view.quoted = after != quotes.end() && after->begin < view.sentence.end;
  view.words = entry.words;
  view.matches = entry.matches;
  view.facts = entry.facts;
  view.longest_match = entry.longest_match;
  return view;
}

void ArticleWords::release_before(std::size_t s) {
  constexpr std::size_t kLookBack = 11;
  if (s < kLookBack + 2) return;
  for (std::size_t k = released_until_; k < s - kLookBack; ++k) {
    if (k < 2 || !sentence_words_[k].ready) continue;
    sentence_words_[k] = SentenceWords{};  // frees, not just clears
  }
  released_until_ = std::max(released_until_, s - kLookBack);
}

}  // namespace crosscheck::claims
