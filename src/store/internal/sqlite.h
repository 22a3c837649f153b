#pragma once

// A thin RAII layer over SQLite's C API for the store's SQLite backend: prepared statements with
// bound parameters. Every failure throws parley::Error (kIo) with SQLite's message.

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace parley::store::internal {

/// Throws Error(kIo) "WHAT: SQLite's message" unless `rc` is one of the `ok` codes.
void Check(sqlite3* db, int rc, std::string_view what);

/// A prepared statement; parameters are bound by position from 1.
class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, std::string_view value);
  /// Steps once: true when a row is ready, false when done.
  bool Step();
  /// Steps until done (a statement that returns no rows).
  void Run();
  /// The number of columns of a row.
  int Columns() const;
  std::int64_t Int(int column) const;
  std::string Text(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

/// Executes SQL without results (several statements allowed).
void Exec(sqlite3* db, std::string_view sql);

}  // namespace parley::store::internal
