#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <deque>
#include <unordered_map>

#include "crosscheck/gazetteer.h"
#include "crosscheck/lexicon.h"
#include "lexicon/generic_authority.h"
#include "lexicon/lexicon_merge.h"
#include "lexicon/seen_names.h"
#include "lexicon/yaml_support.h"
#include "lexicon/yaml_tree.h"

namespace crosscheck {

std::string_view format_as(AbbreviationKind kind) {
  switch (kind) {
    case AbbreviationKind::title:
      return "title";
    case AbbreviationKind::acronym:
      return "acronym";
    case AbbreviationKind::before_number:
      return "before_number";
  }
  return "title";
}

namespace {

const std::vector<std::string_view> kSections = {"abbreviations", "sentence_starters", "intervals",
                                                 "metrics",       "entities",          "country_cues",
                                                 "authorities",   "subjects",          "attribution"};
const std::vector<std::string_view> kMetricKeys = {"unit", "cumulative", "words"};
const std::vector<std::string_view> kEntityKeys = {"aliases", "part_of"};
const std::vector<std::string_view> kAuthorityKeys = {"aliases", "person", "generic", "countries"};
const std::vector<std::string_view> kAttributionKeys = {"verbs", "hedges"};
const std::vector<std::string_view> kIntervalKeys = {"nearly", "approx"};
const std::vector<std::string_view> kAbbreviationKinds = {"title", "acronym", "before_number"};

using Node = YamlTree::Node;

// Validates one file; problems go to the sink, good entries into the lexicon.
class FileLoader {
 public:
  // Where each name was first given, per table, to report duplicates.
  struct Seen {
    SeenNames abbreviations, metrics, entity_aliases, authority_aliases, subject_words, country_cues;
    Layers layers;  // what a file may extend rather than duplicate
  };

  FileLoader(const LexiconSource& source, Lexicon& lexicon, Seen& seen, DiagnosticSink& diagnostics)
      : source_(source), lexicon_(lexicon), seen_(seen), diagnostics_(diagnostics) {}

  // Reads and checks the file into `tree`, which the caller keeps until the
  // last file is loaded (the names seen point into it).
  void load(YamlTree& tree) {
    const std::optional<Node> found =
        read_mapping_file(source_.name, source_.content, tree,
                          "a lexicon file must be a mapping of sections such as 'abbreviations'", diagnostics_);
    if (!found) return;
    const Node root = *found;
    duplicate_keys(root);
    for (const auto& entry : YamlTree::entries(root)) {
      const std::string_view key = entry.first.Scalar();
      if (key == "abbreviations") {
        load_abbreviations(entry.second);
      } else if (key == "intervals") {
        load_intervals(entry.second);
      } else if (key == "metrics") {
        for_each_named(entry.second, key, [&](Node name, Node body) { load_metric(name, body); });
      } else if (key == "entities") {
        for_each_named(entry.second, key, [&](Node name, Node body) { load_entity(name, body); });
      } else if (key == "country_cues") {
        load_word_lists(entry.second, key, seen_.country_cues, "name", &CountryCue::names, lexicon_.country_cues);
      } else if (key == "authorities") {
        for_each_named(entry.second, key, [&](Node name, Node body) { load_authority(name, body); });
      } else if (key == "subjects") {
        load_word_lists(entry.second, key, seen_.subject_words, "subject word", &Subject::words, lexicon_.subjects);
      } else if (key == "attribution") {
        load_attribution(entry.second);
      } else if (key == "sentence_starters") {
        for (const std::string& word : string_list(entry.second, key)) {
          lexicon_.sentence_starters.push_back(word);
        }
      } else {
        unknown_key(entry.first, kSections);
      }
    }
  }

 private:
  SourceSpan span(const YAML::Mark& mark) const { return yaml_span(source_.name, mark); }

