// The audit run: articles hashed and compared with the store, only changed
// ones re-extracted, findings recomputed over the whole graph and diffed
// against the last run, all inside one transaction.
#include "crosscheck/audit.h"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <charconv>
#include <chrono>
#include <cstring>
#include <ctime>
#include <functional>
#include <map>
#include <set>

#include "audit/sqlite_db.h"
#include "core/ascii_blocks.h"
#include "crosscheck/claims.h"
#include "crosscheck/graph.h"
#include "crosscheck/ingest.h"
#include "crosscheck/segment.h"
#include "crosscheck/version.h"

namespace crosscheck {

namespace {

// 1: the first store. 2: each article row carries a checksum (issue 14).
constexpr std::int64_t kSchemaVersion = 2;

constexpr const char* kSchema = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles(id TEXT PRIMARY KEY, file TEXT NOT NULL, hash TEXT NOT NULL, claim_count INTEGER NOT NULL,
                      claims TEXT NOT NULL, checksum TEXT NOT NULL);
CREATE TABLE findings(fingerprint TEXT PRIMARY KEY, rule TEXT NOT NULL, severity TEXT NOT NULL,
                      message TEXT NOT NULL, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,
                      open INTEGER NOT NULL, dismissed INTEGER NOT NULL DEFAULT 0, note TEXT NOT NULL DEFAULT '');
CREATE TABLE runs(id INTEGER PRIMARY KEY, started TEXT NOT NULL, seconds REAL NOT NULL, articles INTEGER NOT NULL,
                  claims INTEGER NOT NULL, extracted INTEGER NOT NULL, removed INTEGER NOT NULL,
                  errors INTEGER NOT NULL, new INTEGER NOT NULL, still_open INTEGER NOT NULL,
                  resolved INTEGER NOT NULL);
CREATE TABLE run_errors(run INTEGER NOT NULL REFERENCES runs(id), message TEXT NOT NULL);
)sql";

std::string now_utc() {
  const std::time_t now = std::time(nullptr);
  std::tm parts{};
  gmtime_r(&now, &parts);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return buffer;
}

// The article's fields under the run's configuration and program version:
// another lexicon or version may read the figures differently.
std::string content_hash(const Article& article, const std::string& configuration) {
  return ContentHash()
      .add(kVersion)
      .add(configuration)
      .add(article.source)
      .add(article.title)
      .add(article.url)
      .add(article.published ? format_as(*article.published) : "")
      .add(article.text)
      .hex();
}

Severity severity_named(const std::string& name) {
  if (name == "error") return Severity::error;
  if (name == "note") return Severity::note;
  return Severity::warning;
}

// Refuses a store that SQLite finds damaged: read on, a damaged page could
// drop articles or findings without a word. quick_check reads every page but
// skips the index-to-table cross-check of integrity_check, which is what
// makes it affordable every night.
void check_integrity(audit::Database& db, const std::string& store) {
  auto check = db.prepare("PRAGMA quick_check(1)");
  const std::string result = check.step() ? check.text(0) : std::string("no answer");
  if (result != "ok") audit::refuse_damaged(store, "integrity check: " + result);
}

// Creates the schema in a new store (when `may_create`); checks the version
// of an existing one, which it returns (1 before the rows had checksums; only
// the audit run, which reads the rows, brings it up to date). Checks the
// store's pages first.
std::int64_t prepare_schema(audit::Database& db, const std::string& store, bool may_create) {
  check_integrity(db, store);
  auto tables = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'");
  tables.step();
  if (tables.integer(0) == 0) {
    if (!may_create) {
      audit::refuse_empty(store);
    }
    db.exec(kSchema);
    db.prepare("INSERT INTO meta(key, value) VALUES ('schema_version', ?1)")
        .bind(1, std::to_string(kSchemaVersion))
        .run();
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

struct StoredFinding {
  AuditedFinding finding;
  bool open = false;
};

std::map<std::string, StoredFinding> stored_findings(audit::Database& db, const std::string& store) {
  std::map<std::string, StoredFinding> out;
  auto rows = db.prepare(
      "SELECT fingerprint, rule, severity, message, first_seen, last_seen, open, dismissed, note FROM findings");
  while (rows.step()) {
    const std::string severity = rows.text(2);
    if (severity != "error" && severity != "warning" && severity != "note") {
      audit::refuse_damaged(store, fmt::format("finding {} has the severity '{}'", rows.text(0), severity));
    }
    StoredFinding stored;
    stored.finding = {rows.text(0), rows.text(1), severity_named(severity), rows.text(3),
                      rows.text(4), rows.text(5), rows.integer(7) != 0,     rows.text(8)};
    stored.open = rows.integer(6) != 0;
    out.emplace(stored.finding.fingerprint, std::move(stored));
  }
  return out;
}

struct StoredArticle {
  std::string file;
  std::string hash;
};

// The claims of one stored article (`jsonl`, `count` of them), each of which
// must read back: a claim dropped here would close the findings it is part
// of, as if the corpus had changed. Appends them to `out` when given.
void read_stored_claims(const std::string& store, const std::string& id, std::string_view jsonl, std::int64_t count,
                        std::vector<Claim>* out) {
  std::int64_t read = 0;
  for (std::size_t start = 0; start < jsonl.size(); ++read) {
    std::size_t end = jsonl.find('\n', start);
    if (end == std::string_view::npos) end = jsonl.size();
    std::string error;
    auto claim = claim_from_json(jsonl.substr(start, end - start), error);
    if (!claim) {
      audit::refuse_damaged(store, fmt::format("claim {} of article '{}' does not read back: {}", read + 1, id, error));
    }
    if (out) out->push_back(std::move(*claim));
    start = end + 1;
  }
  if (read != count) {
    audit::refuse_damaged(store, fmt::format("article '{}' should hold {} claims but holds {}", id, count, read));
  }
}

// One stored article row, as read (the views live until the next step).
struct ArticleRow {
  std::string_view id;
  std::string_view file;
  std::string_view hash;
  std::int64_t claim_count = 0;
  std::string_view claims;
};

// A 64-bit checksum of a sequence of texts, eight bytes a step (ContentHash
// takes one byte a step: 0.5 s instead of 0.1 s over the 460 MB of claims of
// the 114k-article benchmark store). Each step, state -> rotl(state ^ word, 29) * odd, is a
// bijection of the state for a given word and of the word for a given state,
// so two inputs of the same lengths that differ in a single word always
// differ; other damage collides with odds of about 2^-64. Each text is
// closed by its length: ("ab", "c") and ("a", "bc") differ. The store's
// files are little-endian everywhere crosscheck builds (ascii_blocks.h).
class RowChecksum {
 public:
  RowChecksum& add(std::string_view text) noexcept {
    std::size_t at = 0;
    for (; at + 8 <= text.size(); at += 8) mix(ascii_blocks::load(text.data() + at));
    std::uint64_t tail = 0;
    if (at < text.size()) std::memcpy(&tail, text.data() + at, text.size() - at);
    mix(tail);
    mix(text.size());
    return *this;
  }
  std::string hex() const { return fmt::format("{:016x}", state_); }

 private:
  void mix(std::uint64_t word) noexcept { state_ = std::rotl(state_ ^ word, 29) * 0x9e3779b97f4a7c15ULL; }
  std::uint64_t state_ = 0x243f6a8885a308d3ULL;
};

// The checksum of a stored article row, written with it: a byte changed
// anywhere in the row (a damaged page, a stray write) changes it. Checking
// it costs one fast pass over the bytes; reading every claim back costs
// parsing them, which a night with nothing changed need not pay.
std::string row_checksum(const ArticleRow& row) {
  return RowChecksum()
      .add(row.id)
      .add(row.file)
      .add(row.hash)
      .add(std::to_string(row.claim_count))
      .add(row.claims)
      .hex();
}

// Refuses a row whose checksum is not `checksum`: saying which claim does
// not read back when one does not (the message a damaged row gave before it
// had a checksum), else that the row changed after it was written (a figure
// altered into another figure still parses, but is not what was stored).
void check_row(const std::string& store, const ArticleRow& row, std::string_view checksum) {
  if (row_checksum(row) == checksum) return;
  read_stored_claims(store, std::string(row.id), row.claims, row.claim_count, nullptr);
  audit::refuse_damaged(store, fmt::format("article '{}' does not match its checksum: its stored row changed after "
                                           "it was written",
                                           row.id));
}

// Checks every stored article row against its checksum, keeping no claim:
// a run that does not need the claims still refuses a store in which they
// are damaged, while the backup is fresh.
void verify_stored_rows(audit::Database& db, const std::string& store) {
  auto rows = db.prepare("SELECT id, file, hash, claim_count, claims, checksum FROM articles");
  while (rows.step()) {
    check_row(store, {rows.view(0), rows.view(1), rows.view(2), rows.integer(3), rows.view(4)}, rows.view(5));
  }
}

// Brings a schema 1 store (rows without checksums) to schema 2: every
// stored claim is read back once, as every run did before there were
// checksums (a damaged row is refused the same way), and each row's checksum
// written. Part of the run's transaction: a run that fails or is killed
// leaves the store at schema 1. Returns the number of rows.
std::size_t add_checksums(audit::Database& db, const std::string& store) {
  db.exec("ALTER TABLE articles ADD COLUMN checksum TEXT NOT NULL DEFAULT ''");
  // Written after the scan: a table is not updated while it is being read.
  std::vector<std::pair<std::string, std::string>> checksums;
  {
    auto rows = db.prepare("SELECT id, file, hash, claim_count, claims FROM articles");
    while (rows.step()) {
      const ArticleRow row{rows.view(0), rows.view(1), rows.view(2), rows.integer(3), rows.view(4)};
      read_stored_claims(store, std::string(row.id), row.claims, row.claim_count, nullptr);
      checksums.emplace_back(row.id, row_checksum(row));
    }
  }
  auto update = db.prepare("UPDATE articles SET checksum = ?2 WHERE id = ?1");
  for (const auto& [id, checksum] : checksums) update.bind(1, id).bind(2, checksum).run();
  db.prepare("UPDATE meta SET value = ?1 WHERE key = 'schema_version'").bind(1, std::to_string(kSchemaVersion)).run();
  return checksums.size();
}

// Whether `file` is `path` or lies under it ('/'-separated, lexically normal).
bool lies_under(const std::string& file, const std::string& path) {
  if (path == ".") return !file.starts_with('/') && !file.starts_with("../");
  if (path == "/") return file.starts_with('/');
  return file.starts_with(path) && (file.size() == path.size() || file[path.size()] == '/');
}

// The store's file and the journal files SQLite keeps beside it.
std::vector<std::filesystem::path> store_files(const std::filesystem::path& store) {
  return {store, store.string() + "-wal", store.string() + "-shm"};
}

// Moves a store and its journal files to `to` (a store name), or removes
// them when `to` is empty. Missing files are not an error.
void move_store(const std::filesystem::path& from, const std::filesystem::path& to) {
  const auto sources = store_files(from);
  const auto targets = to.empty() ? std::vector<std::filesystem::path>{} : store_files(to);
  for (std::size_t i = 0; i < sources.size(); ++i) {
    std::error_code error;
    if (!std::filesystem::exists(std::filesystem::symlink_status(sources[i], error))) continue;
    if (to.empty()) {
      std::filesystem::remove(sources[i], error);
    } else {
      std::filesystem::rename(sources[i], targets[i], error);
    }
    if (error) {
      throw AuditError(fmt::format("{}: error: cannot {} the store file: {}; check the folder is writable",
                                   sources[i].string(), to.empty() ? "remove" : "move", error.message()));
    }
  }
}

// A name beside `store` that no file has: STORE.damaged, STORE.damaged.2, ...
std::filesystem::path free_name(const std::filesystem::path& store, const std::string& suffix) {
  for (int n = 1;; ++n) {
    std::filesystem::path candidate = store.string() + suffix + (n == 1 ? "" : "." + std::to_string(n));
    std::error_code error;
    if (!std::filesystem::exists(std::filesystem::symlink_status(candidate, error))) return candidate;
  }
}

bool is_fingerprint(const std::string& text) {
  return text.size() == 16 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

bool is_timestamp(const std::string& text) {  // YYYY-MM-DDTHH:MM:SSZ
  return text.size() == 20 && text[4] == '-' && text[10] == 'T' && text[19] == 'Z';
}

// What still reads from an old (damaged) store's findings: their first
// sightings and the editors' dismissals with their notes, which a rebuild
// cannot find again in the corpus. Rows that do not look right are left
// out; reading stops at the first error.
std::vector<AuditedFinding> salvage_findings(const std::filesystem::path& old_store) {
  std::vector<AuditedFinding> out;
  try {
    audit::Database db(old_store, false, true);
    auto rows = db.prepare("SELECT fingerprint, rule, severity, message, first_seen, dismissed, note FROM findings");
    while (rows.step()) {
      const std::string fingerprint = rows.text(0), severity = rows.text(2), first_seen = rows.text(4);
      if (!is_fingerprint(fingerprint) || !is_timestamp(first_seen)) continue;
      if (severity != "error" && severity != "warning" && severity != "note") continue;
      out.push_back({fingerprint, rows.text(1), severity_named(severity), rows.text(3), first_seen, first_seen,
                     rows.integer(5) == 1, rows.text(6)});
    }
  } catch (const AuditError&) {
    // What was read before the damage is kept.
  }
  return out;
}

AuditRun run_in_store(const std::filesystem::path& state, const std::vector<std::string>& paths,
                      const AuditSettings& settings, const std::vector<Rule>& rules, const Lexicon& lexicon,
                      DiagnosticSink& diagnostics, const std::function<void(const AuditRun&)>& deliver,
                      const std::vector<AuditedFinding>& carried = {});

}  // namespace

AuditRun run_audit(const std::vector<std::string>& paths, const AuditSettings& settings, const std::vector<Rule>& rules,
                   const Lexicon& lexicon, DiagnosticSink& diagnostics,
                   const std::function<void(const AuditRun&)>& deliver) {
  if (!settings.rebuild) return run_in_store(settings.state, paths, settings, rules, lexicon, diagnostics, deliver);
  // A new store is built beside the old one and takes its place only once
  // its run is committed: a rebuild that fails leaves the old store where it was.
  const std::filesystem::path fresh = settings.state.string() + ".rebuild";
  move_store(fresh, {});  // what a failed rebuild left
  const std::vector<AuditedFinding> carried = salvage_findings(settings.state);
  if (!carried.empty()) {
    const auto dismissed = std::count_if(carried.begin(), carried.end(), [](const auto& f) { return f.dismissed; });
    diagnostics.warning({settings.state.string(), 0, 0},
                        fmt::format("carried over from the old store: the first sightings of {} findings and {} "
                                    "editors' dismissals; the run history starts anew",
                                    carried.size(), dismissed));
  }
  AuditRun run = run_in_store(fresh, paths, settings, rules, lexicon, diagnostics, deliver, carried);
  std::error_code error;
  if (std::filesystem::exists(std::filesystem::symlink_status(settings.state, error))) {
    const std::filesystem::path kept = free_name(settings.state, ".damaged");
    move_store(settings.state, kept);
    diagnostics.warning(
        {settings.state.string(), 0, 0},
        fmt::format("the old store is kept as {}; remove it once the new one is trusted", kept.string()));
  }
  move_store(fresh, settings.state);
  return run;
}

namespace {

AuditRun run_in_store(const std::filesystem::path& state, const std::vector<std::string>& paths,
                      const AuditSettings& settings, const std::vector<Rule>& rules, const Lexicon& lexicon,
                      DiagnosticSink& diagnostics, const std::function<void(const AuditRun&)>& deliver,
                      const std::vector<AuditedFinding>& carried) {
  const auto clock_start = std::chrono::steady_clock::now();
  const std::string store = state.string();
  std::error_code size_error;
  const bool was_empty_file = std::filesystem::file_size(state, size_error) == 0 && !size_error;
  audit::Database db(state, true);
  // IMMEDIATE takes the write lock now, so a second audit waits here, not halfway.
  db.exec("BEGIN IMMEDIATE");
  {
    // NOTE: a 0-byte file is what a first run killed before its commit
    // leaves, so it is taken as a new store; but it is also what a failed
    // copy or restore leaves, when every finding would be reported new.
    auto tables = db.prepare("SELECT count(*) FROM sqlite_master");
    if (was_empty_file && tables.step() && tables.integer(0) == 0) {
      diagnostics.warning({store, 0, 0},
                          "the store is an empty file (0 bytes): starting a new store, so every finding is new; "
                          "if it held earlier runs, restore it from a backup instead");
    }
  }
  if (prepare_schema(db, store, true) < 2) {
    const std::size_t rows = add_checksums(db, store);
    diagnostics.report({Severity::note,
                        {store, 0, 0},
                        fmt::format("the store is brought up to date (schema {}): a checksum for each of its {} "
                                    "articles, so that a night with nothing changed checks them without reading "
                                    "every claim; this run reads every claim once, and older crosscheck versions "
                                    "no longer open the store",
                                    kSchemaVersion, rows),
                        {}});
  }
  // A rebuild's findings from the old store, closed: the run reopens those
  // it finds again, keeping their first sighting and the editor's decision.
  auto carry = db.prepare(
      "INSERT OR IGNORE INTO findings(fingerprint, rule, severity, message, first_seen, last_seen, open, dismissed, "
      "note) VALUES (?1, ?2, ?3, ?4, ?5, ?5, 0, ?6, ?7)");
  for (const AuditedFinding& finding : carried) {
    carry.bind(1, finding.fingerprint)
        .bind(2, finding.rule)
        .bind(3, format_as(finding.severity))
        .bind(4, finding.message)
        .bind(5, finding.first_seen)
        .bind(6, std::int64_t{finding.dismissed ? 1 : 0})
        .bind(7, finding.note)
        .run();
  }

  AuditRun run;
  run.record.started = now_utc();

  std::map<std::string, StoredArticle> known;
  {
    auto rows = db.prepare("SELECT id, file, hash FROM articles");
    while (rows.step()) known.emplace(rows.text(0), StoredArticle{rows.text(1), rows.text(2)});
  }
  std::map<std::string, StoredFinding> before = stored_findings(db, store);
  std::string last_configuration;
  {
    auto row = db.prepare("SELECT value FROM meta WHERE key = 'configuration'");
    if (row.step()) last_configuration = row.text(0);
  }

  auto save_article = db.prepare(
      "INSERT OR REPLACE INTO articles(id, file, hash, claim_count, claims, checksum) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  std::set<std::string> seen;
  std::vector<std::string> unchanged;  // their claims are read from the store only if findings are recomputed
  const std::size_t errors_before = diagnostics.error_count();
  const std::size_t diagnostics_before = diagnostics.diagnostics().size();
  const std::vector<std::filesystem::path> files(paths.begin(), paths.end());
  // Only new and changed articles are read; the hash of each is kept for the store.
  std::map<std::string, std::string> changed_hashes;
  ExtractionOptions reading = settings.reading;
  reading.wanted = [&](const Article& article) {
    seen.insert(article.id);
    std::string hash = content_hash(article, settings.configuration);
    if (const auto found = known.find(article.id); found != known.end() && found->second.hash == hash) {
      unchanged.push_back(article.id);
      return false;
    }
    changed_hashes[article.id] = std::move(hash);
    return true;
  };
  const IngestStats stats = extract_in_parallel(
      files, lexicon, reading,
      [&](ExtractedArticle&& done) {
        const Article& article = done.article;
        const auto hash_entry = changed_hashes.find(article.id);
        const std::string hash = std::move(hash_entry->second);
        changed_hashes.erase(hash_entry);
        ++run.record.extracted;
        std::string jsonl;
        std::int64_t count = 0;
        for (Claim& claim : done.claims) {
          jsonl += claim_json(claim);
          jsonl += '\n';
          run.all_claims.push_back(std::move(claim));
          ++count;
        }
        const std::string checksum = row_checksum({article.id, article.origin.file, hash, count, jsonl});
        save_article.bind(1, article.id)
            .bind(2, article.origin.file)
            .bind(3, hash)
            .bind(4, count)
            .bind(5, jsonl)
            .bind(6, checksum)
            .run();
      },
      diagnostics);
  run.record.errors = diagnostics.error_count() - errors_before;
  // An article read but not handed on failed in the claims stage (over a
  // limit, out of memory): it keeps its last good claims.
  for (const auto& [id, hash] : changed_hashes) {
    if (known.count(id)) unchanged.push_back(id);
  }

  // Articles not seen: deleted, unless their file failed to read this time,
  // or lies under a path that could not be listed in full (an unmounted
  // share, a folder without permission): those keep their last good claims.
  std::set<std::string> failed_files;
  for (std::size_t i = diagnostics_before; i < diagnostics.diagnostics().size(); ++i) {
    const Diagnostic& diagnostic = diagnostics.diagnostics()[i];
    if (diagnostic.severity == Severity::error) failed_files.insert(diagnostic.span.file);
  }
  std::map<std::string, std::size_t> kept_under;  // unread path -> stored articles kept under it
  auto remove_article = db.prepare("DELETE FROM articles WHERE id = ?1");
  for (const auto& [id, stored] : known) {
    if (seen.count(id)) continue;
    const std::string& file = stored.file;  // NOTE: clang before 16 cannot capture a structured binding
    const auto unread = std::find_if(stats.unread_paths.begin(), stats.unread_paths.end(),
                                     [&](const std::string& path) { return lies_under(file, path); });
    if (unread != stats.unread_paths.end()) ++kept_under[*unread];
    if (unread != stats.unread_paths.end() || failed_files.count(stored.file)) {
      unchanged.push_back(id);
      seen.insert(id);
      continue;
    }
    remove_article.bind(1, id).run();
    ++run.record.removed;
  }
  for (const auto& [path, count] : kept_under) {
    diagnostics.report({Severity::note,
                        {path, 0, 0},
                        fmt::format("{} stored article{} under this path kept with {} last good claims: it could "
                                    "not be read in full this run",
                                    count, count == 1 ? "" : "s", count == 1 ? "its" : "their"),
                        {}});
  }
  run.record.articles = seen.size();
  {
    auto total = db.prepare("SELECT coalesce(sum(claim_count), 0) FROM articles");
    total.step();
    run.record.claims = static_cast<std::size_t>(total.integer(0));
  }

  const bool changed = run.record.extracted > 0 || run.record.removed > 0 ||
                       last_configuration != settings.configuration || known.empty();
  std::set<std::string> now_open;
  if (changed || settings.full_findings) {
    // Every claim in one graph: a changed article can open or close findings
    // that involve any other.
    // NOTE: a claim that does not read back stops the run here; nothing of
    // it is committed, so the store is left as it was.
    auto load_claims = db.prepare("SELECT file, hash, claim_count, claims, checksum FROM articles WHERE id = ?1");
    for (const std::string& id : unchanged) {
      load_claims.bind(1, id);
      if (!load_claims.step()) audit::refuse_damaged(store, fmt::format("article '{}' is gone from the store", id));
      const ArticleRow row{id, load_claims.view(0), load_claims.view(1), load_claims.integer(2), load_claims.view(3)};
      check_row(store, row, load_claims.view(4));
      read_stored_claims(store, id, row.claims, row.claim_count, &run.all_claims);
      load_claims.reset();
    }
    const ClaimGraph graph(run.all_claims, lexicon);
    run.findings = evaluate(rules, graph, lexicon);
    auto upsert = db.prepare(
        "INSERT INTO findings(fingerprint, rule, severity, message, first_seen, last_seen, open) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?5, 1) ON CONFLICT(fingerprint) DO UPDATE SET rule = ?2, severity = ?3, "
        "message = ?4, last_seen = ?5, open = 1");
    for (const Finding& finding : run.findings) {
      if (!now_open.insert(finding.fingerprint).second) continue;
      upsert.bind(1, finding.fingerprint)
          .bind(2, finding.rule)
          .bind(3, format_as(finding.severity))
          .bind(4, finding.message)
          .bind(5, run.record.started)
          .run();
      const auto found = before.find(finding.fingerprint);
      AuditedFinding audited{finding.fingerprint,
                             finding.rule,
                             finding.severity,
                             finding.message,
                             found == before.end() ? run.record.started : found->second.finding.first_seen,
                             run.record.started,
                             found != before.end() && found->second.finding.dismissed,
                             found == before.end() ? std::string() : found->second.finding.note};
      if (audited.dismissed) continue;
      (found != before.end() && found->second.open ? run.still_open : run.new_findings).push_back(std::move(audited));
    }
  } else {
    // Nothing the findings depend on changed: they are the last run's.
    verify_stored_rows(db, store);
    db.prepare("UPDATE findings SET last_seen = ?1 WHERE open = 1").bind(1, run.record.started).run();
    for (auto& [fingerprint, stored] : before) {
      if (!stored.open) continue;
      now_open.insert(fingerprint);
      stored.finding.last_seen = run.record.started;
      if (!stored.finding.dismissed) run.still_open.push_back(stored.finding);
    }
  }
  auto close = db.prepare("UPDATE findings SET open = 0 WHERE fingerprint = ?1");
  for (auto& [fingerprint, stored] : before) {
    if (!stored.open || now_open.count(fingerprint)) continue;
    close.bind(1, fingerprint).run();
    if (!stored.finding.dismissed) run.resolved.push_back(stored.finding);
  }
  db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('configuration', ?1)")
      .bind(1, settings.configuration)
      .run();

  run.record.new_findings = run.new_findings.size();
  run.record.still_open = run.still_open.size();
  run.record.resolved = run.resolved.size();
  run.record.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - clock_start).count();
  auto record = db.prepare(
      "INSERT INTO runs(started, seconds, articles, claims, extracted, removed, errors, new, still_open, resolved) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  const AuditRunRecord& r = run.record;
  record.bind(1, r.started)
      .bind(2, r.seconds)
      .bind(3, static_cast<std::int64_t>(r.articles))
      .bind(4, static_cast<std::int64_t>(r.claims))
      .bind(5, static_cast<std::int64_t>(r.extracted))
      .bind(6, static_cast<std::int64_t>(r.removed))
      .bind(7, static_cast<std::int64_t>(r.errors))
      .bind(8, static_cast<std::int64_t>(r.new_findings))
      .bind(9, static_cast<std::int64_t>(r.still_open))
      .bind(10, static_cast<std::int64_t>(r.resolved))
      .run();
  auto last_id = db.prepare("SELECT last_insert_rowid()");
  last_id.step();
  run.record.id = static_cast<long>(last_id.integer(0));
  // The run's input errors stay with it, for whoever reads the store after a failed night.
  auto record_error = db.prepare("INSERT INTO run_errors(run, message) VALUES (?1, ?2)");
  const auto& reported = diagnostics.diagnostics();
  for (std::size_t i = diagnostics_before; i < reported.size(); ++i) {
    if (reported[i].severity != Severity::error) continue;
    record_error.bind(1, std::int64_t{run.record.id}).bind(2, format_as(reported[i])).run();
  }
  // The run counts as seen only once its report is out: a report that could
  // not be written throws here, and the store stays at the last run.
  if (deliver) deliver(run);
  db.exec("COMMIT");
  return run;
}

}  // namespace

void triage_finding(const std::filesystem::path& state, const std::string& fingerprint, bool dismiss,
                    const std::string& note) {
  const std::string store = state.string();
  audit::Database db(state, false);
  db.exec("BEGIN IMMEDIATE");
  prepare_schema(db, store, false);
  auto update = db.prepare("UPDATE findings SET dismissed = ?2, note = ?3 WHERE fingerprint = ?1");
  update.bind(1, fingerprint).bind(2, std::int64_t{dismiss ? 1 : 0}).bind(3, note).run();
  auto changed = db.prepare("SELECT changes()");
  changed.step();
  if (changed.integer(0) == 0) {
    throw AuditError(
        fmt::format("{}: error: no finding {} in this store; 'crosscheck audit --format json' lists "
                    "the fingerprints",
                    store, fingerprint));
  }
  db.exec("COMMIT");
}

std::vector<AuditRunRecord> audit_history(const std::filesystem::path& state) {
  const std::string store = state.string();
  audit::Database db(state, false);
  db.exec("BEGIN");
  prepare_schema(db, store, false);
  std::vector<AuditRunRecord> runs;
  auto rows = db.prepare(
      "SELECT id, started, seconds, articles, claims, extracted, removed, errors, new, still_open, resolved "
      "FROM runs ORDER BY id");
  auto count = [&](int column) { return static_cast<std::size_t>(rows.integer(column)); };
  while (rows.step()) {
    runs.push_back({static_cast<long>(rows.integer(0)), rows.text(1), rows.real(2), count(3), count(4), count(5),
                    count(6), count(7), count(8), count(9), count(10)});
  }
  db.exec("COMMIT");
  return runs;
}

}  // namespace crosscheck
