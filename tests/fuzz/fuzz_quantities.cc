// Any bytes through the quantities reader: it must never crash, hang or read
// out of bounds, and every figure it returns must lie inside the text with a
// well-formed interval.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "crosscheck/quantities.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static crosscheck::QuantityReader reader;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const crosscheck::Quantity& figure : reader.read(text)) {
    if (figure.span.begin > figure.span.end || figure.span.end > text.size()) std::abort();
    if (!(figure.low <= figure.high)) std::abort();
  }
  return 0;
}
