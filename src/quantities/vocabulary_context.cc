// Words around a number that make it something other than a figure: months,
// time units, ordinals, identifiers ("flight 17"), street names.
#include <string_view>

#include "quantities/vocabulary.h"

namespace crosscheck::quantities {

bool is_month(std::string_view lower) {
  static const WordSet words = {"january", "february", "march",    "april", "june", "july", "august", "september",
                                "october", "november", "december", "jan",   "feb",  "mar",  "apr",    "jun",
                                "jul",     "aug",      "sep",      "sept",  "oct",  "nov",  "dec"};
  return words.contains(lower);
}

bool is_time_unit(std::string_view lower) {
  static const WordSet words = {"second", "seconds", "minute",  "minutes",   "hour",     "hours",  "day",
                                "days",   "week",    "weeks",   "month",     "months",   "year",   "years",
                                "decade", "decades", "century", "centuries", "night",    "nights", "fortnight",
                                "hrs",    "mins",    "secs",    "yrs",       "millennia"};
  return words.contains(lower);
}

bool is_ordinal_word(std::string_view lower) {
  static const WordSet words = {"first",      "second",     "third",     "fourth",     "fifth",       "sixth",
                                "seventh",    "eighth",     "ninth",     "tenth",      "eleventh",    "twelfth",
                                "thirteenth", "fourteenth", "fifteenth", "sixteenth",  "seventeenth", "eighteenth",
                                "nineteenth", "twentieth",  "thirtieth", "fortieth",   "fiftieth",    "hundredth",
                                "thousandth", "millionth",  "last",      "penultimate"};
  return words.contains(lower);
}

bool is_identifier_word(std::string_view lower) {
  static const WordSet words = {
      "no",      "nos",      "nr",    "nrs",       "number",   "article",   "articles",  "resolution", "flight",
      "route",   "highway",  "room",  "section",   "chapter",  "page",      "pages",     "vol",        "volume",
      "version", "platform", "gate",  "terminal",  "level",    "category",  "class",     "track",      "episode",
      "season",  "item",     "rule",  "paragraph", "clause",   "amendment", "apollo",    "ward",       "block",
      "unit",    "bus",      "line",  "exit",      "channel",  "channels",  "iphone",    "windows",    "ios",
      "android", "v",        "p",     "pp",        "fig",      "figure",    "table",     "grade",      "phase",
      "stage",   "tier",     "model", "type",      "code",     "box",       "suite",     "apt",        "floor",
      "pier",    "covid",    "sars",  "mh",        "regiment", "brigade",   "battalion", "squadron"};
  return words.contains(lower);
}

bool is_street_word(std::string_view lower) {
  static const WordSet words = {"street", "st",    "avenue", "ave",     "road",    "rd",     "boulevard",
                                "blvd",   "lane",  "ln",     "drive",   "dr",      "way",    "place",
                                "plaza",  "court", "ct",     "terrace", "highway", "parkway"};
  return words.contains(lower);
}

}  // namespace crosscheck::quantities
