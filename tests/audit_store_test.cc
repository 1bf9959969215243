#include <sqlite3.h>

#include <bit>
#include <catch2/catch.hpp>
#include <fstream>
#include <random>

#include "audit/claim_codec.h"
#include "audit/sqlite_db.h"
#include "audit/store.h"
#include "crosscheck/audit.h"
#include "crosscheck/reports.h"
#include "test_support.h"

namespace {

const crosscheck::Lexicon& lexicon() {
  static crosscheck::DiagnosticSink sink;
  static const crosscheck::Lexicon loaded = crosscheck::load_lexicon(crosscheck::default_lexicon_sources(), sink);
  return loaded;
}

std::vector<crosscheck::Rule> default_rules() {
  crosscheck::DiagnosticSink sink;
  return crosscheck::load_rules(crosscheck::default_rule_sources(), lexicon(), sink);
}

// The first column of the first row of `sql` on the store, as another program reads it.
std::string query(const std::filesystem::path& store, const char* sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(store.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK);
  std::string out;
  if (sqlite3_step(statement) == SQLITE_ROW) out = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return out;
}

// Runs one SQL statement on the store as another program would.
void tamper(const std::filesystem::path& store, const char* sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(store.c_str(), &db) == SQLITE_OK);
  CHECK(sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
}

constexpr const char* kArticle =
    "---\nid: a\nsource: Meridian Wire\npublished: 2023-09-14\n---\n"
    "DERNA, Libya — The Libyan Red Crescent said 11,300 people had died in Derna.\n";
constexpr const char* kOther =
    "---\nid: b\nsource: Harbor Daily\npublished: 2023-09-14\n---\n"
    "DERNA, Libya — The mayor said 18,000 people had died in Derna.\n";

}  // namespace

TEST_CASE("audit: findings carry their history from run to run", "[audit]") {
  crosscheck::testing::TempDir dir;
  dir.write("corpus/a.md", kArticle);
  dir.write("corpus/b.md", kOther);
  const auto store = dir.path() / "audit.db";
  const std::vector<std::string> corpus = {(dir.path() / "corpus").string()};
  crosscheck::DiagnosticSink sink;

  const crosscheck::AuditRun first = crosscheck::run_audit(corpus, {store, ""}, default_rules(), lexicon(), sink);
  CHECK(first.record.id == 1);
  CHECK(first.record.extracted == 2);
  REQUIRE(first.new_findings.size() == 1);
  const crosscheck::AuditedFinding& conflict = first.new_findings[0];
  CHECK(conflict.rule == "conflicting-death-toll");
  CHECK(conflict.first_seen == first.record.started);

  const crosscheck::AuditRun second = crosscheck::run_audit(corpus, {store, ""}, default_rules(), lexicon(), sink);
  CHECK(second.record.extracted == 0);
  CHECK(second.record.claims == 2);
  CHECK(second.findings.empty());  // nothing changed: taken from the store, not recomputed
  CHECK(second.new_findings.empty());
  REQUIRE(second.still_open.size() == 1);
  CHECK(second.still_open[0].fingerprint == conflict.fingerprint);
  CHECK(second.still_open[0].first_seen == conflict.first_seen);

  // Another lexicon or rule set reads everything again; the finding is the same.
  const crosscheck::AuditRun reconfigured =
      crosscheck::run_audit(corpus, {store, "another lexicon"}, default_rules(), lexicon(), sink);
  CHECK(reconfigured.record.extracted == 2);
  REQUIRE(reconfigured.still_open.size() == 1);
  CHECK(reconfigured.still_open[0].fingerprint == conflict.fingerprint);

  std::filesystem::remove(dir.path() / "corpus/b.md");
  const crosscheck::AuditRun third =
      crosscheck::run_audit(corpus, {store, "another lexicon"}, default_rules(), lexicon(), sink);
  CHECK(third.record.removed == 1);
  CHECK(third.record.articles == 1);
  REQUIRE(third.resolved.size() == 1);
  CHECK(third.resolved[0].fingerprint == conflict.fingerprint);

  const auto history = crosscheck::audit_history(store);
  REQUIRE(history.size() == 4);
  CHECK(history[0].new_findings == 1);
  CHECK(history[3].resolved == 1);
  CHECK(sink.diagnostics().empty());
}

TEST_CASE("audit: stores it cannot read are refused, never misread", "[audit]") {
  crosscheck::testing::TempDir dir;
  dir.write("corpus/a.md", kArticle);
  const std::vector<std::string> corpus = {(dir.path() / "corpus").string()};
  crosscheck::DiagnosticSink sink;
  const auto store = dir.path() / "audit.db";
  crosscheck::run_audit(corpus, {store, ""}, default_rules(), lexicon(), sink);

  tamper(store, "UPDATE meta SET value = '99' WHERE key = 'schema_version'");
  CHECK_THROWS_WITH(crosscheck::run_audit(corpus, {store, ""}, default_rules(), lexicon(), sink),
                    Catch::Contains("written by a newer crosscheck (schema 99; this one reads up to 3)"));

  tamper(store, "UPDATE meta SET value = 'seven' WHERE key = 'schema_version'");
  CHECK_THROWS_WITH(crosscheck::run_audit(corpus, {store, ""}, default_rules(), lexicon(), sink),
                    Catch::Contains("the store has no schema version"));

  const auto foreign = dir.path() / "foreign.db";
  tamper(foreign, "CREATE TABLE customers(name TEXT)");
  CHECK_THROWS_WITH(crosscheck::run_audit(corpus, {foreign, ""}, default_rules(), lexicon(), sink),
                    Catch::Contains("not a crosscheck audit store"));
  CHECK_THROWS_WITH(crosscheck::triage_finding(dir.path() / "missing.db", "0123456789abcdef", true, ""),
                    Catch::Contains("no audit store here"));
}

