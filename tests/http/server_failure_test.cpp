// Limits, failing handlers and overload, over real HTTP on 127.0.0.1.
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <latch>
#include <mutex>
#include <stdexcept>

#include "http/server.h"
#include "test_client.h"
#include "test_server.h"

namespace ordo::http {
namespace {

using testing::LocalOptions;
using testing::StartServer;
using testing::TestClient;

TEST(ServerFailureTest, BodyTooLargeIs413AndNothingIsHandled) {
  std::atomic<int> handled = 0;
  Router router;
  router.Add("POST", "/upload", SyncHandler([&](Request&) {
               ++handled;
               return Response::Text(200, "ok");
             }));
  ServerOptions options = LocalOptions();
  options.max_body_bytes = 1024;
  auto server = StartServer(std::move(router), options);

  TestClient fits(server->port());
  EXPECT_EQ(fits.Send("POST", "/upload", std::string(1024, 'a')).status, 200);

  TestClient declared(server->port());
  auto response = declared.Send("POST", "/upload", std::string(4096, 'a'));
  EXPECT_EQ(response.status, 413);
  EXPECT_EQ(response.Json()["code"], "payload_too_large");
  EXPECT_FALSE(response.keep_alive);
  EXPECT_TRUE(declared.ReadUntilClosed());

  TestClient chunked(server->port());
  chunked.WriteRaw("POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
  chunked.WriteRaw("800\r\n" + std::string(2048, 'b') + "\r\n0\r\n\r\n");
  EXPECT_EQ(chunked.Read().status, 413);
  EXPECT_TRUE(chunked.ReadUntilClosed());

  EXPECT_EQ(handled.load(), 1);
}

TEST(ServerFailureTest, HandlerExceptionIs500ProblemAndReported) {
  std::promise<std::string> reported;
  Router router;
  router.Add("GET", "/boom", [](Request&, Responder) { throw std::runtime_error("kaboom"); });
  router.Add("GET", "/ok", SyncHandler([](Request&) { return Response::Text(200, "ok"); }));
  ServerOptions options = LocalOptions();
  options.on_error = [&](const Request& request, std::string_view message) {
    reported.set_value(request.path + ": " + std::string(message));
  };
  auto server = StartServer(std::move(router), options);
  TestClient client(server->port());
  auto response = client.Send("GET", "/boom");
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response.Header("Content-Type"), "application/problem+json");
  EXPECT_EQ(response.Json()["code"], "internal");
  EXPECT_EQ(response.body.find("kaboom"), std::string::npos);
  EXPECT_EQ(reported.get_future().get(), "/boom: kaboom");
  EXPECT_EQ(client.Send("GET", "/ok").status, 200);  // same connection still serves
}

TEST(ServerFailureTest, DroppedResponderIs500) {
  std::promise<std::string> reported;
  Router router;
  router.Add("GET", "/forgetful", [](Request&, Responder) {});
  ServerOptions options = LocalOptions();
  options.on_error = [&](const Request&, std::string_view message) {
    reported.set_value(std::string(message));
  };
  auto server = StartServer(std::move(router), options);
  TestClient client(server->port());
  auto response = client.Send("GET", "/forgetful");
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response.Json()["code"], "internal");
  EXPECT_NE(reported.get_future().get().find("Responder"), std::string::npos);
}

TEST(ServerFailureTest, SecondResponseIsIgnoredAndInvalidStatusIs500) {
  Router router;
  router.Add("GET", "/twice", [](Request&, Responder respond) {
    respond(Response::Text(200, "first"));
    respond(Response::Text(201, "second"));
  });
  router.Add("GET", "/weird", SyncHandler([](Request&) { return Response::Text(42, "?"); }));
  auto server = StartServer(std::move(router));
  TestClient client(server->port());
  auto twice = client.Send("GET", "/twice");
  EXPECT_EQ(twice.status, 200);
  EXPECT_EQ(twice.body, "first");
  EXPECT_EQ(client.Send("GET", "/weird").status, 500);
  EXPECT_EQ(client.Send("GET", "/twice").body, "first");  // no stray second response
}

TEST(ServerFailureTest, FullQueueAnswers503AtOnce) {
  std::promise<void> started;
  std::latch release(1);
  Router router;
  router.Add("GET", "/slow", SyncHandler([&](Request&) {
               started.set_value();
               release.wait();
               return Response::Text(200, "slow");
             }));
  router.Add("GET", "/fast", SyncHandler([](Request&) { return Response::Text(200, "fast"); }));
  ServerOptions options = LocalOptions();
  options.worker_threads = 1;
  options.max_queued_requests = 0;
  auto server = StartServer(std::move(router), options);

  TestClient slow(server->port());
  slow.WriteRequest("GET", "/slow");
  started.get_future().wait();  // the only worker is now busy

  TestClient rejected(server->port());
  auto response = rejected.Send("GET", "/fast");
  EXPECT_EQ(response.status, 503);
  EXPECT_EQ(response.Json()["code"], "unavailable");
  EXPECT_EQ(response.Header("Retry-After"), "1");
  EXPECT_TRUE(response.Header("X-Request-Id").has_value());

  release.count_down();
  EXPECT_EQ(slow.Read().body, "slow");
}

TEST(ServerFailureTest, ConnectionsBeyondTheLimitAreRefusedAndClosed) {
  Router router;
  router.Add("GET", "/ok", SyncHandler([](Request&) { return Response::Text(200, "ok"); }));
  ServerOptions options = LocalOptions();
  options.max_connections = 1;
  auto server = StartServer(std::move(router), options);
  TestClient first(server->port());
  ASSERT_EQ(first.Send("GET", "/ok").status, 200);  // the first connection is registered
  TestClient second(server->port());
  EXPECT_EQ(second.Read().status, 503);  // connection_limits_test.cpp has the details
  EXPECT_TRUE(second.ReadUntilClosed());
  EXPECT_EQ(first.Send("GET", "/ok").status, 200);
}

TEST(ServerFailureTest, StartOnTakenPortFailsClearly) {
  auto first = StartServer(Router());
  ServerOptions options = LocalOptions();
  options.port = first->port();
  Server second(options, Router());
  try {
    second.Start();
    FAIL() << "Start() succeeded on a taken port";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "cannot listen on 127.0.0.1:" + std::to_string(first->port()) +
                                         ": address already in use");
  }
  second.Stop();  // harmless after a failed Start()
}

}  // namespace
}  // namespace ordo::http
