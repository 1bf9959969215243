// Extending an entry that an earlier layer of the lexicon defined: a file
// under `--lexicon DIR` that names a metric, entity or authority already
// loaded (built in, or from an earlier --lexicon) adds its words or aliases
// to it instead of being a duplicate. Private to the lexicon loader.
//
// A layer is the built-in files, or one --lexicon folder (the sources of one
// origin, see LexiconSource). A layer names an id once: it defines it (a
// second definition is a duplicate, as before) or extends one that an
// earlier layer defined (a second extension is an error too). Extending:
// - a word or alias the entry lacks is added, and a note says what was;
// - one it has already is skipped (restating it is harmless);
// - one that another metric (entity, authority) has is an error, as a
//   duplicate is in a single file;
// - a single value (unit, cumulative, part_of, person) may be restated, but
//   any other value, also one the entry left out, is an error at the value
//   with a note at the entry's definition: an extension adds names, it never
//   changes what an entry means to the rules.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/lexicon.h"
#include "lexicon/seen_names.h"
#include "lexicon/yaml_tree.h"

namespace crosscheck {

// What a layer may extend, of one table (metrics, entities or authorities).
struct Extendable {
  std::string_view kind;    // "metric"
  std::size_t earlier = 0;  // the entries earlier layers defined (the loader appends: the first ones)
  SeenNames extended = {};  // the names this layer has extended, and where
};

// The layers so far: call start() where a new one begins.
struct Layers {
  Extendable metrics{"metric"}, entities{"entity"}, authorities{"authority"};
  void start(const Lexicon& lexicon);
};

// Whether `name`, given at `here`, is the first extension of its entry in
// this layer: a layer names an entry once, to define or to extend it. A
// second is reported, with a note at the first.
bool first_extension(Extendable& table, std::string_view name, const Place& here, DiagnosticSink& diagnostics);

// The entry that `first` (where `name` was first given) names, when an
// earlier layer defined it under that name and this layer extends it for
// the first time. Null when the name is an alias of another entry or this
// layer's own: a duplicate for the caller to report; or when this layer
// extended it already: reported, and `duplicate` set.
template <typename Entry>
Entry* extendable(std::vector<Entry>& entries, Extendable& table, const Place& first, const Place& here,
                  std::string_view name, DiagnosticSink& diagnostics, bool& duplicate) {
  if (first.owner >= table.earlier || first.owner >= entries.size()) return nullptr;
  Entry& entry = entries[first.owner];
  if constexpr (requires { entry.id; }) {
    if (entry.id != name) return nullptr;
  } else {
    if (entry.name != name) return nullptr;
  }
  duplicate = !first_extension(table, name, here, diagnostics);
  return duplicate ? nullptr : &entry;
}

// The entry of an extending file: its name and body, in `file`.
struct ExtensionSite {
  const std::string& file;
  YamlTree::Node name;
  YamlTree::Node body;
  DiagnosticSink& diagnostics;
};

// Each adds what `site` gives to `target` (of `metrics`; aliases are also
// recorded in `aliases`, the names seen), reports conflicts and a note of
// what was added. The loader has checked the body's keys and types already;
// what it reported is not reported again.
void extend_metric(Metric& target, const std::vector<Metric>& metrics, const ExtensionSite& site);
void extend_entity(Entity& target, SeenNames& aliases, const ExtensionSite& site);
void extend_authority(Authority& target, SeenNames& aliases, const ExtensionSite& site);

}  // namespace crosscheck