TEST_CASE("audit: an article that fails to read keeps its claims, and the run keeps the error", "[audit]") {
  crosscheck::testing::TempDir dir;
  dir.write("corpus/a.md", kArticle);
  dir.write("corpus/b.md", kOther);
  const auto store = dir.path() / "audit.db";
  const std::vector<std::string> corpus = {(dir.path() / "corpus").string()};
  crosscheck::DiagnosticSink first_sink;
  crosscheck::run_audit(corpus, {store, ""}, default_rules(), lexicon(), first_sink);

  dir.write("corpus/b.md", std::string(kOther) + "\xff\n");
  crosscheck::DiagnosticSink sink;
  const crosscheck::AuditRun broken = crosscheck::run_audit(corpus, {store, ""}, default_rules(), lexicon(), sink);
  CHECK(broken.record.errors == 1);
  CHECK(broken.record.articles == 2);
  CHECK(broken.record.removed == 0);
  CHECK(broken.resolved.empty());  // b's 18,000 still disputes a's 11,300
  CHECK(broken.still_open.size() == 1);
  CHECK(query(store, "SELECT count(*) FROM run_errors WHERE run = 2") == "1");
  CHECK(query(store, "SELECT message FROM run_errors").find("b.md") != std::string::npos);
}

namespace {

std::string read_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_bytes(const std::filesystem::path& file, const std::string& bytes) {
  std::ofstream(file, std::ios::binary | std::ios::trunc)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A double's 8 bytes as the store writes them.
std::string little_endian(double value) {
  const auto bits = std::bit_cast<std::uint64_t>(value);
  std::string out;
  for (int shift = 0; shift < 64; shift += 8) out += static_cast<char>((bits >> shift) & 0xFF);
  return out;
}

std::vector<std::string> messages(const crosscheck::DiagnosticSink& sink) {
  std::vector<std::string> out;
  for (const auto& diagnostic : sink.diagnostics()) out.push_back(fmt::format("{}", diagnostic));
  return out;
}

// `count` articles, every other one disputing the one before: a store of many pages.
void write_corpus(const crosscheck::testing::TempDir& dir, int count) {
  for (int i = 0; i < count; ++i) {
    std::string text = i % 2 ? kOther : kArticle;
    text.replace(text.find("id: ") + 4, 1, "article-" + std::to_string(i));
    dir.write("corpus/" + std::to_string(i) + ".md", text);
  }
}

}  // namespace

TEST_CASE("audit: a missing or partly unreadable path keeps the stored articles under it", "[audit][bad-input]") {
  crosscheck::testing::TempDir dir;
  dir.write("archive/2023/a.md", kArticle);
  dir.write("share/2024/b.md", kOther);
  dir.write("archive/2023/gone.md", "---\nid: gone\n---\nThe storm destroyed 40 homes.\n");
  std::filesystem::create_symlink(dir.path() / "share/2024", dir.path() / "archive/2024");
  const auto store = dir.path() / "audit.db";
  const std::string archive = (dir.path() / "archive").string();
  crosscheck::DiagnosticSink first_sink;
  const crosscheck::AuditRun first =
      crosscheck::run_audit({archive}, {store, ""}, default_rules(), lexicon(), first_sink);
  CHECK(first.record.articles == 3);  // b.md is read through the linked folder
  REQUIRE(first.new_findings.size() == 1);

  // The share is unmounted for a night: its link is broken. A deleted article
  // in a folder that was listed is still removed.
  std::filesystem::rename(dir.path() / "share", dir.path() / "share-away");
  std::filesystem::remove(dir.path() / "archive/2023/gone.md");
  crosscheck::DiagnosticSink sink;
  const crosscheck::AuditRun unmounted =
      crosscheck::run_audit({archive}, {store, ""}, default_rules(), lexicon(), sink);
  CHECK(unmounted.record.removed == 1);
  CHECK(unmounted.record.articles == 2);
  CHECK(unmounted.resolved.empty());
  CHECK(unmounted.still_open.size() == 1);
  CHECK(messages(sink) ==
        std::vector<std::string>{
            archive + "/2024: error: broken link to '" + (dir.path() / "share/2024").string() +
                "', which does not exist; fix or remove the link",
            archive + "/2024: note: 1 stored article under this path kept with its last good claims: it could not "
                      "be read in full this run"});

  // The whole archive missing (an unmounted share): everything is kept.
  std::filesystem::rename(dir.path() / "archive", dir.path() / "archive-away");
  crosscheck::DiagnosticSink missing_sink;
  const crosscheck::AuditRun missing =
      crosscheck::run_audit({archive}, {store, ""}, default_rules(), lexicon(), missing_sink);
  CHECK(missing.record.removed == 0);
  CHECK(missing.record.articles == 2);
  CHECK(missing.resolved.empty());
  CHECK(missing.still_open.size() == 1);
  CHECK(messages(missing_sink) ==
        std::vector<std::string>{archive + ": error: no such file or directory; check the path",
                                 archive + ": note: 2 stored articles under this path kept with their last good "
                                           "claims: it could not be read in full this run"});

  // Back the next night: nothing is new.
  std::filesystem::rename(dir.path() / "archive-away", dir.path() / "archive");
  std::filesystem::rename(dir.path() / "share-away", dir.path() / "share");
  crosscheck::DiagnosticSink back_sink;
  const crosscheck::AuditRun back =
      crosscheck::run_audit({archive}, {store, ""}, default_rules(), lexicon(), back_sink);
  CHECK(back.new_findings.empty());
  CHECK(back.still_open.size() == 1);
  CHECK(back.record.extracted == 0);
  CHECK(back_sink.diagnostics().empty());
}

TEST_CASE("audit: a stored claim that does not read back is refused before anything changes", "[audit][bad-input]") {
  crosscheck::testing::TempDir dir;
  dir.write("corpus/a.md", kArticle);
  dir.write("corpus/b.md", kOther);
  const auto store = dir.path() / "audit.db";
  const std::vector<std::string> corpus = {(dir.path() / "corpus").string()};
  crosscheck::DiagnosticSink sink;
  const crosscheck::AuditRun first = crosscheck::run_audit(corpus, {store, ""}, default_rules(), lexicon(), sink);
  REQUIRE(first.new_findings.size() == 1);
  const std::string fingerprint = first.new_findings[0].fingerprint;
  crosscheck::triage_finding(store, fingerprint, true, "checked with the desk");

  // One damaged byte in a stored claim: the first byte of b's record (its
  // form, then b's first claim: article "b", source "Harbor Daily").
  const std::string good = read_bytes(store);
  std::string bytes = good;
  const std::size_t at = bytes.find(std::string{'\x02', '\x02', 'b', '\x0d'} + "Harbor Daily");
  REQUIRE(at != std::string::npos);
  bytes[at] = '\x7f';
  write_bytes(store, bytes);
  CHECK_THROWS_WITH(crosscheck::run_audit(corpus, {store, ""}, default_rules(), lexicon(), sink),
                    Catch::Contains(store.string() + ": error: the audit store is damaged (claim ") &&
                        Catch::Contains("does not read back") && Catch::Contains("nothing was changed") &&
                        Catch::Contains("'crosscheck audit --rebuild --state " + store.string() + " PATHS'"));
  CHECK(read_bytes(store) == bytes);
  CHECK(query(store, "SELECT count(*) FROM runs") == "1");
  // The same when an article changed, so the stored claims are read to
  // evaluate the rules: the run is refused and leaves the store as it was.
  dir.write("corpus/c.md", "---\nid: c\n---\nThe storm destroyed 40 homes in Derna.\n");
  CHECK_THROWS_WITH(crosscheck::run_audit(corpus, {store, ""}, default_rules(), lexicon(), sink),
                    Catch::Contains("does not read back"));
  CHECK(read_bytes(store) == bytes);
  CHECK(query(store, "SELECT count(*) FROM articles") == "2");
  std::filesystem::remove(dir.path() / "corpus/c.md");

  // A claim count that does not match the claims: a field damaged.
  write_bytes(store, good);
  tamper(store, "UPDATE articles SET claim_count = claim_count + 1 WHERE id = 'b'");
  CHECK_THROWS_WITH(crosscheck::run_audit(corpus, {store, ""}, default_rules(), lexicon(), sink),
                    Catch::Contains("article 'b' should hold 2 claims but holds 1"));
  bytes = read_bytes(store);

  // --rebuild reads the corpus again into a new store and keeps the old one
  // beside it; the editor's dismissal and the first sighting carry over.
  crosscheck::AuditSettings rebuild{store, ""};
  rebuild.rebuild = true;
  crosscheck::DiagnosticSink rebuild_sink;
  const crosscheck::AuditRun rebuilt = crosscheck::run_audit(corpus, rebuild, default_rules(), lexicon(), rebuild_sink);
  CHECK(rebuilt.record.id == 1);
  CHECK(rebuilt.record.extracted == 2);
  CHECK(rebuilt.new_findings.empty());  // dismissed
  CHECK(read_bytes(dir.path() / "audit.db.damaged") == bytes);
  CHECK_FALSE(std::filesystem::exists(dir.path() / "audit.db.rebuild"));
  CHECK(messages(rebuild_sink) ==
        std::vector<std::string>{
            store.string() + ": warning: carried over from the old store: the first sightings of 1 findings and 1 "
                             "editors' dismissals; the run history starts anew",
            store.string() + ": warning: the old store is kept as " + store.string() +
                ".damaged; remove it once the new one is trusted"});
  CHECK(query(store, "SELECT first_seen || ' ' || dismissed || ' ' || note || ' ' || open FROM findings") ==
        first.record.started + " 1 checked with the desk 1");
  crosscheck::triage_finding(store, fingerprint, false, "");
  const crosscheck::AuditRun after = crosscheck::run_audit(corpus, {store, ""}, default_rules(), lexicon(), sink);
  CHECK(after.record.extracted == 0);
  REQUIRE(after.still_open.size() == 1);
  CHECK(after.still_open[0].first_seen == first.record.started);
}

TEST_CASE("audit: 4 KB of random bytes over a page in the middle of the store are refused", "[audit][bad-input]") {
  crosscheck::testing::TempDir dir;
  write_corpus(dir, 200);
  const auto store = dir.path() / "audit.db";
  const std::vector<std::string> corpus = {(dir.path() / "corpus").string()};
  crosscheck::DiagnosticSink sink;
  const crosscheck::AuditRun first = crosscheck::run_audit(corpus, {store, ""}, default_rules(), lexicon(), sink);
  REQUIRE(first.record.articles == 200);
  REQUIRE(first.new_findings.size() == 1);

  std::string bytes = read_bytes(store);
  const std::size_t pages = bytes.size() / 4096;
  REQUIRE(pages >= 20);
  std::mt19937 random(14);
  for (std::size_t i = 0; i < 4096; ++i) bytes[(pages / 2) * 4096 + i] = static_cast<char>(random() & 0xFF);
  write_bytes(store, bytes);

  CHECK_THROWS_WITH(crosscheck::run_audit(corpus, {store, ""}, default_rules(), lexicon(), sink),
                    Catch::Contains("the audit store is damaged") && Catch::Contains("--rebuild"));
  CHECK_THROWS_WITH(crosscheck::audit_history(store), Catch::Contains("the audit store is damaged"));
  CHECK_THROWS_WITH(crosscheck::triage_finding(store, first.new_findings[0].fingerprint, true, ""),
                    Catch::Contains("the audit store is damaged"));
  CHECK(read_bytes(store) == bytes);

  crosscheck::AuditSettings rebuild{store, ""};
  rebuild.rebuild = true;
  const crosscheck::AuditRun rebuilt = crosscheck::run_audit(corpus, rebuild, default_rules(), lexicon(), sink);
  CHECK(rebuilt.record.extracted == 200);
  CHECK(crosscheck::audit_history(store).size() == 1);
}

TEST_CASE("audit: a 0-byte store is started anew with a warning, other commands refuse it", "[audit][bad-input]") {
  crosscheck::testing::TempDir dir;
  dir.write("corpus/a.md", kArticle);
  const auto store = dir.write("audit.db", "");
  const std::vector<std::string> corpus = {(dir.path() / "corpus").string()};
  CHECK_THROWS_WITH(crosscheck::audit_history(store),
                    Catch::Contains("the audit store is empty: no run was ever recorded in it"));
  CHECK(std::filesystem::file_size(store) == 0);
  crosscheck::DiagnosticSink sink;
  const crosscheck::AuditRun run = crosscheck::run_audit(corpus, {store, ""}, default_rules(), lexicon(), sink);
  CHECK(run.record.id == 1);
  CHECK(messages(sink) ==
        std::vector<std::string>{store.string() + ": warning: the store is an empty file (0 bytes): starting a new "
                                                  "store, so every finding is new; if it held earlier runs, restore "
                                                  "it from a backup instead"});
}

TEST_CASE("audit: a run whose report is not delivered is not recorded", "[audit]") {
  crosscheck::testing::TempDir dir;
  dir.write("corpus/a.md", kArticle);
  dir.write("corpus/b.md", kOther);
  const auto store = dir.path() / "audit.db";
  const std::vector<std::string> corpus = {(dir.path() / "corpus").string()};
  crosscheck::DiagnosticSink sink;
  const auto undelivered = [](const crosscheck::AuditRun&) { throw crosscheck::AuditError("disk full"); };
  CHECK_THROWS_WITH(crosscheck::run_audit(corpus, {store, ""}, default_rules(), lexicon(), sink, undelivered),
                    "disk full");
  bool delivered = false;
  const crosscheck::AuditRun run = crosscheck::run_audit(corpus, {store, ""}, default_rules(), lexicon(), sink,
                                                         [&](const crosscheck::AuditRun&) { delivered = true; });
  CHECK(delivered);
  CHECK(run.record.id == 1);
  CHECK(run.new_findings.size() == 1);  // still new: the first run was never seen
}

TEST_CASE("audit: a stored claim altered into another that still reads is refused by its row's checksum",
          "[audit][bad-input]") {
  crosscheck::testing::TempDir dir;
  dir.write("corpus/a.md", kArticle);
  dir.write("corpus/b.md", kOther);
  const auto store = dir.path() / "audit.db";
  const std::vector<std::string> corpus = {(dir.path() / "corpus").string()};
  crosscheck::DiagnosticSink sink;
  const crosscheck::AuditRun first = crosscheck::run_audit(corpus, {store, ""}, default_rules(), lexicon(), sink);
  REQUIRE(first.new_findings.size() == 1);

  // One damaged byte turns the stored 11,300 into 11,900: the claim still
  // reads back, but it is not what was stored, and the checksum says so.
  const std::string good = read_bytes(store);
  std::string bytes = good;
  const std::size_t at = bytes.find(little_endian(11300));
  REQUIRE(at != std::string::npos);
  bytes.replace(at, 8, little_endian(11900));
  write_bytes(store, bytes);
  const std::string refusal = store.string() +
                              ": error: the audit store is damaged (article 'a' does not match its checksum: its "
                              "stored row changed after it was written); nothing was changed";
  CHECK_THROWS_WITH(
      crosscheck::run_audit(corpus, {store, ""}, default_rules(), lexicon(), sink),
      Catch::Contains(refusal) && Catch::Contains("'crosscheck audit --rebuild --state " + store.string() + " PATHS'"));
  CHECK(read_bytes(store) == bytes);
  // The same on a night with a change, when the stored claims are read.
  dir.write("corpus/c.md", "---\nid: c\n---\nThe storm destroyed 40 homes in Derna.\n");
  CHECK_THROWS_WITH(crosscheck::run_audit(corpus, {store, ""}, default_rules(), lexicon(), sink),
                    Catch::Contains(refusal));
  CHECK(read_bytes(store) == bytes);
  std::filesystem::remove(dir.path() / "corpus/c.md");

  // A damaged checksum over good claims is refused too: which of the two
  // changed cannot be told.
  write_bytes(store, good);
  tamper(store, "UPDATE articles SET checksum = '0123456789abcdef' WHERE id = 'b'");
  CHECK_THROWS_WITH(crosscheck::run_audit(corpus, {store, ""}, default_rules(), lexicon(), sink),
                    Catch::Contains("(article 'b' does not match its checksum"));
  CHECK(query(store, "SELECT count(*) FROM runs") == "1");
}

namespace {

const std::filesystem::path kFixtures = std::filesystem::path(CROSSCHECK_SOURCE_DIR) / "tests" / "audit-stores";

// The store of schema 2 that crosscheck 0.1.0 wrote (tests/audit-stores/README.md), made again at `store`.
void load_schema2_store(const std::filesystem::path& store) {
  std::ifstream in(kFixtures / "schema2.sql", std::ios::binary);
  const std::string dump(std::istreambuf_iterator<char>(in), {});
  REQUIRE(!dump.empty());
  tamper(store, dump.c_str());
  tamper(store, "PRAGMA journal_mode=WAL");  // as every crosscheck store is (the dump does not say so)
}

// Each article row's id and claims column, as another program reads them.
std::vector<std::pair<std::string, std::string>> stored_claims(const std::filesystem::path& store) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(store.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "SELECT id, claims FROM articles ORDER BY id", -1, &statement, nullptr) == SQLITE_OK);
  std::vector<std::pair<std::string, std::string>> out;
  while (sqlite3_step(statement) == SQLITE_ROW) {
    const auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement, 1));
    out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)),
                     std::string(bytes, static_cast<std::size_t>(sqlite3_column_bytes(statement, 1))));
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return out;
}

