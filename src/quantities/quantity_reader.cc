#include <algorithm>
#include <cmath>
#include <optional>

#include "crosscheck/quantities.h"
#include "quantities/tokenizer.h"
#include "quantities/vocabulary.h"

namespace crosscheck {

using quantities::NumberWord;
using quantities::Token;
using quantities::TokenKind;

std::string_view format_as(Qualifier qualifier) {
  switch (qualifier) {
    case Qualifier::exact: return "exact";
    case Qualifier::at_least: return "at_least";
    case Qualifier::more_than: return "more_than";
    case Qualifier::nearly: return "nearly";
    case Qualifier::approx: return "approx";
    case Qualifier::at_most: return "at_most";
    case Qualifier::less_than: return "less_than";
    case Qualifier::range: return "range";
    case Qualifier::vague: return "vague";
  }
  return "exact";
}

bool Quantity::contains(double x) const {
  const bool above_low = low_open ? x > low : x >= low;
  const bool below_high = high_open ? x < high : x <= high;
  return above_low && below_high;
}

namespace {

// Shortest text that reads back as the same double: 35000, 1400000, 0.5.
std::string number_text(double value) {
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  return fmt::format("{}", value);
}

}  // namespace

std::string interval_text(double low, double high, bool low_open, bool high_open) {
  // An infinite end is always open: "[5194, inf)", never "inf]" (a conflict's
  // cluster of open-ended figures came out closed).
  low_open = low_open || std::isinf(low);
  high_open = high_open || std::isinf(high);
  return fmt::format("{}{}, {}{}", low_open ? "(" : "[", number_text(low), number_text(high), high_open ? ")" : "]");
}

std::string describe(const Quantity& q, std::string_view text) {
  std::string as_written(q.span.view(text));
  std::replace(as_written.begin(), as_written.end(), '\n', ' ');  // one line per figure
  std::string out = fmt::format("'{}' = {} {} {}", as_written, number_text(q.value),
                                interval_text(q.low, q.high, q.low_open, q.high_open), q.qualifier);
  if (!q.unit.empty()) out += " " + q.unit;
  if (!q.noun.empty() && q.noun != q.unit) out += fmt::format(" ({})", q.noun);
  return out;
}

namespace {

constexpr double kInf = Quantity::kInfinity;

// A number read from the tokens, before qualifiers and ranges.
struct Core {
  std::size_t first = 0;  // token indices, inclusive
  std::size_t last = 0;
  double value = 0;
  double scale = 1;         // the scale word or suffix applied ("million")
  bool from_digits = false;
  bool single_word_one = false;  // the word "one" alone: maybe a pronoun
  bool vague = false;
  double vague_low = 0, vague_high = 0;
  bool not_a_figure = false;  // a date, an ordinal, an identifier...: skip tokens first..last
  std::string_view unit;      // from a suffix glued to the digits: "km", "%"
  std::string_view currency;
};

Core make_core(std::size_t first, std::size_t last, double value) {
  Core core;
  core.first = first;
  core.last = last;
  core.value = value;
  return core;
}

bool is_symbol(const Token& token, char32_t symbol) {
  return token.kind == TokenKind::symbol && token.symbol == symbol;
}

bool is_dash(const Token& token) {
  return token.kind == TokenKind::symbol &&
         (token.symbol == U'-' || token.symbol == U'\u2013' || token.symbol == U'\u2014' || token.symbol == U'\u2212');
}

double vulgar_fraction(char32_t c) {
  switch (c) {
    case U'\u00BC': return 0.25;
    case U'\u00BD': return 0.5;
    case U'\u00BE': return 0.75;
    case U'\u2153': return 1.0 / 3;
    case U'\u2154': return 2.0 / 3;
    case U'\u2155': return 0.2;
    case U'\u2156': return 0.4;
    case U'\u2157': return 0.6;
    case U'\u2158': return 0.8;
    case U'\u2159': return 1.0 / 6;
    case U'\u215A': return 5.0 / 6;
    case U'\u215B': return 0.125;
    case U'\u215C': return 0.375;
    case U'\u215D': return 0.625;
    case U'\u215E': return 0.875;
    default: return -1;
  }
}

}  // namespace

class QuantityReader::Impl {
 public:
  explicit Impl(IntervalMargins margins) : margins_(margins) {}

