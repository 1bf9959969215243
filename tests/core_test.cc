#include "crosscheck/core.h"

#include <catch2/catch.hpp>
#include <cctype>
#include <nlohmann/json.hpp>
#include <random>

#include "core/ascii_blocks.h"
#include "core/json_writer.h"
#include "core/packed_word_map.h"

using crosscheck::LineIndex;

TEST_CASE("source spans print as file:line:column, leaving out what is unknown", "[core]") {
  CHECK(fmt::format("{}", crosscheck::SourceSpan{"a.md", 3, 5}) == "a.md:3:5");
  CHECK(fmt::format("{}", crosscheck::SourceSpan{"a.md", 3, 0}) == "a.md:3");
  CHECK(fmt::format("{}", crosscheck::SourceSpan{"a.md", 0, 0}) == "a.md");
}

TEST_CASE("a diagnostic prints like a compiler error, its notes on the next lines", "[core]") {
  crosscheck::Diagnostic diagnostic{crosscheck::Severity::error,
                                    {"b.md", 1, 0},
                                    "duplicate article id 'x'",
                                    {{crosscheck::Severity::note, {"a.md", 2, 5}, "first used here", {}}}};
  CHECK(fmt::format("{}", diagnostic) == "b.md:1: error: duplicate article id 'x'\na.md:2:5: note: first used here");
}

TEST_CASE("the sink counts errors but not warnings", "[core]") {
  crosscheck::DiagnosticSink sink;
  sink.warning({"a", 1, 1}, "odd");
  sink.error({"a", 2, 1}, "bad");
  CHECK(sink.error_count() == 1);
  CHECK(sink.diagnostics().size() == 2);
}

TEST_CASE("an Error carries its span and a located what()", "[core]") {
  const crosscheck::Error error({"r.yaml", 12, 5}, "unknown key 'tolerence'");
  CHECK(std::string(error.what()) == "r.yaml:12:5: unknown key 'tolerence'");
  CHECK(error.message() == "unknown key 'tolerence'");
  CHECK(error.span() == crosscheck::SourceSpan{"r.yaml", 12, 5});
}

TEST_CASE("invalid UTF-8 is found at its first bad byte", "[core]") {
  using crosscheck::find_invalid_utf8;
  constexpr auto npos = std::string_view::npos;
  CHECK(find_invalid_utf8("plain ASCII, long enough to take the eight-byte path") == npos);
  CHECK(find_invalid_utf8("Erdoğan, Türkiye, “quoted”, €9.5bn, 😀") == npos);
  CHECK(find_invalid_utf8("abc\xFFxyz") == 3);               // never a valid byte
  CHECK(find_invalid_utf8("abcdefghij\x80") == 10);          // stray continuation byte
  CHECK(find_invalid_utf8("ab\xC3") == 2);                   // cut short at the end
  CHECK(find_invalid_utf8("ab\xC0\xAF") == 2);               // overlong '/'
  CHECK(find_invalid_utf8("ab\xED\xA0\x80") == 2);           // a UTF-16 surrogate
  CHECK(find_invalid_utf8("ab\xF4\x90\x80\x80") == 2);       // past U+10FFFF
  CHECK(find_invalid_utf8("T\xC3\xBCrkiye \xE2\x80") == 9);  // truncated three-byte form
}

TEST_CASE("line index maps byte offsets to line and character column", "[core]") {
  const std::string_view text = "first line\nErdoğan said 35,000\n\nlast";
  const LineIndex lines(text);
  CHECK(lines.line_count() == 4);
  CHECK(lines.locate(0) == LineIndex::Position{1, 1});
  CHECK(lines.locate(text.find("line")) == LineIndex::Position{1, 7});
  // "ğ" is two bytes but one column: "35,000" is the 14th character of line 2.
  CHECK(lines.locate(text.find("35,000")) == LineIndex::Position{2, 14});
  CHECK(lines.locate(text.find("last")) == LineIndex::Position{4, 1});
  CHECK(lines.locate(text.size() + 10) == LineIndex::Position{4, 5});
}

TEST_CASE("suggest offers the closest known word only for likely typos", "[core]") {
  const std::vector<std::string_view> keys = {"abbreviations", "sentence_starters"};
  CHECK(crosscheck::suggest("abreviations", keys) == "abbreviations");
  CHECK(crosscheck::suggest("sentence_starter", keys) == "sentence_starters");
  CHECK(crosscheck::suggest("metrics", keys).empty());
}