// The claims of JSON lines, as schemas 1 and 2 stored them.
std::vector<crosscheck::Claim> claims_of_json_lines(const std::string& lines) {
  std::vector<crosscheck::Claim> out;
  std::size_t start = 0;
  for (std::size_t end; (end = lines.find('\n', start)) != std::string::npos; start = end + 1) {
    std::string error;
    auto claim = crosscheck::claim_from_json(std::string_view(lines).substr(start, end - start), error);
    REQUIRE(claim);
    out.push_back(std::move(*claim));
  }
  return out;
}

std::vector<std::string> json_of(const std::vector<crosscheck::Claim>& claims) {
  std::vector<std::string> out;
  for (const auto& claim : claims) out.push_back(crosscheck::claim_json(claim));
  return out;
}

constexpr const char* kFixtureConfiguration = "e1f51444300c29b4";  // what the CLI hashed the defaults to
constexpr const char* kFixtureStarted = "2026-11-30T17:43:12Z";
constexpr const char* kDismissed = "a397032757a6a1a1";

}  // namespace

TEST_CASE("audit: the binary claims read back equal to what was written, or are refused", "[audit]") {
  crosscheck::testing::TempDir dir;
  const auto store = dir.path() / "old.db";
  load_schema2_store(store);
  std::vector<crosscheck::Claim> claims;
  for (const auto& [id, lines] : stored_claims(store)) {
    for (auto& claim : claims_of_json_lines(lines)) claims.push_back(std::move(claim));
  }
  REQUIRE(claims.size() == 7);
  // Fields the fixture's claims leave empty, set here.
  claims[0].since = crosscheck::Date{2023, 9, 10};
  claims[0].figure.low = -crosscheck::Figure::kInfinity;
  claims[0].figure.low_open = true;
  claims[0].hedges = {"reportedly", ""};
  claims[0].line = UINT32_MAX;
  claims[1].entity_from = crosscheck::PlaceFrom::dateline;  // the place's source and chain (issue 17)
  claims[1].entity_parents = crosscheck::PlaceChain({"Darnah", "Libya"});
  const std::string record = crosscheck::audit::encode_claims(claims);
  std::vector<crosscheck::Claim> read;
  std::size_t count = 0;
  std::string error;
  REQUIRE(crosscheck::audit::decode_claims(record, &read, count, error));
  CHECK(count == 7);
  CHECK(json_of(read) == json_of(claims));
  CHECK(read[0].hedges == claims[0].hedges);
  // The claims of one sentence share it again, as extraction makes them.
  REQUIRE(read[2].sentence == read[3].sentence);
  CHECK(&read[2].sentence.str() == &read[3].sentence.str());

  // Cut short anywhere: refused, or fewer claims (which the row's count catches).
  for (std::size_t size = 0; size < record.size(); ++size) {
    std::size_t partial = 0;
    const bool whole = crosscheck::audit::decode_claims(record.substr(0, size), nullptr, partial, error);
    CHECK((!whole || partial < 7));
  }
  // Any byte changed: read or refused, never read outside the record (the sanitizer build checks).
  for (std::size_t at = 0; at < record.size(); ++at) {
    for (const char damage : {'\x00', '\x7f', '\x80', '\xff'}) {
      std::string damaged = record;
      damaged[at] = damage;
      std::size_t partial = 0;
      (void)crosscheck::audit::decode_claims(damaged, nullptr, partial, error);
    }
  }

  // A claim of empty texts: the form byte, ten texts "as before" (0), line,
  // column, three doubles, then the qualifier at 37, the scope at 38 and the
  // flags at 39.
  crosscheck::Claim plain;
  plain.line = plain.column = 1;
  plain.figure.value = plain.figure.low = plain.figure.high = 1;
  const std::string one = crosscheck::audit::encode_claims({plain});
  REQUIRE(one.size() == 41);
  const auto refusal = [](std::string bytes, std::size_t at, char value) {
    bytes[at] = value;
    std::size_t n = 0;
    std::string why;
    CHECK_FALSE(crosscheck::audit::decode_claims(bytes, nullptr, n, why));
    CHECK(n == 0);
    return why;
  };
  CHECK(refusal(one, 37, 9) == "its qualifier 9 is not one crosscheck knows");
  CHECK(refusal(one, 38, 5) == "its scope 5 is not one crosscheck knows");
  // 0x80 says a place's source and chain follow (issue 17): here none does.
  CHECK(refusal(one, 39, '\x80') == "the record ends early or holds a length beyond its end");
  CHECK(refusal(one, 20, '\x7f') == "its value inf is not a figure crosscheck reads");  // 1.0's top byte made 0x7f
  CHECK(refusal(one, 0, 3) == "the record's form 3 is not one crosscheck writes");
  CHECK(refusal(one, 40, 5) == "the record ends early or holds a length beyond its end");
  // A scope reads back; a record of form 1 (no scope byte) reads as the story's.
  crosscheck::Claim part = plain;
  part.scope = crosscheck::Scope::part;
  std::vector<crosscheck::Claim> back;
  std::size_t n = 0;
  REQUIRE(crosscheck::audit::decode_claims(crosscheck::audit::encode_claims({part}), &back, n, error));
  CHECK(back.at(0).scope == crosscheck::Scope::part);
  std::string form1 = one;
  form1.erase(38, 1);
  form1[0] = '\x01';
  back.clear();
  REQUIRE(crosscheck::audit::decode_claims(form1, &back, n, error));
  CHECK(back.at(0).scope == crosscheck::Scope::story);
  CHECK(back.at(0).figure.value == 1);
}

