// Any bytes as a .md article file, through the whole pipeline: ingest,
// segment, claims, graph and the built-in rules. Bad input becomes
// diagnostics; nothing may crash.
#include "fuzz_pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  crosscheck::fuzz::run_pipeline_on_file(".md", data, size);
  return 0;
}
