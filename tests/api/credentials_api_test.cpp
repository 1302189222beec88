// Credentials over real HTTP (issue 12): login throttling, equal work for unknown users,
// password change and reset, logout, disabled users, and API keys that list, expire and end.
#include <gtest/gtest.h>

#include <string>

#include "api/api_fixture.h"
#include "auth/password.h"

namespace ordo::api::testing {
namespace {

class CredentialsApiTest : public ApiTest {
 protected:
  ClientResponse Login(const std::string& username, const std::string& password) {
    nlohmann::json body = {{"username", username}, {"password", password}};
    return client_->Send("POST", "/api/v1/auth/token", body.dump(),
                         {{"Content-Type", "application/json"}});
  }
  ClientResponse WithToken(const std::string& token, const std::string& method,
                           const std::string& target, const std::string& body = "") {
    HeaderList headers = {{"Authorization", "Bearer " + token}};
    if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
    return client_->Send(method, target, body, headers);
  }
  int64_t AuditCount(const std::string& action) {
    return db_.QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = '" + action + "'");
  }
};

TEST_F(CredentialsApiTest, WrongPasswordsLockTheUserOutWith429AndRetryAfter) {
  for (int i = 0; i < 5; ++i) {
    EXPECT_TRUE(
        IsProblem(Login("sales", "not-the-password-" + std::to_string(i)), 401, "unauthenticated"));
  }
  // The right password during the lockout is refused too.
  ClientResponse locked = Login("sales", "sales-pass-phrase-1");
  ASSERT_TRUE(IsProblem(locked, 429, "too_many_requests"));
  EXPECT_EQ(locked.Header("Retry-After").value_or(""), "30");
  EXPECT_EQ(AuditCount("auth.lockout"), 1);
  EXPECT_EQ(db_.QueryInt("SELECT entity_id FROM audit_log WHERE action = 'auth.lockout'"),
            db_.QueryInt("SELECT id FROM users WHERE username = 'sales'"));
  // Another user from the same address is not affected.
  EXPECT_EQ(Login("manager", "manager-pass-phrase-1").status, 200);

  db_.clock().AdvanceSeconds(29);
  EXPECT_EQ(Login("sales", "sales-pass-phrase-1").Header("Retry-After").value_or(""), "1");
  db_.clock().AdvanceSeconds(1);
  ClientResponse after = Login("sales", "sales-pass-phrase-1");
  EXPECT_EQ(after.status, 200) << after.body;
}

TEST_F(CredentialsApiTest, TheLockoutDoublesWithEveryFailureAfterIt) {
  for (int i = 0; i < 5; ++i) Login("sales", "not-the-password");
  db_.clock().AdvanceSeconds(30);
  EXPECT_EQ(Login("sales", "not-the-password").status, 401);
  EXPECT_EQ(Login("sales", "sales-pass-phrase-1").Header("Retry-After").value_or(""), "60");
  EXPECT_EQ(AuditCount("auth.lockout"), 2);
}

TEST_F(CredentialsApiTest, AnUnknownUsernameIsLockedOutAlikeAndCostsAVerification) {
  uint64_t before = auth::PasswordVerificationCount();
  EXPECT_TRUE(IsProblem(Login("nobody-here", "some-password-1"), 401, "unauthenticated"));
  // The unknown user's login verified a password (the dummy hash), like a wrong password does.
  EXPECT_EQ(auth::PasswordVerificationCount(), before + 1);
  EXPECT_TRUE(IsProblem(Login("sales", "some-password-1"), 401, "unauthenticated"));
  EXPECT_EQ(auth::PasswordVerificationCount(), before + 2);

  for (int i = 0; i < 4; ++i) Login("nobody-here", "some-password-1");
  ClientResponse locked = Login("nobody-here", "some-password-1");
  EXPECT_TRUE(IsProblem(locked, 429, "too_many_requests"));
  EXPECT_EQ(locked.Header("Retry-After").value_or(""), "30");
}

TEST_F(CredentialsApiTest, ManyUsernamesFromOneAddressLockTheAddressOut) {
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(Login("guess-" + std::to_string(i), "some-password-1").status, 401);
  }
  ClientResponse locked = Login("sales", "sales-pass-phrase-1");
  EXPECT_TRUE(IsProblem(locked, 429, "too_many_requests"));
  EXPECT_TRUE(locked.Header("Retry-After").has_value());
  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'auth.lockout' "
                         "AND after_json LIKE '%\"address\":\"127.0.0.1\"%'"),
            1);
}

TEST_F(CredentialsApiTest, ChangingTheOwnPasswordRevokesEveryTokenOfTheUser) {
  std::string second = Login("sales", "sales-pass-phrase-1").Json()["token"];
  ClientResponse changed =
      Call("sales", "POST", "/api/v1/auth/password",
           R"({"current_password": "sales-pass-phrase-1", "new_password": "brand-new-phrase-7"})");
  ASSERT_EQ(changed.status, 204) << changed.body;
  EXPECT_TRUE(IsProblem(Call("sales", "GET", "/api/v1/auth/me"), 401, "unauthenticated"));
  EXPECT_TRUE(IsProblem(WithToken(second, "GET", "/api/v1/auth/me"), 401, "unauthenticated"));
  EXPECT_EQ(Login("sales", "sales-pass-phrase-1").status, 401);
  EXPECT_EQ(Login("sales", "brand-new-phrase-7").status, 200);
  EXPECT_EQ(AuditCount("user.password_change"), 1);
  // Other users keep their tokens.
  EXPECT_EQ(Call("manager", "GET", "/api/v1/auth/me").status, 200);
}

