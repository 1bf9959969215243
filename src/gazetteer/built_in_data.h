// The text of data/gazetteer/places.tsv, compiled in by cmake/embed_text.cmake.
#pragma once

#include <string_view>

namespace crosscheck {

std::string_view built_in_gazetteer_data();

}  // namespace crosscheck
