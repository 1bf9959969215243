// The quantities tokenizer: one pass over UTF-8 bytes into words, numeric
// literals and symbols. Whitespace is not a token; `Token::gap` says how much
// of it came before. Private to src/quantities/.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck::quantities {

enum class TokenKind : std::uint8_t { word, number, symbol };

struct Token {
  std::uint32_t begin = 0;  // byte offsets into the text
  std::uint32_t end = 0;
  std::uint32_t gap = 0;    // bytes of whitespace before it (0: touches the previous token)
  TokenKind kind = TokenKind::symbol;
  bool newline_before = false;  // a line break in the gap

  // Numbers only.
  double value = 0;
  std::uint8_t integer_digits = 0;  // digits before the decimal point, separators left out
  bool grouped = false;             // had thousands separators: "35,000", "40 000"
  bool decimal = false;             // had a decimal part: "1.4", ".08"
  bool exponent = false;            // "1e10"
  bool dotted = false;              // three or more dotted parts: "192.168.1.2", "1.2.3"
  bool overlong = false;            // more digits than a figure ever has: never a figure

  // Symbols only: the code point ('$', U+20AC '€', '-', U+2013 '–', ...).
  char32_t symbol = 0;
};

/// Appends the tokens of `text` to `tokens` (cleared first), and writes each
/// word lower-cased into `lower` at the word's own offsets (`lower` is resized
/// to the text; bytes outside words are left unspecified).
void tokenize(std::string_view text, std::vector<Token>& tokens, std::string& lower);


}  // namespace crosscheck::quantities
