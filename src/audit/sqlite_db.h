// A thin RAII layer over SQLite for the audit store: one connection, prepared
// statements only, every failure an AuditError that names the store and says
// what to do. Private to src/audit/.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "crosscheck/audit.h"

namespace crosscheck::audit {

class Statement {
 public:
  Statement(sqlite3* db, const std::string& store, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, double value);
  /// Binds `bytes` as a BLOB (a TEXT binding would be read as UTF-8).
  Statement& bind_blob(int index, std::string_view bytes);
  /// Steps once: true while there is a row to read.
  bool step();
  /// Steps to the end (for statements that return no rows) and resets.
  void run();
  void reset();

  std::string text(int column) const;
  /// The column's text without a copy, valid until the next step() or reset().
  std::string_view view(int column) const;
  /// The column's bytes (a BLOB, or a TEXT as stored) without a copy, valid
  /// until the next step() or reset().
  std::string_view bytes(int column) const;
  std::int64_t integer(int column) const;
  double real(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
  const std::string& store_;
};

class Database {
 public:
  /// Opens (and with `create`, creates) the store; WAL journal, a few seconds'
  /// wait for a lock held by another process. `read_only` opens it as it is,
  /// writing nothing (to salvage what still reads from a damaged store).
  Database(const std::filesystem::path& path, bool create, bool read_only = false);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(const char* sql);
  Statement prepare(std::string_view sql) { return Statement(db_, name_, sql); }

 private:
  sqlite3* db_ = nullptr;
  std::string name_;
};

/// The AuditError for SQLite result `code` on the store `store`.
[[noreturn]] void fail(sqlite3* db, int code, const std::string& store);

/// The AuditError for a store that holds no run (for the commands that
/// only read or change one).
[[noreturn]] void refuse_empty(const std::string& store);

/// The AuditError for a store that does not read back whole (`what` says
/// where), with the two ways out: a backup, or `audit --rebuild`.
[[noreturn]] void refuse_damaged(const std::string& store, const std::string& what);

}  // namespace crosscheck::audit
