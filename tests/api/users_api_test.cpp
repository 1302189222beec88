// Users through the API (issue 13): the admin lists, shows, creates and changes users; every
// change that alters what a user may do ends its tokens; nobody else may read or write users;
// bad input changes nothing.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "api/api_fixture.h"

namespace ordo::api::testing {
namespace {

using nlohmann::json;

class UsersApiTest : public ApiTest {
 protected:
  ClientResponse Login(const std::string& username, const std::string& password) {
    json body = {{"username", username}, {"password", password}};
    return client_->Send("POST", "/api/v1/auth/token", body.dump(),
                         {{"Content-Type", "application/json"}});
  }
  int64_t Count(const std::string& sql) { return db_.QueryInt(sql); }
  int64_t Users() { return Count("SELECT COUNT(*) FROM users"); }
  int64_t Audits(const std::string& action) {
    return Count("SELECT COUNT(*) FROM audit_log WHERE action = '" + action + "'");
  }
  // Every user and role as stored, to see that a refused request changed nothing.
  int64_t Fingerprint() {
    return Count(
        "SELECT COALESCE(SUM(u.id * 31 + u.active * 7 + COALESCE(u.customer_id, 0) * 3 + "
        "LENGTH(u.password_hash)), 0) + (SELECT COUNT(*) FROM user_roles) * 1000 + "
        "(SELECT COUNT(*) FROM audit_log) * 100000 FROM users u");
  }
  static std::set<std::string> Fields(const json& problem) {
    std::set<std::string> fields;
    for (const auto& e : problem["errors"]) fields.insert(e["field"].get<std::string>());
    return fields;
  }
};

TEST_F(UsersApiTest, TheAdminListsUsersWithRolesAndCustomersButNoSecret) {
  ClientResponse r = Call("admin", "GET", "/api/v1/users");
  ASSERT_EQ(r.status, 200) << r.body;
  json page = r.Json();
  ASSERT_EQ(page["items"].size(), 8u);
  EXPECT_TRUE(page["next_cursor"].is_null());
  for (const auto& u : page["items"]) {
    EXPECT_FALSE(u.contains("password_hash")) << u;
    EXPECT_EQ(u["disabled"], false);
  }
  EXPECT_EQ(r.body.find("argon2"), std::string::npos);
  const json& portal = page["items"][6];
  EXPECT_EQ(portal["username"], "portal");
  EXPECT_EQ(portal["roles"], json::array({"customer"}));
  EXPECT_EQ(portal["customer"], "C-1");
  // Every fixture user holds a token, so its last sign-in is known.
  EXPECT_FALSE(portal["last_sign_in_at"].is_null());

  json customers = Call("admin", "GET", "/api/v1/users?role=customer").Json()["items"];
  ASSERT_EQ(customers.size(), 2u);
  EXPECT_EQ(customers[1]["customer"], "C-2");

  json first = Call("admin", "GET", "/api/v1/users?limit=3").Json();
  ASSERT_EQ(first["items"].size(), 3u);
  json second = Call("admin", "GET",
                     "/api/v1/users?limit=3&cursor=" + first["next_cursor"].get<std::string>())
                    .Json();
  EXPECT_EQ(second["items"][0]["username"], "warehouse");

  ASSERT_EQ(Call("admin", "POST", "/api/v1/users/sales/disable").status, 204);
  json disabled = Call("admin", "GET", "/api/v1/users?disabled=true").Json()["items"];
  ASSERT_EQ(disabled.size(), 1u);
  EXPECT_EQ(disabled[0]["username"], "sales");
  EXPECT_TRUE(disabled[0]["last_sign_in_at"].is_null());  // its tokens ended
  EXPECT_EQ(Call("admin", "GET", "/api/v1/users?disabled=false").Json()["items"].size(), 7u);

  EXPECT_TRUE(IsProblem(Call("admin", "GET", "/api/v1/users?role=boss"), 400, "invalid_argument"));
  EXPECT_TRUE(
      IsProblem(Call("admin", "GET", "/api/v1/users?disabled=maybe"), 400, "invalid_argument"));
}

TEST_F(UsersApiTest, TheAdminShowsOneUserByNameOrId) {
  json sales = Call("admin", "GET", "/api/v1/users/sales").Json();
  EXPECT_EQ(sales["roles"], json::array({"sales"}));
  EXPECT_TRUE(sales["customer"].is_null());
  ClientResponse by_id =
      Call("admin", "GET", "/api/v1/users/" + std::to_string(sales["id"].get<int64_t>()));
  EXPECT_EQ(by_id.Json()["username"], "sales");
  EXPECT_TRUE(IsProblem(Call("admin", "GET", "/api/v1/users/nobody"), 404, "not_found"));
}

TEST_F(UsersApiTest, NobodyButTheAdminReadsOrChangesUsers) {
  int64_t before = Fingerprint();
  for (const char* user : {"sales", "manager", "arclerk", "warehouse", "integration", "portal"}) {
    SCOPED_TRACE(user);
    EXPECT_TRUE(IsProblem(Call(user, "GET", "/api/v1/users"), 403, "forbidden"));
    EXPECT_TRUE(IsProblem(Call(user, "GET", "/api/v1/users/sales"), 403, "forbidden"));
    EXPECT_TRUE(IsProblem(Call(user, "POST", "/api/v1/users",
                               R"({"username": "eve", "password": "a-long-pass-phrase-9",
                                   "roles": ["admin"]})"),
                          403, "forbidden"));
    EXPECT_TRUE(IsProblem(Call(user, "PATCH", "/api/v1/users/sales", R"({"roles": ["admin"]})"),
                          403, "forbidden"));
  }
  EXPECT_TRUE(IsProblem(Call("", "GET", "/api/v1/users"), 401, "unauthenticated"));
  EXPECT_EQ(Fingerprint(), before);
}

TEST_F(UsersApiTest, TheAdminCreatesAStaffUserWhoCanSignIn) {
  ClientResponse r = Call("admin", "POST", "/api/v1/users",
                          R"({"username": "nina", "password": "nina-pass-phrase-1",
                              "roles": ["sales", "warehouse"]})");
  ASSERT_EQ(r.status, 201) << r.body;
  json nina = r.Json();
  EXPECT_EQ(nina["roles"], json::array({"sales", "warehouse"}));
  EXPECT_TRUE(nina["customer"].is_null());
  EXPECT_TRUE(nina["last_sign_in_at"].is_null());
  EXPECT_EQ(r.Header("Location").value_or(""),
            "/api/v1/users/" + std::to_string(nina["id"].get<int64_t>()));
  EXPECT_EQ(Login("nina", "nina-pass-phrase-1").status, 200);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'user.create' AND entity_id = " +
                  std::to_string(nina["id"].get<int64_t>()) +
                  " AND actor = 'user:admin' AND after_json NOT LIKE '%pass%'"),
            1);
}

