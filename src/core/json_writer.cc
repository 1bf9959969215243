#include "core/json_writer.h"

#include <cmath>
#include <cstring>
#include <iterator>
#include <nlohmann/json.hpp>

#include "core/ascii_blocks.h"
#include "core/control_sequences.h"
#include "crosscheck/core.h"

namespace crosscheck {

namespace {

// High bits of the lanes of `block` that JSON escapes: the controls, '"' and
// '\\'. Bytes of 0x80 or more are not among them.
std::uint64_t escaped_lanes(std::uint64_t block) {
  using namespace ascii_blocks;
  return lanes_in_range(block, 0x00, 0x1F) | lanes_in_range(block, '"', '"') | lanes_in_range(block, '\\', '\\');
}

// How many bytes `text` starts with that are written as they are: no
// control, '"' or '\\'; with `ascii_only`, no byte of 0x80 or more either
// (such a run needs no UTF-8 check). Eight bytes at a time: every key and
// value of every claim passes here, and a claim repeats its whole sentence.
std::size_t plain_prefix(std::string_view text, bool ascii_only) {
  using namespace ascii_blocks;
  const auto plain = [&](std::uint64_t block) {
    return escaped_lanes(block) == 0 && !(ascii_only && has_high_byte(block));
  };
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    if (!plain(load(text.data() + i))) break;
  }
  // The last bytes of a text of eight or more, as the eight that end it
  // (read again where they overlap), rather than one at a time.
  if (i < text.size() && text.size() >= 8 && i + 8 > text.size() && plain(load(text.data() + text.size() - 8))) {
    return text.size();
  }
  for (; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == '"' || c == '\\' || (ascii_only && c >= 0x80)) break;
  }
  return i;
}

}  // namespace

void JsonWriter::new_line() {
  if (indent_ < 0) return;
  out_ += '\n';
  out_.append(static_cast<std::size_t>(indent_) * depth_, ' ');
}

void JsonWriter::before_value() {
  if (depth_ == 0) return;
  const std::uint64_t bit = std::uint64_t{1} << (depth_ - 1);
  if (!(arrays_ & bit)) return;  // an object's member: key() wrote the separator
  if (nonempty_ & bit) out_ += ',';
  nonempty_ |= bit;
  new_line();
}

void JsonWriter::open(char bracket, bool array) {
  before_value();
  out_ += bracket;
  const std::uint64_t bit = std::uint64_t{1} << depth_;
  arrays_ = array ? arrays_ | bit : arrays_ & ~bit;
  nonempty_ &= ~bit;
  ++depth_;
}

void JsonWriter::close(char bracket) {
  --depth_;
  if (nonempty_ & (std::uint64_t{1} << depth_)) new_line();  // "[]" and "{}" stay on one line
  out_ += bracket;
}

JsonWriter& JsonWriter::begin_object() {
  open('{', false);
  return *this;
}

void JsonWriter::end_object() { close('}'); }

JsonWriter& JsonWriter::begin_array() {
  open('[', true);
  return *this;
}

void JsonWriter::end_array() { close(']'); }

JsonWriter& JsonWriter::key(std::string_view name) {
  const std::uint64_t bit = std::uint64_t{1} << (depth_ - 1);
  const bool comma = (nonempty_ & bit) != 0;
  nonempty_ |= bit;
  if (indent_ < 0 && !(arrays_ & bit) && plain_prefix(name, true) == name.size()) {
    // A compact key (every key of a claim's JSONL line), its comma, quotes
    // and colon written by one growth of `out_`.
    const std::size_t at = out_.size();
    out_.resize(at + comma + name.size() + 3);
    char* to = out_.data() + at;
    if (comma) *to++ = ',';
    *to++ = '"';
    std::memcpy(to, name.data(), name.size());
    to[name.size()] = '"';
    to[name.size() + 1] = ':';
    return *this;
  }
  if (comma) out_ += ',';
  new_line();
  string(name);
  out_ += indent_ < 0 ? ":" : ": ";
  return *this;
}

void JsonWriter::string(std::string_view text) {
  before_value();
  if (plain_prefix(text, true) == text.size()) {
    // Most strings: ASCII with nothing to escape, written with their quotes
    // by one growth of `out_` (three appends cost twice as much).
    const std::size_t at = out_.size();
    out_.resize(at + text.size() + 2);
    char* to = out_.data() + at;
    to[0] = '"';
    std::memcpy(to + 1, text.data(), text.size());
    to[text.size() + 1] = '"';
  } else if (find_invalid_utf8(text) == std::string_view::npos) {
    escaped(text);
  } else {
    // Rare (a file name, say): nlohmann replaces each broken sequence with
    // one U+FFFD, and what it writes is what every report has written.
    out_ += nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
}

void JsonWriter::escaped(std::string_view text) {
  out_ += '"';
  std::size_t run = 0;  // start of the bytes not yet written
  for (std::size_t i = plain_prefix(text, false); i < text.size(); i += 1 + plain_prefix(text.substr(i + 1), false)) {
    const auto c = static_cast<unsigned char>(text[i]);
    out_.append(text, run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out_ += "\\\"";
        break;
      case '\\':
        out_ += "\\\\";
        break;
      case '\b':
        out_ += "\\b";
        break;
      case '\f':
        out_ += "\\f";
        break;
      default:
        if (const std::string_view escape = short_escape(c); !escape.empty()) {
          out_ += escape;
        } else {
          out_ += fmt::format("\\u{:04x}", c);
        }
        break;
    }
  }
  out_.append(text, run, text.size() - run);
  out_ += '"';
}

void JsonWriter::null() {
  before_value();
  out_ += "null";
}

void JsonWriter::boolean(bool value) {
  before_value();
  out_ += value ? "true" : "false";
}

void JsonWriter::integer(std::int64_t value) {
  before_value();
  fmt::format_to(std::back_inserter(out_), "{}", value);
}

void JsonWriter::number(double value) {
  if (std::floor(value) == value && std::abs(value) < 9007199254740992.0) {
    integer(static_cast<std::int64_t>(value));
  } else {
    real(value);
  }
}

void JsonWriter::real(double value) {
  before_value();
  out_ += nlohmann::json(value).dump();
}

}  // namespace crosscheck
