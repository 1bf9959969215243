#include "crosscheck/reports.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "crosscheck/compare.h"
#include "reports/report_support.h"

namespace {

crosscheck::Claim figure(std::string text, double low, double high, std::string metric = "deaths",
                         std::string authority = "") {
  crosscheck::Claim c;
  c.article = "a";
  c.file = "a.md";
  c.text = std::move(text);
  c.figure.value = low;
  c.figure.low = low;
  c.figure.high = high;
  c.metric = std::move(metric);
  c.entity = "Gaza";
  if (!authority.empty()) c.attribution = crosscheck::Attribution{authority, authority, "said", ""};
  return c;
}

}  // namespace

TEST_CASE("compare: one row per key two articles share, disagreements first", "[reports]") {
  const std::vector<crosscheck::ComparedArticle> articles = {{"a", "Meridian Wire", "2024-05-12", "a.md"},
                                                             {"b", "Harbor Daily", "2024-05-13", "b.md"},
                                                             {"c", "Meridian Wire", "2024-05-13", "c.md"}};
  const std::vector<std::vector<crosscheck::Claim>> claims = {
      {figure("78,500", 78500, 78500, "injuries"), figure("35,034", 35034, 35034, "deaths", "Gaza Health Ministry"),
       figure("1.4 million", 1.4e6, 1.4e6, "population")},
      {figure("nearly 80,000", 76000, 80000, "injuries"), figure("24,686", 24686, 24686, "deaths", "UN OCHA")},
      {figure("1.4 million", 1.4e6, 1.4e6, "population")},
  };
  const crosscheck::Comparison comparison = crosscheck::compare(articles, claims);
  REQUIRE(comparison.rows.size() == 3);
  CHECK(comparison.rows[0].key.metric == "deaths");
  CHECK(comparison.rows[0].verdict == crosscheck::Verdict::disagree);
  CHECK(comparison.rows[0].disputed == std::vector<std::string>{"24,686", "35,034"});
  CHECK(comparison.rows[1].key.metric == "injuries");
  CHECK(comparison.rows[1].verdict == crosscheck::Verdict::agree);
  // Two articles of one outlet: only one source.
  CHECK(comparison.rows[2].key.metric == "population");
  CHECK(comparison.rows[2].verdict == crosscheck::Verdict::one_source);

  const std::string text = crosscheck::render_comparison_text(comparison, 100, false);
  CHECK(text.starts_with("deaths in Gaza — disagree: 24,686 vs 35,034\n"));
  for (std::size_t start = 0, end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
    std::size_t characters = 0;
    for (char c : text.substr(start, end - start)) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    CHECK(characters <= 100);
  }
  CHECK(text.find("\033[") == std::string::npos);  // no colour unless asked
  CHECK(crosscheck::render_comparison_text(comparison, 100, true).find("\033[31m") != std::string::npos);

  const std::string markdown = crosscheck::render_comparison_markdown(comparison);
  CHECK(
      markdown.starts_with("| figure | verdict | Meridian Wire 2024-05-12 | Harbor Daily 2024-05-13 | Meridian Wire "
                           "2024-05-13 |\n| --- | --- | --- | --- | --- |\n"));
  const std::string html = crosscheck::render_comparison_html(comparison);
  CHECK(html.find("<tr class=\"disagree\"><th>deaths in Gaza</th><td class=\"verdict\">disagree: 24,686 vs "
                  "35,034</td>") != std::string::npos);
  CHECK(html.find("<tr class=\"agree\"><th>injuries in Gaza</th>") != std::string::npos);

  const auto json = nlohmann::json::parse(crosscheck::render_comparison_json(comparison));
  CHECK(json["rows"][0]["verdict"] == "disagree");
  CHECK(json["rows"][0]["cells"].size() == 3);
  CHECK(json["rows"][0]["cells"][2].empty());
}

