// On whose word a figure is given: "according to X", "X said", the speaker
// of a quotation, "he" resolved to the last speaker named. Private to
// src/claims/.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "claims/sentence_view.h"
#include "claims/structure.h"
#include "crosscheck/claims.h"
#include "crosscheck/lexicon.h"

namespace crosscheck::claims {

// A cue of a sentence outside quotations, with its position.
struct Cue {
  std::size_t at = 0;
  Attribution attribution;
  bool clause_bound = false;  // a speech verb: it does not reach into a subordinate clause
  bool cited = false;         // a quotation's speaker cites this source ("he said, citing X")
  bool from_tree = false;     // its subject was found in the sentence's structure, not by its words
};

// The cues of a sentence: those of words ("according to", "citing"), in word
// order, then those of speech verbs, in word order.
struct SentenceCues {
  std::vector<Cue> cues;
  std::size_t plain;        // how many are of words (no initializer: clang then finds it default-constructible)
  std::size_t untried = 0;  // speech verbs whose subject the words do not show, not looked for in the structure
};

// Finds attributions. What it works out once is kept for the figures that
// ask again: a sentence's cues and its quotations' speakers until a figure of
// another sentence asks, the speaker a pronoun stands for until
// start_article().
class SourceReader {
 public:
  // `lexicon`, `article` and `structure` must outlive the reader.
  SourceReader(const Lexicon& lexicon, ArticleWords& article, SentenceStructure& structure)
      : lexicon_(lexicon), article_(article), structure_(structure) {}

  void start_article() {
    pronoun_speakers_.clear();
    cues_.reset();
    tree_cues_.reset();
    quote_speakers_.clear();
    sentence_ = kNone;
  }

  // The attribution of the figure at words `at` of `sentence`, starting at
  // byte `figure_offset` of the article; its authority is empty when it is
  // a pronoun no earlier sentence resolves.
  std::optional<Attribution> find(const SentenceView& sentence, WordRange at, std::size_t figure_offset);

  // The same, but no cue whose source is written `not_a_source` ("Chichaoua
  // recorded 202 deaths, the ministry said": the town is the figure's
  // place, the ministry its source). Outside quotations only.
  std::optional<Attribution> find_other(const SentenceView& sentence, WordRange at, std::string_view not_a_source);

 private:
  const SentenceCues& sentence_cues(const SentenceView& sentence);
  const Cue* nearest_cue(const SentenceView& sentence, const SentenceCues& cues, std::size_t first, std::size_t last);
  std::optional<Attribution> quote_speaker(std::size_t sentence_index, std::size_t end_sentence);
  void resolve_pronoun(Attribution& attribution, std::size_t s);
  std::string speaker_before(std::size_t s);

  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  const Lexicon& lexicon_;
  ArticleWords& article_;
  SentenceStructure& structure_;
  std::size_t sentence_ = kNone;           // the sentence whose figures last asked: what follows is of it
  std::optional<SentenceCues> cues_;       // its cues, read once
  std::optional<SentenceCues> tree_cues_;  // the same read with its structure too, when a figure needs it
  // The speaker of a quotation in it, by the sentence where the quotation ends.
  std::vector<std::pair<std::size_t, std::optional<Attribution>>> quote_speakers_;
  std::unordered_map<std::size_t, std::string> pronoun_speakers_;  // by sentence: resolve_pronoun()
};

// Within one article, a person named by surname alone ("Nugroho said",
// "Mr. Nugroho said") is the one named in full among its claims' authorities
// ("Sutopo Purwo Nugroho"): one voice, so that an official's figures for two
// districts are never read as two officials disputing each other. A surname
// that two full names share is left as written.
void name_people_in_full(std::vector<Claim>& claims, const Lexicon& lexicon);

}  // namespace crosscheck::claims
