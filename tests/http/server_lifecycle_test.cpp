// Asynchronous responders, timeouts, concurrency and graceful shutdown over real HTTP.
#include <gtest/gtest.h>

#include <boost/system/system_error.hpp>
#include <future>
#include <thread>
#include <vector>

#include "http/server.h"
#include "test_client.h"
#include "test_server.h"

namespace ordo::http {
namespace {

using testing::LocalOptions;
using testing::StartServer;
using testing::TestClient;

// A route whose handler returns at once and hands its request and Responder to the test.
struct Handoff {
  std::promise<std::pair<Request*, Responder>> promise;

  Handler MakeHandler() {
    return [this](Request& request, Responder respond) {
      promise.set_value({&request, std::move(respond)});
    };
  }
  std::pair<Request*, Responder> Take() { return promise.get_future().get(); }
};

Handler Quick() {
  return SyncHandler([](Request&) { return Response::Text(200, "quick"); });
}

TEST(ServerLifecycleTest, ResponderAnswersFromAnotherThreadWithoutHoldingAWorker) {
  Handoff handoff;
  Router router;
  router.Add("POST", "/later/{id}", handoff.MakeHandler());
  router.Add("GET", "/quick", Quick());
  ServerOptions options = LocalOptions();
  options.worker_threads = 1;
  options.max_queued_requests = 1;  // room for /quick even while /later's task is winding down
  auto server = StartServer(std::move(router), options);

  TestClient waiting(server->port());
  waiting.WriteRequest("POST", "/later/9", "payload");
  auto [request, respond] = handoff.Take();

  TestClient other(server->port());  // served by the single worker while /later is pending
  EXPECT_EQ(other.Send("GET", "/quick").status, 200);

  std::thread committer([request = request, respond = std::move(respond)] {
    respond(Response::Text(201, "done " + request->path_params.at("id") + " " + request->body));
  });
  auto response = waiting.Read();
  committer.join();
  EXPECT_EQ(response.status, 201);
  EXPECT_EQ(response.body, "done 9 payload");
  EXPECT_TRUE(response.keep_alive);
}

TEST(ServerLifecycleTest, StopLetsInFlightRequestFinishAndClosesIdleConnections) {
  Handoff handoff;
  Router router;
  router.Add("GET", "/hold", handoff.MakeHandler());
  router.Add("GET", "/quick", Quick());
  ServerOptions options = LocalOptions();
  options.drain_timeout = std::chrono::minutes(5);
  auto server = StartServer(std::move(router), options);
  uint16_t port = server->port();

  TestClient idle(port);
  ASSERT_EQ(idle.Send("GET", "/quick").status, 200);
  TestClient busy(port);
  busy.WriteRequest("GET", "/hold");
  auto [request, respond] = handoff.Take();

  auto stopping = std::async(std::launch::async, [&server] { server->Stop(); });
  EXPECT_TRUE(idle.ReadUntilClosed());  // draining has begun
  EXPECT_EQ(stopping.wait_for(std::chrono::seconds(0)), std::future_status::timeout);

  std::string big(2 * 1024 * 1024, 'z');
  respond(Response::Text(200, big));
  auto response = busy.Read();
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body.size(), big.size());
  EXPECT_FALSE(response.keep_alive);
  EXPECT_TRUE(busy.ReadUntilClosed());
  stopping.get();
  EXPECT_THROW(TestClient{port}, boost::system::system_error);
}

TEST(ServerLifecycleTest, StopGivesUpAfterDrainTimeoutAndLateAnswersAreIgnored) {
  Handoff handoff;
  Router router;
  router.Add("GET", "/never/{id}", handoff.MakeHandler());
  ServerOptions options = LocalOptions();
  options.drain_timeout = std::chrono::milliseconds(50);
  auto server = StartServer(std::move(router), options);

  TestClient client(server->port());
  client.WriteRequest("GET", "/never/5");
  auto [request, respond] = handoff.Take();
  server->Stop();
  EXPECT_TRUE(client.ReadUntilClosed());
  server.reset();
  EXPECT_EQ(request->path_params.at("id"), "5");  // still owned by the Responder
  respond(Response::Text(200, "too late"));       // dropped, no crash
}

TEST(ServerLifecycleTest, TimeoutsCloseSlowAndIdleConnections) {
  Router router;
  router.Add("GET", "/quick", Quick());
  ServerOptions options = LocalOptions();
  options.read_timeout = std::chrono::milliseconds(100);
  options.idle_timeout = std::chrono::milliseconds(100);
  auto server = StartServer(std::move(router), options);

  TestClient slow(server->port());
  slow.WriteRaw("GET /quick HTTP/1.1\r\nHost:");
  EXPECT_TRUE(slow.ReadUntilClosed());

  TestClient idle(server->port());
  EXPECT_EQ(idle.Send("GET", "/quick").status, 200);
  EXPECT_TRUE(idle.ReadUntilClosed());
}

TEST(ServerLifecycleTest, ManyConcurrentClients) {
  Router router;
  router.Add("GET", "/n/{n}", SyncHandler([](Request& request) {
               return Response::Text(200, request.path_params.at("n"));
             }));
  auto server = StartServer(std::move(router));
  std::vector<std::future<int>> clients;
  for (int c = 0; c < 8; ++c) {
    clients.push_back(std::async(std::launch::async, [port = server->port()] {
      TestClient client(port);
      int ok = 0;
      for (int i = 0; i < 25; ++i) {
        auto response = client.Send("GET", "/n/" + std::to_string(i));
        if (response.status == 200 && response.body == std::to_string(i)) ++ok;
      }
      return ok;
    }));
  }
  for (auto& client : clients) EXPECT_EQ(client.get(), 25);
}

TEST(ServerLifecycleTest, WaitForSignalsReturnsWhenStopped) {
  auto server = StartServer(Router());
  auto waiting = std::async(std::launch::async, [&server] { return server->WaitForSignals(); });
  server->Stop();
  EXPECT_EQ(waiting.get(), 0);
}

TEST(ServerLifecycleTest, StopIsIdempotentAndFineWithoutStart) {
  Server never_started(LocalOptions(), Router());
  EXPECT_NO_THROW(never_started.Stop());
  EXPECT_NO_THROW(never_started.Stop());
  EXPECT_EQ(never_started.WaitForSignals(), 0);  // stopped already: returns at once

  Router router;
  router.Add("GET", "/quick", Quick());
  auto server = StartServer(std::move(router));
  const uint16_t port = server->port();
  TestClient client(port);
  ASSERT_EQ(client.Send("GET", "/quick").status, 200);
  EXPECT_NO_THROW(server->Stop());
  EXPECT_TRUE(client.ReadUntilClosed());
  EXPECT_THROW(TestClient{port}, boost::system::system_error);
  // A second Stop() changes nothing: no throw, no hang, still closed.
  EXPECT_NO_THROW(server->Stop());
  EXPECT_THROW(TestClient{port}, boost::system::system_error);
  EXPECT_EQ(server->WaitForSignals(), 0);
}

}  // namespace
}  // namespace ordo::http