TEST_CASE("check reports: markdown escapes what articles bring, SARIF locates every figure", "[reports]") {
  crosscheck::DiagnosticSink sink;
  const crosscheck::Lexicon lexicon = crosscheck::load_lexicon(crosscheck::default_lexicon_sources(), sink);
  std::vector<crosscheck::Claim> claims = {figure("1,000", 1000, 1000), figure("9,000", 9000, 9000)};
  claims[0].source = "A <script>alert(1)</script>";
  claims[0].sentence = "He said *1,000* died | <img onerror=x>.";
  claims[0].text = "1,000";
  claims[0].line = 3;
  claims[0].column = 14;
  claims[1].article = "b";
  claims[1].source = "B";
  claims[1].file = "dir with space/b.md";
  claims[1].line = 7;
  claims[1].column = 1;
  const crosscheck::ClaimGraph graph(claims, lexicon);
  const auto rules = crosscheck::load_rules({{"rules/toll.yaml", "kind: conflict\nseverity: error\n"}}, lexicon, sink);
  REQUIRE(sink.error_count() == 0);
  const auto findings = crosscheck::evaluate(rules, graph, lexicon);
  REQUIRE(findings.size() == 1);

  const std::string markdown = crosscheck::render_markdown(findings, graph, {1, 2, 0, 1});
  CHECK(markdown.find("<script>") == std::string::npos);
  CHECK(markdown.find("\\<script\\>") != std::string::npos);
  CHECK(markdown.find("He said \\***1,000**\\* died \\| \\<img onerror=x\\>.") != std::string::npos);

  const auto sarif = nlohmann::json::parse(crosscheck::render_sarif(findings, graph, rules));
  CHECK(sarif["version"] == "2.1.0");
  const auto& run = sarif["runs"][0];
  CHECK(run["tool"]["driver"]["rules"][0]["id"] == "toll");
  const auto& result = run["results"][0];
  CHECK(result["ruleId"] == "toll");
  CHECK(result["level"] == "error");
  const auto& region = result["locations"][0]["physicalLocation"]["region"];
  CHECK(region["startLine"] == 3);
  CHECK(region["startColumn"] == 14);
  CHECK(region["endColumn"] == 19);
  CHECK(result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "dir%20with%20space/b.md");

  // The HTML page carries article text into a browser: none of it may open a tag or leave an attribute.
  claims[1].source = "B\"><img src=x onerror=alert(2)></style>";
  claims[1].file = "b's <file>.md";
  const crosscheck::ClaimGraph hostile_graph(claims, lexicon);
  const auto hostile_findings = crosscheck::evaluate(rules, hostile_graph, lexicon);
  REQUIRE(hostile_findings.size() == 1);
  const std::string html = crosscheck::render_html(hostile_findings, hostile_graph, {2, 2, 0, 1});
  CHECK(html.starts_with("<!DOCTYPE html>"));
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("alert(1)</script>") == std::string::npos);
  CHECK(html.find("A &lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("B&quot;&gt;&lt;img src=x onerror=alert(2)&gt;&lt;/style&gt;") != std::string::npos);
  CHECK(html.find("b&#39;s &lt;file&gt;.md") != std::string::npos);
  CHECK(html.find("He said *<mark>1,000</mark>* died | &lt;img onerror=x&gt;.") != std::string::npos);
  // Exactly our own style and script blocks, each closed once.
  const auto occurrences = [&html](std::string_view needle) {
    std::size_t count = 0;
    for (std::size_t at = html.find(needle); at != std::string::npos; at = html.find(needle, at + 1)) ++count;
    return count;
  };
  CHECK(occurrences("</script>") == 1);
  CHECK(occurrences("</style>") == 1);
}

namespace {

// Whether `text` holds a byte a terminal acts on or XML 1.0 forbids: C0
// controls (line feeds allowed where `lines` says so), DEL, C1 controls
// (U+0080-U+009F as UTF-8) and U+FFFE/U+FFFF.
bool has_raw_controls(std::string_view text, bool lines = true) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && !(lines && c == '\n')) || c == 0x7F) return true;
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F) return true;
    if (text.substr(i).starts_with("\xef\xbf\xbe") || text.substr(i).starts_with("\xef\xbf\xbf")) return true;
  }
  return false;
}

// Whether `needle` occurs in `text` other than right after a backslash (Markdown's escape).
bool unescaped(std::string_view text, std::string_view needle) {
  for (std::size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1)) {
    if (at == 0 || text[at - 1] != '\\') return true;
  }
  return false;
}

}  // namespace

