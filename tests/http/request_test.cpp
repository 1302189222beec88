#include "http/request.h"

#include <gtest/gtest.h>

#include "http/request_id.h"

namespace ordo::http {
namespace {

TEST(RequestTest, HeaderLookupIgnoresCase) {
  Request request;
  request.headers = {{"Content-Type", "application/json"}, {"X-Thing", "1"}, {"x-thing", "2"}};
  EXPECT_EQ(request.Header("content-type"), "application/json");
  EXPECT_EQ(request.Header("X-THING"), "1");
  EXPECT_EQ(request.Header("Missing"), std::nullopt);
}

TEST(RequestTest, QueryAndPathParams) {
  Request request;
  request.query = {{"tag", "a"}, {"tag", "b"}};
  request.path_params = {{"id", "42"}};
  EXPECT_EQ(request.Query("tag"), "a");
  EXPECT_EQ(request.Query("TAG"), std::nullopt);
  EXPECT_EQ(request.PathParam("id"), "42");
  EXPECT_EQ(request.PathParam("kind"), std::nullopt);
}

TEST(RequestIdTest, NewIdsAreSixteenHexCharsAndDiffer) {
  std::string a = NewRequestId();
  std::string b = NewRequestId();
  EXPECT_EQ(a.size(), 16u);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(a, b);
}

TEST(RequestIdTest, AcceptsOnlySafeIncomingIds) {
  EXPECT_EQ(RequestIdFor("abc-123_x.y:z"), "abc-123_x.y:z");
  EXPECT_EQ(RequestIdFor(std::string(64, 'a')), std::string(64, 'a'));
  EXPECT_NE(RequestIdFor(std::string(65, 'a')), std::string(65, 'a'));
  EXPECT_NE(RequestIdFor("has space"), "has space");
  EXPECT_EQ(RequestIdFor("").size(), 16u);
  EXPECT_EQ(RequestIdFor(std::nullopt).size(), 16u);
}

}  // namespace
}  // namespace ordo::http
