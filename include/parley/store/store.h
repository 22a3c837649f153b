#pragma once

/// The store: cases with every saved version, and the analysis runs, in one SQLite file created
/// on first use (WAL journal, full sync: a version is on disk once Save returns), or in a
/// database on a PostgreSQL server (Open("postgresql://...")): the same tables, the same
/// behaviour. The schema is versioned (table schema_version) and brought up to date on Open by
/// numbered migrations, each in one transaction. Saving is one transaction, and a save against a
/// version that is no longer the latest is refused (Error kConflict), never silently lost.
/// docs/serve.md ("The store") gives the schema. Thread-safe: one connection, one call at a time.
///
///   parley::store::Store s = parley::store::Store::Open("parley.db");
///   const parley::store::Saved v1 = s.Create(text, "ana");
///   s.Save(v1.case_id, 1, edited, "ben");  // version 2; Save(v1.case_id, 1, ...) again: kConflict

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/store/line_diff.h"

namespace parley::store {

/// The schema version this build writes (the number of migrations).
inline constexpr int kSchemaVersion = 4;

/// Where a save left a case.
struct Saved {
  std::int64_t case_id = 0;
  int version = 0;
};

/// One saved version, without its text.
struct VersionInfo {
  int version = 0;
  std::string author;
  std::string saved_at;  ///< ISO-8601 UTC, "2026-12-06T08:15:00Z"
  std::string summary;   ///< what changed, one line (DiffSummary)
};

/// One saved version with its text, as it was saved.
struct CaseVersion {
  std::int64_t case_id = 0;
  VersionInfo info;
  std::string text;
};

/// A case in the list: its title (empty when the latest text is not a valid case) and its latest
/// version.
struct CaseInfo {
  std::int64_t case_id = 0;
  std::string title;
  VersionInfo latest;
};

/// An analysis run as recorded: the command, its options as JSON text, the seed.
struct RunRecord {
  std::int64_t run_id = 0;
  std::string command;
  std::string options;  ///< {"seed": "7", ...}: the options as given
  std::uint64_t seed = 0;
  std::string ran_at;  ///< ISO-8601 UTC
};

/// What a user may do with their team's cases: an owner and an editor read and save them, a
/// viewer only reads them.
enum class Role { kOwner, kEditor, kViewer };

/// "owner", "editor", "viewer".
std::string_view RoleName(Role role);

/// The role named `name` ("owner", "editor", "viewer"), or nothing.
std::optional<Role> ParseRole(std::string_view name);

/// Who asks. A store without users (no team mode) is used by the default Principal: no team,
/// every right, seeing the cases saved without a team. Once the store has users, every caller
/// authenticates (Store::Authenticate) and sees only its team's cases.
struct Principal {
  std::string user;          ///< empty for the default Principal
  std::string team;          ///< empty for the default Principal
  Role role = Role::kOwner;  ///< what the user may do
  std::int64_t team_id = 0;  ///< 0: no team
};

/// A user as listed: never their token.
struct UserInfo {
  std::string name;
  std::string team;
  Role role = Role::kViewer;
  std::string created_at;  ///< ISO-8601 UTC
};

/// The prefix of every API token: "parley_" then 43 characters (32 random bytes, base64url).
inline constexpr std::string_view kTokenPrefix = "parley_";

/// True when `location` names a PostgreSQL server (postgresql://... or postgres://...) rather
/// than an SQLite file.
bool IsPostgresUrl(std::string_view location);

/// `location` as messages show it: a PostgreSQL URL without its password
/// ("postgresql://ana:...@h/db").
std::string ShownLocation(const std::string& location);

/// The store on one SQLite file or one PostgreSQL database.
class Store {
 public:
  /// Opens the store at `location`: a PostgreSQL URL (IsPostgresUrl; a libpq URI such as
  /// postgresql://user@host/db or postgresql:///db?host=/run/postgresql) or else the path of an
  /// SQLite file, created when it does not exist. Migrates its schema to kSchemaVersion. Throws
  /// Error(kIo) when it cannot be opened or reached or is not a store, and Error(kConflict) when
  /// its schema is newer than this build knows.
  static Store Open(const std::string& location);

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  /// The schema version of the open file (kSchemaVersion once opened).
  int SchemaVersion();

  /// Saves `text` as version 1 of a new case of `who`'s team, in one transaction. Throws
  /// Error(kForbidden) when `who` is a viewer.
  Saved Create(const std::string& text, const std::string& author, const Principal& who = {});

  /// Saves `text` as the next version of case `case_id`, in one transaction, when
  /// `expected_version` is its latest version. Throws Error(kNotFound) for an unknown case or one
  /// of another team (the same answer, so a case's existence is not revealed),
  /// Error(kForbidden) when `who` is a viewer, and Error(kConflict) ("case 3 is at version 5, not
  /// 4: ...") when another save came first.
  Saved Save(std::int64_t case_id, int expected_version, const std::string& text,
             const std::string& author, const Principal& who = {});

  /// Every case of `who`'s team, by id.
  std::vector<CaseInfo> ListCases(const Principal& who = {});

  /// Version `version` of a case, or its latest when nothing is given. Throws Error(kNotFound),
  /// also for a case of another team than `who`'s.
  CaseVersion Get(std::int64_t case_id, std::optional<int> version = std::nullopt,
                  const Principal& who = {});

  /// Every version of a case, oldest first. Throws Error(kNotFound) for an unknown case or one of
  /// another team.
  std::vector<VersionInfo> Versions(std::int64_t case_id, const Principal& who = {});

  /// The line diff of the normalised texts of two versions (LineDiff). Throws Error(kNotFound),
  /// also for a case of another team.
  std::vector<DiffLine> Diff(std::int64_t case_id, int from, int to, const Principal& who = {});

  /// Records an analysis run of `who`'s team; returns its id.
  std::int64_t RecordRun(const std::string& command, const std::string& options_json,
                         std::uint64_t seed, const Principal& who = {});

  /// The runs recorded by `who`'s team, oldest first.
  std::vector<RunRecord> Runs(const Principal& who = {});

  /// Adds user `name` to `team` (created when new) with `role`, and returns their API token:
  /// kTokenPrefix and 32 random bytes (libsodium), base64url. Only the token's BLAKE2b hash is
  /// kept, so this is the one time it can be shown. Throws Error(kUsage) for an empty name or
  /// team, Error(kConflict) when a user of that name exists.
  std::string AddUser(const std::string& name, const std::string& team, Role role);

  /// Every user, by name, without tokens.
  std::vector<UserInfo> Users();

  /// True when the store has at least one user: team mode, where every caller authenticates.
  bool HasUsers();

  /// The user whose token is `token`. Throws Error(kUnauthorized) for a token the store does not
  /// know (looked up by its hash).
  Principal Authenticate(std::string_view token);

  /// The result of PRAGMA integrity_check: "ok" for a sound file (on PostgreSQL, "ok" when the
  /// server answers).
  std::string IntegrityCheck();

 private:
  friend class Library;  // library.h: the team libraries in the same database
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace parley::store
