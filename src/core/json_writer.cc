#include "core/json_writer.h"

#include <cmath>
#include <iterator>
#include <nlohmann/json.hpp>

#include "core/control_sequences.h"
#include "crosscheck/core.h"

namespace crosscheck {

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
  if (nonempty_ & bit) out_ += ',';
  nonempty_ |= bit;
  new_line();
  string(name);
  out_ += indent_ < 0 ? ":" : ": ";
  return *this;
}

void JsonWriter::string(std::string_view text) {
  before_value();
  if (find_invalid_utf8(text) == std::string_view::npos) {
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
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
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
