// What follows a figure's number: percent, a currency word or sign, a unit
// and the cents after a currency, and the counted noun.

#include <algorithm>
#include <cctype>

#include "quantities/figure_reader.h"

namespace crosscheck {

namespace {
using enum quantities::ReaderRole;  // the reader words asked about here (reader_words.h)
// The unit symbol of a quake's magnitude (units.yaml's "magnitude"): a
// symbol of the output, as "%" and "people" are, not a word.
constexpr std::string_view kMagnitudeUnit = "magnitude";
}  // namespace

// Each reader of a suffix below (read_suffix in figure_assembly.cc takes the
// first that reads one) sets `q`'s unit and span end and returns the token
// after the suffix, or returns 0 and leaves `q` alone.

std::size_t QuantityReader::Impl::read_percent(std::size_t m, Quantity& q) const {
  // Percent: "85%", "85 percent", "85 per cent", "3 pct", "2 percentage points".
  if (valid(m) && is_symbol(tokens_[m], U'%') && tokens_[m].gap <= 1) {
    q.unit = "%";
    q.span.end = tokens_[m].end;
    return m + 1;
  }
  // The pack's percent words (units.yaml).
  bool points = false;
  // Not one that is a percent only glued ("5pc"; "the top 3 PC makers").
  if (const std::size_t words = quantities::percent_phrase(lower(m), lower(m + 1), points);
      words > 0 && !quantities::is_glued_only_unit(lower(m))) {
    q.unit = points ? "pp" : "%";
    q.span.end = tokens_[m + words - 1].end;
    return m + words;
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
  std::size_t country_words = 0;
  const std::string_view country = quantities::find_currency_country(lower(c), lower(c + 1), country_words);
  if (country_words == 0 && is(c, kCountryWithoutCode)) country_words = 1;  // "5 US dollars": USD as it is
  c += country_words;
  std::string_view code = quantities::find_currency_word(lower(c));
  bool millions = false;
  if (code.empty() && original(c).size() == 4 && original(c)[0] == 'M' &&
      std::all_of(original(c).begin(), original(c).end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; })) {
    code = quantities::find_currency_word(lower(c).substr(1));  // "30 MUSD", "120 MEUR"
    millions = !code.empty();
  }
  // "40,000 pounds of food", "2.3 mln pounds of peanuts": a weight; "500
  // million pounds of aid" money.
  const bool weight = !code.empty() && country_words == 0 && !quantities::find_unit_word(lower(c)).empty() &&
                      is(c + 1, kAmountOf) && !is(c + 2, kMoneyNoun) && !is(c + 3, kMoneyNoun) &&
                      !is(c + 4, kMoneyNoun);
  // "164p" is pence, "20 p" after a space no currency.
  const bool spaced_glued_only = quantities::is_glued_only_unit(lower(c)) && !touching(c);
  if (!code.empty() && !weight && !spaced_glued_only) {
    const bool iso_code = original(c).size() >= 3 && std::isupper(static_cast<unsigned char>(original(c)[0]));
    // Capitalized, a currency word is read only from three letters on ("5
    // Euro", "USD"); "won" and "try" never (the pack's not_currency_words).
    if (!quantities::is_not_currency_word(lower(c)) && (iso_code || !capitalized(c))) {
      // "australian dollars" are AUD, "swiss francs" CHF; a country's own word otherwise.
      q.unit = std::string(!country.empty() && quantities::is_shared_currency_code(code) ? country : code);
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
  // "6.1 - magnitude": a treebank's text spaces the dash (ECB+); only a
  // magnitude is read across one, never "10 - 15 km".
  if (valid(u + 1) && is_dash(tokens_[u]) && !touching(u) &&
      quantities::find_unit_word(lower(u + 1)) == kMagnitudeUnit) {
    ++u;
  }
  bool square = false;
  if (is(u, kSquareWord)) {
    square = true;
    ++u;
    if (valid(u) && is_symbol(tokens_[u], U'.')) ++u;
  }
  // A word that is a unit only glued to the digits ("2TB", "300hp") is an
  // acronym after a space: "1,200 TB deaths", "300 HP printers".
  if (const std::string_view unit = quantities::find_unit_word(lower(u));
      !unit.empty() && unit != "sq" && !quantities::is_glued_only_unit(lower(u))) {
    // Single letters ("t", "m", "g", "l") only count as units glued or right after digits.
    if (lower(u).size() > 1 || u == m) {
      q.unit = square ? std::string(unit) + "2" : std::string(unit);
      q.span.end = tokens_[u].end;
      return u + 1;
    }
  }
  return 0;
}

// The unit of a figure with none after it that the words around give it: a
// word before it ("magnitude 6.1", "magnitude-7.8") or, for a decimal below
// ten, a quake noun right after it ("a 9.1 temblor"). A magnitude is a
// measure, never a toll: the claims stage gives it no count's metric.
void QuantityReader::Impl::read_unit_around(std::size_t start, const Core& core, std::size_t end, Quantity& q) const {
  std::size_t before = start;
  if (before > 0 && is_dash(tokens_[before - 1]) && touching(before) && touching(before - 1)) --before;
  if (before > 0 && is(before - 1, kUnitBefore)) {
    q.unit = std::string(quantities::find_unit_word(lower(before - 1)));
  } else if (core.from_digits && tokens_[core.first].decimal && core.value < 10 && is(end, kQuakeNoun)) {
    q.unit = kMagnitudeUnit;
  }
}

// "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 dollars 50",
// "17 USD 25": the smaller unit after the main one.
std::size_t QuantityReader::Impl::read_cents(std::size_t c, Quantity& q) const {
  if (q.unit == "cent" || q.unit == "GBX") return c;
  std::size_t m = c;
  if (is(m, kCentsJoiner)) ++m;
  std::optional<Core> cents = read_core(m, {}, false);
  if (!cents || cents->not_a_figure || cents->vague || cents->scale != 1 || cents->value <= 0 || cents->value >= 100) {
    return c;
  }
  std::size_t end = cents->last + 1;
  const std::string_view unit = lower(end);
  if (quantities::is_minor_unit_word(unit)) {
    ++end;
  } else if (valid(end) && tokens_[end].kind == TokenKind::word && !is(end, kAfterCents)) {
    return c;  // "15 dollars 50 times": not cents
  }
  q.value += cents->value / 100;
  q.span.end = tokens_[end - 1].end;
  return end;
}

// The counted noun after a figure: "35,000 people", "15,000 children",
// "1.4 million Palestinians", "54 product groups".
void QuantityReader::Impl::read_noun(std::size_t m, Quantity& q) const {
  if (is(m, kNounOf) && (q.qualifier == Qualifier::vague || is(m + 1, kNounOfArticle))) ++m;
  for (std::size_t k = m; k < m + 2 && valid(k); ++k) {
    const std::string_view w = lower(k);
    if (w.empty()) return;
    const std::string_view as_written = original(k);
    const bool demonym = capitalized(k) && as_written.size() > 4 && quantities::has_demonym_ending(as_written);
    if (quantities::is_people_noun(w) || demonym || quantities::is_event_noun(w)) {
      q.noun = std::string(as_written);
      if (q.unit.empty()) q.unit = "people";
      return;
    }
    if (quantities::is_thing_noun(w)) {
      q.noun = k == m ? std::string(as_written) : fmt::format("{} {}", original(m), as_written);
      return;
    }
    // One lower-case word may come between: "54 product groups", "400 injured patients".
    if (capitalized(k) || is(k, kNounStop)) return;
  }
}

}  // namespace crosscheck