namespace {

// A store of schema 1 or 2 (JSON claims, `old` its bytes) with one byte of
// a claim damaged is refused by the next run, and left as it was.
void refuses_damaged_json_claim(const std::filesystem::path& store, const std::string& old,
                                const std::vector<std::string>& corpus) {
  std::string bytes = old;
  const std::size_t at = bytes.find("\"qualifier\":");
  REQUIRE(at != std::string::npos);
  bytes[at + 1] = '\x01';
  write_bytes(store, bytes);
  crosscheck::DiagnosticSink sink;
  CHECK_THROWS_WITH(crosscheck::run_audit(corpus, {store, kFixtureConfiguration}, default_rules(), lexicon(), sink),
                    Catch::Contains("the audit store is damaged (claim ") && Catch::Contains("does not read back"));
  CHECK(read_bytes(store) == bytes);
}

}  // namespace

TEST_CASE("audit: a store of schema 2, as crosscheck 0.1.0 wrote it, is brought up to date by the next run",
          "[audit]") {
  crosscheck::testing::TempDir dir;
  const auto store = dir.path() / "audit.db";
  load_schema2_store(store);
  const std::vector<std::string> corpus = {(kFixtures / "corpus").string()};
  CHECK(crosscheck::audit_history(store).size() == 2);  // --history reads it as it is
  const std::string old = read_bytes(store);
  crosscheck::DiagnosticSink sink;

  // A damaged claim is refused as before, and the store left at schema 2.
  refuses_damaged_json_claim(store, old, corpus);
  // So is a figure altered into another that still reads: its row's checksum tells.
  std::string bytes = old;
  std::size_t at = bytes.find("\"value\":11300,");
  REQUIRE(at != std::string::npos);
  bytes[at + 10] = '9';
  write_bytes(store, bytes);
  CHECK_THROWS_WITH(crosscheck::run_audit(corpus, {store, kFixtureConfiguration}, default_rules(), lexicon(), sink),
                    Catch::Contains("(article 'a' does not match its checksum"));
  CHECK(read_bytes(store) == bytes);

  write_bytes(store, old);
  crosscheck::AuditSettings settings{store, kFixtureConfiguration};
  settings.full_findings = true;  // the findings recomputed from the claims as upgraded
  crosscheck::DiagnosticSink upgrade_sink;
  const crosscheck::AuditRun upgraded =
      crosscheck::run_audit(corpus, settings, default_rules(), lexicon(), upgrade_sink);
  CHECK(messages(upgrade_sink) ==
        std::vector<std::string>{store.string() +
                                 ": note: the store is brought up to date (schema 2 to 3): the claims of each of its 2 "
                                 "articles are kept in a binary form that reads back without parsing JSON, with a "
                                 "checksum; this run reads every claim once, and older crosscheck versions no longer "
                                 "open the store"});
  CHECK(upgraded.record.id == 3);
  CHECK(upgraded.record.claims == 7);
  // The conflict as 0.1.0 found it listed the mayor's "as many as 20,000",
  // which nobody disputes: recomputed without it, it is a new finding, and
  // the old one is resolved (the other is dismissed, and stays so).
  REQUIRE(upgraded.new_findings.size() == 1);
  CHECK(upgraded.new_findings[0].rule == "conflicting-death-toll");
  CHECK(upgraded.new_findings[0].message ==
        "2 death tolls for Derna that cannot all hold: 11,300 (Meridian Wire, Libyan Red Crescent) vs 18,000 (Harbor "
        "Daily, mayor)");
  CHECK(upgraded.still_open.empty());
  REQUIRE(upgraded.resolved.size() == 1);
  CHECK(upgraded.resolved[0].rule == "conflicting-death-toll");
  CHECK(upgraded.resolved[0].first_seen == kFixtureStarted);
  CHECK(upgraded.findings.size() == 2);
  CHECK(query(store, "SELECT value FROM meta WHERE key = 'schema_version'") == "3");
  CHECK(query(store, "SELECT count(*) FROM articles WHERE typeof(claims) = 'blob' AND length(checksum) = 16") == "2");
  CHECK(query(store,
              (std::string("SELECT dismissed || ' ' || note FROM findings WHERE fingerprint = '") + kDismissed + "'")
                  .c_str()) == "1 the mayor's figure, checked with the desk");

  crosscheck::DiagnosticSink quiet_sink;
  const crosscheck::AuditRun quiet =
      crosscheck::run_audit(corpus, {store, kFixtureConfiguration}, default_rules(), lexicon(), quiet_sink);
  CHECK(quiet_sink.diagnostics().empty());
  CHECK(quiet.still_open.size() == 1);
  CHECK(crosscheck::audit_history(store).size() == 4);
}

