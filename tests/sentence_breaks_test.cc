// The ASCII sentence breaker against ICU's: the same breaks, or the fast
// path would change what the segmenter gives. Three sources of text: cases
// written for each rule, random text from the characters the rules care
// about, and every paragraph of the Reuters-21578 stories.
#include "segment/sentence_breaks.h"

#include <unicode/filteredbrk.h>
#include <unicode/utext.h>

#include <catch2/catch.hpp>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

#include "crosscheck/lexicon.h"
#include "segment/text_scan.h"
#include "test_support.h"

namespace {

using crosscheck::AsciiSentenceBreaks;
using crosscheck::IcuSentenceBreaks;

std::vector<std::string> default_suppressions() {
  crosscheck::DiagnosticSink sink;
  const crosscheck::Lexicon lexicon = crosscheck::load_lexicon(crosscheck::default_lexicon_sources(), sink);
  std::vector<std::string> out;
  for (const crosscheck::Abbreviation& abbreviation : lexicon.abbreviations) {
    if (abbreviation.kind != crosscheck::AbbreviationKind::before_number) out.push_back(abbreviation.text);
  }
  return out;
}

struct Breakers {
  IcuSentenceBreaks icu;
  AsciiSentenceBreaks ascii;
  explicit Breakers(const std::vector<std::string>& suppressions) : icu(suppressions), ascii(suppressions) {}

  std::vector<std::size_t> by_icu(std::string_view text) {
    std::vector<std::size_t> ends;
    icu.find(text, ends);
    return ends;
  }
  std::vector<std::size_t> by_ascii(std::string_view text) const {
    std::vector<std::size_t> ends;
    ascii.find(text, ends);
    return ends;
  }
};

Breakers& default_breakers() {
  static Breakers breakers(default_suppressions());
  return breakers;
}

// The pieces, for a readable failure.
std::vector<std::string> pieces(std::string_view text, const std::vector<std::size_t>& ends) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  for (std::size_t end : ends) {
    out.emplace_back(text.substr(begin, end - begin));
    begin = end;
  }
  return out;
}

}  // namespace

TEST_CASE("ASCII sentence breaks: each rule as ICU applies it", "[segment][sentence-breaks]") {
  Breakers& breakers = default_breakers();
  const std::vector<std::pair<std::string_view, std::vector<std::string>>> cases = {
      {"", {}},
      {"One. Two.", {"One. ", "Two."}},
      {"It rose 3.5 pct. Shares fell.", {"It rose 3.5 pct. ", "Shares fell."}},        // SB6
      {"the U.S. Army said", {"the U.S. ", "Army said"}},                              // SB7 inside, a break after
      {"He left (at 5 p.m.) and came back.", {"He left (at 5 p.m.) and came back."}},  // SB8 and the filter
      {"etc. and more", {"etc. and more"}},                                            // SB8
      {"Really?! Yes.", {"Really?! ", "Yes."}},                                        // SB8a
      {"He said \"no.\" Then left.", {"He said \"no.\" ", "Then left."}},              // SB9, SB10
      {"Line one\nLine two", {"Line one\n", "Line two"}},                              // SB4
      {"Done.\r\nNext", {"Done.\r\n", "Next"}},                                        // SB3, SB11
      {"Mr. Smith met Dr. Jones.", {"Mr. Smith met Dr. Jones."}},                      // the filter, one space
      {"Mr.  Smith", {"Mr.  ", "Smith"}},  // ICU's filter skips one space only
      // A dotted abbreviation is not found backwards from its last dot; the segmenter mends those.
      {"It is 5 p.m. Police came.", {"It is 5 p.m. ", "Police came."}},
      {"in the U.S. The move", {"in the U.S. ", "The move"}},  // "U.S.A." makes "U.S." no match forwards
  };
  for (const auto& [text, expected] : cases) {
    INFO("text: " << text);
    CHECK(pieces(text, breakers.by_icu(text)) == expected);
    CHECK(pieces(text, breakers.by_ascii(text)) == expected);
  }
}