  // Reports each key that the mapping `node` gives twice (the tree keeps
  // both; the loops below would silently take both or the later). Most
  // mappings are an entity's two or three keys: compared pairwise, no table.
  void duplicate_keys(Node node) {
    if (!node.IsMap()) return;
    const std::size_t count = node.child_count() / 2;
    auto key = [&](std::size_t i) { return node.child(2 * i); };
    auto report = [&](Node again, Node first) {
      report_duplicate_key(again.Scalar(), again.Mark(), first.Mark(), source_.name, diagnostics_);
    };
    if (count <= 8) {
      for (std::size_t i = 1; i < count; ++i) {
        if (!key(i).IsScalar()) continue;
        for (std::size_t j = 0; j < i; ++j) {
          if (key(j).IsScalar() && key(j).Scalar() == key(i).Scalar()) {
            report(key(i), key(j));
            break;
          }
        }
      }
      return;
    }
    std::unordered_map<std::string_view, std::size_t> first;
    for (std::size_t i = 0; i < count; ++i) {
      if (!key(i).IsScalar()) continue;
      if (const auto [at, inserted] = first.try_emplace(key(i).Scalar(), i); !inserted) report(key(i), key(at->second));
    }
  }
  Place place(Node node, std::size_t owner = Place::kNone) const {
    return {&source_.name, node.Mark(), static_cast<std::uint32_t>(owner)};
  }

  void unknown_key(Node key, const std::vector<std::string_view>& known) {
    diagnostics_.error(span(key.Mark()), unknown_key_message(key.Scalar(), known));
  }

  std::vector<std::string> string_list(Node node, std::string_view what) {
    std::vector<std::string> out;
    if (!node.IsSequence()) {
      diagnostics_.error(span(node.Mark()), fmt::format("'{}' must be a list of strings, like [a, b]", what));
      return out;
    }
    for (const Node item : YamlTree::items(node)) {
      if (!item.IsScalar() || item.Scalar().empty()) {
        diagnostics_.error(span(item.Mark()), fmt::format("each entry of '{}' must be a non-empty string", what));
        continue;
      }
      out.emplace_back(item.Scalar());
    }
    return out;
  }

  void load_intervals(Node node) {
    if (!node.IsMap()) {
      diagnostics_.error(span(node.Mark()), "'intervals' must map 'nearly' and 'approx' to fractions such as 0.05");
      return;
    }
    duplicate_keys(node);
    for (const auto& entry : YamlTree::entries(node)) {
      const std::string_view key = entry.first.Scalar();
      double* target = key == "nearly"   ? &lexicon_.margins.nearly
                       : key == "approx" ? &lexicon_.margins.approx
                                         : nullptr;
      if (!target) {
        unknown_key(entry.first, kIntervalKeys);
        continue;
      }
      double value = -1;
      if (entry.second.IsScalar()) {
        try {
          // yaml-cpp's reading of a number (".5", ".inf", "1e-2"), as before.
          value = YAML::Node(std::string(entry.second.Scalar())).as<double>();
        } catch (const YAML::Exception&) {
          value = -1;
        }
      }
      if (!(value >= 0 && value < 1)) {
        diagnostics_.error(span(entry.second.Mark()),
                           fmt::format("'{}' must be a fraction from 0 up to 1, such as 0.05 for 5%", key));
        continue;
      }
      *target = value;
    }
  }

  void load_abbreviations(Node node) {
    if (!node.IsMap()) {
      diagnostics_.error(span(node.Mark()),
                         "'abbreviations' must map a kind (title, acronym, before_number) to a list");
      return;
    }
    duplicate_keys(node);
    for (const auto& entry : YamlTree::entries(node)) {
      const std::string_view kind_name = entry.first.Scalar();
      const auto kind_index = std::find(kAbbreviationKinds.begin(), kAbbreviationKinds.end(), kind_name);
      if (kind_index == kAbbreviationKinds.end()) {
        unknown_key(entry.first, kAbbreviationKinds);
        continue;
      }
      const auto kind = static_cast<AbbreviationKind>(kind_index - kAbbreviationKinds.begin());
      if (!entry.second.IsSequence()) {
        string_list(entry.second, kind_name);  // reports the wrong type
        continue;
      }
      for (const Node item : YamlTree::items(entry.second)) {
        add_abbreviation(item, kind);
      }
    }
  }

  void add_abbreviation(Node item, AbbreviationKind kind) {
    const SourceSpan where = span(item.Mark());
    if (!item.IsScalar() || item.Scalar().empty()) {
      diagnostics_.error(where, "each abbreviation must be a non-empty string such as 'U.N.'");
      return;
    }
    const std::string_view text = item.Scalar();
    if (text.back() != '.' || text.find(' ') != std::string_view::npos) {
      diagnostics_.error(where, fmt::format("abbreviation '{}' must be one word ending in a period, "
                                            "such as 'Gen.'; others never end a sentence anyway",
                                            text));
      return;
    }
    const auto [first, inserted] = seen_.abbreviations.try_emplace(text, place(item));
    if (!inserted) {
      diagnostics_.report({Severity::error,
                           where,
                           fmt::format("duplicate abbreviation '{}'; remove one of the two", text),
                           {{Severity::note, first->second.span(), "first listed here", {}}}});
      return;
    }
    lexicon_.abbreviations.push_back({std::string(text), kind, where});
  }