  // Whether the last text read holds a word whose role has the kWatched bit.
  bool holds_watched_word() const { return all_roles_ & quantities::kWatched; }

  void read(std::string_view text, std::vector<Quantity>& out) { read(text, out, *vocabulary_roles_); }

  // `roles` is the vocabulary's word roles, or a copy with watched words.
  void read(std::string_view text, std::vector<Quantity>& out, const PackedWordMap<std::uint8_t>& roles) {
    out.clear();
    // NOTE: offsets are 32-bit; callers pass sentences or articles, never 4 GiB.
    if (text.size() >= UINT32_MAX) text = text.substr(0, UINT32_MAX - 1);
    text_ = text;
    quantities::tokenize(text, roles, tokens_, lower_);
    mark_number_like_tokens();
    for (std::size_t i = 0; i < tokens_.size();) {
      // Cheap filters first: a figure starts at a number, at a word that can
      // open one (and then only with a number close behind), or at a sign.
      const Token& token = tokens_[i];
      if (roles_[i] & kInWebAddress) {
        ++i;  // numbers inside a web address or an e-mail are not figures
        continue;
      }
      if (next_number_like_[i] > i + kMaxLeadTokens) {
        i = next_number_like_[i] - kMaxLeadTokens;
        continue;
      }
      if (token.kind == TokenKind::symbol && !quantities::find_currency_sign(token.symbol).size() &&
          vulgar_fraction(token.symbol) < 0 && !is_dash(token) && token.symbol != U'<' && token.symbol != U'>') {
        ++i;
        continue;
      }
      if (token.kind == TokenKind::word && !(roles_[i] & quantities::kStartsFigure) &&
          !(valid(i + 1) && tokens_[i + 1].kind == TokenKind::symbol && tokens_[i + 1].gap <= 1 &&
            !quantities::find_currency_sign(tokens_[i + 1].symbol).empty())) {
        ++i;  // most words: no figure starts here
        continue;
      }
      std::size_t next = i + 1;
      // A figure beyond kMaxFigure is not a figure: its tokens are passed
      // over whole, never read again as a smaller number.
      if (std::optional<Quantity> quantity = read_figure(i, next); quantity && within_ceiling(*quantity)) {
        out.push_back(std::move(*quantity));
      }
      i = std::max(next, i + 1);
    }
    join_bounds(out);
  }

 private:
  // Whether every number of `q` is at most kMaxFigure in size (an open end
  // may be infinite); false for NaN.
  static bool within_ceiling(const Quantity& q) {
    auto bound = [](double x) { return std::isinf(x) || std::abs(x) <= kMaxFigure; };
    return std::abs(q.value) <= kMaxFigure && bound(q.low) && bound(q.high);
  }

  // One past the last token of the web address or e-mail that token i is part
  // of (a run without spaces holding "://", "www." or "@"), or 0.
  std::size_t web_address_end(std::size_t i) const {
    if (tokens_[i].kind != TokenKind::word || !valid(i + 1) || !touching(i + 1)) return 0;
    // Only a scheme, "www" or an e-mail's "@" can open one: check that first.
    const std::string_view w = lower(i);
    const bool opens = w == "http" || w == "https" || w == "ftp" || w == "www" ||
                       (tokens_[i + 1].kind == TokenKind::symbol && tokens_[i + 1].symbol == U'@');
    if (!opens) return 0;
    std::size_t end = i + 1;
    while (valid(end) && touching(end)) ++end;
    const std::string_view run = text_.substr(tokens_[i].begin, tokens_[end - 1].end - tokens_[i].begin);
    const bool address = run.find("://") != std::string_view::npos || run.starts_with("www.") ||
                         run.find('@') != std::string_view::npos;
    return address ? end : 0;
  }

