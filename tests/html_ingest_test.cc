// Saved web pages as articles (src/ingest/html_*.cc): the article's text
// without the page around it, the page's metadata, positions in the HTML,
// charsets, and bad pages (issue 20).
#include <zlib.h>

#include <catch2/catch.hpp>

#include "crosscheck/ingest.h"
#include "test_support.h"

using crosscheck::Article;
using crosscheck::testing::TempDir;

namespace {

struct Read {
  std::vector<Article> articles;
  std::vector<std::string> problems;
};

Read read_in(const TempDir& dir, const std::vector<std::filesystem::path>& paths) {
  const auto previous = std::filesystem::current_path();
  std::filesystem::current_path(dir.path());
  Read result;
  crosscheck::DiagnosticSink sink;
  crosscheck::ingest(
      paths, [&](Article&& a) { result.articles.push_back(std::move(a)); }, sink);
  std::filesystem::current_path(previous);
  for (const auto& diagnostic : sink.diagnostics()) result.problems.push_back(fmt::format("{}", diagnostic));
  return result;
}

std::string gzipped(std::string_view bytes) {
  z_stream stream{};
  REQUIRE(deflateInit2(&stream, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&stream, static_cast<uLong>(bytes.size())) + 64, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&stream, Z_FINISH) == Z_STREAM_END);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

std::string where(const Article& article, std::string_view figure) {
  const crosscheck::LineIndex lines(article.text);
  const std::size_t at = article.text.find(figure);
  REQUIRE(at != std::string::npos);
  return fmt::format("{}", article.origin.locate(article.text, lines, at));
}

// A news page as outlets publish it: menus, a teaser of another story with
// its own toll, the article, a photo caption, a share bar, readers'
// comments with figures, a footer.
constexpr std::string_view kPage = R"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Quake toll rises to 2,946 | Coastline News</title>
<meta property="og:title" content="Morocco quake toll rises to 2,946">
<meta property="og:site_name" content="Coastline News">
<meta property="article:published_time" content="2023-09-11T18:04:00Z">
<link rel="canonical" href="https://news.example.org/world/morocco-quake-toll">
<script>var deaths = 999;</script>
<style>p { color: #333 }</style>
</head>
<body>
<header class="site-header"><a href="/">Coastline News</a>
<nav><ul><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
</header>
<div class="layout">
<main>
<article class="story">
<h1>Morocco quake toll rises to 2,946</h1>
<p class="byline">By a staff reporter</p>
<div class="story-body">
<p>The death toll from the earthquake in Morocco rose to 2,946 on Monday, the interior ministry said, as rescuers dug through rubble in the Atlas Mountains.</p>
<figure><img src="quake.jpg" alt=""><figcaption>Rescuers search a house in Amizmiz, where 70 people died.</figcaption></figure>
<p>At least 5,674 people were injured, the ministry said in a statement carried by state media.</p>
<p>The quake, of magnitude 6.8, struck late on Friday south-west of Marrakesh &amp; was the deadliest in the country since 1960.</p>
</div>
<div class="share-tools"><a href="#">Share on X</a> <a href="#">Share by email</a></div>
</article>
</main>
<aside class="sidebar">
<h2>Most read</h2>
<ul><li><a href="/libya">Libya flood: 11,300 dead in Derna, Red Crescent says</a></li>
<li><a href="/wildfire">Wildfire forces 4,000 from their homes</a></li></ul>
</aside>
</div>
<section id="comments" class="comments-area">
<h3>Comments</h3>
<div class="comment"><p>My cousin says more than 10,000 died in the villages, far more than they tell us.</p></div>
</section>
<footer><p>&copy; 2023 Coastline News. 12 Harbour Street.</p></footer>
</body>
</html>
)";

}  // namespace