  // Calls `load(name, body)` for each entry of a mapping section.
  template <typename Load>
  void for_each_named(Node node, std::string_view section, Load load) {
    if (!node.IsMap()) {
      diagnostics_.error(span(node.Mark()), fmt::format("'{}' must map names to their entries", section));
      return;
    }
    for (const auto& entry : YamlTree::entries(node)) {
      if (!entry.first.IsScalar() || entry.first.Scalar().empty()) {
        diagnostics_.error(span(entry.first.Mark()), fmt::format("each entry of '{}' needs a name", section));
        continue;
      }
      load(entry.first, entry.second);
    }
  }

  // A section that maps names to lists of words ("subjects", "country_cues"):
  // an `Entry` of each name, its words (the member `words`) and its place.
  // A word that `seen` has already, in this section, is reported.
  template <typename Entry>
  void load_word_lists(Node node, std::string_view section, SeenNames& seen, std::string_view what,
                       std::vector<std::string> Entry::*words, std::vector<Entry>& out) {
    duplicate_keys(node);
    for_each_named(node, section, [&](Node name, Node body) {
      Entry entry{std::string(name.Scalar()), {}, span(name.Mark())};
      unique_words(body, name.Scalar(), seen, what, [&](std::string_view word) { (entry.*words).emplace_back(word); });
      out.push_back(std::move(entry));
    });
  }

  // Calls `add` with each string of a list that `seen` does not have yet.
  template <typename Add>
  void unique_words(Node node, std::string_view owner, SeenNames& seen, std::string_view what, Add add) {
    if (!node.IsSequence()) {
      diagnostics_.error(span(node.Mark()), fmt::format("the {}s of '{}' must be a list, like [a, b]", what, owner));
      return;
    }
    for (const Node item : YamlTree::items(node)) {
      if (!item.IsScalar() || item.Scalar().empty()) {
        diagnostics_.error(span(item.Mark()), fmt::format("each {} of '{}' must be a non-empty string", what, owner));
        continue;
      }
      const auto [first, inserted] = seen.try_emplace(item.Scalar(), place(item));
      if (!inserted) {
        diagnostics_.report({Severity::error,
                             span(item.Mark()),
                             fmt::format("duplicate {} '{}'; keep it in one place only", what, item.Scalar()),
                             {{Severity::note, first->second.span(), "first given here", {}}}});
        continue;
      }
      add(item.Scalar());
    }
  }

  bool boolean(Node node, std::string_view key) { return yaml_boolean(node, key, source_.name, diagnostics_); }

  // Records the name of a metric, entity or authority (`entries`) in `seen`.
  // Returns the entry an earlier layer defined under that name, to extend;
  // else null, and a name this layer gave already is reported (`message`)
  // and sets `duplicate`: its body is still checked, every problem at once.
  template <typename Entry>
  Entry* define(SeenNames& seen, std::vector<Entry>& entries, Extendable& table, Node name_node,
                std::string_view message, std::string_view note, bool& duplicate) {
    const std::string_view name = name_node.Scalar();
    const auto [first, inserted] = seen.try_emplace(name, place(name_node, entries.size()));
    if (inserted) return nullptr;
    Entry* extended = extendable(entries, table, first->second, place(name_node), name, diagnostics_, duplicate);
    if (extended || duplicate) return extended;
    diagnostics_.report({Severity::error,
                         span(name_node.Mark()),
                         fmt::format(fmt::runtime(message), name),
                         {{Severity::note, first->second.span(), std::string(note), {}}}});
    duplicate = true;
    return nullptr;
  }

