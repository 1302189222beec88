// The web application's routes over real HTTP on 127.0.0.1: index.html at /, the hashed assets
// it names, gzip only for a client that accepts it, revalidation with the ETag, caching for
// good only for names that carry a content hash, and the application's content security policy.
#include "web/web_routes.h"

#include <gtest/gtest.h>

#include <memory>
#include <regex>
#include <string>

#include "http/test_client.h"
#include "http/test_server.h"
#include "web/web_assets.h"

namespace ordo::web {
namespace {

using http::testing::TestClient;

class WebRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    http::Router router;
    AddWebRoutes(router);
    server_ = http::testing::StartServer(std::move(router));
    client_ = std::make_unique<TestClient>(server_->port());
  }
  std::unique_ptr<http::Server> server_;
  std::unique_ptr<TestClient> client_;
};

TEST_F(WebRoutesTest, TheRootIsTheApplicationPageAndNamesItsHashedAssets) {
  auto page = client_->Send("GET", "/");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.Header("Content-Type").value_or(""), "text/html; charset=utf-8");
  EXPECT_EQ(page.Header("Cache-Control").value_or(""), "no-cache");
  EXPECT_EQ(page.Header("Content-Security-Policy").value_or(""), kContentSecurityPolicy);
  EXPECT_EQ(page.Header("X-Content-Type-Options").value_or(""), "nosniff");
  EXPECT_FALSE(page.Header("Content-Encoding").has_value());

  std::smatch script;
  ASSERT_TRUE(
      std::regex_search(page.body, script, std::regex(R"(src="(/assets/app-[0-9a-f]{12}\.js)\")")))
      << page.body;
  auto js = client_->Send("GET", script[1].str());
  ASSERT_EQ(js.status, 200);
  EXPECT_EQ(js.Header("Content-Type").value_or(""), "text/javascript; charset=utf-8");
  EXPECT_EQ(js.Header("Cache-Control").value_or(""), "public, max-age=31536000, immutable");
  EXPECT_GT(js.body.size(), 1000u);
  // The application's icon is its own, so no browser asks for a missing /favicon.ico.
  std::smatch icon;
  ASSERT_TRUE(std::regex_search(
      page.body, icon, std::regex(R"(rel="icon" href="(/assets/icon-[0-9a-f]{12}\.svg)\")")))
      << page.body;
  auto svg = client_->Send("GET", icon[1].str());
  ASSERT_EQ(svg.status, 200);
  EXPECT_EQ(svg.Header("Content-Type").value_or(""), "image/svg+xml");
  EXPECT_EQ(svg.body.rfind("<svg", 0), 0u) << svg.body;
  // Nothing is loaded from elsewhere.
  EXPECT_EQ(page.body.find("http"), std::string::npos) << page.body;
}

TEST_F(WebRoutesTest, GzipOnlyForAClientThatAcceptsIt) {
  auto plain = client_->Send("GET", "/");
  for (const char* accept : {"gzip", "br, gzip;q=0.5", "*", "deflate, GZIP"}) {
    auto zipped = client_->Send("GET", "/", "", {{"Accept-Encoding", accept}});
    ASSERT_EQ(zipped.status, 200) << accept;
    EXPECT_EQ(zipped.Header("Content-Encoding").value_or(""), "gzip") << accept;
    EXPECT_EQ(zipped.Header("Vary").value_or(""), "Accept-Encoding");
    EXPECT_NE(zipped.body, plain.body);
    EXPECT_EQ(zipped.body.substr(0, 2), std::string("\x1f\x8b")) << accept;
  }
  for (const char* refuse : {"gzip;q=0", "identity", "br", "gzip; q=0.000"}) {
    auto r = client_->Send("GET", "/", "", {{"Accept-Encoding", refuse}});
    EXPECT_FALSE(r.Header("Content-Encoding").has_value()) << refuse;
    EXPECT_EQ(r.body, plain.body) << refuse;
  }
}

TEST_F(WebRoutesTest, AnUnchangedPageIsRevalidatedWithItsETag) {
  auto page = client_->Send("GET", "/");
  const std::string tag = page.Header("ETag").value_or("");
  ASSERT_FALSE(tag.empty());
  auto again = client_->Send("GET", "/", "", {{"If-None-Match", tag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(client_->Send("GET", "/", "", {{"If-None-Match", "\"other\""}}).status, 200);
}

TEST_F(WebRoutesTest, UnknownAssetsAreNotFound) {
  auto r = client_->Send("GET", "/assets/nothing.js");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.Header("Content-Type").value_or(""), "application/problem+json");
  EXPECT_EQ(client_->Send("GET", "/assets/..%2Findex.html").status, 404);
}

}  // namespace
}  // namespace ordo::web
