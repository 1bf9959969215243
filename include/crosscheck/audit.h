/// \file
/// The nightly audit: a corpus checked run after run against a SQLite store
/// that remembers each article's content hash and claims and each finding's
/// history. A run re-extracts only the articles whose content changed, drops
/// the claims of deleted ones, recomputes the findings from the whole graph
/// and says what is new, still open and resolved since the last run.
///
/// A run is one transaction: killed at any moment, the store holds exactly the
/// last complete run. A second audit on the same store waits a few seconds,
/// then gives up with an AuditError; it never writes beside the first.
///
/// **Example**
///
///     crosscheck::DiagnosticSink sink;
///     const crosscheck::AuditRun run = crosscheck::run_audit({"archive/"}, {"audit.db", configuration}, rules,
///     lexicon, sink); for (const auto& finding : run.new_findings) fmt::print("{} {}\n", finding.fingerprint,
///     finding.message);
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/core.h"
#include "crosscheck/graph.h"
#include "crosscheck/ingest.h"
#include "crosscheck/lexicon.h"
#include "crosscheck/pipeline.h"
#include "crosscheck/rules.h"

namespace crosscheck {

/// The store cannot be used: locked by another audit, from a newer version,
/// not a crosscheck store, damaged, or unwritable; or the run's report could
/// not be delivered. The message says what to do.
class AuditError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A finding as the store remembers it.
struct AuditedFinding {
  std::string fingerprint;
  std::string rule;
  Severity severity = Severity::warning;
  std::string message;
  std::string first_seen;  ///< UTC, YYYY-MM-DDTHH:MM:SSZ, the run that first found it
  std::string last_seen;   ///< the last run that found it
  bool dismissed = false;  ///< an editor dismissed it (`crosscheck triage --dismiss`)
  std::string note;        ///< the editor's note
};

/// One run as the store records it (`crosscheck audit --history`).
struct AuditRunRecord {
  long id = 0;
  std::string started;  ///< UTC, YYYY-MM-DDTHH:MM:SSZ
  double seconds = 0;
  std::size_t articles = 0;  ///< articles in the corpus after the run
  std::size_t claims = 0;
  std::size_t extracted = 0;  ///< articles read anew (new or changed)
  std::size_t removed = 0;    ///< articles gone from the corpus, their claims dropped
  std::size_t errors = 0;     ///< input errors of the run (their articles keep their last good claims)
  std::size_t new_findings = 0;
  std::size_t still_open = 0;
  std::size_t resolved = 0;
};

/// A run's claims and their index, the one the rules read: built once by
/// the run, and read again by its report.
class AuditClaims {
 public:
  AuditClaims(std::vector<Claim> claims, const Lexicon& lexicon)
      : claims_(std::move(claims)), index_(claims_, lexicon) {}
  AuditClaims(const AuditClaims&) = delete;
  AuditClaims& operator=(const AuditClaims&) = delete;

  const std::vector<Claim>& claims() const noexcept { return claims_; }
  const ClaimGraph& index() const noexcept { return index_; }

 private:
  std::vector<Claim> claims_;  // before index_, which keeps a reference to it
  ClaimGraph index_;
};

/// One run, as it is reported.
struct AuditRun {
  AuditRunRecord record;
  std::vector<AuditedFinding> new_findings;  ///< not open before this run (dismissed ones left out)
  std::vector<AuditedFinding> still_open;    ///< open before and now (dismissed ones left out)
  std::vector<AuditedFinding> resolved;      ///< open before, gone now
  std::vector<Finding> findings;  ///< every finding of the run, with its claims (empty when taken from the store)
  /// The claims the findings point into, with their index (none when the
  /// findings were taken from the store). Never null.
  std::shared_ptr<const AuditClaims> claims;
};

/// How a run is made.
struct AuditSettings {
  std::filesystem::path state;  ///< the store, created when missing
  /// A hash of the lexicon and rules the run uses: when it differs from the
  /// last run's, every article is read again and every finding recomputed.
  std::string configuration;
  /// Recompute the findings with their claims even when nothing changed (for
  /// reports that show the claims of every open finding). Otherwise a run in
  /// which no article, lexicon or rule changed takes its findings from the store.
  bool full_findings = false;
  /// Threads and input limits (an article over them is an error of the run).
  ExtractionOptions reading = {};
  /// Read the whole corpus again into a new store, which replaces `state`
  /// once its run is committed; the old store (damaged, say) is moved to
  /// `STATE.damaged` and is not read. The way out of a damaged store.
  bool rebuild = false;
};

/// Runs one audit of `paths`. Input problems go to `diagnostics` and are
/// counted in the run; the store's own problems throw AuditError and leave the
/// store as it was. A damaged store (SQLite's quick_check fails, a stored
/// finding or a claim the run needs does not read back, or an article row
/// does not match the checksum written with it) is refused before anything
/// changes. A store from before the row checksums (schema 1) is brought up
/// to date by the run, inside its transaction, with a note.
///
/// Stored articles that are not seen are removed, except those whose file
/// failed to read or that lie under a path that could not be listed in full
/// (`IngestStats::unread_paths`): they keep their last good claims, and a
/// note says how many were kept.
///
/// `deliver`, when given, gets the run before it is committed (to write its
/// report); if it throws, nothing of the run is recorded and the exception
/// goes on to the caller.
AuditRun run_audit(const std::vector<std::string>& paths, const AuditSettings& settings, const std::vector<Rule>& rules,
                   const Lexicon& lexicon, DiagnosticSink& diagnostics,
                   const std::function<void(const AuditRun&)>& deliver = {});

/// The report of `run` in `format`, one of report_formats() (reports.h),
/// built whole. text and json list the new, still open and resolved
/// findings (text shows each new finding with its claims as `check` does);
/// markdown, sarif and html are `check`'s reports of every open finding.
/// `rules` are the rules the run used.
std::string render_audit_report(const AuditRun& run, std::string_view format, const std::vector<Rule>& rules);

/// The table `crosscheck audit --history` prints.
std::string render_audit_history(const std::vector<AuditRunRecord>& runs);

/// Records an editor's decision on the finding `fingerprint`: dismissed (with
/// `note`) or reopened. Throws AuditError when the store does not know it.
void triage_finding(const std::filesystem::path& state, const std::string& fingerprint, bool dismiss,
                    const std::string& note);

/// The runs recorded in the store, oldest first.
std::vector<AuditRunRecord> audit_history(const std::filesystem::path& state);

}  // namespace crosscheck
