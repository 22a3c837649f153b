#pragma once

/// The HTTP status for each kind of failure, as one table (docs/serve.md): the server's
/// translation of ErrorCode, as apps/cli/main.cc is the CLI's.
///
///   res.status = parley::service::HttpStatusFor(parley::ErrorCode::kConflict);  // 409

#include <string_view>

#include "parley/core/error.h"

namespace parley::service {

/// kUsage 400, kInvalidInput 422, kLimit 413, kNotFound 404, kConflict 409, kUnauthorized 401,
/// kForbidden 403, kIo and kInternal 500.
int HttpStatusFor(ErrorCode code);

/// The code's name in JSON error bodies: "usage", "invalid_input", "limit", "not_found",
/// "conflict", "unauthorized", "forbidden", "io", "internal".
std::string_view ErrorCodeName(ErrorCode code);

}  // namespace parley::service