TEST_CASE("audit: the upgrade keeps every stored claim as it was", "[audit]") {
  crosscheck::testing::TempDir dir;
  const auto store = dir.path() / "audit.db";
  load_schema2_store(store);
  std::vector<std::vector<std::string>> before;
  for (const auto& [id, lines] : stored_claims(store)) before.push_back(json_of(claims_of_json_lines(lines)));
  {
    crosscheck::audit::Database db(store, false);
    db.exec("BEGIN IMMEDIATE");
    CHECK(crosscheck::audit::upgrade_store(db, store.string(), 2) == 2);
    db.exec("COMMIT");
  }
  std::vector<std::vector<std::string>> after;
  for (const auto& [id, record] : stored_claims(store)) {
    std::vector<crosscheck::Claim> claims;
    std::size_t count = 0;
    std::string error;
    CHECK(crosscheck::audit::decode_claims(record, &claims, count, error));
    after.push_back(json_of(claims));
  }
  REQUIRE(before.size() == 2);
  CHECK(before[1].size() == 6);
  CHECK(after == before);
}

TEST_CASE("audit: a store from before row checksums (schema 1) is brought up to date by the next run", "[audit]") {
  crosscheck::testing::TempDir dir;
  const auto store = dir.path() / "audit.db";
  load_schema2_store(store);
  // Schema 1 is schema 2 without the checksums.
  tamper(store, "ALTER TABLE articles DROP COLUMN checksum; UPDATE meta SET value = '1' WHERE key = 'schema_version'");
  // The files where this test reads them, so that nothing is moved and the
  // stored findings are reused.
  tamper(store, fmt::format("UPDATE articles SET file = '{}/' || file", kFixtures.generic_string()).c_str());
  const std::vector<std::string> corpus = {(kFixtures / "corpus").string()};
  const std::string old = read_bytes(store);
  refuses_damaged_json_claim(store, old, corpus);

  write_bytes(store, old);
  crosscheck::DiagnosticSink upgrade_sink;
  const crosscheck::AuditRun upgraded =
      crosscheck::run_audit(corpus, {store, kFixtureConfiguration}, default_rules(), lexicon(), upgrade_sink);
  REQUIRE(upgrade_sink.diagnostics().size() == 1);
  CHECK_THAT(messages(upgrade_sink)[0], Catch::Contains("note: the store is brought up to date (schema 1 to 3)"));
  CHECK(upgraded.still_open.size() == 1);
  CHECK(query(store, "SELECT value FROM meta WHERE key = 'schema_version'") == "3");
  CHECK(query(store, "SELECT count(*) FROM articles WHERE length(checksum) = 16") == "2");
}

