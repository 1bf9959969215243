#include "crosscheck/ingest.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "test_support.h"

using crosscheck::Article;
using crosscheck::testing::TempDir;

namespace {

struct IngestResult {
  std::vector<Article> articles;
  std::vector<std::string> problems;  // each diagnostic as printed
  crosscheck::IngestStats stats;
};

// Ingests `paths` with the working directory at `dir`, so file names in
// messages are as short as a user would type them.
IngestResult ingest_in(const TempDir& dir, const std::vector<std::filesystem::path>& paths) {
  const auto previous = std::filesystem::current_path();
  std::filesystem::current_path(dir.path());
  IngestResult result;
  crosscheck::DiagnosticSink sink;
  result.stats = crosscheck::ingest(
      paths, [&](Article&& a) { result.articles.push_back(std::move(a)); }, sink);
  std::filesystem::current_path(previous);
  for (const auto& diagnostic : sink.diagnostics()) result.problems.push_back(fmt::format("{}", diagnostic));
  return result;
}

std::vector<std::string> ids_of(const IngestResult& result) {
  std::vector<std::string> ids;
  for (const Article& article : result.articles) ids.push_back(article.id);
  return ids;
}

}  // namespace

TEST_CASE("front matter gives the article's id, source, date, title and url", "[ingest]") {
  TempDir dir;
  dir.write("gaza.md",
            "---\n"
            "id: aa-2024-05-12\n"
            "source: Anadolu Agency\n"
            "published: 2024-05-12\n"
            "title: \"Gaza toll passes 35,000\"\n"
            "url: https://example.org/gaza\n"
            "author: ignored\n"
            "---\n"
            "More than 35,000 people have been killed.\n");
  const IngestResult result = ingest_in(dir, {"gaza.md"});
  REQUIRE(result.problems.empty());
  REQUIRE(result.articles.size() == 1);
  const Article& article = result.articles[0];
  CHECK(article.id == "aa-2024-05-12");
  CHECK(article.source == "Anadolu Agency");
  CHECK(fmt::format("{}", *article.published) == "2024-05-12");
  CHECK(article.title == "Gaza toll passes 35,000");
  CHECK(article.url == "https://example.org/gaza");
  CHECK(article.text == "More than 35,000 people have been killed.\n");
  // The text starts on line 9 of the file; positions say so.
  const crosscheck::LineIndex lines(article.text);
  CHECK(fmt::format("{}", article.origin.locate(article.text, lines, article.text.find("35,000"))) == "gaza.md:9:11");
}

TEST_CASE("without front matter the id is the file name", "[ingest]") {
  TempDir dir;
  dir.write("reuters-quake.txt", "A 7.8 magnitude quake struck.\n");
  const IngestResult result = ingest_in(dir, {"reuters-quake.txt"});
  REQUIRE(result.articles.size() == 1);
  CHECK(result.articles[0].id == "reuters-quake");
  CHECK(result.articles[0].source.empty());
  CHECK_FALSE(result.articles[0].published.has_value());
  CHECK(result.articles[0].origin.line == 1);
}

TEST_CASE("a byte order mark and CRLF line ends are normalized, line numbers kept", "[ingest]") {
  TempDir dir;
  dir.write("crlf.md", "\xEF\xBB\xBF---\r\nsource: AP\r\n---\r\nLine one.\r\n\r\nLine three.\rLine four.\r\n");
  const IngestResult result = ingest_in(dir, {"crlf.md"});
  REQUIRE(result.problems.empty());
  REQUIRE(result.articles.size() == 1);
  const Article& article = result.articles[0];
  CHECK(article.source == "AP");
  CHECK(article.text == "Line one.\n\nLine three.\nLine four.\n");
  const crosscheck::LineIndex lines(article.text);
  CHECK(fmt::format("{}", article.origin.locate(article.text, lines, article.text.find("three"))) == "crlf.md:6:6");
}

TEST_CASE("curly quotes and non-ASCII names come through unchanged", "[ingest]") {
  TempDir dir;
  const std::string text = "Erdoğan said Türkiye’s aid reached “approximately 54,000 tons.”\n";
  dir.write("aid.txt", text);
  const IngestResult result = ingest_in(dir, {"aid.txt"});
  REQUIRE(result.articles.size() == 1);
  CHECK(result.articles[0].text == text);
  const crosscheck::LineIndex lines(result.articles[0].text);
  // Columns count characters: "54,000" is the 51st character, at byte 54.
  CHECK(fmt::format("{}", result.articles[0].origin.locate(text, lines, text.find("54,000"))) == "aid.txt:1:51");
}

