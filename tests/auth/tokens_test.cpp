// Tokens and API keys: issue, authenticate, expiry (ManualClock), revocation, hashing at rest.
#include "auth/tokens.h"

#include <gtest/gtest.h>

#include "auth/api_keys.h"
#include "auth/auth_fixture.h"
#include "auth/secrets.h"
#include "store/query.h"

namespace ordo::auth {
namespace {

using test_support::AddUser;

class TokensTest : public ::testing::Test {
 protected:
  void SetUp() override { alice_ = AddUser(db_, "alice", "quiet-harbor-41", {"sales"}); }

  Result<IssuedToken> Issue(std::string_view user, std::string_view password,
                            int64_t ttl = kDefaultTokenTtlSeconds) {
    Timestamp now = db_.clock().Now();
    return db_.executor().RunFor<IssuedToken>(
        [&](store::Connection& conn) { return IssueToken(conn, user, password, now, ttl); });
  }
  Result<Principal> Auth(std::string_view bearer) {
    return Authenticate(db_.reader(), bearer, db_.clock().Now());
  }

  test_support::TestDb db_;
  Principal alice_;
};

TEST_F(TokensTest, IssuedTokenAuthenticatesAndIsStoredHashed) {
  auto t = Issue("alice", "quiet-harbor-41");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->token.size(), 64u);
  EXPECT_EQ(t->user.user_id, alice_.user_id);
  EXPECT_EQ(t->expires_at.micros, db_.clock().Now().micros + kDefaultTokenTtlSeconds * 1'000'000);

  auto p = Auth(t->token);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->username, "alice");
  EXPECT_EQ(p->roles, std::vector<Role>{Role::kSales});

  store::Query q(db_.reader(), "SELECT token_hash FROM auth_tokens");
  ASSERT_TRUE(q.Next());
  EXPECT_EQ(q.Text(0), Sha256Hex(t->token));
  EXPECT_NE(q.Text(0), t->token);
}

TEST_F(TokensTest, WrongUserAndWrongPasswordFailAlike) {
  auto bad_password = Issue("alice", "secret124");
  auto bad_user = Issue("mallory", "quiet-harbor-41");
  ASSERT_FALSE(bad_password.ok());
  ASSERT_FALSE(bad_user.ok());
  EXPECT_EQ(bad_password.status().code(), ErrorCode::kUnauthenticated);
  EXPECT_EQ(bad_user.status().code(), ErrorCode::kUnauthenticated);
  EXPECT_EQ(bad_password.status().message(), bad_user.status().message());
  EXPECT_EQ(db_.Count("auth_tokens"), 0);
}

TEST_F(TokensTest, TokenExpires) {
  auto t = Issue("alice", "quiet-harbor-41", /*ttl=*/60);
  ASSERT_TRUE(t.ok());
  db_.clock().AdvanceSeconds(59);
  EXPECT_TRUE(Auth(t->token).ok());
  db_.clock().AdvanceSeconds(1);
  auto expired = Auth(t->token);
  ASSERT_FALSE(expired.ok());
  EXPECT_EQ(expired.status().code(), ErrorCode::kUnauthenticated);
}

TEST_F(TokensTest, UnknownOrEmptyTokenIsUnauthenticated) {
  EXPECT_EQ(Auth("").status().code(), ErrorCode::kUnauthenticated);
  EXPECT_EQ(Auth(RandomHex(32)).status().code(), ErrorCode::kUnauthenticated);
  EXPECT_EQ(Auth("ok_" + RandomHex(32)).status().code(), ErrorCode::kUnauthenticated);
}

TEST_F(TokensTest, InactiveUserCannotSignInOrUseTokens) {
  auto t = Issue("alice", "quiet-harbor-41");
  ASSERT_TRUE(t.ok());
  ASSERT_TRUE(db_.executor()
                  .Run([&](store::Connection& conn) {
                    store::Exec(conn, "UPDATE users SET active = 0 WHERE id = ?", alice_.user_id);
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_EQ(Auth(t->token).status().code(), ErrorCode::kUnauthenticated);
  EXPECT_EQ(Issue("alice", "quiet-harbor-41").status().code(), ErrorCode::kUnauthenticated);
}

TEST_F(TokensTest, ApiKeyAuthenticatesUntilRevoked) {
  AddUser(db_, "edi", "edi-secret-1", {"integration"});
  CommandContext ctx = db_.Context("user:admin");
  auto key = db_.executor().RunFor<IssuedApiKey>(
      [&](store::Connection& conn) { return CreateApiKey(conn, ctx, "edi", "edi-gateway"); });
  ASSERT_TRUE(key.ok()) << key.status().ToString();
  EXPECT_TRUE(key->key.starts_with("ok_"));
  EXPECT_EQ(
      db_.QueryInt("SELECT COUNT(*) FROM api_keys WHERE key_hash = '" + Sha256Hex(key->key) + "'"),
      1);

  auto p = Auth(key->key);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->username, "edi");
  EXPECT_EQ(p->roles, std::vector<Role>{Role::kIntegration});
  db_.clock().AdvanceSeconds(364 * 24 * 3600);  // keys now expire, a year after creation
  EXPECT_TRUE(Auth(key->key).ok());

  ASSERT_TRUE(db_.executor()
                  .Run([&](store::Connection& conn) { return RevokeApiKey(conn, ctx, key->id); })
                  .ok());
  EXPECT_EQ(Auth(key->key).status().code(), ErrorCode::kUnauthenticated);
}

TEST_F(TokensTest, ApiKeyExpiresAYearAfterCreationByDefault) {
  AddUser(db_, "edi", "edi-pass-phrase-1", {"integration"});
  CommandContext ctx = db_.Context("user:admin");
  auto key = db_.executor().RunFor<IssuedApiKey>(
      [&](store::Connection& conn) { return CreateApiKey(conn, ctx, "edi", "edi-gateway"); });
  ASSERT_TRUE(key.ok()) << key.status().ToString();
  EXPECT_EQ(key->expires_at.micros, ctx.now.micros + 365LL * 24 * 3600 * 1'000'000);
  EXPECT_EQ(key->prefix, key->key.substr(0, 11));
  db_.clock().AdvanceSeconds(365 * 24 * 3600 - 1);
  EXPECT_TRUE(Auth(key->key).ok());
  db_.clock().AdvanceSeconds(1);
  EXPECT_EQ(Auth(key->key).status().code(), ErrorCode::kUnauthenticated);
}

TEST_F(TokensTest, ApiKeyWithAnExpiryInThePastIsRefused) {
  AddUser(db_, "edi", "edi-pass-phrase-1", {"integration"});
  CommandContext ctx = db_.Context("user:admin");
  auto key = db_.executor().RunFor<IssuedApiKey>([&](store::Connection& conn) {
    return CreateApiKey(conn, ctx, "edi", "edi-gateway", ctx.now);
  });
  ASSERT_EQ(key.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(key.status().errors().at(0).field, "expires_at");
  EXPECT_EQ(db_.Count("api_keys"), 0);
}

TEST_F(TokensTest, ApiKeyForUnknownUserIsNotFound) {
  CommandContext ctx = db_.Context("user:admin");
  auto key = db_.executor().RunFor<IssuedApiKey>(
      [&](store::Connection& conn) { return CreateApiKey(conn, ctx, "nobody", "x"); });
  EXPECT_EQ(key.status().code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace ordo::auth
