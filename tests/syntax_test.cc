// The syntax stage: words as the treebanks split them, CoNLL-U, the model file,
// training, and what the built-in model finds in sentences of the kind news
// writes around a figure (sentences written for these tests).
#include "crosscheck/syntax.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "crosscheck/core.h"
#include "syntax/perceptron.h"

namespace {

using crosscheck::SyntaxWord;

// The parse of `sentence` by the built-in model.
std::vector<SyntaxWord> parse(std::string_view sentence) {
  return crosscheck::SyntaxModel::built_in().parse(crosscheck::split_words(sentence));
}

// The index of the first word `text` at or after `from`; fails the test when there is none.
std::size_t word_index(const std::vector<SyntaxWord>& words, std::string_view text, std::size_t from = 0) {
  for (std::size_t i = from; i < words.size(); ++i)
    if (words[i].text == text) return i;
  FAIL("no word '" << text << "'");
  return 0;
}

// "child -relation-> head", as a reader of a parse checks it.
std::string arc(const std::vector<SyntaxWord>& words, std::string_view child) {
  const SyntaxWord& word = words[word_index(words, child)];
  const std::string head_text = word.head < 0 ? "ROOT" : words[static_cast<std::size_t>(word.head)].text;
  return std::string(child) + " -" + std::string(word.relation) + "-> " + head_text;
}

// The text of the word `child` depends on ("ROOT" for the root).
std::string head(const std::vector<SyntaxWord>& words, std::string_view child) {
  const SyntaxWord& word = words[word_index(words, child)];
  return word.head < 0 ? "ROOT" : words[static_cast<std::size_t>(word.head)].text;
}

constexpr std::string_view kTinyTreebank =
    "# sent_id = t-1\n"
    "# text = Six people died.\n"
    "1\tSix\tsix\tNUM\tCD\t_\t2\tnummod\t_\t_\n"
    "2\tpeople\tpeople\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
    "3\tdied\tdie\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "# sent_id = t-2\n"
    "1-2\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "1\tdid\tdo\tAUX\tVBD\t_\t3\taux\t_\t_\n"
    "2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n"
    "3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n"
    "3.1\tgone\tgo\tVERB\tVBN\t_\t_\t_\t3:conj\t_\n"
    "\n";

}  // namespace

TEST_CASE("split_words splits as the treebanks do", "[syntax]") {
  using V = std::vector<std::string>;
  CHECK(crosscheck::split_words("Six people died in the fire.") ==
        V{"Six", "people", "died", "in", "the", "fire", "."});
  CHECK(crosscheck::split_words("Officials didn't say, and Gaza's ministry wouldn't.") ==
        V{"Officials", "did", "n't", "say", ",", "and", "Gaza", "'s", "ministry", "would", "n't", "."});
  CHECK(crosscheck::split_words("It cost $3.5 million, or 40% more.") ==
        V{"It", "cost", "$", "3.5", "million", ",", "or", "40", "%", "more", "."});
  CHECK(crosscheck::split_words("The U.S. embassy said on Jan. 4 that 1,537 died.") ==
        V{"The", "U.S.", "embassy", "said", "on", "Jan.", "4", "that", "1,537", "died", "."});
  CHECK(crosscheck::split_words("\u201cWe counted 12,\u201d he said (in Kyiv).") ==
        V{"\u201c", "We", "counted", "12", ",", "\u201d", "he", "said", "(", "in", "Kyiv", ")", "."});
  CHECK(crosscheck::split_words("the workers' union") == V{"the", "workers", "'", "union"});
  CHECK(crosscheck::split_words("``Now,'' he said.") == V{"``", "Now", ",", "''", "he", "said", "."});
  CHECK(crosscheck::split_words("  ").empty());
}

TEST_CASE("split_word_spans says where each word is in the sentence", "[syntax]") {
  const std::string_view sentence = " \u201cGaza's toll,\u201d $3.5 (U.S.).";
  const std::vector<crosscheck::WordSpan> spans = crosscheck::split_word_spans(sentence);
  std::vector<std::string_view> words;
  for (const crosscheck::WordSpan& span : spans) words.push_back(sentence.substr(span.begin, span.end - span.begin));
  CHECK(words == std::vector<std::string_view>{"\u201c", "Gaza", "'s", "toll", ",", "\u201d", "$", "3.5", "(", "U.S.",
                                               ")", "."});
  CHECK(spans.front().begin == 1);
}

