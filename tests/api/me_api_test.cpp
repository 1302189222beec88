// GET /api/v1/me over real HTTP: who the caller is, its customer's code, and the actions its
// roles allow, which a client builds its menu from; a customer-bound user with a staff role is
// shown the customer role's permissions only, as the server applies them.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "api/api_fixture.h"
#include "auth/auth_fixture.h"
#include "auth/tokens.h"

namespace ordo::api::testing {
namespace {

using nlohmann::json;

bool Has(const json& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

class MeApiTest : public ApiTest {};

TEST_F(MeApiTest, StaffSeeTheirRolesAndWhatTheyAllow) {
  auto r = Call("sales", "GET", "/api/v1/me");
  ASSERT_EQ(r.status, 200) << r.body;
  json me = r.Json();
  EXPECT_EQ(me["username"], "sales");
  EXPECT_EQ(me["roles"], json::array({"sales"}));
  EXPECT_TRUE(me["customer"].is_null());
  EXPECT_TRUE(Has(me["permissions"], "orders.place"));
  EXPECT_TRUE(Has(me["permissions"], "orders.override_price"));
  EXPECT_FALSE(Has(me["permissions"], "ledger.read"));
  EXPECT_FALSE(Has(me["permissions"], "orders.release_hold"));  // not one's own holds either

  json clerk = Call("arclerk", "GET", "/api/v1/me").Json();
  EXPECT_TRUE(Has(clerk["permissions"], "ledger.read"));
  EXPECT_TRUE(Has(clerk["permissions"], "orders.release_hold"));
  EXPECT_FALSE(Has(clerk["permissions"], "orders.place"));
  EXPECT_TRUE(IsProblem(Call("", "GET", "/api/v1/me"), 401, "unauthenticated"));
}

TEST_F(MeApiTest, APortalUserSeesItsCustomerAndTheCustomerRolesPermissions) {
  json me = Call("portal", "GET", "/api/v1/me").Json();
  EXPECT_EQ(me["customer"], "C-1");
  EXPECT_TRUE(me["customer_id"].is_number_integer());
  EXPECT_TRUE(Has(me["permissions"], "orders.read"));
  EXPECT_TRUE(Has(me["permissions"], "orders.place"));
  EXPECT_FALSE(Has(me["permissions"], "orders.override_price"));
}

TEST_F(MeApiTest, ACustomerBoundStaffRoleGivesNothing) {
  auth::Principal bound = test_support::AddUser(db_, "c1-clerk", "c1-clerk-pass-phrase",
                                                {"ar_clerk", "customer"}, std::string("C-1"));
  auto token = db_.executor().RunFor<auth::IssuedToken>(
      [&](store::Connection& conn) { return auth::StoreToken(conn, bound, db_.clock().Now()); });
  ASSERT_TRUE(token.ok());
  auto r = client_->Send("GET", "/api/v1/me", "", {{"Authorization", "Bearer " + token->token}});
  ASSERT_EQ(r.status, 200) << r.body;
  json me = r.Json();
  EXPECT_EQ(me["roles"], json::array({"customer"}));
  EXPECT_EQ(me["customer"], "C-1");
  EXPECT_FALSE(Has(me["permissions"], "ledger.read"));
  EXPECT_EQ(me["permissions"], Call("portal", "GET", "/api/v1/me").Json()["permissions"]);
}

}  // namespace
}  // namespace ordo::api::testing
