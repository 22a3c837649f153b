#pragma once

// What a Store holds: its backend connection and the lock that makes it one call at a time,
// and the time stamp of what it saves. Shared by store.cc and library.cc.

#include <memory>
#include <mutex>
#include <string>

#include "internal/backend.h"
#include "parley/store/store.h"

namespace parley::store {

struct Store::Impl {
  std::unique_ptr<internal::Backend> db;
  std::mutex mutex;
};

namespace internal {

/// The current time in UTC as ISO 8601 to the second ("2026-12-06T15:10:29Z"), the stamp of
/// every saved row. Defined in store.cc.
std::string NowUtc();

}  // namespace internal

}  // namespace parley::store
