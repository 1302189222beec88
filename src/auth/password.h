// Password hashing with argon2id (libargon2), in the self-describing encoded format
// "$argon2id$v=19$m=...,t=...,p=...$<salt>$<hash>", so the cost can rise later without
// breaking stored hashes.
//
// Hashing is deliberately slow (tens of milliseconds at the default cost): call it on a request
// thread, never on the command executor's writer thread. Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ordo::auth {

struct PasswordCost {
  uint32_t time_cost = 2;       // iterations
  uint32_t memory_kib = 19456;  // 19 MiB (the OWASP baseline for argon2id)
  uint32_t parallelism = 1;
};

// A cheap cost for tests only.
inline constexpr PasswordCost kTestPasswordCost{1, 64, 1};

// The encoded argon2id hash of `password` with a fresh random 16-byte salt. Throws
// std::runtime_error when argon2 fails (e.g. out of memory).
std::string HashPassword(std::string_view password, const PasswordCost& cost = {});

// True when `password` matches `encoded`; false for a wrong password or a malformed hash.
bool VerifyPassword(std::string_view password, const std::string& encoded);

}  // namespace ordo::auth
