#pragma once

// The PostgreSQL server of the tests: scripts/with_postgres.sh starts one and exports its URL as
// PARLEY_TEST_PG_URL. Each test works in a schema of its own (FreshSchema), so tests and test
// programs running at once never see each other's tables. Without the variable, PostgreSQL tests
// skip with a message, except under CI (CI set and not "false"), where they fail: CI must run
// them. Link PkgConfig::PQXX to use this header.

#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <pqxx/pqxx>
#include <string>

namespace parley::testing {

/// PARLEY_TEST_PG_URL, or "" when it is not set.
inline std::string PostgresUrl() {
  const char* url = std::getenv("PARLEY_TEST_PG_URL");
  return url == nullptr ? "" : url;
}

/// True under CI, where a missing PostgreSQL server is a failure rather than a skip.
inline bool PostgresRequired() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && *ci != '\0' && std::string(ci) != "false" && std::string(ci) != "0";
}

/// The message of a PostgreSQL test without a server.
inline const char* kNoPostgres =
    "PARLEY_TEST_PG_URL is not set: run the tests under scripts/with_postgres.sh to run the "
    "PostgreSQL ones";

/// A schema name from `hint` (letters, digits and _), unique to this process.
inline std::string SchemaName(const std::string& hint) {
  std::string name = "t" + std::to_string(::getpid()) + "_";
  for (char c : hint) {
    name += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '_';
  }
  return name.substr(0, 63);
}

/// Runs SQL on the test server, in `schema` when given.
inline void PostgresExec(const std::string& sql, const std::string& schema = "") {
  pqxx::connection conn(PostgresUrl());
  pqxx::work tx(conn);
  if (!schema.empty()) tx.exec("SET LOCAL search_path TO " + tx.quote_name(schema));
  tx.exec(sql);
  tx.commit();
}

/// Creates `schema` afresh on the test server and returns the URL of a connection working in it.
inline std::string FreshSchema(const std::string& schema) {
  PostgresExec("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema);
  const std::string url = PostgresUrl();
  return url + (url.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
         schema;
}

/// Drops `schema` and everything in it.
inline void DropSchema(const std::string& schema) {
  PostgresExec("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
}

}  // namespace parley::testing