TEST_F(UsersApiTest, APortalUserBelongsToExactlyOneCustomer) {
  ClientResponse r = Call("admin", "POST", "/api/v1/users",
                          R"({"username": "buyer", "password": "buyer-pass-phrase-1",
                              "roles": ["customer"], "customer": "C-2"})");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.Json()["customer"], "C-2");

  int64_t before = Fingerprint();
  ClientResponse none = Call("admin", "POST", "/api/v1/users",
                             R"({"username": "buyer2", "password": "buyer-pass-phrase-1",
                                 "roles": ["customer"]})");
  ASSERT_TRUE(IsProblem(none, 400, "invalid_argument"));
  EXPECT_EQ(none.Json()["errors"][0]["code"], "required");
  ClientResponse staff = Call("admin", "POST", "/api/v1/users",
                              R"({"username": "clerk2", "password": "clerk-pass-phrase-1",
                                  "roles": ["sales"], "customer": "C-1"})");
  ASSERT_TRUE(IsProblem(staff, 400, "invalid_argument"));
  EXPECT_EQ(staff.Json()["errors"][0]["code"], "not_allowed");
  ClientResponse unknown = Call("admin", "POST", "/api/v1/users",
                                R"({"username": "buyer3", "password": "buyer-pass-phrase-1",
                                    "roles": ["customer"], "customer": "C-404"})");
  ASSERT_TRUE(IsProblem(unknown, 400, "invalid_argument"));
  EXPECT_EQ(unknown.Json()["errors"][0]["code"], "unknown_customer");
  EXPECT_EQ(Fingerprint(), before);
}