TEST_CASE("word tables find every word they hold, long ones too, and nothing else", "[core]") {
  const crosscheck::WordTable<int> table = {{"dozen", 12}, {"a", 1}, {"internationalization", 20}, {"\u5143", 3}};
  REQUIRE(table.find("dozen"));
  CHECK(*table.find("dozen") == 12);
  CHECK(*table.find("a") == 1);
  REQUIRE(table.find("internationalization"));  // over the packed table's 16 bytes
  CHECK(*table.find("internationalization") == 20);
  CHECK(*table.find("\u5143") == 3);
  for (std::string_view absent : {"", "dozens", "doze", "b", "internationalisation", "Dozen"}) {
    CHECK(table.find(absent) == nullptr);
  }
  // Enough words to make the packed table grow several times.
  crosscheck::PackedWordMap<int> grown;
  for (int i = 0; i < 2000; ++i) *grown.insert("w" + std::to_string(i)) = i;
  for (int i = 0; i < 2000; ++i) CHECK(*grown.find("w" + std::to_string(i)) == i);
  CHECK(grown.find("w2000") == nullptr);
  // Every length up to the packed table's 16 bytes; a word of 16 that is
  // mostly NUL bytes cannot be told from an empty slot, so it is refused.
  crosscheck::PackedWordMap<bool> lengths;
  const std::string letters = "abcdefghijklmnop";
  for (std::size_t n = 1; n <= 16; ++n) *lengths.insert(letters.substr(0, n)) = true;
  for (std::size_t n = 1; n <= 16; ++n) CHECK(lengths.find(letters.substr(0, n)));
  CHECK(lengths.find("abcdefghijklmnoq") == nullptr);
  const std::string nul_word("abcdefgh\0\0\0\0\0\0\0\x80", 16);
  CHECK(lengths.insert(nul_word) == nullptr);
  CHECK(lengths.find(nul_word) == nullptr);
  const crosscheck::WordSet set = {"killed", "dead"};
  CHECK(set.contains("dead"));
  CHECK_FALSE(set.contains("died"));
}

TEST_CASE("eight-byte tests agree with the byte-by-byte ones", "[core]") {
  namespace blocks = crosscheck::ascii_blocks;
  // Random blocks, each byte drawn from all 256 values or from the bytes the
  // tests turn on (letters' edges, digits' edges, '"', '\n', high bytes).
  const std::string edges = "@AZ[`az{/09:\"\n\x7f\x80\xc2\xe2\xff";
  std::mt19937 random(27);
  std::uniform_int_distribution<int> any_byte(0, 255);
  std::uniform_int_distribution<std::size_t> edge(0, edges.size() - 1);
  for (int round = 0; round < 200000; ++round) {
    char bytes[8];
    for (char& b : bytes) b = round % 2 ? static_cast<char>(any_byte(random)) : edges[edge(random)];
    const std::uint64_t block = blocks::load(bytes);
    auto u = [&](int k) { return static_cast<unsigned char>(bytes[k]); };
    std::size_t letters = 0, alphanumerics = 0;
    while (letters < 8 && std::isalpha(u(static_cast<int>(letters)))) ++letters;
    while (alphanumerics < 8 && std::isalnum(u(static_cast<int>(alphanumerics)))) ++alphanumerics;
    bool high = false, quote = false;
    char lowered[8];
    for (int k = 0; k < 8; ++k) {
      high = high || u(k) >= 0x80;
      quote = quote || bytes[k] == '"';
      lowered[k] = u(k) >= 'A' && u(k) <= 'Z' ? static_cast<char>(u(k) + 32) : bytes[k];
    }
    INFO("round " << round);
    REQUIRE(blocks::leading_lanes(blocks::letter_lanes(block)) == letters);
    REQUIRE(blocks::leading_lanes(blocks::alphanumeric_lanes(block)) == alphanumerics);
    REQUIRE(blocks::has_high_byte(block) == high);
    REQUIRE(blocks::has_byte(block, '"') == quote);
    REQUIRE(blocks::lower_case(block) == blocks::load(lowered));
    std::size_t characters = 0;  // of the first round % 9 bytes, then of a text of two blocks and a tail
    for (int k = 0; k < round % 9; ++k) characters += (u(k) & 0xC0) != 0x80;
    REQUIRE(blocks::character_count(bytes, static_cast<std::size_t>(round % 9)) == characters);
    const std::string text = std::string(bytes, 8) + std::string(bytes, 8) + std::string(bytes, 3);
    std::size_t text_characters = 0;
    for (char c : text) text_characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    REQUIRE(blocks::character_count(text.data(), text.size()) == text_characters);
  }
}