TEST_CASE("markdown_escape is the one Markdown escape: no link, image, raw HTML, entity or cell bar, controls shown",
          "[reports]") {
  using crosscheck::markdown_escape;
  CHECK(markdown_escape("Meridian Wire 2024-05-12") == "Meridian Wire 2024-05-12");
  CHECK(markdown_escape("[click](http://x) ![i](http://y) <b>raw</b> a|b") ==
        "\\[click\\](http\\://x) !\\[i\\](http\\://y) \\<b\\>raw\\</b\\> a\\|b");
  // A backslash, doubled by escape_controls, then each escaped: the page reads "\\", as text output shows it.
  CHECK(markdown_escape("*em* _em_ `code` back\\slash &lt;") ==
        "\\*em\\* \\_em\\_ \\`code\\` back\\\\\\\\slash \\&lt;");
  // A control shows as its escape, whose backslash is itself escaped, so the page reads "\x1b".
  CHECK(markdown_escape("a\x1b[2Jb\r\nc") == "a\\\\x1b\\[2Jb\\\\r\\\\nc");
  // GitHub's autolinks ("<scheme:...>", "scheme://", "www."), strikethrough,
  // and what starts a block where a line or a cell starts, stay text.
  CHECK(markdown_escape("<http://evil.example> see www.evil.example or HTTPS://evil.example/x") ==
        "\\<http\\://evil.example\\> see www\\.evil.example or HTTPS\\://evil.example/x");
  CHECK(markdown_escape("WWW.evil.example") == "WWW\\.evil.example");
  CHECK(markdown_escape("~40~ dead") == "\\~40\\~ dead");
  CHECK(markdown_escape("# Breaking: 40 dead") == "\\# Breaking: 40 dead");
  CHECK(markdown_escape("  #1 toll, #2 and #tag") == "  \\#1 toll, #2 and #tag");
  CHECK(markdown_escape("- 40 dead") == "\\- 40 dead");
  CHECK(markdown_escape("+ 40 dead") == "\\+ 40 dead");
  CHECK(markdown_escape("---") == "\\---");
  CHECK(markdown_escape("===") == "\\===");
  CHECK(markdown_escape("12. 40 dead") == "12\\. 40 dead");
  CHECK(markdown_escape("3) 40 dead") == "3\\) 40 dead");
  CHECK(markdown_escape("1.") == "1\\.");
  // Figures and dates that only begin like one are left as they are.
  CHECK(markdown_escape("-5% and +3, 1.4 million, 3)") == "-5% and +3, 1.4 million, 3)");
  CHECK(markdown_escape("2024-05-12: 1.4 million") == "2024-05-12: 1.4 million");
  CHECK(crosscheck::markdown_code("conflicting-death-toll") == "`conflicting-death-toll`");
  CHECK(crosscheck::markdown_code("a`b") == "`` a`b ``");
}

