// crosscheck: segment, the second pipeline stage.
//
/// Splits an article's text into paragraphs (blank lines), sentences (ICU's
/// sentence BreakIterator wrapped in a FilteredBreakIterator fed with the
/// lexicon's abbreviations; for a paragraph of ASCII only, the same rules and
/// filter computed directly, which is faster and gives the same breaks) and
/// quotations (straight and curly double quotes, which may span sentences). All positions are byte offsets into the
/// text; `SegmentedText::lines` maps them to line:column for diagnostics.
///
/// Within a paragraph a single line break is read as a space when the text
/// is hard-wrapped (the line runs on into the next) and as a sentence end
/// otherwise, so a headline line without a period stays its own sentence.
///
/// **Example**
///
///     crosscheck::Segmenter segmenter(lexicon);
///     crosscheck::SegmentedText parts = segmenter.segment(article.text);
///     for (const auto& sentence : parts.sentences)
///       fmt::print("{}\n", sentence.view(article.text));
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "crosscheck/core.h"
#include "crosscheck/lexicon.h"

namespace crosscheck {

/// A half-open byte range [begin, end) of a text.
struct TextRange {
  std::size_t begin = 0;
  std::size_t end = 0;

  std::string_view view(std::string_view text) const { return text.substr(begin, end - begin); }
  bool contains(std::size_t offset) const { return begin <= offset && offset < end; }
  friend bool operator==(const TextRange&, const TextRange&) = default;
};

struct Sentence : TextRange {
  std::size_t paragraph = 0;  ///< index into SegmentedText::paragraphs
};

/// A quotation from its opening mark to just past its closing mark. One left
/// open at the end of a paragraph ends there with `closed` false (news style
/// reopens a quote that runs on in the next paragraph).
struct Quote : TextRange {
  bool closed = true;
};

struct SegmentedText {
  std::vector<TextRange> paragraphs;
  std::vector<Sentence> sentences;  ///< in text order, trimmed of spaces
  std::vector<Quote> quotes;        ///< in text order
  LineIndex lines;

  /// The quotation that contains `offset`, or null.
  const Quote* quote_at(std::size_t offset) const;
};

/// Splits texts. Building one loads ICU's break rules, so build one and reuse
/// it; it is not thread-safe (make one per thread).
class Segmenter {
 public:
  /// Throws `crosscheck::Error` when ICU cannot build its break iterator.
  explicit Segmenter(const Lexicon& lexicon);
  ~Segmenter();
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  /// Segments valid UTF-8 `text`; the result refers to it by offsets.
  SegmentedText segment(std::string_view text);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace crosscheck
