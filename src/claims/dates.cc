#include "claims/dates.h"

#include <algorithm>
#include <bitset>
#include <cctype>
#include <iterator>
#include <string>
#include <vector>

#include "claims/cues.h"
#include "core/packed_word_map.h"
#include "crosscheck/core.h"
#include "crosscheck/language.h"
#include "lexicon/pack_tables.h"

namespace crosscheck::claims {

namespace {

// The calendar of the language pack in use (rules/lexicon/en/calendar.yaml
// for English): months January first, weekdays Sunday first.
struct Calendar {
  explicit Calendar(const LanguagePack& pack)
      : months(pack.months.begin(), pack.months.end()),
        weekdays(pack.weekdays.begin(), pack.weekdays.end()),
        ambiguous_months(pack.ambiguous_months.begin(), pack.ambiguous_months.end()) {
    for (const std::string& abbreviation : pack.month_abbreviations) {
      abbreviations.add(abbreviation);
      note_start(abbreviation);
    }
    for (std::string_view name : months) note_start(name);
    for (std::string_view name : weekdays) note_start(name);
  }
  // Whether a lower-cased word's first two bytes, and the first three of a
  // longer word, may begin a calendar word: the places code asks of every
  // capitalized word, and most are not ("The", "Mark" and "Sales" pass the
  // first two bytes). A word of three bytes or more is a calendar word, or
  // a misspelled month, only if it starts as one of three bytes or more does.
  bool may_start(std::string_view lower) const {
    if (lower.size() < 2 || !starts_[key(lower)]) return false;
    return lower.size() == 2 || short_names_ || starts3_[key3(lower)];
  }
  // Whether `month` is also a common word, a month only as a name ("May").
  bool ambiguous(std::string_view month) const {
    return std::find(ambiguous_months.begin(), ambiguous_months.end(), month) != ambiguous_months.end();
  }
  std::vector<std::string_view> months, weekdays, ambiguous_months;
  WordSet abbreviations;

