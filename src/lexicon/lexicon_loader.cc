#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include <yaml-cpp/yaml.h>

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

const std::vector<std::string_view> kSections = {"abbreviations", "sentence_starters", "intervals"};
const std::vector<std::string_view> kIntervalKeys = {"nearly", "approx"};
const std::vector<std::string_view> kAbbreviationKinds = {"title", "acronym", "before_number"};

// Validates one file; problems go to the sink, good entries into the lexicon.
class FileLoader {
 public:
  FileLoader(const LexiconSource& source, Lexicon& lexicon,
             std::map<std::string, SourceSpan>& seen_abbreviations, DiagnosticSink& diagnostics)
      : source_(source),
        lexicon_(lexicon),
        seen_abbreviations_(seen_abbreviations),
        diagnostics_(diagnostics) {}

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
    for (const auto& entry : root) {
      const std::string key = entry.first.Scalar();
      if (key == "abbreviations") {
        load_abbreviations(entry.second);
      } else if (key == "intervals") {
        load_intervals(entry.second);
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
  SourceSpan span(const YAML::Mark& mark) const {
    // yaml-cpp marks are 0-based; ours are 1-based.
    if (mark.line < 0) return {source_.name, 0, 0};
    return {source_.name, static_cast<std::uint32_t>(mark.line + 1),
            static_cast<std::uint32_t>(mark.column + 1)};
  }

  void unknown_key(const YAML::Node& key, const std::vector<std::string_view>& known) {
    std::string message = fmt::format("unknown key '{}'", key.Scalar());
    if (std::string hint = suggest(key.Scalar(), known); !hint.empty()) {
      message += fmt::format("; did you mean '{}'?", hint);
    } else {
      message += fmt::format("; expected one of: {}", fmt::join(known, ", "));
    }
    diagnostics_.error(span(key.Mark()), std::move(message));
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
    const auto [first, inserted] = seen_abbreviations_.emplace(text, where);
    if (!inserted) {
      diagnostics_.report({Severity::error,
                           where,
                           fmt::format("duplicate abbreviation '{}'; remove one of the two", text),
                           {{Severity::note, first->second, "first listed here", {}}}});
      return;
    }
    lexicon_.abbreviations.push_back({text, kind, where});
  }

  const LexiconSource& source_;
  Lexicon& lexicon_;
  std::map<std::string, SourceSpan>& seen_abbreviations_;
  DiagnosticSink& diagnostics_;
};

}  // namespace

std::vector<LexiconSource> read_lexicon_dir(const std::filesystem::path& dir,
                                            DiagnosticSink& diagnostics) {
  namespace fs = std::filesystem;
  std::vector<LexiconSource> sources;
  std::error_code error;
  if (!fs::is_directory(dir, error)) {
    diagnostics.error({dir.generic_string(), 0, 0},
                      "lexicon directory does not exist; pass a folder of .yaml files to --lexicon");
    return sources;
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, error)) {
    const std::string extension = entry.path().extension().string();
    if (entry.is_regular_file() && (extension == ".yaml" || extension == ".yml")) {
      files.push_back(entry.path());
    }
  }
  if (error) {
    diagnostics.error({dir.generic_string(), 0, 0},
                      fmt::format("cannot list lexicon directory: {}", error.message()));
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in) {
      diagnostics.error({file.generic_string(), 0, 0}, "cannot read lexicon file");
      continue;
    }
    sources.push_back({file.generic_string(), std::move(content).str()});
  }
  return sources;
}

Lexicon load_lexicon(const std::vector<LexiconSource>& sources, DiagnosticSink& diagnostics) {
  Lexicon lexicon;
  std::map<std::string, SourceSpan> seen_abbreviations;
  for (const LexiconSource& source : sources) {
    FileLoader(source, lexicon, seen_abbreviations, diagnostics).load();
  }
  return lexicon;
}

}  // namespace crosscheck
