#include "claims/cues.h"

#include "lexicon/pack_tables.h"

namespace crosscheck::claims {

namespace {

CompiledCue compile(const LanguagePack::CuePhrase& phrase) {
  CompiledCue cue;
  cue.name = phrase.name;
  cue.words.assign(phrase.words.begin(), phrase.words.end());
  cue.has_next = !phrase.next.empty();
  for (const std::string& next : phrase.next) {
    cue.next_capitalized = cue.next_capitalized || next == "capitalized";
    cue.next_metric = cue.next_metric || next == "metric";
    cue.next_classes |= word_class_bit(next);
  }
  cue.after = word_class_bit(phrase.after);
  cue.after_capitalized = phrase.after == "capitalized";
  cue.skip = word_class_bit(phrase.skip);
  cue.date = phrase.date == "day"     ? CompiledCue::Date::day
             : phrase.date == "year"  ? CompiledCue::Date::year
             : phrase.date == "since" ? CompiledCue::Date::since
                                      : CompiledCue::Date::none;
  cue.source_before = phrase.source_before;
  cue.known_source = phrase.known_source;
  cue.cited = phrase.cited;
  cue.scope = scope_named(phrase.scope);
  return cue;
}

std::vector<CompiledCue> compile_all(const std::vector<LanguagePack::CuePhrase>& phrases) {
  std::vector<CompiledCue> cues;
  for (const LanguagePack::CuePhrase& phrase : phrases) cues.push_back(compile(phrase));
  return cues;
}

}  // namespace

CueTables::CueTables(const LanguagePack& pack)
    : sources(compile_all(pack.source_cues)),
      dates(compile_all(pack.date_cues)),
      places(compile_all(pack.place_cues)),
      scopes(compile_all(pack.scope_cues)) {}

const CueTables& cue_tables() { return PackTables<CueTables>::get(); }

std::size_t match_cue(const SentenceView& sentence, const CompiledCue& cue, std::size_t i) {
  const std::span<const Word> words = sentence.words;
  const std::size_t end = i + cue.words.size();
  if (cue.words.empty() || end > words.size()) return 0;
  for (std::size_t k = 0; k < cue.words.size(); ++k) {
    if (!same_cue_word(words[i + k], cue.words[k])) return 0;
  }
  if (cue.after != 0 && (i == 0 || !in_class(words[i - 1], cue.after))) return 0;
  if (cue.after_capitalized && (i == 0 || !words[i - 1].capitalized)) return 0;
  if (cue.has_next) {
    if (end >= words.size()) return 0;
    const bool next = in_class(words[end], cue.next_classes) || (cue.next_capitalized && words[end].capitalized) ||
                      (cue.next_metric && sentence.is_metric_word(end));
    if (!next) return 0;
  }
  return end;
}

}  // namespace crosscheck::claims
