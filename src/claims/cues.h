// The language pack's cue phrases (rules/lexicon/en/cues.yaml for
// English) made ready for the claims steps: their words to compare and
// their word classes as bits, built once per pack. Private to src/claims/.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "claims/sentence_view.h"
#include "crosscheck/claims.h"
#include "crosscheck/language.h"

namespace crosscheck::claims {

struct CompiledCue {
  enum class Date : std::uint8_t { none, day, year, since };
  std::string_view name;  // written into a claim ("according to")
  std::vector<std::string_view> words;
  bool has_next = false;  // the word after must be:
  std::uint64_t next_classes = 0;
  bool next_capitalized = false, next_metric = false;
  std::uint64_t after = 0;         // the class of the word before; 0: any
  bool after_capitalized = false;  // the word before must be capitalized ("A Reuters tally")
  std::uint64_t skip = 0;          // the class of words skipped after it
  Date date = Date::none;
  bool source_before = false, known_source = false, cited = false;
  Scope scope = Scope::story;  // scope cues: the scope it gives
};

struct CueTables {
  explicit CueTables(const LanguagePack& pack);
  std::vector<CompiledCue> sources, dates, places, scopes;  // in the pack's order
};

// The tables of the pack in use.
const CueTables& cue_tables();

// Whether a word is a cue's word. An apostrophe is written two ways, "'" and
// U+2019: the same mark, not two words (as the tokenizer's punctuation is
// structural, not language data).
inline bool same_cue_word(const Word& word, std::string_view cue_word) {
  return word.lower == cue_word || (cue_word == "'" && word.text == "\xE2\x80\x99");
}

// Where `cue` ends if it is at word `i` (past its words), or 0 if it is not.
std::size_t match_cue(const SentenceView& sentence, const CompiledCue& cue, std::size_t i);

}  // namespace crosscheck::claims