TEST_F(CredentialsApiTest, ChangingThePasswordNeedsTheCurrentOne) {
  ClientResponse r =
      Call("sales", "POST", "/api/v1/auth/password",
           R"({"current_password": "not-the-password", "new_password": "brand-new-phrase-7"})");
  ASSERT_TRUE(IsProblem(r, 403, "forbidden"));
  EXPECT_EQ(r.Json()["errors"][0]["field"], "current_password");
  EXPECT_EQ(Call("sales", "GET", "/api/v1/auth/me").status, 200);
  EXPECT_EQ(Login("sales", "sales-pass-phrase-1").status, 200);
}

TEST_F(CredentialsApiTest, GuessingTheCurrentPasswordIsThrottledLikeALogin) {
  const std::string wrong =
      R"({"current_password": "not-the-password", "new_password": "brand-new-phrase-7"})";
  for (int i = 0; i < 5; ++i) {
    EXPECT_TRUE(IsProblem(Call("sales", "POST", "/api/v1/auth/password", wrong), 403, "forbidden"));
  }
  ClientResponse locked =
      Call("sales", "POST", "/api/v1/auth/password",
           R"({"current_password": "sales-pass-phrase-1", "new_password": "brand-new-phrase-7"})");
  ASSERT_TRUE(IsProblem(locked, 429, "too_many_requests"));
  EXPECT_EQ(locked.Header("Retry-After").value_or(""), "30");
  EXPECT_TRUE(IsProblem(Login("sales", "sales-pass-phrase-1"), 429, "too_many_requests"));
  EXPECT_EQ(AuditCount("user.password_change"), 0);
}

TEST_F(CredentialsApiTest, AWeakNewPasswordIsRefusedNamingTheField) {
  for (std::string weak : {"short-1", "Password1234", "qwertyuiop12", "123456789012"}) {
    nlohmann::json body = {{"current_password", "sales-pass-phrase-1"}, {"new_password", weak}};
    ClientResponse r = Call("sales", "POST", "/api/v1/auth/password", body.dump());
    ASSERT_TRUE(IsProblem(r, 400, "weak_password")) << weak;
    EXPECT_EQ(r.Json()["errors"][0]["field"], "new_password");
    EXPECT_EQ(r.Json()["errors"][0]["code"], "weak_password");
  }
  EXPECT_EQ(Login("sales", "sales-pass-phrase-1").status, 200);
  EXPECT_EQ(AuditCount("user.password_change"), 0);
}

TEST_F(CredentialsApiTest, AnAdminResetsAPasswordAndTheUsersTokensEnd) {
  ClientResponse forbidden = Call("manager", "POST", "/api/v1/users/sales/password",
                                  R"({"new_password": "reset-by-admin-42"})");
  EXPECT_TRUE(IsProblem(forbidden, 403, "forbidden"));
  ClientResponse r = Call("admin", "POST", "/api/v1/users/sales/password",
                          R"({"new_password": "reset-by-admin-42"})");
  ASSERT_EQ(r.status, 204) << r.body;
  EXPECT_EQ(Call("sales", "GET", "/api/v1/auth/me").status, 401);
  EXPECT_EQ(Login("sales", "reset-by-admin-42").status, 200);
  EXPECT_EQ(AuditCount("user.password_reset"), 1);
  EXPECT_TRUE(IsProblem(Call("admin", "POST", "/api/v1/users/nobody-here/password",
                             R"({"new_password": "reset-by-admin-42"})"),
                        404, "not_found"));
  int64_t id = db_.QueryInt("SELECT id FROM users WHERE username = 'manager'");
  EXPECT_EQ(Call("admin", "POST", "/api/v1/users/" + std::to_string(id) + "/password",
                 R"({"new_password": "reset-by-admin-43"})")
                .status,
            204);
  EXPECT_EQ(Call("manager", "GET", "/api/v1/auth/me").status, 401);
}

TEST_F(CredentialsApiTest, LogoutRevokesTheTokenUsedOnly) {
  std::string second = Login("sales", "sales-pass-phrase-1").Json()["token"];
  ClientResponse out = Call("sales", "DELETE", "/api/v1/auth/token");
  ASSERT_EQ(out.status, 204) << out.body;
  EXPECT_EQ(Call("sales", "GET", "/api/v1/auth/me").status, 401);
  EXPECT_EQ(WithToken(second, "GET", "/api/v1/auth/me").status, 200);
  EXPECT_EQ(Call("sales", "DELETE", "/api/v1/auth/token").status, 401);
}

