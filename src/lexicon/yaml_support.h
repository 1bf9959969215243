// What the YAML loaders (lexicon, rules, front matter) share. Private.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "crosscheck/core.h"

namespace crosscheck {

/// yaml-cpp's 0-based mark as a 1-based place in `file`; `first_line` is the
/// file line the YAML starts on (front matter starts on line 2).
SourceSpan yaml_span(const std::string& file, const YAML::Mark& mark, std::uint32_t first_line = 1);

/// "unknown key 'tolerence'; did you mean 'tolerance'?", or the known keys
/// when none is close.
std::string unknown_key_message(std::string_view key, const std::vector<std::string_view>& known);

}  // namespace crosscheck
