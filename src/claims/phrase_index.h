// Words of a sentence and the lexicon phrases found among them. Private to
// src/claims/.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/packed_word_map.h"

namespace crosscheck::claims {

/// A word or a punctuation mark of a sentence.
struct Word {
  std::uint32_t begin = 0;  // byte offsets into the sentence
  std::uint32_t end = 0;
  std::string_view text;   // as written
  std::string_view lower;  // lower-cased (ASCII letters only)
  bool punctuation = false;
  bool capitalized = false;
  std::uint64_t classes = 0;  // the word classes it belongs to (set by PhraseIndex::find_all)
};

/// Whether `word` begins with a digit ("1,537", "2004", "5M").
inline bool starts_with_digit(const Word& word) {
  return !word.text.empty() && word.text.front() >= '0' && word.text.front() <= '9';
}

/// Whether `word` is an apostrophe, straight or curly ("Gaza's", "Gaza’s").
inline bool is_apostrophe(const Word& word) { return word.text == "'" || word.text == "\xE2\x80\x99"; }

/// `text` with ASCII letters lower-cased, into `lower` (same length, so that
/// offsets into one are offsets into the other).
void lower_ascii(std::string_view text, std::string& lower);

/// Splits `text` into words and single punctuation marks. `lower` is
/// `text` lower-cased by lower_ascii(); the words' lower-cased views point
/// into it.
void split_words(std::string_view text, std::string_view lower, std::vector<Word>& words);

/// What a phrase stands for.
enum class PhraseKind : std::uint8_t { metric, entity, authority, subject, verb, hedge };

struct PhraseMatch {
  std::size_t first = 0;  // word indices, [first, last)
  std::size_t last = 0;
  PhraseKind kind = PhraseKind::metric;
  std::uint32_t target = 0;  // index into the lexicon's list of that kind
};

/// Lexicon phrases by their first lower-cased word. A phrase whose first
/// letter is upper case ("Rafah", "Health Ministry") only matches as written;
/// the others match in any case.
class PhraseIndex {
 public:
  /// Adds a phrase; call finish() after the last one, before find_all().
  void add(std::string_view phrase, PhraseKind kind, std::uint32_t target);

  /// Orders each group longest first (stable: among equals, the first
  /// added first). O(n log n) once, where sorting per add() was quadratic.
  void finish();

  /// Puts the lower-cased word `lower_word` in the word classes `classes`
  /// (bits whose meaning is the caller's), so that asking whether a word of
  /// a sentence is "in", "at", "across"... is one bit test.
  void add_to_classes(std::string_view lower_word, std::uint64_t classes);

  /// Every phrase occurrence in `words`, longest first at each position,
  /// but a verb that opens a longer metric phrase ("claimed the lives of"
  /// is no one's claim); and each word's classes, from the same lookup.
  void find_all(std::vector<Word>& words, std::vector<PhraseMatch>& matches) const;

  /// The longest word of each phrase of `kind`, lower-cased ("enclave" for
  /// "the enclave"): a text without any of them holds no phrase of that kind,
  /// and find_all() need not be asked.
  const std::vector<std::string>& longest_words(PhraseKind kind) const {
    return longest_words_[static_cast<std::size_t>(kind)];
  }

 private:
  struct Phrase {
    std::vector<std::string> lower_words;
    std::vector<std::string> words;  // as written
    bool case_sensitive = false;
    PhraseKind kind = PhraseKind::metric;
    std::uint32_t target = 0;
  };
  // What the index knows of one lower-cased word.
  struct WordEntry {
    std::uint32_t group = 0;  // index + 1 of the group of phrases that start with it; 0: none
    std::uint64_t classes = 0;
  };

  // Phrases grouped by their first lower-cased word, a group's longest first.
  std::vector<std::vector<Phrase>> groups_;
  static constexpr std::size_t kKinds = 6;
  static_assert(static_cast<std::size_t>(PhraseKind::hedge) + 1 == kKinds);
  std::vector<std::string> longest_words_[kKinds];
  // Every word of the text is looked up here once.
  WordTable<WordEntry> words_;
};

}  // namespace crosscheck::claims
