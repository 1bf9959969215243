// The audit store's tables as the run reads and writes them: the schema and
// its upgrades, the article rows with their checksums and claims, the stored
// findings. Private to src/audit/.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "audit/sqlite_db.h"
#include "crosscheck/audit.h"

namespace crosscheck::audit {

// 1: the first store. 2: each article row carries a checksum (issue 14).
// 3: the claims are a binary record (claim_codec.h), not JSON lines (issue 16).
inline constexpr std::int64_t kSchemaVersion = 3;

// Refuses a store that SQLite finds damaged (PRAGMA quick_check).
void check_integrity(Database& db, const std::string& store);

// Creates the schema in a new store (when `may_create`); checks the version
// of an existing one, which it returns (below kSchemaVersion when only the
// audit run, which reads the rows, may bring it up to date). Checks the
// store's pages first.
std::int64_t prepare_schema(Database& db, const std::string& store, bool may_create);

// Brings a store of schema `from` (1 or 2: claims as JSON lines) to
// kSchemaVersion inside the caller's transaction: every stored claim is read
// back once (a damaged row is refused as a run refuses it, before anything
// is kept), written again in the binary form, with its row's checksum.
// Returns the number of article rows.
std::size_t upgrade_store(Database& db, const std::string& store, std::int64_t from);

// One stored article row, as read (the views live until the next step).
struct ArticleRow {
  std::string_view id;
  std::string_view file;
  std::string_view hash;
  std::int64_t claim_count = 0;
  std::string_view claims;  // the binary record (schema 3), or JSON lines (before)
};

// The checksum written with a row: a byte changed anywhere in it changes it.
std::string row_checksum(const ArticleRow& row);

// The claims of one stored row (`claim_count` of them), each of which must
// read back: a claim dropped here would close the findings it is part of,
// as if the corpus had changed. Appends them to `out` when given; refuses
// the store otherwise.
void read_stored_claims(const std::string& store, const ArticleRow& row, std::vector<Claim>* out);

// The refusals of a damaged row: claim `number` of article `id` does not
// read back; the row holds `read` claims where it says it holds another
// count (nothing when it does not); the row does not match its checksum.
[[noreturn]] void refuse_unread_claim(const std::string& store, std::string_view id, std::size_t number,
                                      const std::string& why);
void check_claim_count(const std::string& store, const ArticleRow& row, std::size_t read);
[[noreturn]] void refuse_changed_row(const std::string& store, std::string_view id);

// Refuses a row whose checksum is not `checksum`, saying which claim does
// not read back when one does not.
void check_row(const std::string& store, const ArticleRow& row, std::string_view checksum);

// Checks every stored article row against its checksum, keeping no claim.
void verify_stored_rows(Database& db, const std::string& store);

// A finding as stored, open or closed.
struct StoredFinding {
  AuditedFinding finding;
  bool open = false;
};

Severity severity_named(const std::string& name);

// Every stored finding by fingerprint; a severity that does not read is refused.
std::map<std::string, StoredFinding> stored_findings(Database& db, const std::string& store);

// One run in the store at `state` (the caller's rebuild aside); `carried`
// are findings salvaged from a store being rebuilt.
AuditRun run_in_store(const std::filesystem::path& state, const std::vector<std::string>& paths,
                      const AuditSettings& settings, const std::vector<Rule>& rules, const Lexicon& lexicon,
                      DiagnosticSink& diagnostics, const std::function<void(const AuditRun&)>& deliver,
                      const std::vector<AuditedFinding>& carried);

}  // namespace crosscheck::audit
