// The audit run: articles hashed and compared with the store, only changed
// ones re-extracted, findings recomputed over all claims and diffed against
// the last run, all inside one transaction.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <set>

#include "audit/claim_codec.h"
#include "audit/store.h"
#include "crosscheck/version.h"

namespace crosscheck::audit {

namespace {

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

// Whether `file` is `path` or lies under it ('/'-separated, lexically normal).
bool lies_under(const std::string& file, const std::string& path) {
  if (path == ".") return !file.starts_with('/') && !file.starts_with("../");
  if (path == "/") return file.starts_with('/');
  return file.starts_with(path) && (file.size() == path.size() || file[path.size()] == '/');
}

struct StoredArticle {
  std::string file;
  std::string hash;
};

// One run against an open store, in the order it goes: the store checked
// (and brought up to date), the corpus read, the articles not seen removed,
// the findings found, the run recorded.
class Night {
 public:
  Night(Database& db, const std::string& store, const AuditSettings& settings, DiagnosticSink& diagnostics,
        std::chrono::steady_clock::time_point clock_start)
      : db_(db), store_(store), settings_(settings), diagnostics_(diagnostics), clock_start_(clock_start) {}

  void open(bool was_empty_file, const std::vector<AuditedFinding>& carried);
  void read_corpus(const std::vector<std::string>& paths, const Lexicon& lexicon);
  void find(const std::vector<Rule>& rules, const Lexicon& lexicon);
  void record();
  AuditRun& run() { return run_; }

 private:
  void upgrade(std::int64_t from);
  void carry(const std::vector<AuditedFinding>& carried);
  void save_article(Statement& save, const ExtractedArticle& done, std::string_view hash);
  void remove_unseen(const IngestStats& stats);
  void recompute(const std::vector<Rule>& rules, const Lexicon& lexicon);
  void reuse(const Lexicon& lexicon);
  void close_resolved();

