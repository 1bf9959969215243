// The audit's entry points: a run (or a rebuild, which reads the corpus
// again into a new store that takes the old one's place), an editor's
// triage, the history of runs.
#include <fmt/format.h>

#include <algorithm>

#include "audit/store.h"

namespace crosscheck {

namespace {

using audit::Database;

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
    Database db(old_store, false, true);
    auto rows = db.prepare("SELECT fingerprint, rule, severity, message, first_seen, dismissed, note FROM findings");
    while (rows.step()) {
      const std::string fingerprint = rows.text(0), severity = rows.text(2), first_seen = rows.text(4);
      if (!is_fingerprint(fingerprint) || !is_timestamp(first_seen)) continue;
      if (severity != "error" && severity != "warning" && severity != "note") continue;
      out.push_back({fingerprint, rows.text(1), audit::severity_named(severity), rows.text(3), first_seen, first_seen,
                     rows.integer(5) == 1, rows.text(6)});
    }
  } catch (const AuditError&) {
    // What was read before the damage is kept.
  }
  return out;
}

}  // namespace

AuditRun run_audit(const std::vector<std::string>& paths, const AuditSettings& settings, const std::vector<Rule>& rules,
                   const Lexicon& lexicon, DiagnosticSink& diagnostics,
                   const std::function<void(const AuditRun&)>& deliver) {
  if (!settings.rebuild)
    return audit::run_in_store(settings.state, paths, settings, rules, lexicon, diagnostics, deliver, {});
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
  AuditRun run = audit::run_in_store(fresh, paths, settings, rules, lexicon, diagnostics, deliver, carried);
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

void triage_finding(const std::filesystem::path& state, const std::string& fingerprint, bool dismiss,
                    const std::string& note) {
  const std::string store = state.string();
  Database db(state, false);
  db.exec("BEGIN IMMEDIATE");
  audit::prepare_schema(db, store, false);
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
  Database db(state, false);
  db.exec("BEGIN");
  audit::prepare_schema(db, store, false);
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
