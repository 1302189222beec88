// ApiTest: the whole HTTP API (AddApiRoutes) on a real server on 127.0.0.1 (ephemeral port),
// over a migrated SQLite file with a small distributor and one user per role.
//
// Data: warehouses W1 (rank 10) and W2 (rank 20); items WID-100 (2.50, case CS of 12),
// WID-200 (10.00) and OLD-1 (inactive); stock W1: WID-100 100, WID-200 20; W2: WID-100 50;
// customers C-1 (limit 10000.00, ship-to MAIN preferring W1) and C-2 (limit 500.00).
// Users (each with a token): admin, sales, manager (sales_manager), warehouse, arclerk
// (ar_clerk), integration, portal (customer C-1), portal2 (customer C-2).
//
//   auto r = Call("sales", "POST", "/api/v1/orders", R"({...})");
//   EXPECT_EQ(r.status, 201) << r.body;
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

#include "api/api_context.h"
#include "http/server.h"
#include "http/test_client.h"
#include "store/connection_pool.h"
#include "support/test_db.h"

namespace ordo::api::testing {

using http::testing::ClientResponse;
using http::testing::HeaderList;

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Sends a request as `user` (a fixture user name; "" sends no Authorization header).
  ClientResponse Call(const std::string& user, const std::string& method, const std::string& target,
                      const std::string& body = "", HeaderList headers = {});
  // The bearer token of a fixture user.
  const std::string& Token(const std::string& user) const { return tokens_.at(user); }
  // A new connection to the server, e.g. for another thread.
  std::unique_ptr<http::testing::TestClient> NewClient() const;
  uint16_t port() const { return server_->port(); }
  // Stops the server, its read pool and the executor, and starts new ones over the same
  // database file, as a restarted `ordo serve` would; client_ talks to the new server.
  void RestartServer();

  void StartServer();

  test_support::TestDb db_;
  std::unique_ptr<store::ConnectionPool> readers_;
  std::unique_ptr<ApiContext> ctx_;
  std::unique_ptr<http::Server> server_;
  std::unique_ptr<http::testing::TestClient> client_;
  std::map<std::string, std::string> tokens_;
};

// Expects a problem+json response with `status` and `code`.
::testing::AssertionResult IsProblem(const ClientResponse& r, int status, const std::string& code);

}  // namespace ordo::api::testing