TEST_CASE("a saved page gives the article alone: no menu, teaser, caption, share bar or comments", "[ingest][html]") {
  TempDir dir;
  dir.write("morocco-quake.html", kPage);
  const Read read = read_in(dir, {"morocco-quake.html"});
  REQUIRE(read.problems.empty());
  REQUIRE(read.articles.size() == 1);
  const Article& article = read.articles[0];
  CHECK(article.id == "morocco-quake");
  CHECK(article.text ==
        "The death toll from the earthquake in Morocco rose to 2,946 on Monday, the interior ministry said, as "
        "rescuers dug through rubble in the Atlas Mountains.\n\n"
        "At least 5,674 people were injured, the ministry said in a statement carried by state media.\n\n"
        "The quake, of magnitude 6.8, struck late on Friday south-west of Marrakesh & was the deadliest in the "
        "country since 1960.");
  for (const std::string_view outside : {"11,300", "4,000", "10,000", "70 people", "999", "Harbour", "Share"}) {
    CHECK(article.text.find(outside) == std::string::npos);
  }
}

TEST_CASE("a page's metadata: og: tags first, then JSON-LD, <title>, <time> and the canonical host", "[ingest][html]") {
  TempDir dir;
  dir.write("og.html", kPage);
  dir.write("ld.htm",
            "<html><head><title>Flood kills 11,300 - Gulf Wire</title>"
            "<link rel=\"canonical\" href=\"https://www.gulfwire.example/libya/derna\">"
            "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":"
            "\"WebSite\",\"name\":\"not this\"},{\"@type\":\"NewsArticle\",\"headline\":\"Derna flood kills "
            "11,300\",\"datePublished\":\"2023-09-14T08:00:00+02:00\",\"publisher\":{\"@type\":\"Organization\","
            "\"name\":\"Gulf Wire\"}}]}</script></head>"
            "<body><p>The Libyan Red Crescent said 11,300 people had died in the city of Derna.</p></body></html>");
  dir.write("plain.html",
            "<html><head><title>Ferry capsizes off Zeebrugge</title>"
            "<link rel=\"canonical\" href=\"https://www.harbour-times.example/ferry\"></head>"
            "<body><h1>Ferry capsizes</h1><time datetime=\"1987-03-06\">6 March</time>"
            "<p>About 200 people were feared dead after the ferry rolled over.</p></body></html>");
  const Read read = read_in(dir, {"og.html", "ld.htm", "plain.html"});
  REQUIRE(read.problems.empty());
  REQUIRE(read.articles.size() == 3);
  const Article& ld = read.articles[1];
  CHECK(ld.title == "Derna flood kills 11,300");
  CHECK(ld.source == "Gulf Wire");
  CHECK(fmt::format("{}", *ld.published) == "2023-09-14");
  CHECK(ld.url == "https://www.gulfwire.example/libya/derna");
  const Article& og = read.articles[0];
  CHECK(og.title == "Morocco quake toll rises to 2,946");
  CHECK(og.source == "Coastline News");
  CHECK(fmt::format("{}", *og.published) == "2023-09-11");
  CHECK(og.url == "https://news.example.org/world/morocco-quake-toll");
  const Article& plain = read.articles[2];
  CHECK(plain.title == "Ferry capsizes off Zeebrugge");
  CHECK(plain.source == "harbour-times.example");
  CHECK(fmt::format("{}", *plain.published) == "1987-03-06");
  CHECK(plain.text == "6 March\n\nAbout 200 people were feared dead after the ferry rolled over.");
}

TEST_CASE("a figure of a page points at its line and column in the HTML, past tags and entities", "[ingest][html]") {
  TempDir dir;
  dir.write("morocco-quake.html", kPage);
  dir.write("quake-copy.html.gz", gzipped(kPage));
  dir.write("entities.html",
            "<html><body>\n<div class=\"story\">\n  <p>Officials&nbsp;said &ldquo;<b>at least</b> 5,674&rdquo; "
            "were hurt\n      and 2,946 died.</p>\n</div></body></html>");
  // A line break inside a paragraph (LF, or a lone CR), references that
  // decode to two characters or lack their ';', a stray end tag inside a figure.
  dir.write("wrapped.html",
            "<html><body><p>The total was\n13,000 people &NotNestedLessLess; &ampT said\r4,000 more,\n"
            "R&D staff said 12,</span>000 and 5,000.</p></body></html>");
  const Read read = read_in(dir, {"entities.html", "morocco-quake.html", "quake-copy.html.gz", "wrapped.html"});
  REQUIRE(read.problems.empty());
  REQUIRE(read.articles.size() == 4);
  const Article& wrapped = read.articles[3];
  CHECK(wrapped.text ==
        "The total was 13,000 people \u2aa1\u0338 &T said 4,000 more, R&D staff said 12,000 and 5,000.");
  CHECK(where(wrapped, "13,000") == "wrapped.html:2:1");
  CHECK(where(wrapped, "4,000") == "wrapped.html:3:1");
  CHECK(where(wrapped, "12,000") == "wrapped.html:4:16");
  CHECK(where(wrapped, "5,000") == "wrapped.html:4:34");
  const Article& entities = read.articles[0];
  CHECK(entities.text == "Officials\u00a0said \u201cat least 5,674\u201d were hurt and 2,946 died.");
  CHECK(where(entities, "Officials") == "entities.html:3:6");
  CHECK(where(entities, "at least") == "entities.html:3:36");
  CHECK(where(entities, "5,674") == "entities.html:3:49");
  CHECK(where(entities, "2,946") == "entities.html:4:11");
  // A page line holds the whole paragraph: the column counts characters into it.
  CHECK(where(read.articles[1], "2,946") == "morocco-quake.html:23:58");
  CHECK(where(read.articles[1], "5,674") == "morocco-quake.html:25:13");
  // Of a compressed page, the place in the page once inflated.
  CHECK(where(read.articles[2], "5,674") == "quake-copy.html.gz:25:13");
  CHECK(read.articles[2].id == "quake-copy");
}

