#include "crosscheck/pipeline.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace {

using crosscheck::testing::TempDir;

const crosscheck::Lexicon& lexicon() {
  static const crosscheck::Lexicon loaded = [] {
    crosscheck::DiagnosticSink sink;
    return crosscheck::load_lexicon(crosscheck::default_lexicon_sources(), sink);
  }();
  return loaded;
}

// A corpus of `count` short articles in two JSONL files and a folder of
// .md files, with figures that differ from article to article: enough
// articles for several batches, so that workers finish out of order.
void write_corpus(const TempDir& dir, int count) {
  std::string feed_a, feed_b;
  for (int i = 0; i < count; ++i) {
    const std::string text = fmt::format(
        "Floods killed {} people in Derna, the Libyan Red Crescent said. Another {} were missing on "
        "Tuesday, officials said, and about {} families were displaced.",
        1000 + i, 50 + i % 17, 300 + 7 * i);
    const std::string line = nlohmann::json{{"id", fmt::format("a{:04}", i)}, {"text", text}}.dump() + "\n";
    (i % 2 == 0 ? feed_a : feed_b) += line;
    if (i % 50 == 0) dir.write(fmt::format("md/article-{:04}.md", i), "---\nsource: Test Wire\n---\n" + text + "\n");
  }
  dir.write("feed-a.jsonl", feed_a);
  dir.write("feed-b.jsonl", feed_b);
}

// Every article handed on, as its id, sentence count and claims in JSON, in order.
std::vector<std::string> run(const TempDir& dir, crosscheck::ExtractionOptions options) {
  std::vector<std::string> out;
  crosscheck::DiagnosticSink sink;
  crosscheck::extract_in_parallel(
      {dir.path()}, lexicon(), options,
      [&](crosscheck::ExtractedArticle&& done) {
        CHECK(done.article.text.empty());  // dropped once read
        std::string entry = fmt::format("{} {}", done.article.id, done.sentences);
        for (const crosscheck::Claim& claim : done.claims) entry += "\n" + crosscheck::claim_json(claim);
        out.push_back(std::move(entry));
      },
      sink);
  CHECK(sink.diagnostics().empty());
  return out;
}

}  // namespace

TEST_CASE("articles come back in input order with the same claims for any number of jobs", "[pipeline]") {
  TempDir dir;
  write_corpus(dir, 1500);
  crosscheck::ExtractionOptions options;
  options.jobs = 1;
  const std::vector<std::string> one = run(dir, options);
  REQUIRE(one.size() == 1530);
  CHECK(one.front().starts_with("a0000 2\n"));
  CHECK(one.front().find("\"text\":\"1000\"") != std::string::npos);
  CHECK(one.front().find("\"metric\":\"deaths\"") != std::string::npos);
  for (unsigned jobs : {2u, 3u, 8u}) {
    options.jobs = jobs;
    CHECK(run(dir, options) == one);
  }
}

TEST_CASE("an article the caller does not want is neither read nor handed on", "[pipeline]") {
  TempDir dir;
  write_corpus(dir, 40);
  crosscheck::ExtractionOptions options;
  options.jobs = 2;
  std::vector<std::string> asked;
  options.wanted = [&](const crosscheck::Article& article) {
    asked.push_back(article.id);
    return article.id.ends_with("7");
  };
  const std::vector<std::string> kept = run(dir, options);
  CHECK(asked.size() == 41);
  REQUIRE(kept.size() == 4);
  CHECK(kept[0].starts_with("a0007 2\n"));
  CHECK(kept[3].starts_with("a0037 2\n"));
}

TEST_CASE("jobs: 0 is the cores, and a huge number is capped", "[pipeline]") {
  CHECK(crosscheck::resolve_jobs(0) >= 1);
  CHECK(crosscheck::resolve_jobs(3) == 3);
  CHECK(crosscheck::resolve_jobs(100000) == 256);
}