TEST_CASE("a 0-byte file is an error, a file with front matter and no text is an empty article", "[ingest]") {
  // A 0-byte file in an archive is a download or export that failed: the
  // editor hears of it. Front matter with no body is a deliberate file.
  TempDir dir;
  dir.write("empty.txt", "");
  dir.write("empty.jsonl", "");
  dir.write("only-front-matter.md", "---\nsource: AP\n---\n");
  dir.write("whitespace.txt", "\n\n");
  const IngestResult result = ingest_in(dir, {"empty.jsonl", "empty.txt", "only-front-matter.md", "whitespace.txt"});
  CHECK(result.problems ==
        std::vector<std::string>{
            "empty.jsonl: error: file is empty (0 bytes): no article to read; fetch it again or remove it",
            "empty.txt: error: file is empty (0 bytes): no article to read; fetch it again or remove it; article "
            "skipped"});
  REQUIRE(result.articles.size() == 2);
  CHECK(result.articles[0].text.empty());
  CHECK(result.articles[0].source == "AP");
  CHECK(result.articles[1].text == "\n\n");
  CHECK(result.stats.skipped == 2);
}

TEST_CASE("folders are read recursively in sorted order, hidden and other files left out", "[ingest]") {
  TempDir dir;
  dir.write("corpus/b/two.md", "Two.");
  dir.write("corpus/a/one.txt", "One.");
  dir.write("corpus/a/z.jsonl", "{\"id\": \"three\", \"text\": \"Three.\"}\n");
  dir.write("corpus/.git/hidden.md", "Hidden.");
  dir.write("corpus/notes.csv", "not an article");
  const IngestResult result = ingest_in(dir, {"corpus"});
  CHECK(result.problems.empty());
  CHECK(ids_of(result) == std::vector<std::string>{"one", "three", "two"});
  CHECK(result.articles[0].origin.file == "corpus/a/one.txt");
  CHECK(result.stats.files == 3);
}

TEST_CASE("the same file named twice is read once", "[ingest]") {
  TempDir dir;
  dir.write("corpus/one.txt", "One.");
  const IngestResult result = ingest_in(dir, {"corpus", "corpus/one.txt", "./corpus/one.txt"});
  CHECK(result.problems.empty());
  CHECK(ids_of(result) == std::vector<std::string>{"one"});
}

TEST_CASE("invalid UTF-8 is reported with the file and byte offset, the rest is read", "[ingest][bad-input]") {
  TempDir dir;
  dir.write("a-bad.txt", "Line one.\nCaf\xE9 society counted 35,000.\n");
  dir.write("b-good.txt", "Fine.");
  dir.write("c-truncated.txt",
            "Erdo\xC4\x9F"
            "an said 50,000 died \xE2\x80");  // "\u2026" cut after two bytes
  dir.write("d-nul.txt", std::string("Half text\0and then binary", 25));
  const IngestResult result = ingest_in(dir, {"a-bad.txt", "b-good.txt", "c-truncated.txt", "d-nul.txt"});
  CHECK(result.problems ==
        std::vector<std::string>{
            "a-bad.txt:2:4: error: invalid UTF-8 at byte offset 13 (byte 0xE9); save the file as UTF-8 (from "
            "Windows-1252 or Latin-1: iconv -f WINDOWS-1252 -t UTF-8); article skipped",
            "c-truncated.txt:1:26: error: invalid UTF-8 at byte offset 26 (byte 0xE2); a character is cut short at "
            "the end: the file looks truncated; fetch it again; article skipped",
            "d-nul.txt:1:10: error: NUL byte at byte offset 9: this is a binary file, not text; leave it out of the "
            "corpus or convert it to UTF-8 text; article skipped"});
  CHECK(ids_of(result) == std::vector<std::string>{"b-good"});
  CHECK(result.stats.skipped == 3);
}

