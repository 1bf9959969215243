// A figure assembled around its number: the qualifier phrases before it,
// ranges, currency, the unit and cents after it, and the counted noun.

#include <algorithm>
#include <cmath>

#include "quantities/figure_reader.h"

namespace crosscheck {

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

// Reads the figure that starts at token i, if any; `next` is where to go on.
std::optional<Quantity> QuantityReader::Impl::read_figure(std::size_t i, std::size_t& next) {
  std::size_t k = i;
  Qualifier qualifier = Qualifier::exact;
  bool qualified = false;
  bool between = false, from = false;
  // Qualifier phrases before the number.
  if (const std::vector<quantities::QualifierPhrase>* phrases = quantities::prefix_qualifiers(lower(k))) {
    for (const auto& phrase : *phrases) {
      if (matches(k, phrase.words)) {
        qualifier = phrase.qualifier;
        qualified = true;
        k += phrase.words.size();
        break;
      }
    }
  } else if (word_is(k, "between")) {
    between = true;
    ++k;
  } else if (word_is(k, "from")) {
    from = true;
    ++k;
  } else if (valid(k) && (is_symbol(tokens_[k], U'>') || is_symbol(tokens_[k], U'<')) &&
             !(k > 0 && touching(k) && tokens_[k - 1].kind == TokenKind::symbol)) {
    const bool greater = tokens_[k].symbol == U'>';
    ++k;
    bool or_equal = false;
    if (valid(k) && is_symbol(tokens_[k], U'=') && tokens_[k].gap <= 1) or_equal = true, ++k;
    if (valid(k) && tokens_[k].kind == TokenKind::symbol && !is_dash(tokens_[k])) {
      next = k + 1;  // "<>30": an operator, not a bound
      return {};
    }
    qualifier = greater ? (or_equal ? Qualifier::at_least : Qualifier::more_than)
                        : (or_equal ? Qualifier::at_most : Qualifier::less_than);
    qualified = true;
  }
  std::size_t amount_start = k;  // where the amount begins, after any qualifier
  // "percent of 10", "per cent of twenty-two"
  bool percent_of = false;
  if ((word_is(k, "percent") || word_is(k, "percents")) && word_is(k + 1, "of")) {
    percent_of = true, k += 2;
  } else if (word_is(k, "per") && word_is(k + 1, "cent") && word_is(k + 2, "of")) {
    percent_of = true, k += 3;
  }
  // Currency before the number: "$", "US$", "C $", "HK$", "€", "USD".
  std::string_view currency;
  if (const std::string_view named = currency_prefix(k);
      !named.empty() && valid(k + 1) && tokens_[k + 1].kind == TokenKind::symbol && tokens_[k + 1].gap <= 1 &&
      !quantities::find_currency_sign(tokens_[k + 1].symbol).empty()) {
    currency = named;
    if (word_is(k, "s") && k >= 2 && word_is(k - 2, "u")) amount_start = k - 2;  // "u.s $"
    k += 2;
  } else if (valid(k) && tokens_[k].kind == TokenKind::symbol) {
    currency = quantities::find_currency_sign(tokens_[k].symbol);
    if (!currency.empty()) ++k;
  } else if (valid(k + 1) && tokens_[k].kind == TokenKind::word && original(k).size() == 3 &&
             tokens_[k + 1].kind == TokenKind::number && tokens_[k + 1].gap <= 1) {
    // "USD 15", "rmb 10": a currency code before the number.
    const std::string_view code = quantities::find_currency_word(lower(k));
    if (!code.empty() && code.size() == 3 && lower(k) != "try" && lower(k) != "won") currency = code, ++k;
  }
  // A sign: "-9.2", "minus five", "negative one".
  bool negative = false;
  if (k == 0 && valid(k + 1) && is_dash(tokens_[k]) && tokens_[k + 1].gap <= 2 &&
      tokens_[k + 1].kind == TokenKind::number && !touching(k + 1)) {
    negative = true;  // "- 10 k" opening a text; elsewhere " - " is a dash between clauses
    ++k;
  } else if (valid(k + 1) && is_dash(tokens_[k]) && touching(k + 1) && tokens_[k + 1].kind == TokenKind::number) {
    // A dash is a sign where it opens a number, not where it joins two ("3,000-4,000").
    if (k == 0 || tokens_[k].gap > 0 || tokens_[k - 1].kind == TokenKind::symbol) {
      negative = true;
      ++k;
    }
  } else if (word_is(k, "minus") || word_is(k, "negative")) {
    negative = true;
    ++k;
  }
  std::optional<Core> core = read_core(k, currency, !between);
  if (!core) {
    next = i + 1;
    return {};
  }
  if (const std::size_t chain_end = joined_number_chain_end(core->first); chain_end != 0) {
    next = chain_end;  // "2023-09-10", "222-2222-2222", "5/17/2018": dates and phone numbers
    return {};
  }
  // Ratios: "one out of three", "1 in twenty-one", "2000 over 3".
  bool ratio = false;
  if (!qualified && currency.empty() && !core->vague && !between && !from && !core->not_a_figure) {
    const std::size_t m = core->last + 1;
    const bool out_of = word_is(m, "out") && word_is(m + 1, "of");
    const bool over = word_is(m, "over");
    const bool in = word_is(m, "in");
    if (out_of || over || in) {
      const std::size_t d = m + (out_of ? 2 : 1);
      std::optional<Core> denominator = read_core(d, {}, true);
      if (denominator && !denominator->not_a_figure && !denominator->vague && denominator->value > 0 &&
          !quantities::is_time_unit(lower(denominator->last + 1)) && !is_not_a_figure(*denominator, d, false, {}) &&
          (over || core->value <= denominator->value) && (!in || core->value < denominator->value)) {
        core->value /= denominator->value;
        core->last = denominator->last;
        core->scale = 1;
        core->single_word_one = false;
        ratio = true;
      }
    }
  }

  if (is_not_a_figure(*core, i, qualified || ratio, currency)) {
    next = core->last + 1;
    return {};
  }
  if (negative) core->value = -core->value;
  Quantity q;
  q.span = {tokens_[i].begin, tokens_[core->last].end};
  q.amount = {tokens_[amount_start].begin, tokens_[core->last].end};
  q.number = {tokens_[negative ? core->first - 1 : core->first].begin, tokens_[core->last].end};
  q.value = core->value;
  q.unit = std::string(core->currency.empty() ? currency : core->currency);
  if (!core->unit.empty()) q.unit = std::string(core->unit);
  std::size_t end = core->last + 1;  // one past the figure's last token

  // A range: "3,000-4,000", "18,000 to 20,000", "between 3 and 4 million", "from one thousand to fifteen hundred".
  double range_high = 0;
  bool is_range = false;
  {
    std::size_t m = end;
    bool connector = false;
    if (valid(m) && (is_dash(tokens_[m]) || is_symbol(tokens_[m], U'~')) && core->from_digits == true) {
      connector = tokens_[m].gap <= 1 && valid(m + 1) && tokens_[m + 1].gap <= 1;
    } else if (valid(m) && is_dash(tokens_[m]) && tokens_[m].gap <= 1 && valid(m + 1) && tokens_[m + 1].gap <= 1 &&
               !core->from_digits && is_unit_or_tens_word(m + 1)) {
      connector = false;  // "fifty - two" was read as one number already
    } else if (between && word_is(m, "and")) {
      connector = true;
    } else if (!between && (word_is(m, "to") || word_is(m, "through") || word_is(m, "thru"))) {
      connector = true;
    }
    if (connector && !core->vague) {
      ++m;
      std::string_view currency2;
      if (valid(m) && tokens_[m].kind == TokenKind::symbol) {
        currency2 = quantities::find_currency_sign(tokens_[m].symbol);
        if (!currency2.empty()) ++m;
      }
      bool negative2 = false;
      const std::size_t high_start = m;
      if (word_is(m, "negative") || word_is(m, "minus")) negative2 = true, ++m;
      std::optional<Core> high = read_core(m, currency.empty() ? currency2 : currency, true);
      if (high && !high->not_a_figure && !high->vague && !high->single_word_one) {
        double low_value = core->value;
        double high_value = negative2 ? -high->value : high->value;
        // "3 to 4 million": the scale of the high end applies to the low end.
        if (core->scale == 1 && high->scale > 1 && std::abs(low_value) <= std::abs(high->value / high->scale)) {
          low_value *= high->scale;
        }
        if (high_value >= low_value) {
          is_range = true;
          q.value = low_value;
          range_high = high_value;
          end = high->last + 1;
          q.span.end = tokens_[high->last].end;
          q.high_number = {tokens_[high_start].begin, tokens_[high->last].end};
          if (q.unit.empty() && !high->unit.empty()) q.unit = std::string(high->unit);
          if (q.unit.empty() && !currency2.empty()) q.unit = std::string(currency2);
        } else if (high_value < low_value && core->from_digits && high->from_digits && touching(m) && touching(m - 1)) {
          next = high->last + 1;  // "2-1", "1995-01": a score or a date, not a figure
          return {};
        }
      }
    }
  }
  if ((between || from) && !is_range) {
    // "between" without a second number: the figure starts after the word.
    q.span.begin = q.amount.begin;
  }

  // After the number: percent, currency word, unit, counted noun, suffix qualifier.
  if (percent_of) {
    q.unit = "%";
  } else {
    end = read_suffix(end, q, is_range ? &range_high : nullptr);
  }
  if (!is_range) {
    if (qualifier == Qualifier::exact && valid(end) && is_dash(tokens_[end]) && touching(end) &&
        word_is(end + 1, "plus") && touching(end + 1)) {
      qualifier = Qualifier::at_least;  // "35,000-plus"
      q.span.end = tokens_[end + 1].end;
      end += 2;
    } else if (const auto* phrases = quantities::suffix_qualifiers(lower(end))) {
      for (const auto& phrase : *phrases) {
        if (!matches(end, phrase.words)) continue;
        // "equal to 5000 or less than 6000": the words open the next figure.
        const std::size_t after_phrase = end + phrase.words.size();
        if (word_is(after_phrase, "than") || (valid(after_phrase) && tokens_[after_phrase].kind == TokenKind::number) ||
            (number_word(after_phrase) && !word_is(after_phrase, "a"))) {
          break;
        }
        // "or equal (to)" makes a strict bound inclusive: "less than 5000 or equal".
        const bool or_equal = phrase.qualifier == Qualifier::exact;
        if (or_equal && (qualifier == Qualifier::less_than || qualifier == Qualifier::more_than)) {
          qualifier = qualifier == Qualifier::less_than ? Qualifier::at_most : Qualifier::at_least;
        } else if (!or_equal && qualifier == Qualifier::exact) {
          qualifier = phrase.qualifier;
        } else {
          break;
        }
        q.span.end = tokens_[end + phrase.words.size() - 1].end;
        end += phrase.words.size();
        break;
      }
    }
  }

  // The interval.
  if (core->vague) {
    q.qualifier = Qualifier::vague;
    q.low = core->vague_low;
    q.high = core->vague_high;
    q.high_open = true;
    if (qualified && (qualifier == Qualifier::more_than || qualifier == Qualifier::at_least)) q.high = kInf;
  } else if (is_range) {
    // Written either way round ("between 5 and 3"), a range is one interval.
    q.qualifier = Qualifier::range;
    q.low = std::min(q.value, range_high);
    q.high = std::max(q.value, range_high);
  } else {
    set_interval(q, qualifier);
  }
  if (q.noun.empty()) read_noun(end, q);
  q.amount.end = q.span.end;
  q.amount.begin = std::max(q.amount.begin, q.span.begin);
  next = end;
  return q;
}

// The currency a word before a '$' names: "US$", "C $", "HK$", "usd$", "Mex$".
std::string_view QuantityReader::Impl::currency_prefix(std::size_t k) const {
  if (!valid(k) || tokens_[k].kind != TokenKind::word) return {};
  const std::string_view w = lower(k);
  const std::string_view as_written = original(k);
  if (w == "us" || w == "usd") return "USD";
  if (w == "c" || w == "cad") return "CAD";
  if (w == "hk" || w == "hkd") return "HKD";
  if (w == "nz" || w == "nzd") return "NZD";
  if (w == "mex" || w == "mxn") return "MXN";
  if (w == "aud" || as_written == "A") return "AUD";
  if (as_written == "S") return "SGD";
  if (w == "s" && k > 1 && is_symbol(tokens_[k - 1], U'.') && touching(k) && word_is(k - 2, "u")) {
    return "USD";  // "u.s $"
  }
  return {};
}

// `range_high`, for a range, is scaled with the value ("30-40 MUSD", "5-10
// USD million"); a range takes no cents.
std::size_t QuantityReader::Impl::read_suffix(std::size_t end, Quantity& q, double* range_high) {
  if (const std::size_t next = read_percent(end, q)) return next;
  // A unit already read (glued to the digits, or a sign before them) takes no other.
  if (!q.unit.empty()) return end;
  if (const std::size_t next = read_currency_after(end, q, range_high)) return next;
  if (const std::size_t next = read_unit_after(end, q)) return next;
  return end;
}

// Each reader of a suffix below sets `q`'s unit and span end and returns the
// token after the suffix, or returns 0 and leaves `q` alone.

std::size_t QuantityReader::Impl::read_percent(std::size_t m, Quantity& q) const {
  // Percent: "85%", "85 percent", "85 per cent", "3 pct", "2 percentage points".
  if (valid(m) && is_symbol(tokens_[m], U'%') && tokens_[m].gap <= 1) {
    q.unit = "%";
    q.span.end = tokens_[m].end;
    return m + 1;
  }
  const std::string_view w = lower(m);
  if (w == "percent" || w == "percents" || w == "pct" || w == "percentage") {
    if (w == "percentage" && (word_is(m + 1, "points") || word_is(m + 1, "point"))) {
      q.unit = "pp";
      q.span.end = tokens_[m + 1].end;
      return m + 2;
    }
    q.unit = "%";
    q.span.end = tokens_[m].end;
    return m + 1;
  }
  if (w == "per" && word_is(m + 1, "cent")) {
    q.unit = "%";
    q.span.end = tokens_[m + 1].end;
    return m + 2;
  }
  return 0;
}

// Currency words: "9.5 billion dollars", "420 million finnish markka", "10 €".
std::size_t QuantityReader::Impl::read_currency_after(std::size_t m, Quantity& q, double* range_high) const {
  // "10 €" (but not "1 $10", where the sign opens the next amount).
  if (valid(m) && tokens_[m].kind == TokenKind::symbol && tokens_[m].gap <= 1 &&
      !(valid(m + 1) && tokens_[m + 1].kind == TokenKind::number && tokens_[m + 1].gap <= 1)) {
    if (const std::string_view code = quantities::find_currency_sign(tokens_[m].symbol); !code.empty()) {
      q.unit = std::string(code);
      q.span.end = tokens_[m].end;
      return m + 1;
    }
  }
  std::size_t c = m;
  if (valid(c) && is_dash(tokens_[c]) && touching(c) && touching(c + 1)) ++c;  // "one-yen", "12-cent"
  std::string_view country = quantities::find_currency_country(lower(c));
  if (!country.empty() || word_is(c, "us")) {
    ++c;
  } else if (word_is(c, "hong") && word_is(c + 1, "kong")) {
    country = "HKD", c += 2;
  } else if (word_is(c, "new") && word_is(c + 1, "zealand")) {
    country = "NZD", c += 2;
  }
  std::string_view code = quantities::find_currency_word(lower(c));
  bool millions = false;
  if (code.empty() && original(c).size() == 4 && original(c)[0] == 'M' &&
      std::all_of(original(c).begin(), original(c).end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; })) {
    code = quantities::find_currency_word(lower(c).substr(1));  // "30 MUSD", "120 MEUR"
    millions = !code.empty();
  }
  if (!code.empty()) {
    const bool iso_code = original(c).size() >= 3 && std::isupper(static_cast<unsigned char>(original(c)[0]));
    if (lower(c) != "won" && lower(c) != "try" && (iso_code || !capitalized(c) || lower(c) == "euro")) {
      // "australian dollars" are AUD, "swiss francs" CHF; a country's own word otherwise.
      q.unit = std::string(!country.empty() &&
                                   (code == "USD" || code == "CHF" || code == "TRY" || code == "CNY" || code == "INR")
                               ? country
                               : code);
      if (millions) {
        q.value *= 1e6;
        if (range_high) *range_high *= 1e6;
      }
      q.span.end = tokens_[c].end;
      ++c;
      // "75 USD million"
      if (const NumberWord* scale = number_word(c);
          scale && scale->kind == NumberWord::Kind::scale && !scale->plural && !scale->suffix) {
        q.value *= scale->value;
        if (range_high) *range_high *= scale->value;
        q.span.end = tokens_[c].end;
        ++c;
      }
      return range_high ? c : read_cents(c, q);
    }
  }
  return 0;
}