  // "more than 10 and less than 20", "at most 100 and at least 20": a lower
  // and an upper bound joined by "and", "but" or a comma make one interval.
  void join_bounds(std::vector<Quantity>& figures) const {
    if (figures.size() < 2) return;
    auto lower_bound_only = [](const Quantity& q) {
      return q.qualifier == Qualifier::more_than || q.qualifier == Qualifier::at_least;
    };
    auto upper_bound_only = [](const Quantity& q) {
      return q.qualifier == Qualifier::less_than || q.qualifier == Qualifier::at_most;
    };
    auto bound_pair = [&](const Quantity& a, const Quantity& b) {
      return (lower_bound_only(a) && upper_bound_only(b)) || (upper_bound_only(a) && lower_bound_only(b));
    };
    bool any_pair = false;  // nearly always none: then nothing is copied
    for (std::size_t k = 0; k + 1 < figures.size(); ++k) any_pair = any_pair || bound_pair(figures[k], figures[k + 1]);
    if (!any_pair) return;
    std::vector<Quantity> joined;
    for (std::size_t k = 0; k < figures.size(); ++k) {
      if (k + 1 < figures.size()) {
        const Quantity& a = figures[k];
        const Quantity& b = figures[k + 1];
        std::string_view between = text_.substr(a.span.end, b.span.begin - a.span.end);
        while (!between.empty() && (between.front() == ' ' || between.front() == ',')) between.remove_prefix(1);
        while (!between.empty() && (between.back() == ' ' || between.back() == ',')) between.remove_suffix(1);
        const bool joins = (between.empty() && text_.substr(a.span.end, b.span.begin - a.span.end).find(',') !=
                                                   std::string_view::npos) ||
                           between == "and" || between == "but";
        const bool pair = bound_pair(a, b);
        const Quantity& low = lower_bound_only(a) ? a : b;
        const Quantity& high = lower_bound_only(a) ? b : a;
        if (joins && pair && a.unit == b.unit && low.low < high.high) {
          Quantity both = low;
          both.span = {a.span.begin, b.span.end};
          both.amount = both.span;
          both.qualifier = Qualifier::range;
          both.high = high.high;
          both.high_open = high.high_open;
          both.high_number = high.number;
          joined.push_back(std::move(both));
          ++k;
          continue;
        }
      }
      joined.push_back(std::move(figures[k]));
    }
    figures = std::move(joined);
  }

  // A role bit of our own, beside quantities::WordRole: inside a web address.
  static constexpr std::uint8_t kInWebAddress = 0x80;

  // The most tokens a figure's words take before its number: "in the region of".
  static constexpr std::size_t kMaxLeadTokens = 6;

  // Marks, for each token, whether a figure may start there (`roles_`)
  // and the index of the next token that is a number, a number word or a
  // fraction sign (`next_number_like_`), so that most of a text is skipped
  // with two array reads.
  void mark_number_like_tokens() {
    const std::size_t n = tokens_.size();
    roles_.resize(n);
    next_number_like_.resize(n + 1);
    std::uint8_t all_roles = 0;
    for (std::size_t i = 0; i < n; ++i) {
      roles_[i] = tokens_[i].role;
      all_roles |= tokens_[i].role;
    }
    all_roles_ = all_roles;
    const bool may_hold_address = (all_roles & quantities::kOpensAddress) || text_.find('@') != std::string_view::npos;
    // A web address or an e-mail opens with "http", "https", "ftp", "www"
    // or a word before an "@" (web_address_end): most texts have none.
    for (std::size_t i = 0; may_hold_address && i < n; ++i) {
      const bool opens = (roles_[i] & quantities::kOpensAddress) ||
                         (valid(i + 1) && tokens_[i + 1].kind == TokenKind::symbol && tokens_[i + 1].symbol == U'@');
      if (!opens) continue;
      if (const std::size_t address_end = web_address_end(i); address_end != 0) {
        std::fill(roles_.begin() + static_cast<std::ptrdiff_t>(i),
                  roles_.begin() + static_cast<std::ptrdiff_t>(address_end), kInWebAddress);
        i = address_end - 1;
      }
    }
    next_number_like_[n] = n + kMaxLeadTokens + 1;
    for (std::size_t i = n; i-- > 0;) {
      next_number_like_[i] = (roles_[i] & quantities::kNumberLike) ? i : next_number_like_[i + 1];
    }
  }