TEST_F(UsersApiTest, ABadNewUserIsRefusedWithEveryFieldAndChangesNothing) {
  int64_t before = Fingerprint();
  ClientResponse r = Call("admin", "POST", "/api/v1/users",
                          R"({"username": "a b", "password": "short", "roles": ["boss"]})");
  ASSERT_TRUE(IsProblem(r, 400, "invalid_argument"));
  EXPECT_EQ(Fields(r.Json()), (std::set<std::string>{"username", "password", "roles/0"}));

  ClientResponse weak = Call("admin", "POST", "/api/v1/users",
                             R"({"username": "weak", "password": "password1234",
                                 "roles": ["sales"]})");
  ASSERT_TRUE(IsProblem(weak, 400, "weak_password"));
  EXPECT_EQ(weak.Json()["errors"][0]["field"], "password");

  ClientResponse taken = Call("admin", "POST", "/api/v1/users",
                              R"({"username": "sales", "password": "another-pass-phrase-1",
                                  "roles": ["sales"]})");
  ASSERT_TRUE(IsProblem(taken, 409, "conflict"));
  EXPECT_EQ(taken.Json()["errors"][0]["field"], "username");

  EXPECT_TRUE(IsProblem(Call("admin", "POST", "/api/v1/users",
                             R"({"username": "x1y", "password": "another-pass-phrase-1",
                                 "roles": [], "extra": 1})"),
                        400, "invalid_argument"));
  EXPECT_EQ(Fingerprint(), before);
}

TEST_F(UsersApiTest, ChangingRolesOrCustomerEndsTheUsersTokens) {
  ClientResponse r =
      Call("admin", "PATCH", "/api/v1/users/sales", R"({"roles": ["sales", "sales_manager"]})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["roles"], json::array({"sales", "sales_manager"}));
  EXPECT_TRUE(IsProblem(Call("sales", "GET", "/api/v1/me"), 401, "unauthenticated"));
  EXPECT_EQ(Audits("user.update"), 1);
  // Other users keep theirs.
  EXPECT_EQ(Call("manager", "GET", "/api/v1/me").status, 200);

  ClientResponse moved = Call("admin", "PATCH", "/api/v1/users/portal", R"({"customer": "C-2"})");
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.Json()["customer"], "C-2");
  EXPECT_TRUE(IsProblem(Call("portal", "GET", "/api/v1/me"), 401, "unauthenticated"));

  // A portal user made staff loses its customer in the same change.
  ClientResponse staff =
      Call("admin", "PATCH", "/api/v1/users/portal2", R"({"roles": ["sales"], "customer": null})");
  ASSERT_EQ(staff.status, 200) << staff.body;
  EXPECT_TRUE(staff.Json()["customer_id"].is_null());

  // The same roles again change nothing: no audit, the token stays.
  ClientResponse same =
      Call("admin", "PATCH", "/api/v1/users/manager", R"({"roles": ["sales_manager"]})");
  ASSERT_EQ(same.status, 200) << same.body;
  EXPECT_EQ(Call("manager", "GET", "/api/v1/me").status, 200);
  EXPECT_EQ(Audits("user.update"), 3);
}

