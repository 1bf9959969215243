// Lines of a stream with a bound on how much of one line is kept in memory.
// Private to the library: JSONL articles and JSONL claims are read with it.
#pragma once

#include <cstddef>
#include <cstring>
#include <istream>
#include <string>

namespace crosscheck {

/// Reads lines like std::getline, except that a line longer than `limit`
/// bytes is not held whole: its first `limit` bytes are kept and the rest is
/// skipped, so one line without an end (a binary file, a truncated dump) can
/// never take all memory.
class BoundedLineReader {
 public:
  BoundedLineReader(std::istream& in, std::size_t limit) : in_(in), limit_(limit) {}

  /// The next line, without its '\n', into `line`; false at the end of the
  /// stream. `length` is the line's full length in bytes: more than the limit
  /// when the line was cut.
  bool next(std::string& line, std::size_t& length) {
    line.clear();
    length = 0;
    bool any = false;
    for (;;) {
      if (position_ == filled_ && !refill()) return any;
      any = true;
      const char* begin = buffer_ + position_;
      const std::size_t available = filled_ - position_;
      const void* newline = std::memchr(begin, '\n', available);
      const std::size_t take =
          newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - begin) : available;
      if (line.size() < limit_) line.append(begin, std::min(take, limit_ - line.size()));
      length += take;
      position_ += take;
      if (newline) {
        ++position_;  // the '\n'
        return true;
      }
    }
  }

  /// Whether reading failed (an I/O error, not the end of the stream).
  bool bad() const { return in_.bad(); }

 private:
  bool refill() {
    in_.read(buffer_, sizeof buffer_);
    filled_ = static_cast<std::size_t>(in_.gcount());
    position_ = 0;
    return filled_ > 0;
  }

  std::istream& in_;
  std::size_t limit_;
  char buffer_[1 << 16];
  std::size_t position_ = 0;
  std::size_t filled_ = 0;
};

}  // namespace crosscheck
