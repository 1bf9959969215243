// Any bytes as a lexicon file and as a rule file: loaded or refused with
// diagnostics, never a crash or an exception.
#include <cstddef>
#include <cstdint>
#include <string>

#include "crosscheck/lexicon.h"
#include "crosscheck/rules.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const crosscheck::Lexicon built_in = [] {
    crosscheck::DiagnosticSink sink;
    return crosscheck::load_lexicon(crosscheck::default_lexicon_sources(), sink);
  }();
  const std::string yaml(reinterpret_cast<const char*>(data), size);
  crosscheck::DiagnosticSink sink;
  crosscheck::load_lexicon({{"fuzz.yaml", yaml}}, sink);
  crosscheck::load_rules({{"rules/fuzz.yaml", yaml}}, built_in, sink);
  return 0;
}
