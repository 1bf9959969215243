#include "claims/phrase_index.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "core/ascii_blocks.h"
#include "core/control_sequences.h"

namespace crosscheck::claims {

namespace {

constexpr bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_word_byte(char c) {
  return is_ascii_letter(c) || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
}

// Whether the UTF-8 sequence at `i` is punctuation we split on: curly quotes,
// dashes, the right single quote used as an apostrophe.
std::size_t punctuation_length(std::string_view text, std::size_t i) {
  if (static_cast<unsigned char>(text[i]) == 0xE2 && i + 2 < text.size() &&
      static_cast<unsigned char>(text[i + 1]) == 0x80) {
    const auto third = static_cast<unsigned char>(text[i + 2]);
    if (third >= 0x90 && third <= 0x9F) return 3;  // dashes and curly quotes (U+2010..U+201F)
  }
  if (static_cast<unsigned char>(text[i]) == 0xC2 && i + 1 < text.size() &&
      (static_cast<unsigned char>(text[i + 1]) == 0xAB || static_cast<unsigned char>(text[i + 1]) == 0xBB ||
       static_cast<unsigned char>(text[i + 1]) == 0xA0)) {
    return 2;  // guillemets, no-break space
  }
  return 0;
}

}  // namespace

void lower_ascii(std::string_view text, std::string& lower) {
  lower.assign(text);
  char* data = lower.data();
  const std::size_t n = lower.size();
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {  // eight bytes at a time: this runs over every article
    const std::uint64_t block = ascii_blocks::lower_case(ascii_blocks::load(data + i));
    std::memcpy(data + i, &block, 8);
  }
  for (; i < n; ++i) {
    if (data[i] >= 'A' && data[i] <= 'Z') data[i] = static_cast<char>(data[i] + 32);
  }
}

namespace {

// What an ASCII byte is to the word splitter.
enum class ByteKind : std::uint8_t { space, word, mark };

constexpr std::array<ByteKind, 128> make_byte_kinds() {
  std::array<ByteKind, 128> kinds{};
  for (auto& kind : kinds) kind = ByteKind::mark;
  for (char c : {' ', '\n', '\t', '\r'}) kinds[static_cast<unsigned char>(c)] = ByteKind::space;
  for (int c = 0; c < 128; ++c) {
    if (is_word_byte(static_cast<char>(c))) kinds[c] = ByteKind::word;
  }
  return kinds;
}
constexpr std::array<ByteKind, 128> kByteKinds = make_byte_kinds();

// Calls `on_word(begin, end, punctuation)` for every word and punctuation
// mark of `text`: a word is a run of ASCII letters and digits and of other
// UTF-8 characters; a mark is one other ASCII character or one of the
// multi-byte marks of punctuation_length(). Spaces and no-break spaces part
// them. A false return from `on_word` ends the scan.
template <typename OnWord>
void scan_words(std::string_view text, OnWord&& on_word) {
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t begin = i;
    bool punctuation = false;
    if (const std::size_t sequence = c == 0x1B || c == 0xC2 ? csi_length(text, i) : 0; sequence != 0) {
      i += sequence;  // a terminal's colour or cursor code: shown as nothing
      continue;
    }
    if (c < 0x80 && kByteKinds[c] != ByteKind::word) {
      ++i;
      if (kByteKinds[c] == ByteKind::space) continue;
      punctuation = true;
    } else if (const std::size_t mark = c < 0x80 ? 0 : punctuation_length(text, i); mark != 0) {
      i += mark;
      if (mark == 2 && text[begin + 1] == '\xA0') continue;  // a no-break space
      punctuation = true;
    } else {
      for (++i; i < n; ++i) {
        // Eight ASCII letters and digits at a time, then one byte.
        while (i + 8 <= n) {
          const std::size_t run =
              ascii_blocks::leading_lanes(ascii_blocks::alphanumeric_lanes(ascii_blocks::load(&text[i])));
          i += run;
          if (run < 8) break;
        }
        if (i >= n) break;
        const auto d = static_cast<unsigned char>(text[i]);
        if (d < 0x80 ? kByteKinds[d] != ByteKind::word : punctuation_length(text, i) != 0) break;
        if (d == 0xC2 && csi_length(text, i) != 0) break;
      }
    }
    if (!on_word(begin, i, punctuation)) return;
  }
}

}  // namespace