TEST_CASE("a page in another charset is converted, never rejected", "[ingest][html]") {
  TempDir dir;
  // Windows-1252: 0x92 is a right single quote, 0xA3 a pound sign.
  dir.write("declared.html",
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head>"
            "<body><p>The council\x92s bill came to \xA3"
            "4.5 million, officials said on Tuesday.</p></body></html>");
  // Latin-1 bytes with no declaration at all.
  dir.write("undeclared.html",
            "<html><body><p>Les pompiers de Besan\xE7on ont secouru 12 personnes apr\xE8s l'incendie.</p></body>"
            "</html>");
  // A label that is no charset of the web (unknown, UTF-7) is no declaration.
  dir.write("utf7.html",
            "<html><head><meta charset=\"utf-7\"></head><body><p>Officials said +AGEAYgBj- 12,000 fled.</p></body>"
            "</html>");
  dir.write("bogus.html",
            "<html><head><meta charset=\"x-bogus-42\"></head><body><p>Le caf\u00e9 a compt\u00e9 12 000 "
            "habitants.</p></body></html>");
  // Mostly UTF-8 with one bad byte: still UTF-8.
  dir.write("cut.html", "<html><body><p>Le caf\u00e9 a compt\u00e9 12 000 habitants.</p></body></html>\xff");
  const Read read = read_in(dir, {"declared.html", "undeclared.html", "utf7.html", "bogus.html", "cut.html"});
  REQUIRE(read.problems.empty());
  REQUIRE(read.articles.size() == 5);
  CHECK(read.articles[2].text == "Officials said +AGEAYgBj- 12,000 fled.");
  CHECK(read.articles[3].text == "Le caf\u00e9 a compt\u00e9 12 000 habitants.");
  CHECK(read.articles[4].text == "Le caf\u00e9 a compt\u00e9 12 000 habitants.\n\n\ufffd");
  CHECK(read.articles[0].text ==
        "The council\u2019s bill came to \u00a3"
        "4.5 million, officials said on Tuesday.");
  CHECK(read.articles[1].text == "Les pompiers de Besan\u00e7on ont secouru 12 personnes apr\u00e8s l'incendie.");
}

