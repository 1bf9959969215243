#include <sqlite3.h>

#include <catch2/catch.hpp>

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
                    Catch::Contains("written by a newer crosscheck (schema 99; this one reads up to 1)"));

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
