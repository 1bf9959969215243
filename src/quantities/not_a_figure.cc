// Numbers that are not figures: dates, years, times, ages, ordinals,
// durations, addresses, identifiers and chains of numbers ("1-2-3").

#include <algorithm>
#include <cctype>
#include <cmath>

#include "quantities/figure_reader.h"

namespace crosscheck {

namespace {
using enum quantities::ReaderRole;  // the reader words asked about here (reader_words.h)
}  // namespace

// Whether the number `core` (starting the figure at token `start`) is a
// date, year, time, age, ordinal, duration, address or identifier.
bool QuantityReader::Impl::is_not_a_figure(const Core& core, std::size_t start, bool qualified,
                                           std::string_view currency) {
  if (core.not_a_figure) return true;
  const std::size_t before = start == 0 ? SIZE_MAX : start - 1;
  const std::size_t after = core.last + 1;
  const bool integer = core.from_digits && !tokens_[core.first].decimal && core.scale == 1 && core.first == core.last;
  // Each check below only looks: their order does not change the answer.
  return is_date_or_year(core, before, after, integer, qualified, currency) ||
         is_time_age_or_duration(core, before, after, integer) ||
         is_identifier_or_address(core, before, after, integer, qualified, currency) || is_pronoun_one(core, after) ||
         is_reference_marker(core);
}

// Whether a percent sign or word at token `after` makes the number before it
// a percentage, as read_percent() reads one.
bool QuantityReader::Impl::percent_follows(std::size_t after) const {
  if (!valid(after)) return false;
  if (is_symbol(tokens_[after], U'%') && tokens_[after].gap <= 1) return true;
  bool points = false;
  return quantities::percent_phrase(lower(after), lower(after + 1), points) > 0 &&
         !quantities::is_glued_only_unit(lower(after));
}

// A citation's numbers in square brackets: "[13]", "[6,27]", "Refs. [1–5]".
// Only numbers, commas and dashes may stand between the brackets; a few
// tokens each way, so that a bracket far off decides nothing.
bool QuantityReader::Impl::is_reference_marker(const Core& core) const {
  constexpr std::size_t kReach = 8;
  const auto inside = [&](std::size_t k) {
    const Token& token = tokens_[k];
    return (token.kind == TokenKind::number && !token.decimal) || is_symbol(token, U',') || is_dash(token);
  };
  std::size_t k = core.first;
  for (std::size_t steps = 0; k > 0 && steps < kReach && inside(k - 1); ++steps) --k;
  if (k == 0 || !is_symbol(tokens_[k - 1], U'[')) return false;
  std::size_t m = core.last + 1;
  for (std::size_t steps = 0; valid(m) && steps < kReach && inside(m); ++steps) ++m;
  return valid(m) && is_symbol(tokens_[m], U']');
}

// `before` is the token before the figure (SIZE_MAX at the start), `after` the
// token after the number; `integer`: a plain integer in digits.
bool QuantityReader::Impl::is_date_or_year(const Core& core, std::size_t before, std::size_t after, bool integer,
                                           bool qualified, std::string_view currency) const {
  const double v = core.value;

  // Dates: "Oct. 7", "Sept. 10, 2023", "May 6", "7 October".
  if (integer && v >= 1 && v <= 31) {
    // Not "In August 20-30% of crops", "By March 10-15 people": a range that counts.
    const bool counted_range = valid(after + 1) && is_dash(tokens_[after]) && touching(after) && touching(after + 1) &&
                               tokens_[after + 1].kind == TokenKind::number &&
                               (percent_follows(after + 2) || counted_after(after + 2));
    if (month_before(before) && !percent_follows(after) && !counted_range) return true;
    if (quantities::is_month(lower(after)) && !quantities::is_verb_month(lower(after))) return true;
    if (quantities::starts_with_verb_month_name(original(after)) || month_name(after)) return true;
    // "Sept. 20-24": the last day of a range of dates (not "In August 20-30%
    // of crops", "By March 10-15 people had died").
    if (before != SIZE_MAX && before >= 2 && is_dash(tokens_[before]) && touching(before) && touching(core.first) &&
        tokens_[before - 1].kind == TokenKind::number && !tokens_[before - 1].decimal &&
        tokens_[before - 1].value >= 1 && tokens_[before - 1].value <= 31 && month_before(before - 2) &&
        !percent_follows(after) && !counted_after(after)) {
      return true;
    }
  }
  // Years: "in 2023", "since 2011", "since at least 2005" (but "2000 people",
  // "more than 2000").
  if (integer && !tokens_[core.first].grouped && tokens_[core.first].integer_digits == 4 && v >= 1800 && v <= 2100 &&
      (!qualified || (before != SIZE_MAX && is(before, kYearPreposition))) && currency.empty() &&
      !counted_after(after)) {
    return true;
  }
  return false;
}

// Whether the token `before` a number (SIZE_MAX for none), or the one before
// its dot, is a month: "May 6", "Sept. 10". An ambiguous month counts only
// written as a name: "6 march" is not a date, "6 March" (or "6 Marches") is.
// A dot after a month's whole name ends a sentence: "in June. 3-4 people".
bool QuantityReader::Impl::month_before(std::size_t before) const {
  if (before == SIZE_MAX || !valid(before)) return false;
  if (is_symbol(tokens_[before], U'.')) return before > 0 && quantities::is_month_abbreviation(lower(before - 1));
  return quantities::is_month(lower(before)) || month_name(before);
}

// Whether token `after` says the number before it counts something: a
// counted noun, a unit, a percent ("2023 percent", "2000 people").
bool QuantityReader::Impl::counted_after(std::size_t after) const {
  const std::string_view next = lower(after);
  return quantities::is_counted_noun(next) || !quantities::find_unit_word(next).empty() || is(after, kCountsYear) ||
         (valid(after) && is_symbol(tokens_[after], U'%'));
}

// Whether an address's street name starts at token k: up to three
// capitalized words, initials ("E") or ordinals ("71st"), then a street
// word: "Downing Street", "E 71st St", "Zorro Ranch Road". A name of three
// words or more must end at its street word, before a sign, the end or a
// small word ("and", "in"), and hold none: in a title "Gunmen Kill 15 At
// Kabul Court" or "40 Lagos State Road Safety officials" name no street.
bool QuantityReader::Impl::street_name_follows(std::size_t k) const {
  constexpr std::size_t kLongestName = 4;
  const std::size_t first = k;
  for (std::size_t words = 0; words < kLongestName && valid(k); ++words) {
    if (tokens_[k].kind == TokenKind::number && touching(k + 1) && quantities::is_glued_suffix(lower(k + 1))) {
      k += 2;  // "71st"
      continue;
    }
    if (!capitalized(k) || is(k, kNounStop)) return false;
    if (quantities::is_street_word(lower(k))) {
      if (k <= first + 1) return true;  // "10 Downing Street", "Baker Street"
      const std::size_t next = k + 1;
      return !valid(next) || tokens_[next].kind == TokenKind::symbol || is(next, kNounStop);
    }
    ++k;
  }
  return false;
}

// Whether the number `core` names a model: "737 MAX 8" (both numbers), "787
// Dreamliner", "a Boeing 737 crashed", "the Boeing 737-800" (both); `before`
// and `after` are the tokens around it. A maker's number at a sentence's
// end or before a counted noun is a count: "and Boeing 528.", "Boeing 12 jets".
bool QuantityReader::Impl::is_model_name(const Core& core, std::size_t before, std::size_t after) const {
  const auto model_word = [&](std::size_t k) { return capitalized(k) && is(k, kModelWord); };
  if (model_word(after) || (before != SIZE_MAX && model_word(before))) return true;
  // "757-200 planes": the number after the dash is the same model's.
  if (before != SIZE_MAX && before >= 2 && is_dash(tokens_[before]) && touching(before) && touching(core.first) &&
      tokens_[before - 1].kind == TokenKind::number) {
    return capitalized(before - 2) && is(before - 2, kMakerWord);
  }
  if (before == SIZE_MAX || !capitalized(before) || !is(before, kMakerWord)) return false;
  return valid(after) && tokens_[after].kind != TokenKind::symbol ? !counted_after(after) : is_dash(tokens_[after]);
}

// Whether a word of change stands right before token `start`, or before
// "by" before it: "rose 360 mln", "increased by $43.6 billion" ("attended
// by 1 million" is no change).
bool QuantityReader::Impl::after_change_word(std::size_t start) const {
  if (start == 0) return false;
  if (is(start - 1, kChangeWord)) return true;
  return start >= 2 && is(start - 1, kChangeBy) && is(start - 2, kChangeWord);
}

// A time ("3 p.m.", "10:30"), a duration or an age; also a number glued after
// a "+" ("+44 20 7946 0000"), unless a percentage or a measure with its unit
// glued ("Dow +0.2%", "+5km": a change).
bool QuantityReader::Impl::is_time_age_or_duration(const Core& core, std::size_t before, std::size_t after,
                                                   bool integer) const {
  const double v = core.value;
  if (core.from_digits && before != SIZE_MAX && is_symbol(tokens_[before], U'+') && touching(core.first) &&
      !percent_follows(after) && core.unit.empty()) {
    return true;
  }
  // Times: "3 p.m.", "10:30", "9am" (glued forms were caught as they were read).
  if (core.from_digits) {
    // "at 0914 GMT": four digits with a leading zero that read as a 24-hour
    // clock are a time, never a count.
    const std::string_view digits = original(core.first);
    if (integer && core.first == core.last && digits.size() == 4 && digits[0] == '0' &&
        std::all_of(digits.begin(), digits.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) &&
        digits[2] <= '5' &&
        (before == SIZE_MAX || (tokens_[before].kind != TokenKind::number && !is_symbol(tokens_[before], U'.')))) {
      return true;  // (not "423 0000", two numbers, nor "0 . 0085", a decimal with spaces)
    }
    const std::string_view next = lower(after);
    if (quantities::is_time_word(next)) return true;
    if (is(after, kTimeInitial) && valid(after + 1) && is_symbol(tokens_[after + 1], U'.')) return true;
    if (valid(after + 1) && is_symbol(tokens_[after], U':') && touching(after) &&
        tokens_[after + 1].kind == TokenKind::number && touching(after + 1)) {
      return true;
    }
    if (before != SIZE_MAX && is_symbol(tokens_[before], U':') && touching(core.first) && before > 0 &&
        tokens_[before - 1].kind == TokenKind::number) {
      return true;
    }
  }
  // Durations and ages: "eight months", "24 hours", "a 12-year-old", "five
  // years old", and "a 16 - year - old" as tokenized copy (ECB+) spaces it.
  {
    std::size_t m = after;
    // A spaced hyphen only before a time unit in the singular, as in a
    // compound ("a 16 - year - old", "a 24 - hour strike"): "rose to 64 —
    // days after" is a toll.
    const bool spaced_compound = valid(m + 1) && is_symbol(tokens_[m], U'-') &&
                                 quantities::is_time_unit(lower(m + 1)) && !lower(m + 1).ends_with('s');
    if (valid(m) && is_dash(tokens_[m]) && (touching(m) || spaced_compound)) ++m;
    if (quantities::is_time_unit(lower(m))) return true;
    // "aged 12", "at the age of 12", "between the ages of 9 and 18".
    const auto age_before = [&](std::size_t k) {
      return is(k, kAgeWord) || (k > 0 && is(k, kAmountOf) && is(k - 1, kAgeWord));
    };
    if (before != SIZE_MAX && age_before(before)) return true;
    // The end of a range of ages: "aged from one to 12", "aged between 30
    // and 40", "aged 18 to 25", "the ages of 9 and 18"; "and" only after
    // "between" or "ages of" ("a girl aged 7 and 14 other children" counts
    // 14), and never a count of people.
    const std::string_view next = lower(after);
    if (before != SIZE_MAX && before >= 2 && (is(before, kRangeJoiner) || is(before, kBetweenJoiner)) &&
        (tokens_[before - 1].kind == TokenKind::number || number_word(before - 1) != nullptr) &&
        !quantities::is_counted_noun(next)) {
      std::size_t k = before - 2;
      const bool between = k > 0 && is(k, kBetweenWord);
      if (k > 0 && (is(k, kFromWord) || between)) --k;
      if (is(k, kAgeWord) && (between || !is(before, kBetweenJoiner))) return true;
      if (k > 0 && is(k, kAmountOf) && is(k - 1, kAgeWord)) return true;  // "the ages of 9 and 18"
    }
    // The later ages of a list: "three men aged 40, 52 and 61 died", "two
    // brothers, aged 16 and 17, were". A list of two only where it ends
    // after the number ("a girl aged 7 and 14 other children" counts 14).
    const bool list_ends = !valid(after) || tokens_[after].kind == TokenKind::symbol || is(after, kBetweenJoiner);
    if (before != SIZE_MAX && (list_ends || !quantities::is_counted_noun(next))) {
      constexpr int kMostAges = 6;
      std::size_t k = before;  // a separator, then a number before it
      for (int n = 0; n < kMostAges && k >= 2; ++n) {
        // ", and" only in a list of three or more ("aged 4, 9, and 12"):
        // "aged 19 and 21, and 4 others" has closed its list.
        const bool comma_and = is(k, kBetweenJoiner) && is_symbol(tokens_[k - 1], U',');
        if (comma_and) --k;
        if (!is_symbol(tokens_[k], U',') && !is(k, kBetweenJoiner)) break;
        const std::size_t number = k - 1;
        if (tokens_[number].kind != TokenKind::number && number_word(number) == nullptr) break;
        if (comma_and && (number == 0 || !is_symbol(tokens_[number - 1], U','))) break;
        if (number > 0 && age_before(number - 1) && (list_ends || n > 0)) return true;
        if (number < 2) break;
        k = number - 1;
      }
    }
  }
  // "Samira Abu Odeh, 41, a mother of five", "her son, 4, was": an age
  // between commas after a name or a person; "John Smith (23), of Leeds",
  // "Dak Prescott (4) celebrates": an age or a shirt number alone in
  // brackets after a name ("the death toll (45)" counts).
  if (integer && v > 0 && v < 120 && before != SIZE_MAX && before > 0 && valid(after)) {
    const auto enclosed = [&](char32_t open, char32_t close) {
      return is_symbol(tokens_[before], open) && is_symbol(tokens_[after], close);
    };
    if (enclosed(U',', U',') && (capitalized(before - 1) || is(before - 1, kAgeNoun))) return true;
    if (enclosed(U'(', U')') && touching(core.first) && touching(after) && capitalized(before - 1)) return true;
  }
  return false;
}

bool QuantityReader::Impl::is_identifier_or_address(const Core& core, std::size_t before, std::size_t after,
                                                    bool integer, bool qualified, std::string_view currency) const {
  // Identifiers: "No. 5", "page 4", "Resolution 2728", "COVID-19", "G7", "F-16", "Eq. (3)".
  if (before != SIZE_MAX) {
    std::size_t m = before;
    if (is_symbol(tokens_[m], U'(') && touching(m + 1) && m > 0) --m;
    if (is_symbol(tokens_[m], U'.') && m > 0) --m;
    const std::string_view word = lower(m);
    // Not a percentage: "FTSE -0.6%", "Nikkei -1.2 percent" are the index's change.
    const bool percentage = core.unit == "%" || percent_follows(after);
    if (!word.empty() && quantities::is_identifier_word(word) && (has_capital(m) || is(m, kLowerCaseIdentifier))) {
      if (!qualified && currency.empty() && !percentage) return true;
    }
    // The second of two numbers after one, counting nothing: "Get short URL
    // 0 15" (a page's share counters), not "On Route 9 14 people died".
    const bool after_identifiers_number = m == before && m > 0 && tokens_[m].kind == TokenKind::number &&
                                          !tokens_[m].decimal && quantities::is_identifier_word(lower(m - 1)) &&
                                          has_capital(m - 1);
    if (after_identifiers_number && integer && !qualified && currency.empty() && !percentage && !counted_after(after)) {
      return true;
    }
    // The second part of a number an identifier names: "Case No. 2023-45", "Resolution 2023-17".
    if (m == before && m > 1 && is_dash(tokens_[m]) && touching(m) && touching(m + 1) &&
        tokens_[m - 1].kind == TokenKind::number && !tokens_[m - 1].decimal && integer && currency.empty()) {
      std::size_t w = m - 2;
      if (is_symbol(tokens_[w], U'.') && w > 0) --w;
      if (quantities::is_identifier_word(lower(w)) && (has_capital(w) || is(w, kLowerCaseIdentifier))) return true;
    }
    // A counter's total: "Page 3 of 12", "Photo 4 of 20".
    const bool of_identifiers_number =
        m == before && m > 1 && word == "of" && tokens_[m - 1].kind == TokenKind::number && !tokens_[m - 1].decimal &&
        quantities::is_identifier_word(lower(m - 2)) && (has_capital(m - 2) || is(m - 2, kLowerCaseIdentifier));
    if (of_identifiers_number && integer && !qualified && currency.empty() && !percentage && !counted_after(after)) {
      return true;
    }
  }
  if (core.from_digits && core.first > 0 && touching(core.first)) {
    const std::size_t glued = core.first - 1;  // "G7", "MH17", "COVID-19", "F-16"
    // Not a currency's code: "USD10m", "EUR50m" are money, written tight.
    if (tokens_[glued].kind == TokenKind::word && currency.empty()) return true;
    if (is_dash(tokens_[glued]) && glued > 0 && touching(glued) && tokens_[glued - 1].kind == TokenKind::word &&
        capitalized(glued - 1)) {
      return true;
    }
  }
  // Addresses: "10 Downing Street", "9 E 71st St".
  if (integer && street_name_follows(after)) return true;
  if (integer && is_model_name(core, before, after)) return true;
  return false;
}

bool QuantityReader::Impl::is_pronoun_one(const Core& core, std::size_t after) const {
  // Ordinals spelled out are never read as numbers; the pronoun "one" is not a figure.
  if (core.single_word_one) {
    if ((core.first > 0 && is(core.first - 1, kPronounOneBefore)) || is(after, kPronounOneAfter)) return true;
    if (!valid(after) || (tokens_[after].kind == TokenKind::symbol && tokens_[after].symbol != U'%')) {
      const std::size_t sign = core.first - 1;
      return !(core.first > 0 && is(sign, kMinusWord));
    }
  }
  return false;
}

// One past the last token of three or more numbers joined by touching
// dashes or slashes starting at token i, or 0 when there is no such chain.
std::size_t QuantityReader::Impl::joined_number_chain_end(std::size_t i) const {
  if (tokens_[i].kind != TokenKind::number) return 0;
  std::size_t count = 1, k = i;
  while (valid(k + 2) && (is_symbol(tokens_[k + 1], U'-') || is_symbol(tokens_[k + 1], U'/')) && touching(k + 1) &&
         touching(k + 2) && tokens_[k + 2].kind == TokenKind::number) {
    k += 2;
    ++count;
  }
  if (count == 3 && is_dashed_mixed_number(i)) return 0;  // "4-1/4": read as 4.25 by read_digits
  return count >= 3 ? k + 1 : 0;
}

// "4-1/4", "9-3/8": the wire's dashed mixed number at token i, in halves to
// sixty-fourths (not "4-1/4/2020", a date).
bool QuantityReader::Impl::is_dashed_mixed_number(std::size_t i) const {
  const std::size_t k = i + 1;
  return valid(k + 3) && tokens_[i].kind == TokenKind::number && !tokens_[i].decimal && is_dash(tokens_[k]) &&
         touching(k) && touching(k + 1) && tokens_[k + 1].kind == TokenKind::number && !tokens_[k + 1].decimal &&
         is_symbol(tokens_[k + 2], U'/') && touching(k + 2) && touching(k + 3) &&
         tokens_[k + 3].kind == TokenKind::number && !tokens_[k + 3].decimal &&
         tokens_[k + 3].value > tokens_[k + 1].value && is_binary_denominator(tokens_[k + 3].value) &&
         !(valid(k + 4) && is_symbol(tokens_[k + 4], U'/') && touching(k + 4));
}

}  // namespace crosscheck
