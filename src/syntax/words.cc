// Words as the treebanks split them, and as the features read them.
#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/syntax.h"
#include "syntax/syntax_parts.h"

namespace crosscheck {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Punctuation that stands apart at a word's start or end, curly quotes included.
constexpr std::array<std::string_view, 9> kOpeningMarks = {"``", "\"", "'", "`", "(", "[", "{", "\u201c", "\u2018"};
// (Two apostrophes or backquotes, Penn Treebank style, are one mark, as the treebanks write them.)
constexpr std::array<std::string_view, 16> kClosingMarks = {"''", "\"", "'", "`", ")", "]", "}",      ".",
                                                            ",",  ";",  ":", "!", "?", "%", "\u201d", "\u2019"};

// The mark `token` starts (or ends) with, if any, leaving at least one byte.
template <std::size_t N>
std::string_view mark_at(std::string_view token, const std::array<std::string_view, N>& marks, bool at_end) {
  for (const std::string_view mark : marks)
    if (token.size() > mark.size() && (at_end ? token.ends_with(mark) : token.starts_with(mark))) return mark;
  return {};
}

// "U.S.", "a.m.", "Jan.", "Mr.": the period belongs to the word. A word with
// a period inside, or a short capitalized word in the list, keeps its final one.
bool keeps_final_period(std::string_view word) {
  if (word.size() < 2 || word.back() != '.') return false;
  const std::string_view stem = word.substr(0, word.size() - 1);
  if (stem.find('.') != std::string_view::npos &&
      std::all_of(stem.begin(), stem.end(), [](char c) { return is_alpha(c) || c == '.'; }))
    return true;
  static constexpr std::array<std::string_view, 34> kAbbreviations = {
      "Mr",  "Mrs", "Ms",  "Dr",   "St",  "Jr",  "Sr",  "Gen", "Col", "Lt",    "Sgt", "Gov",
      "Sen", "Rep", "Rev", "Prof", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept",  "Sep", "Oct",
      "Nov", "Dec", "Inc", "Corp", "Ltd", "Co",  "No",  "vs",  "etc", "approx"};
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), stem) != kAbbreviations.end();
}

// The clitics the treebanks write as words of their own, longest first.
constexpr std::array<std::string_view, 9> kClitics = {"n't", "n\u2019t", "'s", "\u2019s", "'re",
                                                      "'ve", "'ll",      "'d", "'m"};

// Splits one whitespace-free token into words, each a view into it (the
// marks matched are the tables' own strings: the views cut are the token's).
void split_token(std::string_view token, std::vector<std::string_view>& out) {
  std::vector<std::string_view> tail;  // closing pieces, the last one first
  const auto cut_front = [&](std::size_t length, std::vector<std::string_view>& to) {
    to.push_back(token.substr(0, length));
    token.remove_prefix(length);
  };
  const auto cut_back = [&](std::size_t length) {
    tail.push_back(token.substr(token.size() - length));
    token.remove_suffix(length);
  };
  for (std::string_view mark; !(mark = mark_at(token, kOpeningMarks, false)).empty();) cut_front(mark.size(), out);
  for (std::string_view mark; !(mark = mark_at(token, kClosingMarks, true)).empty();) {
    if (mark == "." && keeps_final_period(token)) break;
    cut_back(mark.size());
  }
  // "can't" is "ca" "n't" in the treebanks; "won't" is "wo" "n't".
  for (const std::string_view clitic : kClitics) {
    if (token.size() > clitic.size() && token.ends_with(clitic)) {
      cut_back(clitic.size());
      break;
    }
  }
  // Currency signs before a figure: "$3.5" is "$" "3.5".
  static constexpr std::array<std::string_view, 4> kCurrency = {"$", "£", "€", "¥"};
  for (const std::string_view sign : kCurrency) {
    if (token.size() > sign.size() && token.starts_with(sign) && is_digit(token[sign.size()])) {
      cut_front(sign.size(), out);
      break;
    }
  }
  if (!token.empty()) out.emplace_back(token);
  out.insert(out.end(), tail.rbegin(), tail.rend());
}

// The words of `sentence`, each a view into it.
std::vector<std::string_view> word_views(std::string_view sentence) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < sentence.size()) {
    while (i < sentence.size() && std::isspace(static_cast<unsigned char>(sentence[i]))) ++i;
    std::size_t end = i;
    while (end < sentence.size() && !std::isspace(static_cast<unsigned char>(sentence[end]))) ++end;
    if (end > i) split_token(sentence.substr(i, end - i), words);
    i = end;
  }
  return words;
}

}  // namespace

std::vector<std::string> split_words(std::string_view sentence) {
  const std::vector<std::string_view> views = word_views(sentence);
  return {views.begin(), views.end()};
}

std::vector<WordSpan> split_word_spans(std::string_view sentence) {
  std::vector<WordSpan> spans;
  for (const std::string_view word : word_views(sentence)) {
    const auto begin = static_cast<std::size_t>(word.data() - sentence.data());
    spans.push_back({begin, begin + word.size()});
  }
  return spans;
}

namespace syntax {

namespace {

char shape_of(char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (is_digit(c)) return 'd';
  if (static_cast<unsigned char>(c) >= 0x80) return 'u';  // any non-ASCII byte
  return c;
}

}  // namespace

Words prepare_words(std::span<const std::string> words) {
  Words prepared;
  prepared.normal.reserve(words.size());
  prepared.shape.reserve(words.size());
  prepared.id.reserve(words.size());
  for (const std::string& word : words) {
    std::string normal(word);
    for (char& c : normal) c = is_digit(c) ? '0' : lower(c);
    // Word shape with runs collapsed: "Gaza" is "Xx", "1,537" is "d,d".
    std::string shape;
    for (const char c : word) {
      const char s = shape_of(c);
      if (shape.empty() || shape.back() != s) shape += s;
      if (shape.size() >= 8) break;
    }
    prepared.id.push_back(FeatureHash(0).add(normal).value());
    prepared.normal.push_back(std::move(normal));
    prepared.shape.push_back(std::move(shape));
  }
  return prepared;
}

void report(Progress progress, const std::string& line) {
  if (progress != nullptr) progress(line);
}

std::vector<std::size_t> shuffled(std::size_t count, std::mt19937& random) {
  std::vector<std::size_t> order(count);
  for (std::size_t i = 0; i < count; ++i) order[i] = i;
  // Fisher-Yates by hand: std::shuffle's order differs between standard libraries.
  for (std::size_t i = count; i > 1; --i) std::swap(order[i - 1], order[random() % i]);
  return order;
}

}  // namespace syntax

}  // namespace crosscheck
