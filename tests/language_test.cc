// The language pack: the built-in English, the loader's errors, and a pack
// that really changes what the readers see.
#include "crosscheck/language.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "crosscheck/claims.h"
#include "crosscheck/segment.h"
#include "lexicon/yaml_tree.h"

namespace {

using crosscheck::DiagnosticSink;
using crosscheck::LexiconSource;

std::vector<LexiconSource> english() { return crosscheck::default_language_sources(); }

// The diagnostics of loading English with `yaml` added as "user.yaml".
std::vector<std::string> problems_of(const std::string& yaml) {
  std::vector<LexiconSource> sources = english();
  sources.push_back({"user.yaml", yaml});
  DiagnosticSink sink;
  crosscheck::load_language_pack(sources, sink);
  std::vector<std::string> out;
  for (const auto& diagnostic : sink.diagnostics()) out.push_back(fmt::format("{}", diagnostic));
  return out;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Every figure of `text` as `describe` prints it, by a reader made now.
std::vector<std::string> figures(std::string_view text) {
  crosscheck::QuantityReader reader;
  std::vector<std::string> out;
  for (const crosscheck::Quantity& q : reader.read(text)) out.push_back(crosscheck::describe(q, text));
  return out;
}

// The claims of `text`, published Monday 2024-05-13, read by a segmenter and
// an extractor made now (with the pack in use).
std::vector<crosscheck::Claim> claims_of(const std::string& text) {
  DiagnosticSink sink;
  const crosscheck::Lexicon lexicon = crosscheck::load_lexicon(crosscheck::default_lexicon_sources(), sink);
  crosscheck::Segmenter segmenter(lexicon);
  crosscheck::ClaimExtractor extractor(lexicon);
  crosscheck::Article article;
  article.id = "test";
  article.published = crosscheck::parse_date("2024-05-13");
  article.text = text;
  return extractor.extract(article, segmenter.segment(article.text));
}

// "cue: authority" of each claim of `text` with an attribution, and its
// entity (its place), one line per claim.
std::vector<std::string> attributions_of(const std::string& text) {
  std::vector<std::string> out;
  for (const crosscheck::Claim& claim : claims_of(text)) {
    const auto& a = claim.attribution;
    out.push_back(fmt::format("{}: {} ({})", a ? a->cue : "-", a ? a->authority : "-", claim.entity));
  }
  return out;
}

// English with `from` replaced by `to` in its file `file` ("cues.yaml").
std::vector<LexiconSource> english_with(std::string_view file, const std::string& from, const std::string& to) {
  std::vector<LexiconSource> sources = english();
  for (LexiconSource& source : sources) {
    if (!source.name.ends_with(file)) continue;
    const std::size_t at = source.content.find(from);
    REQUIRE(at != std::string::npos);
    source.content.replace(at, from.size(), to);
  }
  return sources;
}

// What `read` gives with the pack of `sources` in use, English put back after.
template <typename Read>
auto with_pack(const std::vector<LexiconSource>& sources, Read read) {
  DiagnosticSink sink;
  crosscheck::use_language_pack(crosscheck::load_language_pack(sources, sink));
  CHECK(sink.diagnostics().empty());
  auto result = read();
  DiagnosticSink again;
  crosscheck::use_language_pack(crosscheck::load_language_pack(english(), again));
  return result;
}

// The reference date of the one claim of `text`, published Monday 2024-05-13,
// read by a segmenter and an extractor made now (with the pack in use).
std::string reference_date_of(const std::string& text) {
  const std::vector<crosscheck::Claim> claims = claims_of(text);
  return claims.size() == 1 && claims[0].reference_date ? fmt::format("{}", *claims[0].reference_date) : "";
}

}  // namespace

TEST_CASE("the built-in English pack loads cleanly, every file by the fast plain reader", "[language]") {
  DiagnosticSink sink;
  const crosscheck::LanguagePack pack = crosscheck::load_language_pack(english(), sink);
  CHECK(sink.diagnostics().empty());
  CHECK(pack.months.size() == 12);
  CHECK(pack.weekdays.front() == "Sunday");
  CHECK(pack.word_classes.size() == 54);
  for (const LexiconSource& source : english()) {
    INFO(source.name);
    // Read at every start: yaml-cpp would cost about 0.8 ms a file.
    const std::optional<crosscheck::YamlTree> plain = crosscheck::YamlTree::read_plain(source.content);
    REQUIRE(plain);
    const crosscheck::YamlTree full = crosscheck::YamlTree::read_with_yaml_cpp(source.content);
    CHECK(crosscheck::same_tree(plain->root(), full.root()));
  }
}

TEST_CASE("the compiled-in English pack is rules/lexicon/en/ as it is in the source tree", "[language]") {
  const std::vector<LexiconSource> built_in = english();
  REQUIRE(built_in.size() == 10);
  for (const LexiconSource& source : built_in) {
    INFO(source.name);
    CHECK(source.name.starts_with("rules/lexicon/en/"));
    CHECK(source.content == read_file(std::string(CROSSCHECK_SOURCE_DIR) + "/" + source.name));
  }
}

TEST_CASE("the pack's words are what the readers look up", "[language]") {
  // English has neither word: no figure.
  CHECK(figures("They rode 3 gazillion furlongs; 12 wayfarers came.") ==
        std::vector<std::string>{"'3' = 3 [3, 3] exact", "'12' = 12 [12, 12] exact"});
  DiagnosticSink sink;
  std::vector<LexiconSource> sources = english();
  sources.push_back(
      {"more-words.yaml", read_file(std::string(CROSSCHECK_SOURCE_DIR) + "/tests/language/more-words.yaml")});
  crosscheck::LanguagePack pack = crosscheck::load_language_pack(sources, sink);
  REQUIRE(sink.diagnostics().empty());
  crosscheck::use_language_pack(std::move(pack));
  const std::vector<std::string> with_pack = figures("They rode 3 gazillion furlongs; 12 wayfarers came.");
  DiagnosticSink again;
  crosscheck::use_language_pack(crosscheck::load_language_pack(english(), again));
  const std::vector<std::string> after = figures("They rode 3 gazillion furlongs; 12 wayfarers came.");
  CHECK(with_pack == std::vector<std::string>{
                         "'3 gazillion furlongs' = 3000000000000000 [3000000000000000, 3000000000000000] exact fur",
                         "'12' = 12 [12, 12] exact people (wayfarers)"});
  CHECK(after == std::vector<std::string>{"'3' = 3 [3, 3] exact", "'12' = 12 [12, 12] exact"});
}

TEST_CASE("an unknown section of a pack is an error at its place with a suggestion", "[language]") {
  CHECK(problems_of("unit:\n  furlongs: fur\n") ==
        std::vector<std::string>{"user.yaml:1:1: error: unknown key 'unit'; did you mean 'units'?"});
}

TEST_CASE("an unknown key of a number word group names the keys there are", "[language]") {
  CHECK(problems_of("number_words:\n  big:\n    kind: scale\n    plurl: true\n    words:\n      zillion: 1e12\n") ==
        std::vector<std::string>{"user.yaml:4:5: error: unknown key 'plurl'; did you mean 'plural'?"});
}

TEST_CASE("an unknown number word kind, qualifier or word class is named with a suggestion", "[language]") {
  CHECK(problems_of("number_words:\n  big:\n    kind: scael\n    words:\n      zillion: 1e12\n") ==
        std::vector<std::string>{"user.yaml:3:11: error: unknown number word kind 'scael'; did you mean 'scale'?"});
  CHECK(problems_of("qualifiers_before:\n  well above: more_tan\n") ==
        std::vector<std::string>{"user.yaml:2:15: error: unknown qualifier 'more_tan'; did you mean 'more_than'?"});
  CHECK(problems_of("word_classes:\n  pronouns: [thou]\n") ==
        std::vector<std::string>{"user.yaml:2:3: error: unknown word class 'pronouns'; did you mean 'pronoun'?"});
}

TEST_CASE("wrong types in a pack are errors at the value", "[language]") {
  CHECK(problems_of("time_units: days\n") ==
        std::vector<std::string>{"user.yaml:1:13: error: 'time_units' must be a list of words, like [a, b]"});
  CHECK(problems_of("units: [furlongs]\n") ==
        std::vector<std::string>{"user.yaml:1:8: error: 'units' must map each word to its symbol"});
  CHECK(problems_of("number_words:\n  big:\n    kind: scale\n    words:\n      zillion: lots\n") ==
        std::vector<std::string>{
            "user.yaml:5:16: error: the value of 'zillion' must be a number of 0 or more, such as 12 or 1e6"});
  CHECK(problems_of("number_words:\n  big:\n    kind: scale\n    after_digits: yes\n    words:\n      zn: 1e12\n") ==
        std::vector<std::string>{"user.yaml:4:19: error: 'after_digits' must be true or false"});
  CHECK(problems_of("vague_amounts:\n  zillions: [100]\n") ==
        std::vector<std::string>{
            "user.yaml:2:13: error: 'zillions' must be an interval [low, high], such as [200, 1000]"});
}

TEST_CASE("a word listed twice in a section is an error with where it was first given", "[language]") {
  CHECK(problems_of("time_units: [fortnights, days]\n") ==
        std::vector<std::string>{"user.yaml:1:26: error: duplicate word 'days' in 'time_units'; list it once\n"
                                 "rules/lexicon/en/contexts.yaml:24:5: note: first given here"});
}

TEST_CASE("a pack's word must be lower-case and a sign or code point one character", "[language]") {
  CHECK(problems_of("thing_nouns: [Lorries2]\n") ==
        std::vector<std::string>{"user.yaml:1:15: error: word 'Lorries2' of 'thing_nouns' must be lower-case: the "
                                 "text is lower-cased before it is looked up"});
  CHECK(problems_of("currency_signs:\n  US$: USD\n") ==
        std::vector<std::string>{"user.yaml:2:3: error: currency sign 'US$' must be one character, such as '$'"});
  CHECK(problems_of("word_classes:\n  pronoun: [U+ZZZZ]\n") ==
        std::vector<std::string>{"user.yaml:2:13: error: 'U+ZZZZ' must be a code point such as U+002C"});
}

TEST_CASE("a pack needs the whole calendar and a locale", "[language]") {
  DiagnosticSink sink;
  crosscheck::load_language_pack({{"xx/calendar.yaml", "months: [january]\nweekdays: [Sunday]\n"}}, sink);
  std::vector<std::string> problems;
  for (const auto& diagnostic : sink.diagnostics()) problems.push_back(fmt::format("{}", diagnostic));
  CHECK(problems == std::vector<std::string>{
                        "xx/calendar.yaml: error: the language pack lists 1 months; 'months' needs all twelve, "
                        "January first",
                        "xx/calendar.yaml: error: the language pack lists 1 weekdays; 'weekdays' needs all seven, "
                        "Sunday first",
                        "xx/calendar.yaml: error: the language pack has no 'icu_locale'; add one, such as "
                        "'icu_locale: en'",
                        "xx/calendar.yaml: error: the language pack has no 'number_format'; add one, such as "
                        "'number_format: {decimal: U+002E, group: U+002C}'"});
}

TEST_CASE("a pack's locale is an ICU locale name, given once", "[language]") {
  CHECK(problems_of("icu_locale: English\n") ==
        std::vector<std::string>{"user.yaml:1:13: error: 'icu_locale' must be an ICU locale such as en, de or pt_BR"});
  CHECK(problems_of("icu_locale: pt_BR\n") ==
        std::vector<std::string>{"user.yaml:1:13: error: 'icu_locale' is given twice in the pack; keep one"});
}

TEST_CASE("the pack's calendar is what the claims stage dates figures by", "[language]") {
  const std::string text = "As of Caturday, 35,000 people had died in Gaza.";
  CHECK(reference_date_of(text) == "2024-05-13");  // no such day in English: the publication date
  std::vector<LexiconSource> sources = english();
  for (LexiconSource& source : sources) {
    if (source.name.ends_with("calendar.yaml"))
      source.content.replace(source.content.find("- Saturday"), 10, "- Caturday");
  }
  DiagnosticSink sink;
  crosscheck::use_language_pack(crosscheck::load_language_pack(sources, sink));
  REQUIRE(sink.diagnostics().empty());
  const std::string with_pack = reference_date_of(text);
  crosscheck::use_language_pack(crosscheck::load_language_pack(english(), sink));
  CHECK(with_pack == "2024-05-11");  // the Saturday before
  CHECK(reference_date_of(text) == "2024-05-13");
}

TEST_CASE("a '$' reads the same by the plain reader as by yaml-cpp", "[language]") {
  for (const std::string text : {"$: USD\n", "a: [US$, $5]\n", "b:\n  - $\n  - a$b\n"}) {
    INFO(text);
    const std::optional<crosscheck::YamlTree> plain = crosscheck::YamlTree::read_plain(text);
    REQUIRE(plain);
    CHECK(crosscheck::same_tree(plain->root(), crosscheck::YamlTree::read_with_yaml_cpp(text).root()));
  }
}

TEST_CASE("the pack's source cues are what credits a figure", "[language]") {
  const std::string text = "Selon the Gaza health ministry, 35,000 people have been killed.";
  // (No place: "Selon" is no locative word of English, and a place inside a
  // source's name, "the Gaza health ministry", does not make the article's;
  // once the pack credits the ministry, the speaker's name places the figure.)
  CHECK(attributions_of(text) == std::vector<std::string>{"-: - ()"});
  const auto french =
      english_with("cues.yaml", "  according to:\n    words: [according, to]", "  selon:\n    words: [selon]");
  CHECK(with_pack(french, [&] { return attributions_of(text); }) ==
        std::vector<std::string>{"selon: Gaza Health Ministry (Gaza)"});
  // English again: "according to" is its cue, "selon" is not.
  CHECK(attributions_of("According to the Gaza health ministry, 35,000 people have been killed.") ==
        std::vector<std::string>{"according to: Gaza Health Ministry (Gaza)"});
  CHECK(with_pack(french, [] {
          return attributions_of("According to the Gaza health ministry, 35,000 people have been killed.");
        }) == std::vector<std::string>{"-: - (Gaza)"});
}

TEST_CASE("a source cue's name, 'after', 'skip' and 'source: before' come from the pack", "[language]") {
  const std::string text = "The ministry's tally shows 35,000 people killed in Gaza.";
  CHECK(attributions_of(text) == std::vector<std::string>{"'s figures: ministry (Gaza)"});
  const auto renamed = english_with("cues.yaml", "U+0027s figures:", "U+0027s numbers:");
  CHECK(with_pack(renamed, [&] { return attributions_of(text); }) ==
        std::vector<std::string>{"'s numbers: ministry (Gaza)"});
  const auto not_before = english_with("cues.yaml", "    source: before", "    source: after");
  CHECK(with_pack(not_before, [&] { return attributions_of(text); }) ==
        std::vector<std::string>{"'s figures: tally shows 35 (Gaza)"});  // after the cue, to the comma
}

TEST_CASE("the pack's date cues are what date a figure", "[language]") {
  const std::string text = "Officials said le Saturday that 35,000 people had died in Gaza.";
  CHECK(reference_date_of(text) == "2024-05-13");
  const auto with_le = english_with("cues.yaml", "  as of:\n", "  le:\n    words: [le]\n    date: day\n  as of:\n");
  CHECK(with_pack(with_le, [&] { return reference_date_of(text); }) == "2024-05-11");
}

TEST_CASE("the pack's place cues are what makes a figure one of several places", "[language]") {
  // The second figure is of no one place: not the article's main place, Gaza.
  const std::string text = "Strikes killed 20 people in Gaza on Sunday. The combined death toll rose to 35,000.";
  CHECK(attributions_of(text) == std::vector<std::string>{"-: - (Gaza)", "-: - ()"});
  const auto no_combined =
      english_with("cues.yaml", "  combined:\n    words: [combined]", "  combined:\n    words: [ensemble]");
  CHECK(with_pack(no_combined, [&] { return attributions_of(text); }) ==
        std::vector<std::string>{"-: - (Gaza)", "-: - (Gaza)"});
}

TEST_CASE("the pack's number format is how digits are read", "[language]") {
  CHECK(figures("1.234,5 tonnes and 3,5 million") ==
        std::vector<std::string>{"'1.234' = 1.234 [1.234, 1.234] exact", "'5 tonnes' = 5 [5, 5] exact t",
                                 "'3' = 3 [3, 3] exact", "'5 million' = 5000000 [5000000, 5000000] exact"});
  const auto swapped =
      english_with("locale.yaml", "  decimal: U+002E\n  group: U+002C", "  decimal: U+002C\n  group: U+002E");
  CHECK(with_pack(swapped, [] { return figures("1.234,5 tonnes and 3,5 million"); }) ==
        std::vector<std::string>{"'1.234,5 tonnes' = 1234.5 [1234.5, 1234.5] exact t",
                                 "'3,5 million' = 3500000 [3500000, 3500000] exact"});
}

TEST_CASE("a pack's cues are checked as strictly as the rest", "[language]") {
  CHECK(problems_of("source_cues:\n  selon:\n    word: [selon]\n") ==
        std::vector<std::string>{"user.yaml:3:5: error: unknown key 'word'; did you mean 'words'?"});
  CHECK(
      problems_of("source_cues:\n  selon:\n    words: selon\n") ==
      std::vector<std::string>{"user.yaml:3:12: error: the words of cue 'selon' must be a list, like [according, to]"});
  CHECK(problems_of("source_cues:\n  selon:\n    words: [Selon]\n") ==
        std::vector<std::string>{"user.yaml:3:13: error: each word of cue 'selon' must be one lower-case word or a "
                                 "code point such as U+0027"});
  CHECK(problems_of("source_cues:\n  selon:\n    words: [selon]\n    next: capitalised\n") ==
        std::vector<std::string>{"user.yaml:4:11: error: unknown word class or state 'capitalised'; did you mean "
                                 "'capitalized'?"});
  CHECK(problems_of("source_cues:\n  selon:\n    words: [selon]\n    after: release_verbs\n") ==
        std::vector<std::string>{
            "user.yaml:4:12: error: unknown word class or state 'release_verbs'; did you mean 'release_verb'?"});
  CHECK(problems_of("date_cues:\n  depuis:\n    words: [depuis]\n    date: sinse\n") ==
        std::vector<std::string>{"user.yaml:4:11: error: unknown date 'sinse'; did you mean 'since'?"});
  CHECK(problems_of("date_cues:\n  depuis:\n    words: [depuis]\n") ==
        std::vector<std::string>{"user.yaml:2:3: error: date cue 'depuis' needs a 'date': day, year or since"});
  CHECK(problems_of("place_cues:\n  ensemble:\n    words: [ensemble]\n    skip: of\n") ==
        std::vector<std::string>{"user.yaml:4:5: error: unknown key 'skip'; expected one of: words, next"});
  CHECK(problems_of("place_cues: [both]\n") ==
        std::vector<std::string>{"user.yaml:1:13: error: 'place_cues' must map each cue's name to its words, such "
                                 "as 'according to: {words: [according, to]}'"});
  CHECK(problems_of("source_cues:\n  per:\n    words: [par]\n") ==
        std::vector<std::string>{"user.yaml:2:3: error: duplicate cue 'per' in 'source_cues'; list it once\n"
                                 "rules/lexicon/en/cues.yaml:33:3: note: first given here"});
}

TEST_CASE("a pack's number format is checked as strictly as the rest", "[language]") {
  const auto problems_with_format = [](const std::string& format) {
    DiagnosticSink sink;
    crosscheck::load_language_pack(
        english_with("locale.yaml", "number_format:\n  decimal: U+002E\n  group: U+002C", format), sink);
    std::vector<std::string> out;
    for (const auto& diagnostic : sink.diagnostics()) out.push_back(fmt::format("{}", diagnostic));
    return out;
  };
  CHECK(problems_with_format("number_format:\n  decimals: U+002E\n  group: U+002C") ==
        std::vector<std::string>{
            "rules/lexicon/en/locale.yaml:15:3: error: unknown key 'decimals'; did you mean 'decimal'?"});
  CHECK(problems_with_format("number_format:\n  decimal: dot\n  group: U+002C") ==
        std::vector<std::string>{"rules/lexicon/en/locale.yaml:15:12: error: 'decimal' must be one punctuation "
                                 "mark, such as U+002E for '.' or U+002C for ','"});
  CHECK(problems_with_format("number_format:\n  decimal: U+002E\n  group: U+002E") ==
        std::vector<std::string>{"rules/lexicon/en/locale.yaml:15:3: error: the decimal and group separators are "
                                 "both '.'; they must differ"});
  CHECK(problems_with_format("number_format: [U+002E]") ==
        std::vector<std::string>{"rules/lexicon/en/locale.yaml:14:16: error: 'number_format' must map 'decimal' and "
                                 "'group' to a mark each, such as 'decimal: U+002E'"});
  CHECK(problems_with_format("number_format:\n  decimal: U+002E\n  group: U+002C\n  decimal: U+002C") ==
        std::vector<std::string>{
            "rules/lexicon/en/locale.yaml:17:3: error: duplicate key 'decimal'; the later would silently "
            "replace the first: keep one\nrules/lexicon/en/locale.yaml:15:3: note: first given here"});
  CHECK(problems_of("number_format:\n  decimal: U+002C\n  group: U+002E\n") ==
        std::vector<std::string>{"user.yaml:2:3: error: 'number_format' is given twice in the pack; keep one"});
}

TEST_CASE("the quantities reader's named words come from the pack", "[language]") {
  const auto with = [](std::string_view file, const std::string& from, const std::string& to, std::string_view text) {
    return with_pack(english_with(file, from, to), [&] { return figures(text); });
  };
  using Figures = std::vector<std::string>;
  // A currency prefix before a sign.
  CHECK(figures("NZ$ 5 million") == Figures{"'NZ$ 5 million' = 5000000 [5000000, 5000000] exact NZD"});
  CHECK(with("currencies.yaml", "  nz: NZD\n", "", "NZ$ 5 million") ==
        Figures{"'$ 5 million' = 5000000 [5000000, 5000000] exact USD"});
  // A currency word read as another word.
  CHECK(figures("It won 5 won.") == Figures{"'5' = 5 [5, 5] exact"});
  CHECK(with("currencies.yaml", "not_currency_words: [try, won]", "not_currency_words: [try]", "It won 5 won.") ==
        Figures{"'5 won' = 5 [5, 5] exact KRW"});
  // The smaller unit after a currency figure.
  CHECK(figures("It cost 3 dollars 50 centavos.") ==
        Figures{"'3 dollars' = 3 [3, 3] exact USD", "'50' = 50 [50, 50] exact"});
  CHECK(with("currencies.yaml", "minor_unit_words: [cents, cent, pence, p]",
             "minor_unit_words: [cents, cent, pence, p, centavos]",
             "It cost 3 dollars 50 centavos.") == Figures{"'3 dollars 50 centavos' = 3.5 [3.5, 3.5] exact USD"});
  // Percent words, of one word and of two; percentage points.
  CHECK(figures("5 procent and 6 por ciento") == Figures{"'5' = 5 [5, 5] exact", "'6' = 6 [6, 6] exact"});
  CHECK(with("units.yaml", "per cent]", "per cent, procent, por ciento]", "5 procent and 6 por ciento") ==
        Figures{"'5 procent' = 5 [5, 5] exact %", "'6 por ciento' = 6 [6, 6] exact %"});
  CHECK(with("units.yaml", "percentage_points: [percentage points, percentage point]",
             "percentage_points: [percentage points, percentage point, procentpunten]",
             "up 2 procentpunten") == Figures{"'2 procentpunten' = 2 [2, 2] exact pp"});
  // A time of day after a number; a word glued to digits.
  CHECK(figures("at 5 uhr, 35k") == Figures{"'5' = 5 [5, 5] exact", "'35k' = 35000 [35000, 35000] exact"});
  CHECK(with("contexts.yaml", "time_words: [am, pm, gmt, utc, o]", "time_words: [am, pm, gmt, utc, o, uhr]",
             "at 5 uhr, 35k") == Figures{"'35k' = 35000 [35000, 35000] exact"});
  CHECK(with("contexts.yaml", "glued_suffixes: [st, nd, rd, th, s, am, pm]",
             "glued_suffixes: [st, nd, rd, th, s, am, pm, k]", "at 5 uhr, 35k") == Figures{"'5' = 5 [5, 5] exact"});
  // A month that after a number is a verb when lower-case.
  CHECK(figures("They 5 march on 6 March.") == Figures{"'5' = 5 [5, 5] exact"});
  CHECK(with("calendar.yaml", "verb_months:\n  - march\n", "verb_months: []\n", "They 5 march on 6 March.") ==
        Figures{});
}

TEST_CASE("the quantities reader's named words are checked as strictly as the rest", "[language]") {
  using Problems = std::vector<std::string>;
  CHECK(problems_of("percent_word: [procent]\n") ==
        Problems{"user.yaml:1:1: error: unknown key 'percent_word'; did you mean 'percent_words'?"});
  CHECK(problems_of("time_words: uhr\n") ==
        Problems{"user.yaml:1:13: error: 'time_words' must be a list of words, like [a, b]"});
  CHECK(problems_of("glued_suffixes: [th]\n") ==
        Problems{"user.yaml:1:18: error: duplicate word 'th' in 'glued_suffixes'; list it once\n"
                 "rules/lexicon/en/contexts.yaml:187:30: note: first given here"});
  CHECK(problems_of("not_currency_words: [won]\n") ==
        Problems{"user.yaml:1:22: error: duplicate word 'won' in 'not_currency_words'; list it once\n"
                 "rules/lexicon/en/currencies.yaml:200:27: note: first given here"});
  CHECK(problems_of("percent_words: [per  cent, por ciento mas]\n") ==
        Problems{"user.yaml:1:16: error: 'per  cent' of 'percent_words' must be one word or two separated by one space",
                 "user.yaml:1:16: error: 'por ciento mas' of 'percent_words' must be one word or two separated by one "
                 "space"});
  CHECK(problems_of("currency_prefixes:\n  AU: AUD\n") ==
        Problems{"user.yaml:2:3: error: word 'AU' of 'currency_prefixes' must be lower-case: the text is lower-cased "
                 "before it is looked up"});
  CHECK(problems_of("currency_prefixes_as_written:\n  AU: [AUD]\n") ==
        Problems{"user.yaml:2:7: error: the ISO 4217 code of 'AU' must be one word"});
  CHECK(problems_of("currency_prefixes_as_written:\n  AU: AUD\n").empty());  // its case is kept
  CHECK(problems_of("verb_months: [mars]\n") ==
        Problems{"rules/lexicon/en/numbers.yaml: error: verb month 'mars' is not one of 'months'; list it there"});
}

TEST_CASE("the quantities reader's words inside spelled-out numbers come from the pack", "[language]") {
  const auto with = [](const std::string& from, const std::string& to, std::string_view text) {
    return with_pack(english_with("reader.yaml", from, to), [&] { return figures(text); });
  };
  using Figures = std::vector<std::string>;
  // The "and" inside a number.
  CHECK(figures("one hundred und six") == Figures{"'one hundred' = 100 [100, 100] exact", "'six' = 6 [6, 6] exact"});
  CHECK(with("number_and: [and]", "number_and: [and, und]", "one hundred und six") ==
        Figures{"'one hundred und six' = 106 [106, 106] exact"});
  // The decimal point of a spoken number.
  CHECK(figures("nine komma five") == Figures{"'nine' = 9 [9, 9] exact", "'five' = 5 [5, 5] exact"});
  CHECK(with("decimal_point: [point]", "decimal_point: [point, komma]", "nine komma five") ==
        Figures{"'nine komma five' = 9.5 [9.5, 9.5] exact"});
  // "a few thousand".
  CHECK(figures("a couple thousand") == Figures{});
  CHECK(with("few_words: [few]", "few_words: [few, couple]", "a couple thousand") ==
        Figures{"'a couple thousand' = 2000 [2000, 10000) vague"});
  // "half a million", and "half" that is no count.
  CHECK(figures("half a million, half time") == Figures{"'half a million' = 500000 [500000, 500000] exact"});
  CHECK(with("half_words: [half]", "half_words: [halb]", "half a million") ==
        Figures{"'a million' = 1000000 [1000000, 1000000] exact"});
  CHECK(with("not_half_next: [an, way, time, past]", "not_half_next: [an, way, past]", "half time") ==
        Figures{"'half' = 0.5 [0.5, 0.5] exact"});
  // "tens of thousands": a vague amount of a plural scale.
  CHECK(figures("tens of thousands") == Figures{"'tens of thousands' = 20000 [20000, 100000) vague"});
  CHECK(with("scale_plurals: [thousands, millions, billions]", "scale_plurals: [millions, billions]",
             "tens of thousands") == Figures{"'thousands' = 2000 [2000, 10000) vague"});
  // "twenty-first": a compound denominator.
  CHECK(figures("a twenty-first") ==
        Figures{"'a twenty-first' = 0.047619047619047616 [0.047619047619047616, 0.047619047619047616] exact"});
  CHECK(with("ordinal_first: [first, firsts]", "ordinal_first: [firsts]", "a twenty-first") ==
        Figures{"'twenty' = 20 [20, 20] exact"});
}

TEST_CASE("the quantities reader's word roles are checked as strictly as the rest", "[language]") {
  using Problems = std::vector<std::string>;
  CHECK(problems_of("reader_words:\n  number_ands: [und]\n") ==
        Problems{"user.yaml:2:3: error: unknown reader role 'number_ands'; did you mean 'number_and'?"});
  CHECK(problems_of("reader_word:\n  number_and: [und]\n") ==
        Problems{"user.yaml:1:1: error: unknown key 'reader_word'; did you mean 'reader_words'?"});
  CHECK(problems_of("reader_words:\n  number_and: und\n") ==
        Problems{"user.yaml:2:15: error: 'number_and' must be a list of words, like [a, b]"});
  CHECK(problems_of("reader_words: [and]\n") ==
        Problems{"user.yaml:1:15: error: 'reader_words' must map each word to its role's words, such as "
                 "'number_and: [and]'"});
  CHECK(problems_of("reader_words:\n  number_and: [und, and]\n") ==
        Problems{"user.yaml:2:21: error: duplicate word 'and' in 'number_and'; list it once\n"
                 "rules/lexicon/en/reader.yaml:114:16: note: first given here"});
  CHECK(problems_of("reader_words:\n  number_and: [Und]\n") ==
        Problems{"user.yaml:2:16: error: word 'Und' of 'number_and' must be lower-case: the text is lower-cased "
                 "before it is looked up"});
  CHECK(problems_of("reader_words:\n  number_and: [und]\n").empty());  // added to English's
}

TEST_CASE("the quantities reader's words around numbers that are no figures come from the pack", "[language]") {
  const auto with = [](const std::string& from, const std::string& to, std::string_view text) {
    return with_pack(english_with("reader.yaml", from, to), [&] { return figures(text); });
  };
  using Figures = std::vector<std::string>;
  CHECK(figures("rose 2023 percent") == Figures{"'2023 percent' = 2023 [2023, 2023] exact %"});
  CHECK(with("counts_after_year: [percent]", "counts_after_year: []", "rose 2023 percent") == Figures{});
  CHECK(figures("at 3 p.m.") == Figures{});
  CHECK(with("time_initials: [a, p]", "time_initials: [a]", "at 3 p.m.") == Figures{"'3' = 3 [3, 3] exact"});
  CHECK(figures("alter 12") == Figures{"'12' = 12 [12, 12] exact"});
  CHECK(with("age_words: [aged, age, ages]", "age_words: [aged, age, ages, alter]", "alter 12") == Figures{});
  CHECK(figures("see page 4") == Figures{});
  CHECK(with("[page, version,", "[version,", "see page 4") == Figures{"'4' = 4 [4, 4] exact"});
  CHECK(figures("the one killed") == Figures{});
  CHECK(with("pronoun_one_before: [the, ", "pronoun_one_before: [", "the one killed") ==
        Figures{"'one' = 1 [1, 1] exact"});
  CHECK(figures("one else") == Figures{});
  CHECK(with("    - else\n", "", "one else") == Figures{"'one' = 1 [1, 1] exact"});
  CHECK(figures("It was minus one.") == Figures{"'minus one' = -1 [-1, -1] exact"});
  CHECK(with("minus_words: [minus, negative]", "minus_words: [negative]", "It was minus one.") == Figures{});
}

TEST_CASE("the quantities reader's words that join a figure's parts come from the pack", "[language]") {
  const auto with = [](const std::string& from, const std::string& to, std::string_view text) {
    return with_pack(english_with("reader.yaml", from, to), [&] { return figures(text); });
  };
  using Figures = std::vector<std::string>;
  CHECK(figures("between 3 und 5 homes") == Figures{"'3' = 3 [3, 3] exact", "'5' = 5 [5, 5] exact (homes)"});
  CHECK(with("between_joiners: [and]", "between_joiners: [and, und]", "between 3 und 5 homes") ==
        Figures{"'between 3 und 5' = 3 [3, 5] range (homes)"});
  CHECK(figures("3 bis 5 homes") == Figures{"'3' = 3 [3, 3] exact", "'5' = 5 [5, 5] exact (homes)"});
  CHECK(with("range_joiners: [to, through, thru]", "range_joiners: [to, through, thru, bis]", "3 bis 5 homes") ==
        Figures{"'3 bis 5' = 3 [3, 5] range (homes)"});
  CHECK(figures("one out of three") ==
        Figures{"'one out of three' = 0.3333333333333333 [0.3333333333333333, 0.3333333333333333] exact"});
  CHECK(with("ratio_out: [out]", "ratio_out: []", "one out of three") ==
        Figures{"'one' = 1 [1, 1] exact", "'three' = 3 [3, 3] exact"});
  CHECK(figures("It was minus 5.") == Figures{"'minus 5' = -5 [-5, -5] exact"});
  CHECK(with("minus_words: [minus, negative]", "minus_words: [negative]", "It was minus 5.") ==
        Figures{"'5' = 5 [5, 5] exact"});
  CHECK(figures("35,000-plus") == Figures{"'35,000-plus' = 35000 [35000, inf) at_least"});
  CHECK(with("plus_words: [plus]", "plus_words: []", "35,000-plus") ==
        Figures{"'35,000' = 35000 [35000, 35000] exact"});
}

TEST_CASE("the quantities reader's words after a figure's number come from the pack", "[language]") {
  const auto with = [](const std::string& from, const std::string& to, std::string_view text) {
    return with_pack(english_with("reader.yaml", from, to), [&] { return figures(text); });
  };
  using Figures = std::vector<std::string>;
  CHECK(figures("190 square kilometres") == Figures{"'190 square kilometres' = 190 [190, 190] exact km2"});
  CHECK(with("square_words: [square, sq]", "square_words: [sq]", "190 square kilometres") ==
        Figures{"'190' = 190 [190, 190] exact"});
  CHECK(figures("thirteen dollars und forty-five cents") ==
        Figures{"'thirteen dollars' = 13 [13, 13] exact USD", "'forty-five cents' = 45 [45, 45] exact cent"});
  CHECK(with("cents_joiners: [and]", "cents_joiners: [and, und]", "thirteen dollars und forty-five cents") ==
        Figures{"'thirteen dollars und forty-five cents' = 13.45 [13.45, 13.45] exact USD"});
  CHECK(figures("5 US dollars") == Figures{"'5 US dollars' = 5 [5, 5] exact USD"});
  CHECK(with("country_without_code: [us]", "country_without_code: []", "5 US dollars") ==
        Figures{"'5' = 5 [5, 5] exact"});
  CHECK(figures("hundreds of people") == Figures{"'hundreds' = 200 [200, 1000) vague people"});
  CHECK(with("noun_of: [of]", "noun_of: []", "hundreds of people") == Figures{"'hundreds' = 200 [200, 1000) vague"});
  CHECK(figures("5 und people") == Figures{"'5' = 5 [5, 5] exact people"});
  CHECK(with("noun_stops: [of, and, or, to,", "noun_stops: [of, and, or, to, und,", "5 und people") ==
        Figures{"'5' = 5 [5, 5] exact"});
}

TEST_CASE("the quantities reader's words around digits and between bounds come from the pack", "[language]") {
  const auto with = [](const std::string& from, const std::string& to, std::string_view text) {
    return with_pack(english_with("reader.yaml", from, to), [&] { return figures(text); });
  };
  using Figures = std::vector<std::string>;
  CHECK(figures("3 hundred und 21") == Figures{"'3 hundred' = 300 [300, 300] exact", "'21' = 21 [21, 21] exact"});
  CHECK(with("number_and: [and]", "number_and: [and, und]", "3 hundred und 21") ==
        Figures{"'3 hundred und 21' = 321 [321, 321] exact"});
  CHECK(figures("5x10^6 cells") == Figures{"'5x10^6' = 5000000 [5000000, 5000000] exact"});
  CHECK(with("times_words: [x]", "times_words: []", "5x10^6 cells") == Figures{});
  CHECK(figures("at least 5 und at most 9") ==
        Figures{"'at least 5' = 5 [5, inf) at_least", "'at most 9' = 9 [0, 9] at_most"});
  CHECK(with("bound_joiners: [and, but]", "bound_joiners: [and, but, und]", "at least 5 und at most 9") ==
        Figures{"'at least 5 und at most 9' = 5 [5, 9] range"});
  // A web address opens at the pack's opens_address words (numbers.yaml).
  CHECK(figures("see ftp://example.org/5") == Figures{});
  CHECK(with_pack(
            english_with("numbers.yaml", "opens_address: [http, https, ftp, www]", "opens_address: [http, https, www]"),
            [] { return figures("see ftp://example.org/5"); }) == Figures{"'5' = 5 [5, 5] exact"});
}

TEST_CASE("a capitalized plural counts people by the pack's demonym endings", "[language]") {
  using Figures = std::vector<std::string>;
  CHECK(figures("300 Israelis") == Figures{"'300' = 300 [300, 300] exact people (Israelis)"});
  CHECK(with_pack(english_with("units.yaml", "demonym_endings: [ians, ans, is, ese]", "demonym_endings: [ians, ans]"),
                  [] { return figures("300 Israelis"); }) == Figures{"'300' = 300 [300, 300] exact"});
  CHECK(problems_of("demonym_endings: [Ians]\n") ==
        std::vector<std::string>{"user.yaml:1:19: error: word 'Ians' of 'demonym_endings' must be lower-case: the text "
                                 "is lower-cased before it is looked up"});
}

TEST_CASE("scale letters, currency countries and the codes they replace come from the pack", "[language]") {
  using Figures = std::vector<std::string>;
  const auto with = [](std::string_view file, const std::string& from, const std::string& to, std::string_view text) {
    return with_pack(english_with(file, from, to), [&] { return figures(text); });
  };
  CHECK(figures("sales of 10 M") == Figures{"'10 M' = 10000000 [10000000, 10000000] exact"});
  CHECK(with("numbers.yaml", "  M: 1000000\n  G: 1000000000\n  B:", "  G: 1000000000\n  B:", "sales of 10 M") ==
        Figures{"'10 M' = 10 [10, 10] exact m"});  // ten metres
  CHECK(figures("a $5m loan") == Figures{"'$5m' = 5000000 [5000000, 5000000] exact USD"});
  CHECK(with("numbers.yaml", "currency_scale_letters:\n  m: 1000000\n", "currency_scale_letters:\n", "a $5m loan") ==
        Figures{"'$5m' = 5 [5, 5] exact m"});
  CHECK(figures("40 hong kong dollars") == Figures{"'40 hong kong dollars' = 40 [40, 40] exact HKD"});
  CHECK(with("currencies.yaml", "  hong kong: HKD\n", "", "40 hong kong dollars") ==
        Figures{"'40' = 40 [40, 40] exact"});
  CHECK(figures("7 australian dollars") == Figures{"'7 australian dollars' = 7 [7, 7] exact AUD"});
  CHECK(with("currencies.yaml", "[USD, CHF, TRY, CNY, INR]", "[CHF, TRY, CNY, INR]", "7 australian dollars") ==
        Figures{"'7 australian dollars' = 7 [7, 7] exact USD"});
  CHECK(problems_of("currency_countries: {hong kong sar: HKD}\nspaced_scale_letters: {Q: lots}\n") ==
        std::vector<std::string>{
            "user.yaml:1:21: error: 'hong kong sar' of 'currency_countries' must be one word or two separated by one "
            "space",
            "user.yaml:2:27: error: the value of 'Q' must be a number of 0 or more, such as 12 or 1e6"});
}

TEST_CASE("dotted initials before a currency sign are the prefix they spell", "[language]") {
  using Figures = std::vector<std::string>;
  // "S" alone before a sign is Singapore's ("S$ 5"), but "U.S $" spells "us".
  CHECK(figures("S$ 5") == Figures{"'S$ 5' = 5 [5, 5] exact SGD"});
  CHECK(figures("aid of U.S $5 million") == Figures{"'S $5 million' = 5000000 [5000000, 5000000] exact USD"});
  CHECK(figures("aid of H.K $5 million") == Figures{"'K $5 million' = 5000000 [5000000, 5000000] exact HKD"});
}

TEST_CASE("the possessive, the article and the demonyms that name a person come from the pack", "[language]") {
  using Lines = std::vector<std::string>;
  const auto with = [](const std::string& from, const std::string& to, const std::string& text) {
    return with_pack(english_with("grammar.yaml", from, to), [&] { return attributions_of(text); });
  };
  const std::string damascus = "DAMASCUS (Reuters) - The military said 30 people were killed in the attack.";
  CHECK(attributions_of(damascus) == Lines{"said: Syrian military (Damascus)"});
  CHECK(with("  article:\n    - the\n", "  article:\n    - el\n", damascus) ==
        Lines{"said: Syrian the military (Damascus)"});
  const std::string hong_kong = "HONG KONG (Reuters) - Police said 12 people were killed in the fire.";
  CHECK(attributions_of(hong_kong) == Lines{"said: Hong Kong police (Hong Kong)"});
  CHECK(with("person_demonym_endings: [er]", "person_demonym_endings: []", hong_kong) ==
        Lines{"said: Hong Konger police (Hong Kong)"});
  // (Not "Aceh province": a place noun after a run makes it a place whatever comes before.)
  const std::string aceh = "JAKARTA (Reuters) - Floods killed 40 people in Indonesia's Aceh, officials said.";
  CHECK(attributions_of(aceh) == Lines{"said: officials (Aceh)"});
  CHECK(with("possessive_endings: [s]", "possessive_endings: []", aceh) == Lines{"said: officials (Indonesia)"});
}
