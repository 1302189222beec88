// Random secrets and their digests, for bearer tokens and API keys (OpenSSL underneath).
//
// Secrets are handed to the client once; the database keeps only Sha256Hex(secret), so a
// leaked database does not leak working credentials.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ordo::auth {

// `bytes` cryptographically random bytes as lower-case hex (2 * bytes characters). Throws
// std::runtime_error when the system's random source fails.
std::string RandomHex(size_t bytes);

// Fills `out` with `size` random bytes; throws std::runtime_error on failure.
void RandomBytes(unsigned char* out, size_t size);

// The SHA-256 digest of `text` as 64 lower-case hex characters.
std::string Sha256Hex(std::string_view text);

}  // namespace ordo::auth
