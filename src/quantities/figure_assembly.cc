// A figure assembled around its number: the qualifier phrases and currency
// before it, its sign, ratios and ranges, and its interval. What follows the
// number (percent, currency, unit, cents, the counted noun) is in
// figure_suffix.cc.

#include <algorithm>
#include <cmath>

#include "quantities/figure_reader.h"

namespace crosscheck {

namespace {
using enum quantities::ReaderRole;  // the reader words asked about here (reader_words.h)
}  // namespace

std::optional<Core> QuantityReader::Impl::read_core(std::size_t i, std::string_view currency, bool allow_and) const {
  if (!valid(i)) return {};
  const Token& token = tokens_[i];
  if (token.kind == TokenKind::number) return read_digits(i, currency);
  if (token.kind == TokenKind::symbol) {
    const double fraction = vulgar_fraction(token.symbol);
    if (fraction < 0) return {};
    Core core = make_core(i, i, fraction);
    scale_fraction(core);  // "¾ trillion"
    return core;
  }
  if (std::optional<Core> vague = read_vague(i)) return vague;
  return read_number_words(i, allow_and);
}

// One figure being read, from the words before its number to those after:
// what each step of read_figure finds and the later steps need.
struct QuantityReader::Impl::FigureReading {
  std::size_t k = 0;             // the next token to read
  std::size_t amount_start = 0;  // where the amount begins, after any qualifier
  std::size_t end = 0;           // one past the last token of the figure so far
  Qualifier qualifier = Qualifier::exact;
  bool qualified = false;              // a qualifier before the number: "at least", ">"
  bool between = false, from = false;  // "between 3 and 4", "from 3 to 4"
  bool percent_of = false;             // "percent of 10"
  bool negative = false;               // "-9.2", "minus five"
  bool ratio = false;                  // "one out of three"
  bool is_range = false;
  double range_high = 0;      // a range's high end
  std::string_view currency;  // the currency before the number: "$", "US$", "USD"
};

// Reads the figure that starts at token i, if any; `next` is where to go on.
// Its parts are read in the order they are written: a qualifier, the amount
// (currency, sign, number, ratio), a range's high end, the unit or currency
// after it and a qualifier after it; then its interval and counted noun.
std::optional<Quantity> QuantityReader::Impl::read_figure(std::size_t i, std::size_t& next) {
  FigureReading f;
  f.k = i;
  if (!read_qualifier_before(f)) {
    next = f.k + 1;  // "<>30": an operator, not a bound
    return {};
  }
  f.amount_start = f.k;
  // "percent of 10", "per cent of twenty-two"
  if (is(f.k, kPercentOfWord) && is(f.k + 1, kAmountOf)) {
    f.percent_of = true, f.k += 2;
  } else if (is(f.k, kPerWord) && is(f.k + 1, kCentWord) && is(f.k + 2, kAmountOf)) {
    f.percent_of = true, f.k += 3;
  }
  read_currency_before(f);
  read_sign(f);
  std::optional<Core> core = read_core(f.k, f.currency, !f.between);
  if (!core) {
    next = i + 1;
    return {};
  }
  if (const std::size_t chain_end = joined_number_chain_end(core->first); chain_end != 0) {
    next = chain_end;  // "2023-09-10", "222-2222-2222", "5/17/2018": dates and phone numbers
    return {};
  }
  read_ratio(f, *core);
  if (is_not_a_figure(*core, i, f.qualified || f.ratio, f.currency)) {
    next = core->last + 1;
    return {};
  }
  if (f.negative) core->value = -core->value;
  Quantity q = start_figure(i, f, *core);
  if (!core->vague && joins_range(f, *core) && !change_to_level(f, *core, i)) {
    if (const std::size_t after_score = read_range(f, *core, q); after_score != 0) {
      next = after_score;  // "2-1", "1995-01": a score or a date, not a figure
      return {};
    }
  } else if (!core->vague && core->unit.empty()) {
    read_percent_range(f, *core, q, i);  // "between 5% and 6%", "1 per cent to 1.5 per cent"
  }
  // "between" or "from" without a second number: the figure starts after the word.
  if ((f.between || f.from) && !f.is_range) q.span.begin = q.amount.begin;
  // After the number: percent, currency word, unit, counted noun, suffix qualifier.
  if (f.percent_of) {
    // NOTE: not `q.unit = "%"`, on which GCC 12 warns of an overlapping copy
    // that cannot happen (-Wrestrict, GCC bug 105329).
    q.unit.assign(1, '%');
  } else {
    f.end = read_suffix(f.end, q, f.is_range ? &f.range_high : nullptr);
  }
  if (q.unit.empty()) read_unit_around(i, *core, f.end, q);
  if (!f.is_range) read_qualifier_after(f, q);
  set_figure_interval(f, *core, q);
  if (q.noun.empty()) read_noun(f.end, q);
  q.amount.end = q.span.end;
  q.amount.begin = std::max(q.amount.begin, q.span.begin);
  next = f.end;
  return q;
}

// Qualifier phrases before the number ("at least", "nearly"), "between",
// "from", and the signs ">", "<", ">=", "<=". False where the sign is an
// operator, not a bound ("<>30"); f.k is then on the sign after the first.
inline bool QuantityReader::Impl::read_qualifier_before(FigureReading& f) const {
  std::size_t& k = f.k;
  // "inching back up to 4.8%", "rose up to 300": "up" is where the rise
  // went, not a bound ("cut up to 700 workers", "buy back up to 10%" are
  // bounds; "rose about 17%" keeps its "about").
  const bool direction = k > 0 && is(k, kChangeWord) &&
                         (is(k - 1, kRiseWord) || (k > 1 && is(k - 1, kChangeWord) && is(k - 2, kRiseWord)));
  if (const std::vector<quantities::QualifierPhrase>* phrases = quantities::prefix_qualifiers(lower(k));
      phrases && !direction) {
    for (const auto& phrase : *phrases) {
      if (matches(k, phrase.words)) {
        f.qualifier = phrase.qualifier;
        f.qualified = true;
        k += phrase.words.size();
        break;
      }
    }
  } else if (is(k, kBetweenWord)) {
    f.between = true;
    ++k;
  } else if (is(k, kFromWord)) {
    f.from = true;
    ++k;
  } else if (valid(k) && (is_symbol(tokens_[k], U'>') || is_symbol(tokens_[k], U'<')) &&
             !(k > 0 && touching(k) && tokens_[k - 1].kind == TokenKind::symbol)) {
    const bool greater = tokens_[k].symbol == U'>';
    ++k;
    bool or_equal = false;
    if (valid(k) && is_symbol(tokens_[k], U'=') && tokens_[k].gap <= 1) or_equal = true, ++k;
    if (valid(k) && tokens_[k].kind == TokenKind::symbol && !is_dash(tokens_[k])) return false;
    f.qualifier = greater ? (or_equal ? Qualifier::at_least : Qualifier::more_than)
                          : (or_equal ? Qualifier::at_most : Qualifier::less_than);
    f.qualified = true;
  }
  return true;
}

namespace {
// Whether a word has a currency code's size: three letters ("USD", "rmb"),
// or two in capitals ("RM", the ringgit: "rm" is no code).
bool currency_code_size(std::string_view as_written) {
  return as_written.size() == 3 || (as_written.size() == 2 && std::all_of(as_written.begin(), as_written.end(),
                                                                          [](char c) { return c >= 'A' && c <= 'Z'; }));
}
}  // namespace

// Currency before the number: "$", "US$", "C $", "HK$", "€", "USD 15".
inline void QuantityReader::Impl::read_currency_before(FigureReading& f) const {
  std::size_t& k = f.k;
  if (const std::string_view named = currency_prefix(k);
      !named.empty() && valid(k + 1) && tokens_[k + 1].kind == TokenKind::symbol && tokens_[k + 1].gap <= 1 &&
      !quantities::find_currency_sign(tokens_[k + 1].symbol).empty()) {
    f.currency = named;
    if (original(k).size() == 1) f.amount_start = std::min(f.amount_start, dotted_initials_start(k));  // "U.S $5"
    k += 2;
  } else if (valid(k) && tokens_[k].kind == TokenKind::symbol) {
    f.currency = quantities::find_currency_sign(tokens_[k].symbol);
    if (!f.currency.empty()) ++k;
    // "$US113 trillion", "$A82,615,680": the country written after the sign, all tight.
    if (const std::string_view country = currency_prefix(k); !f.currency.empty() && !country.empty() && touching(k) &&
                                                             valid(k + 1) && touching(k + 1) &&
                                                             tokens_[k + 1].kind == TokenKind::number) {
      f.currency = country;
      ++k;
    }
  } else if (valid(k + 1) && tokens_[k].kind == TokenKind::word && currency_code_size(original(k)) &&
             tokens_[k + 1].kind == TokenKind::number && tokens_[k + 1].gap <= 1) {
    // "USD 15", "rmb 10", "RM79": a currency code before the number.
    const std::string_view code = quantities::find_currency_word(lower(k));
    if (!code.empty() && code.size() == 3 && !quantities::is_not_currency_word(lower(k))) f.currency = code, ++k;
  }
}

// A sign: "-9.2", "minus five", "negative one".
inline void QuantityReader::Impl::read_sign(FigureReading& f) const {
  std::size_t& k = f.k;
  if (k == 0 && valid(k + 1) && is_dash(tokens_[k]) && tokens_[k + 1].gap <= 2 &&
      tokens_[k + 1].kind == TokenKind::number && !touching(k + 1)) {
    f.negative = true;  // "- 10 k" opening a text; elsewhere " - " is a dash between clauses
    ++k;
  } else if (valid(k + 1) && is_dash(tokens_[k]) && touching(k + 1) && tokens_[k + 1].kind == TokenKind::number) {
    // A dash is a sign where it opens a number, not where it joins two ("3,000-4,000").
    if (k == 0 || tokens_[k].gap > 0 || tokens_[k - 1].kind == TokenKind::symbol) {
      f.negative = true;
      ++k;
    }
  } else if (is(k, kMinusWord)) {
    f.negative = true;
    ++k;
    // "minus-5 yards", "minus-130 degrees": the word joined to the number by a hyphen.
    if (valid(k + 1) && is_dash(tokens_[k]) && touching(k) && touching(k + 1) &&
        tokens_[k + 1].kind == TokenKind::number) {
      ++k;
    }
  }
}

// Ratios: "one out of three", "1 in twenty-one", "2000 over 3" make one
// number of the two; not after a qualifier or a currency ("over 3" is then
// a bound), nor where the second number is a time ("1 in 10 years").
inline void QuantityReader::Impl::read_ratio(FigureReading& f, Core& core) {
  if (f.qualified || !f.currency.empty() || core.vague || f.between || f.from || core.not_a_figure) return;
  const std::size_t m = core.last + 1;
  const bool out_of = is(m, kRatioOut) && is(m + 1, kAmountOf);
  const bool over = is(m, kRatioOver);
  const bool in = is(m, kRatioIn);
  if (!out_of && !over && !in) return;
  const std::size_t d = m + (out_of ? 2 : 1);
  std::optional<Core> denominator = read_core(d, {}, true);
  if (denominator && !denominator->not_a_figure && !denominator->vague && denominator->value > 0 &&
      !quantities::is_time_unit(lower(denominator->last + 1)) && !is_not_a_figure(*denominator, d, false, {}) &&
      (over || core.value <= denominator->value) && (!in || core.value < denominator->value)) {
    core.value /= denominator->value;
    core.last = denominator->last;
    core.scale = 1;
    core.single_word_one = false;
    f.ratio = true;
  }
}

// The figure as its number makes it, before a range or what follows: its
// spans from token `first`, its value, and the unit the number carries.
inline Quantity QuantityReader::Impl::start_figure(std::size_t first, FigureReading& f, const Core& core) const {
  Quantity q;
  q.span = {tokens_[first].begin, tokens_[core.last].end};
  q.amount = {tokens_[f.amount_start].begin, tokens_[core.last].end};
  q.number = {tokens_[f.negative ? core.first - 1 : core.first].begin, tokens_[core.last].end};
  q.value = core.value;
  q.unit = std::string(core.currency.empty() ? f.currency : core.currency);
  if (!core.unit.empty()) q.unit = std::string(core.unit);
  f.end = core.last + 1;
  return q;
}

// Whether the token after a range's low end joins it to a high end: a dash
// or "~" close after digits ("3,000-4,000"; between number words, as in
// "fifty - two", it was read as part of the number), "and" after "between",
// "to", "through" or "thru" otherwise.
inline bool QuantityReader::Impl::joins_range(const FigureReading& f, const Core& low) const {
  const std::size_t m = f.end;
  if (valid(m) && (is_dash(tokens_[m]) || is_symbol(tokens_[m], U'~')) && low.from_digits) {
    return tokens_[m].gap <= 1 && valid(m + 1) && tokens_[m + 1].gap <= 1;
  }
  return is(m, f.between ? kBetweenJoiner : kRangeJoiner);
}

// Whether "to" after the low end of the figure starting at token `start`
// opens the level a change reached, not a range's high end: right after a
// word of change, when the low end carries its own currency or scale
// ("rose 360 mln to 27.7 billion", "increased by $43.6 billion to $419.2
// billion"), or after "by" when the high end is well above the low and
// carries no percent or unit of both ends ("the toll rose by 200 to
// 1,500"; "cut by 5 to 10 percent" is a range).
inline bool QuantityReader::Impl::change_to_level(const FigureReading& f, const Core& low, std::size_t start) const {
  if (f.between || f.from || !is(f.end, kRangeJoiner) || !after_change_word(start)) return false;
  if (!f.currency.empty() || low.scale > 1 || !low.unit.empty() || !low.currency.empty()) return true;
  if (!is(start - 1, kChangeBy)) return false;
  const std::optional<Core> high = read_core(f.end + 1, {}, true);
  if (!high) return false;
  // "by four to eight cts per lb", "by 5 to 10 percent": a range of the
  // change, whose ends are near each other or share what follows; a level
  // is well above the change that reached it ("by 12 to 45").
  constexpr double kLevelOverChange = 3;
  const std::size_t after_high = high->last + 1;
  Quantity trial;
  return high->scale == 1 && high->unit.empty() && high->currency.empty() &&
         high->value >= kLevelOverChange * low.value && read_percent(after_high, trial) == 0 &&
         read_currency_after(after_high, trial, nullptr) == 0 && read_unit_after(after_high, trial) == 0;
}

// A range, after a low end and a word or dash that joins it to a high end
// (joins_range): "3,000-4,000", "18,000 to 20,000", "between 3 and 4
// million", "from one thousand to fifteen hundred", "$3-$4". Sets it into `f`
// and `q` and returns 0; where it is a score or a date ("2-1", "1995-01"),
// returns the token after it: there is no figure.
inline std::size_t QuantityReader::Impl::read_range(FigureReading& f, const Core& low, Quantity& q) const {
  std::size_t m = f.end + 1;
  std::string_view currency;
  if (valid(m) && tokens_[m].kind == TokenKind::symbol) {
    currency = quantities::find_currency_sign(tokens_[m].symbol);
    if (!currency.empty()) ++m;
  }
  bool negative = false;
  const std::size_t high_start = m;
  if (is(m, kMinusWord)) negative = true, ++m;
  std::optional<Core> high = read_core(m, f.currency.empty() ? currency : f.currency, true);
  if (!high || high->not_a_figure || high->vague || high->single_word_one) return 0;
  // "20-24 September", "16-18 Industrial Avenue": days and street numbers, no figure.
  const std::size_t after_high = high->last + 1;
  if (low.from_digits && high->from_digits && f.currency.empty() && currency.empty() &&
      (quantities::is_month(lower(after_high)) || month_name(after_high) || street_name_follows(after_high))) {
    return after_high;
  }
  double low_value = low.value;
  const double high_value = negative ? -high->value : high->value;
  // "3 to 4 million": the scale of the high end applies to the low end.
  if (low.scale == 1 && high->scale > 1 && std::abs(low_value) <= std::abs(high->value / high->scale)) {
    low_value *= high->scale;
  }
  // "tied at 89-89", "2-2 on aggregate": a score, never a range of one number.
  if (high_value == low_value && low.from_digits && high->from_digits && touching(m) && touching(m - 1)) {
    return high->last + 1;
  }
  if (high_value >= low_value) {
    f.is_range = true;
    q.value = low_value;
    f.range_high = high_value;
    f.end = high->last + 1;
    q.span.end = tokens_[high->last].end;
    q.high_number = {tokens_[high_start].begin, tokens_[high->last].end};
    if (q.unit.empty() && !high->unit.empty()) q.unit = std::string(high->unit);
    if (q.unit.empty() && !currency.empty()) q.unit = std::string(currency);
  } else if (high_value < low_value && low.from_digits && high->from_digits && touching(m) && touching(m - 1)) {
    return high->last + 1;
  }
  return 0;
}

// A range whose two ends each carry a percent: "between 5% and 6%", "from
// 1 per cent to 1.5 per cent", "5%-6%", "expect 5% to 10%". Read as a
// range after "between", "from" or a word that opens one (`start` is the
// figure's first token), or across a dash, and when the high end is the
// same kind of percentage ("by 0.25 percentage point to 5.5%" is a change
// and a level): "inflation rises 0.4 percent to 3.2 percent" stays two
// figures. Otherwise `f` and `q` are left as they were.
inline void QuantityReader::Impl::read_percent_range(FigureReading& f, const Core& low, Quantity& q,
                                                     std::size_t start) const {
  Quantity low_unit;
  const std::size_t after_low = read_percent(f.end, low_unit);
  if (after_low == 0 || !valid(after_low)) return;
  // "rose 0.4 percent to 3.2 percent": a change and a level; "a recovery
  // of 95 pct to 96 pct", "expect 5% to 10%": a range.
  if (!(f.between || f.from || is_dash(tokens_[after_low]) || (start > 0 && is(start - 1, kRangeOpener)))) return;
  FigureReading trial = f;
  trial.end = after_low;
  if (!joins_range(trial, low)) return;
  Quantity ranged = q;
  Quantity high_unit;
  if (read_range(trial, low, ranged) != 0 || !trial.is_range || read_percent(trial.end, high_unit) == 0 ||
      high_unit.unit != low_unit.unit) {
    return;
  }
  f = trial;
  q = ranged;
}

// What follows the number: percent, a currency, a unit (figure_suffix.cc).
// `range_high`, for a range, is scaled with the value ("30-40 MUSD", "5-10
// USD million"); a range takes no cents.
inline std::size_t QuantityReader::Impl::read_suffix(std::size_t end, Quantity& q, double* range_high) {
  if (const std::size_t next = read_percent(end, q)) return next;
  // A unit already read (glued to the digits, or a sign before them) takes no other.
  if (!q.unit.empty()) return end;
  if (const std::size_t next = read_currency_after(end, q, range_high)) return next;
  if (const std::size_t next = read_unit_after(end, q)) return next;
  return end;
}

// A qualifier after the number of a figure that is not a range:
// "35,000-plus", "5000 or more", "less than 5000 or equal".
inline void QuantityReader::Impl::read_qualifier_after(FigureReading& f, Quantity& q) const {
  std::size_t& end = f.end;
  if (f.qualifier == Qualifier::exact && valid(end) && is_dash(tokens_[end]) && touching(end) &&
      is(end + 1, kPlusWord) && touching(end + 1)) {
    f.qualifier = Qualifier::at_least;  // "35,000-plus"
    q.span.end = tokens_[end + 1].end;
    end += 2;
    return;
  }
  if (f.qualifier == Qualifier::exact && valid(end) && is_symbol(tokens_[end], U'+') && touching(end) &&
      !(valid(end + 1) && touching(end + 1) && tokens_[end + 1].kind == TokenKind::number)) {
    f.qualifier = Qualifier::at_least;  // "20+ people" (not "20+5")
    q.span.end = tokens_[end].end;
    ++end;
    return;
  }
  const std::vector<quantities::QualifierPhrase>* phrases = quantities::suffix_qualifiers(lower(end));
  if (!phrases) return;
  for (const auto& phrase : *phrases) {
    if (!matches(end, phrase.words)) continue;
    // "equal to 5000 or less than 6000": the words open the next figure.
    const std::size_t after_phrase = end + phrase.words.size();
    if (is(after_phrase, kThanWord) || (valid(after_phrase) && tokens_[after_phrase].kind == TokenKind::number) ||
        (number_word(after_phrase) && !is(after_phrase, kNoNextFigure))) {
      return;
    }
    // "or equal (to)" makes a strict bound inclusive: "less than 5000 or equal".
    const bool or_equal = phrase.qualifier == Qualifier::exact;
    if (or_equal && (f.qualifier == Qualifier::less_than || f.qualifier == Qualifier::more_than)) {
      f.qualifier = f.qualifier == Qualifier::less_than ? Qualifier::at_most : Qualifier::at_least;
    } else if (!or_equal && f.qualifier == Qualifier::exact) {
      f.qualifier = phrase.qualifier;
    } else if (!or_equal && f.qualifier == Qualifier::approx) {
      // "about five hundred or more": the bound says what the figure
      // claims; "about" only rounds the number it starts from.
      f.qualifier = phrase.qualifier;
      q.span.begin = tokens_[f.amount_start].begin;
    } else {
      return;
    }
    q.span.end = tokens_[end + phrase.words.size() - 1].end;
    end += phrase.words.size();
    return;
  }
}

// The figure's interval: a vague amount's own ("hundreds": [200, 1000),
// unbounded after "more than"), a range's, or the qualifier's around the value.
inline void QuantityReader::Impl::set_figure_interval(const FigureReading& f, const Core& core, Quantity& q) const {
  if (core.vague) {
    q.qualifier = Qualifier::vague;
    q.low = core.vague_low;
    q.high = core.vague_high;
    q.high_open = true;
    if (f.qualified && (f.qualifier == Qualifier::more_than || f.qualifier == Qualifier::at_least)) q.high = kInf;
  } else if (f.is_range) {
    // Written either way round ("between 5 and 3"), a range is one interval.
    q.qualifier = Qualifier::range;
    q.low = std::min(q.value, f.range_high);
    q.high = std::max(q.value, f.range_high);
  } else {
    set_interval(q, f.qualifier);
  }
}

// The currency a word before a '$' names: "US$", "C $", "HK$", "usd$", "Mex$".
std::string_view QuantityReader::Impl::currency_prefix(std::size_t k) const {
  if (!valid(k) || tokens_[k].kind != TokenKind::word) return {};
  const std::string_view w = lower(k);
  const std::string_view as_written = original(k);
  // The pack's prefixes (currencies.yaml), dotted or not: "U.S $" is "us".
  if (const std::size_t first = w.size() == 1 ? dotted_initials_start(k) : k; first < k) {
    std::string initials;
    for (std::size_t i = first; i <= k; i += 2) initials += lower(i);
    return quantities::find_currency_prefix(initials, {});
  }
  return quantities::find_currency_prefix(w, as_written);
}

// The first of the dotted initials that end at word `k` (the "U" of "U.S"),
// or `k` when the word before it is no initial.
inline std::size_t QuantityReader::Impl::dotted_initials_start(std::size_t k) const {
  std::size_t first = k;
  while (first >= 2 && original(first).size() == 1 && touching(first) && is_symbol(tokens_[first - 1], U'.') &&
         touching(first - 1) && tokens_[first - 2].kind == TokenKind::word && original(first - 2).size() == 1) {
    first -= 2;
  }
  return first;
}

}  // namespace crosscheck
