// Where the sentences of one paragraph end, before the segmenter mends what
// the lexicon knows better. Two ways to the same answer: ICU's sentence
// BreakIterator (Unicode's UAX #29 rules) with no break after the lexicon's
// abbreviations, exactly as ICU's FilteredBreakIterator decides it (the filter
// is written here: ICU's builder is quadratic in the abbreviations, and
// tests/sentence_breaks_test.cc checks ours against ICU's); and, for a
// paragraph that is all ASCII, the same rules and the same filter written
// out for the eleven classes of character ASCII has, which is several times
// faster than ICU's general state machine (ICU was a fifth of extraction's
// time). tests/sentence_breaks_vs_icu.cc checks that both give the same
// breaks on every paragraph of the real corpora. Private to src/segment/.
#pragma once

#include <unicode/brkiter.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck {

/// The abbreviations after which no sentence break is made ("Mr.", "U.S."),
/// kept as ICU's FilteredBreakIteratorBuilder keeps them: a character trie
/// read backwards from a break (".rM" for "Mr."), and one read forwards for
/// the abbreviations with a dot inside ("U.S.", reached from "U."). Built in
/// one pass over the sorted list, where ICU's builder compares every pair
/// (quadratic: 5,000 abbreviations took 0.4 s, 50,000 would take a minute).
class Suppressions {
 public:
  explicit Suppressions(const std::vector<std::string>& words);

  /// Whether the break at byte `end` of `text` (UTF-8) follows one of the
  /// abbreviations, as ICU's filter decides it: over one space back, the
  /// longest abbreviation that ends there.
  bool at(std::string_view text, std::size_t end) const;

 private:
  struct Trie {
    struct Node {
      std::vector<std::pair<char, std::uint32_t>> children;
      std::uint8_t value = 0;  // 0: none
    };
    std::vector<Node> nodes{Node{}};
    void add(std::string_view key, std::uint8_t value);
    // The node after `node` reads `c`, or 0 (the root is never a child).
    std::uint32_t next(std::uint32_t node, char c) const;
  };
  static constexpr std::uint8_t kMatch = 2, kPartial = 1;  // ICU's values

  Trie backwards_;
  Trie forwards_;
};

/// Sentence breaks by ICU's sentence BreakIterator, after which no break is
/// made after one of `suppressions` ("Mr.", "U.S."): the breaks of ICU's
/// FilteredBreakIterator, with the filter applied here (Suppressions) rather
/// than by ICU's builder, whose cost grows with the square of the list.
class IcuSentenceBreaks {
 public:
  /// Throws crosscheck::Error when ICU cannot build its iterator.
  explicit IcuSentenceBreaks(const std::vector<std::string>& suppressions);
  ~IcuSentenceBreaks();
  IcuSentenceBreaks(const IcuSentenceBreaks&) = delete;
  IcuSentenceBreaks& operator=(const IcuSentenceBreaks&) = delete;

  /// Appends to `ends` (cleared first) the end of each piece of `paragraph`,
  /// in order; the last is paragraph.size() (none for an empty paragraph).
  void find(std::string_view paragraph, std::vector<std::size_t>& ends);

 private:
  std::unique_ptr<icu::BreakIterator> iterator_;
  Suppressions suppressions_;
};

/// The same breaks as IcuSentenceBreaks for a paragraph of ASCII only.
class AsciiSentenceBreaks {
 public:
  explicit AsciiSentenceBreaks(const std::vector<std::string>& suppressions);

  /// As IcuSentenceBreaks::find; `paragraph` must hold no byte over 0x7F.
  void find(std::string_view paragraph, std::vector<std::size_t>& ends) const;

 private:
  Suppressions suppressions_;
};

}  // namespace crosscheck
