// The generic authorities of the lexicon ("police", "health ministry"):
// their per-country names and the checks on them. Private to the lexicon
// loader.
#pragma once

#include <string>

#include "crosscheck/lexicon.h"
#include "lexicon/yaml_tree.h"

namespace crosscheck {

// `countries: {Turkey: AFAD}` of `authority`: each key must be a country the
// gazetteer knows, named once, its value a non-empty name.
void load_authority_countries(YamlTree::Node node, Authority& authority, const std::string& file,
                              DiagnosticSink& diagnostics);

// A generic authority is no one person, and only a generic one has
// per-country names (`was_generic`: an earlier layer made the authority an
// extension extends generic).
void check_generic_authority(YamlTree::Node body, const Authority& authority, bool was_generic, const std::string& file,
                             DiagnosticSink& diagnostics);

}  // namespace crosscheck