TEST_CASE("ASCII sentence breaks equal ICU's on random text", "[segment][sentence-breaks]") {
  // Runs of the characters each rule looks at, and the abbreviations the
  // filter knows, in every order: 200,000 texts of up to 24 pieces.
  const std::vector<std::string_view> alphabet = {
      ".",    ".",    ".",    "!",   "?",    " ",    " ",  " ",    "  ",     "\n",   "\r",   "\r\n",
      "\t",   "\"",   "'",    "(",   ")",    "[",    "]",  "{",    "}",      ",",    "-",    ":",
      ";",    "a",    "b",    "x",   "A",    "B",    "Z",  "1",    "42",     "$",    "%",    "&",
      "*",    "/",    "@",    "_",   "Mr.",  "Mrs.", "U.", "U.S.", "U.S.A.", "U.N.", "a.m.", "p.m",
      "e.g.", "i.e.", "etc.", "vs.", "D.C.", "Inc.", "r.", "S.",   "he",     "The",  "word"};
  Breakers& breakers = default_breakers();
  std::mt19937 random(20261127);
  std::uniform_int_distribution<std::size_t> length(1, 24);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::size_t mismatches = 0;
  for (int round = 0; round < 200000; ++round) {
    std::string text;
    for (std::size_t k = length(random); k > 0; --k) text += alphabet[pick(random)];
    const std::vector<std::size_t> icu = breakers.by_icu(text);
    const std::vector<std::size_t> ascii = breakers.by_ascii(text);
    if (icu != ascii && ++mismatches <= 5) {
      INFO("text: [" << text << "]");
      CHECK(pieces(text, ascii) == pieces(text, icu));
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("ASCII sentence breaks equal ICU's on every Reuters-21578 paragraph", "[segment][sentence-breaks][shared]") {
  const std::optional<std::filesystem::path> data = crosscheck::testing::shared_data("data/reuters21578/json-data");
  if (!data) return;
  const std::filesystem::path& folder = *data;
  REQUIRE(std::filesystem::is_directory(folder));
  Breakers& breakers = default_breakers();
  crosscheck::DiagnosticSink sink;
  const std::vector<std::string> starters =
      crosscheck::load_lexicon(crosscheck::default_lexicon_sources(), sink).sentence_starters;
  std::size_t paragraphs = 0, ascii_paragraphs = 0, mismatches = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    const nlohmann::json stories = nlohmann::json::parse(in);
    for (const nlohmann::json& story : stories) {
      const std::string body = story.value("body", std::string());
      // As the segmenter sees them: paragraphs with their soft line breaks unwrapped.
      for (const crosscheck::TextRange& range : crosscheck::find_paragraphs(body)) {
        std::string paragraph(range.view(body));
        crosscheck::unwrap_soft_line_breaks(paragraph, starters);
        ++paragraphs;
        if (std::any_of(paragraph.begin(), paragraph.end(),
                        [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
          continue;
        }
        ++ascii_paragraphs;
        const std::vector<std::size_t> icu = breakers.by_icu(paragraph);
        const std::vector<std::size_t> ascii = breakers.by_ascii(paragraph);
        if (icu != ascii && ++mismatches <= 5) {
          INFO("paragraph: [" << paragraph << "]");
          CHECK(pieces(paragraph, ascii) == pieces(paragraph, icu));
        }
      }
    }
  }
  INFO(paragraphs << " paragraphs, " << ascii_paragraphs << " all ASCII");
  CHECK(ascii_paragraphs > 20000);
  CHECK(mismatches == 0);
}

namespace {

// ICU's own filtered iterator over `suppressions`, the reference for ours.
std::vector<std::size_t> icu_filtered(icu::BreakIterator& iterator, std::string_view text) {
  std::vector<std::size_t> ends;
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  iterator.setText(utext, status);
  iterator.first();
  for (int32_t end = iterator.next(); end != icu::BreakIterator::DONE; end = iterator.next()) {
    ends.push_back(static_cast<std::size_t>(end));
  }
  utext_close(utext);
  iterator.setText(icu::UnicodeString());
  return ends;
}

}  // namespace

TEST_CASE("our abbreviation filter over ICU's breaks equals ICU's FilteredBreakIterator",
          "[segment][sentence-breaks]") {
  // Issue 14: ICU's FilteredBreakIteratorBuilder is quadratic in the number
  // of abbreviations, so the filter is ours (Suppressions); here it must
  // give ICU's breaks exactly, on text with non-ASCII letters and marks and
  // abbreviations with a dot inside, non-ASCII ones too.
  std::vector<std::string> suppressions = default_suppressions();
  for (const char* more : {"Gén.", "Ü.S.", "Ü.K.", "Sta.", "N.Y.C.", "N.Y.", "Ph.D.", "Ph."})
    suppressions.push_back(more);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createEmptyInstance(status));
  for (const std::string& word : suppressions) builder->suppressBreakAfter(icu::UnicodeString::fromUTF8(word), status);
  std::unique_ptr<icu::BreakIterator> reference(builder->wrapIteratorWithFilter(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status), status));
  REQUIRE(U_SUCCESS(status));
  IcuSentenceBreaks ours(suppressions);
  const std::vector<std::string_view> alphabet = {
      ".",    ".",    "!",    "?",  " ",    " ",    "  ",     "\n",     "\"",     "(",      ")",   ",",   "a",
      "x",    "A",    "Z",    "1",  "é",    "É",    "\u201C", "\u201D", "\u2014", "\u00A0", "Mr.", "U.",  "U.S.",
      "U.N.", "Gén.", "Ü.S.", "Ü.", "Sta.", "N.Y.", "N.Y.C.", "Ph.",    "Ph.D.",  "D.",     "he",  "The", "Été"};
  std::mt19937 random(20261130);
  std::uniform_int_distribution<std::size_t> length(1, 20);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::size_t mismatches = 0;
  for (int round = 0; round < 50000; ++round) {
    std::string text;
    for (std::size_t k = length(random); k > 0; --k) text += alphabet[pick(random)];
    std::vector<std::size_t> by_us;
    ours.find(text, by_us);
    const std::vector<std::size_t> by_icu = icu_filtered(*reference, text);
    if (by_us != by_icu && ++mismatches <= 5) {
      INFO("text: [" << text << "]");
      CHECK(pieces(text, by_us) == pieces(text, by_icu));
    }
  }
  CHECK(mismatches == 0);

  // And building is linear: four times the abbreviations with a dot inside
  // cost about four times the CPU time, not sixteen (ICU's builder and ours
  // compared every pair).
  auto cpu_seconds_to_build = [](int count) {
    std::vector<std::string> many;
    for (int i = 0; i < count; ++i) many.push_back(fmt::format("X{}.Y{}.", i, i));
    const std::clock_t start = std::clock();
    const IcuSentenceBreaks icu(many);
    const AsciiSentenceBreaks ascii(many);
    return static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  };
  const double small = cpu_seconds_to_build(5000);
  const double large = cpu_seconds_to_build(20000);
  INFO("5,000 abbreviations: " << small << " s, 20,000: " << large << " s");
  CHECK(large < 8 * small + 0.05);
}
