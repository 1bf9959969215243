#include <algorithm>
#include <cstring>

#include "core/ascii_blocks.h"
#include "crosscheck/segment.h"
#include "segment/sentence_breaks.h"
#include "segment/text_scan.h"

namespace crosscheck {

const Quote* SegmentedText::quote_at(std::size_t offset) const {
  auto after = std::upper_bound(quotes.begin(), quotes.end(), offset,
                                [](std::size_t value, const Quote& q) { return value < q.begin; });
  if (after == quotes.begin()) return nullptr;
  const Quote& candidate = *(after - 1);
  return candidate.contains(offset) ? &candidate : nullptr;
}

class Segmenter::Impl {
 public:
  explicit Impl(const Lexicon& lexicon)
      : starters_(lexicon.sentence_starters), icu_(suppressions(lexicon)), ascii_(suppressions(lexicon)) {
    for (const Abbreviation& abbreviation : lexicon.abbreviations) {
      if (abbreviation.kind == AbbreviationKind::acronym) acronyms_.add(abbreviation.text);
      if (abbreviation.kind == AbbreviationKind::title) titles_.add(abbreviation.text);
      // The filter cannot look at the next word, so these are mended after the split.
      if (abbreviation.kind == AbbreviationKind::before_number) before_number_.add(abbreviation.text);
    }
  }

  SegmentedText segment(std::string_view text) {
    SegmentedText out{{}, {}, {}, LineIndex(text)};
    out.paragraphs = find_paragraphs(text);
    for (std::size_t index = 0; index < out.paragraphs.size(); ++index) {
      const TextRange paragraph = out.paragraphs[index];
      scratch_.assign(paragraph.view(text));
      unwrap_soft_line_breaks(scratch_, starters_);
      for (const TextRange& piece : split_sentences(scratch_)) {
        out.sentences.push_back({{paragraph.begin + piece.begin, paragraph.begin + piece.end}, index});
      }
      find_quotes(scratch_, paragraph.begin, out.quotes);
    }
    return out;
  }

 private:
  // Abbreviations after which the break iterator makes no break.
  static std::vector<std::string> suppressions(const Lexicon& lexicon) {
    std::vector<std::string> out;
    for (const Abbreviation& abbreviation : lexicon.abbreviations) {
      if (abbreviation.kind == AbbreviationKind::title || abbreviation.kind == AbbreviationKind::acronym) {
        out.push_back(abbreviation.text);
      }
    }
    return out;
  }

  static bool is_ascii(std::string_view text) {
    std::uint64_t any = 0;
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) any |= ascii_blocks::load(text.data() + i);
    for (; i < text.size(); ++i) any |= static_cast<unsigned char>(text[i]);
    return !ascii_blocks::has_high_byte(any);
  }

  // The break iterator's pieces of one paragraph, mended where the lexicon
  // knows better; valid until the next call.
  const std::vector<TextRange>& split_sentences(std::string_view paragraph) {
    if (is_ascii(paragraph)) {
      ascii_.find(paragraph, ends_);
    } else {
      icu_.find(paragraph, ends_);
    }
    std::vector<TextRange>& pieces = pieces_;
    pieces.clear();
    std::size_t begin = 0;
    for (const std::size_t end : ends_) {
      TextRange piece = trim(paragraph, {begin, end});
      begin = end;
      if (piece.begin == piece.end) continue;
      if (!pieces.empty() && continues_after_abbreviation(paragraph, pieces.back(), piece)) {
        pieces.back().end = piece.end;
      } else {
        pieces.push_back(piece);
      }
    }
    split_after_acronyms(paragraph, pieces, split_);
    split_glued_sentences(paragraph, split_, sentences_);
    return sentences_;
  }

  // "... a two-decade high.The Hamas assault was ...": scraped copy loses the
  // space between two sentences, and Unicode's rules (a letter, a period, a
  // capital) then keep them as one. A lower-case letter, a terminator, and
  // straight after it a sentence starter from the lexicon ("The", "He"...)
  // is a sentence end; so is a word of two lower-case letters or more, a
  // terminator and a capitalized word of three letters or more ("have been
  // killed.Israeli troops", "the letter said.Abdah noted"), unless the word
  // is an abbreviation ("Gov.Newsom", "approx.Five"). Not "U.S.Army",
  // "nytimes.com", "www.Reuters.com", "john.Smith@example.com",
  // "Mr.Smith", "<eric.St.>".
  void split_glued_sentences(std::string_view text, const std::vector<TextRange>& pieces,
                             std::vector<TextRange>& out) const {
    out.clear();
    for (TextRange piece : pieces) {
      // The next terminator before the piece's last character, by memchr
      // (a pass each, fast): most pieces hold one only at their end.
      const auto next_terminator = [&](std::size_t from) {
        std::size_t found = piece.end - 1;
        for (const char terminator : {'.', '?', '!'}) {
          if (from >= found) break;
          if (const void* at = std::memchr(text.data() + from, terminator, found - from)) {
            found = static_cast<std::size_t>(static_cast<const char*>(at) - text.data());
          }
        }
        return found;
      };
      for (std::size_t i = next_terminator(piece.begin + 1); i + 1 < piece.end; i = next_terminator(i + 1)) {
        if (!(text[i - 1] >= 'a' && text[i - 1] <= 'z')) continue;
        // (With a quote mark or a bracket between them Unicode's rules do
        // break: "said.\"They".)
        const std::size_t next = i + 1;
        if (!(text[next] >= 'A' && text[next] <= 'Z')) continue;
        if (!starts_with_any_word(text.substr(next, piece.end - next), starters_) &&
            !ends_word_before_capitalized_word(text, piece, i)) {
          continue;
        }
        out.push_back({piece.begin, next});
        piece.begin = next;
      }
      out.push_back(piece);
    }
  }

