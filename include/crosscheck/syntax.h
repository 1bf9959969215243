// crosscheck: the structure of a sentence, its parts of speech and dependency tree.
//
/// A `SyntaxModel` tags each word of a sentence with its part of speech
/// (Universal Dependencies' UPOS and the Penn Treebank's XPOS) and finds the
/// word each depends on and how (UD relations: "nsubj", "obl", "nummod"...).
/// The later stages ask it which noun a count belongs to, which verb a noun is
/// the subject of and which speech verb governs a clause, where a window of
/// nearby words can only guess.
///
/// The tagger is an averaged perceptron over the word, its affixes and shape
/// and its neighbours; the parser is greedy and transition-based (arc-hybrid,
/// trained with a dynamic oracle), an averaged perceptron choosing each move;
/// a third perceptron labels each arc. The built-in model is trained on
/// Universal Dependencies English-EWT and GUM (data/syntax/README.md: sources,
/// licenses, how to retrain; bench/README.md: its accuracy and speed).
///
/// Nothing is read until the first call, which builds the built-in model's
/// tables once (see bench/README.md for the cost). A model is immutable and
/// safe to use from many threads.
///
/// **Example**
///
///     const crosscheck::SyntaxModel& model = crosscheck::SyntaxModel::built_in();
///     const std::vector<std::string> words = crosscheck::split_words("Six people died in the fire.");
///     for (const crosscheck::SyntaxWord& word : model.parse(words))
///       fmt::print("{} {} {} {}\n", word.text, word.upos, word.head, word.relation);
///     // Six NUM 1 nummod / people NOUN 2 nsubj / died VERB -1 root / ...
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck {

/// One word of a parsed sentence. The views point into the model (its tag and
/// relation names) and live as long as it does.
struct SyntaxWord {
  std::string text;
  std::string_view upos;      // "NOUN", "NUM", "VERB"...
  std::string_view xpos;      // "NNS", "CD", "VBD"...
  int head = -1;              // index of the word it depends on; -1 for the root
  std::string_view relation;  // "nsubj", "obl:tmod", "root"...
};

/// One sentence of a treebank in CoNLL-U: its words and their gold analysis.
struct TreebankSentence {
  std::string id;  // "# sent_id", empty when the file has none
  std::vector<SyntaxWord> words;
};

/// The sentences of a treebank; their words' tag and relation names point
/// into `names`, which lives (and moves) with them.
struct Treebank {
  std::vector<TreebankSentence> sentences;
  std::unique_ptr<std::set<std::string, std::less<>>> names = std::make_unique<std::set<std::string, std::less<>>>();
};

/// The sentences of a CoNLL-U file (https://universaldependencies.org/format.html).
/// Multiword-token lines ("4-5") and empty nodes ("8.1") are skipped.
/// Throws `crosscheck::Error` at the file, line and column of the first
/// malformed line (a wrong field count, a head that is no number or out of
/// range).
Treebank read_conllu(std::string_view text, std::string_view file);

/// How a model does on gold sentences: the share of words with the right
/// tags, head, and head and relation (punctuation included, as published
/// English parsers report on EWT).
struct SyntaxScores {
  std::size_t words = 0;
  std::size_t upos_right = 0;
  std::size_t xpos_right = 0;
  std::size_t head_right = 0;      // unlabelled attachment
  std::size_t relation_right = 0;  // labelled attachment: head and relation
  double upos() const { return words ? double(upos_right) / double(words) : 0.0; }
  double xpos() const { return words ? double(xpos_right) / double(words) : 0.0; }
  double uas() const { return words ? double(head_right) / double(words) : 0.0; }
  double las() const { return words ? double(relation_right) / double(words) : 0.0; }
};

class SyntaxModel {
 public:
  /// The model compiled into the library (data/syntax/english.model).
  static const SyntaxModel& built_in();

  /// A model from the text `save()` writes. Throws `crosscheck::Error` at the
  /// line of `file` that is malformed, or at line 1 when the header is not a
  /// model's.
  static SyntaxModel load(std::string_view text, std::string_view file);

  /// Trains a model on gold sentences (src/syntax/syntax_model.cc: the
  /// tagger on folds, then the parser and labeler on the tags it predicts).
  /// `progress`, when given, is called with a line of text after each pass.
  struct TrainingOptions {
    int tagger_passes = 8;
    int parser_passes = 15;
    int labeler_passes = 8;
    // The parser learns from tags predicted by taggers that did not see the
    // sentence, each trained on all folds but the sentence's; with 1 or 0
    // folds, from the gold tags.
    int tagger_folds = 4;
    // Features that moved the weights fewer times are left out of the model.
    std::uint32_t min_updates = 1;
    std::uint32_t seed = 1;
    void (*progress)(std::string_view line) = nullptr;
  };
  static SyntaxModel train(std::span<const TreebankSentence> sentences, const TrainingOptions& options);

  SyntaxModel(SyntaxModel&&) noexcept;
  SyntaxModel& operator=(SyntaxModel&&) noexcept;
  ~SyntaxModel();

  /// The model as text, to write to a file and `load()` later.
  std::string save() const;

  /// The words with their tags; head -1 and no relation.
  std::vector<SyntaxWord> tag(std::span<const std::string> words) const;
  /// The words with their tags, heads and relations: a tree with one root.
  std::vector<SyntaxWord> parse(std::span<const std::string> words) const;

  /// Tags and parses each sentence's words and compares with its gold analysis.
  SyntaxScores score(std::span<const TreebankSentence> gold) const;

 private:
  struct Tables;
  explicit SyntaxModel(std::unique_ptr<Tables> tables);
  std::unique_ptr<Tables> tables_;
};

/// The words of an English sentence as the treebanks split them: punctuation
/// apart from words ("fire." is "fire" "."), clitics apart ("didn't" is "did"
/// "n't", "Gaza's" is "Gaza" "'s"), currency signs and percent signs apart
/// from figures ("$3.5" is "$" "3.5"), abbreviations ("U.S.", "Jan.") and
/// figures ("1,537", "3.5") whole.
std::vector<std::string> split_words(std::string_view sentence);

/// Where split_words()'s words are: each one's bytes [begin, end) in `sentence`.
struct WordSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};
std::vector<WordSpan> split_word_spans(std::string_view sentence);

}  // namespace crosscheck
