// One-sentence articles with many figures (issue 14): the input is a clause
// and a count; the article is one sentence of that clause repeated, each
// '#' in it replaced by the clause's number ("# people were killed" gives
// "1 people were killed, 2 people were killed, ..."). Run through segment,
// claims, graph and the built-in rules. CTest runs it with a time budget per
// input (libFuzzer's -timeout, tests/fuzz/CMakeLists.txt): anything worse
// than linear in the figures of a sentence exceeds it, as the metric search
// did (N = 500 clauses took 11 s).
#include <algorithm>
#include <string>

#include "fuzz_pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace crosscheck;
  if (size < 3) return 0;
  // Up to 2,000 clauses, and 256 KB of text.
  const std::size_t wanted = 1 + ((std::size_t{data[0]} << 8 | data[1]) % 2000);
  std::string clause(reinterpret_cast<const char*>(data + 2), size - 2);
  // Nothing that ends a sentence or a line: the article stays one sentence.
  std::replace_if(
      clause.begin(), clause.end(), [](char c) { return c == '.' || c == '!' || c == '?' || c == '\n' || c == '\r'; },
      ' ');
  const std::size_t count = std::min(wanted, std::size_t{256 * 1024} / (clause.size() + 2) + 1);
  std::string text = "In Gaza, ";
  for (std::size_t i = 1; i <= count; ++i) {
    for (char c : clause) {
      if (c == '#') {
        text += std::to_string(i);
      } else {
        text += c;
      }
    }
    text += i < count ? ", " : ".\n";
  }
  fuzz::run_pipeline_on_text(text);
  return 0;
}