  // ---- token helpers -------------------------------------------------------

  bool valid(std::size_t i) const { return i < tokens_.size(); }
  std::string_view lower(std::size_t i) const {
    if (!valid(i) || tokens_[i].kind != TokenKind::word) return {};
    return {lower_.data() + tokens_[i].begin, tokens_[i].end - tokens_[i].begin};
  }
  std::string_view original(std::size_t i) const {
    if (!valid(i)) return {};
    return {text_.data() + tokens_[i].begin, tokens_[i].end - tokens_[i].begin};
  }
  bool capitalized(std::size_t i) const {
    return valid(i) && tokens_[i].kind == TokenKind::word && text_[tokens_[i].begin] >= 'A' &&
           text_[tokens_[i].begin] <= 'Z';
  }
  bool touching(std::size_t i) const { return valid(i) && tokens_[i].gap == 0; }
  static bool is_binary_denominator(double value) {
    return value == 2 || value == 4 || value == 8 || value == 16 || value == 32 || value == 64;
  }
  bool word_is(std::size_t i, std::string_view w) const { return lower(i) == w; }
  const NumberWord* number_word(std::size_t i) const {
    // The role bits, set for every token before reading, spare most lookups.
    if (!valid(i) || i >= roles_.size() || !(roles_[i] & quantities::kNumberWord)) return nullptr;
    return quantities::find_number_word(lower(i));
  }
  // Matches lower-cased words starting at token i; returns how many matched.
  bool matches(std::size_t i, const std::vector<std::string_view>& words) const {
    for (std::size_t k = 0; k < words.size(); ++k) {
      if (lower(i + k) != words[k]) return false;
    }
    return true;
  }
  bool is_unit_or_tens_word(std::size_t i) const {
    const NumberWord* w = number_word(i);
    return w && (w->kind == NumberWord::Kind::unit || w->kind == NumberWord::Kind::tens);
  }

  // ---- numbers ------------------------------------------------------------