 private:
  static std::size_t key(std::string_view lower) {
    return static_cast<unsigned char>(lower[0]) << 8 | static_cast<unsigned char>(lower[1]);
  }
  // The first three bytes hashed into the 65,536 bits of starts3_.
  static std::size_t key3(std::string_view lower) {
    const std::uint32_t bytes = static_cast<unsigned char>(lower[0]) << 16 | static_cast<unsigned char>(lower[1]) << 8 |
                                static_cast<unsigned char>(lower[2]);
    return (bytes * 0x9E3779B1u) >> 16;
  }
  void note_start(std::string_view name) {
    if (name.size() < 2) return;
    // Weekdays are written as names ("Sunday"): their lower-case start too.
    const char first = name[0] >= 'A' && name[0] <= 'Z' ? static_cast<char>(name[0] + 32) : name[0];
    starts_.set(static_cast<unsigned char>(first) << 8 | static_cast<unsigned char>(name[1]));
    std::string lower(name.substr(0, 3));  // all three lower-cased: a wider net than the words' own
    for (char& c : lower) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
    if (lower.size() == 3) {
      starts3_.set(key3(lower));
    } else {
      short_names_ = true;  // a name of two bytes: only the first test holds
    }
  }
  std::bitset<1 << 16> starts_, starts3_;
  bool short_names_ = false;
};

const Calendar& calendar() { return PackTables<Calendar>::get(); }

// Whether `word` is the lower-case `month` written as a name: "May".
bool is_name_of(const Word& word, std::string_view month) {
  return word.text.size() == month.size() && !month.empty() &&
         word.text.front() == std::toupper(static_cast<unsigned char>(month.front())) &&
         word.text.substr(1) == month.substr(1);
}

// The day a weekday names in an article published on `published`: the
// latest such day on or before it ("on Sunday" in a Monday story).
Date weekday_before(const Date& published, int weekday) {
  const long today = day_number(published);
  const int today_weekday = static_cast<int>(((today % 7) + 11) % 7);  // 1970-01-01 was a Thursday (4)
  const int back = (today_weekday - weekday + 7) % 7;
  return date_of_day_number(today - back);
}

// "Oct. 7", "October 7", "June 9" at word i, in the latest year that does
// not put it after `published` ("since Oct. 7" in a May story is last year's).
std::optional<Date> month_day(std::span<const Word> words, std::size_t i, const Date& published) {
  if (i >= words.size() || !words[i].capitalized) return std::nullopt;
  const std::string_view month = words[i].lower.substr(0, std::min<std::size_t>(3, words[i].lower.size()));
  const std::vector<std::string_view>& months = calendar().months;
  const auto found =
      std::find_if(months.begin(), months.end(), [&](std::string_view name) { return name.substr(0, 3) == month; });
  // "may" is a month only as the name "May", never the verb.
  if (found == months.end() || (calendar().ambiguous(*found) && !is_name_of(words[i], *found))) return std::nullopt;
  std::size_t k = i + 1;
  if (k < words.size() && words[k].text == ".") ++k;
  if (k >= words.size() || words[k].text.empty() || words[k].text.size() > 2) return std::nullopt;
  int day = 0;
  for (char c : words[k].text) {
    if (c < '0' || c > '9') return std::nullopt;
    day = day * 10 + (c - '0');
  }
  Date date{published.year, static_cast<int>(found - months.begin()) + 1, day};
  if (!parse_date(format_as(date))) return std::nullopt;
  if (date > published) --date.year;
  return date;
}

// The day of the week `word` names (Sunday first), if it names one.
std::optional<int> weekday_of(const Word& word) {
  const std::vector<std::string_view>& weekdays = calendar().weekdays;
  for (std::size_t day = 0; day < weekdays.size(); ++day) {
    if (word.text == weekdays[day]) return static_cast<int>(day);
  }
  return std::nullopt;
}

// What a date cue of the pack says of the words from k: "on Sunday", "as
// of Saturday", "on June 9" (the day the figure stands for); "in 1989" (a
// figure of an earlier year: "the 1.5 million who marched in 1989"); "since
// Oct. 7" (the start of the figure's scope).
void read_date(CompiledCue::Date date, std::span<const Word> words, std::size_t k, const Date& published,
               SentenceDates& dates) {
  if (date == CompiledCue::Date::day) {
    if (const std::optional<int> day = weekday_of(words[k])) dates.reference_date = weekday_before(published, *day);
    if (const std::optional<Date> found = month_day(words, k, published)) dates.reference_date = found;
  } else if (date == CompiledCue::Date::year) {
    if (words[k].text.size() == 4 && std::all_of(words[k].text.begin(), words[k].text.end(), ::isdigit)) {
      const int year = std::stoi(std::string(words[k].text));
      if (year >= 1800 && year < published.year) {
        dates.reference_date = Date{year, 1, 1};
        dates.earlier_year = k;
        dates.year_date = dates.reference_date;
      }
    } else if (is_weekday_or_month(words[k]) && k + 1 < words.size() && !is_weekday_or_month(words[k + 1])) {
      read_date(date, words, k + 1, published, dates);  // "in December 2004": one step, never a chain
    }
  } else if (date == CompiledCue::Date::since) {
    if (const std::optional<Date> start = month_day(words, k, published)) dates.since = start;
  }
}

}  // namespace

bool is_weekday_or_month(const Word& word) {
  const Calendar& names = calendar();
  if (!names.may_start(word.lower)) return false;
  for (std::string_view day : names.weekdays) {
    if (word.text == day) return true;
  }
  if (names.abbreviations.contains(word.lower)) return true;
  for (std::string_view month : names.months) {
    if (word.lower == month) return true;
    // A misspelling keeps the first three letters and is not the month
    // with letters after it (a name such as "Augusta").
    if (word.lower.size() >= 6 && word.lower.starts_with(month.substr(0, 3)) && !word.lower.starts_with(month) &&
        edit_distance(word.lower, month) <= 2) {
      return true;
    }
  }
  return false;
}

SentenceDates find_dates(const SentenceView& sentence, const std::optional<Date>& published) {
  SentenceDates dates{published, std::nullopt, std::nullopt, std::nullopt, std::nullopt};
  if (!published) return dates;
  const std::span<const Word> words = sentence.words;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    if (!in_class(words[i], kScopeWord)) continue;
    for (const CompiledCue& cue : cue_tables().dates) {
      const std::size_t k = match_cue(sentence, cue, i);
      if (k == 0 || k >= words.size()) continue;
      read_date(cue.date, words, k, *published, dates);
      if (cue.date == CompiledCue::Date::since && !dates.since_word) dates.since_word = i;
    }
  }
  // "killed in Sunday's blast": the day of the event a weekday's possessive
  // names, where no cue gave a day.
  if (dates.reference_date == published) {
    for (std::size_t i = 0; i + 2 < words.size(); ++i) {
      if (!is_apostrophe(words[i + 1]) || words[i + 2].lower != "s" || words[i + 1].begin != words[i].end) continue;
      if (const std::optional<int> day = weekday_of(words[i])) {
        dates.reference_date = weekday_before(*published, *day);
        break;
      }
    }
  }
  return dates;
}

}  // namespace crosscheck::claims
