// The audit store's rows: each article's claims with the checksum written
// with them, and the findings with their history.
#include <fmt/format.h>

#include <bit>
#include <cstring>

#include "audit/claim_codec.h"
#include "audit/store.h"
#include "core/ascii_blocks.h"

namespace crosscheck::audit {

namespace {

// A 64-bit checksum of a sequence of texts, eight bytes a step (ContentHash
// takes one byte a step: 0.5 s instead of 0.1 s over the 460 MB of JSON
// claims of the 114k-article benchmark store). Each step, state ->
// rotl(state ^ word, 29) * odd, is a bijection of the state for a given word
// and of the word for a given state, so two inputs of the same lengths that
// differ in a single word always differ; other damage collides with odds of
// about 2^-64. Each text is closed by its length: ("ab", "c") and ("a",
// "bc") differ. The store's files are little-endian everywhere crosscheck
// builds (ascii_blocks.h).
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

}  // namespace

std::string row_checksum(const ArticleRow& row) {
  return RowChecksum()
      .add(row.id)
      .add(row.file)
      .add(row.hash)
      .add(std::to_string(row.claim_count))
      .add(row.claims)
      .hex();
}

void refuse_unread_claim(const std::string& store, std::string_view id, std::size_t number, const std::string& why) {
  refuse_damaged(store, fmt::format("claim {} of article '{}' does not read back: {}", number, id, why));
}

void check_claim_count(const std::string& store, const ArticleRow& row, std::size_t read) {
  if (static_cast<std::int64_t>(read) == row.claim_count) return;
  refuse_damaged(store, fmt::format("article '{}' should hold {} claims but holds {}", row.id, row.claim_count, read));
}

void refuse_changed_row(const std::string& store, std::string_view id) {
  refuse_damaged(
      store, fmt::format("article '{}' does not match its checksum: its stored row changed after it was written", id));
}

void read_stored_claims(const std::string& store, const ArticleRow& row, std::vector<Claim>* out) {
  std::size_t read = 0;
  std::string error;
  if (!decode_claims(row.claims, out, read, error)) refuse_unread_claim(store, row.id, read + 1, error);
  check_claim_count(store, row, read);
}

// Saying which claim does not read back when one does not (the message a
// damaged row gave before it had a checksum), else that the row changed
// after it was written (a figure altered into another figure still reads,
// but is not what was stored). Checking the checksum costs one fast pass
// over the bytes; reading every claim back costs more, which a night with
// nothing changed need not pay.
void check_row(const std::string& store, const ArticleRow& row, std::string_view checksum) {
  if (row_checksum(row) == checksum) return;
  read_stored_claims(store, row, nullptr);
  refuse_changed_row(store, row.id);
}

// Keeping no claim: a run that does not need the claims still refuses a
// store in which they are damaged, while the backup is fresh.
void verify_stored_rows(Database& db, const std::string& store) {
  auto rows = db.prepare("SELECT id, file, hash, claim_count, claims, checksum FROM articles");
  while (rows.step()) {
    check_row(store, {rows.view(0), rows.view(1), rows.view(2), rows.integer(3), rows.bytes(4)}, rows.view(5));
  }
}

Severity severity_named(const std::string& name) {
  if (name == "error") return Severity::error;
  if (name == "note") return Severity::note;
  return Severity::warning;
}

std::map<std::string, StoredFinding> stored_findings(Database& db, const std::string& store) {
  std::map<std::string, StoredFinding> out;
  auto rows = db.prepare(
      "SELECT fingerprint, rule, severity, message, first_seen, last_seen, open, dismissed, note FROM findings");
  while (rows.step()) {
    const std::string severity = rows.text(2);
    if (severity != "error" && severity != "warning" && severity != "note") {
      refuse_damaged(store, fmt::format("finding {} has the severity '{}'", rows.text(0), severity));
    }
    StoredFinding stored;
    stored.finding = {rows.text(0), rows.text(1), severity_named(severity), rows.text(3),
                      rows.text(4), rows.text(5), rows.integer(7) != 0,     rows.text(8)};
    stored.open = rows.integer(6) != 0;
    out.emplace(stored.finding.fingerprint, std::move(stored));
  }
  return out;
}

}  // namespace crosscheck::audit