  // Spelled-out numbers: "one hundred and six", "twenty-five", "a dozen",
  // "five and a half million", "two thirds", "nine point nought four".
  std::optional<Core> read_number_words(std::size_t i, bool allow_and) const {
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
      if (next && !next->suffix && (next->kind == Kind::scale || next->kind == Kind::dozen || next->kind == Kind::hundred)) {
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
          if ((last == Last::none && !(number_word(k + 1) && number_word(k + 1)->kind == Kind::scale &&
                                       !number_word(k + 1)->suffix)) ||
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
            return finish_words(i, end + 1, value_now() / nw->value * after->value, after->value);  // "three quarters billion"
          }
          if (word_is(end, "of") && word_is(end + 1, "a")) {
            if (const NumberWord* after = number_word(end + 2);
                after && after->kind == Kind::scale && !after->suffix && !after->plural) {
              return finish_words(i, end + 3, value_now() / nw->value * after->value, after->value);  // "two thirds of a million"
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
    if (const NumberWord* after = number_word(end); after && after->kind == Kind::scale && !after->suffix &&
                                                   !after->plural && last != Last::scale) {
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
  double unit_ordinal(std::size_t i) const {
    const std::string_view w = lower(i);
    if (w == "first" || w == "firsts") return 1;
    if (w == "second" || w == "seconds") return 2;
    const NumberWord* nw = number_word(i);
    return nw && nw->kind == NumberWord::Kind::denominator && nw->value < 10 ? nw->value : 0;
  }

  // A compound denominator at token m: "twenty-first", "twenty fifths",
  // "one hundred fifth". Returns its value and sets `end` past it, or 0.
  double compound_denominator(std::size_t m, std::size_t& end) const {
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

  std::optional<Core> finish_words(std::size_t first, std::size_t end, double value, double scale) const {
    Core core;
    core.first = first;
    core.last = end - 1;
    core.value = value;
    core.scale = scale;
    core.single_word_one = end == first + 1 && word_is(first, "one");
    return core;
  }

  // A number in digits, with its fraction, suffix and scale words.
  Core read_digits(std::size_t i, std::string_view currency) const {
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
    if (valid(k + 2) && !token.decimal && tokens_[k].kind == TokenKind::number && !touching(k) &&
        tokens_[k].gap <= 3 && is_symbol(tokens_[k + 1], U'/') && touching(k + 1) && touching(k + 2) &&
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
      if (valid(m + 2) && touching(m) && lower(m) == "x" && tokens_[m + 1].kind == TokenKind::number &&
          touching(m + 1) && tokens_[m + 1].value == 10 && is_symbol(tokens_[m + 2], U'^')) {
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
      const double scale = letter == 'K' ? 1e3 : letter == 'M' ? 1e6 : letter == 'G' || letter == 'B' ? 1e9
                                                                                                          : letter == 'T' ? 1e12 : 0;
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
          if (valid(m) && tokens_[m].kind == TokenKind::number && !tokens_[m].decimal &&
              tokens_[m].value < w->value && !(valid(m + 1) && number_word(m + 1))) {
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

  // Vague amounts: "hundreds", "tens of thousands", "several hundred".
  std::optional<Core> read_vague(std::size_t i) const {
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

  // A scale word after a fraction sign scales it: "¾ trillion" is 7.5e11,
  // not 0.75.
  void scale_fraction(Core& core) const {
    const NumberWord* w = number_word(core.last + 1);
    if (w && w->kind == NumberWord::Kind::scale && !w->plural && !w->suffix) {
      core.value *= w->value;
      core.scale = w->value;
      core.last += 1;
    }
  }

  std::optional<Core> read_core(std::size_t i, std::string_view currency, bool allow_and) const {
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

  // ---- what is not a figure -------------------------------------------------

  // Whether the number `core` (starting the figure at token `start`) is a
  // date, year, time, age, ordinal, duration, address or identifier.
  bool is_not_a_figure(const Core& core, std::size_t start, bool qualified, std::string_view currency) {
    if (core.not_a_figure) return true;
    const std::size_t before = start == 0 ? SIZE_MAX : start - 1;
    const std::size_t after = core.last + 1;
    const bool integer = core.from_digits && !tokens_[core.first].decimal && core.scale == 1 &&
                         core.first == core.last;
    const double v = core.value;

    // Dates: "Oct. 7", "Sept. 10, 2023", "May 6", "7 October".
    if (integer && v >= 1 && v <= 31) {
      std::size_t m = before;
      if (m != SIZE_MAX && is_symbol(tokens_[m], U'.') && m > 0) --m;
      if (m != SIZE_MAX && (quantities::is_month(lower(m)) || original(m) == "May")) return true;
      if (quantities::is_month(lower(after)) && !word_is(after, "march")) return true;
      if (original(after).starts_with("March") || original(after) == "May") return true;
    }
    // Years: "in 2023", "since 2011" (but "2000 people", "more than 2000").
    if (integer && !tokens_[core.first].grouped && tokens_[core.first].integer_digits == 4 && v >= 1800 &&
        v <= 2100 && !qualified && currency.empty()) {
      const std::string_view next = lower(after);
      const bool counted = quantities::is_people_noun(next) || quantities::is_thing_noun(next) ||
                           !quantities::find_unit_word(next).empty() || next == "percent" ||
                           (valid(after) && is_symbol(tokens_[after], U'%'));
      if (!counted) return true;
    }
    if (core.from_digits && before != SIZE_MAX && is_symbol(tokens_[before], U'+') && touching(core.first)) return true;
    // Times: "3 p.m.", "10:30", "9am" (glued forms were caught as they were read).
    if (core.from_digits) {
      const std::string_view next = lower(after);
      if (next == "am" || next == "pm" || next == "gmt" || next == "utc" || next == "o") {
        return true;
      }
      if ((next == "a" || next == "p") && valid(after + 1) && is_symbol(tokens_[after + 1], U'.')) return true;
      if (valid(after + 1) && is_symbol(tokens_[after], U':') && touching(after) &&
          tokens_[after + 1].kind == TokenKind::number && touching(after + 1)) {
        return true;
      }
      if (before != SIZE_MAX && is_symbol(tokens_[before], U':') && touching(core.first) && before > 0 &&
          tokens_[before - 1].kind == TokenKind::number) {
        return true;
      }
    }
    // Durations and ages: "eight months", "24 hours", "a 12-year-old", "five years old".
    {
      std::size_t m = after;
      if (valid(m) && is_dash(tokens_[m]) && touching(m)) ++m;
      if (quantities::is_time_unit(lower(m))) return true;
      if (before != SIZE_MAX && (word_is(before, "aged") || word_is(before, "age"))) return true;
    }
    // "Samira Abu Odeh, 41, a mother of five": an age between commas after a name.
    if (integer && v > 0 && v < 120 && before != SIZE_MAX && before > 0 && is_symbol(tokens_[before], U',') &&
        capitalized(before - 1) && valid(after) && is_symbol(tokens_[after], U',')) {
      return true;
    }
    // Identifiers: "No. 5", "page 4", "Resolution 2728", "COVID-19", "G7", "F-16".
    if (before != SIZE_MAX) {
      std::size_t m = before;
      if (is_symbol(tokens_[m], U'.') && m > 0) --m;
      const std::string_view word = lower(m);
      if (!word.empty() && quantities::is_identifier_word(word) &&
          (capitalized(m) || word == "page" || word == "version" || word == "no" || word == "nr" ||
           word == "nrs" || word == "v" || word == "p" || word == "pp" || word == "number" || word == "regiment" ||
           word == "brigade" || word == "battalion" || word == "squadron")) {
        if (!qualified && currency.empty()) return true;
      }
    }
    if (core.from_digits && core.first > 0 && touching(core.first)) {
      const std::size_t glued = core.first - 1;  // "G7", "MH17", "COVID-19", "F-16"
      if (tokens_[glued].kind == TokenKind::word) return true;
      if (is_dash(tokens_[glued]) && glued > 0 && touching(glued) && tokens_[glued - 1].kind == TokenKind::word &&
          capitalized(glued - 1)) {
        return true;
      }
    }
    // Addresses: "10 Downing Street".
    if (integer && (capitalized(after) && (quantities::is_street_word(lower(after)) ||
                                           (capitalized(after + 1) && quantities::is_street_word(lower(after + 1)))))) {
      return true;
    }
    // Ordinals spelled out are never read as numbers; the pronoun "one" is not a figure.
    if (core.single_word_one) {
      const std::string_view prev = core.first == 0 ? std::string_view{} : lower(core.first - 1);
      const std::string_view next = lower(after);
      if (prev == "the" || prev == "this" || prev == "that" || prev == "which" || prev == "each" ||
          prev == "any" || prev == "every" || prev == "no" || prev == "another" || prev == "someone" ||
          prev == "only" || prev == "such" || prev == "last" || prev == "next" || prev == "little") {
        return true;
      }
      if (next == "of" || next == "another" || next == "who" || next == "which" || next == "that" ||
          next == "thing" || next == "day" || next == "way" || next == "side" || next == "or" ||
          next == "by" || next == "has" || next == "is" || next == "was" || next == "must" || next == "can" ||
          next == "might" || next == "should" || next == "would" || next == "could" || next == "does" ||
          next == "did" || next == "another's" || next == "you" || next == "do" || next == "else") {
        return true;
      }
      if (!valid(after) || (tokens_[after].kind == TokenKind::symbol && tokens_[after].symbol != U'%')) {
        const std::size_t sign = core.first - 1;
        return !(core.first > 0 && (word_is(sign, "minus") || word_is(sign, "negative")));
      }
    }
    return false;
  }

  // The currency a word before a '$' names: "US$", "C $", "HK$", "usd$", "Mex$".
  std::string_view currency_prefix(std::size_t k) const {
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

  // One past the last token of three or more numbers joined by touching
  // dashes or slashes starting at token i, or 0 when there is no such chain.
  std::size_t joined_number_chain_end(std::size_t i) const {
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
  bool is_dashed_mixed_number(std::size_t i) const {
    const std::size_t k = i + 1;
    return valid(k + 3) && tokens_[i].kind == TokenKind::number && !tokens_[i].decimal && is_dash(tokens_[k]) &&
           touching(k) && touching(k + 1) && tokens_[k + 1].kind == TokenKind::number && !tokens_[k + 1].decimal &&
           is_symbol(tokens_[k + 2], U'/') && touching(k + 2) && touching(k + 3) &&
           tokens_[k + 3].kind == TokenKind::number && !tokens_[k + 3].decimal &&
           tokens_[k + 3].value > tokens_[k + 1].value && is_binary_denominator(tokens_[k + 3].value) &&
           !(valid(k + 4) && is_symbol(tokens_[k + 4], U'/') && touching(k + 4));
  }

  // ---- figures ------------------------------------------------------------

  // Reads the figure that starts at token i, if any; `next` is where to go on.
  std::optional<Quantity> read_figure(std::size_t i, std::size_t& next) {
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
    if (const std::string_view named = currency_prefix(k); !named.empty() && valid(k + 1) &&
        tokens_[k + 1].kind == TokenKind::symbol && tokens_[k + 1].gap <= 1 &&
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
            !quantities::is_time_unit(lower(denominator->last + 1)) &&
            !is_not_a_figure(*denominator, d, false, {}) && (over || core->value <= denominator->value) &&
            (!in || core->value < denominator->value)) {
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
          } else if (high_value < low_value && core->from_digits && high->from_digits && touching(m) &&
                     touching(m - 1)) {
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

  // `range_high`, for a range, is scaled with the value ("30-40 MUSD", "5-10
  // USD million"); a range takes no cents.
  std::size_t read_suffix(std::size_t end, Quantity& q, double* range_high = nullptr) {
    std::size_t m = end;
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
    // Currency words: "9.5 billion dollars", "420 million finnish markka", "10 €".
    if (q.unit.empty()) {
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
          q.unit = std::string(!country.empty() && (code == "USD" || code == "CHF" || code == "TRY" ||
                                                    code == "CNY" || code == "INR")
                                   ? country
                                   : code);
          if (millions) {
            q.value *= 1e6;
            if (range_high) *range_high *= 1e6;
          }
          q.span.end = tokens_[c].end;
          ++c;
          // "75 USD million"
          if (const NumberWord* scale = number_word(c); scale && scale->kind == NumberWord::Kind::scale &&
                                                       !scale->plural && !scale->suffix) {
            q.value *= scale->value;
            if (range_high) *range_high *= scale->value;
            q.span.end = tokens_[c].end;
            ++c;
          }
          return range_high ? c : read_cents(c, q);
        }
      }
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
    }
    return end;
  }

  // "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 dollars 50",
  // "17 USD 25": the smaller unit after the main one.
  std::size_t read_cents(std::size_t c, Quantity& q) const {
    if (q.unit == "cent" || q.unit == "GBX") return c;
    std::size_t m = c;
    if (word_is(m, "and")) ++m;
    std::optional<Core> cents = read_core(m, {}, false);
    if (!cents || cents->not_a_figure || cents->vague || cents->scale != 1 || cents->value <= 0 ||
        cents->value >= 100) {
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
  void read_noun(std::size_t m, Quantity& q) const {
    if (word_is(m, "of") && (q.qualifier == Qualifier::vague || lower(m + 1) == "the")) ++m;
    for (std::size_t k = m; k < m + 2 && valid(k); ++k) {
      const std::string_view w = lower(k);
      if (w.empty()) return;
      const std::string_view as_written = original(k);
      const bool demonym = capitalized(k) && as_written.size() > 4 &&
                           (as_written.ends_with("ians") || as_written.ends_with("ans") ||
                            as_written.ends_with("is") || as_written.ends_with("ese"));
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

  void set_interval(Quantity& q, Qualifier qualifier) const {
    const double v = q.value;
    q.qualifier = qualifier;
    q.low_open = q.high_open = false;
    switch (qualifier) {
      case Qualifier::exact:
      case Qualifier::range:
      case Qualifier::vague:
        q.low = q.high = v;
        break;
      case Qualifier::at_least:
        q.low = v, q.high = kInf, q.high_open = true;
        break;
      case Qualifier::more_than:
        q.low = v, q.high = kInf, q.low_open = q.high_open = true;
        break;
      case Qualifier::nearly:
        q.low = v >= 0 ? v * (1 - margins_.nearly) : v * (1 + margins_.nearly);
        q.high = v, q.high_open = true;
        break;
      case Qualifier::approx:
        q.low = v - std::abs(v) * margins_.approx;
        q.high = v + std::abs(v) * margins_.approx;
        break;
      case Qualifier::at_most:
        q.low = v >= 0 ? 0 : -kInf, q.high = v, q.low_open = v < 0;
        break;
      case Qualifier::less_than:
        q.low = v >= 0 ? 0 : -kInf, q.high = v, q.low_open = v < 0, q.high_open = true;
        break;
    }
  }

  IntervalMargins margins_;
  std::uint8_t all_roles_ = 0;  // the roles of the words of the last text read, together
  // The vocabulary's word roles: what read() looks each word up in without a WordWatch.
  const PackedWordMap<std::uint8_t>* vocabulary_roles_ = &quantities::word_roles();
  std::string_view text_;
  std::string lower_;
  std::vector<Token> tokens_;
  std::vector<std::uint8_t> roles_;  // quantities::WordRole bits per token
  std::vector<std::size_t> next_number_like_;
};

QuantityReader::QuantityReader(IntervalMargins margins) : impl_(std::make_unique<Impl>(margins)) {}
QuantityReader::~QuantityReader() = default;
QuantityReader::QuantityReader(QuantityReader&&) noexcept = default;
QuantityReader& QuantityReader::operator=(QuantityReader&&) noexcept = default;

struct WordWatch::Roles {
  PackedWordMap<std::uint8_t> table = quantities::word_roles();
};

std::vector<Quantity> QuantityReader::read(std::string_view text) {
  std::vector<Quantity> figures;
  impl_->read(text, figures);
  return figures;
}

void QuantityReader::read(std::string_view text, std::vector<Quantity>& figures) {
  impl_->read(text, figures);
}

bool QuantityReader::read(std::string_view text, std::vector<Quantity>& figures, const WordWatch& watch) {
  impl_->read(text, figures, watch.roles_->table);
  return watch.everything_ || impl_->holds_watched_word();
}

WordWatch::WordWatch(const std::vector<std::string>& lower_words) {
  auto roles = std::make_unique<Roles>();
  for (const std::string& word : lower_words) {
    // Only a word the tokenizer reads whole can be found by its role.
    std::uint8_t* role = quantities::is_one_word(word) ? roles->table.insert(word) : nullptr;
    if (role) {
      *role |= quantities::kWatched;
    } else {
      everything_ = true;
    }
  }
  roles_ = std::move(roles);
}

WordWatch::~WordWatch() = default;
WordWatch::WordWatch(WordWatch&&) noexcept = default;
WordWatch& WordWatch::operator=(WordWatch&&) noexcept = default;

}  // namespace crosscheck
