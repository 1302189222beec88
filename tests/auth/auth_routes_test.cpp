// The auth endpoints over a real HTTP server on 127.0.0.1 (ephemeral port).
#include "api/auth_routes.h"

#include <gtest/gtest.h>

#include <memory>

#include "auth/auth_fixture.h"
#include "http/server.h"
#include "http/test_client.h"
#include "http/test_server.h"
#include "store/connection_pool.h"

namespace ordo::api {
namespace {

using http::testing::ClientResponse;
using http::testing::TestClient;

class AuthRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_.AddCustomer(test_support::SimpleCustomer("C-1", "1000.00"));
    test_support::AddUser(db_, "alice", "quiet-harbor-41", {"sales", "sales_manager"});
    readers_ = std::make_unique<store::ConnectionPool>(2, [this] { return db_.ConnectReader(); });
    ctx_ = std::make_unique<ApiContext>(ApiContext{db_.executor(), *readers_, db_.clock()});
    http::Router router;
    AddAuthRoutes(router, *ctx_);
    server_ = http::testing::StartServer(std::move(router));
    client_ = std::make_unique<TestClient>(server_->port());
  }
  void TearDown() override {
    client_.reset();
    server_.reset();
  }

  ClientResponse PostToken(const std::string& body) {
    return client_->Send("POST", "/api/v1/auth/token", body,
                         {{"Content-Type", "application/json"}});
  }
  ClientResponse Me(std::optional<std::string> authorization) {
    http::testing::HeaderList headers;
    if (authorization) headers.emplace_back("Authorization", *authorization);
    return client_->Send("GET", "/api/v1/auth/me", "", headers);
  }

  test_support::TestDb db_;
  std::unique_ptr<store::ConnectionPool> readers_;
  std::unique_ptr<ApiContext> ctx_;
  std::unique_ptr<http::Server> server_;
  std::unique_ptr<TestClient> client_;
};

TEST_F(AuthRoutesTest, TokenThenMe) {
  ClientResponse r = PostToken(R"({"username": "alice", "password": "quiet-harbor-41"})");
  ASSERT_EQ(r.status, 200) << r.body;
  auto body = r.Json();
  std::string token = body["token"];
  EXPECT_EQ(token.size(), 64u);
  auto expires = ParseRfc3339(body["expires_at"].get<std::string>());
  ASSERT_TRUE(expires);
  EXPECT_EQ(expires->micros, db_.clock().Now().micros + 12LL * 3600 * 1'000'000);
  EXPECT_EQ(body["user"]["username"], "alice");
  EXPECT_EQ(body["user"]["roles"], nlohmann::json::array({"sales", "sales_manager"}));
  EXPECT_TRUE(body["user"]["customer_id"].is_null());
  EXPECT_TRUE(body["user"]["id"].is_number_integer());

  ClientResponse me = Me("Bearer " + token);
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.Json(), body["user"]);
  EXPECT_EQ(Me("bearer " + token).status, 200);
}

TEST_F(AuthRoutesTest, WrongPasswordAndUnknownUserAre401Alike) {
  ClientResponse bad_password =
      PostToken(R"({"username": "alice", "password": "wrong-harbor-41"})");
  ClientResponse bad_user = PostToken(R"({"username": "mallory", "password": "quiet-harbor-41"})");
  for (const auto* r : {&bad_password, &bad_user}) {
    EXPECT_EQ(r->status, 401) << r->body;
    EXPECT_EQ(r->Header("Content-Type").value_or(""), "application/problem+json");
    EXPECT_EQ(r->Json()["code"], "unauthenticated");
  }
  EXPECT_EQ(bad_password.Json()["detail"], bad_user.Json()["detail"]);
  EXPECT_EQ(db_.Count("auth_tokens"), 0);
}

TEST_F(AuthRoutesTest, MalformedJsonIs400) {
  ClientResponse r = PostToken("{not json");
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.Json()["code"], "invalid_argument");
  EXPECT_FALSE(r.Json()["errors"].empty());
  EXPECT_EQ(PostToken("[1, 2]").status, 400);
}

TEST_F(AuthRoutesTest, MissingFieldsAre400WithFieldErrors) {
  ClientResponse r = PostToken(R"({"username": 7})");
  ASSERT_EQ(r.status, 400) << r.body;
  auto body = r.Json();
  EXPECT_EQ(body["code"], "invalid_argument");
  ASSERT_EQ(body["errors"].size(), 2u);
  EXPECT_EQ(body["errors"][0]["field"], "username");
  EXPECT_EQ(body["errors"][1]["field"], "password");
}

TEST_F(AuthRoutesTest, MeWithoutOrWithBadTokenIs401WithChallenge) {
  ClientResponse none = Me(std::nullopt);
  EXPECT_EQ(none.status, 401);
  EXPECT_EQ(none.Json()["code"], "unauthenticated");
  EXPECT_EQ(none.Header("WWW-Authenticate").value_or(""), "Bearer");

  ClientResponse bad = Me("Bearer 0123456789abcdef");
  EXPECT_EQ(bad.status, 401);
  EXPECT_TRUE(bad.Header("WWW-Authenticate").value_or("").starts_with("Bearer"));

  EXPECT_EQ(Me("Basic YWxpY2U6c2VjcmV0").status, 401);
}

TEST_F(AuthRoutesTest, ExpiredTokenIs401) {
  std::string token =
      PostToken(R"({"username": "alice", "password": "quiet-harbor-41"})").Json()["token"];
  db_.clock().AdvanceSeconds(12 * 3600);
  EXPECT_EQ(Me("Bearer " + token).status, 401);
}

TEST_F(AuthRoutesTest, CustomerUserCarriesItsCustomerId) {
  test_support::AddUser(db_, "portal", "portal-pass-phrase", {"customer"}, "C-1");
  ClientResponse r = PostToken(R"({"username": "portal", "password": "portal-pass-phrase"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["user"]["customer_id"],
            db_.QueryInt("SELECT id FROM customers WHERE code = 'C-1'"));
  EXPECT_EQ(r.Json()["user"]["roles"], nlohmann::json::array({"customer"}));
}

}  // namespace
}  // namespace ordo::api
