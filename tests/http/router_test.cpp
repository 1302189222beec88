#include "http/router.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>

namespace ordo::http {
namespace {

// Dispatches synchronously and returns what the handler (or the router) answered.
Response Call(const Router& router, std::string method, std::string path, Request* seen = nullptr) {
  Request request;
  request.method = std::move(method);
  request.path = std::move(path);
  std::optional<Response> answer;
  router.Dispatch(request, [&](Response response) { answer = std::move(response); });
  if (seen != nullptr) *seen = request;
  EXPECT_TRUE(answer.has_value());
  return answer.value_or(Response());
}

Handler Named(std::string name) {
  return SyncHandler([name](Request&) { return Response::Text(200, name); });
}

TEST(RouterTest, MatchesLiteralsAndBindsParameters) {
  Router router;
  router.Add("GET", "/api/v1/orders/{id}", Named("order"));
  router.Add("POST", "/api/v1/orders/{id}/holds/{kind}/release", Named("release"));
  Request seen;
  EXPECT_EQ(Call(router, "GET", "/api/v1/orders/SO-1", &seen).body, "order");
  EXPECT_EQ(seen.PathParam("id"), "SO-1");
  EXPECT_EQ(Call(router, "POST", "/api/v1/orders/7/holds/credit/release", &seen).body, "release");
  EXPECT_EQ(seen.PathParam("id"), "7");
  EXPECT_EQ(seen.PathParam("kind"), "credit");
}

TEST(RouterTest, RootPattern) {
  Router router;
  router.Add("GET", "/", Named("root"));
  EXPECT_EQ(Call(router, "GET", "/").body, "root");
  EXPECT_EQ(Call(router, "GET", "/x").status, 404);
}

TEST(RouterTest, LiteralBeatsParameterWithBacktracking) {
  Router router;
  router.Add("GET", "/orders/{id}", Named("by-id"));
  router.Add("GET", "/orders/search", Named("search"));
  router.Add("GET", "/orders/search/x", Named("search-x"));
  router.Add("GET", "/orders/{id}/lines", Named("lines"));
  EXPECT_EQ(Call(router, "GET", "/orders/search").body, "search");
  EXPECT_EQ(Call(router, "GET", "/orders/42").body, "by-id");
  EXPECT_EQ(Call(router, "GET", "/orders/search/x").body, "search-x");
  Request seen;
  EXPECT_EQ(Call(router, "GET", "/orders/search/lines", &seen).body, "lines");
  EXPECT_EQ(seen.PathParam("id"), "search");
}

TEST(RouterTest, MethodPicksAmongMatchingPatterns) {
  Router router;
  router.Add("GET", "/orders/search", Named("search"));
  router.Add("DELETE", "/orders/{id}", Named("delete"));
  EXPECT_EQ(Call(router, "DELETE", "/orders/search").body, "delete");
}

TEST(RouterTest, NotFoundProblem) {
  Router router;
  router.Add("GET", "/orders/{id}", Named("order"));
  for (const char* path : {"/nope", "/orders", "/orders/", "/orders/1/2", "", "orders/1"}) {
    Response response = Call(router, "GET", path);
    EXPECT_EQ(response.status, 404) << path;
    EXPECT_EQ(response.Header("Content-Type"), "application/problem+json");
    EXPECT_EQ(nlohmann::json::parse(response.body)["code"], "not_found");
  }
}

TEST(RouterTest, MethodNotAllowedListsAllow) {
  Router router;
  router.Add("POST", "/orders/{id}", Named("post"));
  router.Add("GET", "/orders/{id}", Named("get"));
  router.Add("PUT", "/orders/special", Named("put"));
  Response response = Call(router, "DELETE", "/orders/special");
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response.Header("Allow"), "GET, POST, PUT");
  EXPECT_EQ(nlohmann::json::parse(response.body)["code"], "method_not_allowed");
}

TEST(RouterTest, ListsRoutesInRegistrationOrder) {
  Router router;
  router.Add("get", "/b/{x}", Named("1"));
  router.Add("POST", "/a", Named("2"));
  std::vector<RouteInfo> expected = {{"GET", "/b/{x}"}, {"POST", "/a"}};
  EXPECT_EQ(router.Routes(), expected);
}

TEST(RouterTest, SuffixedParameterBindsWhatPrecedesTheSuffix) {
  Router router;
  router.Add("GET", "/invoices/{id}", Named("json"));
  router.Add("GET", "/invoices/{id}.pdf", Named("pdf"));
  Request seen;
  EXPECT_EQ(Call(router, "GET", "/invoices/IN-000001.pdf", &seen).body, "pdf");
  EXPECT_EQ(seen.PathParam("id"), "IN-000001");
  EXPECT_EQ(Call(router, "GET", "/invoices/IN-000001", &seen).body, "json");
  EXPECT_EQ(seen.PathParam("id"), "IN-000001");
  // The suffix alone is no parameter value: it falls through to the bare parameter.
  EXPECT_EQ(Call(router, "GET", "/invoices/.pdf", &seen).body, "json");
  EXPECT_EQ(seen.PathParam("id"), ".pdf");
  EXPECT_THROW(router.Add("GET", "/invoices/{id}.pdf", Named("again")), std::invalid_argument);
  EXPECT_THROW(router.Add("GET", "/x/{id}.{y}", Named("bad")), std::invalid_argument);
}

TEST(RouterTest, RejectsBadPatternsAndDuplicates) {
  Router router;
  router.Add("GET", "/a/{id}", Named("1"));
  EXPECT_THROW(router.Add("GET", "/a/{id}", Named("2")), std::invalid_argument);
  EXPECT_THROW(router.Add("GET", "a", Named("2")), std::invalid_argument);
  EXPECT_THROW(router.Add("GET", "/a//b", Named("2")), std::invalid_argument);
  EXPECT_THROW(router.Add("GET", "/a/{}", Named("2")), std::invalid_argument);
  EXPECT_THROW(router.Add("GET", "/a/x{id}", Named("2")), std::invalid_argument);
  EXPECT_THROW(router.Add("GET", "/a/{id}/{id}", Named("2")), std::invalid_argument);
  EXPECT_THROW(router.Add("GE T", "/b", Named("2")), std::invalid_argument);
  EXPECT_THROW(router.Add("GET", "/b", Handler()), std::invalid_argument);
  EXPECT_EQ(router.Routes().size(), 1u);
}

TEST(RouterTest, HandlerExceptionsPropagate) {
  Router router;
  router.Add("GET", "/boom", [](Request&, Responder) { throw std::runtime_error("boom"); });
  Request request;
  request.method = "GET";
  request.path = "/boom";
  EXPECT_THROW(router.Dispatch(request, [](Response) {}), std::runtime_error);
}

}  // namespace
}  // namespace ordo::http
