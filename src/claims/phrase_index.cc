#include "claims/phrase_index.h"

#include <algorithm>

namespace crosscheck::claims {

namespace {

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_word_byte(char c) {
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
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
}

namespace {

// Calls `on_word(word)` for every word and punctuation mark of `text`, with
// `begin`, `end`, `punctuation` and `capitalized` set; `stop()` ends the scan.
template <typename OnWord>
void scan_words(std::string_view text, OnWord&& on_word) {
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      ++i;
      continue;
    }
    Word word;
    word.begin = static_cast<std::uint32_t>(i);
    if (const std::size_t length = punctuation_length(text, i); length > 0) {
      i += length;
      word.punctuation = true;
    } else if (is_word_byte(c)) {
      while (i < text.size()) {
        const char d = text[i];
        if (static_cast<unsigned char>(d) < 0x80) {
          if (!is_word_byte(d)) break;  // ASCII: letters and digits only
        } else if (punctuation_length(text, i) != 0) {
          break;
        }
        ++i;
      }
      word.capitalized = c >= 'A' && c <= 'Z';
    } else {
      ++i;
      word.punctuation = true;
    }
    word.end = static_cast<std::uint32_t>(i);
    if (word.punctuation && text.substr(word.begin, word.end - word.begin) == "\xC2\xA0") continue;  // a space
    if (!on_word(word)) return;
  }
}

}  // namespace

void split_words(std::string_view text, std::string_view lower, std::vector<Word>& words) {
  words.clear();
  scan_words(text, [&](Word& word) {
    word.text = text.substr(word.begin, word.end - word.begin);
    word.lower = lower.substr(word.begin, word.end - word.begin);
    words.push_back(word);
    return true;
  });
}

bool PhraseIndex::may_hold(std::string_view, std::string_view lower, PhraseKind kind) const {
  // By each phrase's longest word: a first word may be as common as "the"
  // ("the enclave"). The words are those of scan_words(), found without
  // making a Word of each: this runs over every sentence of an article whose
  // title and lead name no place.
  const PackedWordMap<bool>& longest_words = longest_words_[static_cast<std::size_t>(kind)];
  const std::size_t n = lower.size();
  std::size_t i = 0;
  while (i < n) {
    const auto c = static_cast<unsigned char>(lower[i]);
    if (c < 0x80 && !is_word_byte(static_cast<char>(c))) {
      ++i;  // a space or an ASCII mark
      continue;
    }
    if (const std::size_t mark = c < 0x80 ? 0 : punctuation_length(lower, i); mark != 0) {
      i += mark;  // a curly quote, a dash, a no-break space
      continue;
    }
    const std::size_t begin = i++;
    while (i < n) {
      const auto d = static_cast<unsigned char>(lower[i]);
      if (d < 0x80 ? !is_word_byte(static_cast<char>(d)) : punctuation_length(lower, i) != 0) break;
      ++i;
    }
    const std::string_view word = lower.substr(begin, i - begin);
    if (word.size() > PackedWordMap<bool>::kMaxLength) {
      if (long_word_kinds_ & kind_bit(kind)) return true;  // rare: be safe
    } else if (longest_words.find(word)) {
      return true;
    }
  }
  return false;
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
  std::uint32_t group = words_.insert(first)->group;
  if (group == 0) {
    groups_.emplace_back();
    group = static_cast<std::uint32_t>(groups_.size());
    words_.insert(first)->group = group;
  }
  // Its longest word (the last of equals) stands for the phrase in may_hold():
  // "enclave" for "the enclave"; never the "." of "U.S.".
  std::size_t rarest = words.size() - 1;
  for (std::size_t k = 0; k < words.size(); ++k) {
    const bool better_kind = words[rarest].punctuation && !words[k].punctuation;
    const bool same_kind = words[rarest].punctuation == words[k].punctuation;
    if (better_kind || (same_kind && words[k].lower.size() > words[rarest].lower.size())) rarest = k;
  }
  if (bool* found = longest_words_[static_cast<std::size_t>(kind)].insert(entry.lower_words[rarest])) {
    *found = true;
  } else {
    long_word_kinds_ |= kind_bit(kind);
  }
  auto& list = groups_[group - 1];
  list.push_back(std::move(entry));
  std::stable_sort(list.begin(), list.end(),
                   [](const Phrase& a, const Phrase& b) { return a.words.size() > b.words.size(); });
}

void PhraseIndex::add_to_classes(std::string_view lower_word, std::uint32_t classes) {
  words_.insert(lower_word)->classes |= classes;
}

void PhraseIndex::find_all(std::vector<Word>& words, std::vector<PhraseMatch>& matches) const {
  matches.clear();
  for (std::size_t i = 0; i < words.size(); ++i) {
    const WordEntry* entry = words_.find(words[i].lower);
    if (!entry) continue;
    words[i].classes = entry->classes;
    if (entry->group == 0) continue;
    for (const Phrase& phrase : groups_[entry->group - 1]) {
      const std::size_t n = phrase.lower_words.size();
      if (i + n > words.size()) continue;
      bool match = true;
      for (std::size_t k = 0; k < n && match; ++k) {
        match =
            phrase.case_sensitive ? words[i + k].text == phrase.words[k] : words[i + k].lower == phrase.lower_words[k];
        // Curly and straight apostrophes are one.
        if (!match && (phrase.words[k] == "'" || phrase.words[k] == "\xE2\x80\x99")) {
          match = words[i + k].text == "'" || words[i + k].text == "\xE2\x80\x99";
        }
      }
      if (match) matches.push_back({i, i + n, phrase.kind, phrase.target});
    }
  }
}

}  // namespace crosscheck::claims
