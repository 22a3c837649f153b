#pragma once

// What a Store holds: its backend connection and the lock that makes it one call at a time.
// Shared by store.cc and library.cc.

#include <memory>
#include <mutex>

#include "internal/backend.h"
#include "parley/store/store.h"

namespace parley::store {

struct Store::Impl {
  std::unique_ptr<internal::Backend> db;
  std::mutex mutex;
};

}  // namespace parley::store
