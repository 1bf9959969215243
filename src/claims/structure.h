// The structure of a sentence, for the steps whose nearby words are not
// enough: its dependency parse (the syntax stage), asked for only when a step
// needs it, and the questions the steps ask of it. Private to src/claims/.
//
// NOTE(#18): parsing costs about 65 us a sentence (bench/README.md,
// "Syntax"), ten times what the rest of the claims stage spends on one, so
// no sentence is parsed unless a step has found nothing by its words: a
// figure that may count people with no metric word near it while the
// sentence has one further off; a speech verb whose subject the words do not
// show ("said the Observatory", "a local teacher said").
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "claims/sentence_view.h"
#include "crosscheck/lexicon.h"
#include "crosscheck/syntax.h"

namespace crosscheck::claims {

// Whether `sentence` has a metric word of people counted ("killed",
// "injured", "protesters") outside the words `except`: the sentences the
// structure is asked about. A business story's "sales rose 5 pct, the
// company reported" is read by its words alone, which keeps parsing to a
// few sentences in a hundred.
bool counts_people_somewhere(const SentenceView& sentence, const Lexicon& lexicon, WordRange except = {0, 0});

class SentenceStructure {
 public:
  // Forgets the parses of the last article.
  void start_article() { parses_.clear(); }

  // The lexicon metric id the figure at words `at` counts through the tree:
  // its counted noun ("212 miners") is the subject or object of a metric
  // word ("died", "were killed"), or the object or "to"/"at" phrase of a
  // verb whose subject is one ("the death toll rose to 86", "the dead
  // included seven children"). Empty when the tree shows none.
  std::string metric(const SentenceView& sentence, const Lexicon& lexicon, WordRange at);

  // The subject of the speech verb at word `verb` as the tree shows it: its
  // noun with what comes before it and the names and "of"/"in" phrases after
  // it ("a local teacher", "the Observatory", "Officials in the village of
  // Tafeghaghte"), not a pronoun or a relative word. Empty when it has none.
  WordRange subject_of(const SentenceView& sentence, std::size_t verb);

  // Whether the speech verb at word `verb` reports the figure at words `at`:
  // the figure's clause is the verb's ("said 12 died", "said it had killed
  // 40"), or the verb is set beside the figure's clause ("12 died, officials
  // said"). Not a figure of a clause before it ("After militants killed 250,
  // the army said ...") or of the verb's own object ("added 943,000 jobs").
  bool reports(const SentenceView& sentence, std::size_t verb, WordRange at);

 private:
  struct Parse {
    std::vector<SyntaxWord> tokens;
    std::vector<WordSpan> spans;             // each token's bytes in the sentence
    std::vector<int> token_of_word;          // the token each of the sentence's words lies in
    std::vector<std::vector<int>> children;  // of each token, in order
  };
  const Parse& parse(const SentenceView& sentence);
  // The token of the figure's number at words `at`: its last token that is
  // a number, else its first token; -1 when the sentence was not parsed.
  static int number_token(const Parse& parse, WordRange at);
  // Whether the verb at token `verb` is set after the clause it reports,
  // beside it ("12 died, officials said"): UD's "parataxis", or the
  // parser's "conj" or "advcl" there ("killed 1,102 people, said the
  // Observatory"; "..., Israeli media said").
  static bool set_beside(const Parse& parse, int verb);
  // The sentence's words (first, last) in the bytes of tokens [first, last].
  static WordRange words_of_tokens(const SentenceView& sentence, const Parse& parse, int first, int last);
  // The metric whose phrase starts at a word inside token `token`, or none.
  static std::optional<std::uint32_t> metric_at(const SentenceView& sentence, const Parse& parse, int token);

  std::unordered_map<std::size_t, Parse> parses_;  // by sentence index
};

}  // namespace crosscheck::claims