TEST_CASE("audit: the report shows its findings as check's reporters do, from the run's own claim index", "[audit]") {
  crosscheck::testing::TempDir dir;
  dir.write("corpus/a.md", kArticle);
  dir.write("corpus/b.md", kOther);
  const auto store = dir.path() / "audit.db";
  const std::vector<std::string> corpus = {(dir.path() / "corpus").string()};
  const auto rules = default_rules();
  crosscheck::DiagnosticSink sink;
  const crosscheck::AuditRun first = crosscheck::run_audit(corpus, {store, ""}, rules, lexicon(), sink);
  REQUIRE(first.findings.size() == 1);
  const crosscheck::ClaimGraph& index = first.claims->index();
  CHECK(&index.claims() == &first.claims->claims());
  CHECK(index.claims().size() == 2);

  // Text: the run's line, then the new findings exactly as `check` writes
  // them (its closing summary line is the run's line here), then the lists.
  const std::string check_text = crosscheck::render_text(first.findings, index, {0, 2, 0, rules.size()});
  const std::string findings = check_text.substr(0, check_text.rfind('\n', check_text.size() - 2) + 1);
  CHECK(crosscheck::render_audit_report(first, "text", rules) ==
        fmt::format("audit run 1 at {}: 2 articles (2 read anew, 0 removed), 2 claims, 0 input errors, {:.2f} s\n\n"
                    "new (1):\n{}\nstill open (0):\n\nresolved since the last run (0):\n",
                    first.record.started, first.record.seconds, findings));
  // The other formats are check's reports of the open findings.
  const crosscheck::RunSummary summary{0, 2, 0, rules.size()};
  for (const char* format : {"markdown", "sarif", "html"}) {
    CHECK(crosscheck::render_audit_report(first, format, rules) ==
          crosscheck::render_report(format, first.findings, index, rules, summary));
  }

  // A night with nothing changed takes its findings from the store: no claims, no details.
  const crosscheck::AuditRun quiet = crosscheck::run_audit(corpus, {store, ""}, rules, lexicon(), sink);
  CHECK(quiet.claims->claims().empty());
  const std::string text = crosscheck::render_audit_report(quiet, "text", rules);
  CHECK_THAT(text, Catch::Contains("\nnew (0):\n\nstill open (1):\n  error " + first.new_findings[0].fingerprint +
                                   " [conflicting-death-toll] "));
}