void split_words(std::string_view text, std::string_view lower, std::vector<Word>& words) {
  words.clear();
  scan_words(text, [&](std::size_t begin, std::size_t end, bool punctuation) {
    Word& word = words.emplace_back();
    word.begin = static_cast<std::uint32_t>(begin);
    word.end = static_cast<std::uint32_t>(end);
    word.text = text.substr(begin, end - begin);
    word.lower = lower.substr(begin, end - begin);
    word.punctuation = punctuation;
    word.capitalized = !punctuation && text[begin] >= 'A' && text[begin] <= 'Z';
    return true;
  });
}

void PhraseIndex::add(std::string_view phrase, PhraseKind kind, std::uint32_t target) {
  std::string lower;
  lower_ascii(phrase, lower);
  std::vector<Word> words;
  split_words(phrase, lower, words);
  if (words.empty()) return;
  Phrase entry;
  entry.case_sensitive = words.front().capitalized;
  entry.kind = kind;
  entry.target = target;
  for (const Word& word : words) {
    entry.lower_words.emplace_back(word.lower);
    entry.words.emplace_back(word.text);
  }
  const std::string& first = entry.lower_words.front();
  std::uint32_t& group = words_.insert(first)->group;  // valid: nothing else is inserted below
  if (group == 0) {
    groups_.emplace_back();
    group = static_cast<std::uint32_t>(groups_.size());
  }
  // Its longest word (the first of equals) stands for the phrase in longest_words():
  // "enclave" for "the enclave"; never the "." of "U.S.".
  std::size_t rarest = words.size() - 1;
  for (std::size_t k = 0; k < words.size(); ++k) {
    const bool better_kind = words[rarest].punctuation && !words[k].punctuation;
    const bool same_kind = words[rarest].punctuation == words[k].punctuation;
    if (better_kind || (same_kind && words[k].lower.size() > words[rarest].lower.size())) rarest = k;
  }
  longest_words_[static_cast<std::size_t>(kind)].push_back(entry.lower_words[rarest]);
  // Sorted once, by finish(): sorting on every insertion made a lexicon whose
  // names share a first word ("Saint ...", "the ...") quadratic to load.
  groups_[group - 1].push_back(std::move(entry));
}

void PhraseIndex::finish() {
  for (auto& list : groups_) {
    std::stable_sort(list.begin(), list.end(),
                     [](const Phrase& a, const Phrase& b) { return a.words.size() > b.words.size(); });
  }
}

void PhraseIndex::add_to_classes(std::string_view lower_word, std::uint64_t classes) {
  words_.insert(lower_word)->classes |= classes;
}

void PhraseIndex::find_all(std::vector<Word>& words, std::vector<PhraseMatch>& matches) const {
  matches.clear();
  for (std::size_t i = 0; i < words.size(); ++i) {
    const WordEntry* entry = words_.find(words[i].lower);
    if (!entry) continue;
    words[i].classes = entry->classes;
    if (entry->group == 0) continue;
    std::size_t metric_words = 0;  // of the longest metric phrase found here
    for (const Phrase& phrase : groups_[entry->group - 1]) {
      const std::size_t n = phrase.lower_words.size();
      if (i + n > words.size()) continue;
      // "claimed the lives of 32": the verb is inside a metric phrase (the
      // group's longest come first), no one's claim.
      if (phrase.kind == PhraseKind::verb && n < metric_words) continue;
      bool match = true;
      for (std::size_t k = 0; k < n && match; ++k) {
        match =
            phrase.case_sensitive ? words[i + k].text == phrase.words[k] : words[i + k].lower == phrase.lower_words[k];
        // Curly and straight apostrophes are one.
        if (!match && (phrase.words[k] == "'" || phrase.words[k] == "\xE2\x80\x99")) {
          match = words[i + k].text == "'" || words[i + k].text == "\xE2\x80\x99";
        }
      }
      if (!match) continue;
      matches.push_back({i, i + n, phrase.kind, phrase.target});
      if (phrase.kind == PhraseKind::metric) metric_words = std::max(metric_words, n);
    }
  }
}

}  // namespace crosscheck::claims
