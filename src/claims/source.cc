#include "claims/source.h"

#include <algorithm>
#include <cctype>
#include <span>

#include "claims/cues.h"
#include "claims/dates.h"

namespace crosscheck::claims {

namespace {

// The authority a word range names (the longest alias inside it), or none.
std::optional<std::uint32_t> authority_in(const SentenceView& sentence, std::size_t first, std::size_t last) {
  std::optional<std::uint32_t> best;
  std::size_t best_length = 0;
  for (const PhraseMatch& match : sentence.matches_starting(first, last)) {
    if (match.kind != PhraseKind::authority || match.last > last) continue;
    if (match.last - match.first > best_length) {
      best = match.target;
      best_length = match.last - match.first;
    }
  }
  return best;
}

// An attribution naming the words [first, last): normalized by the
// lexicon, or a pronoun resolved to the last named speaker.
std::optional<Attribution> name(const SentenceView& sentence, const Lexicon& lexicon, std::size_t first,
                                std::size_t last, std::string_view cue) {
  if (first >= last) return {};
  Attribution attribution{sentence.text_of(first, last), {}, std::string(cue), {}};
  if (last - first == 1 && in_class(sentence.words[first], kPronoun)) {
    return attribution;  // the authority is filled in by resolve_pronoun()
  }
  if (const auto authority = authority_in(sentence, first, last)) {
    attribution.authority = lexicon.authorities[*authority].name;
  } else {
    // "the health ministry" is named "health ministry"; not "THE" (a
    // headline's capitals) nor "the" alone.
    std::string_view plain = attribution.text;
    const Word& article = sentence.words[first];
    const std::size_t length = article.text.size();
    if (last - first > 1 && in_class(article, kArticle | kDeterminer) &&
        article.text.substr(1) == article.lower.substr(1) && plain.size() > length && plain[length] == ' ') {
      plain.remove_prefix(length + 1);
    }
    attribution.authority = std::string(plain);
  }
  return attribution;
}

// A short noun phrase that can be a source, ending at word `last`: "the
// eastern administration's interior ministry", "officials", "a monitoring
// group"; nothing unless its last word is a noun that can be a source.
WordRange source_noun_phrase(const SentenceView& sentence, std::size_t last) {
  const std::span<const Word> words = sentence.words;
  if (!in_class(words[last - 1], kSourceNoun)) return {0, 0};
  std::size_t first = last - 1;
  while (first > 0 && last - first < 6) {
    const Word& previous = words[first - 1];
    if ((previous.punctuation && !is_apostrophe(previous)) || starts_with_digit(previous) ||
        in_class(previous, kNotInSubject))
      break;
    --first;
    if (in_class(words[first], kDeterminer)) break;
  }
  while (first < last - 1 && in_class(words[first], kDeterminer)) ++first;
  return {first, last};
}

// The noun phrase that ends just before word `end` (the subject of a verb):
// an authority alias, a pronoun, an authority a little further back ("the
// White Helmets rescue group in the rebel-held northwest reported"), a run
// of capitalized words, or a short noun phrase ("the interior ministry").
WordRange subject_before(const SentenceView& sentence, std::size_t end) {
  const std::span<const Word> words = sentence.words;
  std::size_t last = sentence.run_before(end, [](const Word& w) { return in_class(w, kBeforeVerb); });
  // "on Sunday", "on Thursday that": a time phrase between subject and verb.
  if (last >= 2 && in_class(words[last - 2], kTimePreposition) && is_weekday_or_month(words[last - 1])) last -= 2;
  // "A police official, who spoke on condition of anonymity, said",
  // "Townsend Thoresen, owners of the 7,951 tonne Herald of Free
  // Enterprise, said": a relative clause, or a description in lower case
  // after a name, between commas stands between the subject and its verb.
  constexpr std::size_t kInsertWords = 25;
  const auto in_a_number = [&](std::size_t k) {  // the comma of "7,951"
    return k > 0 && k + 1 < words.size() && starts_with_digit(words[k - 1]) && starts_with_digit(words[k + 1]) &&
           words[k - 1].end == words[k].begin && words[k].end == words[k + 1].begin;
  };
  if (last >= 4 && words[last - 1].text == ",") {
    for (std::size_t k = last - 2; k > 1 && last - k <= kInsertWords; --k) {
      if (!words[k].punctuation || in_a_number(k)) continue;
      const bool after_a_name =
          (words[k - 1].capitalized || sentence.is_authority_word(k - 1)) && !words[k + 1].capitalized;
      if (words[k].text == "," && (in_class(words[k + 1], kClauseOpener) || after_a_name)) last = k;
      break;
    }
  }
  // "The city's mayor, Abdulmenam al-Ghaithi, said": the comma closing an
  // apposition stands between the name and the verb. A name opened by no
  // comma is no apposition: in "40 houses were damaged in Aceh, said the
  // official" the order is inverted.
  const auto opens_apposition = [&](std::size_t name_last) {
    const std::size_t first =
        sentence.run_before(name_last, [](const Word& w) { return !w.punctuation && w.capitalized; });
    return first == 0 || words[first - 1].text == "," || !in_class(words[first - 1], kLocative);
  };
  if (last >= 2 && words[last - 1].text == "," && !words[last - 2].punctuation &&
      ((words[last - 2].capitalized && opens_apposition(last - 1)) || sentence.is_authority_word(last - 2))) {
    --last;
  }
  if (last == 0 || words[last - 1].punctuation) return {0, 0};
  // Take the capitalized words before it too: "The U.N. humanitarian office".
  auto whole_phrase = [&](std::size_t first) {
    return sentence.run_before(first, [](const Word& w) { return !w.punctuation && w.capitalized; });
  };
  // The first authority phrase (in match order) that ends at word k.
  auto authority_ending = [&](std::size_t k) -> const PhraseMatch* {
    const std::uint32_t m = sentence.facts[k].authority_ending;
    return m == 0 ? nullptr : &sentence.matches[m - 1];
  };
  if (const PhraseMatch* match = authority_ending(last)) return {whole_phrase(match->first), last};
  if (in_class(words[last - 1], kPronoun)) return {last - 1, last};
  const auto name_word = [](const Word& w) { return !w.punctuation && (w.capitalized || in_class(w, kNameJoiner)); };
  // "Police in Thessaloniki said", "The Russian Embassy in Tel Aviv said":
  // the place where a source sits is part of its name, words [k, last) of
  // a preposition and a name.
  const auto seat_until_last = [&](std::size_t k) {
    return k + 1 < last && in_class(words[k], kPlacePreposition) && sentence.run_before(last, name_word) == k + 1 &&
           !is_weekday_or_month(words[k + 1]);  // "Michigan General in March said": a time
  };
  // The nearest authority further back in the same clause.
  const std::size_t limit = last > 12 ? last - 12 : 0;
  for (std::size_t k = last; k > limit; --k) {
    if (in_class(words[k - 1], kClauseBoundary | kClauseOpener)) break;
    if (const PhraseMatch* match = authority_ending(k))
      return {whole_phrase(match->first), seat_until_last(k) ? last : k};
  }
  std::size_t first = sentence.run_before(last, name_word);
  // "Indium Corp of America said", "United Steelworkers of America": "of"
  // between capitalized words is inside one name, not the end of it.
  while (first < last && first >= 2 && in_class(words[first - 1], kOf) && name_word(words[first - 2])) {
    first = sentence.run_before(first - 1, name_word);
  }
  // "The Russian Embassy in Tel Aviv said", "the fire brigade in Piraeus said".
  if (first < last && first >= 2 && seat_until_last(first - 1)) {
    if (name_word(words[first - 2])) return {sentence.run_before(first - 1, name_word), last};
    if (const WordRange noun = source_noun_phrase(sentence, first - 1); noun.first < noun.second) {
      return {noun.first, last};
    }
  }
  if (first < last) return {first, last};
  // "Hamas blamed ... and said": a coordinated verb shares the sentence's
  // subject: an authority among its first words, or a noun phrase that can
  // be a source opening it ("Palestinian authorities blamed the strike on
  // Israel and said it killed 471").
  if (in_class(words[last - 1], kAnd)) {
    for (const PhraseMatch& match : sentence.matches_starting(0, 8)) {
      if (match.kind == PhraseKind::authority && match.last <= 8 && match.last < last) {
        return {whole_phrase(match.first), match.last};
      }
    }
    constexpr std::size_t kOpeningSubjectWords = 6;
    const std::size_t opening = !words.empty() && in_class(words[0], kArticle) ? 1 : 0;
    // The phrase ends where a verb follows: not "Government" of "Government critics marched".
    const auto verb_at = [&](std::size_t k) {
      const std::string_view word = words[k].lower;
      return in_class(words[k], kAuxiliary | kCopula | kBlameVerb | kSpeechVerb | kTallyVerb) ||
             (word.size() > 4 && word.ends_with("ed"));
    };
    for (std::size_t end_word = std::min(last - 1, opening + kOpeningSubjectWords); end_word > opening; --end_word) {
      if (const WordRange noun = source_noun_phrase(sentence, end_word);
          noun.first == opening && noun.second == end_word && verb_at(end_word))
        return noun;
    }
    return {0, 0};
  }
  if (const WordRange noun = source_noun_phrase(sentence, last); noun.first < noun.second) return noun;
  // "..., medical officials and a surviving relative said": two subjects,
  // the first a source opening its clause (not the object in "opened fire
  // on government officials and protesters said").
  constexpr std::size_t kSecondSubjectWords = 4;
  for (std::size_t k = last - 1; k > 0 && last - k <= kSecondSubjectWords; --k) {
    if (words[k].punctuation || in_class(words[k], kClauseOpener)) break;
    if (!in_class(words[k], kAnd)) continue;
    const WordRange noun = source_noun_phrase(sentence, k);
    const bool opens_clause =
        noun.first == 0 || words[noun.first - 1].punctuation || in_class(words[noun.first - 1], kClauseOpener);
    if (noun.first < noun.second && opens_clause) return {noun.first, last};
    break;
  }
  return {0, 0};
}

// "..., said Samira Abu Odeh": a capitalized name just after the verb; or,
// where the order is inverted (the verb right after a comma or a
// quotation), a short noun phrase in lower case that can be a source, and
// the name after it: "..., said the official", "added the doctor", "said
// disaster agency official Fauzi" ("engineers told the agency" names the
// listener). The verb is words [verb, start).
WordRange subject_after(const SentenceView& sentence, std::size_t verb, std::size_t start) {
  const std::span<const Word> words = sentence.words;
  const auto name_end = [&](std::size_t from) {
    while (from < words.size() && !words[from].punctuation && words[from].capitalized) ++from;
    return from;
  };
  const std::size_t name_last = name_end(start);
  const bool inverted = verb >= 1 && words[verb - 1].punctuation;
  if (name_last > start || !inverted || start >= words.size()) return {start, name_last};
  constexpr std::size_t kNounPhraseWords = 4;  // "the local disaster official"
  for (std::size_t k = start; k < words.size() && k <= start + kNounPhraseWords; ++k) {
    if (words[k].punctuation || words[k].capitalized) break;
    if (!in_class(words[k], kSourceNoun)) continue;
    while (k + 1 < words.size() && in_class(words[k + 1], kSourceNoun)) ++k;  // "police spokesman"
    return {start, name_end(k + 1)};
  }
  return {start, start};
}

// A plain noun phrase just before word `verb`, at the sentence's start or
// after a comma: a determiner or none, then up to four words in lower case
// ("The company", "money traders", "the central bank"); none when a word
// of it is a pronoun, a number or a word no subject holds ("of", "that").
WordRange plain_subject(const SentenceView& sentence, std::size_t verb) {
  constexpr std::size_t kMostWords = 4;
  const std::span<const Word> words = sentence.words;
  const std::size_t next = verb + 1;  // the word after the verb (one word: the lexicon's are)
  // "The company also said": words such as "also" and "has" stand between.
  verb = sentence.run_before(verb, [](const Word& w) { return in_class(w, kBeforeVerb); });
  std::size_t first = verb;
  while (first > 0 && verb - first < kMostWords) {
    const Word& word = words[first - 1];
    const bool lower = !word.text.empty() && word.text.front() >= 'a' && word.text.front() <= 'z';
    const bool opening_determiner = first - 1 == 0 && in_class(word, kDeterminer);
    if (word.punctuation || (!lower && !opening_determiner) ||
        in_class(word, kPronoun | kNotInSubject | kConjunction | kBeforeVerb))
      break;
    --first;
    if (in_class(word, kDeterminer)) break;
  }
  if (first == verb || (verb - first == 1 && in_class(words[first], kDeterminer))) return {0, 0};  // "the said"
  // What follows the verb must open what it reports ("said it will",
  // "said that", "said the", "said 37", "counted 59,674 homes") or end the
  // clause ("..., the company said."), not be a word of another kind ("the
  // state's death toll said to be ..."). NOTE(#18): "The economy added
  // 943,000 jobs" passes too: the words cannot tell it from "A government
  // inventory counted 59,674 damaged homes", which reports.
  if (next < words.size()) {
    const Word& after = words[next];
    const bool reports_next = after.punctuation || after.capitalized || starts_with_digit(after) ||
                              in_class(after, kPronoun | kDeterminer | kClauseOpener | kSubordinator);
    if (!reports_next) return {0, 0};
  }
  const bool opens = first == 0 || (words[first - 1].text == "," && !sentence.in_quote(first - 1));
  return opens ? WordRange{first, verb} : WordRange{0, 0};
}

// Attribution by a speech verb (`verb` is a match of kind verb): its
// subject, or the name after it when the order is inverted, or the subject
// the sentence's structure shows (then `from_tree` is set, if given).
// (`structure` null: the words only).
std::optional<Attribution> attribution_of_verb(const SentenceView& sentence, const Lexicon& lexicon,
                                               const PhraseMatch& verb, SentenceStructure* structure,
                                               bool* from_tree = nullptr) {
  // "was reported by the IOM" is passive: the "reported by" cue names the source.
  if (verb.last < sentence.size() && in_class(sentence.words[verb.last], kPassiveAgent)) return {};
  const std::string cue = std::string(sentence.words[verb.first].lower);
  const auto [first, last] = subject_before(sentence, verb.first);
  if (first < last) return name(sentence, lexicon, first, last, cue);
  const auto [after_first, after_last] = subject_after(sentence, verb.first, verb.last);
  if (after_first < after_last) return name(sentence, lexicon, after_first, after_last, cue);
  // "said the Observatory", "A local teacher said": a subject the words
  // around the verb do not show, the sentence's structure may.
  // "The company said", "..., money traders said": a plain noun phrase
  // that opens the sentence or follows a comma, read from the words.
  if (const auto [plain_first, plain_last] = plain_subject(sentence, verb.first); plain_first < plain_last)
    return name(sentence, lexicon, plain_first, plain_last, cue);
  if (structure == nullptr) return {};
  const auto [tree_first, tree_last] = structure->subject_of(sentence, verb.first);
  if (tree_first >= tree_last) return {};
  if (from_tree != nullptr) *from_tree = true;
  return name(sentence, lexicon, tree_first, tree_last, cue);
}

// Where the source a cue names ends: its words from `start`, up to a clause
// boundary, a quotation, or ten words.
std::size_t source_end(const SentenceView& sentence, std::size_t start) {
  const std::span<const Word> words = sentence.words;
  std::size_t end = start;
  while (end < words.size() && !in_class(words[end], kClauseBoundary) && !sentence.in_quote(end) && end - start < 10) {
    // A period ends the phrase unless it belongs to an abbreviation ("U.N.").
    if (words[end].text == ".") {
      const bool abbreviation = end > start && words[end - 1].end == words[end].begin &&
                                words[end - 1].text.size() == 1 && words[end - 1].capitalized;
      if (!abbreviation) break;
    }
    ++end;
  }
  return end;
}

// The source cue of the pack (cues.yaml: "according to X", "per X",
// "reported by X", "citing (figures from) X", "X's figures") at word i, or
// none; `cited` says whether a quotation's speaker cites it. The first cue
// whose words are there decides.
std::optional<Attribution> cue_of_word(const SentenceView& sentence, const Lexicon& lexicon, std::size_t i,
                                       bool& cited) {
  for (const CompiledCue& cue : cue_tables().sources) {
    std::size_t start = match_cue(sentence, cue, i);
    if (start == 0) continue;
    cited = cue.cited;
    if (cue.source_before) {
      const auto [first, last] = subject_before(sentence, i);
      return name(sentence, lexicon, first, last, cue.name);
    }
    while (start < sentence.size() && in_class(sentence.words[start], cue.skip)) ++start;
    const std::size_t end = source_end(sentence, start);
    // "citing the deaths of 15,000 children" cites evidence, not a source.
    if (cue.known_source && !authority_in(sentence, start, end)) return {};
    return name(sentence, lexicon, start, end, cue.name);
  }
  return {};
}

// The sentence's cues; a speech verb's subject is looked for in its
// structure too when `structure` is given, else the verbs whose subject the
// words do not show are counted in `untried`.
SentenceCues read_cues(const SentenceView& sentence, const Lexicon& lexicon, SentenceStructure* structure) {
  SentenceCues found;
  std::vector<Cue>& cues = found.cues;
  for (std::size_t i = 0; i < sentence.size(); ++i) {
    const Word& word = sentence.words[i];
    if (!in_class(word, kCueWord) || sentence.in_quote(i)) continue;
    bool cited = false;
    if (auto attribution = cue_of_word(sentence, lexicon, i, cited)) {
      cues.push_back({i, std::move(*attribution), false, cited});
    }
  }
  found.plain = cues.size();
  for (const PhraseMatch& match : sentence.matches) {
    if (match.kind != PhraseKind::verb || sentence.in_quote(match.first)) continue;
    bool from_tree = false;
    auto attribution = attribution_of_verb(sentence, lexicon, match, structure, &from_tree);
    if (!attribution && structure == nullptr) ++found.untried;
    if (attribution) {
      // "UNICEF said it estimated that ...": a pronoun after a speech verb
      // whose subject is named stands for that subject, not for a speaker of
      // an earlier sentence.
      // Likewise "a defense official said an early assessment showed that
      // ...": the subject only the tree shows of a verb another speaker
      // reports is what that speaker cites, and the speaker is the source.
      const bool reported = cues.size() > found.plain && !cues.back().attribution.authority.empty();
      // The pronoun right after that verb, or after its "that": "said it
      // estimated", "said earlier that they had counted"; not "..., but he
      // said" (a few words between, no punctuation or "and"/"but").
      bool right_after = false;
      if (reported) {
        constexpr std::size_t kMostBetween = 3;
        const std::size_t speaker_verb = cues.back().at;
        std::size_t k = speaker_verb + 1;
        while (k < match.first && k - speaker_verb <= kMostBetween && !sentence.words[k].punctuation &&
               !in_class(sentence.words[k], kConjunction | kPronoun | kClauseOpener))
          ++k;
        if (k < match.first && in_class(sentence.words[k], kClauseOpener)) ++k;
        right_after = k < match.first && in_class(sentence.words[k], kPronoun);
        for (++k; right_after && k < match.first; ++k) right_after = in_class(sentence.words[k], kBeforeVerb);
      }
      if (reported && ((attribution->authority.empty() && right_after) ||
                       (from_tree && structure->reports(sentence, cues.back().at, {match.first, match.first + 1})))) {
        attribution->authority = cues.back().attribution.authority;
        from_tree = cues.back().from_tree;
      }
      cues.push_back({match.first, std::move(*attribution)});
      cues.back().clause_bound = true;
      cues.back().from_tree = from_tree;
    }
  }
  return found;
}

}  // namespace

const SentenceCues& SourceReader::sentence_cues(const SentenceView& sentence) {
  if (!cues_) cues_ = read_cues(sentence, lexicon_, nullptr);
  return *cues_;
}

std::optional<Attribution> SourceReader::find(const SentenceView& sentence, WordRange at, std::size_t figure_offset) {
  if (sentence.index != sentence_) {
    sentence_ = sentence.index;
    cues_.reset();
    tree_cues_.reset();
    quote_speakers_.clear();
  }
  const SegmentedText& parts = article_.parts();
  if (const Quote* quote = parts.quote_at(figure_offset)) {
    // The sentence where the quotation ends (or the last one).
    const auto& sentences = parts.sentences;
    const auto end_sentence = static_cast<std::size_t>(
        std::partition_point(sentences.begin() + static_cast<std::ptrdiff_t>(sentence.index), sentences.end() - 1,
                             [&](const Sentence& s) { return s.end < quote->end; }) -
        sentences.begin());
    // The speaker depends on that sentence only: worked out once for all
    // the figures of a quotation.
    auto known = std::find_if(quote_speakers_.begin(), quote_speakers_.end(),
                              [&](const auto& entry) { return entry.first == end_sentence; });
    if (known == quote_speakers_.end()) {
      std::optional<Attribution> speaker = quote_speaker(sentence.index, end_sentence);
      // "..." he said, citing figures from X.
      if (speaker) {
        for (const Cue& cue : sentence_cues(sentence).cues) {
          if (cue.cited) speaker->citing = cue.attribution.authority;
        }
      }
      known = quote_speakers_.insert(quote_speakers_.end(), {end_sentence, std::move(speaker)});
    }
    return known->second;
  }
  const Cue* best = nearest_cue(sentence, sentence_cues(sentence), at.first, at.second);
  // No cue reaches the figure, and a speech verb's subject was not seen in
  // the words: read them again with the sentence's structure (parsed only
  // now: most sentences never need it; bench/README.md, "Attribution and
  // structure"). Only for such a figure: one that a cue of the words
  // reaches never sees the cues the tree adds.
  if (!best && cues_->untried > 0 && counts_people_somewhere(sentence, lexicon_)) {
    if (!tree_cues_) tree_cues_ = read_cues(sentence, lexicon_, &structure_);
    best = nearest_cue(sentence, *tree_cues_, at.first, at.second);
    // A subject only the tree shows is trusted only as far as the tree: for
    // the figures the verb reports.
    if (best && best->from_tree && !structure_.reports(sentence, best->at, at)) best = nullptr;
  }
  if (!best) return {};
  std::optional<Attribution> found = best->attribution;
  resolve_pronoun(*found, sentence.index);
  return found;
}

std::optional<Attribution> SourceReader::find_other(const SentenceView& sentence, WordRange at,
                                                    std::string_view not_a_source) {
  SentenceCues others = sentence_cues(sentence);  // (find() has read them for this sentence)
  const auto plain_end = others.cues.begin() + static_cast<std::ptrdiff_t>(others.plain);
  others.plain -= static_cast<std::size_t>(std::count_if(
      others.cues.begin(), plain_end, [&](const Cue& cue) { return cue.attribution.text == not_a_source; }));
  std::erase_if(others.cues, [&](const Cue& cue) { return cue.attribution.text == not_a_source; });
  const Cue* best = nearest_cue(sentence, others, at.first, at.second);
  if (!best) return {};
  std::optional<Attribution> found = best->attribution;
  resolve_pronoun(*found, sentence.index);
  return found;
}

// The cue of the sentence nearest to the figure at words [first, last)
// by distance(), the first in cue order among equals; a speech verb does
// not reach past a subordinate clause opening between it and the figure.
// Distances only grow away from the figure, so the nearest cue on each
// side of it, in each of the two lists, is found by binary search, and
// then the first cue as near as the nearest.
const Cue* SourceReader::nearest_cue(const SentenceView& sentence, const SentenceCues& found, std::size_t first,
                                     std::size_t last) {
  const std::span<const Cue> all(found.cues);
  // Score of a cue before the figure (or inside it: 0) and after it.
  const auto score = [&](const Cue& cue) {
    return cue.at >= last ? sentence.distance(first, last, cue.at, cue.at + 1)
                          : sentence.distance(cue.at, cue.at + 1, first, last);
  };
  const auto skipped = [&](const Cue& cue) {
    return cue.clause_bound && cue.at < first && sentence.subordinate_between(cue.at, first);
  };
  // "After militants killed 250, the army said it had killed 40 of them": a
  // speech verb after the figure does not reach back into a subordinate
  // clause that opens the sentence and closes before it, when the verb
  // reports words of its own (not "After the quake killed 250, the army said.").
  const std::span<const Word> words = sentence.words;
  std::size_t opening_end = 0;  // the comma closing the opening subordinate clause, 0 if none
  if (!words.empty() && in_class(words[0], kSubordinator)) {
    for (std::size_t k = 1; k < words.size() && k < first + kSearchWindow; ++k) {
      if (words[k].text == ",") {
        opening_end = k;
        break;
      }
    }
  }
  const auto reaches_back = [&](const Cue& cue) {
    const bool reports = cue.at + 1 < words.size() && !words[cue.at + 1].punctuation;
    return !(cue.clause_bound && opening_end >= last && opening_end < cue.at && reports);
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
    // Past the opening clause's comma every later verb lies past it too.
    const auto reached = split != list.end() && reaches_back(*split) ? list.end() : split;
    sides[l] = {std::span<const Cue>(valid, split), std::span<const Cue>(split, reached)};
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

// Who speaks a quotation: a speech verb outside quotes in the sentence
// where the quotation ends, or in the sentence that introduces it ("He
// noted: ..."). Each sentence is looked at through its own view.
std::optional<Attribution> SourceReader::quote_speaker(std::size_t sentence_index, std::size_t end_sentence) {
  const auto& sentences = article_.parts().sentences;
  std::optional<Attribution> found;
  std::size_t found_in = sentence_index;
  // The words first; the sentences' structure only when they show no speaker.
  SentenceStructure* structure = nullptr;
  auto try_sentence = [&](std::size_t s) {
    if (found || s >= sentences.size()) return;
    const SentenceView sentence = article_.view(s);
    for (const PhraseMatch& match : sentence.matches) {
      if (match.kind != PhraseKind::verb || sentence.in_quote(match.first)) continue;
      if (auto attribution = attribution_of_verb(sentence, lexicon_, match, structure)) {
        attribution->cue = "quote";
        found = std::move(attribution);
        found_in = s;
        return;
      }
    }
  };
  const auto try_all = [&] {
    try_sentence(end_sentence);
    if (!found && sentence_index > 0) {
      const std::string_view before = sentences[sentence_index - 1].view(article_.article().text);
      if (before.ends_with(":")) try_sentence(sentence_index - 1);
    }
    if (!found) try_sentence(sentence_index);
  };
  try_all();
  if (!found && counts_people_somewhere(article_.view(sentence_index), lexicon_)) {
    structure = &structure_;
    try_all();
  }
  if (found) resolve_pronoun(*found, found_in);
  return found;
}

// "he said": the last speaker named before sentence `s` (a speech verb's
// subject first, else the last person named), looked up only when a
// pronoun needs it. Leaves `attribution` without an authority when there
// is none to find; the caller drops it then.
void SourceReader::resolve_pronoun(Attribution& attribution, std::size_t s) {
  if (!attribution.authority.empty()) return;
  // It depends on the sentence only: looked up once for all its figures.
  auto known = pronoun_speakers_.find(s);
  if (known == pronoun_speakers_.end()) known = pronoun_speakers_.emplace(s, speaker_before(s)).first;
  attribution.authority = known->second;
}

std::string SourceReader::speaker_before(std::size_t s) {
  std::string found;
  for (std::size_t k = s; k-- > 0 && s - k <= 10 && found.empty();) {
    const SentenceView sentence = article_.view(k);
    std::string speaker;
    for (const PhraseMatch& match : sentence.matches) {
      if (match.kind == PhraseKind::authority && lexicon_.authorities[match.target].person &&
          !sentence.in_quote(match.first)) {
        speaker = lexicon_.authorities[match.target].name;
      }
    }
    for (const PhraseMatch& match : sentence.matches) {
      if (match.kind != PhraseKind::verb || sentence.in_quote(match.first)) continue;
      // A pronoun's attribution has no authority yet: it names no one new.
      const auto named = attribution_of_verb(sentence, lexicon_, match, nullptr);
      if (named && !named->authority.empty()) speaker = named->authority;
    }
    found = speaker;
  }
  return found;
}

}  // namespace crosscheck::claims

namespace crosscheck::claims {

namespace {

// A word of a person's name as news writes it: capitalized, with lower-case
// letters ("Nugroho", "O'Brien"), or of two characters ("M.", an initial;
// also "UN", which the organization checks turn away); no digits; not a
// longer acronym ("AFAD").
bool name_word(std::string_view word) {
  if (word.empty()) return false;
  const auto first = static_cast<unsigned char>(word.front());
  if (!(first >= 'A' && first <= 'Z') && first < 0xC0) return false;  // a non-ASCII letter may be a capital
  bool lower = false;
  for (const char c : word) {
    if (c >= '0' && c <= '9') return false;
    lower = lower || (c >= 'a' && c <= 'z');
  }
  return lower || word.size() == 2;  // "M." of "Rusli M. Saleh"
}

std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = std::min(text.find(' ', at), text.size());
    if (end > at) words.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  return words;
}

// The words of a name as a person's, a title left off ("Mr. Nugroho"):
// none when it is no person's name by its look (too long, a sentence's
// first word taken in as in "But Seipp", a word in lower case).
std::vector<std::string_view> name_words(std::string_view authority, const Lexicon& lexicon) {
  std::vector<std::string_view> words = words_of(authority);
  const auto title = [&](std::string_view word) {
    return std::any_of(lexicon.abbreviations.begin(), lexicon.abbreviations.end(),
                       [&](const Abbreviation& a) { return a.kind == AbbreviationKind::title && a.text == word; });
  };
  if (!words.empty() && title(words.front())) words.erase(words.begin());
  const bool starter = !words.empty() && std::find(lexicon.sentence_starters.begin(), lexicon.sentence_starters.end(),
                                                   words.front()) != lexicon.sentence_starters.end();
  if (words.empty() || words.size() > 4 || starter || !std::all_of(words.begin(), words.end(), name_word)) return {};
  return words;
}

// Whether a name of person's look is an organization's or a building's:
// "Health Ministry", "Police", "Catholic Church", "British Red Cross", an
// organization the lexicon names ("Civil Defense"; one it marks as a
// person is one).
bool organization_name(std::string_view authority, const std::vector<std::string_view>& words, const Lexicon& lexicon) {
  std::string lower;
  for (const std::string_view word : words) {
    lower.assign(word);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    for (const std::uint64_t not_a_name : {kSourceNoun, kBuildingNoun, kOrganizationNoun}) {
      if (class_has_word(not_a_name, lower)) return true;
    }
  }
  return std::any_of(lexicon.authorities.begin(), lexicon.authorities.end(),
                     [&](const Authority& known) { return known.name == authority && !known.person; });
}

}  // namespace

void name_people_in_full(std::vector<Claim>& claims, const Lexicon& lexicon) {
  // Each source's name as a person's (empty: none), worked out once.
  std::vector<std::vector<std::string_view>> names(claims.size());
  for (std::size_t i = 0; i < claims.size(); ++i) {
    if (claims[i].attribution) names[i] = name_words(claims[i].attribution->authority, lexicon);
  }
  // The surnames named alone ("Nugroho said"), then the one full name each
  // has among the article's sources (empty: none; "?": two). Most articles
  // name nobody by surname alone, and stop at the first step.
  // (The surnames are copies: the names they are read from are rewritten below.)
  std::vector<std::pair<std::string, std::string>> full_names;
  const auto full_name_of = [&](std::string_view surname) {
    return std::find_if(full_names.begin(), full_names.end(),
                        [&](const auto& entry) { return entry.first == surname; });
  };
  for (std::size_t i = 0; i < claims.size(); ++i) {
    if (names[i].size() != 1 || organization_name(claims[i].attribution->authority, names[i], lexicon)) continue;
    if (full_name_of(names[i].front()) == full_names.end()) full_names.emplace_back(std::string(names[i].front()), "");
  }
  if (full_names.empty()) return;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    if (names[i].size() < 2) continue;
    const std::string& authority = claims[i].attribution->authority;
    const auto known = full_name_of(names[i].back());
    if (known == full_names.end() || known->second == authority || organization_name(authority, names[i], lexicon)) {
      continue;
    }
    // A second full name for the surname: which one is meant cannot be told.
    known->second = known->second.empty() ? authority : std::string("?");
  }
  for (std::size_t i = 0; i < claims.size(); ++i) {
    if (names[i].size() != 1) continue;
    const auto known = full_name_of(names[i].front());
    if (known != full_names.end() && !known->second.empty() && known->second != "?") {
      claims[i].attribution->authority = known->second;
    }
  }
}

}  // namespace crosscheck::claims
