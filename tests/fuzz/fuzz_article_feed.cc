// Any bytes as a feed (.rss), through the whole pipeline: the feed scanner,
// each item's content as a page, then claims, graph and rules.
#include "fuzz_pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  crosscheck::fuzz::run_pipeline_on_file(".rss", data, size);
  return 0;
}
