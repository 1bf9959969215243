#include "segment/sentence_breaks.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <climits>

#include "core/ascii_blocks.h"
#include "crosscheck/core.h"
#include "crosscheck/language.h"

namespace crosscheck {

// ---- ICU ---------------------------------------------------------------------

IcuSentenceBreaks::IcuSentenceBreaks(const std::vector<std::string>& suppressions) : suppressions_(suppressions) {
  UErrorCode status = U_ZERO_ERROR;
  // The language pack's locale (rules/lexicon/en/locale.yaml: "en").
  iterator_.reset(icu::BreakIterator::createSentenceInstance(icu::Locale(language_pack().icu_locale.c_str()), status));
  if (U_FAILURE(status) || !iterator_) {
    throw Error({}, fmt::format("cannot build ICU's sentence break iterator: {}", u_errorName(status)));
  }
}

IcuSentenceBreaks::~IcuSentenceBreaks() = default;

void IcuSentenceBreaks::find(std::string_view paragraph, std::vector<std::size_t>& ends) {
  ends.clear();
  // NOTE: ICU indexes with int32_t; a paragraph past 2 GiB is cut at that size.
  const auto length = static_cast<int64_t>(std::min<std::size_t>(paragraph.size(), INT32_MAX));
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, paragraph.data(), length, &status);
  iterator_->setText(utext, status);
  if (U_SUCCESS(status)) {
    iterator_->first();
    // As ICU's FilteredBreakIterator: a break after an abbreviation is
    // dropped, except at the end of the text.
    for (int32_t end = iterator_->next(); end != icu::BreakIterator::DONE; end = iterator_->next()) {
      const auto at = static_cast<std::size_t>(end);
      if (at < static_cast<std::size_t>(length) && suppressions_.at(paragraph, at)) continue;
      ends.push_back(at);
    }
  }
  utext_close(utext);
  // An empty iterator over a fresh text keeps no pointer into `paragraph`.
  iterator_->setText(icu::UnicodeString());
}

// ---- ASCII ---------------------------------------------------------------------

namespace {

// The Sentence_Break property (UAX #29) of each ASCII character. ASCII has
// no OLetter, Sep, Extend or Format characters.
enum class Sb : std::uint8_t { other, cr, lf, sp, lower, upper, numeric, aterm, sterm, close, scontinue };

constexpr std::array<Sb, 128> make_classes() {
  std::array<Sb, 128> classes{};
  classes['\r'] = Sb::cr;
  classes['\n'] = Sb::lf;
  for (char c : {'\t', '\v', '\f', ' '}) classes[static_cast<unsigned char>(c)] = Sb::sp;
  for (int c = 'a'; c <= 'z'; ++c) classes[c] = Sb::lower;
  for (int c = 'A'; c <= 'Z'; ++c) classes[c] = Sb::upper;
  for (int c = '0'; c <= '9'; ++c) classes[c] = Sb::numeric;
  classes['.'] = Sb::aterm;
  classes['!'] = Sb::sterm;
  classes['?'] = Sb::sterm;
  for (char c : {'"', '\'', '(', ')', '[', ']', '{', '}'}) classes[static_cast<unsigned char>(c)] = Sb::close;
  for (char c : {',', '-', ':'}) classes[static_cast<unsigned char>(c)] = Sb::scontinue;
  return classes;
}
constexpr std::array<Sb, 128> kClasses = make_classes();

bool is_terminator(Sb c) { return c == Sb::aterm || c == Sb::sterm; }
bool is_separator(Sb c) { return c == Sb::cr || c == Sb::lf; }

}  // namespace

void Suppressions::Trie::add(std::string_view key, std::uint8_t value) {
  std::uint32_t node = 0;
  for (char c : key) {
    std::uint32_t child = next(node, c);
    if (child == 0) {
      child = static_cast<std::uint32_t>(nodes.size());
      nodes[node].children.emplace_back(c, child);  // before the push: it may move the nodes
      nodes.emplace_back();
    }
    node = child;
  }
  nodes[node].value = value;
}

std::uint32_t Suppressions::Trie::next(std::uint32_t node, char c) const {
  for (const auto& [letter, child] : nodes[node].children) {
    if (letter == c) return child;
  }
  return 0;
}

