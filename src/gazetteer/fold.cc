// The gazetteer's lookup key (fold_place_name). scripts/make_gazetteer.py's
// fold() writes the keys places.tsv is sorted by; this must compute the same
// key for every name in it, which the test "gazetteer: every place is found by
// its own name" checks over the whole file.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "crosscheck/gazetteer.h"

namespace crosscheck {
namespace {

// Letters NFKD does not split into a base letter and a mark, and the
// apostrophes and dashes names are written with: SPECIAL_LETTERS in the script.
struct Special {
  UChar32 from;
  const char* to;
};
constexpr std::array<Special, 29> kSpecialLetters{{
    {U'ß', "ss"}, {U'æ', "ae"}, {U'Æ', "ae"}, {U'œ', "oe"}, {U'Œ', "oe"}, {U'ø', "o"},  {U'Ø', "o"},  {U'ł', "l"},
    {U'Ł', "l"},  {U'đ', "d"},  {U'Đ', "d"},  {U'ð', "d"},  {U'Ð', "d"},  {U'þ', "th"}, {U'Þ', "th"}, {U'ı', "i"},
    {U'ħ', "h"},  {U'Ħ', "h"},  {U'‘', "'"},  {U'’', "'"},  {U'ʼ', "'"},  {U'ʻ', "'"},  {U'`', "'"},  {U'´', "'"},
    {U'‐', " "},  {U'‑', " "},  {U'–', " "},  {U'—', " "},  {U'-', " "},
}};

const char* special(UChar32 c) {
  for (const Special& s : kSpecialLetters)
    if (s.from == c) return s.to;
  return nullptr;
}

// Appends `piece` to `out`, turning runs of white space into one space and
// dropping it at the start (the end is trimmed by the caller).
void append_collapsed(std::string& out, std::string_view piece) {
  for (char c : piece) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if (space) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
}

// Most names are plain ASCII: lower case and the dash/backquote mapping, no
// ICU, written in place (the claims stage folds every capitalized run it
// looks up).
bool fold_ascii(std::string_view name, std::string& out) {
  for (char c : name)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  out.resize(name.size());
  std::size_t n = 0;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    } else if (c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      if (n == 0 || out[n - 1] == ' ') continue;  // runs of space as one, none at the start
      c = ' ';
    } else if (c == '`') {
      c = '\'';
    }
    out[n++] = c;
  }
  out.resize(n);
  return true;
}

}  // namespace

std::string fold_place_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  if (!fold_ascii(name, out)) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
    icu::UnicodeString decomposed;
    if (U_SUCCESS(status))
      decomposed =
          nfkd->normalize(icu::UnicodeString::fromUTF8({name.data(), static_cast<int32_t>(name.size())}), status);
    // Without ICU's data (never on a working install) the name is compared as written.
    if (U_FAILURE(status)) decomposed = icu::UnicodeString::fromUTF8({name.data(), static_cast<int32_t>(name.size())});
    for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
      const UChar32 c = decomposed.char32At(i);
      if (u_charType(c) == U_NON_SPACING_MARK) continue;
      if (const char* to = special(c)) {
        append_collapsed(out, to);
        continue;
      }
      std::string utf8;
      icu::UnicodeString(u_isspace(c) ? UChar32{' '} : u_tolower(c)).toUTF8String(utf8);
      append_collapsed(out, utf8);
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

namespace {

// Letters NFD does not split, as a name keeps them in its case.
const char* plain_letter(UChar32 c) {
  switch (c) {
    case U'ß':
      return "ss";
    case U'æ':
      return "ae";
    case U'Æ':
      return "Ae";
    case U'œ':
      return "oe";
    case U'Œ':
      return "Oe";
    case U'ø':
      return "o";
    case U'Ø':
      return "O";
    case U'ł':
      return "l";
    case U'Ł':
      return "L";
    case U'đ':
    case U'ð':
      return "d";
    case U'Đ':
    case U'Ð':
      return "D";
    case U'þ':
      return "th";
    case U'Þ':
      return "Th";
    case U'ı':
      return "i";
    case U'ħ':
      return "h";
    case U'Ħ':
      return "H";
    case U'‘':
    case U'’':
    case U'ʼ':
    case U'ʻ':
    case U'`':
    case U'´':
      return "'";
    default:
      return nullptr;
  }
}

}  // namespace

std::string plain_place_name(std::string_view name) {
  if (std::all_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return std::string(name);
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::UnicodeString written = icu::UnicodeString::fromUTF8({name.data(), static_cast<int32_t>(name.size())});
  const icu::UnicodeString decomposed = U_SUCCESS(status) ? nfd->normalize(written, status) : written;
  if (U_FAILURE(status)) return std::string(name);
  std::string out;
  for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
    const UChar32 c = decomposed.char32At(i);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (const char* to = plain_letter(c)) {
      out += to;
      continue;
    }
    icu::UnicodeString(c).toUTF8String(out);
  }
  return out;
}

}  // namespace crosscheck