  void load_metric(Node name_node, Node body) {
    const std::string_view name = name_node.Scalar();
    const SourceSpan where = span(name_node.Mark());
    if (!body.IsMap()) {
      diagnostics_.error(span(body.Mark()), fmt::format("metric '{}' needs 'words', 'unit' and 'cumulative'", name));
      return;
    }
    bool duplicate = false;
    Metric* extended = define(seen_.metrics, lexicon_.metrics, seen_.layers.metrics, name_node,
                              "duplicate metric '{}'; define it once", "first defined here", duplicate);
    Metric metric{std::string(name), "", false, {}, where};
    duplicate_keys(body);
    for (const auto& entry : YamlTree::entries(body)) {
      const std::string_view key = entry.first.Scalar();
      if (key == "unit") {
        if (entry.second.IsScalar()) {
          metric.unit = entry.second.Scalar();
        } else {
          diagnostics_.error(span(entry.second.Mark()), "'unit' must be a single word such as 'people' or 't'");
        }
      } else if (key == "cumulative") {
        metric.cumulative = boolean(entry.second, key);
      } else if (key == "words") {
        SeenNames own;  // one metric's words; other metrics may share a word
        unique_words(entry.second, name, own, "word", [&](std::string_view word) { metric.words.emplace_back(word); });
      } else {
        unknown_key(entry.first, kMetricKeys);
      }
    }
    if (extended) extend_metric(*extended, lexicon_.metrics, {source_.name, name_node, body, diagnostics_});
    if (!duplicate && !extended) lexicon_.metrics.push_back(std::move(metric));
  }

  void load_entity(Node name_node, Node body) {
    const std::string_view name = name_node.Scalar();
    const SourceSpan where = span(name_node.Mark());
    Entity entity{std::string(name), {}, "", where};
    bool duplicate = false;
    Entity* extended = define(seen_.entity_aliases, lexicon_.entities, seen_.layers.entities, name_node,
                              "duplicate entity or alias '{}'", "first given here", duplicate);
    SeenNames extension_aliases;  // an extension's, checked by extend_entity against the others
    entity.aliases.emplace_back(name);
    if (!body.IsNull()) {
      if (!body.IsMap()) {
        diagnostics_.error(span(body.Mark()), fmt::format("entity '{}' takes 'aliases' and 'part_of'", name));
        return;
      }
      duplicate_keys(body);
      for (const auto& entry : YamlTree::entries(body)) {
        const std::string_view key = entry.first.Scalar();
        if (key == "aliases") {
          unique_words(entry.second, name, extended ? extension_aliases : seen_.entity_aliases, "alias",
                       [&](std::string_view alias) { entity.aliases.emplace_back(alias); });
        } else if (key == "part_of") {
          if (entry.second.IsScalar()) {
            entity.part_of = entry.second.Scalar();
          } else {
            diagnostics_.error(span(entry.second.Mark()), "'part_of' must name one entity");
          }
        } else {
          unknown_key(entry.first, kEntityKeys);
        }
      }
    }
    if (extended) extend_entity(*extended, seen_.entity_aliases, {source_.name, name_node, body, diagnostics_});
    if (!duplicate && !extended) lexicon_.entities.push_back(std::move(entity));
  }

  void load_authority(Node name_node, Node body) {
    const std::string_view name = name_node.Scalar();
    const SourceSpan where = span(name_node.Mark());
    Authority authority{std::string(name), {}, false, where, false, {}};
    bool duplicate = false;
    Authority* extended = define(seen_.authority_aliases, lexicon_.authorities, seen_.layers.authorities, name_node,
                                 "duplicate authority or alias '{}'", "first given here", duplicate);
    SeenNames extension_aliases;  // an extension's, checked by extend_authority against the others
    authority.aliases.emplace_back(name);
    if (!body.IsNull()) {
      if (!body.IsMap()) {
        diagnostics_.error(span(body.Mark()),
                           fmt::format("authority '{}' takes 'aliases', 'person', 'generic' and 'countries'", name));
        return;
      }
      duplicate_keys(body);
      for (const auto& entry : YamlTree::entries(body)) {
        const std::string_view key = entry.first.Scalar();
        if (key == "aliases") {
          unique_words(entry.second, name, extended ? extension_aliases : seen_.authority_aliases, "alias",
                       [&](std::string_view alias) { authority.aliases.emplace_back(alias); });
        } else if (key == "person") {
          authority.person = boolean(entry.second, key);
        } else if (key == "generic") {
          authority.generic = boolean(entry.second, key);
        } else if (key == "countries") {
          load_authority_countries(entry.second, authority, source_.name, diagnostics_);
        } else {
          unknown_key(entry.first, kAuthorityKeys);
        }
      }
      check_generic_authority(body, authority, extended && extended->generic, source_.name, diagnostics_);
    }
    if (extended) {
      extend_authority(*extended, seen_.authority_aliases, {source_.name, name_node, body, diagnostics_});
      // A generic authority's extension may name it in more countries; what a
      // country already has stays (the built-in's first).
      for (Authority::CountryName& named : authority.countries) {
        const auto has = [&](const Authority::CountryName& c) { return c.country == named.country; };
        if (extended->generic && std::none_of(extended->countries.begin(), extended->countries.end(), has)) {
          extended->countries.push_back(std::move(named));
        }
      }
    }
    if (!duplicate && !extended) lexicon_.authorities.push_back(std::move(authority));
  }

