// Gzip-compressed input, inflated whole with zlib (Debian's zlib1g: the
// reference implementation, already on every system).
#include <zlib.h>

#include <algorithm>

#include "ingest/readers.h"

namespace crosscheck {

std::string gunzip(std::string_view compressed, const std::string& file, std::size_t limit) {
  if (!(compressed.size() >= 2 && static_cast<unsigned char>(compressed[0]) == 0x1F &&
        static_cast<unsigned char>(compressed[1]) == 0x8B)) {
    throw Error({file, 0, 0},
                "not gzip data (the file does not start with the gzip magic bytes 1F 8B); name it "
                "without '.gz' if it is not compressed");
  }
  z_stream stream{};
  // 16 + MAX_WBITS: a gzip header and trailer, not a raw zlib stream.
  if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) throw Error({file, 0, 0}, "cannot start zlib");
  std::string out;
  char buffer[1 << 16];
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  int status = Z_OK;
  while (true) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    status = inflate(&stream, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - stream.avail_out);
    if (out.size() > limit) {
      inflateEnd(&stream);
      throw Error({file, 0, 0}, fmt::format("inflates to more than the article size limit of {}; raise the limit "
                                            "with --max-article-size if the page is real",
                                            format_byte_size(limit)));
    }
    // One member ends; another may follow (concatenated gzip files). Zero
    // bytes after the last are padding, as gzip(1) reads them.
    if (status == Z_STREAM_END && stream.avail_in > 0 &&
        std::all_of(stream.next_in, stream.next_in + stream.avail_in, [](Bytef byte) { return byte == 0; })) {
      stream.avail_in = 0;
    }
    if (status == Z_STREAM_END && stream.avail_in > 0) {
      if (inflateReset(&stream) != Z_OK) break;
      continue;
    }
    if (status == Z_STREAM_END) break;
    if (status == Z_BUF_ERROR && stream.avail_in == 0) break;  // cut short
    if (status != Z_OK) break;
  }
  const std::size_t at = compressed.size() - stream.avail_in;
  const std::string message = stream.msg != nullptr ? stream.msg : "";
  inflateEnd(&stream);
  if (status == Z_STREAM_END) return out;
  if (stream.avail_in == 0 && (status == Z_BUF_ERROR || status == Z_OK)) {
    throw Error({file, 0, 0}, fmt::format("the gzip data ends early (after {} of compressed data): the file is "
                                          "truncated; fetch it again",
                                          format_byte_size(compressed.size())));
  }
  throw Error({file, 0, 0},
              fmt::format("corrupt gzip data near byte offset {} (zlib: {}); fetch the file again", at, message));
}

}  // namespace crosscheck
