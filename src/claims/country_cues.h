// The lexicon's country cues (`country_cues:`, see crosscheck/lexicon.h): names
// of institutions and offices that say which country a story is in when it
// names no place ("the Senate passed a $1 trillion package" is a story of the
// United States by its "Senate"). Private to src/claims/.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "claims/phrase_index.h"
#include "crosscheck/lexicon.h"

namespace crosscheck::claims {

class CountryCues {
 public:
  explicit CountryCues(const Lexicon& lexicon);

  bool empty() const { return by_first_word_.empty(); }

  // Adds to `mentions` (by the lexicon's country_cues index, grown as needed)
  // one for each cue among `words`, matched as written, whole words; with
  // `within_names` (a sentence, not a title), not one that a capitalized
  // word before it makes the end of a longer name ("Christian Democrats").
  void count(std::span<const Word> words, bool within_names, std::vector<int>& mentions) const;

  // Whether `text` may hold a cue: a capitalized word that begins one.
  // Read from its bytes, so that a sentence without any need not be split
  // into words; it errs towards yes.
  bool may_hold(std::string_view text) const;

  // The place of the cue with the most mentions (the first among equals);
  // empty when none was mentioned.
  std::string_view most_mentioned(const std::vector<int>& mentions) const;

 private:
  struct Cue {
    std::vector<std::string> words;  // as written
    std::size_t place = 0;           // index into the lexicon's country_cues
  };
  const Lexicon& lexicon_;
  // By the first word, a view into the lexicon's name (which outlives this):
  // looked up without a copy, since every capitalized word of a story is.
  std::unordered_map<std::string_view, std::vector<Cue>> by_first_word_;  // longest first
  std::uint64_t first_word_lengths_ = 0;  // bit n: some cue's first word has n bytes (n < 64)
};

}  // namespace crosscheck::claims
