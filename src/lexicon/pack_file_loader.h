// The language pack loader's class, shared by the files that read its
// sections: language_pack.cc (numbers, qualifiers, units, currencies,
// contexts, calendar) and language_pack_grammar.cc (word classes, cues,
// locale). Private to src/lexicon/.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/language.h"
#include "lexicon/seen_names.h"
#include "lexicon/yaml_support.h"
#include "lexicon/yaml_tree.h"

namespace crosscheck::packs {

using Node = YamlTree::Node;

template <typename Range, typename Name>
std::vector<std::string_view> names_of(const Range& range, Name name) {
  std::vector<std::string_view> names;
  for (const auto& item : range) names.push_back(name(item));
  return names;
}

// "unknown kind 'scael'; did you mean 'scale'?" or the list of known names.
std::string unknown_name_message(std::string_view what, std::string_view name,
                                 const std::vector<std::string_view>& known);

// Validates one file of a pack; problems go to the sink, good entries into
// the pack. The sections are a table: each takes its node and the section's
// name, so a section may be split over several files.
class PackFileLoader {
 public:
  // The words seen per section (or per word class), to report a duplicate
  // with where it was first given; they point into the files' trees.
  using Seen = std::map<std::string, SeenNames, std::less<>>;

  PackFileLoader(const LexiconSource& source, LanguagePack& pack, Seen& seen, DiagnosticSink& diagnostics)
      : source_(source), pack_(pack), seen_(seen), diagnostics_(diagnostics) {}

  void load(YamlTree& tree);

 private:
  using Load = void (PackFileLoader::*)(Node, std::string_view);
  struct Section {
    std::string_view name;
    Load load;
  };
  static const std::vector<Section>& sections();

  static std::vector<std::string_view> section_names() {
    return names_of(sections(), [](const Section& s) { return s.name; });
  }

  SourceSpan span(const YAML::Mark& mark) const { return yaml_span(source_.name, mark); }

  void duplicate_keys(Node node) {
    std::map<std::string_view, Node> first;
    for (const auto& entry : YamlTree::entries(node)) {
      const auto [at, inserted] = first.try_emplace(entry.first.Scalar(), entry.first);
      if (!inserted && entry.first.IsScalar()) {
        report_duplicate_key(entry.first.Scalar(), entry.first.Mark(), at->second.Mark(), source_.name, diagnostics_);
      }
    }
  }

  // Whether `node` is a word: a non-empty string, lower-case unless `cased`.
  // A word given before in `seen_[group]` is a duplicate.
  bool word(Node node, std::string_view group, std::string_view what, bool cased = false) {
    if (!node.IsScalar() || node.Scalar().empty()) {
      diagnostics_.error(span(node.Mark()), fmt::format("each {} of '{}' must be a non-empty string", what, group));
      return false;
    }
    const std::string_view text = node.Scalar();
    if (!cased && std::any_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      diagnostics_.error(span(node.Mark()), fmt::format("{} '{}' of '{}' must be lower-case: the text is "
                                                        "lower-cased before it is looked up",
                                                        what, text, group));
      return false;
    }
    const auto [first, inserted] = seen_[std::string(group)].try_emplace(text, Place{&source_.name, node.Mark()});
    if (!inserted) {
      diagnostics_.report({Severity::error,
                           span(node.Mark()),
                           fmt::format("duplicate {} '{}' in '{}'; list it once", what, text, group),
                           {{Severity::note, first->second.span(), "first given here", {}}}});
      return false;
    }
    return true;
  }

  bool is_map(Node node, std::string_view section, std::string_view example) {
    if (node.IsMap()) return true;
    diagnostics_.error(span(node.Mark()), fmt::format("'{}' must map each word to its {}", section, example));
    return false;
  }

  // A list of words: "time_units: [days, weeks]".
  void word_list(Node node, std::string_view section, LanguagePack::Words& out, bool cased = false) {
    if (!node.IsSequence()) {
      diagnostics_.error(span(node.Mark()), fmt::format("'{}' must be a list of words, like [a, b]", section));
      return;
    }
    for (const Node item : YamlTree::items(node)) {
      if (word(item, section, "word", cased)) out.emplace_back(item.Scalar());
    }
  }

  // A mapping of words to a short code: "units: {tonnes: t}".
  void word_map(Node node, std::string_view section, LanguagePack::WordMap& out, std::string_view what,
                bool cased = false) {
    if (!is_map(node, section, what)) return;
    duplicate_keys(node);
    for (const auto& [key, value] : YamlTree::entries(node)) {
      if (!word(key, section, "word", cased)) continue;
      if (!value.IsScalar() || value.Scalar().empty()) {
        diagnostics_.error(span(value.Mark()), fmt::format("the {} of '{}' must be one word", what, key.Scalar()));
        continue;
      }
      out.emplace_back(key.Scalar(), value.Scalar());
    }
  }

