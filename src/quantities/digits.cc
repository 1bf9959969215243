// Numbers in digits, with what is glued to them or follows: a fraction,
// a suffix ("5m", "85%"), a scale word ("1.4 million").

#include <cmath>

#include "quantities/figure_reader.h"

namespace crosscheck {

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
  std::size_t k = i + 1;
  // "3/4", "2 1/4"; but "5/17/2018" is a date.
  if (valid(k + 1) && is_symbol(tokens_[k], U'/') && touching(k) && touching(k + 1) &&
      tokens_[k + 1].kind == TokenKind::number) {
    if (valid(k + 2) && is_symbol(tokens_[k + 2], U'/')) {
      core.last = std::min(k + 3, tokens_.size() - 1);
      core.not_a_figure = true;
      return core;
    }
    if (tokens_[k + 1].value == 0 || token.decimal || tokens_[k + 1].decimal) {
      core.not_a_figure = true;
      core.last = k + 1;
      return core;
    }
    core.value = token.value / tokens_[k + 1].value;
    core.last = k + 1;
    return core;
  }
  if (valid(k + 2) && !token.decimal && tokens_[k].kind == TokenKind::number && !touching(k) && tokens_[k].gap <= 3 &&
      is_symbol(tokens_[k + 1], U'/') && touching(k + 1) && touching(k + 2) &&
      tokens_[k + 2].kind == TokenKind::number && tokens_[k + 2].value > tokens_[k].value) {
    core.value = token.value + tokens_[k].value / tokens_[k + 2].value;  // "2 1/4"
    core.last = k + 2;
    return core;
  }
  if (is_dashed_mixed_number(i)) {  // "4-1/4 pct"
    core.value = token.value + tokens_[k + 1].value / tokens_[k + 3].value;
    core.last = k + 3;
    return core;
  }
  // Powers: "1.1^23", "2.5^-1", "1.3x10^6".
  {
    std::size_t m = k;
    double base = token.value;
    double factor = 1;
    if (valid(m + 2) && touching(m) && lower(m) == "x" && tokens_[m + 1].kind == TokenKind::number && touching(m + 1) &&
        tokens_[m + 1].value == 10 && is_symbol(tokens_[m + 2], U'^')) {
      factor = token.value;
      base = 10;
      m += 2;
    }
    if (valid(m + 1) && is_symbol(tokens_[m], U'^') && touching(m)) {
      std::size_t e = m + 1;
      int sign = 1;
      while (valid(e) && touching(e) && (is_dash(tokens_[e]) || is_symbol(tokens_[e], U'+'))) {
        if (is_dash(tokens_[e])) sign = -sign;
        ++e;
      }
      if (valid(e) && touching(e) && tokens_[e].kind == TokenKind::number && !tokens_[e].decimal &&
          tokens_[e].value <= 300) {
        core.value = factor * std::pow(base, sign * tokens_[e].value);
        core.last = e;
        if (!std::isfinite(core.value)) core.not_a_figure = true;
        return core;
      }
    }
  }
  // "2½"
  if (valid(k) && touching(k) && tokens_[k].kind == TokenKind::symbol && vulgar_fraction(tokens_[k].symbol) > 0) {
    core.value += vulgar_fraction(tokens_[k].symbol);
    core.last = k;
    scale_fraction(core);  // "2½ million"
    return core;
  }
  // A word glued to the digits: "35k", "2.3bn", "10M", "180ml", "4th", "1990s".
  if (valid(k) && touching(k) && tokens_[k].kind == TokenKind::word) {
    const std::string_view glued = lower(k);
    const std::string_view as_written = original(k);
    if (glued == "st" || glued == "nd" || glued == "rd" || glued == "th" || glued == "s" || glued == "am" ||
        glued == "pm") {
      core.last = k;
      core.not_a_figure = true;  // ordinal, decade, time
      return core;
    }
    double scale = 0;
    if (as_written == "M" || as_written == "MM" || (glued == "m" && !currency.empty())) {
      scale = 1e6;
    } else if (as_written == "G") {
      scale = 1e9;
    } else if (as_written == "T" && !currency.empty()) {
      scale = 1e12;
    } else if (const NumberWord* w = quantities::find_number_word(glued);
               w && w->kind == NumberWord::Kind::scale && (w->suffix || w->value >= 1e3)) {
      scale = w->value;
    } else if (w && w->kind == NumberWord::Kind::dozen) {
      scale = 12;
    }
    if (scale > 0) {
      core.value *= scale;
      core.scale = scale;
      core.last = k;
      return core;
    }
    if (const std::string_view unit = quantities::find_unit_word(glued); !unit.empty()) {
      core.unit = unit;
      core.last = k;
      return core;
    }
    if (const std::string_view code = quantities::find_currency_word(glued); !code.empty() && glued.size() > 2) {
      core.currency = code;
      core.last = k;
      return core;
    }
    core.last = k;
    core.not_a_figure = true;  // "3D", "5G", "4x4": a name, not a figure
    return core;
  }
  // Scale words after a space: "1.4 million", "10 bln", "2.33 k", "3 dozens", "1,674.5 G".
  if (valid(k) && tokens_[k].kind == TokenKind::word && tokens_[k].gap <= 2 && original(k).size() == 1 &&
      !(valid(k + 1) && touching(k + 1) && tokens_[k + 1].kind == TokenKind::word)) {
    const char letter = original(k)[0];
    const double scale = letter == 'K'                    ? 1e3
                         : letter == 'M'                  ? 1e6
                         : letter == 'G' || letter == 'B' ? 1e9
                         : letter == 'T'                  ? 1e12
                                                          : 0;
    if (scale > 0) {
      core.value *= scale;
      core.scale = scale;
      core.last = k;
      return core;
    }
  }
  while (valid(k)) {
    const NumberWord* w = number_word(k);
    if (!w) break;
    if (w->kind == NumberWord::Kind::scale || w->kind == NumberWord::Kind::hundred ||
        w->kind == NumberWord::Kind::dozen) {
      if (w->kind == NumberWord::Kind::scale && w->plural) break;
      if (w->kind == NumberWord::Kind::scale && w->value == 1e9 && lower(k) == "b") break;
      core.value *= w->value;
      core.scale *= w->value;
      core.last = k;
      ++k;
      // "3 hundred and 21", "4 thousand 3 hundred and 21"
      if (w->kind == NumberWord::Kind::hundred || w->kind == NumberWord::Kind::scale) {
        std::size_t m = k;
        if (word_is(m, "and")) ++m;
        if (valid(m) && tokens_[m].kind == TokenKind::number && !tokens_[m].decimal && tokens_[m].value < w->value &&
            !(valid(m + 1) && number_word(m + 1))) {
          core.value += tokens_[m].value;
          core.last = m;
          k = m + 1;
        } else if (m > k && valid(m) && tokens_[m].kind == TokenKind::word) {
          // "3 hundred and one", "6 crore and two hundred"
          if (std::optional<Core> rest = read_number_words(m, true);
              rest && rest->value < w->value && rest->value >= 1) {
            core.value += rest->value;
            core.last = rest->last;
            k = rest->last + 1;
          }
        } else if (valid(m) && tokens_[m].kind == TokenKind::number && !tokens_[m].decimal && valid(m + 1) &&
                   number_word(m + 1) && number_word(m + 1)->kind == NumberWord::Kind::hundred &&
                   w->kind == NumberWord::Kind::scale && tokens_[m].value < 10) {
          core.value += tokens_[m].value * 100;  // "4 thousand 3 hundred"
          core.last = m + 1;
          k = m + 2;
          std::size_t n = k;
          if (word_is(n, "and")) ++n;
          if (valid(n) && tokens_[n].kind == TokenKind::number && tokens_[n].value < 100 && tokens_[n].value > 0 &&
              !tokens_[n].decimal) {
            core.value += tokens_[n].value;
            core.last = n;
            k = n + 1;
          }
        }
      }
      continue;
    }
    break;
  }
  // "3 million and a half", "3 million and a quarter".
  if (core.scale >= 1e3 && word_is(core.last + 1, "and")) {
    std::size_t m = core.last + 2;
    double numerator = 0;
    if (word_is(m, "a") || word_is(m, "an") || word_is(m, "one")) {
      numerator = 1;
    } else if (const NumberWord* n = number_word(m); n && n->kind == NumberWord::Kind::unit && n->value > 0) {
      numerator = n->value;
    }
    const NumberWord* denominator = numerator > 0 ? number_word(m + 1) : nullptr;
    if (denominator &&
        (denominator->kind == NumberWord::Kind::half || denominator->kind == NumberWord::Kind::denominator)) {
      core.value += numerator / denominator->value * core.scale;
      core.last = m + 1;
    }
  }
  return core;
}

// A scale word after a fraction sign scales it: "¾ trillion" is 7.5e11,
// not 0.75.
void QuantityReader::Impl::scale_fraction(Core& core) const {
  const NumberWord* w = number_word(core.last + 1);
  if (w && w->kind == NumberWord::Kind::scale && !w->plural && !w->suffix) {
    core.value *= w->value;
    core.scale = w->value;
    core.last += 1;
  }
}

}  // namespace crosscheck