TEST_CASE("bad pages are reported with their place and skipped, the rest is read", "[ingest][html][bad-input]") {
  TempDir dir;
  dir.write("a-good.html", kPage);
  const std::string compressed = gzipped(kPage);
  dir.write("b-truncated.html.gz", compressed.substr(0, compressed.size() / 2));
  dir.write("c-not-gzip.html.gz", kPage);
  // <html> and <body> are two deep: the 999th <div> (at column 4991) is the 1001st element.
  std::string bomb = "<html><body>\n";
  for (int k = 0; k < 5000; ++k) bomb += "<div>";
  dir.write("d-bomb.html", bomb + "deep</body></html>");
  dir.write("e-scripts-only.html", "<html><body><script>render()</script><noscript>Enable JS</noscript></body></html>");
  dir.write("f-binary.html", std::string("GIF89a\0\0\0", 9));
  dir.write("g-empty.htm", "");
  const Read read = read_in(dir, {"."});
  REQUIRE(read.articles.size() == 1);
  CHECK(read.articles[0].id == "a-good");
  CHECK(read.problems ==
        std::vector<std::string>{
            fmt::format("b-truncated.html.gz: error: the gzip data ends early (after {} bytes of compressed data): "
                        "the file is truncated; fetch it again; article skipped",
                        compressed.size() / 2),
            "c-not-gzip.html.gz: error: not gzip data (the file does not start with the gzip magic bytes 1F 8B); "
            "name it without '.gz' if it is not compressed; article skipped",
            "d-bomb.html:2:4991: error: elements nested more than 1000 deep: not a page a browser would show, or one "
            "built to exhaust an HTML parser; leave it out, or save the page from a browser again; article skipped",
            "e-scripts-only.html: error: the page has no text to read (an empty body, or text that scripts draw); "
            "save the page after it has loaded, or leave it out; article skipped",
            "f-binary.html:1:7: error: NUL byte at byte offset 6 of the page: binary data, or a page in UTF-16 "
            "without a byte order mark; leave it out, or save it as UTF-8; article skipped",
            "g-empty.htm: error: file is empty (0 bytes): no article to read; fetch it again or remove it; article "
            "skipped"});
}

namespace {

std::string warc_record(std::string_view type, std::string_view id, std::string_view uri, std::string_view block,
                        std::string_view date = "2023-09-12T06:00:00Z") {
  return fmt::format(
      "WARC/1.1\r\nWARC-Type: {}\r\nWARC-Record-ID: <urn:uuid:{}>\r\nWARC-Date: {}\r\n"
      "WARC-Target-URI: {}\r\nContent-Type: application/http; msgtype={}\r\nContent-Length: {}\r\n\r\n"
      "{}\r\n\r\n",
      type, id, date, uri, type, block.size(), block);
}

std::string http_response(std::string_view content_type, std::string_view body, std::string_view status = "200 OK",
                          std::string_view extra_headers = "") {
  return fmt::format("HTTP/1.1 {}\r\nContent-Type: {}\r\n{}\r\n{}", status, content_type, extra_headers, body);
}

constexpr std::string_view kWarcPage =
    "<html><head><title>Derna: 11,300 dead</title></head><body>\n"
    "<nav><a href=\"/\">Home</a> <a href=\"/live\">Live: 4,000 missing</a></nav>\n"
    "<div class=\"article\"><p>The Libyan Red Crescent said 11,300 people had died in Derna and 10,100 were "
    "missing.</p></div>\n</body></html>";

}  // namespace