  void load_attribution(Node node) {
    if (!node.IsMap()) {
      diagnostics_.error(span(node.Mark()), "'attribution' must map 'verbs' and 'hedges' to lists");
      return;
    }
    duplicate_keys(node);
    for (const auto& entry : YamlTree::entries(node)) {
      const std::string_view key = entry.first.Scalar();
      if (key == "verbs") {
        for (const std::string& word : string_list(entry.second, key)) lexicon_.attribution_verbs.push_back(word);
      } else if (key == "hedges") {
        for (const std::string& word : string_list(entry.second, key)) lexicon_.hedges.push_back(word);
      } else {
        unknown_key(entry.first, kAttributionKeys);
      }
    }
  }

  const LexiconSource& source_;
  Lexicon& lexicon_;
  Seen& seen_;
  DiagnosticSink& diagnostics_;
};

// An entity may only be part of one that exists, and never of itself, however
// long the chain: a cycle would put one family of places under two roots (two
// partition keys, so a sharded run would miss findings a single run gives).
void check_part_of(const Lexicon& lexicon, DiagnosticSink& diagnostics) {
  for (const PlaceHierarchy::UnknownParent& unknown : lexicon.places.unknown_parents()) {
    const Entity& entity = lexicon.entities[unknown.entity];
    diagnostics.error(entity.defined_at,
                      fmt::format("entity '{}' is part_of '{}', which no lexicon file defines; add it or fix the name",
                                  entity.name, entity.part_of));
  }
  for (const PlaceHierarchy::Cycle& cycle : lexicon.places.cycles()) {
    std::vector<std::string_view> names;
    for (std::size_t k : cycle.entities) names.push_back(lexicon.entities[k].name);
    diagnostics.error(lexicon.entities[cycle.entities.front()].defined_at,
                      fmt::format("entity '{}' is part of itself through part_of ({}); remove the part_of that "
                                  "closes the cycle",
                                  names.front(), fmt::join(names, " -> ")));
  }
}

// A country cue's place must be one a claim can name: a lexicon entity or a
// country of the built-in gazetteer.
void check_country_cues(const Lexicon& lexicon, DiagnosticSink& diagnostics) {
  for (const CountryCue& cue : lexicon.country_cues) {
    const bool entity = std::any_of(lexicon.entities.begin(), lexicon.entities.end(),
                                    [&](const Entity& known) { return known.name == cue.place; });
    if (entity) continue;
    const std::vector<GazetteerPlace> places = Gazetteer::built_in().lookup(cue.place);
    const bool country = std::any_of(places.begin(), places.end(),
                                     [](const GazetteerPlace& place) { return place.kind == PlaceKind::country; });
    if (country) continue;
    diagnostics.error(cue.defined_at, fmt::format("country cues for '{}': it names no lexicon entity and no country; "
                                                  "write a country's name, such as 'United States'",
                                                  cue.place));
  }
}

}  // namespace

std::vector<LexiconSource> read_lexicon_dir(const std::filesystem::path& dir, DiagnosticSink& diagnostics) {
  std::vector<LexiconSource> sources;
  for (auto& [name, content] : read_yaml_dir(dir, "lexicon", "lexicon", "--lexicon", diagnostics)) {
    sources.push_back({std::move(name), std::move(content), dir.string()});
  }
  return sources;
}

Lexicon load_lexicon(const std::vector<LexiconSource>& sources, DiagnosticSink& diagnostics) {
  Lexicon lexicon;
  FileLoader::Seen seen;
  std::deque<YamlTree> trees;  // what `seen` points into
  for (std::size_t i = 0; i < sources.size(); ++i) {
    // A new origin (the next --lexicon folder) may extend what came before.
    if (i > 0 && sources[i].origin != sources[i - 1].origin) seen.layers.start(lexicon);
    FileLoader(sources[i], lexicon, seen, diagnostics).load(trees.emplace_back());
  }
  lexicon.places = PlaceHierarchy(lexicon.entities);
  check_part_of(lexicon, diagnostics);
  check_country_cues(lexicon, diagnostics);
  return lexicon;
}

}  // namespace crosscheck
