#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>

#include <yaml-cpp/yaml.h>

#include "lexicon/yaml_support.h"

#include "crosscheck/lexicon.h"

namespace crosscheck {

std::string_view format_as(AbbreviationKind kind) {
  switch (kind) {
    case AbbreviationKind::title: return "title";
    case AbbreviationKind::acronym: return "acronym";
    case AbbreviationKind::before_number: return "before_number";
  }
  return "title";
}

namespace {

const std::vector<std::string_view> kSections = {"abbreviations", "sentence_starters", "intervals", "metrics",
                                                 "entities", "authorities", "subjects", "attribution"};
const std::vector<std::string_view> kMetricKeys = {"unit", "cumulative", "words"};
const std::vector<std::string_view> kEntityKeys = {"aliases", "part_of"};
const std::vector<std::string_view> kAuthorityKeys = {"aliases", "person"};
const std::vector<std::string_view> kAttributionKeys = {"verbs", "hedges"};
const std::vector<std::string_view> kIntervalKeys = {"nearly", "approx"};
const std::vector<std::string_view> kAbbreviationKinds = {"title", "acronym", "before_number"};

// Validates one file; problems go to the sink, good entries into the lexicon.
class FileLoader {
 public:
  // Where each name was first given, per table, to report duplicates.
  struct Seen {
    std::map<std::string, SourceSpan> abbreviations, metrics, entity_aliases, authority_aliases, subject_words;
  };

  FileLoader(const LexiconSource& source, Lexicon& lexicon, Seen& seen, DiagnosticSink& diagnostics)
      : source_(source), lexicon_(lexicon), seen_(seen), diagnostics_(diagnostics) {}

