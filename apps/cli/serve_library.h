#pragma once

// The library routes of `parley serve` (docs/serve.md, "The libraries"): /api/library (list,
// search, add), /api/library/ID (get, update with If-Match, delete), POST
// /api/cases/ID/insert?item=LIBID (a library item into a case, saved as its next version) and
// POST /api/library/from-case/ID (a case's evidence into the library). They call
// parley::store::Library and parley::service; no domain logic here.

#include <httplib.h>

#include <string>

#include "parley/store/store.h"

namespace parley::cli {

/// Who asks (serve_routes.cc): the token's user in team mode, else the default Principal.
/// Throws Error(kUnauthorized) as the routes do.
store::Principal RequestPrincipal(const httplib::Request& req, store::Store& store);

/// The author of a save: the user in team mode, else X-Parley-Author, else "anonymous".
std::string RequestAuthor(const httplib::Request& req, const store::Principal& who);

/// Registers the library routes on `server`, answering from `store` (which must outlive it).
void AddLibraryRoutes(httplib::Server& server, store::Store& store);

}  // namespace parley::cli