  std::optional<double> number(Node node, std::string_view owner) {
    double value = -1;
    if (node.IsScalar()) {
      const std::string_view text = node.Scalar();
      const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (error != std::errc{} || end != text.data() + text.size()) value = -1;
    }
    if (value >= 0 && std::isfinite(value)) return value;
    diagnostics_.error(span(node.Mark()),
                       fmt::format("the value of '{}' must be a number of 0 or more, such as 12 or 1e6", owner));
    return std::nullopt;
  }

  bool flag(Node node, std::string_view key) { return yaml_boolean(node, key, source_.name, diagnostics_); }

  void number_words(Node node, std::string_view section);
  void number_word_group(Node name, Node group, std::string_view section);
  void vague_amounts(Node node, std::string_view section);
  void qualifiers(Node node, std::string_view section);
  void currency_signs(Node node, std::string_view section);
  // language_pack_grammar.cc
  void word_classes(Node node, std::string_view section);
  void reader_words(Node node, std::string_view section);
  struct ListNames {
    std::string_view name;     // "word class"
    std::string_view example;  // of a good entry, for the message of a wrong one
  };
  void named_lists(Node node, std::string_view section, const ListNames& what,
                   const std::vector<std::string_view>& known,
                   std::vector<std::pair<std::string, LanguagePack::Words>>& out);
  void icu_locale(Node node, std::string_view section);
  void number_format(Node node, std::string_view section);
  void class_words(Node node, std::string_view word_class, LanguagePack::Words& out);
  void cues(Node node, std::string_view section);
  bool cue(Node name, Node value, std::string_view section, LanguagePack::CuePhrase& out);
  bool cue_word_list(Node node, std::string_view cue, LanguagePack::Words& out);
  bool cue_condition(Node node, const std::vector<std::string_view>& states, std::string& out);
  std::optional<char> separator(Node node, std::string_view key);

  // The sections of plain lists and word maps, by the member they fill.
  template <LanguagePack::Words LanguagePack::*kMember, bool kCased = false>
  void list(Node node, std::string_view section) {
    word_list(node, section, pack_.*kMember, kCased);
  }
  template <LanguagePack::WordMap LanguagePack::*kMember, bool kCased = false>
  void code_map(Node node, std::string_view section) {
    word_map(node, section, pack_.*kMember, section == "units" ? "symbol" : "ISO 4217 code", kCased);
  }
  // A list of phrases of one or two words: "percent_words: [percent, per cent]".
  template <LanguagePack::Words LanguagePack::*kMember>
  void short_phrases(Node node, std::string_view section) {
    const std::size_t first = (pack_.*kMember).size();
    word_list(node, section, pack_.*kMember);
    for (std::size_t i = first; i < (pack_.*kMember).size(); ++i) short_phrase((pack_.*kMember)[i], node, section);
  }
  // "hong kong: HKD": the reader looks a currency's country up by one word or two.
  void currency_countries(Node node, std::string_view section) {
    const std::size_t first = pack_.currency_countries.size();
    code_map<&LanguagePack::currency_countries>(node, section);
    for (std::size_t i = first; i < pack_.currency_countries.size(); ++i) {
      short_phrase(pack_.currency_countries[i].first, node, section);
    }
  }
  // Reports `phrase` unless it is one word or two separated by one space.
  void short_phrase(std::string_view phrase, Node node, std::string_view section) {
    const std::size_t space = phrase.find(' ');
    if (space == std::string::npos ||
        (space > 0 && space + 1 < phrase.size() && phrase.find(' ', space + 1) == std::string::npos)) {
      return;
    }
    diagnostics_.error(span(node.Mark()),
                       fmt::format("'{}' of '{}' must be one word or two separated by one space", phrase, section));
  }
  // Letters as written and the number each stands for: "spaced_scale_letters: {K: 1e3}".
  template <LanguagePack::LetterValues LanguagePack::*kMember>
  void letter_values(Node node, std::string_view section) {
    if (!is_map(node, section, "value, such as 'M: 1e6'")) return;
    duplicate_keys(node);
    for (const auto& [key, value] : YamlTree::entries(node)) {
      if (!word(key, section, "letter", true)) continue;
      if (const std::optional<double> n = number(value, key.Scalar())) (pack_.*kMember).emplace_back(key.Scalar(), *n);
    }
  }

  const LexiconSource& source_;
  LanguagePack& pack_;
  Seen& seen_;
  DiagnosticSink& diagnostics_;
};

// The code point of "U+002C", or 0 (language_pack_grammar.cc).
char32_t code_point_of(std::string_view text);

// `text` with a leading "U+XXXX" (the code point of a mark, so that a file
// stays plain YAML) made the mark it stands for.
std::string with_code_point(std::string_view text);

}  // namespace crosscheck::packs
