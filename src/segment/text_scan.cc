#include "segment/text_scan.h"

#include <algorithm>

#include "core/ascii_blocks.h"

namespace crosscheck {

TextRange trim(std::string_view text, TextRange range) {
  while (range.begin < range.end && is_space(text[range.begin])) ++range.begin;
  while (range.end > range.begin && is_space(text[range.end - 1])) --range.end;
  return range;
}

std::size_t skip_spaces(std::string_view text, std::size_t from) {
  while (from < text.size() && is_space(text[from])) ++from;
  return from;
}

bool ends_with_word(std::string_view text, std::string_view word) {
  if (!text.ends_with(word)) return false;
  if (text.size() == word.size()) return true;
  const char before = text[text.size() - word.size() - 1];
  return !is_ascii_letter(before) && !is_ascii_digit(before) && before != '.';
}

namespace {
bool is_dotted_word_char(char c) { return is_ascii_letter(c) || is_ascii_digit(c) || c == '.'; }
}  // namespace

void WordEndings::add(const std::string& word) {
  if (!word.empty() && std::all_of(word.begin(), word.end(), is_dotted_word_char)) {
    dotted_.insert(word);
  } else {
    others_.push_back(word);
  }
}

bool WordEndings::ends(std::string_view text) const {
  // A word of letters, digits and dots ends the text as a word exactly when
  // it is the whole run of such characters at the text's end.
  std::size_t start = text.size();
  while (start > 0 && is_dotted_word_char(text[start - 1])) --start;
  if (dotted_.contains(text.substr(start))) return true;
  return std::any_of(others_.begin(), others_.end(),
                     [&](const std::string& word) { return ends_with_word(text, word); });
}

bool starts_with_any_word(std::string_view text, const std::vector<std::string>& words) {
  std::size_t length = 0;
  while (length < text.size() && is_ascii_letter(text[length])) ++length;
  if (length == 0) return false;
  const std::string_view word = text.substr(0, length);
  return std::find(words.begin(), words.end(), word) != words.end();
}

namespace {

bool ends_sentence(std::string_view line) {
  std::size_t end = line.size();
  // Step back over closing quotes and brackets: `... he said."`, `(...).)`.
  while (end > 0) {
    const std::string_view head = line.substr(0, end);
    if (head.ends_with("\"") || head.ends_with(")") || head.ends_with("'")) {
      --end;
    } else if (head.ends_with("\u201D") || head.ends_with("\u2019")) {
      end -= 3;
    } else {
      break;
    }
  }
  if (end == 0) return false;
  const char last = line[end - 1];
  return last == '.' || last == '!' || last == '?' || last == ':' || last == ';';
}

struct Line {
  TextRange range;                          // trimmed
  std::size_t newline = std::string::npos;  // the '\n' after it, if any
};

std::vector<Line> lines_of(std::string_view paragraph) {
  std::vector<Line> lines;
  std::size_t begin = 0;
  while (begin <= paragraph.size()) {
    std::size_t newline = paragraph.find('\n', begin);
    const std::size_t end = newline == std::string_view::npos ? paragraph.size() : newline;
    lines.push_back({trim(paragraph, {begin, end}), newline});
    if (newline == std::string_view::npos) break;
    begin = newline + 1;
  }
  return lines;
}

}  // namespace

std::vector<TextRange> find_paragraphs(std::string_view text) {
  std::vector<TextRange> paragraphs;
  std::size_t start = std::string_view::npos;  // of the paragraph being read
  std::size_t last_end = 0;                    // end of its last non-blank line
  std::size_t line_begin = 0;
  while (line_begin <= text.size()) {
    std::size_t line_end = text.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    const TextRange line = trim(text, {line_begin, line_end});
    // Newswire marks paragraphs by indenting their first line instead.
    const bool indented_after_sentence_end = line.begin > line_begin && start != std::string_view::npos &&
                                             ends_sentence(trim(text, {start, last_end}).view(text));
    if (line.begin == line.end || indented_after_sentence_end) {
      if (start != std::string_view::npos) paragraphs.push_back(trim(text, {start, last_end}));
      start = std::string_view::npos;
    }
    if (line.begin != line.end) {
      if (start == std::string_view::npos) start = line_begin;
      last_end = line_end;
    }
    line_begin = line_end + 1;
  }
  if (start != std::string_view::npos) paragraphs.push_back(trim(text, {start, last_end}));
  return paragraphs;
}

namespace {

// "resumed at New" + "Zealand ports as ...": a short line of prose (it has a
// lower-case word, or opens as sentences do) whose last word is capitalized,
// and a next line that opens with a capitalized word no sentence starts
// with, break a name in two; a headline or a table's label ("Pay June One",
// "Year" + "Shr 1.22 dlrs") has no lower-case word.
bool breaks_a_name(std::string_view line, std::string_view next, const std::vector<std::string>& starters) {
  const std::size_t last_space = line.find_last_of(' ');
  const char last = line[last_space == std::string_view::npos ? 0 : last_space + 1];
  if (!(last >= 'A' && last <= 'Z') || !(next.front() >= 'A' && next.front() <= 'Z')) return false;
  if (starts_with_any_word(next, starters)) return false;
  bool lower_word = false;
  for (std::size_t k = 0; k < line.size() && !lower_word; ++k) {
    lower_word = (k == 0 || line[k - 1] == ' ') && line[k] >= 'a' && line[k] <= 'z';
  }
  return lower_word || starts_with_any_word(line, starters);
}

}  // namespace

void unwrap_soft_line_breaks(std::string& paragraph, const std::vector<std::string>& starters) {
  if (paragraph.find('\n') == std::string::npos) return;  // one line: nothing to unwrap
  const std::vector<Line> lines = lines_of(paragraph);
  if (lines.size() < 2) return;
  // A paragraph is hard-wrapped when most of its lines stop mid-sentence
  // (newswire at 65 columns); one whose lines end their sentences is a
  // line-per-paragraph text (scraped copy), where a break is a sentence end.
  std::size_t mid_sentence = 0;
  std::size_t widest = 0;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    if (!ends_sentence(lines[i].range.view(paragraph))) ++mid_sentence;
    widest = std::max(widest, lines[i].range.end - lines[i].range.begin);
  }
  const bool wrapped = 2 * mid_sentence > lines.size() - 1;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    const std::string_view line = lines[i].range.view(paragraph);
    const char next = paragraph[lines[i + 1].range.begin];
    const bool next_continues = (next >= 'a' && next <= 'z') || is_ascii_digit(next);
    // In wrapped text every break is a space (ICU still ends sentences at
    // their periods), except after a line far shorter than the others that
    // stops without a period: a headline or dateline standing alone.
    const bool runs_on = wrapped && (ends_sentence(line) || 2 * line.size() >= widest ||
                                     breaks_a_name(line, lines[i + 1].range.view(paragraph), starters));
    if (next_continues || runs_on) paragraph[lines[i].newline] = ' ';
  }
}

