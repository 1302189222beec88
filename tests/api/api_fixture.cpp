#include "api/api_fixture.h"

#include "api/api_routes.h"
#include "api/import_routes.h"
#include "api/openapi_answers.h"
#include "auth/auth_fixture.h"
#include "auth/tokens.h"
#include "http/test_server.h"

namespace ordo::api::testing {

void ApiTest::SetUp() {
  db_.AddWarehouse("W1", 10);
  db_.AddWarehouse("W2", 20);
  db_.AddItem("WID-100", "2.50", {PackSize{"CS", 12}});
  db_.AddItem("WID-200", "10.00");
  db_.AddItem("OLD-1", "1.00", {}, /*active=*/false);
  db_.Receive("W1", "WID-100", 100);
  db_.Receive("W2", "WID-100", 50);
  db_.Receive("W1", "WID-200", 20);
  db_.AddCustomer(test_support::SimpleCustomer("C-1", "10000.00", "W1"));
  db_.AddCustomer(test_support::SimpleCustomer("C-2", "500.00"));

  struct UserSpec {
    const char* name;
    const char* role;
    std::optional<std::string> customer;
  };
  const UserSpec users[] = {
      {"admin", "admin", {}},           {"sales", "sales", {}},
      {"manager", "sales_manager", {}}, {"warehouse", "warehouse", {}},
      {"arclerk", "ar_clerk", {}},      {"integration", "integration", {}},
      {"portal", "customer", "C-1"},    {"portal2", "customer", "C-2"},
  };
  for (const auto& u : users) {
    auth::Principal p = test_support::AddUser(db_, u.name, std::string(u.name) + "-pass-phrase-1",
                                              {u.role}, u.customer);
    auto token = db_.executor().RunFor<auth::IssuedToken>(
        [&](store::Connection& conn) { return auth::StoreToken(conn, p, db_.clock().Now()); });
    if (!token.ok()) throw std::runtime_error("token: " + token.status().ToString());
    tokens_[u.name] = token->token;
  }

  StartServer();
}

void ApiTest::StartServer() {
  readers_ = std::make_unique<store::ConnectionPool>(4, [this] { return db_.ConnectReader(); });
  ctx_ = std::make_unique<ApiContext>(ApiContext{db_.executor(), *readers_, db_.clock()});
  // An event stream ends soon, so that tests calling every route get a whole answer from it;
  // the event stream's own tests give theirs longer.
  ctx_->event_streams.lifetime = std::chrono::milliseconds(300);
  http::Router router;
  AddApiRoutes(router, *ctx_);
  http::ServerOptions options = http::testing::LocalOptions();
  AllowImportBodies(options);  // as `ordo serve` does
  server_ = http::testing::StartServer(std::move(router), std::move(options));
  client_ = NewClient();
}

void ApiTest::RestartServer() {
  client_.reset();
  server_.reset();
  ctx_.reset();
  readers_.reset();
  db_.RestartExecutor();
  StartServer();
}

void ApiTest::TearDown() {
  client_.reset();
  server_.reset();
}

std::unique_ptr<http::testing::TestClient> ApiTest::NewClient() const {
  return std::make_unique<http::testing::TestClient>(server_->port());
}

ClientResponse ApiTest::Call(const std::string& user, const std::string& method,
                             const std::string& target, const std::string& body,
                             HeaderList headers) {
  if (!user.empty()) headers.emplace_back("Authorization", "Bearer " + Token(user));
  if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
  ClientResponse r = client_->Send(method, target, body, headers);
  // Every answer a test sees must keep the published document's promise (openapi_answers.h).
  for (const std::string& broken : PublishedAnswers().Check(
           method, target, r.status, r.Header("Content-Type").value_or(""), r.body)) {
    ADD_FAILURE() << "answer breaks the OpenAPI document: " << broken;
  }
  return r;
}

::testing::AssertionResult IsProblem(const ClientResponse& r, int status, const std::string& code) {
  if (r.status != status) {
    return ::testing::AssertionFailure()
           << "status " << r.status << " != " << status << ": " << r.body;
  }
  if (r.Header("Content-Type").value_or("") != "application/problem+json") {
    return ::testing::AssertionFailure() << "not problem+json: " << r.body;
  }
  auto body = nlohmann::json::parse(r.body, nullptr, false);
  if (body.is_discarded() || body.value("code", "") != code) {
    return ::testing::AssertionFailure() << "code is not " << code << ": " << r.body;
  }
  return ::testing::AssertionSuccess();
}

}  // namespace ordo::api::testing