TEST_CASE("read_conllu reads words, heads and relations, and skips multiword tokens and empty nodes", "[syntax]") {
  const crosscheck::Treebank treebank = crosscheck::read_conllu(kTinyTreebank, "tiny.conllu");
  REQUIRE(treebank.sentences.size() == 2);
  const auto& first = treebank.sentences[0];
  CHECK(first.id == "t-1");
  REQUIRE(first.words.size() == 4);
  CHECK(first.words[0].text == "Six");
  CHECK(first.words[0].upos == "NUM");
  CHECK(first.words[0].xpos == "CD");
  CHECK(first.words[0].head == 1);
  CHECK(first.words[0].relation == "nummod");
  CHECK(first.words[2].head == -1);
  CHECK(first.words[2].relation == "root");
  const auto& second = treebank.sentences[1];
  REQUIRE(second.words.size() == 3);
  CHECK(second.words[1].text == "n't");
}

TEST_CASE("read_conllu names the line of a malformed word", "[syntax]") {
  try {
    (void)crosscheck::read_conllu("1\tSix\tsix\tNUM\tCD\t_\t2\tnummod\n", "bad.conllu");
    FAIL("no error");
  } catch (const crosscheck::Error& error) {
    CHECK(std::string(error.what()) == "bad.conllu:1:1: a word line has 8 tab-separated fields, CoNLL-U has 10");
  }
  try {
    (void)crosscheck::read_conllu("# c\n1\tSix\tsix\tNUM\tCD\t_\tx\tnummod\t_\t_\n", "bad.conllu");
    FAIL("no error");
  } catch (const crosscheck::Error& error) {
    CHECK(std::string(error.what()) ==
          "bad.conllu:2:20: head 'x' is not a word number; write the number of the word it depends on, 0 for the root");
  }
  try {
    (void)crosscheck::read_conllu("1\tSix\tsix\tNUM\tCD\t_\t7\tnummod\t_\t_\n\n", "bad.conllu");
    FAIL("no error");
  } catch (const crosscheck::Error& error) {
    CHECK(std::string(error.what()) ==
          "bad.conllu:1: head 7 is beyond the sentence's 1 words; check the sentence ending at line 2");
  }
}

TEST_CASE("a model file that is not one, or is cut short, is an error at its line", "[syntax]") {
  CHECK_THROWS_WITH(crosscheck::SyntaxModel::load("hello\n", "m.model"),
                    "m.model:1: not a crosscheck syntax model: the first line should be 'crosscheck-syntax-model 1'");
  CHECK_THROWS_WITH(crosscheck::SyntaxModel::load("crosscheck-syntax-model 1\ntags 2\nNOUN NN\n", "m.model"),
                    "m.model:3: the model ends too early; write it again with the trainer");
  CHECK_THROWS_WITH(crosscheck::SyntaxModel::load("crosscheck-syntax-model 1\ntags 1\nX X\nrelations 2\nroot\ndep\n"
                                                  "dictionary 0\nweights tagger 1 1\n1f 3:100\n",
                                                  "m.model"),
                    "m.model:9: a weight's class must be below 1");
  CHECK_THROWS_WITH(crosscheck::SyntaxModel::load("crosscheck-syntax-model 1\ntags 1\nX X\nrelations 2\nroot\ndep\n"
                                                  "dictionary 0\nweights tagger 1 1\n1f 0:5 0:7\n",
                                                  "m.model"),
                    "m.model:9: class 0 is given twice in one row");
  // A count the file cannot hold is refused before any room is made for it.
  CHECK_THROWS_WITH(crosscheck::SyntaxModel::load("crosscheck-syntax-model 1\ntags 1\nX X\nrelations 2\nroot\ndep\n"
                                                  "dictionary 0\nweights tagger 1 4611686018427387904\n",
                                                  "m.model"),
                    "m.model:8: the section says 4611686018427387904 rows, the file has fewer lines");
  // A labeler with "root" alone could name no other word's relation.
  CHECK_THROWS_WITH(
      crosscheck::SyntaxModel::load("crosscheck-syntax-model 1\ntags 1\nX X\nrelations 1\nroot\n", "m.model"),
      "m.model:5: a model needs a relation besides 'root'");
}

TEST_CASE("a trained model is saved and loaded unchanged, and training is deterministic", "[syntax]") {
  const crosscheck::Treebank treebank = crosscheck::read_conllu(kTinyTreebank, "tiny.conllu");
  crosscheck::SyntaxModel::TrainingOptions options;
  options.tagger_passes = 5;
  options.parser_passes = 5;
  options.labeler_passes = 5;
  options.tagger_folds = 1;  // two sentences: a tagger trained on one cannot tag the other
  const crosscheck::SyntaxModel model = crosscheck::SyntaxModel::train(treebank.sentences, options);
  const std::string text = model.save();
  CHECK(crosscheck::SyntaxModel::train(treebank.sentences, options).save() == text);
  const crosscheck::SyntaxModel loaded = crosscheck::SyntaxModel::load(text, "tiny.model");
  CHECK(loaded.save() == text);
  const crosscheck::SyntaxScores scores = loaded.score(treebank.sentences);
  CHECK(scores.words == 7);
  CHECK(scores.upos() == 1.0);
  CHECK(scores.uas() == 1.0);
}

