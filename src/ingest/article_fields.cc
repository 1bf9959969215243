#include <algorithm>
#include <cstring>

#include "core/ascii_blocks.h"
#include "ingest/readers.h"

namespace crosscheck {

std::string format_as(const Date& date) { return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day); }

// Howard Hinnant's days_from_civil and civil_from_days.
long day_number(const Date& date) {
  int y = date.year;
  const int m = date.month, d = date.day;
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

Date date_of_day_number(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return std::nullopt;
  int fields[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i) {
    for (std::size_t k = 0; k < lengths[i]; ++k) {
      const char c = text[starts[i] + k];
      if (c < '0' || c > '9') return std::nullopt;
      fields[i] = fields[i] * 10 + (c - '0');
    }
  }
  const Date date{fields[0], fields[1], fields[2]};
  if (date.month < 1 || date.month > 12 || date.day < 1) return std::nullopt;
  const bool leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0;
  constexpr int kDaysInMonth[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int days = kDaysInMonth[date.month - 1] + (date.month == 2 && leap ? 1 : 0);
  if (date.day > days) return std::nullopt;
  return date;
}

namespace {

// The place in the file of the character at `offset` of an article's text,
// whose place in the text as read is `position` (for a text embedded in a
// JSONL line: line 1, the column counted from the start of the text). The
// characters ingest removed before it (on its line; in an embedded text, at
// all) move its column: one that stood just before the character at
// `offset` came before it in the file. A binary search: nearly every article
// has none.
SourceSpan place_in_file(const TextOrigin& origin, LineIndex::Position position, std::size_t offset) {
  const std::vector<TextOrigin::Removed>& removed = origin.removed;
  const auto upto = std::upper_bound(removed.begin(), removed.end(), offset,
                                     [](std::size_t at, const TextOrigin::Removed& r) { return at < r.offset; });
  if (origin.embedded) {
    return {origin.file, origin.line, static_cast<std::uint32_t>(position.column + (upto - removed.begin()))};
  }
  const auto on_line = std::lower_bound(removed.begin(), upto, position.line,
                                        [](const TextOrigin::Removed& r, std::uint32_t at) { return r.line < at; });
  return {origin.file, origin.line + position.line - 1, static_cast<std::uint32_t>(position.column + (upto - on_line))};
}

}  // namespace

namespace {

// The file position of byte `offset` of a page's text: its anchor's, moved
// by the characters since the anchor.
SourceSpan place_in_page(const TextOrigin& origin, std::string_view text, std::size_t offset) {
  const auto after = std::upper_bound(origin.anchors.begin(), origin.anchors.end(), offset,
                                      [](std::size_t at, const TextOrigin::Anchor& a) { return at < a.offset; });
  if (after == origin.anchors.begin()) return {origin.file, origin.line, 1};
  const TextOrigin::Anchor& anchor = *std::prev(after);
  const std::size_t begin = std::min<std::size_t>(anchor.offset, text.size());
  const std::size_t end = std::min(offset, text.size());
  const std::size_t characters = ascii_blocks::character_count(text.data() + begin, end - begin);
  return {origin.file, anchor.line, static_cast<std::uint32_t>(anchor.column + characters)};
}

}  // namespace

SourceSpan TextOrigin::locate(std::string_view text, const LineIndex& lines, std::size_t offset) const {
  if (!anchors.empty()) return place_in_page(*this, text, offset);
  if (embedded) {
    const std::size_t characters = ascii_blocks::character_count(text.data(), std::min(offset, text.size()));
    return place_in_file(*this, {1, static_cast<std::uint32_t>(1 + characters)}, offset);
  }
  return place_in_file(*this, lines.locate(offset), offset);
}

// DerivedCoreProperties.txt, Unicode 15:
// 00AD 034F 061C 115F..1160 17B4..17B5 180B..180F 200B..200F 202A..202E
// 2060..206F 3164 FE00..FE0F FEFF FFA0 FFF0..FFF8 1BCA0..1BCA3 1D173..1D17A
// E0000..E0FFF.
std::size_t default_ignorable_length(const unsigned char* p, std::size_t available) {
  auto at = [&](std::size_t k) -> unsigned { return k < available ? p[k] : 0; };
  switch (p[0]) {
    case 0xC2:
      return at(1) == 0xAD ? 2 : 0;
    case 0xCD:
      return at(1) == 0x8F ? 2 : 0;
    case 0xD8:
      return at(1) == 0x9C ? 2 : 0;
    case 0xE1: {
      const unsigned b = at(1), c = at(2);
      const bool yes = (b == 0x85 && (c == 0x9F || c == 0xA0)) || (b == 0x9E && (c == 0xB4 || c == 0xB5)) ||
                       (b == 0xA0 && c >= 0x8B && c <= 0x8F);
      return yes ? 3 : 0;
    }
    case 0xE2: {
      const unsigned b = at(1), c = at(2);
      const bool yes = (b == 0x80 && ((c >= 0x8B && c <= 0x8F) || (c >= 0xAA && c <= 0xAE))) ||
                       (b == 0x81 && c >= 0xA0 && c <= 0xAF);
      return yes ? 3 : 0;
    }
    case 0xE3:
      return at(1) == 0x85 && at(2) == 0xA4 ? 3 : 0;
    case 0xEF: {
      const unsigned b = at(1), c = at(2);
      const bool yes = (b == 0xB8 && c >= 0x80 && c <= 0x8F) || (b == 0xBB && c == 0xBF) || (b == 0xBE && c == 0xA0) ||
                       (b == 0xBF && c >= 0xB0 && c <= 0xB8);
      return yes ? 3 : 0;
    }
    case 0xF0: {
      const unsigned b = at(1), c = at(2), d = at(3);
      const bool yes =
          (b == 0x9B && c == 0xB2 && d >= 0xA0 && d <= 0xA3) || (b == 0x9D && c == 0x85 && d >= 0xB3 && d <= 0xBA);
      return yes ? 4 : 0;
    }
    case 0xF3:
      return at(1) == 0xA0 ? 4 : 0;
    default:
      return 0;
  }
}

void remove_default_ignorables(std::string& text, TextOrigin& origin) {
  origin.removed.clear();
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t in = 0;
  // Most texts hold none: find the first, eight ASCII bytes at a time.
  for (;;) {
    while (in + 8 <= n && !ascii_blocks::has_high_byte(ascii_blocks::load(text.data() + in))) in += 8;
    if (in >= n) return;
    if (data[in] >= 0xC2 && default_ignorable_length(data + in, n - in) != 0) break;
    ++in;
  }
  std::size_t out = in;
  std::uint32_t line = 1 + static_cast<std::uint32_t>(std::count(text.begin(), text.begin() + in, '\n'));
  while (in < n) {
    const unsigned char c = data[in];
    if (const std::size_t length = c >= 0xC2 ? default_ignorable_length(data + in, n - in) : 0; length != 0) {
      origin.removed.push_back({static_cast<std::uint32_t>(out), line});
      in += length;
      continue;
    }
    if (c == '\n') ++line;
    text[out++] = text[in++];
  }
  text.resize(out);
}

SourceSpan TextLocator::locate(std::size_t asked) {
  if (!origin_.anchors.empty()) {
    // A page's run can be a whole paragraph: go on from the last offset in
    // the same run rather than count the run again from its anchor.
    const std::size_t offset = std::min(asked, text_.size());
    const auto after = std::upper_bound(origin_.anchors.begin(), origin_.anchors.end(), offset,
                                        [](std::size_t at, const TextOrigin::Anchor& a) { return at < a.offset; });
    if (after == origin_.anchors.begin()) return {origin_.file, origin_.line, 1};
    const auto anchor = static_cast<std::size_t>(std::prev(after) - origin_.anchors.begin());
    if (anchor != anchor_ || offset < offset_) {
      anchor_ = anchor;
      offset_ = std::min<std::size_t>(origin_.anchors[anchor].offset, text_.size());
      position_ = {origin_.anchors[anchor].line, origin_.anchors[anchor].column};
    }
    position_.column +=
        static_cast<std::uint32_t>(ascii_blocks::character_count(text_.data() + offset_, offset - offset_));
    offset_ = offset;
    return {origin_.file, position_.line, position_.column};
  }
  const std::size_t offset = std::min(asked, text_.size());
  if (offset < offset_) {  // backwards: start again
    offset_ = 0;
    position_ = {1, 1};
  }
  const std::string_view walked = text_.substr(offset_, offset - offset_);
  // Embedded texts count characters from the start of the text, line breaks
  // included. Files count characters from the start of the line: on the
  // same line, those since the last offset; on a later one, those since its
  // start, which is after the last offset.
  if (origin_.embedded || std::memchr(walked.data(), '\n', walked.size()) == nullptr) {
    position_.column += static_cast<std::uint32_t>(ascii_blocks::character_count(walked.data(), walked.size()));
  } else {
    position_ = lines_.locate(offset);
  }
  offset_ = offset;
  return place_in_file(origin_, position_, asked);
}

namespace {

// Whether the invalid byte at `bad` opens a multi-byte character that the
// end of the text cuts short (a truncated file), rather than a byte of some
// other encoding.
bool cut_short_at_end(std::string_view text, std::size_t bad) {
  const auto lead = static_cast<unsigned char>(text[bad]);
  const std::size_t length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
  if (length == 0 || bad + length <= text.size()) return false;
  for (std::size_t k = bad + 1; k < text.size(); ++k) {
    if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) return false;
  }
  return true;
}

}  // namespace

void require_plain_text(std::string_view text, const std::string& file, std::size_t file_offset,
                        std::uint32_t first_line) {
  // A NUL near the start marks a binary file (as git decides) even when an
  // invalid byte comes first: "binary" is the better advice then.
  constexpr std::size_t kBinaryWindow = 8000;
  const std::size_t nul = text.find('\0');
  const std::size_t invalid = find_invalid_utf8(text);
  const std::size_t bad = nul < kBinaryWindow ? nul : std::min(invalid, nul);
  if (bad == std::string_view::npos) return;
  const LineIndex lines(text.substr(0, bad));
  const LineIndex::Position position = lines.locate(bad);
  const SourceSpan where{file, first_line + position.line - 1, position.column};
  const auto byte = static_cast<unsigned char>(text[bad]);
  if (byte == 0) {
    throw Error(where, fmt::format("NUL byte at byte offset {}: this is a binary file, not text; leave it out of "
                                   "the corpus or convert it to UTF-8 text",
                                   file_offset + bad));
  }
  const std::string advice = cut_short_at_end(text, bad)
                                 ? "a character is cut short at the end: the file looks truncated; fetch it again"
                                 : "save the file as UTF-8 (from Windows-1252 or Latin-1: iconv -f WINDOWS-1252 "
                                   "-t UTF-8)";
  throw Error(where,
              fmt::format("invalid UTF-8 at byte offset {} (byte 0x{:02X}); {}", file_offset + bad, byte, advice));
}

bool strip_bom(std::string& text) {
  if (!text.starts_with("\xEF\xBB\xBF")) return false;
  text.erase(0, 3);
  return true;
}

void normalize_line_ends(std::string& text) {
  if (text.find('\r') == std::string::npos) return;
  std::size_t out = 0;
  for (std::size_t in = 0; in < text.size(); ++in) {
    if (text[in] == '\r') {
      text[out++] = '\n';
      if (in + 1 < text.size() && text[in + 1] == '\n') ++in;
    } else {
      text[out++] = text[in];
    }
  }
  text.resize(out);
}

void set_article_field(Article& article, std::string_view key, std::string value, const SourceSpan& where) {
  if (key == "id") {
    if (value.empty()) throw Error(where, "article id is empty; give it a value or drop the key");
    article.id = std::move(value);
    article.id_span = where;
  } else if (key == "source") {
    article.source = std::move(value);
  } else if (key == "title") {
    article.title = std::move(value);
  } else if (key == "url") {
    article.url = std::move(value);
  } else if (key == "published") {
    article.published = parse_date(value);
    if (!article.published) {
      throw Error(where, fmt::format("published date '{}' is not a date; write it as YYYY-MM-DD", value));
    }
  }
}

}  // namespace crosscheck
