#include "internal/sqlite.h"

#include <string>

#include "parley/core/error.h"

namespace parley::store::internal {

void Check(sqlite3* db, int rc, std::string_view what) {
  if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE) return;
  throw Error(ErrorCode::kIo, std::string(what) + ": " + sqlite3_errmsg(db));
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  Check(db, sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr),
        "preparing a query");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::Bind(int index, std::int64_t value) {
  Check(db_, sqlite3_bind_int64(stmt_, index, value), "binding a value");
  return *this;
}

Statement& Statement::Bind(int index, std::string_view value) {
  Check(
      db_,
      sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
      "binding a value");
  return *this;
}

bool Statement::Step() {
  const int rc = sqlite3_step(stmt_);
  Check(db_, rc, "running a query");
  return rc == SQLITE_ROW;
}

void Statement::Run() {
  while (Step()) {
  }
}

int Statement::Columns() const { return sqlite3_column_count(stmt_); }

std::int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string Statement::Text(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  const int size = sqlite3_column_bytes(stmt_, column);
  return text == nullptr ? std::string() : std::string(text, static_cast<std::size_t>(size));
}

void Exec(sqlite3* db, std::string_view sql) {
  Check(db, sqlite3_exec(db, std::string(sql).c_str(), nullptr, nullptr, nullptr), "executing");
}

}  // namespace parley::store::internal
