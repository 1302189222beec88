// Routing and protocol behaviour over real HTTP on 127.0.0.1.
#include "http/server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <latch>
#include <mutex>
#include <set>

#include "test_client.h"
#include "test_server.h"

namespace ordo::http {
namespace {

using testing::StartServer;
using testing::TestClient;

Router EchoRouter() {
  Router router;
  router.Add("GET", "/api/v1/orders/{id}", SyncHandler([](Request& request) {
               return Response::Json(200, {{"id", request.path_params.at("id")}});
             }));
  router.Add("POST", "/api/v1/orders/{id}/holds/{kind}/release", SyncHandler([](Request& request) {
               return Response::Json(200, {{"id", request.path_params.at("id")},
                                           {"kind", request.path_params.at("kind")},
                                           {"body", request.body}});
             }));
  router.Add("GET", "/echo/{word}", SyncHandler([](Request& request) {
               nlohmann::json query = nlohmann::json::array();
               for (const auto& [key, value] : request.query) query.push_back({key, value});
               return Response::Json(200, {{"path", request.path},
                                           {"word", request.path_params.at("word")},
                                           {"query", query},
                                           {"request_id", request.request_id},
                                           {"remote", request.remote_address}});
             }));
  return router;
}

TEST(ServerTest, RoutesWithPathParams) {
  auto server = StartServer(EchoRouter());
  TestClient client(server->port());
  auto get = client.Send("GET", "/api/v1/orders/SO-000042");
  EXPECT_EQ(get.status, 200);
  EXPECT_EQ(get.Header("Content-Type"), "application/json");
  EXPECT_EQ(get.Json()["id"], "SO-000042");
  auto post = client.Send("POST", "/api/v1/orders/7/holds/credit/release", "{}");
  EXPECT_EQ(post.status, 200);
  EXPECT_EQ(post.Json(), nlohmann::json({{"id", "7"}, {"kind", "credit"}, {"body", "{}"}}));
}

// Every answer, problems included, carries the security headers and is not to be stored; a
// handler that sets its own Cache-Control or CSP keeps it.
TEST(ServerTest, EveryAnswerCarriesTheSecurityHeaders) {
  Router router = EchoRouter();
  router.Add("GET", "/cacheable", SyncHandler([](Request&) {
               Response r = Response::Text(200, "ok");
               r.SetHeader("Cache-Control", "max-age=60");
               r.SetHeader("Content-Security-Policy", "default-src 'self'");
               return r;
             }));
  auto server = StartServer(std::move(router));
  TestClient client(server->port());
  for (const char* path : {"/api/v1/orders/7", "/api/v1/nothing"}) {
    auto r = client.Send("GET", path);
    EXPECT_EQ(r.Header("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_EQ(r.Header("X-Frame-Options"), "DENY") << path;
    EXPECT_EQ(r.Header("Content-Security-Policy"), "default-src 'none'; frame-ancestors 'none'")
        << path;
    EXPECT_EQ(r.Header("Referrer-Policy"), "no-referrer") << path;
    EXPECT_EQ(r.Header("Cache-Control"), "no-store") << path;
  }
  auto own = client.Send("GET", "/cacheable");
  EXPECT_EQ(own.Header("Cache-Control"), "max-age=60");
  EXPECT_EQ(own.Header("Content-Security-Policy"), "default-src 'self'");
  EXPECT_EQ(own.Header("X-Content-Type-Options"), "nosniff");
}

// Routing reads the path as received, segment by segment: an encoded '/' stays inside its
// segment (so "/api%2Fv1%2F..." reaches no route past a proxy's path rules), and each segment
// is decoded before it is matched or bound.
TEST(ServerTest, AnEncodedSlashStaysInsideItsSegment) {
  auto server = StartServer(EchoRouter());
  TestClient client(server->port());
  auto smuggled = client.Send("GET", "/api%2Fv1%2Forders%2F7");
  EXPECT_EQ(smuggled.status, 404);
  EXPECT_EQ(client.Send("GET", "/api/v1%2Forders/7").status, 404);
  auto inside = client.Send("GET", "/api/v1/orders/a%2Fb");
  ASSERT_EQ(inside.status, 200);
  EXPECT_EQ(inside.Json()["id"], "a/b");
  auto escaped = client.Send("GET", "/api/v1/orders/SO%2D000042");
  ASSERT_EQ(escaped.status, 200);
  EXPECT_EQ(escaped.Json()["id"], "SO-000042");
  EXPECT_EQ(client.Send("GET", "/%61pi/v1/orders/7").status, 200);  // an escaped letter is fine
}

TEST(ServerTest, NotFoundAndMethodNotAllowedAreProblems) {
  auto server = StartServer(EchoRouter());
  TestClient client(server->port());
  auto missing = client.Send("GET", "/api/v1/nothing");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.Header("Content-Type"), "application/problem+json");
  EXPECT_EQ(missing.Json()["code"], "not_found");
  EXPECT_EQ(missing.Json()["type"], "https://ordo.dev/problems/not_found");
  auto wrong = client.Send("DELETE", "/api/v1/orders/1");
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(wrong.Header("Allow"), "GET");
  EXPECT_EQ(wrong.Json()["code"], "method_not_allowed");
}

TEST(ServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  auto server = StartServer(EchoRouter());
  TestClient client(server->port());
  std::set<std::string> remotes;
  for (int i = 0; i < 5; ++i) {
    auto response = client.Send("GET", "/echo/x" + std::to_string(i));
    ASSERT_EQ(response.status, 200);
    EXPECT_TRUE(response.keep_alive);
    EXPECT_EQ(response.Json()["word"], "x" + std::to_string(i));
    remotes.insert(response.Json()["remote"]);
  }
  EXPECT_EQ(remotes.size(), 1u);
  EXPECT_EQ(remotes.begin()->rfind("127.0.0.1:", 0), 0u);
}

TEST(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  auto server = StartServer(EchoRouter());
  TestClient client(server->port());
  client.WriteRaw(
      "GET /echo/one HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /echo/two HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /echo/three HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(client.Read().Json()["word"], "one");
  EXPECT_EQ(client.Read().Json()["word"], "two");
  EXPECT_EQ(client.Read().Json()["word"], "three");
}

TEST(ServerTest, PathAndQueryAreDecoded) {
  auto server = StartServer(EchoRouter());
  TestClient client(server->port());
  auto response = client.Send("GET", "/echo/a%20b%C3%A9?q=a+b%20c%26d&tag=x&tag=y&flag");
  ASSERT_EQ(response.status, 200);
  nlohmann::json body = response.Json();
  EXPECT_EQ(body["path"], "/echo/a b\xc3\xa9");
  EXPECT_EQ(body["word"], "a b\xc3\xa9");
  auto pair = [](const char* key, const char* value) {
    return nlohmann::json::array({key, value});
  };
  nlohmann::json expected = nlohmann::json::array(
      {pair("q", "a b c&d"), pair("tag", "x"), pair("tag", "y"), pair("flag", "")});
  EXPECT_EQ(body["query"], expected);
}

TEST(ServerTest, MalformedTargetsAreBadRequests) {
  auto server = StartServer(EchoRouter());
  TestClient client(server->port());
  auto bad_escape = client.Send("GET", "/echo/x?q=%zz");
  EXPECT_EQ(bad_escape.status, 400);
  EXPECT_EQ(bad_escape.Json()["code"], "bad_request");
  EXPECT_TRUE(bad_escape.keep_alive);
  EXPECT_EQ(client.Send("GET", "http://example.com/echo/x").status, 400);
  EXPECT_EQ(client.Send("GET", "/echo/ok").status, 200);
}

TEST(ServerTest, MalformedRequestIsAnsweredAndClosed) {
  auto server = StartServer(EchoRouter());
  TestClient client(server->port());
  client.WriteRaw("GET /echo/x HTTP/1.1\r\nBad Header\r\n\r\n");
  auto response = client.Read();
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.Json()["code"], "bad_request");
  EXPECT_FALSE(response.keep_alive);
  EXPECT_TRUE(client.ReadUntilClosed());
}

TEST(ServerTest, HeadersTooLargeIs431) {
  ServerOptions options = testing::LocalOptions();
  options.max_header_bytes = 1024;
  auto server = StartServer(EchoRouter(), options);
  TestClient client(server->port());
  client.WriteRequest("GET", "/echo/x", "", {{"X-Big", std::string(2000, 'a')}});
  auto response = client.Read();
  EXPECT_EQ(response.status, 431);
  EXPECT_EQ(response.Json()["code"], "headers_too_large");
  EXPECT_TRUE(client.ReadUntilClosed());
}

TEST(ServerTest, RequestIdIsEchoedOrGenerated) {
  auto server = StartServer(EchoRouter());
  TestClient client(server->port());
  auto given = client.Send("GET", "/echo/x", "", {{"X-Request-Id", "req-42.a_b:c"}});
  EXPECT_EQ(given.Header("X-Request-Id"), "req-42.a_b:c");
  EXPECT_EQ(given.Json()["request_id"], "req-42.a_b:c");
  auto generated = client.Send("GET", "/echo/x");
  std::string id = generated.Header("X-Request-Id").value_or("");
  EXPECT_EQ(id.size(), 16u);
  EXPECT_EQ(generated.Json()["request_id"], id);
  auto longest = client.Send("GET", "/echo/x", "", {{"X-Request-Id", std::string(64, 'r')}});
  EXPECT_EQ(longest.Header("X-Request-Id"), std::string(64, 'r'));
  // Anything else is replaced by an id of the server's own, in the header and for handlers.
  for (std::string malformed : {std::string("a b"), std::string(65, 'r'), std::string("a\tb"),
                                std::string("caf\xc3\xa9"), std::string("a/b")}) {
    auto unsafe = client.Send("GET", "/echo/x", "", {{"X-Request-Id", malformed}});
    std::string replaced = unsafe.Header("X-Request-Id").value_or("");
    EXPECT_EQ(replaced.size(), 16u) << malformed;
    EXPECT_EQ(unsafe.Json()["request_id"], replaced) << malformed;
  }
  // Control characters other than tab do not even parse as a header.
  TestClient raw(server->port());
  raw.WriteRaw("GET /echo/x HTTP/1.1\r\nHost: x\r\nX-Request-Id: a\x01b\r\n\r\n");
  auto refused = raw.Read();
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.Header("X-Request-Id").value_or("").size(), 16u);
  auto not_found = client.Send("GET", "/nope", "", {{"X-Request-Id", "nf-1"}});
  EXPECT_EQ(not_found.Header("X-Request-Id"), "nf-1");
}

TEST(ServerTest, Http11WithoutHostIs400AndNothingIsHandled) {
  std::atomic<int> handled = 0;
  Router router;
  router.Add("GET", "/x", SyncHandler([&](Request&) {
               ++handled;
               return Response::Text(200, "x");
             }));
  auto server = StartServer(std::move(router));

  TestClient missing(server->port());
  missing.WriteRaw("GET /x HTTP/1.1\r\n\r\n");
  auto response = missing.Read();
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.Header("Content-Type"), "application/problem+json");
  EXPECT_EQ(response.Json()["code"], "missing_host");
  EXPECT_TRUE(missing.ReadUntilClosed());

