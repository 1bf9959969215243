#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <random>

#include "crosscheck/audit.h"
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
                    Catch::Contains("written by a newer crosscheck (schema 99; this one reads up to 2)"));

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

  // One damaged byte in a stored claim: the JSON no longer reads back.
  const std::string good = read_bytes(store);
  std::string bytes = good;
  const std::size_t at = bytes.find("\"qualifier\":");
  REQUIRE(at != std::string::npos);
  bytes[at + 1] = '\x01';
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
  const std::size_t at = bytes.find("\"value\":11300,");
  REQUIRE(at != std::string::npos);
  bytes[at + 10] = '9';
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

TEST_CASE("audit: a store from before row checksums is brought up to date by the next run", "[audit]") {
  crosscheck::testing::TempDir dir;
  dir.write("corpus/a.md", kArticle);
  dir.write("corpus/b.md", kOther);
  const auto store = dir.path() / "audit.db";
  const std::vector<std::string> corpus = {(dir.path() / "corpus").string()};
  crosscheck::DiagnosticSink sink;
  const crosscheck::AuditRun first = crosscheck::run_audit(corpus, {store, ""}, default_rules(), lexicon(), sink);
  REQUIRE(first.new_findings.size() == 1);
  // A store as crosscheck wrote it before the checksums (schema 1).
  tamper(store, "ALTER TABLE articles DROP COLUMN checksum; UPDATE meta SET value = '1' WHERE key = 'schema_version'");
  const std::string old = read_bytes(store);
  CHECK(crosscheck::audit_history(store).size() == 1);

  // A damaged claim in it is refused as before, and the store left at schema 1.
  std::string bytes = old;
  const std::size_t at = bytes.find("\"qualifier\":");
  REQUIRE(at != std::string::npos);
  bytes[at + 1] = '\x01';
  write_bytes(store, bytes);
  CHECK_THROWS_WITH(crosscheck::run_audit(corpus, {store, ""}, default_rules(), lexicon(), sink),
                    Catch::Contains("the audit store is damaged (claim ") && Catch::Contains("does not read back"));
  CHECK(read_bytes(store) == bytes);

  write_bytes(store, old);
  crosscheck::DiagnosticSink upgrade_sink;
  const crosscheck::AuditRun upgraded =
      crosscheck::run_audit(corpus, {store, ""}, default_rules(), lexicon(), upgrade_sink);
  CHECK(upgraded.record.extracted == 0);
  CHECK(upgraded.new_findings.empty());
  CHECK(upgraded.still_open.size() == 1);
  CHECK(messages(upgrade_sink) ==
        std::vector<std::string>{store.string() +
                                 ": note: the store is brought up to date (schema 2): a checksum for each of its 2 "
                                 "articles, so that a night with nothing changed checks them without reading every "
                                 "claim; this run reads every claim once, and older crosscheck versions no longer "
                                 "open the store"});
  CHECK(query(store, "SELECT value FROM meta WHERE key = 'schema_version'") == "2");
  CHECK(query(store, "SELECT count(*) FROM articles WHERE length(checksum) = 16") == "2");

  crosscheck::DiagnosticSink quiet_sink;
  const crosscheck::AuditRun quiet = crosscheck::run_audit(corpus, {store, ""}, default_rules(), lexicon(), quiet_sink);
  CHECK(quiet_sink.diagnostics().empty());
  CHECK(quiet.still_open.size() == 1);
  CHECK(crosscheck::audit_history(store).size() == 3);
}