  // Whether the terminator at `i` ends a word of two lower-case letters or
  // more that is no abbreviation, and a capitalized word follows it.
  bool ends_word_before_capitalized_word(std::string_view text, TextRange piece, std::size_t i) const {
    const auto lower = [&](std::size_t k) { return text[k] >= 'a' && text[k] <= 'z'; };
    // (Three letters at least after it: Reuters' tickers are "<eric.St.>", "<ainp.Pa>".)
    if (i < piece.begin + 2 || !lower(i - 2) || i + 3 >= piece.end || !lower(i + 2) || !lower(i + 3)) return false;
    // Web and mail addresses: "www.Reuters.com", "john.Smith@example.com".
    std::size_t word = i;
    while (word > piece.begin && is_ascii_letter(text[word - 1])) --word;
    std::size_t next_end = i + 1;
    while (next_end < piece.end && is_ascii_letter(text[next_end])) ++next_end;
    const auto address_mark = [](char c) { return c == '.' || c == '@' || c == '/' || c == ':'; };
    if (word > piece.begin && address_mark(text[word - 1])) return false;
    if (next_end < piece.end &&
        (text[next_end] == '@' || (text[next_end] == '.' && next_end + 1 < piece.end && lower(next_end + 1)))) {
      return false;
    }
    const std::string_view head = text.substr(piece.begin, i + 1 - piece.begin);
    return text[i] != '.' || (!acronyms_.ends(head) && !titles_.ends(head) && !before_number_.ends(head));
  }

  // ICU broke after an abbreviation although the sentence goes on: "Oct." +
  // "7 attack", or "the U.N." + "General Assembly" (ICU 72's filter only
  // matches the last dotted part of "U.N.", so dotted acronyms are mended
  // here). A hard line break between the two is a real sentence end.
  bool continues_after_abbreviation(std::string_view text, TextRange previous, TextRange next) const {
    if (text.substr(previous.end, next.begin - previous.end).find('\n') != std::string_view::npos) return false;
    const std::string_view before = previous.view(text);
    const char first = text[next.begin];
    if (is_ascii_digit(first)) return before_number_.ends(before) || acronyms_.ends(before);
    return is_ascii_letter(first) && acronyms_.ends(before) && !starts_with_any_word(next.view(text), starters_);
  }

  // "... backing of the U.N. He said": the filter kept the acronym inside a
  // sentence, but a sentence starter after it means the sentence did end.
  void split_after_acronyms(std::string_view text, const std::vector<TextRange>& pieces,
                            std::vector<TextRange>& out) const {
    out.clear();
    for (TextRange piece : pieces) {
      const std::string_view upto_end = text.substr(0, piece.end);  // look no further than the piece
      for (std::size_t dot = upto_end.find(". ", piece.begin); dot != std::string_view::npos && dot + 1 < piece.end;
           dot = upto_end.find(". ", dot + 1)) {
        const std::string_view head = text.substr(piece.begin, dot + 1 - piece.begin);
        if (!acronyms_.ends(head)) continue;
        const std::size_t next = skip_spaces(text, dot + 1);
        if (next >= piece.end || !starts_with_any_word(text.substr(next, piece.end - next), starters_)) continue;
        out.push_back({piece.begin, dot + 1});
        piece.begin = next;
      }
      out.push_back(piece);
    }
  }

  WordEndings acronyms_;
  WordEndings titles_;
  WordEndings before_number_;
  std::vector<std::string> starters_;
  IcuSentenceBreaks icu_;
  AsciiSentenceBreaks ascii_;
  // Scratch space kept from paragraph to paragraph.
  std::string scratch_;               // the paragraph, unwrapped
  std::vector<std::size_t> ends_;     // where the break iterator ends pieces
  std::vector<TextRange> pieces_;     // the pieces, mended
  std::vector<TextRange> split_;      // and split after acronyms
  std::vector<TextRange> sentences_;  // and where two sentences were glued
};

Segmenter::Segmenter(const Lexicon& lexicon) : impl_(std::make_unique<Impl>(lexicon)) {}
Segmenter::~Segmenter() = default;

SegmentedText Segmenter::segment(std::string_view text) { return impl_->segment(text); }

}  // namespace crosscheck
