#pragma once

// The store's backend: one database connection that runs SQL with `?` parameters. The store's
// logic (store.cc) is written once over it; sqlite_backend.cc and postgres_backend.cc adapt it
// to SQLite and PostgreSQL. Every failure throws parley::Error (kIo) with the database's message.

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace parley::store::internal {

/// A bound parameter: a whole number or a text.
using Param = std::variant<std::int64_t, std::string>;

/// A result row, each cell as text ("" for NULL).
using Row = std::vector<std::string>;

/// One connection to the database holding the store.
class Backend {
 public:
  Backend() = default;
  Backend(const Backend&) = delete;
  Backend& operator=(const Backend&) = delete;
  virtual ~Backend() = default;

  /// The migrations of this dialect, in order: migration k brings schema k - 1 to k.
  virtual std::span<const char* const> Migrations() const = 0;
  /// Runs SQL without parameters or results (several statements allowed).
  virtual void Exec(std::string_view sql) = 0;
  /// Runs one statement with `?` parameters (bound in order) and returns its rows.
  virtual std::vector<Row> Query(std::string_view sql, const std::vector<Param>& params) = 0;
  /// Runs one INSERT with `?` parameters into a table with an `id` key; returns the new id.
  virtual std::int64_t Insert(std::string_view sql, const std::vector<Param>& params) = 0;
  /// Starts a transaction that writes (SQLite: BEGIN IMMEDIATE, the file's write lock).
  virtual void Begin() = 0;
  virtual void Commit() = 0;
  virtual void Rollback() noexcept = 0;
  /// What a SELECT inside a transaction appends to lock the rows it reads until the commit
  /// (" FOR UPDATE" on PostgreSQL; "" on SQLite, where the transaction holds the file's lock).
  virtual std::string_view ForUpdate() const = 0;
  /// "ok" when the database is sound (SQLite: PRAGMA integrity_check).
  virtual std::string IntegrityCheck() = 0;
};

/// A transaction on a backend: Begin on construction, Rollback on destruction unless committed.
class Transaction {
 public:
  explicit Transaction(Backend& db) : db_(db) { db_.Begin(); }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction() {
    if (!done_) db_.Rollback();
  }
  void Commit() {
    db_.Commit();
    done_ = true;
  }

 private:
  Backend& db_;
  bool done_ = false;
};

/// The store on the SQLite file `path`, created when missing (WAL, full sync, foreign keys).
/// Throws Error(kIo) when it cannot be opened or is not a database.
std::unique_ptr<Backend> OpenSqlite(const std::string& path);

/// The store on the PostgreSQL server at `url` (a libpq URI, postgresql://...). Throws
/// Error(kIo) when it cannot connect.
std::unique_ptr<Backend> OpenPostgres(const std::string& url);

}  // namespace parley::store::internal
