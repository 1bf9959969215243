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

namespace {

// One flood's coverage in one folder: two reports from Derna, a wire story
// that names no place, a report about Benghazi the same days, and a story
// three weeks on.
void write_flood_folder(const TempDir& dir) {
  const auto article = [&](const char* id, const char* published, const char* text) {
    dir.write(fmt::format("derna-flood/{}.md", id),
              fmt::format("---\nid: {}\nsource: Wire {}\npublished: {}\n---\n{}\n", id, id, published, text));
  };
  article("a", "2023-09-12",
          "DERNA, Libya — The floods killed 5,300 people in Derna, the city's mayor said on Tuesday.");
  article("b", "2023-09-13", "DERNA, Libya — The Libyan Red Crescent said 11,300 people had died in Derna.");
  article("c", "2023-09-13",
          "Rescuers pulled more bodies from the mud on Wednesday, and the Red Crescent said 10,000 people were "
          "missing.");
  article("d", "2023-09-13", "In Benghazi, officials said 200 families had been moved into schools.");
  article("e", "2023-10-02", "Three weeks on, the United Nations said 40,000 people had been displaced.");
}

// Each claim as "article text entity (entity_from) parents".
std::vector<std::string> places_read(const TempDir& dir, crosscheck::ExtractionOptions options) {
  std::vector<std::string> out;
  crosscheck::DiagnosticSink sink;
  crosscheck::extract_in_parallel(
      {dir.path()}, lexicon(), options,
      [&](crosscheck::ExtractedArticle&& done) {
        for (const crosscheck::Claim& claim : done.claims) {
          out.push_back(fmt::format("{} {} {} ({}) {}", claim.article, claim.text, claim.entity,
                                    crosscheck::to_string(claim.entity_from),
                                    fmt::join(claim.entity_parents.places(), ",")));
        }
      },
      sink);
  CHECK(sink.diagnostics().empty());
  return out;
}

crosscheck::Claim placed(const char* file, const char* article, const char* published, const char* entity,
                         crosscheck::PlaceFrom from, const std::vector<std::string>& parents) {
  crosscheck::Claim claim;
  claim.file = file;
  claim.article = article;
  claim.published = crosscheck::parse_date(published);
  claim.entity = entity;
  claim.entity_from = from;
  claim.entity_parents = crosscheck::PlaceChain(parents);
  return claim;
}

}  // namespace

TEST_CASE("a folder's reports of one event give a figure with no place the event's place, and no other", "[pipeline]") {
  TempDir dir;
  write_flood_folder(dir);
  const std::vector<std::string> expected = {
      "a 5,300 Derna (sentence) Libya",
      "b 11,300 Derna (sentence) Libya",
      "c 10,000 Derna (event) Libya",     // the wire story that names no place
      "d 200 Benghazi (sentence) Libya",  // another place the same days
      "e 40,000  () ",                    // three weeks on: another story
  };
  for (unsigned jobs : {1u, 2u}) {
    crosscheck::ExtractionOptions options;
    options.jobs = jobs;
    CHECK(places_read(dir, options) == expected);
  }
  crosscheck::ExtractionOptions alone;
  alone.place_events = false;
  CHECK(places_read(dir, alone)[2] == "c 10,000  () ");
}

