// Any bytes as a web archive (.warc), through the whole pipeline: the record
// parser, the HTTP responses (chunked, gzip-encoded), each HTML page, then
// claims, graph and rules. A record's article must carry its offset.
#include <cstdlib>

#include "fuzz_pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  crosscheck::fuzz::run_pipeline_on_file(".warc", data, size, [](const crosscheck::Article& article) {
    if (article.origin.file.find("#offset=") == std::string::npos) std::abort();
  });
  return 0;
}
