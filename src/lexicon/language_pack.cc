// Reads a language pack (rules/lexicon/en/*.yaml) as strictly as the
// lexicon: every problem with its file:line:col, the run told what to fix.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <deque>
#include <map>
#include <utility>

#include "claims/word_classes.h"
#include "crosscheck/language.h"
#include "lexicon/seen_names.h"
#include "lexicon/yaml_support.h"
#include "lexicon/yaml_tree.h"

namespace crosscheck {

namespace {

using Node = YamlTree::Node;

constexpr std::pair<std::string_view, NumberWordKind> kNumberWordKinds[] = {
    {"unit", NumberWordKind::unit},   {"tens", NumberWordKind::tens},   {"hundred", NumberWordKind::hundred},
    {"scale", NumberWordKind::scale}, {"dozen", NumberWordKind::dozen}, {"denominator", NumberWordKind::denominator},
    {"half", NumberWordKind::half},
};
constexpr Qualifier kPhraseQualifiers[] = {Qualifier::exact,    Qualifier::at_least, Qualifier::more_than,
                                           Qualifier::nearly,   Qualifier::approx,   Qualifier::at_most,
                                           Qualifier::less_than};
const std::vector<std::string_view> kGroupKeys = {"kind", "words", "plural", "after_digits"};

template <typename Range, typename Name>
std::vector<std::string_view> names_of(const Range& range, Name name) {
  std::vector<std::string_view> names;
  for (const auto& item : range) names.push_back(name(item));
  return names;
}

// "unknown kind 'scael'; did you mean 'scale'?" or the list of known names.
std::string unknown_name_message(std::string_view what, std::string_view name,
                                 const std::vector<std::string_view>& known) {
  std::string message = fmt::format("unknown {} '{}'", what, name);
  if (std::string hint = suggest(name, known); !hint.empty())
    return message + fmt::format("; did you mean '{}'?", hint);
  return message + fmt::format("; expected one of: {}", fmt::join(known, ", "));
}

// The code point of a string of exactly one UTF-8 character, or 0.
char32_t single_code_point(std::string_view text) {
  if (text.empty() || find_invalid_utf8(text) != std::string_view::npos) return 0;
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const std::size_t length = byte(0) < 0x80 ? 1 : byte(0) < 0xE0 ? 2 : byte(0) < 0xF0 ? 3 : 4;
  if (text.size() != length) return 0;
  char32_t c = length == 1 ? byte(0) : byte(0) & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i) c = (c << 6) | (byte(i) & 0x3F);
  return c;
}

// "U+002C" as a code point; 0 if it is not one (4 to 6 hex digits, at most
// U+10FFFF, not a surrogate or NUL).
char32_t code_point_of(std::string_view text) {
  if (!text.starts_with("U+") || text.size() < 6 || text.size() > 8) return 0;
  std::uint32_t c = 0;
  const auto [end, error] = std::from_chars(text.data() + 2, text.data() + text.size(), c, 16);
  if (error != std::errc{} || end != text.data() + text.size() || c > 0x10FFFF || (c >= 0xD800 && c < 0xE000)) {
    return 0;
  }
  return c;
}

std::string utf8_of(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

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

  void load(YamlTree& tree) {
    const std::optional<Node> found =
        read_mapping_file(source_.name, source_.content, tree,
                          "a language pack file must be a mapping of sections such as 'units'", diagnostics_);
    if (!found) return;
    const Node root = *found;
    duplicate_keys(root);
    for (const auto& [key, value] : YamlTree::entries(root)) {
      const auto& name = key.Scalar();  // clang 14 cannot capture a structured binding
      const auto section =
          std::find_if(sections().begin(), sections().end(), [&](const Section& s) { return s.name == name; });
      if (section == sections().end()) {
        diagnostics_.error(span(key.Mark()), unknown_key_message(key.Scalar(), section_names()));
        continue;
      }
      (this->*section->load)(value, section->name);
    }
  }

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
  void word_map(Node node, std::string_view section, LanguagePack::WordMap& out, std::string_view what) {
    if (!is_map(node, section, what)) return;
    duplicate_keys(node);
    for (const auto& [key, value] : YamlTree::entries(node)) {
      if (!word(key, section, "word")) continue;
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
  void word_classes(Node node, std::string_view section);
  void icu_locale(Node node, std::string_view section);
  void class_words(Node node, std::string_view word_class, LanguagePack::Words& out);

  // The sections of plain lists and word maps, by the member they fill.
  template <LanguagePack::Words LanguagePack::*kMember, bool kCased = false>
  void list(Node node, std::string_view section) {
    word_list(node, section, pack_.*kMember, kCased);
  }
  template <LanguagePack::WordMap LanguagePack::*kMember>
  void code_map(Node node, std::string_view section) {
    word_map(node, section, pack_.*kMember, section == "units" ? "symbol" : "ISO 4217 code");
  }

  const LexiconSource& source_;
  LanguagePack& pack_;
  Seen& seen_;
  DiagnosticSink& diagnostics_;
};

const std::vector<PackFileLoader::Section>& PackFileLoader::sections() {
  static const std::vector<Section> kSections = {
      {"number_words", &PackFileLoader::number_words},
      {"vague_amounts", &PackFileLoader::vague_amounts},
      {"opens_figure", &PackFileLoader::list<&LanguagePack::opens_figure>},
      {"opens_address", &PackFileLoader::list<&LanguagePack::opens_address>},
      {"qualifiers_before", &PackFileLoader::qualifiers},
      {"qualifiers_after", &PackFileLoader::qualifiers},
      {"units", &PackFileLoader::code_map<&LanguagePack::units>},
      {"people_nouns", &PackFileLoader::list<&LanguagePack::people_nouns>},
      {"thing_nouns", &PackFileLoader::list<&LanguagePack::thing_nouns>},
      {"currencies", &PackFileLoader::code_map<&LanguagePack::currencies>},
      {"currency_countries", &PackFileLoader::code_map<&LanguagePack::currency_countries>},
      {"currency_signs", &PackFileLoader::currency_signs},
      {"time_units", &PackFileLoader::list<&LanguagePack::time_units>},
      {"ordinals", &PackFileLoader::list<&LanguagePack::ordinals>},
      {"identifier_words", &PackFileLoader::list<&LanguagePack::identifier_words>},
      {"street_words", &PackFileLoader::list<&LanguagePack::street_words>},
      {"months", &PackFileLoader::list<&LanguagePack::months>},
      {"month_abbreviations", &PackFileLoader::list<&LanguagePack::month_abbreviations>},
      {"ambiguous_months", &PackFileLoader::list<&LanguagePack::ambiguous_months>},
      {"weekdays", &PackFileLoader::list<&LanguagePack::weekdays, true>},
      {"word_classes", &PackFileLoader::word_classes},
      {"icu_locale", &PackFileLoader::icu_locale},
  };
  return kSections;
}

void PackFileLoader::number_words(Node node, std::string_view section) {
  if (!node.IsMap()) {
    diagnostics_.error(span(node.Mark()), "'number_words' must map group names to groups with 'kind' and 'words'");
    return;
  }
  duplicate_keys(node);
  for (const auto& [name, group] : YamlTree::entries(node)) number_word_group(name, group, section);
}

// "scale abbreviations: / kind: scale / after_digits: true / words: {k: 1000}".
void PackFileLoader::number_word_group(Node name, Node group, std::string_view section) {
  if (!group.IsMap()) {
    diagnostics_.error(span(group.Mark()),
                       fmt::format("number word group '{}' must map 'kind' and 'words'", name.Scalar()));
    return;
  }
  duplicate_keys(group);
  std::optional<NumberWordKind> kind;
  bool plural = false, after_digits = false, kind_given = false;
  std::optional<Node> words;
  for (const auto& [key, value] : YamlTree::entries(group)) {
    if (key.Scalar() == "kind") {
      kind_given = true;
      const auto& given = value.Scalar();  // clang 14 cannot capture a structured binding
      const auto* found = std::find_if(std::begin(kNumberWordKinds), std::end(kNumberWordKinds),
                                       [&](const auto& k) { return k.first == given; });
      if (found != std::end(kNumberWordKinds)) {
        kind = found->second;
      } else {
        diagnostics_.error(span(value.Mark()),
                           unknown_name_message("number word kind", value.Scalar(),
                                                names_of(kNumberWordKinds, [](const auto& k) { return k.first; })));
      }
    } else if (key.Scalar() == "plural") {
      plural = flag(value, "plural");
    } else if (key.Scalar() == "after_digits") {
      after_digits = flag(value, "after_digits");
    } else if (key.Scalar() == "words") {
      words = value;
    } else {
      diagnostics_.error(span(key.Mark()), unknown_key_message(key.Scalar(), kGroupKeys));
    }
  }
  if (!kind_given || !words) {
    diagnostics_.error(span(name.Mark()),
                       fmt::format("number word group '{}' needs a 'kind' (such as unit) and 'words'", name.Scalar()));
  }
  if (!kind || !words || !is_map(*words, "words", "value, such as 'seven: 7'")) return;
  for (const auto& [key, value] : YamlTree::entries(*words)) {
    if (!word(key, section, "number word")) continue;
    if (const std::optional<double> v = number(value, key.Scalar())) {
      pack_.number_words.push_back({std::string(key.Scalar()), *kind, *v, plural, after_digits});
    }
  }
}

// "hundreds: [200, 1000]".
void PackFileLoader::vague_amounts(Node node, std::string_view section) {
  if (!is_map(node, section, "interval [low, high], such as 'hundreds: [200, 1000]'")) return;
  for (const auto& [key, value] : YamlTree::entries(node)) {
    if (!word(key, section, "word")) continue;
    if (!value.IsSequence() || value.child_count() != 2) {
      diagnostics_.error(span(value.Mark()),
                         fmt::format("'{}' must be an interval [low, high], such as [200, 1000]", key.Scalar()));
      continue;
    }
    const std::optional<double> low = number(value.child(0), key.Scalar());
    const std::optional<double> high = number(value.child(1), key.Scalar());
    if (!low || !high) continue;
    if (*low >= *high) {
      diagnostics_.error(span(value.Mark()), fmt::format("the interval of '{}' must have low < high", key.Scalar()));
      continue;
    }
    pack_.vague_amounts.push_back({std::string(key.Scalar()), *low, *high});
  }
}

// "at least: at_least": a phrase of words joined by single spaces, and a
// meaning from the Qualifier enum.
void PackFileLoader::qualifiers(Node node, std::string_view section) {
  if (!is_map(node, section, "meaning, such as 'at least: at_least'")) return;
  auto& out = section == "qualifiers_before" ? pack_.qualifiers_before : pack_.qualifiers_after;
  const auto meaning_names = names_of(kPhraseQualifiers, [](Qualifier q) { return format_as(q); });
  for (const auto& [key, value] : YamlTree::entries(node)) {
    if (!word(key, section, "phrase")) continue;
    const std::string_view phrase = key.Scalar();
    if (phrase.front() == ' ' || phrase.back() == ' ' || phrase.find("  ") != std::string_view::npos) {
      diagnostics_.error(span(key.Mark()),
                         fmt::format("phrase '{}' must be words separated by one space each", phrase));
      continue;
    }
    const auto& given = value.Scalar();  // clang 14 cannot capture a structured binding
    const auto* found = std::find_if(std::begin(kPhraseQualifiers), std::end(kPhraseQualifiers),
                                     [&](Qualifier q) { return format_as(q) == given; });
    if (found == std::end(kPhraseQualifiers)) {
      diagnostics_.error(span(value.Mark()), unknown_name_message("qualifier", value.Scalar(), meaning_names));
      continue;
    }
    out.emplace_back(phrase, *found);
  }
}

// "€: EUR": one character each.
void PackFileLoader::currency_signs(Node node, std::string_view section) {
  if (!is_map(node, section, "ISO 4217 code, such as '€: EUR'")) return;
  for (const auto& [key, value] : YamlTree::entries(node)) {
    const char32_t sign = key.IsScalar() ? single_code_point(key.Scalar()) : 0;
    if (sign == 0) {
      diagnostics_.error(span(key.Mark()),
                         fmt::format("currency sign '{}' must be one character, such as '$'", key.Scalar()));
      continue;
    }
    if (!word(key, section, "sign", true)) continue;
    if (!value.IsScalar() || value.Scalar().empty()) {
      diagnostics_.error(span(value.Mark()), fmt::format("the ISO 4217 code of '{}' must be one word", key.Scalar()));
      continue;
    }
    pack_.currency_signs.emplace_back(sign, value.Scalar());
  }
}

// "pronoun: [he, she]": the class names are claims::word_class_names().
void PackFileLoader::word_classes(Node node, std::string_view section) {
  if (!is_map(node, section, "class's words, such as 'pronoun: [he, she]'")) return;
  duplicate_keys(node);
  const std::vector<std::string_view> known = claims::word_class_names();
  for (const auto& [key, value] : YamlTree::entries(node)) {
    if (std::find(known.begin(), known.end(), key.Scalar()) == known.end()) {
      diagnostics_.error(span(key.Mark()), unknown_name_message("word class", key.Scalar(), known));
      continue;
    }
    const auto& name = key.Scalar();  // clang 14 cannot capture a structured binding
    auto found = std::find_if(pack_.word_classes.begin(), pack_.word_classes.end(),
                              [&](const auto& c) { return c.first == name; });
    if (found == pack_.word_classes.end()) found = pack_.word_classes.insert(found, {std::string(key.Scalar()), {}});
    class_words(value, key.Scalar(), found->second);
  }
}

// The words of one class; "U+002C" is the punctuation mark ','.
void PackFileLoader::class_words(Node node, std::string_view word_class, LanguagePack::Words& out) {
  if (!node.IsSequence()) {
    diagnostics_.error(span(node.Mark()), fmt::format("'{}' must be a list of words, like [a, b]", word_class));
    return;
  }
  for (const Node item : YamlTree::items(node)) {
    if (!word(item, word_class, "word", true)) continue;
    std::string text(item.Scalar());
    if (text.starts_with("U+")) {
      const char32_t c = code_point_of(text);
      if (c == 0) {
        diagnostics_.error(span(item.Mark()), fmt::format("'{}' must be a code point such as U+002C", text));
        continue;
      }
      text = utf8_of(c);
    }
    if (std::any_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      diagnostics_.error(span(item.Mark()), fmt::format("word '{}' of '{}' must be lower-case: the text is "
                                                        "lower-cased before it is looked up",
                                                        text, word_class));
      continue;
    }
    out.push_back(std::move(text));
  }
}

// "en", "pt_BR": a language code, optionally a region.
void PackFileLoader::icu_locale(Node node, std::string_view section) {
  const std::string_view name = node.IsScalar() ? node.Scalar() : std::string_view{};
  const std::size_t language = std::min(name.find('_'), name.size());
  const auto all = [](std::string_view text, char from, char to) {
    return std::all_of(text.begin(), text.end(), [&](char c) { return c >= from && c <= to; });
  };
  const bool valid =
      language >= 2 && language <= 3 && all(name.substr(0, language), 'a', 'z') &&
      (language == name.size() || (name.size() == language + 3 && all(name.substr(language + 1), 'A', 'Z')));
  if (!valid) {
    diagnostics_.error(span(node.Mark()), fmt::format("'{}' must be an ICU locale such as en, de or pt_BR", section));
    return;
  }
  if (!pack_.icu_locale.empty()) {
    diagnostics_.error(span(node.Mark()), fmt::format("'{}' is given twice in the pack; keep one", section));
    return;
  }
  pack_.icu_locale = name;
}

// The calendar is read by position (January first, Sunday first): a pack
// needs all of it.
void check_calendar(const LanguagePack& pack, const std::vector<LexiconSource>& sources, DiagnosticSink& diagnostics) {
  const SourceSpan where{sources.empty() ? std::string("language pack") : sources.front().name, 0, 0};
  if (pack.months.size() != 12) {
    diagnostics.error(where, fmt::format("the language pack lists {} months; 'months' needs all twelve, "
                                         "January first",
                                         pack.months.size()));
  }
  if (pack.weekdays.size() != 7) {
    diagnostics.error(where, fmt::format("the language pack lists {} weekdays; 'weekdays' needs all seven, "
                                         "Sunday first",
                                         pack.weekdays.size()));
  }
  if (pack.icu_locale.empty()) {
    diagnostics.error(where, "the language pack has no 'icu_locale'; add one, such as 'icu_locale: en'");
  }
  for (const std::string& month : pack.ambiguous_months) {
    if (std::find(pack.months.begin(), pack.months.end(), month) == pack.months.end()) {
      diagnostics.error(where, fmt::format("ambiguous month '{}' is not one of 'months'; list it there", month));
    }
  }
}

}  // namespace

LanguagePack load_language_pack(const std::vector<LexiconSource>& sources, DiagnosticSink& diagnostics) {
  LanguagePack pack;
  PackFileLoader::Seen seen;
  std::deque<YamlTree> trees;  // what `seen` points into
  for (const LexiconSource& source : sources) {
    PackFileLoader(source, pack, seen, diagnostics).load(trees.emplace_back());
  }
  check_calendar(pack, sources, diagnostics);
  return pack;
}

}  // namespace crosscheck
