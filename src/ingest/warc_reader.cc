// Web archives (WARC 1.0 and 1.1, ISO 28500) read with zlib and a record
// parser of our own rather than libarchive: a record's place is the offset of
// its gzip member in the file (what CDX indexes and replay tools name), which
// libarchive does not give, and a record is a few header lines and a length.
#include <zlib.h>

#include <deque>
#include <fstream>
#include <map>
#include <optional>

#include "ingest/html_document.h"
#include "ingest/html_metadata.h"
#include "ingest/readers.h"

namespace crosscheck {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kChunk = 1 << 16;
// Header lines of a record or of its HTTP response: more is no WARC.
constexpr std::size_t kMaxHeaders = 1 << 16;

// The bytes of a WARC file, inflated member by member when compressed, with
// the file offset at which each member begins.
class WarcStream {
 public:
  WarcStream(const fs::path& path, std::string display_name, bool compressed)
      : in_(path, std::ios::binary), display_name_(std::move(display_name)), compressed_(compressed) {
    if (!in_) throw Error({display_name_, 0, 0}, "cannot read file");
    if (compressed_ && inflateInit2(&zlib_, 16 + MAX_WBITS) != Z_OK) {
      throw Error({display_name_, 0, 0}, "cannot start zlib");
    }
  }
  ~WarcStream() {
    if (compressed_) inflateEnd(&zlib_);
  }
  WarcStream(const WarcStream&) = delete;
  WarcStream& operator=(const WarcStream&) = delete;

  // Reads until `n` bytes are available past the position, or the file
  // ends; returns how many are.
  std::size_t fill(std::size_t n) {
    while (buffer_.size() - head_ < n && read_more()) {
    }
    forget_passed_members();
    return buffer_.size() - head_;
  }
  std::string_view available() const { return std::string_view(buffer_).substr(head_); }
  void consume(std::size_t n) {
    head_ += n;
    position_ += n;
    forget_passed_members();
    if (head_ > (std::size_t{1} << 20) && head_ * 2 > buffer_.size()) {
      buffer_.erase(0, head_);
      head_ = 0;
    }
  }
  // Passes over `n` bytes without holding them; returns how many there were.
  std::uint64_t skip(std::uint64_t n) {
    std::uint64_t skipped = 0;
    while (skipped < n) {
      const std::size_t have = fill(static_cast<std::size_t>(std::min<std::uint64_t>(n - skipped, kChunk)));
      if (have == 0) break;
      const std::size_t take = static_cast<std::size_t>(std::min<std::uint64_t>(have, n - skipped));
      consume(take);
      skipped += take;
    }
    return skipped;
  }
  // What stopped the reading of a damaged file (a gzip member cut short or
  // corrupt, bytes that are not gzip): the bytes before it are all there.
  const std::optional<Error>& damage() const { return damage_; }

  // The offset that names the position in the file: the start of its gzip
  // member, or the byte itself in an uncompressed file.
  std::uint64_t file_offset() const {
    if (!compressed_) return position_;
    return members_.empty() ? 0 : members_.front().second;
  }

 private:
  // Members that end before the position are no longer named: the position
  // is in the last member that began at or before it.
  void forget_passed_members() {
    while (members_.size() > 1 && members_[1].first <= position_) members_.pop_front();
  }

