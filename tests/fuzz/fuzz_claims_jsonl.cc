// Any line as `check --claims` reads it back: a claim or a reason, never a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "crosscheck/claims.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string error;
  const auto claim = crosscheck::claim_from_json(std::string_view(reinterpret_cast<const char*>(data), size), error);
  if (!claim && error.empty()) std::abort();  // a refused line must say why
  if (claim) (void)crosscheck::claim_json(*claim);
  return 0;
}
