#include "claims/metric.h"

#include <algorithm>
#include <array>

#include "claims/dates.h"

namespace crosscheck::claims {

namespace {

// Whether the metric phrase `match` belongs to another figure of the
// sentence rather than to the one at words [first, last): a figure stands
// between them, or the phrase comes right after another figure ("80,000
// wounded and 2 million"). The figures' words are in text order, and the
// figure nearest to the phrase is the one that can claim it if any can:
// two binary searches, not a pass over the sentence's figures.
bool claimed_by_other(const SentenceView& sentence, const PhraseMatch& match, bool after, std::size_t first,
                      std::size_t last, const SentenceFigures& sentence_figures, std::size_t whole) {
  const std::vector<WordRange>& figures = sentence_figures.words;
  const auto claims = [&](std::size_t other_first, std::size_t other_last) {
    if (other_first == first || other_first == whole) return false;
    bool between =
        after ? (other_last <= match.first && other_first >= last) : (other_last <= first && other_first >= match.last);
    // "killed 120 soldiers and at least 40 civilians": one verb, two figures.
    if (between && !after && sentence.facts[first].ands > sentence.facts[other_last].ands) between = false;
    bool right_after_other = other_last <= match.first && match.first - other_last <= 2;
    for (std::size_t k = other_last; right_after_other && k < match.first; ++k) {
      if (sentence.words[k].punctuation || in_class(sentence.words[k], kConjunction)) right_after_other = false;
    }
    return between || (!after && right_after_other);
  };
  const auto every_figure = [&] {
    return std::any_of(figures.begin(), figures.end(), [&](const auto& f) { return claims(f.first, f.second); });
  };
  if (!sentence_figures.in_order) return every_figure();
  // The figure that can claim it: after the figure, the first that starts
  // after it; before, the last that ends before the figure (between) or
  // before the phrase (right after). A figure starting where this one does
  // (only a figure of no words could) is skipped: then look at all.
  std::array<const WordRange*, 2> candidates{};
  std::size_t count = 0;
  if (after) {
    const auto next =
        std::partition_point(figures.begin(), figures.end(), [&](const WordRange& f) { return f.first < last; });
    if (next != figures.end()) candidates[count++] = &*next;
    // The part's whole never claims its predicate; the figure after it may
    // ("Seven of the 22 victims were children and 15 were injured").
    if (next != figures.end() && next->first == whole && next + 1 != figures.end()) candidates[count++] = &*(next + 1);
  } else {
    for (const std::size_t end : {first, match.first}) {
      const auto past =
          std::partition_point(figures.begin(), figures.end(), [&](const WordRange& f) { return f.second <= end; });
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

// A capitalized month's name: "March" is the month where "march" may be a
// protest's (the metric words are matched in any case).
bool is_month_name(const Word& word) { return word.capitalized && is_weekday_or_month(word); }

// A part counted from a whole ("32 of the 543 passengers and crew were
// confirmed dead"): where the whole's figure starts and where its noun
// phrase ends, at the verb of being whose subject is the part. None when
// the figure at [first, last) is no such part, or no such verb follows
// ("three of the four soldiers killed by friendly fire died": which verb
// is whose is not told by words alone, and the whole keeps its own).
struct PartOfWhole {
  std::size_t whole = SIZE_MAX;       // the whole figure's first word
  std::size_t phrase_end = SIZE_MAX;  // the verb of being after it
};

constexpr std::size_t kWholePhraseWords = 12;

// The verb of being after the whole's figure, before any clause opens: in
// "two of the 18 people who were injured ... have died" the "were" is the
// relative clause's, and which verb is the part's is not told by words alone.
std::size_t copula_after(std::span<const Word> words, std::size_t from) {
  for (std::size_t k = from; k < words.size() && k < from + kWholePhraseWords; ++k) {
    if (in_class(words[k], kCopula)) return k;
    if (in_class(words[k], kClauseBoundary | kClauseOpener | kSubordinator)) break;
  }
  return SIZE_MAX;
}

PartOfWhole part_of_whole(const SentenceView& sentence, std::size_t last, const SentenceFigures& figures) {
  const std::span<const Word> words = sentence.words;
  if (last >= words.size() || !in_class(words[last], kOf)) return {};
  std::size_t k = last + 1;
  if (k < words.size() && in_class(words[k], kDeterminer)) ++k;
  const auto whole =
      std::find_if(figures.words.begin(), figures.words.end(), [&](const WordRange& f) { return f.first == k; });
  if (whole == figures.words.end()) return {};
  const std::size_t verb = copula_after(words, whole->second);
  return verb == SIZE_MAX ? PartOfWhole{} : PartOfWhole{k, verb};
}

// Whether the figure at [first, last) is the whole of a part before it and
// `match` lies past the verb of being the part is the subject of: "32 of
// the 543 ... were confirmed dead" (the dead are the 32).
bool predicate_of_the_part(const SentenceView& sentence, const PhraseMatch& match, std::size_t first, std::size_t last,
                           const SentenceFigures& figures) {
  const std::span<const Word> words = sentence.words;
  if (first < 2 || match.first < last) return false;
  const std::size_t of = in_class(words[first - 1], kDeterminer) ? first - 2 : first - 1;
  if (of == 0 || !in_class(words[of], kOf)) return false;
  const bool after_a_figure =
      std::any_of(figures.words.begin(), figures.words.end(), [&](const WordRange& f) { return f.second == of; });
  const std::size_t verb = after_a_figure ? copula_after(words, last) : SIZE_MAX;
  return verb != SIZE_MAX && match.first > verb;
}

// "Of the 140 injured, 25 were in critical condition": a figure after the
// comma of an opening "Of the N <what>," is a part of that whole and counts
// what it counts (the whole claims the word, being right before it).
std::string metric_of_opening_whole(const SentenceView& sentence, const Lexicon& lexicon, WordRange at,
                                    const SentenceFigures& figures) {
  const std::span<const Word> words = sentence.words;
  if (words.size() < 5 || !in_class(words[0], kOf)) return {};
  const std::size_t start = in_class(words[1], kDeterminer) ? 2 : 1;
  const auto whole =
      std::find_if(figures.words.begin(), figures.words.end(), [&](const WordRange& f) { return f.first == start; });
  if (whole == figures.words.end() || at.first <= whole->second) return {};
  std::size_t comma = whole->second;
  while (comma < at.first && comma < whole->second + 4 && words[comma].text != ",") ++comma;
  if (comma >= at.first || words[comma].text != ",") return {};
  for (const PhraseMatch& match : sentence.matches_starting(whole->second, comma)) {
    if (match.kind == PhraseKind::metric && match.last <= comma) return lexicon.metrics[match.target].id;
  }
  return {};
}

}  // namespace

std::string find_metric(const SentenceView& sentence, const Lexicon& lexicon, WordRange at, const Quantity& figure,
                        const SentenceFigures& figures) {
  const auto [first, last] = at;
  const std::span<const Word> words = sentence.words;
  int best_score = 1 << 20;
  std::string best;
  // "85% of the enclave's population into displacement": the "of" phrase is the base, not the metric.
  std::size_t base_end = last;
  if (figure.unit == "%" && last < words.size() && in_class(words[last], kOf)) {
    base_end = last + 1;
    while (base_end < words.size() && base_end < last + 8 &&
           !in_class(words[base_end], kClauseBoundary | kEndsShareBase)) {
      ++base_end;
    }
  }
  const PartOfWhole part = part_of_whole(sentence, last, figures);
  // A word before the figure that "and" parts from it belongs to the clause
  // before when the figure's own clause names what it counts: "1,400 were
  // killed and about 200 are held as hostages".
  bool best_across_and = false;
  int own_clause_score = 1 << 20;
  std::string own_clause_metric;
  // Its own clause: a verb of its own comes first ("are held", "were taken",
  // "forced"), and no participle or relative clause that describes the noun
  // ("4 soldiers guarding a camp for the homeless" are still dead).
  const auto in_own_clause = [&](const PhraseMatch& match) {
    bool verb = false;
    for (std::size_t k = at.second; k < match.first; ++k) {  // (not `last`: clang 14 captures no binding)
      const std::string_view word = words[k].lower;
      if (words[k].punctuation || in_class(words[k], kConjunction | kClauseOpener | kSubordinator)) return false;
      if (word.size() > 4 && word.ends_with("ing")) return false;
      verb = verb || in_class(words[k], kCopula | kAuxiliary) || (word.size() > 4 && word.ends_with("ed"));
    }
    return verb;
  };
  const auto across_and = [&](const PhraseMatch& match) {
    for (std::size_t k = match.last; k < at.first; ++k) {
      if (in_class(words[k], kConjunction)) return true;
    }
    return false;
  };
  const auto [from, to] = sentence.search_window(first, last, 14, sentence.longest_match);
  for (const PhraseMatch& match : sentence.matches_starting(from, to)) {
    if (match.kind != PhraseKind::metric) continue;
    if (match.first >= first && match.last <= last) continue;                          // inside the figure
    if (sentence.is_authority_word(match.first)) continue;                             // "Relief" in an agency's name
    if (match.last - match.first == 1 && is_month_name(words[match.first])) continue;  // "in March", no protest march
    if (match.first >= last && match.first < base_end) continue;                       // the base of a share
    const bool after = match.first >= last;
    const int score = after ? sentence.distance(first, last, match.first, match.last)
                            : sentence.distance(match.first, match.last, first, last) + 1;
    if (score > 14) continue;
    if (predicate_of_the_part(sentence, match, first, last, figures)) continue;
    if (match.first >= part.whole && match.first < part.phrase_end) continue;  // the whole's own words
    if (claimed_by_other(sentence, match, after, first, last, figures, part.whole)) continue;
    if (after && score < own_clause_score && in_own_clause(match)) {
      own_clause_score = score;
      own_clause_metric = lexicon.metrics[match.target].id;
    }
    if (score < best_score) {
      best_score = score;
      best = lexicon.metrics[match.target].id;
      best_across_and = !after && across_and(match);
    }
  }
  if (best_across_and && !own_clause_metric.empty()) best = own_clause_metric;
  if (best.empty()) best = metric_of_opening_whole(sentence, lexicon, at, figures);
  // A figure in tons with no word for what it is: aid is what news counts in tons.
  if (best.empty() && figure.unit == "t") {
    for (const Metric& metric : lexicon.metrics) {
      if (metric.unit == "t") return metric.id;
    }
  }
  return best;
}

bool counts_people(const Lexicon& lexicon, std::string_view id) {
  if (id.empty()) return false;
  const auto metric =
      std::find_if(lexicon.metrics.begin(), lexicon.metrics.end(), [&](const Metric& m) { return m.id == id; });
  return metric != lexicon.metrics.end() && metric->unit == "people";
}

bool may_count_people(const Figure& figure) {
  const std::string_view unit = figure.unit;
  // The reader gives a counted noun with no unit only for things (a noun
  // that counts people makes the unit "people"). Only a noun right after
  // the figure: with a word between, it may belong to a phrase ("killed 24
  // amid airstrikes", though "54 product groups" is counted).
  if (unit.empty() && !figure.noun.empty() && figure.noun.find(' ') == std::string::npos) return false;
  return figure.value >= 0 && (unit.empty() || unit == "people" || unit == "%" || unit == "pp");
}

}  // namespace crosscheck::claims