TEST_CASE("escape_controls shows what would act on a terminal or break XML, and leaves the rest", "[core]") {
  using crosscheck::escape_controls;
  // Good text, ASCII or not, comes back as it was.
  CHECK(escape_controls("Gaza's Health Ministry said 35,034") == "Gaza's Health Ministry said 35,034");
  CHECK(escape_controls("Türkiye — 50,783 \u201cdead\u201d") == "Türkiye — 50,783 \u201cdead\u201d");
  // A backslash is doubled: an article's own four characters \x1b are not taken for an escaped ESC.
  CHECK(escape_controls("C:\\path") == "C:\\\\path");
  CHECK(escape_controls("the text \\x1b[2J") == "the text \\\\x1b[2J");
  CHECK(escape_controls("the text \\x1b and \x1b") == "the text \\\\x1b and \\x1b");
  CHECK(escape_controls("") == "");
  // C0 controls, DEL, C1 controls (CSI U+009B, NEL U+0085), U+FFFE/U+FFFF.
  CHECK(escape_controls("a\x1b]0;pwned\x07z") == "a\\x1b]0;pwned\\x07z");
  CHECK(escape_controls("ok\rforged: error") == "ok\\rforged: error");
  CHECK(escape_controls("a\tb\nc\x7f"
                        "d") == "a\\tb\\nc\\x7fd");
  CHECK(escape_controls(std::string_view("nul\0!", 5)) == "nul\\x00!");
  CHECK(escape_controls("\xc2\x9b"
                        "2J and \xc2\x85") == "\\u009b2J and \\u0085");
  CHECK(escape_controls("\xc2\xa0no-break") == "\xc2\xa0no-break");  // U+00A0 is not a control
  CHECK(escape_controls("x\xef\xbf\xbey\xef\xbf\xbf") == "x\\ufffey\\uffff");
  // Bytes that are not UTF-8: each shown by its value, the rest kept.
  CHECK(escape_controls("caf\xe9 \x9b"
                        "1m \xe2\x82") == "caf\\xe9 \\x9b1m \\xe2\\x82");
  CHECK(escape_controls("\xed\xa0\x80") == "\\xed\\xa0\\x80");  // a surrogate
}

TEST_CASE("a diagnostic shows the controls of its file name and message escaped", "[core]") {
  const crosscheck::Diagnostic diagnostic{
      crosscheck::Severity::error, {"evil\x1b[2J.md", 1, 2}, "unknown key 'a\rb: error: forged'", {}};
  CHECK(fmt::format("{}", diagnostic) == "evil\\x1b[2J.md:1:2: error: unknown key 'a\\rb: error: forged'");
}

// JsonWriter skips plain ASCII eight bytes at a time: a byte to escape, a
// character that is not ASCII or a broken sequence at any place of the
// eight-byte blocks, or in the bytes after the last, must come out as
// nlohmann writes it.
TEST_CASE("JsonWriter writes every string as nlohmann does, wherever the byte to escape lies", "[core]") {
  const std::vector<std::string> odd = {
      "\"",   "\\",   "\n",  "\t", "\x01", "\x1f", "\x7f", " ", "\xC3\xA9", "\xE2\x80\x9C", "\xF0\x9F\x98\x80",
      "\xFF", "\xC3", "\x80"};
  for (const std::string& inner : odd) {
    for (std::size_t size = 0; size <= 19; ++size) {
      for (std::size_t at = 0; at <= size; ++at) {
        std::string text(size, 'a');
        text.insert(at, inner);
        std::string out;
        crosscheck::JsonWriter(out).string(text);
        INFO("'" << inner << "' at " << at << " of " << size);
        CHECK(out == nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        // The same text as a key, compact and indented, after another member.
        for (const int indent : {crosscheck::JsonWriter::kCompact, 2}) {
          std::string object;
          crosscheck::JsonWriter json(object, indent);
          json.begin_object();
          json.key("first").integer(0);
          json.key(text).integer(1);
          json.end_object();
          nlohmann::ordered_json expected;
          expected["first"] = 0;
          expected[text] = 1;
          CHECK(object == expected.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace));
        }
      }
    }
  }
}
