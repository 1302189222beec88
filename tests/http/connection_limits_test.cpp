// Connection limits and header deadlines over real HTTP on 127.0.0.1: idle or slow clients
// cannot lock others out, and connections beyond a limit get a 503 they can act on.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "http/server.h"
#include "test_client.h"
#include "test_server.h"

namespace ordo::http {
namespace {

using testing::ClientResponse;
using testing::LocalOptions;
using testing::StartServer;
using testing::TestClient;

// Generous: only a broken server takes this long; a working one answers in milliseconds.
constexpr std::chrono::seconds kPatience{30};

Router HealthRouter(std::atomic<int>& handled) {
  Router router;
  router.Add("GET", "/healthz", SyncHandler([&handled](Request&) {
               ++handled;
               return Response::Json(200, {{"status", "ok"}});
             }));
  return router;
}

// Connections that connect and send nothing. Each is registered by the server before a
// connection made after it is accepted (accepts are handled in order).
std::vector<std::unique_ptr<TestClient>> OpenIdle(uint16_t port, int count) {
  std::vector<std::unique_ptr<TestClient>> idle;
  for (int i = 0; i < count; ++i) idle.push_back(std::make_unique<TestClient>(port));
  return idle;
}

// GET /healthz on fresh connections until one answers 200; the last status seen otherwise.
int HealthOnAFreshConnection(uint16_t port) {
  int status = 0;
  auto deadline = std::chrono::steady_clock::now() + kPatience;
  while (std::chrono::steady_clock::now() < deadline) {
    try {
      TestClient fresh(port);
      status = fresh.Send("GET", "/healthz").status;
      if (status == 200) return status;
    } catch (const std::exception&) {
      // Closed unanswered (more refusals in flight than allowed); try again.
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return status;
}

void ExpectBusy(const ClientResponse& response, const char* code) {
  EXPECT_EQ(response.status, 503);
  EXPECT_EQ(response.Header("Content-Type"), "application/problem+json");
  EXPECT_EQ(response.Json()["code"], code);
  EXPECT_EQ(response.Header("Retry-After"), "1");
  EXPECT_TRUE(response.Header("X-Request-Id").has_value());
  EXPECT_FALSE(response.keep_alive);
}

TEST(ConnectionLimitsTest, BeyondTheLimitAFreshConnectionGets503UntilIdleOnesClose) {
  std::atomic<int> handled = 0;
  ServerOptions options = LocalOptions();
  options.max_connections = 3;
  auto server = StartServer(HealthRouter(handled), options);
  auto idle = OpenIdle(server->port(), 5);  // 3 held, 2 refused

  // Answered on accept, before the client has sent anything.
  TestClient silent(server->port());
  ExpectBusy(silent.Read(), "server_busy");
  EXPECT_TRUE(silent.ReadUntilClosed());

  // A request sent anyway is never read nor handled.
  TestClient asking(server->port());
  ExpectBusy(asking.Send("GET", "/healthz"), "server_busy");
  EXPECT_TRUE(asking.ReadUntilClosed());
  EXPECT_EQ(handled.load(), 0);

  idle.clear();  // the clients go away; the server notices and frees their places
  EXPECT_EQ(HealthOnAFreshConnection(server->port()), 200);
}

TEST(ConnectionLimitsTest, ConnectionsThatSendNoCompleteHeaderAreClosedAtTheHeaderDeadline) {
  std::atomic<int> handled = 0;
  ServerOptions options = LocalOptions();
  options.max_connections = 3;
  options.header_timeout = std::chrono::milliseconds(200);
  auto server = StartServer(HealthRouter(handled), options);
  auto idle = OpenIdle(server->port(), 2);
  TestClient trickling(server->port());
  trickling.WriteRaw("GET /healthz HTTP/1.1\r\nHo");

  // Nobody closes them but the server; the long read and body timeouts play no part.
  for (auto& client : idle) EXPECT_TRUE(client->ReadUntilClosed());
  EXPECT_TRUE(trickling.ReadUntilClosed());
  EXPECT_EQ(HealthOnAFreshConnection(server->port()), 200);
  EXPECT_EQ(handled.load(), 1);
}

TEST(ConnectionLimitsTest, AKeptAliveConnectionHasTheHeaderDeadlineAgainForItsNextRequest) {
  std::atomic<int> handled = 0;
  ServerOptions options = LocalOptions();
  options.header_timeout = std::chrono::milliseconds(200);
  auto server = StartServer(HealthRouter(handled), options);

  TestClient client(server->port());
  EXPECT_EQ(client.Send("GET", "/healthz").status, 200);
  // Beginning the next request restarts the header clock, which then runs out.
  client.WriteRaw("GET /healthz HTTP/1.1\r\nHo");
  EXPECT_TRUE(client.ReadUntilClosed());
  EXPECT_EQ(handled.load(), 1);
}

TEST(ConnectionLimitsTest, OneAddressIsCappedBelowTheServerLimitAndItsOpenConnectionsStillWork) {
  std::atomic<int> handled = 0;
  ServerOptions options = LocalOptions();
  options.max_connections = 4;
  options.max_connections_per_address = 2;
  auto server = StartServer(HealthRouter(handled), options);

  TestClient working(server->port());
  ASSERT_EQ(working.Send("GET", "/healthz").status, 200);  // kept alive
  auto idle = OpenIdle(server->port(), 1);                 // the address's cap is reached

  // Further connections from the address are refused for being too many from it, not for the
  // server being full: two places are left, and the refused ones take none of them.
  for (int i = 0; i < 3; ++i) {
    TestClient extra(server->port());
    ExpectBusy(extra.Read(), "too_many_connections");
  }
  EXPECT_EQ(working.Send("GET", "/healthz").status, 200);

  idle.clear();
  EXPECT_EQ(HealthOnAFreshConnection(server->port()), 200);
  EXPECT_EQ(working.Send("GET", "/healthz").status, 200);
}

TEST(ConnectionLimitsTest, TheServerLimitIsCheckedBeforeTheAddressCap) {
  std::atomic<int> handled = 0;
  ServerOptions options = LocalOptions();
  options.max_connections = 2;
  options.max_connections_per_address = 2;
  auto server = StartServer(HealthRouter(handled), options);
  auto idle = OpenIdle(server->port(), 2);
  TestClient extra(server->port());
  ExpectBusy(extra.Read(), "server_busy");
}

TEST(ConnectionLimitsTest, RefusalsInFlightAreBoundedAndTheRestAreClosedUnanswered) {
  std::atomic<int> handled = 0;
  ServerOptions options = LocalOptions();
  options.max_connections = 1;
  options.max_refusing_connections = 0;
  auto server = StartServer(HealthRouter(handled), options);
  auto idle = OpenIdle(server->port(), 1);
  TestClient extra(server->port());
  std::string received;
  EXPECT_TRUE(extra.ReadUntilClosed(&received));
  EXPECT_EQ(received, "");  // closed without an answer: nothing is spent on it
  idle.clear();
  EXPECT_EQ(HealthOnAFreshConnection(server->port()), 200);
}

}  // namespace
}  // namespace ordo::http
