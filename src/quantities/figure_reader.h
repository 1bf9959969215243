// The quantities reader's working parts, private to src/quantities/: what a
// number read from the tokens is before it becomes a figure (`Core`), and the
// reader itself, whose jobs live in one file each:
//   quantity_reader.cc  the reading loop: which tokens may start a figure
//   number_words.cc     spelled-out and vague numbers ("twenty-five", "hundreds")
//   digits.cc           numbers in digits with their fractions, suffixes, scales
//   not_a_figure.cc     dates, years, ordinals, identifiers...: numbers to skip
//   figure_assembly.cc  a figure's parts in order: qualifiers, currency, sign,
//                       the number, ratios, ranges, and its interval
//   figure_suffix.cc    what follows the number: percent, currency, unit,
//                       cents, the counted noun
//   intervals.cc        a figure's interval, and bounds joined into one
// The token helpers are defined here so that every part inlines them: the
// reader calls them for every token it looks at.
// The steps a job is split into are declared `inline` and defined in the
// job's file: each is called from one place there, and so the compiler puts
// it back into its caller, as fast as one long function (without, the
// reader ran 5% more instructions).
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/quantities.h"
#include "quantities/reader_words.h"
#include "quantities/tokenizer.h"
#include "quantities/vocabulary.h"

namespace crosscheck::quantities {

constexpr double kInf = Quantity::kInfinity;

// A number read from the tokens, before qualifiers and ranges.
struct Core {
  std::size_t first = 0;  // token indices, inclusive
  std::size_t last = 0;
  double value = 0;
  double scale = 1;  // the scale word or suffix applied ("million")
  bool from_digits = false;
  bool single_word_one = false;  // the word "one" alone: maybe a pronoun
  bool vague = false;
  double vague_low = 0, vague_high = 0;
  bool not_a_figure = false;  // a date, an ordinal, an identifier...: skip tokens first..last
  std::string_view unit;      // from a suffix glued to the digits: "km", "%"
  std::string_view currency;
};

inline Core make_core(std::size_t first, std::size_t last, double value) {
  Core core;
  core.first = first;
  core.last = last;
  core.value = value;
  return core;
}

inline bool is_symbol(const Token& token, char32_t symbol) {
  return token.kind == TokenKind::symbol && token.symbol == symbol;
}

inline bool is_dash(const Token& token) {
  return token.kind == TokenKind::symbol &&
         (token.symbol == U'-' || token.symbol == U'\u2013' || token.symbol == U'\u2014' || token.symbol == U'\u2212');
}

inline double vulgar_fraction(char32_t c) {
  switch (c) {
    case U'\u00BC':
      return 0.25;
    case U'\u00BD':
      return 0.5;
    case U'\u00BE':
      return 0.75;
    case U'\u2153':
      return 1.0 / 3;
    case U'\u2154':
      return 2.0 / 3;
    case U'\u2155':
      return 0.2;
    case U'\u2156':
      return 0.4;
    case U'\u2157':
      return 0.6;
    case U'\u2158':
      return 0.8;
    case U'\u2159':
      return 1.0 / 6;
    case U'\u215A':
      return 5.0 / 6;
    case U'\u215B':
      return 0.125;
    case U'\u215C':
      return 0.375;
    case U'\u215D':
      return 0.625;
    case U'\u215E':
      return 0.875;
    default:
      return -1;
  }
}

}  // namespace crosscheck::quantities

namespace crosscheck {

// The reader's helpers by their short names in every file of the reader
// (this header is private to src/quantities/).
using quantities::Core;
using quantities::is_dash;
using quantities::is_symbol;
using quantities::kInf;
using quantities::make_core;
using quantities::NumberWord;
using quantities::Token;
using quantities::TokenKind;
using quantities::vulgar_fraction;

class QuantityReader::Impl {
 public:
  using Core = quantities::Core;
  using NumberWord = quantities::NumberWord;
  using Token = quantities::Token;
  using TokenKind = quantities::TokenKind;

 public:
  explicit Impl(IntervalMargins margins) : margins_(margins) {}

  // Whether the last text read holds a word whose role has the kWatched bit.
  bool holds_watched_word() const { return all_roles_ & quantities::kWatched; }

  void read(std::string_view text, std::vector<Quantity>& out) { read(text, out, *vocabulary_roles_); }

  // `roles` is the vocabulary's word roles, or a copy with watched words.
  void read(std::string_view text, std::vector<Quantity>& out, const PackedWordMap<std::uint8_t>& roles);

