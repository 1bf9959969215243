// The audit store's schema: created in a new store, checked in an existing
// one, and brought up to date from an older crosscheck's.
#include <fmt/format.h>

#include <charconv>

#include "audit/claim_codec.h"
#include "audit/store.h"

namespace crosscheck::audit {

namespace {

// The articles table, by a name (the upgrade builds it beside the old one).
std::string articles_table(std::string_view name) {
  return fmt::format(
      "CREATE TABLE {}(id TEXT PRIMARY KEY, file TEXT NOT NULL, hash TEXT NOT NULL, claim_count INTEGER NOT NULL, "
      "claims BLOB NOT NULL, checksum TEXT NOT NULL);",
      name);
}

constexpr const char* kOtherTables = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE findings(fingerprint TEXT PRIMARY KEY, rule TEXT NOT NULL, severity TEXT NOT NULL,
                      message TEXT NOT NULL, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,
                      open INTEGER NOT NULL, dismissed INTEGER NOT NULL DEFAULT 0, note TEXT NOT NULL DEFAULT '');
CREATE TABLE runs(id INTEGER PRIMARY KEY, started TEXT NOT NULL, seconds REAL NOT NULL, articles INTEGER NOT NULL,
                  claims INTEGER NOT NULL, extracted INTEGER NOT NULL, removed INTEGER NOT NULL,
                  errors INTEGER NOT NULL, new INTEGER NOT NULL, still_open INTEGER NOT NULL,
                  resolved INTEGER NOT NULL);
CREATE TABLE run_errors(run INTEGER NOT NULL REFERENCES runs(id), message TEXT NOT NULL);
)sql";

void set_schema_version(Database& db) {
  db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?1)")
      .bind(1, std::to_string(kSchemaVersion))
      .run();
}

// The claims of a row as schemas 1 and 2 kept them: a line of JSON each.
void read_json_claims(const std::string& store, const ArticleRow& row, std::vector<Claim>& out) {
  std::size_t read = 0;
  for (std::size_t start = 0; start < row.claims.size(); ++read) {
    std::size_t end = row.claims.find('\n', start);
    if (end == std::string_view::npos) end = row.claims.size();
    std::string error;
    auto claim = claim_from_json(row.claims.substr(start, end - start), error);
    if (!claim) refuse_unread_claim(store, row.id, read + 1, error);
    out.push_back(std::move(*claim));
    start = end + 1;
  }
  check_claim_count(store, row, read);
}

}  // namespace

// quick_check reads every page but skips the index-to-table cross-check of
// integrity_check, which is what makes it affordable every night. Read on,
// a damaged page could drop articles or findings without a word.
void check_integrity(Database& db, const std::string& store) {
  auto check = db.prepare("PRAGMA quick_check(1)");
  const std::string result = check.step() ? check.text(0) : std::string("no answer");
  if (result != "ok") refuse_damaged(store, "integrity check: " + result);
}

std::int64_t prepare_schema(Database& db, const std::string& store, bool may_create) {
  check_integrity(db, store);
  auto tables = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'");
  tables.step();
  if (tables.integer(0) == 0) {
    if (!may_create) refuse_empty(store);
    db.exec((articles_table("articles") + kOtherTables).c_str());
    set_schema_version(db);
    return kSchemaVersion;
  }
  auto has_meta = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'");
  has_meta.step();
  if (has_meta.integer(0) == 0) {
    throw AuditError(fmt::format("{}: error: not a crosscheck audit store; name another --state file", store));
  }
  auto version = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'");
  std::int64_t found = 0;  // stays 0 when missing or not a number
  if (version.step()) {
    const std::string text = version.text(0);
    std::from_chars(text.data(), text.data() + text.size(), found);
  }
  if (found > kSchemaVersion) {
    throw AuditError(
        fmt::format("{}: error: this store was written by a newer crosscheck (schema {}; this one "
                    "reads up to {}); upgrade crosscheck",
                    store, found, kSchemaVersion));
  }
  if (found < 1) {
    throw AuditError(
        fmt::format("{}: error: the store has no schema version; it was not written by crosscheck", store));
  }
  return found;
}

// The new table is filled beside the old one and takes its name: a table is
// not changed while it is being read. A row of schema 2 must match its
// checksum, as every run checks it; schema 1 rows had none.
std::size_t upgrade_store(Database& db, const std::string& store, std::int64_t from) {
  db.exec(articles_table("upgraded_articles").c_str());
  std::size_t rows_read = 0;
  {
    auto rows = db.prepare(from >= 2 ? "SELECT id, file, hash, claim_count, claims, checksum FROM articles"
                                     : "SELECT id, file, hash, claim_count, claims, '' FROM articles");
    auto insert = db.prepare(
        "INSERT INTO upgraded_articles(id, file, hash, claim_count, claims, checksum) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    std::vector<Claim> claims;
    for (; rows.step(); ++rows_read) {
      const ArticleRow row{rows.view(0), rows.view(1), rows.view(2), rows.integer(3), rows.view(4)};
      claims.clear();
      read_json_claims(store, row, claims);
      if (from >= 2 && row_checksum(row) != rows.view(5)) refuse_changed_row(store, row.id);
      const std::string record = encode_claims(claims);
      const std::string checksum = row_checksum({row.id, row.file, row.hash, row.claim_count, record});
      insert.bind(1, row.id).bind(2, row.file).bind(3, row.hash).bind(4, row.claim_count).bind_blob(5, record);
      insert.bind(6, checksum).run();
    }
  }
  db.exec("DROP TABLE articles; ALTER TABLE upgraded_articles RENAME TO articles");
  set_schema_version(db);
  return rows_read;
}

}  // namespace crosscheck::audit
