#include "http/response.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace ordo::http {
namespace {

TEST(ResponseTest, JsonSetsContentType) {
  Response response = Response::Json(201, {{"id", 7}});
  EXPECT_EQ(response.status, 201);
  EXPECT_EQ(response.Header("content-type"), "application/json");
  EXPECT_EQ(nlohmann::json::parse(response.body), nlohmann::json({{"id", 7}}));
}

TEST(ResponseTest, JsonReplacesInvalidUtf8InsteadOfThrowing) {
  Response response = Response::Json(200, {{"name", std::string("a\xff")}});
  EXPECT_TRUE(nlohmann::json::accept(response.body));
}

TEST(ResponseTest, Text) {
  Response response = Response::Text(200, "hello");
  EXPECT_EQ(response.body, "hello");
  EXPECT_EQ(response.Header("Content-Type"), "text/plain; charset=utf-8");
  EXPECT_EQ(Response::Text(200, "<p/>", "text/html").Header("Content-Type"), "text/html");
}

TEST(ResponseTest, ProblemDocument) {
  nlohmann::json errors = {{{"field", "lines/0/quantity"}, {"code", "too_small"}}};
  Response response =
      Response::Problem(422, "invalid_argument", "Invalid Argument", "bad lines", errors);
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response.Header("Content-Type"), "application/problem+json");
  nlohmann::json doc = nlohmann::json::parse(response.body);
  EXPECT_EQ(doc["type"], "https://ordo.dev/problems/invalid_argument");
  EXPECT_EQ(doc["title"], "Invalid Argument");
  EXPECT_EQ(doc["status"], 422);
  EXPECT_EQ(doc["detail"], "bad lines");
  EXPECT_EQ(doc["code"], "invalid_argument");
  EXPECT_EQ(doc["errors"], errors);
}

TEST(ResponseTest, ProblemWithoutErrorsHasEmptyArray) {
  nlohmann::json doc = nlohmann::json::parse(Response::Problem(404, "not_found", "Not Found").body);
  EXPECT_EQ(doc["errors"], nlohmann::json::array());
  EXPECT_EQ(doc["detail"], "");
}

TEST(ResponseTest, SetHeaderReplacesIgnoringCase) {
  Response response;
  response.headers = {{"x-a", "1"}, {"X-A", "2"}, {"B", "3"}};
  response.SetHeader("X-a", "9");
  EXPECT_EQ(response.headers.size(), 2u);
  EXPECT_EQ(response.Header("x-A"), "9");
}

}  // namespace
}  // namespace ordo::http