// A customer's portal user manages its own credentials like staff: it signs out and changes
// its password (which ends its other tokens) through the portal's operations.
TEST_F(CredentialsApiTest, APortalUserSignsOutAndChangesItsOwnPassword) {
  std::string second = Login("portal", "portal-pass-phrase-1").Json()["token"];
  ClientResponse changed = WithToken(
      second, "POST", "/api/v1/auth/password",
      R"({"current_password": "portal-pass-phrase-1", "new_password": "portal-new-phrase-7"})");
  ASSERT_EQ(changed.status, 204) << changed.body;
  EXPECT_EQ(Call("portal", "GET", "/api/v1/auth/me").status, 401);
  std::string third = Login("portal", "portal-new-phrase-7").Json()["token"];
  EXPECT_EQ(WithToken(third, "DELETE", "/api/v1/auth/token").status, 204);
  EXPECT_EQ(WithToken(third, "GET", "/api/v1/auth/me").status, 401);
}

TEST_F(CredentialsApiTest, ADisabledUsersTokensAndKeysStopAtOnce) {
  ClientResponse key =
      Call("admin", "POST", "/api/v1/api-keys", R"({"username": "integration", "name": "edi"})");
  ASSERT_EQ(key.status, 201) << key.body;
  std::string secret = key.Json()["key"];
  EXPECT_EQ(WithToken(secret, "GET", "/api/v1/auth/me").status, 200);
  EXPECT_EQ(Call("admin", "POST", "/api/v1/users/integration/disable").status, 204);
  EXPECT_EQ(Call("integration", "GET", "/api/v1/auth/me").status, 401);
  EXPECT_EQ(WithToken(secret, "GET", "/api/v1/auth/me").status, 401);
  EXPECT_EQ(Login("integration", "integration-pass-phrase-1").status, 401);
  EXPECT_EQ(AuditCount("user.disable"), 1);
}

TEST_F(CredentialsApiTest, ApiKeysAreListedWithoutSecretsAndRevoked) {
  ClientResponse made =
      Call("admin", "POST", "/api/v1/api-keys",
           R"({"username": "integration", "name": "edi", "expires_at": "2031-01-01T00:00:00Z"})");
  ASSERT_EQ(made.status, 201) << made.body;
  auto key = made.Json();
  std::string secret = key["key"];
  EXPECT_EQ(key["prefix"], secret.substr(0, 11));
  EXPECT_EQ(key["expires_at"], "2031-01-01T00:00:00Z");
  EXPECT_TRUE(key["last_used_at"].is_null());

  EXPECT_EQ(WithToken(secret, "GET", "/api/v1/auth/me").status, 200);
  ClientResponse list = Call("admin", "GET", "/api/v1/api-keys?user=integration");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.body.find(secret.substr(11)), std::string::npos) << "the secret is listed";
  auto items = list.Json()["items"];
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["name"], "edi");
  EXPECT_EQ(items[0]["user"]["username"], "integration");
  EXPECT_TRUE(items[0]["revoked_at"].is_null());
  // The key's use was recorded (through the executor, after the answer: wait for it).
  for (int i = 0; i < 500 && items[0]["last_used_at"].is_null(); ++i) {
    items = Call("admin", "GET", "/api/v1/api-keys?user=integration").Json()["items"];
  }
  EXPECT_EQ(items[0]["last_used_at"], FormatRfc3339(db_.clock().Now()));

  EXPECT_TRUE(IsProblem(Call("sales", "GET", "/api/v1/api-keys"), 403, "forbidden"));
  std::string path = "/api/v1/api-keys/" + std::to_string(key["id"].get<int64_t>());
  EXPECT_EQ(Call("admin", "DELETE", path).status, 204);
  EXPECT_EQ(WithToken(secret, "GET", "/api/v1/auth/me").status, 401);
  EXPECT_TRUE(IsProblem(Call("admin", "DELETE", path), 404, "not_found"));
  items = Call("admin", "GET", "/api/v1/api-keys").Json()["items"];
  EXPECT_FALSE(items[0]["revoked_at"].is_null());
}

TEST_F(CredentialsApiTest, AnApiKeyEndsAtItsExpiry) {
  ClientResponse made =
      Call("admin", "POST", "/api/v1/api-keys",
           R"({"username": "integration", "name": "edi", "expires_at": "2030-01-01T00:00:00Z"})");
  ASSERT_EQ(made.status, 201) << made.body;
  std::string secret = made.Json()["key"];
  ClientResponse past = Call("admin", "POST", "/api/v1/api-keys",
                             R"({"username": "integration", "name": "old",
                                 "expires_at": "2026-01-01T00:00:00Z"})");
  EXPECT_TRUE(IsProblem(past, 400, "invalid_argument"));
  db_.clock().Set(*ParseRfc3339("2029-12-31T23:59:59Z"));
  EXPECT_EQ(WithToken(secret, "GET", "/api/v1/auth/me").status, 200);
  db_.clock().Set(*ParseRfc3339("2030-01-01T00:00:00Z"));
  EXPECT_EQ(WithToken(secret, "GET", "/api/v1/auth/me").status, 401);
}

}  // namespace
}  // namespace ordo::api::testing
