#include "claims/word_classes.h"

#include <initializer_list>
#include <string_view>

namespace crosscheck::claims {

void add_word_classes(PhraseIndex& index) {
  auto add = [&](std::uint32_t word_class, std::initializer_list<std::string_view> words) {
    for (std::string_view word : words) index.add_to_classes(word, word_class);
  };
  add(kLocative,
      {"in", "at", "across", "into", "from", "of", "on", "near", "throughout", "inside", "around", "within", "to"});
  add(kClauseBoundary, {",", ";", ":", "(", ")", "\xE2\x80\x94", "\xE2\x80\x93", "\""});
  add(kConjunction, {"and", "or", "but"});
  add(kContrast, {"while", "whereas"});
  add(kBeforePlace, {"the", "its", "southern", "northern"});
  add(kPlaceAdjective, {"eastern", "western", "central", "besieged", "occupied"});
  add(kEndsShareBase,
      {"into", "to", "in", "from", "were", "are", "was", "is", "have", "has", "had", "remain", "remained", "be"});
  add(kAuxiliary, {"has", "have", "had", "also", "reportedly"});
  add(kPlacePreposition, {"in", "across", "throughout", "near"});
  add(kPlaceNoun, {"town", "village", "city", "camp", "province", "district", "neighborhood", "neighbourhood", "region",
                   "suburb", "governorate"});
  add(kTotalNoun, {"total", "figure"});
  add(kManyPlaces, {"countries", "sides", "nations"});
  add(kBeforeVerb, {"also",    "has",        "had", "have", "then",  "later", "earlier",  "previously", "again",
                    "further", "separately", "not", "does", "did",   "do",    "would",    "will",       "could",
                    "may",     "might",      "can", "now",  "still", "first", "recently", "last",       "week"});
  add(kPronoun, {"he", "she", "they", "it"});
  add(kClauseOpener, {"that", "which", "who", "when", "after"});
  add(kDeterminer, {"a", "an", "the", "its", "their", "his", "her"});
  add(kSourceNoun, {"officials", "official", "spokesman",    "spokeswoman",  "spokesperson", "ministry",   "agency",
                    "agencies",  "group",    "monitor",      "office",       "authorities",  "authority",  "police",
                    "military",  "army",     "government",   "sources",      "witnesses",    "residents",  "medics",
                    "doctors",   "rescuers", "organization", "organisation", "committee",    "council",    "department",
                    "diplomats", "analysts", "experts",      "broadcaster",  "observers",    "organizers", "organisers",
                    "minister",  "director", "mayor",        "governor",     "president",    "commander",  "service",
                    "services",  "workers",  "resident",     "witness",      "survivor",     "source",     "doctor",
                    "medic",     "rescuer",  "officer",      "spokesmen",    "chief",        "head",       "secretary",
                    "envoy"});
  add(kNotInSubject,
      {"for", "of",   "in",   "on",   "at",  "from", "with", "by",  "that", "which", "who",  "when", "after",
       "as",  "said", "says", "told", "was", "were", "is",   "are", "been", "be",    "time", "week", "day"});
  add(kSubordinator, {"after", "before", "because", "when", "while", "although", "though", "until"});
  add(kCitedThing,
      {"figures", "data", "numbers", "statistics", "estimates", "a", "tally", "count", "from", "by", "the", "of"});
  add(kFiguresNoun, {"figures", "data", "tally", "count"});
  add(kReleaseVerb, {"reported", "released", "compiled"});
  add(kCueWord, {"according", "per", "by", "citing"});
  add(kScopeWord, {"on", "of", "in", "since", "combined", "together", "both"});
  add(kAnd, {"and"});
  add(kNameJoiner, {"al", "-"});
}

}  // namespace crosscheck::claims
