#include "lexicon/yaml_support.h"

namespace crosscheck {

SourceSpan yaml_span(const std::string& file, const YAML::Mark& mark, std::uint32_t first_line) {
  if (mark.line < 0) return {file, first_line == 1 ? 0 : first_line, 0};
  return {file, static_cast<std::uint32_t>(mark.line) + first_line, static_cast<std::uint32_t>(mark.column + 1)};
}

std::string unknown_key_message(std::string_view key, const std::vector<std::string_view>& known) {
  std::string message = fmt::format("unknown key '{}'", key);
  if (std::string hint = suggest(key, known); !hint.empty()) {
    message += fmt::format("; did you mean '{}'?", hint);
  } else {
    message += fmt::format("; expected one of: {}", fmt::join(known, ", "));
  }
  return message;
}

}  // namespace crosscheck