  bool read_more() {
    char out[kChunk];
    if (!compressed_) {
      in_.read(out, sizeof out);
      buffer_.append(out, static_cast<std::size_t>(in_.gcount()));
      return in_.gcount() > 0;
    }
    while (true) {
      if (damage_ || input_done_) return false;
      if (input_at_ == input_.size()) {
        input_offset_ += input_.size();
        input_.resize(kChunk);
        in_.read(input_.data(), static_cast<std::streamsize>(input_.size()));
        input_.resize(static_cast<std::size_t>(in_.gcount()));
        input_at_ = 0;
        if (input_.empty()) {
          if (in_member_) {
            damage_ = Error({display_name_, 0, 0},
                            fmt::format("the gzip member that begins at byte offset {} is cut short: the file is "
                                        "truncated; the records before it were read",
                                        members_.empty() ? 0 : members_.back().second));
          }
          input_done_ = true;
          return false;
        }
      }
      if (!in_member_ && input_[input_at_] == '\0') {  // padding between or after members
        ++input_at_;
        continue;
      }
      if (!in_member_) {
        const std::uint64_t at = input_offset_ + input_at_;
        if (static_cast<unsigned char>(input_[input_at_]) != 0x1F) {
          damage_ =
              Error({display_name_, 0, 0},
                    fmt::format("not gzip data at byte offset {}; name the file '.warc' if it is not compressed", at));
          return false;
        }
        const std::uint64_t begins = position_ + (buffer_.size() - head_);
        // An empty member before this one names nothing: this one takes its place.
        if (!members_.empty() && members_.back().first == begins) members_.pop_back();
        members_.emplace_back(begins, at);
        inflateReset(&zlib_);
        in_member_ = true;
      }
      zlib_.next_in = reinterpret_cast<Bytef*>(input_.data() + input_at_);
      zlib_.avail_in = static_cast<uInt>(input_.size() - input_at_);
      zlib_.next_out = reinterpret_cast<Bytef*>(out);
      zlib_.avail_out = sizeof out;
      const int status = inflate(&zlib_, Z_NO_FLUSH);
      input_at_ = input_.size() - zlib_.avail_in;
      const std::size_t produced = sizeof out - zlib_.avail_out;
      buffer_.append(out, produced);
      if (status == Z_STREAM_END) {
        in_member_ = false;
      } else if (status != Z_OK && !(status == Z_BUF_ERROR && zlib_.avail_in == 0)) {
        damage_ = Error({display_name_, 0, 0},
                        fmt::format("corrupt gzip data in the member that begins at byte offset {} (zlib: {}); the "
                                    "records before it were read",
                                    members_.back().second, zlib_.msg != nullptr ? zlib_.msg : "error"));
        return false;
      }
      if (produced > 0) return true;
    }
  }

  std::ifstream in_;
  std::string display_name_;
  bool compressed_;
  z_stream zlib_{};
  bool in_member_ = false;
  bool input_done_ = false;
  std::optional<Error> damage_;
  std::string input_;               // compressed bytes read from the file
  std::size_t input_at_ = 0;        // the first not yet inflated
  std::uint64_t input_offset_ = 0;  // file offset of input_[0]
  std::string buffer_;              // inflated bytes; those before head_ are consumed
  std::size_t head_ = 0;
  std::uint64_t position_ = 0;  // stream offset of buffer_[head_]
  // Members still in reach: (stream offset where one begins, its file offset).
  std::deque<std::pair<std::uint64_t, std::uint64_t>> members_;
};

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

// "Name: value" lines up to the blank line, names lower-cased; the first line
// (a version or status line) under "".
std::map<std::string, std::string> header_fields(std::string_view head) {
  std::map<std::string, std::string> fields;
  bool first = true;
  for (std::size_t begin = 0; begin < head.size();) {
    std::size_t end = head.find('\n', begin);
    if (end == std::string_view::npos) end = head.size();
    const std::string_view line = trimmed(head.substr(begin, end - begin));
    begin = end + 1;
    if (first) {
      fields[""] = std::string(line);
      first = false;
      continue;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    fields.emplace(html::lowercase(trimmed(line.substr(0, colon))), std::string(trimmed(line.substr(colon + 1))));
  }
  return fields;
}

std::string field(const std::map<std::string, std::string>& fields, const std::string& name) {
  const auto found = fields.find(name);
  return found == fields.end() ? std::string() : found->second;
}

// The end of a header block that starts `text`: past its blank line, or npos.
std::size_t headers_end(std::string_view text) {
  const std::size_t crlf = text.find("\r\n\r\n");
  const std::size_t lf = text.find("\n\n");
  if (crlf == std::string_view::npos && lf == std::string_view::npos) return std::string_view::npos;
  return crlf < lf ? crlf + 4 : lf + 2;
}

// A body sent in chunks (Transfer-Encoding: chunked), joined; nothing when
// the chunks do not add up.
std::optional<std::string> dechunked(std::string_view body) {
  std::string out;
  std::size_t at = 0;
  while (true) {
    const std::size_t line_end = body.find('\n', at);
    if (line_end == std::string_view::npos) return std::nullopt;
    std::size_t size = 0;
    std::size_t digits = 0;
    for (std::size_t k = at; k < line_end && std::isxdigit(static_cast<unsigned char>(body[k])); ++k, ++digits) {
      if (size > (std::size_t{1} << 40)) return std::nullopt;
      const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(body[k])));
      size = size * 16 + static_cast<std::size_t>(c <= '9' ? c - '0' : c - 'a' + 10);
    }
    if (digits == 0) return std::nullopt;
    at = line_end + 1;
    if (size == 0) return out;
    if (size > body.size() - at) return std::nullopt;
    out.append(body.substr(at, size));
    at += size;
    if (at < body.size() && body[at] == '\r') ++at;
    if (at < body.size() && body[at] == '\n') ++at;
  }
}