std::size_t QuantityReader::Impl::read_unit_after(std::size_t m, Quantity& q) const {
  // Units: "54,000 tons", "400 millimetres", "95 km", "7.8-magnitude", "190 square kilometres".
  std::size_t u = m;
  if (valid(u) && is_dash(tokens_[u]) && touching(u) && touching(u + 1)) ++u;
  bool square = false;
  if (word_is(u, "square") || word_is(u, "sq")) {
    square = true;
    ++u;
    if (valid(u) && is_symbol(tokens_[u], U'.')) ++u;
  }
  if (const std::string_view unit = quantities::find_unit_word(lower(u)); !unit.empty() && unit != "sq") {
    // Single letters ("t", "m", "g", "l") only count as units glued or right after digits.
    if (lower(u).size() > 1 || u == m) {
      q.unit = square ? std::string(unit) + "2" : std::string(unit);
      q.span.end = tokens_[u].end;
      return u + 1;
    }
  }
  return 0;
}

// "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 dollars 50",
// "17 USD 25": the smaller unit after the main one.
std::size_t QuantityReader::Impl::read_cents(std::size_t c, Quantity& q) const {
  if (q.unit == "cent" || q.unit == "GBX") return c;
  std::size_t m = c;
  if (word_is(m, "and")) ++m;
  std::optional<Core> cents = read_core(m, {}, false);
  if (!cents || cents->not_a_figure || cents->vague || cents->scale != 1 || cents->value <= 0 || cents->value >= 100) {
    return c;
  }
  std::size_t end = cents->last + 1;
  const std::string_view unit = lower(end);
  if (unit == "cents" || unit == "cent" || unit == "pence" || unit == "p") {
    ++end;
  } else if (valid(end) && tokens_[end].kind == TokenKind::word && !word_is(end, "and") && !word_is(end, "more")) {
    return c;  // "15 dollars 50 times": not cents
  }
  q.value += cents->value / 100;
  q.span.end = tokens_[end - 1].end;
  return end;
}

// The counted noun after a figure: "35,000 people", "15,000 children",
// "1.4 million Palestinians", "54 product groups".
void QuantityReader::Impl::read_noun(std::size_t m, Quantity& q) const {
  if (word_is(m, "of") && (q.qualifier == Qualifier::vague || lower(m + 1) == "the")) ++m;
  for (std::size_t k = m; k < m + 2 && valid(k); ++k) {
    const std::string_view w = lower(k);
    if (w.empty()) return;
    const std::string_view as_written = original(k);
    const bool demonym = capitalized(k) && as_written.size() > 4 &&
                         (as_written.ends_with("ians") || as_written.ends_with("ans") || as_written.ends_with("is") ||
                          as_written.ends_with("ese"));
    if (quantities::is_people_noun(w) || demonym) {
      q.noun = std::string(as_written);
      if (q.unit.empty()) q.unit = "people";
      return;
    }
    if (quantities::is_thing_noun(w)) {
      q.noun = k == m ? std::string(as_written) : fmt::format("{} {}", original(m), as_written);
      return;
    }
    // One lower-case word may come between: "54 product groups", "400 injured patients".
    if (capitalized(k) || w == "of" || w == "and" || w == "or" || w == "to") return;
  }
}

}  // namespace crosscheck