 private:
  // A role bit of our own, beside quantities::WordRole: inside a web address.
  static constexpr std::uint8_t kInWebAddress = 0x80;

  // The most tokens a figure's words take before its number: "in the region of".
  static constexpr std::size_t kMaxLeadTokens = 6;

  // ---- the reading loop (quantity_reader.cc) --------------------------------
  std::size_t web_address_end(std::size_t i) const;
  void mark_number_like_tokens();

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
  // Whether token i is a word with a capital letter anywhere: "Game", "iPhone".
  bool has_capital(std::size_t i) const {
    if (!valid(i) || tokens_[i].kind != TokenKind::word) return false;
    const std::string_view word = text_.substr(tokens_[i].begin, tokens_[i].end - tokens_[i].begin);
    return std::any_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  }
  // Whether token i is an ambiguous month written as its name: "May", not "may" or "MAY".
  bool month_name(std::size_t i) const {
    return capitalized(i) && quantities::is_ambiguous_month(lower(i)) && original(i).substr(1) == lower(i).substr(1);
  }
  bool touching(std::size_t i) const { return valid(i) && tokens_[i].gap == 0; }
  static bool is_binary_denominator(double value) {
    return value == 2 || value == 4 || value == 8 || value == 16 || value == 32 || value == 64;
  }
  bool word_is(std::size_t i, std::string_view w) const { return lower(i) == w; }
  // Whether token i is a word with any of the reader roles `roles`
  // (reader_words.h: the pack's words, such as "and" inside a number).
  // The token's kReaderWord bit, found as it was read, spares most lookups.
  bool is(std::size_t i, std::uint64_t roles) const {
    return valid(i) && (tokens_[i].role & quantities::kReaderWord) && reader_words_->has(lower(i), roles);
  }
  // Whether token i may be a number word: its role bit, set for every token
  // before reading, spares most lookups.
  bool may_be_number_word(std::size_t i) const {
    return valid(i) && i < roles_.size() && (roles_[i] & quantities::kNumberWord);
  }
  const NumberWord* number_word(std::size_t i) const {
    return may_be_number_word(i) ? quantities::find_number_word(lower(i)) : nullptr;
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
  // A scale word standing on its own: "million", not "mln" (only after
  // digits) nor "millions" (a vague amount).
  const NumberWord* scale_word(std::size_t i) const {
    const NumberWord* w = number_word(i);
    return w && w->kind == NumberWord::Kind::scale && !w->suffix && !w->plural ? w : nullptr;
  }

  // ---- numbers in words (number_words.cc) ----------------------------------
  struct WordsReading;  // a spelled-out number being read, word by word
  std::optional<Core> read_number_words(std::size_t i, bool allow_and) const;
  inline std::optional<Core> read_article_number(std::size_t i, bool& reads_on) const;
  inline std::optional<Core> read_half(std::size_t i) const;
  inline std::optional<Core> read_quarter(std::size_t i) const;
  inline std::optional<Core> read_words_tail(std::size_t i, WordsReading& r) const;
  inline bool dash_joins_words(const WordsReading& r) const;
  inline bool add_number_word(const NumberWord& nw, WordsReading& r) const;
  inline std::optional<Core> read_words_fraction(std::size_t i, const NumberWord& nw, const WordsReading& r) const;
  inline void add_and_fraction(WordsReading& r, double& value) const;
  inline std::size_t read_spoken_decimals(std::size_t end, double& value) const;
  double unit_ordinal(std::size_t i) const;
  double compound_denominator(std::size_t m, std::size_t& end) const;
  std::optional<Core> finish_words(std::size_t first, std::size_t end, double value, double scale) const;
  std::optional<Core> read_vague(std::size_t i) const;

  // ---- numbers in digits (digits.cc) ---------------------------------------
  // read_digits tries read_digit_fraction .. read_letter_scale in turn: each
  // reads what follows the digits in one way and returns whether it did (the
  // number is then whole); if none did, scale words may follow.
  Core read_digits(std::size_t i, std::string_view currency) const;
  inline bool read_digit_fraction(Core& core) const;
  inline bool read_power(Core& core) const;
  inline bool read_glued_fraction(Core& core) const;
  inline bool read_glued_word(Core& core, std::string_view currency) const;
  inline double glued_scale(std::size_t k, std::string_view currency) const;
  inline bool counted_of(std::size_t k) const;
  inline bool is_screen_lines(const Core& core) const;
  inline bool glued_time(std::size_t k) const;
  inline bool read_letter_scale(Core& core) const;
  inline void read_scale_words(Core& core) const;
  inline std::size_t add_after_scale(Core& core, std::size_t k, const NumberWord& scale) const;
  inline void read_scale_and_fraction(Core& core) const;
  void scale_fraction(Core& core) const;

  // ---- what is not a figure (not_a_figure.cc) --------------------------------
  bool is_not_a_figure(const Core& core, std::size_t start, bool qualified, std::string_view currency);
  bool is_date_or_year(const Core& core, std::size_t before, std::size_t after, bool integer, bool qualified,
                       std::string_view currency) const;
  bool is_time_age_or_duration(const Core& core, std::size_t before, std::size_t after, bool integer) const;
  bool is_identifier_or_address(const Core& core, std::size_t before, std::size_t after, bool integer, bool qualified,
                                std::string_view currency) const;
  bool is_pronoun_one(const Core& core, std::size_t after) const;
  bool is_reference_marker(const Core& core) const;
  bool month_before(std::size_t before) const;
  bool street_name_follows(std::size_t k) const;
  bool counted_after(std::size_t after) const;
  bool after_change_word(std::size_t start) const;
  bool is_model_name(const Core& core, std::size_t before, std::size_t after) const;
  bool percent_follows(std::size_t after) const;
  std::size_t joined_number_chain_end(std::size_t i) const;
  bool is_dashed_mixed_number(std::size_t i) const;

  // ---- figures (figure_assembly.cc) ----------------------------------------
  struct FigureReading;  // a figure being read, from its qualifier to its unit
  std::optional<Core> read_core(std::size_t i, std::string_view currency, bool allow_and) const;
  std::optional<Quantity> read_figure(std::size_t i, std::size_t& next);
  inline bool read_qualifier_before(FigureReading& f) const;
  inline void read_currency_before(FigureReading& f) const;
  inline void read_sign(FigureReading& f) const;
  inline void read_ratio(FigureReading& f, Core& core);
  inline Quantity start_figure(std::size_t first, FigureReading& f, const Core& core) const;
  inline bool joins_range(const FigureReading& f, const Core& low) const;
  inline bool change_to_level(const FigureReading& f, const Core& low, std::size_t start) const;
  inline std::size_t read_range(FigureReading& f, const Core& low, Quantity& q) const;
  inline void read_percent_range(FigureReading& f, const Core& low, Quantity& q, std::size_t start) const;
  inline std::size_t read_suffix(std::size_t end, Quantity& q, double* range_high);
  inline void read_qualifier_after(FigureReading& f, Quantity& q) const;
  inline void set_figure_interval(const FigureReading& f, const Core& core, Quantity& q) const;
  std::string_view currency_prefix(std::size_t k) const;
  std::size_t dotted_initials_start(std::size_t k) const;

  // ---- what follows a figure's number (figure_suffix.cc) -------------------
  std::size_t read_percent(std::size_t m, Quantity& q) const;
  std::size_t read_currency_after(std::size_t m, Quantity& q, double* range_high) const;
  std::size_t read_unit_after(std::size_t m, Quantity& q) const;
  void read_unit_around(std::size_t start, const Core& core, std::size_t end, Quantity& q) const;
  std::size_t read_cents(std::size_t c, Quantity& q) const;
  void read_noun(std::size_t m, Quantity& q) const;

  // ---- intervals (intervals.cc) --------------------------------------------
  static bool within_ceiling(const Quantity& q);
  void join_bounds(std::vector<Quantity>& figures) const;
  void set_interval(Quantity& q, Qualifier qualifier) const;

  IntervalMargins margins_;
  std::uint8_t all_roles_ = 0;  // the roles of the words of the last text read, together
  // The vocabulary's word roles: what read() looks each word up in without a WordWatch.
  const PackedWordMap<std::uint8_t>* vocabulary_roles_ = &quantities::word_roles();
  const quantities::ReaderWords* reader_words_ = &quantities::reader_words();
  NumberFormat number_format_ = quantities::number_format();  // of the pack in use when it was made
  std::string_view text_;
  std::string lower_;
  std::vector<Token> tokens_;
  std::vector<std::uint8_t> roles_;  // quantities::WordRole bits per token
  std::vector<std::size_t> next_number_like_;
};

}  // namespace crosscheck