TEST_CASE("the event's place: the most specific most reports agree on, named by a figure", "[pipeline]") {
  using crosscheck::PlaceFrom;
  const std::vector<std::string> belgium = {"West Flanders", "Belgium"};
  SECTION("a town over its country, and over an article's main place that contains it") {
    std::vector<crosscheck::Claim> claims = {
        placed("ferry/a.md", "a", "1987-03-06", "Zeebrugge", PlaceFrom::sentence, belgium),
        placed("ferry/b.md", "b", "1987-03-06", "Belgium", PlaceFrom::article, {}),
        placed("ferry/c.md", "c", "1987-03-07", "", PlaceFrom::none, {}),
    };
    std::vector<crosscheck::Claim> reversed(claims.rbegin(), claims.rend());  // as the audit may hold them
    crosscheck::place_event_figures_by_folder(claims);
    crosscheck::place_event_figures_by_folder(reversed);
    CHECK(reversed[0].entity == "Zeebrugge");
    CHECK(reversed[1].entity == "Zeebrugge");
    for (const crosscheck::Claim& claim : claims) {
      CHECK(claim.entity == "Zeebrugge");
      CHECK(claim.entity_parents.places() == belgium);
    }
    CHECK(claims[0].entity_from == PlaceFrom::sentence);
    CHECK(claims[1].entity_from == PlaceFrom::event);
    CHECK(claims[2].entity_from == PlaceFrom::event);
  }
  SECTION("a country its sentence names is the event's town; a total since a date and another main place are kept") {
    std::vector<crosscheck::Claim> claims = {
        placed("ferry/a.md", "a", "1987-03-06", "Zeebrugge", PlaceFrom::sentence, belgium),
        placed("ferry/a.md", "a", "1987-03-06", "Belgium", PlaceFrom::sentence, {}),
        placed("ferry/b.md", "b", "1987-03-06", "Zeebrugge", PlaceFrom::paragraph, belgium),
        placed("ferry/c.md", "c", "1987-03-07", "Rotterdam", PlaceFrom::article, {"South Holland", "Netherlands"}),
        placed("ferry/c.md", "c", "1987-03-07", "", PlaceFrom::none, {}),
        placed("ferry/b.md", "b", "1987-03-06", "Belgium", PlaceFrom::paragraph, {}),
        placed("ferry/b.md", "b", "1987-03-06", "Belgium", PlaceFrom::sentence, {}),
    };
    claims[5].since = crosscheck::parse_date("1987-01-01");  // "so far this year in Belgium": the country's
    claims[6].scope = crosscheck::Scope::background;         // an earlier year's disaster told in passing
    crosscheck::place_event_figures_by_folder(claims);
    CHECK(claims[1].entity == "Zeebrugge");  // "the ferry capsized off Belgium, killing 134": the ferry's toll
    CHECK(claims[1].entity_from == PlaceFrom::event);
    CHECK(claims[1].entity_parents.places() == belgium);
    CHECK(claims[3].entity == "Rotterdam");
    CHECK(claims[4].entity.empty());  // its article is about somewhere else
    CHECK(claims[5].entity == "Belgium");
    CHECK(claims[6].entity == "Belgium");
  }
  SECTION("no event: a tie between places apart, a dateline town alone, two towns, files of two folders") {
    std::vector<crosscheck::Claim> tie = {
        placed("war/a.md", "a", "2023-10-09", "Gaza", PlaceFrom::sentence, {"Palestine"}),
        placed("war/b.md", "b", "2023-10-09", "Israel", PlaceFrom::sentence, {}),
        placed("war/c.md", "c", "2023-10-09", "", PlaceFrom::none, {}),
    };
    // A national statistic under one story's dateline town.
    std::vector<crosscheck::Claim> dateline = {
        placed("border/a.md", "a", "2021-08-12", "Brownsville", PlaceFrom::article, {"Texas", "United States"}),
        placed("border/b.md", "b", "2021-08-12", "United States", PlaceFrom::article, {}),
        placed("border/c.md", "c", "2021-08-12", "", PlaceFrom::none, {}),
    };
    // Two towns of one country, each as well supported: neither is the event's.
    std::vector<crosscheck::Claim> towns = {
        placed("syria/a.md", "a", "2017-04-04", "Syria", PlaceFrom::sentence, {}),
        placed("syria/b.md", "b", "2017-04-04", "Aleppo", PlaceFrom::sentence, {"Aleppo Governorate", "Syria"}),
        placed("syria/c.md", "c", "2017-04-04", "Idlib", PlaceFrom::sentence, {"Idlib Governorate", "Syria"}),
        placed("syria/d.md", "d", "2017-04-04", "", PlaceFrom::none, {}),
    };
    std::vector<crosscheck::Claim> apart = {
        placed("one/a.md", "a", "2023-09-12", "Derna", PlaceFrom::sentence, {"Libya"}),
        placed("two/b.md", "b", "2023-09-12", "", PlaceFrom::none, {}),
    };
    for (auto* claims : {&tie, &dateline, &towns, &apart}) {
      const std::vector<crosscheck::Claim> before = *claims;
      crosscheck::place_event_figures_by_folder(*claims);
      for (std::size_t k = 0; k < before.size(); ++k) {
        CHECK((*claims)[k].entity == before[k].entity);
        CHECK((*claims)[k].entity_from == before[k].entity_from);
      }
    }
  }
  SECTION("a folder of more articles than one story's coverage is an archive") {
    std::vector<crosscheck::Claim> claims;
    for (std::size_t k = 0; k <= crosscheck::kMaxEventFolderArticles; ++k) {
      const std::string id = "a" + std::to_string(k);
      claims.push_back(placed("archive/x.jsonl", "", "2023-09-12", k == 0 ? "Derna" : "",
                              k == 0 ? PlaceFrom::sentence : PlaceFrom::none, {"Libya"}));
      claims.back().article = id;
    }
    crosscheck::place_event_figures_by_folder(claims);
    CHECK(claims[1].entity.empty());
    claims.pop_back();  // one story's coverage again
    crosscheck::place_event_figures_by_folder(claims);
    CHECK(claims[1].entity == "Derna");
  }
}