TEST_CASE("broken front matter is reported at its line, the rest is read", "[ingest][bad-input]") {
  TempDir dir;
  dir.write("a.md", "---\nsource: AP\ntitle: [unclosed\n---\nText.\n");
  dir.write("b.md", "---\nsource: AP\nText without a closing line.\n");
  dir.write("c.md", "---\npublished: 2024-13-45\n---\nText.\n");
  dir.write("d.md", "---\n- a list\n- not keys\n---\nText.\n");
  dir.write("e.md", "---\nid: [x, y]\n---\nText.\n");
  dir.write("f.md", "Fine.");
  dir.write("g.md", "---");  // found by fuzzing: a lone opening line with no line end
  const IngestResult result = ingest_in(dir, {"a.md", "b.md", "c.md", "d.md", "e.md", "f.md", "g.md"});
  REQUIRE(result.problems.size() == 6);
  CHECK(result.problems[0].starts_with("a.md:4:1: error: broken front matter: "));
  CHECK(result.problems[1] ==
        "b.md:1:1: error: broken front matter: the '---' on line 1 is never closed; "
        "add a '---' line after the keys; article skipped");
  CHECK(result.problems[2] ==
        "c.md:2:12: error: published date '2024-13-45' is not a date; write it as "
        "YYYY-MM-DD; article skipped");
  CHECK(result.problems[3] ==
        "d.md:2:1: error: broken front matter: expected 'key: value' lines such as "
        "'source: Reuters'; article skipped");
  CHECK(result.problems[4] ==
        "e.md:2:5: error: front matter 'id' must be a single value, not a list or "
        "mapping; article skipped");
  CHECK(result.problems[5] ==
        "g.md:1:1: error: broken front matter: the '---' on line 1 is never closed; "
        "add a '---' line after the keys; article skipped");
  CHECK(ids_of(result) == std::vector<std::string>{"f"});
  CHECK(result.stats.skipped == 6);
}

TEST_CASE("JSONL: one article a line, bad lines are reported at their line and skipped", "[ingest][bad-input]") {
  TempDir dir;
  dir.write("feed.jsonl",
            "{\"id\": \"r1\", \"source\": \"Reuters\", \"published\": \"2023-09-12T08:00:00Z\", \"text\": \"One.\"}\n"
            "\n"
            "[1, 2, 3]\n"
            "{\"id\": \"r4\", \"source\": \"Reuters\"}\n"
            "{\"id\": \"r5\", \"text\": \"Five\", \n"
            "{\"id\": 6, \"text\": \"Six.\"}\r\n"
            "{\"text\": \"Seven.\"}\n"
            "{\"id\": \"r8\", \"text\": 8}\n"
            "{\"id\": \"r9\", \"published\": \"last week\", \"text\": \"Nine.\"}\n"
            "{\"id\": \"r10\", \"text\": \"Caf\xE9.\"}\n");
  const IngestResult result = ingest_in(dir, {"feed.jsonl"});
  CHECK(ids_of(result) == std::vector<std::string>{"r1", "6", "feed:7"});
  REQUIRE(result.problems.size() == 6);
  CHECK(result.problems[0] ==
        "feed.jsonl:3: error: expected an article object with a \"text\" field, found an array; line skipped");
  CHECK(result.problems[1] ==
        "feed.jsonl:4: error: article object has no \"text\" field; add the article's text; line skipped");
  CHECK(
      result.problems[2].starts_with("feed.jsonl:5:30: error: not valid JSON: syntax error while parsing object key"));
  CHECK(result.problems[3] == "feed.jsonl:8: error: \"text\" must be a string, found a number; line skipped");
  CHECK(result.problems[4] ==
        "feed.jsonl:9: error: published date 'last week' is not a date; write it as "
        "YYYY-MM-DD; line skipped");
  CHECK(result.problems[5] ==
        "feed.jsonl:10:27: error: invalid UTF-8 at byte offset 314 (byte 0xE9); save the "
        "file as UTF-8 (from Windows-1252 or Latin-1: iconv -f WINDOWS-1252 -t UTF-8); line skipped");
  const Article& first = result.articles[0];
  CHECK(first.source == "Reuters");
  CHECK(fmt::format("{}", *first.published) == "2023-09-12");
  CHECK(first.origin.embedded);
  CHECK(result.stats.skipped == 6);
}

TEST_CASE("JSONL positions: the record's line, and the column within its text", "[ingest]") {
  TempDir dir;
  dir.write("feed.jsonl", "{\"text\": \"x\"}\n{\"id\": \"b\", \"text\": \"Erdoğan: 35,000 dead.\\nMore.\"}\n");
  const IngestResult result = ingest_in(dir, {"feed.jsonl"});
  REQUIRE(result.articles.size() == 2);
  const Article& article = result.articles[1];
  const crosscheck::LineIndex lines(article.text);
  CHECK(fmt::format("{}", article.origin.locate(article.text, lines, article.text.find("35,000"))) ==
        "feed.jsonl:2:10");
}