void find_quotes(std::string_view paragraph, std::size_t base, std::vector<Quote>& quotes) {
  constexpr std::string_view kOpenCurly = "\u201C", kCloseCurly = "\u201D";
  constexpr std::string_view kOpenGuillemet = "\u00AB", kCloseGuillemet = "\u00BB";
  std::size_t open = std::string_view::npos;
  // Only four bytes can start a quote mark or a line: skip the rest fast,
  // eight bytes at a time while none of them is '"', '\n' or a lead byte
  // of U+00AB..U+00BB or U+2000..U+2FFF (0xC2, 0xE2).
  auto next_interesting = [&](std::size_t from) {
    const auto interesting = [](char c) { return c == '"' || c == '\n' || c == '\xE2' || c == '\xC2'; };
    while (from + 8 <= paragraph.size()) {
      const std::uint64_t block = ascii_blocks::load(paragraph.data() + from);
      if (ascii_blocks::has_high_byte(block) || ascii_blocks::has_byte(block, '"') ||
          ascii_blocks::has_byte(block, '\n')) {
        break;
      }
      from += 8;
    }
    while (from < paragraph.size() && !interesting(paragraph[from])) ++from;
    return from;
  };
  // Two apostrophes close a quotation in text tokenized the Penn Treebank's
  // way ("For now there are 14,000 refugees, '' the governor said): where a
  // quotation is open, the first '' after its mark, if it comes before the
  // next quote mark, closes it. It is searched forward only as the quotes
  // move on, so a paragraph is scanned for it once in all (npos: none left).
  std::size_t double_apostrophe = 0;
  const auto find_double_apostrophe = [&](std::size_t from) {
    if (double_apostrophe != std::string_view::npos && double_apostrophe < from)
      double_apostrophe = paragraph.find("''", from);
  };
  bool opened_straight = false;  // only a straight mark's quotation: “He said ''no''” closes at ”
  const auto close_at_double_apostrophe = [&](std::size_t before) {
    if (open == std::string_view::npos || !opened_straight || double_apostrophe >= before) return;
    quotes.push_back({{base + open, base + double_apostrophe + 2}, true});
    open = std::string_view::npos;
  };
  for (std::size_t i = next_interesting(0); i < paragraph.size(); i = next_interesting(i + 1)) {
    close_at_double_apostrophe(i);
    if (paragraph[i] == '\n' && open != std::string_view::npos) {
      // A hard line break ends a quote left open, as a paragraph end does.
      quotes.push_back({{base + open, base + i}, false});
      open = std::string_view::npos;
      continue;
    }
    const std::string_view rest = paragraph.substr(i);
    const bool straight = rest.front() == '"';
    const bool opening = rest.starts_with(kOpenCurly) || rest.starts_with(kOpenGuillemet);
    const bool closing = rest.starts_with(kCloseCurly) || rest.starts_with(kCloseGuillemet);
    if (!straight && !opening && !closing) continue;
    const std::size_t mark_length = straight ? 1 : rest[0] == '\xC2' ? 2 : 3;  // « » are two bytes, “ ” three
    if (open == std::string_view::npos) {
      if (straight || opening) {  // a stray closing mark opens nothing
        open = i;
        opened_straight = straight;
        find_double_apostrophe(i + mark_length);
      }
    } else if (straight || closing) {
      quotes.push_back({{base + open, base + i + mark_length}, true});
      open = std::string_view::npos;
    } else {
      // A second opening mark before a close: the first quote was left open.
      quotes.push_back({{base + open, base + i}, false});
      open = i;
      opened_straight = false;  // a second opening mark is a curly one or a guillemet
      find_double_apostrophe(i + mark_length);
    }
    i += mark_length - 1;
  }
  close_at_double_apostrophe(paragraph.size());
  if (open != std::string_view::npos) quotes.push_back({{base + open, base + paragraph.size()}, false});
}

}  // namespace crosscheck