TEST_F(UsersApiTest, ABadChangeIsRefusedAndChangesNothing) {
  int64_t before = Fingerprint();
  const char* bad[] = {
      R"({"roles": []})",           R"({"roles": null})",     R"({"roles": ["boss"]})",
      R"({"disabled": null})",      R"({"disabled": "yes"})",
      R"({"roles": ["customer"]})",  // no customer
      R"({"customer": "C-1"})",      // a staff user
      R"({"nickname": "x"})",
  };
  for (const char* body : bad) {
    SCOPED_TRACE(body);
    EXPECT_TRUE(
        IsProblem(Call("admin", "PATCH", "/api/v1/users/sales", body), 400, "invalid_argument"));
  }
  ClientResponse unknown =
      Call("admin", "PATCH", "/api/v1/users/portal", R"({"customer": "C-404"})");
  ASSERT_TRUE(IsProblem(unknown, 400, "invalid_argument"));
  EXPECT_EQ(unknown.Json()["errors"][0]["field"], "customer");
  EXPECT_TRUE(IsProblem(Call("admin", "PATCH", "/api/v1/users/nobody", R"({"disabled": true})"),
                        404, "not_found"));
  EXPECT_EQ(Fingerprint(), before);
  EXPECT_EQ(Call("sales", "GET", "/api/v1/me").status, 200);
  EXPECT_EQ(Call("portal", "GET", "/api/v1/me").status, 200);
}

TEST_F(UsersApiTest, AnAdminCannotDisableOrDemoteThemselves) {
  int64_t before = Fingerprint();
  ClientResponse demote = Call("admin", "PATCH", "/api/v1/users/admin", R"({"roles": ["sales"]})");
  ASSERT_TRUE(IsProblem(demote, 409, "conflict"));
  EXPECT_EQ(demote.Json()["errors"][0]["code"], "own_account");
  ClientResponse disable = Call("admin", "PATCH", "/api/v1/users/admin", R"({"disabled": true})");
  ASSERT_TRUE(IsProblem(disable, 409, "conflict"));
  EXPECT_EQ(disable.Json()["errors"][0]["field"], "disabled");
  EXPECT_TRUE(IsProblem(Call("admin", "POST", "/api/v1/users/admin/disable"), 409, "conflict"));
  EXPECT_EQ(Fingerprint(), before);

  // Another admin may.
  ASSERT_EQ(Call("admin", "POST", "/api/v1/users",
                 R"({"username": "admin2", "password": "admin2-pass-phrase", "roles": ["admin"]})")
                .status,
            201);
  std::string token = Login("admin2", "admin2-pass-phrase").Json()["token"];
  ClientResponse by_other =
      client_->Send("PATCH", "/api/v1/users/admin", R"({"roles": ["sales"]})",
                    {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}});
  ASSERT_EQ(by_other.status, 200) << by_other.body;
}

TEST_F(UsersApiTest, ADisabledUserIsEnabledAgain) {
  ASSERT_EQ(Call("admin", "PATCH", "/api/v1/users/sales", R"({"disabled": true})").status, 200);
  EXPECT_TRUE(IsProblem(Call("sales", "GET", "/api/v1/me"), 401, "unauthenticated"));
  EXPECT_EQ(Login("sales", "sales-pass-phrase-1").status, 401);
  EXPECT_EQ(Audits("user.disable"), 1);

  ClientResponse enabled = Call("admin", "PATCH", "/api/v1/users/sales", R"({"disabled": false})");
  ASSERT_EQ(enabled.status, 200) << enabled.body;
  EXPECT_EQ(enabled.Json()["disabled"], false);
  EXPECT_EQ(Login("sales", "sales-pass-phrase-1").status, 200);
  EXPECT_EQ(Audits("user.enable"), 1);
}

TEST_F(UsersApiTest, ResettingAPasswordEndsTheUsersTokens) {
  std::string second = Login("warehouse", "warehouse-pass-phrase-1").Json()["token"];
  ASSERT_EQ(Call("admin", "POST", "/api/v1/users/warehouse/password",
                 R"({"new_password": "fresh-pass-phrase-2"})")
                .status,
            204);
  EXPECT_TRUE(IsProblem(Call("warehouse", "GET", "/api/v1/me"), 401, "unauthenticated"));
  ClientResponse old_second =
      client_->Send("GET", "/api/v1/me", "", {{"Authorization", "Bearer " + second}});
  EXPECT_EQ(old_second.status, 401);
  EXPECT_TRUE(Call("admin", "GET", "/api/v1/users/warehouse").Json()["last_sign_in_at"].is_null());
  EXPECT_EQ(Login("warehouse", "fresh-pass-phrase-2").status, 200);
}

}  // namespace
}  // namespace ordo::api::testing
