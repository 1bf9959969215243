// Generic authorities in the lexicon: `generic: true` and `countries:`
// (see Authority in crosscheck/lexicon.h). Validated against the built-in
// gazetteer, which knows every country's name.
#include "lexicon/generic_authority.h"

#include <algorithm>

#include "crosscheck/gazetteer.h"
#include "lexicon/yaml_support.h"

namespace crosscheck {

using Node = YamlTree::Node;

// A generic authority is no one person, and only it has per-country names
// (`was_generic`: an extension of one that an earlier layer made generic).
void check_generic_authority(Node body, const Authority& authority, bool was_generic, const std::string& file,
                             DiagnosticSink& diagnostics) {
  if (authority.generic && authority.person) {
    diagnostics.error(yaml_span(file, body.Mark()),
                      fmt::format("authority '{}' is generic (the one of the article's "
                                  "country) and cannot be a person; remove one of the two",
                                  authority.name));
  }
  if (!authority.generic && !was_generic && !authority.countries.empty()) {
    diagnostics.error(yaml_span(file, body.Mark()),
                      fmt::format("authority '{}' has 'countries' but is not generic; add "
                                  "'generic: true' or remove 'countries'",
                                  authority.name));
  }
}

// `countries: {Turkey: AFAD}`: each key a country the gazetteer knows.
void load_authority_countries(Node node, Authority& authority, const std::string& file, DiagnosticSink& diagnostics) {
  if (!node.IsMap()) {
    diagnostics.error(yaml_span(file, node.Mark()), fmt::format("the countries of '{}' must map a country to the "
                                                                "authority's name there, like {{Turkey: AFAD}}",
                                                                authority.name));
    return;
  }
  std::vector<Node> keys;
  for (const auto& entry : YamlTree::entries(node)) {
    const std::string_view country = entry.first.Scalar();
    const auto again = std::find_if(keys.begin(), keys.end(), [&](Node key) { return key.Scalar() == country; });
    if (again != keys.end()) {
      report_duplicate_key(country, entry.first.Mark(), again->Mark(), file, diagnostics);
      continue;
    }
    keys.push_back(entry.first);
    if (!entry.second.IsScalar() || entry.second.Scalar().empty()) {
      diagnostics.error(yaml_span(file, entry.second.Mark()),
                        fmt::format("the name of '{}' in '{}' must be a non-empty string", authority.name, country));
      continue;
    }
    std::string_view code;
    for (const GazetteerPlace& place : Gazetteer::built_in().lookup(country)) {
      if (place.kind == PlaceKind::country) code = place.country;
    }
    if (code.empty()) {
      diagnostics.error(yaml_span(file, entry.first.Mark()),
                        fmt::format("unknown country '{}'; write a country's name as "
                                    "the gazetteer has it, such as 'Turkey'",
                                    country));
      continue;
    }
    const auto same = std::find_if(authority.countries.begin(), authority.countries.end(),
                                   [&](const Authority::CountryName& given) { return given.country == code; });
    if (same != authority.countries.end()) {
      diagnostics.error(yaml_span(file, entry.first.Mark()),
                        fmt::format("country '{}' of '{}' is already given another "
                                    "name ('{}'); keep one",
                                    country, authority.name, same->name));
      continue;
    }
    authority.countries.push_back({std::string(code), std::string(entry.second.Scalar())});
  }
}

}  // namespace crosscheck
