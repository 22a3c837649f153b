#include "internal/token.h"

#include <sodium.h>

#include <array>

#include "parley/core/error.h"
#include "parley/store/store.h"

namespace parley::store::internal {

namespace {

void InitSodium() {
  static const bool kReady = sodium_init() >= 0;
  if (!kReady) throw Error(ErrorCode::kInternal, "libsodium could not be initialised");
}

}  // namespace

std::string NewToken() {
  InitSodium();
  std::array<unsigned char, 32> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::array<char, sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)> text{};
  sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero(bytes.data(), bytes.size());
  return std::string(kTokenPrefix) + text.data();
}

std::string TokenHash(std::string_view token) {
  InitSodium();
  std::array<unsigned char, crypto_generichash_BYTES> hash{};
  crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  std::array<char, crypto_generichash_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
  return hex.data();
}

}  // namespace parley::store::internal
