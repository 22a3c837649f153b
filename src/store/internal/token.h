#pragma once

// API tokens (libsodium): 32 random bytes shown once as "parley_" + base64url, and kept only as
// their BLAKE2b hash (crypto_generichash), in hex.

#include <string>
#include <string_view>

namespace parley::store::internal {

/// A new token: kTokenPrefix and 32 bytes from randombytes_buf, base64url without padding.
std::string NewToken();

/// The BLAKE2b-256 hash of `token`, 64 hex digits: what the store keeps.
std::string TokenHash(std::string_view token);

}  // namespace parley::store::internal