  TestClient twice(server->port());
  twice.WriteRaw("GET /x HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n");
  response = twice.Read();
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.Json()["code"], "bad_request");
  EXPECT_TRUE(twice.ReadUntilClosed());
  EXPECT_EQ(handled.load(), 0);

  // HTTP/1.0 has no Host requirement, and an empty Host is a Host.
  TestClient old(server->port());
  old.WriteRaw("GET /x HTTP/1.0\r\n\r\n");
  EXPECT_EQ(old.Read().status, 200);
  TestClient empty(server->port());
  empty.WriteRaw("GET /x HTTP/1.1\r\nHost:\r\n\r\n");
  EXPECT_EQ(empty.Read().status, 200);
  EXPECT_EQ(handled.load(), 2);
}

TEST(ServerTest, ConnectionCloseIsHonoured) {
  auto server = StartServer(EchoRouter());
  TestClient client(server->port());
  auto response = client.Send("GET", "/echo/x", "", {{"Connection", "close"}});
  EXPECT_EQ(response.status, 200);
  EXPECT_FALSE(response.keep_alive);
  EXPECT_EQ(response.Header("Connection"), "close");
  EXPECT_TRUE(client.ReadUntilClosed());
}

TEST(ServerTest, ExpectContinueGetsInterimResponse) {
  auto server = StartServer(EchoRouter());
  TestClient client(server->port());
  client.WriteRaw(
      "POST /api/v1/orders/1/holds/credit/release HTTP/1.1\r\nHost: x\r\n"
      "Content-Length: 2\r\nExpect: 100-continue\r\n\r\n");
  EXPECT_EQ(client.Read().status, 100);
  client.WriteRaw("{}");
  auto response = client.Read();
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.Json()["body"], "{}");
}

TEST(ServerTest, OnCompleteSeesEveryResponse) {
  std::mutex mu;
  std::vector<std::pair<std::string, int>> seen;
  std::latch all_seen(3);
  ServerOptions options = testing::LocalOptions();
  options.on_complete = [&](const Request& request, const Response& response,
                            std::chrono::nanoseconds elapsed) {
    EXPECT_GE(elapsed.count(), 0);
    std::lock_guard lock(mu);
    seen.emplace_back(request.method + " " + request.path, response.status);
    all_seen.count_down();
  };
  auto server = StartServer(EchoRouter(), options);
  TestClient client(server->port());
  client.Send("GET", "/echo/a");
  client.Send("GET", "/nope");
  client.Send("PUT", "/echo/a");
  all_seen.wait();
  std::lock_guard lock(mu);
  std::vector<std::pair<std::string, int>> expected = {
      {"GET /echo/a", 200}, {"GET /nope", 404}, {"PUT /echo/a", 405}};
  EXPECT_EQ(seen, expected);
}

}  // namespace
}  // namespace ordo::http
