// Numbers in words: spelled out ("one hundred and six", "two thirds") and
// vague ("hundreds", "tens of thousands", "several hundred").

#include <cmath>
#include <string>

#include "quantities/figure_reader.h"

namespace crosscheck {

// Spelled-out numbers: "one hundred and six", "twenty-five", "a dozen",
// "five and a half million", "two thirds", "nine point nought four".
std::optional<Core> QuantityReader::Impl::read_number_words(std::size_t i, bool allow_and) const {
  using Kind = NumberWord::Kind;
  enum class Last { none, unit, tens, hundred, scale };
  double total = 0, current = 0, biggest_scale = 0;
  Last last = Last::none;
  std::size_t k = i;
  std::size_t end = i;  // one past the last token used
  double applied_scale = 1;
  auto value_now = [&] { return total + current; };
  // What came before an "and", for "five billion and three quarters".
  bool saw_and = false;
  double before_and = 0, scale_before_and = 1;

  // "a hundred", "an estimated"... only "a"/"an" before a scale, dozen or fraction.
  if (word_is(k, "a") || word_is(k, "an")) {
    std::size_t after = 0;
    if (const double denominator = compound_denominator(k + 1, after); denominator > 0) {
      return make_core(i, after - 1, 1.0 / denominator);  // "a twenty-first"
    }
    const NumberWord* next = number_word(k + 1);
    if (!next || next->suffix || next->kind == Kind::unit || next->kind == Kind::tens || next->plural) return {};
    if (next->kind == Kind::half) {
      // "a half" = 0.5; "a half million" not English, leave it.
      Core core = make_core(i, k + 1, 0.5);
      return core;
    }
    if (next->kind == Kind::denominator) {
      const NumberWord* scale = number_word(k + 2);
      if (scale && scale->kind == Kind::scale && !scale->suffix && !scale->plural) {
        Core core = make_core(i, k + 2, scale->value / next->value);  // "a quarter million"
        core.scale = scale->value;
        return core;
      }
      return make_core(i, k + 1, 1.0 / next->value);
    }
    current = 1;
    last = Last::unit;
    ++k;
  } else if (word_is(k, "half")) {
    // "half a dozen", "half a million", "half million".
    std::size_t m = k + 1;
    if (word_is(m, "a")) ++m;
    const NumberWord* next = number_word(m);
    if (next && !next->suffix &&
        (next->kind == Kind::scale || next->kind == Kind::dozen || next->kind == Kind::hundred)) {
      Core core = make_core(i, m, 0.5 * next->value);
      core.scale = next->value;
      return core;
    }
    // "half of Gaza's buildings", "more than half": one half. Not "half-brother",
    // "half an hour", "the second half".
    const std::string_view prev = k == 0 ? std::string_view{} : lower(k - 1);
    if ((valid(k + 1) && is_dash(tokens_[k + 1]) && touching(k + 1)) || quantities::is_time_unit(lower(k + 1)) ||
        word_is(k + 1, "an") || word_is(k + 1, "way") || word_is(k + 1, "time") || word_is(k + 1, "past") ||
        quantities::is_ordinal_word(prev) || prev == "and" || prev == "a" || prev == "one" || prev == "other" ||
        prev == "this" || prev == "that" || prev == "each") {
      return {};
    }
    return make_core(i, k, 0.5);
  } else if (word_is(k, "quarter")) {
    const NumberWord* next = number_word(k + 1);
    if (next && next->kind == Kind::scale && !next->suffix) {
      Core core = make_core(i, k + 1, 0.25 * next->value);
      core.scale = next->value;
      return core;
    }
    return {};
  }

  while (valid(k)) {
    // "twenty-five", "fifty - two": a dash joins tens and units; "one-eighth"
    // a numerator and its denominator.
    if (is_dash(tokens_[k]) && last == Last::tens && is_unit_or_tens_word(k + 1) &&
        number_word(k + 1)->kind == Kind::unit && number_word(k + 1)->value > 0) {
      ++k;
      continue;
    }
    if (is_dash(tokens_[k]) && (last == Last::unit || last == Last::tens || last == Last::hundred) &&
        number_word(k + 1) && number_word(k + 1)->kind == Kind::denominator) {
      ++k;
      continue;
    }
    const std::string_view w = lower(k);
    if (w.empty()) break;
    if (w == "and" && allow_and && last != Last::none) {
      // "one hundred and six", "two thousand and two hundred"; not "three and four".
      if (last != Last::unit && last != Last::tens && is_unit_or_tens_word(k + 1)) {
        saw_and = true;
        before_and = value_now();
        scale_before_and = applied_scale;
        ++k;
        continue;
      }
      break;
    }
    const NumberWord* nw = quantities::find_number_word(w);
    if (!nw || (nw->suffix && !(nw->kind == Kind::dozen && last != Last::none))) break;
    bool stop = false;
    switch (nw->kind) {
      case Kind::unit:
        if (last == Last::unit || (last == Last::tens && nw->value == 0) ||
            (last == Last::tens && std::fmod(current, 10) != 0) || (last == Last::unit && current >= 10)) {
          stop = true;
          break;
        }
        if (last == Last::tens && nw->value >= 10) {
          stop = true;
          break;
        }
        current += nw->value;
        last = Last::unit;
        break;
      case Kind::tens:
        if (last == Last::unit || last == Last::tens) {
          stop = true;
          break;
        }
        current += nw->value;
        last = Last::tens;
        break;
      case Kind::hundred:
        if ((last == Last::none &&
             !(number_word(k + 1) && number_word(k + 1)->kind == Kind::scale && !number_word(k + 1)->suffix)) ||
            last == Last::hundred) {
          stop = true;
          break;
        }
        current = (current == 0 ? 1 : current) * 100;
        last = Last::hundred;
        applied_scale = 100;
        break;
      case Kind::scale:
        if (last == Last::none || nw->plural) {
          stop = true;
          break;
        }
        // "three lakh crore", "a thousand million"; and a scale right after
        // a scale multiplies it: "one trillion trillion" is 10^24, not 2 trillion.
        if ((nw->value > biggest_scale && total > 0) || last == Last::scale) {
          total = (total + current) * nw->value;
        } else {
          total += (current == 0 ? 1 : current) * nw->value;
        }
        biggest_scale = std::max(biggest_scale, nw->value);
        current = 0;
        last = Last::scale;
        applied_scale = nw->value;
        break;
      case Kind::dozen:
        if (last == Last::none) {
          stop = true;
          break;
        }
        if (saw_and) {
          current = before_and - total + (value_now() - before_and) * 12;  // "three hundred and two dozens"
        } else {
          current = (current == 0 ? 1 : current) * 12;
        }
        last = Last::scale;
        break;
      case Kind::half:
      case Kind::denominator: {
        if (last == Last::none) {
          stop = true;
          break;
        }
        // "two thirds", "five eighths": the numerator is what came before;
        // after an "and" only the words since it: "one hundred and three quarters".
        end = k + 1;
        // "one hundred thirty fifths" is 100/35: a tens word just before a unit
        // ordinal belongs to the denominator when a numerator comes before it.
        if (last == Last::tens && nw->value < 10 && !saw_and && k > i) {
          const NumberWord* tens = number_word(k - 1);
          const bool dash = is_dash(tokens_[k - 1]);
          const NumberWord* tens_word = dash ? number_word(k - 2) : tens;
          if (tens_word && tens_word->kind == Kind::tens && value_now() - tens_word->value > 0) {
            const double numerator = value_now() - tens_word->value;
            return finish_words(i, end, numerator / (tens_word->value + nw->value), applied_scale);
          }
        }
        // "one hundred and thirty fifths" is 130/5: a group after "and" that is
        // not smaller than the denominator makes the whole the numerator.
        if (saw_and && value_now() - before_and >= nw->value) {
          return finish_words(i, end, value_now() / nw->value, applied_scale);
        }
        if (saw_and) {
          const double fraction = (value_now() - before_and) / nw->value;
          // "one billion and three quarters million": a scale after the fraction is its own.
          if (const NumberWord* after = number_word(end);
              after && after->kind == Kind::scale && !after->suffix && !after->plural) {
            return finish_words(i, end + 1, before_and + fraction * after->value, after->value);
          }
          const double whole = before_and + (scale_before_and >= 1e3 ? fraction * scale_before_and : fraction);
          return finish_words(i, end, whole, applied_scale);
        }
        if (const NumberWord* after = number_word(end);
            after && after->kind == Kind::scale && !after->suffix && !after->plural) {
          return finish_words(i, end + 1, value_now() / nw->value * after->value,
                              after->value);  // "three quarters billion"
        }
        if (word_is(end, "of") && word_is(end + 1, "a")) {
          if (const NumberWord* after = number_word(end + 2);
              after && after->kind == Kind::scale && !after->suffix && !after->plural) {
            return finish_words(i, end + 3, value_now() / nw->value * after->value,
                                after->value);  // "two thirds of a million"
          }
        }
        return finish_words(i, end, value_now() / nw->value, applied_scale);
      }
    }
    if (stop) {
      // "three twenty-firsts", "one one hundred fifth", "twenty twenty fifths".
      std::size_t after = 0;
      if (const double denominator = compound_denominator(k, after); denominator > 0 && value_now() > 0) {
        return finish_words(i, after, value_now() / denominator, applied_scale);
      }
      break;
    }
    ++k;
    end = k;
  }
  if (end == i) return {};
  double value = value_now();
  // "one and a half", "five and a quarter", "two and fifty-four hundredths".
  if (word_is(end, "and")) {
    const std::optional<Core> fraction = read_number_words(end + 1, false);
    const NumberWord* closing = fraction ? number_word(fraction->last) : nullptr;
    const NumberWord* before_closing = fraction && fraction->last > 0 ? number_word(fraction->last - 1) : nullptr;
    if (fraction && closing && closing->kind == Kind::scale && before_closing &&
        before_closing->kind == Kind::denominator && last == Last::scale) {
      value += fraction->value;  // "one billion and a quarter million"
      end = fraction->last + 1;
    } else if (fraction && closing && (closing->kind == Kind::denominator || closing->kind == Kind::half) &&
               fraction->value < 1) {
      end = fraction->last + 1;
      const NumberWord* after = number_word(end);
      const bool scale_after = after && after->kind == Kind::scale && !after->suffix && !after->plural;
      if (last == Last::scale && scale_after) {
        value += fraction->value * after->value;  // "one billion and a half million"
        ++end;
      } else if (last == Last::scale) {
        value += fraction->value * applied_scale;  // "one million and a half"
      } else {
        value += fraction->value;  // "one and a half", then maybe "million" below
      }
    }
  }
  // "five and a half million": a scale after the fraction scales it all.
  if (const NumberWord* after = number_word(end);
      after && after->kind == Kind::scale && !after->suffix && !after->plural && last != Last::scale) {
    value *= after->value;
    applied_scale = after->value;
    ++end;
  }
  // "nine point nought four", "two hundred point seventy-one".
  if (word_is(end, "point")) {
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
    if (!digits.empty() && digits.size() < 15) {
      value += std::stod("0." + digits);
      end = m;
    }
  }
  return finish_words(i, end, value, applied_scale);
}

// The ordinal value of a unit ordinal ("first" .. "ninth", plural too), or 0.
double QuantityReader::Impl::unit_ordinal(std::size_t i) const {
  const std::string_view w = lower(i);
  if (w == "first" || w == "firsts") return 1;
  if (w == "second" || w == "seconds") return 2;
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
    if (word_is(k, "and")) ++k;
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
  core.single_word_one = end == first + 1 && word_is(first, "one");
  return core;
}

// Vague amounts: "hundreds", "tens of thousands", "several hundred".
std::optional<Core> QuantityReader::Impl::read_vague(std::size_t i) const {
  double low = 0, high = 0;
  std::size_t k = i;
  if (word_is(k, "several") || (word_is(k, "a") && word_is(k + 1, "few"))) {
    k += word_is(k, "several") ? 1 : 2;
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
  if (word_is(k + 1, "of")) {
    double low2 = 0, high2 = 0;
    const std::string_view unit = lower(k + 2);
    if ((unit == "thousands" || unit == "millions" || unit == "billions") &&
        quantities::find_vague_amount(unit, low2, high2)) {
      const double size = unit == "thousands" ? 1e3 : unit == "millions" ? 1e6 : 1e9;
      low *= size;
      high *= size;
      k += 2;
    }
  }
  if (lower(i) == "tens" && k == i) return {};  // "tens" alone is not an amount
  if (lower(i) == "scores" && !word_is(k + 1, "of")) return {};
  Core core = make_core(i, k, low);
  core.vague = true;
  core.vague_low = low;
  core.vague_high = high;
  return core;
}

}  // namespace crosscheck
