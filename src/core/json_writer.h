// JSON text written directly, as nlohmann's dump() writes it: one claim per
// line of a million-article run, where building an nlohmann object per claim
// was a third of `extract --format jsonl`, and the reports that quote those
// claims (check's JSON, compare's JSON) with the same writer, so that a claim
// has one writer whatever document it stands in.
//
//     std::string out;
//     crosscheck::JsonWriter json(out, 2);  // or no indent: one compact line
//     json.begin_object();
//     json.key("claims").begin_array();
//     json.end_array();
//     json.end_object();                   // {\n  "claims": []\n}
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace crosscheck {

class JsonWriter {
 public:
  static constexpr int kCompact = -1;

  /// Appends to `out`. `indent` spaces a level, each member and element on
  /// its own line (nlohmann's dump(indent)); kCompact, one line without
  /// spaces (dump()).
  explicit JsonWriter(std::string& out, int indent = kCompact) : out_(out), indent_(indent) {}

  JsonWriter& begin_object();
  void end_object();
  JsonWriter& begin_array();
  void end_array();
  /// `"name":` in the open object; the value follows. Objects and arrays
  /// nest 64 deep at most (ours nest five).
  JsonWriter& key(std::string_view name);

  /// UTF-8 as is, the controls, '"' and '\' escaped; a sequence that is not
  /// UTF-8 as U+FFFD, as nlohmann's error_handler_t::replace writes it
  /// (ingest rejects such text, but a file name may carry it; output never
  /// throws).
  void string(std::string_view text);
  void string_or_null(std::string_view text) { text.empty() ? null() : string(text); }
  void null();
  void boolean(bool value);
  void integer(std::int64_t value);
  /// Whole numbers as integers ("35000", not "35000.0"); others as nlohmann writes them.
  void number(double value);
  /// Always as nlohmann writes a double: "35000.0".
  void real(double value);

 private:
  void open(char bracket, bool array);
  void close(char bracket);
  void before_value();
  void new_line();
  void escaped(std::string_view text);

  std::string& out_;
  int indent_;
  // The open objects and arrays as bits, the innermost at depth_ - 1:
  // no allocation for a writer made per claim.
  unsigned depth_ = 0;
  std::uint64_t arrays_ = 0;    // bit set: an array, else an object
  std::uint64_t nonempty_ = 0;  // bit set: a member or element written
};

}  // namespace crosscheck