TEST_CASE("a web archive's HTML responses are articles, with the record's offset in their place",
          "[ingest][html][warc]") {
  TempDir dir;
  std::string chunked_body = "<html><body><p>Aid agencies said 30,000 people had been displaced in Derna.</p>";
  const std::string chunked =
      fmt::format("{:x}\r\n{}\r\n{:x}\r\n{}\r\n0\r\n\r\n", chunked_body.size(), chunked_body, 14, "</body></html>");
  const std::vector<std::string> records = {
      warc_record("warcinfo", "0001", "", "software: test\r\n"),
      warc_record("request", "0002", "https://wire.example/derna", "GET /derna HTTP/1.1\r\nHost: wire.example\r\n\r\n"),
      warc_record("response", "0003", "https://wire.example/derna",
                  http_response("text/html; charset=utf-8", kWarcPage)),
      // Larger than a read: the records after it still name their own offsets.
      warc_record("response", "0004", "https://wire.example/logo.png",
                  http_response("image/png", "\x89PNG" + std::string(200000, 'x'))),
      warc_record("response", "0005", "https://wire.example/gone",
                  http_response("text/html", "<p>gone</p>", "404 Not Found")),
      warc_record("response", "0006", "https://aid.example/derna-displaced",
                  http_response("text/html", chunked, "200 OK", "Transfer-Encoding: chunked\r\n"),
                  "2023-09-13T10:00:00Z"),
  };
  std::string compressed, plain;
  std::vector<std::size_t> offsets;
  for (const std::string& record : records) {
    offsets.push_back(compressed.size());
    compressed += gzipped(record);
    plain += record;
  }
  dir.write("crawl.warc.gz", compressed);
  dir.write("plain/crawl-plain.warc", plain);
  const Read read = read_in(dir, {"crawl.warc.gz"});
  REQUIRE(read.articles.size() == 2);
  CHECK(read.problems ==
        std::vector<std::string>{"crawl.warc.gz: note: 2 HTML responses read as articles; 4 other records passed over "
                                 "(request: 1, responses other than 2xx: 1, responses that are not HTML: 1, "
                                 "warcinfo: 1)"});
  const Article& derna = read.articles[0];
  CHECK(derna.id == "urn:uuid:0003");
  CHECK(derna.url == "https://wire.example/derna");
  CHECK(derna.source == "wire.example");
  CHECK(fmt::format("{}", *derna.published) == "2023-09-12");
  CHECK(derna.title == "Derna: 11,300 dead");
  CHECK(derna.text == "The Libyan Red Crescent said 11,300 people had died in Derna and 10,100 were missing.");
  CHECK(where(derna, "11,300") == fmt::format("crawl.warc.gz#offset={}:3:54", offsets[2]));
  const Article& displaced = read.articles[1];
  CHECK(displaced.text == "Aid agencies said 30,000 people had been displaced in Derna.");
  CHECK(where(displaced, "30,000") == fmt::format("crawl.warc.gz#offset={}:1:34", offsets[5]));
  CHECK(fmt::format("{}", *displaced.published) == "2023-09-13");
  // Uncompressed, the offset is the record's own.
  const Read plain_read = read_in(dir, {"plain"});
  REQUIRE(plain_read.articles.size() == 2);
  CHECK(where(plain_read.articles[0], "10,100") ==
        fmt::format("plain/crawl-plain.warc#offset={}:3:90", plain.find("WARC/1.1\r\nWARC-Type: response")));
}

TEST_CASE("a web archive with a record whose length lies, or cut short, is read up to the damage",
          "[ingest][html][warc][bad-input]") {
  TempDir dir;
  const std::string good =
      warc_record("response", "0001", "https://wire.example/a", http_response("text/html", kWarcPage));
  std::string lying = warc_record("response", "0002", "https://wire.example/b", http_response("text/html", kWarcPage));
  // A Content-Length 40 bytes short: the rest of the block is no record.
  const std::size_t at = lying.find("Content-Length: ");
  const std::size_t line_end = lying.find("\r\n", at);
  const std::size_t real = std::stoul(lying.substr(at + 16, line_end - at - 16));
  lying.replace(at, line_end - at, fmt::format("Content-Length: {}", real - 40));
  const std::string after =
      warc_record("response", "0003", "https://wire.example/c", http_response("text/html", kWarcPage));
  dir.write("a-lying.warc", good + lying + after);
  const std::string whole =
      gzipped(warc_record("response", "0004", "https://wire.example/d", http_response("text/html", kWarcPage)));
  dir.write("b-cut.warc.gz", whole + gzipped(after).substr(0, 60));
  dir.write("c-not-warc.warc", "This is a plain text file.\nNo records here.\n");
  const Read read = read_in(dir, {"."});
  std::vector<std::string> ids;
  for (const Article& article : read.articles) ids.push_back(article.id);
  CHECK(ids == std::vector<std::string>{"urn:uuid:0001", "urn:uuid:0002", "urn:uuid:0003", "urn:uuid:0004"});
  const std::size_t lost = good.size() + lying.size() - 40 - 4;
  CHECK(
      read.problems ==
      std::vector<std::string>{
          fmt::format("a-lying.warc: error: no WARC record at byte offset {} (the record before it may give a wrong "
                      "Content-Length); skipped to the next record",
                      lost),
          fmt::format("b-cut.warc.gz: error: the gzip member that begins at byte offset {} is cut short: the file "
                      "is truncated; the records before it were read; the rest of the file is not read",
                      whole.size()),
          "c-not-warc.warc: error: no WARC record at byte offset 0: is this a WARC file?; skipped to the next record"});
}