TEST_CASE("an article over the figure limit is skipped with an error in its place, the rest read", "[pipeline]") {
  // In input order among ingest's own errors, whatever the number of jobs.
  TempDir dir;
  write_corpus(dir, 600);
  std::string table;
  for (std::size_t i = 1; i <= crosscheck::kMaxArticleFigures + 5000; ++i) table += std::to_string(i % 1000) + ", ";
  dir.write("md/article-0100a-table.md", "---\nid: table\n---\n" + table + "people.\n");
  dir.write("md/article-0100b-broken.md", "---\nid: [broken\n---\nText.\n");
  std::vector<std::string> first_run;
  for (unsigned jobs : {1u, 2u, 3u}) {
    crosscheck::ExtractionOptions options;
    options.jobs = jobs;
    crosscheck::DiagnosticSink sink;
    std::vector<std::string> ids;
    const crosscheck::IngestStats stats = crosscheck::extract_in_parallel(
        {dir.path()}, lexicon(), options, [&](crosscheck::ExtractedArticle&& done) { ids.push_back(done.article.id); },
        sink);
    REQUIRE(sink.diagnostics().size() == 2);
    CHECK(sink.error_count() == 2);
    const crosscheck::Diagnostic& limit = sink.diagnostics()[0];
    CHECK(limit.span.file.ends_with("md/article-0100a-table.md"));
    CHECK(limit.span.line == 4);
    CHECK(limit.message ==
          "article 'table' holds more than 100,000 figures (a table or a list, not news text); article skipped: "
          "split it into smaller articles or leave it out");
    CHECK(sink.diagnostics()[1].span.file.ends_with("article-0100b-broken.md"));
    CHECK(std::find(ids.begin(), ids.end(), "table") == ids.end());
    CHECK(ids.size() == 612);
    CHECK(stats.articles == 612);
    CHECK(stats.skipped == 2);
    if (first_run.empty()) first_run = ids;
    CHECK(ids == first_run);
  }
}

TEST_CASE("an ArticleExtractor reads what the segmenter and the claims extractor read, and is reused", "[pipeline]") {
  crosscheck::Article article;
  article.id = "derna";
  article.published = crosscheck::parse_date("2023-09-14");
  article.origin.file = "derna.md";
  article.text =
      "Floods killed 5,300 people in Derna, the Libyan Red Crescent said. \"At least 10,000 are missing,\" "
      "he said.\n\nAbout 30,000 people were displaced, according to the IOM.\n";
  crosscheck::ArticleExtractor extractor(lexicon());
  std::size_t sentences = 0;
  const std::vector<crosscheck::Claim> claims = extractor.extract(article, &sentences);
  crosscheck::Segmenter segmenter(lexicon());
  crosscheck::ClaimExtractor apart(lexicon());
  const crosscheck::SegmentedText parts = segmenter.segment(article.text);
  const std::vector<crosscheck::Claim> expected = apart.extract(article, parts);
  CHECK(sentences == parts.sentences.size());
  REQUIRE(claims.size() == 3);
  REQUIRE(claims.size() == expected.size());
  for (std::size_t k = 0; k < claims.size(); ++k)
    CHECK(crosscheck::claim_json(claims[k]) == crosscheck::claim_json(expected[k]));
  CHECK(extractor.segment(article.text).sentences.size() == parts.sentences.size());

  // An article over the figure limit: an error naming it, no claims; the
  // same extractor then reads the next article as before.
  crosscheck::ExtractedArticle table{article, 0, {}};
  table.article.id = "table";
  table.article.origin.line = 4;
  table.article.text.clear();
  for (std::size_t i = 1; i <= crosscheck::kMaxArticleFigures + 5000; ++i) {
    table.article.text += std::to_string(i % 1000) + ", ";
  }
  const std::optional<crosscheck::Diagnostic> error = extractor.extract_into(table);
  REQUIRE(error);
  CHECK(error->severity == crosscheck::Severity::error);
  CHECK(error->span.file == "derna.md");
  CHECK(error->span.line == 4);
  CHECK(error->message ==
        "article 'table' holds more than 100,000 figures (a table or a list, not news text); article skipped: "
        "split it into smaller articles or leave it out");
  CHECK(table.claims.empty());
  crosscheck::ExtractedArticle again{article, 0, {}};
  CHECK_FALSE(extractor.extract_into(again));
  CHECK(again.sentences == parts.sentences.size());
  REQUIRE(again.claims.size() == expected.size());
  for (std::size_t k = 0; k < expected.size(); ++k) {
    CHECK(crosscheck::claim_json(again.claims[k]) == crosscheck::claim_json(expected[k]));
  }
}