// Why a response record is no article ("" when it is one), and its HTML
// and charset when it is.
std::string read_http_response(std::string_view block, const std::string& place, std::size_t limit, std::string& html,
                               std::string& charset) {
  const std::size_t end = headers_end(block.substr(0, kMaxHeaders));
  if (end == std::string_view::npos) return "responses without HTTP headers";
  const auto fields = header_fields(block.substr(0, end));
  // "HTTP/1.1 200 OK": the three digits after the version.
  const std::string status = field(fields, "");
  const std::size_t code = status.find(' ');
  if (!status.starts_with("HTTP/") || code == std::string::npos || status.size() < code + 4 ||
      status[code + 1] != '2' || !std::isdigit(static_cast<unsigned char>(status[code + 2])) ||
      !std::isdigit(static_cast<unsigned char>(status[code + 3]))) {
    return "responses other than 2xx";
  }
  const std::string type = html::lowercase(field(fields, "content-type"));
  std::string_view body = block.substr(end);
  const bool sniffed_html =
      type.empty() && (html::lowercase(body.substr(0, 64)).find("<html") != std::string::npos ||
                       html::lowercase(body.substr(0, 64)).find("<!doctype html") != std::string::npos);
  if (!(type.starts_with("text/html") || type.starts_with("application/xhtml+xml") || sniffed_html)) {
    return "responses that are not HTML";
  }
  charset = html::charset_after(type);
  std::string decoded(body);
  if (html::lowercase(field(fields, "transfer-encoding")).find("chunked") != std::string::npos) {
    std::optional<std::string> joined = dechunked(body);
    if (!joined) throw Error({place, 0, 0}, "the response says it is sent in chunks, but the chunks do not add up");
    decoded = std::move(*joined);
  }
  const std::string encoding = html::lowercase(field(fields, "content-encoding"));
  if (encoding == "gzip" || encoding == "x-gzip") {
    decoded = gunzip(decoded, place, limit);
  } else if (!encoding.empty() && encoding != "identity") {
    return "responses in an encoding not read (" + encoding + ")";
  }
  html = std::move(decoded);
  return {};
}

// Passes over the record the stream stands in the middle of, to the next
// "WARC/1." at the start of a line; returns whether one was found.
bool find_next_record(WarcStream& stream) {
  while (true) {
    const std::size_t have = stream.fill(kChunk);
    if (have == 0) return false;
    const std::size_t at = stream.available().find("\nWARC/1.");
    if (at != std::string_view::npos) {
      stream.consume(at + 1);
      return true;
    }
    if (have < kChunk) {  // the file ends here
      stream.consume(have);
      return false;
    }
    stream.consume(have - 8);  // a marker may straddle two chunks
  }
}

}  // namespace

bool is_warc_path(const fs::path& path) {
  const std::string extension = lowercase_extension(path);
  return extension == ".warc" || (extension == ".gz" && lowercase_extension(path.stem()) == ".warc");
}