TEST_CASE("default-ignorable characters are removed, and positions still point into the file", "[ingest]") {
  // Issue 14: a zero-width space inside "12,000" made the claim "000" = 0.
  // Every Default_Ignorable_Code_Point goes, and so does the soft hyphen.
  TempDir dir;
  const std::string zwsp = "\u200B", zwj = "\u200D", wj = "\u2060", lrm = "\u200E", shy = "\u00AD", bom = "\uFEFF",
                    tag = "\U000E0041", vs16 = "\uFE0F";
  dir.write("a.md", "---\nsource: A\n---\n" + lrm + "Officials: 12," + zwsp + "000 kil" + shy + "led.\n" + zwj +
                        "Then 3" + wj + "5" + bom + "," + tag + "000 more" + vs16 + ", and 9.\n");
  dir.write("b.jsonl", "{\"text\": \"" + zwsp + "T\u00fcrkiye: 4," + zwsp + "000 dead, 7 hurt.\"}\n");
  const IngestResult result = ingest_in(dir, {"a.md", "b.jsonl"});
  REQUIRE(result.articles.size() == 2);
  const Article& article = result.articles[0];
  CHECK(article.text == "Officials: 12,000 killed.\nThen 35,000 more, and 9.\n");
  const crosscheck::LineIndex lines(article.text);
  auto at = [&](const Article& a, const crosscheck::LineIndex& index, std::string_view what) {
    return fmt::format("{}", a.origin.locate(a.text, index, a.text.find(what)));
  };
  // Line 4 of the file: the LRM before "Officials" and the ZWSP inside the
  // number count as the characters they are in the file.
  CHECK(at(article, lines, "Officials") == "a.md:4:2");
  CHECK(at(article, lines, "12,000") == "a.md:4:13");
  CHECK(at(article, lines, "killed") == "a.md:4:21");
  // Line 5: the ZWJ first; the word joiner, the BOM and the tag inside "35,000".
  CHECK(at(article, lines, "Then") == "a.md:5:2");
  CHECK(at(article, lines, "35,000") == "a.md:5:7");
  CHECK(at(article, lines, "more") == "a.md:5:17");
  CHECK(at(article, lines, "and 9") == "a.md:5:24");
  // JSONL: the column counts characters of the decoded text, the removed ones too.
  const Article& line = result.articles[1];
  CHECK(line.text == "T\u00fcrkiye: 4,000 dead, 7 hurt.");
  const crosscheck::LineIndex line_index(line.text);
  CHECK(at(line, line_index, "4,000") == "b.jsonl:1:11");
  CHECK(at(line, line_index, "7 hurt") == "b.jsonl:1:24");
  // A text without any is untouched and records nothing.
  std::string plain = "35,000 people";
  crosscheck::TextOrigin origin;
  crosscheck::remove_default_ignorables(plain, origin);
  CHECK(plain == "35,000 people");
  CHECK(origin.removed.empty());
}

TEST_CASE("a duplicate article id names both places and skips the second", "[ingest][bad-input]") {
  TempDir dir;
  dir.write("a.md", "---\nid: quake-1\n---\nFirst.\n");
  dir.write("b.jsonl", "{\"id\": \"other\", \"text\": \"x\"}\n{\"id\": \"quake-1\", \"text\": \"Second.\"}\n");
  dir.write("c/a.txt", "Same stem as a.md, so the same default id.");
  const IngestResult result = ingest_in(dir, {"a.md", "b.jsonl", "c"});
  CHECK(ids_of(result) == std::vector<std::string>{"quake-1", "other", "a"});
  CHECK(result.problems ==
        std::vector<std::string>{"b.jsonl:2: error: duplicate article id 'quake-1'; article skipped, give it a "
                                 "unique id\na.md:2:5: note: the id was first used here"});
  CHECK(result.stats.skipped == 1);
}

TEST_CASE("unreadable files are reported and the run goes on, without hanging", "[ingest][bad-input]") {
  TempDir dir;
  dir.write("corpus/good.txt", "Fine.");
  std::filesystem::create_symlink("missing-target.md", dir.path() / "corpus/broken-link.md");
  std::filesystem::create_symlink("missing-target.jsonl", dir.path() / "corpus/broken-link.jsonl");
  // A named pipe would block a reader that opened it: it must be refused.
  REQUIRE(::mkfifo((dir.path() / "corpus/pipe.txt").c_str(), 0600) == 0);
  const IngestResult result = ingest_in(dir, {"corpus"});
  CHECK(ids_of(result) == std::vector<std::string>{"good"});
  CHECK(result.problems ==
        std::vector<std::string>{
            "corpus/broken-link.jsonl: error: broken link to 'missing-target.jsonl', which does not exist; fix or "
            "remove the link",
            "corpus/broken-link.md: error: broken link to 'missing-target.md', which does not exist; fix or remove "
            "the link",
            "corpus/pipe.txt: error: cannot read file: not a regular file; article skipped"});
  CHECK(result.stats.skipped == 3);
  CHECK(result.stats.unread_paths == std::vector<std::string>{"corpus/broken-link.jsonl", "corpus/broken-link.md"});
}

