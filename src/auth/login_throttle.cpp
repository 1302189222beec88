#include "auth/login_throttle.h"

#include <algorithm>

#include "auth/secrets.h"

namespace ordo::auth {
namespace {

constexpr int64_t kMicros = 1'000'000;
constexpr size_t kMaxKeyBytes = 128;

std::string KeyOf(std::string_view name) {
  if (name.size() <= kMaxKeyBytes) return std::string(name);
  return "sha256:" + Sha256Hex(name);
}

bool Forgotten(const ThrottleLimits& limits, Timestamp last_failure, Timestamp locked_until,
               Timestamp now) {
  return locked_until <= now &&
         now.micros - last_failure.micros > limits.forget_after_seconds * kMicros;
}

template <typename Table>
std::optional<int64_t> SecondsLeft(const Table& table, const std::string& key, Timestamp now) {
  auto it = table.find(key);
  if (it == table.end() || it->second.locked_until <= now) return std::nullopt;
  int64_t micros = it->second.locked_until.micros - now.micros;
  return (micros + kMicros - 1) / kMicros;
}

}  // namespace

LoginThrottle::LoginThrottle(LoginThrottleOptions options) : options_(options) {}

std::optional<int64_t> LoginThrottle::RetryAfter(std::string_view username,
                                                 std::string_view address, Timestamp now) {
  std::lock_guard lock(mu_);
  auto user = SecondsLeft(users_, KeyOf(username), now);
  auto addr = SecondsLeft(addresses_, KeyOf(address), now);
  if (!user) return addr;
  if (!addr) return user;
  return std::max(*user, *addr);
}

std::vector<Lockout> LoginThrottle::RecordFailure(std::string_view username,
                                                  std::string_view address, Timestamp now) {
  std::lock_guard lock(mu_);
  std::vector<Lockout> started;
  std::string user_key = KeyOf(username);
  if (auto until = Fail(users_, user_key, options_.per_user, now)) {
    started.push_back({"user", user_key, users_[user_key].failures, *until});
  }
  std::string address_key = KeyOf(address);
  if (auto until = Fail(addresses_, address_key, options_.per_address, now)) {
    started.push_back({"address", address_key, addresses_[address_key].failures, *until});
  }
  return started;
}

void LoginThrottle::RecordSuccess(std::string_view username) {
  std::lock_guard lock(mu_);
  users_.erase(KeyOf(username));
}

size_t LoginThrottle::Size() const {
  std::lock_guard lock(mu_);
  return users_.size() + addresses_.size();
}

std::optional<Timestamp> LoginThrottle::Fail(Table& table, const std::string& key,
                                             const ThrottleLimits& limits, Timestamp now) {
  auto it = table.find(key);
  if (it == table.end()) {
    MakeRoom(table, limits, now);
    it = table.emplace(key, Entry{}).first;
  } else if (Forgotten(limits, it->second.last_failure, it->second.locked_until, now)) {
    it->second = Entry{};
  }
  Entry& e = it->second;
  e.failures += 1;
  e.last_failure = now;
  if (e.failures < limits.max_failures) return std::nullopt;
  int doublings = std::min(e.failures - limits.max_failures, 20);
  int64_t seconds = std::min(limits.first_lockout_seconds << doublings, limits.max_lockout_seconds);
  e.locked_until = Timestamp{now.micros + seconds * kMicros};
  return e.locked_until;
}

void LoginThrottle::MakeRoom(Table& table, const ThrottleLimits& limits, Timestamp now) {
  if (table.size() < options_.max_entries) return;
  std::erase_if(table, [&](const auto& kv) {
    return Forgotten(limits, kv.second.last_failure, kv.second.locked_until, now);
  });
  while (!table.empty() && table.size() >= options_.max_entries) {
    // Still full of recent failures: drop the entry that matters least, the one whose lockout
    // (or, with none, whose last failure) is the earliest.
    auto least = std::min_element(table.begin(), table.end(), [](const auto& a, const auto& b) {
      return std::max(a.second.locked_until, a.second.last_failure) <
             std::max(b.second.locked_until, b.second.last_failure);
    });
    table.erase(least);
  }
}

}  // namespace ordo::auth