TEST_CASE("audit: a folder's event place covers its stored and its new articles, as check gives it", "[audit]") {
  // A wire story that names no place is filed in another folder the first
  // night and moved into the flood's the second: its figure is the flood's
  // in Derna only through the article already stored there.
  crosscheck::testing::TempDir dir;
  dir.write("corpus/flood/a.md", kArticle);
  const std::string wire_story =
      "---\nid: b\nsource: Harbor Daily\npublished: 2023-09-14\n---\n"
      "The mayor said 18,000 people had died in the floods.\n";
  dir.write("corpus/other/b.md", wire_story);
  const auto store = dir.path() / "audit.db";
  const std::vector<std::string> corpus = {(dir.path() / "corpus").string()};
  const auto rules = default_rules();
  crosscheck::DiagnosticSink sink;
  CHECK(crosscheck::run_audit(corpus, {store, ""}, rules, lexicon(), sink).findings.empty());
  std::filesystem::remove(dir.path() / "corpus/other/b.md");
  dir.write("corpus/flood/b.md", wire_story);  // the same text: only its folder changed
  const crosscheck::AuditRun second = crosscheck::run_audit(corpus, {store, ""}, rules, lexicon(), sink);
  CHECK(second.record.extracted == 0);  // kept, and filed under its new path
  CHECK(query(store, "SELECT file FROM articles WHERE id = 'b'") == (dir.path() / "corpus/flood/b.md").string());
  REQUIRE(second.findings.size() == 1);
  CHECK(second.findings[0].rule == "conflicting-death-toll");
  const auto& claims = second.claims->claims();
  const auto wire = std::find_if(claims.begin(), claims.end(), [](const auto& c) { return c.article == "b"; });
  REQUIRE(wire != claims.end());
  CHECK(wire->entity == "Derna");
  CHECK(wire->entity_from == crosscheck::PlaceFrom::event);

  // check over the same folder finds the same.
  std::vector<crosscheck::Claim> checked;
  crosscheck::extract_in_parallel(
      {dir.path() / "corpus"}, lexicon(), {},
      [&](crosscheck::ExtractedArticle&& done) {
        for (auto& claim : done.claims) checked.push_back(std::move(claim));
      },
      sink);
  const crosscheck::ClaimGraph graph(checked, lexicon());
  const auto found = crosscheck::evaluate(rules, graph, lexicon());
  REQUIRE(found.size() == 1);
  CHECK(found[0].fingerprint == second.findings[0].fingerprint);
  // The moved row reads back on the next nights, its checksum rewritten,
  // and its claims keep the new path when the findings are recomputed.
  const crosscheck::AuditRun third = crosscheck::run_audit(corpus, {store, ""}, rules, lexicon(), sink);
  CHECK(third.still_open.size() == 1);
  dir.write("corpus/third/c.md", "---\nid: c\nsource: Coastline Post\npublished: 2023-09-14\n---\nNo figures.\n");
  const crosscheck::AuditRun fourth = crosscheck::run_audit(corpus, {store, ""}, rules, lexicon(), sink);
  CHECK(fourth.record.extracted == 1);
  CHECK(fourth.still_open.size() == 1);
  CHECK(fourth.resolved.empty());
  CHECK(sink.error_count() == 0);
}
