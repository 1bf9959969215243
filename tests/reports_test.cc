#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "crosscheck/compare.h"
#include "crosscheck/reports.h"

namespace {

crosscheck::Claim figure(std::string text, double low, double high, std::string metric = "deaths",
                         std::string authority = "") {
  crosscheck::Claim c;
  c.article = "a";
  c.file = "a.md";
  c.text = std::move(text);
  c.value = low;
  c.low = low;
  c.high = high;
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
  CHECK(markdown.starts_with("| figure | verdict | Meridian Wire 2024-05-12 | Harbor Daily 2024-05-13 | Meridian Wire "
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