TEST_CASE("every text writer shows an article's controls escaped, Markdown is escaped alike in check and compare",
          "[reports]") {
  crosscheck::DiagnosticSink sink;
  const crosscheck::Lexicon lexicon = crosscheck::load_lexicon(crosscheck::default_lexicon_sources(), sink);
  std::vector<crosscheck::Claim> claims = {figure("1,000", 1000, 1000, "deaths", "Health [Ministry](http://evil)"),
                                           figure("9,000", 9000, 9000)};
  claims[0].source = "Evil\x1b]0;owned\x07 Wire <img src=x> ![i](http://y)";
  claims[0].sentence =
      "He said\r"
      "a.md:1:1: error: forged\x1b[2J that 1,000 died.";
  claims[0].file = "a\x1b[31m.md";
  claims[1].article = "b";
  claims[1].source =
      "B\xc2\x9b"
      "31m";
  claims[1].sentence = "# 9,000 died, says www.evil.example (<https://auto.example>).";
  const crosscheck::ClaimGraph graph(claims, lexicon);
  const auto rules = crosscheck::load_rules({{"rules/toll.yaml", "kind: conflict\nseverity: error\n"}}, lexicon, sink);
  const auto findings = crosscheck::evaluate(rules, graph, lexicon);
  REQUIRE(findings.size() == 1);

  const std::string text = crosscheck::render_text(findings, graph, {2, 2, 0, 1});
  CHECK_FALSE(has_raw_controls(text));
  CHECK(text.find("a\\x1b[31m.md:0:0: error: [toll]") != std::string::npos);
  CHECK(text.find("Evil\\x1b]0;owned\\x07 Wire") != std::string::npos);
  CHECK(text.find("B\\u009b31m") != std::string::npos);
  // The caret stays under the figure, counting the escapes before it.
  const std::string escaped_sentence = "He said\\ra.md:1:1: error: forged\\x1b[2J that 1,000 died.";
  CHECK(text.find("    " + escaped_sentence + "\n" + std::string(4 + escaped_sentence.find("1,000"), ' ') +
                  "^^^^^\n") != std::string::npos);

  const std::string markdown = crosscheck::render_markdown(findings, graph, {2, 2, 0, 1});
  CHECK_FALSE(has_raw_controls(markdown));
  CHECK_FALSE(unescaped(markdown, "](http"));
  CHECK_FALSE(unescaped(markdown, "<img"));
  CHECK(markdown.find("Health \\[Ministry\\](http\\://evil)") != std::string::npos);
  CHECK(markdown.find("Evil\\\\x1b\\]0;owned\\\\x07 Wire \\<img src=x\\> !\\[i\\](http\\://y)") != std::string::npos);
  // A quoted sentence that starts like a heading, with bare and bracketed URLs: all text.
  CHECK(markdown.find("> \\# **9,000** died, says www\\.evil.example (\\<https\\://auto.example\\>)") !=
        std::string::npos);
  CHECK_FALSE(unescaped(markdown, "://"));
  CHECK_FALSE(unescaped(markdown, ".evil"));

  const std::string html = crosscheck::render_html(findings, graph, {2, 2, 0, 1});
  CHECK_FALSE(has_raw_controls(html));
  CHECK(html.find("Evil\\x1b]0;owned\\x07 Wire &lt;img src=x&gt;") != std::string::npos);

  const std::string baseline = crosscheck::render_baseline(findings);
  CHECK_FALSE(has_raw_controls(baseline));

  // compare: the same article fields through the same escapes.
  const std::vector<crosscheck::ComparedArticle> articles = {
      {"a", "Evil\x1b]0;owned\x07 [Wire](http://x) <b>|</b>", "2024-05-12", "a\x1b.md"},
      {"b", "# B www.b.example", "", "b.md"}};
  const crosscheck::Comparison comparison = crosscheck::compare(articles, {{claims[0]}, {claims[1]}});
  REQUIRE(comparison.rows.size() == 1);
  const std::string compared = crosscheck::render_comparison_text(comparison, 100, false);
  CHECK_FALSE(has_raw_controls(compared));
  CHECK(compared.find("Evil\\x1b]0;owned\\x07") != std::string::npos);
  CHECK(compared.find("(Health [Ministry](http://evil))") != std::string::npos);
  const std::string compared_markdown = crosscheck::render_comparison_markdown(comparison);
  CHECK_FALSE(has_raw_controls(compared_markdown));
  CHECK_FALSE(unescaped(compared_markdown, "](http"));
  CHECK_FALSE(unescaped(compared_markdown, "<b>"));
  CHECK(
      compared_markdown.find(" Evil\\\\x1b\\]0;owned\\\\x07 \\[Wire\\](http\\://x) \\<b\\>\\|\\</b\\> 2024-05-12 |") !=
      std::string::npos);
  CHECK(compared_markdown.find("(Health \\[Ministry\\](http\\://evil))") != std::string::npos);
  CHECK(compared_markdown.find(" \\# B www\\.b.example |") != std::string::npos);
  CHECK_FALSE(unescaped(compared_markdown, "://"));
  const std::string compared_html = crosscheck::render_comparison_html(comparison);
  CHECK_FALSE(has_raw_controls(compared_html));
  CHECK(compared_html.find("a\\x1b.md") != std::string::npos);
}