void read_warc_articles(const fs::path& path, const std::string& display_name,
                        const std::function<void(Article&&)>& on_article, IngestStats& stats,
                        DiagnosticSink& diagnostics, const IngestLimits& limits) {
  std::size_t articles = 0;
  std::map<std::string, std::size_t> passed_over;  // why -> records
  try {
    std::error_code size_error;
    if (fs::file_size(path, size_error) == 0 && !size_error)
      throw Error({display_name, 0, 0}, std::string(kEmptyFileMessage));
    WarcStream stream(path, display_name, lowercase_extension(path) == ".gz");
    while (true) {
      // Records are followed by a blank line or two.
      while (stream.fill(1) > 0 && (stream.available()[0] == '\r' || stream.available()[0] == '\n')) stream.consume(1);
      if (stream.fill(1) == 0) break;
      const std::uint64_t offset = stream.file_offset();
      const std::string place = fmt::format("{}#offset={}", display_name, offset);
      stream.fill(kMaxHeaders);
      const std::string_view head = stream.available().substr(0, kMaxHeaders);
      const std::size_t end = headers_end(head);
      if (stream.damage() && end == std::string_view::npos) break;  // a record cut short by the damage
      if (head.starts_with("WARC/") && end == std::string_view::npos) {
        const bool cut = head.size() < kMaxHeaders;
        diagnostics.error({display_name, 0, 0},
                          cut ? fmt::format("the file ends inside the header of the record at byte offset {}: the "
                                            "file is truncated; the records before it were read",
                                            offset)
                              : fmt::format("the record at byte offset {} has a header over {}: not a WARC record; "
                                            "skipped to the next record",
                                            offset, format_byte_size(kMaxHeaders)));
        ++stats.skipped;
        if (cut) break;
        stream.consume(1);
        if (!find_next_record(stream)) break;
        continue;
      }
      if (!head.starts_with("WARC/")) {
        diagnostics.error(
            {display_name, 0, 0},
            fmt::format("no WARC record at byte offset {}{}; skipped to the next record", offset,
                        articles + passed_over.size() > 0 ? " (the record before it may give a wrong Content-Length)"
                                                          : ": is this a WARC file?"));
        ++stats.skipped;
        stream.consume(1);
        if (!find_next_record(stream)) break;
        continue;
      }
      const auto fields = header_fields(head.substr(0, end));
      const std::string length_text = field(fields, "content-length");
      std::uint64_t length = 0;
      const bool valid =
          !length_text.empty() && length_text.size() < 16 &&
          std::all_of(length_text.begin(), length_text.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (valid) length = std::stoull(length_text);
      stream.consume(end);
      if (!valid) {
        diagnostics.error({place, 0, 0}, fmt::format("the record has no valid Content-Length ('{}'); skipped to the "
                                                     "next record",
                                                     length_text));
        ++stats.skipped;
        if (!find_next_record(stream)) break;
        continue;
      }
      const std::string type = field(fields, "warc-type");
      if (type != "response") {
        ++passed_over[type.empty() ? "without a WARC-Type" : type];
        if (stream.skip(length) < length) {
          if (stream.damage()) break;
          throw Error({place, 0, 0}, "the file ends inside the record: truncated");
        }
        continue;
      }
      if (length > limits.max_article_bytes) {
        diagnostics.error({place, 0, 0},
                          fmt::format("the record is {}, over the article size limit of {}; skipped (raise the "
                                      "limit with --max-article-size if the page is real)",
                                      format_byte_size(length), format_byte_size(limits.max_article_bytes)));
        ++stats.skipped;
        if (stream.skip(length) < length) {
          if (stream.damage()) break;
          throw Error({place, 0, 0}, "the file ends inside the record: truncated");
        }
        continue;
      }
      if (stream.fill(static_cast<std::size_t>(length)) < length) {
        if (stream.damage()) break;
        throw Error({place, 0, 0},
                    fmt::format("the file ends {} into the record, which says Content-Length: {}: the file is "
                                "truncated, or the length is wrong",
                                format_byte_size(stream.available().size()), length));
      }
      const std::string block(stream.available().substr(0, static_cast<std::size_t>(length)));
      stream.consume(static_cast<std::size_t>(length));
      try {
        std::string html, charset;
        if (const std::string why = read_http_response(block, place, limits.max_article_bytes, html, charset);
            !why.empty()) {
          ++passed_over[why];
          continue;
        }
        Article article = page_article(std::move(html), charset, place);
        std::string id = field(fields, "warc-record-id");
        if (id.starts_with('<') && id.ends_with('>')) id = id.substr(1, id.size() - 2);
        article.id = id.empty() ? place : id;
        article.url = field(fields, "warc-target-uri");
        if (article.source.empty()) article.source = html::url_host(article.url);
        if (!article.published) article.published = parse_date(field(fields, "warc-date"));
        ++articles;
        on_article(std::move(article));
      } catch (const Error& e) {
        diagnostics.error(e.span(), e.message() + "; record skipped");
        ++stats.skipped;
      }
    }
    if (stream.damage()) throw *stream.damage();
  } catch (const Error& e) {
    diagnostics.error(e.span(), e.message() + "; the rest of the file is not read");
    ++stats.skipped;
  }
  std::size_t others = 0;
  std::string kinds;
  for (const auto& [why, count] : passed_over) {
    others += count;
    kinds += fmt::format("{}{}: {}", kinds.empty() ? "" : ", ", why, count);
  }
  if (others > 0) {
    diagnostics.report(
        {Severity::note,
         {display_name, 0, 0},
         fmt::format("{} HTML responses read as articles; {} other records passed over ({})", articles, others, kinds),
         {}});
  }
}

}  // namespace crosscheck