  void load() {
    YAML::Node root;
    try {
      root = YAML::Load(source_.content);
    } catch (const YAML::ParserException& e) {
      diagnostics_.error(span(e.mark), fmt::format("invalid YAML: {}", e.msg));
      return;
    }
    if (!root || root.IsNull()) return;  // an empty file adds nothing
    if (!root.IsMap()) {
      diagnostics_.error(span(root.Mark()),
                         "a lexicon file must be a mapping of sections such as 'abbreviations'");
      return;
    }
    report_duplicate_keys(root, source_.name, diagnostics_);
    for (const auto& entry : root) {
      const std::string key = entry.first.Scalar();
      if (key == "abbreviations") {
        load_abbreviations(entry.second);
      } else if (key == "intervals") {
        load_intervals(entry.second);
      } else if (key == "metrics") {
        for_each_named(entry.second, key, [&](const std::string& name, const YAML::Node& body, SourceSpan where) {
          load_metric(name, body, where);
        });
      } else if (key == "entities") {
        for_each_named(entry.second, key, [&](const std::string& name, const YAML::Node& body, SourceSpan where) {
          load_entity(name, body, where);
        });
      } else if (key == "authorities") {
        for_each_named(entry.second, key, [&](const std::string& name, const YAML::Node& body, SourceSpan where) {
          load_authority(name, body, where);
        });
      } else if (key == "subjects") {
        report_duplicate_keys(entry.second, source_.name, diagnostics_);
        for_each_named(entry.second, key, [&](const std::string& name, const YAML::Node& body, SourceSpan where) {
          Subject subject{name, {}, where};
          for (const auto& [word, at] : unique_words(body, name, seen_.subject_words, "subject word")) {
            subject.words.push_back(word);
          }
          lexicon_.subjects.push_back(std::move(subject));
        });
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

  void unknown_key(const YAML::Node& key, const std::vector<std::string_view>& known) {
    diagnostics_.error(span(key.Mark()), unknown_key_message(key.Scalar(), known));
  }

  std::vector<std::string> string_list(const YAML::Node& node, std::string_view what) {
    std::vector<std::string> out;
    if (!node.IsSequence()) {
      diagnostics_.error(span(node.Mark()),
                         fmt::format("'{}' must be a list of strings, like [a, b]", what));
      return out;
    }
    for (const auto& item : node) {
      if (!item.IsScalar() || item.Scalar().empty()) {
        diagnostics_.error(span(item.Mark()),
                           fmt::format("each entry of '{}' must be a non-empty string", what));
        continue;
      }
      out.push_back(item.Scalar());
    }
    return out;
  }

  void load_intervals(const YAML::Node& node) {
    if (!node.IsMap()) {
      diagnostics_.error(span(node.Mark()), "'intervals' must map 'nearly' and 'approx' to fractions such as 0.05");
      return;
    }
    report_duplicate_keys(node, source_.name, diagnostics_);
    for (const auto& entry : node) {
      const std::string key = entry.first.Scalar();
      double* target = key == "nearly" ? &lexicon_.margins.nearly : key == "approx" ? &lexicon_.margins.approx : nullptr;
      if (!target) {
        unknown_key(entry.first, kIntervalKeys);
        continue;
      }
      double value = -1;
      if (entry.second.IsScalar()) {
        try {
          value = entry.second.as<double>();
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

  void load_abbreviations(const YAML::Node& node) {
    if (!node.IsMap()) {
      diagnostics_.error(span(node.Mark()),
                         "'abbreviations' must map a kind (title, acronym, before_number) to a list");
      return;
    }
    report_duplicate_keys(node, source_.name, diagnostics_);
    for (const auto& entry : node) {
      const std::string kind_name = entry.first.Scalar();
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
      for (const auto& item : entry.second) {
        add_abbreviation(item, kind);
      }
    }
  }

  void add_abbreviation(const YAML::Node& item, AbbreviationKind kind) {
    const SourceSpan where = span(item.Mark());
    if (!item.IsScalar() || item.Scalar().empty()) {
      diagnostics_.error(where, "each abbreviation must be a non-empty string such as 'U.N.'");
      return;
    }
    const std::string& text = item.Scalar();
    if (text.back() != '.' || text.find(' ') != std::string::npos) {
      diagnostics_.error(where, fmt::format("abbreviation '{}' must be one word ending in a period, "
                                            "such as 'Gen.'; others never end a sentence anyway",
                                            text));
      return;
    }
    const auto [first, inserted] = seen_.abbreviations.emplace(text, where);
    if (!inserted) {
      diagnostics_.report({Severity::error,
                           where,
                           fmt::format("duplicate abbreviation '{}'; remove one of the two", text),
                           {{Severity::note, first->second, "first listed here", {}}}});
      return;
    }
    lexicon_.abbreviations.push_back({text, kind, where});
  }

  // Calls `load` for each `name: body` entry of a mapping section.
  template <typename Load>
  void for_each_named(const YAML::Node& node, std::string_view section, Load load) {
    if (!node.IsMap()) {
      diagnostics_.error(span(node.Mark()), fmt::format("'{}' must map names to their entries", section));
      return;
    }
    for (const auto& entry : node) {
      if (!entry.first.IsScalar() || entry.first.Scalar().empty()) {
        diagnostics_.error(span(entry.first.Mark()), fmt::format("each entry of '{}' needs a name", section));
        continue;
      }
      load(entry.first.Scalar(), entry.second, span(entry.first.Mark()));
    }
  }

  // The strings of a list, each reported as a duplicate if `seen` has it.
  std::vector<std::pair<std::string, SourceSpan>> unique_words(const YAML::Node& node, std::string_view owner,
                                                               std::map<std::string, SourceSpan>& seen,
                                                               std::string_view what) {
    std::vector<std::pair<std::string, SourceSpan>> out;
    if (!node.IsSequence()) {
      diagnostics_.error(span(node.Mark()), fmt::format("the {}s of '{}' must be a list, like [a, b]", what, owner));
      return out;
    }
    for (const auto& item : node) {
      const SourceSpan where = span(item.Mark());
      if (!item.IsScalar() || item.Scalar().empty()) {
        diagnostics_.error(where, fmt::format("each {} of '{}' must be a non-empty string", what, owner));
        continue;
      }
      const auto [first, inserted] = seen.emplace(item.Scalar(), where);
      if (!inserted) {
        diagnostics_.report({Severity::error,
                             where,
                             fmt::format("duplicate {} '{}'; keep it in one place only", what, item.Scalar()),
                             {{Severity::note, first->second, "first given here", {}}}});
        continue;
      }
      out.emplace_back(item.Scalar(), where);
    }
    return out;
  }

  bool boolean(const YAML::Node& node, std::string_view key) {
    if (node.IsScalar() && (node.Scalar() == "true" || node.Scalar() == "false")) return node.Scalar() == "true";
    diagnostics_.error(span(node.Mark()), fmt::format("'{}' must be true or false", key));
    return false;
  }

  void load_metric(const std::string& name, const YAML::Node& body, SourceSpan where) {
    if (!body.IsMap()) {
      diagnostics_.error(span(body.Mark()), fmt::format("metric '{}' needs 'words', 'unit' and 'cumulative'", name));
      return;
    }
    // A duplicate is reported, and its body still checked: every problem at once.
    bool duplicate = false;
    if (const auto [first, inserted] = seen_.metrics.emplace(name, where); !inserted) {
      diagnostics_.report({Severity::error, where, fmt::format("duplicate metric '{}'; define it once", name),
                           {{Severity::note, first->second, "first defined here", {}}}});
      duplicate = true;
    }
    Metric metric{name, "", false, {}, where};
    report_duplicate_keys(body, source_.name, diagnostics_);
    for (const auto& entry : body) {
      const std::string key = entry.first.Scalar();
      if (key == "unit") {
        if (entry.second.IsScalar()) {
          metric.unit = entry.second.Scalar();
        } else {
          diagnostics_.error(span(entry.second.Mark()), "'unit' must be a single word such as 'people' or 't'");
        }
      } else if (key == "cumulative") {
        metric.cumulative = boolean(entry.second, key);
      } else if (key == "words") {
        std::map<std::string, SourceSpan> own;  // one metric's words; other metrics may share a word
        for (const auto& [word, at] : unique_words(entry.second, name, own, "word")) metric.words.push_back(word);
      } else {
        unknown_key(entry.first, kMetricKeys);
      }
    }
    if (!duplicate) lexicon_.metrics.push_back(std::move(metric));
  }

  void load_entity(const std::string& name, const YAML::Node& body, SourceSpan where) {
    Entity entity{name, {}, "", where};
    bool duplicate = false;
    if (const auto [first, inserted] = seen_.entity_aliases.emplace(name, where); !inserted) {
      diagnostics_.report({Severity::error, where, fmt::format("duplicate entity or alias '{}'", name),
                           {{Severity::note, first->second, "first given here", {}}}});
      duplicate = true;
    }
    entity.aliases.push_back(name);
    if (!body.IsNull()) {
      if (!body.IsMap()) {
        diagnostics_.error(span(body.Mark()), fmt::format("entity '{}' takes 'aliases' and 'part_of'", name));
        return;
      }
      report_duplicate_keys(body, source_.name, diagnostics_);
      for (const auto& entry : body) {
        const std::string key = entry.first.Scalar();
        if (key == "aliases") {
          for (const auto& [alias, at] : unique_words(entry.second, name, seen_.entity_aliases, "alias")) {
            entity.aliases.push_back(alias);
          }
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
    if (!duplicate) lexicon_.entities.push_back(std::move(entity));
  }

  void load_authority(const std::string& name, const YAML::Node& body, SourceSpan where) {
    Authority authority{name, {}, false, where};
    bool duplicate = false;
    if (const auto [first, inserted] = seen_.authority_aliases.emplace(name, where); !inserted) {
      diagnostics_.report({Severity::error, where, fmt::format("duplicate authority or alias '{}'", name),
                           {{Severity::note, first->second, "first given here", {}}}});
      duplicate = true;
    }
    authority.aliases.push_back(name);
    if (!body.IsNull()) {
      if (!body.IsMap()) {
        diagnostics_.error(span(body.Mark()), fmt::format("authority '{}' takes 'aliases' and 'person'", name));
        return;
      }
      report_duplicate_keys(body, source_.name, diagnostics_);
      for (const auto& entry : body) {
        const std::string key = entry.first.Scalar();
        if (key == "aliases") {
          for (const auto& [alias, at] : unique_words(entry.second, name, seen_.authority_aliases, "alias")) {
            authority.aliases.push_back(alias);
          }
        } else if (key == "person") {
          authority.person = boolean(entry.second, key);
        } else {
          unknown_key(entry.first, kAuthorityKeys);
        }
      }
    }
    if (!duplicate) lexicon_.authorities.push_back(std::move(authority));
  }

  void load_attribution(const YAML::Node& node) {
    if (!node.IsMap()) {
      diagnostics_.error(span(node.Mark()), "'attribution' must map 'verbs' and 'hedges' to lists");
      return;
    }
    report_duplicate_keys(node, source_.name, diagnostics_);
    for (const auto& entry : node) {
      const std::string key = entry.first.Scalar();
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
// Linear: each entity has at most one parent, so the chains are walked once.
void check_part_of(const Lexicon& lexicon, DiagnosticSink& diagnostics) {
  const std::size_t n = lexicon.entities.size();
  std::unordered_map<std::string_view, std::size_t> index;
  index.reserve(n);
  for (std::size_t i = 0; i < n; ++i) index.emplace(lexicon.entities[i].name, i);
  constexpr std::size_t kNone = SIZE_MAX;
  std::vector<std::size_t> parent(n, kNone);
  for (std::size_t i = 0; i < n; ++i) {
    const Entity& entity = lexicon.entities[i];
    if (entity.part_of.empty()) continue;
    if (const auto found = index.find(entity.part_of); found != index.end()) {
      parent[i] = found->second;
    } else {
      diagnostics.error(entity.defined_at,
                        fmt::format("entity '{}' is part_of '{}', which no lexicon file defines; add it or fix the name",
                                    entity.name, entity.part_of));
    }
  }
  enum : std::uint8_t { kUnseen, kOnPath, kDone };
  std::vector<std::uint8_t> state(n, kUnseen);
  std::vector<std::size_t> path;
  for (std::size_t start = 0; start < n; ++start) {
    path.clear();
    std::size_t at = start;
    while (at != kNone && state[at] == kUnseen) {
      state[at] = kOnPath;
      path.push_back(at);
      at = parent[at];
    }
    if (at != kNone && state[at] == kOnPath) {
      // The cycle is the path from `at` on; reported once, at its first-defined entity.
      const auto first = std::find(path.begin(), path.end(), at);
      const auto earliest = std::min_element(first, path.end());
      std::vector<std::string_view> names;
      for (auto k = earliest; k != path.end(); ++k) names.push_back(lexicon.entities[*k].name);
      for (auto k = first; k != earliest; ++k) names.push_back(lexicon.entities[*k].name);
      names.push_back(lexicon.entities[*earliest].name);
      diagnostics.error(lexicon.entities[*earliest].defined_at,
                        fmt::format("entity '{}' is part of itself through part_of ({}); remove the part_of that "
                                    "closes the cycle",
                                    names.front(), fmt::join(names, " -> ")));
    }
    for (std::size_t k : path) state[k] = kDone;
  }
}

}  // namespace

std::vector<LexiconSource> read_lexicon_dir(const std::filesystem::path& dir,
                                            DiagnosticSink& diagnostics) {
  std::vector<LexiconSource> sources;
  for (auto& [name, content] : read_yaml_dir(dir, "lexicon", "lexicon", "--lexicon", diagnostics)) {
    sources.push_back({std::move(name), std::move(content)});
  }
  return sources;
}

Lexicon load_lexicon(const std::vector<LexiconSource>& sources, DiagnosticSink& diagnostics) {
  Lexicon lexicon;
  FileLoader::Seen seen;
  for (const LexiconSource& source : sources) {
    FileLoader(source, lexicon, seen, diagnostics).load();
  }
  check_part_of(lexicon, diagnostics);
  return lexicon;
}

}  // namespace crosscheck
