// Byte-level scanning helpers of the segmenter: paragraphs, soft line breaks,
// quotations and word tests. Private to src/segment/.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/segment.h"

namespace crosscheck {

inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/// `range` without the spaces at either end.
TextRange trim(std::string_view text, TextRange range);

/// First offset at or after `from` that is not a space.
std::size_t skip_spaces(std::string_view text, std::size_t from);

/// Whether `text` ends with the word `word` ("in the U.N." ends with "U.N.",
/// "TUN." does not end with word "UN.").
bool ends_with_word(std::string_view text, std::string_view word);

/// A list of abbreviations asked "does the text end with one of you, as a
/// word?" (ends_with_word) at every sentence end: those of letters, digits
/// and dots, nearly all, in a set looked up once with the text's last run of
/// such characters; any other compared one by one.
class WordEndings {
 public:
  void add(const std::string& word);
  bool ends(std::string_view text) const;

 private:
  std::set<std::string, std::less<>> dotted_;
  std::vector<std::string> others_;
};

/// Whether `text` begins with one of `words` as a whole word.
bool starts_with_any_word(std::string_view text, const std::vector<std::string>& words);

/// Paragraphs: runs of lines separated by blank lines, trimmed. An indented
/// line after a sentence end also starts one (newswire indents paragraphs).
std::vector<TextRange> find_paragraphs(std::string_view text);

/// Replaces each line break of a paragraph that runs on (hard-wrapped text)
/// with a space, in place, so offsets are kept. `starters` are the words
/// sentences open with ("The", "He"): a capitalized word after a short line
/// that is not one of them may go on a name ("New" + "Zealand").
void unwrap_soft_line_breaks(std::string& paragraph, const std::vector<std::string>& starters);

/// Appends the double-quoted stretches of `paragraph` (unwrapped, so a line
/// break left in it is a hard one) to `quotes`, offset by `base`, the
/// paragraph's offset in the article.
void find_quotes(std::string_view paragraph, std::size_t base, std::vector<Quote>& quotes);

}  // namespace crosscheck