TEST_CASE("linked folders are followed once, a link loop is an error and is not entered", "[ingest][bad-input]") {
  TempDir dir;
  dir.write("elsewhere/2024/one.md", "One.");
  dir.write("corpus/2023/two.md", "Two.");
  std::filesystem::create_symlink("../elsewhere/2024", dir.path() / "corpus/2024");
  std::filesystem::create_symlink("..", dir.path() / "corpus/2023/up");  // leads back to corpus/
  const IngestResult result = ingest_in(dir, {"corpus"});
  CHECK(ids_of(result) == std::vector<std::string>{"two", "one"});
  CHECK(result.articles[1].origin.file == "corpus/2024/one.md");
  CHECK(result.problems == std::vector<std::string>{"corpus/2023/up: error: link loop: this folder is 'corpus' "
                                                    "again, which is being read; remove the link"});
  CHECK(result.stats.skipped == 1);
  CHECK(result.stats.unread_paths == std::vector<std::string>{"corpus/2023/up"});
}

TEST_CASE("a path that cannot be reached says why: missing, a broken link, a link loop", "[ingest][bad-input]") {
  TempDir dir;
  dir.write("ok.md", "Fine.");
  std::filesystem::create_symlink("/nonexistent/share/2024", dir.path() / "unmounted");
  std::filesystem::create_symlink("self.md", dir.path() / "self.md");
  const IngestResult result = ingest_in(dir, {"archive/", "unmounted", "self.md", "ok.md"});
  CHECK(result.problems ==
        std::vector<std::string>{"archive/: error: no such file or directory; check the path",
                                 "unmounted: error: broken link to '/nonexistent/share/2024', which does not exist; "
                                 "fix or remove the link",
                                 "self.md: error: symbolic link loop: the link leads back to itself; fix or remove "
                                 "the link"});
  CHECK(ids_of(result) == std::vector<std::string>{"ok"});
  CHECK(result.stats.unread_paths == std::vector<std::string>{"archive", "unmounted", "self.md"});
}

TEST_CASE("a folder that cannot be listed is an error naming it (as a user other than root)", "[ingest][bad-input]") {
  // NOTE: root reads every folder whatever its mode; tests/audit_test.sh
  // checks the same as user nobody through setpriv, which works as root.
  if (::geteuid() == 0) {
    WARN("skipped: running as root, which can list any folder");
    return;
  }
  TempDir dir;
  dir.write("corpus/open/one.md", "One.");
  dir.write("corpus/closed/two.md", "Two.");
  dir.write("corpus/listed-only/three.md", "Three.");
  std::filesystem::permissions(dir.path() / "corpus/closed", std::filesystem::perms::none);
  std::filesystem::permissions(dir.path() / "corpus/listed-only", std::filesystem::perms::owner_read);
  const IngestResult result = ingest_in(dir, {"corpus"});
  std::filesystem::permissions(dir.path() / "corpus/closed", std::filesystem::perms::owner_all);
  std::filesystem::permissions(dir.path() / "corpus/listed-only", std::filesystem::perms::owner_all);
  CHECK(ids_of(result) == std::vector<std::string>{"one"});
  CHECK(result.problems ==
        std::vector<std::string>{
            "corpus/closed: error: cannot list folder: permission denied; let the user running crosscheck read it",
            "corpus/listed-only: error: cannot read the folder's entries: permission denied (it can be listed but "
            "not searched); give the user running crosscheck search (x) permission on it"});
  CHECK(result.stats.unread_paths == std::vector<std::string>{"corpus/closed", "corpus/listed-only"});
}

