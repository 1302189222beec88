#include "auth/password.h"

#include <argon2.h>

#include <atomic>
#include <stdexcept>
#include <vector>

#include "auth/secrets.h"

namespace ordo::auth {
namespace {

constexpr size_t kSaltBytes = 16;
constexpr size_t kHashBytes = 32;

std::atomic<uint64_t> verifications{0};

}  // namespace

std::string HashPassword(std::string_view password, const PasswordCost& cost) {
  unsigned char salt[kSaltBytes];
  RandomBytes(salt, sizeof salt);
  size_t encoded_len = argon2_encodedlen(cost.time_cost, cost.memory_kib, cost.parallelism,
                                         kSaltBytes, kHashBytes, Argon2_id);
  std::vector<char> encoded(encoded_len);
  int rc = argon2id_hash_encoded(cost.time_cost, cost.memory_kib, cost.parallelism, password.data(),
                                 password.size(), salt, sizeof salt, kHashBytes, encoded.data(),
                                 encoded.size());
  if (rc != ARGON2_OK) {
    throw std::runtime_error(std::string("argon2id hashing failed: ") + argon2_error_message(rc));
  }
  return std::string(encoded.data());
}

bool VerifyPassword(std::string_view password, const std::string& encoded) {
  verifications.fetch_add(1, std::memory_order_relaxed);
  return argon2id_verify(encoded.c_str(), password.data(), password.size()) == ARGON2_OK;
}

void VerifyDummyPassword(std::string_view password) {
  static const std::string kHash(kDummyPasswordHash);
  VerifyPassword(password, kHash);
}

uint64_t PasswordVerificationCount() {
  return verifications.load(std::memory_order_relaxed);
}

}  // namespace ordo::auth
