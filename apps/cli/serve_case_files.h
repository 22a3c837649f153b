#pragma once

// Import and export routes of `parley serve` (docs/serve.md, "Import and export"): POST
// /api/import (a case file, YAML or JSON by Content-Type, or ?format=genius with a zip of a
// GENIUS or GeniusWeb folder) saved as a new case, and GET /api/cases/ID/export?format=yaml|json|
// genius as a download. They call parley::service (case_files.h); no domain logic here.

#include <httplib.h>

#include <cstddef>

#include "parley/store/store.h"

namespace parley::cli {

/// Registers the import and export routes on `server`, answering from `store` (which must
/// outlive it); `max_bytes` bounds what a GENIUS zip unpacks to.
void AddCaseFileRoutes(httplib::Server& server, store::Store& store, std::size_t max_bytes);

}  // namespace parley::cli
