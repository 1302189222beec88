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
// Counted in PasswordVerificationCount().
bool VerifyPassword(std::string_view password, const std::string& encoded);

// Verifies `password` against a fixed argon2id hash of the default cost (kDummyPasswordHash)
// and throws the answer away: a login for a user who does not exist does the same work as one
// with a wrong password, so the time taken does not say which usernames exist.
void VerifyDummyPassword(std::string_view password);

// The argon2id hash VerifyDummyPassword checks against, made with PasswordCost{} (the test
// password_test checks that its parameters stay those of the default cost).
inline constexpr std::string_view kDummyPasswordHash =
    "$argon2id$v=19$m=19456,t=2,p=1$b3Jkby1kdW1teS1zYWx0AA$"
    "dlzGqJEP4k97v/8iuokO8msiQyeGnqCQsX2OQSMrPqw";

// How many password verifications (VerifyPassword, VerifyDummyPassword) this process ran:
// lets tests see that a login did the work of a verification whatever the username.
uint64_t PasswordVerificationCount();

}  // namespace ordo::auth
