#include "audit/sqlite_db.h"

#include <fmt/format.h>

namespace crosscheck::audit {

void fail(sqlite3* db, int code, const std::string& store) {
  const int primary = code & 0xFF;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    throw AuditError(
        fmt::format("{}: error: another crosscheck audit is using this store; wait for it to finish "
                    "and run again",
                    store));
  }
  if (primary == SQLITE_NOTADB) {
    throw AuditError(
        fmt::format("{}: error: not a crosscheck audit store (or one damaged at its start); name another --state "
                    "file, restore it from a backup, or read the corpus again into a new store with "
                    "'crosscheck audit --rebuild --state {} PATHS'",
                    store, store));
  }
  if (primary == SQLITE_CORRUPT) refuse_damaged(store, db ? sqlite3_errmsg(db) : sqlite3_errstr(code));
  if (primary == SQLITE_CANTOPEN || primary == SQLITE_READONLY || primary == SQLITE_IOERR || primary == SQLITE_FULL) {
    throw AuditError(
        fmt::format("{}: error: cannot write the audit store ({}); check the folder exists, is "
                    "writable and has room",
                    store, db ? sqlite3_errmsg(db) : sqlite3_errstr(code)));
  }
  throw AuditError(
      fmt::format("{}: error: the audit store failed: {}", store, db ? sqlite3_errmsg(db) : sqlite3_errstr(code)));
}

void refuse_empty(const std::string& store) {
  throw AuditError(fmt::format(
      "{}: error: the audit store is empty: no run was ever recorded in it; run 'crosscheck audit --state {} PATHS' "
      "first",
      store, store));
}

void refuse_damaged(const std::string& store, const std::string& what) {
  throw AuditError(
      fmt::format("{}: error: the audit store is damaged ({}); nothing was changed: restore it from a backup, or "
                  "read the corpus again into a new store with 'crosscheck audit --rebuild --state {} PATHS' "
                  "(the damaged file is kept beside it)",
                  store, what, store));
}

Statement::Statement(sqlite3* db, const std::string& store, std::string_view sql) : db_(db), store_(store) {
  const int code = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &statement_, nullptr);
  if (code != SQLITE_OK) fail(db, code, store);
}

Statement::~Statement() { sqlite3_finalize(statement_); }

Statement& Statement::bind(int index, std::string_view text) {
  const int code = sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  if (code != SQLITE_OK) fail(db_, code, store_);
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  const int code = sqlite3_bind_int64(statement_, index, value);
  if (code != SQLITE_OK) fail(db_, code, store_);
  return *this;
}

Statement& Statement::bind(int index, double value) {
  const int code = sqlite3_bind_double(statement_, index, value);
  if (code != SQLITE_OK) fail(db_, code, store_);
  return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
  const int code = sqlite3_bind_blob64(statement_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  if (code != SQLITE_OK) fail(db_, code, store_);
  return *this;
}

bool Statement::step() {
  const int code = sqlite3_step(statement_);
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  fail(db_, code, store_);
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
}

std::string Statement::text(int column) const {
  const auto* bytes = sqlite3_column_text(statement_, column);
  return bytes ? std::string(reinterpret_cast<const char*>(bytes),
                             static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)))
               : std::string();
}

std::string_view Statement::view(int column) const {
  const auto* bytes = sqlite3_column_text(statement_, column);
  return bytes ? std::string_view(reinterpret_cast<const char*>(bytes),
                                  static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)))
               : std::string_view();
}

std::string_view Statement::bytes(int column) const {
  const auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement_, column));
  return bytes ? std::string_view(bytes, static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)))
               : std::string_view();
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(statement_, column); }

double Statement::real(int column) const { return sqlite3_column_double(statement_, column); }

Database::Database(const std::filesystem::path& path, bool create, bool read_only) : name_(path.string()) {
  std::error_code size_error;
  if (!create && std::filesystem::file_size(path, size_error) == 0 && !size_error) {
    // Opened, it would be made a WAL database: an empty store stays as found.
    refuse_empty(name_);
  }
  const int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
  const int code = sqlite3_open_v2(name_.c_str(), &db_, flags, nullptr);
  try {
    if (code != SQLITE_OK && !create && (code & 0xFF) == SQLITE_CANTOPEN) {
      throw AuditError(
          fmt::format("{}: error: no audit store here; run 'crosscheck audit PATHS --state {}' first", name_, name_));
    }
    if (code != SQLITE_OK) fail(db_, code, name_);
    // A damaged file must make SQLite refuse, never write through bad pages.
    sqlite3_db_config(db_, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_busy_timeout(db_, 5000);
    if (read_only) return;
    exec("PRAGMA journal_mode=WAL");
    // In WAL mode NORMAL keeps every committed run across a killed process.
    exec("PRAGMA synchronous=NORMAL");
  } catch (...) {
    sqlite3_close(db_);  // a throwing constructor runs no destructor
    throw;
  }
}

Database::~Database() { sqlite3_close(db_); }

void Database::exec(const char* sql) {
  const int code = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
  if (code != SQLITE_OK) fail(db_, code, name_);
}

}  // namespace crosscheck::audit
