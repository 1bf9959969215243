// Reads the grammar of a language pack (rules/lexicon/en/grammar.yaml,
// cues.yaml, locale.yaml): the word classes, the cue phrases and the locale
// with its number format, as strictly as the rest (language_pack.cc).
#include <algorithm>
#include <cctype>
#include <charconv>
#include <string>
#include <utility>

#include "claims/word_classes.h"
#include "lexicon/pack_file_loader.h"
#include "quantities/reader_words.h"

namespace crosscheck::packs {

namespace {

// The keys a cue of each section may have.
const std::vector<std::string_view>& cue_keys(std::string_view section) {
  static const std::vector<std::string_view> kSource = {"words",  "next",         "after", "skip",
                                                        "source", "known_source", "cited"};
  static const std::vector<std::string_view> kDate = {"words", "date"};
  static const std::vector<std::string_view> kPlace = {"words", "next"};
  static const std::vector<std::string_view> kScope = {"words", "next", "scope"};
  return section == "source_cues"  ? kSource
         : section == "date_cues"  ? kDate
         : section == "scope_cues" ? kScope
                                   : kPlace;
}

// What a cue's `next` may ask of the word after it besides a word class,
// and what its `after` may ask of the word before it.
const std::vector<std::string_view> kWordStates = {"capitalized", "metric"};
const std::vector<std::string_view> kStatesBefore = {"capitalized"};
const std::vector<std::string_view> kDates = {"day", "year", "since"};
const std::vector<std::string_view> kScopes = {"incident", "day"};
const std::vector<std::string_view> kSourceSides = {"after", "before"};

}  // namespace

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

std::string with_code_point(std::string_view text) {
  if (!text.starts_with("U+")) return std::string(text);
  const char32_t c = text.size() >= 6 ? code_point_of(text.substr(0, 6)) : 0;
  return c == 0 ? std::string() : utf8_of(c) + std::string(text.substr(6));
}

// "pronoun: [he, she]": the class names are claims::word_class_names().
void PackFileLoader::word_classes(Node node, std::string_view section) {
  named_lists(node, section, {"word class", "class's words, such as 'pronoun: [he, she]'"}, claims::word_class_names(),
              pack_.word_classes);
}

// "number_and: [and]": the role names are quantities::reader_role_names().
void PackFileLoader::reader_words(Node node, std::string_view section) {
  std::vector<std::string_view> known;
  for (const auto& role : quantities::reader_role_names()) known.push_back(role.name);
  named_lists(node, section, {"reader role", "role's words, such as 'number_and: [and]'"}, known, pack_.reader_words);
}

// Lists of words by a name fixed in C++; a list may be split over files.
void PackFileLoader::named_lists(Node node, std::string_view section, const ListNames& what,
                                 const std::vector<std::string_view>& known,
                                 std::vector<std::pair<std::string, LanguagePack::Words>>& out) {
  if (!is_map(node, section, what.example)) return;
  duplicate_keys(node);
  for (const auto& [key, value] : YamlTree::entries(node)) {
    if (std::find(known.begin(), known.end(), key.Scalar()) == known.end()) {
      diagnostics_.error(span(key.Mark()), unknown_name_message(what.name, key.Scalar(), known));
      continue;
    }
    const auto& name = key.Scalar();  // clang 14 cannot capture a structured binding
    auto found = std::find_if(out.begin(), out.end(), [&](const auto& c) { return c.first == name; });
    if (found == out.end()) found = out.insert(found, {std::string(key.Scalar()), {}});
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

// "number_format: {decimal: U+002E, group: U+002C}": how digits are written.
void PackFileLoader::number_format(Node node, std::string_view section) {
  static const std::vector<std::string_view> kKeys = {"decimal", "group"};
  if (!node.IsMap()) {
    diagnostics_.error(span(node.Mark()), fmt::format("'{}' must map 'decimal' and 'group' to a mark each, such "
                                                      "as 'decimal: U+002E'",
                                                      section));
    pack_.number_format = NumberFormat{};  // reported: not again as a missing format
    return;
  }
  duplicate_keys(node);
  if (pack_.number_format) {
    diagnostics_.error(span(node.Mark()), fmt::format("'{}' is given twice in the pack; keep one", section));
    return;
  }
  pack_.number_format = NumberFormat{};  // so that an error here is not reported again as a missing format
  std::optional<char> decimal, group;
  bool given[2] = {false, false}, valid = true;
  for (const auto& [key, value] : YamlTree::entries(node)) {
    const auto k = std::find(kKeys.begin(), kKeys.end(), key.Scalar());
    if (k == kKeys.end()) {
      diagnostics_.error(span(key.Mark()), unknown_key_message(key.Scalar(), kKeys));
      valid = false;
      continue;
    }
    if (given[k - kKeys.begin()]) continue;  // duplicate_keys() reported it
    given[k - kKeys.begin()] = true;
    (k == kKeys.begin() ? decimal : group) = separator(value, *k);
  }
  if (!decimal || !group) {
    if (valid && !(given[0] && given[1])) {
      diagnostics_.error(span(node.Mark()), fmt::format("'{}' needs 'decimal' and 'group'", section));
    }
    return;
  }
  if (*decimal == *group) {
    diagnostics_.error(span(node.Mark()),
                       fmt::format("the decimal and group separators are both '{}'; they must differ", *decimal));
    return;
  }
  pack_.number_format = NumberFormat{*decimal, *group};
}

// One ASCII punctuation mark, written as itself or as its code point.
std::optional<char> PackFileLoader::separator(Node node, std::string_view key) {
  const std::string mark = node.IsScalar() ? with_code_point(node.Scalar()) : std::string();
  if (mark.size() == 1 && std::ispunct(static_cast<unsigned char>(mark[0]))) return mark[0];
  diagnostics_.error(span(node.Mark()),
                     fmt::format("'{}' must be one punctuation mark, such as U+002E for '.' or U+002C for ','", key));
  return std::nullopt;
}

// "according to: / words: [according, to]": the cues of one section, in
// file order; a name given twice (in any file) is an error.
void PackFileLoader::cues(Node node, std::string_view section) {
  if (!node.IsMap()) {
    diagnostics_.error(span(node.Mark()), fmt::format("'{}' must map each cue's name to its words, such as "
                                                      "'according to: {{words: [according, to]}}'",
                                                      section));
    return;
  }
  duplicate_keys(node);
  auto& out = section == "source_cues"  ? pack_.source_cues
              : section == "date_cues"  ? pack_.date_cues
              : section == "scope_cues" ? pack_.scope_cues
                                        : pack_.place_cues;
  for (const auto& [name, value] : YamlTree::entries(node)) {
    if (!word(name, section, "cue", true)) continue;
    LanguagePack::CuePhrase phrase;
    if (cue(name, value, section, phrase)) out.push_back(std::move(phrase));
  }
}

// One cue: its words and what it needs around it. False if it had an error.
bool PackFileLoader::cue(Node name, Node value, std::string_view section, LanguagePack::CuePhrase& out) {
  out.name = with_code_point(name.Scalar());
  if (out.name.empty()) {
    diagnostics_.error(span(name.Mark()),
                       fmt::format("'{}' must start with a code point such as U+0027", name.Scalar()));
    return false;
  }
  if (!value.IsMap()) {
    diagnostics_.error(span(value.Mark()), fmt::format("cue '{}' must map 'words' and what it needs, such as "
                                                       "'words: [according, to]'",
                                                       name.Scalar()));
    return false;
  }
  duplicate_keys(value);
  const std::vector<std::string_view>& keys = cue_keys(section);
  bool valid = true, has_words = false;
  const auto one_of = [&](Node item, std::string_view what, const std::vector<std::string_view>& known) {
    if (item.IsScalar() && std::find(known.begin(), known.end(), item.Scalar()) != known.end()) return true;
    diagnostics_.error(span(item.Mark()), unknown_name_message(what, item.IsScalar() ? item.Scalar() : "", known));
    return false;
  };
  for (const auto& [key, item] : YamlTree::entries(value)) {
    const std::string_view k = key.Scalar();
    if (std::find(keys.begin(), keys.end(), k) == keys.end()) {
      diagnostics_.error(span(key.Mark()), unknown_key_message(k, keys));
      valid = false;
    } else if (k == "words") {
      has_words = cue_word_list(item, name.Scalar(), out.words);
      valid = valid && has_words;
    } else if (k == "next") {
      if (!item.IsSequence()) valid = cue_condition(item, kWordStates, out.next.emplace_back()) && valid;
      for (const Node condition : YamlTree::items(item)) {  // empty unless a list
        valid = cue_condition(condition, kWordStates, out.next.emplace_back()) && valid;
      }
    } else if (k == "after" || k == "skip") {
      valid = cue_condition(item, k == "after" ? kStatesBefore : std::vector<std::string_view>{},
                            k == "after" ? out.after : out.skip) &&
              valid;
    } else if (k == "source") {
      valid = one_of(item, "source side", kSourceSides) && valid;
      out.source_before = item.IsScalar() && item.Scalar() == "before";
    } else if (k == "date") {
      valid = one_of(item, "date", kDates) && valid;
      out.date = item.IsScalar() ? item.Scalar() : "";
    } else if (k == "scope") {
      valid = one_of(item, "scope", kScopes) && valid;
      out.scope = item.IsScalar() ? item.Scalar() : "";
    } else {
      (k == "cited" ? out.cited : out.known_source) = flag(item, k);
    }
  }
  if (!has_words && valid) {
    diagnostics_.error(span(name.Mark()),
                       fmt::format("cue '{}' needs 'words', such as 'words: [according, to]'", name.Scalar()));
  }
  if (section == "scope_cues" && out.scope.empty() && valid) {
    diagnostics_.error(span(name.Mark()),
                       fmt::format("scope cue '{}' needs a 'scope': incident or day", name.Scalar()));
    valid = false;
  }
  if (section == "date_cues" && out.date.empty() && valid) {
    diagnostics_.error(span(name.Mark()),
                       fmt::format("date cue '{}' needs a 'date': day, year or since", name.Scalar()));
    valid = false;
  }
  return valid && has_words;
}

// A cue's words: one or more, lower-case, no spaces; "U+0027" is the mark.
bool PackFileLoader::cue_word_list(Node node, std::string_view cue, LanguagePack::Words& out) {
  if (!node.IsSequence() || node.child_count() == 0) {
    diagnostics_.error(span(node.Mark()),
                       fmt::format("the words of cue '{}' must be a list, like [according, to]", cue));
    return false;
  }
  bool valid = true;
  for (const Node item : YamlTree::items(node)) {
    const std::string text = item.IsScalar() ? with_code_point(item.Scalar()) : std::string();
    const bool upper = std::any_of(text.begin(), text.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == ' '; });
    if (text.empty() || upper) {
      diagnostics_.error(span(item.Mark()), fmt::format("each word of cue '{}' must be one lower-case word or a code "
                                                        "point such as U+0027",
                                                        cue));
      valid = false;
      continue;
    }
    out.push_back(text);
  }
  return valid;
}

// A word class name ("release_verb"), or one of `states` ("capitalized";
// "metric": a word that starts a metric of the lexicon).
bool PackFileLoader::cue_condition(Node node, const std::vector<std::string_view>& states, std::string& out) {
  std::vector<std::string_view> known = claims::word_class_names();
  const bool with_states = !states.empty();
  known.insert(known.begin(), states.begin(), states.end());
  const std::string_view given = node.IsScalar() ? node.Scalar() : std::string_view{};
  if (std::find(known.begin(), known.end(), given) == known.end()) {
    diagnostics_.error(span(node.Mark()),
                       unknown_name_message(with_states ? "word class or state" : "word class", given, known));
    return false;
  }
  out = given;
  return true;
}

}  // namespace crosscheck::packs
