// The text of data/syntax/english.model, compiled in by cmake/embed_text.cmake.
#pragma once

#include <string_view>

namespace crosscheck {

std::string_view built_in_syntax_model_data();

}  // namespace crosscheck