TEST_CASE("a figure placed only by its article takes the place another outlet names for the same count", "[pipeline]") {
  using crosscheck::PlaceFrom;
  const std::vector<std::string> gaza = {"Gaza Strip", "Palestinian Territory"};
  const std::vector<std::string> jabalya = {"Gaza", "Gaza Strip", "Palestinian Territory"};
  const auto toll = [](crosscheck::Claim claim, double value, const char* metric = "deaths") {
    claim.figure.value = value;
    claim.figure.unit = "people";
    claim.metric = metric;
    return claim;
  };
  // Four stories of the war in Gaza: the school in Jabalya is no event place of the folder.
  std::vector<crosscheck::Claim> claims = {
      toll(placed("war/a.md", "a", "2009-01-07", "Gaza", PlaceFrom::article, gaza), 40),   // "the attack on the school"
      toll(placed("war/a.md", "a", "2009-01-07", "Gaza", PlaceFrom::article, gaza), 660),  // the war's toll
      toll(placed("war/a.md", "a", "2009-01-07", "Gaza", PlaceFrom::article, gaza), 41, "injuries"),
      toll(placed("war/b.md", "b", "2009-01-06", "Jabalya", PlaceFrom::sentence, jabalya), 43),
      toll(placed("war/c.md", "c", "2009-01-06", "Gaza", PlaceFrom::article, gaza), 600),
      toll(placed("war/d.md", "d", "2009-01-06", "Gaza", PlaceFrom::article, gaza), 640),
  };
  const std::vector<crosscheck::Claim> as_read = claims;
  crosscheck::place_event_figures_by_folder(claims);
  CHECK(claims[0].entity == "Jabalya");  // 40 and 43 killed: one count, at the school
  CHECK(claims[0].entity_from == PlaceFrom::event);
  CHECK(claims[0].entity_parents.places() == jabalya);
  CHECK(claims[1].entity == "Gaza");  // 660 is no count of the school's
  CHECK(claims[2].entity == "Gaza");  // 41 injured is another metric
  CHECK(claims[4].entity == "Gaza");
  // An outlet that names Gaza in its own sentence for that count keeps it Gaza's.
  std::vector<crosscheck::Claim> named = as_read;
  named.push_back(toll(placed("war/e.md", "e", "2009-01-07", "Gaza", PlaceFrom::sentence, gaza), 42));
  crosscheck::place_event_figures_by_folder(named);
  CHECK(named[0].entity == "Gaza");
  CHECK(named[0].entity_from == PlaceFrom::article);
  // A dateline is where the reporter is, not a place named for the count;
  // and a count of another day is another count.
  std::vector<crosscheck::Claim> weak = as_read;
  weak[3].entity_from = PlaceFrom::dateline;
  crosscheck::place_event_figures_by_folder(weak);
  CHECK(weak[0].entity == "Gaza");
  std::vector<crosscheck::Claim> other_day = as_read;
  other_day[3].reference_date = crosscheck::parse_date("2009-01-02");
  crosscheck::place_event_figures_by_folder(other_day);
  CHECK(other_day[0].entity == "Gaza");
  // Figures more than 15% apart are two counts (a country's 2,122 dead and a province's 1,684).
  std::vector<crosscheck::Claim> apart = as_read;
  apart[0].figure.value = 36;
  crosscheck::place_event_figures_by_folder(apart);
  CHECK(apart[0].entity == "Gaza");
}

TEST_CASE("files named without a folder are one folder, whatever subfolders lie between them", "[pipeline]") {
  // "a.md", "b/x.md", "c.md" from inside the folder: a.md and c.md are one
  // story's coverage, as when the folder is named from outside it.
  TempDir dir;
  write_flood_folder(dir);
  std::filesystem::rename(dir.path() / "derna-flood" / "c.md", dir.path() / "derna-flood" / "zz-c.md");
  dir.write("derna-flood/b-notes/x.md", "---\nid: x\npublished: 2023-09-13\n---\nIn Paris, 12 people marched.\n");
  const std::filesystem::path before = std::filesystem::current_path();
  std::filesystem::current_path(dir.path() / "derna-flood");
  std::vector<std::string> inside;
  crosscheck::DiagnosticSink sink;
  crosscheck::extract_in_parallel(
      {"."}, lexicon(), {},
      [&](crosscheck::ExtractedArticle&& done) {
        for (const crosscheck::Claim& claim : done.claims) {
          inside.push_back(
              fmt::format("{} {} {}", claim.article, claim.entity, crosscheck::to_string(claim.entity_from)));
        }
      },
      sink);
  std::filesystem::current_path(before);
  CHECK(std::find(inside.begin(), inside.end(), "c Derna event") != inside.end());
  CHECK(std::find(inside.begin(), inside.end(), "x Paris sentence") != inside.end());
}

TEST_CASE("the folder an article is linked by", "[pipeline]") {
  CHECK(crosscheck::event_folder_of("corpora/derna-flood-2023/a.md") == "corpora/derna-flood-2023");
  CHECK(crosscheck::event_folder_of("archive/crawl.warc.gz#offset=4096") == "archive");
  CHECK(crosscheck::event_folder_of("a.md") == ".");
  CHECK(crosscheck::event_folder_of("/a.md") == "/");
}
