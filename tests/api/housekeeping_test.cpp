// The purge of expired tokens and idempotency answers past their window, on a real SQLite file,
// and the housekeeping task that runs it through the executor.
#include "api/housekeeping.h"

#include <gtest/gtest.h>

#include "api/idempotency.h"
#include "auth/auth_fixture.h"
#include "auth/credential_commands.h"
#include "auth/tokens.h"
#include "store/query.h"
#include "support/test_db.h"

namespace ordo::api {
namespace {

constexpr int64_t kHour = 3600;

class HousekeepingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    user_ = test_support::AddUser(db_, "sales", "sales-pass-phrase-1", {"sales"});
  }
  void Token(int64_t ttl_seconds) {
    auto t = db_.executor().RunFor<auth::IssuedToken>([&](store::Connection& conn) {
      return auth::StoreToken(conn, user_, db_.clock().Now(), ttl_seconds);
    });
    ASSERT_TRUE(t.ok()) << t.status().ToString();
  }
  void Answer(const std::string& key) {
    ASSERT_TRUE(
        db_.executor()
            .Run([&](store::Connection& conn) {
              StoreResponse(conn, user_.user_id, key, {"hash", 201, "{}", {}}, db_.clock().Now());
              return Status::Ok();
            })
            .ok());
  }

  test_support::TestDb db_;
  auth::Principal user_;
};

TEST_F(HousekeepingTest, PurgesExpiredTokensOnly) {
  Token(kHour);
  Token(2 * kHour);
  db_.clock().AdvanceSeconds(kHour);
  auto purged = db_.executor().RunFor<int64_t>([&](store::Connection& conn) -> Result<int64_t> {
    return auth::PurgeExpiredTokens(conn, db_.clock().Now());
  });
  EXPECT_EQ(*purged, 1);
  EXPECT_EQ(db_.Count("auth_tokens"), 1);
}

TEST_F(HousekeepingTest, PurgesIdempotencyAnswersPastTheirWindow) {
  Answer("old");
  db_.clock().AdvanceSeconds(kIdempotencyWindowSeconds - kHour);
  Answer("recent");
  db_.clock().AdvanceSeconds(kHour + 1);
  auto purged = db_.executor().RunFor<int64_t>([&](store::Connection& conn) -> Result<int64_t> {
    return PurgeIdempotencyKeys(conn, db_.clock().Now());
  });
  EXPECT_EQ(*purged, 1);
  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM idempotency_keys WHERE idempotency_key = 'recent'"),
            1);
  EXPECT_EQ(db_.Count("idempotency_keys"), 1);
}

TEST_F(HousekeepingTest, TheTaskPurgesThroughTheExecutorWhenItStarts) {
  Token(kHour);
  Answer("old");
  db_.clock().AdvanceSeconds(kIdempotencyWindowSeconds + 1);
  Token(kHour);  // still valid
  {
    Housekeeping task(db_.executor(), db_.clock(), std::chrono::hours(1));
    // The first round is submitted at once; wait for it (generous deadline, no timing assert).
    for (int i = 0; i < 2000 && db_.Count("auth_tokens") != 1; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
  EXPECT_EQ(db_.Count("auth_tokens"), 1);
  EXPECT_EQ(db_.Count("idempotency_keys"), 0);
}

}  // namespace
}  // namespace ordo::api