  Database& db_;
  const std::string& store_;
  const AuditSettings& settings_;
  DiagnosticSink& diagnostics_;
  std::chrono::steady_clock::time_point clock_start_;
  AuditRun run_;
  std::map<std::string, StoredArticle> known_;
  std::map<std::string, StoredFinding> before_;
  std::string last_configuration_;
  std::set<std::string> seen_;
  std::vector<std::string> unchanged_;        // their claims are read from the store only if findings are recomputed
  std::map<std::string, std::string> moved_;  // unchanged articles read from another file now: id -> that file
  std::vector<Claim> claims_;                 // the claims read anew
  std::set<std::string> now_open_;
  std::size_t errors_before_ = 0;
  std::size_t diagnostics_before_ = 0;
};

void Night::open(bool was_empty_file, const std::vector<AuditedFinding>& carried) {
  {
    // NOTE: a 0-byte file is what a first run killed before its commit
    // leaves, so it is taken as a new store; but it is also what a failed
    // copy or restore leaves, when every finding would be reported new.
    auto tables = db_.prepare("SELECT count(*) FROM sqlite_master");
    if (was_empty_file && tables.step() && tables.integer(0) == 0) {
      diagnostics_.warning({store_, 0, 0},
                           "the store is an empty file (0 bytes): starting a new store, so every finding is new; "
                           "if it held earlier runs, restore it from a backup instead");
    }
  }
  if (const std::int64_t found = prepare_schema(db_, store_, true); found < kSchemaVersion) upgrade(found);
  carry(carried);
  run_.record.started = now_utc();
  auto rows = db_.prepare("SELECT id, file, hash FROM articles");
  while (rows.step()) known_.emplace(rows.text(0), StoredArticle{rows.text(1), rows.text(2)});
  before_ = stored_findings(db_, store_);
  auto row = db_.prepare("SELECT value FROM meta WHERE key = 'configuration'");
  if (row.step()) last_configuration_ = row.text(0);
  errors_before_ = diagnostics_.error_count();
  diagnostics_before_ = diagnostics_.diagnostics().size();
}

void Night::upgrade(std::int64_t from) {
  const std::size_t rows = upgrade_store(db_, store_, from);
  diagnostics_.report({Severity::note,
                       {store_, 0, 0},
                       fmt::format("the store is brought up to date (schema {} to {}): the claims of each of its {} "
                                   "articles are kept in a binary form that reads back without parsing JSON, with a "
                                   "checksum; this run reads every claim once, and older crosscheck versions no "
                                   "longer open the store",
                                   from, kSchemaVersion, rows),
                       {}});
}

// A rebuild's findings from the old store, closed: the run reopens those it
// finds again, keeping their first sighting and the editor's decision.
void Night::carry(const std::vector<AuditedFinding>& carried) {
  auto insert = db_.prepare(
      "INSERT OR IGNORE INTO findings(fingerprint, rule, severity, message, first_seen, last_seen, open, dismissed, "
      "note) VALUES (?1, ?2, ?3, ?4, ?5, ?5, 0, ?6, ?7)");
  for (const AuditedFinding& finding : carried) {
    insert.bind(1, finding.fingerprint)
        .bind(2, finding.rule)
        .bind(3, format_as(finding.severity))
        .bind(4, finding.message)
        .bind(5, finding.first_seen)
        .bind(6, std::int64_t{finding.dismissed ? 1 : 0})
        .bind(7, finding.note)
        .run();
  }
}

// Only new and changed articles are read; the others are remembered as
// unchanged, and those not seen are removed.
void Night::read_corpus(const std::vector<std::string>& paths, const Lexicon& lexicon) {
  std::map<std::string, std::string> changed_hashes;  // the hash of each article read, kept for the store
  ExtractionOptions reading = settings_.reading;
  // The store keeps each article's claims as read alone: a folder's event
  // places are given in recompute, over its stored and new articles alike.
  reading.place_events = false;
  reading.wanted = [&](const Article& article) {
    seen_.insert(article.id);
    std::string hash = content_hash(article, settings_.configuration);
    if (const auto found = known_.find(article.id); found != known_.end() && found->second.hash == hash) {
      // Moved, or its corpus named another way: its claims are kept and
      // take the file it is read from now, whose folder places its figures.
      if (found->second.file != article.origin.file) moved_[article.id] = article.origin.file;
      unchanged_.push_back(article.id);
      return false;
    }
    changed_hashes[article.id] = std::move(hash);
    return true;
  };
  const std::vector<std::filesystem::path> files(paths.begin(), paths.end());
  auto save = db_.prepare(
      "INSERT OR REPLACE INTO articles(id, file, hash, claim_count, claims, checksum) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  const IngestStats stats = extract_in_parallel(
      files, lexicon, reading,
      [&](ExtractedArticle&& done) {
        const auto hash = changed_hashes.find(done.article.id);
        save_article(save, done, hash->second);
        changed_hashes.erase(hash);
        std::move(done.claims.begin(), done.claims.end(), std::back_inserter(claims_));
      },
      diagnostics_);
  run_.record.errors = diagnostics_.error_count() - errors_before_;
  // An article read but not handed on failed in the claims stage (over a
  // limit, out of memory): it keeps its last good claims.
  for (const auto& [id, hash] : changed_hashes) {
    if (known_.count(id)) unchanged_.push_back(id);
  }
  remove_unseen(stats);
}

void Night::save_article(Statement& save, const ExtractedArticle& done, std::string_view hash) {
  const Article& article = done.article;
  ++run_.record.extracted;
  const std::string record = encode_claims(done.claims);
  const auto count = static_cast<std::int64_t>(done.claims.size());
  const std::string checksum = row_checksum({article.id, article.origin.file, hash, count, record});
  save.bind(1, article.id)
      .bind(2, article.origin.file)
      .bind(3, hash)
      .bind(4, count)
      .bind_blob(5, record)
      .bind(6, checksum)
      .run();
}

// Articles not seen: deleted, unless their file failed to read this time, or
// lies under a path that could not be listed in full (an unmounted share, a
// folder without permission): those keep their last good claims.
void Night::remove_unseen(const IngestStats& stats) {
  std::set<std::string> failed_files;
  for (std::size_t i = diagnostics_before_; i < diagnostics_.diagnostics().size(); ++i) {
    const Diagnostic& diagnostic = diagnostics_.diagnostics()[i];
    if (diagnostic.severity == Severity::error) failed_files.insert(diagnostic.span.file);
  }
  std::map<std::string, std::size_t> kept_under;  // unread path -> stored articles kept under it
  auto remove = db_.prepare("DELETE FROM articles WHERE id = ?1");
  for (const auto& [id, stored] : known_) {
    if (seen_.count(id)) continue;
    const std::string& file = stored.file;  // NOTE: clang before 16 cannot capture a structured binding
    const auto unread = std::find_if(stats.unread_paths.begin(), stats.unread_paths.end(),
                                     [&](const std::string& path) { return lies_under(file, path); });
    if (unread != stats.unread_paths.end()) ++kept_under[*unread];
    // A web archive's articles are "FILE#offset=N": the file failed if it did.
    const std::string archive = file.substr(0, file.find("#offset="));
    if (unread != stats.unread_paths.end() || failed_files.count(file) || failed_files.count(archive)) {
      unchanged_.push_back(id);
      seen_.insert(id);
      continue;
    }
    remove.bind(1, id).run();
    ++run_.record.removed;
  }
  for (const auto& [path, count] : kept_under) {
    diagnostics_.report({Severity::note,
                         {path, 0, 0},
                         fmt::format("{} stored article{} under this path kept with {} last good claims: it could "
                                     "not be read in full this run",
                                     count, count == 1 ? "" : "s", count == 1 ? "its" : "their"),
                         {}});
  }
  run_.record.articles = seen_.size();
  auto total = db_.prepare("SELECT coalesce(sum(claim_count), 0) FROM articles");
  total.step();
  run_.record.claims = static_cast<std::size_t>(total.integer(0));
}

void Night::find(const std::vector<Rule>& rules, const Lexicon& lexicon) {
  const bool changed = run_.record.extracted > 0 || run_.record.removed > 0 || !moved_.empty() ||
                       last_configuration_ != settings_.configuration || known_.empty();
  if (changed || settings_.full_findings) {
    recompute(rules, lexicon);
  } else {
    reuse(lexicon);
  }
  close_resolved();
  db_.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('configuration', ?1)")
      .bind(1, settings_.configuration)
      .run();
}

// Every claim in one index: a changed article can open or close findings
// that involve any other. The report reads the same index.
// NOTE: a claim that does not read back stops the run here; nothing of it
// is committed, so the store is left as it was.
void Night::recompute(const std::vector<Rule>& rules, const Lexicon& lexicon) {
  {
    auto load = db_.prepare("SELECT file, hash, claim_count, claims, checksum FROM articles WHERE id = ?1");
    std::vector<std::pair<std::string, std::string>> moved_checksums;  // id -> its row's checksum with its new file
    for (const std::string& id : unchanged_) {
      load.bind(1, id);
      if (!load.step()) refuse_damaged(store_, fmt::format("article '{}' is gone from the store", id));
      const ArticleRow row{id, load.view(0), load.view(1), load.integer(2), load.bytes(3)};
      check_row(store_, row, load.view(4));
      const std::size_t first = claims_.size();
      read_stored_claims(store_, row, &claims_);
      // The row's file, not the one written into its claims, says where the
      // article is: a move rewrites the row only. A folder's event places
      // and the report read it.
      const auto moved = moved_.find(id);
      const std::string file(moved != moved_.end() ? std::string_view(moved->second) : row.file);
      for (std::size_t k = first; k < claims_.size(); ++k) claims_[k].file = file;
      if (moved != moved_.end()) {
        ArticleRow now = row;
        now.file = moved->second;
        moved_checksums.emplace_back(id, row_checksum(now));
      }
      load.reset();
    }
    auto move = db_.prepare("UPDATE articles SET file = ?2, checksum = ?3 WHERE id = ?1");
    for (const auto& [id, checksum] : moved_checksums) move.bind(1, id).bind(2, moved_.at(id)).bind(3, checksum).run();
  }
  place_event_figures_by_folder(claims_);
  run_.claims = std::make_shared<const AuditClaims>(std::move(claims_), lexicon);
  run_.findings = evaluate(rules, run_.claims->index(), lexicon);
  auto upsert = db_.prepare(
      "INSERT INTO findings(fingerprint, rule, severity, message, first_seen, last_seen, open) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?5, 1) ON CONFLICT(fingerprint) DO UPDATE SET rule = ?2, severity = ?3, "
      "message = ?4, last_seen = ?5, open = 1");
  const std::string& started = run_.record.started;
  for (const Finding& finding : run_.findings) {
    if (!now_open_.insert(finding.fingerprint).second) continue;
    upsert.bind(1, finding.fingerprint)
        .bind(2, finding.rule)
        .bind(3, format_as(finding.severity))
        .bind(4, finding.message)
        .bind(5, started)
        .run();
    const auto found = before_.find(finding.fingerprint);
    const bool known = found != before_.end();
    AuditedFinding audited{finding.fingerprint,
                           finding.rule,
                           finding.severity,
                           finding.message,
                           known ? found->second.finding.first_seen : started,
                           started,
                           known && found->second.finding.dismissed,
                           known ? found->second.finding.note : std::string()};
    if (audited.dismissed) continue;
    (known && found->second.open ? run_.still_open : run_.new_findings).push_back(std::move(audited));
  }
}

// Nothing the findings depend on changed: they are the last run's. The rows
// are still checked, so a damaged store is refused while the backup is fresh.
void Night::reuse(const Lexicon& lexicon) {
  verify_stored_rows(db_, store_);
  run_.claims = std::make_shared<const AuditClaims>(std::vector<Claim>{}, lexicon);
  db_.prepare("UPDATE findings SET last_seen = ?1 WHERE open = 1").bind(1, run_.record.started).run();
  for (auto& [fingerprint, stored] : before_) {
    if (!stored.open) continue;
    now_open_.insert(fingerprint);
    stored.finding.last_seen = run_.record.started;
    if (!stored.finding.dismissed) run_.still_open.push_back(stored.finding);
  }
}

void Night::close_resolved() {
  auto close = db_.prepare("UPDATE findings SET open = 0 WHERE fingerprint = ?1");
  for (auto& [fingerprint, stored] : before_) {
    if (!stored.open || now_open_.count(fingerprint)) continue;
    close.bind(1, fingerprint).run();
    if (!stored.finding.dismissed) run_.resolved.push_back(stored.finding);
  }
}

// The run's counts, and its input errors, for whoever reads the store after a failed night.
void Night::record() {
  AuditRunRecord& r = run_.record;
  r.new_findings = run_.new_findings.size();
  r.still_open = run_.still_open.size();
  r.resolved = run_.resolved.size();
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - clock_start_).count();
  auto insert = db_.prepare(
      "INSERT INTO runs(started, seconds, articles, claims, extracted, removed, errors, new, still_open, resolved) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  insert.bind(1, r.started).bind(2, r.seconds);
  const std::size_t counts[] = {r.articles, r.claims,       r.extracted,  r.removed,
                                r.errors,   r.new_findings, r.still_open, r.resolved};
  for (int i = 0; i < 8; ++i) insert.bind(3 + i, static_cast<std::int64_t>(counts[i]));
  insert.run();
  auto last_id = db_.prepare("SELECT last_insert_rowid()");
  last_id.step();
  r.id = static_cast<long>(last_id.integer(0));
  auto record_error = db_.prepare("INSERT INTO run_errors(run, message) VALUES (?1, ?2)");
  const auto& reported = diagnostics_.diagnostics();
  for (std::size_t i = diagnostics_before_; i < reported.size(); ++i) {
    if (reported[i].severity != Severity::error) continue;
    record_error.bind(1, std::int64_t{r.id}).bind(2, format_as(reported[i])).run();
  }
}

}  // namespace

AuditRun run_in_store(const std::filesystem::path& state, const std::vector<std::string>& paths,
                      const AuditSettings& settings, const std::vector<Rule>& rules, const Lexicon& lexicon,
                      DiagnosticSink& diagnostics, const std::function<void(const AuditRun&)>& deliver,
                      const std::vector<AuditedFinding>& carried) {
  const auto clock_start = std::chrono::steady_clock::now();
  const std::string store = state.string();
  std::error_code size_error;
  const bool was_empty_file = std::filesystem::file_size(state, size_error) == 0 && !size_error;
  Database db(state, true);
  // IMMEDIATE takes the write lock now, so a second audit waits here, not halfway.
  db.exec("BEGIN IMMEDIATE");
  Night night(db, store, settings, diagnostics, clock_start);
  night.open(was_empty_file, carried);
  night.read_corpus(paths, lexicon);
  night.find(rules, lexicon);
  night.record();
  // The run counts as seen only once its report is out: a report that could
  // not be written throws here, and the store stays at the last run.
  if (deliver) deliver(night.run());
  db.exec("COMMIT");
  return std::move(night.run());
}

}  // namespace crosscheck::audit
