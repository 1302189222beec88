// The login throttle's counting, lockout windows and bound on its memory.
#include "auth/login_throttle.h"

#include <gtest/gtest.h>

#include <string>

namespace ordo::auth {
namespace {

// "<prefix><n>", built so that GCC 12 sees no overlapping copy (its -Wrestrict misfires on
// "literal" + std::to_string(n)).
std::string Name(std::string prefix, int n) {
  prefix += std::to_string(n);
  return prefix;
}

Timestamp At(int64_t seconds) {
  return Timestamp{1'772'442'000'000'000 + seconds * 1'000'000};
}

TEST(LoginThrottle, LocksAUserOutAfterFiveFailuresForThirtySeconds) {
  LoginThrottle throttle;
  for (int i = 0; i < 4; ++i) {
    EXPECT_TRUE(throttle.RecordFailure("alice", "10.0.0.1", At(0)).empty());
    EXPECT_FALSE(throttle.RetryAfter("alice", "10.0.0.1", At(0)));
  }
  auto started = throttle.RecordFailure("alice", "10.0.0.1", At(0));
  ASSERT_EQ(started.size(), 1u);
  EXPECT_EQ(started[0].kind, "user");
  EXPECT_EQ(started[0].key, "alice");
  EXPECT_EQ(started[0].failures, 5);
  EXPECT_EQ(started[0].until, At(30));
  EXPECT_EQ(throttle.RetryAfter("alice", "10.0.0.2", At(0)), 30);
  EXPECT_EQ(throttle.RetryAfter("alice", "10.0.0.2", At(29)), 1);
  EXPECT_FALSE(throttle.RetryAfter("alice", "10.0.0.2", At(30)));
  EXPECT_FALSE(throttle.RetryAfter("bob", "10.0.0.1", At(0)));
}

TEST(LoginThrottle, EachFailureAfterALockoutDoublesItUpToTheCap) {
  LoginThrottle throttle;
  for (int i = 0; i < 5; ++i) throttle.RecordFailure("alice", "a", At(0));
  int64_t now = 30;
  for (int64_t expected : {60, 120, 240, 480, 900, 900}) {
    auto started = throttle.RecordFailure("alice", "b", At(now));
    ASSERT_EQ(started.size(), 1u);
    EXPECT_EQ(started[0].until, At(now + expected));
    now += expected;
  }
}

TEST(LoginThrottle, ASuccessForgetsTheUserButNotTheAddress) {
  LoginThrottle throttle;
  for (int i = 0; i < 4; ++i) throttle.RecordFailure("alice", "10.0.0.1", At(0));
  throttle.RecordSuccess("alice");
  EXPECT_TRUE(throttle.RecordFailure("alice", "10.0.0.1", At(0)).empty());
  for (int i = 0; i < 14; ++i) throttle.RecordFailure(Name("user", i), "10.0.0.1", At(0));
  auto started = throttle.RecordFailure("carol", "10.0.0.1", At(0));
  ASSERT_EQ(started.size(), 1u);
  EXPECT_EQ(started[0].kind, "address");
  throttle.RecordSuccess("carol");
  EXPECT_EQ(throttle.RetryAfter("dave", "10.0.0.1", At(1)), 29);
}

TEST(LoginThrottle, OldFailuresAreForgotten) {
  LoginThrottle throttle;
  for (int i = 0; i < 4; ++i) throttle.RecordFailure("alice", "a", At(0));
  EXPECT_TRUE(throttle.RecordFailure("alice", "a", At(3601)).empty());
}

TEST(LoginThrottle, HoldsAtMostMaxEntriesPerTable) {
  LoginThrottleOptions options;
  options.max_entries = 100;
  LoginThrottle throttle(options);
  for (int i = 0; i < 1000; ++i) {
    throttle.RecordFailure(Name("user", i), Name("10.0.0.", i % 250), At(i));
  }
  EXPECT_LE(throttle.Size(), 200u);
  // A long username is kept by its digest, not whole.
  std::string huge(100'000, 'x');
  for (int i = 0; i < 5; ++i) throttle.RecordFailure(huge, "b", At(2000));
  EXPECT_EQ(throttle.RetryAfter(huge, "c", At(2000)), 30);
}

TEST(LoginThrottle, ALockedEntryOutlivesEntriesThatOnlyFailed) {
  LoginThrottleOptions options;
  options.max_entries = 10;
  LoginThrottle throttle(options);
  for (int i = 0; i < 5; ++i) throttle.RecordFailure("alice", "a", At(0));
  for (int i = 0; i < 50; ++i) throttle.RecordFailure(Name("u", i), "a", At(1));
  EXPECT_TRUE(throttle.RetryAfter("alice", "z", At(2)));
}

}  // namespace
}  // namespace ordo::auth
