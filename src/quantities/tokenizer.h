// The quantities tokenizer: one pass over UTF-8 bytes into words, numeric
// literals and symbols. Whitespace is not a token; `Token::gap` says how much
// of it came before. Private to src/quantities/.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/packed_word_map.h"
#include "crosscheck/language.h"

namespace crosscheck::quantities {

enum class TokenKind : std::uint8_t { word, number, symbol };

// Kept to 32 bytes and trivially zero-initialized (`Token token{}`): a text
// has about one token per five bytes.
struct Token {
  std::uint32_t begin;  // byte offsets into the text
  std::uint32_t end;
  std::uint16_t gap;  // bytes of whitespace before it, at most 65535 (0: touches the previous token)
  TokenKind kind;
  std::uint8_t integer_digits;  // numbers: digits before the decimal point, separators left out
  std::uint8_t role;            // the WordRole bits (vocabulary.h): kNumberLike for numbers and fraction signs

  // Numbers only.
  bool grouped : 1;   // had thousands separators: "35,000", "40 000"
  bool decimal : 1;   // had a decimal part: "1.4", ".08"
  bool dotted : 1;    // three or more dotted parts: "192.168.1.2", "1.2.3"
  bool overlong : 1;  // more digits than a figure ever has: never a figure
  double value;

  // Symbols only: the code point ('$', U+20AC '€', '-', U+2013 '–', ...).
  char32_t symbol;
};

static_assert(sizeof(Token) == 32);

/// Appends the tokens of `text` to `tokens` (cleared first), and writes each
/// word lower-cased into `lower` at the word's own offsets (`lower` is resized
/// to the text; bytes outside words are left unspecified). Each word's role
/// is looked up in `roles` (word_roles(), or a copy with more words) as it is
/// read, while its bytes are at hand. Numbers are read with `format`'s
/// decimal and group separators (the language pack's `number_format`).
void tokenize(std::string_view text, const PackedWordMap<std::uint8_t>& roles, NumberFormat format,
              std::vector<Token>& tokens, std::string& lower);

/// Whether tokenize() reads all of `text` as one word.
bool is_one_word(std::string_view text);

}  // namespace crosscheck::quantities
