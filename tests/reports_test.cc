#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "crosscheck/compare.h"

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
  const auto json = nlohmann::json::parse(crosscheck::render_comparison_json(comparison));
  CHECK(json["rows"][0]["verdict"] == "disagree");
  CHECK(json["rows"][0]["cells"].size() == 3);
  CHECK(json["rows"][0]["cells"][2].empty());
}