TEST_CASE("the built-in model finds each count's noun and the verb it is the subject of", "[syntax]") {
  const auto words = parse(
      "At least 212 miners died in the collapse, two officials at the regional mining authority "
      "told reporters on Monday.");
  CHECK(arc(words, "212") == "212 -nummod-> miners");
  CHECK(arc(words, "miners") == "miners -nsubj-> died");
  CHECK(arc(words, "two") == "two -nummod-> officials");
  CHECK(arc(words, "officials") == "officials -nsubj-> told");
  CHECK(words[word_index(words, "212")].upos == "NUM");
  CHECK(words[word_index(words, "died")].xpos == "VBD");
}

TEST_CASE("the built-in model puts a reported toll under the speech verb", "[syntax]") {
  const auto said = parse("The Gazan Health Ministry said that 1,537 Palestinians had been killed.");
  CHECK(arc(said, "1,537") == "1,537 -nummod-> Palestinians");
  // The model is not sure of passive subjects ("nsubj" or "nsubj:pass"): the head is what counts.
  CHECK(head(said, "Palestinians") == "killed");
  CHECK(arc(said, "killed") == "killed -ccomp-> said");
  CHECK(arc(said, "Ministry") == "Ministry -nsubj-> said");

  const auto both = parse("A spokeswoman for the governor said on Sunday that more than 90 people had been killed.");
  CHECK(arc(both, "90") == "90 -nummod-> people");
  CHECK(head(both, "people") == "killed");
  CHECK(arc(both, "killed") == "killed -ccomp-> said");
}

TEST_CASE("the built-in model keeps each count of a list with its own noun", "[syntax]") {
  const auto words = parse("Twenty-one firefighters, six police officers and two paramedics died in the blaze.");
  CHECK(arc(words, "Twenty-one") == "Twenty-one -nummod-> firefighters");
  CHECK(arc(words, "six") == "six -nummod-> officers");
  CHECK(arc(words, "two") == "two -nummod-> paramedics");
  CHECK(arc(words, "blaze") == "blaze -obl-> died");
  // NOTE(#18): the greedy parser does not yet see the three nouns as one
  // subject of "died" (it makes "died" a conjunct of "firefighters"); see
  // bench/README.md, "Syntax".
}

TEST_CASE("the built-in model gives every sentence one root and a head inside it", "[syntax]") {
  for (const std::string_view sentence :
       {"Killed.", "12", "Rescuers searched , , , the rubble ; 4 dead", "\u00e9t\u00e9 !"}) {
    const auto words = parse(sentence);
    REQUIRE_FALSE(words.empty());
    int roots = 0;
    for (const SyntaxWord& word : words) {
      roots += word.head < 0;
      CHECK(word.head < static_cast<int>(words.size()));
      CHECK((word.head < 0) == (word.relation == "root"));
    }
    CHECK(roots == 1);
  }
  CHECK(crosscheck::SyntaxModel::built_in().parse(std::vector<std::string>{}).empty());
}

TEST_CASE("weights of few classes sit in their slots, score as sparse ones and are written back as read", "[syntax]") {
  using Row = std::vector<std::pair<std::uint16_t, float>>;
  for (const int classes : {3, 7}) {  // three: the slot holds them (the parser's); seven: sparse
    INFO(classes);
    crosscheck::syntax::Weights weights(classes);
    weights.add_row(0x66784d60, Row{{1, -12.19F}, {0, 29.23F}, {2, -17.04F}});
    weights.add_row(0xb6f7c897, Row{{2, 1.5F}});
    weights.add_row(0xb6f7c897, Row{{0, 9.0F}});  // a repeated key keeps its first row
    std::vector<float> scores(static_cast<std::size_t>(classes), 0.0F);
    const std::vector<std::uint64_t> features = {0x66784d60, 0xb6f7c897, 0x12345678};
    weights.add_scores(features, scores);
    CHECK(scores[0] == 2923.0F);
    CHECK(scores[1] == -1219.0F);
    CHECK(scores[2] == -1554.0F);
    CHECK(weights.rows() == 2);
    std::string written;
    weights.write(written);
    CHECK(written == "66784d60 1:-1219 0:2923 2:-1704\nb6f7c897 2:150\n");
  }
}