Suppressions::Suppressions(const std::vector<std::string>& suppressions) {
  // As FilteredBreakIteratorBuilder builds its tries: an abbreviation with a
  // dot inside ("U.S.") is found backwards by its part up to the first dot
  // ("U.", one entry for all that share it) and then checked forwards whole;
  // any other ("Mr.") is found backwards whole.
  std::vector<std::string> words = suppressions;
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  //
  // The words that share a part up to their first dot ("U.", "U.K.", "U.S.")
  // are neighbours once sorted, so one pass over the sorted list finds each
  // such family (ICU compares every pair, which is quadratic). A family with
  // a dot inside any member goes forwards whole, its part backwards once.
  std::vector<bool> forwards(words.size(), false);
  for (std::size_t begin = 0; begin < words.size();) {
    const std::size_t dot = words[begin].find('.');
    if (dot == std::string::npos) {
      ++begin;
      continue;
    }
    const std::string_view prefix(words[begin].data(), dot + 1);
    bool dot_inside = false;
    std::size_t end = begin;
    for (; end < words.size() && std::string_view(words[end]).starts_with(prefix); ++end) {
      dot_inside = dot_inside || words[end].size() > dot + 1;
    }
    if (dot_inside) {
      for (std::size_t k = begin; k < end; ++k) forwards[k] = true;
      std::string reversed(prefix);
      std::reverse(reversed.begin(), reversed.end());
      backwards_.add(reversed, kPartial);
    }
    begin = end;
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (forwards[i]) {
      forwards_.add(words[i], kMatch);
    } else {
      std::string reversed = words[i];
      std::reverse(reversed.begin(), reversed.end());
      backwards_.add(reversed, kMatch);
    }
  }
}

bool Suppressions::at(std::string_view text, std::size_t end) const {
  // Backwards from the break, over one space ("Mr. Brown"), to the longest
  // suppression that ends there.
  std::size_t pos = end;
  if (pos > 0 && text[pos - 1] == ' ') --pos;
  std::uint32_t node = 0;
  std::size_t best = std::string_view::npos;
  std::uint8_t best_value = 0;
  while (pos > 0) {
    node = backwards_.next(node, text[--pos]);
    if (node == 0) break;
    const Trie::Node& here = backwards_.nodes[node];
    if (here.value != 0) {
      best = pos;
      best_value = here.value;
    }
    if (here.children.empty()) break;
  }
  if (best == std::string_view::npos) return false;
  if (best_value == kMatch) return true;
  // A partial ("U."): the whole abbreviation must read forwards from there.
  node = 0;
  for (std::size_t k = best; k < text.size(); ++k) {
    node = forwards_.next(node, text[k]);
    if (node == 0) return false;
    if (forwards_.nodes[node].children.empty()) return true;
  }
  return true;  // the text ends inside an abbreviation: ICU counts that a match
}

AsciiSentenceBreaks::AsciiSentenceBreaks(const std::vector<std::string>& suppressions) : suppressions_(suppressions) {}

void AsciiSentenceBreaks::find(std::string_view text, std::vector<std::size_t>& ends) const {
  ends.clear();
  const std::size_t n = text.size();
  auto at = [&](std::size_t i) { return kClasses[static_cast<unsigned char>(text[i]) & 0x7F]; };
  auto add_break = [&](std::size_t end) {
    if (end < n && !suppressions_.at(text, end)) ends.push_back(end);
  };
  std::size_t i = 0;
  while (i < n) {
    const Sb c = at(i);
    if (c == Sb::cr || c == Sb::lf) {  // SB3, SB4: after a line break, CR LF as one
      i += c == Sb::cr && i + 1 < n && at(i + 1) == Sb::lf ? 2 : 1;
      add_break(i);
      continue;
    }
    if (!is_terminator(c)) {
      ++i;
      // Most of a paragraph holds no terminator and no line break: eight bytes at a time.
      while (i + 8 <= n) {
        const std::uint64_t block = ascii_blocks::load(text.data() + i);
        if (ascii_blocks::has_byte(block, '.') || ascii_blocks::has_byte(block, '!') ||
            ascii_blocks::has_byte(block, '?') || ascii_blocks::has_byte(block, '\n') ||
            ascii_blocks::has_byte(block, '\r')) {
          break;
        }
        i += 8;
      }
      continue;
    }
    std::size_t j = i + 1;
    if (c == Sb::aterm && j < n) {
      // SB6 "3.5"; SB7 "U.S" (a letter, the dot, a capital).
      if (at(j) == Sb::numeric) {
        i = j;
        continue;
      }
      if (at(j) == Sb::upper && i > 0 && (at(i - 1) == Sb::upper || at(i - 1) == Sb::lower)) {
        i = j;
        continue;
      }
    }
    while (j < n && at(j) == Sb::close) ++j;  // SB9
    while (j < n && at(j) == Sb::sp) ++j;     // SB10
    if (j == n) break;
    const Sb next = at(j);
    if (is_separator(next)) {  // SB11 with the separator
      j += next == Sb::cr && j + 1 < n && at(j + 1) == Sb::lf ? 2 : 1;
      add_break(j);
      i = j;
      continue;
    }
    if (next == Sb::scontinue || is_terminator(next)) {  // SB8a "?!", "etc.,"
      i = j;
      continue;
    }
    if (c == Sb::aterm) {  // SB8: a lower-case letter comes before any other letter, terminator or separator
      std::size_t k = j;
      while (k < n && !(at(k) == Sb::lower || at(k) == Sb::upper || is_terminator(at(k)) || is_separator(at(k)))) ++k;
      if (k < n && at(k) == Sb::lower) {
        i = k;
        continue;
      }
    }
    add_break(j);  // SB11
    i = j;
  }
  if (n > 0) ends.push_back(n);
}

}  // namespace crosscheck
