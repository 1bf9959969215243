#include "quantities/tokenizer.h"

#include <array>
#include <charconv>
#include <cstring>

#include "core/ascii_blocks.h"
#include "core/control_sequences.h"
#include "quantities/vocabulary.h"

namespace crosscheck::quantities {

namespace {

constexpr std::size_t kMaxDigits = 24;  // beyond this a "number" is an identifier or noise

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Decodes the UTF-8 sequence at `i` (valid input assumed, but never reads past
// the end); sets `length`.
char32_t decode(std::string_view text, std::size_t i, std::size_t& length) {
  const auto lead = static_cast<unsigned char>(text[i]);
  auto continuation = [&](std::size_t k) -> char32_t {
    return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) & 0x3F : 0;
  };
  if (lead < 0x80) return length = 1, lead;
  if (lead < 0xE0) return length = 2, ((lead & 0x1F) << 6) | continuation(1);
  if (lead < 0xF0) return length = 3, ((lead & 0x0F) << 12) | (continuation(1) << 6) | continuation(2);
  length = 4;
  return ((lead & 0x07) << 18) | (continuation(1) << 12) | (continuation(2) << 6) | continuation(3);
}

// U+0080-U+009F: controls, never part of a word (U+009B starts a CSI sequence).
bool is_c1_control(char32_t c) { return c >= 0x80 && c <= 0x9F; }

bool is_space_code(char32_t c) {
  return c == 0x00A0 || c == 0x202F || c == 0x2009 || c == 0x2007 || c == 0x200B || c == 0x3000 || c == 0xFEFF;
}

// Non-ASCII code points that are symbols, not letters of a word.
bool is_symbol_code(char32_t c) {
  return (c >= 0x2000 && c <= 0x206F)     // dashes, quotes, ellipsis, bullets
         || (c >= 0x20A0 && c <= 0x20CF)  // currency signs
         || (c >= 0x2150 && c <= 0x215F)  // vulgar fractions
         || c == 0x00BC || c == 0x00BD || c == 0x00BE || c == 0x00A3 || c == 0x00A5 || c == 0x00B0 || c == 0x00D7 ||
         c == 0x00AB || c == 0x00BB || c == 0x00A7 || c == 0x00B7 || c == 0x2212;
}

// Length of a separator usable between thousands groups at `i`, or 0: the
// pack's `group` mark, or a space of any width whatever the language.
std::size_t group_separator(std::string_view text, std::size_t i, char group, char32_t& which) {
  if (i >= text.size()) return 0;
  if (text[i] == group || text[i] == ' ') return which = static_cast<unsigned char>(text[i]), 1;
  if (static_cast<unsigned char>(text[i]) >= 0x80) {
    std::size_t length = 0;
    const char32_t c = decode(text, i, length);
    if (c == 0x00A0 || c == 0x202F || c == 0x2009) return which = c, length;
  }
  return 0;
}

std::size_t count_digits(std::string_view text, std::size_t i) {
  std::size_t n = 0;
  while (i + n < text.size() && is_digit(text[i + n])) ++n;
  return n;
}

// Scans a numeric literal starting at `i` (a digit, or the decimal mark
// before a digit), with the pack's separators ("1,234.5" in English).
template <typename Separators>
std::size_t scan_number(std::string_view text, std::size_t i, Separators separators, Token& token) {
  const char decimal = separators.decimal(), group = separators.group();
  char digits[kMaxDigits + 8];
  std::size_t used = 0, total_digits = 0;
  auto take = [&](std::size_t from, std::size_t count) {
    total_digits += count;
    for (std::size_t k = 0; k < count && used < kMaxDigits; ++k) digits[used++] = text[from + k];
  };
  std::size_t p = i;
  const std::size_t first = count_digits(text, p);
  take(p, first);
  p += first;
  token.integer_digits = static_cast<std::uint8_t>(std::min<std::size_t>(first, 255));
  // Thousands groups: one separator kind throughout, exactly three digits each.
  if (first >= 1 && first <= 3) {
    char32_t kind = 0;
    for (;;) {
      char32_t which = 0;
      const std::size_t sep = group_separator(text, p, group, which);
      if (sep == 0 || (kind != 0 && which != kind)) break;
      if (count_digits(text, p + sep) != 3) break;
      const std::size_t after = p + sep + 3;
      // "9 240,000": a space group may not run into another number's comma.
      if (which != char32_t(group) && after + 1 < text.size() && text[after] == group && is_digit(text[after + 1])) {
        break;
      }
      kind = which;
      take(p + sep, 3);
      token.integer_digits = static_cast<std::uint8_t>(std::min<std::size_t>(token.integer_digits + 3, 255));
      p = after;
      token.grouped = true;
    }
  }
  // Indian grouping: "12,34,567.89" (two-digit groups before the last three).
  if (!token.grouped && first >= 1 && first <= 2 && p + 3 < text.size() && text[p] == group &&
      count_digits(text, p + 1) == 2) {
    std::size_t q = p;
    std::size_t pairs = 0;
    while (q < text.size() && text[q] == group && count_digits(text, q + 1) == 2) q += 3, ++pairs;
    if (pairs > 0 && q < text.size() && text[q] == group && count_digits(text, q + 1) == 3) {
      for (std::size_t r = p; r < q; r += 3) take(r + 1, 2);
      take(q + 1, 3);
      token.integer_digits = static_cast<std::uint8_t>(first + 2 * pairs + 3);
      token.grouped = true;
      p = q + 4;
    }
  }
  // Decimal part, and a dotted sequence such as a version or an address.
  if (p + 1 < text.size() && text[p] == decimal && is_digit(text[p + 1])) {
    token.decimal = true;
    if (used < kMaxDigits) digits[used++] = '.';  // for from_chars
    const std::size_t fraction = count_digits(text, p + 1);
    take(p + 1, fraction);
    p += 1 + fraction;
    while (p + 1 < text.size() && text[p] == decimal && is_digit(text[p + 1])) {
      token.dotted = true;
      p += 1 + count_digits(text, p + 1);
    }
  }
  // Exponent: "1e10", "-12e-1", "12.32e+14" (not "5e" in "5eggs").
  if (!token.grouped && !token.dotted && p < text.size() && (text[p] == 'e' || text[p] == 'E')) {
    std::size_t q = p + 1;
    if (q < text.size() && (text[q] == '+' || text[q] == '-')) ++q;
    const std::size_t exponent = count_digits(text, q);
    if (exponent > 0 && exponent <= 3 && (q + exponent >= text.size() || !is_ascii_letter(text[q + exponent]))) {
      if (used + 1 + (q - p - 1) + exponent < sizeof digits) {
        digits[used++] = 'e';
        for (std::size_t k = p + 1; k < q + exponent; ++k) digits[used++] = text[k];
      }
      p = q + exponent;
    }
  }
  token.overlong = total_digits > kMaxDigits;
  double value = 0;
  const auto [end, error] = std::from_chars(digits, digits + used, value);
  if (error != std::errc() || end != digits + used) token.overlong = true;
  token.value = value;
  return p;
}

}  // namespace

namespace {

enum CharClass : std::uint8_t { kOther, kSpace, kDigit, kUpper, kLower, kHigh };

constexpr std::array<std::uint8_t, 256> make_char_classes() {
  std::array<std::uint8_t, 256> classes{};
  for (int c = 0; c < 256; ++c) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v')
      classes[c] = kSpace;
    else if (c >= '0' && c <= '9')
      classes[c] = kDigit;
    else if (c >= 'A' && c <= 'Z')
      classes[c] = kUpper;
    else if (c >= 'a' && c <= 'z')
      classes[c] = kLower;
    else if (c >= 0x80)
      classes[c] = kHigh;
  }
  return classes;
}

constexpr std::array<std::uint8_t, 256> kClasses = make_char_classes();

std::uint8_t class_of(char c) { return kClasses[static_cast<unsigned char>(c)]; }

// Reads the rest of a word from `i`, lower-casing its ASCII letters into `lower`.
[[gnu::always_inline]] inline std::size_t scan_word(std::string_view text, std::size_t i, char* lower) {
  const std::size_t size = text.size();
  const char* data = text.data();
  while (i < size) {
    // The common case first: a run of ASCII letters, lower-cased by setting
    // bit 5, eight at a time while eight remain.
    while (i + 8 <= size) {
      const std::uint64_t block = ascii_blocks::load(data + i);
      const std::size_t letters = ascii_blocks::leading_lanes(ascii_blocks::letter_lanes(block));
      // All eight bytes are written; those after the word are not in a word
      // (left unspecified) or are written again by the token they belong to.
      const std::uint64_t lowered_block = block | 0x2020202020202020ULL;
      std::memcpy(lower + i, &lowered_block, 8);
      i += letters;
      if (letters < 8) break;
    }
    while (i < size && (class_of(data[i]) == kLower || class_of(data[i]) == kUpper)) {
      lower[i] = static_cast<char>(data[i] | 0x20);
      ++i;
    }
    if (i >= size || class_of(data[i]) != kHigh) break;
    std::size_t length = 0;
    const char32_t code = decode(text, i, length);
    if (is_symbol_code(code) || is_space_code(code) || is_c1_control(code)) break;
    for (std::size_t k = 0; k < length && i + k < size; ++k) lower[i + k] = data[i + k];
    i += length;
  }
  return std::min(i, size);
}

// The length of the numeric character reference at `i` ("&#3;", "&#36;",
// "&#x20AC;": text escaped for HTML or SGML, as the Reuters corpus ends
// each story with "&#3;"), or 0; `code` gets the character it stands for.
std::size_t character_reference(std::string_view text, std::size_t i, char32_t& code) {
  constexpr std::size_t kLongest = 10;  // "&#x10FFFF;"
  if (i + 3 >= text.size() || text[i + 1] != '#') return 0;
  const bool hex = text[i + 2] == 'x' || text[i + 2] == 'X';
  std::size_t k = i + (hex ? 3 : 2);
  char32_t value = 0;
  const std::size_t first_digit = k;
  for (; k < text.size() && k - i < kLongest; ++k) {
    const char d = text[k];
    int digit = -1;
    if (is_digit(d))
      digit = d - '0';
    else if (hex && d >= 'a' && d <= 'f')
      digit = d - 'a' + 10;
    else if (hex && d >= 'A' && d <= 'F')
      digit = d - 'A' + 10;
    if (digit < 0) break;
    value = value * (hex ? 16 : 10) + static_cast<char32_t>(digit);
  }
  if (k == first_digit || k >= text.size() || text[k] != ';' || value > 0x10FFFF) return 0;
  code = value;
  return k + 1 - i;
}

// Vulgar fractions: U+00BC..U+00BE and U+2153..U+215E.
bool is_fraction_sign(char32_t code) {
  return (code >= 0x00BC && code <= 0x00BE) || (code >= 0x2153 && code <= 0x215E);
}

// The separators as constants, for English: the tokenizer's loop is the
// hottest of the reader, and is compiled for them as it was before they
// came from the pack (a separator held in a register cost 2% more
// instructions there).
struct EnglishSeparators {
  static constexpr char decimal() { return '.'; }
  static constexpr char group() { return ','; }
};
// Any other pack's.
struct PackSeparators {
  NumberFormat format;
  char decimal() const { return format.decimal; }
  char group() const { return format.group; }
};

template <typename Separators>
void tokenize_with(std::string_view text, const PackedWordMap<std::uint8_t>& roles, Separators separators,
                   std::vector<Token>& tokens, std::string& lower) {
  tokens.clear();
  lower.resize(text.size());
  char* lowered = lower.data();
  const char decimal = separators.decimal();
  std::size_t i = 0;
  std::size_t gap_start = 0;
  std::size_t hidden = 0;  // bytes of control sequences since gap_start: skipped, but not whitespace
  const std::size_t size = text.size();
  while (i < size) {
    const char c = text[i];
    const std::uint8_t kind = class_of(c);
    if (kind == kSpace) {
      ++i;
      continue;
    }
    if (c == '\x1b' || c == '\xc2') {
      if (const std::size_t sequence = csi_length(text, i); sequence != 0) {
        i += sequence;
        hidden += sequence;
        continue;
      }
    }
    if (c == '&') {
      // "5&#160;million": a reference to a space is a space.
      char32_t referenced = 0;
      if (const std::size_t reference = character_reference(text, i, referenced);
          reference != 0 &&
          ((referenced < 0x80 && class_of(static_cast<char>(referenced)) == kSpace) || is_space_code(referenced))) {
        i += reference;
        continue;
      }
    }
    std::size_t length = 0;
    const char32_t code = kind == kHigh ? decode(text, i, length) : 0;
    if (kind == kHigh && is_space_code(code)) {
      i += length;
      continue;
    }
    // Built in place: a token is written once, never copied.
    Token& token = tokens.emplace_back();
    token.begin = static_cast<std::uint32_t>(i);
    token.gap = static_cast<std::uint16_t>(std::min<std::size_t>(i - gap_start - hidden, UINT16_MAX));
    if (kind == kDigit || (c == decimal && i + 1 < size && is_digit(text[i + 1]) &&
                           (i == 0 || (!is_digit(text[i - 1]) && text[i - 1] != decimal)))) {
      token.kind = TokenKind::number;
      token.role = kNumberLike;
      i = scan_number(text, i, separators, token);
    } else if (kind == kUpper || kind == kLower || (kind == kHigh && !is_symbol_code(code) && !is_c1_control(code))) {
      token.kind = TokenKind::word;  // also one that starts with a non-ASCII letter: "Ürümqi"
      const std::size_t end = scan_word(text, i, lowered);
      token.role = word_role(roles, {lowered + i, end - i});
      i = end;
    } else if (kind == kHigh) {
      token.kind = TokenKind::symbol;
      token.symbol = code;
      token.role = is_fraction_sign(code) ? kNumberLike : kNoRole;
      i = std::min(i + length, size);
    } else if (const std::size_t reference = c == '&' ? character_reference(text, i, token.symbol) : 0;
               reference != 0) {
      token.kind = TokenKind::symbol;  // "&#3;" (Reuters' end of text), "&#36;": the character, not a number
      token.role = is_fraction_sign(token.symbol) ? kNumberLike : kNoRole;
      i += reference;
    } else {
      token.kind = TokenKind::symbol;
      token.symbol = static_cast<unsigned char>(c);
      ++i;
    }
    token.end = static_cast<std::uint32_t>(i);
    gap_start = i;
    hidden = 0;
  }
}

// Kept out of tokenize(), which English takes inline.
[[gnu::noinline]] void tokenize_for_pack(std::string_view text, const PackedWordMap<std::uint8_t>& roles,
                                         NumberFormat format, std::vector<Token>& tokens, std::string& lower) {
  tokenize_with(text, roles, PackSeparators{format}, tokens, lower);
}

}  // namespace

void tokenize(std::string_view text, const PackedWordMap<std::uint8_t>& roles, NumberFormat format,
              std::vector<Token>& tokens, std::string& lower) {
  if (format.decimal == EnglishSeparators::decimal() && format.group == EnglishSeparators::group()) {
    tokenize_with(text, roles, EnglishSeparators{}, tokens, lower);
  } else {
    tokenize_for_pack(text, roles, format, tokens, lower);
  }
}

bool is_one_word(std::string_view text) {
  std::vector<Token> tokens;
  std::string lower;
  tokenize(text, word_roles(), number_format(), tokens, lower);
  return tokens.size() == 1 && tokens[0].kind == TokenKind::word && tokens[0].begin == 0 &&
         tokens[0].end == text.size();
}

}  // namespace crosscheck::quantities
