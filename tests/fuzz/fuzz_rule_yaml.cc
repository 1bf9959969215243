// Any bytes as a lexicon file and as a rule file: loaded or refused with
// diagnostics, never a crash or an exception. And what loads is sound
// (issue 14): a tolerance, a window and a minimum are finite and in range,
// interval margins are fractions, and no entity is part of itself, however
// long the chain. A loader that lets NaN, an infinity or a part_of cycle
// through aborts here; the seeds carry `.nan`, `.inf`, `nan%`, duplicate keys
// and cycles for the fuzzer to start from. And whatever the lexicon's own
// reader of plain YAML reads, it reads as yaml-cpp does: the same tree, the
// same marks (src/lexicon/yaml_tree.h); the seed `plain.yaml` is a file it
// reads. And as a --lexicon file over the built-in lexicon, it may extend a
// built-in entry with names, never change what the entry means.
#include <yaml-cpp/exceptions.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "crosscheck/language.h"
#include "crosscheck/lexicon.h"
#include "crosscheck/rules.h"
#include "lexicon/yaml_tree.h"

namespace {

void require(bool sound) {
  if (!sound) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const crosscheck::Lexicon built_in = [] {
    crosscheck::DiagnosticSink sink;
    return crosscheck::load_lexicon(crosscheck::default_lexicon_sources(), sink);
  }();
  const std::string yaml(reinterpret_cast<const char*>(data), size);
  if (const auto plain = crosscheck::YamlTree::read_plain(yaml)) {
    try {
      require(crosscheck::same_tree(plain->root(), crosscheck::YamlTree::read_with_yaml_cpp(yaml).root()));
    } catch (const YAML::Exception&) {
      std::abort();  // read_plain took a text that yaml-cpp refuses
    }
  }
  crosscheck::DiagnosticSink sink;
  const crosscheck::Lexicon lexicon = crosscheck::load_lexicon({{"fuzz.yaml", yaml}}, sink);
  if (sink.error_count() == 0) {
    require(lexicon.margins.nearly >= 0 && lexicon.margins.nearly < 1);
    require(lexicon.margins.approx >= 0 && lexicon.margins.approx < 1);
    std::map<std::string, std::string> parent;
    for (const crosscheck::Entity& entity : lexicon.entities) parent[entity.name] = entity.part_of;
    for (const crosscheck::Entity& entity : lexicon.entities) {
      std::string at = entity.part_of;
      for (std::size_t steps = 0; !at.empty(); ++steps) {
        require(steps <= lexicon.entities.size() && at != entity.name);
        at = parent[at];
      }
    }
  }
  // The same bytes as a --lexicon file over the built-in lexicon (issue 16):
  // what loads without an error may have added names to the built-in
  // entries, never changed their unit, cumulative, part_of or person. (Only
  // for inputs that name a section an extension is in: loading the built-in
  // files again costs as much as the rest of a run.)
  if (yaml.find("metrics") != std::string::npos || yaml.find("entities") != std::string::npos ||
      yaml.find("authorities") != std::string::npos) {
    std::vector<crosscheck::LexiconSource> layered = crosscheck::default_lexicon_sources();
    layered.push_back({"extra/fuzz.yaml", yaml, "extra"});
    crosscheck::DiagnosticSink layered_sink;
    const crosscheck::Lexicon extended = crosscheck::load_lexicon(layered, layered_sink);
    if (layered_sink.error_count() == 0) {
      for (std::size_t i = 0; i < built_in.metrics.size(); ++i) {
        const crosscheck::Metric &before = built_in.metrics[i], &after = extended.metrics[i];
        require(after.id == before.id && after.unit == before.unit && after.cumulative == before.cumulative &&
                after.words.size() >= before.words.size());
      }
      for (std::size_t i = 0; i < built_in.entities.size(); ++i) {
        require(extended.entities[i].name == built_in.entities[i].name &&
                extended.entities[i].part_of == built_in.entities[i].part_of);
      }
      for (std::size_t i = 0; i < built_in.authorities.size(); ++i) {
        require(extended.authorities[i].name == built_in.authorities[i].name &&
                extended.authorities[i].person == built_in.authorities[i].person);
      }
    }
  }
  std::vector<crosscheck::LexiconSource> pack_sources = crosscheck::default_language_sources();
  pack_sources.push_back({"xx/fuzz.yaml", yaml});
  crosscheck::DiagnosticSink pack_sink;
  const crosscheck::LanguagePack pack = crosscheck::load_language_pack(pack_sources, pack_sink);
  for (const auto& word : pack.number_words) require(std::isfinite(word.value) && word.value >= 0);
  for (const auto& vague : pack.vague_amounts) require(std::isfinite(vague.high) && vague.low < vague.high);
  require(!pack.icu_locale.empty());
  crosscheck::DiagnosticSink rule_sink;
  for (const crosscheck::Rule& rule : crosscheck::load_rules({{"rules/fuzz.yaml", yaml}}, built_in, rule_sink)) {
    require(std::isfinite(rule.tolerance.amount) && rule.tolerance.amount >= 0);
    require(rule.window_days >= 0 && rule.window_days <= 3650);
    require(std::isfinite(rule.select.min_value) && rule.select.min_value >= 0);
  }
  return 0;
}
