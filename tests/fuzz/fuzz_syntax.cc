// The syntax stage on any bytes: the first byte picks what reads the rest, a
// CoNLL-U reader, the model file reader, or split_words and the built-in
// model's parse. Errors must be crosscheck::Error; a parse must be one tree
// (one root, every head a word of the sentence).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/core.h"
#include "crosscheck/syntax.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  try {
    switch (data[0] % 3) {
      case 0:
        (void)crosscheck::read_conllu(text, "fuzz.conllu");
        return 0;
      case 1:
        (void)crosscheck::SyntaxModel::load(text, "fuzz.model").parse(crosscheck::split_words("Six people died."));
        return 0;
      default:
        break;
    }
  } catch (const crosscheck::Error&) {
    return 0;
  }
  const std::vector<crosscheck::SyntaxWord> words =
      crosscheck::SyntaxModel::built_in().parse(crosscheck::split_words(text));
  int roots = 0;
  for (const crosscheck::SyntaxWord& word : words) {
    roots += word.head < 0;
    if (word.head >= static_cast<int>(words.size())) std::abort();
  }
  if (!words.empty() && roots != 1) std::abort();
  return 0;
}
