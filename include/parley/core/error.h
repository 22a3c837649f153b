#pragma once

/// The one exception type of the library, parley::Error, with an ErrorCode for the kind of
/// failure. Thrown only when the asked operation cannot complete (input problems are
/// diagnostics, "no agreement" is a result); each face translates the code in one place, the CLI
/// in apps/cli/main.cc to an exit code.
///
///   try {
///     const parley::Party& us = c.Us();  // throws unless exactly one party is `us`
///   } catch (const parley::Error& e) {
///     if (e.code() == parley::ErrorCode::kInvalidInput) std::cerr << e.what() << '\n';
///   }

#include <stdexcept>
#include <string>

namespace parley {

/// What kind of failure an operation met. Each face translates a code once:
/// the CLI to an exit code (see docs/cli.md), the server to an HTTP status (service/status.h).
enum class ErrorCode {
  kInternal,      ///< A bug in Parley: an invariant did not hold. Exit code 1.
  kUsage,         ///< The caller asked for something malformed (bad flag, bad argument). Exit 2.
  kInvalidInput,  ///< A user file is invalid; diagnostics say where and why. Exit 3.
  kLimit,         ///< A documented limit was exceeded (file size, outcome count, nesting). Exit 4.
  kIo,            ///< A file could not be read or written. Exit 3.
  kNotFound,      ///< A stored thing asked for does not exist (a case id, a version). HTTP 404.
  kConflict,      ///< An edit against a version that is no longer the latest. HTTP 409.
  kUnauthorized,  ///< No credentials, or credentials the store does not know. HTTP 401.
  kForbidden,     ///< A known user asked for what their role does not allow. HTTP 403.
};

/// The one exception type of the library. Thrown only when the asked operation cannot
/// complete; expected failures are returned as results or diagnostics instead.
class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}

  /// The kind of failure.
  ErrorCode code() const noexcept { return code_; }

 private:
  ErrorCode code_;
};

}  // namespace parley
