#include "parley/service/status.h"

namespace parley::service {

namespace {

struct StatusRow {
  ErrorCode code;
  int status;
  std::string_view name;
};

// The one translation of ErrorCode for HTTP (docs/serve.md, "Statuses").
constexpr StatusRow kStatusTable[] = {
    {ErrorCode::kUsage, 400, "usage"},         {ErrorCode::kInvalidInput, 422, "invalid_input"},
    {ErrorCode::kLimit, 413, "limit"},         {ErrorCode::kNotFound, 404, "not_found"},
    {ErrorCode::kConflict, 409, "conflict"},   {ErrorCode::kIo, 500, "io"},
    {ErrorCode::kInternal, 500, "internal"},   {ErrorCode::kUnauthorized, 401, "unauthorized"},
    {ErrorCode::kForbidden, 403, "forbidden"},
};

const StatusRow& RowFor(ErrorCode code) {
  for (const StatusRow& row : kStatusTable) {
    if (row.code == code) return row;
  }
  return kStatusTable[6];
}

}  // namespace

int HttpStatusFor(ErrorCode code) { return RowFor(code).status; }

std::string_view ErrorCodeName(ErrorCode code) { return RowFor(code).name; }

}  // namespace parley::service
