#include "http/url.h"

#include <gtest/gtest.h>

namespace ordo::http {
namespace {

TEST(PercentDecodeTest, DecodesEscapes) {
  EXPECT_EQ(PercentDecode("a%20b%2Fc%c3%A9", false), "a b/c\xc3\xa9");
  EXPECT_EQ(PercentDecode("", false), "");
}

TEST(PercentDecodeTest, PlusIsSpaceOnlyWhenAsked) {
  EXPECT_EQ(PercentDecode("a+b", true), "a b");
  EXPECT_EQ(PercentDecode("a+b", false), "a+b");
  EXPECT_EQ(PercentDecode("a%2Bb", true), "a+b");
}

TEST(PercentDecodeTest, RejectsMalformedEscapes) {
  EXPECT_EQ(PercentDecode("%", false), std::nullopt);
  EXPECT_EQ(PercentDecode("%4", false), std::nullopt);
  EXPECT_EQ(PercentDecode("a%zzb", false), std::nullopt);
  EXPECT_EQ(PercentDecode("%00", false), std::nullopt);
}

TEST(ParseQueryTest, KeepsOrderRepeatsAndFlags) {
  auto query = ParseQuery("a=1&b=x+y%21&a=2&&flag&=v");
  ASSERT_TRUE(query.has_value());
  QueryParams expected = {{"a", "1"}, {"b", "x y!"}, {"a", "2"}, {"flag", ""}, {"", "v"}};
  EXPECT_EQ(*query, expected);
}

TEST(ParseQueryTest, EmptyAndMalformed) {
  EXPECT_EQ(ParseQuery(""), QueryParams{});
  EXPECT_EQ(ParseQuery("a=%G0"), std::nullopt);
}

TEST(SplitTargetTest, SplitsAtFirstQuestionMark) {
  EXPECT_EQ(SplitTarget("/a/b?x=1?y"),
            std::make_pair(std::string_view("/a/b"), std::string_view("x=1?y")));
  EXPECT_EQ(SplitTarget("/a"), std::make_pair(std::string_view("/a"), std::string_view()));
}

}  // namespace
}  // namespace ordo::http
