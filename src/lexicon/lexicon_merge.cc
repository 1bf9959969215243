#include "lexicon/lexicon_merge.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "lexicon/yaml_support.h"

namespace crosscheck {

namespace {

using Node = YamlTree::Node;

// The value of `key` in the mapping `body` (the first, if given twice: the
// loader reports the second); none when absent or `body` is no mapping.
std::optional<Node> value_of(Node body, std::string_view key) {
  for (const auto& [name, value] : YamlTree::entries(body)) {
    if (name.Scalar() == key) return value;
  }
  return std::nullopt;
}

// What one extension does to one entry: add names, check single values, and
// say what it added.
class Extension {
 public:
  Extension(const ExtensionSite& site, std::string_view kind, std::string_view name, const SourceSpan& defined_at)
      : site_(site), kind_(kind), name_(name), defined_at_(defined_at) {}

  // Adds each string of the list under `key` that `names` lacks and `claim`
  // accepts (it reports why it does not); an item the loader found wrong is
  // skipped, and so is a name given twice (the loader reported it).
  template <typename Claim>
  void add_names(std::string_view key, std::vector<std::string>& names, Claim claim) {
    const std::optional<Node> list = value_of(site_.body, key);
    if (!list) return;
    for (const Node item : YamlTree::items(*list)) {
      if (!item.IsScalar() || item.Scalar().empty()) continue;
      const std::string_view text = item.Scalar();
      if (std::find(names.begin(), names.end(), text) != names.end()) continue;  // it has it: a restatement
      if (!claim(item)) continue;
      names.emplace_back(text);
      added_.push_back(text);
    }
  }

  // A single-valued key, if the extension gives it, must say what the entry
  // says (`current`; "true" or "false" for a `boolean`).
  void same_value(std::string_view key, std::string_view current, bool boolean, std::string_view adds) {
    const std::optional<Node> value = value_of(site_.body, key);
    if (!value || !value->IsScalar()) return;  // absent, or the wrong type (reported)
    const std::string_view given = value->Scalar();
    if (given == current || (boolean && given != "true" && given != "false")) return;
    const std::string message =
        current.empty()
            ? fmt::format(
                  "{} '{}' has no {}, and an extension cannot give it one ('{}'); an extension only adds {}: "
                  "leave '{}' out",
                  kind_, name_, key, given, adds, key)
            : fmt::format("{} '{}' has {} '{}', not '{}'; an extension only adds {}: restate '{}' or leave '{}' out",
                          kind_, name_, key, current, given, adds, current, key);
    error(value->Mark(), message, defined_here());
  }

  void error(const YAML::Mark& at, std::string message, Diagnostic note) {
    site_.diagnostics.report({Severity::error, yaml_span(site_.file, at), std::move(message), {std::move(note)}});
  }

  Diagnostic defined_here() const {
    return {Severity::note, defined_at_, fmt::format("{} '{}' is defined here", kind_, name_), {}};
  }

  // The note of what the extension added ("extends metric 'deaths' with 2
  // phrases: 'casualties', 'lost their lives'"), on stderr with the other
  // diagnostics; it changes no output and no exit status.
  void note(std::string_view one, std::string_view many) {
    std::string message;
    if (added_.empty()) {
      message = fmt::format("adds nothing to {} '{}', which has every {} given already", kind_, name_, one);
    } else {
      // A long list (a translated gazetteer) is cut: the count says the rest.
      constexpr std::size_t kShown = 8;
      const std::size_t shown = std::min(added_.size(), kShown);
      message = fmt::format("extends {} '{}' with {} {}: '{}'", kind_, name_, added_.size(),
                            added_.size() == 1 ? one : many, fmt::join(added_.begin(), added_.begin() + shown, "', '"));
      if (shown < added_.size()) message += fmt::format(" and {} more", added_.size() - shown);
    }
    site_.diagnostics.report({Severity::note, yaml_span(site_.file, site_.name.Mark()), std::move(message), {}});
  }

 private:
  const ExtensionSite& site_;
  std::string_view kind_, name_;
  const SourceSpan& defined_at_;
  std::vector<std::string_view> added_;  // views into the extending file's tree
};

// An alias `item` is new to the entity (authority) being extended: it is
// added unless another one has it, which is a duplicate as in one file.
bool claim_alias(SeenNames& aliases, const ExtensionSite& site, Node item) {
  const auto [first, inserted] = aliases.try_emplace(item.Scalar(), Place{&site.file, item.Mark()});
  if (inserted) return true;
  site.diagnostics.report({Severity::error,
                           yaml_span(site.file, item.Mark()),
                           fmt::format("duplicate alias '{}'; keep it in one place only", item.Scalar()),
                           {{Severity::note, first->second.span(), "first given here", {}}}});
  return false;
}

}  // namespace

void Layers::start(const Lexicon& lexicon) {
  metrics.earlier = lexicon.metrics.size();
  entities.earlier = lexicon.entities.size();
  authorities.earlier = lexicon.authorities.size();
  metrics.extended = entities.extended = authorities.extended = SeenNames();
}

bool first_extension(Extendable& table, std::string_view name, const Place& here, DiagnosticSink& diagnostics) {
  const auto [first, inserted] = table.extended.try_emplace(name, here);
  if (inserted) return true;
  diagnostics.report(
      {Severity::error,
       here.span(),
       fmt::format("{} '{}' is extended twice in one folder; extend it in one place only", table.kind, name),
       {{Severity::note, first->second.span(), "first extended here", {}}}});
  return false;
}

void extend_metric(Metric& target, const std::vector<Metric>& metrics, const ExtensionSite& site) {
  Extension extension(site, "metric", target.id, target.defined_at);
  extension.same_value("unit", target.unit, false, "phrases");
  extension.same_value("cumulative", target.cumulative ? "true" : "false", true, "phrases");
  // Metrics may share a word in one file, but the first one loaded takes it in
  // every sentence: an extension that adds another metric's word asks for
  // what could never happen.
  extension.add_names("words", target.words, [&](Node item) {
    for (const Metric& other : metrics) {
      if (&other == &target || std::find(other.words.begin(), other.words.end(), item.Scalar()) == other.words.end()) {
        continue;
      }
      extension.error(item.Mark(),
                      fmt::format("phrase '{}' already names metric '{}'; a phrase names one metric: remove it here",
                                  item.Scalar(), other.id),
                      {Severity::note, other.defined_at, fmt::format("metric '{}' is defined here", other.id), {}});
      return false;
    }
    return true;
  });
  extension.note("phrase", "phrases");
}

void extend_entity(Entity& target, SeenNames& aliases, const ExtensionSite& site) {
  Extension extension(site, "entity", target.name, target.defined_at);
  extension.same_value("part_of", target.part_of, false, "aliases");
  extension.add_names("aliases", target.aliases, [&](Node item) { return claim_alias(aliases, site, item); });
  extension.note("alias", "aliases");
}

void extend_authority(Authority& target, SeenNames& aliases, const ExtensionSite& site) {
  Extension extension(site, "authority", target.name, target.defined_at);
  extension.same_value("person", target.person ? "true" : "false", true, "aliases");
  extension.same_value("generic", target.generic ? "true" : "false", true, "aliases and countries");
  extension.add_names("aliases", target.aliases, [&](Node item) { return claim_alias(aliases, site, item); });
  extension.note("alias", "aliases");
}

}  // namespace crosscheck
