// Numbers in digits, with what is glued to them or follows: a fraction,
// a suffix ("5m", "85%"), a scale word ("1.4 million").

#include <cmath>

#include "quantities/figure_reader.h"

namespace crosscheck {

namespace {
using enum quantities::ReaderRole;  // the reader words asked about here (reader_words.h)
}  // namespace

namespace {
using Kind = NumberWord::Kind;
}  // namespace

// A number in digits, with its fraction, suffix and scale words.
Core QuantityReader::Impl::read_digits(std::size_t i, std::string_view currency) const {
  const Token& token = tokens_[i];
  Core core;
  core.first = core.last = i;
  core.from_digits = true;
  core.value = token.value;
  if (token.overlong || token.dotted) {
    core.not_a_figure = true;  // "192.168.1.2", "1.2.3", a 30-digit run
    return core;
  }
  // What is glued to the digits or close after them says what they are:
  // the first of these that reads something reads all that is left.
  if (read_digit_fraction(core) || read_power(core) || read_glued_fraction(core) || read_glued_word(core, currency) ||
      read_letter_scale(core)) {
    return core;
  }
  // Most numbers have no number word after them, and no call for one here.
  // A scale word that is also a unit ("mm") is a scale only after a currency:
  // "$500 mm" is half a billion, "a 9 mm pistol" nine millimetres.
  if (may_be_number_word(core.first + 1) &&
      !(currency.empty() && !quantities::find_unit_word(lower(core.first + 1)).empty())) {
    read_scale_words(core);  // "1.4 million", "3 hundred and 21"
  }
  if (core.scale >= 1e3) read_scale_and_fraction(core);  // "3 million and a half"
  return core;
}

namespace {
// "/" or the fraction slash U+2044 ("1⁄32").
bool is_fraction_slash(const quantities::Token& token) {
  return token.kind == quantities::TokenKind::symbol && (token.symbol == U'/' || token.symbol == U'\u2044');
}
}  // namespace

// Fractions in digits: "3/4", "1⁄32", "2 1/4", "4-1/4 pct"; "5/17/2018" is a
// date, and "1/0" or "1.5/2" nothing.
inline bool QuantityReader::Impl::read_digit_fraction(Core& core) const {
  const Token& token = tokens_[core.first];
  const std::size_t k = core.first + 1;
  if (valid(k + 1) && is_fraction_slash(tokens_[k]) && touching(k) && touching(k + 1) &&
      tokens_[k + 1].kind == TokenKind::number) {
    if (valid(k + 2) && is_fraction_slash(tokens_[k + 2])) {
      core.last = std::min(k + 3, tokens_.size() - 1);
      core.not_a_figure = true;
      return true;
    }
    if (tokens_[k + 1].value == 0 || token.decimal || tokens_[k + 1].decimal) {
      core.not_a_figure = true;
      core.last = k + 1;
      return true;
    }
    core.value = token.value / tokens_[k + 1].value;
    core.last = k + 1;
    return true;
  }
  if (valid(k + 2) && !token.decimal && tokens_[k].kind == TokenKind::number && !touching(k) && tokens_[k].gap <= 3 &&
      is_symbol(tokens_[k + 1], U'/') && touching(k + 1) && touching(k + 2) &&
      tokens_[k + 2].kind == TokenKind::number && tokens_[k + 2].value > tokens_[k].value) {
    core.value = token.value + tokens_[k].value / tokens_[k + 2].value;  // "2 1/4"
    core.last = k + 2;
    return true;
  }
  if (is_dashed_mixed_number(core.first)) {  // "4-1/4 pct"
    core.value = token.value + tokens_[k + 1].value / tokens_[k + 3].value;
    core.last = k + 3;
    return true;
  }
  return false;
}

// Powers: "1.1^23", "2.5^-1", "1.3x10^6". A "^" without a whole exponent of
// at most 300 after it is not read here.
inline bool QuantityReader::Impl::read_power(Core& core) const {
  std::size_t m = core.first + 1;
  double base = core.value;
  double factor = 1;
  bool caret = true;
  const bool times = is(m, kTimesWord) || (valid(m) && is_symbol(tokens_[m], U'\u00D7'));  // "x", "×"
  if (valid(m + 2) && touching(m) && times && tokens_[m + 1].kind == TokenKind::number && touching(m + 1) &&
      tokens_[m + 1].value == 10 && !tokens_[m + 1].decimal) {
    // "1.3x10^6"; "2.998×10−8", with a minus sign right after the ten, is
    // the same power written without its caret.
    if (is_symbol(tokens_[m + 2], U'^')) {
      factor = core.value;
      base = 10;
      m += 2;
    } else if (is_dash(tokens_[m + 2]) && touching(m + 2) && valid(m + 3) && touching(m + 3) &&
               tokens_[m + 3].kind == TokenKind::number) {
      factor = core.value;
      base = 10;
      m += 1;  // the exponent's sign is read below
      caret = false;
    }
  }
  if (caret && (!valid(m + 1) || !is_symbol(tokens_[m], U'^') || !touching(m))) return false;
  std::size_t e = m + 1;
  int sign = 1;
  while (valid(e) && touching(e) && (is_dash(tokens_[e]) || is_symbol(tokens_[e], U'+'))) {
    if (is_dash(tokens_[e])) sign = -sign;
    ++e;
  }
  if (!valid(e) || !touching(e) || tokens_[e].kind != TokenKind::number || tokens_[e].decimal ||
      tokens_[e].value > 300) {
    return false;
  }
  core.value = factor * std::pow(base, sign * tokens_[e].value);
  core.last = e;
  if (!std::isfinite(core.value)) core.not_a_figure = true;
  return true;
}

// A fraction sign glued to the digits: "2½", "2½ million".
inline bool QuantityReader::Impl::read_glued_fraction(Core& core) const {
  const std::size_t k = core.first + 1;
  if (!valid(k) || !touching(k) || tokens_[k].kind != TokenKind::symbol || vulgar_fraction(tokens_[k].symbol) <= 0) {
    return false;
  }
  core.value += vulgar_fraction(tokens_[k].symbol);
  core.last = k;
  scale_fraction(core);
  return true;
}

// A word glued to the digits: a scale ("35k", "2.3bn", "10M"), a unit
// ("180ml"), a percent word ("5pc"), a currency ("100yuan"); an ordinal, decade or time ("4th",
// "1990s", "5pm") or any other word ("3D", "5G") makes them no figure.
inline bool QuantityReader::Impl::read_glued_word(Core& core, std::string_view currency) const {
  const std::size_t k = core.first + 1;
  if (!valid(k) || !touching(k) || tokens_[k].kind != TokenKind::word) return false;
  core.last = k;
  const std::string_view glued = lower(k);
  if (quantities::is_glued_suffix(glued)) {
    core.not_a_figure = true;  // ordinal, decade, time
    return true;
  }
  // "5G", "4G networks": a network's generation, no giga ("1,674.5G" is one).
  if (original(k) == "G" && currency.empty() && !tokens_[core.first].decimal && core.value < 10) {
    core.not_a_figure = true;
    return true;
  }
  if (const double scale = glued_scale(k, currency); scale > 0) {
    core.value *= scale;
    core.scale = scale;
    return true;
  }
  if (const std::string_view unit = quantities::find_unit_word(glued); !unit.empty()) {
    core.unit = unit;
    return true;
  }
  if (bool points = false; quantities::percent_phrase(glued, {}, points) == 1) {
    core.unit = points ? "pp" : "%";  // "1.38pc", "24pc": British papers' percent
    return true;
  }
  if (const std::string_view code = quantities::find_currency_word(glued); !code.empty()) {
    // "100yuan", "$20USD"; "164p", "118.5p": pence, but "720p", "1080p" are a
    // screen's lines and "3p.m." a time.
    const bool pence =
        quantities::is_glued_only_unit(glued) && currency.empty() && !(is_screen_lines(core) || glued_time(k));
    if (glued.size() > 2 || pence) {
      core.currency = code;
      return true;
    }
  }
  core.not_a_figure = true;  // "3D", "5G", "4x4": a name, not a figure
  return true;
}

// The scale a word glued to digits names, or 0: "k", "bn", "mln", "dozen";
// "M", "MM" and "G" as written; "m" and "T" only after a currency ("$5m",
// "$2T": "5m" alone is metres) or before a unit or a counted noun ("1.2m
// tons").
inline double QuantityReader::Impl::glued_scale(std::size_t k, std::string_view currency) const {
  const std::string_view glued = lower(k);
  const std::string_view as_written = original(k);
  // "1.2m tons", "2.5m people": a unit or a counted noun after the letter
  // says it is a scale, as a currency before it does.
  const bool counted = valid(k + 1) && !touching(k + 1) && tokens_[k + 1].kind == TokenKind::word &&
                       (!quantities::find_unit_word(lower(k + 1)).empty() ||
                        quantities::is_counted_noun(lower(k + 1)) || counted_of(k + 1));
  if (const double letters = quantities::glued_scale_letter(as_written, !currency.empty() || counted); letters > 0) {
    return letters;
  }
  const NumberWord* w = quantities::find_number_word(glued);
  // "1.5mm" is millimetres; "$1.5mm" a million and a half.
  if (w && currency.empty() && !quantities::find_unit_word(glued).empty()) return 0;
  if (w && w->kind == NumberWord::Kind::scale && (w->suffix || w->value >= 1e3)) return w->value;
  if (w && w->kind == NumberWord::Kind::dozen) return 12;
  return 0;
}

// Whether an "of" at token k counts a noun right after it, or after "its"
// and a name: "35m of its Echo devices" (but "the last 100m of the race",
// "2m of water in people's homes", "50m of the men's 400m").
inline bool QuantityReader::Impl::counted_of(std::size_t k) const {
  constexpr std::size_t kLongestName = 2;
  if (!is(k, kAmountOf)) return false;
  std::size_t m = k + 1;
  if (is(m, kNounOfArticle)) ++m;
  for (std::size_t names = 0; names < kLongestName && capitalized(m); ++names) ++m;
  return quantities::is_counted_noun(lower(m)) && !(valid(m + 1) && is_symbol(tokens_[m + 1], U'\''));
}

// Whether the letter glued at token k, a dot and a letter make a time: "3p.m.".
inline bool QuantityReader::Impl::glued_time(std::size_t k) const {
  return is(k, kTimeInitial) && valid(k + 2) && is_symbol(tokens_[k + 1], U'.') && touching(k + 1) && touching(k + 2) &&
         tokens_[k + 2].kind == TokenKind::word;
}

// Whether digits glued to "p" are a video's lines, not pence: "720p",
// "1080p", the heights of the common screens.
inline bool QuantityReader::Impl::is_screen_lines(const Core& core) const {
  const double v = core.value;
  return !tokens_[core.first].decimal && !tokens_[core.first].grouped &&
         (v == 240 || v == 360 || v == 480 || v == 720 || v == 1080 || v == 1440 || v == 2160 || v == 4320);
}

// A capital letter for a scale after a space: "2.33 K", "1,674.5 G", "10
// M" (one letter, not glued to a word after it).
inline bool QuantityReader::Impl::read_letter_scale(Core& core) const {
  const std::size_t k = core.first + 1;
  if (!valid(k) || tokens_[k].kind != TokenKind::word || tokens_[k].gap > 2 || original(k).size() != 1 ||
      (valid(k + 1) && touching(k + 1) && tokens_[k + 1].kind == TokenKind::word)) {
    return false;
  }
  const double scale = quantities::spaced_scale_letter(original(k));
  if (scale == 0) return false;
  core.value *= scale;
  core.scale = scale;
  core.last = k;
  return true;
}

// Scale words after a space: "1.4 million", "10 bln", "3 dozens", "2
// hundred thousand", each multiplying the number, with what a hundred or a
// scale leaves to add after it ("3 hundred and 21").
inline void QuantityReader::Impl::read_scale_words(Core& core) const {
  std::size_t k = core.first + 1;
  while (valid(k)) {
    const NumberWord* w = number_word(k);
    if (!w || !(w->kind == Kind::scale || w->kind == Kind::hundred || w->kind == Kind::dozen)) break;
    if (w->kind == Kind::scale && w->plural) break;
    if (w->kind == Kind::scale && is(k, kGluedOnlyScale)) break;
    core.value *= w->value;
    core.scale *= w->value;
    core.last = k;
    ++k;
    if (w->kind == Kind::hundred || w->kind == Kind::scale) k = add_after_scale(core, k, *w);
  }
}

// What is added after a hundred or a scale in a number of digits, from token
// k on: "3 hundred and 21", "3 hundred and one", "6 crore and two hundred",
// "4 thousand 3 hundred and 21". Returns the token to read on from.
inline std::size_t QuantityReader::Impl::add_after_scale(Core& core, std::size_t k, const NumberWord& scale) const {
  std::size_t m = k;
  if (is(m, kNumberAnd)) ++m;
  if (valid(m) && tokens_[m].kind == TokenKind::number && !tokens_[m].decimal && tokens_[m].value < scale.value &&
      !(valid(m + 1) && number_word(m + 1))) {
    core.value += tokens_[m].value;
    core.last = m;
    return m + 1;
  }
  if (m > k && valid(m) && tokens_[m].kind == TokenKind::word) {
    // "3 hundred and one", "6 crore and two hundred"
    if (std::optional<Core> rest = read_number_words(m, true); rest && rest->value < scale.value && rest->value >= 1) {
      core.value += rest->value;
      core.last = rest->last;
      return rest->last + 1;
    }
    return k;
  }
  if (!valid(m) || tokens_[m].kind != TokenKind::number || tokens_[m].decimal || !valid(m + 1) || !number_word(m + 1) ||
      number_word(m + 1)->kind != Kind::hundred || scale.kind != Kind::scale || tokens_[m].value >= 10) {
    return k;
  }
  core.value += tokens_[m].value * 100;  // "4 thousand 3 hundred"
  core.last = m + 1;
  std::size_t n = m + 2;
  if (is(n, kNumberAnd)) ++n;
  if (valid(n) && tokens_[n].kind == TokenKind::number && tokens_[n].value < 100 && tokens_[n].value > 0 &&
      !tokens_[n].decimal) {
    core.value += tokens_[n].value;
    core.last = n;
    return n + 1;
  }
  return m + 2;
}

// "3 million and a half", "3 million and a quarter": a fraction of the scale.
inline void QuantityReader::Impl::read_scale_and_fraction(Core& core) const {
  if (core.scale < 1e3 || !is(core.last + 1, kNumberAnd)) return;
  const std::size_t m = core.last + 2;
  double numerator = 0;
  if (is(m, kOneNumerator)) {
    numerator = 1;
  } else if (const NumberWord* n = number_word(m); n && n->kind == Kind::unit && n->value > 0) {
    numerator = n->value;
  }
  const NumberWord* denominator = numerator > 0 ? number_word(m + 1) : nullptr;
  if (denominator && (denominator->kind == Kind::half || denominator->kind == Kind::denominator)) {
    core.value += numerator / denominator->value * core.scale;
    core.last = m + 1;
  }
}

// A scale word after a fraction sign scales it: "¾ trillion" is 7.5e11,
// not 0.75.
void QuantityReader::Impl::scale_fraction(Core& core) const {
  if (const NumberWord* w = scale_word(core.last + 1)) {
    core.value *= w->value;
    core.scale = w->value;
    core.last += 1;
  }
}

}  // namespace crosscheck