TEST_CASE("a feed items with their full text are articles and summaries are counted and a bad feed is an error",
          "[ingest][html][feed]") {
  TempDir dir;
  dir.write("wire.rss",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n"
            "<channel>\n"
            "  <title>Coastline Post: World</title>\n"
            "  <description>World news</description>\n"
            "  <item>\n"
            "    <title>Morocco quake toll rises to 2,946</title>\n"
            "    <link>https://coastline.example/world/morocco-2946</link>\n"
            "    <guid isPermaLink=\"false\">coastline-2023-09-13-morocco</guid>\n"
            "    <pubDate>Wed, 13 Sep 2023 16:05:00 GMT</pubDate>\n"
            "    <description>The toll rose again.</description>\n"
            "    <content:encoded><![CDATA[<p>The interior ministry said on Wednesday that 2,946 people had been "
            "killed.</p>\n<p>At least 5,674 people were injured.</p>]]></content:encoded>\n"
            "  </item>\n"
            "  <item>\n"
            "    <title>Teaser only</title>\n"
            "    <description>Libya: 11,300 dead in Derna, Red Crescent says.</description>\n"
            "  </item>\n"
            "  <item>\n"
            "    <guid>escaped-1</guid>\n"
            "    <content:encoded>&lt;p&gt;Officials said 300,000 people were affected.&lt;/p&gt;</content:encoded>\n"
            "  </item>\n"
            "</channel>\n"
            "</rss>\n");
  dir.write("news.atom",
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
            "  <title>Meridian Wire</title>\n"
            "  <entry>\n"
            "    <title type=\"html\">Derna toll &lt;b&gt;11,300&lt;/b&gt;</title>\n"
            "    <id>tag:meridian.example,2023:derna-11300</id>\n"
            "    <link rel=\"alternate\" href=\"https://meridian.example/derna\"/>\n"
            "    <published>2023-09-14T08:00:00Z</published>\n"
            "    <content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>The Libyan Red Crescent said "
            "11,300 people had died in Derna.</p></div></content>\n"
            "  </entry>\n"
            "</feed>\n");
  dir.write("notes.xml", "not a feed at all\n");
  dir.write("page.xml", "<html><body>x</body></html>\n");
  dir.write("cut.rss", "<rss><channel><item><guid>a</guid><content:encoded><![CDATA[<p>12 died.</p>]]>");
  const Read read = read_in(dir, {"wire.rss", "news.atom", "notes.xml", "page.xml", "cut.rss"});
  REQUIRE(read.articles.size() == 3);
  const Article& morocco = read.articles[0];
  CHECK(morocco.id == "coastline-2023-09-13-morocco");
  CHECK(morocco.source == "Coastline Post: World");
  CHECK(morocco.title == "Morocco quake toll rises to 2,946");
  CHECK(morocco.url == "https://coastline.example/world/morocco-2946");
  CHECK(fmt::format("{}", *morocco.published) == "2023-09-13");
  CHECK(morocco.text ==
        "The interior ministry said on Wednesday that 2,946 people had been killed.\n\n"
        "At least 5,674 people were injured.");
  CHECK(where(morocco, "2,946") == "wire.rss:12:79");
  CHECK(where(morocco, "5,674") == "wire.rss:13:13");
  const Article& escaped = read.articles[1];
  CHECK(escaped.id == "escaped-1");
  CHECK(escaped.text == "Officials said 300,000 people were affected.");
  CHECK(where(escaped, "300,000") == "wire.rss:21:40");  // the right line; the column short by "&lt;p&gt;"
  const Article& derna = read.articles[2];
  CHECK(derna.id == "tag:meridian.example,2023:derna-11300");
  CHECK(derna.title == "Derna toll 11,300");
  CHECK(derna.source == "Meridian Wire");
  CHECK(derna.url == "https://meridian.example/derna");
  CHECK(fmt::format("{}", *derna.published) == "2023-09-14");
  CHECK(where(derna, "11,300") == "news.atom:9:101");
  CHECK(read.problems ==
        std::vector<std::string>{
            "wire.rss: note: 2 items read as articles; 1 with a summary only passed over (a feed that carries no full "
            "text: fetch the pages themselves)",
            "notes.xml:1:1: error: not an RSS or Atom feed: the file does not start with a tag; feed skipped",
            "page.xml:1:1: error: not an RSS or Atom feed: the root element is <html>, not <rss> or <feed>; feed "
            "skipped",
            "cut.rss:1:35: error: <content:encoded> is never closed; feed skipped"});
}
