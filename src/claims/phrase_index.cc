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

bool PhraseIndex::may_hold(std::string_view text, std::string_view lower, PhraseKind kind) const {
  // By each phrase's longest word: a first word may be as common as "the"
  // ("the enclave").
  const std::uint8_t wanted = kind_bit(kind);
  bool found = false;
  scan_words(text, [&](const Word& word) {
    const std::string_view lower_word = lower.substr(word.begin, word.end - word.begin);
    if (lower_word.size() > PackedWordMap<std::uint8_t>::kMaxLength) {
      found = (long_word_kinds_ & wanted) != 0;  // rare: be safe
    } else if (const std::uint8_t* kinds = kinds_by_word_.find(lower_word)) {
      found = (*kinds & wanted) != 0;
    }
    return !found;
  });
  return found;
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
  if (std::uint8_t* kinds = kinds_by_word_.insert(entry.lower_words[rarest])) {
    *kinds |= kind_bit(kind);
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