TEST_CASE("the graph's DOT and GraphML carry no control an article brought", "[graph]") {
  crosscheck::DiagnosticSink sink;
  const crosscheck::Lexicon lexicon = crosscheck::load_lexicon(crosscheck::default_lexicon_sources(), sink);
  std::vector<crosscheck::Claim> claims = {figure("1,000", 1000, 1000, "deaths", "Min\x01istry\xef\xbf\xbe")};
  claims[0].source = "Wire\x1b[2J\x0c";
  claims[0].article = "id\x08\x7f";
  claims[0].file = "bad\xff\x1f.md";
  const crosscheck::ClaimGraph graph(claims, lexicon);
  const std::string dot = graph.to_dot();
  CHECK_FALSE(has_raw_controls(dot));
  CHECK(dot.find("Wire\\\\x1b[2J\\\\x0c") != std::string::npos);
  const std::string graphml = graph.to_graphml();
  CHECK_FALSE(has_raw_controls(graphml));
  CHECK(graphml.find("\xff") == std::string::npos);
  CHECK(graphml.find("Min\\x01istry\\ufffe") != std::string::npos);
  CHECK(graphml.find("1,000 (bad\\xff\\x1f.md:0)") != std::string::npos);
}

TEST_CASE("check's text lists six figures of a group and eight sources, and says how many more", "[reports]") {
  crosscheck::DiagnosticSink sink;
  const crosscheck::Lexicon lexicon = crosscheck::load_lexicon(crosscheck::default_lexicon_sources(), sink);
  const auto rules = crosscheck::load_rules({{"rules/toll.yaml", "kind: conflict\ntolerance: 2%\n"}}, lexicon, sink);
  std::vector<crosscheck::Claim> claims;
  for (int k = 0; k < 10; ++k) {  // ten outlets repeat ten authorities' 687
    auto repeated = figure("687", 687, 687, "deaths", "authority " + std::to_string(k));
    repeated.article = repeated.source = "outlet " + std::to_string(k);
    claims.push_back(repeated);
  }
  auto rival = figure("1,100", 1100, 1100, "deaths", "police");
  rival.article = rival.source = "outlet X";
  claims.push_back(rival);
  const crosscheck::ClaimGraph graph(claims, lexicon);
  const auto findings = crosscheck::evaluate(rules, graph, lexicon);
  REQUIRE(findings.size() == 1);
  const std::string text = crosscheck::render_text_findings(findings, graph);
  CHECK(text.find("backed by 10 independent sources: authority 0, authority 1, authority 2, authority 3, "
                  "authority 4, authority 5, authority 6, authority 7 and 2 more\n") != std::string::npos);
  CHECK(text.find("    ... and 4 more figures that agree (--format json lists every one)\n") != std::string::npos);
  CHECK(text.find("'687'") != std::string::npos);
}

TEST_CASE("compare and the conflict rule give one answer on the same claims", "[reports][rules]") {
  crosscheck::DiagnosticSink sink;
  const crosscheck::Lexicon lexicon = crosscheck::load_lexicon(crosscheck::default_lexicon_sources(), sink);
  const auto rules =
      crosscheck::load_rules({{"rules/toll.yaml", "kind: conflict\ntolerance: 2%\nwindow_days: 30\n"}}, lexicon, sink);
  REQUIRE(sink.diagnostics().empty());
  const std::vector<crosscheck::ComparedArticle> articles = {{"a", "Meridian Wire", "2024-05-12", "a.md"},
                                                             {"b", "Harbor Daily", "2024-05-12", "b.md"}};
  auto vague = figure("Hundreds", 100, 1000, "deaths");
  vague.figure.qualifier = crosscheck::Qualifier::vague;
  auto open = figure("At least 35,000", 35000, crosscheck::Quantity::kInfinity, "deaths", "Gaza Health Ministry");
  open.figure.qualifier = crosscheck::Qualifier::at_least;
  // Each case: the two articles' figures, and whether they disagree.
  const std::vector<std::tuple<crosscheck::Claim, crosscheck::Claim, bool>> cases = {
      // The case that drifted: a vague amount is too loose to dispute a count,
      // in check and, now, in compare.
      {vague, open, false},
      {figure("35,034", 35034, 35034, "deaths"), figure("24,686", 24686, 24686, "deaths"), true},
      {figure("1,000", 1000, 1000, "deaths"), figure("1,015", 1015, 1015, "deaths"), false},  // within 2 %
      {figure("1,000", 1000, 1000, "deaths"), figure("1,100", 1100, 1100, "deaths"), true},
      {figure("nearly 80,000", 76000, 80000, "deaths"), figure("78,500", 78500, 78500, "deaths"), false},
  };
  for (const auto& [first, second, disagree] : cases) {
    CAPTURE(first.text, second.text);
    auto a = first, b = second;
    a.article = "a", a.source = "Meridian Wire", a.file = "a.md", a.line = 1;
    b.article = "b", b.source = "Harbor Daily", b.file = "b.md", b.line = 2;
    const crosscheck::Comparison comparison = crosscheck::compare(articles, {{a}, {b}}, 2);
    REQUIRE(comparison.rows.size() == 1);
    CHECK((comparison.rows[0].verdict == crosscheck::Verdict::disagree) == disagree);
    const std::vector<crosscheck::Claim> claims = {a, b};
    const crosscheck::ClaimGraph graph(claims, lexicon);
    CHECK(crosscheck::evaluate(rules, graph, lexicon).size() == (disagree ? 1U : 0U));
  }
}

