// Numbers in words: spelled out ("one hundred and six", "two thirds") and
// vague ("hundreds", "tens of thousands", "several hundred").

#include <cmath>
#include <string>

#include "quantities/figure_reader.h"

namespace crosscheck {

namespace {

using Kind = NumberWord::Kind;
using enum quantities::ReaderRole;  // the reader words asked about here (reader_words.h)

// The kind of word read last in a spelled-out number, which says what may
// follow it: "twenty" takes "five"; "five" takes no "six".
enum class Last { none, unit, tens, hundred, scale };

}  // namespace

// A spelled-out number as it is read word by word ("two thousand and
// five"): the groups read so far and the kind of word that came last.
struct QuantityReader::Impl::WordsReading {
  std::size_t k = 0;         // the token being read
  std::size_t end = 0;       // one past the last token used
  double total = 0;          // what the scales closed: "two thousand" in "two thousand and five"
  double current = 0;        // the group being read: "five"
  double biggest_scale = 0;  // the largest scale word so far
  double applied_scale = 1;  // the last scale word read: the figure's scale
  Last last = Last::none;
  // What came before an "and", for "five billion and three quarters".
  bool saw_and = false;
  double before_and = 0, scale_before_and = 1;

  double value() const { return total + current; }
};

// Spelled-out numbers: "one hundred and six", "twenty-five", "a dozen",
// "five and a half million", "two thirds", "nine point nought four".
std::optional<Core> QuantityReader::Impl::read_number_words(std::size_t i, bool allow_and) const {
  WordsReading r;
  r.k = r.end = i;
  // "a", "half" and "quarter" open numbers of their own ("a third", "half a
  // dozen", "quarter million"); "a" may also stand for one ("a hundred").
  if (is(i, kOneArticle)) {
    bool reads_on = false;
    if (std::optional<Core> whole = read_article_number(i, reads_on); whole || !reads_on) return whole;
    r.current = 1;
    r.last = Last::unit;
    ++r.k;
  } else if (is(i, kHalfWord)) {
    return read_half(i);
  } else if (is(i, kQuarterWord)) {
    return read_quarter(i);
  }
  // Each number word in turn, until one that cannot follow the ones before.
  while (valid(r.k)) {
    if (dash_joins_words(r)) {
      ++r.k;
      continue;
    }
    const std::string_view w = lower(r.k);
    if (w.empty()) break;
    if (is(r.k, kNumberAnd) && allow_and && r.last != Last::none) {
      // "one hundred and six", "two thousand and two hundred"; not "three and four".
      if (r.last == Last::unit || r.last == Last::tens || !is_unit_or_tens_word(r.k + 1)) break;
      r.saw_and = true;
      r.before_and = r.value();
      r.scale_before_and = r.applied_scale;
      ++r.k;
      continue;
    }
    const NumberWord* nw = quantities::find_number_word(w);
    if (!nw || (nw->suffix && !(nw->kind == Kind::dozen && r.last != Last::none))) break;
    // A fraction word ends the number: "two thirds".
    if ((nw->kind == Kind::half || nw->kind == Kind::denominator) && r.last != Last::none) {
      return read_words_fraction(i, *nw, r);
    }
    if (!add_number_word(*nw, r)) {
      // "three twenty-firsts", "one one hundred fifth", "twenty twenty fifths".
      std::size_t after = 0;
      if (const double denominator = compound_denominator(r.k, after); denominator > 0 && r.value() > 0) {
        return finish_words(i, after, r.value() / denominator, r.applied_scale);
      }
      break;
    }
    ++r.k;
    r.end = r.k;
  }
  if (r.end == i) return {};
  return read_words_tail(i, r);
}

// What may follow the number words read into `r`: a fraction after "and"
// ("one and a half"), then a scale ("five and a half million"), then
// decimals ("nine point nought four").
inline std::optional<Core> QuantityReader::Impl::read_words_tail(std::size_t i, WordsReading& r) const {
  double value = r.value();
  add_and_fraction(r, value);
  // "five and a half million": a scale after the fraction scales it all.
  if (const NumberWord* after = scale_word(r.end); after && r.last != Last::scale) {
    value *= after->value;
    r.applied_scale = after->value;
    ++r.end;
  }
  r.end = read_spoken_decimals(r.end, value);
  return finish_words(i, r.end, value, r.applied_scale);
}

// "a" or "an" opens a number only before a scale, a dozen or a fraction: "a
// hundred", "a dozen", "a third", "a quarter million"; "an estimated" and "a
// two-year-old" are not numbers. Returns the number when the words after "a"
// make it whole; otherwise `reads_on` says whether "a" is one of what
// follows ("a hundred and six") and the words are read on.
inline std::optional<Core> QuantityReader::Impl::read_article_number(std::size_t i, bool& reads_on) const {
  reads_on = false;
  std::size_t after = 0;
  if (const double denominator = compound_denominator(i + 1, after); denominator > 0) {
    return make_core(i, after - 1, 1.0 / denominator);  // "a twenty-first"
  }
  const NumberWord* next = number_word(i + 1);
  if (!next || next->suffix || next->kind == Kind::unit || next->kind == Kind::tens || next->plural) return {};
  if (next->kind != Kind::half && next->kind != Kind::denominator) {
    reads_on = true;  // "a hundred", "a dozen", "a million"
    return {};
  }
  // "a half-million", "a half-dozen", "a quarter million": the fraction of a scale.
  const double fraction = next->kind == Kind::half ? 0.5 : 1.0 / next->value;
  std::size_t m = i + 2;
  const bool dashed = valid(m + 1) && is_dash(tokens_[m]) && touching(m) && touching(m + 1);
  if (dashed) ++m;
  const NumberWord* whole = number_word(m);
  // After "and" the half is the number's own: "five and a half million" (add_and_fraction).
  const bool after_and = next->kind == Kind::half && i > 0 && is(i - 1, kNumberAnd);
  if (whole && !after_and && (scale_word(m) || (whole->kind == Kind::dozen && !whole->plural && !whole->suffix))) {
    Core core = make_core(i, m, whole->value * fraction);
    core.scale = whole->value;
    return core;
  }
  // "a third-party", "a half-hour", "a quarter-final": a compound; "a
  // quarter-mile", "a half-ton truck" measure.
  if (dashed) {
    if (quantities::find_unit_word(lower(m)).empty() || quantities::is_time_unit(lower(m))) return {};
    return make_core(i, i + 1, fraction);
  }
  if (next->kind == Kind::denominator && is(i + 2, kAmountOf) && is(i + 3, kFractionArticle)) {
    if (const NumberWord* scale = scale_word(i + 4)) {
      Core core = make_core(i, i + 4, scale->value * fraction);  // "a quarter of a million"
      core.scale = scale->value;
      return core;
    }
  }
  return make_core(i, i + 1, fraction);  // "a half", "a third"
}

// "half a dozen", "half a million", "half million"; and "half" alone, one
// half: "half of Gaza's buildings", "more than half".
inline std::optional<Core> QuantityReader::Impl::read_half(std::size_t i) const {
  std::size_t m = i + 1;
  if (is(m, kFractionArticle)) ++m;
  const NumberWord* next = number_word(m);
  if (next && !next->suffix &&
      (next->kind == Kind::scale || next->kind == Kind::dozen || next->kind == Kind::hundred)) {
    Core core = make_core(i, m, 0.5 * next->value);
    core.scale = next->value;
    return core;
  }
  // Not a half of a count: "half-brother", "half an hour", "the second half".
  const std::string_view prev = i == 0 ? std::string_view{} : lower(i - 1);
  if ((valid(i + 1) && is_dash(tokens_[i + 1]) && touching(i + 1)) || quantities::is_time_unit(lower(i + 1)) ||
      is(i + 1, kNotHalfNext) || quantities::is_ordinal_word(prev) || (i > 0 && is(i - 1, kNotHalfPrevious))) {
    return {};
  }
  return make_core(i, i, 0.5);
}

// "quarter million"; "quarter" alone is a time or a place, not a number.
inline std::optional<Core> QuantityReader::Impl::read_quarter(std::size_t i) const {
  const NumberWord* next = number_word(i + 1);
  if (next && next->kind == Kind::scale && !next->suffix) {
    Core core = make_core(i, i + 1, 0.25 * next->value);
    core.scale = next->value;
    return core;
  }
  return {};
}

// Whether the dash at r.k is inside the number: "twenty-five" and "fifty -
// two" join tens and a unit; "one-eighth" a numerator and its denominator.
inline bool QuantityReader::Impl::dash_joins_words(const WordsReading& r) const {
  if (!is_dash(tokens_[r.k])) return false;
  const NumberWord* next = number_word(r.k + 1);
  if (r.last == Last::tens && next && next->kind == Kind::unit && next->value > 0) return true;
  return (r.last == Last::unit || r.last == Last::tens || r.last == Last::hundred) && next &&
         next->kind == Kind::denominator;
}

// Adds a cardinal word (a unit, tens, "hundred", a scale, "dozen") to the
// number read so far; false when it cannot follow what came before ("five
// six", "twenty thirty", "million" first) and the number ends before it.
inline bool QuantityReader::Impl::add_number_word(const NumberWord& nw, WordsReading& r) const {
  switch (nw.kind) {
    case Kind::unit:
      // After tens only a unit from one to nine: "twenty-five", not "twenty ten".
      if (r.last == Last::unit ||
          (r.last == Last::tens && (nw.value == 0 || std::fmod(r.current, 10) != 0 || nw.value >= 10))) {
        return false;
      }
      r.current += nw.value;
      r.last = Last::unit;
      return true;
    case Kind::tens:
      if (r.last == Last::unit || r.last == Last::tens) return false;
      r.current += nw.value;
      r.last = Last::tens;
      return true;
    case Kind::hundred: {
      // "hundred" opens a number only before a scale: "hundred thousand".
      const NumberWord* next = number_word(r.k + 1);
      if (r.last == Last::hundred || (r.last == Last::none && !(next && next->kind == Kind::scale && !next->suffix))) {
        return false;
      }
      r.current = (r.current == 0 ? 1 : r.current) * 100;
      r.last = Last::hundred;
      r.applied_scale = 100;
      return true;
    }
    case Kind::scale:
      if (r.last == Last::none || nw.plural) return false;
      // "three lakh crore", "a thousand million"; and a scale right after
      // a scale multiplies it: "one trillion trillion" is 10^24, not 2 trillion.
      if ((nw.value > r.biggest_scale && r.total > 0) || r.last == Last::scale) {
        r.total = (r.total + r.current) * nw.value;
      } else {
        r.total += (r.current == 0 ? 1 : r.current) * nw.value;
      }
      r.biggest_scale = std::max(r.biggest_scale, nw.value);
      r.current = 0;
      r.last = Last::scale;
      r.applied_scale = nw.value;
      return true;
    case Kind::dozen:
      if (r.last == Last::none) return false;
      if (r.saw_and) {
        r.current = r.before_and - r.total + (r.value() - r.before_and) * 12;  // "three hundred and two dozens"
      } else {
        r.current = (r.current == 0 ? 1 : r.current) * 12;
      }
      r.last = Last::scale;
      return true;
    case Kind::half:
    case Kind::denominator:
      break;  // a fraction: read_words_fraction, after a numerator
  }
  return false;
}

// The fraction word at r.k after its numerator: "two thirds", "five
// eighths"; after an "and" only the words since it are the numerator: "one
// hundred and three quarters". The fraction ends the number.
inline std::optional<Core> QuantityReader::Impl::read_words_fraction(std::size_t i, const NumberWord& nw,
                                                                     const WordsReading& r) const {
  const std::size_t end = r.k + 1;
  // "one hundred thirty fifths" is 100/35: a tens word just before a unit
  // ordinal belongs to the denominator when a numerator comes before it.
  if (r.last == Last::tens && nw.value < 10 && !r.saw_and && r.k > i) {
    const NumberWord* tens_word = is_dash(tokens_[r.k - 1]) ? number_word(r.k - 2) : number_word(r.k - 1);
    if (tens_word && tens_word->kind == Kind::tens && r.value() - tens_word->value > 0) {
      const double numerator = r.value() - tens_word->value;
      return finish_words(i, end, numerator / (tens_word->value + nw.value), r.applied_scale);
    }
  }
  // "one hundred and thirty fifths" is 130/5: a group after "and" that is
  // not smaller than the denominator makes the whole the numerator.
  if (r.saw_and && r.value() - r.before_and >= nw.value) {
    return finish_words(i, end, r.value() / nw.value, r.applied_scale);
  }
  if (r.saw_and) {
    const double fraction = (r.value() - r.before_and) / nw.value;
    // "one billion and three quarters million": a scale after the fraction is its own.
    if (const NumberWord* after = scale_word(end)) {
      return finish_words(i, end + 1, r.before_and + fraction * after->value, after->value);
    }
    const double whole = r.before_and + (r.scale_before_and >= 1e3 ? fraction * r.scale_before_and : fraction);
    return finish_words(i, end, whole, r.applied_scale);
  }
  if (const NumberWord* after = scale_word(end)) {
    return finish_words(i, end + 1, r.value() / nw.value * after->value, after->value);  // "three quarters billion"
  }
  if (is(end, kAmountOf) && is(end + 1, kFractionArticle)) {
    if (const NumberWord* after = scale_word(end + 2)) {
      return finish_words(i, end + 3, r.value() / nw.value * after->value, after->value);  // "two thirds of a million"
    }
  }
  return finish_words(i, end, r.value() / nw.value, r.applied_scale);
}

// A fraction after "and" added to the number read: "one and a half", "five
// and a quarter", "two and fifty-four hundredths"; after a scale it is a
// fraction of the scale ("one million and a half") or of the scale after it
// ("one billion and a half million", "one billion and a quarter million").
inline void QuantityReader::Impl::add_and_fraction(WordsReading& r, double& value) const {
  if (!is(r.end, kNumberAnd)) return;
  const std::optional<Core> fraction = read_number_words(r.end + 1, false);
  if (!fraction) return;
  const NumberWord* closing = number_word(fraction->last);
  const NumberWord* before_closing = fraction->last > 0 ? number_word(fraction->last - 1) : nullptr;
  if (closing && closing->kind == Kind::scale && before_closing && before_closing->kind == Kind::denominator &&
      r.last == Last::scale) {
    value += fraction->value;  // "one billion and a quarter million"
    r.end = fraction->last + 1;
  } else if (closing && (closing->kind == Kind::denominator || closing->kind == Kind::half) && fraction->value < 1) {
    r.end = fraction->last + 1;
    const NumberWord* after = scale_word(r.end);
    if (r.last == Last::scale && after) {
      value += fraction->value * after->value;  // "one billion and a half million"
      ++r.end;
    } else if (r.last == Last::scale) {
      value += fraction->value * r.applied_scale;  // "one million and a half"
    } else {
      value += fraction->value;  // "one and a half", then maybe "million" after
    }
  }
}

// The decimals after "point", a digit a word, or two for a tens word with
// its unit: "nine point nought four", "two hundred point seventy-one". Adds
// them to `value` and returns the token after them (`end` when there are none).
inline std::size_t QuantityReader::Impl::read_spoken_decimals(std::size_t end, double& value) const {
  if (!is(end, kDecimalPoint)) return end;
  std::string digits;
  std::size_t m = end + 1;
  while (valid(m)) {
    const NumberWord* d = number_word(m);
    if (!d || (d->kind != Kind::unit && d->kind != Kind::tens)) break;
    if (d->kind == Kind::tens) {
      int tens = static_cast<int>(d->value);
      std::size_t n = m + 1;
      if (valid(n) && is_dash(tokens_[n])) ++n;
      const NumberWord* u = number_word(n);
      if (u && u->kind == Kind::unit && u->value > 0 && u->value < 10) {
        tens += static_cast<int>(u->value);
        m = n;
      }
      digits += std::to_string(tens);
    } else {
      digits += std::to_string(static_cast<int>(d->value));
    }
    ++m;
  }
  if (digits.empty() || digits.size() >= 15) return end;
  value += std::stod("0." + digits);
  return m;
}

// The ordinal value of a unit ordinal ("first" .. "ninth", plural too), or 0.
double QuantityReader::Impl::unit_ordinal(std::size_t i) const {
  if (is(i, kOrdinalFirst)) return 1;
  if (is(i, kOrdinalSecond)) return 2;
  const NumberWord* nw = number_word(i);
  return nw && nw->kind == NumberWord::Kind::denominator && nw->value < 10 ? nw->value : 0;
}

// A compound denominator at token m: "twenty-first", "twenty fifths",
// "one hundred fifth". Returns its value and sets `end` past it, or 0.
double QuantityReader::Impl::compound_denominator(std::size_t m, std::size_t& end) const {
  const NumberWord* first = number_word(m);
  if (!first) return 0;
  std::size_t k = m + 1;
  double base = 0;
  if (first->kind == NumberWord::Kind::tens) {
    base = first->value;
  } else if (first->kind == NumberWord::Kind::unit && first->value > 0 && number_word(k) &&
             number_word(k)->kind == NumberWord::Kind::hundred) {
    base = first->value * 100;
    ++k;
    if (is(k, kNumberAnd)) ++k;
  } else {
    return 0;
  }
  if (valid(k) && is_dash(tokens_[k]) && touching(k)) ++k;
  const double ordinal = unit_ordinal(k);
  if (ordinal == 0) return 0;
  end = k + 1;
  return base + ordinal;
}

std::optional<Core> QuantityReader::Impl::finish_words(std::size_t first, std::size_t end, double value,
                                                       double scale) const {
  Core core;
  core.first = first;
  core.last = end - 1;
  core.value = value;
  core.scale = scale;
  core.single_word_one = end == first + 1 && is(first, kOneWord);
  return core;
}

// Vague amounts: "hundreds", "tens of thousands", "several hundred".
std::optional<Core> QuantityReader::Impl::read_vague(std::size_t i) const {
  double low = 0, high = 0;
  std::size_t k = i;
  if (is(k, kSeveralWord) || (is(k, kFractionArticle) && is(k + 1, kFewWord))) {
    k += is(k, kSeveralWord) ? 1 : 2;
    const NumberWord* w = number_word(k);
    if (!w || w->plural || w->suffix ||
        !(w->kind == NumberWord::Kind::scale || w->kind == NumberWord::Kind::hundred ||
          w->kind == NumberWord::Kind::dozen)) {
      return {};
    }
    Core core = make_core(i, k, 2 * w->value);
    core.vague = true;
    core.vague_low = 2 * w->value;
    core.vague_high = 10 * w->value;
    return core;
  }
  if (!quantities::find_vague_amount(lower(k), low, high)) return {};
  // "tens of thousands", "hundreds of millions".
  if (is(k + 1, kAmountOf)) {
    double low2 = 0, high2 = 0;
    if (is(k + 2, kScalePlural) && quantities::find_vague_amount(lower(k + 2), low2, high2)) {
      const double size = high2 / 10;  // a plural scale's vague amount is [2, 10) scales
      low *= size;
      high *= size;
      k += 2;
    }
  }
  if (is(i, kVagueNotAlone) && k == i) return {};  // "tens" alone is not an amount
  if (is(i, kVagueNeedsOf) && !is(k + 1, kAmountOf)) return {};
  Core core = make_core(i, k, low);
  core.vague = true;
  core.vague_low = low;
  core.vague_high = high;
  return core;
}

}  // namespace crosscheck
