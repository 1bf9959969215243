// Reads a language pack (rules/lexicon/en/*.yaml) as strictly as the
// lexicon: every problem with its file:line:col, the run told what to fix.
// The sections of words and numbers; language_pack_grammar.cc reads the
// word classes, cues and locale.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <deque>
#include <map>
#include <utility>

#include "lexicon/pack_file_loader.h"

namespace crosscheck::packs {

// "unknown kind 'scael'; did you mean 'scale'?" or the list of known names.
std::string unknown_name_message(std::string_view what, std::string_view name,
                                 const std::vector<std::string_view>& known) {
  std::string message = fmt::format("unknown {} '{}'", what, name);
  if (std::string hint = suggest(name, known); !hint.empty())
    return message + fmt::format("; did you mean '{}'?", hint);
  return message + fmt::format("; expected one of: {}", fmt::join(known, ", "));
}

void PackFileLoader::load(YamlTree& tree) {
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

namespace {

constexpr std::pair<std::string_view, NumberWordKind> kNumberWordKinds[] = {
    {"unit", NumberWordKind::unit},   {"tens", NumberWordKind::tens},   {"hundred", NumberWordKind::hundred},
    {"scale", NumberWordKind::scale}, {"dozen", NumberWordKind::dozen}, {"denominator", NumberWordKind::denominator},
    {"half", NumberWordKind::half},
};
constexpr Qualifier kPhraseQualifiers[] = {Qualifier::exact,    Qualifier::at_least, Qualifier::more_than,
                                           Qualifier::nearly,   Qualifier::approx,   Qualifier::at_most,
                                           Qualifier::less_than};
const std::vector<std::string_view> kGroupKeys = {"kind", "words", "plural", "after_digits"};

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

}  // namespace

const std::vector<PackFileLoader::Section>& PackFileLoader::sections() {
  static const std::vector<Section> kSections = {
      {"number_words", &PackFileLoader::number_words},
      {"vague_amounts", &PackFileLoader::vague_amounts},
      {"opens_figure", &PackFileLoader::list<&LanguagePack::opens_figure>},
      {"opens_address", &PackFileLoader::list<&LanguagePack::opens_address>},
      {"glued_scale_letters", &PackFileLoader::letter_values<&LanguagePack::glued_scale_letters>},
      {"currency_scale_letters", &PackFileLoader::letter_values<&LanguagePack::currency_scale_letters>},
      {"spaced_scale_letters", &PackFileLoader::letter_values<&LanguagePack::spaced_scale_letters>},
      {"qualifiers_before", &PackFileLoader::qualifiers},
      {"qualifiers_after", &PackFileLoader::qualifiers},
      {"units", &PackFileLoader::code_map<&LanguagePack::units>},
      {"people_nouns", &PackFileLoader::list<&LanguagePack::people_nouns>},
      {"thing_nouns", &PackFileLoader::list<&LanguagePack::thing_nouns>},
      {"event_nouns", &PackFileLoader::list<&LanguagePack::event_nouns>},
      {"demonym_endings", &PackFileLoader::list<&LanguagePack::demonym_endings>},
      {"currencies", &PackFileLoader::code_map<&LanguagePack::currencies>},
      {"currency_countries", &PackFileLoader::currency_countries},
      {"shared_currency_codes", &PackFileLoader::list<&LanguagePack::shared_currency_codes, true>},
      {"currency_signs", &PackFileLoader::currency_signs},
      {"currency_prefixes", &PackFileLoader::code_map<&LanguagePack::currency_prefixes>},
      {"currency_prefixes_as_written", &PackFileLoader::code_map<&LanguagePack::currency_prefixes_as_written, true>},
      {"not_currency_words", &PackFileLoader::list<&LanguagePack::not_currency_words>},
      {"minor_unit_words", &PackFileLoader::list<&LanguagePack::minor_unit_words>},
      {"glued_only_units", &PackFileLoader::list<&LanguagePack::glued_only_units>},
      {"percent_words", &PackFileLoader::short_phrases<&LanguagePack::percent_words>},
      {"percentage_points", &PackFileLoader::short_phrases<&LanguagePack::percentage_points>},
      {"time_words", &PackFileLoader::list<&LanguagePack::time_words>},
      {"glued_suffixes", &PackFileLoader::list<&LanguagePack::glued_suffixes>},
      {"verb_months", &PackFileLoader::list<&LanguagePack::verb_months>},
      {"time_units", &PackFileLoader::list<&LanguagePack::time_units>},
      {"ordinals", &PackFileLoader::list<&LanguagePack::ordinals>},
      {"identifier_words", &PackFileLoader::list<&LanguagePack::identifier_words>},
      {"street_words", &PackFileLoader::list<&LanguagePack::street_words>},
      {"months", &PackFileLoader::list<&LanguagePack::months>},
      {"month_abbreviations", &PackFileLoader::list<&LanguagePack::month_abbreviations>},
      {"ambiguous_months", &PackFileLoader::list<&LanguagePack::ambiguous_months>},
      {"weekdays", &PackFileLoader::list<&LanguagePack::weekdays, true>},
      {"word_classes", &PackFileLoader::word_classes},
      {"possessive_endings", &PackFileLoader::list<&LanguagePack::possessive_endings>},
      {"person_demonym_endings", &PackFileLoader::list<&LanguagePack::person_demonym_endings>},
      {"reader_words", &PackFileLoader::reader_words},
      {"icu_locale", &PackFileLoader::icu_locale},
      {"number_format", &PackFileLoader::number_format},
      {"source_cues", &PackFileLoader::cues},
      {"date_cues", &PackFileLoader::cues},
      {"place_cues", &PackFileLoader::cues},
      {"scope_cues", &PackFileLoader::cues},
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

namespace {

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
  if (!pack.number_format) {
    diagnostics.error(where,
                      "the language pack has no 'number_format'; add one, such as "
                      "'number_format: {decimal: U+002E, group: U+002C}'");
  }
  for (const std::string& month : pack.ambiguous_months) {
    if (std::find(pack.months.begin(), pack.months.end(), month) == pack.months.end()) {
      diagnostics.error(where, fmt::format("ambiguous month '{}' is not one of 'months'; list it there", month));
    }
  }
  for (const std::string& month : pack.verb_months) {
    if (std::find(pack.months.begin(), pack.months.end(), month) == pack.months.end()) {
      diagnostics.error(where, fmt::format("verb month '{}' is not one of 'months'; list it there", month));
    }
  }
}

}  // namespace

}  // namespace crosscheck::packs

namespace crosscheck {

LanguagePack load_language_pack(const std::vector<LexiconSource>& sources, DiagnosticSink& diagnostics) {
  using packs::PackFileLoader;
  LanguagePack pack;
  PackFileLoader::Seen seen;
  std::deque<YamlTree> trees;  // what `seen` points into
  for (const LexiconSource& source : sources) {
    PackFileLoader(source, pack, seen, diagnostics).load(trees.emplace_back());
  }
  packs::check_calendar(pack, sources, diagnostics);
  return pack;
}

}  // namespace crosscheck