TEST_CASE("check's JSON report and compare's JSON write each claim as extract writes it", "[reports]") {
  // One writer of a claim's JSON: a claim in a report, written compactly, is
  // byte for byte its `extract --format jsonl` line, and the report is laid
  // out as nlohmann's dump(2) has always laid it out.
  crosscheck::DiagnosticSink sink;
  const crosscheck::Lexicon lexicon = crosscheck::load_lexicon(crosscheck::default_lexicon_sources(), sink);
  std::vector<crosscheck::Claim> claims = {figure("more than 20,000.5", 20000.5, crosscheck::Figure::kInfinity),
                                           figure("9,000", 9000, 9000, "deaths", "Gaza \"Health\"\tMinistry")};
  claims[0].figure.low_open = true;
  claims[0].figure.qualifier = crosscheck::Qualifier::more_than;
  claims[0].figure.unit = "people";
  claims[0].source = "A \x1b[31mWire\\";
  claims[0].sentence = "More than 20,000.5 died\r\n in \xE2\x80\x9CGaza\xE2\x80\x9D.";
  claims[0].hedges = {"could", "claimed"};
  claims[0].published = crosscheck::parse_date("2024-05-12");
  claims[0].since = crosscheck::parse_date("2023-10-07");
  claims[1].article = "b";
  claims[1].file = "bad\xE2\x82.md";  // a file name that is not UTF-8: one U+FFFD, as nlohmann writes it
  claims[1].in_quote = true;
  const crosscheck::ClaimGraph graph(claims, lexicon);
  const auto rules = crosscheck::load_rules({{"rules/toll.yaml", "kind: conflict\nseverity: error\n"}}, lexicon, sink);
  REQUIRE(sink.error_count() == 0);
  const auto findings = crosscheck::evaluate(rules, graph, lexicon);
  REQUIRE(findings.size() == 1);
  const auto replace = nlohmann::json::error_handler_t::replace;
  using Json = nlohmann::ordered_json;

  const std::string report = crosscheck::render_json(findings, graph, {1, 2, 0, 1});
  const Json parsed = Json::parse(report);
  CHECK(report == parsed.dump(2, ' ', false, replace) + "\n");
  const Json& quoted = parsed["findings"][0]["claims"];
  REQUIRE(quoted.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    const std::size_t claim = findings[0].claims[i];
    CHECK(quoted[i].dump() == crosscheck::claim_json(claims[claim]));
  }
  CHECK(crosscheck::claim_json(claims[1]).find("\"file\":\"bad\xEF\xBF\xBD.md\"") != std::string::npos);
  CHECK(parsed["findings"][0]["clusters"][0]["low"].is_number_float());

  const std::vector<crosscheck::ComparedArticle> articles = {{"a", "A", "", "a.md"}, {"b", "B", "", "b.md"}};
  const std::string table =
      crosscheck::render_comparison_json(crosscheck::compare(articles, {{claims[0]}, {claims[1]}}));
  const Json rows = Json::parse(table);
  CHECK(table == rows.dump(2, ' ', false, replace) + "\n");
  REQUIRE(rows["rows"].size() == 1);
  CHECK(rows["rows"][0]["cells"][0][0].dump() == crosscheck::claim_json(claims[0]));
  CHECK(rows["rows"][0]["cells"][1][0].dump() == crosscheck::claim_json(claims[1]));
}
