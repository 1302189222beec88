// Login throttling: after too many failed password checks for one username, or from one client
// address, further attempts are refused for a lockout window that doubles with every failure
// after it ends (30 s, 60 s, 120 s, ... up to 15 minutes by default). A refused attempt checks
// no password at all, so a right password during a lockout is refused like a wrong one, and
// an unknown username is locked out exactly like a real one (the answer says nothing about
// which usernames exist).
//
// The state lives in memory, per process: a restart forgets it, and several `ordo serve`
// processes over one database would each count on their own. It is bounded: each table (users,
// addresses) holds at most `max_entries`; when full, entries whose failures are forgotten go
// first, then the one whose lockout ends soonest. A username longer than 128 bytes is kept as
// its SHA-256, so a key is never large.
//
// Attempts checked at the same moment all pass the check before their failures are counted, so
// concurrent guesses can pass the limit by at most the number of request threads; the next
// failure then starts the lockout (and each after it doubles it).
//
// A success forgets the username's failures, not the address's (an attacker who knows one
// password must not clear the address's count by using it). Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/clock.h"

namespace ordo::auth {

struct ThrottleLimits {
  int max_failures = 5;                // failures in a row before the first lockout
  int64_t first_lockout_seconds = 30;  // doubled for every failure after that
  int64_t max_lockout_seconds = 900;
  int64_t forget_after_seconds = 3600;  // failures this old, with no lockout left, are forgotten
};

struct LoginThrottleOptions {
  ThrottleLimits per_user{};
  // More failures per address than per user: several people may share one address (a NAT).
  ThrottleLimits per_address{20, 30, 900, 3600};
  size_t max_entries = 10'000;  // per table
};

// A lockout that a failure started, for the audit trail.
struct Lockout {
  std::string kind;  // "user" or "address"
  std::string key;   // the username (or its SHA-256) or the address
  int failures = 0;
  Timestamp until;
};

class LoginThrottle {
 public:
  explicit LoginThrottle(LoginThrottleOptions options = {});

  // Whole seconds (at least 1) to wait before an attempt for `username` from `address` may be
  // made, or nullopt when it may be made now.
  std::optional<int64_t> RetryAfter(std::string_view username, std::string_view address,
                                    Timestamp now);
  // Records a failed attempt; returns the lockouts it started (none, one or both).
  std::vector<Lockout> RecordFailure(std::string_view username, std::string_view address,
                                     Timestamp now);
  // Forgets the failures of `username`.
  void RecordSuccess(std::string_view username);
  // Entries held in the (users, addresses) tables together.
  size_t Size() const;

 private:
  struct Entry {
    int failures = 0;
    Timestamp last_failure;
    Timestamp locked_until;
  };
  using Table = std::unordered_map<std::string, Entry>;

  std::optional<Timestamp> Fail(Table& table, const std::string& key, const ThrottleLimits& limits,
                                Timestamp now);
  void MakeRoom(Table& table, const ThrottleLimits& limits, Timestamp now);

  const LoginThrottleOptions options_;
  mutable std::mutex mu_;
  Table users_;
  Table addresses_;
};

}  // namespace ordo::auth