TEST_CASE("front matter after blanks on its opening line or a second byte order mark is read, with a warning",
          "[ingest][bad-input]") {
  TempDir dir;
  dir.write("blanks.md", "--- \t\nsource: AP\npublished: 2024-05-01\n---\nText.\n");
  dir.write("boms.md", "\xEF\xBB\xBF\xEF\xBB\xBF---\nsource: Reuters\n---\nText.\n");
  const IngestResult result = ingest_in(dir, {"blanks.md", "boms.md"});
  REQUIRE(result.articles.size() == 2);
  CHECK(result.articles[0].source == "AP");
  CHECK(fmt::format("{}", *result.articles[0].published) == "2024-05-01");
  CHECK(result.articles[0].text == "Text.\n");
  CHECK(result.articles[0].origin.line == 5);
  CHECK(result.articles[1].source == "Reuters");
  CHECK(result.articles[1].text == "Text.\n");
  CHECK(result.problems ==
        std::vector<std::string>{
            "blanks.md:1:4: warning: blanks after the opening '---' of the front matter; read as front matter, but "
            "remove them",
            "boms.md:1:1: warning: the file starts with 2 byte order marks (U+FEFF); read without them, but remove "
            "the extra ones: the file was likely converted to UTF-8 twice"});
  CHECK(result.stats.skipped == 0);
}

TEST_CASE("missing paths and unsupported files named on the command line are errors", "[ingest][bad-input]") {
  TempDir dir;
  dir.write("data.csv", "a,b");
  dir.write("ok.md", "Fine.");
  const IngestResult result = ingest_in(dir, {"nope/", "data.csv", "ok.md"});
  CHECK(result.problems == std::vector<std::string>{"nope/: error: no such file or directory; check the path",
                                                    "data.csv: error: unsupported file type '.csv'; crosscheck reads "
                                                    ".txt, .md, .jsonl, .html, .htm, .warc, .rss, .atom and .xml (and "
                                                    ".html.gz, .warc.gz)"});
  CHECK(ids_of(result) == std::vector<std::string>{"ok"});
  CHECK(result.stats.skipped == 2);
}

TEST_CASE("dates parse as YYYY-MM-DD with an optional time, and impossible ones fail", "[ingest]") {
  CHECK(fmt::format("{}", *crosscheck::parse_date("2024-02-29")) == "2024-02-29");
  CHECK(fmt::format("{}", *crosscheck::parse_date("2021-10-18T16:15:00-07:00")) == "2021-10-18");
  CHECK_FALSE(crosscheck::parse_date("2023-02-29"));
  CHECK_FALSE(crosscheck::parse_date("2023-9-10"));
  CHECK_FALSE(crosscheck::parse_date("Sept. 10, 2023"));
  CHECK_FALSE(crosscheck::parse_date("2023-09-10x"));
}

TEST_CASE("a TextLocator walking forward gives every position TextOrigin::locate gives", "[ingest]") {
  // Line breaks, two- and three-byte characters, a long line; in a file and
  // embedded in a JSONL line (columns then count the whole text).
  std::string text = "Gaza \xE2\x80\x94 35,000\nT\xC3\xBCrkiye 50\n\n";
  for (int i = 0; i < 200; ++i) text += "\xC3\xA9t\xC3\xA9 " + std::to_string(i) + ", ";
  text += "\nend";
  const crosscheck::LineIndex lines(text);
  for (const bool embedded : {false, true}) {
    crosscheck::TextOrigin origin{"a.jsonl", 7, embedded, {}, {}};
    crosscheck::TextLocator locator(origin, text, lines);
    for (std::size_t offset = 0; offset <= text.size() + 2; offset += 3) {
      INFO("offset " << offset << (embedded ? " embedded" : ""));
      CHECK(locator.locate(offset) == origin.locate(text, lines, offset));
    }
    // Backwards it starts again.
    CHECK(locator.locate(text.find("50")) == origin.locate(text, lines, text.find("50")));
    CHECK(fmt::format("{}", locator.locate(text.find("end"))) == (embedded ? "a.jsonl:7:1718" : "a.jsonl:11:1"));
    // Characters ingest removed (a zero-width space in "35,000", a soft
    // hyphen on line 4) count as TextOrigin::locate counts them.
    const auto at = [&](std::string_view what) { return static_cast<std::uint32_t>(text.find(what)); };
    origin.removed = {{at("000"), 1}, {at("12, "), 4}, {at("13, "), 4}};
    crosscheck::TextLocator again(origin, text, lines);
    for (std::size_t offset = 0; offset <= text.size(); offset += 2) {
      INFO("offset " << offset << (embedded ? " embedded" : "") << " with removed characters");
      CHECK(again.locate(offset) == origin.locate(text, lines, offset));
    }
  }
}
